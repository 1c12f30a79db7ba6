"""Outputs: the CLI, listings, exports and the HTML report."""

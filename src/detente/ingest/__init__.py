"""Ingest: files, folders, globs, stdin, URLs and feeds → clean, dated, deduplicated documents.

``ingest(sources, store)`` is what the pipeline and the CLI call; ``boilerplate_spans``
and ``strip_boilerplate`` are shared with the readers, which skip boilerplate spans.
"""
from .boilerplate import boilerplate_spans, strip_boilerplate
from .run import IngestResult, ingest

__all__ = ["IngestResult", "boilerplate_spans", "ingest", "strip_boilerplate"]

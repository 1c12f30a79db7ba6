"""CLI commands of the analytics stage (stub: replaced by the stage's own commands)."""
import typer


def register(app: typer.Typer) -> None:
    pass

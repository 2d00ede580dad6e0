"""Corpus commands of the command line (ingest, queries, exports), registered on the main app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the `communique` command line."""

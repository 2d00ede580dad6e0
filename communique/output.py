"""Renders analyses: the JSON contract, JSON Lines, and a readable text report."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

from communique.document import Document

FORMATS = ("json", "jsonl", "text")


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of `communique.analysis/1`, shipped in the package."""
    path = resources.files("communique") / "schema" / "analysis.schema.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def validate(payload: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when an analysis breaks the contract."""
    import jsonschema

    jsonschema.validate(payload, analysis_schema())


def to_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)


def _names(doc: Document, ids: list[str]) -> str:
    names = []
    for entity_id in ids:
        ent = doc.entity(entity_id)
        names.append(ent.name if ent else entity_id)
    return ", ".join(names)


def render_text(doc: Document, console: Console) -> None:
    """A readable report: article, sections, events, statements, flags."""
    a = doc.article
    meta = " · ".join(x for x in (a.outlet, a.published, a.url, f"id {a.id}") if x)
    console.print(Panel(f"[bold]{a.title or '(untitled)'}[/bold]\n{meta}", expand=False))

    sections = Table(title="Sections", show_lines=False)
    for col in ("kind", "heading", "chars"):
        sections.add_column(col)
    for sec in doc.sections:
        sections.add_row(sec.kind, (sec.heading or "")[:70], f"{sec.start}–{sec.end}")

    events = Table(title="Events")
    for col in (
        "id",
        "type",
        "status",
        "participants",
        "countries",
        "where",
        "when",
        "source",
        "verification",
        "section",
    ):
        events.add_column(col)
    for e in doc.events:
        where = ""
        if e.location:
            where = e.location.text or e.location.kind
            if e.location.country:
                where += f" ({e.location.country})"
        when = ""
        if e.when:
            when = e.when.start or ""
            if e.when.end and e.when.end != e.when.start:
                when += f" → {e.when.end}"
        events.add_row(
            e.id,
            e.type + (f"/{e.mode}" if e.mode else ""),
            e.status,
            _names(doc, e.actors + e.recipients),
            ", ".join(e.countries),
            where,
            when,
            e.source or "",
            e.verification,
            e.section,
        )

    statements = Table(title="Statements")
    for col in ("id", "speaker", "cue", "kind", "content", "channel", "relays", "date", "hedges"):
        statements.add_column(col)
    for s in doc.statements:
        speaker = _names(doc, [s.speaker]) if s.speaker else (s.speaker_text or "?")
        content = s.content if len(s.content) <= 120 else s.content[:117] + "…"
        statements.add_row(
            s.id,
            speaker,
            s.cue or "",
            s.kind,
            content,
            _names(doc, [s.channel]) if s.channel else "",
            _names(doc, s.relays),
            s.date or "",
            "; ".join(s.hedges),
        )

    flags = Table(title="Flags")
    for col in ("kind", "message", "at"):
        flags.add_column(col)
    for f in doc.flags:
        flags.add_row(f.kind, f.message, "" if f.start is None else str(f.start))

    console.print(Group(sections, events, statements, flags))

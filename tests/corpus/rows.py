"""Event rows as the linker takes them, for linking tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from communique.corpus.engagements import EventRow


def talks_row(seq: int, countries: set[str], day: str | None, **fields: Any) -> EventRow:
    """A report of talks between countries (article `a<seq>`, outlet `o<seq>`), held on
    `day` if given; any other field of the row may be set."""
    when = date.fromisoformat(day) if day else None
    values: dict[str, Any] = {
        "seq": seq,
        "article": f"a{seq}",
        "event": "v1",
        "type": "CONSULT",
        "mode": None,
        "status": "planned",
        "countries": frozenset(countries),
        "location_text": None,
        "location_country": None,
        "location_kind": None,
        "when_text": day,
        "start": when,
        "end": when,
        "as_of": None,
        "verification": "single-source",
        "evidence": "",
        "participants": [],
        "outlet": f"o{seq}",
        "origin": None,
    }
    values.update(fields)
    return EventRow(**values)

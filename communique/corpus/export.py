"""Exports of the store: JSON Lines, CSV, Parquet, and iCalendar for upcoming engagements."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from communique.corpus.store import Corpus

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "ics")
EXPORT_KINDS = ("engagements", "events", "statements")
#: Engagement statuses that go into the calendar: announced or scheduled, not yet held.
CALENDAR_STATUSES = ("planned",)
#: Product identifier written into calendars.
ICS_PRODID = "-//communique//engagements//EN"


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """One row of scalars: lists of strings joined with '|', nested objects as JSON."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            row[key] = "|".join(value)
        elif isinstance(value, dict) and key in ("when", "location", "sources"):
            for sub, v in value.items():
                row[f"{key}_{sub}"] = v
        elif isinstance(value, list | dict):
            row[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        else:
            row[key] = value
    return row


def rows(corpus: Corpus, kind: str) -> list[dict[str, Any]]:
    """Every record of a kind, oldest first for engagements."""
    if kind == "engagements":
        return corpus.timeline(limit=None)
    if kind == "events":
        return corpus.events(limit=None)
    return corpus.statements(limit=None)


def to_csv(records: list[dict[str, Any]]) -> str:
    """Records as CSV text with a header of every column seen."""
    flats = [flat(r) for r in records]
    columns: list[str] = []
    for r in flats:
        columns += [c for c in r if c not in columns]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flats)
    return buf.getvalue()


def to_ics(engagements: list[dict[str, Any]]) -> bytes:
    """Planned engagements with dates as all-day calendar events (a range when uncertain)."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    cal = Calendar()
    cal.add("prodid", ICS_PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "communique: upcoming engagements")
    for g in engagements:
        when = g.get("when") or {}
        if g.get("status") not in CALENDAR_STATUSES or not when.get("start"):
            continue
        start = date.fromisoformat(when["start"])
        end = date.fromisoformat(when.get("end") or when["start"])
        ev = CalendarEvent()
        ev.add("uid", f"{g['id']}@communique")
        ev.add("summary", f"{g['type'].title()}: {', '.join(g['countries'])} ({g['status']})")
        ev.add("dtstart", start)
        ev.add("dtend", end + timedelta(days=1))
        stamp = g.get("last_reported") or when["start"]
        ev.add("dtstamp", datetime.fromisoformat(stamp).replace(tzinfo=UTC))
        location = (g.get("location") or {}).get("text")
        if location:
            ev.add("location", location)
        lines = [f"{e['as_of'] or '?'} {e['status']} ({e['article']})" for e in g["lifecycle"]]
        sources = g["sources"]
        lines.append(
            f"{sources['articles']} articles, {sources['outlets']} outlets,"
            f" {sources['independent_origins']} independent origins; {g['verification']}"
        )
        ev.add("description", "\n".join(lines))
        ev.add("status", "TENTATIVE" if start != end else "CONFIRMED")
        cal.add_component(ev)
    return bytes(cal.to_ical())


def to_parquet(records: list[dict[str, Any]], path: str) -> None:
    """Records as one Parquet file of flat columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flats = [flat(r) for r in records]
    columns: list[str] = []
    for r in flats:
        columns += [c for c in r if c not in columns]
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in flats])
    pq.write_table(table, path)


def export(corpus: Corpus, fmt: str, out: Any, kind: str = "engagements") -> int:
    """Write records of a kind to `out` (a text stream, or a path for Parquet); returns rows."""
    records = rows(corpus, "engagements" if fmt == "ics" else kind)
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    elif fmt == "csv":
        out.write(to_csv(records))
    elif fmt == "ics":
        out.write(to_ics(records).decode("utf-8"))
    elif fmt == "parquet":
        to_parquet(records, str(out))
    return len(records)

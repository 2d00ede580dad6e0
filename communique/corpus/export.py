"""Exports of the store: JSON Lines, CSV, Parquet, and iCalendar for upcoming engagements."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
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


def rows(corpus: Corpus, kind: str) -> Iterator[dict[str, Any]]:
    """Every record of a kind, one at a time, oldest first for engagements."""
    from communique.corpus.queries import every

    return every(corpus.db, kind)


def columns_of(records: Iterable[dict[str, Any]]) -> dict[str, type | None]:
    """Every flat column seen, in order of appearance, with the type of its first value."""
    columns: dict[str, type | None] = {}
    for r in records:
        for c, v in flat(r).items():
            if columns.get(c) is None:
                columns[c] = None if v is None else type(v)
    return columns


def to_csv(records: Iterable[dict[str, Any]], out: Any, columns: Iterable[str]) -> int:
    """Records written to `out` as CSV under a header of the given columns; returns rows."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    n = 0
    for r in records:
        writer.writerow(flat(r))
        n += 1
    return n


def to_ics(engagements: Iterable[dict[str, Any]]) -> bytes:
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


#: Arrow types of flat values; anything else is written as text.
_ARROW_TYPES: dict[type | None, str] = {bool: "bool_", int: "int64", float: "float64"}
#: Rows written to Parquet at a time.
PARQUET_BATCH = 10_000


def to_parquet(
    records: Iterable[dict[str, Any]], path: str, columns: dict[str, type | None]
) -> int:
    """Records as one Parquet file of flat columns, written a batch at a time; returns rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [(c, getattr(pa, _ARROW_TYPES.get(t, "string"))()) for c, t in columns.items()]
    )
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for r in records:
            batch.append(flat(r))
            if len(batch) == PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                n += len(batch)
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema))
        n += len(batch)
    return n


def export(corpus: Corpus, fmt: str, out: Any, kind: str = "engagements") -> int:
    """Write records of a kind to `out` (a text stream, or a path for Parquet); returns rows.

    Records are read one at a time, so that a store of any size exports in bounded memory;
    CSV and Parquet read them twice, first for their columns.
    """
    if fmt == "ics":
        planned = [g for g in rows(corpus, "engagements") if g.get("status") in CALENDAR_STATUSES]
        out.write(to_ics(planned).decode("utf-8"))
        return len(planned)
    if fmt == "jsonl":
        n = 0
        for r in rows(corpus, kind):
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
        return n
    columns = columns_of(rows(corpus, kind))
    if fmt == "csv":
        return to_csv(rows(corpus, kind), out, columns)
    return to_parquet(rows(corpus, kind), str(out), columns)

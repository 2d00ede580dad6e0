"""Queries over the store: engagements, events, statements and full-text search.

Every filter becomes a bound parameter; countries are matched through the
(country, row) tables so that "all of these countries take part" stays an index
lookup on large stores.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from communique.corpus.db import Database
from communique.document import EVENT_STATUSES, EVENT_TYPES
from communique.errors import CommuniqueError, Errors
from communique.readers import normalise_date

#: Rows returned when no limit is given.
DEFAULT_LIMIT = 100
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass
class Filters:
    """Query filters; every given one must hold."""

    country: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    status: str | None = None
    type: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    limit: int | None = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        if isinstance(self.country, str):
            self.country = [self.country]
        self.country = [c.strip().upper() for c in self.country]
        for c in self.country:
            if not _ISO3.match(c):
                raise CommuniqueError(Errors.E105, value=c)
        self.since = normalise_date(self.since, "--since")
        self.until = normalise_date(self.until, "--until")
        if self.status is not None and self.status not in EVENT_STATUSES:
            raise CommuniqueError(
                Errors.E104, option="--status", value=self.status, choices=", ".join(EVENT_STATUSES)
            )
        if self.type is not None:
            self.type = self.type.upper()
            if self.type not in EVENT_TYPES:
                raise CommuniqueError(
                    Errors.E104, option="--type", value=self.type, choices=", ".join(EVENT_TYPES)
                )


class _Where:
    """WHERE clauses with their bound parameters; a filter left empty adds nothing."""

    def __init__(self, clause: str | None = None, value: Any = None) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []
        if clause is not None:
            self.add(clause, value)

    def add(self, clause: str, value: Any) -> None:
        if value:
            self.clauses.append(clause)
            self.params.append(value)

    def countries(self, f: Filters, clause: str) -> None:
        """One clause per country: all of them must take part."""
        for c in f.country:
            self.add(clause, c)

    def select(self, sql: str, order: str, f: Filters) -> str:
        """The full statement: WHERE, ORDER BY and the row limit."""
        if self.clauses:
            sql += " WHERE " + " AND ".join(self.clauses)
        sql += f" ORDER BY {order}"
        if f.limit is not None and f.limit > 0:
            self.params.append(f.limit)
            sql += " LIMIT ?"
        return sql


def engagements(db: Database, f: Filters, oldest_first: bool = False) -> list[dict[str, Any]]:
    """Engagement records matching the filters, newest first (or oldest first)."""
    w = _Where()
    w.countries(f, "seq IN (SELECT engagement FROM engagement_countries WHERE country = ?)")
    w.add("status = ?", f.status)
    w.add("type = ?", f.type)
    w.add("COALESCE(last_day, day) >= ?", f.since)
    w.add("day <= ?", f.until)
    w.add("id IN (SELECT engagement FROM events WHERE speaker = ?)", f.speaker)
    w.add("id IN (SELECT engagement FROM events WHERE outlet = ?)", f.outlet)
    order = "ASC" if oldest_first else "DESC"
    sql = w.select("SELECT record FROM engagements", f"day IS NULL, day {order}, seq", f)
    return [json.loads(r["record"]) for r in db.query(sql, w.params)]


_EVENT_COLUMNS = (
    "article, event, type, mode, status, countries, location_text, location_country,"
    " location_kind, when_text, when_start, when_end, source, speaker, verification, section,"
    " confidence, evidence, participants, as_of, outlet, engagement"
)


def _event_dict(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    d["countries"] = [c for c in d["countries"].split("|") if c]
    d["participants"] = json.loads(d["participants"] or "[]")
    return d


def events(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Stored events matching the filters, newest first."""
    w = _common(f, "", "seq", "event_countries", "event", "day")
    w.add("type = ?", f.type)
    w.add("status = ?", f.status)
    sql = w.select(f"SELECT {_EVENT_COLUMNS} FROM events", "day IS NULL, day DESC, seq DESC", f)
    return [_event_dict(r) for r in db.query(sql, w.params)]


def _common(
    f: Filters,
    prefix: str,
    key: str,
    country_table: str,
    country_key: str,
    day: str,
    w: _Where | None = None,
) -> _Where:
    """Country, date, speaker and outlet filters of a table whose columns take `prefix`."""
    w = w or _Where()
    rows = f"SELECT {country_key} FROM {country_table} WHERE country = ?"
    w.countries(f, f"{prefix}{key} IN ({rows})")
    w.add(f"{prefix}{day} >= ?", f.since)
    w.add(f"{prefix}{day} <= ?", f.until)
    w.add(f"{prefix}speaker = ?", f.speaker)
    w.add(f"{prefix}outlet = ?", f.outlet)
    return w


def _statement_filters(f: Filters, w: _Where | None = None) -> _Where:
    return _common(f, "s.", "seq", "statement_countries", "statement", "date", w)


def statements(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Stored statements matching the filters (type and status: of events resting on them)."""
    w = _statement_filters(f)
    for column, value in (("type", f.type), ("status", f.status)):
        w.add(
            f"EXISTS (SELECT 1 FROM events e WHERE e.article = s.article"
            f" AND e.source = s.statement AND e.{column} = ?)",
            value,
        )
    sql = w.select(
        "SELECT s.article, s.statement, s.speaker, s.speaker_text, s.speaker_country, s.cue,"
        " s.kind, s.content, s.section, s.channel, s.relays, s.date, s.outlet FROM statements s",
        "s.date IS NULL, s.date DESC, s.seq",
        f,
    )
    out = []
    for r in db.query(sql, w.params):
        d = dict(r)
        d["relays"] = json.loads(d["relays"] or "[]")
        out.append(d)
    return out


def search(db: Database, text: str, f: Filters) -> list[dict[str, Any]]:
    """Articles and statements whose text matches an FTS5 query, best first."""
    if not text.strip():
        raise CommuniqueError(Errors.E108, text=text, detail="empty query")
    w = _Where("articles_fts MATCH ?", text)
    w.countries(
        f,
        "a.id IN (SELECT e.article FROM events e JOIN event_countries ec ON ec.event = e.seq"
        " WHERE ec.country = ?)",
    )
    w.add("a.published >= ?", f.since)
    w.add("a.published <= ?", f.until)
    w.add("a.outlet = ?", f.outlet)
    for column, value in (("type", f.type), ("status", f.status), ("speaker", f.speaker)):
        w.add(f"a.id IN (SELECT article FROM events WHERE {column} = ?)", value)
    sql = w.select(
        "SELECT 'article' AS kind, a.id AS article, NULL AS statement, a.outlet, a.published,"
        " a.title, snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet, rank"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.article",
        "rank",
        f,
    )
    sw = _statement_filters(f, _Where("statements_fts MATCH ?", text))
    ssql = sw.select(
        "SELECT 'statement' AS kind, s.article, s.statement, s.outlet, s.date AS published,"
        " s.speaker AS title, snippet(statements_fts, 3, '[', ']', '…', 12) AS snippet, rank"
        " FROM statements_fts JOIN statements s ON s.article = statements_fts.article"
        " AND s.statement = statements_fts.statement",
        "rank",
        f,
    )
    try:
        rows = [dict(r) for r in db.query(sql, w.params)]
        rows += [dict(r) for r in db.query(ssql, sw.params)]
    except sqlite3.OperationalError as err:
        raise CommuniqueError(Errors.E108, text=text, detail=str(err)) from None
    for r in rows:
        r.pop("rank", None)
    return rows

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


def _limit(sql: str, params: list[Any], f: Filters) -> str:
    if f.limit is not None and f.limit > 0:
        params.append(f.limit)
        return sql + " LIMIT ?"
    return sql


def engagements(db: Database, f: Filters, oldest_first: bool = False) -> list[dict[str, Any]]:
    """Engagement records matching the filters, newest first (or oldest first)."""
    where: list[str] = []
    params: list[Any] = []
    for c in f.country:
        where.append("seq IN (SELECT engagement FROM engagement_countries WHERE country = ?)")
        params.append(c)
    if f.status:
        where.append("status = ?")
        params.append(f.status)
    if f.type:
        where.append("type = ?")
        params.append(f.type)
    if f.since:
        where.append("COALESCE(last_day, day) >= ?")
        params.append(f.since)
    if f.until:
        where.append("day <= ?")
        params.append(f.until)
    if f.speaker:
        where.append("id IN (SELECT engagement FROM events WHERE speaker = ?)")
        params.append(f.speaker)
    if f.outlet:
        where.append("id IN (SELECT engagement FROM events WHERE outlet = ?)")
        params.append(f.outlet)
    order = "ASC" if oldest_first else "DESC"
    sql = "SELECT record FROM engagements"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY day IS NULL, day {order}, seq"
    sql = _limit(sql, params, f)
    return [json.loads(r["record"]) for r in db.query(sql, params)]


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
    where, params = _common(f, "seq", "event_countries", "event", "day")
    if f.type:
        where.append("type = ?")
        params.append(f.type)
    if f.status:
        where.append("status = ?")
        params.append(f.status)
    sql = f"SELECT {_EVENT_COLUMNS} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY day IS NULL, day DESC, seq DESC"
    sql = _limit(sql, params, f)
    return [_event_dict(r) for r in db.query(sql, params)]


def _common(
    f: Filters, key: str, country_table: str, country_key: str, day: str
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for c in f.country:
        where.append(f"{key} IN (SELECT {country_key} FROM {country_table} WHERE country = ?)")
        params.append(c)
    if f.since:
        where.append(f"{day} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{day} <= ?")
        params.append(f.until)
    if f.speaker:
        where.append("speaker = ?")
        params.append(f.speaker)
    if f.outlet:
        where.append("outlet = ?")
        params.append(f.outlet)
    return where, params


def statements(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Stored statements matching the filters (type and status: of events resting on them)."""
    where, params = _common(f, "s.seq", "statement_countries", "statement", "s.date")
    where = [w.replace("speaker =", "s.speaker =").replace("outlet =", "s.outlet =") for w in where]
    for column, value in (("type", f.type), ("status", f.status)):
        if value:
            where.append(
                f"EXISTS (SELECT 1 FROM events e WHERE e.article = s.article"
                f" AND e.source = s.statement AND e.{column} = ?)"
            )
            params.append(value)
    sql = (
        "SELECT s.article, s.statement, s.speaker, s.speaker_text, s.speaker_country, s.cue,"
        " s.kind, s.content, s.section, s.channel, s.relays, s.date, s.outlet FROM statements s"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY s.date IS NULL, s.date DESC, s.seq"
    sql = _limit(sql, params, f)
    out = []
    for r in db.query(sql, params):
        d = dict(r)
        d["relays"] = json.loads(d["relays"] or "[]")
        out.append(d)
    return out


def search(db: Database, text: str, f: Filters) -> list[dict[str, Any]]:
    """Articles and statements whose text matches an FTS5 query, best first."""
    if not text.strip():
        raise CommuniqueError(Errors.E108, text=text, detail="empty query")
    where, params = ["articles_fts MATCH ?"], [text]
    article_filter: list[str] = []
    for c in f.country:
        article_filter.append(
            "a.id IN (SELECT e.article FROM events e JOIN event_countries ec ON ec.event = e.seq"
            " WHERE ec.country = ?)"
        )
        params.append(c)
    for column, value, op in (
        ("a.published", f.since, ">="),
        ("a.published", f.until, "<="),
        ("a.outlet", f.outlet, "="),
    ):
        if value:
            article_filter.append(f"{column} {op} ?")
            params.append(value)
    for column, value in (("type", f.type), ("status", f.status), ("speaker", f.speaker)):
        if value:
            article_filter.append(f"a.id IN (SELECT article FROM events WHERE {column} = ?)")
            params.append(value)
    sql = (
        "SELECT 'article' AS kind, a.id AS article, NULL AS statement, a.outlet, a.published,"
        " a.title, snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet, rank"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.article WHERE "
        + " AND ".join(where + article_filter)
        + " ORDER BY rank"
    )
    sql = _limit(sql, params, f)
    try:
        rows = [dict(r) for r in db.query(sql, params)]
        sparams: list[Any] = [text]
        swhere = ["statements_fts MATCH ?"]
        s_where, s_params = _common(f, "s.seq", "statement_countries", "statement", "s.date")
        swhere += [
            w.replace("speaker =", "s.speaker =").replace("outlet =", "s.outlet =") for w in s_where
        ]
        sparams += s_params
        ssql = (
            "SELECT 'statement' AS kind, s.article, s.statement, s.outlet, s.date AS published,"
            " s.speaker AS title, snippet(statements_fts, 3, '[', ']', '…', 12) AS snippet, rank"
            " FROM statements_fts JOIN statements s ON s.article = statements_fts.article"
            " AND s.statement = statements_fts.statement WHERE "
            + " AND ".join(swhere)
            + " ORDER BY rank"
        )
        ssql = _limit(ssql, sparams, f)
        rows += [dict(r) for r in db.query(ssql, sparams)]
    except sqlite3.OperationalError as err:
        raise CommuniqueError(Errors.E108, text=text, detail=str(err)) from None
    for r in rows:
        r.pop("rank", None)
    return rows

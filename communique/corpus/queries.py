"""Queries over the store: engagements, events, statements and full-text search.

Every filter becomes a bound parameter; countries are matched through the
(country, row) tables so that "all of these countries take part" stays an index
lookup on large stores.

Rows come newest first, a page at a time: a query first finds the keys of the
page (reading an index in date order where it can, and stopping at the row
limit), then reads those rows whole. A filter on another table (countries; for
engagements, the speaker or outlet of their events; for a search, the text
index) is planned per query from how many rows match it: few are looked up and
sorted by date; many are checked one by one while rows are read newest first,
which meets the row limit soon.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from communique.corpus.db import Database
from communique.document import EVENT_STATUSES, EVENT_TYPES
from communique.errors import CommuniqueError, Errors
from communique.readers import normalise_date

#: Rows returned when no limit is given.
DEFAULT_LIMIT = 100
#: A filter on another table matching fewer rows than this is looked up and sorted; one
#: matching more is checked per row while rows are read newest first (see above).
LOOKUP_ROWS = 2_000
#: The same for several countries together: their shared rows are found from the rarest
#: country's rows within the country index, so many more of them are cheap to go through.
LOOKUP_ROWS_SHARED = 25_000
#: What looking a row up costs against probing one along the date order, about.
LOOKUP_COST = 4
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


@dataclass
class _Member:
    """A filter on rows of another table, as a lookup (`key IN rows`) or a per-row probe."""

    lookup: str
    probe: str
    rows: str
    value: Any
    #: Rows below which the filter is looked up.
    cap: int = LOOKUP_ROWS


@dataclass
class _Countries:
    """Countries that must all take part, through a (country, row) table."""

    table: str
    key: str
    outer: str
    values: list[str]
    #: The country table's copy of its rows' date, and the page's order in its terms: with
    #: them, a page is read along the rarest country's date index (see migrations 5 and 7).
    day: str | None = None
    order: str | None = None


class _Where:
    """WHERE clauses with their bound parameters; a filter left empty adds nothing."""

    def __init__(self, clause: str | None = None, value: Any = None) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []
        self.members: list[_Member] = []
        self.country_filter: _Countries | None = None
        #: The row's date column with the bounds of a date filter.
        self.date_range: tuple[str, str | None, str | None] | None = None
        #: Clauses on the country rows' key alone, checked along a country's date index.
        self.keyed: list[tuple[str, Any]] = []
        #: Keys (a query selecting `k`) that drive a country's rows instead of its index.
        self.driver: tuple[str, Any] | None = None
        #: Whether a lookup of keys drives the query (rather than an index in date order).
        self.looked_up = False
        if clause is not None:
            self.add(clause, value)

    def add(self, clause: str, value: Any) -> None:
        if value:
            self.clauses.append(clause)
            self.params.append(value)

    def member(
        self, lookup: str, probe: str, rows: str, value: Any, cap: int = LOOKUP_ROWS
    ) -> None:
        """A filter on another table: `lookup` or `probe` as planned; `rows` selects its rows.

        Fewer rows than `cap` are looked up.
        """
        if value:
            self.members.append(_Member(lookup, probe, rows, value, cap))

    def countries(
        self,
        f: Filters,
        table: str,
        key: str,
        outer: str,
        day: str | None = None,
        order: str | None = None,
    ) -> None:
        """All of the filter's countries must take part: rows of `table` join `key` to `outer`.

        `day` names the country table's copy of the row's date and `order` the page's order
        in the country table's terms (alias `c`), where the table has them.
        """
        if f.country:
            self.country_filter = _Countries(table, key, outer, list(f.country), day, order)

    def dates(self, column: str, since: str | None, until: str | None) -> None:
        """The row's date `column` must lie within the bounds given."""
        if since or until:
            self.date_range = (column, since, until)

    def plan(self, db: Database | None) -> None:
        """Add the filters on other tables, each as a lookup or as a probe.

        Without a store to count in, every one is a probe: the query has another driver.
        """
        if self.date_range is not None:
            column, since, until = self.date_range
            self.add(f"{column} >= ?", since)
            self.add(f"{column} <= ?", until)
            self.date_range = None
        for m in self.members:
            few = db is not None and _count(db, m.rows, m.value, m.cap) < m.cap
            self.add(m.lookup if few else m.probe, m.value)
            self.looked_up |= few
        self.members = []
        cf, self.country_filter = self.country_filter, None
        if cf is None:
            return
        rows = f"SELECT 1 FROM {cf.table} WHERE country = ?"
        cap = LOOKUP_ROWS if len(cf.values) == 1 else LOOKUP_ROWS_SHARED
        counts = [_count(db, rows, c, cap) if db is not None else cap for c in cf.values]
        if db is not None and min(counts) < cap:
            rarest = min(range(len(counts)), key=counts.__getitem__)
            others = [c for i, c in enumerate(cf.values) if i != rarest]
            joins = "".join(
                f" JOIN {cf.table} c{i} ON c{i}.country = ? AND c{i}.{cf.key} = c.{cf.key}"
                for i in range(len(others))
            )
            shared = f"SELECT c.{cf.key} FROM {cf.table} c{joins} WHERE c.country = ?"
            params = [*others, cf.values[rarest]]
            # Rows all of them share are fetched and sorted: worth it while they are few.
            if len(cf.values) == 1 or _count(db, shared, params, LOOKUP_ROWS) < LOOKUP_ROWS:
                self.clauses.append(f"{cf.outer} IN ({shared})")
                self.params += params
                self.looked_up = True
                return
        for c in cf.values:
            self.add(
                f"EXISTS (SELECT 1 FROM {cf.table} c WHERE c.country = ?"
                f" AND c.{cf.key} = {cf.outer})",
                c,
            )

    def one_pass(self, sql: str, order: str, f: Filters) -> str:
        """`sql` with WHERE, ORDER BY and the row limit, every filter checked per row."""
        self.plan(None)
        if self.clauses:
            sql += " WHERE " + " AND ".join(self.clauses)
        sql += f" ORDER BY {order}"
        if f.limit is not None and f.limit > 0:
            self.params.append(f.limit)
            sql += " LIMIT ?"
        return sql

    def keys(self, table: str, order: str, f: Filters, db: Database | None = None) -> str:
        """The `seq` keys of the page: WHERE, ORDER BY and the row limit."""
        cf = self.country_filter
        if db is not None and cf is not None and cf.day is not None and cf.order is not None:
            return self._country_keys(db, cf, table, f)
        self.plan(db)
        name = table.split()[-1]
        where = " WHERE " + " AND ".join(self.clauses) if self.clauses else ""
        # Looked-up keys are read by key: no index may turn the lookup into a scan.
        source = f"{table} NOT INDEXED" if self.looked_up else table
        sql = f"SELECT {name}.seq FROM {source}{where} ORDER BY {order}"
        if f.limit is not None and f.limit > 0:
            self.params.append(f.limit)
            sql += " LIMIT ?"
        return sql

    def _country_keys(self, db: Database, cf: _Countries, table: str, f: Filters) -> str:
        """The page's keys read along the rarest country's date index, which holds its rows'
        dates: neither a wide country nor sparse company makes the page read whole rows.

        The other countries are looked up per key; filters on the row join it per key, and
        a filter on other tables is probed. With a `driver` its keys are read instead, each
        looked up among the country's rows, and those found sorted.
        """
        t, key = cf.table, cf.key
        counts = [
            _count(db, f"SELECT 1 FROM {t} WHERE country = ?", c, LOOKUP_ROWS_SHARED)
            for c in cf.values
        ]
        ranked = sorted(range(len(counts)), key=counts.__getitem__)
        lead, others = cf.values[ranked[0]], [cf.values[i] for i in ranked[1:]]
        for m in self.members:
            self.add(m.probe, m.value)
        self.members, self.country_filter = [], None
        params: list[Any] = []
        if self.driver is not None:
            sql = f"SELECT c.{key} FROM ({self.driver[0]}) x CROSS JOIN {t} c"
            sql += f" ON c.country = ? AND c.{key} = x.k"
            params += [self.driver[1], lead]
            where = []
        else:
            sql = f"SELECT c.{key} FROM {t} c INDEXED BY {t}_{cf.day}"
            where = ["c.country = ?"]
        for i, other in enumerate(others):
            sql += f" CROSS JOIN {t} c{i} ON c{i}.country = ? AND c{i}.{key} = c.{key}"
            params.append(other)
        if self.clauses:
            name = table.split()[-1]
            sql += f" CROSS JOIN {table} ON {name}.seq = c.{key}"
        if self.driver is None:
            params.append(lead)
        if self.date_range is not None:
            _, since, until = self.date_range
            for op, value in ((">=", since), ("<=", until)):
                if value:
                    where.append(f"c.{cf.day} {op} ?")
                    params.append(value)
        for clause, value in self.keyed:
            where.append(clause)
            params.append(value)
        where += self.clauses
        params += self.params
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {cf.order}"
        if f.limit is not None and f.limit > 0:
            sql += " LIMIT ?"
            params.append(f.limit)
        self.clauses, self.params = [], params
        return sql

    def select(
        self, columns: str, table: str, order: str, f: Filters, db: Database | None = None
    ) -> str:
        """The full statement: WHERE, ORDER BY and the row limit.

        With a limit, the keys of the page are found first and only their rows read whole,
        so that sorting does not carry every matching row.
        """
        if f.limit is None or f.limit <= 0:
            self.plan(db)
            where = " WHERE " + " AND ".join(self.clauses) if self.clauses else ""
            return f"SELECT {columns} FROM {table}{where} ORDER BY {order}"
        name = table.split()[-1]
        page = self.keys(table, order, f, db)
        return f"SELECT {columns} FROM {table} WHERE {name}.seq IN ({page}) ORDER BY {order}"


def _count(db: Database, rows: str, value: Any, cap: int) -> int:
    """How many rows a filter matches (one value, or a list of them), up to `cap`."""
    params = [*value, cap] if isinstance(value, list) else [value, cap]
    return int(db.query(f"SELECT count(*) FROM ({rows} LIMIT ?)", params)[0][0])


def engagements(db: Database, f: Filters, oldest_first: bool = False) -> list[dict[str, Any]]:
    """Engagement records matching the filters, newest first (or oldest first)."""
    w = _Where()
    w.add("status = ?", f.status)
    w.add("type = ?", f.type)
    w.add("COALESCE(last_day, day) >= ?", f.since)
    w.add("day <= ?", f.until)
    w.countries(f, "engagement_countries", "engagement", "engagements.seq")
    # A probe along the date order reads about limit × engagements / matches rows, a lookup
    # of the engagements of a speaker or outlet (from the events' indexes, see migration 6)
    # about `matches` at a few times the cost of a probe: they break even near the square
    # root of their product. Without a limit every match is read: a lookup.
    cap = LOOKUP_ROWS
    if f.speaker or f.outlet:
        (top,) = db.query("SELECT COALESCE(max(seq), 0) FROM engagements")[0]
        cap = max(LOOKUP_ROWS, math.isqrt((f.limit or top) * top // LOOKUP_COST))
    for column, value in (("speaker", f.speaker), ("outlet", f.outlet)):
        w.member(
            f"seq IN (SELECT g.seq FROM events e JOIN engagements g ON g.id = e.engagement"
            f" WHERE e.{column} = ?)",
            f"EXISTS (SELECT 1 FROM events e INDEXED BY events_engagement_{column}"
            f" WHERE e.engagement = engagements.id AND e.{column} = ?)",
            f"SELECT DISTINCT engagement FROM events WHERE {column} = ? AND engagement IS NOT NULL",
            value,
            cap,
        )
    # `day DESC` puts undated engagements last, as `day IS NULL` first would, and reads the
    # date index; oldest first keeps them last too.
    order = "day IS NULL, day ASC, seq" if oldest_first else "day DESC, seq"
    # Records are read for the page only (see migration 6).
    sql = (
        "SELECT r.record FROM engagements CROSS JOIN engagement_records r"
        f" ON r.engagement = engagements.seq WHERE engagements.seq IN"
        f" ({w.keys('engagements', order, f, db)}) ORDER BY {order}"
    )
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
    w = _common(f, "events", "event_countries", "event", "day")
    w.add("type = ?", f.type)
    w.add("status = ?", f.status)
    # `day DESC` puts undated events last, as `day IS NULL` first would, and reads the indexes.
    sql = w.select(_EVENT_COLUMNS, "events", "events.day DESC, events.seq DESC", f, db)
    return [_event_dict(r) for r in db.query(sql, w.params)]


def _common(
    f: Filters,
    table: str,
    country_table: str,
    country_key: str,
    day: str,
    w: _Where | None = None,
) -> _Where:
    """Country, date, speaker and outlet filters of `table` (its name or alias)."""
    w = w or _Where()
    w.dates(f"{table}.{day}", f.since, f.until)
    _speaker_and_outlet(f, w, table)
    w.countries(
        f,
        country_table,
        country_key,
        f"{table}.seq",
        day,
        f"c.{day} DESC, c.{country_key} DESC",
    )
    return w


def _speaker_and_outlet(f: Filters, w: _Where, table: str) -> _Where:
    w.add(f"{table}.speaker = ?", f.speaker)
    w.add(f"{table}.outlet = ?", f.outlet)
    return w


def _statement_filters(f: Filters, w: _Where | None = None) -> _Where:
    return _common(f, "s", "statement_countries", "statement", "date", w)


def statements(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Stored statements matching the filters (type and status: of events resting on them)."""
    w = _statement_filters(f)
    for column, value in (("type", f.type), ("status", f.status)):
        # `+` keeps the probe on the (article, event) index instead of every event of a type.
        w.member(
            f"s.seq IN (SELECT r.seq FROM events e JOIN statements r ON r.article = e.article"
            f" AND r.statement = e.source WHERE e.{column} = ?)",
            f"EXISTS (SELECT 1 FROM events e WHERE e.article = s.article"
            f" AND e.source = s.statement AND +e.{column} = ?)",
            f"SELECT 1 FROM events WHERE {column} = ?",
            value,
        )
    sql = w.select(_STATEMENT_COLUMNS, "statements s", "s.date DESC, s.seq DESC", f, db)
    return [_statement_dict(r) for r in db.query(sql, w.params)]


_STATEMENT_COLUMNS = (
    "s.article, s.statement, s.speaker, s.speaker_text, s.speaker_country, s.cue, s.kind,"
    " s.content, s.section, s.channel, s.relays, s.date, s.outlet"
)


def _statement_dict(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    d["relays"] = json.loads(d["relays"] or "[]")
    return d


#: Every record of a kind, in the order of its listing (engagements oldest first, as the
#: timeline), and how a row becomes a record.
_EVERY: dict[str, tuple[str, Callable[[sqlite3.Row], dict[str, Any]]]] = {
    "engagements": (
        "SELECT r.record FROM engagements CROSS JOIN engagement_records r"
        " ON r.engagement = engagements.seq ORDER BY day IS NULL, day ASC, seq",
        lambda r: dict(json.loads(r["record"])),
    ),
    "events": (f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY day DESC, seq DESC", _event_dict),
    "statements": (
        f"SELECT {_STATEMENT_COLUMNS} FROM statements s ORDER BY s.date DESC, s.seq DESC",
        _statement_dict,
    ),
}


def every(db: Database, kind: str) -> Iterator[dict[str, Any]]:
    """Every record of a kind, read one at a time without the query time limit (exports)."""
    sql, record = _EVERY[kind]
    for r in db.scan(sql):
        yield record(r)


#: Orders of search results: newest first (by publication or statement date), as every
#: other query, or best first (by the text index's bm25 rank, which scores every match).
SEARCH_ORDERS = ("newest", "best")


def _article_filters(f: Filters, w: _Where) -> _Where:
    """Every filter of an article search: countries (those of its events), dates, outlet,
    and its events' type, status and speaker."""
    w.countries(
        f, "article_countries", "article", "a.seq", "published", "c.published DESC, c.article DESC"
    )
    w.dates("a.published", f.since, f.until)
    w.add("a.outlet = ? COLLATE NOCASE", f.outlet)
    for column, value in (("type", f.type), ("status", f.status), ("speaker", f.speaker)):
        w.add(f"EXISTS (SELECT 1 FROM events e WHERE e.article = a.id AND +e.{column} = ?)", value)
    return w


@dataclass(frozen=True)
class _Hits:
    """One kind of search result: its tables, its text index and what is returned of it."""

    table: str
    fts: str
    columns: str
    #: The text index's column the snippet is cut from.
    text_column: int
    newest: str
    #: The key of the row in its (country, row) table.
    key: str
    filters: Callable[[Filters, _Where], _Where]

    @property
    def snippet(self) -> str:
        return f"snippet({self.fts}, {self.text_column}, '[', ']', '…', 12) AS snippet"

    @property
    def name(self) -> str:
        return self.table.split()[-1]


_ARTICLES = _Hits(
    "articles a",
    "articles_fts",
    "'article' AS kind, a.id AS article, NULL AS statement, a.outlet, a.published, a.title",
    2,
    "a.published DESC, a.seq DESC",
    "article",
    _article_filters,
)
_STATEMENTS = _Hits(
    "statements s",
    "statements_fts",
    "'statement' AS kind, s.article, s.statement, s.outlet, s.date AS published,"
    " s.speaker AS title",
    3,
    "s.date DESC, s.seq DESC",
    "statement",
    _statement_filters,
)


def _matches(w: _Where, fts: str, key: str, text: str) -> _Where:
    """Rows whose text row (keyed as the row, see migration 5) matches: looked up or probed.

    The probe's `+` keeps the key off its index, so that the page is read in date order
    and the matches, gathered once, are checked per row.
    """
    rows = f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?"
    w.member(f"{key} IN ({rows})", f"+{key} IN ({rows})", rows, text)
    return w


def _newest(db: Database, text: str, f: Filters, hits: _Hits) -> list[dict[str, Any]]:
    """Matching rows newest first: the page's keys, its rows, then their snippets."""
    name = hits.name
    w = hits.filters(f, _Where())
    if f.country:
        # Along a country's date index the text is checked on the key alone; few matches
        # drive instead (see `_Where._country_keys`).
        matches = f"SELECT rowid AS k FROM {hits.fts} WHERE {hits.fts} MATCH ?"
        if _count(db, matches, text, LOOKUP_ROWS) < LOOKUP_ROWS:
            w.driver = (matches, text)
        else:
            w.keyed.append((f"+c.{hits.key} IN ({matches})", text))
    else:
        _matches(w, hits.fts, f"{name}.seq", text)
    page = w.keys(hits.table, hits.newest, f, db)
    params = w.params
    rows = [
        dict(r)
        for r in db.query(
            f"SELECT {name}.seq AS seq, {hits.columns} FROM {hits.table}"
            f" WHERE {name}.seq IN ({page}) ORDER BY {hits.newest}",
            params,
        )
    ]
    if not rows:
        return rows
    keys = [r["seq"] for r in rows]
    # One pass over the matches from the page's lowest key to its highest cuts the snippets;
    # a text query per key would seek through the index again for each.
    snippets: dict[int, str] = {
        r["rowid"]: r["snippet"]
        for r in db.query(
            f"SELECT rowid, {hits.snippet} FROM {hits.fts} WHERE {hits.fts} MATCH ?"
            " AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))",
            [text, min(keys), max(keys), json.dumps(keys)],
        )
    }
    for r in rows:
        r["snippet"] = snippets.get(r.pop("seq"))
    return rows


def search(db: Database, text: str, f: Filters, order: str = "newest") -> list[dict[str, Any]]:
    """Articles, then statements, whose text matches an FTS5 query, newest or best first."""
    if not text.strip():
        raise CommuniqueError(Errors.E108, text=text, detail="empty query")
    if order not in SEARCH_ORDERS:
        raise CommuniqueError(
            Errors.E104, option="--order", value=order, choices=", ".join(SEARCH_ORDERS)
        )
    try:
        if order == "newest":
            rows = _newest(db, text, f, _ARTICLES) + _newest(db, text, f, _STATEMENTS)
        else:
            rows = _best(db, text, f)
    except sqlite3.OperationalError as err:
        raise CommuniqueError(Errors.E108, text=text, detail=str(err)) from None
    return rows


def _best(db: Database, text: str, f: Filters) -> list[dict[str, Any]]:
    """Matches best first: the text index drives, every other filter is checked per match."""
    rows = []
    for hits in (_ARTICLES, _STATEMENTS):
        w = hits.filters(f, _Where(f"{hits.fts} MATCH ?", text))
        sql = w.one_pass(
            f"SELECT {hits.columns}, {hits.snippet} FROM {hits.fts}"
            f" JOIN {hits.table} ON {hits.name}.seq = {hits.fts}.rowid",
            "rank",
            f,
        )
        rows += [dict(r) for r in db.query(sql, w.params)]
    return rows

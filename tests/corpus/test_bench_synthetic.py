"""The synthetic corpus of the speed benchmarks, at a tiny size: drawn, linked and queried."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import communique
from bench import synthetic
from communique.corpus import engagements as eng
from communique.corpus.db import Database

#: Events in the tiny store; enough for every filter to find rows.
EVENTS = 3_000
SEED = 11
#: Share of an engagement's events that report its main happening, over all engagements.
MIN_PURITY = 0.95
#: Days an engagement's dated events may span: reports weeks ahead and a month named.
MAX_ENGAGEMENT_DAYS = 62
#: Countries an engagement's core may hold beyond those of its main happening.
MAX_CORE_BYSTANDERS = 2
#: Engagements the linked reports of one happening fall into, on average: purity is not
#: bought by splitting happenings.
MAX_ENGAGEMENTS_PER_HAPPENING = 1.15


@dataclass
class Store:
    path: Path
    happening: list[int]
    linked: list[eng.Engagement]
    linkable: int


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.db"
    db = Database(path)
    happening = synthetic.write_events(db, EVENTS, SEED)
    rows = synthetic.linkable_events(db)
    linked = eng.link(rows)
    synthetic.store_engagements(db, linked)
    db.close()
    yield Store(path, happening, linked, len(rows))


def _rows(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _common(path: Path, column: str, table: str = "events") -> str:
    (value,) = _rows(
        path,
        f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"
        f" GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 1",
    )[0]
    return str(value)


def test_draws_are_the_same_for_the_same_seed() -> None:
    def tables(seed: int) -> list[Any]:
        return [vars(b) for b in synthetic.generate(400, seed)]

    assert tables(SEED) == tables(SEED)
    assert tables(SEED) != tables(SEED + 1)


def test_store_holds_the_events_asked_for(store: Store) -> None:
    assert _rows(store.path, "SELECT count(*) FROM events")[0][0] == EVENTS
    assert len(store.happening) == EVENTS
    orphans = _rows(
        store.path,
        "SELECT count(*) FROM event_countries WHERE event NOT IN (SELECT seq FROM events)",
    )
    assert orphans[0][0] == 0
    mismatched = _rows(
        store.path,
        "SELECT count(*) FROM events e WHERE e.countries != (SELECT group_concat(country, '|')"
        " FROM (SELECT country FROM event_countries WHERE event = e.seq ORDER BY country))",
    )
    assert mismatched[0][0] == 0
    assert _rows(store.path, "SELECT count(*) FROM articles_fts")[0][0] > EVENTS // 6


def test_linking_merges_reports_of_one_happening(store: Store) -> None:
    assert 0 < len(store.linked) < store.linkable / 2
    merged = [g for g in store.linked if len(g.members) > 1]
    assert len(merged) > len(store.linked) / 4
    # Members of one engagement are mostly reports of one happening.
    majority = sum(
        Counter(store.happening[m.seq - 1] for m in g.members).most_common(1)[0][1]
        for g in store.linked
    )
    members = sum(len(g.members) for g in store.linked)
    assert majority / members >= MIN_PURITY
    holding: dict[int, set[int]] = {}
    for i, g in enumerate(store.linked):
        for m in g.members:
            holding.setdefault(store.happening[m.seq - 1], set()).add(i)
    spread = sum(len(found) for found in holding.values()) / len(holding)
    assert spread <= MAX_ENGAGEMENTS_PER_HAPPENING
    linked_events = _rows(store.path, "SELECT count(*) FROM events WHERE engagement IS NOT NULL")
    assert linked_events[0][0] == members


def test_engagements_do_not_drift_in_time_or_countries(store: Store) -> None:
    happenings = _happenings(SEED, EVENTS)
    for g in store.linked:
        main = Counter(store.happening[m.seq - 1] for m in g.members).most_common(1)[0][0]
        days = [d for m in g.members for d in (m.start, m.end) if d is not None]
        if days:
            assert (max(days) - min(days)).days <= MAX_ENGAGEMENT_DAYS
        extra = g.core_countries - set(happenings[main].countries)
        assert len(extra) <= MAX_CORE_BYSTANDERS


def _happenings(seed: int, events: int) -> list[synthetic.Happening]:
    """The happenings `synthetic.generate` draws for a store of `events` events."""
    happenings, _ = synthetic.draw_reports(random.Random(seed), synthetic.vocabulary(), events)
    return happenings


@pytest.mark.parametrize(
    ("method", "option", "column"),
    [
        ("events", "status", "status"),
        ("events", "type", "type"),
        ("events", "speaker", "speaker"),
        ("events", "outlet", "outlet"),
        ("statements", "speaker", "speaker"),
        ("statements", "outlet", "outlet"),
        ("engagements", "status", "status"),
        ("engagements", "type", "type"),
    ],
)
def test_each_filter_returns_only_matching_rows(
    store: Store, method: str, option: str, column: str
) -> None:
    table = "statements" if method == "statements" else "events"
    value = _common(store.path, column, table)
    with communique.open(str(store.path)) as corpus:
        found = getattr(corpus, method)(**{option: value, "limit": 50})
    assert found
    assert all(str(r[column]).lower() == value.lower() for r in found)


@pytest.mark.parametrize("column", ["speaker", "outlet"])
@pytest.mark.parametrize("plan", ["lookup", "probe"])
def test_engagements_of_a_speaker_or_outlet_whether_looked_up_or_probed(
    store: Store, column: str, plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from communique.corpus import queries

    if plan == "lookup":
        monkeypatch.setattr(queries, "LOOKUP_ROWS", 10**9)
    else:
        monkeypatch.setattr(queries, "LOOKUP_ROWS", 1)
        monkeypatch.setattr(queries, "LOOKUP_COST", 10**9)
    value = _common(store.path, column)
    with communique.open(str(store.path)) as corpus:
        found = [g["id"] for g in corpus.engagements(**{column: value, "limit": 20})]
    expected = _rows(
        store.path,
        "SELECT id FROM engagements WHERE id IN"
        f" (SELECT engagement FROM events WHERE {column} = ?) ORDER BY day DESC, seq LIMIT 20",
        (value,),
    )
    assert found and found == [r[0] for r in expected]


def _plain_page(
    store: Store, table: str, countries: str, key: str, day: str, f: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """A page by plain SQL: every filter written out, newest first."""
    where, params = ["1"], []
    for c in f.get("country", []):
        where.append(f"t.seq IN (SELECT {key} FROM {countries} WHERE country = ?)")
        params.append(c)
    for column, op, name in ((day, ">=", "since"), (day, "<=", "until"), ("status", "=", "status")):
        if name in f:
            where.append(f"t.{column} {op} ?")
            params.append(f[name])
    return _rows(
        store.path,
        f"SELECT t.article, t.{'event' if table == 'events' else 'statement'} FROM {table} t"
        f" WHERE {' AND '.join(where)} ORDER BY t.{day} DESC, t.seq DESC LIMIT 30",
        tuple(params),
    )


@pytest.mark.parametrize(
    "f",
    [
        {"country": ["USA"]},
        {"country": ["RUS", "USA"]},
        {"country": ["USA"], "since": "2023-06-01"},
        {"country": ["CHN", "USA"], "until": "2023-03-01"},
        {"country": ["USA"], "status": "planned"},
    ],
)
def test_country_pages_are_the_plain_query(store: Store, f: dict[str, Any]) -> None:
    # A country's rows are read along its own date index (or, for a few, looked up): the
    # page is the one plain SQL gives.
    with communique.open(str(store.path)) as corpus:
        events = [(e["article"], e["event"]) for e in corpus.events(**f, limit=30)]
        statements = []
        if "status" not in f:
            statements = [(s["article"], s["statement"]) for s in corpus.statements(**f, limit=30)]
    assert events and events == _plain_page(store, "events", "event_countries", "event", "day", f)
    if "status" not in f:
        expected = _plain_page(store, "statements", "statement_countries", "statement", "date", f)
        assert statements == expected


def test_countries_must_all_take_part(store: Store) -> None:
    with communique.open(str(store.path)) as corpus:
        events = corpus.events(country=["USA", "RUS"], limit=None)
        engagements = corpus.engagements(country=["USA", "RUS"], limit=None)
        statements = corpus.statements(country=["USA"], limit=20)
    assert events and all({"USA", "RUS"} <= set(e["countries"]) for e in events)
    expected = _rows(
        store.path,
        "SELECT count(*) FROM events WHERE countries LIKE '%RUS%' AND countries LIKE '%USA%'",
    )
    assert len(events) == expected[0][0]
    assert engagements and all({"USA", "RUS"} <= set(g["countries"]) for g in engagements)
    assert statements


def _day(event: dict[str, Any]) -> str:
    start = event["when_start"]
    return str(start if start and not start.startswith("X") else event["as_of"])


def test_dates_bound_rows_and_order_them(store: Store) -> None:
    with communique.open(str(store.path)) as corpus:
        events = corpus.events(since="2023-03-01", until="2023-03-31", limit=None)
        engagements = corpus.engagements(since="2023-03-01", until="2023-03-31")
    days = [_day(e) for e in events]
    assert days and all("2023-03-01" <= d <= "2023-03-31" for d in days)
    assert days == sorted(days, reverse=True)
    stored = _rows(
        store.path, "SELECT count(*) FROM events WHERE day BETWEEN '2023-03-01' AND '2023-03-31'"
    )
    assert len(events) == stored[0][0]
    assert engagements
    for g in engagements:
        assert (g["when"]["start"] or g["first_reported"]) <= "2023-03-31"
        assert (g["when"]["end"] or g["last_reported"]) >= "2023-03-01"


def test_search_finds_the_term(store: Store) -> None:
    with communique.open(str(store.path)) as corpus:
        hits = corpus.search("embassy", limit=20)
        narrowed = corpus.search("embassy", country=["USA"], limit=20)
    assert hits and {"article", "statement"} >= {h["kind"] for h in hits}
    texts = dict(_rows(store.path, "SELECT id, text FROM articles"))
    assert all("embassy" in texts[h["article"]].lower() for h in hits)
    assert narrowed and len(narrowed) <= len(hits)


def test_year_inference_finds_what_a_search_of_every_event_finds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(store.path)
    indexed, searched = synthetic.linkable_events(db), synthetic.linkable_events(db)
    db.close()
    eng.infer_years(indexed)
    monkeypatch.setattr(eng._AnchorIndex, "near", lambda self, *args: iter(self.dated))
    eng.infer_years(searched)
    inferred = [(a.start, b.start) for a, b in zip(indexed, searched, strict=True) if a.partial]
    assert inferred and any(start for start, _ in inferred)
    assert all(a == b for a, b in inferred)


@pytest.mark.parametrize("kind", ["events", "statements", "engagements"])
def test_exports_stream_every_record_in_each_format(
    store: Store, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv
    import io
    import json

    import pyarrow.parquet as pq

    from communique.corpus import export

    # Parquet is written a few rows at a time, so that batches and their schema are exercised.
    monkeypatch.setattr(export, "PARQUET_BATCH", 7)
    (stored,) = _rows(store.path, f"SELECT count(*) FROM {kind}")[0]
    with communique.open(str(store.path)) as corpus:
        lines = io.StringIO()
        assert corpus.export("jsonl", lines, kind) == stored
        text = io.StringIO()
        assert corpus.export("csv", text, kind) == stored
        path = tmp_path / f"{kind}.parquet"
        assert corpus.export("parquet", str(path), kind) == stored
    records = [json.loads(line) for line in lines.getvalue().splitlines()]
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    parquet = pq.read_table(path).to_pylist()
    key = "id" if kind == "engagements" else "article"
    assert [r[key] for r in records] == [r[key] for r in rows] == [r[key] for r in parquet]
    assert len(records) == stored > 0

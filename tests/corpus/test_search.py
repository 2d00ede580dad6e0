"""Full-text search over a synthetic store: newest and best first, every filter, migration 5."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import communique
from bench import synthetic
from communique.corpus import queries
from communique.corpus.db import Database
from communique.errors import CommuniqueError

EVENTS = 3_000
SEED = 5
LIMIT = 15
#: A word of many synthetic texts, one of few, and a phrase.
TERMS = ("sanctions", "Geneva", '"prisoner exchange"')


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("search") / "search.db"
    db = Database(path)
    synthetic.write_events(db, EVENTS, SEED)
    db.close()
    yield path


def _rows(path: Path, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _common_value(path: Path, sql: str) -> Any:
    return _rows(path, sql, [])[0][0]


#: Per kind of hit: what is selected, its table, text index, countries of a row, date.
_PLAIN = (
    (
        "'article', a.id, NULL FROM articles a",
        "a",
        "articles_fts",
        "a.id IN (SELECT e.article FROM events e JOIN event_countries ec"
        " ON ec.event = e.seq WHERE ec.country = ?)",
        "published",
    ),
    (
        "'statement', s.article, s.statement FROM statements s",
        "s",
        "statements_fts",
        "s.seq IN (SELECT statement FROM statement_countries WHERE country = ?)",
        "date",
    ),
)


def _reference(path: Path, text: str, f: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The newest matches by plain SQL: every filter written out, countries from events."""
    out = []
    for source, t, fts, country, day in _PLAIN:
        where = [f"{t}.seq IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"]
        params: list[Any] = [text]
        for c in f.get("country", []):
            where.append(country)
            params.append(c)
        for op, key in ((">=", "since"), ("<=", "until")):
            if key in f:
                where.append(f"{t}.{day} {op} ?")
                params.append(f[key])
        if "outlet" in f:
            where.append(f"lower({t}.outlet) = lower(?)")
            params.append(f["outlet"])
        out += _rows(
            path,
            f"SELECT {source} WHERE {' AND '.join(where)}"
            f" ORDER BY {t}.{day} DESC, {t}.seq DESC LIMIT ?",
            [*params, LIMIT],
        )
    return out


def _filters(path: Path) -> list[dict[str, Any]]:
    country = _common_value(
        path, "SELECT country FROM event_countries GROUP BY country ORDER BY count(*) DESC"
    )
    second = _common_value(
        path,
        "SELECT country FROM event_countries WHERE country != "
        f"'{country}' GROUP BY country ORDER BY count(*) DESC",
    )
    outlet = _common_value(
        path, "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet LIMIT 1"
    )
    middle = _common_value(
        path,
        "SELECT published FROM articles WHERE published IS NOT NULL ORDER BY published"
        " LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)",
    )
    return [
        {},
        {"country": [country]},
        {"country": [country, second]},
        {"since": middle},
        {"until": middle, "outlet": outlet.upper()},
    ]


@pytest.mark.parametrize("lookup_rows", [queries.LOOKUP_ROWS, 1])
def test_newest_first_is_the_plain_query_whether_matches_are_looked_up_or_probed(
    store: Path, lookup_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Below `lookup_rows` matches the text's rows are looked up and sorted; above it the
    # rows are read in date order and each is checked: both plans give the same page.
    monkeypatch.setattr(queries, "LOOKUP_ROWS", lookup_rows)
    checked = 0
    with communique.open(str(store)) as corpus:
        for text in TERMS:
            for f in _filters(store):
                hits = corpus.search(text, limit=LIMIT, **f)
                expected = _reference(store, text, f)
                assert [(h["kind"], h["article"], h["statement"]) for h in hits] == [
                    tuple(r) for r in expected
                ], (text, f)
                checked += len(hits)
    assert checked > 100


def test_snippets_mark_the_matched_words(store: Path) -> None:
    with communique.open(str(store)) as corpus:
        hits = corpus.search("sanctions", limit=40)
    assert {h["kind"] for h in hits} == {"article", "statement"}
    assert all("[sanctions]" in h["snippet"].lower() for h in hits)


def test_best_first_follows_the_text_rank(store: Path) -> None:
    with communique.open(str(store)) as corpus:
        hits = corpus.search("sanctions OR Geneva", order="best", limit=LIMIT)
    ranked = _rows(
        store,
        "SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        ["sanctions OR Geneva", LIMIT],
    )
    assert [h["article"] for h in hits if h["kind"] == "article"] == [r[0] for r in ranked]


def test_unknown_order_and_bad_query_are_coded_errors(store: Path) -> None:
    with communique.open(str(store)) as corpus:
        with pytest.raises(CommuniqueError, match=r"\[E104\]"):
            corpus.search("sanctions", order="sideways")
        with pytest.raises(CommuniqueError, match=r"\[E108\]"):
            corpus.search("sanctions AND")


def test_migration_keys_text_rows_as_their_records(store: Path, tmp_path: Path) -> None:
    # A store of the schema before migration 5: text rows numbered on their own, no
    # article countries. Opening it migrates it to what a new store holds.
    old = tmp_path / "old.db"
    shutil.copy(store, old)
    conn = sqlite3.connect(old)
    countries = [
        conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
        for t in ("article_countries", "statement_countries")
    ]
    conn.executescript(
        """
        DROP TABLE article_countries;
        DROP INDEX statement_countries_date;
        ALTER TABLE statement_countries DROP COLUMN date;
        DROP INDEX articles_outlet_published;
        CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(article UNINDEXED, title, text);
        INSERT INTO articles_fts (article, title, text)
            SELECT id, COALESCE(title, ''), text FROM articles ORDER BY seq DESC;
        DROP TABLE statements_fts;
        CREATE VIRTUAL TABLE statements_fts USING fts5(
            article UNINDEXED, statement UNINDEXED, speaker, content
        );
        INSERT INTO statements_fts (article, statement, speaker, content)
            SELECT article, statement, COALESCE(speaker, ''), content FROM statements
            ORDER BY seq DESC;
        DELETE FROM migrations WHERE version = 5;
        """
    )
    conn.close()
    with communique.open(str(old)) as migrated, communique.open(str(store)) as new:
        assert migrated.search("sanctions", limit=LIMIT) == new.search("sanctions", limit=LIMIT)
    assert [
        _rows(old, f"SELECT * FROM {t} ORDER BY 1, 2", [])
        for t in ("article_countries", "statement_countries")
    ] == countries
    assert _rows(old, "SELECT rowid, article FROM articles_fts ORDER BY 1", []) == _rows(
        old, "SELECT seq, id FROM articles ORDER BY 1", []
    )
    assert _rows(old, "SELECT rowid, article, statement FROM statements_fts ORDER BY 1", []) == (
        _rows(old, "SELECT seq, article, statement FROM statements ORDER BY 1", [])
    )

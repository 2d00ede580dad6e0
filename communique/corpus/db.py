"""The corpus database: one SQLite file, numbered migrations, one path for writes.

Every statement is parameterised; reads run under a time limit so that a bad
query fails with a coded error instead of hanging; writes go through
`Database.transaction()`, so a record is stored whole or not at all.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.errors import CommuniqueError, Errors

#: Seconds a read query may run before it is interrupted.
QUERY_TIME_LIMIT = 10.0
#: SQLite virtual-machine steps between two checks of the time limit.
PROGRESS_STEPS = 10_000
#: Milliseconds a writer waits for another process's lock before failing.
BUSY_TIMEOUT_MS = 30_000
#: SQLite page cache per connection, in KiB (large stores keep their indexes in memory).
PAGE_CACHE_KIB = 65536

#: Numbered migrations; each runs once, in order, and is recorded in `migrations`.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "articles, events, statements and full-text search",
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE,
            title TEXT, url TEXT, outlet TEXT, published TEXT,
            text TEXT NOT NULL,
            analysis TEXT NOT NULL,
            cluster TEXT, origin TEXT
        );
        CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            article TEXT NOT NULL REFERENCES articles(id),
            event TEXT NOT NULL,
            type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
            countries TEXT NOT NULL,
            location_text TEXT, location_country TEXT, location_kind TEXT,
            when_text TEXT, when_start TEXT, when_end TEXT,
            source TEXT, speaker TEXT COLLATE NOCASE, verification TEXT, section TEXT,
            confidence REAL, evidence TEXT, participants TEXT,
            as_of TEXT, day TEXT, outlet TEXT COLLATE NOCASE,
            engagement TEXT,
            UNIQUE (article, event)
        );
        CREATE INDEX events_type_status ON events(type, status);
        CREATE INDEX events_day ON events(day);
        CREATE INDEX events_engagement ON events(engagement);
        CREATE INDEX events_outlet ON events(outlet);
        CREATE INDEX events_speaker ON events(speaker);
        CREATE TABLE event_countries (
            event INTEGER NOT NULL REFERENCES events(seq),
            country TEXT NOT NULL,
            PRIMARY KEY (country, event)
        ) WITHOUT ROWID;
        CREATE TABLE statements (
            seq INTEGER PRIMARY KEY,
            article TEXT NOT NULL REFERENCES articles(id),
            statement TEXT NOT NULL,
            speaker TEXT COLLATE NOCASE, speaker_text TEXT, speaker_country TEXT,
            cue TEXT, kind TEXT, content TEXT NOT NULL, section TEXT,
            channel TEXT, relays TEXT, date TEXT, outlet TEXT COLLATE NOCASE,
            UNIQUE (article, statement)
        );
        CREATE INDEX statements_outlet ON statements(outlet);
        CREATE TABLE statement_countries (
            statement INTEGER NOT NULL REFERENCES statements(seq),
            country TEXT NOT NULL,
            PRIMARY KEY (country, statement)
        ) WITHOUT ROWID;
        CREATE INDEX statements_speaker ON statements(speaker);
        CREATE INDEX statements_date ON statements(date);
        CREATE VIRTUAL TABLE articles_fts USING fts5(article UNINDEXED, title, text);
        CREATE VIRTUAL TABLE statements_fts USING fts5(
            article UNINDEXED, statement UNINDEXED, speaker, content
        );
        """,
    ),
    (
        2,
        "engagements",
        """
        CREATE TABLE engagements (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL, status TEXT NOT NULL, verification TEXT NOT NULL,
            when_start TEXT, when_end TEXT, day TEXT, last_day TEXT,
            speakers TEXT, outlets TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX engagements_type_status ON engagements(type, status);
        CREATE INDEX engagements_day ON engagements(day);
        CREATE TABLE engagement_countries (
            engagement INTEGER NOT NULL REFERENCES engagements(seq),
            country TEXT NOT NULL,
            PRIMARY KEY (country, engagement)
        ) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
    (
        3,
        "filters in date order",
        # A query filtered on one column reads that column's rows newest first and stops at
        # the row limit, instead of sorting every match; the single-column indexes these
        # replace are their prefixes.
        """
        CREATE INDEX events_status_day ON events(status, day);
        CREATE INDEX events_type_day ON events(type, day);
        CREATE INDEX events_speaker_day ON events(speaker, day);
        CREATE INDEX events_outlet_day ON events(outlet, day);
        DROP INDEX events_speaker;
        DROP INDEX events_outlet;
        CREATE INDEX statements_speaker_date ON statements(speaker, date);
        CREATE INDEX statements_outlet_date ON statements(outlet, date);
        DROP INDEX statements_speaker;
        DROP INDEX statements_outlet;
        CREATE INDEX engagements_status_day ON engagements(status, day);
        CREATE INDEX engagements_type_day ON engagements(type, day);
        """,
    ),
    (
        4,
        "speakers and outlets of an engagement",
        # Whether an engagement has an event with a speaker or outlet is one index lookup,
        # however many events it has; the engagement index these replace is their prefix.
        """
        CREATE INDEX events_engagement_speaker ON events(engagement, speaker);
        CREATE INDEX events_engagement_outlet ON events(engagement, outlet);
        DROP INDEX events_engagement;
        """,
    ),
    (
        5,
        "full-text rows keyed as their articles and statements",
        # A text row's rowid is its article's or statement's `seq`: a search reads the matches
        # as keys of the date-ordered tables, and a row is deleted by key instead of by a scan
        # of the text index. An outlet's articles are read newest first from their index.
        # An article's countries are those of its events; the country rows of articles and
        # statements carry their dates, so that a country's rows are read newest first
        # without reading the rows themselves.
        """
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(article UNINDEXED, title, text);
        INSERT INTO articles_fts (rowid, article, title, text)
            SELECT seq, id, COALESCE(title, ''), text FROM articles;
        DROP TABLE statements_fts;
        CREATE VIRTUAL TABLE statements_fts USING fts5(
            article UNINDEXED, statement UNINDEXED, speaker, content
        );
        INSERT INTO statements_fts (rowid, article, statement, speaker, content)
            SELECT seq, article, statement, COALESCE(speaker, speaker_text, ''), content
            FROM statements;
        CREATE INDEX articles_outlet_published ON articles(outlet COLLATE NOCASE, published);
        DROP INDEX articles_outlet;
        CREATE TABLE article_countries (
            article INTEGER NOT NULL REFERENCES articles(seq),
            country TEXT NOT NULL,
            published TEXT,
            PRIMARY KEY (country, article)
        ) WITHOUT ROWID;
        INSERT INTO article_countries (article, country, published)
            SELECT DISTINCT a.seq, ec.country, a.published FROM articles a
            JOIN events e ON e.article = a.id JOIN event_countries ec ON ec.event = e.seq;
        CREATE INDEX article_countries_published
            ON article_countries(country, published, article);
        ALTER TABLE statement_countries ADD COLUMN date TEXT;
        UPDATE statement_countries SET date =
            (SELECT s.date FROM statements s WHERE s.seq = statement_countries.statement);
        CREATE INDEX statement_countries_date ON statement_countries(country, date, statement);
        """,
    ),
    (
        6,
        "engagement records apart",
        # An engagement's record (its whole JSON) lives in a table of its own, so that a
        # query reading engagements in date order, or looking them up, reads small rows and
        # only a page's records. The engagements of a speaker or outlet come from the
        # events' indexes alone, and the date index answers a probe on an engagement's id.
        """
        CREATE TABLE engagement_records (
            engagement INTEGER PRIMARY KEY REFERENCES engagements(seq),
            record TEXT NOT NULL
        );
        INSERT INTO engagement_records (engagement, record) SELECT seq, record FROM engagements;
        ALTER TABLE engagements DROP COLUMN record;
        DROP INDEX events_speaker_day;
        CREATE INDEX events_speaker_day ON events(speaker, day, engagement);
        DROP INDEX events_outlet_day;
        CREATE INDEX events_outlet_day ON events(outlet, day, engagement);
        DROP INDEX engagements_day;
        CREATE INDEX engagements_day ON engagements(day, id);
        """,
    ),
    (
        7,
        "event countries in date order",
        # As for articles and statements (migration 5): a country's events are read newest
        # first from its own rows, which carry their events' dates.
        """
        ALTER TABLE event_countries ADD COLUMN day TEXT;
        UPDATE event_countries SET day =
            (SELECT e.day FROM events e WHERE e.seq = event_countries.event);
        CREATE INDEX event_countries_day ON event_countries(country, day, event);
        """,
    ),
)


class Database:
    """A corpus store in one SQLite file (created and migrated on first open)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).exists():
            raise CommuniqueError(Errors.E101, path=self.path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
            self.migrate()
        except sqlite3.DatabaseError as err:
            raise CommuniqueError(Errors.E102, path=self.path, detail=str(err)) from None
        self._deadline: float | None = None
        self.conn.set_progress_handler(self._over_time, PROGRESS_STEPS)

    def _over_time(self) -> int:
        return int(self._deadline is not None and time.monotonic() > self._deadline)

    def migrate(self) -> None:
        """Apply the migrations this file has not had yet, each in its own transaction."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT)"
        )
        done = {row[0] for row in self.conn.execute("SELECT version FROM migrations")}
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self.transaction():
                for statement in sql.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO migrations (version, name) VALUES (?, ?)", (version, name)
                )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The one path for writes: everything inside is committed together or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def query(
        self, sql: str, params: Sequence[Any] = (), limit: float = QUERY_TIME_LIMIT
    ) -> list[sqlite3.Row]:
        """Rows of a parameterised read, interrupted after `limit` seconds."""
        self._deadline = time.monotonic() + limit
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return cur.fetchall()
        except sqlite3.OperationalError as err:
            if "interrupted" in str(err):
                raise CommuniqueError(Errors.E103, seconds=limit) from None
            raise
        finally:
            self._deadline = None

    def scan(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Rows of a parameterised read, one at a time and without a time limit.

        For the store's own passes over every row (relinking), which take as long as the
        store is large; a user's query goes through `query`.
        """
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        yield from cur

    def close(self) -> None:
        self.conn.close()

"""The corpus store: ingest analyses into the database and link them across articles.

`Corpus` is the library API that the command line wraps: `ingest`, `relink`, the
queries and the exports. Each article is written in one transaction with all of
its rows, so a run killed at any point leaves whole articles only, and a rerun
skips what is stored (by content hash) and finishes the rest.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.corpus import engagements as eng
from communique.corpus.copies import clusters_and_origins
from communique.corpus.db import Database
from communique.errors import CommuniqueError, Errors

if TYPE_CHECKING:
    from communique.document import Document
    from communique.pipeline import Failure
    from communique.readers import Overrides

#: File suffixes that may hold stored analyses (`communique.analysis/1` objects).
ANALYSIS_SUFFIXES = (".jsonl", ".ndjson", ".json")
SCHEMA_ID = "communique.analysis/1"


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    engagements: int = 0


def article_hash(article: dict[str, Any]) -> str:
    """The content hash that makes ingest idempotent: text and metadata of the article."""
    keys = ("text", "url", "outlet", "published", "title")
    blob = json.dumps({k: article.get(k) for k in keys}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _is_analysis_file(path: str) -> bool:
    if not path.lower().endswith(ANALYSIS_SUFFIXES) or not Path(path).is_file():
        return False
    try:
        with open(path, encoding="utf-8-sig") as fh:
            head = fh.read(4096).lstrip()
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith(("{", "[")) and f'"{SCHEMA_ID}"' in head.split("\n", 1)[0]


def _analysis_records(path: str) -> Iterator[dict[str, Any] | Failure]:
    """Stored analyses from a JSON Lines (or JSON) file; a bad line is a failure."""
    from communique.pipeline import Failure

    text = Path(path).read_text(encoding="utf-8-sig")
    if path.lower().endswith(".json"):
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            yield Failure(path, Errors.E006.format(source=path, detail=err.msg))
            return
        lines = [(f"{path}[{i}]", o) for i, o in enumerate(obj if isinstance(obj, list) else [obj])]
    else:
        lines = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                lines.append((where, json.loads(line)))
            except json.JSONDecodeError as err:
                yield Failure(where, Errors.E006.format(source=where, detail=err.msg))
                lines.append((where, None))
    for where, obj in lines:
        if obj is None:
            continue
        article = obj.get("article") if isinstance(obj, dict) else None
        if (
            not isinstance(obj, dict)
            or obj.get("schema") != SCHEMA_ID
            or not isinstance(article, dict)
            or not isinstance(article.get("id"), str)
            or not isinstance(article.get("text"), str)
        ):
            yield Failure(where, Errors.E107.format(source=where))
            continue
        yield obj


def read_inputs(
    paths: Sequence[str], overrides: Overrides | None = None
) -> Iterator[Document | dict[str, Any] | Failure]:
    """Articles to analyse, stored analyses, or failures, in input order."""
    from communique.pipeline import Failure
    from communique.readers import read_path

    for path in paths:
        try:
            if _is_analysis_file(path):
                yield from _analysis_records(path)
            else:
                yield from read_path(path, overrides)
        except CommuniqueError as err:
            yield Failure(path, err.message)


class Corpus:
    """A store of analysed articles with their copies, engagements, queries and exports."""

    def __init__(self, path: str | Path = "communique.db", *, create: bool = True) -> None:
        self.db = Database(path, create=create)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str],
        overrides: Overrides | None = None,
        *,
        progress: Callable[[int], Any] | None = None,
        on_total: Callable[[int], Any] | None = None,
    ) -> IngestReport:
        """Analyse and store articles (or stored analyses), then relink the corpus."""
        from communique.pipeline import Failure

        report = IngestReport()
        items = list(read_inputs(paths, overrides))
        seen: set[str] = set()
        todo: list[Document | dict[str, Any]] = []
        for item in items:
            if isinstance(item, Failure):
                report.skipped.append((item.source, item.message))
                continue
            article = item["article"] if isinstance(item, dict) else vars(item.article)
            digest = article_hash(article)
            if digest in seen or self._has_hash(digest):
                report.unchanged.append(str(article["id"]))
                continue
            seen.add(digest)
            todo.append(item)
        if on_total is not None:
            on_total(len(todo))
        docs = [d for d in todo if not isinstance(d, dict)]
        analysed: Iterator[Document | Failure] = iter(())
        if docs:
            from communique.pipeline import default_pipeline

            try:
                analysed = default_pipeline().run(docs)
            except CommuniqueError as err:
                for d in docs:
                    report.skipped.append((d.article.id, err.message))
                todo = [d for d in todo if isinstance(d, dict)]
        for item in todo:
            if isinstance(item, dict):
                record: dict[str, Any] = item
                digest = article_hash(item["article"])
            else:
                digest = article_hash(vars(item.article))
                result = next(analysed)
                if isinstance(result, Failure):
                    report.skipped.append((result.source, result.message))
                    if progress:
                        progress(1)
                    continue
                record = result.to_dict()
            replaced = self.store(record, digest)
            (report.replaced if replaced else report.stored).append(record["article"]["id"])
            if progress:
                progress(1)
        report.engagements = self.relink()
        return report

    def _has_hash(self, digest: str) -> bool:
        return bool(self.db.query("SELECT 1 FROM articles WHERE hash = ?", (digest,)))

    def store(self, record: dict[str, Any], digest: str | None = None) -> bool:
        """Store one analysis with all its rows in one transaction; True when it replaced one."""
        article = record["article"]
        digest = digest or article_hash(article)
        with self.db.transaction() as conn:
            old = conn.execute("SELECT id FROM articles WHERE id = ?", (article["id"],)).fetchone()
            if old is not None:
                _delete_article(conn, article["id"])
            _insert_article(conn, record, digest)
        return old is not None

    # -- linking --------------------------------------------------------------

    def relink(self) -> int:
        """Recompute copy clusters, origins and engagements over the whole store."""
        texts = {r["id"]: r["text"] for r in self.db.scan("SELECT id, text FROM articles")}
        relay_keys: dict[str, str] = {}
        for r in self.db.scan(
            "SELECT article, speaker, relays FROM statements WHERE speaker IS NOT NULL"
            " AND relays != '[]' AND section IN ('reporting', 'title') ORDER BY seq"
        ):
            relays = json.loads(r["relays"])
            relay_keys.setdefault(r["article"], f"{relays[0]}|{r['speaker']}".lower())
        placed = clusters_and_origins(texts, relay_keys)
        rows = []
        for r in self.db.scan("SELECT * FROM events ORDER BY seq"):
            ev = event_row(r, placed.get(r["article"], (None, None))[1])
            if eng.eligible(ev, r["section"]):
                rows.append(ev)
        linked = eng.link(rows)
        with self.db.transaction() as conn:
            conn.executemany(
                "UPDATE articles SET cluster = ?, origin = ? WHERE id = ?",
                [(c, o, a) for a, (c, o) in placed.items()],
            )
            conn.execute("DELETE FROM engagement_countries")
            conn.execute("DELETE FROM engagement_records")
            conn.execute("DELETE FROM engagements")
            conn.execute("UPDATE events SET engagement = NULL WHERE engagement IS NOT NULL")
            for g in linked:
                rec = eng.to_record(g)
                insert_engagement(conn, rec, g)
        return len(linked)

    # -- queries and exports (see queries.py and export.py) ---------------------

    def engagements(self, **filters: Any) -> list[dict[str, Any]]:
        """Engagements matching the filters, in date order."""
        from communique.corpus.queries import Filters, engagements

        return engagements(self.db, Filters(**filters))

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored events matching the filters."""
        from communique.corpus.queries import Filters, events

        return events(self.db, Filters(**filters))

    def statements(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored statements matching the filters."""
        from communique.corpus.queries import Filters, statements

        return statements(self.db, Filters(**filters))

    def search(self, text: str, order: str = "newest", **filters: Any) -> list[dict[str, Any]]:
        """Articles and statements matching a full-text query, newest or best first."""
        from communique.corpus.queries import Filters, search

        return search(self.db, text, Filters(**filters), order)

    def timeline(self, **filters: Any) -> list[dict[str, Any]]:
        """Engagements in time order, oldest first, with their lifecycles."""
        from communique.corpus.queries import Filters, engagements

        return engagements(self.db, Filters(**filters), oldest_first=True)

    def articles(self) -> list[dict[str, Any]]:
        """Stored articles with their copy cluster and origin (no text)."""
        rows = self.db.query(
            "SELECT id, title, url, outlet, published, cluster, origin FROM articles ORDER BY seq"
        )
        return [dict(r) for r in rows]

    def export(self, fmt: str, out: Any, kind: str = "engagements") -> int:
        """Write the store's engagements (or events, statements) in a format; returns rows."""
        from communique.corpus.export import export

        return export(self, fmt, out, kind)


def event_row(r: sqlite3.Row, origin: str | None) -> eng.EventRow:
    """A stored event as the linker takes it; `origin` is its article's independent origin."""
    as_of = r["as_of"]
    start = eng.parse_day(r["when_start"], as_of)
    end = eng.parse_day(r["when_end"], as_of)
    return eng.EventRow(
        partial=eng.partial_day(r["when_start"]) if start is None else None,
        seq=r["seq"],
        article=r["article"],
        event=r["event"],
        type=r["type"],
        mode=r["mode"],
        status=r["status"],
        countries=frozenset(c for c in r["countries"].split("|") if c),
        location_text=r["location_text"],
        location_country=r["location_country"],
        location_kind=r["location_kind"],
        when_text=r["when_text"],
        start=start,
        end=end if end and start and end >= start else start,
        as_of=as_of,
        verification=r["verification"],
        evidence=r["evidence"] or "",
        participants=json.loads(r["participants"] or "[]"),
        outlet=r["outlet"],
        origin=origin,
    )


def _delete_article(conn: sqlite3.Connection, article_id: str) -> None:
    conn.execute(
        "DELETE FROM event_countries WHERE event IN (SELECT seq FROM events WHERE article = ?)",
        (article_id,),
    )
    conn.execute(
        "DELETE FROM statement_countries WHERE statement IN"
        " (SELECT seq FROM statements WHERE article = ?)",
        (article_id,),
    )
    # Text rows are keyed as their statements and article (see migration 5).
    conn.execute(
        "DELETE FROM statements_fts WHERE rowid IN (SELECT seq FROM statements WHERE article = ?)",
        (article_id,),
    )
    conn.execute(
        "DELETE FROM articles_fts WHERE rowid = (SELECT seq FROM articles WHERE id = ?)",
        (article_id,),
    )
    conn.execute(
        "DELETE FROM article_countries WHERE article = (SELECT seq FROM articles WHERE id = ?)",
        (article_id,),
    )
    for table in ("events", "statements"):
        conn.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def _insert_article(conn: sqlite3.Connection, record: dict[str, Any], digest: str) -> None:
    a = record["article"]
    aid = a["id"]
    article = conn.execute(
        "INSERT INTO articles (id, hash, title, url, outlet, published, text, analysis)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            aid,
            digest,
            a.get("title"),
            a.get("url"),
            a.get("outlet"),
            a.get("published"),
            a["text"],
            json.dumps(record, sort_keys=True, ensure_ascii=False),
        ),
    )
    conn.execute(
        "INSERT INTO articles_fts (rowid, article, title, text) VALUES (?, ?, ?, ?)",
        (article.lastrowid, aid, a.get("title") or "", a["text"]),
    )
    entities = {e["id"]: e for e in record.get("entities", [])}

    def name(eid: str | None) -> str | None:
        ent = entities.get(eid) if eid else None
        return ent["name"] if ent else None

    statement_dates: dict[str, str | None] = {}
    statement_speakers: dict[str, str | None] = {}
    countries_by_statement: dict[str, set[str]] = {}
    for ev in record.get("events", []):
        if ev.get("source"):
            countries_by_statement.setdefault(ev["source"], set()).update(ev.get("countries", []))
    for s in record.get("statements", []):
        speaker = entities.get(s.get("speaker")) if s.get("speaker") else None
        statement_dates[s["id"]] = s.get("date")
        statement_speakers[s["id"]] = name(s.get("speaker"))
        cur = conn.execute(
            "INSERT INTO statements (article, statement, speaker, speaker_text, speaker_country,"
            " cue, kind, content, section, channel, relays, date, outlet)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                s["id"],
                name(s.get("speaker")),
                s.get("speaker_text"),
                speaker.get("country") if speaker else None,
                s.get("cue"),
                s.get("kind"),
                s.get("content") or "",
                s.get("section"),
                name(s.get("channel")) or s.get("channel_text"),
                json.dumps([name(r) or r for r in s.get("relays", [])], ensure_ascii=False),
                s.get("date") or a.get("published"),
                a.get("outlet"),
            ),
        )
        countries = set(countries_by_statement.get(s["id"], set()))
        if speaker and speaker.get("country"):
            countries.add(speaker["country"])
        conn.executemany(
            "INSERT INTO statement_countries (statement, country, date) VALUES (?, ?, ?)",
            [(cur.lastrowid, c, s.get("date") or a.get("published")) for c in sorted(countries)],
        )
        conn.execute(
            "INSERT INTO statements_fts (rowid, article, statement, speaker, content)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                cur.lastrowid,
                aid,
                s["id"],
                name(s.get("speaker")) or s.get("speaker_text") or "",
                s["content"],
            ),
        )
    reference = eng.reference_date(record)
    timexes = record.get("timexes", [])
    article_countries: set[str] = set()
    for ev in record.get("events", []):
        loc = ev.get("location") or {}
        when = ev.get("when") or {}
        source = ev.get("source")
        as_of = statement_dates.get(source) if source else None
        as_of = as_of or reference
        start, end = eng.resolve_when(when, timexes, as_of, ev["status"])
        start, end = eng.held_before_report(start, end, when.get("text"), as_of, ev["status"])
        day = start if start and not start.startswith("X") else as_of
        participants = sorted(
            {n for n in (name(x) for x in ev.get("actors", []) + ev.get("recipients", [])) if n}
        )
        evidence = " … ".join(m.get("text", "") for m in ev.get("evidence", []))
        event_countries = sorted(set(ev.get("countries", [])))
        cur = conn.execute(
            "INSERT INTO events (article, event, type, mode, status, countries, location_text,"
            " location_country, location_kind, when_text, when_start, when_end, source, speaker,"
            " verification, section, confidence, evidence, participants, as_of, day, outlet)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                ev["id"],
                ev["type"],
                ev.get("mode"),
                ev["status"],
                "|".join(event_countries),
                loc.get("text"),
                loc.get("country"),
                loc.get("kind"),
                when.get("text"),
                start,
                end,
                source,
                statement_speakers.get(source) if source else None,
                ev.get("verification"),
                ev.get("section"),
                ev.get("confidence"),
                evidence,
                json.dumps(participants, ensure_ascii=False),
                as_of,
                day,
                a.get("outlet"),
            ),
        )
        conn.executemany(
            "INSERT INTO event_countries (event, country, day) VALUES (?, ?, ?)",
            [(cur.lastrowid, c, day) for c in event_countries],
        )
        article_countries.update(event_countries)
    conn.executemany(
        "INSERT INTO article_countries (article, country, published) VALUES (?, ?, ?)",
        [(article.lastrowid, c, a.get("published")) for c in sorted(article_countries)],
    )


def insert_engagement(conn: sqlite3.Connection, rec: dict[str, Any], g: eng.Engagement) -> None:
    """Write an engagement with its record and countries, and point its events at it."""
    when = rec["when"]
    speakers = sorted({p for m in g.members for p in m.participants})
    outlets = sorted({m.outlet for m in g.members if m.outlet})
    cur = conn.execute(
        "INSERT INTO engagements (id, type, status, verification, when_start, when_end, day,"
        " last_day, speakers, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            rec["id"],
            rec["type"],
            rec["status"],
            rec["verification"],
            when["start"],
            when["end"],
            when["start"] or rec["first_reported"],
            when["end"] or rec["last_reported"],
            "|".join(speakers),
            "|".join(outlets),
        ),
    )
    conn.execute(
        "INSERT INTO engagement_records (engagement, record) VALUES (?, ?)",
        (cur.lastrowid, json.dumps(rec, sort_keys=True, ensure_ascii=False)),
    )
    conn.executemany(
        "INSERT INTO engagement_countries (engagement, country) VALUES (?, ?)",
        [(cur.lastrowid, c) for c in rec["countries"]],
    )
    conn.executemany(
        "UPDATE events SET engagement = ? WHERE seq = ?", [(rec["id"], m.seq) for m in g.members]
    )


def open_corpus(path: str | Path = "communique.db", *, create: bool = True) -> Corpus:
    """Open (or create) a corpus store."""
    return Corpus(path, create=create)

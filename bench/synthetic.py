"""Synthetic corpus stores: many events drawn at random (seeded), stored as the store's own rows.

A synthetic corpus is a set of happenings (talks, agreements, sanctions, ...)
between countries drawn from the project's own data files, each reported by a
few to dozens of articles over the weeks around it, with the status a report at
that date would give (planned before, ongoing during, occurred after; denials,
postponements and cancellations on the way). Every report is one event row with
its country rows, most rest on a statement by an official of a participant
country, and the articles carry a text for full-text search. The rows go
straight into the tables that the store's migrations create, in batches, in one
transaction; nothing passes through the NLP pipeline.

How the draws are weighted lives in `bench/data/synthetic.json`. Built stores
are kept under `bench/cache/`, keyed by the generator version, the schema
version and the parameters, so that a rerun opens the store it built before (a
store under an older schema is migrated). A cached store keeps the speakers and
outlets of the data files, and the engagements of the linker, of the day it was
built; `python -m bench.corpus --rebuild` builds it again.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import pycountry

from communique.corpus import engagements as eng
from communique.corpus.db import MIGRATIONS, Database

#: Bump when the drawn rows change, so that cached stores are rebuilt.
GENERATOR_VERSION = 1
#: The first day a happening can fall on; they spread over `DAYS` days from it.
FIRST_DAY = date(2022, 1, 1)
DAYS = 4 * 365
#: Articles written per executemany batch.
BATCH_ARTICLES = 5_000
#: Where built stores are kept (gitignored).
CACHE = Path(__file__).resolve().parent / "cache"
DEFAULT_SEED = 7

T = TypeVar("T")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The draw weights from `bench/data/synthetic.json`."""
    path = Path(__file__).resolve().parent / "data" / "synthetic.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _tsv(name: str) -> list[dict[str, str]]:
    """Rows of one of the project's data files, by its header."""
    text = resources.files("communique").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [
        dict(itertools.zip_longest(header, line.split("\t"), fillvalue="")) for line in lines[1:]
    ]


@dataclass(frozen=True)
class Vocabulary:
    """What synthetic events are made of, from the project's data files."""

    countries: tuple[str, ...]
    cumulative: tuple[float, ...]
    names: dict[str, str]
    places: dict[str, tuple[str, ...]]
    speakers: dict[str, tuple[str, ...]]
    outlets: tuple[str, ...]
    outlet_cumulative: tuple[float, ...]
    topics: tuple[str, ...]

    def country(self, rng: random.Random) -> str:
        return self.countries[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def outlet(self, rng: random.Random) -> str:
        x = rng.random() * self.outlet_cumulative[-1]
        return self.outlets[bisect.bisect(self.outlet_cumulative, x)]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Countries with capitals or cities, weighted by the officials on record for them."""
    s = settings()
    places: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for row in _tsv("countries.tsv"):
        code = row["code"]
        if row["kind"] in ("capital", "city"):
            places.setdefault(code, []).append(row["alias"])
        elif row["kind"] == "name":
            names.setdefault(code, row["alias"])
    speakers: dict[str, list[str]] = {}
    for row in _tsv("officials.tsv"):
        if row["country"] in places and row["name"] not in speakers.get(row["country"], []):
            speakers.setdefault(row["country"], []).append(row["name"])
    countries = sorted(places)
    for code in countries:
        known = pycountry.countries.get(alpha_3=code)
        name = getattr(known, "common_name", None) or getattr(known, "name", None)
        names.setdefault(code, str(name or code))
    weights = [(len(speakers.get(c, [])) + 1) ** s["country_weight_exponent"] for c in countries]
    outlets = sorted(
        {r["domains"].split("|")[0] for r in _tsv("outlets.tsv") if r.get("domains")} - {""}
    )
    random.Random(DEFAULT_SEED).shuffle(outlets)
    outlet_weights = [1 / (rank + 1) ** s["outlet_exponent"] for rank in range(len(outlets))]
    topics = tuple(sorted({r["phrase"] for r in _tsv("topics.tsv")}))
    return Vocabulary(
        countries=tuple(countries),
        cumulative=tuple(itertools.accumulate(weights)),
        names=names,
        places={c: tuple(p) for c, p in places.items()},
        speakers={c: tuple(p) for c, p in speakers.items()},
        outlets=tuple(outlets),
        outlet_cumulative=tuple(itertools.accumulate(outlet_weights)),
        topics=topics,
    )


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(frozen=True)
class Happening:
    """One thing that happens (or is only talked about), which many articles report."""

    type: str
    countries: tuple[str, ...]
    day: date
    last: date
    fate: str
    host: str | None
    place: str | None
    mode: str | None
    topic: str


def draw_happening(rng: random.Random, voc: Vocabulary) -> Happening:
    s = settings()
    size = int(_pick(rng, s["countries"]))
    countries: list[str] = []
    while len(countries) < size:
        c = voc.country(rng)
        if c not in countries:
            countries.append(c)
    etype = _pick(rng, s["types"])
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    last = day + timedelta(days=int(_pick(rng, s["duration"])))
    mode = None
    host = place = None
    if etype == "CONSULT" and rng.random() < s["share_phone"]:
        mode = "phone"
    elif rng.random() < s["share_placed"]:
        if rng.random() < s["share_host_participant"]:
            host = rng.choice(countries)
        else:
            host = voc.country(rng)
            while host in countries:
                host = voc.country(rng)
        place = rng.choice(voc.places[host])
        if etype == "CONSULT" and size > 2:
            mode = "multilateral"
        elif etype == "CONSULT" and host not in countries:
            mode = "third-party"
    return Happening(
        type=etype,
        countries=tuple(sorted(countries)),
        day=day,
        last=last,
        fate=_pick(rng, s["fate"]),
        host=host,
        place=place,
        mode=mode,
        topic=rng.choice(voc.topics),
    )


def report_status(rng: random.Random, h: Happening, report: date) -> str:
    """The status a report at a date gives a happening, given what becomes of it."""
    s = settings()
    if h.fate == "proposed":
        return _pick(rng, s["status_proposed"])
    if report < h.day:
        return _pick(rng, s["status_before"])
    if report <= h.last:
        return _pick(rng, s["status_during"])
    return {"held": "occurred", "cancelled": "cancelled", "postponed": "postponed"}[h.fate]


def report_count(rng: random.Random) -> int:
    s = settings()
    return min(int(s["max_reports"]), int(rng.paretovariate(s["reports_shape"])))


def report_day(rng: random.Random, h: Happening) -> date:
    s = settings()
    if rng.random() < s["share_before"] or h.fate == "proposed":
        return h.day - timedelta(days=rng.randint(1, s["days_before"]))
    return h.day + timedelta(days=rng.randint(0, s["days_after"]))


@dataclass
class Batch:
    """Rows for each table of the store, and the happening behind each event."""

    articles: list[tuple[Any, ...]] = field(default_factory=list)
    articles_fts: list[tuple[Any, ...]] = field(default_factory=list)
    article_countries: list[tuple[int, str, str | None]] = field(default_factory=list)
    statements: list[tuple[Any, ...]] = field(default_factory=list)
    statement_countries: list[tuple[int, str, str | None]] = field(default_factory=list)
    statements_fts: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    event_countries: list[tuple[int, str, str | None]] = field(default_factory=list)
    happening: dict[int, int] = field(default_factory=dict)


@dataclass
class _Counters:
    article: int = 0
    statement: int = 0
    event: int = 0


def _when(rng: random.Random, h: Happening, report: date | None) -> tuple[Any, ...]:
    """(when_text, when_start, when_end) as the store holds them after `resolve_when`."""
    how = _pick(rng, settings()["dated"])
    if how == "days":
        text = f"on {h.day.day} {h.day:%B}"
        if report is None:
            return text, f"XXXX-{h.day:%m-%d}", f"XXXX-{h.day:%m-%d}"
        return text, h.day.isoformat(), h.last.isoformat()
    if how == "month" and report is not None:
        first = h.day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return f"in {h.day:%B}", first.isoformat(), (following - timedelta(days=1)).isoformat()
    return None, None, None


def _countries_named(rng: random.Random, h: Happening, voc: Vocabulary) -> list[str]:
    how = _pick(rng, settings()["report_countries"])
    if how == "one":
        return [rng.choice(h.countries)]
    named = set(h.countries)
    if how == "extra":
        named.add(voc.country(rng))
    return sorted(named)


def _sentence(h: Happening, status: str, names: list[str], speaker: str | None) -> str:
    s = settings()
    who = " and ".join(names)
    where = f" in {h.place}" if h.place else ""
    said = f"{speaker} said " if speaker else ""
    noun = s["nouns"][h.type]
    return f"{said}{who} {s['phrases'][status]} {noun}{where} on {h.topic}."


def _article(
    rng: random.Random,
    voc: Vocabulary,
    reports: Sequence[tuple[int, int]],
    happenings: Sequence[Happening],
    n: _Counters,
    out: Batch,
) -> None:
    """One article reporting the given (day ordinal, happening) pairs, as rows of `out`."""
    s = settings()
    n.article += 1
    aid = f"syn-{n.article:07d}"
    published = date.fromordinal(reports[0][0])
    pub = None if rng.random() < s["share_undated_article"] else published.isoformat()
    outlet = voc.outlet(rng)
    sentences: list[str] = []
    countries: list[str] = []
    for number, (_, hi) in enumerate(reports, start=1):
        h = happenings[hi]
        status = report_status(rng, h, published)
        named = _countries_named(rng, h, voc)
        speaker = speaker_country = source = None
        if rng.random() < s["share_statement"]:
            speaker_country = rng.choice(named)
            officials = voc.speakers.get(speaker_country, ())
            if not officials or rng.random() < s["share_ministry_speaker"]:
                speaker = f"{voc.names[speaker_country]}'s Foreign Ministry"
            else:
                speaker = rng.choice(officials)
        sentence = _sentence(h, status, [voc.names[c] for c in named], speaker)
        sentences.append(sentence)
        if speaker is not None:
            n.statement += 1
            source = f"s{number}"
            out.statements.append(
                (n.statement, aid, source, speaker, speaker, speaker_country, "say", "indirect")
                + (sentence, "reporting", None, "[]", pub, outlet)
            )
            out.statement_countries += [
                (n.statement, c, pub) for c in sorted(set(named) | {speaker_country or ""}) if c
            ]
            out.statements_fts.append((n.statement, aid, source, speaker, sentence))
        when_text, start, end = _when(rng, h, published if pub else None)
        placed = h.place is not None and rng.random() < s["share_place_named"]
        day = start if start and not start.startswith("X") else pub
        participants = sorted({voc.names[c] for c in named} | ({speaker} if speaker else set()))
        n.event += 1
        out.events.append(
            (n.event, aid, f"v{number}", h.type, h.mode, status, "|".join(named))
            + ((h.place, h.host, "place") if placed else (None, None, None))
            + (when_text, start, end, source, speaker)
            + ("unverified" if rng.random() < s["share_unverified"] else "single-source",)
            + (_pick(rng, s["sections"]), round(rng.uniform(0.55, 0.95), 3), sentence)
            + (json.dumps(participants, ensure_ascii=False), pub, day, outlet)
        )
        out.event_countries += [(n.event, c, day) for c in named]
        countries += named
        out.happening[n.event] = hi
    text = " ".join(sentences)
    title = sentences[0].rstrip(".")
    digest = hashlib.sha256(f"{aid}\n{text}".encode()).hexdigest()
    meta = {"id": aid, "title": title, "outlet": outlet, "published": pub}
    analysis = json.dumps({"schema": "communique.analysis/1", "article": meta, "synthetic": True})
    out.articles.append((n.article, aid, digest, title, None, outlet, pub, text, analysis))
    out.articles_fts.append((n.article, aid, title, text))
    out.article_countries += [(n.article, c, pub) for c in sorted(set(countries))]


def draw_reports(
    rng: random.Random, voc: Vocabulary, events: int
) -> tuple[list[Happening], list[tuple[int, int]]]:
    """Happenings and `events` reports of them, each as (day's ordinal, happening's index)."""
    happenings: list[Happening] = []
    reports: list[tuple[int, int]] = []
    while len(reports) < events:
        h = draw_happening(rng, voc)
        happenings.append(h)
        for _ in range(report_count(rng)):
            reports.append((report_day(rng, h).toordinal(), len(happenings) - 1))
    del reports[events:]
    return happenings, reports


def generate(events: int, seed: int = DEFAULT_SEED) -> Iterator[Batch]:
    """Batches of rows holding `events` events in all, the same for the same seed."""
    rng = random.Random(seed)
    voc = vocabulary()
    s = settings()
    happenings, reports = draw_reports(rng, voc, events)
    # Articles of one day report happenings in no particular order.
    rng.shuffle(reports)
    reports.sort(key=lambda r: r[0])
    sizes = {int(k): v for k, v in s["events_per_article"].items()}
    n = _Counters()
    out = Batch()
    i = 0
    while i < len(reports):
        size = rng.choices(list(sizes), weights=list(sizes.values()))[0]
        _article(rng, voc, reports[i : i + size], happenings, n, out)
        i += size
        if len(out.articles) >= BATCH_ARTICLES:
            yield out
            out = Batch()
    if out.articles:
        yield out


_INSERTS = {
    "articles": "INSERT INTO articles (seq, id, hash, title, url, outlet, published, text,"
    " analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "articles_fts": "INSERT INTO articles_fts (rowid, article, title, text) VALUES (?, ?, ?, ?)",
    "article_countries": "INSERT INTO article_countries (article, country, published)"
    " VALUES (?, ?, ?)",
    "statements": "INSERT INTO statements (seq, article, statement, speaker, speaker_text,"
    " speaker_country, cue, kind, content, section, channel, relays, date, outlet)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "statement_countries": "INSERT INTO statement_countries (statement, country, date)"
    " VALUES (?, ?, ?)",
    "statements_fts": "INSERT INTO statements_fts (rowid, article, statement, speaker, content)"
    " VALUES (?, ?, ?, ?, ?)",
    "events": "INSERT INTO events (seq, article, event, type, mode, status, countries,"
    " location_text, location_country, location_kind, when_text, when_start, when_end, source,"
    " speaker, verification, section, confidence, evidence, participants, as_of, day, outlet)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "event_countries": "INSERT INTO event_countries (event, country, day) VALUES (?, ?, ?)",
}


def write_batch(conn: sqlite3.Connection, batch: Batch) -> None:
    """Insert a batch's rows, parents before the rows that refer to them."""
    for table, sql in _INSERTS.items():
        conn.executemany(sql, getattr(batch, table))


def write_events(db: Database, events: int, seed: int = DEFAULT_SEED) -> list[int]:
    """Write a synthetic corpus into an open store in one transaction.

    Returns the happening behind each event, by the event's `seq` (index `seq - 1`).
    """
    happening: list[int] = []
    with db.transaction() as conn:
        for batch in generate(events, seed):
            write_batch(conn, batch)
            happening += batch.happening.values()
    return happening


def linkable_events(db: Database, limit: int | None = None) -> list[eng.EventRow]:
    """The events `Corpus.relink` gives the linker (the first `limit` of them, in store order).

    Each synthetic article is its own origin: synthetic texts are not copies.
    """
    from communique.corpus.store import event_row

    cur = db.conn.execute("SELECT * FROM events ORDER BY seq")
    cur.row_factory = sqlite3.Row
    rows = []
    for r in cur:
        ev = event_row(r, None)
        if eng.eligible(ev, r["section"]):
            rows.append(ev)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def store_engagements(db: Database, linked: list[eng.Engagement]) -> None:
    """Replace the store's engagements with linked ones, as `Corpus.relink` writes them."""
    from communique.corpus.store import insert_engagement

    with db.transaction() as conn:
        conn.execute("DELETE FROM engagement_countries")
        conn.execute("DELETE FROM engagement_records")
        conn.execute("DELETE FROM engagements")
        conn.execute("UPDATE events SET engagement = NULL WHERE engagement IS NOT NULL")
        for g in linked:
            insert_engagement(conn, eng.to_record(g), g)


def schema_version() -> int:
    """The latest migration: a store built under an older schema is built again."""
    return max(version for version, _, _ in MIGRATIONS)


def store_key(events: int, seed: int, linked: bool, schema: int | None = None) -> str:
    """The cache name of a built store (under the latest schema unless told)."""
    kind = "linked" if linked else "events"
    schema = schema_version() if schema is None else schema
    return f"synthetic-g{GENERATOR_VERSION}-m{schema}-{events}-s{seed}-{kind}"


def _timed(fn: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def build_store(
    path: Path, events: int, seed: int = DEFAULT_SEED, *, linked: bool = True
) -> dict[str, float]:
    """Write a synthetic store at `path` (replacing it); seconds spent on each step.

    The file appears only when it is complete, so an interrupted build leaves no
    store that looks finished.
    """
    building = path.with_name(path.name + ".building")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    db = Database(building)
    seconds: dict[str, float] = {}
    try:
        db.conn.execute("PRAGMA cache_size = -262144")

        seconds["write"] = _timed(lambda: write_events(db, events, seed))[0]
        if linked:
            seconds["load"], rows = _timed(lambda: linkable_events(db))
            seconds["link"], found = _timed(lambda: eng.link(rows))
            seconds["store_engagements"] = _timed(lambda: store_engagements(db, found))[0]
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    building.replace(path)
    return seconds


def cached_store(
    events: int, seed: int = DEFAULT_SEED, *, linked: bool = True, rebuild: bool = False
) -> tuple[Path, dict[str, float] | None]:
    """A synthetic store under `bench/cache/`, and the seconds spent when it was made now.

    A store of the same draws under an older schema is brought up to date by the
    store's own migrations rather than built again.
    """
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{store_key(events, seed, linked)}.db"
    if path.exists() and not rebuild:
        return path, None
    older = [CACHE / f"{store_key(events, seed, linked, v)}.db" for v in range(schema_version())]
    found = [p for p in older if p.exists()]
    if found and not rebuild:
        seconds, _ = _timed(lambda: Database(found[-1]).close())
        found[-1].replace(path)
        return path, {"migrate": seconds}
    return path, build_store(path, events, seed, linked=linked)

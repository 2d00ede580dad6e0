"""Speed of the corpus store: ingest rate, linking time and query latency (issue 7).

    python -m bench.corpus [--quick] [--articles N] [--link-events N] [--query-events N]
                           [--runs K] [--rebuild] [--skip-ingest] [--skip-linking]
                           [--cache-mb MB]

Ingest: a corpus generated from the project's own texts (`examples/`,
`tests/corpus/data/followups.jsonl`, `tests/data/actors_articles/`; each variant
gets its own id, outlet, date and closing line, so every one is analysed and
stored). Timed on the same texts: a plain analysis (the pipeline alone), an
ingest of the raw articles (analysis included), an ingest of stored analyses
(analysis excluded) and a relink.

Linking: the linker (`engagements.link`, then the engagement records) on N
events that can form engagements: the first N such events, in store order, of a
synthetic store of 2N events over four years (about half of all events are of
types, sections and statuses that take part). Target: under 60 s for 100,000.

Queries: the median and 95th percentile latency of each filter kind of the
query API (`communique.open(db).events(...)`, `.engagements`, `.statements`,
`.search`) with the default row limit, over a synthetic store of M events.
Each kind runs K times; its values alternate between one taken from a random
stored row (as common as in the data) and one drawn evenly from the distinct
values (mostly rare ones). Target: p95 under 50 ms on 1,000,000 events.

Synthetic stores come from `bench/synthetic.py` and are cached under
`bench/cache/` (the first run builds them; `--rebuild` builds them again).
Timings share the machine with whatever else runs, so the load average is
recorded with them. Writes `bench/results-corpus.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results-corpus.json"
#: Articles in the generated ingest corpus unless told otherwise.
DEFAULT_ARTICLES = 160
#: Events given to the linker: issue 7 asks for 100,000.
DEFAULT_LINK_EVENTS = 100_000
#: Events in the store the linked events are taken from, per event linked.
LINK_STORE_FACTOR = 2
#: Events in the store the queries run on: issue 7 asks for 1,000,000.
DEFAULT_QUERY_EVENTS = 1_000_000
#: Runs of each query kind; p50 and p95 are over these.
DEFAULT_QUERY_RUNS = 40
#: Sizes of `--quick`, for development.
QUICK = {"articles": 40, "link_events": 10_000, "query_events": 50_000, "runs": 20}
#: The targets of issue 7.
LINK_TARGET_SECONDS = 60.0
QUERY_P95_TARGET_MS = 50.0
#: Date of the first generated article; later rounds move one day on.
FIRST_DAY = date(2025, 2, 20)
#: Distinct outlets the variants are spread over.
OUTLETS = 23
#: Seed of the query values, so that reruns ask the same questions.
QUERY_SEED = 13
#: Days between `--since` and `--until` when both are given.
DATE_RANGE_DAYS = 30
#: Words searched for: agenda topics the synthetic texts mention, and a word they do not.
SEARCH_TERMS = ("embassy", "ceasefire", "sanctions", "prisoner exchange", "uranium", "Geneva")


def base_texts() -> list[dict[str, Any]]:
    """The project's own articles: text and, where known, publication date."""
    texts = [{"text": (ROOT / "examples" / "talks_article.txt").read_text(encoding="utf-8")}]
    followups = ROOT / "tests" / "corpus" / "data" / "followups.jsonl"
    for line in followups.read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append({"text": json.loads(line)["text"]})
    for path in sorted((ROOT / "tests" / "data" / "actors_articles").glob("[0-9]*.json")):
        texts.append({"text": json.loads(path.read_text(encoding="utf-8"))["text"]})
    return texts


def generate(n: int) -> list[dict[str, Any]]:
    """`n` distinct articles made from the base texts."""
    bases = base_texts()
    out = []
    for i in range(n):
        base = bases[i % len(bases)]
        day = FIRST_DAY + timedelta(days=i // len(bases))
        out.append(
            {
                "id": f"bench-{i:05d}",
                "outlet": f"outlet{i % OUTLETS}.example",
                "published": day.isoformat(),
                "text": base["text"].rstrip() + f"\n\nFiled by desk {i}.",
            }
        )
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def load() -> float:
    """The one-minute load average of the machine."""
    return round(os.getloadavg()[0], 2)


def bench_ingest(n: int) -> dict[str, Any]:
    """Articles per second with the analysis included and excluded, and a relink."""
    from communique.corpus.store import Corpus
    from communique.pipeline import default_pipeline
    from communique.readers import article_from_text

    articles = generate(n)
    pipeline = default_pipeline()
    # A first pass over the base texts, so that neither timed side pays for warming up.
    warm = [
        article_from_text(b["text"], source=f"warm-up {i}", published="2025-01-01")
        for i, b in enumerate(base_texts())
    ]
    list(pipeline.run(warm))
    started_load = load()

    def analyse() -> list[Any]:
        docs = [
            article_from_text(
                a["text"], source=a["id"], published=a["published"], outlet=a["outlet"]
            )
            for a in articles
        ]
        return list(pipeline.run(docs))

    analysis_s, analysed = timed(analyse)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "articles.jsonl"
        raw.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        stored = Path(tmp) / "analyses.jsonl"
        stored.write_text(
            "".join(json.dumps(d.to_dict()) + "\n" for d in analysed if hasattr(d, "to_dict")),
            encoding="utf-8",
        )
        with Corpus(Path(tmp) / "raw.db") as corpus:
            ingest_s, report = timed(lambda: corpus.ingest([str(raw)]))
        with Corpus(Path(tmp) / "stored.db") as corpus:
            store_s, _ = timed(lambda: corpus.ingest([str(stored)]))
            relink_s, engagements = timed(corpus.relink)
    return {
        "articles": n,
        "stored": len(report.stored),
        "skipped": len(report.skipped),
        "engagements": engagements,
        "analysis_seconds": round(analysis_s, 3),
        "ingest_seconds": round(ingest_s, 3),
        "ingest_articles_per_second": round(n / ingest_s, 2),
        "ingest_over_analysis": round(ingest_s / analysis_s, 3),
        "store_only_seconds": round(store_s, 3),
        "store_only_articles_per_second": round(n / store_s, 2),
        "relink_seconds": round(relink_s, 3),
        "load": [started_load, load()],
    }


def bench_linking(store: Path, n: int) -> dict[str, Any]:
    """Seconds the linker takes on the first `n` linkable events of a store."""
    from bench.synthetic import linkable_events
    from communique.corpus import engagements as eng
    from communique.corpus.db import Database

    db = Database(store)
    try:
        load_s, rows = timed(lambda: linkable_events(db, n))
    finally:
        db.close()
    started_load = load()
    link_s, linked = timed(lambda: eng.link(rows))
    records_s, _ = timed(lambda: [eng.to_record(g) for g in linked])
    total = link_s + records_s
    return {
        "events": len(rows),
        "engagements": len(linked),
        "events_in_engagements": sum(len(g.members) for g in linked),
        "load_events_seconds": round(load_s, 3),
        "link_seconds": round(link_s, 3),
        "records_seconds": round(records_s, 3),
        "linking_seconds": round(total, 3),
        "target_seconds": LINK_TARGET_SECONDS,
        "meets_target": total < LINK_TARGET_SECONDS and len(rows) >= DEFAULT_LINK_EVENTS,
        "load": [started_load, load()],
    }


@dataclass
class Values:
    """Filter values to draw from: per column, the stored rows' values and the distinct ones."""

    rows: dict[str, list[Any]]
    distinct: dict[str, list[Any]]
    first_day: date
    last_day: date

    def pick(self, rng: random.Random, column: str, run: int) -> Any:
        pool = self.rows[column] if run % 2 == 0 else self.distinct[column]
        return rng.choice(pool)

    def day(self, rng: random.Random) -> str:
        span = (self.last_day - self.first_day).days
        return (self.first_day + timedelta(days=rng.randrange(span + 1))).isoformat()


def query_values(store: Path, samples: int, seed: int) -> Values:
    """Values of each filter: from `samples` random stored rows, and the distinct ones."""
    import sqlite3

    from communique.document import EVENT_STATUSES, EVENT_TYPES

    rng = random.Random(seed)
    conn = sqlite3.connect(store)
    try:
        (top,) = conn.execute("SELECT max(seq) FROM events").fetchone()
        rows: dict[str, list[Any]] = {
            k: [] for k in ("country", "pair", "status", "type", "speaker", "outlet")
        }
        while len(rows["speaker"]) < samples or len(rows["pair"]) < samples:
            seq = rng.randint(1, top)
            countries, status, etype, speaker, outlet = conn.execute(
                "SELECT countries, status, type, speaker, outlet FROM events WHERE seq = ?", (seq,)
            ).fetchone()
            named = countries.split("|")
            rows["country"].append([rng.choice(named)])
            if len(named) > 1:
                rows["pair"].append(rng.sample(named, 2))
            rows["status"].append(status)
            rows["type"].append(etype)
            rows["outlet"].append(outlet)
            if speaker:
                rows["speaker"].append(speaker)
        countries = [
            c for (c,) in conn.execute("SELECT DISTINCT country FROM event_countries ORDER BY 1")
        ]
        distinct: dict[str, list[Any]] = {
            "country": [[c] for c in countries],
            "pair": [sorted(rng.sample(countries, 2)) for _ in range(samples)],
            "status": list(EVENT_STATUSES),
            "type": list(EVENT_TYPES),
            "speaker": [
                s
                for (s,) in conn.execute(
                    "SELECT DISTINCT speaker FROM events WHERE speaker IS NOT NULL ORDER BY 1"
                )
            ],
            "outlet": [
                o
                for (o,) in conn.execute(
                    "SELECT DISTINCT outlet FROM events WHERE outlet IS NOT NULL ORDER BY 1"
                )
            ],
        }
        first, last = conn.execute("SELECT min(day), max(day) FROM events").fetchone()
    finally:
        conn.close()
    return Values(rows, distinct, date.fromisoformat(first), date.fromisoformat(last))


#: One filter kind: the filters it gives, drawn for one run.
Draw = Callable[[Values, random.Random, int], dict[str, Any]]


def _filter_kinds() -> dict[str, Draw]:
    def one(column: str, option: str | None = None) -> Draw:
        return lambda v, rng, run: {option or column: v.pick(rng, column, run)}

    def since(v: Values, rng: random.Random, run: int) -> dict[str, Any]:
        return {"since": v.day(rng)}

    def until(v: Values, rng: random.Random, run: int) -> dict[str, Any]:
        return {"until": v.day(rng)}

    def between(v: Values, rng: random.Random, run: int) -> dict[str, Any]:
        start = date.fromisoformat(v.day(rng))
        end = start + timedelta(days=DATE_RANGE_DAYS)
        return {"since": start.isoformat(), "until": end.isoformat()}

    def combined(v: Values, rng: random.Random, run: int) -> dict[str, Any]:
        return {
            "country": v.pick(rng, "pair", run),
            "status": v.pick(rng, "status", run),
            "since": v.day(rng),
        }

    return {
        "(none)": lambda v, rng, run: {},
        "--country": one("country"),
        "--country x2": one("pair", "country"),
        "--since": since,
        "--until": until,
        "--since --until": between,
        "--status": one("status"),
        "--type": one("type"),
        "--speaker": one("speaker"),
        "--outlet": one("outlet"),
        "--country x2 --status --since": combined,
    }


#: Filter kinds of each query; statements have no type or status of their own.
QUERY_FILTERS = {
    "events": list(_filter_kinds()),
    "engagements": list(_filter_kinds()),
    "statements": ["(none)", "--country", "--since --until", "--speaker", "--outlet", "--type"],
    "search": ["(none)", "--country", "--since --until", "--outlet"],
}


def percentile(times: list[float], q: float) -> float:
    """The q-th percentile (0-100) of the times, by linear interpolation between ranks."""
    ordered = sorted(times)
    rank = (len(ordered) - 1) * q / 100
    lo = int(rank)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (rank - lo)


def bench_queries(store: Path, runs: int, cache_mb: int | None = None) -> dict[str, Any]:
    """p50 and p95 latency of each filter kind of each query, with the default row limit.

    `cache_mb` sets SQLite's page cache of the connection (the store's own setting if None).
    """
    import communique

    values = query_values(store, max(runs, 50), QUERY_SEED)
    kinds = _filter_kinds()
    rng = random.Random(QUERY_SEED)
    started_load = load()
    out: dict[str, Any] = {}
    # A store in use sits in the operating system's file cache: the file is read through
    # once, so that the timings are of the queries, not of a cold disk.
    warmed = read_through(store)
    with communique.open(str(store)) as corpus:
        if cache_mb is not None:
            corpus.db.conn.execute(f"PRAGMA cache_size = {-1024 * cache_mb}")
        # One pass to fill SQLite's own page cache, as a store in use would have it.
        corpus.events()
        corpus.engagements()
        for query, filters in QUERY_FILTERS.items():
            method = getattr(corpus, query)
            for name in filters:
                draws = [kinds[name](values, rng, run) for run in range(runs)]
                if query == "search":
                    calls = [
                        partial(method, SEARCH_TERMS[run % len(SEARCH_TERMS)], **kwargs)
                        for run, kwargs in enumerate(draws)
                    ]
                else:
                    calls = [partial(method, **kwargs) for kwargs in draws]
                out[f"{query} {name}"] = _latency(calls)
        # For reference, not a target: a search by text rank scores every match.
        out["search --order best"] = _latency(
            [
                partial(corpus.search, SEARCH_TERMS[run % len(SEARCH_TERMS)], order="best")
                for run in range(runs)
            ]
        ) | {"reference": True}
    return {
        "runs": runs,
        "read_through_seconds": round(warmed, 2),
        "page_cache_mb": cache_mb,
        "filters": out,
        "load": [started_load, load()],
    }


def read_through(path: Path, chunk: int = 1 << 23) -> float:
    """Read a file (and its write-ahead log) once, end to end; returns the seconds taken."""
    started = time.perf_counter()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            with part.open("rb") as fh:
                while fh.read(chunk):
                    pass
    return time.perf_counter() - started


def _latency(calls: list[Callable[[], list[Any]]]) -> dict[str, Any]:
    """p50, p95 and the largest time of the calls, the rows they found and whether any was
    stopped at the store's time limit (counted at the time it took)."""
    from communique.errors import CommuniqueError

    times: list[float] = []
    found: list[int] = []
    stopped = 0
    for call in calls:
        started = time.perf_counter()
        try:
            found.append(len(call()))
        except CommuniqueError:
            stopped += 1
        times.append((time.perf_counter() - started) * 1000)
    p95 = percentile(times, 95)
    return {
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(max(times), 2),
        "rows_mean": round(statistics.mean(found), 1) if found else 0,
        "stopped": stopped,
        "meets_target": p95 < QUERY_P95_TARGET_MS and not stopped,
    }


def _store_facts(path: Path, events: int, built: dict[str, float] | None) -> dict[str, Any]:
    return {
        "path": str(path.relative_to(ROOT)),
        "events": events,
        "megabytes": round(path.stat().st_size / 1e6, 1),
        "build_seconds": {k: round(v, 2) for k, v in built.items()} if built else None,
    }


def _print_results(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="corpus store")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("load", justify="right")
    if "ingest" in results:
        r = results["ingest"]
        n, loads = r["articles"], f"{r['load'][0]}-{r['load'][1]}"
        table.add_row(
            f"plain analysis, {n} articles",
            f"{r['analysis_seconds']:.2f} s ({n / r['analysis_seconds']:.1f}/s)",
            loads,
        )
        table.add_row(
            "ingest, analysis included",
            f"{r['ingest_seconds']:.2f} s ({r['ingest_articles_per_second']:.1f} articles/s)",
            loads,
        )
        table.add_row(
            "ingest, analysis excluded",
            f"{r['store_only_seconds']:.2f} s ({r['store_only_articles_per_second']:.1f}"
            " articles/s)",
            loads,
        )
        table.add_row("relink", f"{r['relink_seconds']:.3f} s", loads)
    if "linking" in results:
        r = results["linking"]
        if r["events"] < DEFAULT_LINK_EVENTS:
            verdict = f"below the target's {DEFAULT_LINK_EVENTS:,} events"
        else:
            verdict = "ok" if r["meets_target"] else "MISSED"
        table.add_row(
            f"linking {r['events']:,} of {r['store']['events']:,} events",
            f"{r['linking_seconds']:.1f} s → {r['engagements']:,} engagements"
            f" (< {LINK_TARGET_SECONDS:.0f} s: {verdict})",
            f"{r['load'][0]}-{r['load'][1]}",
        )
    s = results["store"]
    build = f", made in {sum(s['build_seconds'].values()):.0f} s" if s["build_seconds"] else ""
    table.add_row("synthetic store", f"{s['events']:,} events, {s['megabytes']:.0f} MB{build}", "")
    console.print(table)

    q = results["queries"]
    cache = f", {q['page_cache_mb']} MB page cache" if q["page_cache_mb"] else ""
    qtable = Table(title=f"query latency, {s['events']:,} events, {q['runs']} runs each{cache}")
    for column in ("query", "p50 ms", "p95 ms", "max ms", "rows", f"p95 < {QUERY_P95_TARGET_MS:g}"):
        qtable.add_column(column, justify="left" if column == "query" else "right")
    for name, m in q["filters"].items():
        qtable.add_row(
            name,
            f"{m['p50_ms']:.2f}",
            f"{m['p95_ms']:.2f}",
            f"{m['max_ms']:.2f}",
            f"{m['rows_mean']:.0f}",
            "reference" if m.get("reference") else "ok" if m["meets_target"] else "MISSED",
        )
    console.print(qtable)
    console.print(
        f"load average during the queries: {q['load'][0]}-{q['load'][1]}; the store file was"
        f" read through once before them ({q['read_through_seconds']:.1f} s), as the file"
        " cache holds a store in use"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for development")
    parser.add_argument("--articles", type=int, help="articles to ingest")
    parser.add_argument("--link-events", type=int, help="events to link")
    parser.add_argument("--query-events", type=int, help="events in the store queried")
    parser.add_argument("--runs", type=int, help="runs of each query kind")
    parser.add_argument("--rebuild", action="store_true", help="build the synthetic stores again")
    parser.add_argument("--skip-ingest", action="store_true", help="leave out the ingest rate")
    parser.add_argument("--skip-linking", action="store_true", help="leave out the linking time")
    parser.add_argument(
        "--cache-mb", type=int, help="SQLite page cache for the queries (default: the store's)"
    )
    args = parser.parse_args(argv)
    sizes = {
        "articles": DEFAULT_ARTICLES,
        "link_events": DEFAULT_LINK_EVENTS,
        "query_events": DEFAULT_QUERY_EVENTS,
        "runs": DEFAULT_QUERY_RUNS,
    }
    if args.quick:
        sizes.update(QUICK)
    for key in sizes:
        given = getattr(args, key)
        if given is not None:
            sizes[key] = given

    from rich.console import Console

    from bench.synthetic import cached_store

    console = Console()
    results: dict[str, Any] = {"cpus": os.cpu_count(), "sizes": sizes}
    if not args.skip_ingest:
        with console.status(f"ingest: {sizes['articles']} articles"):
            results["ingest"] = bench_ingest(sizes["articles"])
    if not args.skip_linking:
        events = LINK_STORE_FACTOR * sizes["link_events"]
        with console.status(f"synthetic store of {events:,} events to link"):
            link_store, built = cached_store(events, linked=False, rebuild=args.rebuild)
        with console.status(f"linking {sizes['link_events']:,} events"):
            results["linking"] = bench_linking(link_store, sizes["link_events"])
        results["linking"]["store"] = _store_facts(link_store, events, built)
    with console.status(f"synthetic store of {sizes['query_events']:,} events"):
        store, built = cached_store(sizes["query_events"], rebuild=args.rebuild)
    results["store"] = _store_facts(store, sizes["query_events"], built)
    with console.status(f"queries on {sizes['query_events']:,} events"):
        results["queries"] = bench_queries(store, sizes["runs"], args.cache_mb)
    _print_results(results)
    filters = results["queries"]["filters"].values()
    results["meets_targets"] = {
        "linking": results.get("linking", {}).get("meets_target"),
        "queries": all(m["meets_target"] for m in filters if not m.get("reference"))
        and sizes["query_events"] >= DEFAULT_QUERY_EVENTS,
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed of the corpus store: ingest rate, the store's overhead over analysis, query latency.

    python -m bench.corpus [--articles N] [--queries K]

The corpus is generated from the project's own texts (`examples/`,
`tests/corpus/data/followups.jsonl`, `tests/data/actors_articles/`): each variant
gets its own id, outlet, date and closing line, so that every one is analysed and
stored. Timed, on the same texts: a plain analysis (the pipeline alone), an ingest
of the raw articles (analysis, storing and linking), an ingest of stored
analyses (storing and linking only), a relink, and the median latency of the
queries. Writes `bench/results-corpus.json`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results-corpus.json"
#: Articles in the generated corpus unless told otherwise.
DEFAULT_ARTICLES = 160
#: Runs of each query; the median is reported.
DEFAULT_QUERY_RUNS = 20
#: Date of the first generated article; later rounds move one day on.
FIRST_DAY = date(2025, 2, 20)
#: Distinct outlets the variants are spread over.
OUTLETS = 23


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


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    times = [timed(fn)[0] for _ in range(runs)]
    return round(statistics.median(times) * 1000, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERY_RUNS, help="runs per query")
    args = parser.parse_args(argv)

    from rich.console import Console
    from rich.table import Table

    from communique.corpus.store import Corpus
    from communique.pipeline import default_pipeline
    from communique.readers import article_from_text

    articles = generate(args.articles)
    pipeline = default_pipeline()
    # A first pass over the base texts, so that neither timed side pays for warming up.
    warm = [
        article_from_text(b["text"], source=f"warm-up {i}", published="2025-01-01")
        for i, b in enumerate(base_texts())
    ]
    list(pipeline.run(warm))

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
            queries = {
                "engagements": lambda: corpus.engagements(limit=None),
                "engagements --country RUS --country USA": lambda: corpus.engagements(
                    country=["RUS", "USA"], limit=None
                ),
                "events --status planned": lambda: corpus.events(status="planned", limit=None),
                "search talks": lambda: corpus.search("talks"),
                "timeline --country RUS --country USA": lambda: corpus.timeline(
                    country=["RUS", "USA"], limit=None
                ),
            }
            latency = {name: median_ms(fn, args.queries) for name, fn in queries.items()}
    n = len(articles)
    results = {
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
        "query_median_ms": latency,
    }
    console = Console()
    table = Table(title=f"corpus store, {n} generated articles")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("plain analysis", f"{analysis_s:.2f} s ({n / analysis_s:.1f} articles/s)")
    table.add_row(
        "ingest (analyse, store, link)", f"{ingest_s:.2f} s ({n / ingest_s:.1f} articles/s)"
    )
    table.add_row("ingest / plain analysis", f"{ingest_s / analysis_s:.3f}")
    table.add_row("ingest of stored analyses", f"{store_s:.2f} s ({n / store_s:.1f} articles/s)")
    table.add_row("relink", f"{relink_s:.3f} s, {engagements} engagements")
    for name, ms in latency.items():
        table.add_row(f"query: {name}", f"{ms:.2f} ms")
    console.print(table)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

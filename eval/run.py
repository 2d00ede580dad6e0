"""Score communique on the gold sets in `../shared/eval/` and gate against pinned floors.

python -m eval.run                 # every record of every gold set; writes eval/results.json
python -m eval.run --sample        # the fixed sample the CI gate scores
python -m eval.run --update-baseline   # pin floors (measured minus a margin) and data hashes
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from eval.common import SHARED_EVAL, Suite, SuiteResult, read_jsonl, sha256_data

SCORER_MODULES = (
    "eval.scorers.actors",
    "eval.scorers.quotes",
    "eval.scorers.timex",
    "eval.scorers.events",
    "eval.scorers.event_articles",
    "eval.scorers.engagements",
)
HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"
RESULTS = HERE / "results.json"
#: Floors are pinned this far below the measured figure, so run-to-run noise never trips them.
FLOOR_MARGIN = 0.02


def suites() -> dict[str, tuple[Suite, Any]]:
    """All suites by name, with the module that scores them."""
    found: dict[str, tuple[Suite, Any]] = {}
    for name in SCORER_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name == name:
                continue
            raise
        for suite_name, suite in module.SUITES.items():
            found[suite_name] = (suite, module)
    return found


def run_suites(
    sample: bool = False, only: list[str] | None = None, shared: Path = SHARED_EVAL
) -> dict[str, SuiteResult]:
    results: dict[str, SuiteResult] = {}
    for suite_name, (suite, module) in suites().items():
        if only and not any(suite_name.startswith(o) for o in only):
            continue
        path = suite.path(shared)
        if not path.exists():
            continue
        records = list(read_jsonl(path, suite.sample if sample else None))
        started = time.perf_counter()
        result: SuiteResult = module.score(suite_name, records)
        result.seconds = round(time.perf_counter() - started, 2)
        result.records = len(records)
        results[suite_name] = result
    return results


def data_hashes(shared: Path = SHARED_EVAL) -> dict[str, str]:
    return {
        suite.data: sha256_data(suite.path(shared))
        for suite, _ in suites().values()
        if suite.path(shared).exists()
    }


def check(results: dict[str, SuiteResult], floors: dict[str, dict[str, float]]) -> list[str]:
    """Lines naming each metric below its floor (empty when all pass)."""
    problems = []
    for suite_name, metric_floors in floors.items():
        if suite_name not in results:
            continue
        measured = results[suite_name].metrics
        for metric, floor in metric_floors.items():
            value = measured.get(metric)
            if value is None or value < floor:
                problems.append(f"{suite_name}.{metric}: {value} < floor {floor}")
    return problems


def pinned(results: dict[str, SuiteResult]) -> dict[str, dict[str, float]]:
    return {
        name: {m: max(0.0, round(v - FLOOR_MARGIN, 4)) for m, v in r.metrics.items()}
        for name, r in results.items()
    }


def load_baseline() -> dict[str, Any]:
    if BASELINE.exists():
        return dict(json.loads(BASELINE.read_text(encoding="utf-8")))
    return {"data": {}, "floors": {}, "sample_floors": {}}


def print_results(results: dict[str, SuiteResult]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for name, result in results.items():
        table = Table(title=f"{name}  ({result.records} records, {result.seconds}s)")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for metric, value in result.metrics.items():
            table.add_row(metric, f"{value:.4f}")
        console.print(table)
        for title, rows in result.tables.items():
            if not rows:
                continue
            t = Table(title=f"{name}: {title}")
            for col in rows[0]:
                t.add_column(str(col))
            for row in rows:
                t.add_row(*(f"{v:.4f}" if isinstance(v, float) else str(v) for v in row.values()))
            console.print(t)
        for note in result.notes:
            console.print(f"  {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", action="store_true", help="score the CI gate's fixed sample")
    parser.add_argument("--only", action="append", help="suite name prefix (repeatable)")
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args(argv)
    if not SHARED_EVAL.exists():
        print(f"skipped: {SHARED_EVAL} is absent", file=sys.stderr)
        return 0
    baseline = load_baseline()
    results = run_suites(sample=args.sample, only=args.only)
    print_results(results)
    payload = {
        "sample": args.sample,
        "data": data_hashes(),
        "suites": {name: asdict(r) for name, r in results.items()},
    }
    if not args.sample:
        RESULTS.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if args.update_baseline:
        key = "sample_floors" if args.sample else "floors"
        baseline.setdefault(key, {}).update(pinned(results))
        baseline["data"] = data_hashes()
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"pinned {key} in {BASELINE}")
        return 0
    problems = check(results, baseline.get("sample_floors" if args.sample else "floors", {}))
    for p in problems:
        print(f"BELOW FLOOR {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

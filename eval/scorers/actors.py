"""Score `resolve_actor` on the NGEC actor-resolution cases (`actors_dev.jsonl`).

Only the fields a case asserts are compared (country, sector, code_2); a case asserting
a field as null wants it empty. `expect_none` cases are correct when nothing resolves.
Wikipedia titles (`wiki`, `wiki_job`) are not produced and are left unscored.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from eval.common import Suite, SuiteResult

SUITES = {
    "actors.dev": Suite(
        data="actors_dev.jsonl",
        sample=202,
        description="NGEC actor resolution: country and sector of names, titles and groups",
    )
}

#: Fields of a case that `resolve_actor` answers and the scorer compares.
SCORED_FIELDS = ("country", "sector", "code_2")
#: Rows of the misses table shown to people.
MAX_MISSES = 60


def _expected_sectors(case: dict[str, Any]) -> set[str | None]:
    accepted = case.get("sector_any") or [case.get("sector")]
    return set(accepted)


def score(suite_name: str, records: list[dict[str, Any]]) -> SuiteResult:
    from communique.actors import resolve_actor

    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[dict[str, Any]] = []
    unscored = 0
    for case in records:
        got = resolve_actor(case["name"], date=case.get("date"))
        asserted = [f for f in case.get("asserted", []) if f in SCORED_FIELDS]
        if case.get("expect_none"):
            ok = got["country"] is None and got["sector"] is None
            totals["none"] += 1
            hits["none"] += ok
            totals["case"] += 1
            hits["case"] += ok
            if not ok:
                misses.append(_miss(case, got, "none"))
            continue
        if not asserted:
            unscored += 1
            continue
        case_ok = True
        for f in asserted:
            if f == "sector":
                ok = got["sector"] in _expected_sectors(case)
                if not ok:
                    confusion[(str(case.get("sector")), str(got["sector"]))] += 1
            else:
                ok = got.get(f) == case.get(f)
            totals[f] += 1
            hits[f] += ok
            if not ok:
                case_ok = False
                misses.append(_miss(case, got, f))
        totals["case"] += 1
        hits["case"] += case_ok
        if case.get("status") == "active":
            totals["active"] += 1
            hits["active"] += case_ok

    def acc(key: str) -> float:
        return round(hits[key] / totals[key], 4) if totals[key] else 0.0

    metrics = {
        "country_acc": acc("country"),
        "sector_acc": acc("sector"),
        "code2_acc": acc("code_2"),
        "none_acc": acc("none"),
        "case_acc": acc("case"),
        "active_case_acc": acc("active"),
    }
    confusion_rows = [
        {"gold": g, "predicted": p, "count": n} for (g, p), n in confusion.most_common()
    ]
    notes = [
        f"cases scored: {totals['case']} (active {totals['active']}); "
        f"wiki-only cases left unscored: {unscored}",
        f"country {hits['country']}/{totals['country']}, sector {hits['sector']}/"
        f"{totals['sector']}, code_2 {hits['code_2']}/{totals['code_2']}, "
        f"expect_none {hits['none']}/{totals['none']}",
    ]
    return SuiteResult(
        metrics=metrics,
        tables={"sector confusion": confusion_rows, "misses": misses[:MAX_MISSES]},
        notes=notes,
    )


def _miss(case: dict[str, Any], got: dict[str, Any], field: str) -> dict[str, Any]:
    want = "nothing" if field == "none" else case.get(field)
    if field == "sector" and case.get("sector_any"):
        want = "|".join(case["sector_any"])
    return {
        "name": case["name"],
        "date": case.get("date") or "",
        "field": field,
        "gold": str(want),
        "got": str(got.get("sector" if field == "none" else field)),
        "status": case.get("status", ""),
    }

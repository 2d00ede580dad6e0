"""Engagement-level precision and recall on the project's gold for stories of the dev corpus.

python -m eval.scorers.engagements   (needs ../shared/corpus/dev_diplomacy.jsonl)

`engagements.dev` (`tests/corpus/data/dev_engagements_gold.jsonl`, written for the
project from reading the corpus items: facts only) holds one story per line: its
`engagements`, each with `type`, `countries`, `place` (ISO3 or null when the texts
give none), `start`/`end` and `status`. The story's items are ingested into a
fresh store and its engagements compared with the gold. Conventions:

- A system engagement can be a gold one when the type is the same, every gold
  country takes part (mediators may add more), the places do not disagree (either
  null agrees with anything), and it is dated with an interval overlapping the
  gold one within `DATE_SLACK_DAYS`. An undated system engagement matches nothing.
- Matching is one-to-one, greedy: candidate pairs are taken required gold first,
  then by date distance (start and end, in days), then by extra countries.
- Gold marked `optional` (a real engagement the texts mention in passing: a
  caption, background, an agreement inside a gold meeting, an undatable contact)
  is neither missed when absent nor spurious when found: a system engagement
  matched to it leaves both counts.
- Precision counts system engagements with at least `MIN_COUNTRIES` countries,
  since the gold is made of engagements between parties.
- `status` is the share of matched required engagements whose status equals the gold's.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from eval.common import PROJECT_ROOT, Suite, SuiteResult, prf, read_jsonl

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "dev_diplomacy.jsonl"
GOLD = PROJECT_ROOT / "tests" / "corpus" / "data" / "dev_engagements_gold.jsonl"

SUITES = {
    "engagements.dev": Suite(
        data="tests/corpus/data/dev_engagements_gold.jsonl",
        in_project=True,
        sample=5,
        description="Engagements linked across the dev corpus's articles, per story",
    ),
}

#: Days two intervals may lie apart and still overlap (datelines, time zones, overnight talks).
DATE_SLACK_DAYS = 1
#: Countries a system engagement needs to be scored: an engagement is between parties.
MIN_COUNTRIES = 2
#: Fields of a system engagement shown in the tables of spurious ones.
SHOWN = ("type", "countries", "location", "when", "status")


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def _distance(sys_g: dict[str, Any], gold: dict[str, Any]) -> int | None:
    """Days between the intervals' starts plus ends, or None when they do not overlap."""
    start, end = sys_g["when"].get("start"), sys_g["when"].get("end") or sys_g["when"].get("start")
    if not start:
        return None
    s, e = _day(start), _day(end)
    gs, ge = _day(gold["start"]), _day(gold["end"])
    if (s - ge).days > DATE_SLACK_DAYS or (gs - e).days > DATE_SLACK_DAYS:
        return None
    return abs((s - gs).days) + abs((e - ge).days)


def candidate(sys_g: dict[str, Any], gold: dict[str, Any]) -> int | None:
    """The date distance when a system engagement can be the gold one, else None."""
    if sys_g["type"] != gold["type"] or not set(gold["countries"]) <= set(sys_g["countries"]):
        return None
    place = (sys_g.get("location") or {}).get("country")
    if gold.get("place") and place and place != gold["place"]:
        return None
    return _distance(sys_g, gold)


def match(system: list[dict[str, Any]], golds: list[dict[str, Any]]) -> dict[int, int]:
    """One-to-one greedy matching: system index to gold index."""
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(golds):
            d = candidate(s, g)
            if d is not None:
                extra = len(set(s["countries"]) - set(g["countries"]))
                pairs.append((bool(g.get("optional")), d, extra, i, j))
    used_s: dict[int, int] = {}
    used_g: set[int] = set()
    for _, _, _, i, j in sorted(pairs):
        if i not in used_s and j not in used_g:
            used_s[i] = j
            used_g.add(j)
    return used_s


def score_story(system: list[dict[str, Any]], golds: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts, misses and spurious engagements of one story."""
    system = [s for s in system if len(s["countries"]) >= MIN_COUNTRIES]
    pairs = match(system, golds)
    required = [j for j, g in enumerate(golds) if not g.get("optional")]
    found = {j for j in pairs.values() if j in required}
    optional_hits = {i for i, j in pairs.items() if golds[j].get("optional")}
    scored = [i for i in range(len(system)) if i not in optional_hits]
    right = [i for i in scored if i in pairs]
    status_ok = sum(system[i]["status"] == golds[pairs[i]]["status"] for i in right)
    return {
        "gold": len(required),
        "system": len(scored),
        "tp_gold": len(found),
        "tp_system": len(right),
        "status_ok": status_ok,
        "optional_found": len(optional_hits),
        "missed": [golds[j] for j in required if j not in found],
        "spurious": [{k: system[i].get(k) for k in SHOWN} for i in scored if i not in pairs],
        "wrong_status": [
            {"gold": golds[pairs[i]], "status": system[i]["status"]}
            for i in right
            if system[i]["status"] != golds[pairs[i]]["status"]
        ],
    }


def system_engagements(
    items: list[dict[str, Any]], workdir: Path, name: str
) -> list[dict[str, Any]]:
    """Ingest corpus items into a fresh store and return its engagements."""
    from communique.corpus.store import Corpus

    path = workdir / f"{name}.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    with Corpus(workdir / f"{name}.db") as corpus:
        corpus.ingest([str(path)])
        return corpus.engagements(limit=None)


def score_records(records: list[dict[str, Any]], corpus: Path = CORPUS) -> dict[str, Any]:
    """Figures per story and overall, with misses and spurious engagements."""
    items = list(read_jsonl(corpus))
    report: dict[str, Any] = {"stories": {}}
    totals = dict.fromkeys(("gold", "system", "tp_gold", "tp_system", "status_ok"), 0)
    with tempfile.TemporaryDirectory() as tmp:
        for record in records:
            story = record["story"]
            chosen = [i for i in items if i["story"] == story]
            system = system_engagements(chosen, Path(tmp), story)
            result = score_story(system, record["engagements"])
            for k in totals:
                totals[k] += result[k]
            result["p"] = (
                round(result["tp_system"] / result["system"], 3) if result["system"] else 0.0
            )
            result["r"] = round(result["tp_gold"] / result["gold"], 3) if result["gold"] else 0.0
            report["stories"][story] = result
    report["totals"] = totals
    p = prf(totals["tp_system"], totals["system"], totals["gold"])["p"]
    r = prf(totals["tp_gold"], totals["system"], totals["gold"])["r"]
    f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
    status = round(totals["status_ok"] / totals["tp_system"], 4) if totals["tp_system"] else 0.0
    report["metrics"] = {"p": p, "r": r, "f1": f1, "status": status}
    return report


def score(suite_name: str, records: list[dict[str, Any]]) -> SuiteResult:
    """The eval suite: engagement P/R/F1 and status accuracy over the gold stories."""
    if not CORPUS.exists():
        return SuiteResult(metrics={}, notes=[f"skipped: {CORPUS} is absent"])
    report = score_records(records)
    stories = report["stories"]
    per_story = [
        {
            "story": name,
            "gold": s["gold"],
            "system": s["system"],
            "p": s["p"],
            "r": s["r"],
            "optional found": s["optional_found"],
        }
        for name, s in stories.items()
    ]
    missed = [
        {"story": name, **{k: g.get(k) for k in ("type", "countries", "place", "start", "status")}}
        for name, s in stories.items()
        for g in s["missed"]
    ]
    spurious = [
        {
            "story": name,
            "type": x["type"],
            "countries": "-".join(x["countries"]),
            "place": (x["location"] or {}).get("country"),
            "start": x["when"].get("start"),
            "status": x["status"],
        }
        for name, s in stories.items()
        for x in s["spurious"]
    ]
    return SuiteResult(
        metrics=report["metrics"],
        tables={"stories": per_story, "missed": missed, "spurious": spurious},
    )


if __name__ == "__main__":
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        raise SystemExit(0)
    json.dump(score_records(list(read_jsonl(GOLD))), sys.stdout, indent=1)
    print()

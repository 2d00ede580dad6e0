"""Engagement-level precision and recall on the project's gold for stories of the dev corpus.

python -m eval.scorers.engagements   (needs ../shared/corpus/dev_diplomacy.jsonl)

A system engagement built from a story's articles matches a gold engagement when
the type is the same, the gold countries all take part, the places do not
disagree and the dates overlap (undated system engagements match on the rest).
Precision counts system engagements with two or more countries.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev_diplomacy.jsonl"
GOLD = ROOT / "tests" / "corpus" / "data" / "dev_engagements_gold.json"


def matches(sys_g: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a system engagement is the gold one."""
    if sys_g["type"] != gold["type"] or not set(gold["countries"]) <= set(sys_g["countries"]):
        return False
    place = sys_g["location"].get("country")
    if gold["place"] and place and place != gold["place"]:
        return False
    start, end = sys_g["when"]["start"], sys_g["when"]["end"]
    if start and end:
        return bool(start <= gold["end"] and gold["start"] <= end)
    return True


def score() -> dict[str, Any]:
    """Figures and misses per story and overall."""
    from communique.corpus.store import Corpus

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["stories"]
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    report: dict[str, Any] = {"stories": {}}
    tp_g = n_g = tp_s = n_s = 0
    with tempfile.TemporaryDirectory() as tmp:
        for story, golds in gold.items():
            path = Path(tmp) / f"{story}.jsonl"
            path.write_text(
                "".join(json.dumps(i) + "\n" for i in items if i["story"] == story), "utf-8"
            )
            with Corpus(Path(tmp) / f"{story}.db") as corpus:
                corpus.ingest([str(path)])
                system = [g for g in corpus.engagements(limit=None) if len(g["countries"]) >= 2]
            found = [g for g in golds if any(matches(s, g) for s in system)]
            right = [s for s in system if any(matches(s, g) for g in golds)]
            tp_g, n_g = tp_g + len(found), n_g + len(golds)
            tp_s, n_s = tp_s + len(right), n_s + len(system)
            report["stories"][story] = {
                "recall": round(len(found) / len(golds), 3),
                "precision": round(len(right) / len(system), 3) if system else 0.0,
                "missed": [g for g in golds if g not in found],
                "spurious": [
                    {k: s[k] for k in ("type", "countries", "when", "status")}
                    for s in system
                    if s not in right
                ],
            }
    report["recall"] = round(tp_g / n_g, 3) if n_g else 0.0
    report["precision"] = round(tp_s / n_s, 3) if n_s else 0.0
    return report


if __name__ == "__main__":
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        raise SystemExit(0)
    json.dump(score(), sys.stdout, indent=1)
    print()

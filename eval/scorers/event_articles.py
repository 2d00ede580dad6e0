"""Score events on the project's own articles: status above all, then participants, place,
time, topics and conditions.

`events.articles`: the project-written articles in `tests/data/event_articles/` (one JSON
file each: `id`, `title`, `published`, `text`, and the hand-made `expected` events). Each
expected event gives its `type`, `status`, participant `countries` and an `evidence` phrase
from the sentence that tells it; where the text says so also `location` (`kind`, `country`),
`when` (`start`, `end`), `topics`, `conditions` and `section`.

Matching: a system event stands for an expected one when the types are equal, their
countries overlap and the event was found in the sentence that tells the expected one (its
evidence holds the expected `evidence` phrase), so that a mention elsewhere in the article
is not scored in its place. Pairs are taken best first by the overlap of countries; each
event is used once. Status is never used to match, so that a wrong status counts as wrong
rather than as a miss.

Metrics:
- `event_recall` / `event_precision`: matched expected events over all expected, matched
  system events over all system events;
- `status_acc`: status right among matched events (the gate, issue 6); `status_acc_strict`:
  status right among all expected events (a missed event counts as wrong);
- `country_acc` (same set), `location_acc` (same kind, and country for a place), `when_acc`
  (same start and end), `topics_acc` (every expected topic found), `conditions_acc` (every
  expected condition found in the event's conditions): each among matched events whose
  expectation states the field;
- `statuses_covered`: share of the status vocabulary found right at least once;
- `non_reporting_clean`: share of system events from FAQ, interview and commentary sections
  that are not told as occurred, ongoing or planned facts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.common import Suite, SuiteResult, prf

if TYPE_CHECKING:
    from communique.document import Document, Event

#: The project's own annotated articles (written for the project, not under ../shared).
ARTICLES_DIR = Path(__file__).resolve().parent.parent.parent / "tests" / "data" / "event_articles"

SUITES = {
    "events.articles": Suite(
        data="tests/data/event_articles/index.jsonl",
        in_project=True,
        sample=100,
        description="Project-written articles: event status, participants, place, time, topics",
    ),
}

#: Stages of the analysis up to events (provenance and quality add nothing scored here).
STAGES = (
    "communique.clean.v1",
    "communique.segment.v1",
    "communique.parse.v1",
    "communique.entities.v1",
    "communique.coref.v1",
    "communique.time.v1",
    "communique.statements.v1",
    "communique.events.v1",
)
#: Section kinds whose events may not stand as facts, and the statuses that would make them so.
NON_REPORTING_SECTIONS = frozenset({"faq", "interview", "commentary"})
FACTUAL_STATUSES = frozenset({"occurred", "ongoing", "planned"})
#: Share of an expected condition's words that the system's condition text must contain.
CONDITION_OVERLAP = 0.6
#: Rows of the misses table shown to people.
MAX_MISSES = 80

_WORD = re.compile(r"[\w'-]+")


def load_article(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def all_articles() -> list[dict[str, Any]]:
    return [load_article(p) for p in sorted(ARTICLES_DIR.glob("*.json"))]


def score(suite_name: str, records: list[dict[str, Any]]) -> SuiteResult:
    return score_articles([load_article(ARTICLES_DIR / r["file"]) for r in records])


def analyse(articles: list[dict[str, Any]]) -> list[Document]:
    """Each article run through the stages up to events."""
    from communique.pipeline import Pipeline
    from communique.readers import article_from_text

    pipeline = Pipeline(list(STAGES))
    return [
        pipeline(
            article_from_text(
                a["text"], source=a["id"], id=a["id"], title=a["title"], published=a["published"]
            )
        )
        for a in articles
    ]


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _holds_evidence(event: Event, phrase: str) -> bool:
    wanted = _norm(phrase)
    return any(wanted in _norm(m.text) for m in event.evidence)


def match_events(
    expected: list[dict[str, Any]], events: list[Event]
) -> list[tuple[int, int | None]]:
    """(expected index, system index or None) for each expected event, best pairs first."""
    pairs: list[tuple[float, int, int]] = []
    for i, exp in enumerate(expected):
        want = set(exp["countries"])
        for j, event in enumerate(events):
            got = set(event.countries)
            if event.type != exp["type"] or not want & got:
                continue
            if not _holds_evidence(event, exp["evidence"]):
                continue
            pairs.append((len(want & got) / len(want | got), i, j))
    pairs.sort(key=lambda p: p[0], reverse=True)
    taken_exp: dict[int, int] = {}
    taken_sys: set[int] = set()
    for _, i, j in pairs:
        if i in taken_exp or j in taken_sys:
            continue
        taken_exp[i] = j
        taken_sys.add(j)
    return [(i, taken_exp.get(i)) for i in range(len(expected))]


def _location_ok(exp: dict[str, Any], event: Event) -> bool:
    want = exp["location"]
    got = event.location
    if got is None or got.kind != want["kind"]:
        return False
    return want["kind"] != "place" or got.country == want.get("country")


def _when_ok(exp: dict[str, Any], event: Event) -> bool:
    got = event.when
    return got is not None and (got.start, got.end) == (exp["when"]["start"], exp["when"]["end"])


def _condition_found(wanted: str, conditions: list[str]) -> bool:
    words = set(_WORD.findall(wanted.lower()))
    return any(
        len(words & set(_WORD.findall(c.lower()))) >= CONDITION_OVERLAP * len(words)
        for c in conditions
    )


def _describe(event: Event | None) -> str:
    if event is None:
        return "-"
    loc = event.location
    place = f"{loc.kind}:{loc.country or ''}" if loc is not None else "-"
    when = f"{event.when.start}..{event.when.end}" if event.when is not None else "-"
    return f"{event.type} {event.status} {'/'.join(event.countries) or '-'} {place} {when}"


def score_article(article: dict[str, Any], doc: Document) -> dict[str, Any]:
    """Counts and misses of one article."""
    expected: list[dict[str, Any]] = article["expected"]
    events = list(doc.events)
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    by_status: dict[str, Counter[str]] = {}
    misses: list[dict[str, Any]] = []
    matched_sys: set[int] = set()

    def miss(exp: dict[str, Any], field: str, want: Any, got: Any) -> None:
        misses.append(
            {
                "article": article["id"],
                "event": f"{exp['type']} {exp['status']} {'/'.join(exp['countries'])}",
                "evidence": exp["evidence"],
                "field": field,
                "expected": str(want),
                "got": str(got),
            }
        )

    for i, j in match_events(expected, events):
        exp = expected[i]
        row = by_status.setdefault(exp["status"], Counter())
        row["expected"] += 1
        totals["expected"] += 1
        if j is None:
            miss(exp, "event", "found", "-")
            continue
        event = events[j]
        matched_sys.add(j)
        hits["matched"] += 1
        row["matched"] += 1
        checks: dict[str, tuple[bool, Any, Any]] = {
            "status": (event.status == exp["status"], exp["status"], _describe(event)),
            "countries": (
                sorted(event.countries) == sorted(exp["countries"]),
                "/".join(sorted(exp["countries"])),
                "/".join(sorted(event.countries)),
            ),
        }
        if "location" in exp:
            checks["location"] = (
                _location_ok(exp, event),
                exp["location"],
                _describe(event),
            )
        if "when" in exp:
            checks["when"] = (_when_ok(exp, event), exp["when"], _describe(event))
        if "topics" in exp:
            checks["topics"] = (
                set(exp["topics"]) <= set(event.topics),
                exp["topics"],
                event.topics,
            )
        if "conditions" in exp:
            checks["conditions"] = (
                all(_condition_found(c, event.conditions) for c in exp["conditions"]),
                exp["conditions"],
                event.conditions,
            )
        for field, (ok, want, got) in checks.items():
            totals[field] += 1
            hits[field] += ok
            if not ok:
                miss(exp, field, want, got)
        row["status_right"] += checks["status"][0]
    totals["system"] += len(events)
    for j, event in enumerate(events):
        if event.section in NON_REPORTING_SECTIONS:
            totals["non_reporting"] += 1
            hits["non_reporting"] += event.status not in FACTUAL_STATUSES
        if j not in matched_sys:
            misses.append(
                {
                    "article": article["id"],
                    "event": _describe(event),
                    "evidence": event.evidence[0].text[:80] if event.evidence else "",
                    "field": "extra",
                    "expected": "-",
                    "got": f"section {event.section}",
                }
            )
    return {"hits": hits, "totals": totals, "by_status": by_status, "misses": misses}


def score_articles(articles: list[dict[str, Any]]) -> SuiteResult:
    from communique.document import EVENT_STATUSES

    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    by_status: dict[str, Counter[str]] = {s: Counter() for s in EVENT_STATUSES}
    misses: list[dict[str, Any]] = []
    for article, doc in zip(articles, analyse(articles), strict=True):
        result = score_article(article, doc)
        hits.update(result["hits"])
        totals.update(result["totals"])
        for status, counts in result["by_status"].items():
            by_status.setdefault(status, Counter()).update(counts)
        misses.extend(result["misses"])

    def acc(field: str) -> float:
        return round(hits[field] / totals[field], 4) if totals[field] else 0.0

    detection = prf(hits["matched"], totals["system"], totals["expected"])
    covered = [s for s in EVENT_STATUSES if by_status[s]["status_right"]]
    metrics = {
        "event_recall": detection["r"],
        "event_precision": detection["p"],
        "status_acc": acc("status"),
        "status_acc_strict": (
            round(hits["status"] / totals["expected"], 4) if totals["expected"] else 0.0
        ),
        "country_acc": acc("countries"),
        "location_acc": acc("location"),
        "when_acc": acc("when"),
        "topics_acc": acc("topics"),
        "conditions_acc": acc("conditions"),
        "statuses_covered": round(len(covered) / len(EVENT_STATUSES), 4),
        "non_reporting_clean": acc("non_reporting") if totals["non_reporting"] else 1.0,
    }
    status_rows = [
        {
            "status": s,
            "expected": c["expected"],
            "matched": c["matched"],
            "status_right": c["status_right"],
        }
        for s, c in by_status.items()
    ]
    order = {"event": 0, "status": 1}
    misses.sort(key=lambda m: order.get(m["field"], 2 if m["field"] != "extra" else 3))
    notes = [
        f"articles {len(articles)}, expected events {totals['expected']}, "
        f"system events {totals['system']}, matched {hits['matched']}",
        "statuses found right at least once: " + (", ".join(covered) or "none"),
    ]
    return SuiteResult(
        metrics=metrics,
        tables={"by status": status_rows, "misses": misses[:MAX_MISSES]},
        notes=notes,
    )

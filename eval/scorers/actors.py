"""Score actors: `resolve_actor` on the NGEC cases, and entity clusters on the project's articles.

`actors.dev` (`actors_dev.jsonl`): only the fields a case asserts are compared (country,
sector, code_2); a case asserting a field as null wants it empty. `expect_none` cases are
correct when nothing resolves. Wikipedia titles (`wiki`, `wiki_job`) are left unscored.

`actors.articles`: the project-written articles in `tests/data/actors_articles/` (one JSON
file each: `text`, `published`, and `clusters`, each a list of mentions `[string, occurrence]`
with the expected `name`, `country`, `sector` and, for groups, `members`), run through the
parse, entities and coref stages and scored by `score_articles`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.common import Suite, SuiteResult

if TYPE_CHECKING:
    from communique.document import Document, Entity

#: The project's own annotated articles (not under ../shared: written for the project).
ARTICLES_DIR = Path(__file__).resolve().parent.parent.parent / "tests" / "data" / "actors_articles"

SUITES = {
    "actors.dev": Suite(
        data="actors_dev.jsonl",
        sample=202,
        description="NGEC actor resolution: country and sector of names, titles and groups",
    ),
    # An absolute path: `SHARED_EVAL / data` is then this path (pathlib drops the left side).
    "actors.articles": Suite(
        data="tests/data/actors_articles/index.jsonl",
        in_project=True,
        sample=100,
        description="Project-written articles: mention-to-entity accuracy of entity clusters",
    ),
}

#: Fields of a case that `resolve_actor` answers and the scorer compares.
SCORED_FIELDS = ("country", "sector", "code_2")
#: Rows of the misses table shown to people.
MAX_MISSES = 60


def _expected_sectors(case: dict[str, Any]) -> set[str | None]:
    accepted = case.get("sector_any") or [case.get("sector")]
    return set(accepted)


def score(suite_name: str, records: list[dict[str, Any]]) -> SuiteResult:
    if suite_name == "actors.articles":
        return score_articles([load_article(ARTICLES_DIR / r["file"]) for r in records])
    return score_resolution(records)


def score_resolution(records: list[dict[str, Any]]) -> SuiteResult:
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


# --- entity clusters on the project's articles

STAGES = ("communique.parse.v1", "communique.entities.v1", "communique.coref.v1")


def load_article(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def all_articles() -> list[dict[str, Any]]:
    return [load_article(p) for p in sorted(ARTICLES_DIR.glob("*.json"))]


def gold_span(text: str, written: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the `occurrence`-th (0-based) whole-word occurrence of `written`."""
    left = r"\b" if written[:1].isalnum() else ""
    right = r"\b" if written[-1:].isalnum() else ""
    hits = list(re.finditer(left + re.escape(written) + right, text))
    if occurrence >= len(hits):
        raise ValueError(f"{written!r} occurs {len(hits)} times, not {occurrence + 1}")
    return hits[occurrence].start(), hits[occurrence].end()


def predicted_entity(doc: Document, start: int, end: int) -> Entity | None:
    """The entity with a mention on [start, end): the exact span, else the widest overlap;
    on a tie the mention ending where the gold one does (English heads come last: the name
    in "Pakistani Foreign Minister Ishaq Dar"), then the shorter one ("Russian" in "Russian
    delegation" is the country)."""
    best: tuple[tuple[int, bool, int], Entity] | None = None
    for ent in doc.entities:
        for m in ent.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            exact = (m.start, m.end) == (start, end)
            key = (2 * len(doc.text) if exact else overlap, m.end == end, -(m.end - m.start))
            if best is None or key > best[0]:
                best = (key, ent)
    return best[1] if best else None


def score_article(article: dict[str, Any], doc: Document) -> dict[str, Any]:
    """Mention-to-entity accuracy of one article, with attribute checks of each cluster.

    A gold mention is correct when its predicted entity is the one predicted for most of its
    cluster's mentions and that entity is not also the majority of another gold cluster.
    """
    text = doc.text
    predicted: list[list[Entity | None]] = []
    for cluster in article["clusters"]:
        spans = [gold_span(text, w, n) for w, n in cluster["mentions"]]
        predicted.append([predicted_entity(doc, s, e) for s, e in spans])
    majority: list[Entity | None] = []
    for preds in predicted:
        counts = Counter(id(p) for p in preds if p is not None)
        top = counts.most_common(1)[0][0] if counts else None
        majority.append(next((p for p in preds if p is not None and id(p) == top), None))
    owners = Counter(id(m) for m in majority if m is not None)
    correct = total = 0
    attr_hits: Counter[str] = Counter()
    attr_totals: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for cluster, preds, major in zip(article["clusters"], predicted, majority, strict=True):
        shared = major is not None and owners[id(major)] > 1
        for (written, n), pred in zip(cluster["mentions"], preds, strict=True):
            total += 1
            ok = pred is not None and pred is major and not shared
            correct += ok
            if not ok:
                errors.append(
                    {
                        "article": article["id"],
                        "cluster": cluster["name"],
                        "mention": f"{written}#{n}",
                        "got": pred.name if pred is not None else "-",
                    }
                )
        for f in ("country", "sector"):
            if f in cluster:
                attr_totals[f] += 1
                got = getattr(major, f) if major is not None else None
                attr_hits[f] += got == cluster[f]
                if got != cluster[f]:
                    errors.append(
                        {
                            "article": article["id"],
                            "cluster": cluster["name"],
                            "mention": f,
                            "got": str(got),
                        }
                    )
        if "members" in cluster:
            attr_totals["members"] += 1
            names = sorted(
                e.name for e in doc.entities if major is not None and e.id in major.members
            )
            attr_hits["members"] += names == sorted(cluster["members"])
            if names != sorted(cluster["members"]):
                errors.append(
                    {
                        "article": article["id"],
                        "cluster": cluster["name"],
                        "mention": "members",
                        "got": "|".join(names),
                    }
                )
    return {
        "correct": correct,
        "total": total,
        "attr_hits": attr_hits,
        "attr_totals": attr_totals,
        "errors": errors,
    }


def score_articles(articles: list[dict[str, Any]]) -> SuiteResult:
    from communique.pipeline import Pipeline
    from communique.readers import article_from_text

    pipeline = Pipeline(list(STAGES))
    correct = total = 0
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for article in articles:
        doc = pipeline(
            article_from_text(
                article["text"], source=article["id"], published=article.get("published")
            )
        )
        result = score_article(article, doc)
        correct += result["correct"]
        total += result["total"]
        hits.update(result["attr_hits"])
        totals.update(result["attr_totals"])
        errors.extend(result["errors"])

    def acc(h: int, t: int) -> float:
        return round(h / t, 4) if t else 0.0

    metrics = {
        "mention_entity_acc": acc(correct, total),
        "cluster_country_acc": acc(hits["country"], totals["country"]),
        "cluster_sector_acc": acc(hits["sector"], totals["sector"]),
        "group_members_acc": acc(hits["members"], totals["members"]),
    }
    notes = [f"articles {len(articles)}, gold mentions {total}, correct {correct}"]
    return SuiteResult(metrics=metrics, tables={"errors": errors[:MAX_MISSES]}, notes=notes)

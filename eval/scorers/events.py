"""Event extraction scored on the PLOVER gold standard records (one sentence, one event each).

Metrics:
- `type_*`: micro P/R/F1 of event types per record (the set of types predicted for the
  sentence against the gold type);
- `triple_*`: micro P/R/F1 of (type, actor country, recipient country) triples;
- `top1_type_accuracy`: the type of the most confident event equals the gold type;
- `planned_vs_held_accuracy`: on meeting records, whether the meeting is told as held or as
  planned, as the gold has it.

Mappings, so that our output and PLOVER's coding conventions are compared fairly:
- PLOVER codes an announced or offered future action as AGREE ("will visit", "offered to
  negotiate") and a hostile one as THREATEN; we keep the action's type and give it a status.
  A predicted event whose status is planned, proposed, conditional or hypothetical is
  therefore scored as AGREE when its type is cooperative and as THREATEN when it is hostile
  (a future protest or boycott is a threat of dissent, CAMEO 133); an event conditional on an
  "unless" clause ("will withdraw unless Y complies") as THREATEN, being an ultimatum (CAMEO
  139); a negated cooperative event ("failed to reach agreement", "declined to resign") as
  REJECT.
- Gold country codes are CAMEO-style: the few that differ from ISO 3166 alpha-3 are mapped
  (`CAMEO_TO_ISO3`); codes that name no state (IGO, NGO, IMG, ...) stand for "no country",
  as does an empty side, and count as the empty string in triples. Our own codes for
  international bodies (UNO, EUR, IGO) are read the same way, since the gold codes every
  intergovernmental body as IGO.
- Joint events: PLOVER marks the parties of a joint action ("X and Y agreed", "X held talks
  with Y") as SRC/TAR, each both source and target, and the gold lists them all as actors
  with no recipient. For such a record the parties of a predicted event are compared as one
  set: its actor and recipient countries together, each as (type, country, ""). The countries
  must still be right; only the side they are put on is not scored.
- Triples are sets: a record's gold triples are all (type, actor, recipient) pairs of its one
  event; the predicted triples are the union over all events predicted for the text, so every
  extra event with a wrong type or side costs precision.
- Meeting records: gold CONSULT (expected held) or AGREE/REQUEST whose event text is about a
  meeting (expected planned, PLOVER's future-meeting convention). The prediction is the most
  confident predicted CONSULT event; none counts as wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eval.common import Suite, SuiteResult, prf

SUITES = {
    "events.plover": Suite(
        data="plover_gsr_dev.jsonl",
        sample=161,
        description="PLOVER gold standard records (dev half): types, actor/recipient countries",
    ),
}

#: The stages an event needs, without the clean stage (gold offsets are into the raw text).
STAGES = (
    "communique.segment.v1",
    "communique.parse.v1",
    "communique.entities.v1",
    "communique.coref.v1",
    "communique.time.v1",
    "communique.statements.v1",
    "communique.events.v1",
)

#: CAMEO country codes that are not the ISO 3166 alpha-3 code of the same country.
CAMEO_TO_ISO3 = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "GMY": "DEU",
    "UKG": "GBR",
    "SPN": "ESP",
    "SWZ": "CHE",
    "DRV": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "BUR": "MMR",
    "PSE": "PSE",
}
#: Codes that name no state: the gold's CAMEO sector-like codes and ours for international bodies.
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "UNO", "EUR"})
#: Statuses under which PLOVER would code an event as a commitment or a threat.
FUTURE_STATUSES = frozenset({"planned", "proposed", "conditional", "hypothetical"})
COOPERATIVE_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)
HOSTILE_TYPES = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"})
HELD_STATUSES = frozenset({"occurred", "ongoing"})
#: Words of a gold event text that make an AGREE/REQUEST record a future-meeting record.
#: A condition that makes a conditional announcement an ultimatum.
ULTIMATUM = re.compile(r"\s*unless\b", re.IGNORECASE)
#: Markup tag of a party that is both source and target of a joint action.
JOINT_TAG = "(SRC/TAR:"
MEETING_WORDS = re.compile(r"\b(meet|visit|talk|summit|negotiat|host)", re.IGNORECASE)


def gold_country(code: str) -> str:
    """ISO3 of a gold CAMEO-style code; the empty string for codes that name no state."""
    code = CAMEO_TO_ISO3.get(code, code)
    return code if len(code) == 3 and code not in NON_STATE_CODES else ""


def scored_type(event: Any) -> str:
    """The PLOVER type our event would be coded as (future actions as AGREE or THREATEN)."""
    if event.status == "negated" and event.type in COOPERATIVE_TYPES:
        return "REJECT"
    if event.status == "conditional" and any(
        ULTIMATUM.match(c) for c in getattr(event, "conditions", [])
    ):
        return "THREATEN"
    if event.status in FUTURE_STATUSES:
        if event.type in COOPERATIVE_TYPES:
            return "AGREE"
        if event.type in HOSTILE_TYPES:
            return "THREATEN"
    return str(event.type)


def _sides(doc: Any, event: Any) -> tuple[set[str], set[str]]:
    actors = set(getattr(event, "actor_countries", []) or [])
    recipients = set(getattr(event, "recipient_countries", []) or [])
    for ent_id in event.actors:
        ent = doc.entity(ent_id)
        if ent is not None and ent.country:
            actors.add(ent.country)
    for ent_id in event.recipients:
        ent = doc.entity(ent_id)
        if ent is not None and ent.country:
            recipients.add(ent.country)
    actors = {gold_country(c) for c in actors} - {""}
    recipients = {gold_country(c) for c in recipients} - {""}
    return actors or {""}, recipients or {""}


def _triples(kind: str, actors: set[str], recipients: set[str]) -> set[tuple[str, str, str]]:
    return {(kind, a, r) for a in actors for r in recipients}


def _joint_triples(kind: str, actors: set[str], recipients: set[str]) -> set[tuple[str, str, str]]:
    """Triples of a joint action: every party on the actor side, no recipient."""
    parties = (actors | recipients) - {""}
    return {(kind, p, "") for p in parties or {""}}


def is_joint(record: dict[str, Any]) -> bool:
    """Whether the gold event is a joint action of SRC/TAR parties with no separate target."""
    gold = record["events"][0]
    return JOINT_TAG in (record.get("markup") or "") and not gold["recipient"]


def score(suite_name: str, records: list[dict[str, Any]]) -> SuiteResult:
    from communique.pipeline import Pipeline
    from communique.readers import article_from_text

    pipeline = Pipeline(STAGES)
    docs = [
        article_from_text(r["text"], source=r["id"], published=r.get("published"), id=r["id"])
        for r in records
    ]
    type_tp = type_pred = type_gold = 0
    tri_tp = tri_pred = tri_gold = 0
    top1 = 0
    meeting_total = meeting_right = 0
    per_type: dict[str, Counter[str]] = {}
    confusions: Counter[tuple[str, str]] = Counter()
    for record, doc in zip(records, pipeline.run(docs), strict=True):
        gold = record["events"][0]
        gold_type = gold["type"]
        events = list(getattr(doc, "events", []))
        predicted = {scored_type(e) for e in events}
        type_pred += len(predicted)
        type_gold += 1
        type_tp += gold_type in predicted
        for kind in predicted | {gold_type}:
            counts = per_type.setdefault(kind, Counter())
            counts["pred"] += kind in predicted
            counts["gold"] += kind == gold_type
            counts["tp"] += kind in predicted and kind == gold_type
        best = max(events, key=lambda e: e.confidence, default=None)
        best_type = scored_type(best) if best is not None else "-"
        top1 += best_type == gold_type
        if best_type != gold_type:
            confusions[(gold_type, best_type)] += 1
        gold_triples = _triples(
            gold_type,
            {gold_country(c) for c in gold["actor"]} or {""},
            {gold_country(c) for c in gold["recipient"]} or {""},
        )
        to_triples = _joint_triples if is_joint(record) else _triples
        pred_triples: set[tuple[str, str, str]] = set()
        for event in events:
            pred_triples |= to_triples(scored_type(event), *_sides(doc, event))
        tri_tp += len(gold_triples & pred_triples)
        tri_pred += len(pred_triples)
        tri_gold += len(gold_triples)
        expected = _meeting_expectation(gold_type, gold.get("event_text") or "")
        if expected is not None:
            meeting_total += 1
            consults = [e for e in events if e.type == "CONSULT"]
            if consults:
                status = max(consults, key=lambda e: e.confidence).status
                told = "held" if status in HELD_STATUSES else "planned"
                meeting_right += told == expected
    type_scores = prf(type_tp, type_pred, type_gold)
    triple_scores = prf(tri_tp, tri_pred, tri_gold)
    metrics = {
        "type_p": type_scores["p"],
        "type_r": type_scores["r"],
        "type_f1": type_scores["f1"],
        "triple_p": triple_scores["p"],
        "triple_r": triple_scores["r"],
        "triple_f1": triple_scores["f1"],
        "top1_type_accuracy": round(top1 / len(records), 4) if records else 0.0,
        "planned_vs_held_accuracy": (
            round(meeting_right / meeting_total, 4) if meeting_total else 0.0
        ),
    }
    table = []
    for kind in sorted(per_type):
        c = per_type[kind]
        s = prf(c["tp"], c["pred"], c["gold"])
        table.append({"type": kind, "gold": c["gold"], "pred": c["pred"], "tp": c["tp"], **s})
    notes = [f"meeting records: {meeting_total}"] + [
        f"top-1 confusion gold {g} -> predicted {p}: {n}" for (g, p), n in confusions.most_common(8)
    ]
    return SuiteResult(metrics=metrics, tables={"per type": table}, notes=notes)


def _meeting_expectation(gold_type: str, event_text: str) -> str | None:
    """'held' or 'planned' for a meeting record, None for other records."""
    if gold_type == "CONSULT":
        return "held"
    if gold_type in ("AGREE", "REQUEST") and MEETING_WORDS.search(event_text):
        return "planned"
    return None

"""Scores the statements stage on PolNeAR attributions and MEANTIME speech events.

Content spans are compared by **token overlap ratio**: with the word tokens (`\\w+`) of
the text, ratio(P, G) = |tokens(P) ∩ tokens(G)| / max(|tokens(P)|, |tokens(G)|). It is 1
for equal spans and penalises both a too-short and a too-long prediction. Predictions and
gold are matched one to one, greedily by descending ratio, at thresholds 0.3 and 0.8.

Content follows PolNeAR's convention that the cue and the source are never part of the
content. A discontinuous gold content ("Talks, she said, will resume") counts as the union
of its `fragments`, not the covering range the converter gives; a predicted content that a
parenthetical cue interrupts likewise counts without the predicted speaker and cue tokens
inside it. Both sides are treated alike, so neither gains from the choice.

Recall is also broken down by the class of the gold cue (speech; belief, intention and
perception; evidence; other, such as "backing" or "voted for"), since PolNeAR annotates
far more than statements; the headline P/R/F1 count every gold attribution.
On matched pairs (at 0.3), the speaker is right when the predicted speaker span overlaps
the gold speaker span, and the cue is right when the predicted cue span overlaps the
gold cue span or the cue's lemma is one of the gold cue's lemmas.

Direct quotes are also scored on their own (gold: contents opening with a quote mark),
side by side for the statements stage's direct statements, `AttributionFinder.find_direct`
and textacy's `direct_quotations`; the last two do the same job (direct quotes with speaker
and cue from the same parse) and are timed alike, textacy imported before timing starts.

Only the parse and statements stages run (no clean stage, so offsets are the record's).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any, NamedTuple

from communique.document import Document
from communique.pipeline import Pipeline
from communique.quotes import Attribution, AttributionFinder, cue_act
from communique.readers import article_from_text
from communique.statements import StatementExtractor, StatementSpans
from eval.common import Suite, SuiteResult, prf

SUITES = {
    "quotes.polnear": Suite(
        data="polnear_dev.jsonl",
        sample=100,
        description="PolNeAR attributions (content, source, cue) in US political news",
    ),
    "quotes.meantime_speech": Suite(
        data="meantime_speech.jsonl",
        sample=120,
        description="MEANTIME speech and cognitive events: speaker (Arg0) and cue",
    ),
}

#: Token overlap ratios at which a predicted content matches a gold one.
THRESHOLDS = (0.3, 0.8)
#: Pairs at this ratio are those whose speaker and cue are checked.
ATTRIBUTE_THRESHOLD = 0.3
#: Whole passes over the parses for the direct-quote timings; the best pass counts.
TIMING_PASSES = 5
_WORD = re.compile(r"\w+")
_QUOTE_MARKS = '"“”„«»'

Span = tuple[int, int]


def _pieces(value: Any) -> list[Span]:
    """Gold spans given as [start, end] or a list of such pieces."""
    if not value:
        return []
    if isinstance(value[0], int):
        return [(value[0], value[1])]
    return [(p[0], p[1]) for p in value]


def _overlaps(a: Span | None, pieces: list[Span]) -> bool:
    return a is not None and any(a[0] < e and s < a[1] for s, e in pieces)


class _Tokens:
    """Word-token index of a text, for overlap ratios."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in _WORD.finditer(text)]

    def of(self, start: int, end: int) -> set[int]:
        from bisect import bisect_left

        return set(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))


def _gold_tokens(toks: _Tokens, gold: dict[str, Any]) -> set[int]:
    """A gold content's tokens: its fragments' when it is discontinuous."""
    pieces = _pieces(gold.get("fragments"))
    if pieces:
        return set().union(*(toks.of(s, e) for s, e in pieces))
    return toks.of(gold["start"], gold["end"])


def _pred_tokens(toks: _Tokens, sp: StatementSpans) -> set[int]:
    """A predicted content's tokens, without a speaker or cue standing inside it."""
    return _attribution_tokens(toks, sp.attribution)


def _attribution_tokens(toks: _Tokens, att: Attribution) -> set[int]:
    """An attribution's content tokens, without its speaker or cue standing inside it (only
    its quoted pieces when the writer's words interrupt a direct content)."""
    if att.pieces:
        return set().union(*(toks.of(lo, hi) for lo, hi in att.pieces))
    out = toks.of(att.start, att.end)
    for lo, hi in ((att.speaker_start, att.speaker_end), (att.cue_start, att.cue_end)):
        if lo is not None and hi is not None and att.start < lo and hi < att.end:
            out -= toks.of(lo, hi)
    return out


def overlap_ratio(p: set[int], g: set[int]) -> float:
    """|P ∩ G| / max(|P|, |G|) over word tokens."""
    if not p or not g:
        return 0.0
    return len(p & g) / max(len(p), len(g))


def match(pred: list[set[int]], gold: list[set[int]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), greedily by descending overlap ratio."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            r = overlap_ratio(p, g)
            if r >= threshold:
                pairs.append((r, i, j))
    pairs.sort(key=lambda x: -x[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _cue_right(sp: StatementSpans, gold: dict[str, Any], lemmas: set[str]) -> bool:
    att = sp.attribution
    cue_pieces = _pieces(gold.get("cue_span"))
    if (
        att.cue_start is not None
        and att.cue_end is not None
        and _overlaps((att.cue_start, att.cue_end), cue_pieces)
    ):
        return True
    cue = (sp.statement.cue or "").lower()
    return bool(cue) and (cue in lemmas or cue.split()[0] in lemmas)


def _build_of_quotes() -> str:
    """How the attribution finder ran: compiled by the build (setup.py) or from source."""
    from communique import quotes

    path = quotes.__file__ or ""
    if path.endswith(".py"):
        return "from its Python source (not compiled by this install)"
    return f"compiled with mypyc ({Path(path).name}), the same results as its source"


def _analyse(records: list[dict[str, Any]]) -> tuple[list[Any], float]:
    """Parsed documents with their statement spans, and the seconds statements took."""
    parse = Pipeline(["communique.parse.v1"])
    extractor = StatementExtractor()
    docs = [
        article_from_text(r["text"], source=str(r["id"]), published=r.get("published"))
        for r in records
    ]
    out: list[tuple[Document | None, list[StatementSpans]]] = []
    spent = 0.0
    for doc in parse.run(docs):
        if not isinstance(doc, Document):
            out.append((None, []))
            continue
        t0 = time.perf_counter()
        spans = extractor.extract(doc)
        spent += time.perf_counter() - t0
        out.append((doc, spans))
    return out, spent


def _score_polnear(records: list[dict[str, Any]]) -> SuiteResult:
    analysed, spent = _analyse(records)
    tp = {t: 0 for t in THRESHOLDS}
    n_pred = n_gold = 0
    matched = speaker_ok = speaker_n = cue_ok = 0
    speech_ok = speech_n = 0
    kinds: dict[str, dict[str, int]] = {}
    classes: dict[str, dict[str, int]] = {}
    direct = {"tp": 0, "pred": 0, "gold": 0}
    direct_only = {"tp": 0, "pred": 0, "gold": 0}
    textacy_direct = {"tp": 0, "pred": 0, "gold": 0}
    textacy_quotes = _textacy_direct_quotations()
    textacy_rejects: set[int] = set()  # the parses textacy gives up on (by id)
    # both on the articles textacy takes
    ours_taken = {"tp": 0, "pred": 0, "gold": 0}
    theirs_taken = {"tp": 0, "pred": 0, "gold": 0}
    for rec, (doc, spans) in zip(records, analysed, strict=True):
        if doc is None:
            continue
        toks = _Tokens(rec["text"])
        golds = [q for q in rec["quotes"] if q.get("start") is not None]
        gold_sets = [_gold_tokens(toks, q) for q in golds]
        pred_sets = [_pred_tokens(toks, s) for s in spans]
        n_pred += len(spans)
        n_gold += len(golds)
        for t in THRESHOLDS:
            tp[t] += len(match(pred_sets, gold_sets, t))
        pairs = match(pred_sets, gold_sets, ATTRIBUTE_THRESHOLD)
        matched_pred = {i for i, _ in pairs}
        matched_gold = {j for _, j in pairs}
        for j, gold in enumerate(golds):
            row = classes.setdefault(_cue_class(doc, gold), {"gold": 0, "matched": 0})
            row["gold"] += 1
            row["matched"] += j in matched_gold
        for k, sp in enumerate(spans):
            row = kinds.setdefault(sp.statement.kind, {"pred": 0, "matched": 0})
            row["pred"] += 1
            row["matched"] += k in matched_pred
        for i, j in pairs:
            sp, gold = spans[i], golds[j]
            matched += 1
            gold_speaker = _pieces(gold.get("speaker_span"))
            if gold_speaker:
                speaker_n += 1
                att = sp.attribution
                pred = (
                    (att.speaker_start, att.speaker_end)
                    if att.speaker_start is not None and att.speaker_end is not None
                    else None
                )
                right = _overlaps(pred, gold_speaker)
                speaker_ok += right
            cue_lemmas = [
                t.lemma_.lower()
                for s, e in _pieces(gold.get("cue_span"))
                for t in (doc.spacy_doc.char_span(s, e, alignment_mode="expand") or [])
            ]
            cue_words = [w.lower() for w in _WORD.findall(gold.get("cue") or "")]
            lemmas = set(cue_lemmas) | set(cue_words)
            if gold_speaker and _is_speech_cue(gold.get("cue") or "", cue_lemmas, cue_words):
                speech_n += 1
                speech_ok += right
            cue_ok += _cue_right(sp, gold, lemmas)
        # the direct-quote side, ours and textacy's
        gold_direct = [g for g, q in zip(gold_sets, golds, strict=True) if _is_direct(q)]
        ours = [p for p, s in zip(pred_sets, spans, strict=True) if s.statement.kind == "direct"]
        direct["gold"] += len(gold_direct)
        direct["pred"] += len(ours)
        direct["tp"] += len(match(ours, gold_direct, ATTRIBUTE_THRESHOLD))
        # the same job: direct quotes (with speaker and cue) from the same parse (timed
        # below, in whole passes)
        found = AttributionFinder(doc.spacy_doc, (), doc.text).find_direct()
        only = [_attribution_tokens(toks, a) for a in found]
        direct_only["gold"] += len(gold_direct)
        direct_only["pred"] += len(only)
        direct_only["tp"] += len(match(only, gold_direct, ATTRIBUTE_THRESHOLD))
        if textacy_quotes is not None:
            triples, rejected = _textacy_triples(textacy_quotes, doc.spacy_doc)
            if rejected:
                textacy_rejects.add(id(doc.spacy_doc))
            theirs = _textacy_contents(triples, toks)
            textacy_direct["gold"] += len(gold_direct)
            textacy_direct["pred"] += len(theirs)
            textacy_direct["tp"] += len(match(theirs, gold_direct, ATTRIBUTE_THRESHOLD))
            if not rejected:
                for counts, got in ((ours_taken, only), (theirs_taken, theirs)):
                    counts["gold"] += len(gold_direct)
                    counts["pred"] += len(got)
                    counts["tp"] += len(match(got, gold_direct, ATTRIBUTE_THRESHOLD))
    parsed = [
        (doc.spacy_doc, doc.text)
        for doc, _ in analysed
        if doc is not None and doc.spacy_doc is not None
    ]
    timed = _time_direct(parsed, textacy_quotes, textacy_rejects)
    direct_only_seconds, textacy_seconds = timed.ours, timed.theirs
    n_taken = len(parsed) - len(textacy_rejects)
    metrics: dict[str, float] = {}
    for t in THRESHOLDS:
        for name, v in prf(tp[t], n_pred, n_gold).items():
            metrics[f"{name}_{t}"] = v
    metrics["speaker_accuracy"] = round(speaker_ok / speaker_n, 4) if speaker_n else 0.0
    metrics["speaker_accuracy_speech"] = round(speech_ok / speech_n, 4) if speech_n else 0.0
    metrics["cue_accuracy"] = round(cue_ok / matched, 4) if matched else 0.0
    d = prf(direct["tp"], direct["pred"], direct["gold"])
    metrics.update({f"direct_{k}_0.3": v for k, v in d.items()})
    do = prf(direct_only["tp"], direct_only["pred"], direct_only["gold"])
    metrics.update({f"direct_only_{k}_0.3": v for k, v in do.items()})
    n = len(records)
    side_by_side = [
        {
            "extractor": "communique statements stage (kind=direct)",
            **d,
            "s per 100 articles": round(_per_100(spent, n), 3),
        },
        {
            "extractor": "communique AttributionFinder.find_direct",
            **do,
            "s per 100 articles": round(_per_100(direct_only_seconds, n), 3),
        },
    ]
    notes = [
        f"{n_pred} predicted, {n_gold} gold attributions; {matched} matched at "
        f"{ATTRIBUTE_THRESHOLD}. PolNeAR also annotates beliefs, intentions and "
        "perception, which a statement extractor does not aim at.",
        f"speaker accuracy over the {speech_n} matched gold attributions whose cue is a "
        f"speech verb or phrase of cues.tsv (act=speech), and over all {speaker_n} with a "
        "gold source",
        f"statements stage: {spent:.2f}s over {n} articles (parse excluded), "
        f"{_per_100(spent, n):.3f}s per 100 articles: every kind of statement with its "
        "speaker entity, channel, relays, hedges and date",
        "direct quotes alone (AttributionFinder.find_direct: quote regions, speech verbs "
        "near them, speakers, cues, continuations, dash signatures, interview turns): "
        f"{direct_only_seconds:.2f}s on the same parses (best of {TIMING_PASSES} whole "
        "passes, taking turns with textacy), "
        f"{_per_100(direct_only_seconds, n):.3f}s per 100 articles; gold direct quotes are "
        "those whose content opens with a quote mark",
        f"communique.quotes ran {_build_of_quotes()}",
    ]
    if textacy_quotes is not None:
        td = prf(textacy_direct["tp"], textacy_direct["pred"], textacy_direct["gold"])
        metrics.update({f"textacy_direct_{k}_0.3": v for k, v in td.items()})
        side_by_side.append(
            {
                "extractor": "textacy direct_quotations",
                **td,
                "s per 100 articles": round(_per_100(textacy_seconds, n), 3),
            }
        )
        side_by_side.extend(
            [
                {
                    "extractor": f"find_direct, the {n_taken} articles textacy takes",
                    **prf(ours_taken["tp"], ours_taken["pred"], ours_taken["gold"]),
                    "s per 100 articles": round(_per_100(timed.ours_taken, n_taken), 3),
                },
                {
                    "extractor": f"textacy, the {n_taken} articles it takes",
                    **prf(theirs_taken["tp"], theirs_taken["pred"], theirs_taken["gold"]),
                    "s per 100 articles": round(_per_100(timed.theirs_taken, n_taken), 3),
                },
            ]
        )
        notes.append(
            f"textacy direct_quotations (imported before timing): {textacy_seconds:.2f}s on "
            f"the same parses, {_per_100(textacy_seconds, n):.3f}s per 100 articles; it "
            "finds direct quotes with speaker and cue, the same job as find_direct"
        )
        notes.append(
            f"textacy gives up on {len(textacy_rejects)} of the {len(parsed)} articles (it "
            "raises on an odd number of quote marks) at almost no cost and finds nothing in "
            f"them; on the {n_taken} others, find_direct takes "
            f"{_per_100(timed.ours_taken, n_taken):.3f}s and textacy "
            f"{_per_100(timed.theirs_taken, n_taken):.3f}s per 100 articles"
        )
    else:
        notes.append("textacy could not be imported: no side-by-side direct-quote figures")
    table = [{"kind": k, **v} for k, v in sorted(kinds.items())]
    by_class = [
        {"gold cue": k, **v, "recall": round(v["matched"] / v["gold"], 4) if v["gold"] else 0.0}
        for k, v in sorted(classes.items())
    ]
    return SuiteResult(
        metrics=metrics,
        tables={
            "predicted kinds": table,
            "recall by gold cue class": by_class,
            "direct quotes side by side (F1 at 0.3)": side_by_side,
        },
        notes=notes,
    )


def _cue_class(doc: Document, gold: dict[str, Any]) -> str:
    """speech, cognitive, evidence or other, from the gold cue's lemmas and words."""
    sdoc = doc.spacy_doc
    lemmas = [
        t.lemma_.lower()
        for s, e in _pieces(gold.get("cue_span"))
        for t in ((sdoc.char_span(s, e, alignment_mode="expand") if sdoc else None) or [])
    ]
    words = [w.lower() for w in _WORD.findall(gold.get("cue") or "")]
    if _is_speech_cue(gold.get("cue") or "", lemmas, words):
        return "speech"
    acts = {cue_act(w) for w in lemmas + words}
    for act in ("cognitive", "evidence"):
        if act in acts:
            return act
    return "other"


def _per_100(seconds: float, articles: int) -> float:
    return 100 * seconds / articles if articles else 0.0


def _is_speech_cue(cue: str, lemmas: list[str], words: list[str]) -> bool:
    """Whether a gold cue is a speech verb or phrase (not a belief, intention or finding):
    any run of up to three of its lemmas or words that cues.tsv lists with act=speech."""
    if cue.strip() == ":":
        return True
    for seq in (lemmas, words):
        for n in (3, 2, 1):
            for i in range(len(seq) - n + 1):
                if cue_act(" ".join(seq[i : i + n])) == "speech":
                    return True
    return False


def _is_direct(q: dict[str, Any]) -> bool:
    """Whether a gold content opens with a quote mark (two apostrophes count as one)."""
    content = (q.get("content") or "").lstrip()
    return bool(content) and (content[0] in _QUOTE_MARKS or content.startswith("''"))


class _Timings(NamedTuple):
    """Seconds over all the parses and over those textacy takes (does not give up on)."""

    ours: float
    theirs: float
    ours_taken: float
    theirs_taken: float


def _time_direct(parses: list[tuple[Any, str]], textacy_quotes: Any, rejects: set[int]) -> _Timings:
    """Seconds `find_direct` and textacy's `direct_quotations` take over all the parses
    (with their texts), and over those textacy does not give up on (`rejects`: the ids of
    the others), each the best of `TIMING_PASSES` whole passes, the two taking turns
    (timing each article's calls back to back would favour whichever runs second, on a
    parse the other has just read)."""
    best = [float("inf")] * 4
    clock = time.perf_counter
    for _ in range(TIMING_PASSES):
        spent = [0.0] * 4
        for sdoc, text in parses:
            t0 = clock()
            AttributionFinder(sdoc, (), text).find_direct()
            took = clock() - t0
            spent[0] += took
            if id(sdoc) not in rejects:
                spent[2] += took
        if textacy_quotes is not None:
            for sdoc, _ in parses:
                t0 = clock()
                _textacy_triples(textacy_quotes, sdoc)
                took = clock() - t0
                spent[1] += took
                if id(sdoc) not in rejects:
                    spent[3] += took
        best = [min(b, s) for b, s in zip(best, spent, strict=True)]
    if textacy_quotes is None:
        best[1] = best[3] = 0.0
    return _Timings(*best)


def _textacy_direct_quotations() -> Any:
    """textacy's `direct_quotations`, imported here so that no timing includes the import;
    None when textacy is not installed."""
    try:
        from textacy.extract.triples import direct_quotations
    except Exception:  # a broken optional install counts as absent
        return None
    return direct_quotations


def _textacy_triples(direct_quotations: Any, sdoc: Any) -> tuple[list[Any], bool]:
    """textacy's quotations of a parse (the part that is timed, like find_direct), and
    whether it gave up on the parse."""
    out: list[Any] = []
    try:
        for triple in direct_quotations(sdoc):
            out.append(triple)
    except Exception:  # textacy raises on some quote layouts; the rest still count
        return out, True
    return out, False


def _textacy_contents(triples: list[Any], toks: _Tokens) -> list[set[int]]:
    out = []
    for triple in triples:
        content = triple.content
        if content:
            out.append(toks.of(content[0].idx, content[-1].idx + len(content[-1])))
    return out


def _score_meantime(records: list[dict[str, Any]]) -> SuiteResult:
    analysed, _ = _analyse(records)
    gold_n = found = speaker_n = speaker_ok = lemma_ok = 0
    for rec, (doc, spans) in zip(records, analysed, strict=True):
        if doc is None:
            continue
        for q in rec["quotes"]:
            gold_n += 1
            cue_pieces = _pieces(q.get("cue_span"))
            hit = next(
                (
                    s
                    for s in spans
                    if s.attribution.cue_start is not None
                    and s.attribution.cue_end is not None
                    and _overlaps((s.attribution.cue_start, s.attribution.cue_end), cue_pieces)
                ),
                None,
            )
            if hit is None:
                if q.get("speaker_span"):
                    speaker_n += 1
                continue
            found += 1
            gold_lemmas = (
                {q["cue_lemma"]}
                if q.get("cue_lemma")
                else {
                    t.lemma_.lower()
                    for s, e in cue_pieces
                    for t in (doc.spacy_doc.char_span(s, e, alignment_mode="expand") or [])
                }
            )
            lemma_ok += (hit.statement.cue or "").split()[-1] in gold_lemmas or (
                hit.statement.cue in gold_lemmas
            )
            if q.get("speaker_span"):
                speaker_n += 1
                att = hit.attribution
                if att.speaker_start is not None and att.speaker_end is not None:
                    speaker_ok += _overlaps(
                        (att.speaker_start, att.speaker_end), _pieces(q["speaker_span"])
                    )
    metrics = {
        "cue_recall": round(found / gold_n, 4) if gold_n else 0.0,
        "cue_accuracy": round(lemma_ok / found, 4) if found else 0.0,
        "speaker_accuracy": round(speaker_ok / speaker_n, 4) if speaker_n else 0.0,
    }
    notes = [
        f"{gold_n} gold speech/cognitive mentions, {found} found by their cue; speaker "
        f"accuracy is over the {speaker_n} with a gold speaker (a missed cue counts wrong)",
        "MEANTIME counts nouns (statement, announcement) and cognitive verbs (see, fear) "
        "as speech events; content spans are not annotated.",
    ]
    return SuiteResult(metrics=metrics, notes=notes)


def score(suite_name: str, records: list[dict[str, Any]]) -> SuiteResult:
    if suite_name == "quotes.polnear":
        return _score_polnear(records)
    return _score_meantime(records)

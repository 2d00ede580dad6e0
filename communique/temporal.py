"""Time stage: finds time expressions, normalises them to TIMEX3 and resolves their dates.

Recognition and normalisation are rule-based (`communique.timeparse`); this stage adds what
needs the parse: the tense of the clause, which says whether a bare "Tuesday" or "March" is
the previous or the next one. Relative expressions resolve against the publication date;
the statements stage may re-resolve one against the day a statement was made (`reanchor`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.document import Document, Flag, Interval, Timex
from communique.lexicon import load_table
from communique.pipeline import register
from communique.timeparse import (
    UNITS,
    Candidate,
    Resolution,
    add_units,
    find_candidates,
    parse_number,
    resolve,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

#: How far up the dependency tree to look for the verb that governs an expression.
MAX_HEAD_STEPS = 6
#: Characters before an expression searched for a bounding preposition ("within", "by").
BOUND_WINDOW = 16
#: Characters around a timex re-read by `reanchor`.
REANCHOR_WINDOW = 40

_WITHIN = re.compile(r"\b(within|in\s+the\s+next|over\s+the\s+next)\s+$", re.IGNORECASE)
_BY = re.compile(r"\b(by|until|till|before|no\s+later\s+than)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_QUARTER_VALUE = re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$")
_IN = re.compile(r"\bin\s+$", re.IGNORECASE)
#: Dependencies of a participle that has no tense of its own (an adjunct or modifier clause).
PARTICIPIAL_DEPS = frozenset({"advcl", "acl", "xcomp", "conj"})


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in load_table("time_cues"):
        table.setdefault(row["kind"], set()).add(row["word"].lower())
    return {k: frozenset(v) for k, v in table.items()}


def _governing_verb(tok: Token) -> tuple[Token | None, bool]:
    """The verb governing a token, and whether the path to it passes through a noun."""
    via_noun = False
    first = tok
    for _ in range(MAX_HEAD_STEPS):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD"):
            return tok, via_noun
        if tok.i != first.i and tok.pos_ in ("NOUN", "PROPN"):
            via_noun = True
        if tok.head.i == tok.i:
            return None, via_noun
        tok = tok.head
    return None, via_noun


def _verb_direction(verb: Token, via_noun: bool = False, depth: int = 0) -> int | None:
    """-1 for a past clause, 1 for a future one, None when the tense does not say."""
    cues = _cues()
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & cues.get("future_aux", frozenset()):
        return 1
    if verb.lemma_.lower() in cues.get("future_verb", frozenset()) and verb.tag_ != "VBD":
        return 1
    if any(c.lower_ == "to" for c in aux) or verb.dep_ == "xcomp":
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in cues.get("future_verb", frozenset()):
            return 1
        if head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < MAX_HEAD_STEPS:
            return _verb_direction(head, via_noun, depth + 1)
        return 1
    if verb.tag_ == "VBD":
        return -1
    if verb.tag_ == "VBN":
        if words & {"is", "are", "be", "'s", "'re"}:
            return None
        return -1
    if verb.tag_ == "VBG":
        if words & {"was", "were"}:
            return -1
        if words & {"is", "are", "am", "'s", "'re"}:
            return 1
        if not aux and verb.dep_ in PARTICIPIAL_DEPS and depth < MAX_HEAD_STEPS:
            # "Speaking on Friday, the minister said ...": the adjunct shares its head's time.
            head = verb.head
            if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
                return _verb_direction(head, via_noun, depth + 1)
    if verb.lemma_.lower() in cues.get("past_verb", frozenset()):
        return -1
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() != "be" and not via_noun:
        return 1
    return None


def clause_direction(spacy_doc: SpacyDoc | None, start: int, end: int) -> int | None:
    """The time direction of the clause holding a character span, read from the parse."""
    if spacy_doc is None:
        return None
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb, via_noun = _governing_verb(span.root)
    if verb is None:
        return None
    return _verb_direction(verb, via_noun)


def _bounded(text: str, c: Candidate, res: Resolution, anchor: date | None) -> Resolution:
    """Widen an interval for a bounding preposition: "within two weeks", "by March", "since".

    "within two weeks" said on the anchor day runs from the anchor to two weeks later.
    """
    if anchor is None:
        return res
    before = text[max(0, c.start - BOUND_WINDOW) : c.start]
    if res.type == "DURATION" and res.interval is None and c.kind == "duration":
        n = parse_number(c.parts.get("n") or "")
        unit = UNITS.get((c.parts.get("unit") or "").lower())
        if n is None or unit is None:
            return res
        if _WITHIN.search(before):
            res.interval = (anchor, add_units(anchor, n, unit))
        elif _IN.search(before) and unit in ("D", "W", "FN", "M"):
            # "talks resume in two weeks": the day that far after the anchor.
            day = add_units(anchor, n, unit)
            res.interval = (day, day)
        return res
    if res.interval is None or res.type not in ("DATE", "TIME"):
        return res
    s, e = res.interval
    by = _BY.search(before)
    if by and by.group(1).lower() == "before" and s > anchor:
        # "before 2018": up to the day before the period starts.
        res.interval = (anchor, s - timedelta(days=1))
    elif by and e >= anchor:
        res.interval = (anchor, e)
    elif _SINCE.search(before) and s <= anchor:
        res.interval = (s, anchor)
    return res


def _year_shifted_quarter(c: Candidate, res: Resolution, last_quarter: str | None) -> Resolution:
    """ "A year ago/earlier" after a quarter was named means that quarter, whole years back.

    Business and economic news compares a quarter with the same quarter a year before.
    """
    if c.kind != "ago" or last_quarter is None or res.type != "DATE":
        return res
    n = parse_number(c.parts.get("n") or "")
    if UNITS.get((c.parts.get("unit") or "").lower()) != "Y" or n is None or n != int(n):
        return res
    m = _QUARTER_VALUE.match(last_quarter)
    if m is None or (c.parts.get("off") or "").lower() == "later":
        return res
    y, q = int(m.group("y")) - int(n), int(m.group("q"))
    first = date(y, 3 * q - 2, 1)
    end = add_units(first, 3, "M")
    return Resolution("DATE", f"{y}-Q{q}", res.mod, (first, date.fromordinal(end.toordinal() - 1)))


def _anaphoric_quarter(c: Candidate, res: Resolution, last_quarter: str | None) -> Resolution:
    """ "the quarter", "the year-ago period": the quarter named last (a year before it)."""
    what = (c.parts.get("what") or "").lower()
    if c.kind != "anaphor" or what not in ("quarter", "period") or last_quarter is None:
        return res
    m = _QUARTER_VALUE.match(last_quarter)
    if m is None:
        return res
    y, q = int(m.group("y")) - (1 if c.parts.get("ago") else 0), int(m.group("q"))
    first = date(y, 3 * q - 2, 1)
    end = add_units(first, 3, "M")
    return Resolution("DATE", f"{y}-Q{q}", res.mod, (first, date.fromordinal(end.toordinal() - 1)))


def _to_timex(text: str, c: Candidate, res: Resolution, anchor_id: str) -> Timex:
    interval = (
        Interval(res.interval[0].isoformat(), res.interval[1].isoformat()) if res.interval else None
    )
    return Timex(
        text=text[c.start : c.end],
        start=c.start,
        end=c.end,
        type=res.type,
        value=res.value,
        interval=interval,
        anchor=anchor_id,
        mod=res.mod,
    )


def _published(doc: Document) -> date | None:
    try:
        return date.fromisoformat(doc.article.published) if doc.article.published else None
    except ValueError:
        return None


def _year_is_quantity(spacy_doc: SpacyDoc | None, c: Candidate) -> bool:
    """A four-digit number counting a noun ("2000 troops") is not a year."""
    if spacy_doc is None or c.kind != "year":
        return False
    span = spacy_doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if tok.dep_ != "nummod" or tok.head.tag_ != "NNS" or tok.head.ent_type_ == "DATE":
        return False
    # "the 1990 earnings", "its 1996 figures": a determiner or possessive before makes it a year.
    before = spacy_doc[tok.i - 1] if tok.i > 0 else None
    return before is None or before.dep_ not in ("det", "poss")


def document_direction(spacy_doc: SpacyDoc | None) -> int | None:
    """The tense most of a document is told in: -1 past, 1 future, None without a parse.

    A weekday whose own clause says nothing follows the document (reports tell the past).
    """
    if spacy_doc is None:
        return None
    future_aux = _cues().get("future_aux", frozenset())
    past = sum(1 for t in spacy_doc if t.tag_ == "VBD")
    future = sum(1 for t in spacy_doc if t.dep_ == "aux" and t.lower_ in future_aux)
    if past == future:
        return None
    return -1 if past > future else 1


def tag_text(
    text: str, anchor: date | None, spacy_doc: SpacyDoc | None = None, anchor_id: str = "published"
) -> list[Timex]:
    """The timexes of a text, resolved against an anchor date (None leaves them unresolved)."""
    out: list[Timex] = []
    reference: date | None = None
    last_quarter: str | None = None
    fallback: list[int | None] = []
    for c in find_candidates(text):
        if _year_is_quantity(spacy_doc, c):
            continue
        direction = clause_direction(spacy_doc, c.start, c.end) if c.needs_direction else None
        if direction is None and c.kind == "weekday":
            if not fallback:
                fallback.append(document_direction(spacy_doc))
            direction = fallback[0]
        res = resolve(c, anchor, direction, reference or anchor)
        res = _year_shifted_quarter(c, res, last_quarter)
        res = _anaphoric_quarter(c, res, last_quarter)
        res = _bounded(text, c, res, anchor)
        timex = _to_timex(text, c, res, anchor_id)
        if c.kind == "quarter" and res.value and _QUARTER_VALUE.match(res.value):
            last_quarter = res.value
        if res.type == "DATE" and res.value and _DAY_VALUE.match(res.value):
            reference = date.fromisoformat(res.value[:10])
        out.append(timex)
    return out


class TimeTagger:
    """Finds and resolves the time expressions of a document into `doc.timexes`."""

    name = "communique.time.v1"
    version = "1"
    requires: tuple[str, ...] = ("article.text", "article.published", "spacy_doc")
    assigns: tuple[str, ...] = ("timexes", "flags")

    def __call__(self, doc: Document) -> Document:
        anchor = _published(doc)
        doc.timexes = tag_text(doc.text, anchor, doc.spacy_doc)
        if (
            anchor is None
            and doc.timexes
            and not any(f.kind == "unanchored_time" for f in doc.flags)
        ):
            doc.flags.append(
                Flag(
                    kind="unanchored_time",
                    message="no publication date: relative time expressions are left unresolved",
                )
            )
        return doc


def reanchor(doc: Document, timex: Timex, anchor: date, anchor_id: str) -> None:
    """Re-resolve one timex in place against another anchor date (e.g. a statement's day)."""
    lo = max(0, timex.start - REANCHOR_WINDOW)
    window = doc.text[lo : timex.end + REANCHOR_WINDOW]
    for c in find_candidates(window):
        if c.start + lo != timex.start or c.end + lo != timex.end:
            continue
        direction = (
            clause_direction(doc.spacy_doc, timex.start, timex.end) if c.needs_direction else None
        )
        if direction is None and c.kind == "weekday":
            direction = document_direction(doc.spacy_doc)
        res = resolve(c, anchor, direction, anchor)
        res = _bounded(window, c, res, anchor)
        timex.value = res.value
        timex.mod = res.mod
        timex.type = res.type
        timex.interval = (
            Interval(res.interval[0].isoformat(), res.interval[1].isoformat())
            if res.interval
            else None
        )
        timex.anchor = anchor_id
        return
    timex.anchor = anchor_id


def timex_day(timex: Timex) -> date | None:
    """The single day a timex names, or None when it names a longer or unknown period."""
    if timex.interval is not None and timex.interval.start == timex.interval.end:
        return date.fromisoformat(timex.interval.start)
    if timex.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value):
        return date.fromisoformat(timex.value)
    return None


def timexes_in(doc: Document, start: int, end: int) -> list[Timex]:
    """The document's timexes overlapping the character range [start, end)."""
    return [t for t in doc.timexes if t.start < end and start < t.end]


@register(TimeTagger.name)
def make_temporal() -> TimeTagger:
    return TimeTagger()

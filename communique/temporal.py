"""Time stage: finds time expressions, normalises them to TIMEX3 and resolves their dates.

Recognition and normalisation are rule-based (`communique.timeparse`); this stage adds what
needs the parse: the tense of the clause, which says whether a bare "Tuesday" or "March" is
the previous or the next one. Relative expressions resolve against the publication date;
the statements stage may re-resolve one against the day a statement was made (`reanchor`).
Expressions that point back ("later that year", "the same month a year ago", a clock time
after "On May 3") take the period or day named before them in the text.
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
    WORKDAY_ADJECTIVES,
    Candidate,
    Resolution,
    add_units,
    add_workdays,
    boundary_mod,
    find_candidates,
    parse_number,
    period_value,
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
_BY = re.compile(r"\b(by|until|till|before|no\s+later\s+than)\s+(?:the\s+year\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_AFTER = re.compile(r"\b(?:after|(?<!no\s)later\s+than|greater\s+than)\s+(?:the\s+year\s+)?$", re.I)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: A calendar value (a year, month, quarter, week or day), as opposed to PRESENT_REF or P2W.
_NAMED_VALUE = re.compile(r"^\d{4}(?:-|$)")
_QUARTER_VALUE = re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$")
_IN = re.compile(r"\bin\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")
_AWAITING = re.compile(r"\b(?:ahead\s+of|before|until|for|awaiting)\s+(?:the\s+)?$", re.I)
#: A sentence end between two expressions: a stop before a capital, or a line break.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“])|\n")
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
    if verb.tag_ == "VBN" and words & {"had", "has", "have", "'ve"}:
        # "had agreed in March", "have agreed in March": the perfect tells a done act
        return -1
    if verb.lemma_.lower() in cues.get("future_verb", frozenset()) and verb.tag_ != "VBD":
        if verb.tag_ == "VBN" and not aux and verb.head.i == verb.i:
            # A participle heading its sentence with no auxiliary is a past tense the tagger
            # missed ("Ministers agreed on Sunday"); "a summit set for April" looks ahead.
            return -1
        return 1
    if any(c.lower_ == "to" for c in aux) or verb.dep_ == "xcomp":
        head = verb.head
        if head.i != verb.i and (
            head.lemma_.lower() in cues.get("future_verb", frozenset())
            or head.lemma_.lower() in cues.get("intent_verb", frozenset())
        ):
            return 1
        if head.i != verb.i and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            # "trading is to resume on Tuesday": a present "be to" schedules.
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
            if unit == "D" and (c.parts.get("adj") or "").lower() in WORKDAY_ADJECTIVES:
                # "within ten working days": weekends do not count.
                res.interval = (anchor, add_workdays(anchor, n))
            else:
                res.interval = (anchor, add_units(anchor, n, unit))
        elif _IN.search(before) and unit in ("D", "W", "FN", "M", "Y"):
            # "talks resume in two weeks": the day that far after the anchor.
            day = add_units(anchor, n, unit)
            res.interval = (day, day)
        return res
    if (
        c.kind == "span_past"
        and res.interval is not None
        and _WITHIN.search(before)
        and res.interval[0] > anchor
    ):
        # "within the next ten months" runs from the anchor day itself.
        res.interval = (anchor, res.interval[1])
        return res
    if res.interval is None or res.type not in ("DATE", "TIME"):
        return res
    s, e = res.interval
    by = _BY.search(before)
    if by and by.group(1).lower() == "before" and res.mod == "END" and e >= anchor:
        # "before the end of June": by the time June ends.
        res.interval = (anchor, e)
    elif by and by.group(1).lower() == "before":
        # "before 2018", said in 2016: up to the day before the period starts. Said later,
        # the range has no start the text gives: the interval stays the period's and the
        # mod says the range lies before it (TimeML's value and mod).
        if s > anchor:
            res.mod = res.mod or "BEFORE"
            res.interval = (anchor, s - timedelta(days=1))
        else:
            res.mod = "BEFORE"
    elif by and e >= anchor:
        res.interval = (anchor, e)
    elif _SINCE.search(before) and s <= anchor:
        res.interval = (s, anchor)
    elif _AFTER.search(before):
        # "sales after 2010", said in 2018: from the day after the period up to the anchor;
        # "after 2030" has no end the text gives, so the interval stays the period's and the
        # mod says the range follows it.
        if e < anchor:
            res.mod = res.mod or "AFTER"
            res.interval = (e + timedelta(days=1), anchor)
        else:
            res.mod = "AFTER"
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


def _value_granularity(value: str) -> str:
    """D, W, M, Q or Y: the calendar unit a TIMEX3 date value names."""
    if _DAY_VALUE.match(value):
        return "D"
    for code in ("W", "Q"):
        if f"-{code}" in value:
            return code
    return "M" if re.match(r"^\d{4}-\d{2}$", value) else "Y"


def _points_back(c: Candidate) -> bool:
    """Whether an anaphoric period names the one mentioned before ("that year", "the same
    month"), rather than the current one ("the year" in a results report)."""
    what = (c.parts.get("what") or "").lower()
    same = (c.parts.get("same") or "").lower()
    if what not in ("year", "month", "week"):
        return False
    return (c.parts.get("det") or "").lower() == "that" or same in _cues().get(
        "same_period", frozenset()
    )


def _year_quarter(c: Candidate, res: Resolution, last_quarter: str | None) -> Resolution:
    """ "the 1988 quarter": the quarter named last, in that year."""
    if c.kind != "quarter" or c.parts.get("q") != "" or last_quarter is None:
        return res
    m = _QUARTER_VALUE.match(last_quarter)
    if m is None:
        return res
    y, q = int(c.parts.get("y") or m.group("y")), int(m.group("q"))
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
    if tok.head.lemma_.lower() in _cues().get("period_noun", frozenset()):
        # "1990 earnings", "the 1989 operating results": what a year yields, not a count.
        return False
    # "the 1990 earnings", "its 1996 figures": a determiner or possessive before makes it a year.
    before = spacy_doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and (before.tag_ == "POS" or before.lower_ == "fiscal"):
        return False
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
    reference_end = 0
    named: date | None = None
    named_gran = ""
    last_quarter: str | None = None
    fallback: list[int | None] = []
    for c in find_candidates(text):
        if _year_is_quantity(spacy_doc, c):
            continue
        direction = clause_direction(spacy_doc, c.start, c.end) if c.needs_direction else None
        if (
            c.kind == "vague"
            and (c.parts.get("w") or "").lower() in _cues().get("future_adverb", frozenset())
            and clause_direction(spacy_doc, c.start, c.end) == -1
        ):
            # "he was soon released" tells a past sequence, not the future.
            continue
        if c.kind == "weekday" and _POSSESSIVE.match(text, c.end):
            # "Thursday's closing price": a day whose outcome is reported is past, unless
            # something awaits it ("ahead of Thursday's vote").
            ahead = _AWAITING.search(text, max(0, c.start - 20), c.start)
            direction = 1 if ahead else -1
        if direction is None and c.kind == "weekday":
            if not fallback:
                fallback.append(document_direction(spacy_doc))
            direction = fallback[0]
        day_anchor = anchor
        if (
            c.kind == "time"
            and not c.parts.get("wd")
            and reference is not None
            and not _SENTENCE_BREAK.search(text, reference_end, c.start)
        ):
            # "On May 3 ... at 10 p.m.": a clock time takes the day named before it in its
            # sentence.
            day_anchor = reference
        ref = reference or anchor
        if c.kind == "anaphor" and named is not None and _points_back(c):
            # "later that year", "the same month": the period of the date last named.
            ref = named
        if c.kind == "year_back":
            ref = named
            c.parts["gran"] = named_gran
        res = resolve(c, day_anchor, direction, ref)
        res = _year_shifted_quarter(c, res, last_quarter)
        res = _anaphoric_quarter(c, res, last_quarter)
        res = _year_quarter(c, res, last_quarter)
        res = _bounded(text, c, res, anchor)
        timex = _to_timex(text, c, res, anchor_id)
        if c.kind == "quarter" and res.value and _QUARTER_VALUE.match(res.value):
            last_quarter = res.value
        if res.type == "DATE" and res.interval and res.value and _NAMED_VALUE.match(res.value):
            named = res.interval[0]
            named_gran = _value_granularity(res.value)
        if res.type == "DATE" and res.interval and res.value and _DAY_VALUE.match(res.value):
            reference = date.fromisoformat(res.value[:10])
            reference_end = c.end
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


#: The calendar unit an end of a range names, read from its value resolved without an anchor.
_END_GRANULARITY = (
    (re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|WXX-\d)"), "D"),
    (re.compile(r"^(?:\d{4}|XXXX)-W\d{2}$"), "W"),
    (re.compile(r"^(?:\d{4}|XXXX)-\d{2}$"), "M"),
    (re.compile(r"^(?:\d{4}|XXXX)-Q\d$"), "Q"),
    (re.compile(r"^\d{4}$"), "Y"),
)


def range_ends(text: str, timex: Timex) -> list[Timex]:
    """The two ends of a range timex ("from May 3 to June 10") as timexes of their own.

    TimeML marks each end of a range with its own TIMEX3 where this stage gives one timex
    with the range's interval; the ends are dated by that interval, each at the calendar unit
    it names ("between 1985 and 1987": 1985 and 1987). Empty for anything but a range.
    """
    if timex.interval is None:
        return []
    span = text[timex.start : timex.end]
    ranges = [c for c in find_candidates(span) if c.kind == "range" and c.end == len(span)]
    if len(ranges) != 1:
        return []
    days = (date.fromisoformat(timex.interval.start), date.fromisoformat(timex.interval.end))
    out = []
    for at_start, member, day in zip((True, False), ranges[0].members, days, strict=True):
        # A range from the end of a period starts the day after it ("from the end of 2007":
        # 1 January 2008); one to its start ends the day before: the end names that period.
        edge = boundary_mod(member)
        if edge == ("END" if at_start else "START"):
            day += timedelta(days=-1 if at_start else 1)
        bare = resolve(member, None)
        gran = next((g for rx, g in _END_GRANULARITY if rx.match(bare.value or "")), None)
        # A non-calendar end keeps its own value ("between now and May": PRESENT_REF).
        value = bare.value if bare.value and gran is None else period_value(gran or "D", day)
        out.append(
            Timex(
                text=span[member.start : member.end],
                start=timex.start + member.start,
                end=timex.start + member.end,
                type="DATE",
                value=value,
                interval=None,
                anchor=timex.anchor,
                mod=member.mod,
            )
        )
    return out


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

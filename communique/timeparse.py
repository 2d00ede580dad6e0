"""Recognises English time expressions with regular expressions and normalises them to TIMEX3.

Pure Python, no model: `find_candidates(text)` lists the expressions with their parts, and
`resolve(candidate, anchor, direction)` turns one into a TIMEX3 type, value, mod and calendar
interval. The words (months, numbers, units, vague expressions, ...) come from
`communique/data/time_words.tsv`; the patterns are compiled once, at import.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from communique.lexicon import load_table

#: Years outside this range are read as plain numbers, not as years.
MIN_YEAR, MAX_YEAR = 1000, 2199
#: Two-digit years at or below this pivot are 20xx, above it 19xx (as in 7/8/07).
TWO_DIGIT_YEAR_PIVOT = 50
#: With an anchor date, a two-digit year lies at most this many years after it, else a
#: century earlier.
TWO_DIGIT_YEAR_AHEAD = 20
#: Without tense, a day-and-month date lies within this many days of the anchor, else last year.
NEAREST_WINDOW_DAYS = 183
#: How many months either side of the anchor "Monday 21" is looked for in.
WD_DAY_MONTHS = 14
#: The days of a month its middle covers ("mid-November").
MID_MONTH = (10, 20)
#: The Gregorian ordinal of 1 Muharram AH 1 (16 July 622, Julian), the Islamic calendar's epoch.
HIJRI_EPOCH_ORDINAL = 227015
#: What "and a half" and "and a quarter" add to a count of units.
FRACTIONS = {"half": 0.5, "quarter": 0.25}
#: Past tense and a date without year more than this many days after the anchor: last year
#: (closer dates are deadlines and record dates reported in the past tense: "extended to Nov. 20").
TENSE_SLACK_DAYS = 45


def _words(kind: str) -> dict[str, str]:
    return {r["word"].lower(): r["value"] for r in load_table("time_words") if r["kind"] == kind}


def _alt_items(words: object) -> list[str]:
    """Regexes of words and phrases, longest first, spaces matching any blank."""
    items = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return [re.escape(w).replace(r"\ ", r"\s+") for w in items]


def _word(*alternatives: str) -> str:
    """`_word_alt` of the regexes given, in their order."""
    return _word_alt(list(alternatives))


def _alt(words: object) -> str:
    """A regex alternation of words and phrases, longest first, spaces matching any blank."""
    return "|".join(_alt_items(words))


#: Characters that match an ASCII letter when case is ignored besides its two cases: İ and ı
#: match i, ſ matches s and the Kelvin sign matches k.
_FOLDED_EXTRAS = "\u0130\u0131\u017f\u212a"


def _any_case(initials: list[str]) -> str:
    """A case-sensitive class of the characters that match one of `initials` (characters, or
    `\\d`) under re.IGNORECASE. A pattern that begins with a class `re` can test without the
    flag lets it skip in C to the positions where a match may start; a word boundary (`\\b`)
    or a lookahead at the start makes it try every position."""
    chars = {
        c
        for i in initials
        if i != r"\d"
        for c in (i, i.lower(), i.upper(), *_FOLDED_EXTRAS)
        if len(c) == 1 and re.fullmatch(re.escape(i), c, re.IGNORECASE)
    }
    assert all(re.fullmatch(r"\w", c) for c in chars)
    digits = r"\d" if r"\d" in initials else ""
    return "(?-i:[" + digits + re.escape("".join(sorted(chars))) + "])"


def _initial(alternative: str) -> str:
    """The first element of a regex: `\\d`, or a character that needs no escape."""
    if alternative.startswith(r"\d"):
        return r"\d"
    assert alternative[:1] and re.escape(alternative[0]) == alternative[0], alternative
    return alternative[0].lower()


def _starts(*alternatives: str) -> str:
    """A lookahead for the first characters of regexes (see `_initial`): a cheap test that
    lets a pattern skip most positions before it tries them."""
    return "(?=" + _any_case(list(dict.fromkeys(map(_initial, alternatives)))) + ")"


def _initials(words: object, digits: bool = False) -> str:
    """A lookahead for the first letters of some words, and with `digits` of a number written
    in digits, for a pattern that cannot begin with them (see `_word_alt`)."""
    return _starts(*([r"\d"] if digits else []), *_alt_items(words))


def _word_alt(alternatives: list[str]) -> str:
    """An alternation of regexes that each begin with a word character or `\\d`, for
    re.IGNORECASE patterns: it consumes the first character (so the pattern can begin with
    it, see `_any_case`), checks the word boundary before it, then tries in their order the
    alternatives that begin with it. It matches what `\\b(?:alternatives)` matches."""
    firsts = dict.fromkeys(map(_initial, alternatives))
    branches = "|".join(
        f"(?<={f})(?:" + "|".join(a[len(f) :] for a in alternatives if _initial(a) == f) + ")"
        for f in firsts
    )
    return _any_case(list(firsts)) + rf"(?<!\w.)(?:{branches})"


MONTHS = {w.rstrip("."): int(v) for w, v in _words("month").items()}
AMBIGUOUS_MONTHS = frozenset(
    r["word"] for r in load_table("time_words") if r["kind"] == "month" and r["note"] == "ambiguous"
)
#: Month names that are no other English word, so stand for the month in lower case too.
LOWERCASE_MONTHS = frozenset(
    r["word"] for r in load_table("time_words") if r["kind"] == "month" and not r["note"]
)
ABBREVIATED_MONTHS = frozenset(
    r["word"].rstrip(".")
    for r in load_table("time_words")
    if r["kind"] == "month" and r["note"] == "abbr"
)
WEEKDAYS = {w: int(v) for w, v in _words("weekday").items()}
NUMBERS = {w: float(v) for w, v in _words("number").items()}
FUZZY = _words("fuzzy_number")
UNITS = _words("unit")
QUANTITY_MODS = _words("quantity_mod")
EDGES = _words("edge")
VAGUE = _words("vague")
SET_WORDS = _words("set_word")
SEASONS = _words("season")
DAY_PARTS = _words("day_part")
RELATIVE_DAYS = {w: int(v) for w, v in _words("relative_day").items()}
DEICTICS = {w: int(v) for w, v in _words("deictic").items()}
OFFSETS = {w: int(v) for w, v in _words("offset").items()}
ORDINALS = {w: int(v) for w, v in _words("ordinal").items()}
SPAN_ADJECTIVES = _words("span_adj")
HOLIDAYS = {w: v for w, v in _words("holiday").items()}
DECADE_WORDS = {w: int(v) for w, v in _words("decade_word").items()}
WEEKDAY_ABBRS = {w: int(v) for w, v in _words("weekday_abbr").items()}

_MON_ITEMS = sorted(
    (
        re.escape(w) + (r"\.?" if len(w) <= 4 and w not in ("may", "june", "july") else "")
        for w in MONTHS
    ),
    key=len,
    reverse=True,
)
_MON = r"(?:" + "|".join(_MON_ITEMS) + r")"
#: A month name after a word boundary, beginning with its first letter (see `_word_alt`).
_MON_WORD = _word_alt(_MON_ITEMS)
_WD = r"(?:" + _alt(WEEKDAYS) + r")"
_WD_ABBR = r"(?:" + _alt(WEEKDAY_ABBRS) + r")\.?"
#: A weekday's name, and a weekday's name or abbreviation, after a word boundary (see
#: `_word_alt`).
_WD_WORD = _word_alt(_alt_items(WEEKDAYS))
_WD_OR_ABBR_WORD = _word_alt(
    [*_alt_items(WEEKDAYS), *(a + r"\.?" for a in _alt_items(WEEKDAY_ABBRS))]
)
#: Named days; an apostrophe may be written straight, curly or left out.
_HOLIDAY = r"(?:" + _alt(HOLIDAYS).replace("'", "['’]?") + r")"
_NUMWORD_ITEMS = _alt_items(w for w in NUMBERS if " " not in w and w not in ("a", "an"))
_NUMWORD = r"(?:" + "|".join(_NUMWORD_ITEMS) + r")"
_NUM_ITEMS = [
    r"\d\d*(?:\.\d+|\s+[13]/[24]|½)?",
    *_alt_items(w for w in NUMBERS if " " in w),
    *(w + rf"(?:[-\s]{_NUMWORD})?" for w in _NUMWORD_ITEMS),
    "an?",
]
_NUM = r"(?:" + "|".join(_NUM_ITEMS) + r")"
#: A number after a word boundary, beginning with its first character (see `_word_alt`).
_NUM_WORD = _word_alt(_NUM_ITEMS)
#: "once", "twice", "three times" after a word boundary.
_TIMES_WORD = _word_alt(["once", "twice", *(n + r"\s+times" for n in _NUM_ITEMS)])
_FUZZY = r"(?:" + _alt(FUZZY) + r")"
_UNIT = r"(?:" + _alt(UNITS) + r")"
_UNIT_WORD = _word_alt(_alt_items(UNITS))
_QMOD = r"(?:" + _alt(QUANTITY_MODS) + r")"
_DEICTIC = r"(?:" + _alt(DEICTICS) + r")"
_SEASON = r"(?:" + _alt(SEASONS) + r")"
_PART = r"(?:" + _alt(DAY_PARTS) + r")"
_ORD = r"(?:" + _alt(ORDINALS) + r")"
#: An adjective between a count and its unit: "six straight days", "two consecutive quarters".
_ADJ = r"(?:(?P<adj>" + _alt(SPAN_ADJECTIVES) + r")\s+)?"
#: Adjectives that count working days only: "five business days", "ten working days".
WORKDAY_ADJECTIVES = frozenset(w for w, v in SPAN_ADJECTIVES.items() if v == "WD")
#: Plural units standing alone after "for", "in" or "over" ("for years"): vague durations.
_BARE_UNIT = (
    r"(?:" + _alt(w for w, v in _words("unit").items() if w.endswith("s") and len(w) > 4) + r")"
)
DAY_ORDINALS = {w: int(v) for w, v in _words("day_ordinal").items()}
_DAYWORD = (
    r"(?:(?:twenty|thirty)[-\s](?:"
    + _alt(w for w, v in DAY_ORDINALS.items() if v < 10)
    + r")|"
    + _alt(DAY_ORDINALS)
    + r")"
)
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ONES_ITEMS = _alt_items(
    w for w, v in NUMBERS.items() if 1 <= v <= 9 and " " not in w and len(w) > 2
)
_ONES = "|".join(_ONES_ITEMS)
_TEENS_ITEMS = _alt_items(w for w, v in NUMBERS.items() if 10 <= v <= 19 and " " not in w)
_TEENS = "|".join(_TEENS_ITEMS)
_TENS = _alt(w for w, v in NUMBERS.items() if v in (20, 30, 40, 50, 60, 70, 80, 90))
#: The last two digits of a year in words: "ninety-six", "fifteen", "oh five".
_YY_WORDS = rf"(?:(?:{_TENS})(?:[-\s]+(?:{_ONES}))?|{_TEENS}|oh[-\s]+(?:{_ONES}))"
#: A year in words: "nineteen ninety-six", "seventeen hundred thirty three", "two thousand
#: and five" (the last only after "the year" or a preposition, or it is a count).
_YEAR_WORDS = (
    rf"(?:(?P<cw>(?:{_TEENS}|twenty))[-\s]+(?:hundred(?:[-\s]+and)?[-\s]+(?P<hy>{_YY_WORDS}|{_ONES})"
    rf"|(?P<yw>{_YY_WORDS}))"
    rf"|two\s+thousand(?:[-\s]+and)?[-\s]+(?P<ty>{_YY_WORDS}|{_ONES})"
    rf"|(?:(?<=\byear\s)|(?<=\bin\s)|(?<=\bsince\s)|(?<=\bby\s)|(?<=\buntil\s))"
    rf"two\s+thousand)"
)
#: A day of the month as a spoken cardinal ("May twenty nine"); it needs a year or a stop
#: after it, or "in March twenty people" would read as a date.
_CARDINAL_DAY = rf"(?:(?:twenty|thirty)[-\s]+(?:{_ONES})|{_TEENS}|twenty|thirty|{_ONES})"
#: The same after a word boundary (see `_word_alt`), and only the words that begin with t, o, f,
#: s, e or n: before a month, "couple" and "dozen" are counts.
_CARDINAL_DAY_WORD = _word_alt(
    [
        a
        for a in (
            rf"twenty[-\s]+(?:{_ONES})",
            rf"thirty[-\s]+(?:{_ONES})",
            *_TEENS_ITEMS,
            "twenty",
            "thirty",
            *_ONES_ITEMS,
        )
        if a[0] in "tofsen"
    ]
)
_YEAR_AHEAD = (
    rf"[-\s,]+(?:(?:1\d{{3}}|20\d{{2}})\b|(?:{_TEENS}|twenty)[-\s]+(?:hundred|{_TENS}|{_TEENS}|oh)\b"
    rf"|two\s+thousand\b)"
)
#: A day of the month in digits or in words ("the fourth of July", "January first").
_DAY = rf"(?:{_DAYNUM}|{_DAYWORD})"
_YEAR = r"(?:1\d{3}|20\d{2})"
#: A year, and a day of the month in digits, after a word boundary (see `_word_alt`).
_YEAR_WORD = _word_alt([r"1\d{3}", r"20\d{2}"])
_DAYNUM_WORD = r"\d(?<!\w\d)(?:(?<=[12])\d|(?<=3)[01]|(?<=0)[1-9]|(?<=[1-9]))(?:st|nd|rd|th)?"
#: What a year of the next century needs before it ("by 2100", "until 2150").
_FAR_YEAR_BEFORE = re.compile(r"\b(?:in|by|until|before|after|beyond|through)\s+$", re.I)
#: "next" or "last" before a day of a month without a year: its next or last occurrence.
_DATE_REL = r"(?P<rel>next|last|this)\s+"
_DATE_REL_BEFORE = re.compile(rf"\b{_DATE_REL}$", re.IGNORECASE)
_END = r"(?![\w%])"
#: What joins the two days of a day range ("3-5 March", "March 3 to 5").
_DASH = r"(?:[-–—~]|to|and|through|thru|till|until)"
#: What joins the two ends of a range of dates, and the word that may open it.
_RANGE_JOIN = re.compile(r"\s*(?:[-–—~]|to|through|thru|till|until|and)\s*", re.IGNORECASE)
_YEAR_IN = re.compile(r"\b(?:1\d|20)\d\d\b")
_TO_DATE = re.compile(r"(?:to|till)\s+date$")
_BLANK = re.compile(r"\s+")
_RANGE_OPEN = re.compile(r"\b(?P<w>from|between)\s+$", re.IGNORECASE)
#: Kinds that name a calendar date or period and may end a range.
RANGE_KINDS = frozenset(
    {
        "iso",
        "ym",
        "numeric",
        "dmy",
        "mdy",
        "my",
        "month",
        "year",
        "mon_rel",
        "quarter",
        "quarter_code",
        "year_words",
        "half",
        "season_year",
        "weekday",
        "relday",
        "deictic",
        "vague",
    }
)

_F = re.IGNORECASE


@dataclass
class Candidate:
    """One recognised expression: its extent and the parts the normaliser needs."""

    start: int
    end: int
    kind: str
    parts: dict[str, str | None] = field(default_factory=dict)
    mod: str | None = None
    needs_direction: bool = False
    #: The two ends of a range ("from May to July"), for kind "range".
    members: list[Candidate] = field(default_factory=list)


@dataclass
class Resolution:
    type: str
    value: str | None
    mod: str | None = None
    interval: tuple[date, date] | None = None
    relative: bool = True


#: The first characters of the patterns below that begin with an optional named group, and
#: so cannot begin with a consumed character (see `_word_alt`).
_DMY_START = _initials(
    ["next", "last", "this", *WEEKDAYS, "the", *DAY_ORDINALS, "twenty", "thirty"], digits=True
)
_QUARTER_START = _initials(
    ["the", *DEICTICS, "latest", "year", "1", "2", "fiscal", "calendar", *ORDINALS, "final"]
)
_PART_OF_START = _initials(
    ["the", "first", "last", "final", *DAY_ORDINALS, "twenty", "thirty"], digits=True
)
_SPAN_PAST_START = _initials(
    [
        "the",
        "past",
        "last",
        "next",
        "coming",
        "previous",
        "first",
        "final",
        "latest",
        "recent",
        "following",
    ]
)
_DURATION_START = _initials(
    ["the", "its", "their", "his", "her", "a", "this", *QUANTITY_MODS, *NUMBERS, *FUZZY],
    digits=True,
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?P<y>\d(?<!\w\d)\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    (
        "numeric",
        re.compile(
            r"(?P<m>\d(?<![\d/]\d)(?:(?<=[0-3])\d)?)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"
        ),
    ),
    (
        "numeric",
        re.compile(
            r"(?P<m>\d(?<![\d-]\d)(?:(?<=[0-3])\d)?)-(?P<d>[0-3]?\d)-(?P<y>(?:19|20)\d{2})(?![\d-]|-\d)"
        ),
    ),
    (
        "numeric",
        re.compile(r"(?P<m>\d(?<![\w/.]\d)(?:(?<=[0-3])\d)?)/(?P<d>[0-3]?\d)(?![\w/%]|[.,]\d)"),
    ),
    (
        "iso",
        re.compile(
            r"(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?!\d|[.,]\d|\s+[a-z])"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"(?P<mon>{_MON_WORD})(?:/|(?<=[a-z])(?=\d))(?P<d>[12]\d|3[01]|0?[1-9])(?![\w/%]|[.,]\d)",
            _F,
        ),
    ),
    (
        "holiday",
        re.compile(
            rf"{_initials([*HOLIDAYS, *DEICTICS])}\b"
            rf"(?:(?P<rel>last|next|previous|following|this)\s+)?(?P<h>{_HOLIDAY})\b",
            _F,
        ),
    ),
    (
        "wd_day",
        re.compile(
            rf"(?P<wd>{_WD_OR_ABBR_WORD}),?\s+(?:the\s+)?(?P<d>{_DAY})"
            r"(?![\w%:/]|[.,]\d)",
            _F,
        ),
    ),
    (
        "day_only",
        re.compile(
            _initials(["the"], digits=True)
            + r"\b(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bweek\sof\s))"
            r"(?:the\s+)?"
            r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[,;.!?)]|$|\s[-–]\s|\s+(?:at|and|or|to|when|after|before)\b))",
            _F,
        ),
    ),
    (
        "week_num",
        re.compile(
            rf"{_word('week')}\s+(?P<wn>5[0-3]|[1-4]\d|0?[1-9])(?!\s*[-–:.,]\s*\d|\s+of\s+the\b|[\w%])"
            rf"(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<ry>last|next|this)\s+year))?",
            _F,
        ),
    ),
    ("quarter_bare", re.compile(r"[Qq](?<!\w[Qq])(?P<q>[1-4])\b")),
    (
        "one_unit",
        re.compile(
            rf"(?P<w>{_word('all', 'another')})\s+"
            r"(?P<unit>day|week|month|year|hour|minute|decade)\b",
            _F,
        ),
    ),
    (
        "week_after",
        re.compile(rf"{_word('the')}\s+(?P<what>week|month|year)\s+after\s+next\b", _F),
    ),
    (
        "day_rel",
        re.compile(
            rf"{_word('the')}\s+(?P<what>day|week|month|year)\s+(?P<dir>before|after)(?=\s*(?:[.,;:!?\"”)]|$))",
            _F,
        ),
    ),
    (
        "to_date",
        re.compile(_word(r"the\s+year", "year") + r"[-\s]to[-\s]date\b", _F),
    ),
    (
        "dayrange",
        re.compile(
            rf"(?=[\dfsten])\b(?:the\s+)?(?P<d1>{_DAY})\s*(?P<j>{_DASH})\s*(?:the\s+)?(?P<d>{_DAY})\s+"
            rf"(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?{_END}",
            _F,
        ),
    ),
    (
        "dayrange",
        re.compile(
            rf"(?P<mon>{_MON_WORD})\s+(?:the\s+)?(?P<d1>{_DAY})\s*(?P<j>{_DASH})\s*(?:the\s+)?"
            rf"(?P<d>{_DAY})\b(?!%|:\d|\s*per\s*cent)(?:,?\s+(?P<y>{_YEAR})\b)?",
            _F,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"{_DMY_START}"
            rf"\b(?:{_DATE_REL})?(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?"
            rf"(?:(?P<d>{_DAYNUM})\s+(?:of\s+)?|(?P<dw>{_DAYWORD})\s+of\s+)"
            rf"(?P<mon>{_MON})(?:\s*,?\s+(?:of\s+|in\s+)?(?P<y>{_YEAR}))?{_END}",
            _F,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"{_initials(['next', 'last', 'this', *WEEKDAYS, *MONTHS])}"
            rf"\b(?:{_DATE_REL})?(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})"
            rf"(?:\s+|,\s+(?=\d\d?(?:st|nd|rd|th)\b))"
            rf"(?:the\s+)?(?P<d>{_DAY})(?![\d%]|:\d|-(?!\s*{_MON}\b))"
            rf"(?:\s*,?\s+(?:of\s+|in\s+)?(?P<y>{_YEAR})\b)?",
            _F,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"(?P<mon>{_MON_WORD})\s+(?P<d>{_CARDINAL_DAY})\b(?=\s*(?:[,.;!?)]|$)|{_YEAR_AHEAD})",
            _F,
        ),
    ),
    (
        "dmy",
        re.compile(rf"(?P<d>{_CARDINAL_DAY_WORD})\s+(?P<mon>{_MON})\b(?={_YEAR_AHEAD})", _F),
    ),
    (
        "my",
        re.compile(rf"(?P<mon>{_MON_WORD})(?:,?\s+(?:of\s+|in\s+)?|[-/])(?P<y>{_YEAR})\b", _F),
    ),
    (
        "ym",
        re.compile(
            r"(?=[0-9])(?<![\d/.-])(?:(?P<y>(?:19|20)\d\d)-(?P<m>0?[1-9]|1[0-2])"
            r"|(?P<m2>0?[1-9]|1[0-2])[-/](?P<y2>(?:19|20)\d\d))(?![\d/.-]|,\d)"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"(?P<d>{_DAYNUM_WORD})(?P<sep>[-/])(?P<mon>{_MON})(?P=sep)(?P<y>{_YEAR})\b", _F
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"(?P<mon>{_MON_WORD})(?P<sep>[-/])(?P<d>{_DAYNUM})(?P=sep)(?P<y>{_YEAR})\b",
            _F,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"(?P<y>{_YEAR_WORD})(?P<sep>[-/])(?P<mon>{_MON})(?P=sep)(?P<d>{_DAYNUM})\b", _F
        ),
    ),
    (
        "quarter_code",
        re.compile(
            r"(?=[12qh])\b(?:(?P<y>1\d{3}|20\d{2})[-\s]?(?P<qh>[QH])(?P<q>[1-4])"
            r"|(?P<qh2>[QH])(?P<q2>[1-4])(?:\s+of\s+|[-\s])(?P<y2>1\d{3}|20\d{2}))\b",
            _F,
        ),
    ),
    (
        "decade",
        re.compile(r"(?=['2-9])(?:(?<=\bthe\s)|(?<=\band\s)|')(?P<yy>[2-9]0)'?s\b", _F),
    ),
    ("year", re.compile(r"['’](?<![\w'’]['’])(?P<yy>\d{2})\b(?!['’])")),
    (
        "century",
        re.compile(
            r"(?=[t1-9])\b(?:the\s+)?(?P<c>1\d|2[01]|[1-9])(?:st|nd|rd|th)[-\s]+century\b", _F
        ),
    ),
    (
        "mon_rel",
        re.compile(rf"(?P<mon>{_MON_WORD})\s+(?P<rel>this|last|next)\s+year\b", _F),
    ),
    (
        "decade",
        # "the 1990s"; "1990 s" as text split by a tokenizer writes it
        re.compile(
            r"(?=[elmt12])\b(?:the\s+)?(?:(?P<edge>early|mid|late)[-\s]?)?(?P<y>1\d{2}|20\d)0(?:'?s|\x20(?-i:s))"
            r"\b(?![&'’-])",
            _F,
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"{_QUARTER_START}"
            rf"\b(?:(?P<det>the)\s+)?(?:(?P<rel>{_DEICTIC}|latest|year-ago|year-earlier)\s+)?"
            rf"(?:(?P<y0>{_YEAR})\s+)?(?:(?:fiscal|calendar)[-\s])?(?P<q>{_ORD}|final)[-\s]quarter"
            rf"(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<ry>last|next|this)\s+year))?\b",
            _F,
        ),
    ),
    (
        "half",
        re.compile(
            rf"(?=[tfsl])\b(?:the\s+)?(?P<h>first|second|last)\s+half\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next)\s+year)\b",
            _F,
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?=[f12])(?<![\d$£€.,/])(?P<fiscal>fiscal\s+)?(?P<y>1\d{{3}}|2[01]\d{{2}})"
            rf"(?![\d%,.]\d|[\d%/]|-(?!{_YEAR}\b))",
            _F,
        ),
    ),
    (
        "year_words",
        re.compile(
            rf"(?=[tefsnd])\b(?:the\s+year\s+)?{_YEAR_WORDS}\b"
            rf"(?![-\s]+(?:{_ONES}|{_TENS}|hundred|thousand)\b)",
            _F,
        ),
    ),
    (
        "part_of",
        re.compile(
            rf"{_PART_OF_START}"
            rf"\b(?:the\s+)?(?P<pos>first|last|final|{_DAYWORD}|\d{{1,2}}(?:st|nd|rd|th))\s+"
            rf"(?:(?P<n>{_NUM})\s+)?(?P<unit>days?|weeks?|months?|quarters?)(?=\s+of\s)",
            _F,
        ),
    ),
    (
        "week_of",
        re.compile(
            _word(r"the\s+week", "week")
            + r"\s+(?P<how>of|beginning|starting(?:\s+on)?|commencing)(?=\s)",
            _F,
        ),
    ),
    (
        "relday",
        re.compile(
            rf"(?P<rd>{_word_alt(_alt_items(RELATIVE_DAYS))})(?:\s+(?P<part>{_PART}))?\b",
            _F,
        ),
    ),
    ("thispart", re.compile(rf"{_word('this', 'last')}\s+(?P<part>{_PART})\b", _F)),
    (
        "the_part",
        re.compile(
            rf"{_initials(['mid', 'the', *DAY_PARTS])}"
            rf"\b(?:(?P<mid>mid)[-\s]?)?(?:the\s+)?(?P<part>{_PART})\b(?!-)",
            _F,
        ),
    ),
    (
        "decade_word",
        re.compile(
            rf"(?=[tidemlfsn])\b(?:the\s+|(?P<prep>in|during)\s+)(?:(?P<edge>early|mid|late)[-\s]?)?"
            rf"(?P<dw>{_alt(DECADE_WORDS)})\b",
            _F,
        ),
    ),
    (
        "year_end",
        re.compile(r"(?=[ay])\b(?:(?P<around>around)\s+)?year(?:[-\s]|['’]s\s+)end\b", _F),
    ),
    (
        "deictic",
        re.compile(
            rf"{_initials(['early', 'late', 'earlier', 'later', 'the', *DEICTICS])}"
            rf"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?:(?P<det>the)\s+)?(?P<rel>{_DEICTIC})\s+"
            r"(?:calendar\s+)?"
            rf"(?P<what>week(?:end)?|work(?:ing)?[-\s]?week|month|quarter|year|decade|century"
            rf"|{_SEASON}|{_MON}|{_WD})\b",
            _F,
        ),
    ),
    (
        "edge_of",
        re.compile(
            r"(?=[tbsemc])\b(?:the\s+)?(?P<edge>beginning|start|end|middle|close)\s+of\s+(?:(?:the|this)\s+)?"
            r"(?P<what>week|month|year|decade|century)\b(?!-)",
            _F,
        ),
    ),
    (
        "in_the_year",
        re.compile(
            rf"(?P<edge>{_word('earlier', 'later')})\s+in\s+the\s+(?P<what>week|month|year)\b", _F
        ),
    ),
    (
        "anaphor",
        re.compile(
            rf"(?P<det>{_word('the', 'that')})\s+(?:(?P<same>{_alt(_words('anaphor_adj'))})\s+)?"
            r"(?:(?P<ago>year-ago|year-earlier|year-before)\s+)?"
            r"(?P<what>day|week|weekend|month|year|quarter|(?<=ago\s)period|(?<=earlier\s)period)"
            r"(?![-\w]|\s+\d|\s+of\b)(?=(?P<ending>\s+end(?:ed|ing)\b)?)",
            _F,
        ),
    ),
    (
        "year_back",
        re.compile(
            rf"{_word('the')}\s+(?:(?P<same>{_alt(_words('anaphor_adj'))})\s+)?"
            r"(?P<what>day|week|month|quarter|period)\s+(?:a\s+year\s+(?:ago|earlier|before)"
            r"|(?:of\s+)?(?:the\s+)?(?:last|previous|prior)\s+year)\b",
            _F,
        ),
    ),
    ("year_adj", re.compile(rf"{_word('year')}-(?P<off>earlier|ago)\b", _F)),
    (
        "season_year",
        re.compile(
            rf"{_initials(['the', *SEASONS])}\b(?:the\s+)?(?P<s>{_SEASON})\s+of\s+(?P<y>{_YEAR})\b",
            _F,
        ),
    ),
    (
        "season",
        re.compile(
            rf"{_initials(['the', *SEASONS])}\b(?:(?P<det>the)\s+)?(?P<s>{_SEASON})\b(?!-)", _F
        ),
    ),
    (
        "weekday",
        re.compile(rf"(?P<wd>{_WD_WORD})(?P<pl>s)?(?:\s+(?P<part>{_PART}))?\b", _F),
    ),
    (
        "time",
        re.compile(
            rf"{_initials(['noon', 'midday', 'midnight'], digits=True)}"
            rf"\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)"
            rf"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?!\d)|(?P<noon>noon|midday|midnight))"
            rf"(?:\s*\(?(?P<tz_text>(?P<tz>GMT|UTC|EST|EDT|CET|local\s+time)(?:\s*[+-]\s*\d{{1,2}})?)\)?)?"
            rf"(?:\s+(?:on\s+)?(?P<wd>{_WD}|today|yesterday|tomorrow))?",
            _F,
        ),
    ),
    (
        "ago",
        re.compile(
            rf"{_initials([*QUANTITY_MODS, *NUMBERS, *FUZZY], digits=True)}"
            rf"\b(?:(?P<qmod>{_QMOD})\s+)?(?P<n>{_NUM}|{_FUZZY})\s+(?P<unit>{_UNIT})"
            rf"(?:\s+or\s+so)?\s+(?P<off>ago|earlier|later|from\s+now|hence)\b",
            _F,
        ),
    ),
    (
        "set_every",
        re.compile(
            rf"(?P<q>{_word('every', 'each')})\s+(?:(?P<n>other|{_NUM})\s+)?"
            rf"(?P<what>{_UNIT}|{_WD}|{_MON}|{_SEASON})s?\b",
            _F,
        ),
    ),
    (
        "set_times",
        re.compile(
            rf"(?P<n>{_TIMES_WORD})\s+(?:a|an|per|each|every)\s+(?P<unit>{_UNIT})\b",
            _F,
        ),
    ),
    ("set_word", re.compile(rf"(?P<w>{_word_alt(_alt_items(SET_WORDS))})\b", _F)),
    ("weekday_set", re.compile(rf"{_initials([*WEEKDAYS, 'on'])}\b(?:on\s+)?(?P<wd>{_WD})s\b", _F)),
    (
        "span_past",
        re.compile(
            rf"{_SPAN_PAST_START}"
            rf"\b(?P<det>the\s+)?(?P<rel>past|last|next|coming|previous|first|final"
            rf"|latest|recent|following)\s+(?:(?P<n>{_NUM}|{_FUZZY})\s+)?{_ADJ}(?P<unit>{_UNIT})(?:\s+or\s+so)?\b",
            _F,
        ),
    ),
    (
        "count_rel",
        re.compile(
            rf"(?P<n>{_NUM_WORD})\s+(?P<rel>past|next|coming|upcoming|previous|following)\s+"
            rf"(?P<unit>{_UNIT})\b",
            _F,
        ),
    ),
    (
        "duration",
        re.compile(
            rf"{_DURATION_START}"
            rf"\b(?:(?P<det>the|its|their|his|her|a|this)\s+)?(?:(?P<qmod>{_QMOD})\s+)?"
            rf"(?P<n>{_NUM}|{_FUZZY})(?P<pre>\s+and\s+(?:a\s+)?(?:half|quarter))?"
            rf"(?:\s+to\s+(?P<n2>{_NUM}))?(?:[-\s]|(?<=\d)){_ADJ}(?P<unit>{_UNIT})"
            rf"(?P<frac>\s+and\s+(?:a\s+)?(?:half|quarter)\b)?(?:[-\s]long)?"
            rf"(?![-\s]old\b)(?:\s+or\s+so)?\b",
            _F,
        ),
    ),
    ("unit_long", re.compile(rf"(?P<unit>{_UNIT_WORD})-long\b", _F)),
    (
        # "lasted 2W", "for 10D": an amount in the compact notation of schedules and logs,
        # only after a word of duration and closing its clause (not "for 3D printing"); 2D,
        # 3D and 4D are dimensions.
        "unit_code",
        re.compile(r"(?P<n>[1-9]\d{0,2})(?P<code>[DWY])\b(?=\s*(?:[.,;:!?)]|$))"),
    ),
    ("vague", re.compile(rf"(?P<w>{_word_alt(_alt_items(VAGUE))})\b", _F)),
    (
        "bare_unit",
        re.compile(rf"{_word('for', 'in', 'over', 'within')}\s+(?P<unit>{_BARE_UNIT})\b", _F),
    ),
]

_EDGE_PREFIX = re.compile(r"(?:(?P<edge>" + _alt(EDGES) + r")(?:\s+|-)|(?P<mid>mid)-?)$", _F)
_QMOD_PREFIX = re.compile(r"(?P<qmod>" + _QMOD + r")\s+$", _F)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; None for a vague amount."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in FUZZY:
        return None
    if t in NUMBERS:
        return NUMBERS[t]
    try:
        return float(t)
    except ValueError:
        pass
    mixed = re.fullmatch(r"(\d+)\s*(?:([13])/([24])|½)", t)
    if mixed:
        # "2 1/2", "5½": a whole number and a half or quarters.
        frac = int(mixed.group(2)) / int(mixed.group(3)) if mixed.group(2) else 0.5
        return int(mixed.group(1)) + frac
    total = 0.0
    for piece in re.split(r"[-\s]", t):
        if piece not in NUMBERS:
            return None
        total += NUMBERS[piece]
    return total


def day_number(text: str) -> int:
    """The day of the month written in digits ("3rd") or words ("twenty-first")."""
    digits = re.sub(r"\D", "", text)
    if digits:
        return int(digits)
    words = re.split(r"[-\s]+", text.lower().strip())
    return sum(DAY_ORDINALS.get(w, 0) or int(NUMBERS.get(w, 0)) for w in words)


def year_from_words(c: Candidate) -> int:
    """The year a "year_words" match names: "nineteen ninety-six" is 1996."""
    if c.parts.get("cw"):
        hundreds = int(parse_number(_g(c, "cw")) or 0)
        rest = _g(c, "hy") or _g(c, "yw")
    else:
        hundreds, rest = 20, _g(c, "ty")
    rest = re.sub(r"^oh[-\s]+", "", rest)
    return hundreds * 100 + int((parse_number(rest) if rest else 0) or 0)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """A TIMEX3 duration value such as P2W, PT4.5H or PXY (X for a vague amount)."""
    count = "X" if n is None else None
    factor, code, timepart = {
        "Y": (1, "Y", False),
        "M": (1, "M", False),
        "W": (1, "W", False),
        "D": (1, "D", False),
        "H": (1, "H", True),
        "MIN": (1, "M", True),
        "SEC": (1, "S", True),
        "DE": (10, "Y", False),
        "CE": (100, "Y", False),
        "Q": (1, "Q", False),
        "FN": (2, "W", False),
        "WE": (1, "WE", False),
    }[unit]
    if count is None and n is not None:
        count = _fmt(n * factor)
    elif unit == "DE":
        code = "DE"
    elif unit == "CE":
        code = "CE"
    return f"P{'T' if timepart else ''}{count}{code}"


def add_units(d: date, n: float, unit: str) -> date:
    """A date shifted by n units (whole months and years keep the day where they can)."""
    if unit in ("D",):
        return d + timedelta(days=round(n))
    if unit in ("W", "FN", "WE"):
        return d + timedelta(days=round(n * (14 if unit == "FN" else 7)))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    total = d.month - 1 + round(n * months)
    y, m = d.year + total // 12, total % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_workdays(d: date, n: float) -> date:
    """The day n working days (Monday to Friday) after a day, or before it for a negative n."""
    step = 1 if n >= 0 else -1
    left = abs(round(n))
    while left:
        d += timedelta(days=step)
        if d.isoweekday() <= 5:
            left -= 1
    return d


def period_interval(gran: str, d: date) -> tuple[date, date]:
    """The first and last day of the calendar period of one granularity holding a day."""
    if gran == "D":
        return d, d
    if gran == "W":
        s = d - timedelta(days=d.weekday())
        return s, s + timedelta(days=6)
    if gran == "WE":
        s = d - timedelta(days=d.weekday()) + timedelta(days=5)
        return s, s + timedelta(days=1)
    if gran == "M":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if gran == "Q":
        q0 = (d.month - 1) // 3 * 3 + 1
        e = date(d.year, q0 + 2, calendar.monthrange(d.year, q0 + 2)[1])
        return date(d.year, q0, 1), e
    if gran == "H":
        return (
            (date(d.year, 1, 1), date(d.year, 6, 30))
            if d.month <= 6
            else (date(d.year, 7, 1), date(d.year, 12, 31))
        )
    if gran == "DE":
        y = d.year // 10 * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    if gran == "CE":
        y = d.year // 100 * 100
        return date(y, 1, 1), date(y + 99, 12, 31)
    return date(d.year, 1, 1), date(d.year, 12, 31)


def period_value(gran: str, d: date) -> str:
    """The TIMEX3 value naming the calendar period of one granularity holding a day."""
    if gran == "D":
        return d.isoformat()
    if gran in ("W", "WE"):
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"{d.year}-{d.month:02d}"
    if gran == "Q":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if gran == "DE":
        return str(d.year // 10)
    if gran == "CE":
        return str(d.year // 100)
    return str(d.year)


def edge_interval(interval: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """The part of a period that START, MID or END picks: its first, middle or last third."""
    s, e = interval
    if mod not in ("START", "MID", "END") or s == e:
        return interval
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
        # A year splits into thirds of four months: "mid-2025" is May to August.
        first = {"START": 1, "MID": 5, "END": 9}[mod]
        start = date(s.year, first, 1)
        return start, add_units(start, 4, "M") - timedelta(days=1)
    if mod == "MID" and s.day == 1 and e == period_interval("M", s)[1]:
        # "mid-November" is the 15th give or take five days.
        return s.replace(day=MID_MONTH[0]), s.replace(day=MID_MONTH[1])
    days = (e - s).days + 1
    third = days // 3
    if mod == "START":
        return s, s + timedelta(days=third - 1)
    if mod == "MID":
        return s + timedelta(days=third), e - timedelta(days=third)
    return e - timedelta(days=third - 1), e


def _g_text(parts: dict[str, str | None], key: str) -> str:
    return (parts.get(key) or "").lower()


def _g(c: Candidate, key: str) -> str:
    return (c.parts.get(key) or "").lower()


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _year2(y: str, anchor: date | None = None) -> int:
    """A year written in two digits or four; with an anchor, a two-digit year is the one at
    most `TWO_DIGIT_YEAR_AHEAD` years after it ("3/18/40" written in 2016 is 1940)."""
    n = int(y)
    if len(y) != 2:
        return n
    if anchor is None:
        return n + (2000 if n <= TWO_DIGIT_YEAR_PIVOT else 1900)
    year = anchor.year // 100 * 100 + n
    if year > anchor.year + TWO_DIGIT_YEAR_AHEAD:
        year -= 100
    elif year <= anchor.year + TWO_DIGIT_YEAR_AHEAD - 100:
        year += 100
    return year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick_year(anchor: date, m: int, d: int, direction: int | None) -> date | None:
    """The year of a day-and-month date: the nearest, unless the clause's tense says otherwise."""
    best: date | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        cand = _safe_date(y, m, d)
        if cand is None:
            continue
        if best is None or abs((cand - anchor).days) < abs((best - anchor).days):
            best = cand
    if best is None:
        return None
    if direction == -1 and (best - anchor).days > TENSE_SLACK_DAYS:
        best = _safe_date(best.year - 1, m, d) or best
    elif direction == 1 and (anchor - best).days > TENSE_SLACK_DAYS:
        best = _safe_date(best.year + 1, m, d) or best
    return best


def _month_in_direction(anchor: date, m: int, direction: int | None, strict: bool = False) -> date:
    """The first day of the named month nearest the anchor in the clause's direction."""
    if direction == -1:
        y = (
            anchor.year
            if (m < anchor.month or (m == anchor.month and not strict))
            else anchor.year - 1
        )
        upcoming = _safe_date(anchor.year + (m < anchor.month), m, 1)
        if not strict and upcoming and 0 < (upcoming - anchor).days <= TENSE_SLACK_DAYS:
            # "announced a cut in supplies in September", said in August: a month about to
            # begin is the coming one, as for dates (TENSE_SLACK_DAYS).
            y = upcoming.year
    elif direction == 1:
        y = (
            anchor.year
            if (m > anchor.month or (m == anchor.month and not strict))
            else anchor.year + 1
        )
    else:
        diff = m - anchor.month
        y = anchor.year + (1 if diff < -6 else -1 if diff > 6 else 0)
    return date(y, m, 1)


def weekday_in_direction(
    anchor: date, wd: int, direction: int | None, strict: bool = False
) -> date:
    """The named weekday (1 = Monday) nearest the anchor in the clause's direction.

    The anchor's own weekday is the anchor day itself unless `strict` (as for "last Friday").
    """
    back = (anchor.isoweekday() - wd) % 7
    fwd = (wd - anchor.isoweekday()) % 7
    if strict:
        back, fwd = back or 7, fwd or 7
    if direction == -1:
        return anchor - timedelta(days=back)
    if direction == 1:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)


def _season_date(year: int, code: str) -> tuple[date, date]:
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    s = date(year, start_month, 1)
    e = add_units(s, 3, "M") - timedelta(days=1)
    return s, e


def season_in_direction(
    anchor: date, code: str, direction: int | None, strict: bool = False
) -> int:
    """The year of the named season nearest the anchor in the clause's direction.

    The season the anchor lies in counts in either direction, unless `strict` ("next spring").
    """
    spans = [(y, _season_date(y, code)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    for y, (s, e) in spans:
        if s <= anchor <= e and not strict:
            return y
    past = [(y, e) for y, (s, e) in spans if e < anchor]
    future = [(y, s) for y, (s, e) in spans if s > anchor]
    past = past or [(anchor.year - 2, _season_date(anchor.year - 2, code)[1])]
    future = future or [(anchor.year + 2, _season_date(anchor.year + 2, code)[0])]
    if direction == -1:
        return max(past, key=lambda p: p[1])[0]
    if direction == 1:
        return min(future, key=lambda p: p[1])[0]
    last = max(past, key=lambda p: p[1])
    nxt = min(future, key=lambda p: p[1])
    return last[0] if (anchor - last[1]) <= (nxt[1] - anchor) else nxt[0]


def _unit_gran(unit: str) -> str:
    return {"W": "W", "FN": "W", "WE": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "Y", "CE": "Y"}.get(
        unit, "D"
    )


def resolve(
    c: Candidate, anchor: date | None, direction: int | None = None, reference: date | None = None
) -> Resolution:
    """The TIMEX3 type, value, mod and interval of one candidate against an anchor date.

    `direction` is -1 (past), 1 (future) or None (unknown) for the clause holding the
    expression; `reference` is the last day named before it, for "two days later".
    """
    k = c.kind
    mod = c.mod
    if k == "range":
        return _resolve_range(c, anchor, direction, reference)
    if k == "part_of":
        return _resolve_part_of(c, anchor, direction, reference)
    if k == "week_of":
        day_res = resolve(c.members[0], anchor, direction, reference)
        if day_res.interval is None:
            return Resolution("DATE", None, mod, None, day_res.relative)
        # "the week of May 3", "the week beginning 5 May": the calendar week (Monday to
        # Sunday) holding the day, as the value names it; "(a) week starting tomorrow" is
        # the seven days from that day.
        day = day_res.interval[0]
        if _g(c, "how") == "of" or _g(c, "text").startswith("the"):
            week = period_interval("W", day)
        else:
            week = day, day + timedelta(days=6)
        return Resolution("DATE", period_value("W", day), mod, week, day_res.relative)
    if k == "offset":
        return _resolve_offset(c, anchor, direction, reference)
    if k == "week_shift":
        return _resolve_week_shift(c, anchor, direction, reference)
    if k == "span_from":
        amount, start_day = c.members
        rd = resolve(start_day, anchor, direction, reference)
        res = resolve(amount, anchor, direction, reference)
        n = parse_number(_g(amount, "n"))
        unit = UNITS[_g(amount, "unit")]
        if rd.interval is None or n is None:
            return Resolution("DURATION", res.value, res.mod, None, rd.relative)
        first = rd.interval[0]
        return Resolution(
            "DURATION", res.value, res.mod, (first, add_units(first, n, unit)), rd.relative
        )
    if k == "dayrange":
        return _resolve_dayrange(c, anchor, direction)
    if k == "holiday_weekend":
        return _resolve_holiday_weekend(c, anchor, direction, reference)
    if k in (
        "holiday",
        "wd_day",
        "week_num",
        "quarter_bare",
        "one_unit",
        "week_after",
        "day_only",
        "day_of_month",
    ):
        return _resolve_named(c, anchor, direction)
    if k in ("day_rel", "to_date", "week_day", "compound"):
        return _resolve_joined(c, anchor, direction, reference)
    if k in ("iso", "numeric", "dmy", "mdy"):
        m = _month_num(c.parts["mon"] or "") if c.parts.get("mon") else int(_g(c, "m"))
        d = day_number(_g(c, "d") or _g(c, "dw"))
        if k == "numeric":
            m, d = numeric_month_day(m, d) or (m, d)
        if c.parts.get("y"):
            year = _year2(_g(c, "y"), anchor)
            given = _safe_date(year, m, d)
            if given is None:
                # "30 February 2019" names no day: the value keeps what was written.
                return Resolution("DATE", f"{year:04d}-{m:02d}-{d:02d}", mod, None, False)
            return Resolution(
                "DATE", given.isoformat(), mod, edge_interval((given, given), mod), False
            )
        if anchor is None:
            return Resolution("DATE", f"XXXX-{m:02d}-{d:02d}", mod)
        side = DEICTICS.get(_g(c, "rel")) if c.parts.get("rel") else None
        if side is not None:
            # "next 6 April": the first such day after the anchor; "this 6 April": this year's.
            days = [x for y in range(-4, 5) if (x := _safe_date(anchor.year + y, m, d))]
            picked = (
                _safe_date(anchor.year, m, d)
                if side == 0
                else _occurrence(anchor, days, side, True)
            )
        else:
            picked = _pick_year(anchor, m, d, direction)
        if picked is None:
            return Resolution("DATE", f"XXXX-{m:02d}-{d:02d}", mod)
        return Resolution("DATE", picked.isoformat(), mod, (picked, picked))
    if k == "ym":
        # "2015-3", "12/2015": a month of a year in digits.
        first = date(int(_g(c, "y") or _g(c, "y2")), int(_g(c, "m") or _g(c, "m2")), 1)
        return Resolution(
            "DATE",
            period_value("M", first),
            mod,
            edge_interval(period_interval("M", first), mod),
            False,
        )
    if k in ("my", "mon_rel", "month"):
        m = _month_num(_g(c, "mon"))
        if c.parts.get("y"):
            first = date(int(_g(c, "y")), m, 1)
            return Resolution(
                "DATE",
                period_value("M", first),
                mod,
                edge_interval(period_interval("M", first), mod),
                False,
            )
        if anchor is None:
            return Resolution("DATE", f"XXXX-{m:02d}", mod)
        if c.parts.get("rel"):
            first = date(anchor.year + DEICTICS[_g(c, "rel")], m, 1)
        else:
            first = _month_in_direction(anchor, m, direction)
        return Resolution(
            "DATE", period_value("M", first), mod, edge_interval(period_interval("M", first), mod)
        )
    if k == "year_words":
        y = year_from_words(c)
        first = date(y, 1, 1)
        return Resolution(
            "DATE", str(y), mod, edge_interval(period_interval("Y", first), mod), False
        )
    if k == "century":
        first = date((int(_g(c, "c")) - 1) * 100 or 1, 1, 1)
        return Resolution(
            "DATE",
            f"{int(_g(c, 'c')) - 1:02d}",
            mod,
            edge_interval(period_interval("CE", first), mod),
            False,
        )
    if k == "year":
        y = _year2(_g(c, "yy")) if c.parts.get("yy") else int(_g(c, "y"))
        first = date(y, 1, 1)
        return Resolution(
            "DATE", str(y), mod, edge_interval(period_interval("Y", first), mod), False
        )
    if k == "decade":
        if c.parts.get("yy"):
            c.parts["y"] = str(_year2(_g(c, "yy")) // 10)
        first = date(int(_g(c, "y")) * 10, 1, 1)
        mod = mod or {"early": "START", "mid": "MID", "late": "END"}.get(_g(c, "edge"))
        return Resolution(
            "DATE", _g(c, "y"), mod, edge_interval(period_interval("DE", first), mod), False
        )
    if k == "season":
        code = SEASONS[_g(c, "s")]
        if anchor is None:
            return Resolution("DATE", f"XXXX-{code}", mod)
        year = season_in_direction(anchor, code, direction)
        return Resolution(
            "DATE", f"{year}-{code}", mod, edge_interval(_season_date(year, code), mod)
        )
    if k == "season_year":
        y = int(_g(c, "y"))
        code = SEASONS[_g(c, "s")]
        return Resolution(
            "DATE", f"{y}-{code}", mod, edge_interval(_season_date(y, code), mod), False
        )
    if k == "quarter_code":
        # "2017-Q1", "H2 2019": a quarter or half of a named year.
        y = int(_g(c, "y") or _g(c, "y2"))
        n = int(_g(c, "q") or _g(c, "q2"))
        if (_g(c, "qh") or _g(c, "qh2")) == "h":
            if n > 2:
                return Resolution("DATE", None, mod)
            first = date(y, 1 if n == 1 else 7, 1)
            return Resolution("DATE", f"{y}-H{n}", mod, period_interval("H", first), False)
        first = date(y, 3 * n - 2, 1)
        return Resolution("DATE", f"{y}-Q{n}", mod, period_interval("Q", first), False)
    if k == "quarter":
        q = ORDINALS.get(_g(c, "q"), 4)
        rel = _g(c, "rel")
        if c.parts.get("y") or c.parts.get("y0"):
            first = date(int(_g(c, "y") or _g(c, "y0")), 3 * q - 2, 1)
            return Resolution(
                "DATE",
                period_value("Q", first),
                mod,
                edge_interval(period_interval("Q", first), mod),
                False,
            )
        if anchor is None:
            return Resolution("DATE", f"XXXX-Q{q}", mod)
        y = anchor.year
        if c.parts.get("ry"):
            y += DEICTICS[_g(c, "ry")]
        elif rel in ("last", "previous", "past", "year-ago", "year-earlier"):
            y -= 1
        elif rel in ("next", "coming"):
            y += 1
        elif q > (anchor.month - 1) // 3 + 1 and direction == -1:
            y -= 1
        first = date(y, 3 * q - 2, 1)
        return Resolution(
            "DATE", period_value("Q", first), mod, edge_interval(period_interval("Q", first), mod)
        )
    if k == "half":
        h = 1 if _g(c, "h") == "first" else 2
        if c.parts.get("y"):
            y = int(_g(c, "y"))
        elif anchor is None:
            return Resolution("DATE", f"XXXX-H{h}", mod)
        else:
            y = anchor.year + DEICTICS[_g(c, "rel")]
        first = date(y, 1 if h == 1 else 7, 1)
        return Resolution(
            "DATE", f"{y}-H{h}", mod, period_interval("H", first), not c.parts.get("y")
        )
    if k in ("relday", "thispart"):
        shift = RELATIVE_DAYS.get(_g(c, "rd"), 0)
        if k == "thispart" and re.match(r"last\s+night", _g(c, "text")):
            shift = -1  # "last night" is the night before the anchor day
        part = _g(c, "part") or ("night" if _g(c, "rd") == "tonight" else "")
        typ = "TIME" if part else "DATE"
        if anchor is None:
            return Resolution(typ, None, mod)
        day = anchor + timedelta(days=shift)
        value = day.isoformat() + (f"T{DAY_PARTS[part]}" if part else "")
        return Resolution(typ, value, mod, (day, day))
    if k == "weekday":
        wd = WEEKDAYS[_g(c, "wd")]
        part = _g(c, "part")
        typ = "TIME" if part else "DATE"
        if anchor is None:
            return Resolution(typ, f"XXXX-WXX-{wd}", mod)
        day = weekday_in_direction(anchor, wd, direction)
        value = day.isoformat() + (f"T{DAY_PARTS[part]}" if part else "")
        return Resolution(typ, value, mod, (day, day))
    if k == "the_part":
        # "in the morning": that part of the day named last (or of the anchor day).
        part = _g(c, "part")
        named_day = reference or anchor
        mod = mod or ("MID" if c.parts.get("mid") else None)
        if named_day is None:
            return Resolution("TIME", f"XXXX-XX-XXT{DAY_PARTS[part]}", mod)
        value = f"{named_day.isoformat()}T{DAY_PARTS[part]}"
        return Resolution("TIME", value, mod, (named_day, named_day))
    if k == "decade_word":
        # "the nineties": the last such decade that has begun by the anchor.
        tens = DECADE_WORDS[_g(c, "dw")]
        year = (anchor or date(2000, 1, 1)).year
        start = year // 100 * 100 + tens * 10
        if start > year:
            start -= 100
        mod = mod or {"early": "START", "mid": "MID", "late": "END"}.get(_g(c, "edge"))
        first = date(start, 1, 1)
        return Resolution(
            "DATE", str(start // 10), mod, edge_interval(period_interval("DE", first), mod)
        )
    if k == "year_end":
        # "by year's end", "around year end": the end of the anchor's year.
        mod = "APPROX" if c.parts.get("around") else "END"
        if anchor is None:
            return Resolution("DATE", "XXXX", mod)
        first = date(anchor.year, 1, 1)
        return Resolution(
            "DATE", str(anchor.year), mod, edge_interval(period_interval("Y", first), "END")
        )
    if k == "weekday_set":
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS[_g(c, 'wd')]}", mod, None, False)
    if k == "anaphor":
        return _resolve_anaphor(c, anchor, reference, mod)
    if k == "year_back":
        return _resolve_year_back(c, anchor, reference, mod)
    if k in ("deictic", "edge_of", "in_the_year"):
        return _resolve_deictic(c, anchor, direction, mod)
    if k == "time":
        return _resolve_time(c, anchor, direction)
    if k == "time_on":
        # "5 p.m. EST, Nov. 9": the clock time on the day that follows it.
        clock, day_c = c.members
        rd = resolve(day_c, anchor, direction, reference)
        rt = _resolve_time(clock, anchor, direction)
        if rd.interval is None or rt.value is None or "T" not in rt.value:
            return Resolution("TIME", None, c.mod, None, rd.relative)
        day = rd.interval[0]
        value = day.isoformat() + rt.value[rt.value.index("T") :]
        return Resolution("TIME", value, c.mod, (day, day), rd.relative)
    if k == "compound_ago":
        return _resolve_compound_ago(c, anchor, reference)
    if k == "ago":
        count = parse_number(_g(c, "n"))
        unit = UNITS[_g(c, "unit")]
        mod = mod or QUANTITY_MODS.get(_g(c, "qmod"))
        if "or so" in (c.parts.get("text") or "").lower():
            mod = "APPROX"
        off = _g(c, "off")
        sign = OFFSETS[re.sub(r"\s+", " ", off)]
        base = anchor if off in ("ago",) or reference is None else reference
        if base is None:
            return Resolution("DATE", None, mod)
        if count is None:
            ref = {"Y": "X", "DE": "X", "CE": "X"}.get(unit)
            return Resolution(
                "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, None, ref is None
            )
        # "two weeks ago" counts back to a day, as "ten days ago" does; "two months ago"
        # names a month.
        gran = "D" if unit in ("W", "FN") else _unit_gran(unit)
        day = add_units(base, sign * count, unit)
        return Resolution("DATE", period_value(gran, day), mod, period_interval(gran, day))
    if k == "set_every":
        what = _g(c, "what")
        n_text = _g(c, "n")
        every = 2.0 if n_text == "other" else (parse_number(n_text) if n_text else 1.0)
        if what in UNITS:
            return Resolution("SET", duration_value(every, UNITS[what]), mod, None, False)
        if what in WEEKDAYS:
            return Resolution("SET", f"XXXX-WXX-{WEEKDAYS[what]}", mod, None, False)
        if what.rstrip(".") in MONTHS:
            return Resolution("SET", f"XXXX-{_month_num(what):02d}", mod, None, False)
        return Resolution("SET", f"XXXX-{SEASONS.get(what, 'XX')}", mod, None, False)
    if k == "set_times":
        return Resolution("SET", duration_value(1, UNITS[_g(c, "unit")]), mod, None, False)
    if k == "set_rate":
        return Resolution("SET", duration_value(1, UNITS[_g(c, "unit")]), mod, None, False)
    if k == "set_word":
        return Resolution("SET", SET_WORDS[_g(c, "w")], mod, None, False)
    if k == "vague":
        value = VAGUE[re.sub(r"\s+", " ", _g(c, "w"))]
        interval = (anchor, anchor) if anchor is not None and value == "PRESENT_REF" else None
        return Resolution(
            "DURATION" if re.match(r"P[\dX]", value) else "DATE", value, mod, interval, False
        )
    if k == "bare_unit":
        return Resolution("DURATION", duration_value(None, UNITS[_g(c, "unit")]), mod, None, False)
    if k == "unit_code":
        return Resolution("DURATION", f"P{_g(c, 'n')}{_g(c, 'code').upper()}", mod, None, False)
    if k == "unit_long":
        # "a day-long meeting" lasts one day; "decades-long" an unknown number of decades.
        word = _g(c, "unit")
        how_many = None if _PLURAL_UNIT.fullmatch(word) else 1.0
        return Resolution("DURATION", duration_value(how_many, UNITS[word]), mod, None, False)
    if k in ("span_past", "duration"):
        return _resolve_duration(c, anchor, mod)
    return Resolution("DATE", None, mod)


def _granularity(value: str | None) -> str:
    """Y, M or D: how fine a resolved calendar value is."""
    if value and re.fullmatch(r"\d{4}", value):
        return "Y"
    if value and re.fullmatch(r"\d{4}-\d{2}", value):
        return "M"
    return "D"


def span_value(start: date, end: date, gran: str) -> str:
    """The TIMEX3 duration between two period starts, counted in years, months or days."""
    if gran == "Y":
        return f"P{end.year - start.year}Y"
    if gran == "M":
        return f"P{(end.year - start.year) * 12 + end.month - start.month}M"
    return f"P{(end - start).days}D"


def easter(year: int) -> date:
    """Western Easter Sunday of a year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def hijri_day(year: int, month: int, day: int) -> date | None:
    """The first Gregorian day in a year that is a given day of the tabular Islamic calendar."""
    approx = (year - 622) * 33 // 32
    days = []
    for hy in (approx - 1, approx, approx + 1, approx + 2):
        n = day + math.ceil(29.5 * (month - 1)) + (hy - 1) * 354 + (3 + 11 * hy) // 30
        d = date.fromordinal(n + HIJRI_EPOCH_ORDINAL - 1)
        if d.year == year:
            days.append(d)
    return min(days) if days else None


def holiday_date(spec: str, year: int) -> date | None:
    """The day a named-day rule from time_words.tsv gives in one year."""
    m = re.fullmatch(r"hijri:(\d\d)-(\d\d)(?:;([\d,-]+))?", spec)
    if m:
        # A feast of the Islamic calendar: the day observed where listed, else the day of
        # the arithmetical calendar (which may differ from the sighted moon by a day).
        listed = [d for d in (m.group(3) or "").split(",") if d.startswith(f"{year}-")]
        if listed:
            return date.fromisoformat(listed[0])
        return hijri_day(year, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"easter([+-]\d+)", spec)
    if m:
        return easter(year) + timedelta(days=int(m.group(1)))
    m = re.fullmatch(r"(\d\d)-(\d\d)", spec)
    if m:
        return _safe_date(year, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d\d)-([1-7])-([1-5L])(?:\+(\d+))?", spec)
    if m is None:
        return None
    month, wd = int(m.group(1)), int(m.group(2))
    if m.group(3) == "L":
        last = date(year, month, calendar.monthrange(year, month)[1])
        day = last - timedelta(days=(last.isoweekday() - wd) % 7)
    else:
        first = date(year, month, 1)
        day = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (int(m.group(3)) - 1))
    return day + timedelta(days=int(m.group(4) or 0))


def _occurrence(
    anchor: date, days: list[date], direction: int | None, strict: bool = False
) -> date | None:
    """The day of a yearly or monthly series nearest the anchor in a direction.

    `strict` ("last Easter", "next Christmas") excludes the anchor day itself.
    """
    if direction == -1:
        past = [d for d in days if d < anchor or (d == anchor and not strict)]
        return max(past) if past else None
    if direction == 1:
        future = [d for d in days if d > anchor or (d == anchor and not strict)]
        return min(future) if future else None
    return min(days, key=lambda d: abs((d - anchor).days)) if days else None


def _month_of(anchor: date, shift: int) -> tuple[int, int]:
    """The year and month `shift` months from the anchor's."""
    first = add_units(anchor.replace(day=1), shift, "M")
    return first.year, first.month


def _resolve_named(c: Candidate, anchor: date | None, direction: int | None) -> Resolution:
    """Named days, a weekday with its day of the month, ISO week numbers, bare quarters."""
    k, mod = c.kind, c.mod
    if k == "one_unit":
        unit = UNITS[_g(c, "unit")]
        return Resolution("DURATION", duration_value(1, unit), mod, None, False)
    if k == "holiday":
        spec = HOLIDAYS[re.sub(r"\s+", " ", _g(c, "h").replace("’", "'"))]
        if c.parts.get("y"):
            day = holiday_date(spec, int(_g(c, "y")))
            relative = False
        elif anchor is None:
            return Resolution("DATE", None, mod)
        else:
            days = [
                d for y in range(anchor.year - 2, anchor.year + 3) if (d := holiday_date(spec, y))
            ]
            rel = DEICTICS.get(_g(c, "rel"))
            if rel == 0:
                day = next((d for d in days if d.year == anchor.year), None)
            elif rel:
                day = _occurrence(anchor, days, rel, strict=True)
            else:
                day = _pick_day(anchor, days, direction)
            relative = True
        if day is None:
            return Resolution("DATE", None, mod)
        return Resolution("DATE", day.isoformat(), mod, (day, day), relative)
    if k == "day_of_month":
        # "the 21st of next month": that day of the month the word counts from the anchor's.
        n = day_number(_g(c, "d") or _g(c, "dw"))
        if anchor is None:
            return Resolution("DATE", f"XXXX-XX-{n:02d}", mod)
        day = _safe_date(*_month_of(anchor, DEICTICS[_g(c, "rel")]), n)
        if day is None:
            return Resolution("DATE", None, mod)
        return Resolution("DATE", day.isoformat(), mod, (day, day))
    if k == "day_only":
        # "on the 18th": that day of the month nearest the anchor in the clause's direction.
        n = day_number(_g(c, "d"))
        if anchor is None:
            return Resolution("DATE", f"XXXX-XX-{n:02d}", mod)
        days = [
            d for shift in (-1, 0, 1) if (d := _safe_date(*_month_of(anchor, shift), n)) is not None
        ]
        day = _occurrence(anchor, days, direction)
        if day is None:
            return Resolution("DATE", f"XXXX-XX-{n:02d}", mod)
        return Resolution("DATE", day.isoformat(), mod, (day, day))
    if k == "wd_day":
        word = _g(c, "wd").rstrip(".")
        wd = WEEKDAYS.get(word) or WEEKDAY_ABBRS[word]
        n = day_number(_g(c, "d"))
        if anchor is None:
            return Resolution("DATE", f"XXXX-WXX-{wd}", mod)
        days = []
        for shift in range(-WD_DAY_MONTHS, WD_DAY_MONTHS + 1):
            first = add_units(anchor.replace(day=1), shift, "M")
            d = _safe_date(first.year, first.month, n)
            if d is not None and d.isoweekday() == wd:
                days.append(d)
        day = _occurrence(anchor, days, direction)
        if day is None:
            return Resolution("DATE", f"XXXX-WXX-{wd}", mod)
        return Resolution("DATE", day.isoformat(), mod, (day, day))
    if k == "week_num":
        year = int(_g(c, "y")) if c.parts.get("y") else (anchor.year if anchor else None)
        if c.parts.get("ry") and year is not None:
            # "week 27 of last year".
            year += DEICTICS[_g(c, "ry")]
        wn = int(_g(c, "wn"))
        if year is None:
            return Resolution("DATE", f"XXXX-W{wn:02d}", mod)
        try:
            monday = date.fromisocalendar(year, wn, 1)
        except ValueError:
            return Resolution("DATE", None, mod)
        return Resolution(
            "DATE",
            f"{year}-W{wn:02d}",
            mod,
            (monday, monday + timedelta(days=6)),
            not c.parts.get("y"),
        )
    if k == "quarter_bare":
        q = int(_g(c, "q"))
        if anchor is None:
            return Resolution("DATE", f"XXXX-Q{q}", mod)
        y = anchor.year
        if q > (anchor.month - 1) // 3 + 1 and direction == -1:
            y -= 1
        first = date(y, 3 * q - 2, 1)
        return Resolution("DATE", f"{y}-Q{q}", mod, period_interval("Q", first))
    # "the week after next": two periods on.
    what = _g(c, "what")
    gran = {"week": "W", "month": "M", "year": "Y"}[what]
    if anchor is None:
        return Resolution("DATE", None, mod)
    day = add_units(anchor, 2, gran)
    return Resolution("DATE", period_value(gran, day), mod, period_interval(gran, day))


def _pick_day(anchor: date, days: list[date], direction: int | None) -> date | None:
    """Of a yearly day's occurrences, the nearest, unless the clause's tense says otherwise."""
    best = _occurrence(anchor, days, None)
    if best is None:
        return None
    if direction == -1 and (best - anchor).days > TENSE_SLACK_DAYS:
        return _occurrence(anchor, days, -1)
    if direction == 1 and (anchor - best).days > TENSE_SLACK_DAYS:
        return _occurrence(anchor, days, 1)
    return best


def _resolve_joined(
    c: Candidate, anchor: date | None, direction: int | None, reference: date | None
) -> Resolution:
    """ "the day before", "year-to-date", "Tuesday of next week", "one hour and 30 minutes"."""
    k, mod = c.kind, c.mod
    if k == "compound":
        return _resolve_compound(c)
    if k == "week_day":
        week, wd = c.members
        rw = resolve(week, anchor, direction, reference)
        if rw.interval is None:
            return Resolution("DATE", None, mod, None, rw.relative)
        day = rw.interval[0] + timedelta(days=WEEKDAYS[_g(wd, "wd")] - 1)
        return Resolution("DATE", day.isoformat(), mod, (day, day), rw.relative)
    if anchor is None:
        return Resolution("DATE", None, mod)
    if k == "to_date":
        return Resolution("DATE", str(anchor.year), mod, (date(anchor.year, 1, 1), anchor))
    what = _g(c, "what")
    gran = {"day": "D", "week": "W", "month": "M", "year": "Y"}[what]
    base = reference or anchor
    day = add_units(base, -1 if _g(c, "dir") == "before" else 1, gran)
    return Resolution("DATE", period_value(gran, day), mod, period_interval(gran, day))


def _duration_piece(c: Candidate) -> tuple[float, str] | None:
    n = parse_number(_g(c, "n"))
    unit = UNITS.get(_g(c, "unit"))
    if n is None or unit is None:
        return None
    return n + _fraction(c), unit


def _fraction(c: Candidate) -> float:
    """What "and a half" adds, after the unit ("an hour and a half") or before it ("one and a
    half hours")."""
    words = (_g(c, "frac") or _g(c, "pre")).split()
    return FRACTIONS.get(words[-1], 0.0) if words else 0.0


def _resolve_compound(c: Candidate) -> Resolution:
    """ "one hour and 30 minutes", "2 years 1 month": a duration of several units (P1Y1M)."""
    pieces = [_duration_piece(m) for m in c.members]
    if any(p is None for p in pieces):
        return Resolution("DURATION", None, c.mod, None, False)
    date_part = time_part = ""
    for piece in pieces:
        assert piece is not None
        n, unit = piece
        code = duration_value(n, unit)[1:]
        if code.startswith("T"):
            time_part += code[1:]
        else:
            date_part += code
    mod = c.mod or QUANTITY_MODS.get(re.sub(r"\s+", " ", _g(c.members[0], "qmod")))
    value = "P" + date_part + ("T" + time_part if time_part else "")
    return Resolution("DURATION", value, mod, None, False)


def _resolve_holiday_weekend(
    c: Candidate, anchor: date | None, direction: int | None, reference: date | None
) -> Resolution:
    """ "Labor Day weekend", "the weekend of Thanksgiving": the weekend nearest the named day,
    stretched to take the day in (Saturday to Monday, Thursday to Sunday)."""
    day_res = resolve(c.members[0], anchor, direction, reference)
    if day_res.interval is None:
        return Resolution("DATE", None, c.mod, None, day_res.relative)
    day = day_res.interval[0]
    before = day - timedelta(days=(day.isoweekday() - 6) % 7)  # the Saturday on or before
    after = day + timedelta(days=(6 - day.isoweekday()) % 7)  # the Saturday on or after
    saturday = before if (day - before) <= (after - day) - timedelta(days=1) else after
    first, last = min(day, saturday), max(day, saturday + timedelta(days=1))
    return Resolution("DATE", period_value("WE", saturday), c.mod, (first, last), day_res.relative)


def _resolve_compound_ago(c: Candidate, anchor: date | None, reference: date | None) -> Resolution:
    """ "2 weeks and 2 days ago", "a year and a month later": the day that whole amount away."""
    pieces = [_duration_piece(m) for m in c.members]
    last = c.members[-1]
    off = re.sub(r"\s+", " ", _g(last, "off"))
    base = anchor if off == "ago" or reference is None else reference
    if base is None or any(p is None for p in pieces):
        return Resolution("DATE", None, c.mod)
    day = base
    for piece in pieces:
        assert piece is not None
        day = add_units(day, OFFSETS[off] * piece[0], piece[1])
    unit = pieces[-1][1] if pieces[-1] else "D"
    gran = "D" if unit in ("W", "FN") else _unit_gran(unit)
    return Resolution("DATE", period_value(gran, day), c.mod, period_interval(gran, day))


def _resolve_dayrange(c: Candidate, anchor: date | None, direction: int | None) -> Resolution:
    """A range of days in one month ("3-5 March"): the span and its calendar interval.

    A first day after the last runs over the month's turn: "April 27 to 3" ends on 3 May,
    "the 27th to the 3rd of April" starts on 27 March.
    """
    d1 = day_number(_g(c, "d1"))
    parts = dict(c.parts)
    month_first = _MONTH_FIRST.match(_g(c, "text")) is not None
    if month_first and d1 > day_number(_g(c, "d")):
        # The month named is the first day's: the last day lies in the next month.
        first_c = Candidate(c.start, c.end, "dmy", dict(parts, d=_g(c, "d1")))
        start = resolve(first_c, anchor, direction)
        if start.interval is None:
            return Resolution("DURATION", None, c.mod, None, start.relative)
        first = start.interval[0]
        nxt = add_units(first.replace(day=1), 1, "M")
        last_day = _safe_date(nxt.year, nxt.month, day_number(_g(c, "d")))
        if last_day is None:
            return Resolution("DURATION", None, c.mod, None, start.relative)
        value = span_value(first, last_day, "D")
        return Resolution("DURATION", value, c.mod, (first, last_day), start.relative)
    end = resolve(Candidate(c.start, c.end, "dmy", parts), anchor, direction)
    if end.interval is None:
        return Resolution("DURATION", None, c.mod, None, end.relative)
    last = end.interval[1]
    first_day = _safe_date(last.year, last.month, d1)
    if first_day is not None and first_day > last:
        prev = add_units(last.replace(day=1), -1, "M")
        first_day = _safe_date(prev.year, prev.month, d1)
    if first_day is None:
        return Resolution("DURATION", None, c.mod, None, end.relative)
    value = span_value(first_day, last, "D")
    return Resolution("DURATION", value, c.mod, (first_day, last), end.relative)


_MONTH_FIRST = re.compile(rf"{_MON}\b", _F)


def _resolve_part_of(
    c: Candidate, anchor: date | None, direction: int | None, reference: date | None
) -> Resolution:
    """The first, last or n-th units of a period: "the last week of June", "the first two
    weeks of 2021", "the third month of next year". Weeks run Monday to Sunday, the first
    being the one holding the period's fourth day (as ISO week 1 holds 4 January)."""
    period = resolve(c.members[0], anchor, direction, reference)
    unit_word = _g(c, "unit")
    unit = UNITS.get(unit_word) or UNITS.get(unit_word.rstrip("s"), "D")
    n_text = _g(c, "n")
    n = parse_number(n_text) if n_text else 1.0
    if period.interval is None or n is None:
        return Resolution("DATE", None, c.mod, None, period.relative)
    ps, pe = period.interval
    pos = _g(c, "pos")
    k = 1 if pos in _SPAN_REL else day_number(pos)
    if unit == "W":
        ps = period_interval("W", ps + timedelta(days=3))[0]
        pe = period_interval("W", pe - timedelta(days=3))[1]
    if pos in ("last", "final"):
        end = pe
        start = add_units(pe + timedelta(days=1), -n, unit)
    else:
        start = add_units(ps, k - 1, unit)
        end = add_units(start, n, unit) - timedelta(days=1)
    gran = {"W": "W", "M": "M", "Q": "Q"}.get(unit, "D")
    if n == 1:
        return Resolution("DATE", period_value(gran, start), c.mod, (start, end), period.relative)
    if unit == "Q" and n == 2 and (start.month, end.month) in ((1, 6), (7, 12)):
        # "the first two quarters of 1990" is its first half.
        return Resolution("DATE", period_value("H", start), c.mod, (start, end), period.relative)
    return Resolution("DURATION", duration_value(n, unit), c.mod, (start, end), period.relative)


def _resolve_offset(
    c: Candidate, anchor: date | None, direction: int | None, reference: date | None
) -> Resolution:
    """A day that many units after or before another: "three weeks from tomorrow"."""
    amount, base = c.members
    rb = resolve(base, anchor, direction, reference)
    n = parse_number(amount.parts.get("n") or "")
    unit = UNITS[_g(amount, "unit")]
    if rb.interval is None or n is None:
        return Resolution("DATE", None, c.mod, None, rb.relative)
    day = add_units(rb.interval[0], int(_g(c, "sign")) * n, unit)
    if unit in ("H", "MIN", "SEC"):
        return Resolution("DATE", None, c.mod, None, rb.relative)
    return Resolution("DATE", day.isoformat(), c.mod, (day, day), rb.relative)


def _shifted_day(c: Candidate, anchor: date | None, reference: date | None) -> date | None:
    """The day an amount counted from a day names ("two years from now"), at day precision."""
    if c.kind == "offset":
        res = _resolve_offset(c, anchor, None, reference)
        return res.interval[0] if res.interval else None
    n = parse_number(_g(c, "n"))
    off = re.sub(r"\s+", " ", _g(c, "off"))
    base = anchor if off == "ago" or reference is None else reference
    if base is None or n is None:
        return None
    return add_units(base, OFFSETS[off] * n, UNITS[_g(c, "unit")])


def _resolve_week_shift(
    c: Candidate, anchor: date | None, direction: int | None, reference: date | None
) -> Resolution:
    """ "Monday two weeks from now": the weekday in the (Monday to Sunday) week of the day
    the amount names."""
    wd, shifted = c.members
    day = _shifted_day(shifted, anchor, reference)
    if day is None:
        return Resolution("DATE", None, c.mod)
    day = period_interval("W", day)[0] + timedelta(days=WEEKDAYS[_g(wd, "wd")] - 1)
    return Resolution("DATE", day.isoformat(), c.mod, (day, day))


def _resolve_range(
    c: Candidate, anchor: date | None, direction: int | None, reference: date | None
) -> Resolution:
    """A range between two dates ("from May to July 2024"), both ends included.

    An end without a year takes it from the other end: the start lies before the end.
    """
    a, b = c.members
    ra = resolve(a, anchor, direction, reference)
    rb = resolve(b, anchor, direction, reference)
    relative = ra.relative or rb.relative
    if ra.interval is None or rb.interval is None:
        return Resolution("DURATION", None, c.mod, None, relative)
    (a_start, a_end), (b_start, _) = ra.interval, rb.interval
    # An end without its own year or week ("May", "Friday") takes them from the other end;
    # one counted from the anchor ("today", "next Friday") keeps its day.
    if ra.relative and not rb.relative and a.needs_direction and a.kind != "deictic":
        ra = resolve(a, b_start, -1, reference)
        if ra.interval is not None and ra.interval[0] > b_start:
            # The other end bounds it: no slack for a month or day just ahead.
            ra = resolve(a, b_start - timedelta(days=TENSE_SLACK_DAYS + 1), -1, reference)
    elif b.needs_direction and (
        (rb.relative and not ra.relative) or (a_start > b_start and not a.needs_direction)
    ):
        rb = resolve(b, a_end, 1, reference)
    elif a_start > b_start and a.needs_direction:
        ra = resolve(a, b_start, -1, reference)
    ia, ib = ra.interval, rb.interval
    if ia is None or ib is None or ia[0] > ib[1]:
        return Resolution("DURATION", None, c.mod, None, relative)
    ga, gb = _granularity(ra.value), _granularity(rb.value)
    value = span_value(ia[0], ib[0], ga if ga == gb else "D")
    first = _boundary_day(a, ra, at_start=True) or ia[0]
    last = _boundary_day(b, rb, at_start=False) or ib[1]
    if first > last:
        first, last = ia[0], ib[1]
    return Resolution("DURATION", value, c.mod, (first, last), relative)


#: Edge words that name a point of a period, not a part of it: "the end of 2007".
BOUNDARY_EDGES = frozenset({"beginning", "start", "middle", "end", "close"})


def boundary_mod(c: Candidate) -> str | None:
    """START, MID or END when a range end names a period's boundary ("from the end of March"),
    where "late March" names a part of the month."""
    if c.kind == "edge_of":
        return EDGES.get(f"the {_g(c, 'edge')} of")
    words = _g(c, "edge_word").split()
    if len(words) == 3 and words[0] == "the" and words[1] in BOUNDARY_EDGES:
        return c.mod
    return None


def _value_period(value: str | None) -> tuple[date, date] | None:
    """The calendar year, quarter, month or week a TIMEX3 value names."""
    m = re.fullmatch(r"(\d{4})(?:-(?:(\d{2})|Q([1-4])|W(\d{2})))?", value or "")
    if m is None:
        return None
    y = int(m.group(1))
    if m.group(2):
        return period_interval("M", date(y, int(m.group(2)), 1))
    if m.group(3):
        return period_interval("Q", date(y, 3 * int(m.group(3)) - 2, 1))
    if m.group(4):
        try:
            return period_interval("W", date.fromisocalendar(y, int(m.group(4)), 1))
        except ValueError:
            return None
    return period_interval("Y", date(y, 1, 1))


def _boundary_day(member: Candidate, res: Resolution, at_start: bool) -> date | None:
    """The first (or last) whole day of a range from (or to) a period's boundary.

    "from the end of 2007" starts when 2007 is over, on 1 January 2008; "to the start of 2008"
    ends on 31 December 2007; the middle of a period is its midpoint.
    """
    mod = boundary_mod(member)
    period = _value_period(res.value) if mod else None
    if period is None:
        return None
    s, e = period
    if mod == "START":
        return s if at_start else s - timedelta(days=1)
    if mod == "END":
        return e + timedelta(days=1) if at_start else e
    days = (e - s).days + 1
    mid = s + timedelta(days=days // 2)
    return mid if at_start or days % 2 else mid - timedelta(days=1)


def _resolve_deictic(
    c: Candidate, anchor: date | None, direction: int | None, mod: str | None
) -> Resolution:
    what = _g(c, "what")
    rel = DEICTICS.get(_g(c, "rel"), 0)
    edge = _g(c, "edge")
    if edge:
        mod = mod or EDGES.get(edge) or EDGES.get(f"the {edge} of")
    if anchor is None:
        return Resolution("DATE", None, mod)
    if what.rstrip(".") in MONTHS:
        m = _month_num(what)
        first = (
            date(anchor.year, m, 1)
            if rel == 0
            else _month_in_direction(anchor, m, rel, strict=True)
        )
        return Resolution(
            "DATE", period_value("M", first), mod, edge_interval(period_interval("M", first), mod)
        )
    if what in WEEKDAYS:
        day = weekday_in_direction(anchor, WEEKDAYS[what], rel or direction, strict=rel != 0)
        return Resolution("DATE", day.isoformat(), mod, (day, day))
    if what in SEASONS:
        code = SEASONS[what]
        # "last summer" said in October is this year's; "this winter" in January began in
        # December.
        year = season_in_direction(anchor, code, rel or None, strict=rel != 0)
        if rel == 0 and not _season_date(year, code)[0] <= anchor <= _season_date(year, code)[1]:
            year = anchor.year
        return Resolution(
            "DATE", f"{year}-{code}", mod, edge_interval(_season_date(year, code), mod)
        )
    if edge in ("earlier", "later") and rel == 0 and what in ("week", "month", "quarter", "year"):
        # "earlier this year": from the start of the year to the anchor; "later": the rest.
        gran = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}[what]
        s, e = period_interval(gran, anchor)
        interval = (s, anchor) if edge == "earlier" else (anchor, e)
        return Resolution("DATE", period_value(gran, anchor), mod, interval)
    if what.startswith("work"):
        # "next working week": Monday to Friday of that calendar week.
        monday = period_interval("W", add_units(anchor, rel, "W"))[0]
        interval = (monday, monday + timedelta(days=4))
        return Resolution("DATE", period_value("W", monday), mod, interval)
    gran = {
        "week": "W",
        "weekend": "WE",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
    }[what]
    unit = {"W": "W", "WE": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE"}[gran]
    day = add_units(anchor, rel, unit)
    return Resolution(
        "DATE", period_value(gran, day), mod, edge_interval(period_interval(gran, day), mod)
    )


def _resolve_anaphor(
    c: Candidate, anchor: date | None, reference: date | None, mod: str | None
) -> Resolution:
    """ "the day", "that week", "the year-ago quarter": the period of the day last named.

    A quarter with nothing named before is the last one completed (the one results are
    reported for); "the year ended June 30" is a fiscal year, a span.
    """
    what = _g(c, "what")
    if what == "year" and c.parts.get("ending"):
        return Resolution("DURATION", "P1Y", mod, None, False)
    base = reference or anchor
    if base is None or anchor is None:
        return Resolution("DATE", None, mod)
    back = 1 if c.parts.get("ago") else 0
    if what in ("quarter", "period"):
        day = add_units(anchor, -1, "Q")
        day = add_units(day, -back, "Y")
        return Resolution("DATE", period_value("Q", day), mod, period_interval("Q", day))
    gran = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "year": "Y"}[what]
    day = add_units(base, -back, "Y")
    return Resolution("DATE", period_value(gran, day), mod, period_interval(gran, day))


def _resolve_year_back(
    c: Candidate, anchor: date | None, reference: date | None, mod: str | None
) -> Resolution:
    """ "the same month a year ago", "the corresponding period last year": the period named
    before (the `reference` day; without one the current month or last completed quarter),
    one year earlier. "period" keeps the granularity `reference_gran` passed in the parts."""
    what = _g(c, "what")
    if anchor is None:
        return Resolution("DATE", None, mod)
    gran = {"day": "D", "week": "W", "month": "M", "quarter": "Q"}.get(what)
    if gran is None:
        gran = _g(c, "gran").upper() or "Q"
    if reference is not None:
        base = reference
    elif gran == "Q":
        base = add_units(anchor, -1, "Q")
    else:
        base = anchor
    day = add_units(base, -1, "Y")
    return Resolution("DATE", period_value(gran, day), mod, period_interval(gran, day))


def _resolve_time(c: Candidate, anchor: date | None, direction: int | None) -> Resolution:
    if c.parts.get("noon"):
        hh, mm = (24, 0) if _g(c, "noon") == "midnight" else (12, 0)
    elif c.parts.get("h24"):
        hh, mm = int(_g(c, "h24")), int(_g(c, "mi24"))
    else:
        hh, mm = int(_g(c, "h")) % 12, int(_g(c, "mi") or 0)
        if _g(c, "ap").startswith("p"):
            hh += 12
    zone = re.sub(r"\s+", "", _g(c, "tz_text"))
    offset = re.search(r"[+-]\d{1,2}$", zone)
    utc = zone.startswith(("gmt", "utc"))
    if utc and offset:
        hh = (hh - int(offset.group(0))) % 24
    clock = f"T{hh:02d}:{mm:02d}" + ("Z" if utc else "")
    day: date | None = anchor
    wd = _g(c, "wd")
    if anchor is not None and wd in WEEKDAYS:
        day = weekday_in_direction(anchor, WEEKDAYS[wd], direction)
    elif anchor is not None and wd in RELATIVE_DAYS:
        day = anchor + timedelta(days=RELATIVE_DAYS[wd])
    if day is None:
        return Resolution("TIME", "XXXX-XX-XX" + clock, c.mod)
    return Resolution("TIME", day.isoformat() + clock, c.mod, (day, day))


def _resolve_duration(c: Candidate, anchor: date | None, mod: str | None) -> Resolution:
    unit = UNITS[_g(c, "unit")]
    n_text = _g(c, "n")
    n = parse_number(n_text) if n_text else (None if c.kind == "duration" else 1.0)
    rel = _g(c, "rel")
    if n is not None:
        # "a minute and a half", "two and a quarter hours".
        n += _fraction(c)
    mod = mod or QUANTITY_MODS.get(re.sub(r"\s+", " ", _g(c, "qmod")))
    if c.parts.get("n2"):
        mod = mod or "APPROX"
    if "or so" in (c.parts.get("text") or "").lower():
        mod = "APPROX"
    value = duration_value(n, unit)
    if n_text == "" and _g(c, "unit").endswith("s"):
        # "recent years", "the coming months": an unknown number of units.
        return Resolution("DURATION", duration_value(None, unit), mod, None, False)
    if rel in ("recent", "past", "last", "previous") and n_text and n is None:
        # "the past few months": some units before the anchor.
        return Resolution("DURATION", value, mod, None, False)
    if unit == "Q" and not n_text and rel in ("past", "last", "previous", "latest") and anchor:
        # "the latest quarter": the last quarter completed before the anchor.
        first = add_units(anchor, -1, "Q")
        return Resolution("DATE", period_value("Q", first), mod, period_interval("Q", first))
    if c.kind == "span_past" and not n_text and rel in ("past", "last", "previous"):
        # "the past year", "last week": the period before the anchor.
        if anchor is None:
            return Resolution("DURATION", value, mod)
        return Resolution("DURATION", value, mod, (add_units(anchor, -1, unit), anchor))
    if anchor is None or n is None:
        return Resolution("DURATION", value, mod, None, rel != "")
    if unit == "Q" and rel in ("past", "last", "previous", "next", "coming", "following"):
        # "the past two quarters": whole calendar quarters before or after the current one.
        this_q = period_interval("Q", anchor)[0]
        if rel in ("next", "coming", "following"):
            start = add_units(this_q, 1, "Q")
        else:
            start = add_units(this_q, -n, "Q")
        end = add_units(start, n, "Q") - timedelta(days=1)
        return Resolution("DURATION", value, mod, (start, end))
    workdays = unit == "D" and _g(c, "adj") in WORKDAY_ADJECTIVES
    if rel in ("past", "last", "previous", "recent"):
        first = add_workdays(anchor, -n) if workdays else add_units(anchor, -n, unit)
        return Resolution("DURATION", value, mod, (first, anchor))
    if rel in ("next", "coming", "following", "upcoming"):
        # "the next three days" are the three days after the anchor day.
        if workdays:
            return Resolution(
                "DURATION", value, mod, (add_workdays(anchor, 1), add_workdays(anchor, n))
            )
        start = anchor + timedelta(days=1)
        return Resolution("DURATION", value, mod, (start, add_units(anchor, n, unit)))
    return Resolution("DURATION", value, mod, None, False)


_PLURAL_UNIT = re.compile(
    "|".join(
        re.escape(r["word"])
        for r in load_table("time_words")
        if r["kind"] == "unit" and r["note"] == "plural"
    ),
    re.IGNORECASE,
)


#: An amount counted just before "a year", "a week": the phrase is a rate ("24 hours a day").
_RATE_BEFORE = re.compile(
    rf"(?:\d|\b(?:{_NUMWORD}|million|billion|thousand|percent|dozen))(?:\s+[a-z]+)?\s*$", _F
)


#: The words a duration in compact notation follows ("lasted 2W", "for 10D").
_UNIT_CODE_BEFORE = re.compile(r"\b(?:for|lasted|lasting|within)\s$", _F)
_PART_BEFORE = re.compile(r"\b(?:in|during|by|through)\s+$", _F)
_CURRENCY_BEFORE = re.compile(r"[$£€¥]\s?$")
_NOT_BEFORE_DATE = frozenset("0123456789$£€¥.,")


def _is_rate(m: re.Match[str], text: str) -> bool:
    """Whether "a year", "a week" follows an amount it divides ("24 hours a day")."""
    n = (m.group("n") or "").lower()
    if n not in ("a", "an") or m.group("det") or m.group("qmod"):
        return False
    return bool(_RATE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]))


def _accept(kind: str, m: re.Match[str], text: str) -> bool:
    """Guards against the commonest false readings of a match (modal "may", plain numbers)."""
    s = m.group(0)
    if kind == "weekday" and m.group("pl"):
        return False
    if kind == "iso" and m.start() and text[m.start() - 1] in _NOT_BEFORE_DATE:
        # "20190411" inside a longer number or after a currency sign is no date.
        return False
    if kind == "numeric":
        return _numeric_ok(m, text)
    if kind == "unit_code":
        return s not in ("2D", "3D", "4D") and bool(
            _UNIT_CODE_BEFORE.search(text, max(0, m.start() - 8), m.start())
        )
    if (
        kind == "ago"
        and UNITS.get(m.group("unit").lower()) in CLOCK_UNITS
        and m.group("off").lower() in ("later", "earlier")
    ):
        # "an hour later": TimeML marks the amount, a duration, and leaves out "later".
        return False
    if (
        kind == "count_rel"
        and parse_number(m.group("n")) != 1
        and not _PLURAL_UNIT.fullmatch(m.group("unit"))
    ):
        # "we will be only 3 next week": a count before a singular unit does not count it.
        return False
    if kind == "holiday":
        return _holiday_ok(m, text)
    if kind == "wd_day" and not re.search(r"\d(?:st|nd|rd|th)$", m.group("d"), _F):
        # "on Friday 13, ..." but not "on Friday 13 soldiers died" or "Friday, the fourth
        # decline": a bare number or an ordinal word must end the phrase.
        return bool(
            re.match(r"\s*(?:[,;!?)]|\.(?:\s|$)|$|\s+(?:at|and|or|to|of)\b)", text[m.end() :])
        )
    if kind == "dayrange" and m.group("j").lower() == "and":
        return bool(re.search(r"\bbetween\s+$", text[max(0, m.start() - 10) : m.start()], _F))
    if kind == "dmy" and _CURRENCY_BEFORE.search(text, max(0, m.start() - 2), m.start()):
        # "paid $12 December 27": an amount, then the date.
        return False
    if kind in ("dmy", "mdy", "my") and m.group("mon").lower() in AMBIGUOUS_MONTHS:
        # "12 may 2019", "on 3 march.": after a day number in digits, a lower-case "may"
        # with a year or a clause end after it is the month (not "the 5 may decide", "the
        # 3rd march by farmers").
        digit_day = (
            kind == "dmy"
            and (m.group("d") or "")[:1].isdigit()
            and bool(m.group("y") or _CLAUSE_END.match(text, m.end()))
        )
        return m.group("mon")[0].isupper() or digit_day
    if kind == "duration":
        det = (m.group("det") or "").lower()
        n = (m.group("n") or "").lower()
        if n in ("a", "an", "some", "many", "few") and not det and not m.group("qmod"):
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if n in ("some", "few") and re.search(r"\b(?:for|in|within|over)\s+$", before):
                return True
            if n in ("some", "many", "few") or re.search(r"\d\s*$|per\s*$", before):
                return False
        if det == "a" and n in ("a", "an"):
            return False
        if re.search(r"-quarters$", s, _F) and re.match(r"\s+of\b", text[m.end() :], _F):
            # "three-quarters of its food": a fraction.
            return False
        if n in ("a", "an") and _PLURAL_UNIT.fullmatch(m.group("unit")):
            # "a decades-long feud": the article goes with the noun, not the unit.
            return False
        if n == "second" or s.lower().startswith(("a second", "the second")):
            return False
    if kind == "vague":
        w = m.group("w").lower()
        if w == "current" and re.match(r"\s+account", text[m.end() :], _F):
            return False
        if _TO_DATE.match(w) and (
            re.search(r"\b(?:up|out\s+of)\s+$", text[max(0, m.start() - 8) : m.start()], _F)
            or re.match(
                r"[-\s]+(?:the|a|an|it|this|that|these|those|its|their|his|her)\b",
                text[m.end() : m.end() + 8],
                _F,
            )
        ):
            # "up to date", "to date the remains": not "so far".
            return False
        if w == "the moment" and not re.search(
            r"\b(?:at|for)\s+$", text[max(0, m.start() - 5) : m.start()], _F
        ):
            # "at the moment" is now; "the moment was marked" is an occasion.
            return False
        if w == "soon" and (
            re.match(r"\s+after\b|-", text[m.end() :], _F)
            or re.search(r"\bas\s+$", text[max(0, m.start() - 4) : m.start()], _F)
        ):
            # "soon after the talks", "as soon as they land", "a soon-to-open office".
            return False
    if kind == "the_part" and not _PART_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        # "in the morning", "by mid afternoon"; not "morning trading" in a headline.
        return False
    if kind == "season" and not _season_ok(m, text):
        return False
    if kind == "year" and m.groupdict().get("y") and text[m.end() : m.end() + 1] == "s":
        return False
    if (
        kind == "year"
        and (m.groupdict().get("y") or "").startswith("21")
        and not _FAR_YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start())
    ):
        return False
    if (
        kind == "set_word"
        and m.group("w").lower() in ADJECTIVE_SETS
        and re.match(r"\s+[a-z]", text[m.end() : m.end() + 2])
    ):
        # "a quarterly dividend" qualifies a noun; "paid quarterly" is a repetition.
        return False
    if kind == "set_word" and m.group("w").lower() == "daily":
        nxt = text[m.end() : m.end() + 12].lower()
        if nxt.startswith((" newspaper", " paper", " mail", " telegraph")):
            return False
    return True


#: What may stand before a bare month/day in digits ("on 11/20", "Friday 5/12", "from 10/1").
_NUMERIC_BEFORE = re.compile(
    rf"(?:\b(?:on|from|to|until|till|through|by|since|between|and|or|this|next|last|{_WD})"
    r"|[,–-])\s*$",
    _F,
)
_NUMERIC_AFTER = re.compile(r"\s*(?:[-–]|to\b|and\b|through\b|till\b|until\b)\s*\d", _F)
#: Named days that differ from country to country ("Ukraine's Independence Day").
#: Repetition words that, read before a noun, qualify it instead ("quarterly earnings").
ADJECTIVE_SETS = frozenset(
    r["word"] for r in load_table("time_words") if r["kind"] == "set_word" and r["note"] == "adj"
)
NATIONAL_HOLIDAYS = frozenset(
    r["word"]
    for r in load_table("time_words")
    if r["kind"] == "holiday" and r["note"] == "national"
)
_OWNER_BEFORE = re.compile(r"(?:['’]s|\b[A-Z][a-z]+(?:an|ish|ese|i|ch))\s+$")


def numeric_month_day(first: int, second: int) -> tuple[int, int] | None:
    """Month and day of "11/20" (US order) or "22/04" (day first, when the first is over 12)."""
    if 1 <= first <= 12 and 1 <= second <= 31:
        return first, second
    if 13 <= first <= 31 and 1 <= second <= 12:
        return second, first
    return None


#: A fraction written with a slash: after a whole number ("2 1/2") or before a price range.
_FRACTION_BEFORE = re.compile(r"\d\s+$")
_FRACTION_AFTER = re.compile(r"\s*(?:to|and|-)\s*\d+\s+\d+/\d+")


def _numeric_ok(m: re.Match[str], text: str) -> bool:
    """A date in digits must have a valid month; one without a year needs a date-like context."""
    if numeric_month_day(int(m.group("m")), int(m.group("d"))) is None:
        return False
    if m.groupdict().get("y"):
        return True
    before = text[max(0, m.start() - 12) : m.start()]
    if _FRACTION_BEFORE.search(before) or _FRACTION_AFTER.match(text, m.end()):
        return False
    if _NUMERIC_BEFORE.search(before) or _NUMERIC_AFTER.match(text, m.end()):
        return True
    # A date line: the day alone on its line ("3/14" above a dispatch).
    line_start = text.rfind("\n", 0, m.start()) + 1
    return not text[line_start : m.start()].strip() and _LINE_END.match(text, m.end()) is not None


_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


#: Words before a bare season that make it one: "in spring", "last summer", "early autumn".
_SEASON_BEFORE = re.compile(
    r"\b(?:in|by|since|until|till|through|during|over|into|before|after|from|this|last"
    r"|next|early|late|mid|each|every|of|the)\s+(?:the\s+)?$",
    _F,
)


def _season_ok(m: re.Match[str], text: str) -> bool:
    """A bare season word names a season after a preposition or before a noun it dates.

    "fall" and "spring" are also verbs and nouns ("prices fall", "the fall of the city",
    "the Arab Spring"): they need a preposition or determiner before and no "of" after.
    """
    word = m.group("s").lower()
    before = text[max(0, m.start() - 16) : m.start()]
    after = text[m.end() : m.end() + 12]
    if word in ("fall", "spring"):
        if re.match(r"\s+of\b", after, _F):
            return False
        if _SEASON_BEFORE.search(before):
            return True
        return bool(m.group("det")) and not re.search(r"[A-Z][a-z]+\s+$", before)
    return True


def _holiday_ok(m: re.Match[str], text: str) -> bool:
    """A national day owned by a country ("Ukraine's Independence Day") is not the US one."""
    name = re.sub(r"\s+", " ", m.group("h").lower().replace("’", "'"))
    if name not in NATIONAL_HOLIDAYS:
        return True
    return not _OWNER_BEFORE.search(text[max(0, m.start() - 20) : m.start()])


def _listed_day(m: re.Match[str]) -> list[Candidate]:
    """ "18 and 19 June", "June 18 and 19": two days of one month, not a range. The day away
    from the month is a date of its own (the other is found with the month)."""
    if m.group("j").lower() != "and" or not (m.group("d1") + m.group("d"))[0].isdigit():
        return []
    y = m.group("y")
    if m.start("mon") > m.start("d1"):
        parts: dict[str, str | None] = {"d": m.group("d1"), "mon": m.group("mon"), "y": y}
        return [Candidate(m.start("d1"), m.end("d1"), "dmy", parts, needs_direction=not y)]
    # "June 18 and 19, 2026": both days take the year written after the second.
    first = {"d": m.group("d1"), "mon": m.group("mon"), "y": y}
    second = {"d": m.group("d"), "mon": m.group("mon"), "y": y}
    return [
        Candidate(m.start("mon"), m.end("d1"), "mdy", first, needs_direction=not y),
        Candidate(m.start("d"), m.end(), "mdy", second, needs_direction=not y),
    ]


def _bare_months(text: str) -> list[Candidate]:
    """Months standing alone ("in March"): capitalised, and an ambiguous one after a preposition.

    Text typed without capitals ("from april to june") keeps the full names that are no other
    word, after a preposition.
    """
    out = []
    for m in _BARE_MONTH.finditer(text):
        word = m.group("mon")
        before = text[max(0, m.start() - 10) : m.start()]
        if not word[0].isupper() and (
            not _ABBR_MONTH_BEFORE.search(before)
            or (word not in LOWERCASE_MONTHS and not _PART_OF_MONTH_BEFORE.search(before))
        ):
            # "in early may" is the month; "in march towards" and "may" alone are words.
            continue
        if (
            word.lower() in ABBREVIATED_MONTHS
            and not text.startswith(".", m.end())
            and not re.match(r"\s*[-–/]\s*\w", text[m.end() : m.end() + 4])
            and (
                re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2])
                or not _ABBR_MONTH_BEFORE.search(text[max(0, m.start() - 10) : m.start()])
            )
        ):
            # "Jan Kavan": an abbreviation without its dot is a month only after a preposition
            # ("in Jan") or in a range ("Jan-Feb"), and never before a name.
            continue
        if word.lower() in AMBIGUOUS_MONTHS:
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if not re.search(
                r"\b(in|of|since|until|till|by|from|to|through|early|late|mid|before"
                r"|after|during|last|next|this|and|for|around|between|throughout|into)\s*-?$",
                before,
            ):
                continue
        out.append(Candidate(m.start(), m.end(), "month", {"mon": word}, needs_direction=True))
    return out


_ABBR_MONTH_BEFORE = re.compile(
    r"\b(?:in|from|to|since|until|till|by|of|before|after|between|through|early|late|mid)"
    r"\s*-?$",
    _F,
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;!?]|$)")
#: A part of a month named before a lower-case month that is also a word ("in early may").
_PART_OF_MONTH_BEFORE = re.compile(r"\b(?:early|late|mid)\s*-?$", _F)
_BARE_MONTH = re.compile(rf"(?P<mon>{_MON_WORD})(?!\w)", _F)


#: The words a pattern needs at least one of (lower case, without dots), by pattern group;
#: group "digit" needs a digit, group "any" a digit or any of the words.
_GROUP_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(w.rstrip(".") for w in MONTHS),
    "weekday": frozenset(WEEKDAYS),
    "unit": frozenset(UNITS),
}
_GROUP_WORDS["any"] = frozenset(
    _GROUP_WORDS["month"]
    | _GROUP_WORDS["weekday"]
    | _GROUP_WORDS["unit"]
    | set(SET_WORDS)
    | set(SEASONS)
    | set(DAY_PARTS)
    | set(RELATIVE_DAYS)
    | {phrase.split()[-1] for phrase in VAGUE}
    | set(_words("trigger"))
)
_GROUP_WORDS["holiday"] = frozenset(w for name in HOLIDAYS for w in re.findall(r"[a-z]+", name))
_GROUP_WORDS["season"] = frozenset(SEASONS)
_GROUP_WORDS["decade_word"] = frozenset(DECADE_WORDS)
_GROUP_WORDS["day_part"] = frozenset(DAY_PARTS)
_GROUP_WORDS["long"] = frozenset({"long"})
_GROUP_WORDS["rel_unit"] = frozenset(
    {"past", "next", "coming", "upcoming", "previous", "following"}
)
#: Which group each pattern belongs to (those not named are in group "any").
PATTERN_GROUPS = {
    "iso": "digit",
    "numeric": "digit",
    "decade": "digit",
    "year": "digit",
    "season_year": "digit",
    "holiday": "holiday",
    "season": "season",
    "decade_word": "decade_word",
    "the_part": "day_part",
    "thispart": "day_part",
    "year_end": "unit",
    "year_back": "unit",
    "day_only": "digit",
    "ym": "digit",
    "century": "unit",
    "quarter_code": "digit",
    "dayrange": "month",
    "dmy": "month",
    "mdy": "month",
    "my": "month",
    "mon_rel": "month",
    "weekday": "weekday",
    "weekday_set": "weekday",
    "quarter": "unit",
    "edge_of": "unit",
    "in_the_year": "unit",
    "part_of": "unit",
    "week_of": "unit",
    "ago": "unit",
    "set_times": "unit",
    "span_past": "unit",
    "duration": "unit",
    "bare_unit": "unit",
    "unit_long": "long",
    "unit_code": "digit",
    "count_rel": "rel_unit",
    "year_adj": "unit",
}
#: A sentence end: a stop before a capital (a dot before a digit is an abbreviation's).
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[A-Z\"“‘'(])|\n")
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def masked_views(text: str) -> dict[str, str]:
    """For each pattern group, the text with blanks over each sentence it cannot match in.

    Offsets are kept, and a pattern then skips at once the sentences that hold none of the
    words it needs: most news sentences name no time, and few name a month or a weekday.
    """
    pieces: dict[str, list[str]] = {g: [] for g in (*_GROUP_WORDS, "digit")}
    pos = 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    for end in ends:
        if end <= pos:
            continue
        seg = text[pos:end]
        blank = " " * len(seg)
        has_digit = _DIGIT.search(seg) is not None
        words = set(_WORD.findall(seg.lower()))
        pieces["digit"].append(seg if has_digit else blank)
        for group, needed in _GROUP_WORDS.items():
            ok = (has_digit and group == "any") or not needed.isdisjoint(words)
            pieces[group].append(seg if ok else blank)
        pos = end
    return {g: "".join(p) for g, p in pieces.items()}


def find_candidates(text: str) -> list[Candidate]:
    """All time expressions in a text, without overlaps (the longest wins), sorted by start."""
    found: list[Candidate] = []
    views = masked_views(text)
    text = views["any"]
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(views[PATTERN_GROUPS.get(kind, "any")]):
            if m.end() == m.start():
                continue
            if not _accept(kind, m, text):
                if kind == "dayrange":
                    found.extend(_listed_day(m))
                continue
            parts = {k: v for k, v in m.groupdict().items()}
            parts["text"] = m.group(0)
            needs = kind in ("weekday", "time", "season", "day_only") or (
                kind in ("dmy", "mdy", "quarter", "numeric")
                and not parts.get("y")
                and not (kind != "quarter" and parts.get("rel"))
            )
            if kind == "deictic" and (parts.get("rel") or "").lower() == "this":
                needs = True
            start, end = m.start(), m.end()
            if kind == "bare_unit":
                start = m.start("unit")  # "for years": the preposition only opens it
                parts["text"] = m.group("unit")
            elif kind == "decade_word" and parts.get("prep"):
                start = m.start("edge" if parts.get("edge") else "dw")  # "in nineties"
            as_kind = "span_past" if kind == "count_rel" else kind
            if kind == "numeric" and not parts.get("y"):
                rel = _DATE_REL_BEFORE.search(text, max(0, start - 6), start)
                if rel is not None:
                    # "next 5/12": the day's next occurrence.
                    start, needs = rel.start(), False
                    parts["rel"] = rel.group("rel")
            if (
                kind == "duration"
                and parts.get("det")
                and re.fullmatch(r"(?:1\d|20)\d\d", parts.get("n") or "")
                and (parts.get("unit") or "").lower() == "quarter"
            ):
                # "the 1988 quarter": that year's quarter, not 1988 quarters.
                as_kind = "quarter"
                parts.update(y=parts["n"], q="", rel="")
            if kind == "duration" and _is_rate(m, text):
                # "$500 million a year", "four flights a week": a rate, a repetition.
                as_kind = "set_rate"
            if kind == "year_adj":
                # "year-earlier profit" is profit "a year earlier".
                as_kind = "ago"
                parts.update(n="a", unit="year", off=_g_text(parts, "off"))
            found.append(Candidate(start, end, as_kind, parts, needs_direction=needs))
    found.extend(_bare_months(views["month"]))
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in found:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    for c in chosen:
        _extend_left(text, c)
    chosen = _days_of_counted_months(text, chosen)
    joined = _join_compounds(text, _holiday_weekends(text, _join_parts(text, chosen)))
    return _join_shifted_weekdays(text, _join_offsets(text, _join_ranges(text, joined)))


#: A day of the month before "this month", "next month": "the fifth of next month", "the
#: 21st this month" (not "the third this month", a count of events).
_DAY_OF_MONTH_BEFORE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\s+(?:of\s+)?"
    rf"|(?P<dw>{_DAYWORD})\s+of\s+)$",
    _F,
)


def _days_of_counted_months(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join a day of the month to the month counted from the anchor's that follows it."""
    out: list[Candidate] = []
    for c in cands:
        if (
            c.kind == "deictic"
            and _g(c, "what") == "month"
            and not c.parts.get("edge")
            and not c.parts.get("det")
            and (m := _DAY_OF_MONTH_BEFORE.search(text, max(0, c.start - 24), c.start))
        ):
            while out and out[-1].end > m.start():
                out.pop()
            parts = {"d": m.group("d"), "dw": m.group("dw"), "rel": c.parts.get("rel")}
            parts["text"] = text[m.start() : c.end]
            out.append(Candidate(m.start(), c.end, "day_of_month", parts, c.mod))
            continue
        out.append(c)
    return out


#: What joins the pieces of a duration in several units: "2 years, 1 month and 21 days".
_COMPOUND_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+", re.IGNORECASE)
#: "for", or an amount just before ("for 3 months and 2 weeks ..."): a duration there is a
#: stretch, and does not open an amount counted back ("2 weeks and 2 days ago").
_AMOUNT_BEFORE = re.compile(rf"\b(?:{_UNIT}\s*,?\s+and|for)\s+$", re.IGNORECASE)
#: Units from the largest down: the pieces of one duration come in this order.
UNIT_RANK = {
    u: i for i, u in enumerate(("CE", "DE", "Y", "Q", "M", "W", "FN", "D", "H", "MIN", "SEC"))
}


def _join_compounds(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join durations in falling units into one: "one hour and 30 minutes" is PT1H30M."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        pieces = prev.members if prev is not None and prev.kind == "compound" else [prev]
        last = pieces[-1] if pieces else None
        if (
            prev is not None
            and last is not None
            and last.kind == "duration"
            and c.kind in ("duration", "ago")
            and not c.parts.get("det")
            and not c.parts.get("qmod")
            and _COMPOUND_JOIN.fullmatch(text, prev.end, c.start)
            and parse_number(_g(last, "n")) is not None
            and parse_number(_g(c, "n")) is not None
            and UNIT_RANK.get(UNITS.get(_g(c, "unit"), ""), -1)
            > UNIT_RANK.get(UNITS.get(_g(last, "unit"), ""), 99)
            and not (
                c.kind == "ago"
                and _AMOUNT_BEFORE.search(text, max(0, prev.start - 24), prev.start) is not None
            )
        ):
            members = [*pieces, c]
            parts: dict[str, str | None] = {"text": text[prev.start : c.end]}
            # "2 years and 3 months ago": the whole amount counted back from the anchor.
            kind = "compound_ago" if c.kind == "ago" else "compound"
            out[-1] = Candidate(prev.start, c.end, kind, parts, prev.mod, False, members)
            continue
        out.append(c)
    return out


#: What joins a date without a year to the year that follows it: "March 3, 2020", "May of 1995".
_YEAR_JOIN = re.compile(r"\s*,?\s*(?:(?:of|in)\s+)?", re.IGNORECASE)
_OF_JOIN = re.compile(r"\s+of\s+", re.IGNORECASE)
_OF_SHORT_YEAR = re.compile(r"\s+of\s+['’]?(?P<yy>\d{2})(?=\s*(?:[,.;!?)]|$))", re.IGNORECASE)
_WEEK_WEEKDAY_JOIN = re.compile(r"\s+(?:on\s+)?", re.IGNORECASE)
#: Named periods a year may follow, with the words joining them and the joined kind.
_WITH_YEAR = {"holiday": (_YEAR_JOIN, "holiday"), "season": (_OF_JOIN, "season_year")}


#: A capitalised weekday abbreviation after a week, not opening a name ("next week Tue");
#: "Wed", "Sat" and "Sun" are also words ("the next week Sat down").
_WEEKDAY_ABBR_AFTER = re.compile(
    r"\s+(?:on\s+)?(?P<wd>"
    + _alt(w.title() for w in WEEKDAY_ABBRS if w not in ("wed", "sat", "sun"))
    + r")\b(?!\s*[A-Z&-])"
)


def _weekday_name(abbr: str) -> str:
    """The full name of the weekday an abbreviation stands for ("Tue" is "tuesday")."""
    n = WEEKDAY_ABBRS[abbr.lower()]
    return next(w for w, v in WEEKDAYS.items() if v == n)


def _is_week(c: Candidate) -> bool:
    """Whether a candidate names one calendar week ("next week", "the following week", "the
    first week of October")."""
    if c.kind == "part_of":
        return bool(c.members) and _g(c, "unit") == "week" and not c.parts.get("n")
    return c.kind == "deictic" and _g(c, "what") == "week" and not c.parts.get("edge")


#: What joins a clock time to the day after it: "16:15 UTC, June 1", "9 a.m. on May 3".
_TIME_DAY_JOIN = re.compile(r"\s*,?\s*(?:on\s+)?", re.IGNORECASE)
#: Kinds naming a period that "the first week of ..." can take a part of.
PERIOD_KINDS = frozenset(
    {"year", "year_words", "my", "month", "mon_rel", "deictic", "quarter", "season_year"}
)
#: Kinds naming a day that "the week of ..." can hold.
DAY_KINDS = frozenset({"dmy", "mdy", "iso", "numeric", "relday", "weekday", "day_only"})
_SPAN_REL = frozenset({"first", "last", "final"})


def _join_parts(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join the pieces of one date written apart: a year after a day or month ("4th of July
    of 1995"), a part of a period ("the last week of June"), a week given by a day."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        joined: Candidate | None = None
        if b is not None:
            if (
                a.kind in ("dmy", "mdy", "month", "numeric")
                and not a.parts.get("y")
                and b.kind in ("year", "year_words")
                and _YEAR_JOIN.fullmatch(text, a.end, b.start)
            ):
                res = resolve(b, None)
                parts = dict(a.parts, y=res.value, text=text[a.start : b.end])
                kind = "my" if a.kind == "month" else a.kind
                joined = Candidate(a.start, b.end, kind, parts, a.mod)
            elif (
                a.kind == "time"
                and not a.parts.get("wd")
                and b.kind in DAY_KINDS - {"weekday"}
                and _TIME_DAY_JOIN.fullmatch(text, a.end, b.start)
            ):
                parts = {"text": text[a.start : b.end]}
                joined = Candidate(
                    a.start, b.end, "time_on", parts, a.mod, b.needs_direction, [a, b]
                )
            elif (
                a.kind == "weekday"
                and not a.parts.get("part")
                and _is_week(b)
                and _OF_JOIN.fullmatch(text, a.end, b.start)
            ) or (
                _is_week(a)
                and b.kind == "weekday"
                and not b.parts.get("part")
                and _WEEK_WEEKDAY_JOIN.fullmatch(text, a.end, b.start)
            ):
                # "Tuesday of next week", "next week on Tuesday": a day of a named week.
                week, wd = (b, a) if a.kind == "weekday" else (a, b)
                parts = {"text": text[a.start : b.end]}
                joined = Candidate(a.start, b.end, "week_day", parts, a.mod, False, [week, wd])
            elif (
                a.kind in _WITH_YEAR
                and b.kind in ("year", "year_words")
                and _WITH_YEAR[a.kind][0].fullmatch(text, a.end, b.start)
            ):
                # "Easter 2018", "Christmas of 1995", "spring of 2019".
                parts = dict(a.parts, y=resolve(b, None).value, text=text[a.start : b.end])
                joined = Candidate(a.start, b.end, _WITH_YEAR[a.kind][1], parts, a.mod)
            elif (
                a.kind == "part_of"
                and b.kind in PERIOD_KINDS
                and _OF_JOIN.fullmatch(text, a.end, b.start)
            ) or (a.kind == "week_of" and b.kind in DAY_KINDS and b.start - a.end <= 1):
                parts = dict(a.parts, text=text[a.start : b.end])
                joined = Candidate(a.start, b.end, a.kind, parts, a.mod, b.needs_direction, [b])
        if joined is None and _is_week(a) and (b is None or b.kind != "weekday"):
            abbr = _WEEKDAY_ABBR_AFTER.match(text, a.end)
            if abbr is not None:
                # "next week Mon": an abbreviated weekday read where a weekday is awaited.
                wd_parts: dict[str, str | None] = {"wd": _weekday_name(abbr.group("wd"))}
                wd = Candidate(abbr.start("wd"), abbr.end(), "weekday", wd_parts)
                parts = {"text": text[a.start : abbr.end()]}
                out.append(Candidate(a.start, abbr.end(), "week_day", parts, a.mod, False, [a, wd]))
                i += 1
                continue
        if joined is not None:
            nxt = cands[i + 2] if i + 2 < len(cands) else None
            if (
                nxt is not None
                and _is_week(joined)
                and nxt.kind == "weekday"
                and not nxt.parts.get("part")
                and _WEEK_WEEKDAY_JOIN.fullmatch(text, joined.end, nxt.start)
            ):
                # "the first week of October on Friday": a day of that week.
                parts = {"text": text[joined.start : nxt.end]}
                week_day = [joined, nxt]
                joined = Candidate(
                    joined.start, nxt.end, "week_day", parts, None, joined.needs_direction, week_day
                )
                i += 1
            out.append(joined)
            i += 2
            continue
        short = _OF_SHORT_YEAR.match(text, a.end) if a.kind in ("dmy", "mdy", "month") else None
        if short is not None and not a.parts.get("y"):
            # "April of 87": a year in two digits, at the end of the phrase.
            parts = dict(
                a.parts, y=str(_year2(short.group("yy"))), text=text[a.start : short.end()]
            )
            out.append(
                Candidate(a.start, short.end(), "my" if a.kind == "month" else a.kind, parts)
            )
            i += 1
            continue
        if a.kind == "part_of" and _g(a, "pos") in _SPAN_REL:
            a.kind = "span_past"
            a.parts["rel"] = a.parts["pos"]
            out.append(a)
        elif a.kind not in ("part_of", "week_of"):
            out.append(a)
        i += 1
    return out


_WEEKEND_AFTER = re.compile(r"\s+weekend\b(?:,?\s+(?P<y>(?:1\d|20)\d\d)\b)?", re.IGNORECASE)
_WEEKEND_BEFORE = re.compile(r"\b(?:the\s+)?weekend\s+of\s+$", re.IGNORECASE)


def _holiday_weekends(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join a named day and the weekend it falls in or next to: "Easter weekend 2024", "the
    weekend of Thanksgiving"; what the new extent covers is dropped."""
    spans: list[Candidate] = []
    for c in cands:
        if c.kind != "holiday":
            continue
        after = _WEEKEND_AFTER.match(text, c.end)
        before = _WEEKEND_BEFORE.search(text, max(0, c.start - 20), c.start)
        if after is None and before is None:
            continue
        if after is not None and after.group("y") and not c.parts.get("y"):
            c.parts["y"] = after.group("y")
        start = before.start() if before else c.start
        end = after.end() if after else c.end
        parts: dict[str, str | None] = {"text": text[start:end]}
        spans.append(Candidate(start, end, "holiday_weekend", parts, c.mod, c.needs_direction, [c]))
    if not spans:
        return cands
    kept = [c for c in cands if not any(c.start < w.end and w.start < c.end for w in spans)]
    return sorted(kept + spans, key=lambda c: c.start)


#: What joins an amount of time to the date it counts from: "three days after Tuesday".
_OFFSET_JOIN = re.compile(r"\s+(?P<w>after|before|from)\s+", re.IGNORECASE)
#: Units too short to shift a day by: "3 minutes from today" is an amount and a day.
CLOCK_UNITS = frozenset({"H", "MIN", "SEC"})
#: Kinds a count of units can be counted from.
OFFSET_BASES = (RANGE_KINDS | {"holiday"}) - {
    "year",
    "month",
    "my",
    "quarter",
    "half",
    "season_year",
    "vague",
}


#: What joins an amount of time to the day it starts on: "two weeks starting May 20".
_SPAN_START_JOIN = re.compile(
    r"\s*,?\s*(?:starting|beginning|commencing)(?:\s+(?:on|from))?\s+", re.IGNORECASE
)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
_COMMA_FROM = re.compile(r"\s*,\s*from\s+", re.IGNORECASE)


def _join_offsets(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join an amount and a date into one shifted day: "two weeks after May 3"."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        join = _OFFSET_JOIN.fullmatch(text, a.end, b.start) if b is not None else None
        starting = _SPAN_START_JOIN.fullmatch(text, a.end, b.start) if b is not None else None
        if (
            b is not None
            and (join is not None or _COMMA_FROM.fullmatch(text, a.end, b.start))
            and (join is None or join.group("w").lower() == "from")
            and _FOR_BEFORE.search(text, max(0, a.start - 5), a.start)
        ):
            # "for 3 days from today", "for a week, from May 20": a stretch, not a day.
            starting = join or _COMMA_FROM.fullmatch(text, a.end, b.start)
            join = None
        if (
            b is not None
            and starting is not None
            and a.kind == "duration"
            and not a.parts.get("n2")
            and parse_number(a.parts.get("n") or "") is not None
            and b.kind in OFFSET_BASES
        ):
            # "three days starting Monday": the stretch that begins on that day.
            span_parts: dict[str, str | None] = {"text": text[a.start : b.end]}
            out.append(
                Candidate(a.start, b.end, "span_from", span_parts, a.mod, b.needs_direction, [a, b])
            )
            i += 2
            continue
        if (
            b is not None
            and join is not None
            and a.kind == "duration"
            and not a.parts.get("det")
            and not a.parts.get("n2")
            and parse_number(a.parts.get("n") or "") is not None
            and UNITS.get(_g(a, "unit")) not in CLOCK_UNITS
            and b.kind in OFFSET_BASES
        ):
            sign = -1 if join.group("w").lower() == "before" else 1
            out.append(
                Candidate(
                    a.start,
                    b.end,
                    "offset",
                    {"text": text[a.start : b.end], "sign": str(sign)},
                    a.mod,
                    b.needs_direction,
                    [a, b],
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


#: What joins a weekday to a day counted in weeks or more: "Monday two weeks from now",
#: "Thursday, a year from now", "three weeks from today on Friday".
_WEEKDAY_SHIFT_JOIN = re.compile(r"\s*,?\s*", re.IGNORECASE)
_SHIFT_WEEKDAY_JOIN = re.compile(r"\s*,?\s*(?:on\s+)?", re.IGNORECASE)
#: Units a day can be counted in for a weekday to fall in its week ("Monday two weeks ago").
WEEK_SHIFT_UNITS = frozenset({"W", "FN", "M", "Y"})


def _week_shift(c: Candidate) -> bool:
    """Whether a candidate is a day counted in weeks or more from another ("two weeks from
    now", "three weeks after May 3"), whose week a weekday may pick a day of."""
    amount = c.members[0] if c.kind == "offset" else c
    if c.kind not in ("ago", "offset") or parse_number(_g(amount, "n")) is None:
        return False
    return UNITS.get(_g(amount, "unit")) in WEEK_SHIFT_UNITS


def _join_shifted_weekdays(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join a weekday and a day counted in weeks or more: that weekday of the day's week."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        pair: tuple[Candidate, Candidate] | None = None
        if b is None:
            pass
        elif a.kind == "weekday" and not a.parts.get("part") and _week_shift(b):
            pair = (a, b) if _WEEKDAY_SHIFT_JOIN.fullmatch(text, a.end, b.start) else None
        elif b.kind == "weekday" and not b.parts.get("part") and _week_shift(a):
            pair = (b, a) if _SHIFT_WEEKDAY_JOIN.fullmatch(text, a.end, b.start) else None
        if pair is None or b is None:
            out.append(a)
            i += 1
            continue
        parts: dict[str, str | None] = {"text": text[a.start : b.end]}
        out.append(Candidate(a.start, b.end, "week_shift", parts, a.mod, False, list(pair)))
        i += 2
    return out


def _join_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join two dates into one range: "from May to July", "between 2014 and 2018", "2014-2018".

    "and" needs "between" before the first date; "until", "till" and "through" need "from".
    """
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and a.kind in RANGE_KINDS and b.kind in RANGE_KINDS:
            join = _RANGE_JOIN.fullmatch(text, a.end, b.start)
            if join is None and b.kind == "vague" and _TO_DATE.match(_g(b, "w")):
                # "from March to date": the joining word belongs to the second end.
                join = _BLANK.fullmatch(text, a.end, b.start)
            opener = _RANGE_OPEN.search(text[max(0, a.start - 10) : a.start])
            word = join.group(0).strip().lower() if join else ""
            needs = {"and": "between", "until": "from", "till": "from", "through": "from"}.get(word)
            ok = join is not None and (
                needs is None or (opener and opener.group("w").lower() == needs)
            )
            if word in ("through", "thru") and not ok:
                # "2014 through May 2018": two dated ends need no "from".
                ok = all(_YEAR_IN.search(text, c.start, c.end) for c in (a, b))
            if word == "to" and not opener and a.kind in ("weekday", "relday", "vague"):
                ok = False
            if ok:
                start = a.start - (len(opener.group(0)) if opener else 0)
                out.append(
                    Candidate(
                        start, b.end, "range", {"text": text[start : b.end]}, a.mod, True, [a, b]
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _extend_left(text: str, c: Candidate) -> None:
    """Take in an edge ("early", "the end of", "mid-") or amount modifier written before."""
    if c.kind in ("vague", "set_word", "set_every", "set_times", "weekday_set"):
        return
    before = text[max(0, c.start - 24) : c.start]
    if c.kind not in ("duration", "span_past", "ago", "decade"):
        m = _EDGE_PREFIX.search(before)
        if m:
            word = (m.group("edge") or m.group("mid") or "").lower()
            word = re.sub(r"\s+", " ", word)
            c.mod = EDGES.get(word)
            c.parts["edge_word"] = word
            c.start -= len(m.group(0))
            return
    if c.kind == "span_past" and c.parts.get("det"):
        return
    if c.kind in ("duration", "span_past", "ago") and not c.parts.get("qmod"):
        m = _QMOD_PREFIX.search(before)
        if m:
            c.parts["qmod"] = m.group("qmod")
            c.start -= len(m.group(0))

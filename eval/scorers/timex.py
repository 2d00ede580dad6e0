"""Scores the time stage on TimeBank, MEANTIME and the Recognizers-Text date specs.

Extents are compared strictly (same start and end) and relaxed (overlap, one to one); a
predicted timex counts for value F1 when it overlaps a gold one and its TIMEX3 value is the
same. dateparser's `search_dates` runs on the same data side by side, as a reference point
(it is a dev dependency only, never used by communique itself).

Values are compared after one canonical spelling is applied to both the gold and the
prediction (`canonical_value`), for notations TIMEX3 annotators write in more than one way
with the same meaning: a decade or century with or without trailing X ("196X" = "196",
"19XX" = "19"), a week number with or without its leading zero ("2000-W7" = "2000-W07"), a
clock hour with or without ":00" ("T17" = "T17:00"), decades and centuries counted as units
or in years ("P1E" = "P1DE" = "P10Y", "PXC" = "PXCE"), and a fraction of a unit written as a
decimal or in the next smaller unit ("PT5.5H" = "PT5H30M", "P2.5Y" = "P2Y6M"). No other value
is rewritten.

TimeML marks a range ("from 1991 to 1997") with a TIMEX3 for each end (MEANTIME also marks
the range itself); communique gives one timex whose interval holds both ends. Predictions
are scored in TimeML's form: each range is listed with its two ends
(`communique.temporal.range_ends`, dated by the range's interval), the same form the gold
has. `value_f1_ranges_as_one` gives the value F1 without this, each range as one timex.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from communique.document import Article, Document, Timex
from communique.errors import CommuniqueError
from communique.pipeline import Pipeline
from communique.readers import article_from_text
from communique.temporal import range_ends
from eval.common import Suite, SuiteResult, prf

SUITES = {
    "timex.timebank": Suite(
        data="timebank_dev.jsonl",
        sample=60,
        description="TimeBank 1.2 + AQUAINT dev, values against each DCT",
    ),
    "timex.meantime": Suite(
        data="meantime_timex.jsonl",
        sample=120,
        description="MEANTIME news, the DCT date line excluded",
    ),
    "timex.recognizers": Suite(
        data="recognizers_datetime.jsonl",
        sample=400,
        description="Recognizers-Text date, daterange and duration cases",
    ),
}

#: Stages needed for time: the parse (for tense) and the tagger; no clean, so offsets hold.
STAGES = ["communique.parse.v1", "communique.time.v1"]
#: What Recognizers writes for a value it leaves unresolved (it keeps only the timex).
UNRESOLVED = "not resolved"
#: Recognizers result types scored here.
RECOGNIZER_TYPES = ("date", "daterange", "duration")

_pipeline: Pipeline | None = None

Span = tuple[int, int]


def _pipe() -> Pipeline:
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline(STAGES)
    return _pipeline


def _document(text: str, source: str, published: str | None) -> Document:
    """A document for one gold text; short test inputs skip the language check that needs prose."""
    try:
        return article_from_text(text, source=source, published=published)
    except CommuniqueError:
        return Document(
            article=Article(
                id=source,
                title=None,
                url=None,
                outlet=None,
                published=published,
                language="en",
                text=text,
            )
        )


def analyse(
    records: list[dict[str, Any]], text_key: str, published: Callable[[dict[str, Any]], str | None]
) -> list[Document]:
    docs = [_document(r[text_key], str(r.get("id")), published(r)) for r in records]
    out = []
    for res in _pipe().run(docs):
        if not isinstance(res, Document):
            raise RuntimeError(res.message)
        out.append(res)
    return out


def _match(pred: list[Span], gold: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of overlapping spans, largest overlap first."""
    pairs = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            ov = min(pe, ge) - max(ps, gs)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


_DECADE_X = re.compile(r"^(\d{2}|\d{3})X+$")
_WEEK_DIGIT = re.compile(r"-W(\d)(?!\d)")
_HOUR_ONLY = re.compile(r"(T\d{2})$")
_DECADE_UNIT = re.compile(r"^P(\d+)(?:DE|E)$")
_CENTURY_UNIT = re.compile(r"^P(\d+)(?:CE|C)$")
_VAGUE_UNIT = {"PXE": "PXDE", "PXC": "PXCE"}
_DECIMAL = re.compile(r"^P(T?)(\d+)\.(\d+)([YMWDHS])$")
#: How many of the next smaller unit one unit holds, and that unit, by (time part, unit).
_SMALLER = {
    ("", "Y"): (12, "", "M"),
    ("", "W"): (7, "", "D"),
    ("", "D"): (24, "T", "H"),
    ("T", "H"): (60, "T", "M"),
    ("T", "M"): (60, "T", "S"),
}


def _split_decimal(value: str) -> str:
    """ "PT5.5H" as "PT5H30M": a decimal count as whole units and the next smaller unit."""
    m = _DECIMAL.match(value)
    if m is None or (m.group(1), m.group(4)) not in _SMALLER:
        return value
    t, whole, frac, unit = m.groups()
    per, t2, unit2 = _SMALLER[(t, unit)]
    rest = float("0." + frac) * per
    if rest != int(rest):
        return value
    head = f"P{t}{whole}{unit}" if int(whole) else ("PT" if t else "P")
    return f"{head}{'T' if t2 and not t else ''}{int(rest)}{unit2}"


def canonical_value(value: str | None) -> str | None:
    """One spelling for TIMEX3 values written in more than one equivalent way (module doc)."""
    if not value:
        return value
    v = _DECADE_X.sub(r"\1", value)
    v = _WEEK_DIGIT.sub(r"-W0\1", v)
    v = _HOUR_ONLY.sub(r"\1:00", v)
    m = _DECADE_UNIT.match(v)
    if m:
        return f"P{int(m.group(1)) * 10}Y"
    m = _CENTURY_UNIT.match(v)
    if m:
        return f"P{int(m.group(1)) * 100}Y"
    return _split_decimal(_VAGUE_UNIT.get(v, v))


def _dateparser_spans(text: str, dct: str) -> list[tuple[int, int, datetime]]:
    """dateparser's finds as (start, end, datetime), located in the text left to right."""
    from dateparser.search import search_dates

    found = (
        search_dates(
            text, languages=["en"], settings={"RELATIVE_BASE": datetime.fromisoformat(dct)}
        )
        or []
    )
    out = []
    pos = 0
    for sub, when in found:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        out.append((i, i + len(sub), when))
        pos = i + len(sub)
    return out


def _dateparser_value_ok(gold_value: str | None, when: datetime) -> bool:
    if not gold_value:
        return False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold_value):
        return when.date().isoformat() == gold_value
    if re.fullmatch(r"\d{4}-\d{2}", gold_value):
        return when.strftime("%Y-%m") == gold_value
    if re.fullmatch(r"\d{4}", gold_value):
        return str(when.year) == gold_value
    return False


def _value_matches(pred: list[Timex], gold: list[dict[str, Any]], g_spans: list[Span]) -> int:
    pairs = _match([(t.start, t.end) for t in pred], g_spans)
    return sum(
        1 for i, j in pairs if canonical_value(pred[i].value) == canonical_value(gold[j]["value"])
    )


def score_timeml(records: list[dict[str, Any]], exclude_dct: bool) -> SuiteResult:
    docs = analyse(records, "text", lambda r: r["dct"])
    n_pred = n_gold = strict_tp = relaxed_tp = value_tp = type_ok = 0
    n_pred_one = value_tp_one = 0
    dp_pred = dp_relaxed = dp_value = 0
    dct_found = dct_total = 0
    by_type: Counter[str] = Counter()
    by_type_found: Counter[str] = Counter()
    by_type_value: Counter[str] = Counter()
    for rec, doc in zip(records, docs, strict=True):
        gold = [t for t in rec["timexes"] if not (exclude_dct and t.get("is_dct"))]
        dct_spans = [
            (t["start"], t["end"]) for t in rec["timexes"] if exclude_dct and t.get("is_dct")
        ]
        listed = [
            t for t in doc.timexes if not any(t.start < e and s < t.end for s, e in dct_spans)
        ]
        g_spans0 = [(t["start"], t["end"]) for t in gold]
        value_tp_one += _value_matches(listed, gold, g_spans0)
        n_pred_one += len(listed)
        pred = listed + [end for t in listed for end in range_ends(doc.text, t)]
        dct_total += len(dct_spans)
        dct_found += sum(
            1 for s, e in dct_spans if any(t.start < e and s < t.end for t in doc.timexes)
        )
        g_spans = [(t["start"], t["end"]) for t in gold]
        p_spans = [(t.start, t.end) for t in pred]
        n_pred += len(pred)
        n_gold += len(gold)
        strict_tp += len(set(p_spans) & set(g_spans))
        pairs = _match(p_spans, g_spans)
        relaxed_tp += len(pairs)
        for g in gold:
            by_type[g["type"]] += 1
        for i, j in pairs:
            by_type_found[gold[j]["type"]] += 1
            if pred[i].type == gold[j]["type"]:
                type_ok += 1
            if canonical_value(pred[i].value) == canonical_value(gold[j]["value"]):
                value_tp += 1
                by_type_value[gold[j]["type"]] += 1
        dp = [
            x
            for x in _dateparser_spans(rec["text"], rec["dct"])
            if not any(x[0] < e and s < x[1] for s, e in dct_spans)
        ]
        dp_pred += len(dp)
        dp_pairs = _match([(s, e) for s, e, _ in dp], g_spans)
        dp_relaxed += len(dp_pairs)
        dp_value += sum(1 for i, j in dp_pairs if _dateparser_value_ok(gold[j]["value"], dp[i][2]))
    strict = prf(strict_tp, n_pred, n_gold)
    relaxed = prf(relaxed_tp, n_pred, n_gold)
    value = prf(value_tp, n_pred, n_gold)
    value_one = prf(value_tp_one, n_pred_one, n_gold)
    dp_rel = prf(dp_relaxed, dp_pred, n_gold)
    metrics = {
        "strict_p": strict["p"],
        "strict_r": strict["r"],
        "strict_f1": strict["f1"],
        "relaxed_p": relaxed["p"],
        "relaxed_r": relaxed["r"],
        "relaxed_f1": relaxed["f1"],
        "value_f1": value["f1"],
        "value_f1_ranges_as_one": value_one["f1"],
        "type_accuracy": round(type_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "dateparser_relaxed_f1": dp_rel["f1"],
        "dateparser_value_accuracy": round(dp_value / n_gold, 4) if n_gold else 0.0,
    }
    table = [
        {"type": t, "gold": n, "found": by_type_found[t], "value_ok": by_type_value[t]}
        for t, n in by_type.most_common()
    ]
    notes = [
        f"predicted {n_pred}, gold {n_gold}; value accuracy of dateparser counts only"
        " gold dates/months/years it can express",
        "ranges are scored in TimeML's form, the range and each of its ends;"
        " value_f1_ranges_as_one scores each range as one timex",
    ]
    if exclude_dct:
        notes.append(
            f"DCT date lines excluded from gold and predictions; found {dct_found}/{dct_total}"
        )
    return SuiteResult(metrics=metrics, tables={"by_type": table}, notes=notes)


def _inclusive_ends(start: str | None, end: str, quarters: bool = False) -> set[str]:
    """News-convention ends of a range whose gold end is the first day of a month or year.

    Recognizers ends "from May to July" on 1 July (exclusive); news reads it as through July, so
    the range ends on the last day of the month (or year) the gold end opens; a range whose
    text names quarters ("from 2017 Q1 to 2018 Q1") ends on the last day of the quarter.
    """
    d = date.fromisoformat(end[:10])
    if d.day != 1:
        return set()
    ends = {(add_months(d, 1) - timedelta(days=1)).isoformat()}
    if quarters and d.month % 3 == 1:
        ends.add((add_months(d, 3) - timedelta(days=1)).isoformat())
    if d.month == 1 and (start is None or start[5:10] == "01-01"):
        ends.add(date(d.year, 12, 31).isoformat())
    return ends


def add_months(d: date, n: int) -> date:
    total = d.month - 1 + n
    return date(d.year + total // 12, total % 12 + 1, 1)


#: A range whose text counts quarters ("2017-Q1", "the third quarter").
_QUARTER_TEXT = re.compile(r"\b(?:\d{4}[-\s]?)?q[1-4]\b|\bquarters?\b", re.IGNORECASE)


def _recognizer_ok(
    kind: str,
    timex: Timex,
    values: list[dict[str, Any]],
    news_convention: bool = False,
    gold_text: str = "",
    reference: str = "",
) -> bool:
    """Whether a timex resolves a Recognizers case.

    A case may list several values (a bare weekday or day, past and future): any one counts.
    Where Recognizers leaves a value "not resolved" (an invalid day such as 30 February, a
    bare season, a school year), its timex is compared with ours (a bare season with the
    season of ours, `_season_ok`). A date given as an open
    range ("after 2016": a start and no end) is compared as a daterange; a timex may give it as
    TimeML does, the period named with the mod AFTER or BEFORE (`_open_range_ok`). `news_convention`
    also accepts range ends read inclusively ("from May to July" through the end of July) and a
    vague count left unspecified as TimeML writes it ("several weeks" PXW, Recognizers P3W),
    and "earlier/later this year" read up to or from the reference day (`_edge_from_now_ok`).
    """
    for v in values:
        if v.get("value") == UNRESOLVED or v.get("start") == UNRESOLVED:
            if timex.value == v.get("timex") or _season_ok(timex, v.get("timex")):
                return True
            continue
        if kind == "duration":
            if timex.value == v.get("timex"):
                return True
            if news_convention and _vague_count_ok(timex, v.get("timex")):
                return True
        elif kind == "date" and "value" in v:
            if timex.interval and timex.interval.start == timex.interval.end == v.get("value"):
                return True
            if timex.value == v.get("value"):
                return True
        elif kind in ("date", "daterange") and timex.interval:
            start, end = v.get("start"), v.get("end")
            end_incl = (
                (date.fromisoformat(end[:10]) - timedelta(days=1)).isoformat() if end else None
            )
            if start is None and end is None:
                continue
            if news_convention and _edge_from_now_ok(timex, v, gold_text, reference):
                return True
            # Calendar periods end the day before the gold's exclusive end; ranges counted
            # from a duration ("within 9 months") end on the gold end itself.
            ends = {end_incl, end[:10]} if end else set()
            if news_convention and start and end:
                ends |= _inclusive_ends(start, end, bool(_QUARTER_TEXT.search(gold_text)))
            if (start is None or timex.interval.start == start[:10]) and (
                end is None or timex.interval.end in ends
            ):
                return True
            if _open_range_ok(timex, start, end):
                return True
            if _after_day_ok(timex, v):
                return True
    return False


#: The TIMEX3 codes of the seasons, which Recognizers leaves without a year when bare.
_SEASON_CODES = frozenset({"SP", "SU", "FA", "WI"})


def _season_ok(timex: Timex, gold_timex: str | None) -> bool:
    """A bare season Recognizers leaves unresolved ("summer": SU, no year) against ours with
    the year the context gives ("2016-SU"): the gold says nothing of the year, so the season
    alone is compared."""
    if gold_timex not in _SEASON_CODES or not timex.value:
        return False
    return timex.value.endswith(f"-{gold_timex}")


def _after_day_ok(timex: Timex, v: dict[str, Any]) -> bool:
    """ "after January 1, 2007": Recognizers starts the range at the day's first instant (a
    point, 2007-01-01T00:00); in whole days the range starts when that day is over, on 2
    January, where communique starts it."""
    start = v.get("start")
    if v.get("Mod") != "after" or v.get("sourceEntity") != "datetimepoint" or not start:
        return False
    if timex.interval is None or timex.mod != "AFTER" or len(start) != 10:
        return False
    return timex.interval.start == (date.fromisoformat(start) + timedelta(days=1)).isoformat()


_EARLIER_LATER = re.compile(r"\b(?P<w>earlier|later)\b", re.IGNORECASE)


def _edge_from_now_ok(timex: Timex, v: dict[str, Any], gold_text: str, reference: str) -> bool:
    """ "earlier this month" as news reads it: from the start of the period to the reference
    day; "later this year": from the reference day to the period's end. Recognizers takes the
    first or second half of the period (or the days after it for a week); a report saying
    "later this year" in May means any time between now and December.
    """
    m = _EARLIER_LATER.search(gold_text)
    start, end = v.get("start"), v.get("end")
    if m is None or timex.interval is None or not (start and end and reference):
        return False
    if timex.value != v.get("timex"):
        return False
    if m.group("w").lower() == "earlier":
        return (timex.interval.start, timex.interval.end) == (start[:10], reference[:10])
    last = (date.fromisoformat(end[:10]) - timedelta(days=1)).isoformat()
    return (timex.interval.start, timex.interval.end) == (reference[:10], last)


_VAGUE_COUNT = re.compile(r"\b(?:few|several|some)\b", re.IGNORECASE)
_COUNTED = re.compile(r"^P(T?)\d+([YMWDHS])$")


def _vague_count_ok(timex: Timex, gold: str | None) -> bool:
    """ "several weeks" as TimeML writes it (PXW), where Recognizers counts it as three (P3W)."""
    m = _COUNTED.match(gold or "")
    if m is None or not _VAGUE_COUNT.search(timex.text):
        return False
    return timex.value == f"P{m.group(1)}X{m.group(2)}"


def _open_range_ok(timex: Timex, start: str | None, end: str | None) -> bool:
    """Whether a range open on one side ("after 2018") is the one a timex gives in TimeML's
    form: the interval of the period it names, and the mod AFTER or BEFORE for the side."""
    if timex.interval is None or (start is None) == (end is None):
        return False
    if start is not None and timex.mod == "AFTER":
        after = date.fromisoformat(timex.interval.end) + timedelta(days=1)
        return after.isoformat() == start[:10]
    if end is not None and timex.mod == "BEFORE":
        return timex.interval.start == end[:10]
    return False


def score_recognizers(records: list[dict[str, Any]]) -> SuiteResult:
    cases = [r for r in records if r.get("reference")]
    docs = analyse(cases, "input", lambda r: r["reference"][:10])
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    news_ok: Counter[str] = Counter()
    dp_found: Counter[str] = Counter()
    dp_ok: Counter[str] = Counter()
    two_way = two_way_ok = 0
    for rec, doc in zip(cases, docs, strict=True):
        dp = _dateparser_spans(rec["input"], rec["reference"][:10])
        for res in rec["results"]:
            kind = res["type"].rsplit(".", 1)[-1]
            if kind not in RECOGNIZER_TYPES:
                continue
            total[kind] += 1
            hits = [t for t in doc.timexes if t.start < res["end"] and res["start"] < t.end]
            if hits:
                found[kind] += 1
            good = any(_recognizer_ok(kind, t, res["values"]) for t in hits)
            ok[kind] += good
            news_ok[kind] += good or any(
                _recognizer_ok(kind, t, res["values"], True, res["text"], rec["reference"])
                for t in hits
            )
            if kind == "date" and len(res["values"]) > 1:
                two_way += 1
                two_way_ok += good
            dp_hits = [w for s, e, w in dp if s < res["end"] and res["start"] < e]
            if dp_hits:
                dp_found[kind] += 1
                if kind == "date" and any(
                    w.date().isoformat() == v.get("value") for w in dp_hits for v in res["values"]
                ):
                    dp_ok[kind] += 1
    metrics: dict[str, float] = {}
    table = []
    for kind in RECOGNIZER_TYPES:
        n = total[kind] or 1
        metrics[f"{kind}_resolved"] = round(ok[kind] / n, 4)
        metrics[f"{kind}_resolved_news_convention"] = round(news_ok[kind] / n, 4)
        metrics[f"{kind}_found"] = round(found[kind] / n, 4)
        metrics[f"dateparser_{kind}_found"] = round(dp_found[kind] / n, 4)
        table.append(
            {
                "type": kind,
                "cases": total[kind],
                "found": found[kind],
                "resolved": ok[kind],
                "resolved_news_convention": news_ok[kind],
                "dateparser_found": dp_found[kind],
                "dateparser_resolved": dp_ok[kind],
            }
        )
    all_total = sum(total.values()) or 1
    metrics["resolved"] = round(sum(ok.values()) / all_total, 4)
    metrics["dateparser_date_value_accuracy"] = round(dp_ok["date"] / (total["date"] or 1), 4)
    notes = [
        f"{two_way} date cases give two candidate values (a bare weekday or day, past and"
        f" future); a match with either counts: {two_way_ok} resolved",
        f"{len(records) - len(cases)} cases without a reference date skipped",
        "daterange ends are exclusive in the gold, inclusive in communique intervals",
        "a bare season left unresolved in the gold (SU) is compared by season only; 'after"
        " <day>' may start on the next whole day (the gold starts at the day's first instant)",
        "*_resolved_news_convention also accepts a range read through its last named month or"
        " year ('from May to July' ends 31 July, where Recognizers ends it on 1 July), and a"
        " vague count as TimeML writes it ('several weeks' PXW, where Recognizers writes P3W),"
        " and 'earlier/later this year' read up to or from the reference day (Recognizers takes"
        " the first or second half)",
    ]
    return SuiteResult(metrics=metrics, tables={"by_type": table}, notes=notes)


def score(suite_name: str, records: list[dict[str, Any]]) -> SuiteResult:
    if suite_name == "timex.recognizers":
        return score_recognizers(records)
    return score_timeml(records, exclude_dct=suite_name == "timex.meantime")

"""Engagements: events in many articles that refer to one happening, with their lifecycle.

Two events are linked when their types match, their participant countries
overlap, their times are compatible (a planned interval containing the held
date) and their places are compatible (`unspecified` matches any). An event is
compared with an engagement's core (the dates and countries most of its members
agree on), so that an engagement cannot drift from one happening to the next; a
report too vague to tell happenings apart joins one only when no other fits. The
status of an engagement is the latest credible one; denials and contradictions are
kept as conflicts; sources count articles, outlets and independent origins.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

#: Days of slack when comparing dates (multi-day talks, time zones, loose datelines).
DATE_SLACK_DAYS = 1
#: An undated event reported as held happened at most this many days before the report.
HELD_LOOKBACK_DAYS = 30
#: An undated event reported as planned happens at most this many days after the report.
PLANNED_LOOKAHEAD_DAYS = 120
#: Countries two multi-country events must share to be linked.
MIN_SHARED_COUNTRIES = 2
#: Countries an event needs to open an engagement of its own (fewer: it can only join one).
MIN_COUNTRIES_TO_OPEN = 2
#: Dates spanning more days than this ("in May") place an event loosely: such an event
#: opens engagements after the ones dated to their days, and joins one only when no
#: other fits.
PRECISE_SPAN_DAYS = 7
#: Most recent engagements per (type, country) checked for a match; bounds the linking cost.
CANDIDATE_WINDOW = 64
#: Independent origins from which an engagement counts as corroborated.
CORROBORATING_ORIGINS = 2
#: A full date within this many characters of the top of an undated text is its dateline,
#: when at most DATELINE_PREFIX_CHARS characters of capitalised words (a place name, a
#: weekday) precede it on its line.
DATELINE_CHARS = 300
DATELINE_PREFIX_CHARS = 30
#: A date without a year takes the year of a dated event of the same countries this close to it.
YEAR_INFERENCE_DAYS = 120
#: Statuses whose weekday names point back from the report ("met on Saturday"), and those
#: whose names point ahead ("will meet on Saturday"); for others the nearer day is meant.
PAST_STATUSES = ("occurred", "ongoing")
FUTURE_STATUSES = ("planned", "proposed", "conditional", "postponed")

#: Years a date read from an article's address may have (others are ids, not dates).
MIN_URL_YEAR, MAX_URL_YEAR = 1995, 2099

_URL_DATES = (
    re.compile(r"(?<!\d)(\d{4})[/_-](\d{2})[/_-]?(\d{2})(?!\d)"),
    re.compile(r"/(\d{4})(\d{2})(\d{2})"),
)
_LOWER_WORD = re.compile(r"\b[a-z]")
_YEAR = re.compile(r"\b\d{4}\b")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """Engagement rules from `communique/data/engagements.json`."""
    text = resources.files("communique").joinpath("data/engagements.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def parse_day(value: str | None, as_of: str | None = None) -> date | None:
    """A date from an ISO value; an unknown year ('XXXX-05-12') takes the report's year."""
    if not value or len(value) < 10:
        return None
    text = value[:10]
    if text.startswith("XXXX") and as_of and len(as_of) >= 4:
        text = as_of[:4] + text[4:]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def url_date(url: str | None) -> str | None:
    """The publication date many sites write into an article's address.

    A path of year, month and day ("/2025/05/19/", "/2025/0519/", "-2025-05-19"), or a path
    segment opening with eight digits that read as one ("/20250519", "/202505191234").
    """
    path = urlsplit(url or "").path
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            year, month, day = (int(g) for g in match.groups())
            if not MIN_URL_YEAR <= year <= MAX_URL_YEAR:
                continue
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def reference_date(record: dict[str, Any]) -> str | None:
    """The date a report speaks from: its publication date, else the date in its address,
    else a full date in its dateline."""
    article = record.get("article") or {}
    published = article.get("published")
    if published:
        return str(published)[:10]
    from_url = url_date(article.get("url"))
    if from_url:
        return from_url
    text = str(article.get("text") or "")
    timexes = sorted(record.get("timexes", []), key=lambda t: t.get("start") or 0)
    days = [
        str(t.get("value"))
        for t in timexes
        if t.get("type") == "DATE" and _FULL_DATE.match(t.get("value") or "")
    ]
    for t in timexes:
        value = t.get("value") or ""
        start = t.get("start") or 0
        if t.get("type") != "DATE" or start >= DATELINE_CHARS or not _FULL_DATE.match(value):
            continue
        # A dateline opens its line ("Geneva, 10 May 2025:"). A date inside a sentence
        # near the top is the report's only when the text names no later day (a caption's
        # "photographed on ..." is older than the news).
        prefix = text[text.rfind("\n", 0, start) + 1 : start]
        dateline = len(prefix) <= DATELINE_PREFIX_CHARS and not _LOWER_WORD.search(prefix)
        if dateline or value >= max(days):
            return value
    return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def resolve_when(
    when: dict[str, Any] | None,
    timexes: list[dict[str, Any]],
    reference: str | None,
    status: str,
) -> tuple[str | None, str | None]:
    """An event's dates, completing what the analysis left open from the report's date.

    A weekday name is the nearest such day before the report for what happened,
    after it for what is planned; a month or ISO week without its dates becomes
    its whole range; a month and day without a year keeps the pattern
    `XXXX-MM-DD` for `parse_day` to complete.
    """
    when = when or {}
    start, end = when.get("start"), when.get("end")
    if start and not str(start).startswith("X"):
        return start, end
    text = (when.get("text") or "").strip().lower()
    values = {t.get("value") for t in timexes if (t.get("text") or "").strip().lower() == text}
    value = str(values.pop()) if len(values) == 1 and text else str(start or "")
    ref = parse_day(reference)
    if _PARTIAL_DATE.match(value):
        return value, value
    weekday = _WEEKDAY.match(value)
    if weekday and ref is not None:
        shift = (int(weekday.group(1)) - ref.isoweekday()) % 7
        after, before = ref + timedelta(days=shift), ref - timedelta(days=(7 - shift) % 7)
        if status in PAST_STATUSES:
            day = before
        elif status in FUTURE_STATUSES:
            day = after
        else:
            # A denial or cancellation points neither way: the nearer day is meant.
            day = before if (ref - before) < (after - ref) else after
        return day.isoformat(), day.isoformat()
    month = _MONTH.match(value)
    if month and (month.group(1) != "XXXX" or ref is not None):
        year = ref.year if month.group(1) == "XXXX" and ref is not None else int(month.group(1))
        lo, hi = _month_span(year, int(month.group(2)))
        return lo.isoformat(), hi.isoformat()
    week = _WEEK.match(value)
    if week:
        lo = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return lo.isoformat(), (lo + timedelta(days=6)).isoformat()
    if ref is not None and text and not start:
        return _relative_days(text, ref, status) or (start, end)
    return start, end


def held_before_report(
    start: str | None, end: str | None, text: str | None, reference: str | None, status: str
) -> tuple[str | None, str | None]:
    """What happened cannot postdate its report: a held event dated after it by a month or day
    whose year the text does not give ("agreed in March", read as next March) is a year earlier.
    """
    ref = parse_day(reference)
    first, last = parse_day(start), parse_day(end)
    if status not in PAST_STATUSES or ref is None or first is None or first <= ref:
        return start, end
    if _YEAR.search(text or ""):
        return start, end

    def earlier(d: date) -> str:
        try:
            return d.replace(year=d.year - 1).isoformat()
        except ValueError:  # 29 February
            return (d - timedelta(days=365)).isoformat()

    return earlier(first), earlier(last) if last is not None else None


def _relative_days(text: str, ref: date, status: str) -> tuple[str, str] | None:
    """A relative expression the analysis could not anchor ("late last week"), read by the
    time stage's own normaliser from the report's date."""
    from communique.timeparse import find_candidates, resolve

    direction = -1 if status in PAST_STATUSES else 1
    for candidate in find_candidates(text):
        # "late last week" links as last week: reports place a day's edge loosely.
        loose = replace(candidate, mod=None, parts={**candidate.parts, "edge": None})
        res = resolve(loose, ref, direction)
        if res.type == "DATE" and res.interval is not None:
            return res.interval[0].isoformat(), res.interval[1].isoformat()
    return None


def partial_day(value: str | None) -> tuple[int, int] | None:
    """Month and day of a date without a year ('XXXX-05-12')."""
    match = _PARTIAL_DATE.match(value or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


@dataclass
class EventRow:
    """One stored event, as the linker sees it."""

    seq: int
    article: str
    event: str
    type: str
    mode: str | None
    status: str
    countries: frozenset[str]
    location_text: str | None
    location_country: str | None
    location_kind: str | None
    when_text: str | None
    start: date | None
    end: date | None
    as_of: str | None
    verification: str | None
    evidence: str
    participants: list[str]
    outlet: str | None
    origin: str | None
    partial: tuple[int, int] | None = None

    def window(self) -> tuple[date, date] | None:
        """The dates the event can fall on: its own, or a range around the report."""
        if self.start is not None:
            return self.start, self.end or self.start
        report = parse_day(self.as_of)
        if report is None:
            return None
        if self.status == "occurred":
            return report - timedelta(days=HELD_LOOKBACK_DAYS), report
        if self.status in FUTURE_STATUSES:
            return report, report + timedelta(days=PLANNED_LOOKAHEAD_DAYS)
        return report - timedelta(days=HELD_LOOKBACK_DAYS), report + timedelta(
            days=PLANNED_LOOKAHEAD_DAYS
        )


@dataclass
class Engagement:
    """Events linked into one happening, with the attributes they agree on.

    A candidate event is compared with the engagement's core, not with everything its
    members ever said: the dates most of its members agree on and the countries most of
    them name. A union of windows and countries would grow with every member, and let
    each new event chain the engagement on to the next happening between neighbours.
    """

    first: EventRow
    members: list[EventRow] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    core_countries: frozenset[str] = frozenset()
    mode: str | None = None
    place: tuple[str | None, str | None] | None = None
    held: tuple[date, date] | None = None
    held_core: tuple[date, date] | None = None
    planned: tuple[date, date] | None = None
    soft: tuple[date, date] | None = None
    held_reported: date | None = None
    ended_reported: date | None = None
    statuses: set[str] = field(default_factory=set)
    _held_spans: list[tuple[date, date]] = field(default_factory=list)
    _windows: list[tuple[date, date]] = field(default_factory=list)
    _named: dict[str, int] = field(default_factory=dict)
    _naming: int = 0

    def dates(self) -> tuple[date, date] | None:
        return self.held or self.planned

    def add(self, ev: EventRow) -> None:
        self.members.append(ev)
        self.countries |= ev.countries
        self.statuses.add(ev.status)
        if self.mode is None and ev.mode:
            self.mode = ev.mode
        if self.place is None and ev.location_kind == "place":
            self.place = (ev.location_country, ev.location_text)
        report = parse_day(ev.as_of)
        if ev.status == "occurred" and report is not None:
            self.held_reported = min(report, self.held_reported or report)
        # An event that joined on one shared country is too weak to date the engagement,
        # or to say who takes part.
        if len(ev.countries) < MIN_COUNTRIES_TO_OPEN:
            self.core_countries = self.core_countries or frozenset(ev.countries)
            return
        if ev.status in rules()["terminal_statuses"] and report is not None:
            self.ended_reported = min(report, self.ended_reported or report)
        self._naming += 1
        for c in ev.countries:
            self._named[c] = self._named.get(c, 0) + 1
        core = frozenset(c for c, n in self._named.items() if n * 2 >= self._naming)
        # Members that agree on fewer than two countries do not make a happening between
        # parties: the one that opened it says who they are.
        self.core_countries = core if len(core) >= MIN_COUNTRIES_TO_OPEN else self.first.countries
        if ev.start is not None:
            span = (ev.start, ev.end or ev.start)
            if ev.status == "occurred":
                self._held_spans.append(span)
                self.held_core = consensus(self._held_spans)
                self.held = _agreeing(self._held_spans, self.held_core)
            elif ev.status not in rules()["conflict_statuses"]:
                narrowed = None if self.planned is None else _intersect(self.planned, span)
                self.planned = narrowed or (self.planned or span)
        window = ev.window()
        if window is not None:
            self._windows.append(window)
            self.soft = consensus(self._windows)


def consensus(
    spans: list[tuple[date, date]], slack: int = DATE_SLACK_DAYS
) -> tuple[date, date] | None:
    """The days the most spans, each widened by `slack` days, agree on (first to last).

    Spans of one happening share its day, so this is their intersection; a span that
    strayed in moves it no more than one vote, where a union would follow it.
    """
    if not spans:
        return None
    pad = timedelta(days=slack)
    edges = sorted(
        [((lo - pad).toordinal(), 1) for lo, _ in spans]
        + [((hi + pad).toordinal() + 1, -1) for _, hi in spans]
    )
    depth = best = 0
    first = last = 0
    for i, (day, step) in enumerate(edges):
        depth += step
        if i + 1 < len(edges) and edges[i + 1][0] == day:
            continue
        if depth > best:
            best, first = depth, day
            last = edges[i + 1][0] - 1
        elif depth == best and depth > 0:
            last = edges[i + 1][0] - 1
    return date.fromordinal(first), date.fromordinal(last)


def _agreeing(
    spans: list[tuple[date, date]], core: tuple[date, date] | None
) -> tuple[date, date] | None:
    """The dates reported by the spans that agree with the core: from first to last."""
    if core is None:
        return None
    kept = [s for s in spans if _overlaps(s, core, slack=0)]
    return (min(s[0] for s in kept), max(s[1] for s in kept)) if kept else None


def _intersect(a: tuple[date, date], b: tuple[date, date]) -> tuple[date, date] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _overlaps(a: tuple[date, date], b: tuple[date, date], slack: int = DATE_SLACK_DAYS) -> bool:
    pad = timedelta(days=slack)
    return a[0] - pad <= b[1] and b[0] - pad <= a[1]


def _time_ok(ev: EventRow, g: Engagement) -> bool:
    """Whether an event's dates fit the engagement's core (held before it was reported held;
    an undated plan, only until it was reported over).

    The held and soft cores already carry the slack of `consensus`; plans are compared
    with it.
    """
    report = parse_day(ev.as_of)
    if (
        ev.start is None
        and ev.status in rules()["ahead_statuses"]
        and g.ended_reported is not None
        and report is not None
        and (report - g.ended_reported).days > DATE_SLACK_DAYS
    ):
        return False
    if len(ev.countries) < MIN_COUNTRIES_TO_OPEN and g.dates() is None:
        # One country and an engagement placed only by its reports' dates: too little to
        # tell which happening it is.
        return False
    if ev.start is not None:
        span = (ev.start, ev.end or ev.start)
        late = g.held_reported is not None and (span[0] - g.held_reported).days > DATE_SLACK_DAYS
        if ev.status == "occurred" and late:
            return False
        known = g.dates()
        if not _precise(ev) and known is not None:
            # A month holds the day it names or it does not: no slack at its edges.
            return _overlaps(span, known, slack=0)
        if g.held_core is not None:
            return _overlaps(span, g.held_core, slack=0)
        if g.planned is not None:
            return _overlaps(span, g.planned)
        return g.soft is None or _overlaps(span, g.soft, slack=0)
    window = ev.window()
    if window is None:
        # Placed nowhere in time: it can only confirm what others already report.
        return ev.status in g.statuses and g.dates() is not None
    if g.held_core is not None:
        return _overlaps(window, g.held_core, slack=0)
    if g.planned is not None:
        return _overlaps(window, g.planned)
    return g.soft is None or _overlaps(window, g.soft, slack=0)


def _place_ok(ev: EventRow, g: Engagement) -> bool:
    if ev.location_kind != "place" or g.place is None:
        return True
    country, text = g.place
    if ev.location_country and country:
        return ev.location_country == country
    a = set((ev.location_text or "").lower().split())
    b = set((text or "").lower().split())
    return not a or not b or bool(a & b)


@lru_cache(maxsize=1)
def _mode_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(exclusive modes, own-party modes) of the rules."""
    r = rules()
    return frozenset(r["exclusive_modes"]), frozenset(r["own_party_modes"])


def _mode_ok(ev: EventRow, g: Engagement) -> bool:
    if not ev.mode and not g.mode:
        return True
    exclusive, own_party = _mode_sets()
    if (ev.mode in own_party or g.mode in own_party) and ev.countries != g.countries:
        return False
    if not ev.mode or not g.mode:
        return True
    return (ev.mode in exclusive) == (g.mode in exclusive)


def _status_ok(ev: EventRow, g: Engagement) -> bool:
    """Whether the event's status may describe the same happening as the engagement's."""
    for a, b in rules()["separate_statuses"]:
        if (ev.status == a and b in g.statuses) or (ev.status == b and a in g.statuses):
            return False
    return True


def _shared_needed(ev: EventRow, g: Engagement) -> int:
    return min(MIN_SHARED_COUNTRIES, len(ev.countries), len(g.core_countries))


def eligible(ev: EventRow, section: str | None) -> bool:
    """Whether an event can take part in an engagement at all."""
    r = rules()
    return (
        ev.type in r["types"]
        and (section or "reporting") in r["sections"]
        and ev.status not in r["skip_statuses"]
        and bool(ev.countries)
    )


class _AnchorIndex:
    """Dated events by country and day, to find the ones nearest a month and day.

    `infer_years` keeps the closest (day, anchor) pair over all years, so for each
    year only the anchors nearest that year's day can win: `near` yields those
    (sharing `needed` countries, within `YEAR_INFERENCE_DAYS`), instead of every
    dated event.
    """

    def __init__(self, dated: list[tuple[frozenset[str], date]]) -> None:
        self.dated = dated
        by_country: dict[str, list[tuple[int, int]]] = {}
        for i, (countries, day) in enumerate(dated):
            for c in countries:
                by_country.setdefault(c, []).append((day.toordinal(), i))
        self.days: dict[str, list[int]] = {}
        self.rows: dict[str, list[int]] = {}
        for c, pairs in by_country.items():
            pairs.sort()
            self.days[c] = [d for d, _ in pairs]
            self.rows[c] = [i for _, i in pairs]
        years = [day.year for _, day in dated]
        self.years = range(min(years) - 1, max(years) + 2) if years else range(0)

    def near(
        self, countries: frozenset[str], partial: tuple[int, int], needed: int
    ) -> Iterator[tuple[frozenset[str], date]]:
        if needed <= 0:
            yield from self.dated
            return
        # An anchor sharing `needed` of the k countries has one of any k - needed + 1 of them.
        rarest = sorted(countries, key=lambda c: (len(self.days.get(c, [])), c))
        lists = rarest[: max(1, len(rarest) - needed + 1)]
        found: set[int] = set()
        for year in self.years:
            try:
                middle = date(year, *partial).toordinal()
            except ValueError:
                continue
            gap, nearest = YEAR_INFERENCE_DAYS, set[int]()
            for c in lists:
                days, rows = self.days.get(c, []), self.rows.get(c, [])
                at = bisect_left(days, middle)
                for step in (1, -1):
                    i = at if step == 1 else at - 1
                    while 0 <= i < len(days) and abs(days[i] - middle) <= gap:
                        if len(countries & self.dated[rows[i]][0]) >= needed:
                            if abs(days[i] - middle) < gap:
                                nearest = set()
                            gap = abs(days[i] - middle)
                            nearest.add(rows[i])
                            break
                        i += step
            found |= nearest
        for i in sorted(found):
            yield self.dated[i]


def infer_years(events: list[EventRow]) -> None:
    """Date events known only by month and day from dated events of the same countries.

    The year is the one that puts the day closest to the date (or report date) of
    an event sharing its countries (two, or all when it has fewer), if within
    `YEAR_INFERENCE_DAYS`.
    """
    anchors = [(e.countries, e.start or parse_day(e.as_of)) for e in events]
    dated = [(countries, day) for countries, day in anchors if day is not None]
    index = _AnchorIndex(dated)
    for ev in events:
        if ev.partial is None or ev.start is not None:
            continue
        needed = min(MIN_SHARED_COUNTRIES, len(ev.countries))
        best: tuple[int, date] | None = None
        for countries, anchor in index.near(ev.countries, ev.partial, needed):
            if len(ev.countries & countries) < needed or anchor is None:
                continue
            for year in (anchor.year - 1, anchor.year, anchor.year + 1):
                try:
                    day = date(year, *ev.partial)
                except ValueError:
                    continue
                gap = abs((day - anchor).days)
                if gap <= YEAR_INFERENCE_DAYS and (best is None or (gap, day) < best):
                    best = (gap, day)
        if best is not None:
            ev.start = ev.end = best[1]


def placeable(ev: EventRow) -> bool:
    """Whether an event can open an engagement: it has dates, or a report date to bound them."""
    return len(ev.countries) >= MIN_COUNTRIES_TO_OPEN and ev.window() is not None


def _link_order(ev: EventRow) -> tuple[int, str, str, int]:
    """Events dated to their days open engagements first, then those dated loosely (a
    month), then those dated by their report."""
    if ev.start is not None:
        weak = len(ev.countries) < MIN_COUNTRIES_TO_OPEN
        tier = 2 if weak else (0 if _precise(ev) else 1)
        day = ev.start.isoformat()
    else:
        tier, day = (3, ev.as_of or "") if ev.as_of else (4, "")
    return tier, day, ev.article, ev.seq


def _precise(ev: EventRow) -> bool:
    """Whether an event is dated to its days, not only to a month or a season."""
    return ev.start is not None and ((ev.end or ev.start) - ev.start).days <= PRECISE_SPAN_DAYS


def _vague(ev: EventRow) -> bool:
    """Whether an event says too little to tell two happenings apart: it names one country,
    is placed nowhere in time, or is dated only loosely."""
    return (
        len(ev.countries) < MIN_COUNTRIES_TO_OPEN
        or ev.window() is None
        or (ev.start is not None and not _precise(ev))
    )


def _shares_enough(ev: EventRow, g: Engagement) -> bool:
    """Whether an event shares enough participant countries with the engagement's core.

    The country an engagement takes place in is its host, which some reports name
    as a participant and others do not; so the guests alone may be compared, when
    the engagement has guests enough to be their meeting (without them, the host is
    one of two parties).
    """
    core = g.core_countries
    shared, needed = len(ev.countries & core), _shared_needed(ev, g)
    # A report naming parties names most of the core (two of three, three of four).
    if shared >= max(1, needed) and (needed < MIN_SHARED_COUNTRIES or shared * 2 > len(core)):
        return True
    host = g.place[0] if g.place else None
    if host is None or (host not in ev.countries and host not in core):
        return False
    ev_guests, g_guests = ev.countries - {host}, core - {host}
    if len(g_guests) < MIN_SHARED_COUNTRIES:
        return False
    needed = min(MIN_SHARED_COUNTRIES, len(ev_guests), len(g_guests))
    return len(ev_guests & g_guests) >= max(1, needed)


#: What `_best_match` finds for a vague event that fits more than one engagement.
AMBIGUOUS = -1


def link(events: list[EventRow]) -> list[Engagement]:
    """Link events into engagements, deterministically for the same events."""
    infer_years(events)
    ordered = sorted(events, key=_link_order)
    engagements: list[Engagement] = []
    index: dict[tuple[str, str], list[int]] = {}
    for opening in (True, False):
        for ev in ordered:
            if placeable(ev) != opening:
                continue
            best = _best_match(ev, engagements, index)
            if best == AMBIGUOUS:
                continue
            if best is None:
                if not opening:
                    continue
                engagements.append(Engagement(first=ev))
                best = len(engagements) - 1
                for c in ev.countries:
                    index.setdefault((ev.type, c), []).append(best)
            g = engagements[best]
            new = ev.countries - g.countries
            g.add(ev)
            for c in new:
                index.setdefault((ev.type, c), []).append(best)
    return engagements


def _best_match(
    ev: EventRow, engagements: list[Engagement], index: dict[tuple[str, str], list[int]]
) -> int | None:
    candidates: set[int] = set()
    for c in ev.countries:
        candidates.update(index.get((ev.type, c), [])[-CANDIDATE_WINDOW:])
    vague = _vague(ev)
    fitting = 0
    best: tuple[tuple[int, int, int, int], int] | None = None
    for i in sorted(candidates):
        g = engagements[i]
        shared = len(ev.countries & g.core_countries)
        if not _shares_enough(ev, g):
            continue
        if not (_time_ok(ev, g) and _place_ok(ev, g) and _mode_ok(ev, g) and _status_ok(ev, g)):
            continue
        fitting += 1
        same_place = int(ev.location_kind == "place" and g.place is not None)
        score = (shared, same_place, -_report_gap(ev, g), -i)
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return None
    # A vague event joins a happening only when no other fits; it opens none. So does an
    # event dated by its report alone, when the best fit is dated no better.
    undated_pair = ev.start is None and engagements[best[1]].dates() is None
    return AMBIGUOUS if (vague or undated_pair) and fitting > 1 else best[1]


def _report_gap(ev: EventRow, g: Engagement) -> int:
    """Days between an undated event's report and the engagement's dates: an undated report
    speaks of the latest of the happenings it could be (0 for a dated event)."""
    if ev.start is not None:
        return 0
    report, known = parse_day(ev.as_of), g.dates() or g.soft
    if report is None or known is None:
        return 0
    if known[0] <= report <= known[1]:
        return 0
    return min(abs((report - known[0]).days), abs((report - known[1]).days))


def _credible(members: list[EventRow]) -> list[EventRow]:
    r = rules()
    claims = [m for m in members if m.status not in r["conflict_statuses"]]
    verified = [m for m in claims if m.verification != "unverified"]
    return verified or claims


def current_status(members: list[EventRow]) -> str:
    """The latest credible status: a held or cancelled report outranks earlier plans."""
    r = rules()
    credible = _credible(members)
    if not credible:
        return members[-1].status if members else "planned"
    # An event that joined on one shared country is too weak to set the status, as the dates.
    credible = [m for m in credible if len(m.countries) >= MIN_COUNTRIES_TO_OPEN] or credible
    terminal = set(r["terminal_statuses"])
    rank = r["status_rank"]
    best = max(
        credible,
        key=lambda m: (m.status in terminal, m.as_of or "", rank.get(m.status, 0)),
    )
    return best.status


def engagement_status(members: list[EventRow]) -> str:
    """The status to report: the latest credible one, unless a party denies what is neither
    held nor called off, in a report no older than any claim of it."""
    status = current_status(members)
    r = rules()
    if status in r["terminal_statuses"]:
        return status
    denied = [m.as_of for m in members if m.status == r["denial_status"] and m.as_of]
    claims = [m.as_of for m in _credible(members) if m.as_of]
    if denied and all(max(denied) >= c for c in claims):
        return str(r["denial_status"])
    return status


def _conflicts(members: list[EventRow], status: str) -> list[dict[str, Any]]:
    r = rules()
    out: list[dict[str, Any]] = []
    for m in members:
        if m.status in r["conflict_statuses"]:
            out.append(
                {
                    "kind": "denial",
                    "status": m.status,
                    "contradicts": status,
                    "article": m.article,
                    "as_of": m.as_of,
                    "evidence": m.evidence,
                }
            )
    seen = {m.status for m in members}
    for a, b in r["contradictions"]:
        if a in seen and b in seen:
            out.append(
                {
                    "kind": "contradiction",
                    "statuses": [a, b],
                    "articles": sorted({m.article for m in members if m.status in (a, b)}),
                }
            )
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def engagement_id(g: Engagement) -> str:
    """A stable id from the event that opened the engagement."""
    key = f"{g.first.article}/{g.first.event}"
    return "g" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def to_record(g: Engagement) -> dict[str, Any]:
    """The engagement object of the output contract."""
    members = sorted(g.members, key=lambda m: (m.as_of or "9999", m.article, m.seq))
    status = current_status(members)
    conflicts = _conflicts(members, status)
    lifecycle: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for m in members:
        if (m.status, m.article) in seen:
            continue
        seen.add((m.status, m.article))
        lifecycle.append(
            {"status": m.status, "as_of": m.as_of, "article": m.article, "evidence": m.evidence}
        )
    origins = {m.origin or m.article for m in members}
    sources = {
        "articles": len({m.article for m in members}),
        "outlets": len({m.outlet or m.article for m in members}),
        "independent_origins": len(origins),
    }
    if any(c["kind"] == "denial" for c in conflicts) or any(
        c["kind"] == "contradiction" for c in conflicts
    ):
        verification = "disputed"
    elif len(origins) >= CORROBORATING_ORIGINS:
        verification = "corroborated"
    elif all(m.verification == "unverified" for m in members):
        verification = "unverified"
    else:
        verification = "single-source"
    dates = g.dates()
    basis = "text" if dates else None
    if dates is None and status == "occurred":
        reports = [parse_day(m.as_of) for m in members if m.status == "occurred"]
        earliest = min((d for d in reports if d is not None), default=None)
        if earliest is not None:
            dates, basis = (earliest, earliest), "report"
    dated = [m for m in members if m.start is not None and m.when_text]
    held = [m for m in dated if m.status == "occurred"]
    when_text = (held or dated)[0].when_text if dated else None
    placed = [m for m in members if m.location_kind == "place"]
    if placed:
        p = placed[0]
        location = {"text": p.location_text, "country": p.location_country, "kind": "place"}
    else:
        location = {"text": None, "country": None, "kind": "unspecified"}
    participants = sorted({p for m in members for p in m.participants})
    reported = [m.as_of for m in members if m.as_of]
    return {
        "id": engagement_id(g),
        "type": g.first.type,
        "mode": g.mode,
        "countries": sorted(g.countries),
        "participants": participants,
        "location": location,
        "when": {
            "text": when_text,
            "start": _iso(dates[0]) if dates else None,
            "end": _iso(dates[1]) if dates else None,
            "basis": basis,
        },
        "status": engagement_status(members),
        "lifecycle": lifecycle,
        "sources": sources,
        "verification": verification,
        "conflicts": conflicts,
        "events": [{"article": m.article, "event": m.event} for m in members],
        "first_reported": min(reported) if reported else None,
        "last_reported": max(reported) if reported else None,
    }

"""Engagements: events in many articles that refer to one happening, with their lifecycle.

Two events are linked when their types match, their participant countries
overlap, their times are compatible (a planned interval containing the held
date) and their places are compatible (`unspecified` matches any). The status of
an engagement is the latest credible one; denials and contradictions are kept as
conflicts; sources count articles, outlets and independent origins.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

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
#: Most recent engagements per (type, country) checked for a match; bounds the linking cost.
CANDIDATE_WINDOW = 64
#: Independent origins from which an engagement counts as corroborated.
CORROBORATING_ORIGINS = 2


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

    def window(self) -> tuple[date, date] | None:
        """The dates the event can fall on: its own, or a range around the report."""
        if self.start is not None:
            return self.start, self.end or self.start
        report = parse_day(self.as_of)
        if report is None:
            return None
        if self.status == "occurred":
            return report - timedelta(days=HELD_LOOKBACK_DAYS), report
        if self.status in ("planned", "proposed", "conditional", "postponed"):
            return report, report + timedelta(days=PLANNED_LOOKAHEAD_DAYS)
        return report - timedelta(days=HELD_LOOKBACK_DAYS), report + timedelta(
            days=PLANNED_LOOKAHEAD_DAYS
        )


@dataclass
class Engagement:
    """Events linked into one happening, with the attributes they agree on."""

    first: EventRow
    members: list[EventRow] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    mode: str | None = None
    place: tuple[str | None, str | None] | None = None
    held: tuple[date, date] | None = None
    planned: tuple[date, date] | None = None
    soft: tuple[date, date] | None = None

    def dates(self) -> tuple[date, date] | None:
        return self.held or self.planned

    def add(self, ev: EventRow) -> None:
        self.members.append(ev)
        self.countries |= ev.countries
        if self.mode is None and ev.mode:
            self.mode = ev.mode
        if self.place is None and ev.location_kind == "place":
            self.place = (ev.location_country, ev.location_text)
        if ev.start is not None:
            span = (ev.start, ev.end or ev.start)
            if ev.status == "occurred":
                self.held = span if self.held is None else _union(self.held, span)
            elif ev.status not in rules()["conflict_statuses"]:
                narrowed = None if self.planned is None else _intersect(self.planned, span)
                self.planned = narrowed or (self.planned or span)
        window = ev.window()
        if window is not None:
            self.soft = window if self.soft is None else _union(self.soft, window)


def _union(a: tuple[date, date], b: tuple[date, date]) -> tuple[date, date]:
    return min(a[0], b[0]), max(a[1], b[1])


def _intersect(a: tuple[date, date], b: tuple[date, date]) -> tuple[date, date] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _overlaps(a: tuple[date, date], b: tuple[date, date], slack: int = DATE_SLACK_DAYS) -> bool:
    pad = timedelta(days=slack)
    return a[0] - pad <= b[1] and b[0] - pad <= a[1]


def _time_ok(ev: EventRow, g: Engagement) -> bool:
    if ev.start is not None:
        span = (ev.start, ev.end or ev.start)
        known = g.dates()
        if known is not None:
            return _overlaps(span, known)
        return g.soft is None or _overlaps(span, g.soft)
    window = ev.window()
    if window is None:
        return True
    known = g.dates()
    return _overlaps(window, known if known is not None else g.soft or window)


def _place_ok(ev: EventRow, g: Engagement) -> bool:
    if ev.location_kind != "place" or g.place is None:
        return True
    country, text = g.place
    if ev.location_country and country:
        return ev.location_country == country
    a = set((ev.location_text or "").lower().split())
    b = set((text or "").lower().split())
    return not a or not b or bool(a & b)


def _mode_ok(ev: EventRow, g: Engagement) -> bool:
    exclusive = set(rules()["exclusive_modes"])
    if not ev.mode or not g.mode:
        return True
    return (ev.mode in exclusive) == (g.mode in exclusive)


def _shared_needed(ev: EventRow, g: Engagement) -> int:
    return min(MIN_SHARED_COUNTRIES, len(ev.countries), len(g.countries))


def eligible(ev: EventRow, section: str | None) -> bool:
    """Whether an event can take part in an engagement at all."""
    r = rules()
    return (
        ev.type in r["types"]
        and (section or "reporting") in r["sections"]
        and ev.status not in r["skip_statuses"]
        and bool(ev.countries)
    )


def link(events: list[EventRow]) -> list[Engagement]:
    """Link events into engagements, deterministically for the same events."""
    ordered = sorted(
        events, key=lambda e: (e.as_of is None, e.as_of or "", e.start is None, e.article, e.seq)
    )
    engagements: list[Engagement] = []
    index: dict[tuple[str, str], list[int]] = {}
    for opening in (True, False):
        for ev in ordered:
            if (len(ev.countries) >= MIN_COUNTRIES_TO_OPEN) != opening:
                continue
            best = _best_match(ev, engagements, index)
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
    best: tuple[tuple[int, int, int], int] | None = None
    for i in sorted(candidates):
        g = engagements[i]
        shared = len(ev.countries & g.countries)
        if shared < max(1, _shared_needed(ev, g)):
            continue
        if not (_time_ok(ev, g) and _place_ok(ev, g) and _mode_ok(ev, g)):
            continue
        same_place = int(ev.location_kind == "place" and g.place is not None)
        score = (shared, same_place, -i)
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


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
    terminal = set(r["terminal_statuses"])
    rank = r["status_rank"]
    best = max(
        credible,
        key=lambda m: (m.status in terminal, m.as_of or "", rank.get(m.status, 0)),
    )
    return best.status


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
        },
        "status": status,
        "lifecycle": lifecycle,
        "sources": sources,
        "verification": verification,
        "conflicts": conflicts,
        "events": [{"article": m.article, "event": m.event} for m in members],
        "first_reported": min(reported) if reported else None,
        "last_reported": max(reported) if reported else None,
    }

"""Tests of the time stage: recognition, TIMEX3 normalisation, tense-led anchoring, reanchor."""

from __future__ import annotations

from datetime import date

import pytest

from communique.document import Timex
from communique.pipeline import Pipeline
from communique.readers import article_from_text
from communique.temporal import reanchor, tag_text, timex_day, timexes_in
from communique.timeparse import find_candidates, resolve

#: A Saturday.
ANCHOR = date(2025, 2, 22)


def _one(text: str, anchor: date | None = ANCHOR) -> Timex:
    found = tag_text(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "extent", "type_", "value"),
    [
        ("The envoy reached Geneva on 18 February 2025.", "18 February 2025", "DATE", "2025-02-18"),
        ("Talks resumed on Feb. 11, 2025, in Riyadh.", "Feb. 11, 2025", "DATE", "2025-02-11"),
        ("The treaty was signed on 2019-08-02 in Moscow.", "2019-08-02", "DATE", "2019-08-02"),
        ("The summit took place in March 2024.", "March 2024", "DATE", "2024-03"),
        ("The accord dates from 1998.", "1998", "DATE", "1998"),
        ("Lavrov spoke to reporters yesterday.", "yesterday", "DATE", "2025-02-21"),
        ("The delegation leaves tomorrow.", "tomorrow", "DATE", "2025-02-23"),
        ("Ministers met last week in Ankara.", "last week", "DATE", "2025-W07"),
        ("The envoy returns next month.", "next month", "DATE", "2025-03"),
        ("Sanctions were eased three years ago.", "three years ago", "DATE", "2022"),
        ("Relations are now strained.", "now", "DATE", "PRESENT_REF"),
        ("Both sides recently traded accusations.", "recently", "DATE", "PAST_REF"),
        ("The negotiators met for 4.5 hours.", "4.5 hours", "DURATION", "PT4.5H"),
        ("The ceasefire held for three years.", "three years", "DURATION", "P3Y"),
        ("The commission meets every year in Vienna.", "every year", "SET", "P1Y"),
        ("The council publishes a weekly bulletin.", "weekly", "SET", "P1W"),
        ("Exports will grow in the third quarter.", "the third quarter", "DATE", "2025-Q3"),
    ],
)
def test_recognises_and_normalises(sentence: str, extent: str, type_: str, value: str) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.type, timex.value) == (extent, type_, value)
    assert sentence[timex.start : timex.end] == extent


@pytest.mark.parametrize(
    ("sentence", "mod", "start", "end"),
    [
        ("Elections are due in early April.", "START", "2025-04-01", "2025-04-10"),
        ("A deal is expected by the end of March.", "END", "2025-02-22", "2025-03-31"),
        ("The mission closes in mid-2025.", "MID", "2025-05-02", "2025-09-01"),
    ],
)
def test_period_edges(sentence: str, mod: str, start: str, end: str) -> None:
    timex = _one(sentence)
    assert timex.mod == mod
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == (start, end)


def test_within_gives_an_interval_from_the_anchor() -> None:
    timex = _one("The two sides will meet again within two weeks.")
    assert (timex.type, timex.value) == ("DURATION", "P2W")
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == ("2025-02-22", "2025-03-08")


def test_past_span_runs_back_from_the_anchor() -> None:
    timex = _one("Trade has doubled over the past 18 months.")
    assert timex.text == "the past 18 months" and timex.value == "P18M"
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == ("2023-08-22", "2025-02-22")


def test_month_without_year_covers_the_month() -> None:
    timex = _one("The foreign ministers will meet in March.")
    assert timex.value == "2025-03"
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == ("2025-03-01", "2025-03-31")


def test_modal_may_is_not_a_month() -> None:
    assert tag_text("The sides may meet soon.", ANCHOR)[0].text == "soon"


def test_unanchored_values_keep_placeholders() -> None:
    timex = _one("The envoy arrived on Tuesday.", anchor=None)
    assert timex.value == "XXXX-WXX-2" and timex.interval is None
    assert _one("He left yesterday.", anchor=None).value is None


@pytest.mark.parametrize(
    ("direction", "expected"),
    [(-1, "2025-02-18"), (1, "2025-02-25"), (None, "2025-02-25")],
)
def test_weekday_follows_direction(direction: int | None, expected: str) -> None:
    (cand,) = find_candidates("Tuesday")
    assert resolve(cand, ANCHOR, direction).value == expected


def test_timex_day_and_timexes_in() -> None:
    text = "The minister flew to Cairo yesterday and stays for three days."
    doc = article_from_text(text, source="t", published=ANCHOR.isoformat())
    doc.timexes = tag_text(text, ANCHOR)
    assert [timex_day(t) for t in doc.timexes] == [date(2025, 2, 21), None]
    assert [t.text for t in timexes_in(doc, 0, 40)] == ["yesterday"]


@pytest.fixture(scope="module")
def time_pipeline() -> Pipeline:
    return Pipeline(["communique.parse.v1", "communique.time.v1"])


def test_tense_picks_the_weekday(time_pipeline: Pipeline) -> None:
    text = (
        "Rubio met Lavrov in Riyadh on Tuesday, officials said. "
        "The two ministers will meet again on Thursday in Istanbul. "
        "A spokesman said the talks on Saturday were useful."
    )
    doc = time_pipeline(article_from_text(text, source="t", published=ANCHOR.isoformat()))
    values = {t.text: t.value for t in doc.timexes}
    assert values == {"Tuesday": "2025-02-18", "Thursday": "2025-02-27", "Saturday": "2025-02-22"}


def test_missing_publication_date_is_flagged_once(time_pipeline: Pipeline) -> None:
    text = "The envoy left on Monday. He returns next week."
    doc = time_pipeline(article_from_text(text, source="t"))
    assert [f.kind for f in doc.flags].count("unanchored_time") == 1
    assert all(t.interval is None for t in doc.timexes)


def test_reanchor_resolves_against_a_statement_day(time_pipeline: Pipeline) -> None:
    text = "Ryabkov said the delegations would meet again within two weeks."
    doc = time_pipeline(article_from_text(text, source="t", published="2025-02-24"))
    (timex,) = doc.timexes
    reanchor(doc, timex, ANCHOR, "s1")
    assert timex.anchor == "s1"
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == ("2025-02-22", "2025-03-08")

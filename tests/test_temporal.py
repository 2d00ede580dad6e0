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
    assert tag_text("The sides may meet next week.", ANCHOR)[0].text == "next week"


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


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "start", "end"),
    [
        (
            "The envoys held talks from May to July 2024.",
            "from May to July 2024",
            "P2M",
            "2024-05-01",
            "2024-07-31",
        ),
        (
            "Trade grew between 2014 and 2018.",
            "between 2014 and 2018",
            "P4Y",
            "2014-01-01",
            "2018-12-31",
        ),
        ("The 2019-2021 talks stalled.", "2019-2021", "P2Y", "2019-01-01", "2021-12-31"),
        ("The summit runs on 3-5 March.", "3-5 March", "P2D", "2025-03-03", "2025-03-05"),
        (
            "Inspectors stayed from 10/1/2024 to 10/7/2024.",
            "from 10/1/2024 to 10/7/2024",
            "P6D",
            "2024-10-01",
            "2024-10-07",
        ),
        (
            "The truce lasted from November to January 2025.",
            "from November to January 2025",
            "P2M",
            "2024-11-01",
            "2025-01-31",
        ),
    ],
)
def test_ranges_join_both_ends(
    sentence: str, extent: str, value: str, start: str, end: str
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.type, timex.value) == (extent, "DURATION", value)
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == (start, end)


def test_and_between_two_days_is_not_a_range() -> None:
    found = tag_text("Votes were held on 3 and 5 March.", ANCHOR)
    assert [t.text for t in found] == ["5 March"]


@pytest.mark.parametrize(
    ("sentence", "extent", "type_", "value"),
    [
        ("Shelling went on for six straight days.", "six straight days", "DURATION", "P6D"),
        ("The dispute has simmered for years.", "years", "DURATION", "PXY"),
        ("Ties have deepened over the years.", "over the years", "DURATION", "PXY"),
        ("Exports fell in recent years.", "recent years", "DURATION", "PXY"),
        ("Aid dropped over the past few months.", "the past few months", "DURATION", "PXM"),
        ("Revenue rose in the latest quarter.", "the latest quarter", "DATE", "2024-Q4"),
        ("The sanctions stay for the time being.", "the time being", "DATE", "PRESENT_REF"),
        (
            "The vote opened at 6:30 p.m. (GMT +3).",
            "6:30 p.m. (GMT +3)",
            "TIME",
            "2025-02-22T15:30Z",
        ),
    ],
)
def test_news_spans_and_vague_periods(sentence: str, extent: str, type_: str, value: str) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.type, timex.value) == (extent, type_, value)


def test_previously_and_soon_are_not_timexes() -> None:
    assert tag_text("The minister, previously an envoy, will travel soon.", ANCHOR) == []


def test_next_days_start_after_the_anchor() -> None:
    timex = _one("Talks continue over the next three days.")
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == ("2025-02-23", "2025-02-25")


def test_in_weeks_names_the_day_that_far_ahead() -> None:
    timex = _one("The delegations meet again in two weeks.")
    assert (timex.type, timex.value) == ("DURATION", "P2W")
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == ("2025-03-08", "2025-03-08")


def test_year_ago_after_a_quarter_means_that_quarter() -> None:
    text = "Output in the third quarter rose 4% from a year earlier."
    values = [t.value for t in tag_text(text, ANCHOR)]
    assert values == ["2025-Q3", "2024-Q3"]


def test_deadline_reported_in_past_tense_stays_ahead() -> None:
    (cand,) = find_candidates("March 10")
    assert resolve(cand, ANCHOR, -1).value == "2025-03-10"
    (cand,) = find_candidates("June 10")
    assert resolve(cand, ANCHOR, -1).value == "2024-06-10"


def test_participial_adjunct_takes_the_tense_of_its_head() -> None:
    from communique.nlp import load_model

    text = "Speaking to reporters on Friday, the envoy said talks would resume."
    parsed = load_model()(text)
    (friday,) = [t for t in tag_text(text, date(2025, 6, 14), parsed) if "Friday" in t.text]
    assert friday.value == "2025-06-13"

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


def _assert_one_or_none(
    sentence: str, extent: str | None, type_: str | None, value: str | None
) -> None:
    """The sentence holds exactly that one expression, or none when `extent` is None."""
    found = tag_text(sentence, ANCHOR)
    if extent is None:
        assert found == []
        return
    assert len(found) == 1, found
    assert (found[0].text, found[0].type, found[0].value) == (extent, type_, value)


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
        ("The mission closes in mid-2025.", "MID", "2025-05-01", "2025-08-31"),
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
    assert [(t.text, t.value) for t in found] == [("3", "2025-03-03"), ("5 March", "2025-03-05")]
    listed = tag_text("Votes are due on April 7 and 9, 2026.", ANCHOR)
    assert [(t.text, t.value) for t in listed] == [
        ("April 7", "2026-04-07"),
        ("9, 2026", "2026-04-09"),
    ]


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


def test_previously_is_not_a_timex_but_soon_is_the_future() -> None:
    found = tag_text("The minister, previously an envoy, will travel soon.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("soon", "FUTURE_REF")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The envoy left soon after the vote.",
        "They will call as soon as the plane lands.",
        "A soon-to-open consulate was announced.",
    ],
)
def test_soon_in_a_conjunction_is_not_a_timex(sentence: str) -> None:
    assert tag_text(sentence, ANCHOR) == []


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


@pytest.mark.parametrize(
    ("sentence", "extent", "type_", "value"),
    [
        ("The envoys will meet in the summer.", "the summer", "DATE", "2025-SU"),
        ("Ministers will meet next spring.", "next spring", "DATE", "2025-SP"),
        ("The embassy reopened last autumn.", "last autumn", "DATE", "2024-FA"),
        ("Prices fall when talks stall.", None, None, None),
        ("The fall of the city ended the war.", None, None, None),
        (
            "It rained in the winter of nineteen ninety-one.",
            "the winter of nineteen ninety-one",
            "DATE",
            "1991-WI",
        ),
        ("The day-long session ended.", "day-long", "DURATION", "P1D"),
        ("A decades-long feud ended.", "decades-long", "DURATION", "PXDE"),
        ("Talks stalled for two more weeks.", "two more weeks", "DURATION", "P2W"),
        (
            "Stocks fell in the past five trading days.",
            "the past five trading days",
            "DURATION",
            "P5D",
        ),
        ("The siege lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2.5Y"),
        ("The vote took a minute and a half.", "a minute and a half", "DURATION", "PT1.5M"),
        ("The guns fell silent two weeks ago.", "two weeks ago", "DATE", "2025-02-08"),
        (
            "The offer expires at 5 p.m. EST, March 6.",
            "5 p.m. EST, March 6",
            "TIME",
            "2025-03-06T17:00",
        ),
        ("The shares rose 2 1/2 to 37 3/4.", None, None, None),
        ("Jan Novak chaired the meeting.", None, None, None),
        ("Friday, the fourth session, was calm.", "Friday", "DATE", "2025-02-21"),
        ("The board cut its quarterly dividend.", None, None, None),
        ("Rents are reviewed quarterly.", "quarterly", "SET", "P3M"),
    ],
)
def test_seasons_spans_and_false_friends(
    sentence: str, extent: str | None, type_: str | None, value: str | None
) -> None:
    _assert_one_or_none(sentence, extent, type_, value)


def test_a_bare_season_follows_the_tense_of_its_clause() -> None:
    from communique.nlp import load_model

    text = "The envoys met in the summer."
    (summer,) = tag_text(text, ANCHOR, load_model()(text))
    assert summer.value == "2024-SU"


def test_clock_time_takes_the_day_named_before_it_in_the_sentence() -> None:
    found = tag_text("On March 3 the plane landed at 10 p.m. in Oslo.", ANCHOR)
    assert [t.value for t in found] == ["2025-03-03", "2025-03-03T22:00"]
    found = tag_text("On March 3 it rained. The plane landed at 10 p.m.", ANCHOR)
    assert found[-1].value == "2025-02-22T22:00"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("He fled in June 2019 and returned later that year.", ["2019-06", "2019"]),
        ("Exports fell in January from the same month a year ago.", ["2025-01", "2024-01"]),
        ("Sales rose in May 2024 against the same period last year.", ["2024-05", "2023-05"]),
    ],
)
def test_anaphoric_periods_take_the_period_named_before(text: str, values: list[str]) -> None:
    assert [t.value for t in tag_text(text, ANCHOR)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Trading is to resume in Paris on Tuesday.", "2025-02-25"),
        ("Officials said the envoy would arrive on Thursday.", "2025-02-27"),
        ("The minister wanted to visit Kyiv on Monday.", "2025-02-24"),
    ],
)
def test_scheduling_constructions_point_ahead(text: str, value: str) -> None:
    from communique.nlp import load_model

    parsed = load_model()(text)
    (day,) = tag_text(text, ANCHOR, parsed)
    assert day.value == value


def test_a_year_before_a_period_noun_is_a_year_not_a_count() -> None:
    from communique.nlp import load_model

    text = "Analysts expect 2026 earnings to rise, and the company's 2024 results were weak."
    parsed = load_model()(text)
    assert [t.value for t in tag_text(text, ANCHOR, parsed)] == ["2026", "2024"]


@pytest.mark.parametrize(
    ("sentence", "extent", "type_", "value"),
    [
        ("Turnout fell through the nineties.", "the nineties", "DATE", "199"),
        ("The deal should close by year's end.", "year's end", "DATE", "2025"),
        ("Reinforcements arrive within weeks.", "weeks", "DURATION", "PXW"),
        ("The treaty costs $40 million a year.", "a year", "SET", "P1Y"),
        ("The island imports three-quarters of its grain.", None, None, None),
        ("The moment was marked by a parade.", None, None, None),
        ("There is no ceasefire at the moment.", "the moment", "DATE", "PRESENT_REF"),
        (
            "Growth slowed in the first two quarters of 2024.",
            "the first two quarters of 2024",
            "DATE",
            "2024-H1",
        ),
        ("Output rose in the last half of 2023.", "the last half of 2023", "DATE", "2023-H2"),
        (
            "The strikes hit 3 weeks after Christmas.",
            "3 weeks after Christmas",
            "DATE",
            "2025-01-15",
        ),
        ("When was the last Easter?", "last Easter", "DATE", "2024-03-31"),
        ("They meet on Tuesday of next week.", "Tuesday of next week", "DATE", "2025-02-25"),
        ("The fund shrank over the 5 previous years.", "5 previous years", "DURATION", "P5Y"),
        ("The mission stayed for one night.", "one night", "DURATION", "P1D"),
    ],
)
def test_named_periods_rates_and_compounds(
    sentence: str, extent: str | None, type_: str | None, value: str | None
) -> None:
    _assert_one_or_none(sentence, extent, type_, value)


def test_part_of_day_takes_the_day_named_before() -> None:
    found = tag_text("Markets fell on Friday. Dealers sold in the morning.", ANCHOR)
    assert [t.value for t in found] == ["2025-02-21", "2025-02-21TMO"]


def test_last_night_is_the_night_before_the_anchor() -> None:
    assert _one("Shells landed last night.").value == "2025-02-21TNI"


def test_year_earlier_adjective_follows_the_quarter_named() -> None:
    text = "Third-quarter profit beat year-earlier profit, and the 2023 quarter too."
    assert [t.value for t in tag_text(text, ANCHOR)] == ["2025-Q3", "2024-Q3", "2023-Q3"]


def test_after_a_past_year_runs_to_the_anchor() -> None:
    timex = _one("Exports grew after 2020.")
    assert timex.mod == "AFTER"
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == ("2021-01-01", "2025-02-22")
    before = _one("Exports grew before 2020.")
    assert before.mod == "BEFORE"


def test_range_ends_are_dated_by_the_range() -> None:
    from communique.temporal import range_ends

    text = "Shipments ran from March 3 to April 20 and stopped."
    (rng,) = tag_text(text, ANCHOR)
    ends = range_ends(text, rng)
    assert [(e.text, e.value) for e in ends] == [
        ("March 3", "2025-03-03"),
        ("April 20", "2025-04-20"),
    ]
    assert all(text[e.start : e.end] == e.text for e in ends)


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "start", "end"),
    [
        (
            "Envoys stay for 2 weeks starting March 3.",
            "2 weeks starting March 3",
            "P2W",
            "2025-03-03",
            "2025-03-17",
        ),
        (
            "The border stays shut for 3 days from today.",
            "3 days from today",
            "P3D",
            "2025-02-22",
            "2025-02-25",
        ),
        (
            "Talks ran between Jan 2024 and today.",
            "between Jan 2024 and today",
            "P418D",
            "2024-01-01",
            "2025-02-22",
        ),
        (
            "Aid flowed in 2014 through May 2018.",
            "2014 through May 2018",
            "P1581D",
            "2014-01-01",
            "2018-05-31",
        ),
        (
            "Reforms are due within the next ten months.",
            "the next ten months",
            "P10M",
            "2025-02-22",
            "2025-12-22",
        ),
    ],
)
def test_stretches_and_ranges(sentence: str, extent: str, value: str, start: str, end: str) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.value) == (extent, value)
    assert timex.interval is not None
    assert (timex.interval.start, timex.interval.end) == (start, end)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The summit opened on Easter 2018.", "Easter 2018", "2018-04-01"),
        ("The ceasefire began on the 18th.", "the 18th", "2025-02-18"),
        ("Reports covered 2015-3 in full.", "2015-3", "2015-03"),
        ("The envoy returned on the 4th round of talks.", None, None),
    ],
)
def test_days_named_by_number_or_feast(
    sentence: str, extent: str | None, value: str | None
) -> None:
    found = tag_text(sentence, ANCHOR)
    if extent is None:
        assert found == []
        return
    assert [(t.text, t.value) for t in found] == [(extent, value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lawyers sought ways around Wednesday's ruling.", "2025-02-19"),
        ("Delegates arrived ahead of Tuesday's vote.", "2025-02-25"),
    ],
)
def test_possessive_and_participle_weekdays(text: str, value: str) -> None:
    from communique.nlp import load_model

    (day,) = tag_text(text, ANCHOR, load_model()(text))
    assert day.value == value


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "mod"),
    [
        (
            "The hearing lasted more than 1 hour and 30 minutes.",
            "more than 1 hour and 30 minutes",
            "PT1H30M",
            "MORE_THAN",
        ),
        (
            "The truce held 2 years, 1 month and 21 days.",
            "2 years, 1 month and 21 days",
            "P2Y1M21D",
            None,
        ),
    ],
)
def test_durations_in_several_units(
    sentence: str, extent: str, value: str, mod: str | None
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.type, timex.value, timex.mod) == (extent, "DURATION", value, mod)


def test_month_about_to_begin_in_a_past_clause_is_the_coming_one() -> None:
    (cand,) = find_candidates("in March")
    assert resolve(cand, ANCHOR, -1).value == "2025-03"
    (cand,) = find_candidates("in June")
    assert resolve(cand, ANCHOR, -1).value == "2024-06"


def test_a_bare_scheduling_participle_looks_ahead_from_its_clause() -> None:
    from communique.nlp import load_model

    text = "The ministers discussed a summit set for Thursday."
    (day,) = tag_text(text, ANCHOR, load_model()(text))
    assert day.value == "2025-02-27"


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("Pledges to date fall short.", "to date", "PRESENT_REF"),
        ("Aid flowed from March to date.", "from March to date", "P358D"),
        ("The records are up to date.", None, None),
        ("Labs tried to date the fragments.", None, None),
    ],
)
def test_to_date_means_up_to_now(sentence: str, extent: str | None, value: str | None) -> None:
    found = tag_text(sentence, ANCHOR)
    if extent is None:
        assert found == []
        return
    assert [(t.text, t.value) for t in found] == [(extent, value)]


@pytest.mark.parametrize(
    ("text", "published", "extent", "value"),
    [
        # the perfect tells a done act: its month lies behind the report
        (
            "Peru and Chile had agreed in March to reopen the crossing.",
            "2025-06-20",
            "March",
            "2025-03",
        ),
        ("The ministers have met in March.", "2025-06-20", "March", "2025-03"),
        # a month a schedule is set for, after "for"
        ("The talks have been scheduled for March.", "2025-01-20", "March", "2025-03"),
        ("Rallies are planned for May Day.", "2025-01-20", "May Day", "2025-05-01"),
    ],
)
def test_perfect_tense_and_scheduled_months(
    time_pipeline: Pipeline, text: str, published: str, extent: str, value: str
) -> None:
    doc = time_pipeline(article_from_text(text, source="t", published=published))
    assert [(t.text, t.value) for t in doc.timexes] == [(extent, value)]


def _span(timex: Timex) -> tuple[str, str] | None:
    return (timex.interval.start, timex.interval.end) if timex.interval else None


@pytest.mark.parametrize(
    ("sentence", "extent", "mod", "interval"),
    [
        # no start the text gives: the period named, and the mod for the side
        ("Exports stalled before 2019.", "2019", "BEFORE", ("2019-01-01", "2019-12-31")),
        ("Tariffs applied before early March 2019.", "early March 2019", "BEFORE", None),
        ("No deal is likely after 2031.", "2031", "AFTER", ("2031-01-01", "2031-12-31")),
        ("Talks resume later than 2027, envoys say.", "2027", "AFTER", None),
        # a side the anchor bounds: the range itself
        ("A vote is due before 2027.", "2027", "BEFORE", ("2025-02-22", "2026-12-31")),
        ("Troops leave before the end of June.", "the end of June", "END", None),
        # "no later than" is a deadline, not "later than"
        ("Bids closed no later than 3 May 2012.", "3 May 2012", None, ("2012-05-03", "2012-05-03")),
        ("Envoys left before the year 2020.", "2020", "BEFORE", ("2020-01-01", "2020-12-31")),
    ],
)
def test_open_ranges_keep_the_period_and_say_the_side(
    sentence: str, extent: str, mod: str | None, interval: tuple[str, str] | None
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.mod) == (extent, mod)
    if interval is not None:
        assert _span(timex) == interval


def test_before_the_end_of_a_period_runs_to_its_last_day() -> None:
    timex = _one("Troops leave before the end of June.")
    assert _span(timex) == ("2025-02-22", "2025-06-30")


@pytest.mark.parametrize(
    ("sentence", "extent", "interval"),
    [
        (
            "Polls open from the ninth to the twelfth of May.",
            "the ninth to the twelfth of May",
            ("2025-05-09", "2025-05-12"),
        ),
        (
            "The fair ran October eighth through 11th, 2024.",
            "October eighth through 11th, 2024",
            ("2024-10-08", "2024-10-11"),
        ),
        (
            "Flights stop from July 29 to the 2nd.",
            "July 29 to the 2nd",
            ("2025-07-29", "2025-08-02"),
        ),
        (
            "Strikes ran from the 28th to the 4th of February.",
            "the 28th to the 4th of February",
            ("2025-01-28", "2025-02-04"),
        ),
        (
            "The census ran Sept 28-Oct 3, 2011.",
            "Sept 28-Oct 3, 2011",
            ("2011-09-28", "2011-10-03"),
        ),
        ("Ballots were cast 6/2-6/4/2016.", "6/2-6/4/2016", ("2016-06-02", "2016-06-04")),
        (
            "Ballots were cast from 6/2-6/4, 2016.",
            "from 6/2-6/4, 2016",
            ("2016-06-02", "2016-06-04"),
        ),
        (
            "Rationing lasts from this June to Aug 2027.",
            "from this June to Aug 2027",
            ("2025-06-01", "2027-08-31"),
        ),
    ],
)
def test_day_ranges_in_words_across_months_and_years(
    sentence: str, extent: str, interval: tuple[str, str]
) -> None:
    timex = _one(sentence)
    assert timex.text == extent
    assert _span(timex) == interval


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        # "next" or "last" before a day of a month: its next or last occurrence
        ("The levy ends next 3 February.", "next 3 February", "2026-02-03"),
        ("The levy ended last 9/30.", "last 9/30", "2024-09-30"),
        # an amount before a day is money, not the day
        ("Shares fell to $14 March 3.", "March 3", "2025-03-03"),
        # spoken cardinals, with a stop or a year after them
        ("The accord was signed October twenty two.", "October twenty two", "2024-10-22"),
        (
            "He was born on four July nineteen fifty one.",
            "four July nineteen fifty one",
            "1951-07-04",
        ),
        ("In June twenty ministers resign.", "June", "2025-06"),
        (
            "The decree takes effect on the thirty first day of March.",
            "the thirty first day of March",
            "2025-03-31",
        ),
        ("The fleet sailed on 14th, officials said.", "14th", "2025-02-14"),
        # a year in two digits after "of", ending the phrase
        ("The mill closed in June of 98.", "June of 98", "1998-06"),
        ("Prices rose in June of 12 percent.", "June", "2025-06"),
        # ISO 8601 basic form, as in file names and links
        ("See archive/brief-20190411.pdf for details.", "20190411", "2019-04-11"),
        ("They traded 20190411 shares.", None, None),
        # an amount counted back in several units
        (
            "The truce broke down a year and four months ago.",
            "a year and four months ago",
            "2023-10",
        ),
        ("The envoy left 3 weeks and 4 days ago.", "3 weeks and 4 days ago", "2025-01-28"),
    ],
)
def test_named_days_and_amounts_counted_back(
    sentence: str, extent: str | None, value: str | None
) -> None:
    _assert_one_or_none(sentence, extent, "DATE" if extent else None, value)


def test_an_amount_continuing_a_span_is_not_counted_back() -> None:
    text = "They talked for 2 months and 3 weeks and 2 days ago they agreed."
    assert [(t.text, t.value) for t in tag_text(text, ANCHOR)] == [
        ("2 months and 3 weeks", "P2M3W"),
        ("2 days ago", "2025-02-20"),
    ]


def test_clock_units_do_not_shift_a_day() -> None:
    found = tag_text("Voting starts 20 minutes from today.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("20 minutes", "PT20M"), ("today", "2025-02-22")]


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "interval"),
    [
        ("Talks took one and half hours.", "one and half hours", "PT1.5H", None),
        ("The siege lasted four and a half years.", "four and a half years", "P4.5Y", None),
        (
            "Output fell in week 40 of last year.",
            "week 40 of last year",
            "2024-W40",
            ("2024-09-30", "2024-10-06"),
        ),
        (
            "Budgets shrank this calendar year.",
            "this calendar year",
            "2025",
            ("2025-01-01", "2025-12-31"),
        ),
        (
            "Ports close for 2 days, from tomorrow.",
            "2 days, from tomorrow",
            "P2D",
            ("2025-02-23", "2025-02-25"),
        ),
    ],
)
def test_fractions_weeks_of_years_and_stretches(
    sentence: str, extent: str, value: str, interval: tuple[str, str] | None
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.value) == (extent, value)
    assert _span(timex) == interval


def test_a_count_before_a_singular_unit_is_not_a_span() -> None:
    found = tag_text("Only 4 next week will attend.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("next week", "2025-W09")]


@pytest.mark.parametrize(
    ("sentence", "extent", "type_", "value"),
    [
        # a clock amount "later" is marked as the amount, a duration
        ("Half an hour later, the envoys resumed.", "Half an hour", "DURATION", "PT0.5H"),
        ("Ten minutes later the line went dead.", "Ten minutes", "DURATION", "PT10M"),
        ("Two days later the line went dead.", "Two days later", "DATE", "2025-02-24"),
        # an edge of a period without "the" before the period
        ("A deal is due by end of year.", "end of year", "DATE", "2025"),
    ],
)
def test_clock_amounts_later_and_bare_period_edges(
    sentence: str, extent: str, type_: str, value: str
) -> None:
    _assert_one_or_none(sentence, extent, type_, value)


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("rallies ran from october to december 2024", "from october to december 2024", "P2M"),
        ("the talks were in july 2024", "july 2024", "2024-07"),
        ("an august assembly convened", None, None),
        ("they met in may", None, None),
    ],
)
def test_month_names_typed_in_lower_case(
    sentence: str, extent: str | None, value: str | None
) -> None:
    found = tag_text(sentence, ANCHOR)
    assert [(t.text, t.value) for t in found] == ([(extent, value)] if extent else [])


@pytest.mark.parametrize(
    ("sentence", "extent", "interval"),
    [
        # the anchor is a Saturday: working days start on Monday
        (
            "Parliament sits for the next three working days.",
            "the next three working days",
            ("2025-02-24", "2025-02-26"),
        ),
        (
            "Replies are due within five business days.",
            "five business days",
            ("2025-02-22", "2025-02-28"),
        ),
        (
            "Prices fell over the past two trading days.",
            "the past two trading days",
            ("2025-02-20", "2025-02-22"),
        ),
    ],
)
def test_working_days_skip_weekends(sentence: str, extent: str, interval: tuple[str, str]) -> None:
    timex = _one(sentence)
    assert (timex.text, _span(timex)) == (extent, interval)


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "interval"),
    [
        # a Monday holiday: Saturday to Monday
        (
            "Roads jammed over Memorial Day weekend 2024.",
            "Memorial Day weekend 2024",
            "2024-W21-WE",
            ("2024-05-25", "2024-05-27"),
        ),
        # a Thursday holiday: Thursday to Sunday
        (
            "Stores opened on the weekend of Thanksgiving 2024.",
            "the weekend of Thanksgiving 2024",
            "2024-W48-WE",
            ("2024-11-28", "2024-12-01"),
        ),
    ],
)
def test_weekends_of_named_days(
    sentence: str, extent: str, value: str, interval: tuple[str, str]
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.value, _span(timex)) == (extent, value, interval)


@pytest.mark.parametrize(
    ("sentence", "interval", "ends"),
    [
        # the boundary of a period is a point: the range starts when 2019 is over
        (
            "Tariffs held from the end of 2019 to the end of 2021.",
            ("2020-01-01", "2021-12-31"),
            ["2019", "2021"],
        ),
        (
            "Exports grew from 2016 to the start of 2018.",
            ("2016-01-01", "2017-12-31"),
            ["2016", "2018"],
        ),
        (
            "Talks ran from the middle of April to the end of June 2024.",
            ("2024-04-16", "2024-06-30"),
            ["2024-04", "2024-06"],
        ),
        # "late" names a part of the year, not its end
        (
            "Rates rose from late 2021 to early 2023.",
            ("2021-09-01", "2023-04-30"),
            ["2021", "2023"],
        ),
    ],
)
def test_range_ends_at_period_boundaries(
    sentence: str, interval: tuple[str, str], ends: list[str]
) -> None:
    from communique.temporal import range_ends

    timex = _one(sentence)
    assert _span(timex) == interval
    assert [e.value for e in range_ends(sentence, timex)] == ends


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "interval"),
    [
        # a weekday and a day counted in weeks or more: that weekday of the day's week
        (
            "The envoys meet again Tuesday three weeks from now.",
            "Tuesday three weeks from now",
            "2025-03-11",
            ("2025-03-11", "2025-03-11"),
        ),
        (
            "The court sits on Wednesday, a year from now.",
            "Wednesday, a year from now",
            "2026-02-18",
            ("2026-02-18", "2026-02-18"),
        ),
        # a day of a week given as part of a month
        (
            "Delegates arrive the second week of April on Thursday.",
            "the second week of April on Thursday",
            "2025-04-10",
            ("2025-04-10", "2025-04-10"),
        ),
        # a day of the month counted from the anchor's month
        (
            "The ballot is set for the fourth of next month.",
            "the fourth of next month",
            "2025-03-04",
            ("2025-03-04", "2025-03-04"),
        ),
        ("Ships dock on the 9th this month.", "the 9th this month", "2025-02-09", None),
        # an impossible day keeps the year it was written with
        ("The form was dated 31 April 2024.", "31 April 2024", "2024-04-31", None),
        # a two-digit year lies at most twenty years after the anchor
        ("The treaty of 6/25/51 lapsed.", "6/25/51", "1951-06-25", None),
        ("The lease runs to 6/25/41.", "6/25/41", "2041-06-25", None),
        # the week named by a day it holds is a calendar week
        (
            "Hearings are planned for the week beginning 3 March.",
            "the week beginning 3 March",
            "2025-W10",
            ("2025-03-03", "2025-03-09"),
        ),
        (
            "Hearings are planned for the week commencing Wednesday, March 5.",
            "the week commencing Wednesday, March 5",
            "2025-W10",
            ("2025-03-03", "2025-03-09"),
        ),
        # the middle of a month is the 15th give or take five days
        ("Aid arrives in mid-April.", "mid-April", "2025-04", ("2025-04-10", "2025-04-20")),
    ],
)
def test_days_of_counted_weeks_and_months(
    sentence: str, extent: str, value: str, interval: tuple[str, str] | None
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.type, timex.value) == (extent, "DATE", value)
    if interval is not None:
        assert _span(timex) == interval


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("The audit lasted 10D.", "10D", "P10D"),
        ("Crews were deployed for 6W, then relieved.", "6W", "P6W"),
        ("The bond was held for 5Y.", "5Y", "P5Y"),
        # dimensions and amounts in a phrase are no durations
        ("The studio bought cameras for 3D.", None, None),
        ("Funds for 10D printers were cut.", None, None),
    ],
)
def test_durations_in_compact_notation(
    sentence: str, extent: str | None, value: str | None
) -> None:
    _assert_one_or_none(sentence, extent, "DURATION" if extent else None, value)


def test_a_date_alone_on_its_line_is_a_date_line() -> None:
    text = "4/11\nThe delegates voted 5/6 of the seats to the bloc."
    assert [(t.text, t.value) for t in tag_text(text, ANCHOR)] == [("4/11", "2025-04-11")]


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "interval"),
    [
        # a decade split by a tokenizer, and a decade word after "in"
        ("Exports boomed in 1970 s.", "1970 s", "197", ("1970-01-01", "1979-12-31")),
        ("Exports boomed in 1970s.", "1970s", "197", ("1970-01-01", "1979-12-31")),
        ("Exports boomed in seventies.", "seventies", "197", ("1970-01-01", "1979-12-31")),
        # the working week runs Monday to Friday
        (
            "Talks resume next working week.",
            "next working week",
            "2025-W09",
            ("2025-02-24", "2025-02-28"),
        ),
        ("Talks resume next workweek.", "next workweek", "2025-W09", ("2025-02-24", "2025-02-28")),
        # lower-case "may", "march" after a part of the month or a day in digits
        ("the levy rises in early may.", "early may", "2025-05", ("2025-05-01", "2025-05-10")),
        ("the pact was signed on 14 march 2019", "14 march 2019", "2019-03-14", None),
    ],
)
def test_decades_working_weeks_and_lower_case_months(
    sentence: str, extent: str, value: str, interval: tuple[str, str] | None
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.value) == (extent, value)
    if interval is not None:
        assert _span(timex) == interval


@pytest.mark.parametrize(
    "sentence",
    [
        "the 5 may decide the vote",
        "the 3rd march by farmers",
        "The index rose 2% to the 1990 S&P level",
        "they march towards the city in march towards spring",
    ],
)
def test_month_words_and_years_that_are_not_dates(sentence: str) -> None:
    assert not [
        t for t in tag_text(sentence, ANCHOR) if t.text.lower().endswith(("may", "march", " s"))
    ]


@pytest.mark.parametrize(
    ("sentence", "extent", "value", "interval"),
    [
        # an abbreviated weekday where a day of a named week is awaited
        ("Envoys return next week Tue or later.", "next week Tue", "2025-02-25", None),
        ("Envoys meet next week Sun Yat-sen Hall.", "next week", "2025-W09", None),
        # the week a day of the month falls in
        (
            "Hearings open the week of the 11th, aides said.",
            "the week of the 11th",
            "2025-W07",
            ("2025-02-10", "2025-02-16"),
        ),
        # seven days from a day, not a calendar week
        (
            "Ports close for a week starting tomorrow.",
            "week starting tomorrow",
            "2025-W08",
            ("2025-02-23", "2025-03-01"),
        ),
    ],
)
def test_weekdays_and_weeks_given_by_a_day(
    sentence: str, extent: str, value: str, interval: tuple[str, str] | None
) -> None:
    timex = _one(sentence)
    assert (timex.text, timex.value) == (extent, value)
    if interval is not None:
        assert _span(timex) == interval


def test_news_convention_reads_later_this_year_from_the_reference_day() -> None:
    from eval.scorers.timex import _recognizer_ok

    timex = tag_text("Elections are due later this year.", ANCHOR)[0]
    gold = [{"timex": "2025", "start": "2025-07-01", "end": "2026-01-01"}]
    assert not _recognizer_ok("daterange", timex, gold)
    assert _recognizer_ok("daterange", timex, gold, True, "later this year", "2025-02-22")
    assert not _recognizer_ok("daterange", timex, gold, True, "later this year", "2025-02-21")


def test_scorer_compares_what_the_gold_resolves() -> None:
    from eval.scorers.timex import _recognizer_ok

    season = tag_text("Floods hit in summer.", ANCHOR)[0]
    assert _recognizer_ok("daterange", season, [{"timex": "SU", "value": "not resolved"}])
    assert not _recognizer_ok("daterange", season, [{"timex": "WI", "value": "not resolved"}])
    after = tag_text("Sales after March 3, 2019 fell.", ANCHOR)[0]
    gold = {"timex": "2019-03-03", "Mod": "after", "sourceEntity": "datetimepoint"}
    assert _recognizer_ok("daterange", after, [dict(gold, start="2019-03-03")])
    assert not _recognizer_ok("daterange", after, [dict(gold, start="2019-03-02")])


def test_a_year_of_the_next_century_after_a_preposition() -> None:
    assert [(t.text, t.value) for t in tag_text("Seas may rise a metre by 2100.", ANCHOR)] == [
        ("2100", "2100")
    ]
    assert tag_text("The index closed at 2150 points.", ANCHOR) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Both sides agreed a truce for Eid al-Adha.", "2024-06-16"),
        ("The talks resume after Eid ul-Fitr 2023.", "2023-04-21"),
        ("Shops were shut for eid al fitr.", "2024-04-10"),
    ],
)
def test_lunar_feasts_fall_on_their_listed_days(sentence: str, value: str) -> None:
    timex = tag_text(sentence, date(2024, 5, 1))[0]
    assert (timex.type, timex.value) == ("DATE", value)


def test_islamic_feasts_outside_the_listed_years_follow_the_arithmetical_calendar() -> None:
    from communique.timeparse import hijri_day

    # 1 Shawwal 1420 fell on 8 January 2000; the feast fell twice in that year
    assert hijri_day(2000, 10, 1) == date(2000, 1, 8)
    timex = tag_text("Markets closed for Eid al-Fitr.", date(2000, 1, 10))[0]
    assert timex.value == "2000-01-08"

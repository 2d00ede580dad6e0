"""Linking compares an event with an engagement's core, so that engagements cannot drift."""

from __future__ import annotations

from datetime import date

import pytest

from communique.corpus.engagements import EventRow, consensus, link
from tests.corpus.rows import talks_row


def _report(
    seq: int,
    countries: set[str],
    status: str,
    as_of: str,
    day: str | None = None,
) -> EventRow:
    """A report of talks between countries, dated in its text or only by its report."""
    return talks_row(seq, countries, day, status=status, as_of=as_of)


def _groups(rows: list[EventRow]) -> list[list[int]]:
    return sorted(sorted(m.seq for m in g.members) for g in link(rows))


def test_happenings_of_overlapping_pairs_in_successive_months_stay_apart() -> None:
    # Talks of Bolivia and Peru in March, Peru and Chile in April, Chile and Argentina
    # in May. Some reports name a bystander, and none gives a date but its own, so that
    # the plans reported in one month reach into the next.
    rows = [
        _report(1, {"BOL", "PER", "CHL"}, "planned", "2024-02-20"),
        _report(2, {"BOL", "PER"}, "planned", "2024-03-01"),
        _report(3, {"BOL", "PER"}, "occurred", "2024-03-11"),
        _report(4, {"BOL", "PER"}, "occurred", "2024-03-12"),
        _report(5, {"PER", "CHL"}, "planned", "2024-03-25"),
        _report(6, {"PER", "CHL", "ARG"}, "planned", "2024-04-02"),
        _report(7, {"PER", "CHL"}, "occurred", "2024-04-13"),
        _report(8, {"PER", "CHL"}, "occurred", "2024-04-14"),
        _report(9, {"CHL", "ARG"}, "planned", "2024-04-28"),
        _report(10, {"CHL", "ARG", "BOL"}, "planned", "2024-05-03"),
        _report(11, {"CHL", "ARG"}, "occurred", "2024-05-16"),
        _report(12, {"CHL", "ARG"}, "occurred", "2024-05-17"),
    ]
    assert _groups(rows) == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]


def test_reports_of_successive_days_do_not_chain_an_engagement() -> None:
    # Reports of talks held a day apart, from the 10th to the 14th: each is within a day of
    # the one before, but the 14th is not the 10th.
    rows = [
        _report(seq, {"BOL", "PER"}, "occurred", "2024-03-20", f"2024-03-{9 + seq:02d}")
        for seq in range(1, 6)
    ]
    groups = _groups(rows)
    assert len(groups) > 1
    assert all(len(g) <= 3 for g in groups)


def test_a_report_naming_one_country_joins_only_an_unambiguous_happening() -> None:
    rows = [
        _report(1, {"BOL", "PER"}, "occurred", "2024-03-11", "2024-03-10"),
        _report(2, {"PER", "CHL"}, "occurred", "2024-03-11", "2024-03-10"),
        _report(3, {"PER"}, "occurred", "2024-03-12", "2024-03-10"),
        _report(4, {"BOL"}, "occurred", "2024-03-12", "2024-03-10"),
    ]
    assert _groups(rows) == [[1, 4], [2]]


def test_a_plan_reported_after_the_happening_was_held_is_another_one() -> None:
    rows = [
        _report(1, {"BOL", "PER"}, "planned", "2024-03-01"),
        _report(2, {"BOL", "PER"}, "occurred", "2024-03-11"),
        _report(3, {"BOL", "PER"}, "planned", "2024-03-20"),
    ]
    assert _groups(rows) == [[1, 2], [3]]


@pytest.mark.parametrize(
    ("spans", "core"),
    [
        ([("2024-03-10", "2024-03-10")], ("2024-03-09", "2024-03-11")),
        (
            [("2024-03-01", "2024-03-31"), ("2024-03-10", "2024-03-10")],
            ("2024-03-09", "2024-03-11"),
        ),
        (
            [("2024-03-10", "2024-03-10")] * 3 + [("2024-03-20", "2024-03-20")],
            ("2024-03-09", "2024-03-11"),
        ),
        (
            [("2024-03-10", "2024-03-10"), ("2024-03-11", "2024-03-11")],
            ("2024-03-10", "2024-03-11"),
        ),
    ],
)
def test_consensus_is_where_most_spans_agree(
    spans: list[tuple[str, str]], core: tuple[str, str]
) -> None:
    days = [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in spans]
    assert consensus(days) == (date.fromisoformat(core[0]), date.fromisoformat(core[1]))

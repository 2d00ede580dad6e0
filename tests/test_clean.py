from __future__ import annotations

import pytest

from communique.clean import clean_text, repair_unicode


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("talks on the agenda,stressing trade", "talks on the agenda, stressing trade"),
        ("a new round.The envoy left", "a new round. The envoy left"),
        ("a new round.the envoy left", "a new round. the envoy left"),
        ("visit kyodonews.net for more", "visit kyodonews.net for more"),
        ("about 1,000 troops", "about 1,000 troops"),
        ("U.S.-China trade", "U.S.-China trade"),
        ("the minister said\nthat talks would resume", "the minister said that talks would resume"),
        ("Line one.\n\n\n\nLine two.", "Line one.\n\nLine two."),
        ("two  spaces\u00a0here  ", "two spaces here"),
    ],
)
def test_whitespace_repairs(raw: str, expected: str) -> None:
    assert clean_text(raw)[0] == expected


def test_mojibake_is_repaired_and_curly_quotes_kept() -> None:
    broken = "the ministerâ€™s visit"
    assert repair_unicode(broken) == "the minister’s visit"
    assert repair_unicode("“quoted”") == "“quoted”"


def test_repair_count() -> None:
    _, count = clean_text("first,second.Third")
    assert count == 2

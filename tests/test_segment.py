from __future__ import annotations

from communique.segment import segment, speaker_label

ARTICLE = """Ministers Meet in Ankara
Contents
- Ministers Meet in Ankara
- What Happens Next?
The foreign ministers of Turkey and Greece met in Ankara on Monday, officials said.
Turkish Foreign Minister Hakan Fidan told reporters the talks were constructive.
What Happens Next?
Dialogue is generally seen as a useful way to reduce tensions between neighbours.
Editor: Why does this matter?
Dr. Ana Silva: Because the two countries share a long border at sea.
Editor: Will there be more talks?
Dr. Ana Silva: Very likely, within months.
Final thoughts: the region needs calm.
Share your thoughts in the comments below.
"""


def kinds_and_starts(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end].split("\n")[0]) for s in segment(text)]


def test_sections_of_a_generated_article() -> None:
    kinds = [k for k, _ in kinds_and_starts(ARTICLE)]
    assert kinds == ["title", "toc", "reporting", "faq", "interview", "commentary", "boilerplate"]


def test_sections_cover_text_without_gaps() -> None:
    sections = segment(ARTICLE)
    assert sections[0].start == 0
    assert sections[-1].end == len(ARTICLE)
    for prev, nxt in zip(sections, sections[1:], strict=False):
        assert prev.end == nxt.start


def test_question_heading_followed_by_reporting_stays_reporting() -> None:
    text = (
        "Talks Resume\n"
        "Who Attended?\n"
        "The ministry said on Tuesday that both delegations attended, according to officials.\n"
    )
    kinds = [s.kind for s in segment(text)]
    assert "faq" not in kinds
    assert "reporting" in kinds


def test_plain_news_is_one_reporting_section() -> None:
    text = "The envoy arrived in Doha on Sunday. She met the mediators the next day."
    assert [s.kind for s in segment(text)] == ["reporting"]


def test_speaker_labels() -> None:
    assert speaker_label("Dr. Ana Silva: Because it matters.") == "Dr. Ana Silva"
    assert speaker_label("Headline: Talks resume") is None
    assert speaker_label("Final thoughts: calm is needed") is None

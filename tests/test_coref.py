"""The coref stage: surnames, titles and pronouns (needs the spaCy model)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.readers import article_from_text

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["communique.parse.v1", "communique.entities.v1", "communique.coref.v1"])


def analyse(pipeline: Pipeline, text: str) -> Document:
    return pipeline(article_from_text(text, source="test", published="2025-04-01"))


def mention_texts(doc: Document, name: str) -> list[str]:
    ent = next(e for e in doc.entities if e.name == name)
    return [m.text for m in ent.mentions]


TEXT = (
    "Turkish Foreign Minister Hakan Fidan hosted the talks in Ankara on Monday. "
    "Fidan said both delegations had made progress.\n"
    "He added that a ceasefire was within reach. The foreign minister's office later "
    "published a statement. Fidan's deputy will travel to Baku next week."
)


def test_surname_title_and_pronoun_join_the_person(pipeline):
    doc = analyse(pipeline, TEXT)
    texts = mention_texts(doc, "Hakan Fidan")
    assert "He" in texts
    assert "The foreign minister" in texts
    assert texts.count("Fidan") == 2


def test_entity_at_finds_pronoun(pipeline):
    doc = analyse(pipeline, TEXT)
    start = doc.text.index("He added")
    ent = doc.entity_at(start, start + 2)
    assert ent is not None and ent.name == "Hakan Fidan"


def test_gender_blocks_wrong_antecedent(pipeline):
    text = (
        "Finnish President Alexander Stubb met EU foreign policy chief Kaja Kallas in Helsinki. "
        "She said Europe must stay united."
    )
    doc = analyse(pipeline, text)
    assert "She" in mention_texts(doc, "Kaja Kallas")
    assert "She" not in mention_texts(doc, "Alexander Stubb")


def test_subject_continuity_across_paragraphs(pipeline):
    text = (
        "Indian Foreign Minister S. Jaishankar spoke with reporters after meeting Wang Yi.\n"
        "He said the border talks would continue."
    )
    doc = analyse(pipeline, text)
    assert "He" in mention_texts(doc, "S. Jaishankar")


def test_mentions_stay_sorted(pipeline):
    doc = analyse(pipeline, TEXT)
    for ent in doc.entities:
        starts = [m.start for m in ent.mentions]
        assert starts == sorted(starts)

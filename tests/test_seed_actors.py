"""Actors in the running example (read at run time from ../shared): issue 3's seed checks."""

from __future__ import annotations

import pytest

import communique
from communique.document import Document, Entity

pytestmark = [pytest.mark.model, pytest.mark.shared]

PRONOUNS = frozenset({"he", "him", "his"})


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Document:
    return communique.analyze(seed_text, published="2025-02-22")


def named(doc: Document, name: str) -> Entity:
    found = [e for e in doc.entities if e.name == name]
    assert len(found) == 1, [e.name for e in doc.entities]
    return found[0]


def test_ryabkov_is_one_entity_with_title_and_pronouns(seed: Document) -> None:
    ryabkov = named(seed, "Sergei Ryabkov")
    assert (ryabkov.type, ryabkov.country, ryabkov.sector) == ("PERSON", "RUS", "GOV")
    written = {m.text.lower() for m in ryabkov.mentions}
    assert {"sergei ryabkov", "ryabkov", "the deputy foreign minister"} <= written
    assert written & PRONOUNS
    for ent in seed.entities:
        if ent is not ryabkov:
            assert all("ryabkov" not in m.text.lower() for m in ent.mentions), ent


def test_every_he_of_the_article_is_ryabkov(seed: Document) -> None:
    ryabkov = named(seed, "Sergei Ryabkov")
    others = [
        (ent.name, m.text)
        for ent in seed.entities
        if ent is not ryabkov
        for m in ent.mentions
        if m.text.lower() == "he"
    ]
    assert not others


def test_ria_novosti_is_state_media(seed: Document) -> None:
    ria = named(seed, "RIA Novosti")
    assert (ria.type, ria.country) == ("MEDIA", "RUS")
    assert "state_media" in ria.flags


def test_expert_without_affiliation_is_flagged(seed: Document) -> None:
    assert "unidentified_expert" in named(seed, "Elena Ivanova").flags

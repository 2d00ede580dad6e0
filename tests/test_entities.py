"""The entities stage over invented diplomatic news sentences (needs the spaCy model)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.readers import article_from_text

pytestmark = pytest.mark.model

STAGES = ["communique.parse.v1", "communique.entities.v1"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(STAGES)


def analyse(pipeline: Pipeline, text: str, published: str = "2025-05-10") -> Document:
    return pipeline(article_from_text(text, source="test", published=published))


def by_name(doc: Document, name: str):
    found = [e for e in doc.entities if e.name == name]
    assert found, [e.name for e in doc.entities]
    return found[0]


TEXT = (
    "Iranian Foreign Minister Abbas Araghchi arrived in Muscat on Sunday for talks with "
    "Oman's foreign minister, Badr Albusaidi. Araghchi told the state news agency IRNA that "
    "the talks were useful. Kremlin spokesman Dmitry Peskov said Moscow welcomed the contacts, "
    "according to Reuters. A senior Iranian official said the next round could be held in Rome."
)


def test_people_from_the_knowledge_base(pipeline):
    doc = analyse(pipeline, TEXT)
    araghchi = by_name(doc, "Abbas Araghchi")
    assert (araghchi.type, araghchi.country, araghchi.sector, araghchi.role) == (
        "PERSON",
        "IRN",
        "GOV",
        "foreign minister",
    )
    assert {m.text for m in araghchi.mentions} >= {"Abbas Araghchi", "Araghchi"}
    peskov = by_name(doc, "Dmitry Peskov")
    assert (peskov.country, peskov.gender) == ("RUS", "m")


@pytest.mark.parametrize(
    ("name", "type_", "country", "flags"),
    [
        ("IRNA", "MEDIA", "IRN", ["state_media"]),
        ("Reuters", "MEDIA", "GBR", []),
        ("Oman", "GPE", "OMN", []),
        ("Muscat", "GPE", "OMN", []),
    ],
)
def test_outlets_and_places(pipeline, name, type_, country, flags):
    ent = by_name(analyse(pipeline, TEXT), name)
    assert (ent.type, ent.country, ent.flags) == (type_, country, flags)


def test_description_gets_country_and_sector(pipeline):
    doc = analyse(pipeline, TEXT)
    official = [e for e in doc.entities if e.role == "official"]
    assert official and official[0].country == "IRN" and official[0].sector == "GOV"


def test_ids_follow_first_mention_and_mentions_are_offsets(pipeline):
    doc = analyse(pipeline, TEXT)
    assert [e.id for e in doc.entities] == [f"e{i}" for i in range(1, len(doc.entities) + 1)]
    firsts = [e.mentions[0].start for e in doc.entities]
    assert firsts == sorted(firsts)
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_unknown_person_keeps_title_but_no_invented_country(pipeline):
    doc = analyse(pipeline, "Deputy Minister Tomas Verhoeven met the delegation on Monday.")
    ent = by_name(doc, "Tomas Verhoeven")
    assert ent.country is None
    assert ent.sector == "GOV"


def test_unidentified_expert(pipeline):
    text = (
        "We asked Dr. Miriam Okafor, a seasoned expert in regional security, about the talks.\n"
        "Dr. Okafor said the meeting mattered. Professor Lukas Brandt of the Hertie School "
        "disagreed."
    )
    doc = analyse(pipeline, text)
    assert "unidentified_expert" in by_name(doc, "Miriam Okafor").flags
    assert "unidentified_expert" not in by_name(doc, "Lukas Brandt").flags


def test_case_errors_still_match(pipeline):
    doc = analyse(pipeline, "Officials in the United states and russia spoke to Ria Novosti.")
    names = {e.name for e in doc.entities}
    assert {"United States", "Russia", "RIA Novosti"} <= names


def test_heading_noise_is_not_a_person(pipeline):
    text = "Can Diplomacy Ease Rising Tensions?\nThe envoys met in Geneva on Friday."
    doc = analyse(pipeline, text)
    assert all(not (e.type == "PERSON" and e.name == "Tensions") for e in doc.entities)


def test_hyphenated_country_pairs(pipeline):
    doc = analyse(pipeline, "The India-Pakistan talks resumed in Doha.")
    assert {"India", "Pakistan"} <= {e.name for e in doc.entities}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("His remarks were carried by the Japanese news agency Kyodo.", "news agency Kyodo"),
        ("The Kyodo news agency said Japan was ready to talk.", "Kyodo news agency"),
        ("Kyodo News said Japan was ready to talk.", "Kyodo News"),
        ("Japan's Kyodo said the talks would resume.", "Kyodo"),
    ],
)
def test_outlet_named_with_its_kind_is_one_outlet_mention(pipeline, text, mention):
    doc = analyse(pipeline, text)
    kyodo = by_name(doc, "Kyodo")
    assert (kyodo.type, kyodo.country, kyodo.sector) == ("MEDIA", "JPN", "JRN")
    assert [m.text for m in kyodo.mentions] == [mention]
    japan = [e for e in doc.entities if e.name == "Japan"]
    assert all(m.text in ("Japan", "Japanese") for e in japan for m in e.mentions)


def test_outlet_in_a_relay_phrase_outweighs_its_country(pipeline):
    text = "His remarks were carried by the Japanese news agency Kyodo."
    doc = analyse(pipeline, text)
    start = text.index("the Japanese")
    ent = doc.entity_at(start, len(text) - 1)
    assert ent is not None and ent.name == "Kyodo"


def test_unnamed_outlet_is_media_of_its_country(pipeline):
    doc = analyse(pipeline, "A Russian newspaper said the envoy would visit Cairo.")
    paper = by_name(doc, "Russian newspaper")
    assert (paper.type, paper.country, paper.sector) == ("MEDIA", "RUS", "JRN")


def test_counterpart_takes_the_office_of_the_possessor(pipeline):
    text = (
        "Turkish Foreign Minister Hakan Fidan met his Greek counterpart Nikos Raptis in Ankara. "
        "Fidan later spoke by phone with his Iranian counterpart."
    )
    doc = analyse(pipeline, text, published="2025-04-16")
    raptis = by_name(doc, "Nikos Raptis")
    assert (raptis.country, raptis.sector, raptis.role) == ("GRC", "GOV", "foreign minister")
    iranian = by_name(doc, "Abbas Araghchi")
    assert [m.text for m in iranian.mentions] == ["Iranian counterpart"]

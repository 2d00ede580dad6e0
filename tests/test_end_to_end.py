"""The whole pipeline on the project's example article (a seed-shaped article of our own)."""

from __future__ import annotations

import pytest

import communique
from communique.document import Document
from communique.output import validate
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def doc() -> Document:
    return communique.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2025-06-14")


def entity_named(doc: Document, name: str) -> str:
    for ent in doc.entities:
        if ent.name == name:
            return ent.id
    raise AssertionError(f"no entity {name!r} in {[e.name for e in doc.entities]}")


def test_contract(doc: Document) -> None:
    validate(doc.to_dict())
    assert doc.article.title.startswith("Japan and China Agree")


def test_sections(doc: Document) -> None:
    kinds = [s.kind for s in doc.sections]
    for kind in ("title", "toc", "reporting", "faq", "interview", "boilerplate"):
        assert kind in kinds


def test_held_meeting(doc: Document) -> None:
    held = [e for e in doc.events if e.type == "CONSULT" and e.status == "occurred"]
    assert held, [(e.type, e.status) for e in doc.events]
    meeting = held[0]
    assert meeting.countries == ["CHN", "JPN"]
    assert meeting.location is not None and meeting.location.country == "JPN"
    assert meeting.when is not None and meeting.when.start == "2025-06-11"


def test_planned_meeting(doc: Document) -> None:
    planned = [e for e in doc.events if e.type == "CONSULT" and e.status == "planned"]
    assert planned, [(e.type, e.status) for e in doc.events]
    meeting = planned[0]
    assert meeting.countries == ["CHN", "JPN"]
    assert meeting.location is not None and meeting.location.kind == "unspecified"
    assert meeting.when is not None and meeting.when.end == "2025-07-04"


def test_statements_of_the_vice_minister(doc: Document) -> None:
    sun = entity_named(doc, "Sun Weidong")
    by_sun = [s for s in doc.statements if s.speaker == sun]
    assert len(by_sun) >= 3
    assert any(s.speaker_text == "He" for s in by_sun)
    assert by_sun[0].date == "2025-06-13"


def test_direct_quote_of_the_minister(doc: Document) -> None:
    wang = entity_named(doc, "Wang Yi")
    quotes = [s for s in doc.statements if s.speaker == wang and s.kind == "direct"]
    assert quotes and quotes[0].content.startswith("We are ready to talk")


def test_interview_turns_and_expert_flag(doc: Document) -> None:
    turns = [s for s in doc.statements if s.section == "interview"]
    assert len(turns) >= 4
    assert {s.speaker_text for s in turns} >= {"Host", "Prof. Daniel Moreau"}
    expert = doc.entity(entity_named(doc, "Daniel Moreau"))
    assert expert is not None and "unidentified_expert" in expert.flags


def test_nothing_held_or_planned_outside_reporting(doc: Document) -> None:
    for event in doc.events:
        if event.status in ("occurred", "planned"):
            for ev in event.evidence:
                assert doc.section_kind_at(ev.start) not in ("faq", "commentary", "interview")

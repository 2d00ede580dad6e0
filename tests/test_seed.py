"""The running example of the design document (read at run time from ../shared)."""

from __future__ import annotations

import pytest

import communique
from communique.document import Document


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Document:
    return communique.analyze(seed_text, published="2025-02-22")


def test_section_kinds(seed: Document) -> None:
    kinds = {s.kind for s in seed.sections}
    assert kinds >= {"toc", "reporting", "faq", "interview", "boilerplate"}


def test_held_meeting_in_saudi_arabia(seed: Document) -> None:
    held = [e for e in seed.events if e.type == "CONSULT" and e.status == "occurred"]
    assert any(
        e.countries == ["RUS", "USA"]
        and e.location is not None
        and e.location.country == "SAU"
        and e.when is not None
        and e.when.start == "2025-02-18"
        for e in held
    ), held


def test_planned_meeting_in_an_unspecified_country(seed: Document) -> None:
    planned = [e for e in seed.events if e.type == "CONSULT" and e.status == "planned"]
    assert any(
        e.countries == ["RUS", "USA"]
        and e.location is not None
        and e.location.kind == "unspecified"
        and e.when is not None
        and e.when.end == "2025-03-08"
        for e in planned
    ), planned


def test_statements_by_ryabkov(seed: Document) -> None:
    ids = {e.id for e in seed.entities if e.name == "Sergei Ryabkov"}
    assert len([s for s in seed.statements if s.speaker in ids]) >= 3


def test_no_held_or_planned_event_from_generated_sections(seed: Document) -> None:
    for event in seed.events:
        if event.status in ("occurred", "planned"):
            for ev in event.evidence:
                assert seed.section_kind_at(ev.start) not in ("faq", "commentary", "interview")

"""Events of the running example (read at run time from ../shared): the seed checks of the
events stage, one held, one planned and one conditional RUS-USA consultation."""

from __future__ import annotations

import pytest

import communique
from communique.document import Document, Event

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Document:
    return communique.analyze(seed_text, published="2025-02-22")


def _consults(seed: Document, status: str) -> list[Event]:
    return [
        e
        for e in seed.events
        if e.type == "CONSULT" and e.status == status and e.countries == ["RUS", "USA"]
    ]


def _speaker_name(seed: Document, statement_id: str | None) -> str | None:
    st = next((s for s in seed.statements if s.id == statement_id), None)
    ent = seed.entity(st.speaker) if st is not None and st.speaker else None
    return ent.name if ent is not None else None


def test_exactly_one_held_meeting(seed: Document) -> None:
    (held,) = _consults(seed, "occurred")
    assert held.location is not None and held.location.country == "SAU"
    assert held.when is not None and held.when.start == "2025-02-18"
    assert "Ukraine" in held.topics


def test_exactly_one_planned_meeting_resting_on_ryabkov(seed: Document) -> None:
    (planned,) = _consults(seed, "planned")
    assert planned.location is not None and planned.location.kind == "unspecified"
    assert planned.when is not None and planned.when.end == "2025-03-08"
    assert _speaker_name(seed, planned.source) == "Sergei Ryabkov"
    assert planned.verification == "unverified"
    assert {"Ukraine", "bilateral relations"} <= set(planned.topics)


def test_one_conditional_arms_control_consultation(seed: Document) -> None:
    (cond,) = _consults(seed, "conditional")
    assert {"arms control", "strategic stability"} & set(cond.topics)
    assert any("US policy" in c for c in cond.conditions)


def test_interview_event_is_no_fact(seed: Document) -> None:
    for event in seed.events:
        if event.section in ("faq", "interview", "commentary"):
            assert event.status not in ("occurred", "planned")

"""Statements of the running example (read at run time from ../shared): who said it, to
which outlet, relayed by whom, hedged how, and the interview's two speakers."""

from __future__ import annotations

import pytest

import communique
from communique.document import Document

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Document:
    return communique.analyze(seed_text, published="2025-02-22")


def _name(seed: Document, ident: str | None) -> str | None:
    ent = seed.entity(ident) if ident else None
    return ent.name if ent is not None else None


def test_ryabkov_statements_with_channel_relays_and_hedge(seed: Document) -> None:
    his = [s for s in seed.statements if _name(seed, s.speaker) == "Sergei Ryabkov"]
    assert len(his) >= 5
    assert any(_name(seed, s.channel) == "RIA Novosti" for s in his)
    relays = {_name(seed, r) for s in his for r in s.relays}
    assert "Reuters" in relays
    assert all(any("independently verified" in h for h in s.hedges) for s in his)


def test_interview_turns_belong_to_their_two_speakers(seed: Document) -> None:
    turns = [s for s in seed.statements if s.section == "interview"]
    assert len(turns) >= 4
    # the article itself miscases some labels ("dr. Elena Ivanova"): still one speaker
    assert len({(s.speaker_text or "").lower() for s in turns}) == 2
    guest = {s.speaker for s in turns if "ivanova" in (s.speaker_text or "").lower()}
    assert len(guest) == 1 and _name(seed, guest.pop()) == "Elena Ivanova"
    assert all(s.kind == "direct" for s in turns)

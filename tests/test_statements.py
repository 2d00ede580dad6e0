"""Tests of the statements stage on invented diplomatic news sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest

from communique import temporal
from communique.document import Document, Entity, Mention, Section, Timex
from communique.quotes import quote_regions, trim
from communique.readers import article_from_text
from communique.statements import StatementExtractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will return" and left.', ['"we will return"']),
        ("She said “talks are over” today.", ["“talks are over”"]),
        ("“First part.\n“Second part,” he said.", ["“First part.", "“Second part,”"]),
        ('A stray " mark\n\nThen nothing.', []),
        ("“One” and “two”.", ["“One”", "“two”"]),
    ],
)
def test_quote_regions(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quote_regions(text)] == expected


def test_trim_drops_quotes_and_punctuation() -> None:
    text = " “We are ready,” "
    s, e = trim(text, 0, len(text))
    assert text[s:e] == "We are ready"


def _analyse(text: str, entities: tuple[tuple[str, str, str], ...] = (), **kw: object) -> Document:
    """Parse a text, add entities (id, type, surface|surface...) at every occurrence, run
    the stage."""
    from communique.nlp import load_model

    doc = article_from_text(text, source="test", published="2025-03-04")
    doc.spacy_doc = load_model()(doc.text)
    for eid, etype, surfaces in entities:
        pattern = "|".join(rf"\b{re.escape(s)}\b" for s in surfaces.split("|"))
        mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text)]
        doc.entities.append(Entity(id=eid, name=surfaces, type=etype, mentions=mentions))
    for key, value in kw.items():
        setattr(doc, key, value)
    return StatementExtractor()(doc)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "speaker", "cue", "content"),
    [
        (
            "Foreign Minister Penny Wong said that Australia would host the summit.",
            "indirect",
            "Foreign Minister Penny Wong",
            "say",
            "Australia would host the summit",
        ),
        (
            "“We are ready to talk without preconditions,” Antony Blinken told reporters.",
            "direct",
            "Antony Blinken",
            "tell",
            "We are ready to talk without preconditions",
        ),
        (
            "According to the spokesman, the delegation arrived in Geneva late on Monday.",
            "indirect",
            "the spokesman",
            "according to",
            "the delegation arrived in Geneva late on Monday",
        ),
        (
            "The minister warned that the ceasefire was “hanging by a thread” after the strikes.",
            "mixed",
            "The minister",
            "warn",
            "the ceasefire was “hanging by a thread” after",
        ),
        (
            "The proposal for a joint commission was raised by Wang Yi during the visit.",
            "indirect",
            "Wang Yi",
            "raise",
            "The proposal for a joint commission",
        ),
        (
            "Lavrov was quoted as saying the meeting had been useful.",
            "indirect",
            "Lavrov",
            "quoted as saying",
            "the meeting had been useful",
        ),
        (
            "The envoy met the president, stating that a deal was close.",
            "indirect",
            "The envoy",
            "state",
            "a deal was close",
        ),
    ],
)
def test_attribution_patterns(text: str, kind: str, speaker: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert (st.kind, st.speaker_text, st.cue) == (kind, speaker, cue)
    assert content in st.content
    assert doc.text[st.start : st.end] == st.content
    assert st.id == "s1"


@pytest.mark.model
def test_infinitive_and_expletive_are_no_statements() -> None:
    doc = _analyse("It is important to note that the talks have stalled.")
    assert doc.statements == []


@pytest.mark.model
def test_speaker_channel_relays_and_hedge_by_entity(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Speaking to Interfax on Friday, Maria Zakharova said the embassy would reopen. "
        "She added that staff would return within a month.\n"
        "Zakharova's comments were reported by Reuters. "
        "Zakharova's claims could not be independently verified."
    )
    day = text.index("Friday")
    friday = Timex("Friday", day, day + 6, "DATE", "2025-02-28")
    month = text.index("within a month")
    within = Timex("within a month", month, month + 14, "DURATION", "P1M")
    calls: list[tuple[str, date, str]] = []

    def fake_reanchor(doc: Document, timex: Timex, anchor: date, anchor_id: str) -> None:
        calls.append((timex.text, anchor, anchor_id))
        timex.anchor = anchor_id

    entities = (
        ("e1", "PERSON", "Maria Zakharova|Zakharova|She"),
        ("e2", "MEDIA", "Interfax"),
        ("e3", "MEDIA", "Reuters"),
    )
    monkeypatch.setattr(temporal, "reanchor", fake_reanchor, raising=False)
    doc = _analyse(text, entities, timexes=[friday, within])
    said, added = doc.statements[:2]
    assert said.speaker == "e1" and said.channel == "e2"
    assert said.date == "2025-02-28" and added.date == "2025-02-28"
    assert added.speaker_text == "She" and added.cue == "add"
    assert "e3" in said.relays and "e3" in added.relays
    assert "not be independently verified" in said.hedges
    assert "not be independently verified" in added.hedges
    assert ("within a month", date(2025, 2, 28), added.id) in calls


@pytest.mark.model
def test_as_reported_by_is_cut_from_content_and_relayed() -> None:
    text = "The ambassador outlined three priorities for the talks, as reported by Reuters."
    doc = _analyse(text, (("e9", "MEDIA", "Reuters"),))
    st = doc.statements[0]
    assert st.relays == ["e9"]
    assert "Reuters" not in st.content


@pytest.mark.model
def test_interview_turns_and_continued_quote() -> None:
    text = (
        "Moderator: What do you expect from the summit in Nairobi?\n"
        "Ambassador Ruto: I expect a framework on trade and security.\n"
        "Moderator: And on the border question?\n"
        "Ambassador Ruto: That will take longer than one meeting.\n"
    )
    doc = _analyse(text, sections=[Section("interview", None, 0, len(text))])
    speakers = [s.speaker_text for s in doc.statements]
    assert speakers == ["Moderator", "Ambassador Ruto", "Moderator", "Ambassador Ruto"]
    assert {s.kind for s in doc.statements} == {"direct"}
    assert {s.section for s in doc.statements} == {"interview"}


@pytest.mark.model
def test_one_off_label_is_not_an_interview() -> None:
    doc = _analyse("Update: the foreign ministers will meet again in Oslo next week.\n")
    assert all(s.cue != ":" for s in doc.statements)


@pytest.mark.model
def test_paragraph_quote_continues_previous_speaker() -> None:
    text = (
        "“We have made real progress on the prisoner exchange,” the negotiator said.\n"
        "“The next round will settle the remaining names and the timetable.”\n"
    )
    doc = _analyse(text)
    assert [s.kind for s in doc.statements] == ["direct", "direct"]
    assert doc.statements[1].speaker_text == "the negotiator"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "act", "content"),
    [
        (
            "The prime minister believes that the border dispute can be settled this year.",
            "believe",
            "cognitive",
            "that the border dispute can be settled this year",
        ),
        (
            "The rebels vowed to retaliate against any incursion.",
            "vow",
            "speech",
            "to retaliate against any incursion",
        ),
        (
            "The opposition leader called for an immediate ceasefire in the region.",
            "call for",
            "speech",
            "an immediate ceasefire in the region",
        ),
        (
            "The survey showed broad support for the trade agreement.",
            "show",
            "evidence",
            "broad support for the trade agreement",
        ),
    ],
)
def test_belief_intention_phrasal_and_evidence_cues(
    text: str, cue: str, act: str, content: str
) -> None:
    from communique.quotes import cue_act

    doc = _analyse(text)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert st.cue == cue and cue_act(st.cue) == act
    assert st.content == content


@pytest.mark.model
def test_noun_cue_takes_its_that_clause_and_owner() -> None:
    doc = _analyse("Officials rejected the envoy's claim that the convoy had been attacked.")
    claims = [s for s in doc.statements if s.cue == "claim"]
    assert len(claims) == 1
    assert claims[0].speaker_text == "the envoy"
    assert claims[0].content == "that the convoy had been attacked"


@pytest.mark.model
def test_nested_cue_stays_in_the_outer_statement() -> None:
    doc = _analyse("The spokesman said that both delegations intend to sign the accord.")
    assert [s.cue for s in doc.statements] == ["say"]


@pytest.mark.model
def test_record_carries_offsets_and_channel_text() -> None:
    text = (
        "Speaking to regional television on Monday, Amara Diallo said the border would "
        "reopen. She added that patrols would continue."
    )
    doc = _analyse(text, (("e1", "PERSON", "Amara Diallo|She"),))
    said, added = doc.statements[:2]
    assert said.channel_text == "regional television" and said.channel is None
    assert added.channel_text == "regional television"
    assert text[said.speaker_start : said.speaker_end] == "Amara Diallo"
    assert text[said.cue_start : said.cue_end] == "said"


@pytest.mark.model
def test_channel_entity_must_cover_the_head_word() -> None:
    text = "Speaking to Kenyan state media, the envoy said talks would resume."
    doc = _analyse(text, (("k1", "GPE", "Kenyan"),))
    st = doc.statements[0]
    assert st.channel is None and st.channel_text == "Kenyan state media"


@pytest.mark.model
def test_headline_label_with_a_name_is_a_claim() -> None:
    text = "Macron: Europe Must Build Its Own Defence\nThe French president spoke in Paris.\n"
    doc = _analyse(text)
    assert doc.statements and doc.statements[0].cue == ":"
    assert doc.statements[0].speaker_text == "Macron"


@pytest.mark.model
def test_it_is_important_to_stress_is_no_statement() -> None:
    doc = _analyse("It is vital to stress that the figures are provisional.")
    assert doc.statements == []

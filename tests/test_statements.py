"""Tests of the statements stage on invented diplomatic news sentences."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from communique import temporal
from communique.document import Document, Entity, Mention, Section, Timex
from communique.quotes import _range_without, quote_regions, trim, words_at_least, words_in
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
        ("No quote marks.\nNone at all.", []),
        ("“Talks will\nresume,” she said.", ["“Talks will\nresume,”"]),
        ("“Talks will resume.\n\nAnother paragraph.", []),
        # a curly quote inside a straight one belongs to it
        ('She said "it is “final” now" and left.', ['"it is “final” now"']),
        (
            'He said:\n\n"It is not about “peace” at all.\n\n"It never was."',
            ['"It is not about “peace” at all.', '"It never was."'],
        ),
        # a straight mark never closed leaves the curly quotes after it standing
        ("A 6'2\" guard. “We will go,” she said.", ["“We will go,”"]),
    ],
)
def test_quote_regions(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quote_regions(text)] == expected


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5])
@pytest.mark.parametrize("text", ["", "  ,. ", "one", "one two, three", "a-b c'd e"])
def test_words_at_least_agrees_with_words_in(text: str, n: int) -> None:
    assert words_at_least(text, 0, len(text), n) == (words_in(text, 0, len(text)) >= n)


@pytest.mark.parametrize(
    ("lo", "hi", "spans", "expected"),
    [
        (0, 6, [], [0, 1, 2, 3, 4, 5]),
        (0, 6, [(1, 3)], [0, 3, 4, 5]),
        (0, 6, [(4, 9), (1, 2)], [0, 2, 3]),
        (2, 6, [(0, 3), (2, 4), (5, 5)], [4, 5]),
        (0, 3, [(0, 3)], []),
    ],
)
def test_range_without(lo: int, hi: int, spans: list[tuple[int, int]], expected: list[int]) -> None:
    assert _range_without(lo, hi, spans) == expected


@pytest.mark.parametrize(
    "name",
    [
        "cue_table",
        "phrasal_cues",
        "noun_cues",
        "cue_words",
        "speech_verb_lemmas",
        "_particle_verbs",
        "_phrasal_heads",
        "light_verbs",
    ],
)
def test_lexicon_tables_are_built_once(name: str) -> None:
    from communique import quotes

    table = getattr(quotes, name)
    # every cue verb asks for these: built again per call, they would dominate the stage
    assert table() is table()


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
@pytest.mark.parametrize(
    "text",
    [
        "Revealed: The Real Cost Of The New Stadium\nThe figures came out on Thursday.\n",
        "Wow: Governor Hale Just Gave Reporters A Very Short Answer\nIt lasted a minute.\n",
        "Paid Notice: Deaths MORROW, ELLEN JANE\nEllen Morrow died peacefully at home.\n",
    ],
)
def test_headline_teaser_kicker_names_no_source(text: str) -> None:
    doc = _analyse(text)
    assert all(s.cue != ":" for s in doc.statements)


@pytest.mark.model
def test_words_inside_markup_tags_are_no_cues() -> None:
    text = "Leaders reacted within minutes.\n\n" + "".join(
        f'<tweet pic="" author="{who}" timestamp="1449075600" tweet_id="{n}">{words}</tweet>.\n\n'
        for who, n, words in (
            ("MayorLee", 6721530252, "Our hearts go out to the crew and their families tonight."),
            ("GovHale", 6721530253, "Grateful to the firefighters who ran toward danger today."),
            ("SenOrr", 6721530254, "Thinking of everyone at the harbour tonight."),
        )
    )
    doc = _analyse(text)
    assert all(s.cue != "tweet" for s in doc.statements)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "The committee chair argued that:\n\n"
            "The budget leaves rural schools without enough money for buses.\n",
            [],
        ),
        (
            "The charity describes its mission in the following way:\n\n"
            "The new rail line will link the two ports by 2030.\n",
            [],
        ),
        (
            "The treasurer reminded voters that taxes had fallen:\n\n"
            "The rate is now the lowest in a decade.\n",
            ["that taxes had fallen"],
        ),
    ],
)
def test_placeholder_before_a_line_final_colon_is_no_content(
    text: str, contents: list[str]
) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == contents


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Voters could pick any candidate, or they could stay home if they didn't want to.\n",
        "The governor defended himself on Tuesday.\n",
    ],
)
def test_elided_or_reflexive_content_is_no_statement(text: str) -> None:
    assert _analyse(text).statements == []


@pytest.mark.model
def test_paragraph_quote_continues_previous_speaker() -> None:
    text = (
        "“We have made real progress on the prisoner exchange,” the negotiator said.\n"
        "“The next round will settle the remaining names and the timetable.”\n"
    )
    doc = _analyse(text)
    # one quotation, interrupted by its attribution, going on in the next paragraph
    assert [s.kind for s in doc.statements] == ["direct"]
    assert doc.statements[0].speaker_text == "the negotiator"
    assert doc.statements[0].content.startswith("We have made real progress")
    assert doc.statements[0].content.endswith("the remaining names and the timetable")


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
    doc = _analyse("Officials dismissed the envoy's claim that the convoy had been attacked.")
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''We will return,'' she said.", ["''We will return,''"]),
        ("''First.''\n''Second.''", ["''First.''", "''Second.''"]),
        ("“Talks are over,“ she said.", ["“Talks are over,“"]),
        ('“Talks are over," she said. "We leave.”', ['“Talks are over,"', '"We leave.”']),
    ],
)
def test_doubled_apostrophes_and_misplaced_marks_close_quotes(
    text: str, expected: list[str]
) -> None:
    assert [text[s:e] for s, e in quote_regions(text)] == expected


@pytest.mark.model
def test_quote_interrupted_by_its_cue_is_one_statement() -> None:
    text = (
        "“We have made progress on the exchange,” the envoy said. "
        "“The next round will settle the remaining names.”\n"
    )
    doc = _analyse(text)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert st.kind == "direct" and st.speaker_text == "the envoy"
    assert st.content.startswith("We have made") and st.content.endswith("remaining names")


@pytest.mark.model
def test_quote_in_next_paragraph_after_its_attribution_goes_on() -> None:
    text = (
        "“We have made real progress on the prisoner exchange,” the negotiator said.\n\n"
        "“The next round will settle the remaining names and the timetable.”\n"
    )
    doc = _analyse(text)
    assert len(doc.statements) == 1
    assert doc.statements[0].speaker_text == "the negotiator"
    assert doc.statements[0].content.endswith("the remaining names and the timetable")


@pytest.mark.model
def test_quote_after_other_prose_is_a_statement_of_its_own() -> None:
    text = (
        "“We have made real progress on the prisoner exchange,” the negotiator said.\n\n"
        "The talks resume in Geneva next week. "
        "“The next round will settle the remaining names and the timetable.”\n"
    )
    doc = _analyse(text)
    assert [s.speaker_text for s in doc.statements] == ["the negotiator", "the negotiator"]
    assert doc.statements[1].content.startswith("The next round")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The talks were tense. “We want an answer today!” the minister said on Friday.",
            "the minister",
            "say",
            "We want an answer today!",
        ),
        (
            "Meanwhile, the rebels are regrouping, officials say, moving fighters north.",
            "officials",
            "say",
            "Meanwhile, the rebels are regrouping",
        ),
        (
            "The envoy said in one of several posts that the border would reopen soon.",
            "The envoy",
            "say",
            "that the border would reopen soon",
        ),
        (
            "The border crossing will stay closed until spring, said the chief negotiator, "
            "Ana Ruiz.",
            "the chief negotiator",
            "say",
            "The border crossing will stay closed until spring",
        ),
        ("Not this year, the minister said.", "the minister", "say", "Not this year"),
        (
            "The minister is calm about the losses — in fact, she said it “humanizes” her.",
            "she",
            "say",
            "it “humanizes” her",
        ),
        (
            "The mediator urged both delegations to return to the table.",
            "The mediator",
            "urge",
            "both delegations to return to the table",
        ),
        (
            "The senator called on the cabinet to publish the treaty text.",
            "The senator",
            "call on",
            "the cabinet to publish the treaty text",
        ),
        (
            "The union has called on members to reject the contract.",
            "The union",
            "call on",
            "members to reject the contract",
        ),
        (
            "The council called on him to step down before the vote.",
            "The council",
            "call on",
            "him to step down before the vote",
        ),
        (
            "The harbor plan also had support among fishing crews, said a former adviser to "
            "the port's board, Ana Ruiz, who also led the campaign the mayor helped organize.",
            "a former adviser",
            "say",
            "The harbor plan also had support among fishing crews",
        ),
    ],
)
def test_cue_constructions(text: str, speaker: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert (st.speaker_text, st.cue, st.content) == (speaker, cue, content)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The farmers' union was dismayed by the new import quota.",
            "The farmers' union",
            "dismayed by",
            "the new import quota",
        ),
        (
            "Few diplomats are likely to be impressed by the offer.",
            "Few diplomats",
            "impressed by",
            "the offer",
        ),
        (
            "Angered by the border closure, the trade minister cancelled her visit.",
            "the trade minister",
            "angered by",
            "the border closure",
        ),
        (
            "The ambassador left the talks early, frustrated by the slow pace of the talks.",
            "The ambassador",
            "frustrated by",
            "the slow pace of the talks",
        ),
    ],
)
def test_participle_of_feeling_takes_its_by_phrase(
    text: str, speaker: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert (st.speaker_text, st.cue, st.content) == (speaker, cue, content)


@pytest.mark.model
def test_statements_judged_by_an_agent_are_its_own_but_relayed_ones_are_not() -> None:
    doc = _analyse("The envoy's remarks were condemned by the opposition leader.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("the opposition leader", "condemn", "The envoy's remarks")
    ]
    assert _analyse("Her comments were reported by the state news agency.").statements == []


@pytest.mark.model
def test_verbs_of_a_list_share_the_first_verbs_subject() -> None:
    doc = _analyse(
        "The mayor summed up the budget as “reckless,” denounced the cuts and said the city "
        "would sue."
    )
    found = {(s.cue, s.speaker_text, s.content) for s in doc.statements}
    assert ("denounce", "The mayor", "the cuts") in found
    assert ("say", "The mayor", "the city would sue") in found


@pytest.mark.model
def test_addressee_of_an_infinitive_is_its_subject_not_the_speaker() -> None:
    doc = _analyse("The chair asked the delegate to stand and say the figure again.")
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("ask", "the delegate to stand and say the figure again")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The senator raised concerns about the pipeline deal.", ["raise"]),
        ("The senator raised two million dollars for the campaign.", []),
        ("A group called Friends of Peace organised the vigil.", []),
        ("The envoy advised the ministry on the trade talks.", []),
    ],
)
def test_objects_that_are_not_what_was_said(text: str, cues: list[str]) -> None:
    doc = _analyse(text)
    assert [s.cue for s in doc.statements] == cues


@pytest.mark.model
def test_find_direct_keeps_only_direct_quotes() -> None:
    from communique.nlp import load_model
    from communique.quotes import AttributionFinder

    text = (
        "The minister said the border would reopen. "
        "“We will not be rushed into a deal,” the negotiator told reporters on Monday. "
        "Officials believe the talks will resume."
    )
    sdoc = load_model()(text)
    direct = AttributionFinder(sdoc).find_direct()
    assert [(a.kind, a.speaker_text, text[a.start : a.end]) for a in direct] == [
        ("direct", "the negotiator", "We will not be rushed into a deal")
    ]
    every = [a for a in AttributionFinder(sdoc).find() if a.kind == "direct"]
    # the same quotes, speakers and cues; only the statements stage reads frames
    assert [replace(a, frame=[]) for a in every] == direct
    assert all(a.frame == [] for a in direct) and any(a.frame for a in every)


@pytest.mark.model
def test_find_direct_ends_a_quotation_at_a_statement_without_quotes() -> None:
    from communique.nlp import load_model
    from communique.quotes import AttributionFinder

    text = (
        "“The corridor will stay open through the winter,” the envoy said. The ministry "
        "said the convoy had been delayed by snow. “Nobody expected the roads to close so "
        "early in the season.”"
    )
    sdoc = load_model()(text)
    direct = AttributionFinder(sdoc).find_direct()
    every = [a for a in AttributionFinder(sdoc).find() if a.kind == "direct"]
    # the ministry's statement stands between the quotes: the second is not the envoy's
    # going on, in a direct-only run as in a full one
    assert [(a.speaker_text, text[a.start : a.end]) for a in direct] == [
        ("the envoy", "The corridor will stay open through the winter")
    ]
    assert [replace(a, frame=[]) for a in every] == direct


@pytest.mark.model
def test_title_case_headline_keeps_its_statement_when_the_sentence_case_parse_has_none() -> None:
    from communique.nlp import load_model
    from communique.quotes import AttributionFinder

    headline = "Envoy Says Junta Hid Past Abuses From Public"
    text = headline + "\nThe envoy spoke in Lima on Monday.\n"
    found = [a for a in AttributionFinder(load_model()(text)).find() if a.start < len(headline)]
    assert [(a.cue, a.speaker_text) for a in found] == [("say", "Envoy")]
    assert text[found[0].start : found[0].end].startswith("Junta Hid")


@pytest.mark.model
def test_find_direct_without_quote_marks_finds_only_interview_turns() -> None:
    from communique.nlp import load_model
    from communique.quotes import AttributionFinder

    text = (
        "Host: Will the talks resume?\n"
        "Envoy: They will resume next week.\n"
        "Host: Where?\n"
        "Envoy: In Geneva, the minister said."
    )
    direct = AttributionFinder(load_model()(text)).find_direct()
    assert [(a.via, a.speaker_text) for a in direct] == [
        ("turn", "Host"),
        ("turn", "Envoy"),
        ("turn", "Host"),
        ("turn", "Envoy"),
    ]
    assert (
        AttributionFinder(load_model()("The minister said talks would resume.")).find_direct() == []
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ruiz: Talks With the Rebels Will Resume in May\nThe envoy spoke in Lima.\n", "Ruiz"),
        ("Analysis: Why the Talks With the Rebels Failed\nThe envoy spoke in Lima.\n", None),
    ],
)
def test_headline_label_without_a_tagged_name(text: str, speaker: str | None) -> None:
    doc = _analyse(text)
    labelled = [s for s in doc.statements if s.cue == ":"]
    assert [s.speaker_text for s in labelled] == ([speaker] if speaker else [])


@pytest.mark.model
def test_quote_signed_with_a_dash() -> None:
    text = (
        "Readers sent their views.\n"
        "“The summit changed nothing for the border towns.” ― Lena Park\n"
        "“We need the crossing open before winter.” ― Omar Haddad.\n"
    )
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.kind) for s in doc.statements] == [
        ("Lena Park", "—", "direct"),
        ("Omar Haddad", "—", "direct"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister described the proposal as unworkable.",
            "the proposal as unworkable",
        ),
        (
            "The senator attacked the envoy for his silence.",
            "the envoy for his silence",
        ),
    ],
)
def test_object_content_takes_the_complement_after_it(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The foreign minister is expected to visit Hanoi next week.",
            "expect",
            "The foreign minister is expected to visit Hanoi next week",
        ),
        (
            "The ceasefire talks seem to have stalled over the border question.",
            "seem",
            "The ceasefire talks seem to have stalled over the border question",
        ),
        (
            "The governor is widely seen as the favourite for the nomination.",
            "see",
            "The governor is widely seen as the favourite for the nomination",
        ),
    ],
)
def test_claims_with_an_unnamed_source(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [(cue, None, content)]


@pytest.mark.model
def test_appearing_on_television_is_no_claim() -> None:
    assert _analyse("The senator appeared on television on Sunday.").statements == []


@pytest.mark.model
def test_speaker_after_the_cue_that_follows_a_quote() -> None:
    doc = _analyse("“How long will the truce hold?” asked the envoy, as the talks resumed.")
    assert [(s.speaker_text, s.cue, s.kind) for s in doc.statements] == [
        ("the envoy", "ask", "direct")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "In a poll released on Monday, the governing party led the opposition by six points.",
            [("a poll", "in", "the governing party led the opposition by six points")],
        ),
        ("The challenger has risen steadily in the polls since March.", []),
        (
            "The governing party led the opposition by six points in a new poll.",
            [("a new poll", "in", "The governing party led the opposition by six points")],
        ),
        (
            "In this poll, the mayor's support rose from 40 percent to 46 percent.",
            [("this poll", "in", "the mayor's support rose from 40 percent to 46 percent")],
        ),
        (
            "Only 20 percent of renters have a favorable view of the landlord in a new survey.",
            [
                (
                    "a new survey",
                    "in",
                    "Only 20 percent of renters have a favorable view of the landlord",
                )
            ],
        ),
    ],
)
def test_finding_told_as_what_a_poll_holds(text: str, found: list[tuple[str, str, str]]) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == found


@pytest.mark.model
def test_poll_finding_runs_over_the_figures_after_it() -> None:
    doc = _analyse(
        "A new survey shows the mayor at 41 percent, followed by the treasurer at 30 percent"
        " and the sheriff at 12 percent."
    )
    assert [(s.cue, s.content) for s in doc.statements] == [
        (
            "show",
            "the mayor at 41 percent, followed by the treasurer at 30 percent and the sheriff"
            " at 12 percent",
        )
    ]


@pytest.mark.model
def test_records_the_tagger_took_for_a_verb_are_the_source() -> None:
    doc = _analyse(
        "The senator flew 40 times last year, Federal Aviation Administration records show."
    )
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("show", "Federal Aviation Administration records", "The senator flew 40 times last year")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The bridge was closed for repairs last year, and the city never reopened it,"
            " according to local officials.",
            "the city never reopened it",
        ),
        (
            "The council approved the budget, which grew by 4 percent this year, according to"
            " the city's records.",
            "which grew by 4 percent this year",
        ),
    ],
)
def test_source_phrase_closing_a_joined_or_relative_clause(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [("according to", content)]


@pytest.mark.model
def test_finding_oneself_in_a_state_is_no_finding() -> None:
    assert _analyse("The governor found himself playing defense on taxes.").statements == []


@pytest.mark.model
def test_cue_preposition_hung_from_a_setting_phrase() -> None:
    doc = _analyse("When asked at a rally about the strike, the senator changed the subject.")
    assert [(s.cue, s.content) for s in doc.statements] == [("ask about", "the strike")]


@pytest.mark.model
def test_that_said_is_no_statement() -> None:
    assert _analyse("That said, the envoy cannot win the vote alone.").statements == []


@pytest.mark.model
def test_quote_before_and_after_its_cue_is_one_statement() -> None:
    text = "“If the border stays shut,” the mayor says, “who will feed the town?”"
    doc = _analyse(text)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert st.speaker_text == "the mayor" and st.kind == "direct"
    assert st.content.startswith("If the border") and st.content.endswith("feed the town?")


@pytest.mark.model
def test_content_stops_before_a_trailing_relative_clause() -> None:
    doc = _analyse("Trade experts praised the new customs agreement, which takes effect in March.")
    assert [s.content for s in doc.statements] == ["the new customs agreement"]


@pytest.mark.model
def test_contrasted_speaker_opens_a_statement_of_their_own() -> None:
    doc = _analyse(
        "The envoy said the talks had gone well, while other delegates said little had changed."
    )
    assert [(s.speaker_text, s.content) for s in doc.statements] == [
        ("The envoy", "the talks had gone well"),
        ("other delegates", "little had changed"),
    ]


@pytest.mark.model
def test_boilerplate_holds_no_statements() -> None:
    text = "The envoy said the talks would resume.\nWe invite readers to share their views below.\n"
    split = text.index("We")
    sections = [
        Section("reporting", None, 0, split),
        Section("boilerplate", None, split, len(text)),
    ]
    doc = _analyse(text, sections=sections)
    assert [s.cue for s in doc.statements] == ["say"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "As the envoy noted, the talks will resume in March.",
            "the envoy",
            "note",
            "the talks will resume in March",
        ),
        (
            "The convoy, as the governor pointed out, never reached the border town.",
            "the governor",
            "point out",
            "The convoy, as the governor pointed out, never reached the border town",
        ),
        (
            "Several ministers know that the budget cannot pass without the greens.",
            "Several ministers",
            "know",
            "that the budget cannot pass without the greens",
        ),
        (
            "Many diplomats see the summit as a last chance for the treaty.",
            "Many diplomats",
            "see",
            "the summit as a last chance for the treaty",
        ),
        (
            "The farmers' union backed the new tariff on grain imports.",
            "The farmers' union",
            "back",
            "the new tariff on grain imports",
        ),
        (
            "The coalition is hoping for a quick vote in parliament.",
            "The coalition",
            "hope for",
            "a quick vote in parliament",
        ),
        (
            "Opposition leaders bitterly denounced it.",
            "Opposition leaders",
            "denounce",
            "it",
        ),
        (
            "The finance minister railed against the fuel subsidy.",
            "The finance minister",
            "rail against",
            "the fuel subsidy",
        ),
        (
            "If Tehran refuses the offer, the minister said, he would consider new sanctions.",
            "the minister",
            "say",
            "If Tehran refuses the offer, the minister said, he would consider new sanctions",
        ),
        (
            "If the ceasefire holds, he said, aid convoys could cross by Friday.",
            "he",
            "say",
            "If the ceasefire holds, he said, aid convoys could cross by Friday",
        ),
        ("“Go back to the table,” the envoy barked.", "the envoy", "bark", "Go back to the table"),
        (
            "These and other treaties, the lawyers said, “all point to the same conclusion.”",
            "the lawyers",
            "say",
            "These and other treaties, the lawyers said, “all point to the same conclusion.”",
        ),
        (
            "Though the transition was smooth, he said, replacing the envoy would be harder.",
            "he",
            "say",
            "Though the transition was smooth, he said, replacing the envoy would be harder",
        ),
        (
            # "opposed" is also an adjective cue ("is opposed to")
            "The ministry has opposed lifting the sanctions on fuel imports.",
            "The ministry",
            "oppose",
            "lifting the sanctions on fuel imports",
        ),
        (
            # the show's title before the speaker is not what was questioned
            "Later on “Face the Nation,” the senator questioned the minister's account.",
            "the senator",
            "question",
            "the minister's account",
        ),
        (
            # the tagger takes "honest" for the head of no clause
            "Most voters consider the minister honest.",
            "Most voters",
            "consider",
            "the minister honest",
        ),
        (
            # the parser takes the relative clause for what was said, "Lavrov" for its subject
            "Lavrov, meanwhile, who has met the envoy twice this year, said the talks would "
            "resume in May.",
            "Lavrov",
            "say",
            "the talks would resume in May",
        ),
        (
            "Moscow rejected the proposal for a buffer zone.",
            "Moscow",
            "reject",
            "the proposal for a buffer zone",
        ),
        (
            # the parser takes "Anybody" inside the quote for a second subject of "said"
            "“Anybody who attacks the mission, it's like buyer beware,” said Ann Lee, who has "
            "led the talks since May.",
            "Ann Lee",
            "say",
            "Anybody who attacks the mission, it's like buyer beware",
        ),
        (
            '"Just saw the statement. I am impressed by its tone," screenwriter Ann Lee wrote '
            "on Twitter.",
            "screenwriter Ann Lee",
            "write",
            "Just saw the statement. I am impressed by its tone",
        ),
        (
            "In a statement to the Observer, her adviser, Jake Sullivan, said: “The minister "
            "believes that cooperation is essential.”",
            "Jake Sullivan",
            "say",
            "The minister believes that cooperation is essential",
        ),
        (
            "The delegates interjected: “So there will be a second round?”",
            "The delegates",
            "interject",
            "So there will be a second round?",
        ),
        (
            "The minister lashed out at the rebels for breaking the truce.",
            "The minister",
            "lash out at",
            "the rebels for breaking the truce",
        ),
        (
            "The bishop spoke out against the death penalty.",
            "The bishop",
            "speak out against",
            "the death penalty",
        ),
        (
            "The militants claimed responsibility for the attack on the convoy.",
            "The militants",
            "claim",
            "responsibility for the attack on the convoy",
        ),
        (
            "The summit affirmed the alliance's commitment to the region.",
            "The summit",
            "affirm",
            "the alliance's commitment to the region",
        ),
        (
            "The latest poll indicates a tightening race as the vote nears.",
            "The latest poll",
            "indicate",
            "a tightening race",
        ),
        ("Protesters shouted insults at the delegation.", "Protesters", "shout", "insults"),
        ("The ministry fired back at the critics.", "The ministry", "fire back at", "the critics"),
        (
            "The senator pushed back against the plan.",
            "The senator",
            "push back against",
            "the plan",
        ),
        (
            "The mayor called upon the governor to resign.",
            "The mayor",
            "call upon",
            "the governor to resign",
        ),
        (
            "The president doubled down on his remarks about the judge.",
            "The president",
            "double down on",
            "his remarks about the judge",
        ),
        (
            "The cardinal weighed in on the border dispute.",
            "The cardinal",
            "weigh in on",
            "the border dispute",
        ),
        (
            "The minister walked back his comments about the treaty.",
            "The minister",
            "walk back",
            "his comments about the treaty",
        ),
        (
            "He went on to explain that the deal was dead.",
            "He",
            "explain",
            "that the deal was dead",
        ),
        (
            "The envoy flew to Moscow to discuss the ceasefire.",
            "The envoy",
            "discuss",
            "the ceasefire",
        ),
        ("The senator took a swipe at the governor.", "The senator", "swipe at", "the governor"),
        (
            "The governor made the case for new sanctions.",
            "The governor",
            "case for",
            "new sanctions",
        ),
        (
            "He used part of his address to call the minister a puppet.",
            "He",
            "call",
            "the minister a puppet",
        ),
        (
            "The ministry ruled out talks with the rebels.",
            "The ministry",
            "rule out",
            "talks with the rebels",
        ),
        ("The court ruled that the law was void.", "The court", "rule", "that the law was void"),
        (
            "The senator said after the hearing she would not back the nominee.",
            "The senator",
            "say",
            "she would not back the nominee",
        ),
        (
            "Several diplomats cautioned against reading too much into the vote.",
            "Several diplomats",
            "caution against",
            "reading too much into the vote",
        ),
        (
            "In another column, she compared the blockade to a siege.",
            "she",
            "compare",
            "the blockade to a siege",
        ),
        (
            "A critic likened the rules to burning the constitution.",
            "A critic",
            "liken",
            "the rules to burning the constitution",
        ),
        (
            "The envoy spoke twice and repeatedly reminded the crowd of the stakes.",
            "The envoy",
            "remind of",
            "the crowd of the stakes",
        ),
        ("He warned the voters about the risks.", "He", "warn about", "the voters about the risks"),
        ("The ministry denied the report Sunday.", "The ministry", "deny", "the report"),
        (
            'He calls the crossing "a mistake" because so few people live there.',
            "He",
            "call",
            'the crossing "a mistake"',
        ),
        (
            "To Ms. Gil, the protest represents a cry of dissent against the city.",
            "Ms. Gil",
            "to",
            "the protest represents a cry of dissent against the city",
        ),
    ],
)
def test_more_cue_constructions(text: str, speaker: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(speaker, cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The senator renewed her call for an inquiry into the arms deal.",
            "her",
            "call for",
            "an inquiry into the arms deal",
        ),
        (
            "The mayor's promise to reopen the bridge drew applause.",
            "The mayor",
            "promise",
            "to reopen the bridge",
        ),
        (
            "The trade commissioner made no mention of the steel quotas.",
            "The trade commissioner",
            "mention of",
            "the steel quotas",
        ),
        (
            "The ambassador made the case that sanctions were working.",
            "The ambassador",
            "case",
            "that sanctions were working",
        ),
        (
            "Their criticism of the ceasefire terms was muted.",
            "Their",
            "criticism of",
            "the ceasefire terms",
        ),
    ],
)
def test_statement_nouns_with_infinitive_or_preposition(
    text: str, speaker: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    found = [(s.speaker_text, s.cue, s.content) for s in doc.statements]
    assert (speaker, cue, content) in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The foreign minister is confident that the accord will hold.",
            "The foreign minister",
            "confident",
            "that the accord will hold",
        ),
        (
            "The rebels are eager to return to the table.",
            "The rebels",
            "eager",
            "to return to the table",
        ),
        (
            "The auditor has been critical of the port contract.",
            "The auditor",
            "critical of",
            "the port contract",
        ),
        (
            "Exporters remain skeptical about the new customs rules.",
            "Exporters",
            "skeptical about",
            "the new customs rules",
        ),
    ],
)
def test_adjective_cues(text: str, speaker: str, cue: str, content: str) -> None:
    from communique.quotes import cue_act

    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(speaker, cue, content)]
    assert cue_act(cue) in ("speech", "cognitive")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Can the new talks offer a way out of the crisis?",
        "Is the minister confident that the accord will hold?",
        "Did the envoy say that the border would open?",
    ],
)
def test_direct_questions_are_no_statements(text: str) -> None:
    assert _analyse(text).statements == []


@pytest.mark.model
def test_mislemmatised_hoping_is_still_a_cue() -> None:
    doc = _analyse("Negotiators are hoping that a deal can be reached by Friday.")
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("hope", "that a deal can be reached by Friday")
    ]


@pytest.mark.model
def test_a_relative_pronoun_object_leaves_the_predicate_as_content() -> None:
    doc = _analyse("The plan rests on what the minister calls a fair share of the burden.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("the minister", "call", "a fair share of the burden")
    ]


@pytest.mark.model
def test_a_statement_on_a_date_is_not_about_the_date() -> None:
    doc = _analyse("The ministry issued a statement on Monday.")
    assert doc.statements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Rural voters were more likely to say the economy had improved.",
            "Rural voters",
            "say",
            "the economy had improved",
        ),
        (
            "The minister made it clear that the border would stay shut.",
            "The minister",
            "clear",
            "that the border would stay shut",
        ),
        (
            "The prosecutor accused the mayor of hiding the contracts.",
            "The prosecutor",
            "accuse of",
            "the mayor of hiding the contracts",
        ),
        (
            "Reporters asked the envoy last week if the embassy would reopen.",
            "Reporters",
            "ask",
            "if the embassy would reopen",
        ),
        (
            "The senator cast the vote as a referendum on the war.",
            "The senator",
            "cast",
            "the vote as a referendum on the war",
        ),
        (
            "The governor called the treaty “a betrayal of the coast.”",
            "The governor",
            "call",
            "the treaty “a betrayal of the coast.”",
        ),
        (
            "Most delegates voted for the amended charter.",
            "Most delegates",
            "vote for",
            "the amended charter",
        ),
        (
            "The envoy said the plan was fair, because every member pays the same.",
            "The envoy",
            "say",
            "the plan was fair, because every member pays the same",
        ),
    ],
)
def test_complements_of_cues(text: str, speaker: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(speaker, cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He's said he will fight on to the convention.",
            [("He", "say", "he will fight on to the convention")],
        ),
        (
            "The senator, who's called for 20,000 more troops, spoke first.",
            [("who", "call for", "20,000 more troops")],
        ),
        (
            "She's backed a large increase in the aid budget.",
            [("She", "back", "a large increase in the aid budget")],
        ),
        ("It's said that the envoy will resign.", [(None, "say", "that the envoy will resign")]),
    ],
)
def test_contracted_has_before_a_participle_is_no_passive(
    text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == expected


@pytest.mark.model
def test_cue_inside_the_clause_a_later_cue_reports_is_not_parenthetical() -> None:
    doc = _analyse(
        "The envoy hopes the states will pay for the credits. Those discussions are "
        "continuing, he said."
    )
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("The envoy", "hope", "the states will pay for the credits"),
        ("he", "say", "Those discussions are continuing"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator was also dubbed the winner of the debate.",
            "dub",
            "The senator was also dubbed the winner of the debate",
        ),
        (
            "Two of the suspects have been identified as foreign nationals.",
            "identify",
            "Two of the suspects have been identified as foreign nationals",
        ),
        (
            "The deal was already being criticized as a threat to Europe.",
            "criticize",
            "The deal was already being criticized as a threat to Europe",
        ),
        (
            "She is best known for her work on the peace accord.",
            "know",
            "She is best known for her work on the peace accord",
        ),
        (
            "The envoy will be remembered as a patient negotiator.",
            "remember",
            "The envoy will be remembered as a patient negotiator",
        ),
    ],
)
def test_passive_verb_of_naming_reports_its_subject_and_predicate(
    text: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(None, cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The spokesman was dismissed on Monday.",
        "The governor, whose name is being floated as a running mate, stayed silent.",
    ],
)
def test_passive_verb_of_naming_without_a_predicate_is_no_statement(text: str) -> None:
    assert _analyse(text).statements == []


@pytest.mark.model
def test_concession_with_its_own_cue_is_a_statement_of_its_own() -> None:
    doc = _analyse(
        "The envoy said he would attend the summit, although he admitted that little would change."
    )
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("The envoy", "say", "he would attend the summit"),
        ("he", "admit", "that little would change"),
    ]


@pytest.mark.model
def test_reportedly_marks_its_clause_as_an_unnamed_claim() -> None:
    doc = _analyse("The envoy reportedly left the talks before the final vote.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        (None, "reportedly", "The envoy reportedly left the talks before the final vote")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Voters cast their ballots on Sunday.",
        "It is clear that the border will stay shut.",
        "She said she would resign if the vote failed.",
    ],
)
def test_no_extra_statement_from_new_cues(text: str) -> None:
    cues = [s.cue for s in _analyse(text).statements]
    assert "cast" not in cues and "clear" not in cues and "ask" not in cues
    assert len(cues) <= 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governing party maintained a narrow lead in the north.", []),
        (
            "The ministry maintained that the cables were never classified.",
            [("maintain", "that the cables were never classified")],
        ),
        ("The rangers found a safe route through the pass.", []),
        (
            "Auditors found that the fund had lost half its value.",
            [("find", "that the fund had lost half its value")],
        ),
        ("She put the draft treaty on the table.", []),
        (
            "As the minister put it, the negotiations are over.",
            [("put", "the negotiations are over")],
        ),
    ],
)
def test_clause_only_cues_take_no_noun_object(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == expected


@pytest.mark.model
def test_statement_noun_as_subject_of_be_takes_the_that_clause() -> None:
    doc = _analyse("The ministry's position is that the treaty must be renegotiated.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("The ministry", "position", "that the treaty must be renegotiated")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "It appears, however, that the vote was not close.",
            "appear",
            "that the vote was not close",
        ),
        (
            "The delegation appeared paralyzed after the vote.",
            "appear",
            "The delegation appeared paralyzed after the vote",
        ),
        (
            "The envoy was told that the border would open.",
            "tell",
            "that the border would open",
        ),
        (
            "It was announced that the summit would be delayed.",
            "announce",
            "that the summit would be delayed",
        ),
        (
            "The minister was asked whether the talks had failed.",
            "ask",
            "whether the talks had failed",
        ),
    ],
)
def test_claims_without_a_named_source(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(None, cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["The campaign is focused on the economy.", "The bill was announced on Monday."]
)
def test_agentless_passive_without_content_is_no_statement(text: str) -> None:
    assert _analyse(text).statements == []


@pytest.mark.model
def test_parenthetical_cue_with_its_addressee() -> None:
    doc = _analyse("The talks stalled. Instead, the minister told reporters, the plan would wait.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("the minister", "tell", "the plan would wait")
    ]


@pytest.mark.model
def test_adjective_cue_inside_a_reported_clause_stays_in_it() -> None:
    doc = _analyse("The spokesman said the rebels are confident that the truce will hold.")
    assert [s.cue for s in doc.statements] == ["say"]


@pytest.mark.model
def test_cue_under_a_preposition_takes_the_governing_subject() -> None:
    doc = _analyse("The envoy surprised the hosts by insisting that the deal was dead.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("The envoy", "insist", "that the deal was dead")
    ]


@pytest.mark.model
def test_quote_closing_before_its_speaker_is_the_first_cue_s_content() -> None:
    doc = _analyse(
        "“We had drafted the whole text before the envoys arrived,” Lavrov said, mentioning "
        "that the summit is “almost ready.”"
    )
    found = [(s.speaker_text, s.cue, s.kind, s.content) for s in doc.statements]
    assert found[0] == (
        "Lavrov",
        "say",
        "direct",
        "We had drafted the whole text before the envoys arrived",
    )
    assert ("Lavrov", "mention") in [(f[0], f[1]) for f in found[1:]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The envoy criticised the sanctions while urging both sides to return to talks.",
            [("criticise", "the sanctions"), ("urge", "both sides to return to talks")],
        ),
        (
            "The senator criticized the pipeline and called for a ban on drilling.",
            [("criticize", "the pipeline"), ("call for", "a ban on drilling")],
        ),
    ],
)
def test_adverbial_clause_or_conjunct_of_the_cue_is_not_its_content(
    text: str, found: list[tuple[str, str]]
) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == found


@pytest.mark.model
def test_parenthetical_cue_in_a_clause_headed_by_a_cue_verb() -> None:
    # the clause the parenthetical reports is headed by a cue verb ("consider") of its own
    doc = _analyse("If the vote fails, she said, the party would consider a new leader.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements][0] == (
        "she",
        "say",
        "If the vote fails, she said, the party would consider a new leader",
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser takes the speaker for the subject of the participle after it
        (
            '"It took too long for the money to reach the banks," said analyst Chris Weafer '
            "commenting on the decision.",
            "analyst Chris Weafer",
        ),
        # the parser finds a second subject of "said" inside the quote
        (
            "“Anybody who attacks the mission, it's like buyer beware,” said Ann Lee, who has "
            "led the talks since May.",
            "Ann Lee",
        ),
    ],
)
def test_speaker_of_a_quote_the_parser_left_without_one(text: str, speaker: str) -> None:
    from communique.nlp import load_model
    from communique.quotes import AttributionFinder

    found = AttributionFinder(load_model()(text)).find_direct()
    assert [a.speaker_text for a in found] == [speaker]


@pytest.mark.model
def test_participle_after_a_quote_s_cue_reports_its_own_object() -> None:
    doc = _analyse(
        "“Only one of us voted against the treaty,” the senator said, invoking the 2008 debate."
    )
    assert [(s.speaker_text, s.cue, s.kind, s.content) for s in doc.statements] == [
        ("the senator", "say", "direct", "Only one of us voted against the treaty"),
        ("the senator", "invoke", "indirect", "the 2008 debate"),
    ]


@pytest.mark.model
def test_who_was_asked_is_not_who_asked() -> None:
    doc = _analyse("When asked whether he would close the border, the minister said no.")
    asked = [s for s in doc.statements if s.cue == "ask"]
    assert [(s.speaker_text, s.content) for s in asked] == [
        (None, "whether he would close the border")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "“There was carnage on the road,” the witness said. “Bodies everywhere.”",
            "There was carnage on the road,” the witness said. “Bodies everywhere",
        ),
        # a short title is no continuation
        (
            "“We will release the records,” the minister said on “Face the Nation.”",
            "We will release the records",
        ),
    ],
)
def test_short_quote_goes_on_only_as_a_sentence_of_its_own(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "“The talks are over. It has been a failure,” the envoy said, adding, “Nobody will "
        "return to Geneva.”",
        "“The talks are over. It has been a failure,” the envoy said, adding: “Nobody will "
        "return to Geneva.”",
    ],
)
def test_quote_after_adding_is_the_participle_s(text: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("say", "The talks are over. It has been a failure"),
        ("add", "Nobody will return to Geneva"),
    ]


@pytest.mark.model
def test_verb_the_tagger_took_for_a_noun_heads_its_sentence() -> None:
    from communique.nlp import load_model
    from communique.quotes import AttributionFinder

    text = '"Friend, let me be blunt. I can beat the incumbent. Nobody else can," the email read.'
    sdoc = load_model()(text)
    assert [t.pos_ for t in sdoc if t.text == "read"] == ["NOUN"]  # the tagger's slip
    found = AttributionFinder(sdoc).find()
    assert [(a.cue, text[a.start : a.end]) for a in found] == [
        ("read", "Friend, let me be blunt. I can beat the incumbent. Nobody else can")
    ]


@pytest.mark.model
def test_transcript_turns_by_surname_and_in_quote_marks() -> None:
    doc = _analyse(
        "The debate grew heated.\n\n"
        "KATE LEE: Why not hold the talks in Geneva?\n\n"
        "JOEL ORTIZ: This is a minister who said he would never walk out of the talks.\n\n"
        "LEE: But the talks failed twice this year, did they not?\n\n"
        '"ORTIZ: They failed because the other side left the table."'
    )
    turns = [(s.speaker_text, s.cue) for s in doc.statements if s.cue == ":"]
    assert turns == [("KATE LEE", ":"), ("JOEL ORTIZ", ":"), ("LEE", ":"), ("ORTIZ", ":")]


@pytest.mark.model
def test_transcript_turns_go_on_past_other_paragraphs() -> None:
    # a host's turn runs over two paragraphs and a clip note stands between turns: the
    # labels are still one conversation
    doc = _analyse(
        "Partial transcript:\n\n"
        "NINA PARK: The minister spoke about the ceasefire this morning.\n\n"
        "(CLIP PLAYS.)\n\n"
        "PARK: Do you believe the truce will hold through the winter?\n\n"
        "Several of your colleagues have doubts about it.\n\n"
        "OKAFOR: I think both sides are tired of fighting.\n\n"
        "PARK: And the prisoners?\n\n"
        "OKAFOR: They will be exchanged in stages.\n"
    )
    turns = [s.speaker_text for s in doc.statements if s.cue == ":"]
    assert turns == ["NINA PARK", "PARK", "OKAFOR", "PARK", "OKAFOR"]


@pytest.mark.model
def test_clause_across_a_colon_is_not_the_next_cues_content() -> None:
    doc = _analyse(
        "Ortiz has repeatedly ripped the minister on social media because it is paying off: "
        "He said he's raised about $50,000 in the two days since the vote."
    )
    said = [s for s in doc.statements if s.cue == "say"]
    assert [(s.speaker_text, s.content) for s in said] == [
        ("He", "he's raised about $50,000 in the two days since the vote")
    ]


@pytest.mark.model
def test_as_clause_hung_from_a_verb_of_saying_tells_when() -> None:
    doc = _analyse("“The delays,” the mayor said, as the crowd cheered. “The waste. The excuses.”")
    assert [(s.kind, s.cue, s.speaker_text) for s in doc.statements] == [
        ("direct", "say", "the mayor")
    ]
    assert doc.statements[0].content.startswith("The delays")
    assert doc.statements[0].content.endswith("The excuses")


@pytest.mark.model
def test_verb_taken_for_a_participle_after_an_aside_has_the_noun_for_subject() -> None:
    # the parser reads "called" as a participle describing "Kemal", leaving no verb
    doc = _analyse("Kemal, a Demir ally, called Turkey’s rules “weak.”")
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("call", "Kemal")]
    assert doc.statements[0].content.startswith("Turkey’s rules")
    assert "weak" in doc.statements[0].content
    # a participle naming a thing stays a name
    doc = _analyse("The firm, called Harmony, makes drones for the army.")
    assert doc.statements == []


@pytest.mark.model
def test_a_day_after_the_object_makes_no_phrasal_cue() -> None:
    doc = _analyse('Lopez called the envoy\'s remarks on Sunday "childish."')
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("call", "Lopez")]


@pytest.mark.model
def test_of_two_subjects_the_one_nearest_the_cue_speaks() -> None:
    # the parser gives "said" both "the fact" and "Vega" for subjects
    doc = _analyse(
        "Still, the fact that the race “is a dead heat right now,” as Vega said on a radio "
        "program on Monday, only magnifies the importance of every vote."
    )
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("say", "Vega")]


@pytest.mark.model
def test_relative_pronoun_speaker_is_the_entity_it_stands_for() -> None:
    text = "Foreign Minister Ana Ruiz, who said the talks had failed, left Geneva on Monday."
    doc = _analyse(text, (("e1", "PERSON", "Ana Ruiz"),))
    assert [(s.speaker_text, s.speaker) for s in doc.statements] == [("who", "e1")]


@pytest.mark.model
def test_who_has_or_drops_a_plan_owns_it() -> None:
    doc = _analyse("The mayor scrapped plans to attend the summit in Lagos.")
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("plan", "The mayor")]
    doc = _analyse("The coalition has plans to cut fuel subsidies next year.")
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("plan", "The coalition")]


@pytest.mark.model
def test_who_issues_a_text_says_what_it_says() -> None:
    doc = _analyse("The senator released a statement saying the vote had been rigged.")
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("say", "The senator")]
    doc = _analyse("The campaign put out an ad attacking the governor's record on taxes.")
    assert [s.speaker_text for s in doc.statements] == ["The campaign"]
    doc = _analyse("A union group ran ads attacking the senator's record on trade.")
    assert [s.speaker_text for s in doc.statements] == ["A union group"]
    doc = _analyse("The senator is releasing a new ad that urges voters to reject the treaty.")
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("urge", "The senator")]
    # a participle hanging from people: they speak
    doc = _analyse("Officials speaking on condition of anonymity said the talks had stalled.")
    assert [s.speaker_text for s in doc.statements] == ["Officials"]


@pytest.mark.model
def test_according_to_read_as_the_sentence_head() -> None:
    # the parser heads the sentence with "According" and hangs the clause from the source
    doc = _analyse(
        "According to conservative talk radio host Tom Vega, the move reeks of “fear” and "
        "desperation."
    )
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        (
            "according to",
            "conservative talk radio host Tom Vega",
            "the move reeks of “fear” and desperation",
        )
    ]


@pytest.mark.model
def test_according_to_a_source_the_tagger_took_for_a_verb() -> None:
    doc = _analyse(
        "As a boss on “The Show,” the minister repeatedly demeaned staff with crude language, "
        "according to show insiders."
    )
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("according to", "show insiders")]


@pytest.mark.model
def test_according_to_in_brackets_qualifies_the_bracketed_words() -> None:
    doc = _analyse(
        "Swing states like Iowa (93 percent of voters there were white, according to exit "
        "polls), Ohio and Wisconsin top the list."
    )
    assert [(s.speaker_text, s.content) for s in doc.statements] == [
        ("exit polls", "93 percent of voters there were white")
    ]


@pytest.mark.model
def test_tally_lines_are_not_turns() -> None:
    doc = _analyse(
        "The count so far:\n\nOsei: 1,204.\n\nMensah: 988.\n\nOsei: 2,310.\n\nMensah: 2,175.\n"
    )
    assert all(s.cue != ":" for s in doc.statements)


@pytest.mark.model
def test_object_of_a_participle_hanging_from_its_speaker_is_whole() -> None:
    doc = _analyse(
        "The coalition ran advertisements condemning the government's decision to expel the "
        "ambassador."
    )
    condemned = [s for s in doc.statements if s.cue == "condemn"]
    # who ran the advertisements says what they say
    assert [(s.speaker_text, s.content) for s in condemned] == [
        ("The coalition", "the government's decision to expel the ambassador")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The foreign minister rejected the border treaty, which her predecessor signed in "
            "2019.",
            "reject",
            "the border treaty",
        ),
        (
            "The envoy called for the release of Ann Lee, a journalist who was arrested in May.",
            "call for",
            "the release of Ann Lee",
        ),
        (
            "The minister cited the case of Ann Lee, a journalist who was arrested in May.",
            "cite",
            "the case of Ann Lee",
        ),
    ],
)
def test_object_content_ends_before_what_a_comma_sets_off(
    text: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


def test_title_set_off_after_a_name_the_parser_hung_elsewhere() -> None:
    import spacy
    from spacy.tokens import Doc

    from communique.quotes import _adjacent_subject

    # "Alarmed by the clashes in Odesa, Senator Ann Lee, the whip, said ...", parsed with
    # the name as a conjunct of "Odesa" and "said" left without a subject
    words = [
        "Alarmed",
        "by",
        "clashes",
        "in",
        "Odesa",
        ",",
        "Senator",
        "Ann",
        "Lee",
        ",",
        "the",
        "whip",
        ",",
        "said",
    ]
    heads = [13, 0, 1, 2, 3, 4, 8, 8, 4, 8, 11, 8, 13, 13]
    deps = ["advcl", "agent", "pobj", "prep", "pobj", "punct", "compound", "compound"]
    deps += ["conj", "punct", "det", "appos", "punct", "ROOT"]
    pos = ["VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN"]
    pos += ["PUNCT", "DET", "NOUN", "PUNCT", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    said = doc[13]
    subject = _adjacent_subject(said, doc[:])
    assert subject is not None and subject.text == "Lee"


@pytest.mark.model
def test_cue_of_a_when_clause_reports_its_own_clause_not_the_quote() -> None:
    doc = _analyse(
        "“We will never accept it,” the minister said when asked whether Kyiv would cede land."
    )
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("say", "the minister", "We will never accept it"),
        ("ask", None, "whether Kyiv would cede land"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The foreign minister is calling for the United Nations to send observers to the "
            "border region.",
            "The foreign minister",
            "the United Nations to send observers to the border region",
        ),
        (
            "Germany called for the European Union to impose new sanctions on Minsk.",
            "Germany",
            "the European Union to impose new sanctions on Minsk",
        ),
    ],
)
def test_call_for_a_for_to_clause(text: str, speaker: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("call for", speaker, content)
    ]


def test_clause_before_the_cue_opened_by_while_is_no_complement() -> None:
    import spacy
    from spacy.tokens import Doc

    from communique.quotes import AttributionFinder

    # "While not all Lavrov says is new, Kallas said Moscow is telling lies.", parsed with
    # the "while" clause as a second complement of "said"
    words = ["While", "not", "all", "Lavrov", "says", "is", "new", ",", "Kallas", "said"]
    words += ["Moscow", "is", "telling", "lies", "."]
    heads = [2, 2, 5, 4, 2, 9, 5, 9, 9, 9, 12, 12, 9, 12, 9]
    deps = ["mark", "neg", "nsubj", "nsubj", "relcl", "ccomp", "acomp", "punct", "nsubj"]
    deps += ["ROOT", "nsubj", "aux", "ccomp", "dobj", "punct"]
    pos = ["SCONJ", "PART", "PRON", "PROPN", "VERB", "AUX", "ADJ", "PUNCT", "PROPN", "VERB"]
    pos += ["PROPN", "AUX", "VERB", "NOUN", "PUNCT"]
    tags = ["IN", "RB", "DT", "NNP", "VBZ", "VBZ", "JJ", ",", "NNP", "VBD", "NNP", "VBZ"]
    tags += ["VBG", "NNS", "."]
    lemmas = ["while", "not", "all", "Lavrov", "say", "be", "new", ",", "Kallas", "say"]
    lemmas += ["Moscow", "be", "tell", "lie", "."]
    spaces = [True] * 6 + [False] + [True] * 6 + [False, False]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
    )
    found = AttributionFinder(doc, (), doc.text).find()
    kallas = [a for a in found if a.speaker_text == "Kallas"]
    assert [doc.text[a.start : a.end] for a in kallas] == ["Moscow is telling lies"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The envoy left early. “We are not going back to Geneva.” Kallas said.",
        "“We are not going back to Geneva.” said Kallas.",
        "“We are not going back to Geneva.” Kallas said on Friday.",
    ],
)
def test_sentence_of_only_speaker_and_cue_says_the_quote_before_it(text: str) -> None:
    doc = _analyse(text)
    assert [(s.kind, s.speaker_text, s.content) for s in doc.statements] == [
        ("direct", "Kallas", "We are not going back to Geneva")
    ]


@pytest.mark.model
def test_quote_before_a_cue_with_its_own_clause_is_not_its_content() -> None:
    doc = _analyse("“We are not going back to Geneva.” Kallas said the talks had failed.")
    assert [(s.speaker_text, s.content) for s in doc.statements if s.cue == "say"] == [
        ("Kallas", "the talks had failed")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry issued a statement: “We reject the accusations.”", "statement"),
        (
            "The ministry released the following statement: “We reject the accusations.”",
            "statement",
        ),
        ("Kallas issued a warning: “We reject the accusations.”", "warning"),
    ],
)
def test_quote_after_a_statement_noun_and_a_colon(text: str, cue: str) -> None:
    doc = _analyse(text)
    assert [(s.kind, s.cue, s.content) for s in doc.statements] == [
        ("direct", cue, "We reject the accusations")
    ]
    assert doc.statements[0].speaker_text in ("The ministry", "Kallas")


@pytest.mark.model
def test_quoted_predicate_after_a_long_object() -> None:
    doc = _analyse("The senator called the use of force in the strait “reckless.”")
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("call", "the use of force in the strait “reckless.”")
    ]


@pytest.mark.model
def test_one_word_answer_is_the_content() -> None:
    doc = _analyse("Asked if he would resign, the minister said no.")
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("ask", None, "if he would resign"),
        ("say", "the minister", "no"),
    ]


def test_verb_inside_a_quote_lends_no_subject_to_a_cue_outside() -> None:
    import spacy
    from spacy.tokens import Doc

    from communique.quotes import AttributionFinder

    # "Lee did not seem impressed, telling reporters, “Many people said it.”", parsed with
    # the quoted "said" as the root and the words before the quote as its complement
    words = ["Lee", "did", "not", "seem", "impressed", ",", "telling", "reporters", ","]
    words += ["“", "Many", "people", "said", "it", ".", "”"]
    heads = [3, 3, 3, 12, 3, 3, 3, 6, 3, 12, 11, 12, 12, 12, 12, 12]
    deps = ["nsubj", "aux", "neg", "ccomp", "oprd", "punct", "advcl", "dobj", "punct"]
    deps += ["punct", "amod", "nsubj", "ROOT", "dobj", "punct", "punct"]
    pos = ["PROPN", "AUX", "PART", "VERB", "ADJ", "PUNCT", "VERB", "NOUN", "PUNCT"]
    pos += ["PUNCT", "ADJ", "NOUN", "VERB", "PRON", "PUNCT", "PUNCT"]
    tags = ["NNP", "VBD", "RB", "VB", "JJ", ",", "VBG", "NNS", ",", "``", "JJ", "NNS", "VBD"]
    tags += ["PRP", ".", "''"]
    lemmas = ["Lee", "do", "not", "seem", "impressed", ",", "tell", "reporter", ",", "“"]
    lemmas += ["many", "people", "say", "it", ".", "”"]
    spaces = [True, True, True, True, False, True, True, False, True, False]
    spaces += [True, True, True, False, False, False]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
    )
    told = [a for a in AttributionFinder(doc, (), doc.text).find() if a.cue == "tell"]
    assert [(a.speaker_text, doc.text[a.start : a.end]) for a in told] == [
        ("Lee", "Many people said it")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The minister boasted about the new pipeline.", "boast about", "the new pipeline"),
        ("Kallas warned about the risk of escalation.", "warn about", "the risk of escalation"),
        ("The envoy's rejection of the plan angered Moscow.", "rejection of", "the plan"),
    ],
)
def test_verb_and_noun_preposition_cues(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.model
def test_an_attack_on_a_place_is_no_statement() -> None:
    doc = _analyse("The drone attack on the embassy killed two guards.")
    assert doc.statements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Kallas stressed the need for dialogue.", "stress", "the need for dialogue"),
        (
            "The minister criticised the expulsion of the envoy.",
            "criticise",
            "the expulsion of the envoy",
        ),
    ],
)
def test_emphasis_and_criticism_take_a_noun_object(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The embassy lodged a complaint that its staff had been harassed.",
            "The embassy",
            "complaint",
            "that its staff had been harassed",
        ),
        (
            "Moscow sent a warning that it would retaliate.",
            "Moscow",
            "warning",
            "that it would retaliate",
        ),
    ],
)
def test_that_clause_of_a_statement_noun_taken_by_a_light_verb(
    text: str, speaker: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(speaker, cue, content)]


@pytest.mark.model
def test_relative_clause_of_a_statement_noun_is_not_its_content() -> None:
    doc = _analyse("The warning that the embassy issued was ignored.")
    assert doc.statements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "In Kallas's view, the talks have failed.",
            "in the view of",
            "Kallas",
            "the talks have failed",
        ),
        (
            "In the words of one diplomat, the summit was a disaster.",
            "in the words of",
            "one diplomat",
            "the summit was a disaster",
        ),
        (
            "The talks, in Moscow's view, have failed.",
            "in the view of",
            "Moscow",
            "The talks, in Moscow's view, have failed",
        ),
        (
            "The talks, according to Kallas, have failed.",
            "according to",
            "Kallas",
            "The talks, according to Kallas, have failed",
        ),
    ],
)
def test_source_phrases_name_the_speaker_of_their_clause(
    text: str, cue: str, speaker: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [(cue, speaker, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["There was a change in his views.", "The envoy took photos in a view of the harbour."]
)
def test_in_a_view_without_a_clause_or_owner_is_no_source(text: str) -> None:
    assert _analyse(text).statements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("“This is a provocation,” the ministry hit back.", "hit back", "the ministry"),
        ("Beijing fired back: “This is a provocation.”", "fire back", "Beijing"),
    ],
)
def test_verb_with_its_particle_as_a_cue(text: str, cue: str, speaker: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        (cue, speaker, "This is a provocation")
    ]


@pytest.mark.model
def test_particle_verb_without_a_quote_or_clause_is_no_cue() -> None:
    assert _analyse("The artillery fired back across the river.").statements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Brussels views the plan as unworkable.", "view", "the plan as unworkable"),
        ("Kallas regards the deal as a betrayal.", "regard", "the deal as a betrayal"),
        ("Most Europeans view the treaty unfavorably.", "view", "the treaty unfavorably"),
    ],
)
def test_view_and_regard_report_an_object_with_its_predicate(
    text: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.model
def test_as_phrase_hung_from_the_object_is_its_predicate() -> None:
    doc = _analyse("Some view the nomination as a sort of hostile takeover.")
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("view", "the nomination as a sort of hostile takeover")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The change was seen by some as a demotion for the chairman.",
            "some",
            "The change was seen by some as a demotion for the chairman",
        ),
        (
            "He is seen by many donors as the strongest candidate.",
            "many donors",
            "He is seen by many donors as the strongest candidate",
        ),
        (
            "They will discuss a merger, an option seen by bankers as a lifeline for the firm.",
            "bankers",
            "an option seen by bankers as a lifeline for the firm",
        ),
    ],
)
def test_passive_judgement_names_its_holder_in_the_agent(
    text: str, speaker: str, content: str
) -> None:
    doc = _analyse(text)
    assert ("see", speaker, content) in [(s.cue, s.speaker_text, s.content) for s in doc.statements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Ryan faces his shifting positions, which he views as part of a negotiation.",
            "view",
            "he",
            "part of a negotiation",
        ),
        (
            "The bank financed projects which private lenders still considered too risky.",
            "consider",
            "private lenders",
            "too risky",
        ),
        (
            "The firm backed the plan, which the mayor sees as a threat.",
            "see",
            "the mayor",
            "a threat",
        ),
    ],
)
def test_predicate_of_a_relative_object_is_what_is_held(
    text: str, cue: str, speaker: str, content: str
) -> None:
    doc = _analyse(text)
    assert (cue, speaker, content) in [(s.cue, s.speaker_text, s.content) for s in doc.statements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator questioned the envoy's judgment in backing the pipeline deal.",
            "question",
            "the envoy's judgment in backing the pipeline deal",
        ),
        (
            "The minister praised the mediators in Doha despite the stalled ceasefire.",
            "praise",
            "the mediators in Doha despite the stalled ceasefire",
        ),
        (
            "The widow called her fallen son her hero before explaining her choice.",
            "call",
            "her fallen son her hero",
        ),
        (
            "He provoked critics, calling the president an ignorant fool and posting photos.",
            "call",
            "the president an ignorant fool",
        ),
        (
            "The senator dismissed the report as propaganda.",
            "dismiss",
            "the report as propaganda",
        ),
        (
            "The governor criticised the tariff plan at a rally in Leeds on Friday.",
            "criticise",
            "the tariff plan",
        ),
        (
            "The envoy praised the truce during a visit to the border crossing.",
            "praise",
            "the truce",
        ),
        (
            "The party endorsed Maria Lopez, the county treasurer, and two council members.",
            "endorse",
            "Maria Lopez, the county treasurer, and two council members",
        ),
        (
            "The senator praised the governor, who ended his bid on Saturday, as a man of honour.",
            "praise",
            "the governor, who ended his bid on Saturday, as a man of honour",
        ),
        (
            "The bulwarks against the senator are significant: hundreds of delegates have "
            "endorsed the governor.",
            "endorse",
            "the governor",
        ),
        (
            "Prices have risen sharply; the ruling party seeks a unity government.",
            "seek",
            "a unity government",
        ),
        (
            "The party endorsed Maria Lopez, the county treasurer, for the open seat.",
            "endorse",
            "Maria Lopez",
        ),
        (
            # the parser hangs the later items of the list elsewhere
            "The rebels discussed the harvest, the schools, the roads or a new clinic for "
            "the valley.",
            "discuss",
            "the harvest, the schools, the roads or a new clinic for the valley",
        ),
        (
            "The union is pressing for higher wages, longer holidays for staff and safer "
            "working conditions.",
            "press for",
            "higher wages, longer holidays for staff and safer working conditions",
        ),
        (
            "The minister recommended deputy mayor Ana Ruiz, Leeds lawyer and council "
            "candidate Tom Hart, and veteran councillor Joan Pike.",
            "recommend",
            "deputy mayor Ana Ruiz, Leeds lawyer and council candidate Tom Hart, and veteran "
            "councillor Joan Pike",
        ),
        (
            "The senator praised the truce, pointing to fewer attacks and open roads.",
            "praise",
            "the truce",
        ),
        ("The senator defended him on television.", "defend", "him"),
        ("The ministry disclosed them to Reuters.", "disclose", "them"),
        ("Most delegates opposed it in the first round.", "oppose", "it"),
        ("The mayor blamed it on the rebels.", "blame", "it on the rebels"),
        (
            "The senator described himself on his website as a reformer.",
            "describe",
            "himself on his website as a reformer",
        ),
        ("The poll shows her in the lead.", "show", "her in the lead"),
    ],
)
def test_object_content_with_what_the_verb_has_after_it(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements][:1] == [(cue, content)]


@pytest.mark.model
def test_word_in_quotes_inside_the_clause_is_not_the_quote() -> None:
    doc = _analyse('Families who borrow heavily struggle, even with a "secure" job, he said.')
    assert [(s.speaker_text, s.kind, s.content) for s in doc.statements] == [
        ("he", "mixed", 'Families who borrow heavily struggle, even with a "secure" job')
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The minister continued his tour of the northern villages.",
        "The council added a new condition to the deal.",
        "The envoy heard the complaints of the villagers.",
    ],
)
def test_clause_only_cue_with_a_noun_object_is_no_statement(text: str) -> None:
    assert _analyse(text).statements == []


@pytest.mark.model
def test_dismiss_without_a_predicate_is_no_statement() -> None:
    assert _analyse("The president dismissed the defence minister on Friday.").statements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "On Monday, Senator Ana Ruiz (D-N.M.) called on Interior Secretary Tom Hale (R) "
            "to resign over the spill.",
            "call on",
            "Senator Ana Ruiz (D-N.M.)",
            "Interior Secretary Tom Hale (R) to resign over the spill",
        ),
        (
            "Only last week, would you believe it, he urged the generals to seize the port!",
            "urge",
            "he",
            "the generals to seize the port",
        ),
        (
            "The foundation announced plans this week to give $15 million to flood relief.",
            "plan",
            "The foundation",
            "to give $15 million to flood relief",
        ),
        (
            "About two-thirds of the voters in all five provinces support temporarily "
            "banning imports from the region.",
            "support",
            "About two-thirds of the voters in all five provinces",
            "temporarily banning imports from the region",
        ),
    ],
)
def test_content_the_parser_hung_elsewhere(text: str, cue: str, speaker: str, content: str) -> None:
    doc = _analyse(text)
    assert (cue, speaker, content) in [(s.cue, s.speaker_text, s.content) for s in doc.statements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The plan was drafted by the negotiator Ilse Brandt, who has argued for years "
            "that the border cannot be closed.",
            "argue",
            "that the border cannot be closed",
        ),
        ("The envoy called for talks on Monday.", "call for", "talks"),
        (
            "The minister praised the port of Gdansk, which she describes as her second home.",
            "describe",
            "her second home",
        ),
    ],
)
def test_times_and_relative_pronouns_stay_out_of_contents(
    text: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert (cue, content) in [(s.cue, s.content) for s in doc.statements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Ukraine Accuses Moscow Of Stalling Prisoner Talks.\n"
            "Kyiv said on Monday that the talks had stalled.\n",
            "accuse of",
            "Ukraine",
            "Moscow Of Stalling Prisoner Talks",
        ),
        (
            "Theresa May Warns Brussels Against Delay.\n"
            "Prime Minister Theresa May said a delay would hurt both sides.\n",
            "warn against",
            "Theresa May",
            "Brussels Against Delay",
        ),
    ],
)
def test_title_case_headline_is_read_in_sentence_case(
    text: str, cue: str, speaker: str, content: str
) -> None:
    doc = _analyse(text)
    first = doc.statements[0]
    assert (first.cue, first.speaker_text, first.content) == (cue, speaker, content)


def test_sentence_case_keeps_names_the_article_uses() -> None:
    from communique.quotes import headline_in_sentence_case

    text = "Mark Warner Slams Deal With Iran.\nSenator Mark Warner said the deal was bad.\n"
    assert headline_in_sentence_case(text) == "Mark Warner slams deal with Iran."
    assert headline_in_sentence_case("The senator said so.\nMore text.\n") is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The aide was upbeat.\n\n“Having access to the file and two people who "
            "understand it is valuable,” said Skelly, explaining he worked with one of them.",
            "Skelly",
            "Having access to the file and two people who understand it is valuable",
        ),
        (
            "She had not.\n\n“I am not going to say it is a mistake, so forget about it,” "
            "said retired neurosurgeon Ben Carson, asked about his claims.",
            "retired neurosurgeon Ben Carson",
            "I am not going to say it is a mistake, so forget about it",
        ),
    ],
)
def test_inverted_speaker_the_parser_misread(text: str, speaker: str, content: str) -> None:
    doc = _analyse(text)
    assert ("say", speaker, content) in [(s.cue, s.speaker_text, s.content) for s in doc.statements]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "To date, no talks have been held.",
        "For years, the border stayed closed.",
        "For the rebels, the truce is a win.",
    ],
)
def test_other_fronted_prepositions_state_no_view(text: str) -> None:
    assert _analyse(text).statements == []


@pytest.mark.model
def test_question_closing_a_paragraph_is_not_claimed_by_the_next_paragraph() -> None:
    doc = _analyse(
        "The senator spoke for an hour.\n\n"
        "“We will win this seat,” the senator said. “Who could doubt it?”\n\n"
        "The crowd applauded loudly.\n\nThe mayor stayed home."
    )
    assert [(s.kind, s.cue, s.speaker_text) for s in doc.statements] == [
        ("direct", "say", "the senator")
    ]
    assert doc.statements[0].content.endswith("Who could doubt it?")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The talks ended early.\n\nThe envoy mocked the so-called “reset”, the minister "
            "told reporters.",
            "The envoy mocked the so-called “reset”",
        ),
        (
            "The talks ended early.\n\nVoters should ignore vague words like “maybe” and "
            "“perhaps”, he told reporters.",
            "Voters should ignore vague words like “maybe” and “perhaps”",
        ),
    ],
)
def test_word_in_quotes_before_the_cue_is_part_of_the_clause(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.kind, s.cue, s.content) for s in doc.statements] == [("mixed", "tell", content)]


@pytest.mark.model
def test_quote_another_cue_reports_is_not_claimed_again() -> None:
    doc = _analyse(
        "“I hope so,” Lind said after braving the rain to see the governor campaign in a gym "
        "here. “I cannot say.”"
    )
    assert [(s.kind, s.cue, s.speaker_text) for s in doc.statements] == [("direct", "say", "Lind")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The pope told the story of a city that fell.", "tell", "the story of a city that fell"),
        ("The senator urged restraint.", "urge", "restraint"),
        ("The general ordered a review of the raid.", "order", "a review of the raid"),
    ],
)
def test_thing_object_of_an_addressee_cue_is_the_content(text: str, cue: str, content: str) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == [(cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The minister told reporters nothing new.",
        "The senator asked the secretary for more time.",
    ],
)
def test_people_object_of_an_addressee_cue_is_no_content(text: str) -> None:
    assert _analyse(text).statements == []


def test_addressee_nouns_include_one_word_roles() -> None:
    from communique.quotes import addressee_nouns

    assert {"reporter", "crowd", "secretary", "minister"} <= addressee_nouns()
    assert "story" not in addressee_nouns()


@pytest.mark.model
def test_cue_with_its_own_subject_after_and_opens_a_new_statement() -> None:
    doc = _analyse(
        "Ruiz said if the mayor is re-elected, she will bring in many more developers to the "
        "city under the new zoning plan and Ruiz says some of those projects will be worse "
        "than the mall."
    )
    assert [s.content for s in doc.statements] == [
        "if the mayor is re-elected, she will bring in many more developers to the city "
        "under the new zoning plan",
        "some of those projects will be worse than the mall",
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator advocated a carbon tax.", "advocate", "a carbon tax"),
        ("The governor challenged the ruling.", "challenge", "the ruling"),
        (
            "She convinced the council to delay the vote.",
            "convince",
            "the council to delay the vote",
        ),
        (
            "She persuaded the rebels to lay down their arms.",
            "persuade",
            "the rebels to lay down their arms",
        ),
        ("The president nominated a judge.", "nominate", "a judge"),
        ("The mayor unveiled a housing plan.", "unveil", "a housing plan"),
        ("The party embraced the reform.", "embrace", "the reform"),
        ("The group promotes renewable energy.", "promote", "renewable energy"),
        ("The envoy laid out a plan for a ceasefire.", "lay out", "a plan for a ceasefire"),
        ("The minister presented a new budget.", "present", "a new budget"),
        ("The senator distanced himself from the remarks.", "distance from", "the remarks"),
        ("The governor vetoed the bill.", "veto", "the bill"),
        (
            "The president framed the vote as a test of loyalty.",
            "frame",
            "the vote as a test of loyalty",
        ),
        ("The minister played down the threat.", "play down", "the threat"),
        ("The senator stood by his remarks.", "stand by", "his remarks"),
        ("She shrugged off the criticism.", "shrug off", "the criticism"),
        ("Two senators came out against the deal.", "come out against", "the deal"),
        ("The party resisted the reform.", "resist", "the reform"),
        ("The mayor singled out the police chief.", "single out", "the police chief"),
        ("The two sides agreed on a ceasefire.", "agree on", "a ceasefire"),
        ("His reference to the war angered veterans.", "reference to", "the war"),
        ("Her embrace of the treaty surprised allies.", "embrace of", "the treaty"),
    ],
)
def test_cues_of_advocacy_and_designation(text: str, cue: str, content: str) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == [(cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "There is speculation that the envoy will resign.",
            "speculation",
            "that the envoy will resign",
        ),
        (
            "His remark that the talks had failed angered the rebels.",
            "remark",
            "that the talks had failed",
        ),
    ],
)
def test_statement_nouns_with_a_that_clause(text: str, cue: str, content: str) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == [(cue, content)]


@pytest.mark.model
def test_title_of_a_work_is_not_a_quote() -> None:
    doc = _analyse(
        "The senator spoke at length.\n\nHe said in his 2014 book, “A Road Less Taken”, that "
        "he grew up poor."
    )
    assert [(s.kind, s.content) for s in doc.statements] == [("indirect", "that he grew up poor")]
    doc = _analyse("The former anchor is now host of “The Late Hour With Sam Reed” on cable.")
    assert doc.statements == []


def test_work_nouns_table() -> None:
    from communique.quotes import work_nouns

    assert {"book", "movie", "show"} <= work_nouns()
    assert not {"memo", "speech", "ad"} & work_nouns()


@pytest.mark.model
def test_interrupted_direct_quote_keeps_its_quoted_pieces() -> None:
    text = "“We will not leave,” the minister said on Monday. “The talks go on.”"
    doc = _analyse(text)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert st.kind == "direct"
    assert [text[lo:hi] for lo, hi in st.quoted] == ["We will not leave", "The talks go on"]
    assert doc.to_dict()["statements"][0]["quoted"] == st.quoted


@pytest.mark.model
def test_single_quote_has_no_pieces() -> None:
    doc = _analyse("“We will not leave,” the minister said.")
    assert [(s.kind, s.quoted) for s in doc.statements] == [("direct", [])]


@pytest.mark.model
def test_trailing_relative_ending_in_a_quote_is_cut() -> None:
    doc = _analyse(
        "The candidates say they are not trying to avoid the nominee, who has been hurt in "
        "recent weeks by the scandal and by the director's conclusion that her actions were "
        '"extremely careless."'
    )
    assert doc.statements[0].content == "they are not trying to avoid the nominee"


def _hand_parsed(opening: list[tuple[str, str, str]]) -> Any:
    """ "<opening> , in Kyiv , said that talks would resume .", parsed with no subject for
    "said" (the opening's last word hung from "in", as the small model sometimes does)."""
    import spacy
    from spacy.tokens import Doc

    n = len(opening)
    rest = [",", "in", "Kyiv", ",", "said", "that", "talks", "would", "resume", "."]
    words = [w for w, _, _ in opening] + rest
    said = n + 4
    heads = [n - 1] * (n - 1) + [n + 1]
    heads += [said, said, n + 1, said, said, n + 8, n + 8, n + 8, said, said]
    deps = ["compound"] * (n - 1) + ["nmod", "punct", "prep", "pobj", "punct", "ROOT"]
    deps += ["mark", "nsubj", "aux", "ccomp", "punct"]
    pos = [p for _, p, _ in opening] + ["PUNCT", "ADP", "PROPN", "PUNCT", "VERB", "SCONJ"]
    pos += ["NOUN", "AUX", "VERB", "PUNCT"]
    tags = [t for _, _, t in opening] + [",", "IN", "NNP", ",", "VBD", "IN", "NNS", "MD"]
    tags += ["VB", "."]
    lemmas = [w.lower() for w in words]
    lemmas[said] = "say"
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def test_name_set_off_from_its_cue_by_an_aside_is_the_speaker() -> None:
    from communique.quotes import AttributionFinder

    doc = _hand_parsed([("Ana", "PROPN", "NNP"), ("Ruiz", "PROPN", "NNP")])
    found = AttributionFinder(doc).find()
    assert [(a.speaker_text, doc.text[a.start : a.end]) for a in found] == [
        ("Ana Ruiz", "that talks would resume")
    ]
    # an adverb opening the sentence names no one
    doc = _hand_parsed([("Meanwhile", "ADV", "RB")])
    assert AttributionFinder(doc).find() == []


@pytest.mark.model
def test_quote_after_a_name_and_a_colon_in_a_round_up() -> None:
    doc = _analyse(
        "Pollsters weighed in on the early results.\n\n"
        "THE MAP IS SHIFTING - Ann Lee: “The governor has gained ground in every region we "
        "track, and the gap keeps closing.”\n\n"
        "More from Lee and Cho: “Turnout among younger voters is the number to watch.”\n\n"
        "WATCH LIST: “Three counties will decide the race for the governor.”"
    )
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements if s.cue == ":"] == [
        (
            ":",
            "Ann Lee",
            "The governor has gained ground in every region we track, and the gap keeps closing",
        ),
        (":", "Lee and Cho", "Turnout among younger voters is the number to watch"),
    ]


@pytest.mark.model
def test_quote_goes_on_with_a_standing_statement_not_a_nested_one() -> None:
    from communique.nlp import load_model
    from communique.quotes import Attribution, AttributionFinder

    text = (
        "The envoy said his aides feel the same way. “The talks are over for this year,” he "
        "said. “Nobody will come back before the spring thaw.”"
    )
    finder = AttributionFinder(load_model()(text))
    found = finder.find()
    said = next(a for a in found if a.kind == "direct")
    # a cue inside the envoy's reported clause claiming the same quote (as the parser may
    # let it) is dropped later as nested: the next quote must not go on with it
    feel = text.index("feel")
    nested = Attribution(
        kind="direct",
        start=said.start,
        end=text.index(",”"),
        cue="feel",
        cue_start=feel,
        cue_end=feel + 4,
        speaker_start=text.index("his aides"),
        speaker_end=text.index("his aides") + 9,
        speaker_text="his aides",
    )
    said.end = nested.end
    finder._continued_quotes([nested, *found], [])
    assert nested.end == text.index(",”")
    assert text[said.start : said.end].endswith("before the spring thaw")


@pytest.mark.model
def test_quote_after_a_short_lead_in_goes_on_with_the_statement_before() -> None:
    text = (
        "“The talks are over for this year,” said Ana Ruiz, a senior adviser to the minister. "
        "Unless both sides move, “nobody will come back before the spring thaw.”"
    )
    doc = _analyse(text)
    assert len(doc.statements) == 1
    statement = doc.statements[0]
    assert (statement.kind, statement.speaker_text) == ("direct", "Ana Ruiz")
    assert [text[s:e] for s, e in statement.quoted] == [
        "The talks are over for this year",
        "nobody will come back before the spring thaw",
    ]


@pytest.mark.model
def test_content_goes_on_through_a_colon_to_its_sentence_end() -> None:
    doc = _analyse(
        "The envoy rejected one option outright: sending troops across the border before the talks."
    )
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("reject", "one option outright: sending troops across the border before the talks")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The senator urged the party to scrap its primary calendar, replace its current "
            "leadership, open up registration and cap donations.",
            "the party to scrap its primary calendar, replace its current leadership, open up "
            "registration and cap donations",
        ),
        (
            "The governor thanked his parents, his siblings, his wife and his children.",
            "his parents, his siblings, his wife and his children",
        ),
        (
            "The candidate supports tightening enforcement at the border, temporarily freezing "
            "immigration levels and changing the rules on asylum.",
            "tightening enforcement at the border, temporarily freezing immigration levels and "
            "changing the rules on asylum",
        ),
    ],
)
def test_closing_list_with_possessives_adverbs_or_an_addressee(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The host will discuss immigration and how it is transforming the country.",
            "immigration and how it is transforming the country",
        ),
        (
            "She pointed to a big victory in Ohio and the fact that she won more delegates "
            "than her opponent.",
            "a big victory in Ohio and the fact that she won more delegates than her opponent",
        ),
        (
            "The senator has mentioned refinancing student loans and forcing universities to "
            "spend more from their endowments.",
            "refinancing student loans and forcing universities to spend more from their "
            "endowments",
        ),
        ("He praised the plan and left the room.", "the plan"),
    ],
)
def test_conjunct_the_parser_hung_from_the_cue(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == [content]


@pytest.mark.model
def test_gerund_after_words_between_takes_the_verbs_subject() -> None:
    doc = _analyse(
        "She praised the prosecutor but stopped short of calling for the chief to be fired."
    )
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("praise", "She", "the prosecutor"),
        ("call for", "She", "the chief to be fired"),
    ]


@pytest.mark.model
def test_in_favor_of_is_the_stance_of_the_verbs_subject() -> None:
    doc = _analyse("The senator spoke out in favor of stricter gun laws at the rally.")
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("favor of", "The senator", "stricter gun laws")
    ]


@pytest.mark.model
def test_infinitive_cue_after_a_copula_is_the_possessors_statement() -> None:
    doc = _analyse("His first response was to say that the talks had failed.")
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("say", "His", "that the talks had failed")
    ]


@pytest.mark.model
def test_agree_to_takes_its_object() -> None:
    doc = _analyse("The senator agreed to a meeting with the nominee next week.")
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("agree to", "The senator", "a meeting with the nominee next week")
    ]


def test_quantifier_the_parser_left_as_a_modifier_is_the_subject() -> None:
    import spacy
    from spacy.tokens import Doc

    from communique.quotes import _adjacent_subject

    # "Earlier, half said so.", parsed with "half" as an adverb of "said"
    words = ["Earlier", ",", "half", "said", "so", "."]
    heads = [3, 3, 3, 3, 3, 3]
    deps = ["advmod", "punct", "advmod", "ROOT", "advmod", "punct"]
    pos = ["ADV", "PUNCT", "ADV", "VERB", "ADV", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    subject = _adjacent_subject(doc[3], doc[:])
    assert subject is not None and subject.text == "half"


@pytest.mark.model
def test_fronted_prepositional_frame_is_no_bare_answer() -> None:
    doc = _analyse("In the spring poll, half said so.")
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [("say", "half", "so")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister criticized the banks, particularly the largest lenders in the capital.",
            "the banks, particularly the largest lenders in the capital",
        ),
        (
            "She opposed the plan, especially as the army was already stretched.",
            "the plan",
        ),
    ],
)
def test_particulars_after_a_content_join_it(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == [content]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“quack” medical cures.", "“quack” medical cures"),
        ('"quack" medical cures.', '"quack" medical cures'),
        ("''quack'' medical cures.", "''quack'' medical cures"),
        ("“Talks will resume.”", "Talks will resume"),
        ("“A” and “B”", "A” and “B"),
    ],
)
def test_trim_keeps_an_opening_mark_the_span_closes(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            # the full stop hangs from the reported clause, the cue from its conjunct
            "In nearby Tulle, the old paper mill is hanging on, but it is under heavy pressure "
            "from cheap imports, said the firm's chief executive, Marc J. Roux. "
            "The mill has cut pay.",
            "the firm's chief executive",
            "In nearby Tulle, the old paper mill is hanging on, but it is under heavy pressure "
            "from cheap imports",
        ),
        (
            # an adjunct of time hangs from the cue, and a paragraph break from the full stop
            "A truck drove into a crowd celebrating the national day in the port city of Split "
            "on Sunday night, injuring at least 20 people in an apparent terrorist attack as "
            "the driver also opened fire on revelers, Croatian officials said, before being "
            "shot to death by police.\n\nThe driver was named later.",
            "Croatian officials",
            "A truck drove into a crowd celebrating the national day in the port city of Split "
            "on Sunday night, injuring at least 20 people in an apparent terrorist attack as "
            "the driver also opened fire on revelers",
        ),
        (
            # a date after the cue
            "The caucus effectively disbanded after the 2012 election, Politico reported in 2015.",
            "Politico",
            "The caucus effectively disbanded after the 2012 election",
        ),
    ],
)
def test_closing_cue_the_parser_hung_from_the_clause(text: str, speaker: str, content: str) -> None:
    doc = _analyse(text)
    said = [s for s in doc.statements if s.cue in ("say", "report")]
    assert [s.content for s in said] == [content]
    assert said[0].speaker_text.startswith(speaker)


@pytest.mark.model
def test_main_clause_the_parser_hung_from_a_closing_cue_is_the_content() -> None:
    text = (
        "As Labour front-runner Ann Lee prepared to speak to supporters in Leeds on Tuesday, "
        "a 15-year-old boy outside the venue was pepper-sprayed by another bystander, police said."
    )
    doc = _analyse(text)
    assert [(s.speaker_text, s.content) for s in doc.statements] == [
        ("police", text[: text.index(", police")])
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("She praised the new plan in an interview with local radio.", "the new plan"),
        ("He defended the deal on Twitter after the vote.", "the deal"),
    ],
)
def test_medium_after_an_object_is_no_content(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Lee was once asked how the war would end.", None, "how the war would end"),
        (
            "Lee was asked by host Ann Cole whether the plan would work.",
            "host Ann Cole",
            "whether the plan would work",
        ),
    ],
)
def test_passive_question_is_what_was_asked(text: str, speaker: str | None, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("ask", speaker, content)
    ]


@pytest.mark.model
def test_speaker_the_parser_took_for_the_object_after_a_quote() -> None:
    doc = _analyse(
        '"Nobody may speak against the plan anymore. #Leeds," tweeted a British user '
        "going by the handle Pulver."
    )
    assert [(s.kind, s.speaker_text, s.content) for s in doc.statements] == [
        ("direct", "a British user", "Nobody may speak against the plan anymore. #Leeds")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Ann Lee won the endorsement of the teachers' union on Monday.",
            "endorsement of",
            "the teachers' union",
            "Ann Lee",
        ),
        (
            "The mayor received strong support from older voters.",
            "support for",
            "older voters",
            "The mayor",
        ),
    ],
)
def test_backing_received_is_given_by_the_object_of_of_or_from(
    text: str, cue: str, speaker: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [(cue, speaker, content)]


@pytest.mark.model
def test_support_thrown_behind_someone() -> None:
    doc = _analyse("Carly Lee threw her support behind Senator Ann Cole on Wednesday.")
    assert [(s.cue, s.content) for s in doc.statements] == [("support behind", "Senator Ann Cole")]


@pytest.mark.model
def test_pronoun_object_with_an_as_predicate_is_what_is_thought() -> None:
    doc = _analyse("Party leaders see him as a potentially invaluable asset.")
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("see", "Party leaders", "him as a potentially invaluable asset")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor is even thinking about a run for the Senate.",
            "think about",
            "a run for the Senate",
        ),
        (
            "Voters began wondering about his ability to finish the race.",
            "wonder about",
            "his ability to finish the race",
        ),
    ],
)
def test_phrasal_cues_of_thought_take_their_object(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "A 2014 study by a law professor found 31 cases of voter fraud.",
            ["31 cases of voter fraud"],
        ),
        ("The minister found the keys in his car.", []),
    ],
)
def test_what_a_study_finds_may_be_a_noun(text: str, found: list[str]) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements if s.cue == "find"] == found


@pytest.mark.model
def test_as_reported_by_names_who_reported_the_clause() -> None:
    doc = _analyse(
        "As reported by the Daily Mirror, the former minister was warned about the risks in 2019."
    )
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("report", "the Daily Mirror", "the former minister was warned about the risks in 2019")
    ]
    # a statement in the clause keeps its speaker: the outlet only relays it
    doc = _analyse("As reported by Reuters, the minister said the talks would resume on Monday.")
    assert [(s.cue, s.speaker_text) for s in doc.statements] == [("say", "the minister")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Most voters hold a favorable opinion of the governor.",
            "opinion of",
            "Most voters",
            "the governor",
        ),
        (
            "The two candidates had sharply different views about trade and taxes.",
            "view about",
            None,
            "trade and taxes",
        ),
    ],
)
def test_opinions_and_views_of_something(
    text: str, cue: str, speaker: str | None, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]
    if speaker is not None:  # the owner of a view held, not yet of one had
        assert doc.statements[0].speaker_text == speaker


@pytest.mark.model
def test_feeling_over_something_is_its_owners_stance() -> None:
    doc = _analyse("Her outrage over the verdict was plain.")
    assert [(s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        ("outrage over", "Her", "the verdict")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "Many younger voters feel trapped in a system that seems rigged against them.",
            ["trapped in a system that seems rigged against them"],
        ),
        ("The farmers feel terrible.", []),
    ],
)
def test_how_one_feels_at_some_length_is_what_one_thinks(text: str, contents: list[str]) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements if s.cue == "feel"] == contents


@pytest.mark.model
def test_phrase_ending_in_a_date_is_no_phrase_of_time() -> None:
    doc = _analyse(
        "The survey finds Lee with a small lead over Cole among likely voters in the primary "
        "next month."
    )
    assert [s.content for s in doc.statements] == [
        "Lee with a small lead over Cole among likely voters in the primary next month"
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        # a quote inside the quote closes on a single curly mark before the double one
        (
            "The storm left the town without power for a week.\n\n“No one else came here to "
            "ask us, ‘What do you need? How can we help?’” Mayor Ana Lee said.",
            "say",
            "Mayor Ana Lee",
            "No one else came here to ask us, ‘What do you need? How can we help?",
        ),
        (
            "Senator Ruiz questioned the witness: “Your company sold three devices that you "
            "yourself called ‘cures,’” she said. “When you sell a gadget as a cure, people "
            "believe it works.”",
            "question",
            "Senator Ruiz",
            "Your company sold three devices that you yourself called ‘cures",
        ),
    ],
)
def test_quote_closing_on_a_nested_single_quote(
    text: str, cue: str, speaker: str, content: str
) -> None:
    doc = _analyse(text)
    first = doc.statements[0]
    assert (first.kind, first.cue, first.speaker_text, first.content) == (
        "direct",
        cue,
        speaker,
        content,
    )


@pytest.mark.model
def test_quote_opening_the_paragraph_after_a_colon_is_what_was_said() -> None:
    from communique.parse import Parser

    text = (
        "The senator spoke for an hour. He told his audience, to loud applause:\n\n“I can "
        "promise you that no one has ever been better prepared for this job.”\n\nThen he left."
    )
    # parsed as the pipeline parses, with a sentence ending on the paragraph's colon
    doc = StatementExtractor()(Parser()(article_from_text(text, source="test")))
    assert [(s.kind, s.cue, s.speaker_text, s.content) for s in doc.statements] == [
        (
            "direct",
            "tell",
            "He",
            "I can promise you that no one has ever been better prepared for this job",
        )
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Forbes lists his wealth at $6 billion.", "his wealth at $6 billion"),
        (
            "The poll shows Lee in second place at 14 percent.",
            "Lee in second place at 14 percent",
        ),
        # a number in words opens a place, not a level
        ("He praised the crowd at one of his rallies.", "the crowd"),
    ],
)
def test_at_an_amount_is_the_level_the_object_is_put_at(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [s.content for s in doc.statements] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The charity issued a plea for donors to give more this winter.",
            "plea for",
            "donors to give more this winter",
        ),
        (
            "Union leaders renewed their call for the company to raise wages.",
            "call for",
            "the company to raise wages",
        ),
    ],
)
def test_for_and_a_to_infinitive_after_a_noun_cue(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Her rivals portray Lee as singularly focused on taxes.",
            "portray",
            "Lee as singularly focused on taxes",
        ),
        (
            "The mayor described the police force as highly trained.",
            "describe",
            "the police force as highly trained",
        ),
        # a finite verb after the predicate goes on with the main clause
        (
            "The office considered the memos as classified and withheld most of them.",
            "consider",
            "the memos as classified",
        ),
        # "as shown by": a source of the claim, not a predicate of the object
        (
            "The party was first in advocating reform as shown by its platform.",
            "advocate",
            "reform",
        ),
    ],
)
def test_as_predicate_the_parser_took_for_a_clause(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Supporters broke into a chant of “Open the borders!” as the minister arrived.",
            "Open the borders!",
        ),
        ("The rally ended with loud chants of “No more wars!”", "No more wars!"),
    ],
)
def test_chant_of_a_slogan_is_what_was_chanted(text: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.kind, s.cue, s.content) for s in doc.statements] == [("direct", "chant of", content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Hahn will come on the show to talk about immigration and how it is changing "
            "the country.",
            "talk about",
            "immigration and how it is changing the country",
        ),
        (
            "She was asked about the protests and whether she would encourage more of them.",
            "ask about",
            "the protests and whether she would encourage more of them",
        ),
        (
            "He must spell out his views on the tax plan and whether he will defend it in "
            "the fall.",
            "view on",
            "the tax plan and whether he will defend it in the fall",
        ),
    ],
)
def test_question_coordinated_with_the_object_of_a_cue_preposition(
    text: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.cue, s.content) for s in doc.statements] == [(cue, content)]


@pytest.mark.model
def test_report_with_a_that_clause_is_a_statement_noun() -> None:
    doc = _analyse(
        "Officials dismissed a report that the ferry operator had skipped safety checks."
    )
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("report", "that the ferry operator had skipped safety checks")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Dockworkers are angry about the new shift rules.",
            "Dockworkers",
            "angry about",
            "the new shift rules",
        ),
        (
            "The union is upset over the pension cuts.",
            "The union",
            "upset over",
            "the pension cuts",
        ),
        (
            "Exporters are frustrated that the border stays shut.",
            "Exporters",
            "frustrated",
            "that the border stays shut",
        ),
        (
            "The pilots are nervous about the new runway.",
            "The pilots",
            "nervous about",
            "the new runway",
        ),
        (
            "Her reluctance to endorse the treaty puzzled allies.",
            "Her",
            "reluctance",
            "to endorse the treaty",
        ),
        (
            "Their eagerness to sign the deal surprised nobody.",
            "Their",
            "eagerness",
            "to sign the deal",
        ),
        (
            "The rebels gave up hope of winning the province.",
            "The rebels",
            "hope of",
            "winning the province",
        ),
        (
            "Their disagreement over the border map stalled the talks.",
            "Their",
            "disagreement over",
            "the border map",
        ),
    ],
)
def test_cues_of_feeling_and_dispute(text: str, speaker: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(speaker, cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The allegation was made on Tuesday that the envoy had leaked the memo.",
            "allegation",
            "that the envoy had leaked the memo",
        ),
        (
            "The senator made the claim on Friday that the vote was rigged.",
            "claim",
            "that the vote was rigged",
        ),
    ],
)
def test_that_clause_kept_apart_from_its_statement_noun(text: str, cue: str, content: str) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == [(cue, content)]


@pytest.mark.model
def test_adjective_set_off_after_a_noun_is_that_nouns_view() -> None:
    doc = _analyse("The delegates, skeptical of the new draft, left early.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("The delegates", "skeptical of", "the new draft")
    ]


@pytest.mark.model
def test_adjective_phrase_set_off_after_an_object_stays_out_of_the_content() -> None:
    doc = _analyse("The senator demanded the release of the reporters, ill after weeks in custody.")
    assert [s.content for s in doc.statements] == ["the release of the reporters"]


@pytest.mark.model
def test_topic_raised_is_the_object_of_its_preposition() -> None:
    doc = _analyse("The leaked memo raised fresh doubts about the future of the ceasefire.")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("The leaked memo", "raise", "the future of the ceasefire")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The finance minister took issue with the central bank's forecast.",
            "take issue with",
            "the central bank's forecast",
        ),
        (
            "The ambassador has made no secret of her dislike for the new treaty.",
            "make no secret of",
            "her dislike for the new treaty",
        ),
        (
            "The governor took a whack at the opposition's budget plan.",
            "take a whack at",
            "the opposition's budget plan",
        ),
    ],
)
def test_noun_cue_in_an_idiom_with_its_verb(text: str, cue: str, content: str) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == [(cue, content)]


@pytest.mark.model
def test_noun_of_an_idiom_is_no_cue_without_its_verb() -> None:
    assert _analyse("There was an issue with the microphone during the summit.").statements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The ministry faced sharp criticism for its slow response to the floods.",
            "criticism for",
            "its slow response to the floods",
        ),
        (
            "The envoy renewed his criticism on the rebel leadership.",
            "criticism on",
            "the rebel leadership",
        ),
        (
            "Her criticism about the secrecy of the talks drew applause.",
            "criticism about",
            "the secrecy of the talks",
        ),
        (
            "Several unions have come out in support of the striking dockworkers.",
            "in support of",
            "the striking dockworkers",
        ),
    ],
)
def test_noun_and_preposition_cues_of_criticism_and_support(
    text: str, cue: str, content: str
) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == [(cue, content)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The rebels' message: the truce is over and the talks are dead.",
            "The rebels",
            "the truce is over and the talks are dead",
        ),
        (
            "The generals sent the president a blunt message: he must withdraw the troops.",
            "The generals",
            "he must withdraw the troops",
        ),
    ],
)
def test_statement_noun_before_a_colon(text: str, speaker: str, content: str) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        (speaker, "message", content)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The inspection left little doubt that the dam had been poorly built.",
            "doubt",
            "that the dam had been poorly built",
        ),
        (
            "The panel's recommendation to close the mine came too late.",
            "recommendation",
            "to close the mine",
        ),
        (
            "There is broad agreement among economists that the tariff will raise prices.",
            "agreement",
            "that the tariff will raise prices",
        ),
        (
            "The ministry's response was that the figures had been misread.",
            "response",
            "that the figures had been misread",
        ),
        (
            "A familiar refrain among farmers is that the subsidies never reach them.",
            "refrain",
            "that the subsidies never reach them",
        ),
    ],
)
def test_statement_nouns_of_doubt_agreement_and_reply(text: str, cue: str, content: str) -> None:
    assert [(s.cue, s.content) for s in _analyse(text).statements] == [(cue, content)]


@pytest.mark.model
def test_aside_inside_a_clause_of_the_object_stays_in_the_content() -> None:
    doc = _analyse(
        "Residents raised concerns that groups like the Red Brigade, which claimed the"
        " bombing, are smuggling weapons across the border."
    )
    assert [s.content for s in doc.statements] == [
        "concerns that groups like the Red Brigade, which claimed the bombing, are smuggling"
        " weapons across the border"
    ]


@pytest.mark.model
def test_subject_taken_for_the_object_keeps_its_stranded_predicate() -> None:
    doc = _analyse(
        "The central bank ended its meeting by announcing it would cut interest rates to spur"
        " lending."
    )
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("announce", "it would cut interest rates to spur lending")
    ]


@pytest.mark.model
def test_quote_right_after_a_pronoun_object_is_its_predicate() -> None:
    doc = _analyse(
        "The governor celebrated with volunteers, declaring it “a great night for our state”"
        " and thanking them."
    )
    assert [(s.cue, s.content) for s in doc.statements][0] == (
        "declare",
        "it “a great night for our state”",
    )


@pytest.mark.model
def test_parenthetical_cue_hung_from_the_subject_reports_the_whole_clause() -> None:
    doc = _analyse("The difference now, she told me on Monday, is that the council has a budget.")
    assert [(s.speaker_text, s.content) for s in doc.statements] == [
        ("she", "The difference now, she told me on Monday, is that the council has a budget")
    ]


@pytest.mark.model
def test_content_goes_on_past_a_clitic() -> None:
    doc = _analyse(
        "Now, with a big win behind him, he’s poised to argue he’s in the contest for good."
    )
    assert [(s.cue, s.content) for s in doc.statements] == [
        ("argue", "he’s in the contest for good")
    ]


@pytest.mark.model
def test_poll_ranking_goes_on_after_followed_by() -> None:
    doc = _analyse(
        "A state poll last week showed Lee in second at 21 percent, followed closely by Kim at"
        " 18 percent and Park at 9 percent."
    )
    assert [s.content for s in doc.statements] == [
        "Lee in second at 21 percent, followed closely by Kim at 18 percent and Park at 9 percent"
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The council met on Monday.\n“The pipes were never checked, and nobody in the "
            "city hall wanted to know about it.” Ortiz told reporters during a conference call.",
            "Ortiz",
            "The pipes were never checked, and nobody in the city hall wanted to know about it",
        ),
        (
            "Two dozen mayors attended. (Most of them left early.)\n“She said that ‘I want "
            "the seat back, and I will do whatever it takes to win it,’” Rep. Tom Ray "
            "(D-Ohio) said.",
            "Rep. Tom Ray (D-Ohio)",
            "She said that ‘I want the seat back",
        ),
        (
            'The judges were all appointed by one party.\n\n"We can only wonder if the aim '
            'is to reopen the door to fraud . . . to win the election," state Senate leader '
            "Tom Reed and House Speaker Ann Moore, both Democrats, said in a statement.",
            "state Senate leader Tom Reed and House Speaker Ann Moore, both Democrats",
            "We can only wonder if the aim",
        ),
        (
            "The endorsements drew some anger from members (“I want my money back,” wrote "
            "Tom Hale, a welder in Ohio, on the union’s page), but the leaders held firm.",
            "Tom Hale",
            "I want my money back",
        ),
    ],
)
def test_quote_before_a_speaker_and_cue_sentence(text: str, speaker: str, content: str) -> None:
    """A quote opening its line or a bracket, then its speaker and cue with who was told,
    where, or an aside on the speaker."""
    doc = _analyse(text)
    assert [(s.kind, s.speaker_text) for s in doc.statements] == [("direct", speaker)]
    assert doc.statements[0].content.startswith(content)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "“This is the best night of my life!” beamed Ann Lee, a delegate from Ohio.",
            "Ann Lee",
            "beam",
            "This is the best night of my life!",
        ),
        (
            "“Nobody in this town trusts the mayor anymore,” surmised Ann Lee.",
            "Ann Lee",
            "surmise",
            "Nobody in this town trusts the mayor anymore",
        ),
        (
            "The crowd sang, “We shall overcome some day.”",
            "The crowd",
            "sing",
            "We shall overcome some day",
        ),
        (
            "Her response was: “Is the store in Ohio or in Maine?”",
            "Her",
            "response",
            "Is the store in Ohio or in Maine?",
        ),
        (
            "Then came the applause line: “I will never apologize for this country.”",
            None,
            "line",
            "I will never apologize for this country",
        ),
    ],
)
def test_manner_of_speaking_verbs_and_quoted_line_nouns(
    text: str, speaker: str | None, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [(speaker, cue, content)]


@pytest.mark.model
def test_relative_that_before_a_cue_and_comma_is_no_discourse_marker() -> None:
    doc = _analyse("They handed out hats that said, “The county party welcomes you to the games.”")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("that", "say", "The county party welcomes you to the games")
    ]


@pytest.mark.model
def test_name_taken_for_the_object_of_as_speaks_the_as_clause() -> None:
    doc = _analyse("As Ian Moor, a professor of history, put it, ''Voters want a deal.''")
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("Ian Moor", "put", "Voters want a deal")
    ]


@pytest.mark.model
def test_unlabelled_verb_of_a_list_shares_the_first_verbs_subject() -> None:
    doc = _analyse(
        "Lee waved at the crowd, then leaned forward and said: “We will win this state.”"
    )
    assert [(s.speaker_text, s.cue, s.content) for s in doc.statements] == [
        ("Lee", "say", "We will win this state")
    ]


def test_cue_joined_to_the_verb_of_the_quote_before_it_is_the_set_off_names() -> None:
    """ "“We were wrong,” Ruiz, 58, told AFP.", parsed with "told" joined to "were" and
    "Ruiz" hung from "were" (as the small model sometimes does)."""
    import spacy
    from spacy.tokens import Doc

    from communique.quotes import AttributionFinder

    words = ["“", "We", "were", "wrong", ",", "”", "Ruiz", ",", "58", ",", "told", "AFP", "."]
    spaces = [False, True, True, False, False, True, False, True, False, True, True, False, False]
    heads = [2, 2, 2, 2, 2, 6, 2, 6, 6, 6, 2, 10, 2]
    deps = ["punct", "nsubj", "ROOT", "acomp", "punct", "punct", "npadvmod", "punct", "appos"]
    deps += ["punct", "conj", "dobj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT"]
    pos += ["VERB", "PROPN", "PUNCT"]
    tags = ["``", "PRP", "VBD", "JJ", ",", "''", "NNP", ",", "CD", ",", "VBD", "NNP", "."]
    lemmas = [w.lower() for w in words]
    lemmas[2], lemmas[10] = "be", "tell"
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        sent_starts=[True] + [False] * (len(words) - 1),
    )
    found = AttributionFinder(doc).find()
    assert [(a.speaker_text, a.cue, doc.text[a.start : a.end]) for a in found] == [
        ("Ruiz", "tell", "We were wrong")
    ]


def test_inverted_cue_after_a_no_break_space_names_its_speaker() -> None:
    doc = _analyse(
        "The mayor spoke on Tuesday. “We will not back down from this fight,”\u00a0added Lopez."
    )
    found = [(s.speaker_text, s.content) for s in doc.statements]
    assert ("Lopez", "We will not back down from this fight") in found


def test_subject_found_inside_a_quote_gives_way_to_the_name_after_it() -> None:
    doc = _analyse(
        "The governor sounded upbeat.\n\n“Smart lawyer, very smart lawyer this woman,” Garner, "
        "the Democratic favorite statewide and the early leader in polling by a clear margin "
        "after taking the Nevada vote, said when Hill asked her about it."
    )
    found = [(s.speaker_text, s.content) for s in doc.statements]
    assert ("Garner", "Smart lawyer, very smart lawyer this woman") in found


def test_cue_hung_from_the_quote_before_it_takes_the_name_set_off_after_the_quote() -> None:
    doc = _analyse(
        '"They were rivals, but also partners," Susan K. Marsh, the governor\'s former chief '
        "of staff, said of their years in the statehouse."
    )
    found = [(s.speaker_text, s.content) for s in doc.statements]
    assert ("Susan K. Marsh", "They were rivals, but also partners") in found


def test_cue_opening_a_paragraph_before_its_comma_reports_the_clause_after_it() -> None:
    doc = _analyse(
        "The mayor has dropped the tax plan.\n\nInstead, Lopez told NPR, her budget would "
        "simply be “to cut waste” if she wins a second term."
    )
    found = [(s.speaker_text, s.cue) for s in doc.statements]
    assert ("Lopez", "tell") in found


def test_verb_left_unattached_after_a_participle_takes_its_subject() -> None:
    doc = _analyse(
        "The governor had a poor month.\n\nBut conservative activists clamoring to keep Lopez "
        "off the state ballot say they’re suddenly in the middle of a late surge."
    )
    found = [(s.speaker_text, s.content) for s in doc.statements]
    assert ("conservative activists", "they’re suddenly in the middle of a late surge") in found


def test_medium_after_a_parenthetical_cue_is_no_complement_of_it() -> None:
    doc = _analyse(
        "The board met on Monday. If anything, Hale argued in his email, the vote is a sign "
        "of why the board should adopt new rules."
    )
    found = [(s.speaker_text, s.content) for s in doc.statements]
    assert ("Hale", "the vote is a sign of why the board should adopt new rules") in found


def test_fronted_cue_taken_for_an_adverbial_clause_reports_the_clause_after_it() -> None:
    doc = _analyse(
        "The bank was in crisis. And yet every Monday, from 9 a.m. to noon, the former bank "
        "chief told The Boston Globe, Lopez would run a meeting in which she would rule on "
        "branch closures and even the pay of junior staff."
    )
    found = [(s.speaker_text, s.cue) for s in doc.statements]
    assert ("the former bank chief", "tell") in found


def test_cue_preposition_hung_from_a_setting_before_it_still_opens_the_content() -> None:
    doc = _analyse("The governor spoke at length in his office about the budget.")
    found = [(s.speaker_text, s.cue, s.content) for s in doc.statements]
    assert ("The governor", "speak about", "the budget") in found


def test_pronoun_after_a_cue_preposition_is_the_content() -> None:
    doc = _analyse(
        "The mayor spoke briefly. Asked about it after the meeting, Lopez told reporters that "
        "she would not resign."
    )
    found = [(s.cue, s.content) for s in doc.statements]
    assert ("ask about", "it") in found


def test_verb_of_belief_with_a_bare_noun_object_reports_nothing() -> None:
    doc = _analyse(
        "Since she assumed her post in March, the mayor has met the council twice. "
        "The budget gap worries many farmers in the valley."
    )
    assert not [s for s in doc.statements if s.cue in ("assume", "worry")]


def test_written_piece_without_what_it_says_is_no_content() -> None:
    doc = _analyse("The senator wrote the introduction for a new cookbook last year.")
    assert not [s for s in doc.statements if s.cue == "write"]


def test_participle_before_its_noun_is_no_cue() -> None:
    doc = _analyse("Reyes won most of the party’s pledged delegates after the vote in Ohio.")
    assert not [s for s in doc.statements if s.cue == "pledge"]


def test_participle_of_a_stance_verb_takes_a_side_on_its_noun() -> None:
    doc = _analyse("The toll road plan, opposed by most farmers, was shelved in the spring.")
    found = [(s.speaker_text, s.cue, s.content) for s in doc.statements]
    assert ("most farmers", "oppose", "The toll road plan") in found


def test_stance_verb_in_a_relative_clause_takes_a_side_on_what_it_qualifies() -> None:
    doc = _analyse(
        "The council passed the parking levy, which the mayor had strongly criticized. It "
        "also renewed a lease the auditor once praised."
    )
    found = [(s.speaker_text, s.content) for s in doc.statements]
    assert ("the mayor", "which") in found
    assert ("the auditor", "a lease") in found


def test_owned_attack_on_someone_is_a_statement_but_a_bare_attack_is_not() -> None:
    doc = _analyse(
        "The senator stepped up her attacks on the governor's budget. Later, the attack on "
        "the depot left the town without fuel."
    )
    found = [(s.cue, s.content) for s in doc.statements]
    assert ("attack on", "the governor's budget") in found
    assert ("attack on", "the depot") not in found


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a predicate noun the parser took for a second object or an adverbial noun
        ("Critics branded the plan a giveaway.", "brand", "the plan a giveaway"),
        # object and predicate read as a clause after the verb
        ("The senator called what she saw outrageous.", "call", "what she saw outrageous"),
        # a predicate "as" phrase hung from a participle inside the object
        (
            "The county coroner's office identified the man killed as John Doe, 40, of Reno.",
            "identify",
            "the man killed as John Doe, 40, of Reno",
        ),
        # a relative object before the verb, its "as" predicate after it
        (
            "Hale, whom aides identify as the main author, declined to comment.",
            "identify",
            "the main author",
        ),
    ],
)
def test_naming_verb_predicates_the_parser_hung_elsewhere(
    text: str, cue: str, content: str
) -> None:
    doc = _analyse(text)
    assert (cue, content) in [(s.cue, s.content) for s in doc.statements]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The judge made it clear he would not budge.", "he would not budge"),
        (
            "The survey makes clear the problems ahead for the party.",
            "the problems ahead for the party",
        ),
        ("The governor made clear his aim to cut taxes.", "his aim to cut taxes"),
    ],
)
def test_what_is_made_clear_without_that(text: str, content: str) -> None:
    doc = _analyse(text)
    assert ("clear", content) in [(s.cue, s.content) for s in doc.statements]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator pointed out the flaws in the bill.", "point out", "the flaws in the bill"),
        (
            "The mayor tweeted her thanks to the volunteers.",
            "tweet",
            "her thanks to the volunteers",
        ),
    ],
)
def test_noun_object_of_a_cue_that_takes_one(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert (cue, content) in [(s.cue, s.content) for s in doc.statements]


def test_figure_an_object_is_put_at_is_an_estimate() -> None:
    doc = _analyse(
        "The magazine put his net worth at $3 billion. She has put the town's jobs at risk."
    )
    found = [(s.speaker_text, s.cue, s.content) for s in doc.statements]
    assert found == [("The magazine", "put", "his net worth at $3 billion")]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator cast doubt on the official jobless rate.",
            "doubt on",
            "the official jobless rate",
        ),
        ("The coach cast the blame on his players.", "blame on", "his players"),
    ],
)
def test_noun_after_cast_opens_its_preposition(text: str, cue: str, content: str) -> None:
    doc = _analyse(text)
    assert (cue, content) in [(s.cue, s.content) for s in doc.statements]


def test_content_stops_before_an_even_as_clause_set_off_at_its_end() -> None:
    doc = _analyse(
        "The senator vowed to keep fighting for the bill, even as support for it faded among "
        "her colleagues."
    )
    found = [(s.speaker_text, s.content) for s in doc.statements]
    assert ("The senator", "to keep fighting for the bill") in found

"""Tests of the events stage (`communique.events.v1`) and the provenance stage."""

from __future__ import annotations

import pytest

from communique.document import (
    Entity,
    Event,
    Interval,
    Mention,
    Section,
    Statement,
    Timex,
)
from communique.eventlex import country_of_words, topics_in, triggers_by_lemma
from communique.events import EventExtractor
from communique.pipeline import Pipeline
from communique.provenance import ProvenanceAssigner
from communique.readers import article_from_text

pytestmark = pytest.mark.model

PUBLISHED = "2025-03-03"


def parsed(text: str, published: str | None = PUBLISHED):
    doc = article_from_text(text, source="<test>", published=published)
    return Pipeline(["communique.parse.v1"])(doc)


def events_of(text: str, published: str | None = PUBLISHED) -> list[Event]:
    return EventExtractor()(parsed(text, published)).events


def mention_entity(doc, ident: str, text: str, etype: str, country: str | None) -> Entity:
    """An entity with every mention of `text` in the document."""
    mentions = []
    start = doc.text.find(text)
    while start >= 0:
        mentions.append(Mention(start, start + len(text), text))
        start = doc.text.find(text, start + 1)
    ent = Entity(id=ident, name=text, type=etype, country=country, mentions=mentions)
    doc.entities.append(ent)
    return ent


def timex_for(doc, text: str, begin: str, end: str) -> Timex:
    start = doc.text.index(text)
    timex = Timex(text, start, start + len(text), "DATE", begin, Interval(begin, end))
    doc.timexes.append(timex)
    return timex


@pytest.mark.parametrize(
    ("text", "etype", "status"),
    [
        ("The foreign ministers of India and China met in Delhi on Monday.", "CONSULT", "occurred"),
        ("The two presidents will meet in Geneva next month.", "CONSULT", "planned"),
        ("Japan and South Korea are expected to hold talks in Seoul.", "CONSULT", "planned"),
        ("Egypt offered to host talks between Ethiopia and Sudan.", "CONSULT", "proposed"),
        ("The summit between France and Germany was postponed.", "CONSULT", "postponed"),
        (
            "The planned visit of the Indian prime minister to Canada was cancelled.",
            "CONSULT",
            "cancelled",
        ),
        ("Kenya denied that its officials held talks with Somalia.", "CONSULT", "denied"),
        ("The Chilean and Peruvian ministers did not meet on Friday.", "CONSULT", "negated"),
        (
            "Talks on a ceasefire could resume only if both sides release prisoners.",
            "CONSULT",
            "conditional",
        ),
        ("The two leaders might meet in Vienna.", "CONSULT", "hypothetical"),
        ("Brazil imposed sanctions on Venezuela.", "SANCTION", "occurred"),
        ("Norway urged Sweden to reopen its embassy.", "REQUEST", "occurred"),
        ("Poland expelled three Belarusian diplomats on Thursday.", "SANCTION", "occurred"),
        ("Ghana threatened to recall its ambassador from Togo.", "THREATEN", "occurred"),
        (
            "Officials said Kenya and Ethiopia are close to signing a border accord.",
            "AGREE",
            "hypothetical",
        ),
        ("Laos and Vietnam are on the verge of signing a water treaty.", "AGREE", "hypothetical"),
        # "provided (that)" and "providing" open a condition, whatever the parse makes of them
        (
            "Chile will resume the talks provided that Bolivia withdraws its troops.",
            "CONSULT",
            "conditional",
        ),
        (
            "Chile will resume the talks provided that Bolivia withdraws its troops.",
            "RETREAT",
            "hypothetical",
        ),
        (
            "Chile will resume the talks providing Bolivia withdraws its troops.",
            "CONSULT",
            "conditional",
        ),
        ("Japan provided emergency aid to the Philippines after the storm.", "AID", "occurred"),
    ],
)
def test_type_and_status(text: str, etype: str, status: str) -> None:
    events = [e for e in events_of(text) if e.type == etype]
    assert events, f"no {etype} event in {text!r}"
    assert events[0].status == status


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Brazil's president will make a visit to Beijing next week.", "Beijing"),
        (
            "The Kenyan foreign minister began a two-day visit to Addis Ababa on Monday.",
            "Addis Ababa",
        ),
        (
            "India's foreign minister will travel to Colombo next week for talks with his"
            " Sri Lankan counterpart.",
            "Colombo",
        ),
    ],
)
def test_a_visit_takes_place_where_it_goes(text: str, place: str) -> None:
    events = [e for e in _analysed(text) if e.type == "CONSULT"]
    assert events and events[0].location is not None
    assert (events[0].location.text, events[0].location.kind) == (place, "place")


def test_conditional_keeps_condition_text() -> None:
    events = events_of("Talks on arms control are possible only if Ottawa changes its policy.")
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks[0].status == "conditional"
    assert any("Ottawa changes its policy" in c for c in talks[0].conditions)
    assert "arms control" in talks[0].topics


@pytest.mark.parametrize(
    ("text", "actor_countries", "recipient_countries"),
    [
        ("Hungarian and Slovak officials agreed on a new border crossing.", ["HUN", "SVK"], []),
        ("Poland expelled three Belarusian diplomats on Thursday.", ["POL"], ["BLR"]),
        ("Brazil imposed sanctions on Venezuela.", ["BRA"], ["VEN"]),
        ("A meeting between Indian and Chinese diplomats took place in Delhi.", ["CHN", "IND"], []),
    ],
)
def test_participant_countries(
    text: str, actor_countries: list[str], recipient_countries: list[str]
) -> None:
    event = events_of(text)[0]
    assert event.actor_countries == actor_countries  # type: ignore[attr-defined]
    assert event.recipient_countries == recipient_countries  # type: ignore[attr-defined]
    assert event.countries == sorted(set(actor_countries) | set(recipient_countries))


def test_entities_time_place_and_source() -> None:
    text = (
        "Officials said Sergei Lavrov and Marco Rubio met in Riyadh on Tuesday.\n\n"
        "The two sides will meet again within two weeks in a neutral venue."
    )
    doc = parsed(text)
    mention_entity(doc, "e1", "Sergei Lavrov", "PERSON", "RUS")
    mention_entity(doc, "e2", "Marco Rubio", "PERSON", "USA")
    mention_entity(doc, "e3", "Riyadh", "GPE", "SAU")
    timex_for(doc, "Tuesday", "2025-02-25", "2025-02-25")
    timex_for(doc, "within two weeks", "2025-03-03", "2025-03-17")
    content_start = text.index("Sergei")
    doc.statements.append(
        Statement(
            "s1",
            None,
            "Officials",
            "said",
            "indirect",
            text[content_start : text.index("\n")],
            content_start,
            text.index("\n"),
            "reporting",
        )
    )
    events = EventExtractor()(doc).events
    held, planned = events[0], events[1]
    assert (held.type, held.status, held.actors) == ("CONSULT", "occurred", ["e1", "e2"])
    assert held.countries == ["RUS", "USA"]
    assert held.location is not None and held.location.country == "SAU"
    assert held.location.kind == "place"
    assert held.mode == "third-party"
    assert held.when is not None and held.when.start == "2025-02-25"
    assert held.source == "s1"
    assert (planned.status, planned.countries) == ("planned", ["RUS", "USA"])
    assert planned.location is not None and planned.location.kind == "unspecified"
    assert planned.when is not None and planned.when.end == "2025-03-17"
    assert planned.source is None
    assert [e.id for e in events] == ["v1", "v2"]
    assert 0.0 <= planned.confidence < held.confidence <= 1.0


def test_mentions_of_one_meeting_merge() -> None:
    text = (
        "The Turkish and Greek foreign ministers met in Athens on Monday. "
        "Migration was a central topic of discussion during that meeting."
    )
    events = [e for e in events_of(text) if e.type == "CONSULT"]
    assert len(events) == 1
    assert len(events[0].evidence) == 2
    assert "migration" in events[0].topics


def test_faq_sections_add_no_facts() -> None:
    text = (
        "Kenya and Ethiopia held talks in Nairobi on Monday.\n\n"
        "What happens next? Kenya and Ethiopia held talks in Nairobi.\n\n"
        "Will the two countries sign a trade deal? They will sign a trade deal soon."
    )
    doc = parsed(text)
    faq_start = text.index("What happens")
    doc.sections = [
        Section("reporting", None, 0, faq_start),
        Section("faq", None, faq_start, len(text)),
    ]
    events = EventExtractor()(doc).events
    for event in events:
        in_faq = any(m.start >= faq_start for m in event.evidence)
        assert not (in_faq and event.status in ("occurred", "planned", "ongoing"))
    consults = [e for e in events if e.type == "CONSULT"]
    assert len(consults) == 1 and consults[0].section == "reporting"
    assert any(e.section == "faq" and e.status == "hypothetical" for e in events)


@pytest.mark.parametrize(
    ("hedges", "speaker_country", "expected"),
    [
        (["could not be independently verified"], None, "unverified"),
        ([], "EGY", "unverified"),
        ([], "QAT", "single-source"),
    ],
)
def test_verification(hedges: list[str], speaker_country: str | None, expected: str) -> None:
    text = "The spokesman said Egypt and Israel held talks in Cairo on Sunday."
    doc = parsed(text)
    mention_entity(doc, "e1", "The spokesman", "PERSON", speaker_country)
    start = text.index("Egypt")
    doc.statements.append(
        Statement(
            "s1",
            "e1",
            "The spokesman",
            "said",
            "indirect",
            text[start:],
            start,
            len(text),
            "reporting",
            hedges=hedges,
        )
    )
    doc = ProvenanceAssigner()(EventExtractor()(doc))
    assert doc.events[0].verification == expected


def test_lexicon_tables_cover_every_plover_type() -> None:
    from communique.document import EVENT_TYPES

    types = {e.type for entries in triggers_by_lemma().values() for e in entries}
    assert types == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("words", "code"),
    [(["the", "Hungarian", "side"], "HUN"), (["US", "envoy"], "USA"), (["us"], None)],
)
def test_country_lookup(words: list[str], code: str | None) -> None:
    hit = country_of_words(words)
    assert (hit[0] if hit else None) == code


def test_topics_found_in_order() -> None:
    assert topics_in("They discussed tariffs and the border.") == ["tariffs", "border"]


def test_longest_topic_phrase_wins() -> None:
    assert topics_in("Maritime security and fishing rights led the agenda.") == [
        "maritime security",
        "fisheries",
    ]
    assert topics_in("They spoke of the detained citizens and visas.") == ["prisoners", "visas"]


@pytest.mark.parametrize(
    "text",
    [
        "The new corridor opens a window for trade, offering a pathway to calmer relations.",
        "The accord gives hope to farmers on both sides of the river.",
    ],
)
def test_figurative_giving_is_no_event(text: str) -> None:
    assert not [e for e in events_of(text) if e.type in ("AGREE", "AID")]


def test_participial_background_is_dropped() -> None:
    events = events_of("Rebels stormed the barracks on Sunday, killing two guards.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_reported_obligation_is_a_request() -> None:
    doc = parsed("Chile said on Monday that Bolivia must reopen the border crossing.")
    mention_entity(doc, "e1", "Chile", "GPE", "CHL")
    mention_entity(doc, "e2", "Bolivia", "GPE", "BOL")
    events = [e for e in EventExtractor()(doc).events if e.type == "REQUEST"]
    assert events and events[0].actor_countries == ["CHL"]
    assert events[0].recipient_countries == ["BOL"]


def test_recipient_inside_object_phrase() -> None:
    doc = parsed("Canada threatened tougher measures against Iran on Friday.")
    mention_entity(doc, "e1", "Canada", "GPE", "CAN")
    mention_entity(doc, "e2", "Iran", "GPE", "IRN")
    event = next(e for e in EventExtractor()(doc).events if e.type == "THREATEN")
    assert event.recipient_countries == ["IRN"]


def test_own_forces_are_no_recipient() -> None:
    doc = parsed("Kenya will withdraw its troops from Somalia next year.")
    mention_entity(doc, "e1", "Kenya", "GPE", "KEN")
    mention_entity(doc, "e2", "Somalia", "GPE", "SOM")
    event = next(e for e in EventExtractor()(doc).events if e.type == "RETREAT")
    assert event.recipient_countries == ["SOM"]


def _only(text: str, etype: str) -> Event:
    found = [e for e in events_of(text) if e.type == etype]
    assert found, f"no {etype} event in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "etype", "actor_countries", "recipient_countries"),
    [
        # An unnamed domestic actor takes the country of the place it acts in.
        ("Police arrested dozens of students in Lima on Sunday.", "COERCE", ["PER"], ["PER"]),
        # A people named by descent belongs where it lives, not to its ancestors' country.
        ("Ethnic Hungarians rallied in Slovakia on Saturday.", "PROTEST", ["SVK"], ["SVK"]),
        # A titled person with no known country takes the country the sentence is about.
        (
            "President Ortega threatened to expel Nicaraguan opposition leaders.",
            "THREATEN",
            ["NIC"],
            ["NIC"],
        ),
        # With no one named as target, the place is the target (CAMEO convention).
        ("Germany suspended aid deliveries in Yemen on Monday.", "SANCTION", ["DEU"], ["YEM"]),
        # The subject of an ultimatum's condition is whom the threat is aimed at.
        (
            "Turkey threatened to close its airspace if Armenia holds the exercise.",
            "THREATEN",
            ["TUR"],
            ["ARM"],
        ),
        # A purpose infinitive is addressed to the object of the verb it depends on.
        (
            "Peru summoned the Chilean ambassador to complain about the remarks.",
            "ACCUSE",
            ["PER"],
            ["CHL"],
        ),
        # The recipient may sit in a nested phrase of a noun trigger.
        ("Egypt ordered the suspension of flights to Qatar.", "SANCTION", ["EGY"], ["QAT"]),
    ],
)
def test_participant_rules(
    text: str, etype: str, actor_countries: list[str], recipient_countries: list[str]
) -> None:
    event = _only(text, etype)
    assert event.actor_countries == actor_countries
    assert event.recipient_countries == recipient_countries


def test_demand_of_a_protest_is_its_purpose() -> None:
    text = (
        "Thousands of workers staged a strike to demand higher wages from the Ghanaian government."
    )
    events = events_of(text)
    assert [e.type for e in events] == ["PROTEST"]
    assert events[0].recipient_countries == ["GHA"]


def test_circumstance_clause_keeps_its_own_status() -> None:
    text = "Chile announced new measures after Peruvian troops shelled a border post."
    shelling = _only(text, "ASSAULT")
    assert shelling.status == "occurred"


@pytest.mark.parametrize(("word", "code"), [("Moroccans", "MAR"), ("Swiss", "CHE")])
def test_plural_demonyms(word: str, code: str) -> None:
    hit = country_of_words([word])
    assert hit is not None and hit[0] == code


def _scored(etype: str, status: str, conditions: list[str] | None = None) -> str:
    from eval.scorers.events import scored_type

    event = Event(
        "v1", etype, None, status, [], [], [], None, None, [], conditions or [], None, "", [], "", 1
    )
    return scored_type(event)


@pytest.mark.parametrize(
    ("etype", "status", "conditions", "expected"),
    [
        ("CONSULT", "planned", [], "AGREE"),
        ("PROTEST", "hypothetical", [], "THREATEN"),
        ("RETREAT", "conditional", ["unless the talks resume"], "THREATEN"),
        ("RETREAT", "conditional", ["if the talks resume"], "AGREE"),
        ("AGREE", "negated", [], "REJECT"),
        ("ASSAULT", "occurred", [], "ASSAULT"),
    ],
)
def test_scorer_maps_future_actions_as_plover_does(
    etype: str, status: str, conditions: list[str], expected: str
) -> None:
    assert _scored(etype, status, conditions) == expected


def test_scorer_compares_joint_parties_as_one_set() -> None:
    from eval.scorers.events import _joint_triples, is_joint

    record = {
        "markup": "(SRC/TAR: A) and (SRC/TAR: B) (EVT: agreed)",
        "events": [{"actor": ["HUN", "SVK"], "recipient": []}],
    }
    assert is_joint(record)
    assert _joint_triples("AGREE", {"HUN"}, {"SVK"}) == {("AGREE", "HUN", ""), ("AGREE", "SVK", "")}
    assert _joint_triples("AGREE", {""}, {""}) == {("AGREE", "", "")}


def test_people_named_by_two_demonyms_live_in_the_first() -> None:
    event = _only("Bosnian Croats demanded new elections from the government.", "REQUEST")
    assert event.actor_countries == ["BIH"]


def test_agentless_passive_takes_no_actor_from_the_speaker() -> None:
    event = _only("Two Somali soldiers were killed in an ambush, Kenyan police said.", "ASSAULT")
    assert event.actor_countries == []
    assert event.recipient_countries == ["SOM"]


def test_participial_adjective_is_no_event() -> None:
    events = events_of("Ukraine began the long-awaited and long-threatened offensive near Bakhmut.")
    assert "THREATEN" not in [e.type for e in events]


def test_purpose_clause_names_the_target() -> None:
    event = _only("Soldiers opened fire to disperse Bolivian miners on Tuesday.", "ASSAULT")
    assert event.recipient_countries == ["BOL"]


def _analysed(text: str) -> list[Event]:
    """Events of a text through the whole pipeline (entities and times included)."""
    from communique import analyze

    return analyze(text, published=PUBLISHED).events


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # Each conjoined "of" object names a party.
        ("The envoys of Armenia and Azerbaijan met in Abu Dhabi on Monday.", {"ARM", "AZE"}),
        # A counting noun stands in for the event noun: its verb's subject took part.
        (
            "Bolivian and Chilean officials concluded a new round of border negotiations.",
            {"BOL", "CHL"},
        ),
        # Two countries joined by a hyphen both take part.
        ("Peru-Ecuador talks ended in Quito on Monday.", {"ECU", "PER"}),
        # A noun trigger with no parties takes a clause subject naming several countries.
        (
            "The governments of Ghana, Togo and Benin announced progress in the negotiations.",
            {"BEN", "GHA", "TGO"},
        ),
    ],
)
def test_meeting_parties_in_coordinated_and_counted_phrases(text: str, countries: set[str]) -> None:
    meeting = next(e for e in _analysed(text) if e.type == "CONSULT")
    assert set(meeting.countries) >= countries


def test_counted_event_noun_takes_the_tense_of_its_verb() -> None:
    text = "Bolivian and Chilean officials concluded a new round of border negotiations."
    assert next(e for e in _analysed(text) if e.type == "CONSULT").status == "occurred"


def test_place_named_as_a_capital_in_apposition() -> None:
    text = "Delegations from Ghana and Togo held talks in Nigeria's capital, Abuja, on Friday."
    location = next(e for e in _analysed(text) if e.type == "CONSULT").location
    assert location is not None and location.country == "NGA"


def test_a_call_is_not_the_meeting_at_a_venue() -> None:
    text = (
        "Kenyan and Ugandan ministers held talks in Nairobi. "
        "The presidents of Kenya and Uganda also spoke by phone."
    )
    meetings = [e for e in _analysed(text) if e.type == "CONSULT"]
    assert sorted(e.mode or "" for e in meetings) == ["", "phone"]
    assert next(e for e in meetings if e.mode == "phone").location is None


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # A background clause dated to a day is a fact of its own ...
        (
            "The new accord builds on a declaration signed by both countries on 5 May 2024, "
            "officials in Chile and Peru said.",
            True,
        ),
        # ... one dated to a year is history told in passing.
        ("The new accord builds on a declaration signed by Chilean officials in 1990.", False),
    ],
)
def test_background_clause_kept_when_dated_to_a_day(text: str, dated: bool) -> None:
    days = [e.when.start for e in _analysed(text) if e.type == "AGREE" and e.when]
    assert ("2024-05-05" in days) == dated


def test_agreement_argued_over_is_no_agreement() -> None:
    text = "Chile and Peru sparred in Lima over a fishing deal."
    assert "AGREE" not in [e.type for e in _analysed(text)]


def test_scene_setting_phrase_does_not_take_the_main_verb_status() -> None:
    text = "At a meeting in Lima on Monday, Chile and Peru proposed a joint border commission."
    assert next(e for e in _analysed(text) if e.type == "CONSULT").status == "occurred"


def test_title_parsed_as_a_conjunct_adds_no_party() -> None:
    from communique import analyze

    text = (
        "The talks follow a meeting between Japanese Foreign Minister Takeshi Iwaya and "
        "Chinese Foreign Minister Wang Yi in Beijing on Monday."
    )
    doc = analyze(text, published=PUBLISHED)
    names = {e.id: e.name for e in doc.entities}
    meeting = next(e for e in doc.events if e.type == "CONSULT")
    assert sorted(names[a] for a in meeting.actors) == ["Takeshi Iwaya", "Wang Yi"]


def test_one_sides_offer_is_not_the_agreed_meeting() -> None:
    text = (
        "Chile and Peru will hold another round of talks next month. "
        '"We are ready to talk," the Chilean foreign minister said.'
    )
    meetings = [e for e in _analysed(text) if e.type == "CONSULT"]
    planned = next(e for e in meetings if e.status == "planned")
    assert set(planned.countries) == {"CHL", "PER"}
    assert len(planned.evidence) == 1


def test_a_visit_is_not_the_summit_held_during_it() -> None:
    text = (
        "The leaders of Chile, Peru and Bolivia will meet for a summit in Lima on 7 May. "
        "On 7 May, the president of Bolivia will visit Peru."
    )
    meetings = [e for e in _analysed(text) if e.type == "CONSULT"]
    assert sorted(sorted(e.countries) for e in meetings) == [
        ["BOL", "CHL", "PER"],
        ["BOL", "PER"],
    ]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Peru's foreign minister called his Chilean counterpart on Monday.", "phone"),
        ("Peru's army chief contacted his Chilean counterpart on Monday.", None),
        ("Peru's president called the vote a sham.", "none"),
        ("Peru's president called a snap election for June.", "none"),
        ("Peru's president called off a visit to Chile.", "none"),
        ("Peru's president called for talks with Chile.", "none"),
    ],
)
def test_calling_and_contacting_a_counterpart(text: str, mode: str | None) -> None:
    meetings = [e for e in _analysed(text) if e.type == "CONSULT" and e.status == "occurred"]
    if mode == "none":
        assert not meetings
    else:
        assert meetings and meetings[0].mode == mode
        assert set(meetings[0].countries) == {"CHL", "PER"}


def test_time_of_the_clause_not_of_the_report() -> None:
    text = "Officials said on Friday that talks between Chile and Peru are set to resume next week."
    meeting = next(e for e in _analysed(text) if e.type == "CONSULT")
    assert meeting.when is not None and meeting.when.text == "next week"


def test_time_introduced_by_a_participle() -> None:
    text = (
        "Chile and Peru held talks in Lima on Monday. "
        "Technical talks will be held in Quito starting Thursday."
    )
    planned = next(e for e in _analysed(text) if e.status == "planned")
    assert planned.when is not None and planned.when.text == "Thursday"


def test_next_round_continues_the_talks_told() -> None:
    text = (
        "Chile and Peru held talks in Lima on Monday, with Brazilian diplomats present. "
        "Chilean and Peruvian experts also met in Arica on Tuesday. Peru's envoy praised "
        "Brazil and thanked Brazilian mediators. The next round of talks will take place in Quito."
    )
    planned = next(e for e in _analysed(text) if e.type == "CONSULT" and e.status == "planned")
    assert sorted(planned.countries) == ["CHL", "PER"]


def test_subject_raised_by_a_passive_takes_part() -> None:
    text = "Chile and Peru are expected to hold a new round of border talks in Lima."
    meeting = next(e for e in _analysed(text) if e.type == "CONSULT")
    assert sorted(meeting.countries) == ["CHL", "PER"]


def test_the_two_stand_for_the_parties() -> None:
    text = (
        "Chile and Peru signed a fisheries accord in Lima on Monday. "
        "The two defence ministers will meet in Arica next month."
    )
    planned = next(e for e in _analysed(text) if e.type == "CONSULT")
    assert sorted(planned.countries) == ["CHL", "PER"]


def test_past_tense_outranks_a_date_read_as_still_to_come() -> None:
    from communique.events import _candidates

    doc = parsed("Chile and Peru had agreed on the text of a treaty in April.")
    mention_entity(doc, "e1", "Chile", "GPE", "CHL")
    mention_entity(doc, "e2", "Peru", "GPE", "PER")
    timex_for(doc, "April", "2025-04-01", "2025-04-30")  # read as the coming April
    agreed = next(c for c in _candidates(doc) if c.entry.type == "AGREE")
    assert agreed.status == "occurred"

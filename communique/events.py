"""Events stage: who met, talked to, agreed with, threatened or attacked whom, and with what status.

Triggers come from `data/event_triggers.tsv` and are found on the single spaCy parse (verbs
and nouns, with phrasal forms such as "hold talks" or "phone call"). Participants come from
the dependency parse and the entities stage (a person or group with no country of its own
takes the country of the place it acts in; an event with no one named as target targets its
place, as CAMEO/PLOVER code it); status from tense, modality, negation and the
cues of `data/status_cues.tsv`; place, time, topics and source from the parse, the timexes and
the statements. Mentions of one happening in an article are merged into one event.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from communique.document import Document, Entity, Event, Location, Mention, Timex, When
from communique.eventlex import (
    MAX_ALIAS_TOKENS,
    StatusCue,
    TriggerEntry,
    country_of_words,
    has_phrase,
    reporting_verbs,
    status_cues,
    topics_in,
    triggers_by_lemma,
)
from communique.pipeline import register

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Dependency relations through which a trigger is the content of a governing word
#: ("agreed to meet", "demanded talks", "postponed the summit").
CONTENT_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "dobj",
        "pobj",
        "prep",
        "acomp",
        "attr",
        "oprd",
        "nsubjpass",
        "nsubj",
        "agent",
        "pcomp",
        "advcl",
    }
)
#: Conjunctions of adverbial clauses that tell a circumstance (time, cause, concession) of
#: the main clause rather than its content: their events keep their own status.
CIRCUMSTANCE_MARKERS = frozenset(
    {
        "after",
        "before",
        "since",
        "when",
        "while",
        "because",
        "as",
        "although",
        "though",
        "until",
        "once",
        "whereas",
    }
)
#: Prepositions that name what an act is about ("talks over the deal", "a row about the accord").
TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning"})
#: Prepositions of phrases that tell the time or occasion of their verb, not its content.
CIRCUMSTANCE_PREPS = frozenset({"during", "amid", "following", "after", "before", "since"})
#: The type whose condition clause names its target ("threatened to X unless Y does Z").
ULTIMATUM_TYPE = "THREATEN"
#: Conjunctions of condition clauses.
CONDITION_MARKERS = frozenset({"if", "unless"})
#: The type of a demand that can be the purpose of a protest, the protest's type, and the
#: relations of a purpose clause ("staged a sit-in to demand X").
PURPOSE_TYPE = "REQUEST"
PROTEST_TYPE = "PROTEST"
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl"})
#: How many governing words up the tree are read for status cues.
MAX_GOVERNOR_DEPTH = 4
#: Relations whose subtree belongs to another participant or clause, not to the argument's name.
ARG_SKIP_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "cc", "punct", "conj"})
#: Dependents of an argument head that may name its country ("Romanian officials").
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
#: Trigger types whose addressee is the subject of the complement ("demanded that X leave").
ADDRESSEE_TYPES = frozenset({"REQUEST", "THREATEN"})
#: Prepositions whose object is a recipient of the event.
RECIPIENT_PREPS = frozenset({"with", "to", "on", "against", "from", "toward", "towards", "upon"})
#: Prepositions inside an object phrase whose object is the event's recipient ("threatened
#: action against X", "rejected calls by X", "cut ties with X", "aid for X", "the removal of
#: X", "the computers of X's officers").
NOMINAL_RECIPIENT_PREPS = RECIPIENT_PREPS | frozenset({"by", "into", "over", "of", "for"})
#: Prepositions of the trigger whose object phrase may name the recipient further in
#: ("mobilized reservists for a war against X", "hack into the computers of X").
PHRASE_HOLDER_PREPS = frozenset({"for", "into", "over"})
#: How many nested prepositional phrases of an object are read for its recipient.
NOMINAL_DEPTH = 3
#: Types whose place is a venue, never the target: the CAMEO/PLOVER coding convention gives
#: an event with no one named as its target the place it happens in ("a curfew in X",
#: "aid deliveries in X were suspended"), but a meeting's place is only where it was held.
VENUE_TYPES = frozenset({"CONSULT"})
#: Types that give or promise something: with an abstract object ("offering a pathway",
#: "giving hope") they are figures of speech, not events.
TRANSFER_TYPES = frozenset({"AGREE", "AID", "CONCEDE"})
#: Relations that attach a clause describing a participant or circumstance rather than the
#: sentence's news ("a jet carrying monitors", "the curfew imposed after the coup").
BACKGROUND_DEPS = frozenset({"relcl", "acl"})
#: Verb tags of participial adjuncts ("..., killing one person", "..., backed by Y").
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
#: Tag of a hyphen inside a compound.
HYPHEN_TAG = "HYPH"
#: Tags of plural nouns.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Tags of relative pronouns, which stand for the noun a relative clause modifies.
RELATIVE_TAGS = frozenset({"WP", "WDT"})
#: Part of speech of trigger entries that are auxiliaries of obligation ("Y must leave").
MODAL_POS = "MODAL"
#: Possessive pronoun tag: "its troops" are the actor's own, not a recipient.
POSSESSIVE_TAG = "PRP$"
#: Prepositions whose object is the event's place.
PLACE_PREPS = frozenset({"in", "at"})
#: Words of going somewhere, whose "to X" is where the event takes place ("a visit to X",
#: "will travel to X for talks").
DESTINATION_HEADS = frozenset({"visit", "trip", "travel", "tour", "journey", "fly", "return"})
#: Prepositions by which an argument's own phrase places it ("rebels in X", "students
#: throughout X", "a group based in X").
OWN_PLACE_PREPS = frozenset({"in", "throughout", "across", "inside"})
#: Country codes of international bodies (ours for the UN system, EU bodies and other IGOs):
#: they name no state, so they are neither a home country nor a domestic actor's.
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR"})
#: Entity types that are persons or bodies acting in a country.
DOMESTIC_ENTITY_TYPES = frozenset({"PERSON"})
#: Entity labels of spaCy's named entities that are times, never participants.
TIME_LABELS = frozenset({"DATE", "TIME"})
#: Entity labels (ours and spaCy's) that name a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Determiners by which a noun trigger refers back to a happening told before.
ANAPHORIC_DETS = frozenset({"the", "that", "this", "these", "those", "such"})
#: Section kinds whose events never stand as occurred or planned facts.
NON_REPORTING_SECTIONS = frozenset({"faq", "commentary", "interview"})
#: Statuses an event in a non-reporting section may not keep.
FACTUAL_STATUSES = frozenset({"occurred", "ongoing", "planned"})
#: Commissive trigger statuses: the governed event inherits them ("offered to negotiate").
COMMISSIVE_TYPES = frozenset({"AGREE"})
#: Number of context countries that stand in for "both sides", "the two countries" and the like.
GENERIC_PARTY_COUNT = 2
#: Events of a kind each of two countries must have taken part in for a later mention that
#: names no one ("the next round of talks") to be read as theirs.
TOLD_PARTY_EVENTS = 2
#: The mode of a meeting held at a distance (a call), which has no venue.
REMOTE_MODE = "phone"
#: The mode of one party's visit to another.
VISIT_MODE = "visit"
#: Confidence of an event by how it was found: a verb trigger with both sides resolved ...
CONF_VERB_BOTH = 0.9
#: ... a verb trigger with one side ...
CONF_VERB_ONE = 0.75
#: ... a noun trigger with participants read from the parse ...
CONF_NOUN = 0.65
#: ... participants guessed from the context ...
CONF_GUESSED = 0.5
#: ... no participants at all.
CONF_BARE = 0.4
#: Factor applied to events told in a background clause (relative, participial).
CONF_BACKGROUND = 0.6
#: Factor applied to events told only in FAQ, commentary or interview sections.
CONF_NON_REPORTING = 0.5
#: Working status of a noun trigger whose clause tells nothing: it can only add to an event.
VAGUE = "vague"
#: Section kinds whose text reports no events (tables of contents, page furniture).
SKIPPED_SECTIONS = frozenset({"toc", "boilerplate"})
#: Statuses of one future happening told with more or less commitment ("intend", "scheduled").
FUTURE_PHASE = frozenset({"planned", "proposed"})


@dataclass
class _Party:
    entity_id: str | None
    country: str | None
    generic: bool = False
    #: A person or group the text gives no country for ("President X", "the police",
    #: "ethnic Albanians"): it takes the country of the place it acts in.
    domestic: bool = False
    #: A country the party is named after but does not belong to ("ethnic Albanians").
    foreign: str | None = None


@dataclass
class _Candidate:
    """One trigger mention, before merging."""

    token: Token
    entry: TriggerEntry
    status: str
    conditions: list[str]
    actors: list[_Party]
    recipients: list[_Party]
    location: Location | None
    when: When | None
    topics: list[str]
    source: str | None
    section: str
    evidence: Mention
    confidence: float
    anaphoric: bool
    cued: bool = False
    guessed: bool = False


class EventExtractor:
    """Finds events in the parse and assigns `doc.events`."""

    name = "communique.events.v1"
    version = "1"
    requires: tuple[str, ...] = (
        "spacy_doc",
        "entities",
        "timexes",
        "statements",
        "sections",
        "article.published",
    )
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        if doc.spacy_doc is None:
            return doc
        try:
            candidates = list(_candidates(doc))
            doc.events = _merge(doc, candidates)
        finally:
            _TOKEN_ENTITIES.clear()
        return doc


@register(EventExtractor.name)
def make_events() -> EventExtractor:
    return EventExtractor()


# --- detection ---------------------------------------------------------------------------------


def _pos_ok(token: Token, pos: str) -> bool:
    if pos == "VERB":
        return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    return token.pos_ in ("NOUN", "PROPN")


def _dependent_lemmas(token: Token) -> Iterator[Token]:
    """Children and grandchildren through a preposition, particle or compound."""
    for child in token.children:
        yield child
        if child.dep_ in ("prep", "prt", "dobj", "compound", "amod", "nsubjpass"):
            yield from child.children


def _obligation(token: Token) -> TriggerEntry | None:
    """A REQUEST told as a reported obligation: "X said Y must leave" (X asks Y to leave).

    The clause must be the complement of a speech verb that is not itself a trigger, so that
    "agreed that they must cooperate" stays an agreement.
    """
    if token.dep_ != "ccomp" or token.head.lemma_.lower() not in reporting_verbs():
        return None
    for child in token.children:
        if child.dep_ != "aux":
            continue
        for entry in triggers_by_lemma().get(child.lemma_.lower(), ()):
            if entry.pos == MODAL_POS and _plain_trigger(token.head) is None:
                return entry
    return None


def match_trigger(token: Token) -> tuple[TriggerEntry, Token | None] | None:
    """The trigger entry a token heads, with the dependent that completes a phrase."""
    modal = _obligation(token) if token.pos_ in ("VERB", "AUX") else None
    if modal is not None:
        return modal, None
    return _plain_trigger(token)


def _plain_trigger(token: Token) -> tuple[TriggerEntry, Token | None] | None:
    """The lexical trigger entry a token heads, with the dependent that completes a phrase.

    A verb used as an adjective ("the long-threatened invasion", "the agreed plan")
    describes the noun it modifies and is no event of its own.
    """
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the long-awaited and long-threatened offensive"
    if first.dep_ == "amod" and token.tag_ in PARTICIPLE_TAGS:
        return None
    entries = triggers_by_lemma().get(token.lemma_.lower()) or triggers_by_lemma().get(
        token.text.lower()
    )
    if not entries:
        return None
    for entry in entries:
        if not _pos_ok(token, entry.pos):
            continue
        if entry.without_dep and any(c.dep_ == entry.without_dep for c in token.children):
            continue
        if entry.with_lemma is None:
            return entry, None
        for dep in _dependent_lemmas(token):
            if _time_phrase(dep):
                continue  # "called X on Monday" is no "call on"
            if dep.lemma_.lower() == entry.with_lemma or dep.text.lower() == entry.with_lemma:
                return entry, dep
    return None


def _time_phrase(token: Token) -> bool:
    """A preposition whose object is a time ("on Monday", "in May")."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in TIME_LABELS for c in token.children
    )


def _governors(token: Token, *, circumstances: bool = True) -> Iterator[Token]:
    """Words the token is the content of, nearest first, up to MAX_GOVERNOR_DEPTH.

    Without `circumstances`, the chain stops at an adverbial clause of time, cause or
    concession ("..., after X shot down Y"), whose event does not take the main verb's status.
    """
    current = token
    while current.dep_ == "compound" and current.head.i != current.i:
        current = current.head  # "aid deliveries": the phrase's head is what is governed
    for _ in range(MAX_GOVERNOR_DEPTH):
        if current.dep_ not in CONTENT_DEPS or current.head.i == current.i:
            return
        if (
            not circumstances
            and current.dep_ == "advcl"
            and any(
                c.dep_ == "mark" and c.lemma_.lower() in CIRCUMSTANCE_MARKERS
                for c in current.children
            )
        ):
            return  # "..., after X shot down Y": a circumstance, not what the verb is about
        if not circumstances and _circumstance_phrase(current):
            return  # "At a meeting in X, they agreed ...": the meeting is not what was agreed
        current = current.head
        yield current


def _circumstance_phrase(token: Token) -> bool:
    """A prepositional phrase that sets the scene of its verb: one of time or occasion
    ("during", "amid", "following") or one put before the verb ("At a meeting in X, ...")."""
    if token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
        return False
    return token.lemma_.lower() in CIRCUMSTANCE_PREPS or token.i < token.head.i


def _triggers(sent: Span) -> dict[int, tuple[TriggerEntry, Token | None]]:
    """Trigger matches in a sentence by token index, phrase parts not counted twice."""
    found: dict[int, tuple[TriggerEntry, Token | None]] = {}
    consumed: set[int] = set()
    for token in sent:
        match = match_trigger(token)
        if match is None:
            continue
        found[token.i] = match
        if match[1] is not None:
            consumed.add(match[1].i)
    return {i: m for i, m in found.items() if i not in consumed}


def _kept_triggers(
    sent: Span,
) -> Iterator[tuple[Token, TriggerEntry, str | None, Token | None]]:
    """Triggers that stand as events, with a status inherited from a commissive governor and
    the demand a protest is made for.

    A trigger that is the content of another ("threatened to stop talks") is part of that
    event; but a commissive ("agreed to meet", "offered to negotiate") yields to the event it
    promises, which takes the commissive's status. A demand that is the purpose of a protest
    ("staged a strike to demand X") is what the protest is about, not another event.
    """
    found = _triggers(sent)
    dropped: set[int] = set()
    inherited: dict[int, str] = {}
    for i in sorted(found):
        token = sent.doc[i]
        for gov in _governors(token):
            if gov.i not in found or gov.i in dropped:
                continue
            outer = found[gov.i][0]
            if outer.type in COMMISSIVE_TYPES and found[i][0].type != outer.type:
                dropped.add(gov.i)
                inherited[i] = outer.status or "planned"
            else:
                dropped.add(i)
            break
    purposes: dict[int, Token] = {}
    for i in sorted(found):
        protest = _protest_of_purpose(sent.doc[i], found) if i not in dropped else None
        if protest is not None and protest.i not in dropped:
            dropped.add(i)
            purposes[protest.i] = sent.doc[i]
    for i in sorted(found):
        if i not in dropped:
            entry, _ = found[i]
            yield sent.doc[i], entry, inherited.get(i), purposes.get(i)


def _protest_of_purpose(
    token: Token, found: dict[int, tuple[TriggerEntry, Token | None]]
) -> Token | None:
    """The protest a demand trigger is the purpose clause of ("went on strike to demand X")."""
    if found[token.i][0].type != PURPOSE_TYPE or token.dep_ not in PURPOSE_DEPS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    head = token.head
    for cand in (head, *(c for c in head.children if c.dep_ in ("dobj", "nsubj", "attr"))):
        if cand.i in found and found[cand.i][0].type == PROTEST_TYPE:
            return cand
    return None


# --- participants --------------------------------------------------------------------------


def _stand_in(token: Token) -> Token:
    """The noun a trigger noun is counted by ("a new round of talks", "a series of meetings"),
    which takes the trigger's place in the clause; else the trigger itself."""
    head = token.head
    if (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "pobj"
        and head.lemma_ == "of"
        and head.head.pos_ == "NOUN"
        and has_phrase(head.head.lemma_, "partitive_noun")
    ):
        return head.head
    return token


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def _argument_tokens(head: Token) -> Iterator[Token]:
    """The argument's own words, nearest to the head first (relative clauses left out)."""
    queue = [head]
    seen = {head.i}
    while queue:
        token = queue.pop(0)
        yield token
        for child in token.children:
            if child.i in seen or child.dep_ in ARG_SKIP_DEPS:
                continue
            if child.dep_ == "prep" and child.lemma_ not in ("of", "from"):
                continue
            seen.add(child.i)
            queue.append(child)


@lru_cache(maxsize=4096)
def _actor_resolution(text: str) -> tuple[str | None, str | None]:
    """(country, sector) of a name or title via the actors knowledge base, when present."""
    try:
        resolve = importlib.import_module("communique.actors").resolve_actor
    except (ImportError, AttributeError):
        return None, None
    try:
        result: Any = resolve(text)
    except Exception:  # noqa: BLE001 - a missing resolution is not an error here
        return None, None
    if not isinstance(result, dict):
        return None, None
    country, sector = result.get("country"), result.get("sector")
    return (str(country) if country else None), (str(sector) if sector else None)


def _resolve_actor_country(text: str) -> str | None:
    """Country of a name via the actors knowledge base."""
    return _actor_resolution(text)[0]


def _is_actor_noun(text: str) -> bool:
    """Whether a phrase names a person or group by role ("the police", "rebels", "President X")."""
    country, sector = _actor_resolution(text)
    return sector is not None and country not in INTERNATIONAL_CODES


def _span_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1].text


def _people_of_place(head: Token) -> str | None:
    """The country of a people named with a place's demonym ("Bosnian Serbs", "Iraqi Kurds"):
    a plural demonym modified by another country's demonym lives in that other country."""
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    own = _country_of_tokens([head])
    if own is None:
        return None
    for child in head.children:
        if child.dep_ in ("amod", "compound") and child.i < head.i:
            place = _country_of_tokens([child])
            if place is not None and place != own:
                return place
    return None


def _own_place_country(doc: Document, head: Token) -> str | None:
    """The country of a place in the argument's own phrase ("rebels in X", "a group based in X")."""
    for child in head.children:
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "acl":
            preps = [c for c in child.children if c.dep_ == "prep"]
        for prep in preps:
            if prep.lemma_ not in OWN_PLACE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                ent = _entity_of(doc, obj)
                if ent is not None and ent.type in ("GPE", "LOC") and ent.country:
                    return ent.country
                country = _country_of_tokens(list(obj.subtree))
                if country is not None:
                    return country
    return None


def _party(doc: Document, head: Token) -> list[_Party]:
    """The participants an argument head names: entities, or countries read from its words.

    The head's own entity wins; otherwise all the countries among its modifiers ("US and
    British forces", "Hungarian and Romanian officials"); otherwise the nearest one in its
    phrase ("leaders of Romania's government"). A person or group named with no country
    ("President X", "the police", "ethnic Albanians") is kept as a domestic party, whose country
    is the place's where its own phrase does not give one ("rebels in X").
    """
    tokens = list(_argument_tokens(head))
    span_text = _span_text(tokens)
    if any(c.dep_ == "amod" and has_phrase(c.text, "ethnic_marker") for c in head.children):
        # "ethnic Albanians": a people named by descent, living where the event is told.
        descent = _country_of_tokens([head])
        return [_Party(None, _own_place_country(doc, head), domestic=True, foreign=descent)]
    people_of = _people_of_place(head)
    if people_of is not None:
        return [_Party(None, people_of)]
    ent = _entity_of(doc, head)
    if ent is not None and not ent.country and ent.type not in DOMESTIC_ENTITY_TYPES:
        # "the leaders of X, Y and Z" taken for a name: the places in its phrase say who.
        phrase = _phrase_parties(doc, tokens)
        if len(phrase) > 1:
            return phrase
    of_country = _of_country(doc, head)
    if ent is not None and of_country is not None and ent.country != of_country:
        # "the president of Armenia": the office's country outranks a guessed referent.
        return [_Party(None, of_country)]
    modifiers = [m for c in head.children if c.dep_ in MODIFIER_DEPS for m in _conjuncts(c)]
    found = [p for p in (_modifier_party(doc, m) for m in modifiers) if p is not None]
    if ent is not None and len({p.country for p in found if p.country}) > 1:
        # "Hungarian and Romanian officials": conjoined modifiers name one party each.
        return found
    if ent is not None and not ent.country and has_phrase(span_text, "generic_participants"):
        return [_Party(None, None, generic=True)]  # "the two sides" taken for a name
    if ent is not None:
        country = ent.country or _country_of_tokens(tokens)
        if country is None and ent.type in ("PERSON", "ORG"):
            country = _resolve_actor_country(span_text) or _own_place_country(doc, head)
        domestic = country is None and (
            ent.type in DOMESTIC_ENTITY_TYPES or _is_actor_noun(span_text)
        )
        return [_Party(ent.id, country, domestic=domestic)]
    if found:
        return found
    phrase = _phrase_parties(doc, tokens)
    if phrase:
        return phrase
    if has_phrase(span_text, "generic_participants"):
        return [_Party(None, None, generic=True)]
    country = _country_of_tokens(tokens)
    if country is None and head.pos_ == "PROPN":
        country = _resolve_actor_country(span_text)
    if country is None:
        country = _own_place_country(doc, head)
    if country is None and head.pos_ in ("NOUN", "PROPN") and _is_actor_noun(span_text):
        return [_Party(None, None, domestic=True)]
    return [_Party(None, country)] if country else []


def _phrase_parties(doc: Document, tokens: list[Token]) -> list[_Party]:
    """The first entity named in an argument's own phrase (after its head), with the
    entities conjoined to it: "the envoys of X and Y" names a party each."""
    head = _entity_of(doc, tokens[0])
    for token in tokens[1:]:
        ent = _entity_of(doc, token)
        if ent is not None and ent is not head:
            own = [_Party(ent.id, ent.country or _country_of_tokens(tokens))]
            return own + [p for conj in _conjuncts(token)[1:] for p in _party(doc, conj)]
    return []


def _of_country(doc: Document, head: Token) -> str | None:
    """The country of a common noun's "of" place ("leaders of Romania"), if it names one."""
    if head.pos_ != "NOUN":
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lemma_ != "of":
            continue
        for obj in prep.children:
            ent = _entity_of(doc, obj) if obj.dep_ == "pobj" else None
            if ent is not None and ent.type == "GPE" and ent.country:
                return ent.country
    return None


def _entity_of(doc: Document, token: Token) -> Entity | None:
    ent = _entity_at_token(doc, token)
    return ent if ent is not None and ent.type != "MEDIA" else None


_TOKEN_ENTITIES: list[tuple[Document, dict[int, Entity]]] = []


def _entity_at_token(doc: Document, token: Token) -> Entity | None:
    """`Document.entity_at` for a token, from an index of the document built once."""
    if not _TOKEN_ENTITIES or _TOKEN_ENTITIES[0][0] is not doc:
        _TOKEN_ENTITIES[:] = [(doc, _token_entities(doc))]
    return _TOKEN_ENTITIES[0][1].get(token.i)


def _token_entities(doc: Document) -> dict[int, Entity]:
    """Each token's entity: the one whose mention overlaps it most, the first on a tie."""
    assert doc.spacy_doc is not None
    best: dict[int, tuple[int, Entity]] = {}
    for ent in doc.entities:
        for m in ent.mentions:
            span = doc.spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                overlap = min(m.end, tok.idx + len(tok.text)) - max(m.start, tok.idx)
                if overlap > 0 and (tok.i not in best or overlap > best[tok.i][0]):
                    best[tok.i] = (overlap, ent)
    return {i: ent for i, (_, ent) in best.items()}


def _modifier_party(doc: Document, token: Token) -> _Party | None:
    ent = _entity_of(doc, token)
    if ent is not None:
        return _Party(ent.id, ent.country, domestic=not ent.country and ent.type == "PERSON")
    country = _country_of_tokens(list(token.subtree))
    return _Party(None, country) if country else None


def _country_of_tokens(tokens: list[Token]) -> str | None:
    ordered = sorted(tokens, key=lambda t: t.i)
    words = [t.text for t in ordered]
    for token in tokens:
        start = ordered.index(token)
        hit = country_of_words(words[start : start + 4])
        if hit is not None and hit[1] == 0:
            return hit[0]
    hit = country_of_words(words)
    return hit[0] if hit else None


def _parties(doc: Document, heads: Iterable[Token]) -> list[_Party]:
    parties: list[_Party] = []
    for head in heads:
        conjuncts = _conjuncts(head)
        for conj in conjuncts:
            if _title_of_next(doc, conj, conjuncts):
                continue
            parties.extend(_party(doc, conj))
            for pair in _hyphen_pairs(conj):
                parties.extend(_party(doc, pair))  # "X-Y talks": both name a party
            if conj.tag_ in PLURAL_TAGS:
                # "the governments of X, Y and Z" parsed with Y apposed: a plural's members.
                for appos in (c for c in conj.children if c.dep_ == "appos"):
                    parties.extend(_party(doc, appos))
    return parties


def _title_of_next(doc: Document, token: Token, conjuncts: list[Token]) -> bool:
    """A title parsed as a conjunct of its own ("X and [Chinese Foreign Minister] [Wang Yi]"):
    it names no one but the person conjunct right after it."""
    if _entity_of(doc, token) is not None or token.i + 1 >= len(token.doc):
        return False
    person = _entity_of(doc, token.doc[token.i + 1])
    return (
        person is not None
        and person.type == "PERSON"
        and any(_entity_of(doc, c) is person for c in conjuncts if c.i > token.i)
    )


def _hyphen_pairs(token: Token) -> list[Token]:
    """Proper nouns joined to a token by a hyphen ("Iran-US", "US-Iran")."""
    doc = token.doc
    return [
        c
        for c in token.children
        if c.dep_ == "compound"
        and c.pos_ == "PROPN"
        and c.i == token.i - 2
        and doc[c.i + 1].tag_ == HYPHEN_TAG
    ]


def _subject(token: Token) -> tuple[list[Token], list[Token]]:
    """(active subjects, passive subjects) of a verb, borrowed from a governor when missing."""
    current: Token | None = token
    raised = False
    for _ in range(MAX_GOVERNOR_DEPTH):
        if current is None:
            break
        active = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        passive = [c for c in current.children if c.dep_ == "nsubjpass"]
        if current.dep_ == "relcl" and current.head.i != current.i:
            # "the minister, who met X": the relative pronoun stands for the modified noun.
            active = [current.head if c.tag_ in RELATIVE_TAGS else c for c in active]
            passive = [current.head if c.tag_ in RELATIVE_TAGS else c for c in passive]
        if raised and passive and not active:
            return passive, []  # "X and Y are expected to meet": X and Y are the ones meeting
        if active or passive:
            return active, passive
        raised = current.dep_ == "xcomp"
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp") and current.head.i != current.i:
            current = current.head
        else:
            break
    return [], []


def _governor_subjects(doc: Document, token: Token) -> list[_Party]:
    """Participants of the nearest governing clause's subject ("X said they would meet")."""
    for gov in _governors(token):
        subjects = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
        parties = [p for p in _parties(doc, subjects) if p.country or p.entity_id]
        if parties:
            return parties
    return []


def _arguments(
    doc: Document, token: Token, phrase_dep: Token | None, entry_type: str
) -> tuple[list[_Party], list[_Party]]:
    """(actors, recipients) of a trigger from the dependency parse."""
    if entry_type == MODAL_POS:
        # The speaker of the reported obligation asks; the clause's subject is asked.
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        return _governor_subjects(doc, token), _parties(doc, subjects)
    actor_heads: list[Token] = []
    recipient_heads: list[Token] = []
    passive_clause = False
    holders = [token] + ([phrase_dep] if phrase_dep is not None else [])
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i != getattr(
                phrase_dep, "i", -1
            ):
                actor_heads.append(child)
        holder = _stand_in(token)
        if holder.dep_ in ("dobj", "attr") and holder.head.pos_ in ("VERB", "AUX"):
            active, _ = _subject(holder.head)
            actor_heads.extend(active)
    else:
        active, passive = _subject(token)
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
        if passive or (agents and not active):
            # A reduced passive ("the accord signed by X") has its agent and no subject.
            passive_clause = True
            actor_heads.extend(agents)
            recipient_heads.extend(passive)
        else:
            actor_heads.extend(active)
        for child in token.children:
            if child.dep_ in ("dobj", "dative", "iobj") and (
                phrase_dep is None or child.i != phrase_dep.i
            ):
                recipient_heads.append(child)
    for child in _holder_preps(holders):
        objs = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in TIME_LABELS]
        if child.lemma_ == "between":
            actor_heads.extend(objs)
        elif child.lemma_ in RECIPIENT_PREPS:
            recipient_heads.extend(objs)
    if entry_type in ADDRESSEE_TYPES and not _explicit(_parties(doc, recipient_heads)):
        for child in token.children:
            if child.dep_ in ("ccomp", "xcomp"):
                recipient_heads.extend(c for c in child.children if c.dep_ == "nsubj")
    if entry_type == ULTIMATUM_TYPE and not _explicit(_parties(doc, recipient_heads)):
        # "threatened to stop talks if / unless Y ...": the threat is aimed at Y.
        recipient_heads.extend(_condition_subjects(token))
    if token.pos_ in ("VERB", "AUX") and not _explicit(_parties(doc, recipient_heads)):
        recipient_heads.extend(_purpose_addressees(token))
    actors = _parties(doc, actor_heads)
    recipients = _own_removed(doc, recipient_heads, actors)
    if any(p.country for p in recipients):
        # An unnamed role noun with no country stands in only when no one else is named
        # ("provided intelligence to X": the intelligence is given, X is the recipient).
        recipients = [p for p in recipients if p.country or p.entity_id or not p.domestic]
    if not any(p.country or p.entity_id for p in recipients):
        phrase_objs = [
            o
            for p in _holder_preps(holders)
            if p.lemma_ in PHRASE_HOLDER_PREPS or p.i == getattr(phrase_dep, "i", -1)
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if phrase_dep is not None and phrase_dep.dep_ == "prep":
            phrase_objs += [o for o in phrase_dep.children if o.dep_ == "pobj"]
        own = [token] if token.pos_ in ("NOUN", "PROPN") else []  # "the invasion of X"
        nominal = _nominal_recipients(doc, recipient_heads + holders[1:] + phrase_objs + own)
        recipients = nominal or recipients
    # A pronoun subject stands for the governing clause's ("X said they would meet"); an
    # agentless passive ("three were killed, police said") names no actor at all.
    pronoun_subject = all(h.pos_ == "PRON" for h in actor_heads) and not (
        passive_clause and not actor_heads
    )
    if (
        token.pos_ not in ("NOUN", "PROPN")
        and pronoun_subject
        and not any(p.country or p.entity_id for p in actors)
    ):
        actors = _governor_subjects(doc, token) or actors
    if not recipients:
        recipients = _content_recipients(doc, token)
    if token.pos_ in ("NOUN", "PROPN") and not actors and not recipients:
        actors = _collective_subject(doc, token)
    return actors, recipients


def _collective_subject(doc: Document, token: Token) -> list[_Party]:
    """The parties of a clause whose subject names several countries, for a noun trigger that
    names none ("X and Y announced a breakthrough in the negotiations")."""
    for gov in _governors(token):
        active = _subject(gov)[0] if gov.pos_ in ("VERB", "AUX") else []
        if not active:
            continue
        parties = _parties(doc, active)
        return parties if len(_countries(parties)) >= GENERIC_PARTY_COUNT else []
    return []


def _condition_subjects(token: Token) -> list[Token]:
    """Subjects of the condition clauses ("if Y goes ahead", "unless Y accepts") of a trigger
    or of its complement."""
    clauses = [token, *(c for c in token.children if c.dep_ in ("xcomp", "ccomp"))]
    return [
        subj
        for clause in clauses
        for adv in clause.children
        if adv.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lemma_.lower() in CONDITION_MARKERS for m in adv.children)
        for subj in adv.children
        if subj.dep_ in ("nsubj", "nsubjpass")
    ]


def _purpose_addressees(token: Token) -> list[Token]:
    """The object of the verb a purpose infinitive depends on ("summoned X to complain")."""
    if token.dep_ not in ("advcl", "xcomp") or token.head.pos_ not in ("VERB", "AUX"):
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return []
    return [c for c in token.head.children if c.dep_ == "dobj"]


def _holder_preps(holders: list[Token]) -> Iterator[Token]:
    """Prepositions of the trigger's words, also through a particle ("kidnapped up to X")."""
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep":
                yield child
            elif child.dep_ == "prt":
                yield from (c for c in child.children if c.dep_ == "prep")


def _own_removed(doc: Document, heads: list[Token], actors: list[_Party]) -> list[_Party]:
    """Recipients of the heads, less the actor's own ("withdraw its troops", "their people")."""
    own = {p.country for p in actors if p.country}
    own_ids = {p.entity_id for p in actors if p.entity_id}
    parties: list[_Party] = []
    for head in heads:
        found = _parties(doc, [head])
        if any(c.dep_ == "poss" and c.tag_ == POSSESSIVE_TAG for c in head.children):
            found = [
                p
                for p in found
                if p.country not in own and not p.domestic and p.entity_id not in own_ids
            ]
        parties.extend(found)
    return parties


def _nominal_recipients(doc: Document, heads: list[Token]) -> list[_Party]:
    """Recipients named inside an object phrase ("threatened action against X").

    The phrase is read level by level down to NOMINAL_DEPTH nested prepositional phrases
    ("reservists for a war against X", "the computers of X's officers"); the first level that
    names a participant wins.
    """
    level = heads
    for _ in range(NOMINAL_DEPTH):
        objs = [
            o
            for head in level
            for conj in _conjuncts(head)
            for p in conj.children
            if p.dep_ == "prep" and p.lemma_ in NOMINAL_RECIPIENT_PREPS
            for o in p.children
            if o.dep_ == "pobj" and o.ent_type_ not in TIME_LABELS
        ]
        objs += [
            o
            for head in level
            for acl in head.children
            if acl.dep_ == "acl"
            for agent in acl.children
            if agent.dep_ == "agent"
            for o in agent.children
            if o.dep_ == "pobj"
        ]  # "crimes committed by X", "property seized by X"
        found = [p for p in _parties(doc, objs) if p.country or p.entity_id]
        if found or not objs:
            return found
        level = objs
    return []


def _content_recipients(doc: Document, token: Token) -> list[_Party]:
    """Recipients read from the trigger's complement ("threatened to strike at X") or purpose
    clause ("opened fire to disperse X")."""
    for child in token.children:
        if child.pos_ not in ("VERB", "AUX"):
            continue
        purpose = child.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        )
        if child.dep_ not in ("xcomp", "ccomp") and not purpose:
            continue
        heads = [c for c in child.children if c.dep_ in ("dobj", "dative")]
        heads += [
            o
            for p in child.children
            if p.dep_ == "prep" and p.lemma_ in RECIPIENT_PREPS
            for o in p.children
            if o.dep_ == "pobj"
        ]
        parties = [p for p in _parties(doc, heads) if p.country or p.entity_id or p.domestic]
        parties = parties or _nominal_recipients(doc, heads)
        if parties:
            return parties
    return []


# --- status ----------------------------------------------------------------------------------


def _clause_verbs(token: Token) -> list[Token]:
    """The trigger and the verbs it depends on as content, nearest first.

    A verb conjunct with no subject of its own ("was due to meet X and discuss Y") shares the
    clause of the first conjunct, which follows it in the chain.
    """
    first = _first_conjunct(token)
    if first is None:
        return [token, *_governors(token, circumstances=False)]
    return [token, first, *_governors(first, circumstances=False)]


def _first_conjunct(token: Token) -> Token | None:
    """The first of a row of verbs sharing one subject, for a later verb of the row."""
    if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return None
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first if first.pos_ in ("VERB", "AUX") else None


def _condition_text(clause: Token) -> str:
    return clause.doc[clause.left_edge.i : clause.right_edge.i + 1].text


def _condition_markers(word: Token, trigger: Token) -> Iterator[tuple[str, Token]]:
    """Condition cues in a clause word's own dependents (the cue's form as listed, and the
    clause it opens).

    "if"/"unless" open their clause; "contingent (upon)", "provided", "on condition that" head
    theirs. Dependents that are the trigger's own clause or another complement are skipped.
    """
    cues = status_cues()
    # "talks could resume once X": with a future or modal clause, a time clause is a condition.
    modal = any(c.dep_ == "aux" and ("aux", c.lemma_.lower()) in cues for c in word.children)
    for child in word.children:
        if child.i == trigger.i or child.dep_ in ("ccomp", "xcomp", "relcl", "conj"):
            continue
        for sub in child.subtree:
            # "provided" and "providing" are listed as written: their lemma is the verb's
            form = next(
                (
                    f
                    for f in (sub.lemma_.lower(), sub.lower_)
                    if ("marker", f) in cues or (modal and ("modal_marker", f) in cues)
                ),
                None,
            )
            if form is None:
                continue
            if sub.dep_ == "mark":
                yield form, sub.head
            elif sub.pos_ in ("ADJ", "VERB", "NOUN", "ADP"):
                yield form, sub
            break


def _condition_opener(clause: Token) -> str | None:
    """A participle right before a clause that makes it a condition ("provided that",
    "providing"), whatever the parse attached the clause to; None if there is none."""
    first = clause.left_edge.i
    if first == 0:
        return None
    before = clause.doc[first - 1]
    if before.tag_ in ("VBN", "VBG") and ("antecedent", before.lower_) in status_cues():
        return before.lower_
    return None


def _backshifted(word: Token) -> bool:
    """Whether a clause is reported after a past speech verb, its tenses shifted back ("said
    X would visit Y" reports "X will visit Y"); a copula ("would be useful") is left out."""
    head = word.head
    return (
        word.dep_ == "ccomp"
        and word.lemma_ != "be"
        and head.tag_ in ("VBD", "VBN")
        and head.lemma_.lower() in reporting_verbs()
    )


def _past_perfect(word: Token) -> bool:
    """Whether a word's clause is in the past perfect ("had planned", "had been due")."""
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in word.children):
        return True
    return word.dep_ == "acomp" and word.head.i != word.i and _past_perfect(word.head)


#: Subordinators of a noun's content clause ("reports that X met Y", "rumours of whether").
CONTENT_MARKS = frozenset({"that", "whether"})


def _antecedent_role(token: Token, clause: Token) -> str | None:
    """How a trigger takes part in a condition clause it sits in, or None when outside it.

    "asserted": the clause tells the event itself ("if the two leaders meet", "if they hold
    talks"), which is then only a possibility; "presupposed": the event is the clause's
    subject or a definite noun, taken as given ("if the talks fail", "contingent on the
    ceasefire holding").
    """
    current = token
    presupposed = _is_anaphoric(token)
    while current.i != clause.i:
        if current.dep_ in ("nsubj", "nsubjpass", "csubj"):
            presupposed = True
        if current.head.i == current.i:
            return None
        current = current.head
    return "presupposed" if presupposed else "asserted"


def _content_clause_noun(word: Token) -> Token | None:
    """The noun whose content clause ("reports that ...", "claims that ...") holds the word."""
    if word.dep_ != "acl" or word.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "mark" and c.lemma_.lower() in CONTENT_MARKS for c in word.children):
        return None
    return word.head


def _status(
    token: Token, entry: TriggerEntry, inherited: str | None
) -> tuple[str | None, list[str], bool]:
    """(status from cues, condition texts, negated) of a trigger's clause; None: no cue."""
    cues = status_cues()
    best: StatusCue | None = None
    conditions: list[str] = []
    negated = False

    def consider(where: str, lemma: str) -> None:
        nonlocal best
        cue = cues.get((where, lemma.lower()))
        if cue is not None and (best is None or cue.rank > best.rank):
            best = cue

    chain = _clause_verbs(token)
    # A later verb of a conjoined row is followed by the row's first verb, whose clause it shares.
    in_row = token.dep_ == "conj" and len(chain) > 1
    crossed_clause = False
    for depth, word in enumerate(chain):
        if crossed_clause:
            # Beyond a complement clause only the governing word itself counts ("denied that").
            consider("governor", word.lemma_)
            continue
        if depth > 0 and not (in_row and depth == 1):
            prt = [c.lemma_ for c in word.children if c.dep_ == "prt"]
            for p in prt:
                consider("governor", f"{word.lemma_} {p}")
            if not prt:  # a phrasal verb is another verb: "set up" is not "set"
                consider("governor", word.lemma_)
                consider("governor", word.text)
                if _past_perfect(word):
                    consider("past_perfect", word.lemma_)
            if chain[depth - 1].dep_ == "xcomp":
                consider("xcomp_governor", word.lemma_)
        if word.dep_ in ("ccomp", "advcl") and (opener := _condition_opener(word)) is not None:
            # "provided (that) X", "providing X": the clause X is a condition, only possible
            consider("antecedent", opener)
        reported = _backshifted(word)
        for child in word.children:
            if child.dep_ in ("aux", "auxpass"):
                if reported and ("reported_aux", child.lemma_.lower()) in cues:
                    consider("reported_aux", child.lemma_)
                else:
                    consider("aux", child.lemma_)
            elif child.dep_ == "neg" or child.lemma_ in ("never",):
                if depth > 0 and ("negated_governor", word.lemma_.lower()) in cues:
                    # "has not been confirmed": the event is left open, not denied.
                    consider("negated_governor", word.lemma_)
                else:
                    negated = True
            elif child.dep_ in ("acomp", "xcomp") and child.i != token.i and depth > 0:
                consider("governor", child.lemma_)
        for marker, clause in _condition_markers(word, token):
            inside = _antecedent_role(token, clause)
            if inside == "presupposed":
                # "if the talks fail": the talks are taken as given, not told anew.
                return VAGUE, [], False
            if inside == "asserted":
                consider("antecedent", marker)
                continue
            consider("marker", marker)
            consider("modal_marker", marker)
            text = _condition_text(clause)
            if text not in conditions:
                conditions.append(text)
        if word.dep_ == "ccomp" or (word.dep_ == "conj" and not (in_row and depth == 0)):
            crossed_clause = True
    top = chain[-1]
    headline_root = top.dep_ == "ROOT" or (top.dep_ in ("relcl", "acl") and top.head.dep_ == "ROOT")
    if headline_root and any(c.dep_ == "aux" and c.tag_ == "TO" for c in top.children):
        consider("root_infinitive", "to")  # headline "X to visit Y": a plan
    noun = _content_clause_noun(top)
    if noun is not None:
        # "denied reports that X had met Y": the clause takes the stance toward its noun.
        consider("governor", noun.lemma_)
        if noun.dep_ in CONTENT_DEPS and noun.head.i != noun.i:
            consider("governor", noun.head.lemma_)
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ in ("amod", "compound", "acl", "nmod"):
                consider("modifier", child.lemma_)
                consider("modifier", child.text)
            elif child.dep_ == "det":
                consider("det", child.lemma_)
    if best is None and inherited:
        return inherited, conditions, negated
    if best is None and entry.status:
        return entry.status, conditions, negated
    return (best.status if best else None), conditions, negated


def _tense_status(token: Token) -> str | None:
    """occurred or ongoing from the verb's tense, for a clause with no status cue.

    A noun trigger takes the tense of the verb it is a direct argument of ("held a meeting",
    "a meeting took place"); one hanging off another noun ("tracks for discussion") has none.
    """
    verb = token
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head  # "a mediation effort": the tense of the phrase's head
    if token.pos_ in ("NOUN", "PROPN"):
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if head.i == token.i or head.pos_ not in ("VERB", "AUX"):
            return None
        verb = head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "ongoing"
    return "occurred"


# --- place, time, topics ---------------------------------------------------------------------


def _phrase_tokens(token: Token) -> Iterator[Token]:
    """The trigger's own phrase, clauses of other events left out."""
    for sub in token.subtree:
        path = sub
        inside = True
        while path.i != token.i:
            if path.dep_ in ("relcl", "ccomp", "xcomp", "advcl", "conj") and path.pos_ in (
                "VERB",
                "AUX",
            ):
                inside = False
                break
            path = path.head
        if inside:
            yield sub


def _place(doc: Document, token: Token, phrase_dep: Token | None) -> Location | None:
    """The place phrase ("in X", "at X") of the trigger's phrase or its governing verb."""
    holders = list(_phrase_tokens(token))
    if token.pos_ in ("NOUN", "PROPN"):
        # A place phrase is often attached to the clause's verb rather than to the noun.
        for gov in _governors(token):
            holders.extend(gov.children)
            if gov.pos_ in ("VERB", "AUX"):
                break
    first: Location | None = None
    for holder in holders:
        if holder.dep_ != "prep":
            continue
        if holder.lemma_ not in PLACE_PREPS and not (
            holder.lemma_ == "to" and holder.head.lemma_.lower() in DESTINATION_HEADS
        ):
            continue
        for obj in holder.children:
            if obj.dep_ != "pobj":
                continue
            text = obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text
            if has_phrase(text, "unspecified_venue"):
                return Location(text, None, "unspecified")
            if obj.pos_ == "NOUN":
                # "in the town of X", "at the port of X": the place is the "of" object;
                # "in X's capital, Y": the apposed name, else the possessor.
                named = [
                    o
                    for p in obj.children
                    if p.dep_ == "prep" and p.lemma_ == "of"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
                named += [c for c in obj.children if c.dep_ == "appos"]
                named += [c for c in obj.children if c.dep_ == "poss"]
                obj = next((o for o in named if _is_place(doc, o)), named[0] if named else obj)
            ent = _entity_at_token(doc, obj)
            if not _is_place(doc, obj):
                continue
            country = ent.country if ent is not None and ent.country else None
            if country is None:
                country = _country_of_tokens(list(obj.subtree))
            if country is None and first is None:
                # "in the town of X in Y": a later place phrase may say the country.
                first = Location(text, None, "place")
                continue
            if first is not None:
                return Location(first.text, country, "place")
            return Location(text, country, "place")
    if first is not None:
        return first
    for child in token.children:
        if child.dep_ in ("acl", "relcl") and token.pos_ in ("NOUN", "PROPN"):
            return _place(doc, child, None)
    return None


def _is_place(doc: Document, token: Token) -> bool:
    """Whether a token names a place (a place entity or a place label of the parser)."""
    ent = _entity_at_token(doc, token)
    return token.ent_type_ in PLACE_LABELS or (ent is not None and ent.type in ("GPE", "LOC"))


def _timex_root(doc: Document, timex: Timex) -> Token | None:
    span = doc.spacy_doc.char_span(timex.start, timex.end, alignment_mode="expand")  # type: ignore[union-attr]
    return span.root if span is not None and len(span) else None


def _when(doc: Document, token: Token) -> tuple[When | None, Timex | None]:
    """The timex attached to the trigger's clause, as a `When` with ISO dates."""
    anchors = {token.i}
    if token.pos_ in ("NOUN", "PROPN"):
        anchors.update(c.i for c in token.children if c.dep_ in ("acl", "relcl"))
    for gov in _governors(token):
        anchors.add(gov.i)
        if gov.pos_ in ("VERB", "AUX"):
            # The clause's own verb and its verb chain ("talks are set to resume next week"),
            # not the verb that reports the clause ("said on Monday that talks will ...").
            anchors.update(v.i for v in _verb_chain(gov))
            break
    sent = token.sent
    best: tuple[int, Timex] | None = None
    for timex in doc.timexes:
        if timex.start < sent.start_char or timex.end > sent.end_char:
            continue
        root = _timex_root(doc, timex)
        if root is None:
            continue
        current = root
        attached = False
        for _ in range(8):
            if current.i in anchors:
                attached = True
                break
            if current.head.i == current.i:
                break
            current = current.head
            if current.pos_ in ("VERB", "AUX") and current.i not in anchors:
                if current.tag_ == "VBG" and has_phrase(current.lemma_, "time_participle"):
                    continue  # "held starting Wednesday"
                break
        if not attached:
            continue
        distance = abs(timex.start - token.idx)
        if best is None or distance < best[0]:
            best = (distance, timex)
    if best is None:
        return None, None
    timex = best[1]
    if timex.interval is not None:
        return When(timex.text, timex.interval.start, timex.interval.end), timex
    value = timex.value or ""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return When(timex.text, value[:10], value[:10]), timex
    return When(timex.text, None, None), timex


def _verb_chain(verb: Token) -> Iterator[Token]:
    """The verbs completing a verb in its own clause ("set to resume", "expected to begin")."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            yield child
            yield from _verb_chain(child)


def _topics(token: Token) -> list[str]:
    """Topics named in the trigger's sentence, and in the next one when this ends in a colon."""
    sent = token.sent
    text = sent.text
    if text.rstrip().endswith(":") and sent.end < len(sent.doc):
        text += " " + sent.doc[sent.end].sent.text
    return topics_in(text)


# --- candidates ------------------------------------------------------------------------------


def _source(doc: Document, offset: int) -> str | None:
    for statement in doc.statements:
        if statement.start <= offset < statement.end:
            return statement.id
    return None


def _is_anaphoric(token: Token) -> bool:
    """A definite noun trigger ("the meeting", "that meeting") that refers back."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        (c.dep_ == "det" and c.lemma_ in ANAPHORIC_DETS) or c.dep_ == "poss" for c in token.children
    )


def _confidence(
    token: Token, entry: TriggerEntry, actors: list[_Party], recipients: list[_Party]
) -> float:
    if token.pos_ in ("NOUN", "PROPN"):
        base = CONF_NOUN if actors or recipients else CONF_BARE
    elif actors and recipients:
        base = CONF_VERB_BOTH
    elif actors or recipients:
        base = CONF_VERB_ONE
    else:
        base = CONF_BARE
    return round(base * (0.7 + 0.3 * entry.strength), 3)


def _in_background_clause(token: Token) -> bool:
    """Whether the trigger sits in a clause that describes rather than reports.

    Relative and reduced relative clauses ("the jet carrying monitors") and participial
    adjuncts without a subject of their own ("..., killing one person") tell background.
    """
    current = token
    while current.head.i != current.i:
        if current.dep_ in BACKGROUND_DEPS:
            return True
        if (
            current.dep_ == "advcl"
            and current.tag_ in PARTICIPLE_TAGS
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
        ):
            return True
        current = current.head
    return False


def _explicit(parties: list[_Party]) -> bool:
    return any(not p.generic and (p.country or p.entity_id) for p in parties)


def _figurative(token: Token, entry: TriggerEntry) -> bool:
    """A giving or offering verb whose object is abstract ("offering a pathway")."""
    if entry.type not in TRANSFER_TYPES or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in ("dobj", "dative", "iobj") and has_phrase(c.lemma_, "abstract_object")
        for c in token.children
    )


def _told_as_past(token: Token) -> bool:
    """Whether the trigger's verb is in a past tense ("met", "had agreed"), which outranks a
    date that reads as still to come."""
    verb = token
    if token.pos_ in ("NOUN", "PROPN"):
        head = token.head.head if token.dep_ == "pobj" else token.head
        verb = head if head.pos_ in ("VERB", "AUX") else token
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False  # "would meet", "will have met"
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _call_to_no_one(doc: Document, token: Token, entry: TriggerEntry) -> bool:
    """A calling verb whose object is no party ("called an election", "called a halt"): the
    verb does not report a call."""
    if entry.mode != REMOTE_MODE or token.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "oprd")]
    return bool(objects) and not any(
        p.country or p.entity_id or p.domestic for p in _parties(doc, objects)
    )


def _topic_only(token: Token, entry: TriggerEntry) -> bool:
    """An agreement named as what others argue or talk about ("clash over the deal", "a row
    about the accord"): the subject matter of another act, not a report that it was reached."""
    if entry.type not in COMMISSIVE_TYPES or token.pos_ not in ("NOUN", "PROPN"):
        return False
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lemma_.lower() in TOPIC_PREPS
        and prep.head.i != token.i
    )


def _sentence_mention(sent: Span) -> Mention:
    """The sentence as evidence, without the whitespace the parser leaves at its edges."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    stripped = text.strip()
    return Mention(start, start + len(stripped), stripped)


def _candidates(doc: Document) -> Iterator[_Candidate]:
    spacy_doc = doc.spacy_doc
    assert spacy_doc is not None
    published = doc.article.published
    homes = _HomeCountries(doc)
    for sent in spacy_doc.sents:
        for token, entry, inherited, purpose in _kept_triggers(sent):
            if _figurative(token, entry) or _topic_only(token, entry):
                continue
            if _call_to_no_one(doc, token, entry):
                continue
            match = match_trigger(token)
            phrase_dep = match[1] if match else None
            cue_status, conditions, negated = _status(token, entry, inherited)
            when, _ = _when(doc, token)
            status = cue_status or _tense_status(_stand_in(token)) or VAGUE
            if (
                cue_status is None
                and when is not None
                and when.start
                and published
                and (when.start > published)
                and not _told_as_past(_stand_in(token))
            ):
                status = "planned"
            if negated and status not in ("denied", "conditional"):
                status = "negated"
            if conditions and status not in ("denied", "negated"):
                status = "conditional"
            role = MODAL_POS if entry.pos == MODAL_POS else entry.type
            actors, recipients = _arguments(doc, token, phrase_dep, role)
            if purpose is not None and not _explicit(recipients):
                # The protest is addressed to whom its demand is ("to demand X of Y").
                demand = match_trigger(purpose)
                demand_dep = demand[1] if demand else None
                recipients = _arguments(doc, purpose, demand_dep, PURPOSE_TYPE)[1] or recipients
            confidence = _confidence(token, entry, actors, recipients)
            if _in_background_clause(token):
                # Background is kept when it names both sides ("the deal X signed with Y"),
                # several parties ("the accord initialled by X and Y teams") or its day
                # ("signed on 5 May"), unless a year or decade dates it: history in passing.
                both = _explicit(actors) and _explicit(recipients)
                several = len(_countries(actors + recipients)) >= GENERIC_PARTY_COUNT and (
                    when is None or when.start == when.end
                )
                dated = (
                    when is not None
                    and when.start is not None
                    and when.start == when.end
                    and bool(actors + recipients)
                )
                if not (both or several or dated):
                    continue
                confidence = round(confidence * CONF_BACKGROUND, 3)
            section = doc.section_kind_at(token.idx)
            evidence = _sentence_mention(sent)
            location = _place(doc, token, phrase_dep)
            target = _target_place(doc, token, location)
            _fill_domestic(homes, sent, target, actors + recipients)
            if (
                entry.type not in VENUE_TYPES
                and target is not None
                and target.country
                and not _explicit(recipients)
                and len(_countries(actors)) <= 1
            ):
                recipients = [*recipients, _Party(None, target.country)]
            yield _Candidate(
                token=token,
                entry=entry,
                status=status,
                conditions=conditions,
                actors=actors,
                recipients=recipients,
                location=location,
                when=when,
                topics=_topics(token),
                source=_source(doc, token.idx),
                section=section,
                evidence=evidence,
                confidence=confidence,
                anaphoric=_is_anaphoric(token) and not actors and not recipients,
                cued=cue_status is not None,
            )


def _target_place(doc: Document, token: Token, location: Location | None) -> Location | None:
    """The place the event acts on: its own, else that of its complement ("threatened to
    impose a curfew in X")."""
    if location is not None and location.kind == "place":
        return location
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            place = _place(doc, child, None)
            if place is not None and place.kind == "place":
                return place
    return None


class _HomeCountries:
    """Where a document names countries, read once, to tell which country a span is about."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._hits: list[tuple[int, str]] | None = None

    def hits(self) -> list[tuple[int, str]]:
        """(offset, ISO3) of every country name or demonym, and of people and bodies whose
        entity has a country but whose words name none ("the Taliban")."""
        if self._hits is None:
            self._hits = _word_country_hits(self.doc)
            covered = {offset for offset, _ in self._hits}
            for ent in self.doc.entities:
                if not ent.country or ent.country in INTERNATIONAL_CODES:
                    continue
                for m in ent.mentions:
                    if not any(m.start <= o < m.end for o in covered):
                        self._hits.append((m.start, ent.country))
            self._hits.sort()
        return self._hits

    def around(self, start: int, end: int, foreign: set[str]) -> str | None:
        """The one country named most often in a span's sentence, paragraph or article;
        None when no country leads (a tie is no evidence of where the event is)."""
        text = self.doc.text
        para_start = text.rfind("\n\n", 0, start) + 1
        para_end = text.find("\n\n", end)
        para_end = len(text) if para_end < 0 else para_end
        for lo, hi in ((start, end), (para_start, para_end), (0, len(text))):
            counts = Counter(
                code
                for offset, code in self.hits()
                if lo <= offset < hi and code not in INTERNATIONAL_CODES and code not in foreign
            )
            top = counts.most_common(2)
            if top and (len(top) == 1 or top[0][1] > top[1][1]):
                return top[0][0]
        return None


def _word_country_hits(doc: Document) -> list[tuple[int, str]]:
    """(offset, ISO3) of the country names and demonyms among a document's words."""
    assert doc.spacy_doc is not None
    tokens = list(doc.spacy_doc)
    words = [t.text for t in tokens]
    hits: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        hit = country_of_words(words[i : i + MAX_ALIAS_TOKENS])
        if hit is not None and hit[1] == 0:
            hits.append((tokens[i].idx, hit[0]))
            i += hit[2]
        else:
            i += 1
    return hits


def _fill_domestic(
    homes: _HomeCountries, sent: Span, location: Location | None, parties: list[_Party]
) -> None:
    """Give domestic parties with no country the country they act in.

    That is the event's place ("police fired on protesters in X"), else the country the
    sentence, its paragraph or the article is about (the one named most often there).
    """
    pending = [p for p in parties if p.domestic and p.country is None]
    if not pending:
        return
    home = location.country if location is not None and location.kind == "place" else None
    foreign = {p.foreign for p in pending if p.foreign}
    home = home or homes.around(sent.start_char, sent.end_char, foreign)
    for party in pending:
        party.country = home


# --- merging and records ---------------------------------------------------------------------


def _context_countries(doc: Document, offset: int) -> list[str]:
    """The most frequent countries named around an offset: its paragraph, else the article."""
    text = doc.text
    para_start = text.rfind("\n\n", 0, offset) + 1
    para_end = text.find("\n\n", offset)
    para_end = len(text) if para_end < 0 else para_end
    for lo, hi in ((para_start, para_end), (0, len(text))):
        counts = _country_counts(doc, lo, hi)
        if len(counts) >= GENERIC_PARTY_COUNT:
            return [c for c, _ in counts.most_common(GENERIC_PARTY_COUNT)]
    return []


def _country_counts(doc: Document, lo: int, hi: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    if doc.entities:
        for ent in doc.entities:
            if ent.country:
                counts[ent.country] += sum(1 for m in ent.mentions if lo <= m.start < hi)
        return +counts
    assert doc.spacy_doc is not None
    span = doc.spacy_doc.char_span(lo, hi, alignment_mode="contract")
    if span is None:
        return counts
    words = [t.text for t in span]
    i = 0
    while i < len(words):
        hit = country_of_words(words[i : i + 4])
        if hit is not None and hit[1] == 0:
            counts[hit[0]] += 1
            i += hit[2]
        else:
            i += 1
    return counts


def _fill_generic(doc: Document, cand: _Candidate, told: list[Event]) -> None:
    """Stand in for "both sides" or for a noun trigger's missing parties: the parties of the
    happenings of its kind told before it ("the next round of talks"), else the countries
    named most around it."""
    generic = any(p.generic for p in cand.actors + cand.recipients)
    if not generic and (cand.actors or cand.recipients):
        return
    context = _told_parties(told, cand.entry.type) or _context_countries(doc, cand.token.idx)
    if not context:
        cand.actors = [p for p in cand.actors if not p.generic]
        cand.recipients = [p for p in cand.recipients if not p.generic]
        return
    cand.actors = [p for p in cand.actors if not p.generic] + [_Party(None, c) for c in context]
    cand.recipients = [p for p in cand.recipients if not p.generic]
    cand.guessed = True
    cand.confidence = min(cand.confidence, CONF_GUESSED)


def _told_parties(told: list[Event], etype: str) -> list[str]:
    """The two countries taking part in most events of a type told so far, when two lead and
    each took part in at least TOLD_PARTY_EVENTS of them (a recurring pair, not one aside)."""
    votes = Counter(
        c
        for e in told
        if e.type == etype and len(e.countries) >= GENERIC_PARTY_COUNT
        for c in e.countries
        if c not in INTERNATIONAL_CODES
    )
    top = votes.most_common(GENERIC_PARTY_COUNT + 1)
    if len(top) < GENERIC_PARTY_COUNT or top[GENERIC_PARTY_COUNT - 1][1] < TOLD_PARTY_EVENTS:
        return []
    if len(top) > GENERIC_PARTY_COUNT and top[-1][1] == top[GENERIC_PARTY_COUNT - 1][1]:
        return []
    return sorted(c for c, _ in top[:GENERIC_PARTY_COUNT])


def _countries(parties: list[_Party]) -> list[str]:
    return sorted({p.country for p in parties if p.country})


def _ids(parties: list[_Party]) -> list[str]:
    out: list[str] = []
    for p in parties:
        if p.entity_id and p.entity_id not in out:
            out.append(p.entity_id)
    return out


def _overlaps(a: When | None, b: When | None) -> bool:
    if a is None or b is None or not (a.start and a.end and b.start and b.end):
        return True
    return a.start <= b.end and b.start <= a.end


def _compatible(event: Event, cand: _Candidate, *, ignore_status: bool = False) -> bool:
    if event.type != cand.entry.type:
        return False
    if (
        not ignore_status
        and not _same_phase(event.status, cand.status)
        and not (cand.anaphoric and not cand.cued)
    ):
        return False
    cand_countries = set(_countries(cand.actors + cand.recipients))
    countries = set(event.countries)
    if (
        cand_countries
        and countries
        and not (cand_countries <= countries or countries <= cand_countries)
    ):
        return False
    if not _overlaps(event.when, cand.when):
        return False
    if _call_and_venue(event, cand):
        return False
    if (
        VISIT_MODE in (event.mode, cand.entry.mode)
        and cand_countries
        and cand_countries != countries
    ):
        return False  # X's visit to Y is not the summit of more parties held during it
    if (
        not ignore_status
        and event.status != cand.status
        and not cand.anaphoric
        and cand_countries
        and cand_countries < countries
    ):
        return False  # one side's offer ("we are ready to talk") is not the agreed meeting
    loc_a, loc_b = event.location, cand.location
    return not (
        loc_a is not None
        and loc_b is not None
        and loc_a.kind == loc_b.kind == "place"
        and loc_a.country != loc_b.country
    )


def _call_and_venue(event: Event, cand: _Candidate) -> bool:
    """Whether one is a call and the other a meeting at a named place: a call has no venue."""

    def placed(loc: Location | None) -> bool:
        return loc is not None and loc.kind == "place"

    return (event.mode == REMOTE_MODE and placed(cand.location)) or (
        cand.entry.mode == REMOTE_MODE and placed(event.location)
    )


def _same_phase(a: str, b: str) -> bool:
    """Whether two statuses can describe one happening within one article."""
    return a == b or {a, b} <= FUTURE_PHASE


def _mode(etype: str, base: str | None, countries: list[str], loc: Location | None) -> str | None:
    """The PLOVER mode: the trigger's own, or for meetings multilateral / third-party venue."""
    if etype != "CONSULT" or base == REMOTE_MODE:
        return base
    if len(countries) > GENERIC_PARTY_COUNT:
        return "multilateral"
    if loc is not None and (
        loc.kind == "unspecified" or (loc.country and countries and loc.country not in countries)
    ):
        return "third-party"
    return base


def _record(cand: _Candidate) -> Event:
    parties = cand.actors + cand.recipients
    countries = _countries(parties)
    return Event(
        id="",
        type=cand.entry.type,
        mode=_mode(cand.entry.type, cand.entry.mode, countries, cand.location),
        status=cand.status,
        actors=_ids(cand.actors),
        recipients=_ids(cand.recipients),
        countries=countries,
        location=cand.location,
        when=cand.when,
        topics=list(cand.topics),
        conditions=list(cand.conditions),
        source=cand.source,
        verification="single-source",
        evidence=[cand.evidence],
        section=cand.section,
        confidence=cand.confidence,
        actor_countries=_countries(cand.actors),
        recipient_countries=_countries(cand.recipients),
    )


def _absorb(event: Event, cand: _Candidate) -> None:
    """Add a further mention of the same happening to an event."""
    event.actors = _ids([_Party(i, None) for i in event.actors] + cand.actors)
    event.recipients = _ids([_Party(i, None) for i in event.recipients] + cand.recipients)
    event.actor_countries = sorted(set(event.actor_countries) | set(_countries(cand.actors)))
    event.recipient_countries = sorted(
        set(event.recipient_countries) | set(_countries(cand.recipients))
    )
    event.countries = sorted(set(event.countries) | set(_countries(cand.actors + cand.recipients)))
    if event.location is None or (
        event.location.kind == "unspecified"
        and cand.location is not None
        and cand.location.kind == "place"
    ):
        event.location = cand.location or event.location
    if event.when is None or event.when.start is None:
        event.when = cand.when or event.when
    event.topics.extend(t for t in cand.topics if t not in event.topics)
    event.conditions.extend(c for c in cand.conditions if c not in event.conditions)
    if event.source is None:
        event.source = cand.source
    if all(e.start != cand.evidence.start for e in event.evidence):
        event.evidence.append(cand.evidence)
    event.confidence = max(event.confidence, cand.confidence)
    base = None if event.mode in ("third-party", "multilateral") else event.mode
    event.mode = _mode(event.type, base or cand.entry.mode, event.countries, event.location)
    if event.status == "proposed" and cand.status == "planned":
        event.status = "planned"


def _merge(doc: Document, candidates: list[_Candidate]) -> list[Event]:
    """One event per happening; FAQ, commentary and interview mentions never add facts."""
    events: list[Event] = []
    reporting = [c for c in candidates if c.section not in NON_REPORTING_SECTIONS]
    others = [c for c in candidates if c.section in NON_REPORTING_SECTIONS]
    for cand in reporting:
        if cand.section in SKIPPED_SECTIONS:
            continue
        if cand.status == VAGUE:
            target = _find(events, cand, ignore_status=True)
            if target is not None:
                _absorb(target, cand)
            continue
        target = _find(events, cand)
        if target is None:
            _fill_generic(doc, cand, events)
            target = _find(events, cand) if cand.guessed else None
        if target is not None:
            _absorb(target, cand)
        else:
            events.append(_record(cand))
    background = list(events)
    for cand in others:
        if _find(background, cand, ignore_status=True) is not None:
            continue
        if not cand.actors and not cand.recipients:
            continue
        if cand.status in FACTUAL_STATUSES:
            cand.status = "hypothetical"
        cand.confidence = round(cand.confidence * CONF_NON_REPORTING, 3)
        target = _find(events[len(background) :], cand)
        if target is None:
            _fill_generic(doc, cand, events)
            events.append(_record(cand))
        else:
            _absorb(target, cand)
    kinds = Counter(e.type for e in events)
    events = [e for e in events if not (_empty(e) and kinds[e.type] > 1)]
    for n, event in enumerate(events, start=1):
        event.id = f"v{n}"
        event.recipients = [r for r in event.recipients if r not in event.actors]
    return list(events)


def _empty(event: Event) -> bool:
    """A bare mention that no one takes part in and nothing else backs ("the talks").

    Beside another event of its type it is most likely a loose mention of that one.
    """
    return (
        not event.actors
        and not event.recipients
        and not event.countries
        and len(event.evidence) == 1
        and event.confidence <= CONF_BARE
    )


def _find(events: list[Event], cand: _Candidate, *, ignore_status: bool = False) -> Event | None:
    """The latest event the candidate can be a mention of."""
    for event in reversed(events):
        if _compatible(event, cand, ignore_status=ignore_status) and (
            cand.anaphoric
            or _shares_party(event, cand)
            or (ignore_status and not cand.actors and not cand.recipients)
        ):
            return event
    return None


def _shares_party(event: Event, cand: _Candidate) -> bool:
    """Whether a non-anaphoric mention shares participants (or time) with an event."""
    cand_countries = set(_countries(cand.actors + cand.recipients))
    if cand_countries and set(event.countries) & cand_countries:
        return True
    cand_ids = set(_ids(cand.actors + cand.recipients))
    if cand_ids & set(event.actors + event.recipients):
        return True
    return (
        not cand_countries
        and not cand_ids
        and cand.when is not None
        and event.when is not None
        and cand.when.start == event.when.start
    )

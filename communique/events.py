"""Events stage: who met, talked to, agreed with, threatened or attacked whom, and with what status.

Triggers come from `data/event_triggers.tsv` and are found on the single spaCy parse (verbs
and nouns, with phrasal forms such as "hold talks" or "phone call"). Participants come from
the dependency parse and the entities stage; status from tense, modality, negation and the
cues of `data/status_cues.tsv`; place, time, topics and source from the parse, the timexes and
the statements. Mentions of one happening in an article are merged into one event.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from communique.document import Document, Entity, Event, Location, Mention, Timex, When
from communique.eventlex import (
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
#: action against X", "rejected calls by X", "cut ties with X").
NOMINAL_RECIPIENT_PREPS = RECIPIENT_PREPS | frozenset({"by", "into", "over"})
#: Types whose target, when no one is named, is the place it happens in ("a curfew in X",
#: "protesters rallied in X"): the CAMEO/PLOVER coding convention for the recipient.
TARGET_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
#: Types that give or promise something: with an abstract object ("offering a pathway",
#: "giving hope") they are figures of speech, not events.
TRANSFER_TYPES = frozenset({"AGREE", "AID", "CONCEDE"})
#: Relations that attach a clause describing a participant or circumstance rather than the
#: sentence's news ("a jet carrying monitors", "the curfew imposed after the coup").
BACKGROUND_DEPS = frozenset({"relcl", "acl"})
#: Verb tags of participial adjuncts ("..., killing one person", "..., backed by Y").
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
#: Tags of relative pronouns, which stand for the noun a relative clause modifies.
RELATIVE_TAGS = frozenset({"WP", "WDT"})
#: Part of speech of trigger entries that are auxiliaries of obligation ("Y must leave").
MODAL_POS = "MODAL"
#: Possessive pronoun tag: "its troops" are the actor's own, not a recipient.
POSSESSIVE_TAG = "PRP$"
#: Prepositions whose object is the event's place.
PLACE_PREPS = frozenset({"in", "at"})
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
        candidates = list(_candidates(doc))
        doc.events = _merge(doc, candidates)
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
    """The lexical trigger entry a token heads, with the dependent that completes a phrase."""
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
            if dep.lemma_.lower() == entry.with_lemma or dep.text.lower() == entry.with_lemma:
                return entry, dep
    return None


def _governors(token: Token) -> Iterator[Token]:
    """Words the token is the content of, nearest first, up to MAX_GOVERNOR_DEPTH."""
    current = token
    for _ in range(MAX_GOVERNOR_DEPTH):
        if current.dep_ not in CONTENT_DEPS or current.head.i == current.i:
            return
        current = current.head
        yield current


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
) -> Iterator[tuple[Token, TriggerEntry, str | None]]:
    """Triggers that stand as events, with a status inherited from a commissive governor.

    A trigger that is the content of another ("threatened to stop talks") is part of that
    event; but a commissive ("agreed to meet", "offered to negotiate") yields to the event it
    promises, which takes the commissive's status.
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
    for i in sorted(found):
        if i not in dropped:
            entry, _ = found[i]
            yield sent.doc[i], entry, inherited.get(i)


# --- participants --------------------------------------------------------------------------


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


def _resolve_actor_country(text: str) -> str | None:
    """Country of a name via the actors knowledge base, when that module is present."""
    try:
        resolve = importlib.import_module("communique.actors").resolve_actor
    except (ImportError, AttributeError):
        return None
    try:
        result: Any = resolve(text)
    except Exception:  # noqa: BLE001 - a missing resolution is not an error here
        return None
    country = result.get("country") if isinstance(result, dict) else None
    return str(country) if country else None


def _party(doc: Document, head: Token) -> list[_Party]:
    """The participants an argument head names: entities, or countries read from its words.

    The head's own entity wins; otherwise all the countries among its modifiers ("US and
    British forces", "Hungarian and Romanian officials"); otherwise the nearest one in its
    phrase ("leaders of Romania's government").
    """
    tokens = list(_argument_tokens(head))
    ent = _entity_of(doc, head)
    of_country = _of_country(doc, head)
    if ent is not None and of_country is not None and ent.country != of_country:
        # "the president of Armenia": the office's country outranks a guessed referent.
        return [_Party(None, of_country)]
    if ent is not None:
        country = ent.country or _country_of_tokens(tokens)
        if country is None and ent.type in ("PERSON", "ORG"):
            span_text = head.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1].text
            country = _resolve_actor_country(span_text)
        return [_Party(ent.id, country)]
    modifiers = [m for c in head.children if c.dep_ in MODIFIER_DEPS for m in _conjuncts(c)]
    found = [p for p in (_modifier_party(doc, m) for m in modifiers) if p is not None]
    if found:
        return found
    for token in tokens[1:]:
        ent = _entity_of(doc, token)
        if ent is not None:
            return [_Party(ent.id, ent.country or _country_of_tokens(tokens))]
    span_text = head.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1].text
    if has_phrase(span_text, "generic_participants"):
        return [_Party(None, None, generic=True)]
    country = _country_of_tokens(tokens)
    if country is None and head.pos_ == "PROPN":
        country = _resolve_actor_country(span_text)
    return [_Party(None, country)] if country else []


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
    ent = doc.entity_at(token.idx, token.idx + len(token.text))
    return ent if ent is not None and ent.type != "MEDIA" else None


def _modifier_party(doc: Document, token: Token) -> _Party | None:
    ent = _entity_of(doc, token)
    if ent is not None:
        return _Party(ent.id, ent.country)
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
        for conj in _conjuncts(head):
            parties.extend(_party(doc, conj))
    return parties


def _subject(token: Token) -> tuple[list[Token], list[Token]]:
    """(active subjects, passive subjects) of a verb, borrowed from a governor when missing."""
    current: Token | None = token
    for _ in range(MAX_GOVERNOR_DEPTH):
        if current is None:
            break
        active = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        passive = [c for c in current.children if c.dep_ == "nsubjpass"]
        if current.dep_ == "relcl" and current.head.i != current.i:
            # "the minister, who met X": the relative pronoun stands for the modified noun.
            active = [current.head if c.tag_ in RELATIVE_TAGS else c for c in active]
            passive = [current.head if c.tag_ in RELATIVE_TAGS else c for c in passive]
        if active or passive:
            return active, passive
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
    holders = [token] + ([phrase_dep] if phrase_dep is not None else [])
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i != getattr(
                phrase_dep, "i", -1
            ):
                actor_heads.append(child)
        if token.dep_ in ("dobj", "attr") and token.head.pos_ in ("VERB", "AUX"):
            active, _ = _subject(token.head)
            actor_heads.extend(active)
    else:
        active, passive = _subject(token)
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
        if passive:
            actor_heads.extend(agents)
            recipient_heads.extend(passive)
        else:
            actor_heads.extend(active)
        for child in token.children:
            if child.dep_ in ("dobj", "dative", "iobj") and (
                phrase_dep is None or child.i != phrase_dep.i
            ):
                recipient_heads.append(child)
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep":
                continue
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if child.lemma_ == "between":
                actor_heads.extend(objs)
            elif child.lemma_ in RECIPIENT_PREPS:
                recipient_heads.extend(objs)
    if entry_type in ADDRESSEE_TYPES and not recipient_heads:
        for child in token.children:
            if child.dep_ in ("ccomp", "xcomp"):
                recipient_heads.extend(c for c in child.children if c.dep_ == "nsubj")
    actors = _parties(doc, actor_heads)
    recipients = _own_removed(doc, recipient_heads, actors)
    if not any(p.country or p.entity_id for p in recipients):
        recipients = _nominal_recipients(doc, recipient_heads + holders[1:]) or recipients
    pronoun_subject = all(h.pos_ == "PRON" for h in actor_heads)
    if (
        token.pos_ not in ("NOUN", "PROPN")
        and pronoun_subject
        and not any(p.country or p.entity_id for p in actors)
    ):
        actors = _governor_subjects(doc, token) or actors
    if not recipients:
        recipients = _content_recipients(doc, token)
    return actors, recipients


def _own_removed(doc: Document, heads: list[Token], actors: list[_Party]) -> list[_Party]:
    """Recipients of the heads, less the actor's own ("withdraw its troops", "their people")."""
    own = {p.country for p in actors if p.country}
    parties: list[_Party] = []
    for head in heads:
        found = _parties(doc, [head])
        if any(c.dep_ == "poss" and c.tag_ == POSSESSIVE_TAG for c in head.children):
            found = [p for p in found if p.country not in own]
        parties.extend(found)
    return parties


def _nominal_recipients(doc: Document, heads: list[Token]) -> list[_Party]:
    """Recipients named inside an object phrase ("threatened action against X")."""
    objs = [
        o
        for head in heads
        for conj in _conjuncts(head)
        for p in conj.children
        if p.dep_ == "prep" and p.lemma_ in NOMINAL_RECIPIENT_PREPS
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return [p for p in _parties(doc, objs) if p.country or p.entity_id]


def _content_recipients(doc: Document, token: Token) -> list[_Party]:
    """Recipients read from the trigger's complement ("threatened to strike at X")."""
    for child in token.children:
        if child.dep_ not in ("xcomp", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        heads = [c for c in child.children if c.dep_ in ("dobj", "dative")]
        heads += [
            o
            for p in child.children
            if p.dep_ == "prep" and p.lemma_ in RECIPIENT_PREPS
            for o in p.children
            if o.dep_ == "pobj"
        ]
        parties = [p for p in _parties(doc, heads) if p.country or p.entity_id]
        parties = parties or _nominal_recipients(doc, heads)
        if parties:
            return parties
    return []


# --- status ----------------------------------------------------------------------------------


def _clause_verbs(token: Token) -> list[Token]:
    """The trigger and the verbs it depends on as content, nearest first."""
    return [token, *_governors(token)]


def _condition_text(clause: Token) -> str:
    return clause.doc[clause.left_edge.i : clause.right_edge.i + 1].text


def _condition_markers(word: Token, trigger: Token) -> Iterator[tuple[Token, Token]]:
    """Condition cues in a clause word's own dependents, with the clause they open.

    "if"/"unless" open their clause; "contingent (upon)", "provided", "on condition that" head
    theirs. Dependents that are the trigger's own clause or another complement are skipped.
    """
    cues = status_cues()
    for child in word.children:
        if child.i == trigger.i or child.dep_ in ("ccomp", "xcomp", "relcl", "conj"):
            continue
        for sub in child.subtree:
            if ("marker", sub.lemma_.lower()) not in cues:
                continue
            if sub.dep_ == "mark":
                yield sub, sub.head
            elif sub.pos_ in ("ADJ", "VERB", "NOUN", "ADP"):
                yield sub, sub
            break


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
    crossed_clause = False
    for depth, word in enumerate(chain):
        if crossed_clause:
            # Beyond a complement clause only the governing word itself counts ("denied that").
            consider("governor", word.lemma_)
            continue
        if depth > 0:
            consider("governor", word.lemma_)
            consider("governor", word.text)
            prt = [c.lemma_ for c in word.children if c.dep_ == "prt"]
            for p in prt:
                consider("governor", f"{word.lemma_} {p}")
            if chain[depth - 1].dep_ == "xcomp":
                consider("xcomp_governor", word.lemma_)
        for child in word.children:
            if child.dep_ in ("aux", "auxpass"):
                consider("aux", child.lemma_)
            elif child.dep_ == "neg" or child.lemma_ in ("never",):
                negated = True
            elif child.dep_ in ("acomp", "xcomp") and child.i != token.i and depth > 0:
                consider("governor", child.lemma_)
        for marker, clause in _condition_markers(word, token):
            consider("marker", marker.lemma_)
            text = _condition_text(clause)
            if text not in conditions:
                conditions.append(text)
        if word.dep_ in ("ccomp", "conj"):
            crossed_clause = True
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
    for holder in holders:
        if holder.dep_ != "prep" or holder.lemma_ not in PLACE_PREPS:
            continue
        for obj in holder.children:
            if obj.dep_ != "pobj":
                continue
            text = obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text
            if has_phrase(text, "unspecified_venue"):
                return Location(text, None, "unspecified")
            if obj.pos_ == "NOUN":
                # "in the town of X", "at the port of X": the place is the "of" object.
                obj = next(
                    (
                        o
                        for p in obj.children
                        if p.dep_ == "prep" and p.lemma_ == "of"
                        for o in p.children
                        if o.dep_ == "pobj"
                    ),
                    obj,
                )
            ent = doc.entity_at(obj.idx, obj.idx + len(obj.text))
            is_place = obj.ent_type_ in PLACE_LABELS or (
                ent is not None and ent.type in ("GPE", "LOC")
            )
            if not is_place:
                continue
            country = ent.country if ent is not None and ent.country else None
            if country is None:
                country = _country_of_tokens(list(obj.subtree))
            return Location(text, country, "place")
    for child in token.children:
        if child.dep_ in ("acl", "relcl") and token.pos_ in ("NOUN", "PROPN"):
            return _place(doc, child, None)
    return None


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
        if gov.pos_ in ("VERB", "AUX") and token.pos_ not in ("NOUN", "PROPN"):
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
    for sent in spacy_doc.sents:
        for token, entry, inherited in _kept_triggers(sent):
            if _figurative(token, entry):
                continue
            match = match_trigger(token)
            phrase_dep = match[1] if match else None
            cue_status, conditions, negated = _status(token, entry, inherited)
            when, _ = _when(doc, token)
            status = cue_status or _tense_status(token) or VAGUE
            if (
                cue_status is None
                and when is not None
                and when.start
                and published
                and (when.start > published)
            ):
                status = "planned"
            if negated and status not in ("denied", "conditional"):
                status = "negated"
            if conditions and status not in ("denied", "negated"):
                status = "conditional"
            role = MODAL_POS if entry.pos == MODAL_POS else entry.type
            actors, recipients = _arguments(doc, token, phrase_dep, role)
            confidence = _confidence(token, entry, actors, recipients)
            if _in_background_clause(token):
                if not (_explicit(actors) and _explicit(recipients)):
                    continue
                confidence = round(confidence * CONF_BACKGROUND, 3)
            section = doc.section_kind_at(token.idx)
            evidence = _sentence_mention(sent)
            yield _Candidate(
                token=token,
                entry=entry,
                status=status,
                conditions=conditions,
                actors=actors,
                recipients=recipients,
                location=_place(doc, token, phrase_dep),
                when=when,
                topics=_topics(token),
                source=_source(doc, token.idx),
                section=section,
                evidence=evidence,
                confidence=confidence,
                anaphoric=_is_anaphoric(token) and not actors and not recipients,
                cued=cue_status is not None,
            )


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


def _fill_generic(doc: Document, cand: _Candidate) -> None:
    """Stand context countries in for "both sides" or for a noun trigger's missing parties."""
    generic = any(p.generic for p in cand.actors + cand.recipients)
    bare_noun = cand.token.pos_ in ("NOUN", "PROPN") and not cand.actors and not cand.recipients
    if not generic and not bare_noun:
        return
    context = _context_countries(doc, cand.token.idx)
    if not context:
        cand.actors = [p for p in cand.actors if not p.generic]
        cand.recipients = [p for p in cand.recipients if not p.generic]
        return
    cand.actors = [p for p in cand.actors if not p.generic] + [_Party(None, c) for c in context]
    cand.recipients = [p for p in cand.recipients if not p.generic]
    cand.guessed = True
    cand.confidence = min(cand.confidence, CONF_GUESSED)


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
    loc_a, loc_b = event.location, cand.location
    return not (
        loc_a is not None
        and loc_b is not None
        and loc_a.kind == loc_b.kind == "place"
        and loc_a.country != loc_b.country
    )


def _same_phase(a: str, b: str) -> bool:
    """Whether two statuses can describe one happening within one article."""
    return a == b or {a, b} <= FUTURE_PHASE


def _mode(etype: str, base: str | None, countries: list[str], loc: Location | None) -> str | None:
    """The PLOVER mode: the trigger's own, or for meetings multilateral / third-party venue."""
    if etype != "CONSULT" or base == "phone":
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
            _fill_generic(doc, cand)
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
            _fill_generic(doc, cand)
            events.append(_record(cand))
        else:
            _absorb(target, cand)
    kinds = Counter(e.type for e in events)
    events = [e for e in events if not (_empty(e) and kinds[e.type] > 1)]
    for n, event in enumerate(events, start=1):
        event.id = f"v{n}"
        event.recipients = [r for r in event.recipients if r not in event.actors]
        _target_from_place(event)
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


def _target_from_place(event: Event) -> None:
    """An attack, arrest, protest or deployment with no one named targets its place's country."""
    loc = event.location
    if (
        event.type in TARGET_PLACE_TYPES
        and not event.recipient_countries
        and loc is not None
        and loc.kind == "place"
        and loc.country
    ):
        event.recipient_countries = [loc.country]
        event.countries = sorted(set(event.countries) | {loc.country})


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

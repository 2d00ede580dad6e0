"""Coreference stage: pronouns, titles and surnames joined to the entities they refer to.

Rules, in order:
- a surname alone ("Ryabkov", "Ryabkov's") joins the one full-name PERSON ending in it;
- a definite title without a name ("the Deputy Foreign Minister", "the spokesman") joins the
  nearest preceding entity with that role (the entities stage leaves these descriptions in
  `spacy_doc.user_data["communique.anaphors"]`);
- he/she/him/her/his joins the most salient preceding compatible PERSON: the latest one,
  preferring the subject of a sentence (speaker continuity across paragraphs), gender-checked
  when the gender is known;
- group references ("the two sides", "both countries", "the two leaders"; data file
  `group_references.tsv`) become entities of type OTHER whose `members` lists the ids of the
  participants named in the sentences just before: one per country for sides and countries
  (the country's own entity when the article names the country), people for leaders;
- they/them/their joins the nearest preceding group, delegation, organisation or IGO;
- it/its joins the nearest preceding organisation, government or country in the same or the
  previous sentence (a subject first); an "it" that is not a subject stays unresolved, and one
  whose verb often makes it empty ("it is likely", `pleonastic_verbs.tsv`) is resolved only
  within its own sentence ("the ministry said it was ready").
Resolved spans are added to the entity's `mentions`, so `doc.entity_at` finds them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.actors.kb import knowledge_base, normalise
from communique.document import Document, Entity, Mention
from communique.entities import ANAPHORS_KEY
from communique.lexicon import load_table
from communique.pipeline import register

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

#: A person last mentioned further back than this many characters is not a pronoun's antecedent.
MAX_PRONOUN_DISTANCE = 2500
#: How far (in characters) a subject mention outranks a later non-subject mention.
SUBJECT_BONUS = 400
#: A group pronoun looks back at most this many sentences for its antecedent.
MAX_GROUP_SENTENCES = 2
#: Entity types a group pronoun (they/them) may refer to (OTHER: a group reference).
GROUP_TYPES = frozenset({"ORG", "IGO", "OTHER"})
#: Entity types "it"/"its" may refer to (GPE: countries and governments named by a capital).
IT_TYPES = frozenset({"ORG", "IGO", "MEDIA", "GPE"})
#: "it"/"its" looks back at most this many sentences before its own.
MAX_IT_SENTENCES = 1
#: A group reference looks for its members at most this many sentences before its own.
MAX_MEMBER_SENTENCES = 3
#: Entity types that can be a side of an encounter (outlets report, they do not negotiate).
SIDE_TYPES = frozenset({"PERSON", "ORG", "IGO", "GPE", "OTHER"})
#: Words before a place that make it the scene of an event rather than a participant.
LOCATIVE_WORDS = frozenset({"in", "at", "to", "from", "near", "outside", "inside", "into"})
#: Country codes shared by many organisations: they do not make a side of their own.
SHARED_CODES = frozenset({"IGO", "NGO"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Pronoun:
    gender: str | None
    number: str
    refers: str


@dataclass(frozen=True)
class GroupPhrase:
    words: tuple[str, ...]
    members: str  # country | person | side
    count: int | None


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, Pronoun]:
    return {
        r["pronoun"]: Pronoun(r["gender"] or None, r["number"], r["refers"])
        for r in load_table("pronouns")
    }


@lru_cache(maxsize=1)
def _group_phrases() -> dict[str, list[GroupPhrase]]:
    """Group references by their first word, longest first."""
    out: dict[str, list[GroupPhrase]] = {}
    for r in load_table("group_references"):
        words = tuple(normalise(r["phrase"]).split())
        count = int(r["count"]) if r["count"] else None
        out.setdefault(words[0], []).append(GroupPhrase(words, r["members"], count))
    for bucket in out.values():
        bucket.sort(key=lambda g: len(g.words), reverse=True)
    return out


@lru_cache(maxsize=1)
def _pleonastic_verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_table("pleonastic_verbs"))


class CoreferenceResolver:
    """Adds pronoun, title and surname mentions to `doc.entities`."""

    name = "communique.coref.v1"
    version = "1"
    requires: tuple[str, ...] = ("spacy_doc", "entities")
    assigns: tuple[str, ...] = ("entities.mentions",)

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.spacy_doc
        if sdoc is None or not doc.entities:
            return doc
        merged = _merge_surnames(doc.entities)
        subjects = _subject_starts(sdoc)
        sent_starts = [s.start_char for s in sdoc.sents]
        for anaphor in sdoc.user_data.get(ANAPHORS_KEY, []):
            ent = _title_antecedent(doc.entities, anaphor["start"], str(anaphor["role"]))
            if ent is not None:
                _add(ent, anaphor["start"], anaphor["end"], doc.text)
        groups = _group_references(doc, sdoc, sent_starts)
        covered = {(m.start, m.end) for e in doc.entities for m in e.mentions}
        for tok in sdoc:
            pronoun = _pronouns().get(tok.lower_)
            span = (tok.idx, tok.idx + len(tok.text))
            if pronoun is None or span in covered:
                continue
            if pronoun.refers == "person":
                ent = _person_antecedent(
                    doc.entities, tok.idx, pronoun, subjects, _clause_subjects(tok)
                )
                if ent is not None and ent.gender is None and pronoun.gender:
                    ent.gender = pronoun.gender
            elif pronoun.refers == "org":
                ent = None
                if tok.lower_ != "it" or tok.dep_ in SUBJECT_DEPS:
                    empty_verb = tok.lower_ == "it" and tok.head.lemma_ in _pleonastic_verbs()
                    ent = _it_antecedent(
                        doc.entities, tok.idx, sent_starts, subjects, same_sentence=empty_verb
                    )
            else:
                ent = _group_antecedent(doc.entities, tok.idx, sent_starts)
            if ent is not None:
                _add(ent, span[0], span[1], doc.text)
        for ent in doc.entities:
            ent.mentions.sort(key=lambda m: (m.start, m.end))
        if merged or groups:
            _renumber(doc.entities, groups)
        return doc


def _renumber(entities: list[Entity], groups: dict[int, list[Entity]]) -> None:
    """Ids e1, e2, ... in order of first mention; group members follow their new ids."""
    entities.sort(key=lambda e: (e.mentions[0].start, e.mentions[0].end))
    for n, ent in enumerate(entities, start=1):
        ent.id = f"e{n}"
    for ent in entities:
        if id(ent) in groups:
            ent.members = [m.id for m in groups[id(ent)]]


def _group_references(
    doc: Document, sdoc: SpacyDoc, sent_starts: list[int]
) -> dict[int, list[Entity]]:
    """Entities for "the two sides" and the like, keyed by `id()` with their members."""
    phrases = _group_phrases()
    words = [normalise(t.text) for t in sdoc]
    found: dict[tuple[str, ...], Entity] = {}
    members_of: dict[int, list[Entity]] = {}
    actors = [e for e in doc.entities if e.type in SIDE_TYPES]
    i = 0
    while i < len(sdoc):
        match = next(
            (g for g in phrases.get(words[i], []) if tuple(words[i : i + len(g.words)]) == g.words),
            None,
        )
        if match is None:
            i += 1
            continue
        span = sdoc[i : i + len(match.words)]
        i += len(match.words)
        if doc.entity_at(span.start_char, span.end_char) is not None:
            continue
        members = _members(doc, actors, span.start_char, match, sdoc, sent_starts)
        key = tuple(sorted(m.id for m in members)) if len(members) >= 2 else (str(span.start_char),)
        ent = found.get(key)
        if ent is None:
            ent = Entity(id=f"g{len(found) + 1}", name=span.text, type="OTHER")
            found[key] = ent
            members_of[id(ent)] = members
            doc.entities.append(ent)
        _add(ent, span.start_char, span.end_char, doc.text)
    return members_of


def _members(
    doc: Document,
    actors: list[Entity],
    offset: int,
    phrase: GroupPhrase,
    sdoc: SpacyDoc,
    sent_starts: list[int],
) -> list[Entity]:
    """The participants a group reference stands for, nearest sentence first.

    Sentences are read backwards from the reference; within one, participants in order of
    mention. Places named as a scene ("in Riyadh") are not participants. Reading stops once
    the phrase's count (or two) is reached; a country is represented by its own entity.
    """
    kb = knowledge_base()
    current = bisect_right(sent_starts, offset) - 1
    speakers = _governing_subjects(sdoc, offset)
    deferred: list[tuple[str, Entity]] = []
    countries = {
        e.country: e
        for e in actors
        if e.type == "GPE" and e.country and kb.country_name(e.country) == e.name
    }
    chosen: list[Entity] = []
    keys: list[str] = []
    want = phrase.count or 2
    for k in range(current, max(-1, current - MAX_MEMBER_SENTENCES - 1), -1):
        lo = sent_starts[k]
        hi = offset if k == current else sent_starts[k + 1]
        in_sentence: list[tuple[int, str, Entity]] = []
        for ent in actors:
            if phrase.members == "person" and ent.type != "PERSON":
                continue
            if ent.type == "OTHER":
                continue
            starts = [
                m.start
                for m in ent.mentions
                if lo <= m.start < hi and not _is_scene(sdoc, ent, m.start)
            ]
            if not starts:
                continue
            if phrase.members == "person":
                key, member = ent.id, ent
            elif ent.country and ent.country not in SHARED_CODES:
                key, member = ent.country, countries.get(ent.country, ent)
            elif phrase.members == "side":
                key, member = ent.id, ent
            else:
                continue
            if k == current and all(any(a <= s < b for a, b in speakers) for s in starts):
                deferred.append((key, member))
                continue
            in_sentence.append((min(starts), key, member))
        for _, key, member in sorted(in_sentence, key=lambda x: x[0]):
            if key not in keys:
                keys.append(key)
                chosen.append(member)
        if len(keys) >= want:
            break
    for key, member in deferred:
        if key not in keys:
            keys.append(key)
            chosen.append(member)
    return chosen[:want] if phrase.count else chosen


def _governing_subjects(sdoc: SpacyDoc, offset: int) -> list[tuple[int, int]]:
    """Character ranges of the subjects of the verbs above a token ("Albusaidi said both
    sides ...", "Fidan urged both sides ..."): the speaker or mediator, read last as a side."""
    span = sdoc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for verb in span[0].ancestors:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i < span[0].i:
                out.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
    return out


def _is_scene(sdoc: SpacyDoc, ent: Entity, start: int) -> bool:
    """Whether a place mention names where something happens ("talks in Doha")."""
    if ent.type not in ("GPE", "LOC") or ent.sector:
        return False
    tok = sdoc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None or tok.start == 0:
        return False
    return sdoc[tok.start - 1].lower_ in LOCATIVE_WORDS


def _it_antecedent(
    entities: list[Entity],
    offset: int,
    sent_starts: list[int],
    subjects: set[int],
    same_sentence: bool = False,
) -> Entity | None:
    """The organisation, government or country an "it"/"its" refers to, subjects first.

    With `same_sentence` (an "it" of a verb that often has an empty subject) only an
    antecedent in the pronoun's own sentence counts ("the EU said it was ready").
    """
    kb = knowledge_base()
    current = bisect_right(sent_starts, offset) - 1
    if current < 0:
        return None
    window_start = sent_starts[max(0, current - (0 if same_sentence else MAX_IT_SENTENCES))]
    best: tuple[tuple[bool, int], Entity] | None = None
    for ent in entities:
        if ent.type not in IT_TYPES:
            continue
        if ent.type == "GPE" and not ent.sector and kb.country_name(ent.country or "") != ent.name:
            continue
        last = _last_before(ent, offset)
        if last is None or last.start < window_start:
            continue
        in_sentence = last.start >= sent_starts[current]
        subject = any(
            m.start <= s < m.end
            for m in ent.mentions
            if window_start <= m.start < offset
            for s in subjects
        )
        score = (subject or in_sentence, last.start)
        if best is None or score > best[0]:
            best = (score, ent)
    return best[1] if best else None


def _add(ent: Entity, start: int, end: int, text: str) -> None:
    if all((m.start, m.end) != (start, end) for m in ent.mentions):
        ent.mentions.append(Mention(start, end, text[start:end]))


def _merge_surnames(entities: list[Entity]) -> bool:
    """Fold one-word PERSON entities into the one full-name PERSON ending in that word."""
    by_surname: dict[str, list[Entity]] = {}
    for ent in entities:
        parts = ent.name.split()
        if ent.type == "PERSON" and len(parts) >= 2:
            by_surname.setdefault(parts[-1].lower(), []).append(ent)
    merged = False
    for ent in list(entities):
        if ent.type != "PERSON" or len(ent.name.split()) != 1:
            continue
        owners = by_surname.get(ent.name.lower().removesuffix("'s").removesuffix("’s"), [])
        if len(owners) == 1 and owners[0] is not ent:
            owners[0].mentions.extend(ent.mentions)
            entities.remove(ent)
            merged = True
    return merged


def _subject_starts(sdoc: SpacyDoc) -> set[int]:
    """Character offsets of tokens that are grammatical subjects."""
    return {t.idx for t in sdoc if t.dep_ in SUBJECT_DEPS}


def _last_before(ent: Entity, offset: int) -> Mention | None:
    before = [m for m in ent.mentions if m.end <= offset]
    return max(before, key=lambda m: m.start) if before else None


def _clause_subjects(tok: Token) -> list[tuple[int, int]]:
    """Ranges of the subject of the verb an object pronoun depends on ("Marsh disagreed with
    him": not Marsh). Subjects, possessives and reflexives are not bound this way."""
    if tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss" or tok.lower_.endswith("self"):
        return []
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    return [(c.idx, c.idx + len(c.text)) for c in verb.children if c.dep_ in SUBJECT_DEPS]


def _person_antecedent(
    entities: list[Entity],
    offset: int,
    pronoun: Pronoun,
    subjects: set[int],
    bound: list[tuple[int, int]] | None = None,
) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for ent in entities:
        if ent.type != "PERSON":
            continue
        if bound and any(m.start <= a < m.end for m in ent.mentions for a, _ in bound):
            continue
        if ent.gender and pronoun.gender and ent.gender != pronoun.gender:
            continue
        subject_mentions = [
            m
            for m in ent.mentions
            if m.end <= offset and any(m.start <= s < m.end for s in subjects)
        ]
        last = _last_before(ent, offset)
        if last is None or offset - last.start > MAX_PRONOUN_DISTANCE:
            continue
        score = last.start
        if subject_mentions:
            score = max(score, max(m.start for m in subject_mentions) + SUBJECT_BONUS)
        if best is None or score > best[0]:
            best = (score, ent)
    return best[1] if best else None


def _group_antecedent(entities: list[Entity], offset: int, sent_starts: list[int]) -> Entity | None:
    current = bisect_right(sent_starts, offset) - 1
    if current < 0:
        return None
    window_start = sent_starts[max(0, current - MAX_GROUP_SENTENCES)]
    best: tuple[int, Entity] | None = None
    for ent in entities:
        if ent.type not in GROUP_TYPES:
            continue
        last = _last_before(ent, offset)
        if last is None or last.start < window_start:
            continue
        if best is None or last.start > best[0]:
            best = (last.start, ent)
    return best[1] if best else None


def _title_antecedent(entities: list[Entity], offset: int, role: str) -> Entity | None:
    """The nearest entity mentioned before `offset` whose role is, or ends in, `role`."""
    best: tuple[int, Entity] | None = None
    for ent in entities:
        if not ent.role or not (ent.role == role or ent.role.endswith(" " + role)):
            continue
        last = _last_before(ent, offset)
        if last is not None and (best is None or last.start > best[0]):
            best = (last.start, ent)
    return best[1] if best else None


@register(CoreferenceResolver.name)
def make_coref() -> CoreferenceResolver:
    return CoreferenceResolver()

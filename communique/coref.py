"""Coreference stage: pronouns, titles and surnames joined to the entities they refer to.

Rules, in order:
- a surname alone ("Ryabkov", "Ryabkov's") joins the one full-name PERSON ending in it;
- a definite title without a name ("the Deputy Foreign Minister", "the spokesman") joins the
  nearest preceding entity with that role (the entities stage leaves these descriptions in
  `spacy_doc.user_data["communique.anaphors"]`);
- he/she/him/her/his joins the most salient preceding compatible PERSON: the latest one,
  preferring the subject of a sentence (speaker continuity across paragraphs), gender-checked
  when the gender is known;
- they/them/their joins the nearest preceding organisation, IGO or group description.
Resolved spans are added to the entity's `mentions`, so `doc.entity_at` finds them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.document import Document, Entity, Mention
from communique.entities import ANAPHORS_KEY
from communique.lexicon import load_table
from communique.pipeline import register

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

#: A person last mentioned further back than this many characters is not a pronoun's antecedent.
MAX_PRONOUN_DISTANCE = 2500
#: How far (in characters) a subject mention outranks a later non-subject mention.
SUBJECT_BONUS = 400
#: A group pronoun looks back at most this many sentences for its antecedent.
MAX_GROUP_SENTENCES = 2
#: Entity types a group pronoun (they/them) may refer to.
GROUP_TYPES = frozenset({"ORG", "IGO"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Pronoun:
    gender: str | None
    number: str
    refers: str


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, Pronoun]:
    return {
        r["pronoun"]: Pronoun(r["gender"] or None, r["number"], r["refers"])
        for r in load_table("pronouns")
    }


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
        covered = {(m.start, m.end) for e in doc.entities for m in e.mentions}
        for anaphor in sdoc.user_data.get(ANAPHORS_KEY, []):
            ent = _title_antecedent(doc.entities, anaphor["start"], str(anaphor["role"]))
            if ent is not None:
                _add(ent, anaphor["start"], anaphor["end"], doc.text)
        for tok in sdoc:
            pronoun = _pronouns().get(tok.lower_)
            span = (tok.idx, tok.idx + len(tok.text))
            if pronoun is None or span in covered:
                continue
            if pronoun.refers == "person":
                ent = _person_antecedent(doc.entities, tok.idx, pronoun, subjects)
            else:
                ent = _group_antecedent(doc.entities, tok.idx, sent_starts)
            if ent is not None:
                _add(ent, span[0], span[1], doc.text)
        for ent in doc.entities:
            ent.mentions.sort(key=lambda m: (m.start, m.end))
        if merged:
            doc.entities.sort(key=lambda e: e.mentions[0].start)
            for n, ent in enumerate(doc.entities, start=1):
                ent.id = f"e{n}"
        return doc


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


def _person_antecedent(entities: list[Entity], offset: int, pronoun: Pronoun,
                       subjects: set[int]) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for ent in entities:
        if ent.type != "PERSON":
            continue
        if ent.gender and pronoun.gender and ent.gender != pronoun.gender:
            continue
        subject_mentions = [
            m for m in ent.mentions
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


def _group_antecedent(entities: list[Entity], offset: int, sent_starts: list[int]
                      ) -> Entity | None:
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

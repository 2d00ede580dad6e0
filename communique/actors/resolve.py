"""Resolve an actor description ("Russian Foreign Minister", "the Kremlin", "four Saudi men")
to a name, type, country, sector and role, from the knowledge base and string rules alone.

No spaCy model is needed: the CLI's `actor --batch` resolves thousands of strings this way,
and the entities stage uses the same composition over the words of a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from communique.actors.kb import KnowledgeBase, Person, knowledge_base, normalise

#: Words that make an office holder a former one (CAMEO sector ELI, "elites").
FORMER_MARKERS = frozenset({"former", "retired", "ex", "ex-", "onetime", "erstwhile"})
#: Sectors that turn into ELI when the holder is former.
OFFICE_SECTORS = frozenset({"GOV", "LEG", "MIL", "SPY", "JUD", "COP"})
#: Prepositions that start a new part of a description ("professor of X at Y in Z").
PREPOSITIONS = frozenset({"of", "at", "in", "from", "for", "with", "across", "on", "by"})
#: A country named after these words is a destination, not the actor's own ("envoy to Poland").
DESTINATION_WORDS = frozenset({"to", "toward", "towards", "against", "into"})
#: Actor codes shared by many organisations: no single office holder can be looked up by them.
GENERIC_CODES = frozenset({"IGO", "NGO", None})
#: Longest word sequence looked up as one name.
MAX_NAME_WORDS = 8
#: Sector of an outlet mentioned as a reporter (its secondary code).
JOURNALISM = "JRN"

_TOKEN = re.compile(r"['’]s\b|[^\W_](?:[\w.\-]|['’](?!s\b))*|-", re.UNICODE)
#: Leading words that carry no meaning for resolution.
DETERMINERS = frozenset({"the", "a", "an"})
#: A final full stop longer than this many letters is punctuation, not an abbreviation.
MAX_ABBREVIATION = 4


@dataclass
class Match:
    """A name found in a description: tokens [start, end) and what they name."""

    start: int
    end: int
    kind: str  # person | named | place | role
    value: Any


@dataclass
class Resolution:
    """What a description resolves to; `resolved` is False when nothing was recognised."""

    name: str
    type: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    code_2: str | None = None
    gender: str | None = None
    flags: list[str] = field(default_factory=list)
    #: The public fact the knowledge-base row behind the result records (None for places
    #: and for descriptions resolved from their words alone).
    provenance: str | None = None
    person: Person | None = None
    resolved: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "code_2": self.code_2,
            "gender": self.gender,
            "flags": list(self.flags),
            "provenance": self.provenance,
        }


def tokenize(text: str) -> list[str]:
    """Words of a description; a possessive "'s" is its own token, leading articles go."""
    words = []
    for w in _TOKEN.findall(text):
        if w.endswith(".") and "." not in w[:-1] and len(w) > MAX_ABBREVIATION:
            w = w[:-1]
        words.append(w)
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    return words


def join_words(words: list[str]) -> str:
    out = ""
    for w in words:
        out += w if (not out or w.lower() in ("'s", "’s")) else " " + w
    return out


def _match_at(words: list[str], i: int, kb: KnowledgeBase, date: str | None) -> Match | None:
    """The longest name starting at word i: a person, organisation, place or role word."""
    for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
        phrase = join_words(words[i : i + n])
        person = kb.person(phrase)
        if person is not None and (n > 1 or phrase[:1].isupper()):
            return Match(i, i + n, "person", person)
        named = kb.named_entity(phrase, date)
        if named is not None:
            return Match(i, i + n, "named", named)
        place = kb.place(phrase)
        if place is not None:
            return Match(i, i + n, "place", place)
        role = kb.role(phrase)
        if role is not None:
            return Match(i, i + n, "role", role)
    return None


def find_matches(words: list[str], kb: KnowledgeBase, date: str | None) -> list[Match]:
    """Non-overlapping names, longest first (the later one on ties: English heads come last)."""
    candidates = [m for i in range(len(words)) if (m := _match_at(words, i, kb, date))]
    chosen: list[Match] = []
    for m in sorted(candidates, key=lambda m: (m.end - m.start, m.start), reverse=True):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _role_parts(matches: list[Match], words: list[str]) -> list[list[Match]]:
    """Role matches grouped into the parts of a description that prepositions separate."""
    parts: list[list[Match]] = [[]]
    last_end = 0
    for m in matches:
        if m.kind != "role":
            continue
        if any(w.lower() in PREPOSITIONS for w in words[last_end : m.start]) and parts[-1]:
            parts.append([])
        parts[-1].append(m)
        last_end = m.end
    return [part for part in parts if part]


def chosen_role(matches: list[Match], words: list[str]) -> Match | None:
    """The role that gives the sector: the last specific one in the first part holding one."""
    parts = _role_parts(matches, words)
    for part in parts:
        strong = [m for m in part if not m.value.weak]
        if strong:
            return strong[-1]
    return parts[-1][-1] if parts else None


def head_role(matches: list[Match], words: list[str], chosen: Match) -> Match:
    """The word the chosen role's part ends in, which says what the actor is: a person in
    "army officer" and "Defence Minister General X", where the sector comes from another word."""
    for part in _role_parts(matches, words):
        if chosen in part:
            return part[-1]
    return chosen


def own_place(matches: list[Match], words: list[str]) -> Match | None:
    """The country the actor belongs to: the first place not named as a destination."""
    places = [m for m in matches if m.kind == "place" and m.value.code]
    for m in places:
        if m.start == 0 or words[m.start - 1].lower() not in DESTINATION_WORDS:
            return m
    return places[0] if places else None


def compose(
    words: list[str],
    date: str | None = None,
    kb: KnowledgeBase | None = None,
    name: str | None = None,
) -> Resolution:
    """Resolve the words of one description."""
    kb = kb or knowledge_base()
    text = name if name is not None else join_words(words)
    result = Resolution(name=text)
    matches = find_matches(words, kb, date)
    if not matches:
        return result
    lowered = {w.lower() for w in words}
    former = bool(lowered & FORMER_MARKERS)
    role_match = chosen_role(matches, words)
    person_match = next((m for m in matches if m.kind == "person"), None)
    named_match = next((m for m in matches if m.kind == "named"), None)
    place_match = own_place(matches, words)
    result.resolved = True

    if person_match is not None:
        _apply_person(result, person_match.value, date, former, kb)
        if role_match is not None and role_match.value.gender and not result.gender:
            result.gender = role_match.value.gender
        return result

    if (
        named_match is not None
        and place_match is not None
        and named_match.value.type == "ORG"
        and place_match.end <= named_match.start
        and place_match.value.code != named_match.value.country
    ):
        result.country = place_match.value.code
        result.sector = named_match.value.sector
        result.type = "ORG"
        return result

    if named_match is not None and (role_match is None or role_match.start < named_match.start):
        named = named_match.value
        result.name = named.name
        result.type = named.type
        result.country = named.country
        result.sector = named.sector
        result.provenance = named.provenance or None
        if named.type == "MEDIA":
            result.code_2 = JOURNALISM if named.sector != JOURNALISM else None
            if named.state_affiliated:
                result.flags.append("state_media")
        return result

    country = None
    if named_match is not None:
        country = named_match.value.country
    elif place_match is not None:
        country = place_match.value.code
    result.country = country

    if role_match is not None:
        role = role_match.value
        head = head_role(matches, words, role_match).value
        if role.kind == "org" and head.kind == "person":
            role = replace(role, kind=head.kind, canonical=head.canonical, gender=head.gender)
        result.sector = role.sector
        result.code_2 = role.code_2
        result.role = role.canonical
        result.gender = role.gender
        result.type = {"person": "PERSON", "org": "ORG"}.get(role.kind, "OTHER")
        if role.names_outlet:
            result.type = "MEDIA"
        if former and role.sector in OFFICE_SECTORS:
            result.code_2 = None
            result.sector = "ELI"
        elif (
            role.kind == "person"
            and country is not None
            and country not in GENERIC_CODES
            and not former
        ):
            holder = kb.holder(country, role.canonical, date)
            if holder is not None:
                _apply_person(result, holder, date, False, kb)
                result.name = holder.name
        return result

    if place_match is None:
        region = next(m.value for m in matches if m.kind == "place")
        result.name, result.type = region.name, "LOC"
        return result
    place = place_match.value
    whole = place_match.start == 0 and place_match.end == len(words)
    result.type = "GPE" if place.kind in ("name", "capital", "city") else "ORG"
    if place.kind == "territory":
        result.type = "GPE" if place.sector else "LOC"
    if place.kind == "demonym":
        result.type = "GPE" if whole else "OTHER"
    if whole:
        result.name = place.name if place.kind != "city" else text
        result.sector = place.sector
    else:
        result.sector = "UNK" if place.kind in ("name", "demonym") else place.sector
    return result


def _apply_person(
    result: Resolution, person: Person, date: str | None, former: bool, kb: KnowledgeBase
) -> None:
    office, ended = person.office_on(date)
    result.name = person.name
    result.type = "PERSON"
    result.person = person
    result.gender = person.gender
    if office is None:
        return
    result.country = office.country
    result.role = office.role
    result.sector = office.sector
    result.provenance = office.provenance or None
    role = kb.role(office.role)
    result.code_2 = role.code_2 if role else None
    if ended or former:
        result.sector = "ELI"
        result.code_2 = None


def resolve_actor(text: str, date: str | None = None) -> dict[str, Any]:
    """Resolve a name or title to `{"name", "type", "country", "sector", "role", ...}`.

    `date` (YYYY-MM-DD) picks the office holder and office of that day; without it, today's.
    Unknown names come back with every field but `name` null.
    """
    return resolve(text, date).as_dict()


def resolve(text: str, date: str | None = None) -> Resolution:
    """`resolve_actor` keeping the matched `Person`; tries the text, then its comma parts."""
    kb = knowledge_base()
    cleaned = text.strip()
    result = compose(tokenize(cleaned), date, kb, name=cleaned)
    if result.resolved or "," not in cleaned:
        return result
    for part in cleaned.split(","):
        partial = compose(tokenize(part.strip()), date, kb)
        if partial.resolved:
            partial.name = partial.name if partial.person or partial.type else cleaned
            return partial
    return result


__all__ = [
    "Match",
    "Resolution",
    "chosen_role",
    "compose",
    "normalise",
    "own_place",
    "resolve",
    "resolve_actor",
    "tokenize",
]

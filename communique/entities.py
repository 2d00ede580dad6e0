"""Entities stage: people, organisations, outlets, IGOs and places named in the article.

Works over the one spaCy parse (`doc.spacy_doc`), never re-parsing: the knowledge base is
matched over its tokens (people, outlets, IGOs, organisations, countries, demonyms, capitals,
metonyms like "the Kremlin", role words), spaCy's own PERSON/ORG/GPE/NORP/LOC/FAC spans fill
in names the knowledge base lacks, and title chains ("Russian Foreign Minister Sergei
Lavrov", "Dr. Elena Ivanova, an expert in ...") give role, country, sector and gender.
Name variants (surname alone, other casing) join their full-name entity here, so that every
later stage sees one entity per actor; pronouns and titles are left to the coref stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from communique.actors.kb import KnowledgeBase, Named, Person, Place, Role, knowledge_base
from communique.actors.kb import normalise as norm
from communique.actors.resolve import Match, chosen_role, own_place
from communique.document import Document, Entity, Mention
from communique.lexicon import load_table
from communique.pipeline import register

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span, Token

#: spaCy entity labels the stage takes names from.
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Longest token sequence looked up in the knowledge base as one name.
MAX_NAME_TOKENS = 8
#: A line whose alphabetic words are at least this share capitalised reads as a heading.
HEADING_CAPS_RATIO = 0.6
#: Headings are at most this many words long.
HEADING_MAX_WORDS = 20
#: Words skipped when walking left from a name over its title ("the", "'s", "of", "-").
TITLE_GLUE = frozenset({"'s", "’s", "-", "of", "the", "a", "an", "its", "their"})
#: Words that make a description definite, so that it refers back (coref's job).
DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their"})
#: Articles that make a description indefinite: a new actor, not the office holder.
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "two", "three"})
#: Countries whose names are written family name first in English ("Wang Yi" -> "Wang").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM", "SGP"})
#: Draft kinds made from spaCy names the knowledge base does not know; a lone surname among
#: them (spaCy often labels "Sun" or "Wang" ORG) is the person's.
UNKNOWN_NAME_KEYS = frozenset({"name", "org", "gpe", "loc"})
#: Names shorter than this many letters are initials or noise ("X.").
MIN_NAME_LETTERS = 2
#: Actor codes shared by many organisations: no single office holder can be looked up by them.
GENERIC_CODES = frozenset({"IGO", "NGO", None})
#: Token lengths of a name spaCy mislabelled that a title before it turns into a person.
MIN_TITLED_TOKENS = 2
MAX_TITLED_TOKENS = 4
#: Key under which anaphoric descriptions are left for the coref stage in `spacy_doc.user_data`.
ANAPHORS_KEY = "communique.anaphors"
#: Dependency labels that attach an affiliation or appositive to a name.
APPOSITION_DEPS = frozenset({"appos"})
AFFILIATION_PREPS = frozenset({"of", "at", "from", "with"})
#: Appositives longer than this are parse errors rather than a description of the name.
MAX_APPOSITION_TOKENS = 14
#: Parts of speech a capitalised surname is never tagged with when it is one ("Dagalo, ...":
#: the small model sometimes calls a sentence-initial surname ADV).
NOT_NAME_POS = frozenset({"VERB", "AUX", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "NUM"})
#: Roles that stand for the office their possessor holds, in another country ("his Greek
#: counterpart" of a foreign minister is Greece's foreign minister).
RELATIONAL_ROLES = frozenset({"counterpart", "counterparts"})
#: Possessive pronouns before such a role, with the gender of the person they refer to.
PERSON_POSSESSIVES = {"his": "m", "her": "f"}
#: Place kinds whose mention inside a person's title is also a mention of the place.
TITLE_PLACE_KINDS = frozenset({"name", "demonym", "metonym", "capital"})


@lru_cache(maxsize=1)
def _honorifics() -> dict[str, tuple[str | None, bool]]:
    return {
        r["honorific"]: (r["gender"].strip() or None, r["expert"] == "1")
        for r in load_table("honorifics")
    }


@lru_cache(maxsize=1)
def _expert_roles() -> frozenset[str]:
    return frozenset(norm(r["role"]) for r in load_table("expert_roles"))


@dataclass
class Draft:
    """An entity being built: its record fields, mentions and the evidence about it."""

    key: tuple[str, str]
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    gender: str | None = None
    flags: list[str] = field(default_factory=list)
    spans: set[tuple[int, int]] = field(default_factory=set)
    expert: bool = False
    affiliated: bool = False
    person: Person | None = None

    def first(self) -> int:
        return min(s for s, _ in self.spans)


class _Article:
    """The working state of the stage over one document."""

    def __init__(self, doc: Document, kb: KnowledgeBase) -> None:
        assert doc.spacy_doc is not None
        self.doc = doc
        self.sdoc: SpacyDoc = doc.spacy_doc
        self.kb = kb
        self.date = doc.article.published
        self.words = [t.text for t in self.sdoc]
        self.drafts: dict[tuple[str, str], Draft] = {}
        self.anaphors: list[dict[str, Any]] = []
        self.heading_lines = self._heading_lines()
        self.norms = [norm(t.text) for t in self.sdoc]
        self.sent_ends: list[int] | None = None
        self.sent_starts: list[int] | None = None
        if self.sdoc.has_annotation("SENT_START"):
            self.sent_ends = [0] * len(self.sdoc)
            self.sent_starts = [0] * len(self.sdoc)
            for sent in self.sdoc.sents:
                for k in range(sent.start, sent.end):
                    self.sent_ends[k] = sent.end
                    self.sent_starts[k] = sent.start
        self.hyphen_places: list[tuple[Place, int, int]] = []

    # --- where noise comes from: headings

    def _heading_lines(self) -> list[tuple[int, int]]:
        """Character ranges of lines that read as headings (title case, no full stop)."""
        text = self.doc.text
        out = []
        pos = 0
        for line in text.split("\n"):
            words = [w for w in line.split() if w[:1].isalpha()]
            stripped = line.strip()
            if words and len(words) <= HEADING_MAX_WORDS and not stripped.endswith("."):
                caps = sum(w[0].isupper() for w in words) / len(words)
                if caps >= HEADING_CAPS_RATIO or stripped.endswith("?"):
                    out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def in_heading(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.heading_lines)

    # --- knowledge-base matching over tokens

    def _matches_at(self, i: int) -> list[Match]:
        """Names starting at token i, longest first: a person, organisation, place or role."""
        sdoc, kb = self.sdoc, self.kb
        sent_end = len(sdoc) if self.sent_ends is None else self.sent_ends[i]
        keys = []
        key = ""
        for j in range(i, min(i + MAX_NAME_TOKENS, sent_end)):
            tok = sdoc[j]
            if tok.is_space or "\n" in tok.text:
                break
            key += self.norms[j]
            keys.append(key)
            key += " " if tok.whitespace_ else ""
        out = []
        for n in range(len(keys), 0, -1):
            k = keys[n - 1]
            if k not in kb.written and k not in kb.roles and k not in kb.canonical_roles:
                continue
            match = self._match_key(i, n, k)
            if match is not None:
                out.append(match)
        return out

    def _match_key(self, i: int, n: int, key: str) -> Match | None:
        span = self.sdoc[i : i + n]
        text = span.text
        kb = self.kb
        if key in kb.written:
            person = kb.person(text)
            if person is not None and (n > 1 or (span[0].pos_ == "PROPN" and text[0].isupper())):
                return Match(i, i + n, "person", person)
            named = kb.named_entity(text, self.date)
            if named is not None:
                return Match(i, i + n, "named", named)
            place = kb.place(text)
            if place is not None:
                return Match(i, i + n, "place", place)
        role = kb.role(text)
        if role is not None and role.sector != "UNK":
            return Match(i, i + n, "role", role)
        return None

    def kb_matches(self) -> list[Match]:
        """Non-overlapping matches, longest first (the later one on ties); a name that loses
        its longest reading to an overlap keeps a shorter one ("Kyodo" in "Kyodo news agency",
        where "news agency" takes the words "Kyodo News" would have used)."""
        candidates = [m for i in range(len(self.sdoc)) for m in self._matches_at(i)]
        chosen: list[Match] = []
        taken: set[int] = set()
        for m in sorted(candidates, key=lambda m: (m.end - m.start, m.start), reverse=True):
            if not taken.intersection(range(m.start, m.end)):
                chosen.append(m)
                taken.update(range(m.start, m.end))
        return sorted(chosen, key=lambda m: m.start)

    def ner_matches(self, taken: set[int]) -> list[Match]:
        """spaCy's names that the knowledge base did not cover, minus heading noise."""
        out = []
        for ent in self.sdoc.ents:
            if ent.label_ not in NER_LABELS or taken.intersection(range(ent.start, ent.end)):
                continue
            span = _trim(ent)
            if span is None or not span.text[:1].isupper():
                continue
            if sum(c.isalpha() for c in span.text) < MIN_NAME_LETTERS:
                continue
            if not any(t.pos_ == "PROPN" for t in span):
                continue
            if "-" in span.text and self._hyphen_places(span):
                continue
            if ent.label_ == "PERSON":
                out.append(Match(span.start, span.end, "name", span))
            elif ent.label_ != "NORP":
                out.append(Match(span.start, span.end, "ent", span))
        return out

    def organisations_of_places(self, kb_found: list[Match]) -> list[Match]:
        """spaCy organisations named "X of <place>" ("the University of Warsaw", "the Bank of
        Korea"), which the knowledge base only knows the place of: one organisation of that
        country, its sector from a role word in X; the place matches inside are dropped."""
        out = []
        for ent in self.sdoc.ents:
            span = _trim(ent) if ent.label_ in ("ORG", "FAC") else None
            if span is None:
                continue
            of = next((t.i for t in span if t.lower_ == "of"), None)
            if of is None or of == span.start:
                continue
            head = self.sdoc[span.start : of]
            inside = [m for m in kb_found if span.start <= m.start and m.end <= span.end]
            if not all(t.text[:1].isupper() and t.is_alpha for t in head) or any(
                m.start < of and m.kind != "role" for m in inside
            ):
                continue
            places = [m for m in inside if m.kind == "place" and m.start > of]
            if not places or len(places) + sum(m.start < of for m in inside) != len(inside):
                continue
            role = self.kb.role(head[-1].text)
            for m in inside:
                kb_found.remove(m)
            out.append(Match(span.start, span.end, "orgof", (span, places[0].value, role)))
        return out

    def _hyphen_places(self, span: Span) -> bool:
        """Places joined by hyphens ("U.S.-Russia"): each part is a mention of its country."""
        places = []
        pos = span.start_char
        for part in span.text.split("-"):
            place = self.kb.place(part) if part else None
            if place is None:
                return False
            places.append((place, pos, pos + len(part)))
            pos += len(part) + 1
        self.hyphen_places.extend(places)
        return True

    # --- drafts

    def draft(self, key: tuple[str, str], name: str, type_: str, **fields: Any) -> Draft:
        d = self.drafts.get(key)
        if d is None:
            d = self.drafts[key] = Draft(key, name, type_, **fields)
        return d

    def mention(self, d: Draft, start_tok: int, end_tok: int) -> None:
        span = self.sdoc[start_tok:end_tok]
        if span[-1].text in ("'s", "’s") and len(span) > 1:
            span = span[:-1]
        d.spans.add((span.start_char, span.end_char))

    def place_draft(self, place: Place) -> Draft:
        if place.kind in ("metonym",):
            return self.draft(
                ("named", place.name), place.name, "ORG", country=place.code, sector=place.sector
            )
        if place.kind in ("capital", "city"):
            return self.draft(("city", place.name), place.name, "GPE", country=place.code)
        if place.kind in ("territory", "region"):
            type_ = "GPE" if place.sector else "LOC"
            return self.draft(
                ("loc", norm(place.name)),
                place.name,
                type_,
                country=place.code or None,
                sector=place.sector,
            )
        name = self.kb.country_name(place.code)
        return self.draft(("place", place.code), name, "GPE", country=place.code)

    def named_draft(self, named: Named) -> Draft:
        d = self.draft(
            ("named", named.name),
            named.name,
            named.type,
            country=named.country,
            sector=named.sector,
        )
        if named.state_affiliated and "state_media" not in d.flags:
            d.flags.append("state_media")
        return d

    def person_draft(self, person: Person) -> Draft:
        office, ended = person.office_on(self.date)
        d = self.draft(
            ("person", person.name), person.name, "PERSON", gender=person.gender, person=person
        )
        if office is not None:
            d.country, d.role = office.country, office.role
            d.sector = "ELI" if ended else office.sector
        return d


def _trim(span: Span) -> Span | None:
    """A name span without a leading article or trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


class EntityRecognizer:
    """Builds `doc.entities` from the knowledge base, spaCy's NER and title chains."""

    name = "communique.entities.v1"
    version = "1"
    requires: tuple[str, ...] = ("spacy_doc", "article.published")
    assigns: tuple[str, ...] = ("entities",)

    def __call__(self, doc: Document) -> Document:
        if doc.spacy_doc is None:
            return doc
        art = _Article(doc, knowledge_base())
        kb_found = art.kb_matches()
        kb_found += art.organisations_of_places(kb_found)
        taken = {i for m in kb_found for i in range(m.start, m.end)}
        found = sorted(kb_found + art.ner_matches(taken), key=lambda m: m.start)
        found = _classified_outlets(found)
        by_end = {m.end: m for m in found}
        found = [_titled_name(art, m, by_end) for m in found]
        by_end = {m.end: m for m in found}
        absorbed: set[int] = set()
        for m in found:
            if m.kind in ("person", "name"):
                self._person(art, m, by_end, absorbed)
        for m in found:
            if id(m) in absorbed:
                continue
            if m.kind == "role":
                self._description(art, m, by_end, absorbed)
        for m in found:
            if id(m) in absorbed:
                continue
            self._name(art, m)
        for place, start, end in art.hyphen_places:
            art.place_draft(place).spans.add((start, end))
        self._name_variants(art)
        self._flag_experts(art)
        doc.entities = _finish(art)
        doc.spacy_doc.user_data[ANAPHORS_KEY] = art.anaphors
        return doc

    # --- people and their titles

    def _left_chain(
        self, art: _Article, start: int, by_end: dict[int, Match]
    ) -> tuple[list[Match], list[Token]]:
        """Title words before a name: role, place and organisation matches, and honorifics."""
        mods: list[Match] = []
        honorifics: list[Token] = []
        sent_start = 0
        if art.sent_starts is not None and start < len(art.sdoc):
            sent_start = art.sent_starts[start]
        k = start
        while k > sent_start:
            prev = by_end.get(k)
            if prev is not None and prev.kind in ("role", "place", "named"):
                mods.insert(0, prev)
                k = prev.start
                continue
            tok = art.sdoc[k - 1]
            if tok.lower_ in _honorifics():
                honorifics.append(tok)
                k -= 1
                continue
            if tok.lower_ in TITLE_GLUE or (tok.pos_ == "ADJ" and tok.is_lower):
                k -= 1
                continue
            break
        return mods, honorifics

    def _apposition(
        self, art: _Article, start: int, end: int, found: list[Match]
    ) -> tuple[list[Match], bool]:
        """Matches in an appositive after the name, and whether an affiliation is given."""
        tokens = set(range(start, end))
        mods: list[Match] = []
        affiliated = False
        for tok in art.sdoc[start:end]:
            for child in tok.children:
                if child.i in tokens:
                    continue
                if child.dep_ in APPOSITION_DEPS or (
                    child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS
                ):
                    lo, hi = child.left_edge.i, child.right_edge.i + 1
                    if hi - lo > MAX_APPOSITION_TOKENS:
                        continue
                    inside = [m for m in found if lo <= m.start and m.end <= hi]
                    mods.extend(inside)
                    affiliated = affiliated or any(
                        m.kind in ("named", "ent", "orgof")
                        or (m.kind == "role" and m.value.kind == "org")
                        for m in inside
                    )
        return mods, affiliated

    def _person(
        self, art: _Article, m: Match, by_end: dict[int, Match], absorbed: set[int]
    ) -> None:
        left, honorifics = self._left_chain(art, m.start, by_end)
        found = sorted(by_end.values(), key=lambda x: x.start)
        right, affiliated = self._apposition(art, m.start, m.end, found)
        if m.kind == "person":
            d = art.person_draft(m.value)
        else:
            span = m.value
            if not self._plausible_name(art, span, left, honorifics):
                return
            d = art.draft(("name", norm(span.text)), span.text, "PERSON")
            owner = _possessor(art, left[0].start if left else m.start)
            self._describe(art, d, left + right, owner)
        art.mention(d, m.start, m.end)
        absorbed.add(id(m))
        for mod in left + right:
            if mod.kind in ("ent", "orgof"):
                continue
            absorbed.add(id(mod))
            if mod.kind == "place" and mod.value.kind in TITLE_PLACE_KINDS:
                art.mention(art.place_draft(mod.value), mod.start, mod.end)
            elif mod.kind == "named":
                art.mention(art.named_draft(mod.value), mod.start, mod.end)
        for tok in honorifics:
            gender, expert = _honorifics()[tok.lower_]
            d.gender = d.gender or gender
            d.expert = d.expert or expert
        experts = _expert_roles()
        for mod in left + right:
            if mod.kind == "role":
                d.gender = d.gender or mod.value.gender
                d.expert = d.expert or mod.value.phrase in experts
        d.affiliated = (
            d.affiliated or affiliated or any(x.kind in ("named", "ent", "orgof") for x in left)
        )

    def _plausible_name(
        self, art: _Article, span: Span, left: list[Match], honorifics: list[Token]
    ) -> bool:
        """spaCy PERSON spans that are names: two capitalised words, or a title before them."""
        capitalised = [t for t in span if t.text[:1].isupper() and t.is_alpha]
        if art.in_heading(span.start_char) and not (left or honorifics):
            return False
        return len(capitalised) >= 2 or bool(left or honorifics)

    def _describe(
        self, art: _Article, d: Draft, mods: list[Match], owner: Draft | None = None
    ) -> None:
        """Country, sector and role of a person not in the knowledge base, from their title
        (a counterpart takes the office of `owner`, the person the title's "his" refers to)."""
        roles = [x for x in mods if x.kind == "role"]
        person_roles = [x for x in roles if x.value.kind == "person"]
        role_match = chosen_role(person_roles or roles, art.words)
        place_match = own_place([x for x in mods if x.kind == "place"], art.words)
        named = next((x.value for x in mods if x.kind == "named"), None)
        org_of = next((x.value for x in mods if x.kind == "orgof"), None)
        if d.country is None:
            if place_match is not None:
                d.country = place_match.value.code
            elif named is not None:
                d.country = named.country
            elif org_of is not None:
                d.country = org_of[1].code
        if role_match is not None and d.role is None:
            role: Role = _office_of_counterpart(role_match.value, owner, d.country)
            d.sector = role.sector
            d.role = role.canonical if role.kind == "person" else None
        elif named is not None and d.sector is None:
            d.sector = named.sector

    # --- descriptions without a name: "a senior Iranian official", "the Russian delegation"

    def _description(
        self, art: _Article, m: Match, by_end: dict[int, Match], absorbed: set[int]
    ) -> None:
        role: Role = m.value
        if role.kind not in ("person", "group", "org"):
            return
        if _titles_a_name(art, m, by_end):
            return
        mods, _ = self._left_chain(art, m.start, by_end)
        start = mods[0].start if mods else m.start
        det = art.sdoc[start - 1].lower_ if start > 0 else ""
        places = [x for x in mods if x.kind == "place"]
        named = [x for x in mods if x.kind == "named"]
        if not places and not named:
            if det in DEFINITE:
                span = art.sdoc[start - 1 : m.end]
                art.anaphors.append(
                    {
                        "start": span.start_char,
                        "end": span.end_char,
                        "text": span.text,
                        "role": role.canonical,
                        "kind": role.kind,
                        "gender": role.gender,
                    }
                )
            return
        country = places[0].value.code if places else named[0].value.country
        role = _office_of_counterpart(role, _possessor(art, start), country)
        if role.kind == "person" and det in DEFINITE:
            earlier = _earlier_holder(art, country, role, art.sdoc[start].idx)
            if earlier is not None:
                art.mention(earlier, start, m.end)
                absorbed.update(id(x) for x in [m, *mods])
                self._place_mentions(art, places)
                return
        named_after = self._apposed_person(art, m) if role.kind == "person" else None
        if named_after is not None:
            named_after.country = named_after.country or country
            if named_after.role is None:
                named_after.role, named_after.sector = role.canonical, role.sector
            art.mention(named_after, start, m.end)
            absorbed.update(id(x) for x in [m, *mods])
            self._place_mentions(art, places)
            return
        if role.kind == "person" and det not in INDEFINITE and country not in GENERIC_CODES:
            holder = art.kb.holder(country, role.canonical, art.date)
            if holder is not None:
                d = art.person_draft(holder)
                art.mention(d, start, m.end)
                absorbed.update(id(x) for x in [m, *mods])
                self._place_mentions(art, places)
                return
        text = art.sdoc[start : m.end].text
        type_ = {"person": "PERSON", "org": "ORG"}.get(role.kind, "ORG")
        if role.names_outlet:
            type_ = "MEDIA"
        sector = named[0].value.sector if named and role.weak else role.sector
        d = art.draft(
            ("desc", norm(text)),
            text,
            type_,
            country=country,
            sector=sector,
            role=role.canonical,
            gender=role.gender,
        )
        if named and role.kind == "person":
            d.affiliated = True
        art.mention(d, start, m.end)
        absorbed.update(id(x) for x in [m, *mods])
        self._place_mentions(art, places)

    def _place_mentions(self, art: _Article, places: list[Match]) -> None:
        for x in places:
            if x.value.kind in TITLE_PLACE_KINDS:
                art.mention(art.place_draft(x.value), x.start, x.end)

    def _apposed_person(self, art: _Article, m: Match) -> Draft | None:
        """The person a title is in apposition with ("Oman's foreign minister, Badr ...")."""
        head = art.sdoc[m.end - 1]
        for tok in [head, *head.children]:
            if tok is not head and tok.dep_ not in APPOSITION_DEPS:
                continue
            if tok is head and head.dep_ in APPOSITION_DEPS:
                tok = head.head
            for d in art.drafts.values():
                if d.type == "PERSON" and any(s <= tok.idx < e for s, e in d.spans):
                    return d
        return None

    # --- everything else named

    def _name(self, art: _Article, m: Match) -> None:
        if m.kind == "place":
            d = art.place_draft(m.value)
            if d.key[0] == "city" and m.value.sector == "GOV" and _is_subject(art.sdoc, m):
                d.sector = "GOV"
            art.mention(d, m.start, m.end)
        elif m.kind == "named":
            art.mention(art.named_draft(m.value), m.start, m.end)
        elif m.kind == "orgof":
            org_span, place, role = m.value
            sector = role.sector if role is not None and role.kind == "org" else None
            d = art.draft(
                ("org", norm(org_span.text)),
                org_span.text,
                "ORG",
                country=place.code,
                sector=sector,
            )
            art.mention(d, m.start, m.end)
        elif m.kind == "ent":
            span: Span = m.value
            if art.in_heading(span.start_char):
                return
            if span.label_ in ("LOC", "FAC"):
                d = art.draft(("loc", norm(span.text)), span.text, "LOC")
            elif span.label_ == "GPE":
                d = art.draft(("gpe", norm(span.text)), span.text, "GPE")
            else:
                d = art.draft(("org", norm(span.text)), span.text, "ORG")
            art.mention(d, m.start, m.end)

    def _name_variants(self, art: _Article) -> None:
        """Surnames alone and other casings of a person's name join the person."""
        people = [d for d in art.drafts.values() if d.type == "PERSON" and d.key[0] != "desc"]
        surnames: dict[str, list[Draft]] = {}
        full: dict[str, Draft] = {}
        for d in people:
            parts = norm(d.name).split()
            if len(parts) >= 2:
                for k in range(1, len(parts)):
                    surnames.setdefault(" ".join(parts[k:]), []).append(d)
                if d.country in FAMILY_NAME_FIRST:
                    surnames.setdefault(parts[0], []).append(d)
                full[norm(d.name)] = d
        for d in list(art.drafts.values()):
            if d.key[0] in UNKNOWN_NAME_KEYS:
                owners = surnames.get(norm(d.name), [])
                if len(owners) == 1 and owners[0] is not d:
                    owners[0].spans.update(d.spans)
                    del art.drafts[d.key]
        covered = {i for d in art.drafts.values() for s, e in d.spans for i in range(s, e)}
        sdoc = art.sdoc
        for tok in sdoc:
            if tok.idx in covered or not tok.text[:1].isupper():
                continue
            owners = surnames.get(norm(tok.text), [])
            if len(owners) == 1 and tok.pos_ not in NOT_NAME_POS:
                owners[0].spans.add((tok.idx, tok.idx + len(tok.text)))
                covered.update(range(tok.idx, tok.idx + len(tok.text)))
        for i in range(len(sdoc) - 1):
            pair = sdoc[i : i + 2]
            owner = full.get(norm(pair.text))
            if owner is not None and pair.start_char not in covered:
                owner.spans.add((pair.start_char, pair.end_char))

    def _flag_experts(self, art: _Article) -> None:
        for d in art.drafts.values():
            if d.type == "PERSON" and d.person is None and d.expert and not d.affiliated:
                d.flags.append("unidentified_expert")


def _classified_outlets(found: list[Match]) -> list[Match]:
    """An outlet with the word for what it is right before or after it ("the news agency
    Kyodo", "the Kyodo news agency") is one mention of the outlet, not a description."""
    out: list[Match] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.end == m.start:
            outlet, word = (prev, m) if prev.kind == "named" else (m, prev)
            if (
                outlet.kind == "named"
                and outlet.value.type == "MEDIA"
                and word.kind == "role"
                and word.value.names_outlet
            ):
                out[-1] = Match(prev.start, m.end, "named", outlet.value)
                continue
        out.append(m)
    return out


def _titled_name(art: _Article, m: Match, by_end: dict[int, Match]) -> Match:
    """A proper-noun name spaCy called ORG or GPE, right after a person's title, is a person."""
    if m.kind != "ent" or not MIN_TITLED_TOKENS <= m.end - m.start <= MAX_TITLED_TOKENS:
        return m
    span: Span = m.value
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
        return m
    prev = by_end.get(m.start)
    if prev is not None and prev.kind == "role" and prev.value.kind == "person":
        return Match(m.start, m.end, "name", span)
    return m


def _titles_a_name(art: _Article, m: Match, by_end: dict[int, Match]) -> bool:
    """Whether a role word is the title of a name right after it ("news agency RIA Novosti")."""
    for x in by_end.values():
        if x.start == m.end and x.kind in ("named", "ent", "person", "name", "role"):
            return True
    return False


def _is_subject(sdoc: SpacyDoc, m: Match) -> bool:
    """Whether a mention is a subject, also as a conjunct of one ("Moscow and Washington")."""
    for t in sdoc[m.start : m.end]:
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
    return False


def _possessor(art: _Article, before: int) -> Draft | None:
    """The person a "his" or "her" right before token `before` refers to: the last person
    with a known role named earlier in the sentence whose gender agrees."""
    if before <= 0:
        return None
    gender = PERSON_POSSESSIVES.get(art.sdoc[before - 1].lower_)
    if gender is None:
        return None
    sent_start = art.sent_starts[before - 1] if art.sent_starts is not None else 0
    lo, hi = art.sdoc[sent_start].idx, art.sdoc[before - 1].idx
    best: tuple[int, Draft] | None = None
    for d in art.drafts.values():
        if d.type != "PERSON" or not d.role or d.gender not in (gender, None):
            continue
        starts = [s for s, _ in d.spans if lo <= s < hi]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), d)
    return best[1] if best else None


def _office_of_counterpart(role: Role, owner: Draft | None, country: str | None) -> Role:
    """A counterpart role as the office its possessor holds, when the possessor is known and
    of another country; any other role unchanged."""
    if (
        role.canonical not in RELATIONAL_ROLES
        or owner is None
        or not owner.role
        or owner.country in (None, country)
    ):
        return role
    office = knowledge_base().role(owner.role)
    sector = office.sector if office is not None else owner.sector or role.sector
    return replace(role, canonical=owner.role, sector=sector, weak=False)


def _earlier_holder(art: _Article, country: str | None, role: Role, before: int) -> Draft | None:
    """The person of `country` named before `before` whose role is, or ends in, `role`
    ("the Russian minister" after "Russian Foreign Minister Sergei Lavrov"); the latest."""
    best: tuple[int, Draft] | None = None
    for d in art.drafts.values():
        if d.type != "PERSON" or d.country != country or not d.role or d.key[0] == "desc":
            continue
        if not (d.role == role.canonical or d.role.endswith(" " + role.canonical)):
            continue
        starts = [s for s, _ in d.spans if s < before]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), d)
    return best[1] if best else None


def _finish(art: _Article) -> list[Entity]:
    """Entities in order of first mention, with ids e1, e2, ... and sorted mentions."""
    text = art.doc.text
    drafts = sorted((d for d in art.drafts.values() if d.spans), key=Draft.first)
    out = []
    for n, d in enumerate(drafts, start=1):
        spans = _dedupe(sorted(d.spans))
        out.append(
            Entity(
                id=f"e{n}",
                name=d.name,
                type=d.type,
                country=d.country,
                sector=d.sector,
                role=d.role,
                flags=list(d.flags),
                mentions=[Mention(s, e, text[s:e]) for s, e in spans],
                gender=d.gender,
            )
        )
    return out


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans inside a longer span of the same entity."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e))
    return out


@register(EntityRecognizer.name)
def make_entities() -> EntityRecognizer:
    return EntityRecognizer()

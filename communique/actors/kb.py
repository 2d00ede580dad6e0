"""The actor knowledge base: countries, roles, office holders, outlets, IGOs and organisations.

Everything here is loaded from the TSV tables in `communique/data/` (plus the country list of
`pycountry`) once per process, and looked up by a normalised key so that "Jüri Ratas",
"Juri Ratas" and "JURI RATAS" meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from communique.lexicon import load_table

#: Alias kinds from countries.tsv that name the country itself (not a city or building).
COUNTRY_KINDS = ("name", "demonym", "territory")

#: Alias kinds whose entity is named by the alias itself ("Muscat", "Gaza", "Middle East").
ALIAS_NAMED_KINDS = ("capital", "city", "territory", "region")

#: Words written all in capitals longer than this may match their title-case alias.
MIN_CAPITALS_WORD = 3

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "–": "-"})


def normalise(text: str) -> str:
    """A lookup key: accents stripped, apostrophes unified, lower case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain).strip().lower()


@dataclass(frozen=True)
class Office:
    """One office held by a person over a period (ISO dates; None = open)."""

    role: str
    sector: str
    country: str
    start: str | None
    end: str | None
    provenance: str

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class Person:
    """An office holder from officials.tsv with all the offices recorded for them."""

    name: str
    gender: str | None
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)

    def office_on(self, date: str | None) -> tuple[Office | None, bool]:
        """The office held on a date (today's when None), and whether the person is former.

        A person with no office on the date but one that ended before it is *former*
        (sector ELI in CAMEO terms); before any recorded office they are neither.
        """
        if not self.offices:
            return None, False
        if date is None:
            current = [o for o in self.offices if o.end is None]
            if current:
                return max(current, key=lambda o: o.start or ""), False
            return max(self.offices, key=lambda o: o.end or ""), True
        held = [o for o in self.offices if o.covers(date)]
        if held:
            return max(held, key=lambda o: o.start or ""), False
        ended = [o for o in self.offices if o.end is not None and o.end <= date]
        if ended:
            return max(ended, key=lambda o: o.end or ""), True
        return min(self.offices, key=lambda o: o.start or ""), False


@dataclass(frozen=True)
class Role:
    """A role or group word from roles.tsv."""

    phrase: str
    sector: str
    code_2: str | None
    canonical: str
    kind: str
    gender: str | None
    weak: bool

    @property
    def names_outlet(self) -> bool:
        """Whether the word says what an outlet is ("news agency", "state broadcaster")."""
        return self.kind == "org" and MEDIA_SECTOR in (self.sector, self.code_2)


@dataclass(frozen=True)
class Place:
    """A country alias from countries.tsv or pycountry."""

    alias: str
    code: str
    kind: str  # name | demonym | capital | city | metonym | territory | region
    sector: str | None
    name: str


@dataclass(frozen=True)
class Named:
    """A named outlet, IGO or organisation, for one period, with the public fact it records."""

    name: str
    type: str  # MEDIA | IGO | ORG
    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None
    state_affiliated: bool = False
    provenance: str = ""

    def covers(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


#: Sector of outlets that are not state-affiliated (journalism, as in NGEC/PLOVER codes).
MEDIA_SECTOR = "JRN"
#: Sector of state-affiliated outlets: CAMEO codes state media as government, media second.
STATE_MEDIA_SECTOR = "GOV"


def _opt(value: str) -> str | None:
    return value or None


def _split(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


class KnowledgeBase:
    """Lookups over all actor tables, built once per process by `knowledge_base()`."""

    def __init__(self) -> None:
        self.ambiguous = frozenset(normalise(r["word"]) for r in load_table("ambiguous_names"))
        self.country_names: dict[str, str] = {}
        self.places: dict[str, list[Place]] = {}
        self.roles: dict[str, Role] = {}
        self.people: dict[str, Person] = {}
        self.person_aliases: dict[str, list[Person]] = {}
        self.named: dict[str, list[Named]] = {}
        self.exact_case: set[str] = set()
        self._load_countries()
        self._load_roles()
        self._load_people()
        self._load_named()
        self.canonical_roles = {r.canonical: r for r in self.roles.values()}
        self.written: dict[str, list[str]] = {}
        for alias in self._all_aliases():
            self.written.setdefault(normalise(alias), []).append(alias.translate(_APOSTROPHES))

    # --- loading

    def _add_place(self, place: Place) -> None:
        key = normalise(place.alias)
        bucket = self.places.setdefault(key, [])
        if all(p.code != place.code or p.kind != place.kind for p in bucket):
            bucket.append(place)
        self._note_case(place.alias)

    def _note_case(self, alias: str) -> None:
        """Remember aliases that must match with their own capitals (acronyms, common words)."""
        key = normalise(alias)
        letters = [c for c in alias if c.isalpha()]
        if (letters and all(c.isupper() for c in letters) and len(letters) <= 5) or (
            key in self.ambiguous
        ):
            self.exact_case.add(alias.translate(_APOSTROPHES))

    def _load_countries(self) -> None:
        rows = load_table("countries")
        for row in rows:
            if row["kind"] == "name" and row["code"] not in self.country_names:
                self.country_names[row["code"]] = row["alias"]
        for country in pycountry.countries:
            code = country.alpha_3
            names = [
                getattr(country, "common_name", None),
                country.name,
                getattr(country, "official_name", None),
            ]
            usable = [n for n in names if n and "," not in n]
            if code not in self.country_names and usable:
                self.country_names[code] = usable[0]
            for n in usable:
                self._add_place(Place(n, code, "name", None, self.country_names[code]))
        for row in rows:
            code = row["code"]
            name = row.get("name") or (
                row["alias"] if row["kind"] in ALIAS_NAMED_KINDS else self.country_name(code)
            )
            self._add_place(Place(row["alias"], code, row["kind"], _opt(row["sector"]), name))

    def _load_roles(self) -> None:
        for row in load_table("roles"):
            phrase = normalise(row["role"])
            self.roles[phrase] = Role(
                phrase=phrase,
                sector=row["sector"],
                code_2=_opt(row["code_2"]),
                canonical=row["canonical"] or phrase,
                kind=row["kind"],
                gender=_opt(row["gender"]),
                weak=row.get("weak") == "1" or row["sector"] == "UNK",
            )

    def _load_people(self) -> None:
        for row in load_table("officials"):
            name = row["name"]
            person = self.people.get(name)
            if person is None:
                person = self.people[name] = Person(name, _opt(row["gender"]))
                self._index_person(name, person)
            for alias in _split(row["aliases"]):
                if alias not in person.aliases:
                    person.aliases.append(alias)
                    self._index_person(alias, person)
            person.offices.append(
                Office(
                    role=row["role"],
                    sector=row["sector"],
                    country=row["country"],
                    start=_opt(row["start"]),
                    end=_opt(row["end"]),
                    provenance=row["provenance"],
                )
            )

    def _index_person(self, alias: str, person: Person) -> None:
        bucket = self.person_aliases.setdefault(normalise(alias), [])
        if person not in bucket:
            bucket.append(person)
        self._note_case(alias)

    def _add_named(self, names: list[str], item: Named) -> None:
        for alias in names:
            bucket = self.named.setdefault(normalise(alias), [])
            if item not in bucket:
                bucket.append(item)
            self._note_case(alias)

    def _load_named(self) -> None:
        for row in load_table("outlets"):
            state = row["state_affiliated"] == "1"
            item = Named(
                row["name"],
                "MEDIA",
                row["country"],
                STATE_MEDIA_SECTOR if state else MEDIA_SECTOR,
                state_affiliated=state,
                provenance=row["provenance"],
            )
            self._add_named([row["name"], *_split(row["aliases"])], item)
        for row in load_table("igos"):
            item = Named(
                row["name"], "IGO", row["code"], row["sector"], provenance=row["provenance"]
            )
            self._add_named([row["name"], *_split(row["aliases"])], item)
        for row in load_table("organisations"):
            item = Named(
                row["name"],
                "ORG",
                row["country"],
                row["sector"],
                start=_opt(row["start"]),
                end=_opt(row["end"]),
                provenance=row["provenance"],
            )
            self._add_named([row["name"], *_split(row["aliases"])], item)

    # --- lookups

    def _all_aliases(self) -> list[str]:
        out = [p.alias for bucket in self.places.values() for p in bucket]
        for person in self.people.values():
            out += [person.name, *person.aliases]
        for row in load_table("outlets"):
            out += [row["name"], *_split(row["aliases"])]
        for table in ("igos", "organisations"):
            for row in load_table(table):
                out += [row["name"], *_split(row["aliases"])]
        return out

    def matches_case(self, written: str) -> bool:
        """Whether `written` may stand for the alias with its key, given the case rules."""
        key = normalise(written)
        forms = self.written.get(key, [])
        if not forms:
            return False
        plain = written.translate(_APOSTROPHES)
        strict = [f for f in forms if f in self.exact_case]
        loose = [f for f in forms if f not in self.exact_case]
        if loose:
            return True
        if plain in strict or _SPACES.sub(" ", plain) in strict:
            return True
        # Datelines and headlines in capitals ("WASHINGTON") still name the place.
        return (
            plain.isupper()
            and len(plain) > MIN_CAPITALS_WORD
            and any(f.upper() == plain and not f.isupper() for f in strict)
        )

    def place(self, text: str) -> Place | None:
        """The country alias written as `text` (country names before cities and buildings)."""
        key = normalise(text)
        bucket = self.places.get(key)
        if not bucket or not self.matches_case(text):
            return None
        order = ("name", "demonym", "territory", "metonym", "capital", "city", "region")
        return min(bucket, key=lambda p: order.index(p.kind) if p.kind in order else len(order))

    def person(self, text: str) -> Person | None:
        """The office holder called `text`, when the name is unambiguous."""
        key = normalise(text)
        bucket = self.person_aliases.get(key)
        if not bucket or len(bucket) != 1 or not self.matches_case(text):
            return None
        return bucket[0]

    def named_entity(self, text: str, date: str | None = None) -> Named | None:
        """The outlet, IGO or organisation called `text` (the row valid on `date`)."""
        key = normalise(text)
        bucket = self.named.get(key)
        if not bucket or not self.matches_case(text):
            return None
        valid = [n for n in bucket if n.covers(date)]
        return (valid or bucket)[0]

    def role(self, phrase: str) -> Role | None:
        """The role word or phrase, also found by its canonical name ("defense minister")."""
        key = normalise(phrase)
        return self.roles.get(key) or self.canonical_roles.get(key)

    def holder(self, country: str, role: str, date: str | None) -> Person | None:
        """The one person recorded as holding `role` for `country` on `date` (today if None)."""
        found = []
        for person in self.people.values():
            for office in person.offices:
                if office.country != country or office.role != role:
                    continue
                if (date is None and office.end is None) or (date and office.covers(date)):
                    found.append(person)
                    break
        return found[0] if len(found) == 1 else None

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The knowledge base, loaded once per process."""
    return KnowledgeBase()

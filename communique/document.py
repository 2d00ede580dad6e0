"""The document object that flows through the pipeline, and the records it carries.

Field names of the records follow the output contract in the design document
(`communique.analysis/1`); extra fields may be added, none renamed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

SCHEMA_ID = "communique.analysis/1"

SECTION_KINDS = ("title", "toc", "reporting", "commentary", "faq", "interview", "boilerplate")
EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
EVENT_STATUSES = (
    "occurred",
    "ongoing",
    "planned",
    "proposed",
    "conditional",
    "postponed",
    "cancelled",
    "denied",
    "hypothetical",
    "negated",
)
VERIFICATIONS = ("unverified", "single-source", "corroborated", "disputed")
ENTITY_TYPES = ("PERSON", "ORG", "MEDIA", "GPE", "LOC", "IGO", "OTHER")


@dataclass
class Article:
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    text: str


@dataclass
class Section:
    kind: str
    heading: str | None
    start: int
    end: int


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    flags: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    #: For a group reference ("the two sides", "both countries"): ids of the entities it joins.
    members: list[str] = field(default_factory=list)


@dataclass
class Statement:
    id: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    kind: str
    content: str
    start: int
    end: int
    section: str
    channel: str | None = None
    relays: list[str] = field(default_factory=list)
    date: str | None = None
    hedges: list[str] = field(default_factory=list)
    #: The channel as written when it is not an entity ("Russian state media").
    channel_text: str | None = None
    #: Offsets of the speaker and the cue as written, when the text names them.
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    #: The quoted parts [start, end] of a direct statement the writer's words interrupt
    #: ("“A,” she said. “B.”"): what was said word for word, without the attribution.
    quoted: list[list[int]] = field(default_factory=list)


@dataclass
class Interval:
    start: str
    end: str


@dataclass
class Timex:
    text: str
    start: int
    end: int
    type: str
    value: str | None
    interval: Interval | None = None
    anchor: str | None = "published"
    mod: str | None = None


@dataclass
class Location:
    text: str | None
    country: str | None
    kind: str


@dataclass
class When:
    text: str | None
    start: str | None
    end: str | None


@dataclass
class Event:
    id: str
    type: str
    mode: str | None
    status: str
    actors: list[str]
    recipients: list[str]
    countries: list[str]
    location: Location | None
    when: When | None
    topics: list[str]
    conditions: list[str]
    source: str | None
    verification: str
    evidence: list[Mention]
    section: str
    confidence: float
    #: ISO3 codes of each side (the contract's `countries` joins both).
    actor_countries: list[str] = field(default_factory=list)
    recipient_countries: list[str] = field(default_factory=list)


@dataclass
class Flag:
    kind: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass
class Document:
    """One article on its way through the pipeline.

    Stages read what earlier stages assigned and add their own part; `spacy_doc`
    is the single parse of `article.text`, made once by the parse stage.
    """

    article: Article
    raw_text: str = ""
    html: str | None = None
    sections: list[Section] = field(default_factory=list)
    spacy_doc: SpacyDoc | None = None
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    stages: dict[str, str] = field(default_factory=dict)
    _section_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def section_at(self, offset: int) -> Section | None:
        """The section holding a character offset, or None before the first one."""
        if len(self._section_starts) != len(self.sections):
            self._section_starts = [s.start for s in self.sections]
        i = bisect_right(self._section_starts, offset) - 1
        if i < 0:
            return None
        section = self.sections[i]
        return section if offset < section.end else None

    def section_kind_at(self, offset: int) -> str:
        section = self.section_at(offset)
        return section.kind if section else "reporting"

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps [start, end), preferring the widest overlap."""
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            for m in ent.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, ent)
        return best[1] if best else None

    def to_dict(self) -> dict[str, Any]:
        """The analysis as the `communique.analysis/1` JSON object."""
        return {
            "schema": SCHEMA_ID,
            "article": asdict(self.article),
            "sections": [asdict(s) for s in self.sections],
            "entities": [asdict(e) for e in self.entities],
            "statements": [asdict(s) for s in self.statements],
            "timexes": [asdict(t) for t in self.timexes],
            "events": [asdict(e) for e in self.events],
            "flags": [asdict(f) for f in self.flags],
            "stages": dict(self.stages),
        }

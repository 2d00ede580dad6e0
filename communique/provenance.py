"""Provenance stage: how far each event can be trusted on the article's own evidence.

An event is `unverified` when the text hedges it (its source statement carries hedges, e.g.
"could not be independently verified") or when it rests on one interested party: the source
speaker's country takes part in the event and no other mention backs it. Otherwise it is
`single-source`: one article is one source; corroboration is a corpus-level judgement.
"""

from __future__ import annotations

from communique.document import Document, Event, Statement
from communique.pipeline import register


class ProvenanceAssigner:
    name = "communique.provenance.v1"
    version = "1"
    requires: tuple[str, ...] = ("events", "statements", "entities")
    assigns: tuple[str, ...] = ("events.verification",)

    def __call__(self, doc: Document) -> Document:
        statements = {s.id: s for s in doc.statements}
        for event in doc.events:
            event.verification = verification(doc, event, statements)
        return doc


def _hedged(doc: Document, event: Event, statement: Statement | None) -> bool:
    """Whether the source statement, or a statement holding the evidence, is hedged."""
    if statement is not None and statement.hedges:
        return True
    for s in doc.statements:
        if not s.hedges:
            continue
        if any(s.start < m.end and m.start < s.end for m in event.evidence):
            return True
    return False


def _backers(doc: Document, event: Event) -> set[str | None]:
    """The sources behind the event's mentions: statement ids, None for the article's voice."""
    found: set[str | None] = set()
    for mention in event.evidence:
        holder = next(
            (s.id for s in doc.statements if s.start < mention.end and mention.start < s.end),
            None,
        )
        found.add(holder)
    return found


def verification(doc: Document, event: Event, statements: dict[str, Statement]) -> str:
    """`unverified` or `single-source` for one event of one article."""
    statement = statements.get(event.source) if event.source else None
    if _hedged(doc, event, statement):
        return "unverified"
    if statement is not None:
        speaker = doc.entity(statement.speaker)
        interested = speaker is not None and speaker.country in event.countries
        backers = _backers(doc, event) | {event.source}
        if interested and len(backers) <= 1:
            return "unverified"
    return "single-source"


@register(ProvenanceAssigner.name)
def make_provenance() -> ProvenanceAssigner:
    return ProvenanceAssigner()

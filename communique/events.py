"""Events stage (first version pending)."""

from __future__ import annotations

from communique.document import Document
from communique.pipeline import register


class EventExtractor:
    name = "communique.events.v1"
    version = "0"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        return doc


@register(EventExtractor.name)
def make_events() -> EventExtractor:
    return EventExtractor()

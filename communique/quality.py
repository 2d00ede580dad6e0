"""Quality stage (first version pending)."""

from __future__ import annotations

from communique.document import Document
from communique.pipeline import register


class QualityFlagger:
    name = "communique.quality.v1"
    version = "0"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        return doc


@register(QualityFlagger.name)
def make_quality() -> QualityFlagger:
    return QualityFlagger()

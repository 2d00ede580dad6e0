"""communique: diplomatic news in, a verifiable record of events and claims out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from communique.corpus.store import Corpus
    from communique.document import Document


def analyze(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
) -> Document:
    """Analyse one article given as plain text."""
    from communique.pipeline import default_pipeline
    from communique.readers import article_from_text

    doc = article_from_text(
        text, source="<text>", published=published, title=title, url=url, outlet=outlet, id=id
    )
    return default_pipeline()(doc)


def resolve_actor(text: str, date: str | None = None) -> dict[str, Any]:
    """Resolve a name or title to `{"name", "type", "country", "sector", "role"}`."""
    from communique.actors import resolve_actor as _resolve

    return _resolve(text, date=date)


def open(db: str = "communique.db") -> Corpus:  # noqa: A001 - the API the issue names
    """Open (or create) a corpus store: `communique.open(db).engagements(country=[...])`."""
    from communique.corpus.store import Corpus

    return Corpus(db)


__all__ = ["analyze", "open", "resolve_actor", "__version__"]

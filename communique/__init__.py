"""communique: diplomatic news in, a verifiable record of events and claims out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Modules the build may compile to C (see setup.py); their Python source is the reference.
NATIVE_MODULES = ("quotes",)


def stale_builds(directory: Path, names: Iterable[str]) -> list[str]:
    """The modules of `names` compiled in `directory` whose Python source changed after the
    build (edited or checked out since the last install): their compiled copy is old code."""
    from importlib.machinery import EXTENSION_SUFFIXES

    stale = []
    for name in names:
        source = directory / f"{name}.py"
        built = [directory / f"{name}{suffix}" for suffix in EXTENSION_SUFFIXES]
        times = [path.stat().st_mtime for path in built if path.exists()]
        if times and source.exists() and min(times) < source.stat().st_mtime:
            stale.append(name)
    return stale


def _prefer_newer_source() -> None:
    """Import a stale compiled module's Python source in its place (in a source checkout:
    an installed package is not edited, and the order its files are written in is not its
    modules' history)."""
    import importlib.util
    import sys

    here = Path(__file__).parent
    if "site-packages" in here.parts or "dist-packages" in here.parts:
        return
    for name in stale_builds(here, NATIVE_MODULES):
        spec = importlib.util.spec_from_file_location(f"{__name__}.{name}", here / f"{name}.py")
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        globals()[name] = module  # as an import of the submodule sets it


_prefer_newer_source()

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

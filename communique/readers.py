"""Readers: plain text, HTML, one JSON article object, JSON Lines and stdin.

Each reader yields `Document`s (or `Failure`s for items it cannot read, so that a
batch goes on past them). Values given on the command line override the input's.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from communique.document import Article, Document
from communique.errors import CommuniqueError, Errors
from communique.pipeline import Failure

#: Share of common English function words below which a text is taken as not English.
MIN_ENGLISH_RATIO = 0.08
#: Texts shorter than this many words are too short to judge their language.
MIN_WORDS_FOR_LANGUAGE = 25
#: A first line longer than this many words is prose, not a title.
MAX_TITLE_WORDS = 25

_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "was",
        "were",
        "are",
        "it",
        "its",
        "this",
        "be",
        "has",
        "have",
        "had",
        "not",
        "but",
        "or",
        "an",
        "will",
        "would",
        "said",
        "which",
        "who",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Overrides:
    """Article fields given on the command line; None leaves the input's value."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


def normalise_date(value: Any, field: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date or datetime string; None stays None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise CommuniqueError(Errors.E005, value=text, field=field) from None


def content_id(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check_language(text: str, source: str, declared: str | None = None) -> str:
    """'en', or an E004 error when the declared or apparent language is another."""
    if declared and declared.lower().split("-")[0] not in ("en", "eng", "english"):
        raise CommuniqueError(Errors.E004, source=source, language=declared)
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        ratio = sum(w in _ENGLISH_WORDS for w in words) / len(words)
        if ratio < MIN_ENGLISH_RATIO:
            raise CommuniqueError(Errors.E004, source=source, language="not English")
    return "en"


def heading_title(text: str) -> str | None:
    """The first line when it looks like a heading (short, no final full stop, more follows)."""
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    if not first or len(first.split()) > MAX_TITLE_WORDS or first.endswith((".", ",", ";")):
        return None
    return first


def html_to_text(html: str, source: str) -> str:
    """Main text of an HTML page, headings kept as lines of their own."""
    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_formatting=True,
        favor_recall=True,
    )
    if not text or not text.strip():
        raise CommuniqueError(Errors.E011, source=source)
    # Headings come out as markdown ("## Heading"); keep the words, drop the markers.
    text = re.sub(r"(?m)^#{1,6}\s+", "", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    return text


def html_title(html: str) -> str | None:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    return meta.title if meta is not None and meta.title else None


def article_from_text(
    text: str,
    *,
    source: str,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
    language: str | None = None,
    html: str | None = None,
) -> Document:
    """A document for one article; raises a coded error for empty or non-English text."""
    if not text or not text.strip():
        raise CommuniqueError(Errors.E003, source=source)
    lang = check_language(text, source, language)
    article = Article(
        id=str(id) if id is not None and id != "" else content_id(text),
        title=title if title is not None else heading_title(text),
        url=url,
        outlet=outlet,
        published=normalise_date(published, "published"),
        language=lang,
        text=text,
    )
    return Document(article=article, raw_text=text, html=html)


def article_from_object(obj: Any, source: str, overrides: Overrides) -> Document:
    """A document from one JSON article object (`text` or `html`, and metadata)."""
    if not isinstance(obj, dict):
        raise CommuniqueError(Errors.E006, source=source, detail="expected a JSON object")
    html = obj.get("html")
    text = obj.get("text")
    if not text and html:
        text = html_to_text(str(html), source)
    if text is None and html is None:
        raise CommuniqueError(Errors.E007, source=source)
    title = overrides.title or obj.get("title") or (html_title(str(html)) if html else None)
    return article_from_text(
        str(text or ""),
        source=source,
        published=overrides.published or obj.get("published"),
        title=title,
        url=overrides.url or obj.get("url"),
        outlet=overrides.outlet or obj.get("outlet"),
        id=obj.get("id"),
        language=obj.get("language"),
        html=str(html) if html else None,
    )


def _read_source(path: str) -> tuple[str, str]:
    """The decoded content and a display name of a path or '-' for stdin."""
    if path == "-":
        raw = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise CommuniqueError(Errors.E001, path=path)
        if p.is_dir():
            raise CommuniqueError(Errors.E008, path=path, detail="it is a directory")
        try:
            raw = p.read_bytes()
        except OSError as err:
            raise CommuniqueError(Errors.E008, path=path, detail=err.strerror) from None
        name = path
    if b"\x00" in raw[:8192]:
        raise CommuniqueError(Errors.E002, path=name)
    try:
        return raw.decode("utf-8-sig"), name
    except UnicodeDecodeError:
        raise CommuniqueError(Errors.E002, path=name) from None


def _sniff(path: str, content: str) -> str:
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".txt", ".text", ".md"):
        return "text"
    head = content.lstrip()[:1000].lower()
    if head.startswith("{"):
        lines = [ln for ln in content.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines[:3]):
            return "jsonl"
        return "json"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def read_path(path: str, overrides: Overrides | None = None) -> Iterator[Document | Failure]:
    """Documents from one path (or '-'); a bad JSON line yields a Failure and reading goes on.

    An unreadable path raises, since nothing in it can be read.
    """
    overrides = overrides or Overrides()
    if overrides.published is not None:
        normalise_date(overrides.published, "--published")
    content, name = _read_source(path)
    kind = _sniff(path, content)
    if kind == "jsonl":
        for lineno, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{name}:{lineno}"
            try:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise CommuniqueError(Errors.E006, source=where, detail=err.msg) from None
                yield article_from_object(obj, where, overrides)
            except CommuniqueError as err:
                yield Failure(where, err.message)
        return
    if kind == "json":
        try:
            obj = json.loads(content)
        except json.JSONDecodeError as err:
            raise CommuniqueError(Errors.E006, source=name, detail=err.msg) from None
        items = obj if isinstance(obj, list) else [obj]
        for i, item in enumerate(items):
            where = name if len(items) == 1 else f"{name}[{i}]"
            try:
                yield article_from_object(item, where, overrides)
            except CommuniqueError as err:
                yield Failure(where, err.message)
        return
    html = content if kind == "html" else None
    text = html_to_text(content, name) if html else content
    title = overrides.title or (html_title(html) if html else None)
    yield article_from_text(
        text,
        source=name,
        published=overrides.published,
        title=title,
        url=overrides.url,
        outlet=overrides.outlet,
        html=html,
    )

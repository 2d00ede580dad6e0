"""Segment stage: divides the text into sections of a fixed set of kinds.

Works on lines of the cleaned text (one paragraph per line): the title line, a
table of contents whose entries reappear as headings, headings (short lines
without a closing full stop), interview turns (`Name: ...`), question headings
followed by generic prose (generated FAQ), the writer's own commentary, and
calls to comment, share or subscribe. Sections cover the text without gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from communique.document import Document, Section
from communique.lexicon import load_table
from communique.pipeline import register

#: A line with more words than this is prose, not a heading.
MAX_HEADING_WORDS = 16
#: Interview turns need at least this many turns ...
MIN_INTERVIEW_TURNS = 3
#: ... by at least this many distinct speakers.
MIN_INTERVIEW_SPEAKERS = 2
#: A speaker label has at most this many words ("Dr. Elena Ivanova", "Senior Editor").
MAX_LABEL_WORDS = 4

_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
_LABEL_WORD = r"[^\W\d_][\w.'’-]*"
_LABEL = re.compile(rf"^({_LABEL_WORD}(?: {_LABEL_WORD}){{0,{MAX_LABEL_WORDS - 1}}})\s*:\s+(\S.*)$")
_INTERVIEW_INTRO = re.compile(
    r"\b(spoke (with|to)|interview(ed)?|talked (with|to)|sat down with|asked)\b", re.I
)


@dataclass
class Line:
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    grouped: dict[str, list[str]] = {}
    for row in load_table("segment_cues"):
        grouped.setdefault(row["kind"], []).append(f"(?:{row['pattern']})")
    return {kind: re.compile("|".join(p), re.I) for kind, p in grouped.items()}


def _lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(pos, pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    return lines


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", _LIST_ITEM.sub("", text)).strip().lower()


def is_heading(text: str) -> bool:
    """A short line that does not end like a sentence (a question mark is allowed)."""
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and not text.rstrip().endswith((".", ",", ";", "!"))


def speaker_label(text: str) -> str | None:
    """The speaker of an interview turn ("Name: text"), or None."""
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group(1)
    if _cues()["plain_label"].match(label) or _cues()["commentary_label"].match(label):
        return None
    if not any(w[:1].isupper() for w in label.split()):
        return None
    return label


def _interview_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of consecutive interview turns by several speakers."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if speaker_label(lines[i].text) is None:
            i += 1
            continue
        j = i
        speakers = set()
        while j < len(lines) and (label := speaker_label(lines[j].text)) is not None:
            speakers.add(label.lower().replace("dr ", "dr. "))
            j += 1
        if j - i >= MIN_INTERVIEW_TURNS and len(speakers) >= MIN_INTERVIEW_SPEAKERS:
            runs.append((i, j))
        i = j
    return runs


def _body_kind(heading: str | None, body: list[Line]) -> str:
    """Kind of the prose under a heading: reporting, faq or commentary."""
    text = " ".join(line.text for line in body)
    if heading and _cues()["commentary_label"].match(heading):
        return "commentary"
    reports = bool(_cues()["attribution"].search(text))
    if heading and heading.rstrip().endswith("?"):
        return "reporting" if reports and _cues()["attribution"].search(text[:400]) else "faq"
    if heading is None:
        return "reporting"
    return "reporting" if reports else "commentary"


def segment(text: str, title: str | None = None) -> list[Section]:
    """Sections covering `text`, in order."""
    lines = _lines(text)
    if not lines:
        return []
    cues = _cues()
    kinds: list[str | None] = [None] * len(lines)
    headings: list[str | None] = [None] * len(lines)
    starts_section = [False] * len(lines)

    i = 0
    if (
        title
        and _norm(lines[0].text) == _norm(title)
        or (title is None and len(lines) > 1 and is_heading(lines[0].text))
    ):
        kinds[0], headings[0], starts_section[0] = "title", lines[0].text, True
        i = 1

    toc_entries: set[str] = set()
    for k in range(i, len(lines)):
        if cues["toc_heading"].match(lines[k].text):
            kinds[k], headings[k], starts_section[k] = "toc", lines[k].text, True
            m = k + 1
            while m < len(lines) and _LIST_ITEM.match(lines[m].text):
                kinds[m] = "toc"
                toc_entries.add(_norm(lines[m].text))
                m += 1
            break

    for a, b in _interview_runs(lines):
        first = a
        if a > 0 and kinds[a - 1] is None and _INTERVIEW_INTRO.search(lines[a - 1].text):
            first = a - 1
            if first > 0 and kinds[first - 1] is None and _is_label_heading(lines[first - 1].text):
                first -= 1
        for k in range(first, b):
            kinds[k] = "interview"
        starts_section[first] = True
        headings[first] = _heading_text(lines[first].text) if first < a else None
        if b < len(lines):
            starts_section[b] = True

    for k, line in enumerate(lines):
        if kinds[k] is not None:
            continue
        if cues["boilerplate"].search(line.text):
            kinds[k], starts_section[k] = "boilerplate", True
            if k + 1 < len(lines):
                starts_section[k + 1] = True
            continue
        label = _LABEL.match(line.text)
        if label and cues["commentary_label"].match(label.group(1)):
            if is_heading(line.text):  # a heading: the prose under it is commentary
                headings[k], starts_section[k] = line.text, True
            else:  # a labelled paragraph
                kinds[k], headings[k], starts_section[k] = "commentary", label.group(1), True
            continue
        nxt = lines[k + 1].text if k + 1 < len(lines) else ""
        next_is_prose = bool(nxt) and not is_heading(nxt) and not nxt[:1].islower()
        if _norm(line.text) in toc_entries or (is_heading(line.text) and next_is_prose):
            headings[k], starts_section[k] = _heading_text(line.text), True

    return _build_sections(text, lines, kinds, headings, starts_section)


def _is_label_heading(text: str) -> bool:
    m = _LABEL.match(text)
    return bool(m and _cues()["plain_label"].match(m.group(1)))


def _heading_text(text: str) -> str:
    m = _LABEL.match(text)
    if m and _cues()["plain_label"].match(m.group(1)):
        return m.group(2).strip()
    return text.strip()


def _build_sections(
    text: str,
    lines: list[Line],
    kinds: list[str | None],
    headings: list[str | None],
    starts: list[bool],
) -> list[Section]:
    groups: list[list[int]] = []
    for k in range(len(lines)):
        if starts[k] or not groups or kinds[k] != kinds[groups[-1][-1]]:
            groups.append([k])
        else:
            groups[-1].append(k)
    sections: list[Section] = []
    for g in groups:
        first = g[0]
        kind = kinds[first]
        heading = headings[first]
        if kind is None:
            body = [lines[k] for k in g if not (k == first and heading)]
            kind = _body_kind(heading, body)
        start = lines[first].start if sections else 0
        sections.append(Section(kind, heading, start, lines[g[-1]].end))
    for prev, nxt in zip(sections, sections[1:], strict=False):
        prev.end = nxt.start
    sections[-1].end = len(text)
    return sections


class Segmenter:
    name = "communique.segment.v1"
    version = "1"
    requires = ("article.text", "article.title")
    assigns = ("sections",)

    def __call__(self, doc: Document) -> Document:
        doc.sections = segment(doc.article.text, doc.article.title)
        return doc


@register(Segmenter.name)
def make_segment() -> Segmenter:
    return Segmenter()

"""Clean stage: Unicode and whitespace repair.

Offsets everywhere else refer to the cleaned text, which becomes `article.text`.
Repairs are ones no reader would dispute (mojibake, a missing space after a
comma or full stop between two words); casing errors and misspellings are left
in place and reported as flags by the quality stage.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

from communique.document import Document, Flag
from communique.pipeline import register

#: Endings that make "word.word" a domain name or file name rather than two sentences.
DOMAIN_ENDINGS = frozenset(
    [
        "com",
        "org",
        "net",
        "gov",
        "edu",
        "int",
        "mil",
        "io",
        "co",
        "uk",
        "ru",
        "cn",
        "de",
        "fr",
        "it",
        "es",
        "eu",
        "ua",
        "ir",
        "in",
        "pk",
        "info",
        "biz",
        "news",
        "html",
        "htm",
        "php",
        "asp",
        "aspx",
        "pdf",
        "jpg",
        "png",
        "tv",
        "me",
        "ly",
        "am",
        "az",
        "rs",
        "xk",
    ]
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")
# "agenda,stating" / "today,a shift": a comma, semicolon or colon glued to the next word.
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]{2})([,;])(?=[^\W\d_])")
# "control.This": sentence punctuation glued to a capitalised word.
_GLUED_STOP_UPPER = re.compile(r"(?<=[a-z]{2})([.!?])(?=[A-Z][a-z])")
# "talks.how": a full stop glued to a lower-case word (unless it is a domain or file name).
_GLUED_STOP_LOWER = re.compile(r"(?<=[a-z]{2})([.!?])([a-z]{2,})\b")
# A line break inside a sentence: no closing punctuation before it, a lower-case word after it.
_BROKEN_LINE = re.compile(r"(?<=[^\s.!?:;\"”])\n(?=[a-z])")
_URLISH = re.compile(r"(?:https?://\S*|(?:^|\W)www|\S*\.\S*)$")


def repair_unicode(text: str) -> str:
    """Fix mojibake and compose characters, keeping typographic quotes as written."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=True)
    fixed = _ZERO_WIDTH.sub("", fixed)
    return unicodedata.normalize("NFC", fixed)


def _split_glued_stop(match: re.Match[str]) -> str:
    word = match.group(2)
    before = match.string[: match.start()]
    if word in DOMAIN_ENDINGS or _URLISH.search(before.rsplit(None, 1)[-1] if before else ""):
        return match.group(0)
    return f"{match.group(1)} {word}"


def repair_whitespace(text: str) -> tuple[str, int]:
    """Normalise line ends and spaces, join lines broken mid-sentence, and put back spaces
    missing after punctuation."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    text, joined = _BROKEN_LINE.subn(" ", text)
    repaired, n1 = _GLUED_COMMA.subn(r"\1 ", text)
    repaired, n2 = _GLUED_STOP_UPPER.subn(r"\1 ", repaired)
    before = repaired
    repaired = _GLUED_STOP_LOWER.sub(_split_glued_stop, repaired)
    n3 = len(repaired) - len(before)
    return repaired, n1 + n2 + n3 + joined


def clean_text(text: str) -> tuple[str, int]:
    """The cleaned text and the number of missing spaces put back."""
    return repair_whitespace(repair_unicode(text))


class TextCleaner:
    name = "communique.clean.v1"
    version = "1"
    requires = ("raw_text",)
    assigns = ("article.text", "article.title")

    def __call__(self, doc: Document) -> Document:
        cleaned, spaces = clean_text(doc.article.text)
        unicode_fixed = repair_unicode(doc.article.text) != doc.article.text
        doc.article.text = cleaned
        if doc.article.title:
            doc.article.title = clean_text(doc.article.title)[0]
        if spaces or unicode_fixed:
            parts = []
            if unicode_fixed:
                parts.append("Unicode errors")
            if spaces:
                parts.append(f"{spaces} missing space(s) or broken line(s)")
            doc.flags.append(Flag("text_repaired", "Repaired " + " and ".join(parts)))
        return doc


@register(TextCleaner.name)
def make_clean() -> TextCleaner:
    return TextCleaner()

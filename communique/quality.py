"""Quality stage: flags about the text and its sources.

Casing errors of known names ("russia"), likely misspellings (pyspellchecker's
dictionary), sentences that
start in lower case, outlets marked as state-affiliated and experts quoted with
no affiliation become `flags`; nothing in the text is rewritten.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.document import Document, Flag
from communique.lexicon import load_table

if TYPE_CHECKING:
    from spellchecker import SpellChecker
from communique.pipeline import register

#: Misspellings are only looked for in words at least this long.
MIN_TYPO_LENGTH = 4
#: A suggested correction must be at least this frequent (share of running English words),
#: so that rare words and names one letter from a rare word are not flagged.
MIN_WORD_FREQUENCY = 1e-5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _known_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern finding country names in any casing, and each name's proper form."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                names[value.lower()] = value
    for extra in ("United States", "Russia", "Britain", "America", "European Union", "Kremlin"):
        names[extra.lower()] = extra
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.I), names


@lru_cache(maxsize=1)
def _speller() -> SpellChecker:
    """An English spelling dictionary with word frequencies (pyspellchecker's)."""
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


def casing_flags(text: str) -> list[Flag]:
    pattern, names = _known_names()
    flags = []
    for m in pattern.finditer(text):
        found = m.group(0)
        proper = names[found.lower()]
        if found != proper and not found.isupper():
            flags.append(
                Flag("text_issue", f"Casing: {found!r} should be {proper!r}", m.start(), m.end())
            )
    return flags


@lru_cache(maxsize=1)
def _spelling_variants() -> tuple[tuple[str, str], ...]:
    """British endings and infixes with their American counterparts, longest first."""
    rows = load_table("spelling_variants")
    pairs = {(r["british"], r["american"]) for r in rows}
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def is_spelling_variant(word: str, speller: SpellChecker) -> bool:
    """Whether `word` is a known word in British spelling ("defence", "programme")."""
    for british, american in _spelling_variants():
        at = word.rfind(british)
        while at > 0:
            candidate = word[:at] + american + word[at + len(british) :]
            if not speller.unknown([candidate]):
                return True
            at = word.rfind(british, 0, at)
    return False


def spelling_flags(text: str) -> list[Flag]:
    """Lower-case words unknown to the dictionary that are one edit from a common word.

    Capitalised words are left alone: they are mostly names the dictionary cannot know.
    """
    speller = _speller()
    words = [m for m in _WORD.finditer(text) if m.group(0).isalpha() and m.group(0).islower()]
    unknown = speller.unknown({m.group(0) for m in words if len(m.group(0)) >= MIN_TYPO_LENGTH})
    flags = []
    for m in words:
        word = m.group(0)
        if word not in unknown or is_spelling_variant(word, speller):
            continue
        right = speller.correction(word)
        if right and right != word and speller.word_usage_frequency(right) >= MIN_WORD_FREQUENCY:
            msg = f"Spelling: {word!r} looks like a misspelling of {right!r}"
            flags.append(Flag("text_issue", msg, m.start(), m.end()))
    return flags


def sentence_case_flags(doc: Document) -> list[Flag]:
    if doc.spacy_doc is None:
        return []
    flags = []
    for sent in doc.spacy_doc.sents:
        first = next((t for t in sent if t.is_alpha), None)
        if first is not None and first.i == sent.start and first.text[0].islower():
            flags.append(
                Flag(
                    "text_issue",
                    f"Sentence starts in lower case: {first.text!r}",
                    first.idx,
                    first.idx + len(first.text),
                )
            )
    return flags


def source_flags(doc: Document) -> list[Flag]:
    flags = []
    for ent in doc.entities:
        first = ent.mentions[0] if ent.mentions else None
        start, end = (first.start, first.end) if first else (None, None)
        if "state_media" in ent.flags:
            flags.append(Flag("state_media", f"{ent.name} is state-affiliated media", start, end))
        if "unidentified_expert" in ent.flags:
            msg = f"{ent.name} is presented as an expert with no stated affiliation"
            flags.append(Flag("unidentified_expert", msg, start, end))
    return flags


class QualityFlagger:
    name = "communique.quality.v1"
    version = "1"
    requires = ("article.text", "spacy_doc", "entities")
    assigns = ("flags",)

    def __call__(self, doc: Document) -> Document:
        text = doc.article.text
        new = casing_flags(text) + spelling_flags(text) + sentence_case_flags(doc)
        new += source_flags(doc)
        doc.flags.extend(sorted(new, key=lambda f: f.start if f.start is not None else -1))
        return doc


@register(QualityFlagger.name)
def make_quality() -> QualityFlagger:
    return QualityFlagger()

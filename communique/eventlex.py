"""The knowledge the events stage reads: triggers, status cues, topics, place and group phrases.

Everything here is loaded once from the TSV tables in `communique/data/` and indexed for
lookups by lemma, so the stage itself holds no word lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from communique.lexicon import load_table


@dataclass(frozen=True)
class TriggerEntry:
    """One row of `event_triggers.tsv`."""

    lemma: str
    with_lemma: str | None
    pos: str
    type: str
    mode: str | None
    status: str | None
    strength: float
    without_dep: str | None = None


@dataclass(frozen=True)
class StatusCue:
    """One row of `status_cues.tsv`."""

    cue: str
    where: str
    status: str
    rank: int


@lru_cache(maxsize=1)
def triggers_by_lemma() -> dict[str, tuple[TriggerEntry, ...]]:
    """Trigger entries keyed by head lemma, entries needing a dependent first."""
    index: dict[str, list[TriggerEntry]] = {}
    for row in load_table("event_triggers"):
        entry = TriggerEntry(
            lemma=row["trigger"].lower(),
            with_lemma=row["with"].lower() or None,
            pos=row["pos"],
            type=row["type"],
            mode=row["mode"] or None,
            status=row["status"] or None,
            strength=float(row["strength"] or 1.0),
            without_dep=row.get("without") or None,
        )
        index.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: e.with_lemma is None)) for k, v in index.items()}


@lru_cache(maxsize=1)
def status_cues() -> dict[tuple[str, str], StatusCue]:
    """Status cues keyed by (where, cue lemma or lemmas)."""
    cues: dict[tuple[str, str], StatusCue] = {}
    for row in load_table("status_cues"):
        cue = StatusCue(row["cue"].lower(), row["where"], row["status"], int(row["rank"]))
        cues[(cue.where, cue.cue)] = cue
    return cues


@lru_cache(maxsize=1)
def topic_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One word-bounded pattern over every topic phrase, longest first (so "maritime security"
    is read as one phrase, not also as "security"), and the topic of each phrase."""
    rows = load_table("topics")
    by_phrase = {row["phrase"].lower(): row["topic"] for row in rows}
    phrases = sorted(by_phrase, key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in phrases)
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE), by_phrase


def topics_in(text: str) -> list[str]:
    """Topic labels whose phrases occur in a text, in order of first occurrence."""
    return list(_topics_in(text))


@lru_cache(maxsize=1024)
def _topics_in(text: str) -> tuple[str, ...]:
    pattern, by_phrase = topic_pattern()
    seen: list[str] = []
    for m in pattern.finditer(text):
        topic = by_phrase[m.group(0).lower()]
        if topic not in seen:
            seen.append(topic)
    return tuple(seen)


@lru_cache(maxsize=1)
def event_phrases() -> dict[str, tuple[str, ...]]:
    """Phrases of `event_phrases.tsv` (lower case) grouped by kind."""
    grouped: dict[str, list[str]] = {}
    for row in load_table("event_phrases"):
        grouped.setdefault(row["kind"], []).append(row["phrase"].lower())
    return {k: tuple(v) for k, v in grouped.items()}


def has_phrase(text: str, kind: str) -> bool:
    """Whether a text holds one of the phrases of a kind in `event_phrases.tsv`."""
    lowered = " " + " ".join(text.lower().split()) + " "
    return any(f" {p} " in lowered for p in event_phrases().get(kind, ()))


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of the verbs that report speech, from the statements stage's `cues.tsv`."""
    return frozenset(
        row["cue"].lower()
        for row in load_table("cues")
        if row.get("act") == "speech" and row.get("form") == "verb" and " " not in row["cue"]
    )


#: Longest country alias in tokens that the alias lookup tries.
MAX_ALIAS_TOKENS = 4


@lru_cache(maxsize=1)
def country_aliases() -> tuple[dict[str, str], dict[str, str]]:
    """Country names and demonyms to ISO3: (case-sensitive short forms, lower-cased others).

    Reads the shared `countries.tsv` alias table (names, demonyms, capitals, metonyms) and adds
    pycountry's names when it is installed. All-capital aliases of up to three letters ("US")
    are matched case-sensitively so that pronouns are not taken for countries.
    """
    exact: dict[str, str] = {}
    lowered: dict[str, str] = {}

    def add(alias: str, code: str) -> None:
        alias = alias.strip()
        if not alias or not code:
            return
        if alias.isupper() and len(alias.replace(".", "")) <= 3:
            exact.setdefault(alias, code)
        else:
            lowered.setdefault(alias.lower(), code)

    try:
        rows = load_table("countries")
    except FileNotFoundError:
        rows = ()
    for row in rows:
        add(row.get("alias", ""), row.get("code", ""))
        if row.get("kind") == "demonym":
            plural = demonym_plural(row.get("alias", ""))
            if plural:
                add(plural, row.get("code", ""))
    try:
        import pycountry
    except ImportError:
        return exact, lowered
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                add(str(value), country.alpha_3)
    return exact, lowered


#: Endings of demonyms that have no plural in -s ("the French", "the Chinese", "the Swiss").
UNCOUNTED_DEMONYM_ENDINGS = ("s", "sh", "ch", "ese", "x", "z")


def demonym_plural(demonym: str) -> str | None:
    """The plural by which a demonym names a country's people ("Algerians"), if it has one."""
    demonym = demonym.strip()
    if not demonym or " " in demonym or demonym.endswith(UNCOUNTED_DEMONYM_ENDINGS):
        return None
    return demonym + "s"


@lru_cache(maxsize=1)
def alias_starts() -> frozenset[str]:
    """Lower-cased words an alias can begin with: first words, and the prefixes of one-word
    aliases (which may match split across tokens, as "U.S" + ".")."""
    exact, lowered = country_aliases()
    starts: set[str] = set()
    for alias in [*exact, *lowered]:
        words = alias.lower().split()
        starts.add(words[0])
        if len(words) == 1:
            starts.update(words[0][:k] for k in range(1, len(words[0])))
    return frozenset(starts)


def country_of_words(words: list[str]) -> tuple[str, int, int] | None:
    """The first country alias in a word sequence, as (ISO3, first word, end word)."""
    exact, lowered = country_aliases()
    starts = alias_starts()
    for i in range(len(words)):
        if words[i].lower() not in starts:
            continue
        for n in range(min(MAX_ALIAS_TOKENS, len(words) - i), 0, -1):
            chunk = words[i : i + n]
            joined = " ".join(chunk)
            code = exact.get(joined) or lowered.get(joined.lower())
            if code is None and n > 1:
                code = lowered.get("".join(chunk).lower())
            if code:
                return code, i, i + n
    return None

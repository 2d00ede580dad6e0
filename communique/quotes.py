"""Finds attributions in a parsed article: who said what, with which cue, as character spans.

This is the span-finding half of the statements stage; it reads only the text and its one
spaCy parse (never re-parsing) and knows nothing of entities or dates. It finds quote
regions (straight and curly double quotes, quotes running over several sentences or
paragraphs), reporting cues from `cues.tsv` with their speakers and content clauses, passive
attributions ("was raised by X", "X was quoted as saying"), "according to X", quotes that
continue a previous speaker's quote, and interview turns (`Name: text` lines).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import numpy

from communique.lexicon import load_table

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: Quote regions longer than this many characters come from unbalanced quote marks.
MAX_QUOTE_CHARS = 3000
#: A quote with no cue of its own is taken as a statement from this many words up
#: (shorter ones are titles, nicknames or scare quotes).
MIN_STANDALONE_QUOTE_WORDS = 5
#: Share of a content's words inside quote marks from which the statement is direct.
DIRECT_SHARE = 0.9
#: How many heads up a cue without its own subject may look for one ("..., stating that").
MAX_SUBJECT_HOPS = 3
#: A speaker taken as the words before the cue on its line has at most this many words.
MAX_LINE_SPEAKER_WORDS = 12
#: A quote counts as a cue's own when at most this many words stand between them
#: ("“...,” she said on Friday", "he told reporters: “...”").
MAX_QUOTE_GAP_WORDS = 4
#: A quote opening after a "X said:" sentence may start this many characters later.
MAX_COLON_GAP = 3
#: An interview label has at most this many words ("Dr. Elena Ivanova", "Senior Editor").
MAX_LABEL_WORDS = 4
#: A label must open this many turns of a run to count as a speaker.
MIN_LABEL_TURNS = 2
#: Labelled lines at most this many lines apart belong to one run of interview turns.
MAX_TURN_GAP_LINES = 2

OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
_WORD = re.compile(r"\w+")
_QUOTE_OR_BREAK = re.compile(
    "[\n" + re.escape(OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE) + "]"
)
_LABEL = re.compile(
    r"^([^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0," + str(MAX_LABEL_WORDS - 1) + r"})\s*:\s+(\S.*)$"
)
#: spaCy entity types that make a headline label a source ("Minister X: ...").
_NAME_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "relcl"})
#: Parts of speech that head a reported clause a parenthetical cue can hang from.
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
#: Cues whose noun object is the addressee, never the content ("told reporters").
_ADDRESSEE_CUES = frozenset({"tell", "brief", "inform", "assure", "reassure", "ask", "urge"})
#: One-word answers that are a whole content ("75 percent said yes").
_ANSWER_WORDS = frozenset({"yes", "no", "so"})
#: Tokens a span never ends on ("X is honest, and" before a cut conjunct).
_TRAILING_DEPS = frozenset({"cc", "punct", "prep", "mark"})
_EDGE_PUNCT = " \t\n,;:.–—-" + OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE + "'‘’"


#: A labelled line: its line number, its offset and the label match.
Labelled = tuple[int, int, "re.Match[str]"]


@dataclass
class Attribution:
    """One statement as spans of the article text, before entities and dates are attached."""

    kind: str
    start: int
    end: int
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    #: Tokens of the attribution clause outside content and speaker (channel, date, relays).
    frame: list[int] = field(default_factory=list)
    #: Outlet spans that relayed the statement, found in the attribution itself.
    relays: list[tuple[int, int]] = field(default_factory=list)
    via: str = "cue"
    #: What the cue names: speech, cognitive (belief, intention, perception) or evidence.
    act: str = "speech"


@dataclass(frozen=True)
class Cue:
    """One row of `cues.tsv`."""

    cue: str
    kind: str
    act: str
    form: str
    takes_object: bool
    takes_infinitive: bool = False
    #: The object counts only with a predicate after it ("called the plan a sham").
    needs_predicate: bool = False


@lru_cache(maxsize=1)
def _all_cues() -> tuple[Cue, ...]:
    return tuple(
        Cue(
            row["cue"],
            row["kind"],
            row["act"],
            row["form"],
            row["object"] in ("yes", "predicate"),
            row["infinitive"] == "yes",
            row["object"] == "predicate",
        )
        for row in load_table("cues")
    )


@lru_cache(maxsize=1)
def cue_table() -> dict[str, Cue]:
    """Verb and phrase cues by their lemma or phrase (not the noun and phrasal ones)."""
    return {c.cue: c for c in _all_cues() if c.form not in ("noun", "phrasal")}


@lru_cache(maxsize=1)
def phrasal_cues() -> dict[tuple[str, str], Cue]:
    """Verb + preposition cues ("call for") by (verb lemma, preposition)."""
    out = {}
    for c in _all_cues():
        if c.form == "phrasal":
            verb, prep = c.cue.rsplit(" ", 1)
            out[(verb, prep)] = c
    return out


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, Cue]:
    """Nouns whose that-clause is an attribution's content ("the claim that ...")."""
    return {c.cue: c for c in _all_cues() if c.form == "noun"}


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every lemma that can open a cue: verbs, nouns, the verb of a phrasal cue, "according"."""
    words = {c.cue for c in _all_cues() if c.form in ("verb", "noun")}
    words.update(verb for verb, _ in phrasal_cues())
    words.update(c.cue.split()[0] for c in _all_cues() if c.form == "prep")
    words.update(("say", "quote", "cite"))  # the verbs of "quoted as saying"
    return frozenset(words)


@lru_cache(maxsize=1)
def _acts() -> dict[str, str]:
    return {c.cue: c.act for c in _all_cues()}


def cue_act(cue: str | None) -> str | None:
    """The act a reported cue names (speech, cognitive, evidence), or None when unknown."""
    return _acts().get(cue) if cue is not None else None


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, quote marks included, in text order.

    Curly quotes pair opening with closing marks; straight quotes pair in turn. A quote
    left open at the end of a paragraph, with the next paragraph opening a quote, is closed
    at the paragraph end (the news convention for a quote running over paragraphs).
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    open_mark = ""
    n = len(text)
    for mark in _QUOTE_OR_BREAK.finditer(text):
        i = mark.start()
        ch = text[i]
        if ch == "\n" and open_at is not None:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (text[j] in OPENING_QUOTES or text[j] == STRAIGHT_QUOTE):
                regions.append((open_at, i))
                open_at = None
            elif "\n" in text[i + 1 : j] or j == n:
                open_at = None  # a quote never closed in its paragraph is noise
        elif ch in OPENING_QUOTES or (ch == STRAIGHT_QUOTE and open_at is None):
            open_at, open_mark = i, ch
        elif open_at is not None and (
            ch in CLOSING_QUOTES or (ch == STRAIGHT_QUOTE and open_mark == STRAIGHT_QUOTE)
        ):
            if i + 1 - open_at <= MAX_QUOTE_CHARS:
                regions.append((open_at, i + 1))
            open_at = None
    return regions


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding spaces, punctuation and quote marks."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def words_in(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _span_chars(tokens: Iterable[Token]) -> tuple[int, int]:
    toks = list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _subtree_range(token: Token) -> range:
    """Indices of a token's subtree (contiguous: the parser is projective)."""
    return range(token.left_edge.i, token.right_edge.i + 1)


@lru_cache(maxsize=1)
def noun_cue_lemmas() -> frozenset[str]:
    return frozenset(c.cue for c in _all_cues() if c.form == "noun")


@lru_cache(maxsize=1)
def speech_verb_lemmas() -> frozenset[str]:
    return frozenset(c.cue for c in cue_table().values() if c.form == "verb" and c.act == "speech")


def _subtree_chars(token: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """The character span from a token's left to its right edge, cut before excluded tokens."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    lo = hi = token.i
    if not exclude or not any(left <= i <= right for i in exclude):
        lo, hi = left, right
    else:
        while lo > left and lo - 1 not in exclude:
            lo -= 1
        while hi < right and hi + 1 not in exclude:
            hi += 1
    while hi > token.i and (doc[hi].dep_ in _TRAILING_DEPS or doc[hi].is_space):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


#: Dependents that follow a speaker's name without being part of it ("X, contingent upon ...").
_SPEAKER_TAIL_DEPS = frozenset({"relcl", "acl", "amod", "advcl", "advmod", "punct", "prep", "case"})
#: Prepositions that do belong to a speaker ("Joel Smith of the ministry").
_SPEAKER_PREPS = frozenset({"of", "from", "at", "for", "with", "in"})


def speaker_chars(token: Token, exclude: set[int], text: str) -> tuple[int, int]:
    """The speaker's noun phrase: its left part, appositions and "of X", no trailing clauses."""
    drop: set[int] = set(exclude)
    for child in token.children:
        if child.i > token.i and child.dep_ in _SPEAKER_TAIL_DEPS:
            if child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPS:
                continue
            drop.update(_subtree_range(child))
    start, end = _subtree_chars(token, drop)
    # a parse run over a line break (a headline above) must not pull the headline in
    line_start = text.rfind("\n", start, token.idx) + 1
    line_end = text.find("\n", token.idx, end)
    return max(start, line_start), end if line_end < 0 else line_end


class AttributionFinder:
    """Finds the attributions of one parsed text."""

    def __init__(
        self,
        sdoc: SpacyDoc,
        interview_spans: Iterable[tuple[int, int]] = (),
        text: str | None = None,
    ) -> None:
        self.sdoc = sdoc
        # the text the parse was made of; passing it spares spaCy rebuilding it
        self.text = sdoc.text if text is None else text
        self.cues = cue_table()
        self.quotes = quote_regions(self.text)
        self.interview_spans = list(interview_spans)
        from spacy.attrs import IDX, LENGTH

        offsets = sdoc.to_array([IDX, LENGTH]).reshape(-1, 2).astype("int64")
        self._tok_starts: list[int] = offsets[:, 0].tolist()
        self._tok_ends: list[int] = (offsets[:, 0] + offsets[:, 1]).tolist()
        self._in_quote = self._quoted_tokens()
        self._quote_starts = [qs for qs, _ in self.quotes]
        self._speech_verbs = tokens_with_lemma(sdoc, speech_verb_lemmas())
        self._relay_verbs = tokens_with_lemma(sdoc, relay_lemmas("passive_agent"))

    def _quoted_tokens(self) -> set[int]:
        inside: set[int] = set()
        for qs, qe in self.quotes:
            span = self.sdoc.char_span(qs, qe, alignment_mode="expand")
            if span is None or len(span) < 3:
                continue
            # tokens strictly between the marks: the first token holds the opening mark
            hi = span.end - 1 if span[-1].idx >= qe - 1 else span.end
            inside.update(range(span.start + 1, hi))
        return inside

    def find(self) -> list[Attribution]:
        found: list[Attribution] = []
        turns = self._interview_turns()
        found.extend(turns)
        taken = [(a.start, a.end) for a in turns]
        headline = None if turns else self._headline_claim()
        if headline is not None:
            found.append(headline)
            taken.append((headline.start, headline.end))
        for sent, indices in self._cue_candidates():
            if any(s <= sent.start_char < e for s, e in taken):
                continue
            found.extend(self._sentence_attributions(sent, indices))
        found.extend(self._continued_quotes(found, taken))
        found.sort(key=lambda a: (a.start, a.end))
        return _drop_duplicates(found)

    # -- interview turns -------------------------------------------------------

    def _interview_turns(self) -> list[Attribution]:
        """`Name: text` lines that alternate as a conversation.

        Labelled lines close together form a run; in a run, a label counts as a speaker when it
        opens several turns. A run counts when it has two such speakers, or lies in a section
        the segmenter marked as an interview. So one-off "Headline:" lines stay out.
        """
        labelled: list[Labelled] = []  # line number, offset, match
        pos = 0
        for n, raw in enumerate(self.text.split("\n")):
            m = _LABEL.match(raw)
            if m:
                labelled.append((n, pos, m))
            pos += len(raw) + 1
        turns = []
        for run in _turn_runs(labelled):
            in_section = any(
                s <= line_start < e for _, line_start, _ in run for s, e in self.interview_spans
            )
            if len({_label_key(m.group(1)) for _, _, m in run}) < 2 and not in_section:
                continue
            for _, line_start, m in run:
                start, end = trim(self.text, line_start + m.start(2), line_start + m.end(2))
                if end > start:
                    turns.append(self._turn(line_start, m, start, end))
        return turns

    def _headline_claim(self) -> Attribution | None:
        """ "Minister Name: Talks Will Resume" as the first line: the headline convention
        for a claim by a named person or body (the label must hold a name entity)."""
        first = self.text.split("\n", 1)[0]
        m = _LABEL.match(first)
        if m is None or words_in(first, m.start(2), m.end(2)) < MIN_STANDALONE_QUOTE_WORDS - 2:
            return None
        label = self.sdoc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if label is None or not any(t.ent_type_ in _NAME_ENTITY_TYPES for t in label):
            return None
        start, end = trim(self.text, m.start(2), m.end(2))
        if end <= start:
            return None
        start, end, kind = self._with_quotes(start, end)
        return self._turn(0, m, start, end, kind=kind, via="headline")

    def _turn(
        self,
        line_start: int,
        m: re.Match[str],
        start: int,
        end: int,
        kind: str = "direct",
        via: str = "turn",
    ) -> Attribution:
        return Attribution(
            kind=kind,
            start=start,
            end=end,
            cue=":",
            cue_start=line_start + m.end(1),
            cue_end=line_start + m.end(1) + 1,
            speaker_start=line_start + m.start(1),
            speaker_end=line_start + m.end(1),
            speaker_text=m.group(1),
            via=via,
        )

    # -- cue-led attributions --------------------------------------------------

    def _cue_candidates(self) -> list[tuple[SpacySpan, list[int]]]:
        """Sentences holding a possible cue word, with those words' indices.

        One array look-up over the lemma and lower-case hashes picks the few tokens worth
        looking at, so the stage never walks every token of the parse in Python.
        """
        from spacy.attrs import LEMMA, LOWER, SENT_START

        sdoc = self.sdoc
        if len(sdoc) == 0:
            return []
        hashes = _hashes(cue_words())
        arr = sdoc.to_array([LEMMA, LOWER, SENT_START])
        hit = numpy.isin(arr[:, 0], hashes) | numpy.isin(arr[:, 1], hashes)
        starts = sentence_starts(sdoc, arr[:, 2])
        by_sent: dict[int, list[int]] = {}
        for i in numpy.flatnonzero(hit):
            if int(i) in self._in_quote:
                continue
            k = bisect_right(starts, int(i)) - 1
            by_sent.setdefault(k, []).append(int(i))
        out = []
        for k, indices in by_sent.items():
            end = starts[k + 1] if k + 1 < len(starts) else len(sdoc)
            out.append((sdoc[starts[k] : end], indices))
        return out

    def _sentence_attributions(self, sent: SpacySpan, indices: list[int]) -> list[Attribution]:
        out = []
        for i in indices:
            tok = self.sdoc[i]
            att: Attribution | None = None
            lower = tok.lower_
            if lower == "according" and any(c.lower_ == "to" for c in tok.children):
                att = self._according_to(tok, sent)
            elif tok.pos_ == "NOUN":
                att = self._noun_cue(tok)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                att = self._verb_cue(tok, sent)
            if att is not None:
                out.append(att)
        return out

    def _noun_cue(self, tok: Token) -> Attribution | None:
        """ "his claim that ...", "the belief among diplomats that ...": the that-clause."""
        cue = noun_cues().get(tok.lemma_.lower())
        if cue is None:
            return None
        clause = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("acl", "ccomp")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        c_start, c_end = trim(self.text, *_subtree_chars(clause))
        if words_in(self.text, c_start, c_end) < 2:
            return None
        c_start, c_end, kind = self._with_quotes(c_start, c_end)
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next(
                (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None
            )
            owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
        s_start = s_end = None
        if owner is not None:
            s_start, s_end = speaker_chars(owner, {tok.i}, self.text)
        return Attribution(
            kind=kind,
            start=c_start,
            end=c_end,
            cue=cue.cue,
            cue_start=tok.idx,
            cue_end=tok.idx + len(tok),
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_text=self.text[s_start:s_end] if s_start is not None else None,
            via="noun",
            act=cue.act,
        )

    def _according_to(self, tok: Token, sent: SpacySpan) -> Attribution | None:
        to = next(c for c in tok.children if c.lower_ == "to")
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None or "according to" not in self.cues:
            return None
        phrase = set(_subtree_range(tok))
        s_start, s_end = speaker_chars(source, set(), self.text)
        # the content is the longer stretch of the sentence on either side of the phrase
        lo = min(phrase)
        hi = max(phrase)
        # a sentence the parser ran over a line break (a title above) starts after it
        line_start = self.text.rfind("\n", sent.start_char, self.sdoc[lo].idx) + 1
        before = trim(self.text, max(sent.start_char, line_start), self.sdoc[lo].idx)
        after_tok = self.sdoc[hi]
        after = trim(self.text, after_tok.idx + len(after_tok), sent.end_char)
        c_start, c_end = before if before[1] - before[0] >= after[1] - after[0] else after
        if words_in(self.text, c_start, c_end) < 2:
            return None
        c_end, relays = self._split_relay(c_start, c_end)
        c_start, c_end, kind = self._with_quotes(c_start, c_end)
        return Attribution(
            relays=relays,
            kind=kind,
            start=c_start,
            end=c_end,
            cue="according to",
            cue_start=tok.idx,
            cue_end=to.idx + len(to),
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_text=self.text[s_start:s_end],
            via="according",
        )

    def _verb_cue(self, tok: Token, sent: SpacySpan) -> Attribution | None:
        lemma = tok.lemma_.lower()
        # a verb + preposition cue ("called for") wins over the bare verb ("called it a sham")
        cue, particle = self._phrasal(tok, lemma)
        if cue is None:
            cue = self.cues.get(lemma)
            if cue is None or cue.form != "verb":
                return None
        children = list(tok.children)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        cue_text, cue_start, cue_end = cue.cue, tok.idx, tok.idx + len(tok)
        relays: list[tuple[int, int]] = []

        # "X was quoted as saying ..." / "Interfax quoted the ministry as saying ..."
        quoting = self._quoting_head(tok)
        speaker: Token | None = None
        if quoting is not None and "quoted as saying" in self.cues:
            cue_text, cue_start = "quoted as saying", quoting.idx
            q_children = list(quoting.children)
            if any(c.dep_ == "nsubjpass" for c in q_children):
                speaker = next(c for c in q_children if c.dep_ == "nsubjpass")
            else:
                speaker = next((c for c in q_children if c.dep_ == "dobj"), None)
                quoter = next((c for c in q_children if c.dep_ == "nsubj"), None)
                if quoter is not None:
                    relays.append(_subtree_chars(quoter))

        content: tuple[int, int] | None = None
        if passive and agent is not None and quoting is None:
            # "the possibility ... was raised by X": the subject is the content
            subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subj is None or pobj is None or _is_statement_noun(subj) or not cue.takes_object:
                return None
            speaker = pobj
            content = _subtree_chars(subj)
        elif passive and quoting is None:
            return None
        if speaker is None:
            speaker = self._subject(tok) or self._line_subject(tok)
        if speaker is None or speaker.dep_ == "expl" or self._is_infinitive_without_subject(tok):
            return None
        if speaker.lower_ == "it" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
            return None  # "it is vital to note": no one speaks
        if content is None and particle is not None:
            content = _object_of(particle)
        elif content is None:
            content = self._content(tok, cue, speaker, sent)
        if content is None:
            return None
        c_start, c_end = trim(self.text, *self._in_paragraph(content, tok))
        if c_end <= c_start or words_in(self.text, c_start, c_end) < 1:
            return None
        # a content holding the speaker or the cue is a misparse, unless the cue interrupts it
        interrupting = c_start <= tok.idx < c_end and self._interrupts(tok, c_start, c_end)
        s_start, s_end = speaker_chars(
            speaker,
            {tok.i} if interrupting else self._token_range(c_start, c_end) | {tok.i},
            self.text,
        )
        if c_start <= tok.idx < c_end and not interrupting:
            return None
        s_start, s_end = trim(self.text, *self._same_line_speaker(s_start, s_end, cue_start))
        if s_end <= s_start or (c_start < s_end and s_start < c_end and not interrupting):
            return None
        c_end, relays_in = self._split_relay(c_start, c_end)
        relays.extend(relays_in)
        c_start, c_end, kind = self._with_quotes(c_start, c_end)
        used = self._token_range(c_start, c_end) | self._token_range(s_start, s_end)
        if interrupting:
            used -= set(_subtree_range(tok))
            used |= self._token_range(s_start, s_end)
        frame = [
            i for i in range(sent.start, sent.end) if i not in used and i not in self._in_quote
        ]
        return Attribution(
            kind=kind,
            start=c_start,
            end=c_end,
            cue=cue_text,
            cue_start=cue_start,
            cue_end=cue_end,
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_text=self.text[s_start:s_end],
            frame=frame,
            relays=relays,
            act=cue.act,
        )

    def _in_paragraph(self, content: tuple[int, int], tok: Token) -> tuple[int, int]:
        """A content from the parse kept to the cue's paragraph (a sentence the parser ran
        over a line break must not pull in the next paragraph); quotes may run on."""
        start, end = content
        if any(qs == start for qs in self._quote_starts):
            return start, end
        lo = self.text.rfind("\n", 0, tok.idx) + 1
        hi = self.text.find("\n", tok.idx)
        hi = len(self.text) if hi < 0 else hi
        if end <= lo or start >= hi:
            return start, start
        return max(start, lo), min(end, hi)

    def _same_line_speaker(self, start: int, end: int, cue_start: int) -> tuple[int, int]:
        """A speaker the parser found on an earlier line (a headline run into the first
        sentence) gives way to the words before the cue on the cue's own line."""
        line_start = self.text.rfind("\n", 0, cue_start) + 1
        if end > line_start or line_start == 0:
            return start, end
        before = trim(self.text, line_start, cue_start)
        if 0 < words_in(self.text, *before) <= MAX_LINE_SPEAKER_WORDS:
            return before
        return start, end

    def _phrasal(self, tok: Token, lemma: str) -> tuple[Cue | None, Token | None]:
        """A verb + preposition cue ("called for talks") and its preposition."""
        table = phrasal_cues()
        for child in tok.children:
            if child.dep_ == "prep" and child.i > tok.i:
                cue = table.get((lemma, child.lower_))
                if cue is not None:
                    return cue, child
        return None, None

    @staticmethod
    def _quoting_head(tok: Token) -> Token | None:
        """The "quote" verb of "quoted as saying", when `tok` is the saying."""
        if tok.lemma_.lower() != "say" or tok.tag_ != "VBG":
            return None
        head = tok.head
        if head.lower_ == "as":
            head = head.head
        if head.lemma_.lower() in ("quote", "cite") and head is not tok:
            return head
        return None

    @staticmethod
    def _is_infinitive_without_subject(tok: Token) -> bool:
        """ "important to note": an infinitive hanging from no verb names no act of anyone
        ("refused to comment", "started to portray" take the governing verb's subject)."""
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if not has_to or any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            return False
        return not (tok.dep_ == "xcomp" and tok.head.pos_ == "VERB")

    def _subject(self, tok: Token) -> Token | None:
        """The cue's subject, or that of the verb a participle or conjunct hangs from.

        A conjunct or participle the parser hung inside another cue's content clause ("he
        said X and said that Y", "insisted that X, claiming that Y") takes that cue's subject.
        """
        cur = tok
        for _ in range(MAX_SUBJECT_HOPS + 1):
            subj = next((c for c in cur.children if c.dep_ in _SUBJECT_DEPS), None)
            if subj is not None:
                return subj
            if cur.dep_ not in _INHERIT_DEPS or cur.head is cur:
                return None
            if cur.dep_ in ("acl", "relcl"):
                # "officials speaking on condition of anonymity": the noun speaks
                return cur.head if cur.head.pos_ in ("NOUN", "PROPN", "PRON") else None
            cur = cur.head
            if cur.dep_ in _CLAUSE_DEPS and _is_speech_verb(cur.head) and cur.head is not cur:
                cur = cur.head
        return None

    def _content(
        self, tok: Token, cue: Cue, speaker: Token, sent: SpacySpan
    ) -> tuple[int, int] | None:
        speaker_tokens = set(_subtree_range(speaker))
        if cue.needs_predicate:
            # "called the plan a sham": the object and its predicate, and nothing else
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            pred = next((c for c in tok.children if c.dep_ == "oprd"), None)
            if obj is None or pred is None:
                return None
            return obj.left_edge.idx, pred.right_edge.idx + len(pred.right_edge)
        opening = self._opening_quote(tok)
        if opening is not None:
            return opening
        clauses = [
            c
            for c in tok.children
            if c.dep_ in _CLAUSE_DEPS and c.i not in speaker_tokens and c.pos_ != "ADJ"
        ]
        # "voters said X, and three-quarters said Y": a second cue with its own subject
        # is its own statement, not this one's content
        own = [c for c in clauses if not (_is_speech_verb(c) and _has_subject(c))]
        clauses = own or clauses
        # "X further elaborated on the agenda, stating that ...": the content is the
        # participle's clause, found when the participle is the cue.
        if clauses:
            clause = (
                clauses[0]
                if len(clauses) == 1
                else max(clauses, key=lambda c: len(_subtree_range(c)))
            )
            if (
                clause.dep_ == "xcomp"
                and not cue.takes_infinitive
                and _is_infinitive(clause)
                and not self._quoted_near(tok, sent)
            ):
                return None
            cut = _coordinated_cues(clause, self._speech_verbs)
            cut |= {
                i for c in clauses if c is not clause and c.i > clause.i for i in _subtree_range(c)
            }
            return _subtree_chars(clause, exclude={tok.i} | speaker_tokens | cut)
        parenthetical = self._parenthetical(tok, speaker)
        if parenthetical is not None:
            return parenthetical
        bare = self._bare_clause(tok, cue, speaker)
        if bare is not None:
            return bare
        obj_span = None
        if cue.takes_object:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ != "PRON":
                obj_span = _subtree_chars(obj, exclude={tok.i} | speaker_tokens)
        quote = self._adjacent_quote(tok, sent, speaker)
        # "decried the party for “turning its back”": a quote inside the object's
        # phrase is part of a mixed content
        if quote is not None and (obj_span is None or quote[0] < obj_span[0]):
            return quote
        if obj_span is not None:
            return obj_span
        if tok.lemma_.lower() in ("tell", "warn", "urge", "remind"):
            # "told reporters that ...": the clause can hang off the object
            for c in tok.children:
                if c.dep_ in ("dobj", "dative"):
                    inner = [g for g in c.children if g.dep_ in _CLAUSE_DEPS]
                    if inner:
                        return _subtree_chars(inner[0])
        return self._that_clause_in_prep(tok)

    @staticmethod
    def _that_clause_in_prep(tok: Token) -> tuple[int, int] | None:
        """ "said in a statement that ...": a that-clause the parser hung from the noun
        of the cue's preposition phrase is the cue's content."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.i < tok.i:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for clause in pobj.children:
                    if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                        g.dep_ == "mark" and g.lower_ == "that" for g in clause.children
                    ):
                        return _subtree_chars(clause)
        return None

    def _line_subject(self, tok: Token) -> Token | None:
        """A cue the parser joined to a line above (a headline or dateline) without a
        subject: the noun phrase opening the cue's own line is its speaker."""
        line_start = self.text.rfind("\n", 0, tok.idx) + 1
        if line_start == 0 or tok.head.idx >= line_start:
            return None
        span = self.sdoc.char_span(line_start, tok.idx, alignment_mode="expand")
        if span is None or not 0 < words_in(self.text, line_start, tok.idx) <= (
            MAX_LINE_SPEAKER_WORDS
        ):
            return None
        nouns = [t for t in span if t.pos_ in ("PROPN", "NOUN", "PRON")]
        return nouns[0] if nouns else None

    def _quoted_near(self, tok: Token, sent: SpacySpan) -> bool:
        return any(sent.start_char <= qs and qe <= sent.end_char + 1 for qs, qe in self.quotes)

    def _opening_quote(self, tok: Token) -> tuple[int, int] | None:
        """ "Clinton says, “...”" / "he replied: “...”": a quote opening right after the cue
        and a comma or colon (with at most a few words between, "told reporters:") is
        the content, whatever the parser attached it to."""
        end = tok.idx + len(tok)
        k = bisect_left(self._quote_starts, end)
        if k >= len(self.quotes):
            return None
        qs, qe = self.quotes[k]
        gap = self.text[end:qs]
        if not gap.rstrip().endswith((",", ":")) or "\n\n\n" in gap:
            return None
        if words_in(self.text, end, qs) > MAX_QUOTE_GAP_WORDS or "." in gap:
            return None
        return qs, qe

    @staticmethod
    def _interrupts(tok: Token, start: int, end: int) -> bool:
        """Whether a parenthetical cue stands inside the clause it reports."""
        head = tok.head
        return tok.dep_ in ("parataxis", "ccomp") and start <= head.idx < end

    def _parenthetical(self, tok: Token, speaker: Token) -> tuple[int, int] | None:
        """ "This campaign, he says, is different" / "Talks will resume, she said": a cue
        the parser hung from the reported clause; the content is that clause without the
        cue (its covering range when the cue interrupts it)."""
        head = tok.head
        if tok.dep_ not in ("parataxis", "ccomp") or head is tok or head.pos_ not in _CLAUSE_POS:
            return None
        if head.lemma_.lower() in cue_words() or any(
            c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "prep") and c.i > tok.i
            for c in tok.children
        ):
            return None
        doc = tok.doc
        left, right = tok.left_edge.i, tok.right_edge.i
        before = doc[left - 1] if left > 0 else None
        after = doc[right + 1] if right + 1 < len(doc) else None
        if before is None or not before.is_punct or (after is not None and not after.is_punct):
            return None
        own = _subtree_range(tok)
        rest = [i for i in _subtree_range(head) if i not in own]
        lo, hi = min(rest), max(rest)
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
        if words_in(self.text, start, end) < 2:
            return None
        return start, end

    def _bare_clause(self, tok: Token, cue: Cue, speaker: Token) -> tuple[int, int] | None:
        """ "says the movement sweeping the country appeals to ...": a verb that takes no
        noun object, parsed with one, heads a complement clause without "that"; the
        content runs from the object to the end of the cue's phrase."""
        if cue.takes_object or tok.lemma_.lower() in _ADDRESSEE_CUES:
            return None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.left_edge.i != tok.i + 1:
            return None
        # "rejected the envoy's claim that ...": an object naming a statement is reported
        # by its own noun cue, not a bare clause
        if obj.lemma_.lower() in noun_cue_lemmas():
            return None
        if obj.pos_ == "PRON" and obj.right_edge.i == obj.i and obj.lower_ not in _ANSWER_WORDS:
            return None
        doc = tok.doc
        hi = tok.right_edge.i
        while hi > obj.i and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        if speaker.i > tok.i:
            hi = min(hi, speaker.left_edge.i - 1)
        return obj.left_edge.idx, doc[hi].idx + len(doc[hi])

    def _adjacent_quote(
        self, tok: Token, sent: SpacySpan, speaker: Token | None = None
    ) -> tuple[int, int] | None:
        """A quote next to the cue and its speaker in the cue's sentence ("“...,” she
        said", "he said: “...”"), or one opening right after "X said:"."""
        lo, hi = tok.idx, tok.idx + len(tok)
        if speaker is not None:
            lo = min(lo, speaker.left_edge.idx)
            hi = max(hi, speaker.right_edge.idx + len(speaker.right_edge))
        inside = [
            (qs, qe)
            for qs, qe in self.quotes
            if qs < sent.end_char
            and qe > sent.start_char
            and (
                words_in(self.text, qe, lo) <= MAX_QUOTE_GAP_WORDS
                if qe <= lo
                else words_in(self.text, hi, qs) <= MAX_QUOTE_GAP_WORDS
            )
        ]
        if inside:
            return min(inside, key=lambda q: min(abs(q[0] - tok.idx), abs(q[1] - tok.idx)))
        tail = self.text[tok.idx + len(tok) : sent.end_char].strip()
        if tail.endswith(":") or tail == "":
            after = sent.end_char
            for qs, qe in self.quotes:
                if after <= qs <= after + MAX_COLON_GAP + 1 and self.text[sent.end_char - 1] == ":":
                    return qs, qe
        return None

    def _split_relay(self, start: int, end: int) -> tuple[int, list[tuple[int, int]]]:
        """Cut "..., as reported by Reuters" off a content; the outlets become relays."""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return end, []
        for i in self._relay_verbs:
            if not span.start <= i < span.end:
                continue
            tok = self.sdoc[i]
            if tok.tag_ != "VBN":
                continue
            mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as"), None)
            agents = [
                _subtree_chars(g)
                for a in tok.children
                if a.dep_ == "agent"
                for g in a.children
                if g.dep_ == "pobj"
            ]
            if mark is None or not agents:
                continue
            new_end = trim(self.text, start, mark.idx)[1]
            if new_end > start:
                return new_end, agents
        return end, []

    def _with_quotes(self, start: int, end: int) -> tuple[int, int, str]:
        """Widen a content to the quotes it overlaps and tell direct, mixed and indirect."""
        overlapping = [(qs, qe) for qs, qe in self.quotes if qs < end and qe > start]
        if not overlapping:
            return start, end, "indirect"
        new_start = min(start, *(qs for qs, _ in overlapping))
        new_end = max(end, *(qe for _, qe in overlapping))
        total = words_in(self.text, new_start, new_end)
        quoted = sum(words_in(self.text, qs, qe) for qs, qe in overlapping)
        new_start, new_end = trim(self.text, new_start, new_end)
        kind = "direct" if total and quoted / total >= DIRECT_SHARE else "mixed"
        return new_start, new_end, kind

    def _token_range(self, start: int, end: int) -> set[int]:
        """Indices of the tokens overlapping [start, end), by bisection (no span built)."""
        return set(range(bisect_right(self._tok_ends, start), bisect_left(self._tok_starts, end)))

    # -- quotes without a cue of their own -------------------------------------

    def _continued_quotes(
        self, found: list[Attribution], taken: list[tuple[int, int]]
    ) -> list[Attribution]:
        """Long quotes no cue claims: the previous direct speaker goes on talking."""
        covered = [(a.start, a.end) for a in found] + taken
        ordered = sorted(found, key=lambda a: a.start)
        out: list[Attribution] = []
        for qs, qe in self.quotes:
            c_start, c_end = trim(self.text, qs, qe)
            if any(s < c_end and c_start < e for s, e in covered):
                continue
            if words_in(self.text, c_start, c_end) < MIN_STANDALONE_QUOTE_WORDS:
                continue
            prev = [a for a in ordered + out if a.end <= qs and a.kind in ("direct", "mixed")]
            if not prev:
                continue
            last = max(prev, key=lambda a: a.end)
            between = self.text[last.end : qs]
            if _paragraph_breaks(between) > 1 or any(
                last.end <= a.start < qs for a in ordered if a.kind == "indirect"
            ):
                continue
            out.append(
                Attribution(
                    kind="direct",
                    start=c_start,
                    end=c_end,
                    cue=last.cue,
                    speaker_start=last.speaker_start,
                    speaker_end=last.speaker_end,
                    speaker_text=last.speaker_text,
                    via="continuation",
                )
            )
        return out


@lru_cache(maxsize=32)
def _hashes(words: frozenset[str]) -> Any:
    """spaCy's string hashes of some words, as an array for `numpy.isin`."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    return numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")


def sentence_starts(sdoc: SpacyDoc, flags: Any = None) -> list[int]:
    """Token indices where sentences start, from the parse's sentence-start flags (cheaper
    than building every sentence span)."""
    from spacy.attrs import SENT_START

    if len(sdoc) == 0:
        return []
    if flags is None:
        flags = sdoc.to_array([SENT_START]).reshape(-1)
    starts = [int(i) for i in numpy.flatnonzero(flags.astype("int64") == 1)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


def sentence_of(sdoc: SpacyDoc, starts: list[int], i: int) -> SpacySpan:
    """The sentence holding token `i`, given the sentence starts."""
    k = bisect_right(starts, i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(sdoc)
    return sdoc[starts[k] : end]


def tokens_with_lemma(sdoc: SpacyDoc, lemmas: Iterable[str]) -> list[int]:
    """Indices of the tokens whose lemma is one of `lemmas`, by one array look-up."""
    from spacy.attrs import LEMMA

    if len(sdoc) == 0:
        return []
    hashes = _hashes(frozenset(lemmas))
    arr = sdoc.to_array([LEMMA]).reshape(-1)
    return [int(i) for i in numpy.flatnonzero(numpy.isin(arr, hashes))]


def _object_of(prep: Token) -> tuple[int, int] | None:
    """The noun phrase or clause a preposition governs."""
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    return _subtree_chars(obj)


def _turn_runs(labelled: list[Labelled]) -> list[list[Labelled]]:
    """Runs of close labelled lines whose labels each open several turns of the run.

    Dropping one-off labels can open gaps, so runs are split and filtered until stable.
    """
    items = labelled
    while True:
        runs: list[list[Labelled]] = []
        for item in items:
            if runs and item[0] - runs[-1][-1][0] <= MAX_TURN_GAP_LINES:
                runs[-1].append(item)
            else:
                runs.append([item])
        kept: list[Labelled] = []
        for run in runs:
            counts: dict[str, int] = {}
            for _, _, m in run:
                counts[_label_key(m.group(1))] = counts.get(_label_key(m.group(1)), 0) + 1
            kept.extend(it for it in run if counts[_label_key(it[2].group(1))] >= MIN_LABEL_TURNS)
        if len(kept) == len(items):
            return runs
        items = kept


def _paragraph_breaks(text: str) -> int:
    return len(re.findall(r"\n\s*", text))


def _label_key(label: str) -> str:
    return " ".join(label.lower().split())


def _is_statement_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in statement_nouns()


@cache
def relay_lemmas(form: str) -> frozenset[str]:
    """Lemmas of one form of `relays.tsv` (passive_agent, quoting_subject, statement_noun)."""
    return frozenset(r["lemma"] for r in load_table("relays") if r["form"] == form)


def statement_nouns() -> frozenset[str]:
    """Nouns naming someone's statements ("comments", "remarks")."""
    return relay_lemmas("statement_noun")


def _is_speech_verb(tok: Token) -> bool:
    """Whether a token is a verb cue for a speech act ("said", "claiming")."""
    if not tok.tag_.startswith("VB"):
        return False
    cue = cue_table().get(tok.lemma_.lower())
    return cue is not None and cue.form == "verb" and cue.act == "speech"


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS for c in tok.children)


def _is_infinitive(tok: Token) -> bool:
    """A to-infinitive ("vowed to retaliate"), not a gerund the parser took for one."""
    return tok.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _coordinated_cues(clause: Token, verbs: list[int]) -> set[int]:
    """Tokens of speech cues coordinated into a content clause without a subject of their
    own ("X and said that Y", "X, claiming that Y"): they open the same speaker's next
    statement, so the content stops before them (with the "and" or comma leading in)."""
    cut: set[int] = set()
    doc = clause.doc
    lo, hi = bisect_right(verbs, clause.i), bisect_right(verbs, clause.right_edge.i)
    for i in verbs[lo:hi]:
        t = doc[i]
        if t.i in cut or t.dep_ not in ("conj", "advcl") or not _is_speech_verb(t):
            continue
        if any(c.dep_ in _SUBJECT_DEPS for c in t.children):
            continue
        sub = set(_subtree_range(t))
        lead = t.left_edge.i - 1
        while lead > clause.i and (doc[lead].dep_ in ("cc", "punct") or doc[lead].is_space):
            sub.add(lead)
            lead -= 1
        cut |= sub
    return cut


def _drop_duplicates(found: list[Attribution]) -> list[Attribution]:
    """One attribution per content span: nested cues go first, then the first cue wins."""
    kept = [a for a in found if not _nested(a, found)]
    out: list[Attribution] = []
    for att in kept:
        if any(o.start == att.start and o.end == att.end for o in out):
            continue
        out.append(att)
    return out


def _nested(att: Attribution, others: list[Attribution]) -> bool:
    """A cue inside another statement's indirect content reports what that speaker said
    ("she said the parties intend to ..."), and one inside an interview answer is part of
    the answer ("I expect ..."): it belongs to that statement, not a new one."""
    if att.cue_start is None or att.via not in ("cue", "noun"):
        return False
    return any(
        o is not att
        and o.start <= att.cue_start < o.end
        and (o.kind != "direct" or o.via == "turn")
        for o in others
    )

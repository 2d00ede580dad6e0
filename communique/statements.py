"""Statements stage: who said what, to whom, relayed by whom, when, and how hedged.

Spans come from `communique.quotes` (over the one spaCy parse); this stage attaches the
speaker, channel and relay entities, the hedges of `hedges.tsv`, the date a statement was
made, and re-anchors relative time expressions in what a dated statement says.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.document import Document, Entity, Statement, Timex
from communique.lexicon import load_table
from communique.pipeline import register
from communique.quotes import (
    Attribution,
    AttributionFinder,
    cue_act,
    platforms,
    sentence_of,
    sentence_starts,
    statement_nouns,
    tokens_with_lemma,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Sections whose text is never a statement: a title or a table of contents only names
#: what follows ("Ministers Agree to Meet" is not a claim by the ministers), and page
#: furniture ("We invite readers to share their thoughts") reports nothing.
NOT_STATEMENT_SECTIONS = frozenset({"title", "toc", "boilerplate"})
#: Words of a channel that name a state outlet without naming it ("Russian state media").
STATE_MEDIA_WORDS = frozenset({"state", "state-run", "state-owned", "official"})
#: A "X's comments were reported by Y" sentence reaches back over this many sentences.
RELAY_REACH_SENTENCES = 6
#: The statement record's field for what the cue names (speech, cognitive, evidence).
CUE_ACT_FIELD = "cue_act"
#: A full ISO date.
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class StatementSpans:
    """The statement with the spans the record does not carry (for scorers and the lead)."""

    statement: Statement
    attribution: Attribution
    channel_text: str | None = None
    relay_texts: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _hedges() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    rows = []
    for row in load_table("hedges"):
        words = [re.escape(w) for w in row["phrase"].split()]
        pattern = re.compile(r"\b" + r"\s+".join(words) + r"\b", re.I)
        rows.append((row["phrase"], pattern, row["scope"]))
    return tuple(rows)


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    """All hedges in one alternation, longest first."""
    phrases = sorted((p for p, _, _ in _hedges()), key=len, reverse=True)
    alternatives = [r"\s+".join(re.escape(w) for w in p.split()) for p in phrases]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


@lru_cache(maxsize=1)
def _channels() -> dict[tuple[str, str], str]:
    return {(r["head"], r["relation"]): r["object"] for r in load_table("channels")}


@lru_cache(maxsize=1)
def _relay_forms() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for r in load_table("relays"):
        forms.setdefault(r["form"], set()).add(r["lemma"])
    return {k: frozenset(v) for k, v in forms.items()}


class StatementExtractor:
    """Builds `doc.statements` from the parse, the entities and the time expressions."""

    name = "communique.statements.v1"
    version = "1"
    requires: tuple[str, ...] = ("spacy_doc", "sections", "entities", "timexes")
    assigns: tuple[str, ...] = ("statements", "timexes.anchor")

    def __call__(self, doc: Document) -> Document:
        self.extract(doc)
        return doc

    def extract(self, doc: Document) -> list[StatementSpans]:
        """Assign `doc.statements` and return them with their spans."""
        if doc.spacy_doc is None:
            doc.statements = []
            return []
        interviews = [(s.start, s.end) for s in doc.sections if s.kind == "interview"]
        attributions = [
            a
            for a in AttributionFinder(doc.spacy_doc, interviews, doc.text).find()
            if a.via == "headline" or doc.section_kind_at(a.start) not in NOT_STATEMENT_SECTIONS
        ]
        heads = frozenset(tokens_with_lemma(doc.spacy_doc, {h for h, _ in _channels()}))
        passive = _relay_forms().get("passive_agent", frozenset())
        relay_verbs = frozenset(tokens_with_lemma(doc.spacy_doc, passive))
        results = [
            self._statement(doc, i, att, heads, relay_verbs)
            for i, att in enumerate(attributions, 1)
        ]
        doc.statements = [r.statement for r in results]
        self._sentence_relays(doc, results)
        self._name_state_media(doc, results)
        self._hedge(doc, results)
        self._date(doc, results)
        self._carry_channel(doc, results)
        return results

    # -- one statement ---------------------------------------------------------

    def _statement(
        self,
        doc: Document,
        n: int,
        att: Attribution,
        heads: frozenset[int] = frozenset(),
        relay_verbs: frozenset[int] = frozenset(),
    ) -> StatementSpans:
        """One record; `heads` and `relay_verbs` are the tokens that may open a channel
        or a relay (found once per document, so the clause is not walked word by word)."""
        speaker = None
        if att.speaker_start is not None and att.speaker_end is not None:
            speaker = _entity_in(doc, att.speaker_start, att.speaker_end)
            if speaker is None:
                antecedent = _relative_antecedent(doc, att.speaker_start, att.speaker_end)
                if antecedent is not None:
                    speaker = _entity_in(doc, *_np_chars(antecedent))
        statement = Statement(
            id=f"s{n}",
            speaker=speaker.id if speaker else None,
            speaker_text=att.speaker_text,
            cue=att.cue,
            kind=att.kind,
            content=doc.text[att.start : att.end],
            start=att.start,
            end=att.end,
            section=doc.section_kind_at(att.start),
            speaker_start=att.speaker_start,
            speaker_end=att.speaker_end,
            cue_start=att.cue_start,
            cue_end=att.cue_end,
            quoted=[[lo, hi] for lo, hi in att.pieces],
        )
        if hasattr(statement, CUE_ACT_FIELD):  # once the record carries the field
            setattr(statement, CUE_ACT_FIELD, cue_act(att.cue) or att.act)
        spans = StatementSpans(statement, att)
        channel = self._channel(doc, att, heads)
        if channel is not None:
            c_start, c_end, head = channel
            spans.channel_text = statement.channel_text = doc.text[c_start:c_end]
            ent = _entity_in(doc, head[0], head[1])
            statement.channel = ent.id if ent else None
        for r_start, r_end in att.relays + self._frame_relays(doc, att, relay_verbs):
            ent = _entity_in(doc, r_start, r_end)
            spans.relay_texts.append(doc.text[r_start:r_end])
            if ent is not None and ent.id not in statement.relays and ent.id != statement.speaker:
                statement.relays.append(ent.id)
        return spans

    def _channel(
        self, doc: Document, att: Attribution, heads: frozenset[int]
    ) -> tuple[int, int, tuple[int, int]] | None:
        """The outlet or audience named in the attribution clause, with its head word's
        span (an entity is the channel only when it covers the head: not "Russia" in
        "Russian state media")."""
        sdoc = doc.spacy_doc
        if sdoc is None or not att.frame:
            return None
        table = _channels()
        frame = set(att.frame)
        for i in att.frame:
            if i not in heads:
                continue
            tok = sdoc[i]
            lemma = tok.lemma_.lower()
            for child in tok.children:
                if child.i not in frame:
                    continue
                if child.dep_ in ("dobj", "dative") and table.get((lemma, "dobj")):
                    return (*_np_chars(child), (child.idx, child.idx + len(child)))
                need = table.get((lemma, child.lower_))
                if need is None or child.dep_ != "prep":
                    continue
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                start, end = _np_chars(pobj)
                if need == "media" and not _is_medium(doc, start, end):
                    continue
                return start, end, (pobj.idx, pobj.idx + len(pobj))
        return None

    def _frame_relays(
        self, doc: Document, att: Attribution, relay_verbs: frozenset[int]
    ) -> list[tuple[int, int]]:
        """ "..., as reported by Reuters" in the statement's own attribution clause."""
        sdoc = doc.spacy_doc
        if sdoc is None:
            return []
        out = []
        for i in att.frame:
            if i not in relay_verbs:
                continue
            tok = sdoc[i]
            if tok.tag_ != "VBN":
                continue
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                    out.append(_np_chars(pobj))
        return out

    # -- across sentences ------------------------------------------------------

    def _sentence_relays(self, doc: Document, results: list[StatementSpans]) -> None:
        """ "X's comments were reported by Y": Y relays X's statements before it."""
        sdoc = doc.spacy_doc
        if sdoc is None:
            return
        forms = _relay_forms()
        nouns = statement_nouns()
        candidates = tokens_with_lemma(sdoc, forms.get("passive_agent", frozenset()))
        if not candidates:
            return
        sent_starts = sentence_starts(sdoc)
        for i in candidates:
            tok = sdoc[i]
            k = bisect_right(sent_starts, i) - 1
            sent = sentence_of(sdoc, sent_starts, i)
            if tok.tag_ != "VBN":
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is None or subj.lemma_.lower() not in nouns:
                continue
            agents = [
                _np_chars(g)
                for a in tok.children
                if a.dep_ == "agent"
                for g in a.children
                if g.dep_ == "pobj"
            ]
            relay_ids = [e.id for e in (_entity_in(doc, s, e) for s, e in agents) if e]
            if not relay_ids:
                continue
            owner = _possessor_entity(doc, subj)
            reach_start = sdoc[sent_starts[max(0, k - RELAY_REACH_SENTENCES)]].idx
            targets = [
                r.statement
                for r in results
                if reach_start <= r.statement.start < sent.end_char
                and (owner is None or r.statement.speaker in (None, owner.id))
            ]
            if owner is None and targets:
                last = targets[-1].speaker_text
                targets = [t for t in targets if t.speaker_text == last]
            for st in targets:
                for rid in relay_ids:
                    if rid not in st.relays and rid != st.speaker:
                        st.relays.append(rid)

    def _name_state_media(self, doc: Document, results: list[StatementSpans]) -> None:
        """ "Speaking to Russian state media ..." with the comments later "reported by the
        news agency RIA Novosti": an unnamed state outlet is the state outlet that relays."""
        for r in results:
            st = r.statement
            if st.channel is not None or not st.channel_text:
                continue
            words = set(re.findall(r"[\w-]+", st.channel_text.lower()))
            if not words & STATE_MEDIA_WORDS:
                continue
            for rid in st.relays:
                ent = doc.entity(rid)
                if ent is not None and ent.type == "MEDIA" and "state_media" in ent.flags:
                    st.channel = rid
                    break

    def _hedge(self, doc: Document, results: list[StatementSpans]) -> None:
        """Attach each hedge to the statements of its sentence (and, for a hedge of
        "X's statements", to all of X's). One regex pass over the text finds them all."""
        sdoc = doc.spacy_doc
        if sdoc is None or not results:
            return
        hits = list(_hedge_pattern().finditer(doc.text))
        if not hits:
            return
        scopes = {phrase.lower(): scope for phrase, _, scope in _hedges()}
        phrases = {phrase.lower(): phrase for phrase, _, _ in _hedges()}
        sent_starts = sentence_starts(sdoc)
        starts = [r.statement.start for r in results]
        nouns = statement_nouns()
        keys: list[str | None] | None = None
        for hit in hits:
            norm = " ".join(hit.group().lower().split())
            phrase = phrases.get(norm, norm)
            span = sdoc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if span is None:
                continue
            sent = sentence_of(sdoc, sent_starts, span.start)
            lo = bisect_left(starts, sent.start_char)
            hi = bisect_left(starts, sent.end_char)
            targets = [r.statement for r in results[lo:hi]]
            if scopes.get(norm) == "speaker":
                noun = next((t for t in sent if t.lemma_.lower() in nouns), None)
                owner = _possessor_key(doc, noun)
                keys = keys if keys is not None else _speaker_keys(doc, results)
                if owner is None and noun is not None and lo > 0:
                    # "the reports could not be verified": the last speaker's statements
                    owner = keys[lo - 1]
                if owner is not None:
                    pairs = zip(results[:hi], keys[:hi], strict=True)
                    targets += [r.statement for r, k in pairs if k == owner]
            for st in targets:
                if phrase not in st.hedges:
                    st.hedges.append(phrase)

    def _date(self, doc: Document, results: list[StatementSpans]) -> None:
        """The day each statement was made; relative times in what it says re-anchored.

        A statement takes the day its attribution clause names ("speaking on Saturday");
        the same speaker's statements that follow it, before anyone else speaks, share it.
        """
        published = doc.article.published
        keys = _speaker_keys(doc, results)
        dated: list[Statement] = []
        current: tuple[str | None, str | None] = (None, None)  # speaker key, day
        for r, key in zip(results, keys, strict=True):
            st = r.statement
            own = self._own_date(doc, r)
            if own is not None:
                current = (key, own)
            elif key is None or key != current[0]:
                current = (key, None)
            st.date = current[1] or published
            if current[1] is not None:
                dated.append(st)
        self._lede_dates(doc, results, keys, dated)
        self._reanchor(doc, dated)

    def _lede_dates(
        self,
        doc: Document,
        results: list[StatementSpans],
        keys: list[str | None],
        dated: list[Statement],
    ) -> None:
        """ "..., according to X. Speaking on Friday, X said ...": a lede's "according to"
        takes the day of the same speaker's next statement in its paragraph."""
        ends = _paragraph_ends(doc.text)
        for k, r in enumerate(results):
            st = r.statement
            if r.attribution.via != "according" or st in dated or keys[k] is None:
                continue
            end = _next_end(ends, st.end)
            later = next(
                (
                    o.statement
                    for o, key in zip(results[k + 1 :], keys[k + 1 :], strict=True)
                    if o.statement.start < end and key == keys[k]
                ),
                None,
            )
            if later is not None and later in dated:
                st.date = later.date
                dated.append(st)

    def _carry_channel(self, doc: Document, results: list[StatementSpans]) -> None:
        """ "Speaking to state media, X said ... He added ...": the same speaker's following
        statements, before anyone else speaks, were made to the same outlet."""
        keys = _speaker_keys(doc, results)
        current: tuple[str | None, str | None, str | None] = (None, None, None)
        for r, key in zip(results, keys, strict=True):
            st = r.statement
            if st.channel_text is not None:
                current = (key, st.channel, st.channel_text)
            elif key is not None and key == current[0] and r.attribution.via != "turn":
                st.channel, st.channel_text = current[1], current[2]
                r.channel_text = current[2]
            else:
                current = (key, None, None)

    def _own_date(self, doc: Document, r: StatementSpans) -> str | None:
        sdoc = doc.spacy_doc
        if sdoc is None or not r.attribution.frame:
            return None
        frame = [sdoc[i] for i in r.attribution.frame]
        lo = min(t.idx for t in frame)
        hi = max(t.idx + len(t) for t in frame)
        chars = {(t.idx, t.idx + len(t)) for t in frame}
        for tx in doc.timexes:
            if not (lo <= tx.start and tx.end <= hi):
                continue
            if not any(s < tx.end and tx.start < e for s, e in chars):
                continue
            day = _timex_day(tx)
            if day is not None:
                return day
        return None

    def _reanchor(self, doc: Document, dated: list[Statement]) -> None:
        """Re-anchor relative timexes in what a dated statement says, and in the rest of its
        paragraph until another statement begins."""
        from communique import temporal

        reanchor = getattr(temporal, "reanchor", None)
        if reanchor is None or not dated:
            return
        ends = _paragraph_ends(doc.text)
        starts = sorted(st.start for st in doc.statements)
        for st in dated:
            end = max(st.end, _next_end(ends, st.end))
            later = [s for s in starts if st.end <= s < end]
            if later:
                end = max(st.end, later[0])
            for tx in doc.timexes:
                if st.start <= tx.start and tx.end <= end and tx.anchor in (None, "published"):
                    reanchor(doc, tx, date.fromisoformat(st.date or ""), st.id)


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n", text)] + [len(text)]


def _next_end(ends: list[int], offset: int) -> int:
    return next((e for e in ends if e >= offset), ends[-1])


def _timex_day(tx: Timex) -> str | None:
    if tx.type != "DATE":
        return None
    if tx.value and _ISO_DAY.match(tx.value):
        return tx.value
    if tx.interval and tx.interval.start == tx.interval.end and _ISO_DAY.match(tx.interval.start):
        return tx.interval.start
    return None


def _entity_in(doc: Document, start: int, end: int) -> Entity | None:
    return doc.entity_at(start, end)


def _relative_antecedent(doc: Document, start: int, end: int) -> Token | None:
    """The noun a relative pronoun speaker stands for ("the minister, who said ...", "a
    group that accused ..."): the statement keeps "who" as written, and its speaker is
    the noun's entity."""
    if doc.spacy_doc is None:
        return None
    span = doc.spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    pronoun = span[0]
    clause = pronoun.head
    if pronoun.tag_ not in ("WP", "WDT") or clause.dep_ != "relcl" or clause.i == pronoun.i:
        return None
    noun = clause.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _np_chars(tok: Token) -> tuple[int, int]:
    """A noun phrase without trailing punctuation or relative clauses."""
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct") or t.i < tok.i]
    keep = [t for t in toks if not any(a.dep_ == "relcl" for a in t.ancestors if a.i > tok.i)]
    keep = keep or [tok]
    return keep[0].idx, keep[-1].idx + len(keep[-1])


def _is_medium(doc: Document, start: int, end: int) -> bool:
    ent = doc.entity_at(start, end)
    if ent is not None and ent.type == "MEDIA":
        return True
    words = doc.text[start:end].lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) in platforms()


def _possessor(noun: Token | None) -> Token | None:
    if noun is None:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _possessor_entity(doc: Document, noun: Token | None) -> Entity | None:
    poss = _possessor(noun)
    if poss is None:
        return None
    start, end = poss.left_edge.idx, poss.idx + len(poss)
    return doc.entity_at(start, end)


def _possessor_key(doc: Document, noun: Token | None) -> str | None:
    """The speaker key of the owner of "X's statements"."""
    poss = _possessor(noun)
    if poss is None or poss.pos_ == "PRON":
        return None
    ent = doc.entity_at(poss.left_edge.idx, poss.idx + len(poss))
    return ent.id if ent is not None else _name_key(poss.text)


def _name_key(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return words[-1] if words else text.lower()


def _speaker_keys(doc: Document, results: list[StatementSpans]) -> list[str | None]:
    """Who each statement is by: the entity id, else the surname as written, with a
    pronoun speaker taken as the previous statement's speaker (when coref left it open)."""
    sdoc = doc.spacy_doc
    keys: list[str | None] = []
    previous: str | None = None
    for r in results:
        st, att = r.statement, r.attribution
        key: str | None
        if st.speaker is not None:
            key = st.speaker
        elif att.speaker_start is None or att.speaker_end is None or not st.speaker_text:
            key = None
        else:
            span = (
                sdoc.char_span(att.speaker_start, att.speaker_end, alignment_mode="expand")
                if sdoc is not None
                else None
            )
            pronoun = span is not None and len(span) == 1 and span[0].pos_ == "PRON"
            key = previous if pronoun else _name_key(st.speaker_text)
        keys.append(key)
        previous = key
    return keys


@register(StatementExtractor.name)
def make_statements() -> StatementExtractor:
    return StatementExtractor()

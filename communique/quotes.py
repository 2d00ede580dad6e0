"""Finds attributions in a parsed article: who said what, with which cue, as character spans.

This is the span-finding half of the statements stage; it reads only the text and its one
spaCy parse (never re-parsing) and knows nothing of entities or dates. It finds quote
regions (straight and curly double quotes, doubled apostrophes, quotes running over several
sentences or paragraphs), reporting cues from `cues.tsv` with their speakers and content
clauses, passive attributions ("was raised by X", "X was quoted as saying", "she was told
that ..."), claims with an unnamed source ("X is expected to", "X seems to", "it appears
that ...", "X reportedly ..."), statement nouns ("his claim that ...", "her promise to ...",
"their call for ..."), predicate adjectives ("is confident that ...", "is critical of ..."),
"as X noted, ...", "according to X" and "in a poll, ...",
quotes that a cue interrupts or that continue a previous speaker's quote, quotes signed with
a dash, headline labels and interview turns (`Name: text` lines).

`AttributionFinder.find` finds every kind; `find_direct` only direct quotes, looking at the
speech verbs next to quotes alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate, chain
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
#: A speaker's name opening its sentence, set off from the cue by an aside ("Ana Ruiz, who
#: chairs the panel, said"), has at most this many tokens, and the aside at most
#: `MAX_ASIDE_TOKENS`.
MAX_SET_OFF_NAME_TOKENS = 6
MAX_ASIDE_TOKENS = 30
#: A speaker named after an inverted cue, title included ("said a former spokesman for
#: the party, Ann Lee, ...").
MAX_INVERTED_NAME_TOKENS = 10
#: The writer's words leading in to a quote that goes on with the statement before it.
MAX_LEAD_IN_WORDS = 6
#: What a colon closing a content opens, or the particulars after it (", especially
#: ..."), joins the content up to this many words.
MAX_TAIL_WORDS = 40
#: Words an object may span before the quote that is its predicate ("called X “...”").
MAX_OBJECT_WORDS = 12
#: A cue introduces a direct quote from at most this many tokens away (its speaker, with a
#: title, may stand between: "“...,” Deputy Foreign Minister Ana Ruiz said").
MAX_DIRECT_CUE_TOKENS = 10
#: A quotes-only run passes over quotes of fewer tokens (scare quotes, titles).
MIN_DIRECT_QUOTE_WORDS = 3
#: A quote opening after a "X said:" sentence may start this many characters later.
MAX_COLON_GAP = 3
#: An interview label has at most this many words ("Dr. Elena Ivanova", "Senior Editor").
MAX_LABEL_WORDS = 4
#: A headline label the tagger finds no name in is a source up to this many words.
MAX_HEADLINE_LABEL_WORDS = 3
#: A first line of this many words, this share of them capitalised, is a title-case headline.
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 25
HEADLINE_TITLED_SHARE = 0.6
#: A label must open this many turns of a run to count as a speaker.
MIN_LABEL_TURNS = 2
#: Labelled lines at most this many lines apart (blank lines aside) belong to one run of
#: interview turns: a turn may go on over a few paragraphs.
MAX_TURN_GAP_LINES = 4
#: A quote interrupted by its attribution ("“...,” said X, a former envoy. “...”") runs on
#: when at most this many words stand between its parts.
MAX_ATTRIBUTION_WORDS = 40
#: A statement noun's that-clause the verb it depends on keeps apart from it ("the claim
#: was made on Tuesday that ...") opens at most this many tokens after the noun's phrase.
MAX_DISPLACED_GAP = 6

OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
#: Two apostrophes standing for a straight double quote (a typesetting convention of some
#: newspapers: ''We will return,'' she said).
DOUBLED_APOSTROPHE = "''"
_WORD = re.compile(r"\w+")
_HEADLINE_WORD = re.compile(r"[\w’']+")
#: A final consonant after one vowel, doubled before "-ed" ("slammed", not "voiced").
_SHORT_SYLLABLE = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")
_BRACKET_CLOSE = re.compile(r"[.\w]{0,3}\)")
#: Closing brackets with their opening ones ("Tom Hale (R)").
_CLOSING_BRACKETS = {")": "(", "]": "["}
_QUOTE_CLOSE = re.compile(r"[.,!?]?[”\"]")
#: Marks that open a bracket or a quote a trimmed span may have to close.
_OPENERS = ("(", "“", '"')
#: Marks that may open a quote a trimmed span goes on to close.
_REOPENED = frozenset({"“", '"', "'"})
_QUOTE_MARK = re.compile(
    DOUBLED_APOSTROPHE + "|[" + re.escape(OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE) + "]"
)
#: The cue reported for a quote signed with a dash ("“...” ― Ana Ruiz").
SIGNATURE_CUE = "—"
#: A dash and a name closing a quote's line, or alone on the next line ("- Ana Ruiz.").
_DASH_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?:\n[ \t\u00a0]*\n?[ \t\u00a0]*)?([―—–-])[ \t\u00a0]*"
    r"((?:[A-Z][\w.'’-]*)(?:[ \t\u00a0]+[A-Z][\w.'’-]*){0,4})[ \t\u00a0.]*(?=\n|,|\(|$)"
)
#: Words opening an embedded question ("discussed X and how it works"); not "who" or
#: "which", which open a second relative clause.
_QUESTION_WORDS = frozenset({"how", "why", "what", "whether", "where", "when"})
#: Words opening the particulars of what precedes ("his rivals, especially Lee").
_PARTICULARS = re.compile(
    r"\s*,\s*(?:especially|particularly|notably|including|chiefly|mainly)\b"
    r"(?!\s+(?:as|given|since|because|when|if|after|before|while|with|now|that)\b)"
)
#: A sentence's end: its mark, with any closing quote or bracket after it.
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’')\]]*(?:\s|$))")
#: A name and a colon before a quote, opening the line or after a dash ("- Ann Lee:").
_COLON_LABEL = re.compile(
    r"(?:^|[―—–-][ \t\u00a0]+)([A-Z][\w.'’-]*(?:[ \t\u00a0]+(?:[A-Z][\w.'’-]*|and|from|of)){0,5})"
    r"[ \t\u00a0]*:$",
    re.MULTILINE,
)
#: A markup tag left in scraped text ("<tweet author=...>", "</a>"): its words are names
#: of elements and attributes, not prose.
_MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
#: A colon closing its line, right after a span.
_LINE_FINAL_COLON = re.compile(r"[ \t\u00a0]*:[ \t\u00a0]*(?:\n|$)")
#: Words pointing ahead to what follows ("the following", "as follows", "these words",
#: "below").
_CATAPHORIC_WORDS = frozenset({"following", "follows", "below", "this", "these"})
#: Contents that name nothing: the "to" left by an elided verb phrase ("if they want to")
#: and reflexive pronouns, which stand for the speaker ("defended himself").
_EMPTY_CONTENTS = frozenset(
    {"to", "myself", "yourself", "himself", "herself", "itself", "ourselves", "themselves"}
)
_LONGEST_EMPTY_CONTENT = max(len(w) for w in _EMPTY_CONTENTS)
#: The start of a line holding text (a blank line does not count as a line between turns).
_TEXT_LINE = re.compile(r"\n[^\S\n]*\S")
_LABEL = re.compile(
    r"^[\"“]?([^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,"
    + str(MAX_LABEL_WORDS - 1)
    + r"})\s*:\s+(\S.*)$"
)
#: spaCy entity types that make a headline label a source ("Minister X: ...").
_NAME_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
#: Verbs of taking a side on someone or something ("backed", "opposed", "criticized"), whose
#: object is what the stance is about; "support" is left out, as it names funds, votes or
#: arms given ("groups supported by donors", "the candidate they support") as often as a view.
_STANCE_VERBS = frozenset(
    {
        "attack",
        "back",
        "challenge",
        "criticise",
        "criticize",
        "dismiss",
        "endorse",
        "favor",
        "favour",
        "oppose",
        "praise",
        "question",
    }
)
#: Adverbs that judge what a verb of regard takes ("view the plan favorably").
_JUDGEMENT_ADVERBS = frozenset(
    {"favorably", "favourably", "unfavorably", "unfavourably", "positively", "negatively"}
)
#: Conjunctions that open an adverbial clause, never a reported one ("While X is true, she
#: said Y": the parser may still hang the "while" clause as the cue's complement).
_ADVERBIAL_MARKS = frozenset(
    {
        "while",
        "although",
        "though",
        "because",
        "if",
        "when",
        "since",
        "unless",
        "until",
        "once",
        "whereas",
        "after",
        "before",
    }
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependents that hold an adjective cue's preposition: a participle's "by" is its agent
#: ("dismayed by the ruling").
_ADJECTIVE_PREP_DEPS = frozenset({"prep", "agent"})
#: Relative pronouns, which open a relative clause rather than report one.
_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
#: Dependents that are a cue's own complement (what it says or who it addresses).
_COMPLEMENT_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "attr", "oprd", "acomp"})
_INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "relcl"})
#: Parts of speech that head a reported clause a parenthetical cue can hang from.
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
#: Conjunctions of a reason or concession clause, which belongs to what was said.
_REASON_MARKS = frozenset({"because", "though", "although", "unless", "if"})
#: Verbs whose "if" clause is an embedded question, not a condition ("asked if ...").
_QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "question", "query"})
#: Marks that set off an aside after a noun ("the treaty, which ...", "the plan — a ...").
_ASIDE_MARKS = frozenset({",", "—", "–", "-", "--"})
#: The words opening a clause that sets a fact against the one before it ("even as").
_CONTRAST_MARKS = frozenset({"even", "as"})
#: Parts of speech a list item after a comma opens with, and marks that end a list.
_LIST_OPENERS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "VERB"})
_LIST_BREAKS = frozenset({'"', "“", "”", "''", "‘", "’", ";", ":", "—", "–", "--", "(", ")"})
#: One-word answers that are a whole content ("75 percent said yes").
_ANSWER_WORDS = frozenset({"yes", "no", "so"})
#: Tokens a span never ends on ("X is honest, and" before a cut conjunct).
_TRAILING_DEPS = frozenset({"cc", "punct", "prep", "mark"})
_MARKS = CLOSING_QUOTES + STRAIGHT_QUOTE + "'"
#: What a quote's text ends on after its last word or punctuation (a quote inside it may
#: close on a single curly mark: "“He told me ‘we are done.’”").
_MARKS_OR_SPACE = _MARKS + "’ "
#: What a sentence ends on, before a quote that opens one.
_SENTENCE_BREAKS = ".!?\n" + _MARKS
#: The same, or a colon.
_CLAUSE_BREAKS = ".!?:\n" + _MARKS
#: What a quote that opens its own clause may follow: a clause break, or an opening bracket
#: ("drew anger from members (“We want our dues back,” wrote one)")
_QUOTE_OPENERS = _CLAUSE_BREAKS + "("
#: Word forms the small English model lemmatizes wrongly, with their lemma ("hoping" is
#: not a form of "hop").
_MISLEMMATISED = {
    "hoping": "hope",
    "hoped": "hope",
    "hopes": "hope",
    "retweeted": "retweet",
    "retweeting": "retweet",
}
_EDGE_PUNCT = " \t\n,;:.–—-" + OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE + "'‘’"


#: A labelled line: its line number, its offset and the label match.
Labelled = tuple[int, int, "re.Match[str]"]


@dataclass(init=False)
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
    #: The quoted parts of a direct content the writer's words interrupt ("“A,” she said.
    #: “B.”"), in text order; empty when the content is one quote.
    pieces: list[tuple[int, int]] = field(default_factory=list)

    # written out: the one dataclasses would generate runs as plain Python even when the
    # module is compiled, and the finder makes thousands of these
    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        cue: str | None,
        cue_start: int | None = None,
        cue_end: int | None = None,
        speaker_start: int | None = None,
        speaker_end: int | None = None,
        speaker_text: str | None = None,
        frame: list[int] | None = None,
        relays: list[tuple[int, int]] | None = None,
        via: str = "cue",
        act: str = "speech",
        pieces: list[tuple[int, int]] | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.cue = cue
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.speaker_start = speaker_start
        self.speaker_end = speaker_end
        self.speaker_text = speaker_text
        self.frame = [] if frame is None else frame
        self.relays = [] if relays is None else relays
        self.via = via
        self.act = act
        self.pieces = [] if pieces is None else pieces


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
    #: The noun object is who is addressed, never the content ("briefed reporters").
    addressee: bool = False
    #: The object counts only when it names a topic of talk ("raised concerns", not
    #: "raised money"): a noun of `statement_objects.tsv`.
    needs_topic: bool = False
    #: Only a clause or a quote is the content, never a noun object ("maintained that
    #: ...", not "maintained a lead").
    clause_only: bool = False
    #: A noun object that names no people is the content ("told a story", "urged
    #: restraint"), though one that does is who is addressed ("told reporters").
    thing_object: bool = False


@lru_cache(maxsize=1)
def _all_cues() -> tuple[Cue, ...]:
    return tuple(
        Cue(
            row["cue"],
            row["kind"],
            row["act"],
            row["form"],
            row["object"] in ("yes", "predicate", "topic"),
            row["infinitive"] == "yes",
            row["object"] == "predicate",
            row["object"] in ("addressee", "either"),
            row["object"] == "topic",
            row["object"] == "clause",
            row["object"] == "either",
        )
        for row in load_table("cues")
    )


@lru_cache(maxsize=1)
def cue_table() -> dict[str, Cue]:
    """Verb and phrase cues by their lemma or phrase (not the noun and phrasal ones)."""
    return {
        c.cue: c
        for c in _all_cues()
        if c.form
        not in ("noun", "phrasal", "raising", "noun_phrasal", "light", "adjective", "adverb")
    }


@lru_cache(maxsize=1)
def raising_cues() -> dict[str, Cue]:
    """Verbs whose subject belongs to the content and whose source goes unnamed ("the
    minister is expected to resign", "the talks seem to have stalled"), by lemma."""
    return {c.cue: c for c in _all_cues() if c.form == "raising"}


def _two_word_cues(form: str) -> dict[tuple[str, str], Cue]:
    """Cues of a form written as a word and a preposition, by (word, preposition)."""
    out = {}
    for c in _all_cues():
        if c.form == form:
            word, prep = c.cue.rsplit(" ", 1)
            out[(word, prep)] = c
    return out


@lru_cache(maxsize=1)
def phrasal_cues() -> dict[tuple[str, str], Cue]:
    """Verb + preposition cues ("call for") by (verb lemma, preposition)."""
    return _two_word_cues("phrasal")


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, Cue]:
    """Nouns whose that-clause is an attribution's content ("the claim that ...")."""
    return {c.cue: c for c in _all_cues() if c.form == "noun"}


@lru_cache(maxsize=1)
def noun_phrasal_cues() -> dict[tuple[str, str], Cue]:
    """Noun + preposition cues ("call for", "criticism of") by (noun lemma, preposition):
    the preposition's object is the content. A cue written after its verb ("take issue
    with") is found by its last two words."""
    out = {}
    for c in _all_cues():
        if c.form == "noun_phrasal":
            noun, prep = c.cue.split()[-2:]
            out[(noun, prep)] = c
    return out


@lru_cache(maxsize=1)
def adjective_cues() -> dict[tuple[str, str], Cue]:
    """Adjective cues by (word, preposition): ("confident", "") takes a clause,
    ("critical", "of") the preposition's object."""
    out = {}
    for c in _all_cues():
        if c.form == "adjective":
            word, _, prep = c.cue.partition(" ")
            out[(word, prep)] = c
    return out


@lru_cache(maxsize=1)
def adverb_cues() -> dict[str, Cue]:
    """Adverbs that mark their clause as someone else's claim ("reportedly")."""
    return {c.cue: c for c in _all_cues() if c.form == "adverb"}


@lru_cache(maxsize=1)
def adjective_cue_words() -> frozenset[str]:
    return frozenset(word for word, _ in adjective_cues())


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    """Verbs whose subject owns the statement noun they take ("made a promise", "issued a
    warning", "voiced concern"): rows of `cues.tsv` with form=light."""
    return frozenset(c.cue for c in _all_cues() if c.form == "light")


@lru_cache(maxsize=1)
def headline_kickers() -> frozenset[str]:
    """Words of a headline label that is no source ("Update:", "Analysis:")."""
    return frozenset(r["word"] for r in load_table("headline_kickers"))


@lru_cache(maxsize=1)
def headline_common_words() -> frozenset[str]:
    """Lower-case words a title-case headline capitalises that are no names: those of
    `headline_case.tsv` and the regular forms of the verbs of the cues ("says", "urged")."""
    words = {r["word"] for r in load_table("headline_case")}
    for c in _all_cues():
        if c.form in ("verb", "phrasal", "light", "raising"):
            words.update(_verb_forms(c.cue.split()[0]))
    return frozenset(words)


def _verb_forms(lemma: str) -> set[str]:
    """The regular forms of an English verb ("urge": urges, urged, urging; "slam":
    slams, slammed, slamming; "deny": denies, denied, denying)."""
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if len(lemma) >= 3 and _SHORT_SYLLABLE.search(lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def headline_in_sentence_case(text: str) -> str | None:
    """The first line of `text` with the common words lowered, when it is a headline in
    title case ("Senator Says Talks Will Resume"), else None. The case is all that changes,
    so offsets into it are offsets into `text`. Lowered are the common words and those the
    article writes in lower case, unless it also writes them as a name, capitalised after
    a lower-case word ("Mark" in "senator Mark Warner", "May" in "Theresa May said")."""
    end = text.find("\n")
    if end < 0:
        return None
    line = text[:end]
    words = list(_HEADLINE_WORD.finditer(line))
    titled = [m for m in words if m.group()[:1].isupper()]
    if (
        not MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS
        or len(titled) < len(words) * HEADLINE_TITLED_SHARE
    ):
        return None
    common = headline_common_words()
    body = text[end:]
    chars = list(line)
    for m in titled:
        word = m.group()
        low = word.lower()
        if word[1:] != low[1:]:
            continue  # "US", "McCain": capitals of its own
        if re.search(rf"[a-z,] {re.escape(word)}\b", body) is not None:
            continue  # a name in the article ("Theresa May said")
        if low in common or re.search(rf"\b{re.escape(low)}\b", body) is not None:
            chars[m.start()] = low[0]
    lowered = "".join(chars)
    return lowered if lowered != line else None


@lru_cache(maxsize=1)
def topic_nouns() -> frozenset[str]:
    """Nouns that make an object a topic of talk ("raised questions about ...")."""
    return frozenset(r["lemma"] for r in load_table("statement_objects"))


@cache
def work_nouns() -> frozenset[str]:
    """Nouns for a titled work ("book", "movie", "show"): a quote in title case after one
    is a title."""
    return frozenset(r["lemma"] for r in load_table("work_nouns"))


#: The longest quote read as a title (in words, and in characters with the marks), and
#: the words a title leaves in lower case.
MAX_TITLE_WORDS = 10
MAX_TITLE_CHARS = 120
#: How far before a title's opening mark its noun may stand ("the host of “"), in
#: characters and in words.
TITLE_NOUN_REACH = 40
TITLE_NOUN_WORDS = 4


def _names_work_noun(window: str) -> bool:
    """Whether one of the last words of `window` is a noun of `work_nouns.tsv`, singular
    or plural."""
    nouns = work_nouns()
    for word in window.lower().split()[-TITLE_NOUN_WORDS:]:
        word = word.strip(_EDGE_PUNCT)
        if word in nouns or word.endswith("s") and word[:-1] in nouns:
            return True
    return False


_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "with", "at", "by", "from"}
)
#: Words between a noun and the title it names ("a show called “Brokers”").
_TITLE_VERBS = frozenset({"called", "titled", "entitled", "named", "dubbed"})
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


@cache
def addressee_nouns() -> frozenset[str]:
    """Nouns that name who is addressed ("told reporters", "asked the secretary"), never
    what was said: addressee_nouns.tsv and the one-word roles of roles.tsv."""
    roles = (r["role"] for r in load_table("roles"))
    return frozenset(r["lemma"] for r in load_table("addressee_nouns")) | frozenset(
        role for role in roles if " " not in role
    )


@lru_cache(maxsize=1)
def evidence_sources() -> frozenset[str]:
    """Nouns of a finding's source in "in a poll ..." (`evidence_sources.tsv`)."""
    return frozenset(r["lemma"] for r in load_table("evidence_sources"))


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every lemma that can open a cue: verbs, nouns, the verb of a phrasal cue, "according"."""
    words = {c.cue.split()[0] for c in _all_cues() if c.form in ("verb", "noun", "raising")}
    words.update(verb.split()[0] for verb, _ in phrasal_cues())
    words.update(noun for noun, _ in noun_phrasal_cues())
    words.update(adjective_cue_words())
    words.update(adverb_cues())
    # a one-word preposition ("To X, ...") is looked for at sentence starts alone
    words.update(c.cue.split()[0] for c in _all_cues() if c.form == "prep" and " " in c.cue)
    words.update(view_nouns())
    words.update(("say", "quote", "cite"))  # the verbs of "quoted as saying"
    words.update(evidence_sources())
    return frozenset(words)


@lru_cache(maxsize=1)
def view_nouns() -> dict[str, Cue]:
    """The nouns of "in the view of X" cues ("in X's view", "in the words of X"), with
    their cue."""
    return {
        c.cue.split()[2]: c
        for c in _all_cues()
        if c.form == "prep" and c.cue.startswith("in the ") and c.cue.endswith(" of")
    }


@lru_cache(maxsize=1)
def one_word_source_preps() -> dict[str, Cue]:
    """The one-word preposition cues, looked for at sentence starts ("To X, ...")."""
    return {c.cue: c for c in _all_cues() if c.form == "prep" and " " not in c.cue}


@lru_cache(maxsize=1)
def _acts() -> dict[str, str]:
    return {c.cue: c.act for c in _all_cues() if c.form != "light"}


def lemma_of(tok: Token) -> str:
    """A token's lower-case lemma, with the model's known lemmatizing slips corrected."""
    return _MISLEMMATISED.get(tok.lower_) or tok.lemma_.lower()


def cue_act(cue: str | None) -> str | None:
    """The act a reported cue names (speech, cognitive, evidence), or None when unknown."""
    return _acts().get(cue) if cue is not None else None


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, quote marks included, in text order.

    Curly quotes pair opening with closing marks (or with a straight or opening mark typed
    in a closing place, right after a word); straight quotes pair in turn. A quote
    left open at the end of a paragraph, with the next paragraph opening a quote, is closed
    at the paragraph end (the news convention for a quote running over paragraphs).
    """
    regions: list[tuple[int, int]] = []
    inner: list[tuple[int, int]] = []  # quotes within the open quote
    open_at: int | None = None
    open_mark = ""
    n = len(text)

    def at_breaks(lo: int, hi: int) -> None:
        """The line breaks in [lo, hi), read only while a quote is open: a paragraph
        opening with a quote mark closes it, a paragraph end without one drops it."""
        nonlocal open_at
        i = text.find("\n", lo, hi)
        while i >= 0 and open_at is not None:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (
                text[j] in OPENING_QUOTES
                or text[j] == STRAIGHT_QUOTE
                or text.startswith(DOUBLED_APOSTROPHE, j)
            ):
                regions.append((open_at, i))
                open_at = None
                inner.clear()
            elif "\n" in text[i + 1 : j] or j == n:
                open_at = None  # a quote never closed in its paragraph is noise
                regions.extend(inner)  # but the quotes inside it are quotes
                inner.clear()
            i = text.find("\n", i + 1, hi)

    pos = 0
    nested_at: int | None = None  # a curly quote opened inside an open straight one
    for i, end, ch in _quote_marks(text):
        if open_at is not None:
            at_breaks(pos, i)
        pos = end
        if ch == DOUBLED_APOSTROPHE:
            ch = STRAIGHT_QUOTE
        if open_at is None:
            nested_at = None
        if open_at is not None and open_mark == STRAIGHT_QUOTE and ch in OPENING_QUOTES:
            # a straight quote holding a curly one ("... about “justice” ..."): the inner
            # quote is part of the outer
            nested_at = i
        elif nested_at is not None and ch in CLOSING_QUOTES:
            inner.append((nested_at, end))
            nested_at = None
        elif (
            (ch in OPENING_QUOTES or ch == STRAIGHT_QUOTE)
            and open_at is not None
            and open_mark in OPENING_QUOTES
            and i > 0
            and not text[i - 1].isspace()
            and (end == n or text[end].isspace() or text[end] in ".,;:!?")
        ):
            # "“Talks are over,“ she said", "“Talks are over," she said": a curly quote
            # closed by the wrong mark, typed where the closing one goes
            if end - open_at <= MAX_QUOTE_CHARS:
                regions.append((open_at, end))
            open_at = None
        elif ch in OPENING_QUOTES or (ch == STRAIGHT_QUOTE and open_at is None):
            open_at, open_mark = i, ch
            inner.clear()
        elif open_at is not None and (
            ch in CLOSING_QUOTES or (ch == STRAIGHT_QUOTE and open_mark == STRAIGHT_QUOTE)
        ):
            regions.extend(inner if end - open_at > MAX_QUOTE_CHARS else [(open_at, end)])
            inner.clear()
            open_at = None
    if open_at is not None:
        at_breaks(pos, n)
    if open_at is not None:
        regions.extend(inner)  # a quote left open at the end: those inside it stand
    return regions


def _quote_marks(text: str) -> list[tuple[int, int, str]]:
    """The quote marks of a text in order, as (start, end, mark), as `_QUOTE_MARK` finds them.

    Marks are found by `str.find`, several times cheaper than the regex engine's search for
    a class of non-ASCII characters; doubled apostrophes are taken left to right without
    overlap, as the regex takes them.
    """
    found = []
    for mark in OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE:
        i = text.find(mark)
        while i >= 0:
            found.append((i, i + 1, mark))
            i = text.find(mark, i + 1)
    i = text.find(DOUBLED_APOSTROPHE)
    while i >= 0:
        found.append((i, i + 2, DOUBLED_APOSTROPHE))
        i = text.find(DOUBLED_APOSTROPHE, i + 2)
    found.sort()
    return found


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding spaces, punctuation and quote marks, but for an opening
    mark whose closing one stays inside (“quack” medical cures)."""
    first = start
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    if start > first and text[start - 1] in _REOPENED:
        start = _reopened(text, first, start, end)
    if _opens_any(text, start, end):
        end = _closed(text, start, end)
    return start, end


def _reopened(text: str, first: int, start: int, end: int) -> int:
    """`start` moved back over the opening quote mark just before it when the span
    [start, end) closes that quote (`first`: where trimming began)."""
    if text[start - 1] == "“":
        return start - 1 if text.count("”", start, end) > text.count("“", start, end) else start
    if text[start - 1] == '"':
        return start - 1 if text.count('"', start, end) % 2 == 1 else start
    # a doubled apostrophe ('')
    if start - 2 >= first and text[start - 2] == "'" and text.count("''", start, end) % 2 == 1:
        return start - 2
    return start


def _opens_any(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds a bracket or a quote mark that may open (one search
    per mark: a plain search runs far faster than a pattern's character class)."""
    for mark in _OPENERS:  # noqa: SIM110 - a loop, cheaper than any() over a generator
        if text.find(mark, start, end) >= 0:
            return True
    return False


def _closed(text: str, start: int, end: int) -> int:
    """The end of a span widened over the bracket or the quote mark closing one it opens
    ("Senator Ana Ruiz (D-N.M.)", "called the plan “a mistake”"), when it comes next."""
    if text.count("(", start, end) > text.count(")", start, end):
        close = _BRACKET_CLOSE.match(text, end)
        if close is not None:
            return close.end()
    if (
        text.count("“", start, end) > text.count("”", start, end)
        or text.count('"', start, end) % 2 == 1
    ):
        close = _QUOTE_CLOSE.match(text, end)
        if close is not None:
            return close.end()
    return end


def _opens_line(text: str, i: int) -> bool:
    """Whether nothing but spaces stands between the start of `i`'s line and `i`."""
    return not text[text.rfind("\n", 0, i) + 1 : i].strip()


def _char_before(text: str, end: int, start: int = 0, skip: str | None = None) -> str:
    """The last character of `text[start:end]` once trailing whitespace (or the characters
    of `skip`) is stripped, or "" when nothing is left (read from the end, no slice copied)."""
    i = end
    if skip is None:
        while i > start and text[i - 1].isspace():
            i -= 1
    else:
        while i > start and text[i - 1] in skip:
            i -= 1
    return text[i - 1] if i > start else ""


def words_in(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


#: Characters read one by one for a span's first word before a search takes over.
_WORD_LOOKAHEAD = 3


def words_at_least(text: str, start: int, end: int, n: int = 1) -> bool:
    """Whether `words_in(text, start, end) >= n`, reading no further than the n-th word."""
    if n <= 0:
        return True
    if n == 1:
        # most spans open with a word, or with a mark or two before one: no search then
        for i in range(start, min(end, start + _WORD_LOOKAHEAD)):
            if text[i].isalnum():
                return True
        return _WORD.search(text, start, end) is not None
    return _words_run(n).match(text, start, end) is not None


@cache
def _words_run(n: int) -> re.Pattern[str]:
    """A pattern matching `n` words from where it is tried, each with what goes before it
    (possessive: a text with fewer words fails in one pass)."""
    return re.compile(rf"(?:\W*+\w++){{{n}}}")


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
def _speech_and_relay_lemmas() -> frozenset[str]:
    return speech_verb_lemmas() | relay_lemmas("passive_agent")


@lru_cache(maxsize=1)
def speech_verb_lemmas() -> frozenset[str]:
    return frozenset(
        c.cue
        for c in cue_table().values()
        if c.form == "verb" and c.act == "speech" and c.kind != "idiom"
    )


class _Dependents:
    """A token's dependents and their labels, read once for the many checks a cue goes
    through (spaCy looks a label's string up each time one is read)."""

    __slots__ = ("tokens", "labels", "labelled")

    def __init__(self, tokens: list[Token], labels: list[str]) -> None:
        self.tokens = tokens
        self.labels = labels
        #: The labels with their dependents, in order (paired once: most cues are read
        #: through several times).
        self.labelled = list(zip(labels, tokens, strict=True))

    def first(self, label: str) -> Token | None:
        """The first dependent with the label."""
        return self.tokens[self.labels.index(label)] if label in self.labels else None

    def first_of(self, labels: frozenset[str]) -> Token | None:
        """The first dependent with one of the labels."""
        for label, tok in self.labelled:
            if label in labels:
                return tok
        return None


def _dependents(tok: Token) -> _Dependents:
    """A token's dependents, each label read once."""
    tokens = list(tok.children)
    return _Dependents(tokens, [c.dep_ for c in tokens])


def _raised_complement(
    tok: Token, children: list[Token], predicate: Callable[[Token], bool], prep: str
) -> Token | None:
    """The first complement after a raising verb: a to-infinitive, a predicate the test
    accepts, or a phrase of the given preposition with an object ("seen as", "looks like")."""
    return next(
        (
            c
            for c in children
            if c.i > tok.i
            and (
                (c.dep_ == "xcomp" and _is_infinitive(c))
                or predicate(c)
                or (c.dep_ == "prep" and c.lower_ == prep and c.n_rights)
            )
        ),
        None,
    )


def _chars(tok: Token) -> tuple[int, int]:
    """The characters of a token in the text."""
    return tok.idx, tok.idx + len(tok)


def _subtree_chars(token: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """The character span from a token's left to its right edge, cut before excluded tokens."""
    doc = token.doc
    first, last = token.left_edge, token.right_edge
    left, right = first.i, last.i
    lo = hi = head = token.i
    if not exclude or not _any_within(exclude, left, right):
        lo, hi = left, right
    else:
        while lo > left and lo - 1 not in exclude:
            lo -= 1
        while hi < right and hi + 1 not in exclude:
            hi += 1
    end = last if hi == right else doc[hi]
    start = first if lo == left else doc[lo]
    while hi > head and (end.dep_ in _TRAILING_DEPS or end.is_space):
        if end.text in _CLOSING_BRACKETS and _opens_within(doc, start.i, hi, end.text):
            break  # "Tom Hale (R)": a bracket closing one the span opens stays
        hi -= 1
        end = doc[hi]
    return start.idx, end.idx + len(end)


def _opens_within(doc: SpacyDoc, lo: int, hi: int, closing: str) -> bool:
    """Whether the tokens [lo, hi) hold more opening than closing brackets of a kind."""
    opening = _CLOSING_BRACKETS[closing]
    depth = 0
    for t in doc[lo:hi]:
        depth += (t.text == opening) - (t.text == closing)
    return depth > 0


def _any_within(indices: set[int], lo: int, hi: int) -> bool:
    """Whether any of `indices` lies in [lo, hi], read over the smaller of the two."""
    if len(indices) <= hi - lo:
        # a plain loop: the set is most often the cue alone, too few for a generator to pay
        for i in indices:  # noqa: SIM110 - cheaper than any() over a generator
            if lo <= i <= hi:
                return True
        return False
    return not indices.isdisjoint(range(lo, hi + 1))


#: Quantifiers that stand for people as a subject ("half said so", "most say").
_QUANTIFIERS = frozenset({"half", "most", "many", "some", "few", "all", "none", "several"})
#: The parts of speech of a name that opens its sentence ("the party's chairwoman" aside).
_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM"})
#: Prepositions opening an adjunct of time or circumstance, never what a cue reports
#: ("..., officials said, before the talks resumed").
_ADJUNCT_PREPOSITIONS = frozenset({"after", "amid", "before", "despite", "during", "following"})
#: Marks an aside between a speaker and the cue never holds.
_ASIDE_BREAKS = frozenset({".", ";", ":", "?", "!", "—", "–"})

#: Dependents that follow a speaker's name without being part of it ("X, contingent upon ...").
_SPEAKER_TAIL_DEPS = frozenset({"relcl", "acl", "amod", "advcl", "advmod", "punct", "prep", "case"})
#: Prepositions that do belong to a speaker ("Joel Smith of the ministry").
_SPEAKER_PREPS = frozenset({"of", "from", "at", "for", "with", "in"})


def _with_speaker_tail(token: Token, exclude: set[int]) -> set[int]:
    """`exclude` and the subtrees of what trails a speaker's name ("X, who met the envoy",
    "X, speaking on Friday"), but no "of X" ("Joel Smith of the ministry"); `exclude` is
    copied before anything is added."""
    drop = exclude
    for child in token.rights:
        if child.dep_ in _SPEAKER_TAIL_DEPS:
            if child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPS:
                continue
            if drop is exclude:
                drop = set(exclude)
            drop.update(_subtree_range(child))
    return drop


def speaker_chars(token: Token, exclude: set[int], text: str) -> tuple[int, int]:
    """The speaker's noun phrase: its left part, appositions and "of X", no trailing clauses."""
    # "she": most speakers have nothing after them, and the count is cheaper than the walk
    drop = _with_speaker_tail(token, exclude) if token.n_rights else exclude
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
        self._quote_starts = [qs for qs, _ in self.quotes]
        self._quote_ends = [qe for _, qe in self.quotes]
        self._sent_starts: list[int] | None = None
        # what the parse gives, read once on first use by the `_read_*` methods (a
        # quotes-only run over a text without quotes needs none of it) and kept here: the
        # class compiled by mypyc (setup.py) cannot cache with `functools.cached_property`
        self._memo: dict[str, Any] = {}

    @property
    def _arr(self) -> Any:
        memo = self._memo
        if "arr" not in memo:
            memo["arr"] = self._read_arr()
        return memo["arr"]

    def _read_arr(self) -> Any:
        """One array of the parse with all the stage reads token by token: lemma, sentence
        start, offset and dependency label (each column costs a pass over the parse, so token
        ends and parts of speech, wanted for a few tokens only, are read from those tokens)."""
        # two columns or more come as a table of one row per token, an empty parse too
        return self.sdoc.to_array(_array_columns())

    @property
    def _tok_starts(self) -> list[int]:
        memo = self._memo
        if "tok_starts" not in memo:
            memo["tok_starts"] = self._read_tok_starts()
        return memo["tok_starts"]

    def _read_tok_starts(self) -> list[int]:
        # as signed integers: Python builds those faster than unsigned ones
        starts: list[int] = self._arr[:, 2].astype(numpy.int64).tolist()
        return starts

    def _first_ending_after(self, offset: int) -> int:
        """The index of the first token ending after `offset` (the count of those ending by
        it), found from the starts alone: the tokens before the last one starting by `offset`
        end by it, and that one ends after it when `offset` falls in its text, as any
        character but a trailing space does (the parse's text is its tokens and their
        spaces); only at a space is its length read."""
        starts = self._tok_starts
        k = bisect_right(starts, offset) - 1
        if k < 0:
            return 0
        if offset < len(self.text) and self.text[offset] != " ":
            return k
        return k + 1 if starts[k] + len(self.sdoc[k]) <= offset else k

    @property
    def _verb_lemma_hits(self) -> list[tuple[int, int]]:
        memo = self._memo
        if "verb_lemma_hits" not in memo:
            memo["verb_lemma_hits"] = self._read_verb_lemma_hits()
        return memo["verb_lemma_hits"]

    def _read_verb_lemma_hits(self) -> list[tuple[int, int]]:
        """Tokens whose lemma is a speech verb's or a relaying verb's, with the lemma's
        hash, found in one look-up."""
        return self._with_lemma(_speech_and_relay_lemmas())

    @property
    def _speech_verbs(self) -> list[int]:
        memo = self._memo
        if "speech_verbs" not in memo:
            memo["speech_verbs"] = self._read_speech_verbs()
        return memo["speech_verbs"]

    def _read_speech_verbs(self) -> list[int]:
        _, hashes = _hash_filter(speech_verb_lemmas())
        return [i for i, h in self._verb_lemma_hits if h in hashes]

    @property
    def _relay_verbs(self) -> list[int]:
        memo = self._memo
        if "relay_verbs" not in memo:
            memo["relay_verbs"] = self._read_relay_verbs()
        return memo["relay_verbs"]

    def _read_relay_verbs(self) -> list[int]:
        _, hashes = _hash_filter(relay_lemmas("passive_agent"))
        return [i for i, h in self._verb_lemma_hits if h in hashes]

    def _with_lemma(self, lemmas: frozenset[str]) -> list[tuple[int, int]]:
        return _hits_among(self._arr[:, 0], lemmas)

    def _with_dep(self, label: str) -> list[int]:
        """The tokens with a dependency label ("relcl", "advcl"), in order, read from the
        parse's array on first use and kept under the label."""
        memo = self._memo
        if label not in memo:
            dep = self.sdoc.vocab.strings[label]  # a symbol's id, not a hash
            memo[label] = _where(self._arr[:, 3] == dep)
        found: list[int] = memo[label]
        return found

    @property
    def _in_quote(self) -> set[int]:
        memo = self._memo
        if "in_quote" not in memo:
            memo["in_quote"] = self._read_in_quote()
        return memo["in_quote"]

    def _read_in_quote(self) -> set[int]:
        """Tokens strictly between the marks of a quote."""
        return {i for lo, hi in self._quoted_spans for i in range(lo, hi)}

    @property
    def _quote_tokens(self) -> list[tuple[int, int]]:
        memo = self._memo
        if "quote_tokens" not in memo:
            memo["quote_tokens"] = self._read_quote_tokens()
        return memo["quote_tokens"]

    def _read_quote_tokens(self) -> list[tuple[int, int]]:
        """For each quote, the tokens holding its opening and its closing mark (the marks
        may be tokens of their own or stick to the first and last word): an opening mark,
        never a space, lies in the last token starting by it (`_first_ending_after`)."""
        starts = self._tok_starts
        return [
            (max(bisect_right(starts, qs) - 1, 0), bisect_left(starts, qe) - 1)
            for qs, qe in self.quotes
        ]

    @property
    def _quoted_spans(self) -> list[tuple[int, int]]:
        memo = self._memo
        if "quoted_spans" not in memo:
            memo["quoted_spans"] = self._read_quoted_spans()
        return memo["quoted_spans"]

    def _read_quoted_spans(self) -> list[tuple[int, int]]:
        """Runs [lo, hi) of the tokens strictly between the marks of a quote, in order,
        merged."""
        spans: list[tuple[int, int]] = []
        for (_, qe), (first, last) in zip(self.quotes, self._quote_tokens, strict=True):
            if last - first < 2:
                continue
            lo, hi = first + 1, last if self.text[qe - 1] in _MARKS else last + 1
            if hi <= lo:
                continue
            # quotes are in text order, so runs start in order too
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
            else:
                spans.append((lo, hi))
        return spans

    @property
    def _quoted_starts(self) -> list[int]:
        memo = self._memo
        if "quoted_starts" not in memo:
            memo["quoted_starts"] = self._read_quoted_starts()
        return memo["quoted_starts"]

    def _read_quoted_starts(self) -> list[int]:
        return [lo for lo, _ in self._quoted_spans]

    def _is_quoted(self, i: int) -> bool:
        """Whether token `i` stands strictly between the marks of a quote."""
        k = bisect_right(self._quoted_starts, i) - 1
        return k >= 0 and i < self._quoted_spans[k][1]

    def _quoted_spans_near(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The runs of quoted tokens that may overlap the tokens [lo, hi)."""
        starts = self._quoted_starts
        return self._quoted_spans[max(bisect_right(starts, lo) - 1, 0) : bisect_left(starts, hi)]

    def find(self) -> list[Attribution]:
        found: list[Attribution] = []
        turns = self._interview_turns()
        found.extend(turns)
        taken = [(a.start, a.end) for a in turns]
        headline = self._headline_claim()
        if headline is not None and not any(a.start < headline.end for a in turns):
            found.append(headline)
            taken.append((headline.start, headline.end))
        found.extend(self._perspectives())
        found = self._completed(found, taken, near_quotes=False)
        if headline is None and not turns:
            found = self._with_title_headline(found)
        return found

    def _perspectives(self) -> list[Attribution]:
        """ "To the rebels, the truce is a trap", "To Ms. Gil, ...": a sentence opening with a
        one-word preposition cue and a name or a group of people, set off by a comma, states
        the view of those it names (not "To date, ...")."""
        cues = one_word_source_preps()
        if not cues:
            return []
        sdoc = self.sdoc
        out = []
        starts = self._sentence_starts()
        for k, first in enumerate(starts):
            prep = sdoc[first]
            cue = cues.get(prep.lower_)
            if cue is None:
                continue
            obj = _governed(prep)
            end = starts[k + 1] if k + 1 < len(starts) else len(sdoc)
            if obj is None or obj.right_edge.i + 1 >= end or not _names_people(obj):
                continue
            if sdoc[obj.right_edge.i + 1].text != "," or prep.head.pos_ not in ("VERB", "AUX"):
                continue
            sent = sdoc[first:end]
            c_start, c_end = self._around(prep.i, obj.right_edge.i, sent)
            if not words_at_least(self.text, c_start, c_end, 3):
                continue
            out.append(
                self._told(
                    c_start,
                    c_end,
                    cue.cue,
                    _chars(prep),
                    "according",
                    cue.act,
                    speaker=speaker_chars(obj, set(), self.text),
                )
            )
        return out

    def _with_title_headline(self, found: list[Attribution]) -> list[Attribution]:
        """`found` with the statements of a title-case headline read from a parse of it in
        sentence case ("Senator Slams Deal With Iran": the tagger takes capitalised verbs
        for names), in place of those read from the article's parse."""
        cased = headline_in_sentence_case(self.text)
        if cased is None:
            return found
        from communique.nlp import load_model

        end = len(cased)
        headline = AttributionFinder(load_model()(cased), (), self.text[:end])
        inner = headline._completed([], [], near_quotes=False)
        if not inner:
            return found  # the article's own parse of the headline is all there is
        for att in inner:
            att.frame = []  # token indices of the headline's own parse
        rest = [a for a in found if a.start >= end]
        return sorted(inner + rest, key=lambda a: (a.start, a.end))

    # -- interview turns -------------------------------------------------------

    def _interview_turns(self) -> list[Attribution]:
        """`Name: text` lines that alternate as a conversation.

        Labelled lines close together form a run; in a run, a label counts as a speaker when it
        opens several turns. A run counts when it has two such speakers, or lies in a section
        the segmenter marked as an interview. So one-off "Headline:" lines stay out.
        """
        labelled: list[Labelled] = []  # line number, offset, match
        text = self.text
        colon = text.find(":")
        if colon < 0:
            return []
        # only the lines holding a colon are read, found from one colon to the next
        n = counted = 0
        while colon >= 0:
            line_start = text.rfind("\n", 0, colon) + 1
            line_end = text.find("\n", colon)
            if line_end < 0:
                line_end = len(text)
            m = _LABEL.match(text[line_start:line_end])
            if m and _WORD_RE.search(m.group(2)):  # "Osei: 1,204." is a tally, no turn
                # lines are counted up to the labelled ones only
                n += len(_TEXT_LINE.findall(text, counted, line_start))
                counted = line_start
                labelled.append((n, line_start, m))
            colon = text.find(":", line_end)
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
        for a claim by a named person or body (the label holds a name entity, or is a short
        capitalised label that is not a kicker such as "Update" or "Analysis")."""
        first = self.text.split("\n", 1)[0]
        m = _LABEL.match(first)
        if m is None or words_in(first, m.start(2), m.end(2)) < MIN_STANDALONE_QUOTE_WORDS - 2:
            return None
        label = self.sdoc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if label is None or any(t.tag_ in ("VBD", "VBZ", "VBP") for t in label):
            return None  # "The envoy issued a warning: ...": a sentence, not a label
        words = m.group(1).split()
        named = any(t.ent_type_ in _NAME_ENTITY_TYPES for t in label) or (
            # headline case defeats the tagger: a capitalised label that is no kicker
            len(words) <= MAX_HEADLINE_LABEL_WORDS
            and all(w[:1].isupper() for w in words)
            and not {w.lower().strip(".") for w in words} & headline_kickers()
        )
        if not named:
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

    def find_direct(self) -> list[Attribution]:
        """Direct quotes only, with their speakers and cues.

        The same rules as `find`, applied only to the speech verbs near a quote (and to
        interview turns): a quotes-only run reads a fraction of the parse. Frames, which
        only the statements stage reads (for channels, dates and relays), are left empty.
        """
        found = self._interview_turns()
        if not self.quotes:
            # no quote marks: no speech verb is near a quote, and no quote is signed or
            # continued, so interview turns are all there is
            found.sort(key=lambda a: (a.start, a.end))
            return [a for a in _drop_duplicates(found) if a.kind == "direct"]
        taken = [(a.start, a.end) for a in found]
        return [a for a in self._completed(found, taken, near_quotes=True) if a.kind == "direct"]

    def _completed(
        self, found: list[Attribution], taken: list[tuple[int, int]], near_quotes: bool
    ) -> list[Attribution]:
        """`found` with the attributions of every cue sentence outside the `taken` spans,
        signed and continued quotes, in text order without duplicates."""
        for sent, indices in self._cue_candidates(near_quotes=near_quotes):
            if taken and any(s <= sent.start_char < e for s, e in taken):
                continue
            found.extend(self._sentence_attributions(sent, indices, direct_only=near_quotes))
        found.extend(self._dash_signed(found))
        found.extend(self._colon_signed(found))
        found.extend(self._continued_quotes(found, taken))
        found.sort(key=lambda a: (a.start, a.end))
        kept = [
            a
            for a in _drop_duplicates(found)
            if not self._names_a_work(a) and not self._placeholder(a) and not self._empty_content(a)
        ]
        for att in kept:
            if att.kind == "direct":
                att.pieces = self._quoted_pieces(att.start, att.end)
        return kept

    def _quoted_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotes within a direct content [start, end), without their marks and edge
        punctuation, when there are several."""
        # quotes never overlap: those ending after `start` up to those opening before `end`
        first, stop = bisect_right(self._quote_ends, start), bisect_left(self._quote_starts, end)
        if stop - first < 2:
            return []
        ks = range(first, stop)
        pieces = (
            trim(self.text, max(self.quotes[k][0], start), min(self.quotes[k][1], end)) for k in ks
        )
        return [(lo, hi) for lo, hi in pieces if hi > lo]

    def _names_a_work(self, att: Attribution) -> bool:
        """ "his new book, “Hard Choices”", "the host of “The Daily Show”": a direct quote
        in title case right after a noun of `work_nouns.tsv` (or a preposition hung from
        one) is the title of a work, not something said."""
        return (
            att.kind == "direct"
            and att.end - att.start <= MAX_TITLE_CHARS
            and att.via != "turn"
            and self._is_title(att.start, att.end)
        )

    def _placeholder(self, att: Attribution) -> bool:
        """ "warned that:", "listed the following:", "put it in these words:": a
        content ending at a colon that closes its line, and that is a bare "that" or points
        ahead, stands in for what the next lines give; it is not itself what was said."""
        if not _LINE_FINAL_COLON.match(self.text, att.end):
            return False
        words = [w.lower() for w in _WORD_RE.findall(self.text, att.start, att.end)]
        return words == ["that"] or not _CATAPHORIC_WORDS.isdisjoint(words)

    def _empty_content(self, att: Attribution) -> bool:
        """ "they may stay home if they want to", "the mayor defended herself": a content that
        is the bare "to" of an elided verb phrase, or a reflexive pronoun standing for the
        speaker, names nothing wanted or said."""
        return (
            att.end - att.start <= _LONGEST_EMPTY_CONTENT
            and self.text[att.start : att.end].lower() in _EMPTY_CONTENTS
        )

    def _in_title(self, clause: Token) -> bool:
        """Whether a clause's head stands within a quote that is a work's title."""
        k = bisect_right(self._quote_starts, clause.idx) - 1
        return k >= 0 and clause.idx < self._quote_ends[k] and self._is_title(*self.quotes[k])

    def _is_title(self, start: int, end: int) -> bool:
        """Whether the quoted words in [start, end) are the title of a work (see
        `_names_a_work`)."""
        text = self.text
        if end - start > MAX_TITLE_CHARS:
            return False
        first = start
        while first < end and not text[first].isalnum():
            first += 1
        if first == end or not text[first].isupper():
            return False
        if not _names_work_noun(text[max(0, start - TITLE_NOUN_REACH) : start]):
            return False  # no noun for a work just before the quote
        k = bisect_left(self._tok_starts, start) - 1
        doc = self.sdoc
        while k >= 0 and (doc[k].is_punct or doc[k].is_space or doc[k].lower_ in _TITLE_VERBS):
            k -= 1
        if k < 0:
            return False
        before = doc[k]
        if before.pos_ == "ADP" and before.head.i < before.i:
            before = before.head  # "the host of", "roles in"
        if before.pos_ != "NOUN" or before.lemma_.lower() not in work_nouns():
            return False
        words = _WORD_RE.findall(text, start, end)
        return len(words) <= MAX_TITLE_WORDS and all(
            w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words
        )

    def _cue_candidates(self, near_quotes: bool = False) -> list[tuple[SpacySpan, list[int]]]:
        """Sentences holding a possible cue word, with those words' indices (with
        `near_quotes`, only the speech verbs a few tokens from a quote's edge).

        One array look-up over the lemma and lower-case hashes picks the few tokens worth
        looking at, so the stage never walks every token of the parse in Python.
        """
        sdoc = self.sdoc
        if len(sdoc) == 0:
            return []
        starts = self._sentence_starts()
        if near_quotes:
            # a direct quote is introduced by a speech verb ("said", "told", "added")
            chosen = self._nearest_verbs(self._speech_verbs)
        else:
            from spacy.attrs import LOWER

            words = cue_words() | frozenset(_MISLEMMATISED)
            lower = sdoc.to_array([LOWER]).reshape(-1)
            hit = set(_indices_among(self._arr[:, 0], words)) | set(_indices_among(lower, words))
            chosen = [i for i in sorted(hit) if i not in self._in_quote and not self._in_markup(i)]
        span = _span_type()
        by_sent: dict[int, list[int]] = {}
        for i in chosen:
            k = bisect_right(starts, i) - 1
            by_sent.setdefault(k, []).append(i)
        out = []
        for k, indices in by_sent.items():
            end = starts[k + 1] if k + 1 < len(starts) else len(sdoc)
            # built directly: slicing the doc checks the slice in Python first, at thrice the cost
            out.append((span(sdoc, starts[k], end), indices))
        return out

    @property
    def _markup_tags(self) -> list[tuple[int, int]]:
        memo = self._memo
        if "markup_tags" not in memo:
            memo["markup_tags"] = self._read_markup_tags()
        return memo["markup_tags"]

    def _read_markup_tags(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _MARKUP_TAG.finditer(self.text)]

    def _in_markup(self, i: int) -> bool:
        """Whether token `i` stands inside a markup tag (the "tweet" of "<tweet author=...>"
        names an element: no cue)."""
        tags = self._markup_tags
        if not tags:
            return False
        idx = self._tok_starts[i]
        k = bisect_right(tags, (idx, len(self.text))) - 1
        return k >= 0 and idx < tags[k][1]

    def _nearest_verbs(self, speech: list[int]) -> list[int]:
        """For each quote of a few words, the speech verb nearest before its opening and
        after its close, within reach and outside any quote (`speech`: the tokens with a
        speech verb's lemma, in order; the part of speech is read for those in reach only)."""
        verb_pos = _verb_pos()
        is_verb: dict[int, bool] = {}

        def verb(i: int) -> bool:
            if i not in is_verb:
                is_verb[i] = self.sdoc[i].pos == verb_pos
            return is_verb[i]

        chosen: set[int] = set()
        for first, last in self._quote_tokens:
            if last - first - 1 < MIN_DIRECT_QUOTE_WORDS:
                continue  # a scare quote or a title ("the so-called “reset”")
            k = bisect_left(speech, first) - 1
            while k >= 0 and first - speech[k] <= MAX_DIRECT_CUE_TOKENS:
                if verb(speech[k]):
                    chosen.add(speech[k])
                    break
                k -= 1
            k = bisect_right(speech, last)
            while k < len(speech) and speech[k] - last <= MAX_DIRECT_CUE_TOKENS:
                if verb(speech[k]):
                    chosen.add(speech[k])
                    break
                k += 1
        return sorted(i for i in chosen if not self._is_quoted(i))

    def _sentence_attributions(
        self, sent: SpacySpan, indices: list[int], direct_only: bool = False
    ) -> list[Attribution]:
        """The attributions of the cue words `indices` of a sentence (with `direct_only`,
        for a run that keeps the direct ones alone: none gets a frame)."""
        out = []
        for i in indices:
            tok = self.sdoc[i]
            att: Attribution | None = None
            lower, pos = tok.lower_, tok.pos_
            if lower == "according" and any(c.lower_ == "to" for c in tok.children):
                att = self._according_to(tok, sent)
            elif pos in ("NOUN", "PROPN") and tok.lemma_.lower() in evidence_sources():
                # "a report that ...": a source may carry a finding as a noun cue too
                att = self._in_source(tok) or (self._noun_cue(tok) if pos == "NOUN" else None)
            elif pos == "NOUN":
                att = self._in_view(tok, sent) if lower in view_nouns() else None
                att = att or self._noun_cue(tok)
                if att is None and tok.dep_ == "ROOT" and i > sent.start:
                    # "“...,” the email read": a verb the tagger took for a noun heads
                    # its sentence
                    att = self._verb_cue(tok, sent)
            elif pos == "ADV" and lower in adverb_cues():
                att = self._adverb_cue(tok)
            elif lower in adjective_cue_words() and tok.tag_ in ("JJ", "VBN"):
                att = self._adjective_cue(tok, sent)
                if att is None and pos == "VERB":
                    att = self._verb_cue(tok, sent)  # "has opposed the plan": a verb
            elif pos in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                att = self._verb_cue(tok, sent, direct_only)
            if att is not None:
                out.append(att if direct_only else self._through_list(att, sent))
        return out

    def _through_list(self, att: Attribution, sent: SpacySpan) -> Attribution:
        """`att` with an indirect content widened over the rest of a list that closes its
        sentence and that the parser hung elsewhere ("promised lower taxes, cheaper housing
        and better schools", "vowed to cut taxes, raise wages and end the war"). The rest
        must be a run of nouns, or of verbs in the form the content opens with, joined by
        "and" or "or", with no clause, quote, dash or colon in it."""
        if att.kind != "indirect" or att.end <= att.start:
            return att
        doc = self.sdoc
        lo, e = self._token_span(att.start, att.end)
        while e < sent.end and doc[e].is_space:
            e += 1
        if e >= sent.end or doc[e].text != ",":
            return att
        last = sent.end - 1
        while last > e and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        rest = doc[e + 1 : last + 1]
        if len(rest) < 2:
            return att
        k = 1 if len(rest) > 2 and rest[0].lower_ in ("and", "or") else 0
        # "his wife", "temporarily freezing": an item may open with a possessive or an adverb
        while k < len(rest) - 1 and (rest[k].tag_ == "PRP$" or rest[k].pos_ == "ADV"):
            k += 1
        opener = rest[k]
        if (
            opener.pos_ not in _LIST_OPENERS
            or opener.tag_.startswith("W")
            or not any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in rest)
            or any(t.text in _LIST_BREAKS or t.pos_ == "AUX" for t in rest)
        ):
            return att
        first = doc[lo + 1] if doc[lo].lower_ == "to" and lo + 1 < e else doc[lo]
        if first.pos_ != "VERB":
            # "urged the party to cut taxes, raise wages and ...": the infinitive's verb
            first = next(
                (
                    doc[i + 1]
                    for i in range(lo, e - 1)
                    if doc[i].lower_ == "to" and doc[i + 1].pos_ == "VERB"
                ),
                first,
            )
        for t in rest:
            if t.pos_ == "VERB" and (
                first.pos_ != "VERB"
                or t.tag_ != first.tag_
                or t.tag_ not in ("VB", "VBG")
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            ):
                return att  # a clause or a participle phrase of the writer's, not an item
        for mark in (att.cue_start, att.speaker_start):
            if mark is not None and mark >= rest[0].idx:
                return att
        return replace(att, end=rest[-1].idx + len(rest[-1]))

    def _adverb_cue(self, tok: Token) -> Attribution | None:
        """ "The envoy reportedly left the talks": an adverb that marks its clause as a
        claim of an unnamed source; the clause, subject included, is the content."""
        head = tok.head
        cue = adverb_cues()[tok.lower_]
        if tok.dep_ != "advmod" or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
            return None
        doc = tok.doc
        lo, hi = head.left_edge.i, head.right_edge.i
        while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        start, end = trim(self.text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
        start, end = self._in_paragraph((start, end), tok)
        if not words_at_least(self.text, start, end, 3):
            return None
        return self._told(start, end, cue.cue, _chars(tok), "adverb", cue.act)

    def _adjective_cue(self, tok: Token, sent: SpacySpan) -> Attribution | None:
        """ "The minister is confident that talks will resume", "rebels are eager to
        negotiate", "she has been critical of the plan", "the unions were dismayed by the
        ruling": an adjective of belief, attitude or intention predicated of its source; its
        clause, infinitive or prepositional object (a participle's "by" phrase, too) is the
        content."""
        lower = tok.lower_
        clause_of_make = None
        if tok.dep_ in ("ccomp", "oprd", "xcomp") and tok.head.lemma_.lower() == "make":
            # "made (it) clear that ...": the subject of "make" holds the view
            subject = self._subject(tok.head)
            clause_of_make = next(
                (c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i), None
            ) or _unmarked_clause_after(tok)
            if clause_of_make is None:
                # "makes clear the problems ahead": the object the parser took for the
                # adjective's subject
                clause_of_make = next(
                    (c for c in tok.rights if c.dep_ in ("nsubj", "nsubjpass")), None
                )
        elif tok.dep_ == "acomp" and _object_of_make(tok.head, tok):
            # "made clear his aim to ...": the parser hung the adjective from the object
            # after it, which is what was made clear
            subject = self._subject(tok.head.head)
            clause_of_make = tok.head
        elif tok.dep_ == "acomp":
            subject = self._subject(tok.head)
        elif tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subject is None and tok.dep_ == "xcomp":
                # "voters are unlikely to be swayed by ...": who the infinitive is said of
                subject = self._subject(tok)
        elif _is_set_off_participle(tok):
            # "Angered by the vote, the mayor walked out": the main clause's subject
            subject = self._subject(tok.head)
        else:
            subject = _loose_adjective_holder(tok)
        if subject is None or subject.dep_ == "expl" or subject.lower_ in ("it", "that", "this"):
            return None
        table = adjective_cues()
        cue: Cue | None = None
        content: tuple[int, int] | None = None
        for child in tok.children:
            if child.i < tok.i:
                continue
            if child.dep_ in _ADJECTIVE_PREP_DEPS and (lower, child.lower_) in table:
                cue = table[(lower, child.lower_)]
                content = _object_of(child)
            elif (lower, "") in table and (
                child.dep_ in ("ccomp", "xcomp")
                or (child.dep_ == "advcl" and any(g.lower_ == "that" for g in child.children))
            ):
                cue = table[(lower, "")]
                if child.dep_ == "xcomp" and not (cue.takes_infinitive and _is_infinitive(child)):
                    cue = None
                    continue
                content = _subtree_chars(child)
            if content is not None:
                break
        if content is None and clause_of_make is not None and (lower, "") in table:
            cue, content = table[(lower, "")], _subtree_chars(clause_of_make)
            if content[0] <= tok.idx:
                content = (tok.idx + len(tok), content[1])
        if content is None or cue is None or _is_question(tok.head, sent, text=self.text):
            return None
        c_start, c_end = trim(self.text, *self._in_paragraph(content, tok))
        if c_end <= c_start:
            return None
        speaker = speaker_chars(subject, {tok.i}, self.text)
        return self._told(c_start, c_end, cue.cue, _chars(tok), "adjective", cue.act, speaker)

    def _in_source(self, tok: Token) -> Attribution | None:
        """ "In a poll released Monday, the president led by six points": a finding told
        as what a poll, survey or study holds. The clause the phrase qualifies is the
        content, the poll its source, "in" the cue."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
            return None
        poll = tok.lemma_.lower() in _POLL_NOUNS
        # a poll's finding holds of the whole clause, though the parser may hang "in a
        # poll" from the verb's object ("had a lead of six points in a new poll")
        head = _clause_of_object(prep.head) if poll else prep.head
        if head.pos_ not in ("VERB", "AUX") or head.i == prep.i:
            return None
        # one poll or study, named or new ("a poll", "the latest CNN poll", "a Fox News
        # Poll"), not the standing of a candidate "in the polls"
        if tok.tag_ not in ("NN", "NNP") or not (
            any(c.lower_ in ("a", "an") for c in tok.children)
            or any(t.pos_ == "PROPN" for t in tok.lefts)
            # "in the spring poll, half said so": what the respondents said is their
            # own statement
            or (poll and _singled_out(tok) and cue_act(head.lemma_.lower()) != "speech")
        ):
            return None
        own = set(_subtree_range(prep))
        doc = tok.doc
        # the clause without the phrase, nor the stop after it when the phrase ends it
        rest = [
            i
            for i in _subtree_range(head)
            if i not in own and not (doc[i].is_punct or doc[i].is_space)
        ]
        if not rest:
            return None
        lo, hi = min(rest), max(rest)
        start, end = trim(self.text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
        if not words_at_least(self.text, start, end, 3):
            return None
        speaker = speaker_chars(tok, set(), self.text)
        return self._told(start, end, "in", _chars(prep), "source", "evidence", speaker)

    def _received_backing(self, tok: Token) -> Attribution | None:
        """ "Lee won the endorsement of the union", "Cruz received support from his
        colleagues": backing someone has, wins or receives is given by the object of "of" or
        "from", and who receives it is what is backed."""
        lemma = tok.lemma_.lower()
        verb = tok.head
        if lemma not in _BACKING_NOUNS or tok.dep_ != "dobj":
            return None
        if verb.lemma_.lower() not in _RECEIVING_VERBS:
            return None
        cue = noun_phrasal_cues().get((lemma, _BACKING_NOUNS[lemma]))
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
        # "received more support on Tuesday from the youth": "from" may hang from the verb
        preps += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "from"]
        giver = next((g for p in preps for g in p.children if g.dep_ == "pobj"), None)
        receiver = self._subject(verb)
        if cue is None or giver is None or receiver is None or receiver.i > tok.i:
            return None
        c_start, c_end = trim(self.text, *_subtree_chars(receiver))
        if c_end <= c_start or c_start <= tok.idx < c_end:
            return None  # "its efforts to win the support of ...": no receiver of its own
        speaker = speaker_chars(giver, {tok.i}, self.text)
        return self._told(c_start, c_end, cue.cue, _chars(tok), "noun", cue.act, speaker)

    def _noun_cue(self, tok: Token) -> Attribution | None:
        """ "his claim that ...", "the belief among diplomats that ...": the that-clause;
        "her promise to resign": the infinitive of a noun that takes one; "his call for
        talks", "their criticism of the plan": the object of a noun + preposition cue."""
        received = self._received_backing(tok)
        if received is not None:
            return received
        lemma = tok.lemma_.lower()
        cue = noun_cues().get(lemma)
        clause = (
            next(
                (
                    c
                    for c in tok.children
                    # a clause whose "that" is a mark, not a relative pronoun, is the
                    # noun's complement however the parser labelled it
                    if c.dep_ in ("acl", "ccomp", "relcl")
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                ),
                None,
            )
            if cue is not None
            else None
        )
        if clause is None and cue is not None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "her position is that ...": the that-clause predicated of the noun
            clause = next(
                (
                    c
                    for c in tok.head.children
                    if c.dep_ in ("ccomp", "attr")
                    and c.i > tok.i
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                ),
                None,
            )
        if clause is None and cue is not None:
            clause = _displaced_clause(tok)
        content: tuple[int, int] | None = None
        if clause is not None:
            content = _subtree_chars(clause)
        elif cue is not None and cue.takes_infinitive:
            clause = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("acl", "xcomp") and c.i > tok.i and _is_to_infinitive(c)
                ),
                None,
            )
            if clause is None and tok.dep_ == "dobj":
                # "announced plans this week to give ...": the parser hung the noun's
                # infinitive from the verb
                clause = next(
                    (
                        c
                        for c in tok.head.rights
                        if c.dep_ == "xcomp" and c.i > tok.i and _is_to_infinitive(c)
                    ),
                    None,
                )
            content = _subtree_chars(clause) if clause is not None else None
        if content is None:
            # "took a swipe at X": the preposition may hang from the light verb
            after = (
                [c for c in tok.head.rights if c.i > tok.i]
                if tok.dep_ == "dobj" and tok.head.lemma_.lower() in light_verbs()
                else []
            )
            for child in chain(tok.children, after):
                if child.i < tok.i:
                    continue
                if _is_for_to_clause(child):
                    # "their call for the company to raise wages": the parser made "for"
                    # the mark of the clause it opens
                    mark = child.left_edge
                    phrasal = noun_phrasal_cues().get((lemma, mark.lower_))
                    if phrasal is not None:
                        content = mark.nbor().idx, _subtree_chars(child)[1]
                        cue = phrasal
                        break
                phrasal = noun_phrasal_cues().get((lemma, child.lower_))
                if phrasal is not None and not _in_idiom(tok, phrasal):
                    phrasal = None
                if child.dep_ == "prep" and phrasal is not None:
                    content = _with_question_conjunct(child, _object_of(child, times=False))
                    infinitive = _for_to_infinitive(child)
                    if content is not None and infinitive is not None:
                        # "a plea for donors to give more": who is asked, and to do what
                        content = content[0], _subtree_chars(infinitive)[1]
                    cue = phrasal
                    break
        if content is None and cue is not None and cue.act == "speech":
            # "issued the following statement: “...”": a quote opening after the noun
            content = self._opening_quote(tok) or self._after_colon(tok)
        if content is None or cue is None:
            return None
        c_start, c_end = trim(self.text, *content)
        if not words_at_least(self.text, c_start, c_end):
            return None
        owner = _noun_cue_owner(tok)
        if owner is None and lemma in _OWNED_NOUNS:
            return None
        speaker = speaker_chars(owner, {tok.i}, self.text) if owner is not None else None
        return self._told(c_start, c_end, cue.cue, _chars(tok), "noun", cue.act, speaker)

    def _according_to(self, tok: Token, sent: SpacySpan) -> Attribution | None:
        to = next(c for c in tok.children if c.lower_ == "to")
        # "according to show insiders": a noun the tagger took for a verb heads the source
        source = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
        if source is None or "according to" not in self.cues:
            return None
        s_start, s_end = speaker_chars(source, set(), self.text)
        hi = tok.right_edge.i
        if tok.dep_ == "ROOT" and tok.i == sent.start:
            # "According to X, the move failed" read as one phrase headed by "According":
            # the phrase ends at the last comma, and the clause after it is what X holds
            commas = [t.i for t in self.sdoc[to.i : hi] if t.text == ","]
            if commas:
                hi = commas[-1] - 1
        c_start, c_end = self._around(tok.left_edge.i, hi, self._source_clause(tok, sent))
        if not words_at_least(self.text, c_start, c_end, 2):
            return None
        c_end, relays = self._split_relay(c_start, c_end)
        cue_chars = (tok.idx, to.idx + len(to))
        found = self._told(
            c_start, c_end, "according to", cue_chars, "according", speaker=(s_start, s_end)
        )
        found.relays = relays
        return found

    def _source_clause(self, tok: Token, sent: SpacySpan) -> SpacySpan:
        """The stretch a source phrase qualifies: the brackets it stands in ("Iowa (93
        percent were white, according to exit polls)"), the clause joined by "and" or "but"
        or the relative clause that it closes ("X, and the aide broke it, according to Y",
        "the budget, which grew, according to Y"), else its sentence."""
        doc = self.sdoc
        opening = next((t.i for t in reversed(doc[sent.start : tok.i]) if t.text in "()"), None)
        if opening is not None and doc[opening].text == "(":
            closing = next((t.i for t in doc[tok.i : sent.end] if t.text in "()"), None)
            if closing is not None and doc[closing].text == ")":
                return doc[opening + 1 : closing]
        first = _joined_clause_start(tok.head)
        if first is None:
            first = _relative_before(tok)
        if first is not None and sent.start < first < tok.i:
            return doc[first : sent.end]
        return sent

    def _around(self, lo: int, hi: int, sent: SpacySpan) -> tuple[int, int]:
        """The content of a source phrase on tokens `lo`..`hi` ("according to X", "in X's
        view"): the longer stretch of the sentence on either side of it, or the whole
        sentence when commas set the phrase off inside its clause ("The talks, according to
        X, have failed")."""
        text, doc = self.text, self.sdoc
        # a sentence the parser ran over a line break (a title above) starts after it
        line_start = text.rfind("\n", sent.start_char, doc[lo].idx) + 1
        before = trim(text, max(sent.start_char, line_start), doc[lo].idx)
        last = doc[hi]
        after = trim(text, last.idx + len(last), sent.end_char)
        if (
            lo > sent.start
            and hi + 1 < sent.end
            and doc[lo - 1].text == ","
            and doc[hi + 1].text == ","
            and words_at_least(text, *before, 2)
            and words_at_least(text, *after, 2)
        ):
            return before[0], after[1]
        return before if before[1] - before[0] >= after[1] - after[0] else after

    def _in_view(self, tok: Token, sent: SpacySpan) -> Attribution | None:
        """ "In Moscow's view, the talks have failed", "in the words of one envoy, ...": the
        clause the phrase stands in is the view or the words of the noun's owner."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
            return None
        if prep.head.pos_ not in ("VERB", "AUX"):
            return None  # "a change in his views": no clause of its own
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None  # "in a view of the harbour"
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if owner is None or owner.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        cue = view_nouns()[tok.lower_]
        c_start, c_end = self._around(prep.left_edge.i, prep.right_edge.i, sent)
        if not words_at_least(self.text, c_start, c_end, 2):
            return None
        s_start, s_end = speaker_chars(owner, set(), self.text)
        return self._told(
            c_start,
            c_end,
            cue.cue,
            (prep.idx, tok.idx + len(tok)),
            "according",
            cue.act,
            speaker=(s_start, s_end),
        )

    def _verb_cue(
        self, tok: Token, sent: SpacySpan, direct_only: bool = False
    ) -> Attribution | None:
        lemma = lemma_of(tok)
        raising = raising_cues().get(lemma)
        # only a passive participle can raise ("is expected to"), bar "seem" and "appear"
        if raising is not None and (raising.kind == "appearance" or tok.tag_ == "VBN"):
            found = self._raising(tok, raising)
            if found is not None or lemma not in self.cues:
                return found
        # the cue's dependents, read once for all the checks below
        kids = _dependents(tok)
        if _is_prenominal(tok, kids):
            return None
        # a verb + preposition cue ("called for") wins over the bare verb ("called it a sham")
        cue, particle = self._phrasal(tok, lemma, kids)
        adverb: Token | None = None  # the particle of "hit back", "chimed in", "ruled out"
        if cue is None:
            if lemma in _particle_verbs():
                adverb = _particle_of(tok, kids)
                cue = self.cues.get(f"{lemma} {adverb.lower_}") if adverb is not None else None
            if cue is None:
                adverb = None
                cue = self.cues.get(lemma)
            if cue is None or cue.form != "verb":
                return None
        passive = ("auxpass" in kids.labels or "nsubjpass" in kids.labels) and not _has_perfect(
            kids, particle
        )
        # "When asked whether ..., the minister said no": a participle clause in the passive,
        # whose subject is the main clause's: who was asked, not who asked
        asked = (
            tok.tag_ == "VBN"
            and tok.dep_ == "advcl"
            and not any(label in _SUBJECT_DEPS or label == "aux" for label in kids.labels)
            and "agent" not in kids.labels  # "as reported by the Mirror": the agent says it
        )
        agent = kids.first("agent") if passive else None
        cue_text, cue_start, cue_end = cue.cue, tok.idx, tok.idx + len(tok)
        if adverb is not None:
            cue_end = adverb.idx + len(adverb)
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
        # "the plan, opposed by the union": the agent holds a view of the noun qualified
        held = _stance_participle(tok, lemma)
        if held is not None:
            speaker, content = held
        elif passive and agent is not None and quoting is None:
            # "the possibility ... was raised by X": the subject is the content
            subj = kids.first("nsubjpass")
            pobj = _governed(agent)
            # "the envoy was asked by a reporter whether ...": who asks or tells is the
            # agent, and what is asked or told follows
            asked_of = (
                _passive_complement(tok, particle) if cue.addressee and pobj is not None else None
            )
            if asked_of is not None:
                speaker, content = pobj, asked_of
            elif (
                subj is None
                or pobj is None
                or (_is_statement_noun(subj) and lemma in relay_lemmas("passive_agent"))
                or not cue.takes_object
            ):
                # "X's comments were reported by Y": Y relays X's words and says nothing;
                # "X's comments were condemned by Y" is Y's own statement about them
                return None
            else:
                speaker = pobj
                content = _subtree_chars(subj)
        elif passive and quoting is None:
            return self._agentless_passive(tok, cue, particle)
        if speaker is None:
            speaker = (
                _as_agent(tok)
                or _as_object(tok)
                or _verbless_subject(tok)
                or self._unquoted_subject(tok, sent, kids)
                or _set_off_name(tok, cue, sent)
                or self._listed_subject(tok)
                or self._line_subject(tok)
                or _adjacent_subject(tok, sent)
                or _participle_subject(tok)
                or self._subject_after_quote(tok)
                or self._set_off_subject(tok, sent)
            )
            if speaker is None and not cue.takes_object:
                speaker = self._inverted(tok)
            elif speaker is not None and tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
                # "his first response was to say ...": whose response it was says it
                speaker = next((c for c in speaker.children if c.dep_ == "poss"), speaker)
        if (
            speaker is None
            or speaker.dep_ == "expl"
            or self._is_infinitive_without_subject(tok, kids)
        ):
            return None
        if _is_question(tok, sent, kids, self.text):
            return None  # "Can the talks offer a way out?": asked, not claimed
        if speaker.lower_ == "it" and _has_to(kids):
            return None  # "it is vital to note": no one speaks
        if (
            speaker.lower_ in ("that", "this")
            and tok.dep_ != "relcl"  # "signs that said, “...”": a relative pronoun
            and speaker.i == tok.i - 1
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ == ","
        ):
            return None  # "That said, ...": a discourse marker, no one speaks
        if content is None and particle is not None and particle.dep_ == "mark":
            # "called for the UN to act": the clause the preposition opens
            clause_end = particle.head.right_edge
            content = (particle.nbor().idx, clause_end.idx + len(clause_end))
        elif content is None and particle is not None:
            content = _with_question_conjunct(particle, _object_of(particle))
            if content is None and particle.n_rights == 0:
                # "called on Governor X to resign": the parser hung the preposition's
                # object from the verb
                obj = next(
                    (
                        c
                        for label, c in kids.labelled
                        if label in ("dobj", "oprd", "npadvmod", "nsubj")
                        and c.left_edge.i == particle.i + 1
                    ),
                    None,
                )
                content = None if obj is None else _phrase_chars(obj)
            if content is None and _pronoun_object(particle) is not None:
                # "asked about it", "spoke of her": a pronoun stands for what was spoken of
                content = _chars(next(c for c in particle.children if c.dep_ == "pobj"))
            if content is not None:
                content = (content[0], _with_complements(tok, particle, content[1]))
            infinitive = next(
                (
                    c
                    for label, c in kids.labelled
                    if (label == "xcomp" or label == "advcl" and _is_to_infinitive(c))
                    and c.i > particle.i
                ),
                None,
            )
            if infinitive is not None and _is_infinitive(infinitive):
                # "called on the minister to resign": who is called on, and to do what (a
                # pronoun too: "called on her to resign")
                start = content[0] if content is not None else _pronoun_object(particle)
                if start is not None:
                    content = (start, _subtree_chars(infinitive)[1])
            obj = next(
                (c for label, c in kids.labelled if label == "dobj" and tok.i < c.i < particle.i),
                None,
            )
            if content is not None and obj is not None and not _is_reflexive(obj):
                # "accused the envoy of lying", "blamed the delay on the rebels": who or what
                # is accused belongs to the content ("distanced himself from": not a reflexive)
                content = (obj.left_edge.idx, content[1])
        elif content is None:
            content = self._content(tok, cue, speaker, sent, kids)
        if content is not None:
            content = (content[0], self._past_clitic(tok, *content))
            if cue.act == "evidence":
                content = (content[0], self._with_ranking(tok, content[1]))
        if content is None:
            return None
        c_start, c_end = trim(self.text, *self._in_paragraph(content, tok))
        if c_end <= c_start or not words_at_least(self.text, c_start, c_end):
            return None
        if lemma in _SELF_STATE_VERBS and _is_reflexive(
            self.sdoc[self._first_ending_after(c_start)]
        ):
            return None  # "found himself on the defensive": a state he came to be in
        # a content holding the speaker or the cue is a misparse, unless the cue interrupts it
        interrupting = c_start <= tok.idx < c_end and self._interrupts(tok, c_start, c_end)
        if c_start <= tok.idx < c_end and not interrupting:
            return None
        if direct_only and not self._overlaps_quote(c_start, c_end):
            # a direct-only run keeps a statement without quotes only as what stands
            # between quotes (it ends the quotation before it); who said it is not read
            return Attribution(
                kind="indirect",
                start=c_start,
                end=self._split_relay(c_start, c_end)[0],
                cue=cue_text,
                cue_start=cue_start,
                cue_end=cue_end,
                act=cue.act,
            )
        # the content's tokens are cut from the speaker; `speaker_chars` looks at those of
        # the speaker's subtree alone, so the others are not gathered
        exclude = {tok.i}
        if not interrupting:
            s_first, s_last = speaker.left_edge, speaker.right_edge
            # tokens are shared only when the characters are
            if c_start < s_last.idx + len(s_last) and s_first.idx < c_end:
                first, stop = self._token_span(c_start, c_end)
                exclude.update(range(max(first, s_first.i), min(stop, s_last.i + 1)))
        s_start, s_end = speaker_chars(speaker, exclude, self.text)
        s_start, s_end = trim(self.text, *self._same_line_speaker(s_start, s_end, cue_start))
        if s_end <= s_start or (c_start < s_end and s_start < c_end and not interrupting):
            return None
        c_end, relays_in = self._split_relay(c_start, c_end)
        relays.extend(relays_in)
        if c_start > tok.idx:
            c_end = self._with_loose_conjunct(tok, sent, c_start, c_end)
            c_end = self._with_particulars(sent, c_end)
            if cue.act == "evidence" and speaker.lemma_.lower() in evidence_sources():
                c_end = _through_finding(tok, c_end)
            c_end = self._through_colon(self._before_trailing_relative(c_start, c_end))
            c_end = self._before_even_as(c_start, c_end)
        c_start, c_end, kind = self._with_quotes(c_start, c_end)
        if asked:
            return self._told(c_start, c_end, cue_text, (cue_start, cue_end), "passive", cue.act)
        # the frame serves the statements stage's search for channels, dates and relays:
        # a direct-only run, which gives quotes, speakers and cues, leaves it empty
        frame = (
            []
            if direct_only
            else self._frame(tok, sent, (c_start, c_end), (s_start, s_end), interrupting)
        )
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

    def _frame(
        self,
        tok: Token,
        sent: SpacySpan,
        content: tuple[int, int],
        speaker: tuple[int, int],
        interrupting: bool,
    ) -> list[int]:
        """The tokens of a cue's sentence outside its content, its speaker and any quote (an
        interrupting cue's own subtree, inside the content's span, is frame too)."""
        quoted = self._quoted_spans_near(sent.start, sent.end)
        if interrupting:
            used = self._token_range(*content) | self._token_range(*speaker)
            own = set(_subtree_range(tok))
            for part in _content_children(tok, *content):
                own -= set(_subtree_range(part))
            used -= own
            used |= self._token_range(*speaker)
            return [i for i in _range_without(sent.start, sent.end, quoted) if i not in used]
        spans = [self._token_span(*content), self._token_span(*speaker)]
        return _range_without(sent.start, sent.end, quoted + spans)

    def _agentless_passive(
        self, tok: Token, cue: Cue, particle: Token | None
    ) -> Attribution | None:
        """ "The envoy was told that the border would open", "she was asked about the
        deal", "it was announced that ...": a passive cue with no agent names no source;
        its clause, embedded question or prepositional object is the content."""
        if particle is not None and lemma_of(tok) not in self.cues:
            return None  # "is focused on": a state, not something said
        content = _passive_complement(tok, particle)
        if content is None and (cue.needs_predicate or cue.takes_object):
            content = _passive_predication(tok, cue.needs_predicate)
        if content is None:
            return None
        start, end = trim(self.text, *self._in_paragraph(content, tok))
        if not words_at_least(self.text, start, end):
            return None
        return self._told(start, end, cue.cue, _chars(tok), "passive", cue.act)

    def _raising(self, tok: Token, cue: Cue) -> Attribution | None:
        """ "The minister is expected to resign", "the talks seem to have stalled", "a
        year expected to bring record turnout": a claim whose source goes unnamed. The
        content is the whole clause, subject included; there is no speaker.

        Verbs other than "seem" and "appear" count only in the passive, without an agent
        and with a to-infinitive or an "as" or predicate complement ("is said to", "is seen
        as the favourite", "is considered a moderate"); "seem" and "appear" take an
        infinitive or an adjective ("appears weak").
        """
        children = list(tok.children)
        active = cue.kind == "appearance"
        if active:
            if any(c.dep_ in ("auxpass", "agent") for c in children):
                return None
            comp = _raised_complement(
                tok,
                children,
                lambda c: c.dep_ in ("acomp", "oprd") and c.tag_ in ("JJ", "JJR", "VBN"),
                "like",
            )
            clause = _appearance_clause(tok)
            if clause is not None:
                # "it appears that ...", "it seems as if ...": the clause is the content
                start, end = trim(self.text, *self._in_paragraph(_subtree_chars(clause), tok))
                if not words_at_least(self.text, start, end, 3):
                    return None
                return self._told(start, end, cue.cue, _chars(tok), "raising", cue.act)
        else:
            passive = any(c.dep_ == "auxpass" for c in children) or (
                tok.dep_ == "acl" and tok.tag_ == "VBN"
            )
            if not passive:
                return None
            comp = _raised_complement(tok, children, lambda c: c.dep_ == "oprd", "as")
            agent = next((c for c in children if c.dep_ == "agent"), None)
            if agent is not None:
                return self._judged_by(tok, cue, agent, comp)
        if comp is None:
            return None
        subj = next((c for c in children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is None and tok.dep_ == "acl":
            subj = tok.head
        if subj is None or subj.dep_ == "expl":
            return None
        first = subj.left_edge if subj.i < tok.i else tok
        last = comp.right_edge
        start, end = trim(self.text, first.idx, last.idx + len(last))
        start, end = self._in_paragraph((start, end), tok)
        if not words_at_least(self.text, start, end, 3):
            return None
        return self._told(start, end, cue.cue, _chars(tok), "raising", cue.act)

    def _judged_by(
        self, tok: Token, cue: Cue, agent: Token, comp: Token | None
    ) -> Attribution | None:
        """ "She is seen by party leaders as the likeliest bridge", "the move was viewed by
        some as a retreat": a judgement in the passive whose holder is named by the agent.
        The clause from the subject to the judgement is the content, and the agent's object
        the speaker; the parser may hang the "as" phrase from that object."""
        holder = _governed(agent)
        if holder is None:
            return None
        if comp is None:
            comp = _object_as_phrase(holder)
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None and tok.dep_ == "acl":
            subj = tok.head  # "an option seen by organizers as a lifeline"
        if comp is None or subj is None or subj.i > tok.i:
            return None
        last = comp.right_edge
        start, end = trim(self.text, subj.left_edge.idx, last.idx + len(last))
        start, end = self._in_paragraph((start, end), tok)
        if not words_at_least(self.text, start, end, 3):
            return None
        speaker = speaker_chars(holder, set(), self.text)
        return self._told(start, end, cue.cue, _chars(tok), "raising", cue.act, speaker)

    def _told(
        self,
        start: int,
        end: int,
        cue: str | None,
        cue_chars: tuple[int, int],
        via: str,
        act: str = "speech",
        speaker: tuple[int, int] | None = None,
    ) -> Attribution:
        """An attribution of the content `start`-`end`, taken out to the quotes it runs
        into, with the characters of its cue and of its speaker (if any)."""
        start, end, kind = self._with_quotes(start, end)
        s_start, s_end = speaker if speaker is not None else (None, None)
        return Attribution(
            kind=kind,
            start=start,
            end=end,
            cue=cue,
            cue_start=cue_chars[0],
            cue_end=cue_chars[1],
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_text=self.text[s_start:s_end] if s_start is not None else None,
            via=via,
            act=act,
        )

    def _in_paragraph(self, content: tuple[int, int], tok: Token) -> tuple[int, int]:
        """A content from the parse kept to the cue's paragraph (a sentence the parser ran
        over a line break must not pull in the next paragraph); quotes may run on."""
        start, end = content
        k = bisect_left(self._quote_starts, start)
        if k < len(self.quotes) and self._quote_starts[k] == start:
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

    def _phrasal(
        self, tok: Token, lemma: str, kids: _Dependents | None = None
    ) -> tuple[Cue | None, Token | None]:
        """A verb + preposition cue ("called for talks") and its preposition (`kids`: the
        verb's dependents, when already read)."""
        kids = _dependents(tok) if kids is None else kids
        # "lashed out at", "fired back at": the verb with its particle
        particle = _particle_of(tok, kids) if lemma in _particle_verbs() else None
        verb = lemma if particle is None else f"{lemma} {particle.lower_}"
        if lemma not in _phrasal_heads() and verb not in _phrasal_heads():
            return None, None  # "said": no verb + preposition cue starts with it
        labels = kids.labels
        table = phrasal_cues()
        if "prep" in labels or "prt" in labels:
            # "has called on police to act": the parser may take the preposition for a
            # particle of the verb
            for label, child in kids.labelled:
                if label in ("prep", "prt") and child.i > tok.i:
                    cue = table.get((verb, child.lower_)) or table.get((lemma, child.lower_))
                    if cue is not None and not _is_duration(child):
                        return cue, child
        obj = kids.first("dobj")
        if obj is not None and obj.i > tok.i:
            # "reminded the crowd of the stakes": the parser hung the preposition from the
            # object, as its phrase's last part
            prep = next((c for c in obj.rights if c.dep_ == "prep"), None)
            if (
                prep is not None
                and prep.right_edge.i == obj.right_edge.i
                # "called the remarks on Sunday “childish”": a day is no object of "call on"
                and not (prep.lower_ in _SETTING_PREPS | {"on", "in"} and _is_duration(prep))
            ):
                cue = table.get((lemma, prep.lower_))
                if cue is not None:
                    return cue, prep
        setting = _setting_hung_prep(kids, tok, lemma, table)
        if setting is not None:
            return setting
        if "advcl" not in labels and "ccomp" not in labels:
            return None, None
        for label, child in kids.labelled:
            if label in ("advcl", "ccomp") and child.i > tok.i:
                # "called for the UN to act": the parser reads "for" as the mark of a
                # for-to clause
                first = child.left_edge
                if first.dep_ == "mark" and first.head.i == child.i and first.i < child.i - 1:
                    cue = table.get((lemma, first.lower_))
                    if cue is not None:
                        return cue, first
        return None, None

    @staticmethod
    def _quoting_head(tok: Token) -> Token | None:
        """The "quote" verb of "quoted as saying", when `tok` is the saying."""
        if tok.tag_ != "VBG" or tok.lemma_.lower() != "say":
            return None
        head = tok.head
        if head.lower_ == "as":
            head = head.head
        if head.lemma_.lower() in ("quote", "cite") and head.i != tok.i:
            return head
        return None

    @staticmethod
    def _is_infinitive_without_subject(tok: Token, kids: _Dependents | None = None) -> bool:
        """ "important to note": an infinitive hanging from no verb names no act of anyone
        ("refused to comment", "started to portray", "went on to explain", "flew in to
        discuss" take the governing verb's subject)."""
        kids = _dependents(tok) if kids is None else kids
        if not _has_to(kids) or not _SUBJECT_DEPS.isdisjoint(kids.labels):
            return False
        head = tok.head
        return not (
            tok.dep_ in ("xcomp", "advcl")
            and (
                head.pos_ in ("VERB", "AUX")
                # "is quick to point out", "was pressed to explain" (a participle the
                # tagger took for an adjective)
                or (head.pos_ == "ADJ" and (head.dep_ == "acomp" or head.tag_ == "VBN"))
            )
        )

    def _subject(self, tok: Token, kids: _Dependents | None = None) -> Token | None:
        """The cue's subject, or that of the verb a participle or conjunct hangs from.

        A conjunct or participle the parser hung inside another cue's content clause ("he
        said X and said that Y", "insisted that X, claiming that Y") takes that cue's subject.
        """
        cur = tok
        for hop in range(MAX_SUBJECT_HOPS + 1):
            if hop == 0 and kids is not None:
                subjects = (
                    []
                    if _SUBJECT_DEPS.isdisjoint(kids.labels)
                    else [t for label, t in kids.labelled if label in _SUBJECT_DEPS]
                )
            else:
                subjects = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
            if len(subjects) == 1:
                if hop == 0 and self._is_quoted(subjects[0].i):
                    return self._object_after_quote(tok, subjects[0]) or subjects[0]
                if hop == 1 and tok.dep_ == "conj" and self._joined_to_quote(tok):
                    # "“We were wrong,” Ruiz, 58, told AFP": a cue the parser joined to the
                    # quote's verb does not take the quote's subject
                    return None
                if subjects[0].tag_ == "WDT" and cur.dep_ == "relcl":
                    # "released an ad that urges ...": who issued the ad says it
                    return _issuer(cur.head) or subjects[0]
                return subjects[0]
            if subjects:
                # "“Anyone who attacks him loses,” said Ann Lee": a subject inside the quote
                # is the parser's slip; the speaker stands outside it. Of several outside it,
                # the one nearest the verb is its own ("the fact that X, as Vega said, ...")
                outside = [c for c in subjects if not self._is_quoted(c.i)]
                return min(outside, key=lambda c: abs(c.i - cur.i)) if outside else subjects[0]
            if hop == 0:
                named = _subject_of_relative(cur, kids)
                if named is not None:
                    return named
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
                # "after saying that ...", "by insisting that ...": the subject of the verb
                # the preposition hangs from, over the words between ("stopped short of
                # calling for", "in addition to stating")
                cur = cur.head.head
                for _ in range(MAX_SUBJECT_HOPS):
                    if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                        break
                    cur = cur.head
                continue
            if cur.head.i == cur.i or (cur.dep_ not in _INHERIT_DEPS and not _loose_verb_list(cur)):
                return None
            if cur.dep_ in ("acl", "relcl"):
                # "officials speaking on condition of anonymity": the noun speaks; but
                # "released a statement saying ...": who issued the statement says it
                issuer = _issuer(cur.head) if cur.dep_ == "acl" else None
                if issuer is not None:
                    return issuer
                return cur.head if cur.head.pos_ in ("NOUN", "PROPN", "PRON") else None
            controller = _controller(cur.head, cur) if cur.dep_ == "xcomp" else None
            if controller is not None:
                # "asked the envoy to explain": the envoy explains, not who asked
                return controller
            cur = cur.head
            if (
                cur.dep_ in _CLAUSE_DEPS
                and _is_speech_verb(cur.head)
                and cur.head.i != cur.i
                # a verb inside a quote is no cue of the words outside it
                and self._is_quoted(cur.head.i) <= self._is_quoted(cur.i)
            ):
                cur = cur.head
            elif cur.dep_ == "acomp" and cur.pos_ == "ADJ":
                cur = cur.head  # "voters were more likely to say ...": the copula's subject
        return None

    def _unquoted_subject(
        self, tok: Token, sent: SpacySpan, kids: _Dependents | None = None
    ) -> Token | None:
        """The cue's subject; one the parser found inside a quote the cue stands outside of
        ("“Good reporter, this guy,” Ann Lee, the front-runner, said") gives way to the name
        set off between the quote and the cue."""
        subject = self._subject(tok, kids)
        if subject is None or not self._is_quoted(subject.i) or self._is_quoted(tok.i):
            return subject
        return self._set_off_subject(tok, sent) or subject

    def _content(
        self,
        tok: Token,
        cue: Cue,
        speaker: Token,
        sent: SpacySpan,
        kids: _Dependents | None = None,
    ) -> tuple[int, int] | None:
        kids = _dependents(tok) if kids is None else kids
        raised = raising_cues().get(cue.cue)
        judged = cue.needs_predicate or (raised is not None and raised.act == "cognitive")
        held = _relative_predicate(tok, kids) if judged else None
        if held is not None:
            return held
        if cue.needs_predicate:
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and _verbless_subject(tok) is None:
                return None  # "a company called Harmony": a name, not a statement
            # "called the plan a sham": the object and its predicate, and nothing else
            obj = kids.first("dobj")
            pred = kids.first("oprd")
            if pred is None and obj is not None:
                # "cast the vote as a referendum": an "as" phrase after the object ("whom
                # aides identify as the author": after the cue, when the object is a relative)
                pred = next(
                    (
                        c
                        for label, c in kids.labelled
                        if label == "prep" and c.lower_ == "as" and c.i > obj.i and c.n_rights
                    ),
                    None,
                )
            if pred is None and obj is not None and obj.i > tok.i:
                pred = _object_as_phrase(obj)
            if pred is None and obj is not None and obj.i > tok.i:
                # "viewed him favorably": an adverb of judgement after the object
                pred = next(
                    (
                        c
                        for label, c in kids.labelled
                        if label == "advmod" and c.i > obj.i and c.lower_ in _JUDGEMENT_ADVERBS
                    ),
                    None,
                )
            if pred is None and obj is not None and obj.i > tok.i:
                # "called her son her hero": a second noun phrase with no comma before it,
                # which the parser took for an apposition, is the predicate
                pred = next(
                    (
                        c
                        for c in obj.rights
                        if c.dep_ == "appos" and not tok.doc[c.left_edge.i - 1].is_punct
                    ),
                    None,
                )
            if pred is None and obj is not None and obj.i > tok.i:
                pred = _second_object(kids, obj) or _as_after_participle(obj)
            if pred is None and obj is None:
                small = _small_clause(tok, kids)
                if small is not None:
                    return _subtree_chars(small)
            if pred is None:
                # "called Merkel “the chancellor of the free world”": a quote right after
                # the object is its predicate, however the parser hung it
                return self._quoted_predicate(tok, obj)
            if obj is None:
                # "called the country's rules “weak”": the parser may take the object for
                # the predicate when the quote is the predicate
                pred_end = pred.right_edge.idx + len(pred.right_edge)
                k = bisect_left(self._quote_starts, pred_end)
                if k < len(self.quotes) and not self.text[pred_end : self.quotes[k][0]].strip():
                    quoted = self._quoted_predicate(tok, pred)
                    if quoted is not None:
                        return quoted
            # "called her “third-rate”": the parser may hang the object inside the predicate
            first = obj.left_edge if obj is not None and obj.i > tok.i else pred.left_edge
            # "what he calls corruption", "which she called a sham": the relative pronoun
            # stands before the speaker, so the predicate alone is the content
            # "calling him a fool and posting photos": a verb the parser coordinated with
            # the predicate is the speaker's next act, not part of it
            verbs = {
                i
                for c in pred.subtree
                if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > pred.i
                for i in range(c.left_edge.i, pred.right_edge.i + 1)
            }
            return first.idx, _subtree_chars(pred, exclude=verbs)[1]
        estimate = _estimated_figure(tok, kids)
        if estimate is not None:
            return estimate
        # "These treaties, the lawyers said, “all point one way”": a quote that goes on with
        # the clause a parenthetical cue interrupts is only part of the content
        speaker_first = speaker.left_edge
        lead = speaker_first.i
        inside = (
            tok.dep_ == "parataxis"
            and tok.head.i > tok.i
            and lead > sent.start
            and tok.doc[lead - 1].lower_ == ","
            and any(c.dep_ in _SUBJECT_DEPS and c.i < lead for c in tok.head.children)
        )
        # "“...,” she said when asked whether ...": a subordinate cue with its own clause
        # after it reports that clause, not the quote the main cue reports
        subordinate = tok.dep_ == "advcl" and any(
            label in _CLAUSE_DEPS and c.i > tok.i for label, c in kids.labelled
        )
        opening = None if inside or subordinate else self._opening_quote(tok)
        opening = opening or (
            None if subordinate else self._closing_quote(tok, speaker, sent, cue.addressee)
        )
        if opening is not None:
            return opening
        # the speaker's subtree, [lead, lead_end], less the cue's own when the cue hangs in
        # it ("ads attacking the governor's record": the participle and what it says hang
        # from the speaker, and none of them is the speaker)
        lead_end = speaker.right_edge.i
        own_lo, own_hi = (
            (tok.left_edge.i, tok.right_edge.i) if lead <= tok.i <= lead_end else (1, 0)
        )
        speakers = {i for i in range(lead, lead_end + 1) if not own_lo <= i <= own_hi}
        clauses = [
            c
            for label, c in kids.labelled
            if (
                label in _CLAUSE_DEPS
                or label == "advcl"
                and (
                    _is_embedded_question(tok, c)
                    or _unmarked_complement(tok, c, speaker) is not None
                )
            )
            and c.i not in speakers
            # "..., said Ann Lee, who chairs the panel": a clause the parser built around
            # the speaker is none of what was said
            and not tok.i < c.left_edge.i <= speaker.i <= c.right_edge.i
            # "said it was vital": an adjective heads no clause, unless the tagger took a
            # participle for one ("noting that most workers qualified")
            and (c.pos_ != "ADJ" or _has_subject(c))
        ]
        if self.quotes:
            # "said in his book, “A Road Less Taken”, that ...": a title the parser read as
            # a clause is none
            clauses = [c for c in clauses if not self._in_title(c)]
        if cue.takes_object and any(label == "dobj" and c.i > tok.i for label, c in kids.labelled):
            # "Sanders wants X; Clinton seeks Y": a verb with its object after it reports
            # that object, not a clause the parser hung before it
            clauses = [c for c in clauses if c.i > tok.i]
        if any(c.i > tok.i for c in clauses):
            # "While X is true, she said Y": with a clause after the cue, one before it that
            # opens with "while", "if" or "because" is an adjunct the parser took for a
            # complement
            clauses = [c for c in clauses if c.i > tok.i or not _adverbial_mark(c)]
        # "voters said X, and three-quarters said Y": a second cue with its own subject
        # is its own statement, not this one's content
        own = [c for c in clauses if not (_is_speech_verb(c) and _has_subject(c))]
        if (
            own
            and speaker.i < tok.i
            and all(c.i < tok.i for c in own)
            and any(
                t.text in (":", ";")
                for t in tok.doc[max(c.right_edge.i for c in own) + 1 : speaker.left_edge.i]
            )
        ):
            # "...: He said he had raised $1m": a cue after its speaker reports the clause
            # after it, even one with a verb of speech, not one across a colon before it
            own = [c for c in clauses if c.i > tok.i] or own
        # "if talks fail, he said, they would consider sanctions": a parenthetical cue the
        # parser hung from the clause it reports is never that clause's content
        clauses = own or [c for c in clauses if c.dep_ != "parataxis"]
        # "X further elaborated on the agenda, stating that ...": the content is the
        # participle's clause, found when the participle is the cue.
        if clauses:
            # "..., in fact she said it helps": with the speaker before the cue, the
            # complement after the cue is what was said, not a clause the parser hung before
            after = [c for c in clauses if c.i > tok.i and c.dep_ in ("ccomp", "xcomp")]
            clause = (
                clauses[0]
                if len(clauses) == 1
                else after[0]
                if after and speaker.i < tok.i
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
            exclude = {tok.i} | speakers | cut
            start, end = _subtree_chars(clause, exclude=exclude)
            subject = (
                _unmarked_complement(tok, clause, speaker)
                if clause.dep_ in ("advcl", "ccomp")
                else None
            )
            if subject is not None:
                # "said after the meeting he would resign": from the clause's subject
                start = max(start, subject.left_edge.idx)
            if clause.i > tok.i and not cut:
                end = _with_reason(tok, clause, end)
            if clause.i > tok.i and speaker.i < tok.i:
                condition = _fronted_condition(tok, speaker)
                if condition is not None:
                    start = min(start, condition.left_edge.idx)
            addressee = _controller(tok, clause)
            if addressee is not None:
                # "urged the parties to return to talks": who is urged belongs to the content
                start = min(start, addressee.left_edge.idx)
            return start, end
        parenthetical = (
            self._parenthetical(tok, speaker, cue.addressee)
            or self._as_clause(tok)
            or self._fronted(tok, speaker, sent)
        )
        if parenthetical is not None:
            return parenthetical
        bare = self._bare_clause(tok, cue, speaker)
        if bare is not None:
            return bare
        answer = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (
            answer is not None
            and answer.lower_ in _ANSWER_WORDS
            and answer.head.i == tok.i
            and answer.dep_ in ("intj", "advmod", "dobj")
            and not cue.takes_object
        ):
            # "the minister said no", "half said so": a one-word answer is the content
            return _chars(answer)
        obj_span = None
        # "a 2014 study found 31 cases of fraud": what a poll or a study finds may be a
        # noun, though a person finds only a clause
        found = (
            cue.clause_only
            and cue.act == "evidence"
            and speaker.lemma_.lower() in evidence_sources()
            and speaker.i < tok.i
        )
        if cue.takes_object or found:
            obj = kids.first("dobj")
            if obj is not None and cue.needs_topic and obj.lemma_.lower() not in topic_nouns():
                obj = None
            if obj is not None and obj.tag_ in ("WDT", "WP") and obj.i < tok.i:
                # "Florida, which he describes as his second home": the predicate
                pred = next(
                    (c for label, c in kids.labelled if label == "prep" and c.lower_ == "as"),
                    None,
                )
                predicate = _object_of(pred) if pred is not None and pred.i > tok.i else None
                if predicate is not None:
                    return predicate
            topic = _topic_of(obj) if obj is not None and cue.needs_topic else None
            if topic is not None:
                return topic
            # "announced it would cut rates": the object is the subject of a clause
            stranded = None if obj is None or obj.i < tok.i else _stranded_predicate(tok, obj)
            if obj is not None and stranded is not None:
                return trim(self.text, *_span_chars((obj.left_edge, stranded.right_edge)))
            if (
                obj is not None
                and obj.tag_ == "PRP"
                and obj.i > tok.i
                and obj.i + 1 < len(tok.doc)
                and tok.doc[obj.i + 1].text in OPENING_QUOTES + STRAIGHT_QUOTE
            ):
                # "declared it “a great night for us”": a quote right after a pronoun
                # object is what the speaker made of it
                quoted = self._quoted_predicate(tok, obj)
                if quoted is not None:
                    return quoted
            if obj is not None and (obj.pos_ != "PRON" or obj.tag_ == "PRP"):
                aside = _nonrestrictive(obj)
                if aside:
                    # "praised the governor, who quit on Saturday, as a man of honour": an
                    # aside the verb's complement follows stands inside the content
                    whole = _subtree_chars(obj, exclude={tok.i} | speakers)
                    if _with_complements(tok, obj, whole[1]) > whole[1]:
                        aside = set()
                obj_span = _subtree_chars(obj, exclude={tok.i} | speakers | aside)
                if not aside:
                    obj_span = (obj_span[0], _with_complements(tok, obj, obj_span[1]))
        if obj_span is None and cue.takes_object:
            obj_span = _relativized_object(tok, kids)
        quote = self._adjacent_quote(tok, sent, speaker)
        # "decried the party for “turning its back”": a quote inside the object's
        # phrase is part of a mixed content
        if quote is not None and (
            obj_span is None or quote[1] > tok.idx and quote[0] < obj_span[0]
        ):
            return quote
        if obj_span is not None:
            return obj_span
        if cue.addressee or cue.cue == "warn":
            # "told reporters that ...": the clause can hang off the object
            for c in tok.children:
                if c.dep_ in ("dobj", "dative"):
                    inner = [g for g in c.children if g.dep_ in _CLAUSE_DEPS]
                    if inner:
                        return _subtree_chars(inner[0])
        if cue.thing_object:
            # "told a story", "asked questions", "urged restraint": a thing, not who is
            # addressed
            obj = kids.first("dobj")
            if (
                obj is not None
                and obj.pos_ == "NOUN"
                and not obj.ent_type_
                and obj.lemma_.lower() not in addressee_nouns()
                and not any(c.dep_ == "dative" for c in tok.children)
            ):
                return _phrase_chars(obj)
        if cue.act == "cognitive":
            # "voters feel trapped in a rigged system": how one feels is what one thinks
            pred = next((c for c in tok.rights if c.dep_ == "acomp"), None)
            if pred is not None and pred.right_edge.i - pred.left_edge.i >= 2:
                return _subtree_chars(pred)
        return self._that_clause_in_prep(tok)

    def _quoted_predicate(self, tok: Token, obj: Token | None) -> tuple[int, int] | None:
        """The object and a quote opening within a few words after the cue (the predicate
        of "called X “...”"), when the parser found no predicate."""
        if obj is None or obj.i < tok.i:
            return None
        end = tok.idx + len(tok)
        k = bisect_left(self._quote_starts, end)
        if k >= len(self.quotes):
            return None
        qs, qe = self.quotes[k]
        # the object may be long ("called the use of executive orders “dangerous”")
        if self.text.find("\n", end, qs) >= 0 or words_at_least(
            self.text, end, qs, MAX_OBJECT_WORDS + 1
        ):
            return None
        if not obj.left_edge.idx <= qs <= obj.right_edge.idx + len(obj.right_edge) + 2:
            return None
        return tok.doc[tok.i + 1].idx, qe

    @staticmethod
    def _that_clause_in_prep(tok: Token) -> tuple[int, int] | None:
        """ "said in a statement that ...", "said in one of several posts that ...": a
        that-clause the parser hung from a noun of the cue's preposition phrase is the
        cue's content."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.i < tok.i:
                continue
            for noun in prep.subtree:
                if noun.dep_ != "pobj":
                    continue
                for clause in noun.children:
                    if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                        g.dep_ == "mark" and g.lower_ == "that" for g in clause.children
                    ):
                        return _subtree_chars(clause)
        return None

    def _inverted(self, tok: Token) -> Token | None:
        """ "“How long will it take?” asked the envoy": right after a quote, the noun after
        the cue, which the parser took for its object, is the speaker."""
        k = bisect_right(self._quote_starts, tok.idx) - 1
        # spaces of any kind (a no-break space too) and a comma may stand between them
        if k < 0 or self.text[self.quotes[k][1] : tok.idx].replace(",", " ").strip():
            return None
        for c in tok.children:
            if c.dep_ in ("dobj", "attr") and c.left_edge.i == tok.i + 1:
                return c
            if c.dep_ in ("advmod", "npadvmod") and c.i == tok.i + 1 and c.is_title:
                return c  # "“...,” said Skelly": a name the tagger took for an adverb
            if c.dep_ == "ccomp" and c.tag_ in ("VBG", "VBN", "VBD"):
                # "“...,” said analyst Ann Lee, commenting on the deal", "..., asked about
                # it": the parser took the speaker for the participle's subject
                subject = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subject is not None and subject.left_edge.i == tok.i + 1:
                    return subject
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

    def _object_after_quote(self, tok: Token, subject: Token) -> Token | None:
        """ "“Not again,” wrote a voter from Leeds": the speaker of a cue right after a
        quote closing on a comma, which the parser took for the cue's object, while it took
        a word of the quote for the subject."""
        k = bisect_right(self._quote_ends, tok.idx) - 1
        if k < 0 or not self.quotes[k][0] <= subject.idx < self.quotes[k][1]:
            return None
        qs, qe = self.quotes[k]
        if self.text[qs:qe].rstrip(_MARKS + " ")[-1:] != "," or self.text[qe : tok.idx].strip():
            return None
        return next(
            (
                c
                for c in tok.rights
                if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not self._is_quoted(c.i)
            ),
            None,
        )

    def _listed_subject(self, verb: Token) -> Token | None:
        """ "Lee met the envoy, praised the plan and said it would pass": a list of verbs in
        the past or present tense whose first the parser hung, with its subject, from the
        next as a clause of its own; the first verb's subject is that of every verb of the
        list (a quoted clause before the verb is what was said, not the list's start)."""
        head = verb
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.tag_ not in _FINITE_TAGS or any(
            c.dep_ in _SUBJECT_DEPS or c.dep_ == "aux" for c in head.children
        ):
            return None
        first = next((c for c in head.lefts if c.dep_ in ("advcl", "ccomp")), None)
        if (
            first is None
            or first.tag_ not in _FINITE_TAGS
            or self._is_quoted(first.i)
            or any(c.dep_ == "mark" for c in first.children)
        ):
            return None
        # only a comma (and the quote marks about it) stands between the two verbs' phrases
        between = head.doc[first.right_edge.i + 1 : head.i]
        if not any(t.text == "," for t in between) or not all(t.is_punct for t in between):
            return None
        # the list's subject opens it ("..., said Lee, reports the Post": no list)
        return next((c for c in first.lefts if c.dep_ in _SUBJECT_DEPS), None)

    def _subject_after_quote(self, tok: Token) -> Token | None:
        """ "“...,” screenwriter Ann Lee wrote": the few words between a quote closing on a
        comma and the cue name the speaker, whatever the parser took them for."""
        k = bisect_right(self._quote_ends, tok.idx) - 1
        if k < 0:
            return None
        qs, qe = self.quotes[k]
        text = self.text
        gap = text[qe : tok.idx]
        if text[qs:qe].rstrip(_MARKS + " ")[-1:] != "," or any(c in gap for c in ",.;:\n"):
            return None
        if words_at_least(text, qe, tok.idx, MAX_QUOTE_GAP_WORDS + 1):
            return None
        first = bisect_left(self._tok_starts, qe)
        nouns = [t for t in tok.doc[first : tok.i] if t.pos_ in ("PROPN", "NOUN")]
        return nouns[-1] if nouns else None

    def _joined_to_quote(self, verb: Token) -> bool:
        """Whether a verb outside quotes hangs from one inside a quote that closes before it
        and opens its sentence ("“We were wrong,” Ruiz, 58, told AFP")."""
        head = verb.head
        if head.i >= verb.i or self._is_quoted(verb.i) or not self._is_quoted(head.i):
            return False
        k = bisect_right(self._quote_starts, head.idx) - 1
        return (
            k >= 0
            and self.quotes[k][1] <= verb.idx
            and not _char_before(self.text, self.quotes[k][0], head.sent.start_char)
        )

    def _set_off_subject(self, verb: Token, sent: SpacySpan) -> Token | None:
        """ "Ana Ruiz, in Kentucky, said", "Tom Hale, a rabbi helping to organize the boycott,
        said", "Sen. Ann Lee (D-N.M.) says": a name opening the sentence (or the cue's line),
        set off from the cue by an aside that ends right before it, is the speaker the parser
        lost in the aside."""
        joined = verb.dep_ == "conj" and self._joined_to_quote(verb)
        if (verb.dep_ != "ROOT" and not joined) or verb.i - sent.start < 4:
            return None
        doc = verb.doc
        closing = doc[verb.i - 1].text
        if closing not in (",", ")"):
            return None
        # the name opens the sentence, the cue's line, or what follows a quote before the cue
        # ("“...,” Ann Lee, a senior adviser, said")
        opening = self.text.rfind("\n", 0, verb.idx) + 1
        k = bisect_right(self._quote_ends, verb.idx) - 1
        if k >= 0:
            opening = max(opening, self._quote_ends[k])
        first = max(sent.start, self._first_ending_after(opening))
        while first < verb.i and (doc[first].is_punct or doc[first].is_space):
            first += 1
        end = first
        while end < verb.i and doc[end].text not in (",", "("):
            end += 1
        if end == first or end - first > MAX_SET_OFF_NAME_TOKENS or verb.i - end - 2 < 1:
            return None
        if doc[end].text != ("(" if closing == ")" else ","):
            return None
        name = doc[first:end]
        if any(t.pos_ not in _NAME_POS or t.ent_type_ in ("DATE", "TIME") for t in name):
            return None
        aside = doc[end + 1 : verb.i - 1]
        if len(aside) > MAX_ASIDE_TOKENS or any(
            t.text in _ASIDE_BREAKS or t.is_quote or t.is_space for t in aside
        ):
            return None
        heads = [t for t in name if t.pos_ in ("PROPN", "NOUN")]
        return heads[-1] if heads else None

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
        # the gap's last character but spaces is a comma or colon (read from the quote back:
        # the next quote may be far away)
        text = self.text
        last = qs
        while last > end and text[last - 1].isspace():
            last -= 1
        if last == end or text[last - 1] not in ",:" or text.find("\n\n\n", end, qs) >= 0:
            return None
        if text.find(".", end, qs) >= 0 or words_at_least(text, end, qs, MAX_QUOTE_GAP_WORDS + 1):
            return None
        if self._speech_verb_between(end, qs):
            return None  # "she said, adding: “...”": the quote is the next cue's
        if qe - qs <= MAX_TITLE_CHARS and self._is_title(qs, qe):
            return None  # "said in his book, “A Road Less Taken”, that ..."
        return qs, qe

    def _closing_quote(
        self, tok: Token, speaker: Token, sent: SpacySpan, addressee: bool = False
    ) -> tuple[int, int] | None:
        """ "“We are not leaving,” the minister said, ...": a quote that opens its sentence
        and closes on a comma right before the speaker and cue is what they said, whatever
        clause the parser hung after the cue ("..., said X, adding that ..."); `sent` is the
        cue's sentence. `addressee`: the cue's object is who was told."""
        # the parser may hang the closing mark from the speaker: its phrase starts after it
        first = speaker.left_edge
        while first.is_quote and first.i < speaker.i:
            first = first.nbor()
        lo = min(tok.idx, first.idx)
        k = bisect_right(self._quote_ends, lo) - 1
        if k < 0:
            return None
        qs, qe = self.quotes[k]
        text = self.text
        if _char_before(text, lo, qe):
            return None
        last = _char_before(text, qe, qs, _MARKS_OR_SPACE)
        if last and last in ".!?" and text.find("\n", qe, lo) < 0:
            # "“We are not leaving.” Lee said.", "“...” added Lee.": a sentence of nothing
            # but the speaker and the cue says the quote before it
            # (a time adjunct may follow: "Lee said on Friday.", and so may who was told and
            # where or how: "Lee told reporters in an interview.")
            allowed = set(_subtree_range(speaker))
            for child in tok.rights:
                if _is_time_or_punct(child) or _is_setting(child, addressee):
                    allowed.update(_subtree_range(child))
            after = tok.doc[tok.i + 1 : sent.end]
            bare = all(t.is_punct or t.is_space or t.i in allowed for t in after)
            return (qs, qe) if bare else None
        if last != ",":
            return None
        # "“...,” she said, adding that ...": the quote is the first cue's; but the commas of
        # an aside in the speaker's own phrase do not count ("“...,” Ann Lee, 58, said")
        s_hi = speaker.right_edge.idx + len(speaker.right_edge)
        rest = text[max(qe, s_hi) : tok.idx]
        if "," in text[lo:s_hi]:
            rest = rest.rstrip().removesuffix(",")
        if text.find(",", qe, lo) >= 0 or "," in rest:
            return None
        before = _char_before(text, qs)
        if before and before not in _QUOTE_OPENERS and not _opens_line(text, qs):
            return None  # "The plan is “dead,” she said": the quote is part of a clause
        return qs, qe

    @staticmethod
    def _interrupts(tok: Token, start: int, end: int) -> bool:
        """Whether a parenthetical cue stands inside the clause it reports, or between the
        condition and the clause of what it reports ("If talks fail, he said, ...")."""
        head = tok.head
        if (tok.dep_ in ("parataxis", "ccomp") or _is_as_clause(tok)) and (start <= head.idx < end):
            return True
        return bool(_content_children(tok, start, end))

    def _as_clause(self, tok: Token) -> tuple[int, int] | None:
        """ "As the minister noted, talks will resume" / "Talks, as she put it, are over": a
        cue in an "as" clause with no complement of its own reports the clause it qualifies,
        which is the content without the "as" clause."""
        if not _is_as_clause(tok):
            return None
        head = tok.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        said = self.cues.get(lemma_of(head))
        if (
            said is not None
            and said.form == "verb"
            and said.act == "speech"
            and not said.takes_object
            and any(c.dep_ == "nsubj" for c in head.children)
        ):
            # "“...,” the host said, as the crowd cheered": an "as" clause hung from a verb
            # of saying tells when it was said, not who else said it
            return None
        doc = tok.doc
        own = _subtree_range(tok)
        rest = [i for i in _subtree_range(head) if i not in own]
        lo, hi = min(rest), max(rest)
        while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        start, end = trim(self.text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
        if not words_at_least(self.text, start, end, 3):
            return None
        return start, end

    def _parenthetical(
        self, tok: Token, speaker: Token, addressee: bool = False
    ) -> tuple[int, int] | None:
        """ "This campaign, he says, is different" / "Talks will resume, she said" / "The
        plan, she told reporters, is dead": a cue the parser hung from the reported clause;
        the content is that clause without the cue (its covering range when the cue
        interrupts it). The object of a cue that takes an addressee is who was told."""
        head = tok.head
        if head.i == tok.i or head.pos_ not in _CLAUSE_POS:
            return None
        hung = tok.dep_ in ("parataxis", "ccomp") or _fronted_cue(tok)
        comma = None if hung else self._trailing_conjunct(tok)
        if not hung and comma is None:
            return None
        if (
            tok.dep_ == "ccomp"
            and _is_speech_verb(head)
            and any(c.dep_ == "nsubj" and c.i > tok.i for c in head.children)
        ):
            return None  # "Talks are continuing, he said": the cue after reports this one
        complements = {"ccomp", "xcomp", "prep"} | (set() if addressee else {"dobj", "dative"})
        if any(
            c.dep_ in complements
            and c.i > tok.i
            and c.lower_ not in _ADJUNCT_PREPOSITIONS
            and not _is_time_or_punct(c)  # "..., Politico reported in 2014."
            and not _names_a_medium(c)  # "..., she wrote in an email, ..."
            for c in tok.children
        ):
            return None
        doc = tok.doc
        # "Though talks stalled, he said, ...": a fronted clause the parser hung from the cue
        # belongs to what was said
        condition = _fronted_condition(tok, speaker)
        fronted = set(_subtree_range(condition)) if condition is not None else set()
        # "... like “maybe” and “perhaps”, he said": words the parser hung from a closing
        # cue before its comma belong to the clause
        own = [i for i in _subtree_range(tok) if i not in fronted and (comma is None or i >= comma)]
        left, right = own[0], own[-1]
        while right > left and doc[right].is_space:
            right -= 1  # the paragraph break the parser hung from the full stop
        # the commas setting the cue off may hang inside its subtree or just outside it
        # (or a paragraph break: "Instead, Lee told reporters, the plan is dead")
        opens = doc[left].is_punct or (
            left > 0 and (doc[left - 1].is_punct or doc[left - 1].is_space)
        )
        closes = doc[right].is_punct or right + 1 >= len(doc) or doc[right + 1].is_punct
        if left == 0 or not opens or not closes:
            return None
        if head.dep_ in _SUBJECT_DEPS and head.head.i > right:
            # "The problem, he told me, is the cost": the parser hung the cue from the
            # subject, and the clause goes on with its verb after the cue
            head = head.head
        rest = [i for i in _subtree_range(head) if i not in own]
        # the speaker and adjuncts of time after the cue ("..., she said on Friday.")
        closing = set(_subtree_range(speaker))
        for c in tok.children:
            if c.i > tok.i and (_is_time_or_punct(c) or c.lower_ in _ADJUNCT_PREPOSITIONS):
                closing.update(_subtree_range(c))
        if all(doc[i].is_punct or doc[i].is_space for i in rest if i > right) and all(
            doc[i].is_punct or i in closing for i in own if i > tok.i
        ):
            # "..., said the chief executive, Ann Lee.": the cue and its speaker close the
            # sentence, and the full stop the parser hung from the clause is not content
            rest = [i for i in rest if i < left]
        lo, hi = min(rest), max(rest)
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
        if not words_at_least(self.text, start, end, 2):
            return None
        return start, end

    @staticmethod
    def _trailing_conjunct(tok: Token) -> int | None:
        """ "..., said the chief executive, Ann Lee.": a cue closing the sentence after a
        comma, which the parser took for a conjunct of the clause it reports; the comma's
        index, or None."""
        doc = tok.doc
        if tok.dep_ != "conj" or tok.head.i > tok.i or not _has_subject(tok):
            return None
        if any(c.dep_ == "cc" for c in tok.children):
            return None
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        comma = (subject.left_edge.i if subject is not None and subject.i < tok.i else tok.i) - 1
        if comma > 0 and doc[comma].lower_ == "," and doc[comma - 1].dep_ != "cc":
            return comma
        return None

    def _fronted(self, tok: Token, speaker: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """ "Not yet, the minister said.": the words before the speaker, set off by a comma,
        are the content of a cue that heads its sentence (`sent`) and has no other content."""
        doc = tok.doc
        if tok.head.i != tok.i or speaker.i > tok.i:
            return None
        sent_start = sent.start
        comma = speaker.left_edge.i - 1
        if comma <= sent_start or doc[comma].lower_ != ",":
            return None
        # "In an interview, she joked about ...": a cue with words of its own after it has
        # its content there, and the fronted words are a frame
        if any(c.i > tok.i and not _is_time_or_punct(c) for c in tok.children):
            return None
        if any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "relcl", "acl")
            for t in doc[sent_start:comma]
        ):
            # a clause there is the parser's to attach, and no bare answer; unless the
            # parser hung it from the cue as an adverbial clause that holds a main clause
            # ("As the envoy arrived, a man was arrested, police said.")
            if not _holds_main_clause(tok, sent_start, comma):
                return None
        elif doc[sent_start].pos_ == "ADP":
            return None  # "In the spring poll, half said so": a frame, not an answer
        start, end = trim(self.text, doc[sent_start].idx, doc[comma].idx)
        return (start, end) if end > start else None

    def _bare_clause(self, tok: Token, cue: Cue, speaker: Token) -> tuple[int, int] | None:
        """ "says the movement sweeping the country appeals to ...": a verb that takes no
        noun object, parsed with one, heads a complement clause without "that"; the
        content runs from the object to the end of the cue's phrase."""
        if cue.takes_object or cue.addressee or cue.clause_only:
            return None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.left_edge.i != tok.i + 1:
            return None
        doc = tok.doc
        hi = tok.right_edge.i
        # "rejected the envoy's claim that ...": an object naming a statement is reported
        # by its own noun cue, not a bare clause
        if obj.lemma_.lower() in noun_cue_lemmas():
            return None
        if (
            obj.pos_ == "PRON"
            and obj.right_edge.i == obj.i
            and obj.lower_ not in _ANSWER_WORDS
            # "see him as a threat": a pronoun with an "as" predicate is what is thought
            and not _as_predicate_after(tok, obj.i)
        ):
            return None
        # "criticised the sanctions while urging talks", "... and called for talks": an
        # adverbial clause or a coordinated verb of the cue's own is not what was said
        own = [
            c.left_edge.i
            for c in tok.children
            if c.i > obj.i
            and (
                c.dep_ == "advcl"
                and (
                    doc[c.left_edge.i - 1].lower_ == ","
                    or any(g.dep_ == "mark" and g.lower_ != "as" for g in c.children)
                )
                or c.dep_ == "conj"
                and c.pos_ == "VERB"
            )
        ]
        if own:
            hi = min(hi, min(own) - 1)
        while hi > obj.i and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"):
            hi -= 1
        if speaker.i > tok.i:
            hi = min(hi, speaker.left_edge.i - 1)
        # "hopes a deal, which both sides want, will hold": the clause's verb may stand
        # outside the cue's phrase
        stranded = _stranded_predicate(tok, obj) if hi == obj.right_edge.i else None
        if stranded is not None:
            return trim(self.text, *_span_chars((obj.left_edge, stranded.right_edge)))
        if _names_written_work(tok, obj, hi):
            return None
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
        sent_start, sent_end = sent.start_char, sent.end_char
        # the quotes opening before the sentence ends, from the last one closing before it
        # starts (any earlier one has that one's marks, not only spaces, before the sentence)
        first = max(bisect_right(self._quote_ends, sent_start) - 1, 0)
        inside = [
            (qs, qe)
            for qs, qe in self.quotes[first : bisect_left(self._quote_starts, sent_end)]
            if (qe > sent_start or self._ends_before(qe, sent))
            and (
                not words_at_least(self.text, qe, lo, MAX_QUOTE_GAP_WORDS + 1)
                if qe <= lo
                else not words_at_least(self.text, hi, qs, MAX_QUOTE_GAP_WORDS + 1)
            )
        ]
        # "“...,” she said, invoking the treaty", "she said, adding: “...”": a quote with
        # another speech verb between is that verb's; "a “good” job, he said": a quote
        # the sentence runs on from is a word of the clause, not what was said
        inside = [
            q
            for q in inside
            if not (
                q[1] <= lo
                and (self._runs_on(q) or self._scare_quote_in_clause(q, sent_start))
                or q[1] - q[0] <= MAX_TITLE_CHARS
                and self._is_title(*q)
                or self._speech_verb_between(q[1], tok.idx)
                if q[1] <= tok.idx
                else self._speech_verb_between(tok.idx + len(tok), q[0])
            )
        ]
        if inside:
            return min(inside, key=lambda q: min(abs(q[0] - tok.idx), abs(q[1] - tok.idx)))
        tail = self.text[tok.idx + len(tok) : sent_end].strip()
        # the sentence may end on the paragraph break after its colon ("He said:" closing a
        # paragraph, the quote opening the next)
        ends_on_colon = _char_before(self.text, sent_end, sent_start) == ":"
        if (tail.endswith(":") or tail == "") and ends_on_colon:
            # the first quote opening after the sentence, if it opens right after it
            k = bisect_left(self._quote_starts, sent_end)
            if k < len(self.quotes) and self.quotes[k][0] <= sent_end + MAX_COLON_GAP + 1:
                return self.quotes[k]
        return None

    def _scare_quote_in_clause(self, quote: tuple[int, int], sent_start: int) -> bool:
        """ "... words like “maybe” and “perhaps”, he said": a quote of a word or two that
        the writer's sentence reaches after words of its own is a word of the clause, not
        what was said."""
        qs, qe = quote
        return not words_at_least(self.text, qs, qe, MIN_DIRECT_QUOTE_WORDS + 1) and words_at_least(
            self.text, sent_start, qs, 1
        )

    def _runs_on(self, quote: tuple[int, int]) -> bool:
        """Whether the text goes on with a word right after `quote`, which closes without
        punctuation of its own (a word or name in quotes, not a quoted sentence)."""
        qs, qe = quote
        after = self.text[qe : qe + 2].lstrip()
        return (
            after[:1].isalnum()
            and _char_before(self.text, qe, qs, skip=_MARKS_OR_SPACE) not in ",.!?;:—–-"
        )

    def _speech_verb_between(self, start: int, end: int) -> bool:
        """Whether a speech verb stands in the characters [start, end)."""
        verbs = self._speech_verbs
        k = bisect_left(verbs, bisect_left(self._tok_starts, start))
        return k < len(verbs) and self._tok_starts[verbs[k]] < end

    def _ends_before(self, quote_end: int, sent: SpacySpan) -> bool:
        """ "“... now!” she said": a quote ending in its own "!" or "?" (which the parser
        takes for a sentence end) right before the cue's sentence."""
        return (
            quote_end <= sent.start_char
            and not _char_before(self.text, sent.start_char, quote_end)
            and "\n" not in self.text[quote_end : sent.start_char]
            and self.text[max(0, quote_end - 3) : quote_end].rstrip(_MARKS)[-1:] in ("!", "?")
        )

    def _before_trailing_relative(self, start: int, end: int) -> int:
        """A content cut before a relative clause set off by a comma that runs to its end
        ("praised the plan, which includes ..."): the writer's aside, not what was said."""
        relative = self._with_dep("relcl")
        if not relative:
            return end
        first, stop = self._first_ending_after(start), bisect_left(self._tok_starts, end)
        if stop - first < 4:
            return end
        doc = self.sdoc
        last = stop - 1
        for i in relative[bisect_left(relative, first + 1) : bisect_left(relative, stop)]:
            tok = doc[i]
            if (
                (
                    tok.right_edge.i >= last - 1
                    # "..., who called the plan “careless.”": closing marks may follow
                    or all(t.is_punct or t.is_space for t in doc[tok.right_edge.i + 1 : last + 1])
                )
                and tok.left_edge.i - 1 > first
                and doc[tok.left_edge.i - 1].lower_ == ","
                and not self._is_quoted(tok.left_edge.i)
            ):
                return trim(self.text, start, doc[tok.left_edge.i - 1].idx)[1]
        return end

    def _before_even_as(self, start: int, end: int) -> int:
        """A content cut before an "even as" clause set off at its end ("vowed to fight on,
        even as his rival closed in on the nomination"): the writer sets a fact against what
        was said, and the fact is none of it."""
        clauses = self._with_dep("advcl")
        if not clauses:
            return end
        first, stop = self._first_ending_after(start), bisect_left(self._tok_starts, end)
        doc = self.sdoc
        for i in clauses[bisect_right(clauses, first) : bisect_left(clauses, stop)]:
            tok = doc[i]
            if not first <= tok.head.i < tok.left_edge.i:
                continue
            lead = tok.left_edge.i - 1
            if (
                lead > first
                and doc[lead].text in _ASIDE_MARKS
                and all(t.is_punct for t in doc[tok.right_edge.i + 1 : stop])
                and _CONTRAST_MARKS.issubset(c.lower_ for c in tok.children if c.i < tok.i)
                and not self._is_quoted(tok.left_edge.i)
            ):
                return trim(self.text, start, doc[lead].idx)[1]
        return end

    def _split_relay(self, start: int, end: int) -> tuple[int, list[tuple[int, int]]]:
        """Cut "..., as reported by Reuters" off a content; the outlets become relays."""
        verbs = self._relay_verbs
        if not verbs:
            return end, []
        lo = self._first_ending_after(start)
        hi = bisect_left(self._tok_starts, end)
        for i in verbs[bisect_left(verbs, lo) : bisect_left(verbs, hi)]:
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

    def _quotes_overlapping(self, start: int, end: int) -> range:
        """The indices of the quotes overlapping the characters [start, end): quotes are in
        text order and never overlap, so those opening before `end`, back to the last one
        that closes after `start`."""
        k = bisect_left(self._quote_starts, end)
        j = k
        while j > 0 and self.quotes[j - 1][1] > start:
            j -= 1
        return range(j, k)

    def _overlaps_quote(self, start: int, end: int) -> bool:
        """Whether a quote overlaps the characters [start, end)."""
        return bool(self._quotes_overlapping(start, end))

    def _with_quotes(self, start: int, end: int) -> tuple[int, int, str]:
        """Widen a content to the quotes it overlaps and tell direct, mixed and indirect."""
        found = self._quotes_overlapping(start, end)
        if not found:
            return start, end, "indirect"
        text = self.text
        overlapping = self.quotes[found.start : found.stop]
        first_start, last_end = overlapping[0][0], overlapping[-1][1]
        new_start = first_start if first_start < start else start
        new_end = last_end if last_end > end else end
        # a quote's edges are marks or a line end, never inside a word: the span's words are
        # the quotes' and those of the gaps around and between them
        unquoted = 0
        gap_start = new_start
        for qs, qe in overlapping:
            if gap_start < qs:
                unquoted += words_in(text, gap_start, qs)
            gap_start = qe
        if gap_start < new_end:
            unquoted += words_in(text, gap_start, new_end)
        if unquoted == 0:
            kind = "mixed"
            for qs, qe in overlapping:
                if words_at_least(text, qs, qe):  # a quote with a word in it
                    kind = "direct"
                    break
        else:
            quoted = sum(words_in(text, qs, qe) for qs, qe in overlapping)
            kind = "direct" if quoted / (quoted + unquoted) >= DIRECT_SHARE else "mixed"
        new_start, new_end = trim(text, new_start, new_end)
        return new_start, new_end, kind

    def _with_ranking(self, cue: Token, end: int) -> int:
        """The end of what a poll shows, widened over the rest of its ranking ("showed Lee
        at 30 percent, followed by Kim at 20 percent and Park at 9 percent"): a passive
        "followed" or "trailed" with its "by" phrase, hung from the cue right after the
        content."""
        for child in cue.rights:
            if (
                child.lemma_ in _RANKING_VERBS
                and child.tag_ == "VBN"
                and any(c.dep_ == "agent" for c in child.children)
                and child.left_edge.idx >= end
                and not self.text[end : child.left_edge.idx].strip(" ,")
            ):
                last = child.right_edge
                while last.i > child.i and (last.is_punct or last.is_space):
                    last = last.doc[last.i - 1]
                return last.idx + len(last)
        return end

    def _past_clitic(self, cue: Token, start: int, end: int) -> int:
        """The end of a content the parser closed on a clitic or a possessive ending
        ("argued he’s in the race", "defended the host’s remarks"): the phrase goes on through
        the next word the clitic leans on (past its modifiers: "the police’s earlier
        claim that ..."), unless that would take in the cue."""
        doc = self.sdoc
        first, stop = self._token_span(start, end)
        if stop <= first or stop >= len(doc) or doc[stop - 1].lower_ not in _CLITICS:
            return end
        j = stop
        while j < len(doc) and doc[j].dep_ in _PHRASE_MODIFIERS and doc[j].head.i > j:
            j += 1
        if (
            j >= len(doc)
            or not doc[j].is_alpha
            or doc[j].dep_ == "cc"
            or cue.i in _subtree_range(doc[j])
        ):
            return end
        last = doc[j].right_edge
        return max(end, last.idx + len(last))

    def _token_span(self, start: int, end: int) -> tuple[int, int]:
        """The first and past-the-last index of the tokens overlapping [start, end)."""
        return self._first_ending_after(start), bisect_left(self._tok_starts, end)

    def _token_range(self, start: int, end: int) -> set[int]:
        """Indices of the tokens overlapping [start, end), by bisection (no span built)."""
        return set(range(self._first_ending_after(start), bisect_left(self._tok_starts, end)))

    # -- quotes without a cue of their own -------------------------------------

    def _dash_signed(self, found: list[Attribution]) -> list[Attribution]:
        """ "“...” ― Ana Ruiz": a quote signed with a dash and a name after it (on its line,
        or alone on the next one), the convention of collected reactions and epigraphs."""
        out = []
        for qs, qe in self.quotes:
            m = _DASH_SIGNATURE.match(self.text, qe)
            if m is None or any(a.start <= qs < a.end or qs <= a.start < qe for a in found):
                continue
            c_start, c_end = trim(self.text, qs, qe)
            s_start, s_end = trim(self.text, m.start(2), m.end(2))
            if s_end <= s_start or not words_at_least(self.text, c_start, c_end):
                continue
            out.append(
                Attribution(
                    kind="direct",
                    start=c_start,
                    end=c_end,
                    cue=SIGNATURE_CUE,
                    cue_start=m.start(1),
                    cue_end=m.end(1),
                    speaker_start=s_start,
                    speaker_end=s_end,
                    speaker_text=self.text[s_start:s_end],
                    via="signature",
                )
            )
        return out

    def _with_loose_conjunct(self, tok: Token, sent: SpacySpan, start: int, end: int) -> int:
        """A content after its cue widened over a conjunct the parser hung from the cue:
        an embedded question ("discussed immigration and how it is changing the country"),
        a gerund after a content that opens with one, or the second of two objects whose
        "and" stayed with the first ("pointed to a win in Ohio and the fact that she
        leads")."""
        doc = tok.doc
        first, j = self._token_span(start, end)
        if j < sent.end and doc[j].text == ",":
            j += 1
        if j + 1 >= sent.end or doc[j].lower_ not in ("and", "or"):
            return end
        head = doc[j + 1]
        while head.head.i != head.i and head.head.left_edge.i == j + 1:
            head = head.head
        if head.head.i != tok.i or head.i <= tok.i:
            return end
        content_head = next((t for t in doc[first:j] if not first <= t.head.i < j), None)
        dangling = (
            content_head is not None
            and any(c.dep_ == "cc" for c in content_head.rights)
            and not any(c.dep_ == "conj" for c in content_head.rights)
        )
        if not (
            (head.dep_ == "conj" and doc[j + 1].lower_ in _QUESTION_WORDS)
            or (
                # "mentioned refinancing loans and forcing colleges to pay": a gerund after a
                # content that opens with one
                head.dep_ == "conj"
                and head.tag_ == "VBG"
                and doc[first].tag_ == "VBG"
                and not any(c.dep_ in ("aux", "nsubj") for c in head.children)
            )
            or (head.dep_ in ("dobj", "conj") and head.pos_ in ("NOUN", "PROPN") and dangling)
        ):
            return end
        last = head.right_edge
        new_end = trim(self.text, start, last.idx + len(last))[1]
        if self.text.find("\n", end, new_end) >= 0 or self._overlaps_quote(end, new_end):
            return end
        return max(end, new_end)

    def _with_particulars(self, sent: SpacySpan, end: int) -> int:
        """A content widened over the particulars that follow it ("congratulated his
        rivals, especially Ann Lee and Tom Hale"), to its sentence end, when that is near
        and holds no quote or clause break ("especially as ...", "especially given that
        ..." open a reason, not particulars)."""
        m = _PARTICULARS.match(self.text, end)
        if m is None:
            return end
        stop = trim(self.text, m.end(), sent.end_char)[1]
        if (
            stop <= m.end()
            or words_at_least(self.text, m.end(), stop, MAX_TAIL_WORDS + 1)
            or self._overlaps_quote(m.end(), stop)
            or any(c in self.text[m.end() : stop] for c in ";:\n")
        ):
            return end
        return stop

    def _after_colon(self, tok: Token) -> tuple[int, int] | None:
        """ "Their argument: only a new senate can act", "sent the party a message: stop
        now": what a colon right after a statement noun opens, to the end of its sentence,
        is what was said - when the noun has an owner or is what a verb made or sent, not a
        label ("Warning: graphic images") or a passing mention ("angry at the remarks:")."""
        if tok.dep_ != "dobj" and not any(c.dep_ == "poss" for c in tok.children):
            return None
        end = tok.idx + len(tok)
        stop = self._through_colon(end)
        if stop == end:
            return None
        return self.text.index(":", end) + 1, stop

    def _through_colon(self, end: int) -> int:
        """ "outlined the plan's first step: a ceasefire along the whole front": a content
        the parser ended at a colon goes on with what the colon opens, to the end of its
        sentence (or of a quote opening right after it), in the same paragraph."""
        text = self.text
        j = end
        while j < len(text) and text[j] in " \t":
            j += 1
        if j >= len(text) or text[j] != ":":
            return end
        k = j + 1
        while k < len(text) and text[k] in " \t\u00a0":
            k += 1
        q = bisect_left(self._quote_starts, k)
        if q < len(self.quotes) and self._quote_starts[q] == k:
            return self.quotes[q][1]
        m = _SENTENCE_END.search(text, k)
        stop = m.start() + 1 if m is not None else len(text)
        if text.find("\n", k, stop) >= 0 or words_at_least(text, k, stop, MAX_TAIL_WORDS + 1):
            return end
        return trim(text, end, stop)[1]

    def _colon_signed(self, found: list[Attribution]) -> list[Attribution]:
        """ "- Ann Lee: “...”", "More from Lee and Cho: “...”": a quote right after a name and a
        colon that open its line or follow a dash (the convention of quote round-ups) is the
        named person's; the name must hold a proper noun, and a label in capitals (a
        kicker, or a transcript's turn) is none."""
        out = []
        text = self.text
        for qs, qe in self.quotes:
            colon = qs - 1
            while colon >= 0 and text[colon] in " \t\u00a0":
                colon -= 1
            if colon < 0 or text[colon] != ":":
                continue
            m = _COLON_LABEL.search(text, text.rfind("\n", 0, colon) + 1, colon + 1)
            if m is None or any(a.start <= qs < a.end or qs <= a.start < qe for a in found):
                continue
            c_start, c_end = trim(text, qs, qe)
            if not words_at_least(text, c_start, c_end, MIN_DIRECT_QUOTE_WORDS):
                continue
            label = self.sdoc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            names = [t for t in label or () if t.pos_ == "PROPN"]
            if not names or m.group(1).isupper():
                continue
            s_start, s_end = trim(text, names[0].idx, m.end(1))
            out.append(
                Attribution(
                    kind="direct",
                    start=c_start,
                    end=c_end,
                    cue=":",
                    cue_start=colon,
                    cue_end=colon + 1,
                    speaker_start=s_start,
                    speaker_end=s_end,
                    speaker_text=text[s_start:s_end],
                    via="signature",
                )
            )
        return out

    def _continued_quotes(
        self, found: list[Attribution], taken: list[tuple[int, int]]
    ) -> list[Attribution]:
        """Long quotes no cue claims: the previous direct speaker goes on talking.

        A quote that follows the previous quote with only that quote's attribution between
        ("“...,” she said. “...”", or a next paragraph that opens a quote) extends that
        statement, as one quotation interrupted by its cue; a quote after other prose is a
        statement of its own by the same speaker.
        """
        # a span overlaps [c_start, c_end) when it starts before c_end and ends after
        # c_start: by start, with the furthest end so far
        covered = sorted([(a.start, a.end) for a in found] + taken)
        covered_starts = [s for s, _ in covered]
        furthest = list(accumulate((e for _, e in covered), max))
        # a quote goes on with a statement that stands: none another one's content holds
        # ("He said his friends feel the same way. “...,” he said. “...”": not "feel")
        holders = [o for o in found if o.kind != "direct" or o.via == "turn"]
        ordered = sorted(
            (a for a in found if not holders or not _nested(a, holders)), key=lambda a: a.start
        )
        # kept in step with `ordered`: a start moved back below stays above those before it
        # (they start before the quote, which none overlaps)
        ordered_starts = [a.start for a in ordered]
        out: list[Attribution] = []
        for qs, qe in self.quotes:
            c_start, c_end = trim(self.text, qs, qe)
            k = bisect_left(covered_starts, c_end)
            if k and furthest[k - 1] > c_start:
                continue
            # a short quote ("“Bodies everywhere.”") only goes on with the quote before it
            short = not words_at_least(self.text, c_start, c_end, MIN_STANDALONE_QUOTE_WORDS)
            if short and not self._sentence_quote(qs, qe):
                continue  # a title or a scare quote
            j = bisect_left(ordered_starts, qe)
            nxt = ordered[j] if j < len(ordered) else None
            if (
                not short
                and nxt is not None
                and nxt.kind == "direct"
                and self._cue_between(qe, nxt)
            ):
                # "“...,” the narrator says, “...”": the quote before the cue opens it
                nxt.start = ordered_starts[j] = c_start
                continue
            prev = [a for a in chain(ordered, out) if a.end <= qs and a.kind in ("direct", "mixed")]
            if not prev:
                continue
            last = max(prev, key=lambda a: a.end)
            # two breaks need a line break (the slice may be long: looked at only then)
            breaks = self.text.find("\n", last.end, qs) >= 0 and (
                _paragraph_breaks(self.text[last.end : qs]) > 1
            )
            if breaks or any(
                last.end <= a.start < qs and not self._aside_of(last, a)
                for a in ordered
                if a.kind == "indirect"
            ):
                continue
            if self._only_attribution_between(last, qs):
                last.end = c_end
                last.kind = "direct" if last.kind == "direct" else "mixed"
                continue
            if short:
                continue
            if self._led_in_after_attribution(last, qs):
                last.end = c_end
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

    def _led_in_after_attribution(self, last: Attribution, quote_start: int) -> bool:
        """Whether a quote stands in the sentence right after the previous statement's own
        closing attribution, after a short lead-in of the writer's and no cue ("“...,” said
        Ann Lee, a senior adviser. Unless rivals quit, “..."): the quotation goes on."""
        cue = last.cue_start
        if cue is None or not last.end <= cue < quote_start:
            return False
        if self.text.find("\n", last.end, quote_start) >= 0:
            return False
        starts = self._sentence_starts()
        first = self._first_ending_after(quote_start)
        k = bisect_right(starts, first) - 1
        if k < 1 or bisect_right(starts, self._first_ending_after(cue)) != k:
            return False  # the quote's sentence is not the one after the cue's
        lead_start = self.sdoc[starts[k]].idx
        return (
            lead_start < quote_start
            and not words_at_least(self.text, lead_start, quote_start, MAX_LEAD_IN_WORDS + 1)
            and not self._speech_verb_between(lead_start, quote_start)
        )

    def _sentence_quote(self, qs: int, qe: int) -> bool:
        """Whether a quote of some words is a sentence of its own ("“Big time.”"): it
        follows a sentence end and ends in one."""
        text = self.text
        before = _char_before(text, qs)
        return (
            words_at_least(text, qs, qe)
            and _char_before(text, qe, qs, _MARKS_OR_SPACE) in (".", "!", "?")
            and (not before or before in _SENTENCE_BREAKS)
        )

    def _cue_between(self, quote_end: int, att: Attribution) -> bool:
        """Whether only `att`'s own speaker and cue, in one sentence, stand between a quote
        and `att`'s quoted content."""
        if att.cue_start is None or not quote_end <= att.cue_start < att.start:
            return False
        if self.text.find("\n", quote_end, att.start) >= 0:
            return False
        if words_at_least(self.text, quote_end, att.start, MAX_ATTRIBUTION_WORDS + 1):
            return False
        return self._words_in_one_sentence(quote_end, att.start)

    def _aside_of(self, last: Attribution, other: Attribution) -> bool:
        """Whether `other` stands in `last`'s own attribution sentence ("“...,” she said,
        referring to the talks. “...”"): it does not end her quotation."""
        if other.cue_start is None or last.cue_start is None:
            return False
        starts = self._sentence_starts()
        k = bisect_right(starts, self._first_ending_after(last.cue_start))
        return k == bisect_right(starts, self._first_ending_after(other.cue_start))

    def _only_attribution_between(self, last: Attribution, quote_start: int) -> bool:
        """Whether nothing but the previous statement's own attribution (its speaker and cue,
        in one sentence) stands between its content and a following quote. Across a
        paragraph break only a quote left open runs on (the continuation convention), or
        one opening the paragraph after its attribution ("“...,” she said.\n\n“...”")."""
        if (
            self.text.find("\n", last.end, quote_start) >= 0
            and not self._left_open(last.end)
            and not self._attribution_ends_paragraph(last, quote_start)
        ):
            return False
        # the stretch may be long: whether it has words is read only up to the first
        if self._first_word(last.end, quote_start) is None:
            return True
        if last.cue_start is None or not last.end <= last.cue_start < quote_start:
            return False
        if words_at_least(self.text, last.end, quote_start, MAX_ATTRIBUTION_WORDS + 1):
            return False
        return self._words_in_one_sentence(last.end, quote_start)

    def _first_word(self, start: int, end: int, last: bool = False) -> int | None:
        """The first (or last) word token starting in [start, end)."""
        tokens = self._tokens_starting(start, end)
        return self._word_among(reversed(tokens) if last else tokens)

    def _tokens_starting(self, start: int, end: int) -> range:
        """The indices of the tokens starting in [start, end)."""
        starts = self._tok_starts
        return range(bisect_left(starts, start), bisect_left(starts, end))

    def _word_among(self, tokens: Iterable[int]) -> int | None:
        """The first word token of `tokens`, in their order."""
        sdoc = self.sdoc
        for i in tokens:
            if sdoc[i].is_alpha:
                return i
        return None

    def _words_in_one_sentence(self, start: int, end: int) -> bool:
        """Whether the word tokens starting in [start, end) are some and in one sentence."""
        tokens = self._tokens_starting(start, end)
        first = self._word_among(tokens)
        if first is None:
            return False
        last = self._word_among(reversed(tokens))
        starts = self._sentence_starts()
        return bisect_right(starts, first) == bisect_right(starts, first if last is None else last)

    def _attribution_ends_paragraph(self, last: Attribution, quote_start: int) -> bool:
        """Whether the previous statement's own cue stands after its quote at the end of
        its paragraph, and the next paragraph opens with a quote ("“...,” she said.\n\n“...”"):
        the quotation goes on."""
        if last.cue_start is None or not last.end <= last.cue_start < quote_start:
            return False
        return _paragraph_breaks(self.text[last.cue_start : quote_start]) == 1

    def _left_open(self, end: int) -> bool:
        """Whether the quote a content ends in reaches its paragraph end with no closing mark."""
        k = bisect_right(self._quote_starts, end - 1) - 1
        if k < 0 or self.quotes[k][1] < end:
            return False
        qe = self.quotes[k][1]
        return self.text[qe - 1] not in CLOSING_QUOTES + STRAIGHT_QUOTE + "'"

    def _sentence_starts(self) -> list[int]:
        if self._sent_starts is None:
            self._sent_starts = sentence_starts(self.sdoc, self._arr[:, 1])
        return self._sent_starts


#: Bits of a spaCy hash that index the table picking candidate tokens in `_hits_among`
#: (its low 16: the values are cast to uint16).
_FILTER_BITS = 16


@lru_cache(maxsize=32)
def _hash_filter(words: frozenset[str]) -> tuple[Any, frozenset[int]]:
    """A table telling, for the low bits of a hash, whether one of `words` has them, and
    the words' full spaCy hashes (to confirm a candidate the table lets through)."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    hashes = frozenset(hash_string(w) for w in words)
    table = numpy.zeros(1 << _FILTER_BITS, dtype=bool)
    mask = (1 << _FILTER_BITS) - 1
    table[[h & mask for h in hashes]] = True
    return table, hashes


def _hits_among(values: Any, words: frozenset[str]) -> list[tuple[int, Any]]:
    """(index, hash) of the hash `values` that are spaCy hashes of `words`, in order: one
    array look-up by their low bits picks the few candidates, a set confirms them (cheaper
    than a binary search per value, let alone `numpy.isin`)."""
    if len(values) == 0 or not words:
        return []
    table, hashes = _hash_filter(words)
    candidates = table[values.astype(numpy.uint16)].nonzero()[0]
    return [
        (i, value)
        for i, value in zip(candidates.tolist(), values[candidates].tolist(), strict=True)
        if value in hashes
    ]


def _where(mask: Any) -> list[int]:
    """The indices where a one-dimensional boolean array is true, in order (`nonzero`
    itself: `flatnonzero` first flattens, at a cost that counts for short arrays)."""
    found: list[int] = mask.nonzero()[0].tolist()
    return found


def _indices_among(values: Any, words: frozenset[str]) -> list[int]:
    """Indices (ascending) of the hash `values` that are spaCy hashes of `words`."""
    return [i for i, _ in _hits_among(values, words)]


def _range_without(lo: int, hi: int, spans: list[tuple[int, int]]) -> list[int]:
    """The integers of [lo, hi) outside the half-open `spans`, in order."""
    out: list[int] = []
    cur = lo
    for a, b in sorted(spans):
        if b <= a:
            continue
        if a > cur:
            out.extend(range(cur, a if a < hi else hi))
        if b > cur:
            cur = b
        if cur >= hi:
            break
    if cur < hi:
        out.extend(range(cur, hi))
    return out


# spaCy's names, imported once on first use (the module loads without spaCy; an import
# inside a function is paid at every call)


@cache
def _array_columns() -> list[int | str]:
    """The columns of the parse's array the finder reads (see `_read_arr`)."""
    from spacy.attrs import DEP, IDX, LEMMA, SENT_START

    return [LEMMA, SENT_START, IDX, DEP]


@cache
def _span_type() -> Any:
    from spacy.tokens import Span

    return Span


@cache
def _verb_pos() -> int:
    from spacy.parts_of_speech import VERB

    return int(VERB)


def sentence_starts(sdoc: SpacyDoc, flags: Any = None) -> list[int]:
    """Token indices where sentences start, from the parse's sentence-start flags (cheaper
    than building every sentence span)."""
    if len(sdoc) == 0:
        return []
    if flags is None:
        flags = sdoc.to_array(_array_columns()[1:2]).reshape(-1)
    starts = _where(flags == 1)
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
    return _indices_among(sdoc.to_array([LEMMA]).reshape(-1), frozenset(lemmas))


def _governed(prep: Token) -> Token | None:
    """The noun a preposition governs ("by the union": "union"), if the parser found one."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _object_of(prep: Token, times: bool = True) -> tuple[int, int] | None:
    """The noun phrase or clause a preposition governs (without `times`, not a date or a
    time: "a statement on Monday")."""
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    if not times and obj.ent_type_ in ("DATE", "TIME"):
        return None
    return _phrase_chars(obj)


def _with_question_conjunct(prep: Token, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The object of a cue's preposition widened over an embedded question coordinated
    with it ("talked about trade and how he would fix it", "asked about the protests and
    whether she backed them"): both are what the preposition governs, though the parser
    may hang the question from a verb above the cue."""
    if span is None:
        return None
    doc = prep.doc
    j = next((t.i for t in doc[prep.i + 1 :] if t.idx >= span[1]), len(doc))
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j + 1 >= len(doc) or doc[j].lower_ not in ("and", "or"):
        return span
    head = doc[j + 1]
    if head.lower_ not in _QUESTION_WORDS:
        return span
    while head.head.i != head.i and head.head.left_edge.i == j + 1:
        head = head.head
    if head.dep_ not in ("conj", "advcl") or not (
        head.head.i == prep.head.i or head.head.is_ancestor(prep)
    ):
        return span
    last = head.right_edge
    while last.i > head.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    end = last.idx + len(last)
    if "\n" in doc.text[span[1] : end]:
        return span
    return span[0], max(span[1], end)


def _topic_of(noun: Token) -> tuple[int, int] | None:
    """What a statement noun raised or posed is about ("raised fresh doubts about the
    deal", "posed questions about how it was paid for"): the object of its preposition,
    when the noun and that preposition make a cue of their own."""
    prep = next(
        (
            c
            for c in noun.rights
            if c.dep_ == "prep" and (noun.lemma_.lower(), c.lower_) in noun_phrasal_cues()
        ),
        None,
    )
    if prep is None:
        return None
    return _with_question_conjunct(prep, _object_of(prep, times=False))


def _pronoun_object(prep: Token) -> int | None:
    """Where the personal pronoun a preposition governs starts ("on her"), if it governs
    one."""
    obj = _governed(prep)
    return obj.idx if obj is not None and obj.tag_ == "PRP" else None


def _phrase_chars(noun: Token) -> tuple[int, int]:
    """A noun phrase's characters, without the asides a comma sets off after it."""
    return _subtree_chars(noun, exclude=_nonrestrictive(noun))


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
    """A label's speaker: its last word, so that "KATE BOLDUAN" and "BOLDUAN" are one."""
    words = label.lower().split()
    return words[-1] if words else ""


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
    return tok.tag_.startswith("VB") and lemma_of(tok) in speech_verb_lemmas()


def _with_complements(verb: Token, obj: Token, end: int) -> int:
    """The end of an object content widened over what the verb has right after it
    ("described the plan as unworkable", "blamed the delay on the rebels", "questioned the
    envoy's judgment in backing the deal"): up to a comma, an adverbial clause, a
    coordinated verb, a subject, a date ("Sunday", "on Sunday") or a phrase of time or place
    ("at a rally", "during the visit"); "at" and an amount is a level ("put the cost at $4
    billion"), and an "as" predicate goes on ("portrayed him as out of touch"). After a
    personal pronoun, a phrase with "on" or "in", or "to" and a name, is where or to whom
    the speaker spoke ("defended him on television", "disclosed them to the AP"), unless an
    "as" predicate follows."""
    doc = verb.doc
    hi = last = obj.right_edge.i
    while last > obj.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1  # "the governor, who quit," ends with the aside's closing comma
    if doc[last].idx + len(doc[last]) > end:
        return end
    after_pronoun = (
        obj.tag_ == "PRP"
        and not _is_reflexive(obj)  # "imagined themselves in office"
        and cue_act(lemma_of(verb)) != "evidence"  # "the poll shows her in the lead"
        and not _as_predicate_after(verb, obj.i)
    )
    for child in verb.children:
        if child.i <= hi:
            continue
        if child.left_edge.i != hi + 1:
            break
        if (
            child.dep_ in ("conj", "cc", "parataxis", "punct", "nsubj")
            or child.dep_ == "advcl"
            and not _is_as_predicate(child)
            or child.dep_ == "prep"
            and (
                child.lower_ in _SETTING_PREPS
                and not _opens_level(child)
                or after_pronoun
                and _sets_pronoun(child)
                or _is_time_or_punct(child)
            )
            or child.ent_type_ in ("DATE", "TIME")
            and child.right_edge.i == child.i
            or _names_a_medium(child)
            # "described himself on his website as a reformer": the predicate goes on
            and not _as_predicate_after(verb, child.i)
        ):
            break
        hi = child.right_edge.i
        finite = (
            next((c for c in child.rights if _joins_finite(c)), None)
            if child.dep_ == "advcl"
            else None
        )
        if finite is not None:
            # "considered the files as secret and released parts of them": the predicate
            # ends where the main clause goes on
            hi = finite.left_edge.i - 1
            while doc[hi].dep_ == "cc":
                hi -= 1
            break
    while hi > obj.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return max(end, doc[hi].idx + len(doc[hi]))


#: Verbs that, passive with a "by" phrase, go on down a ranking ("followed by X").
_RANKING_VERBS = frozenset({"follow", "trail"})

#: Clitics and the possessive ending, which lean on the word after them.
_CLITICS = frozenset({"’s", "'s", "’re", "'re", "’ve", "'ve", "’ll", "'ll", "’d", "'d", "’m", "'m"})

#: Modifiers that stand before the word they modify.
_PHRASE_MODIFIERS = frozenset({"amod", "compound", "det", "nummod", "advmod", "nmod", "poss"})


#: Entity types of a measured amount ("$4 billion", "60 percent", "3 miles").
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})


def _opens_level(prep: Token) -> bool:
    """Whether an "at" phrase names a level the object is put at ("put the cost at $4
    billion", "estimated the crowd at 5,000"): part of what is said, not where. A number
    in words is rather a place ("at one of his rallies")."""
    if prep.lower_ != "at":
        return False
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    if obj.ent_type_ in _AMOUNTS:
        return True
    amount = (
        obj if obj.pos_ == "NUM" else next((g for g in obj.children if g.dep_ == "nummod"), None)
    )
    return amount is not None and any(ch.isdigit() for ch in amount.text)


def _as_predicate_after(verb: Token, i: int) -> bool:
    """Whether the verb has an "as" phrase after token `i` ("described himself as a
    reformer", "see him as a threat", "portrayed him as out of touch")."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "as" or _is_as_predicate(c)) and c.i > i
        for c in verb.children
    )


#: Tags of a relative pronoun that stands for a verb's object ("which", "whom").
_RELATIVE_OBJECT_TAGS = frozenset({"WDT", "WP"})

#: Tags of an adjective, plain or compared, which can stand as a predicate ("too risky").
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})


def _relative_predicate(tok: Token, kids: _Dependents) -> tuple[int, int] | None:
    """ "positions which he views as part of a bargain", "loans that lenders considered too
    risky", "a limit economists consider safe": in a relative clause whose object is the
    noun it qualifies, the predicate after a judging verb is what is held of that noun."""
    if tok.dep_ != "relcl":
        return None
    obj = kids.first("dobj")
    if obj is not None and (obj.i > tok.i or obj.tag_ not in _RELATIVE_OBJECT_TAGS):
        return None
    for label, c in kids.labelled:
        if c.i < tok.i:
            continue
        if label == "prep" and c.lower_ == "as" and c.n_rights:
            return _span_chars((c.nbor(), c.right_edge))
        if label == "oprd" or (label in ("ccomp", "acomp") and c.tag_ in _ADJECTIVE_TAGS):
            return _span_chars((c.left_edge, c.right_edge))
    return None


def _object_as_phrase(obj: Token) -> Token | None:
    """The "as" phrase the parser hung from a verb's object rather than the verb ("view the
    nomination as a takeover"): after a judging verb it is the object's predicate."""
    return next(
        (c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as" and c.n_rights),
        None,
    )


#: Tags of a finite verb (past, present or modal), which takes a subject of its own; a
#: clause with one after "as" is one of time or manner ("as she campaigns"), not a predicate.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_as_predicate(clause: Token) -> bool:
    """Whether an adverbial clause is an "as" predicate with no finite verb, which the
    parser took for a clause ("described the force as highly trained", "portrayed her as
    beset by doubts"): what the object is said to be. "as well as", "as soon as" compare or
    time."""
    if clause.dep_ != "advcl":
        return False
    doc = clause.doc
    first = clause.left_edge
    if first.lower_ != "as" or first.head.i != clause.i or first.i + 2 >= len(doc):
        return False
    if doc[first.i + 2].lower_ == "as" or lemma_of(clause) in cue_table():
        return False  # "as shown by the polls": a source, not a predicate
    return clause.tag_ not in _FINITE_TAGS and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")
        and c.tag_ in _FINITE_TAGS
        or c.dep_ in _SUBJECT_DEPS
        and c.pos_ == "PRON"
        for c in clause.children
    )


def _joins_finite(conj: Token) -> bool:
    """Whether a conjunct of an "as" predicate is a finite verb with an object: it goes on
    with the main clause ("considered the files as secret and released parts of them"), not
    with the predicate."""
    return (
        conj.dep_ == "conj"
        and conj.tag_ in _FINITE_TAGS
        and any(c.dep_ == "dobj" for c in conj.children)
    )


def _names_a_medium(prep: Token) -> bool:
    """Whether a preposition opens the medium a statement was made in ("in a tweet", "on
    social media", "on Twitter", "in an interview"): where it was said, not what."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "via"):
        return False
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    lemma = obj.lemma_.lower()
    return lemma in _platform_words() or lemma in _MEDIUM_NOUNS


#: Nouns of the medium a statement is made in, after "in" or "on" ("in a tweet").
_MEDIUM_NOUNS = frozenset(
    {
        "tweet",
        "post",
        "statement",
        "interview",
        "speech",
        "op-ed",
        "column",
        "video",
        "email",
        "blog",
        "essay",
        "podcast",
        "broadcast",
        "appearance",
        "ad",
        "advertisement",
        "letter",
        "memo",
        "message",
        "remark",
        "comment",
    }
)


#: Verbs that with a reflexive object tell a state the subject came to be in, not a finding
#: or a view ("found herself on the defensive").
_SELF_STATE_VERBS = frozenset({"find"})


def _is_reflexive(tok: Token) -> bool:
    """ "himself", "themselves": a pronoun that names the subject again."""
    return tok.tag_ == "PRP" and tok.lower_.endswith(("self", "selves"))


def _sets_pronoun(prep: Token) -> bool:
    """Whether a preposition after a pronoun object says where or to whom it was said."""
    if prep.lower_ == "in":
        return True
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    if prep.lower_ == "on":
        # "defended him on television", "on Capitol Hill"; not "blamed it on the rebels"
        return obj.ent_type_ in _PLACES or obj.lower_ in _platform_words()
    return prep.lower_ == "to" and obj.ent_type_ in _NAMED_AUDIENCES


_NAMED_AUDIENCES = frozenset({"ORG", "NORP", "GPE", "PERSON"})
_PLACES = frozenset({"GPE", "LOC", "FAC", "ORG"})


@cache
def platforms() -> frozenset[str]:
    """The names of platforms.tsv ("telegram", "state television")."""
    return frozenset(r["name"] for r in load_table("platforms"))


@cache
def _platform_words() -> frozenset[str]:
    """The last words of platforms.tsv's names ("television", "radio", "media")."""
    return frozenset(name.split()[-1] for name in platforms())


#: Prepositions of time and place: what they open after an object is when or where the
#: speaker spoke ("blamed the mayor at a rally", "praised the deal after the vote"), not
#: part of what was said.
_SETTING_PREPS = frozenset(
    {"at", "after", "before", "during", "since", "until", "throughout", "amid", "following"}
)

#: The prepositions of a setting a cue's own preposition may follow ("asked at a briefing
#: about", "spoke in his office about").
_SETTING_OPENERS = _SETTING_PREPS | {"in"}


#: The dependencies of a phrase set off to describe a noun (see `_set_off_description`).
_SET_OFF_DEPS = frozenset({"amod", "relcl", "appos"})


def _set_off_description(tok: Token) -> bool:
    """Whether a token heads a phrase set off to describe a noun before it: a relative
    clause or an apposition after a comma or dash, or an adjective phrase after a comma
    ("the mayor, furious at the vote"; a hyphen before an adjective joins it into a compound:
    "stronger-than-expected")."""
    dep = tok.dep_
    if dep not in _SET_OFF_DEPS:
        return False  # most tokens: no edge is read
    first = tok.left_edge.i
    if first == 0:
        return False
    before = tok.doc[first - 1].text
    if dep == "amod":
        return tok.head.i < tok.i and before == ","
    return before in _ASIDE_MARKS


def _within_clause(aside: Token, noun: Token) -> bool:
    """Whether an aside stands inside a clause of a noun's phrase that goes on after it
    ("concern that rebels, who hold the north, are regrouping"): the clause's verb, which
    the aside hangs from, comes after the aside, so the aside is part of what is said."""
    head = aside.head
    while head.i != noun.i and head.head.i != head.i:
        if head.i > aside.right_edge.i:
            return True
        head = head.head
    return False


def _nonrestrictive(noun: Token) -> set[int]:
    """The tokens of what a comma or dash sets off after a noun or a noun within its phrase:
    a relative clause, an apposition or an adjective phrase that describes it ("rejected
    the treaty, which the envoy signed in May", "cited the case of X, a hacker who ...",
    "freed the reporters, ill after weeks in custody"), from the mark on; an object
    content ends before them. One followed by more of a coordination ("backed X, a
    senator, and Y") is kept with it, as is one inside a clause going on after it."""
    doc = noun.doc
    end = noun.right_edge.i
    for tok in doc[noun.i + 1 : end + 1]:
        if _set_off_description(tok) and not _within_clause(tok, noun):
            after = tok.right_edge.i + 1
            if after <= end and doc[after].text in _ASIDE_MARKS:
                after += 1
            if (
                after <= end
                and doc[after].dep_ == "cc"
                and any(
                    c.dep_ == "conj" and c.i > after and c.pos_ in ("NOUN", "PROPN")
                    for c in tok.head.rights
                )
            ):
                # "backed Ted Cruz, R-Texas, and Carly Fiorina": the aside describes one
                # of the coordinated nouns, and the coordination goes on after it
                return set()
            return set(range(tok.left_edge.i - 1, end + 1))
    return set()


def _unmarked_complement(verb: Token, clause: Token, speaker: Token) -> Token | None:
    """The subject of a clause after a speech verb that the parser took for an adverbial
    one (or a complement it gave the verb's adjunct), when the clause is the verb's
    complement from that subject on: it has its own subject and no conjunction ("said after
    the meeting he would not resign": the preposition phrase belongs to "said")."""
    if not _is_speech_verb(verb) or clause.i < verb.i or speaker.i > verb.i:
        return None
    if clause.dep_ == "ccomp" and clause.left_edge.dep_ != "prep":
        return None
    kids = _dependents(clause)
    subject = kids.first("nsubj")
    if (
        subject is None
        or subject.i < verb.i
        or "mark" in kids.labels
        or any(c.tag_ == "WRB" for c in kids.tokens)  # "when he arrived"
    ):
        return None
    return subject


def _object_of_make(noun: Token, adjective: Token) -> bool:
    """Whether a noun after an adjective is the object of "make" ("made clear his aim")."""
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.i > adjective.i
        and noun.dep_ in ("ccomp", "dobj")
        and noun.head.lemma_.lower() == "make"
    )


def _unmarked_clause_after(adjective: Token) -> Token | None:
    """ "made it clear he would not budge": a clause after the adjective with its own
    subject and no conjunction, which the parser took for an adverbial one, is its
    complement."""
    for clause in adjective.rights:
        if clause.dep_ != "advcl":
            continue
        kids = _dependents(clause)
        subject = kids.first("nsubj")
        if subject is not None and subject.i > adjective.i and "mark" not in kids.labels:
            return clause
    return None


def _names_people(noun: Token) -> bool:
    """Whether a noun names a person, a people or an organisation ("Ms. Gil", "many
    Democrats", "the rebels' backers"), not a time or a thing ("years", "the first time")."""
    if noun.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    return noun.pos_ == "PROPN" and noun.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")


def _adverbial_mark(clause: Token) -> bool:
    """Whether a clause opens with a conjunction of time, cause, condition or concession
    (however the parser hung it: "While not all of it is true" marks the subject)."""
    first = clause.left_edge
    return first.lower_ in _ADVERBIAL_MARKS and first.pos_ in ("SCONJ", "ADP", "ADV")


#: Verbs whose object + to-infinitive is done by their subject ("used the address to
#: call", "promised voters to act"), not by the object ("urged Congress to act").
_SUBJECT_CONTROL = frozenset({"use", "spend", "take", "devote", "promise", "seize"})


def _controller(verb: Token, clause: Token) -> Token | None:
    """The object of `verb` that is the understood subject of its to-infinitive `clause`
    ("told the staff never to speak", "urged Congress to act")."""
    if clause.dep_ != "xcomp" or not _is_infinitive(clause):
        return None
    if verb.lemma_.lower() in _SUBJECT_CONTROL:
        return None  # "used his speech to call ...": the subject calls
    return next(
        (c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clause.i),
        None,
    )


def _is_time_or_punct(tok: Token) -> bool:
    """Punctuation, or a time adjunct ("on Friday", "last week", "recently")."""
    if tok.is_punct or tok.dep_ == "advmod":
        return True
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME")
    if tok.dep_ == "prep":
        pobj = next((g for g in tok.children if g.dep_ == "pobj"), None)
        return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")
    return False


def _is_setting(tok: Token, addressee: bool) -> bool:
    """Whether a cue's dependent says only where, how or to whom something was said ("in
    a statement", "during a call", "to reporters"; with `addressee`, the object "reporters"),
    holding no clause of its own."""
    if any(t.pos_ in ("VERB", "AUX") for t in tok.subtree):
        return False
    if tok.dep_ in ("dobj", "dative"):
        return addressee and (_names_people(tok) or tok.lemma_.lower() in addressee_nouns())
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" for c in tok.children)


def _is_question(
    tok: Token, sent: SpacySpan, kids: _Dependents | None = None, text: str | None = None
) -> bool:
    """Whether a cue is the verb of a direct question: an auxiliary before a subject of its
    own and a question mark closing the sentence ("Did she say that?", "Can talks offer a
    way out?"); `text`, the parse's text, spares rebuilding the sentence's."""
    kids = _dependents(tok) if kids is None else kids
    if _SUBJECT_DEPS.isdisjoint(kids.labels):
        return False
    auxes = (
        [c.i for label, c in kids.labelled if label in ("aux", "auxpass") and c.i < tok.i]
        if "aux" in kids.labels or "auxpass" in kids.labels
        else []
    )
    if tok.pos_ == "AUX":
        auxes.append(tok.i)  # "Is he sure ...?": the copula itself goes first
    if not auxes or not any(
        label in _SUBJECT_DEPS and min(auxes) < c.i and c.i != tok.i for label, c in kids.labelled
    ):
        return False
    sent_text = sent.text if text is None else text[sent.start_char : sent.end_char]
    return sent_text.rstrip().rstrip("\"'”’)").endswith("?")


def _passive_complement(tok: Token, particle: Token | None) -> tuple[int, int] | None:
    """What a passive cue reports: its preposition's object ("was asked about the deal"),
    or a clause after it that "that", "whether" or "if" opens ("was told that ...") or a
    question word ("was asked how the war would end")."""
    if particle is not None:
        return _with_question_conjunct(particle, _object_of(particle, times=False))
    clause = next(
        (
            c
            for c in tok.children
            if c.i > tok.i
            and (
                _is_embedded_question(tok, c)
                or c.dep_ == "ccomp"
                and (
                    any(
                        g.dep_ == "mark" and g.lower_ in ("that", "whether", "if")
                        for g in c.children
                    )
                    or c.left_edge.tag_ in _WH_TAGS
                )
            )
        ),
        None,
    )
    return _subtree_chars(clause) if clause is not None else None


#: Tags of question words and relative pronouns ("how", "what", "which").
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _is_embedded_question(cue: Token, clause: Token) -> bool:
    """ "asked him if he would run", "wondered whether talks would resume": an "if" or
    "whether" clause after a verb of asking, which the parser may take for an adverbial."""
    if clause.dep_ != "advcl" or clause.i < cue.i:
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return "whether" in marks or ("if" in marks and lemma_of(cue) in _QUESTION_VERBS)


def _with_reason(cue: Token, clause: Token, end: int) -> int:
    """The end of a content clause widened over a reason or concession the parser hung from
    the cue after it ("said the plan was fair, because everyone pays"): it is part of what
    was said."""
    doc = cue.doc
    last = clause.right_edge.i
    for child in cue.children:
        if child.i <= last or child.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if not marks & _REASON_MARKS:
            continue
        if _is_speech_verb(child) and _has_subject(child):
            break  # "..., though she acknowledged it would fail": a statement of its own
        gap = doc[last + 1 : child.left_edge.i]
        if any(not (t.is_punct or t.is_space) for t in gap):
            break
        hi = child.right_edge.i
        while hi > child.i and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        end = max(end, doc[hi].idx + len(doc[hi]))
        last = child.right_edge.i
    return end


def _appearance_clause(verb: Token) -> Token | None:
    """The clause of "it appears that ...", "it seems as if ...", "it seems like ..." (the
    subject an expletive or "it"), or None."""
    if not any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in verb.children):
        return None
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in ("ccomp", "advcl"):
            continue
        marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
        if c.dep_ == "ccomp" or marks & {"that", "if", "though", "like"}:
            return c
    return None


def _fronted_cue(tok: Token) -> bool:
    """ "Every Friday, the chief told the Post, she would chair the meeting": a cue with its
    subject, set off by a comma before the clause it reports, which the parser took for an
    adverbial clause of that clause (no conjunction opens it)."""
    head = tok.head
    doc = tok.doc
    return (
        tok.dep_ == "advcl"
        and tok.i < head.i
        and tok.right_edge.i + 1 < head.i
        and doc[tok.right_edge.i + 1].text == ","
        and _has_subject(tok)
        and not any(c.dep_ == "mark" for c in tok.children)
        and tok.tag_ in _FINITE_TAGS
    )


def _participle_subject(verb: Token) -> Token | None:
    """ "Activists hoping to block him say ...": a finite verb the parser left unattached
    after a participle it took for the main verb; the participle's subject is the verb's."""
    head = verb.head
    if verb.dep_ != "dep" or verb.tag_ not in _FINITE_TAGS or head.i > verb.i:
        return None
    if head.tag_ not in ("VBG", "VBN") or any(c.dep_ == "aux" for c in head.children):
        return None
    return next((c for c in head.lefts if c.dep_ == "nsubj"), None)


def _adjacent_subject(verb: Token, sent: SpacySpan) -> Token | None:
    """The noun right before a sentence's main verb that the parser left without a subject
    ("... former president Bill Clinton said ...", the name taken for an apposition); `sent`
    is the verb's sentence (cheaper to pass than `verb.sent` to rebuild)."""
    if verb.dep_ != "ROOT" or verb.i == sent.start:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.lower_ == ")" and prev.i > sent.start:
        prev = verb.doc[prev.i - 1]
    if prev.lower_ == "," and prev.i > verb.sent.start:
        # "her adviser, Jake Sullivan, said": the name set off as an apposition
        named = verb.doc[prev.i - 1]
        if named.dep_ != "appos":
            return None
        if named.pos_ == "PROPN":
            return named
        # "Senator Harry Reid, the minority leader, said": the title set off after the name
        return named.head if named.head.pos_ == "PROPN" and named.head.i < named.i else None
    if prev.lower_ in _QUANTIFIERS and prev.dep_ not in ("dobj", "pobj", "poss"):
        return prev  # "after half said so", "most say": a quantifier standing for people
    if prev.dep_ == "compound" and prev.head.i == verb.i:
        return prev  # "..., court records show": a noun the tagger took for a verb
    if prev.pos_ not in ("PROPN", "NOUN", "PRON") or prev.dep_ in ("dobj", "pobj", "poss"):
        # "two-thirds of voters support X": a number the parser hung from the verb as its
        # modifier, with the phrase it heads, is the subject
        return next(
            (c for c in verb.lefts if c.dep_ in ("nummod", "quantmod") and c.pos_ == "NUM"),
            None,
        )
    return prev


def _fronted_condition(verb: Token, speaker: Token) -> Token | None:
    """ "If the talks fail, the minister said, Moscow will respond": the conditional (or
    other subordinate) clause opening the sentence before a speaker set off by commas, which
    the parser hung from the cue; it belongs to what was said."""
    doc = verb.doc
    lead = speaker.left_edge.i
    if lead == 0 or doc[lead - 1].lower_ != "," or verb.i + 1 >= len(doc):
        return None
    if doc[verb.i + 1].lower_ != ",":
        return None  # "If talks fail, Moscow will respond": no cue set off by commas
    sent_start = verb.sent.start
    for child in verb.children:
        if child.i >= lead:
            break
        if (
            child.dep_ == "advcl"
            and child.right_edge.i < lead
            and any(g.dep_ == "mark" for g in child.children)
            and all(t.is_punct or t.dep_ == "cc" for t in doc[sent_start : child.left_edge.i])
        ):
            return child
    return None


#: Verbs of writing: their noun object is the piece written, not what it says.
_WRITING_VERBS = frozenset({"write"})
#: Modifiers of a written piece's noun that say what the piece says ("a letter urging
#: calm", "an essay that argues ...").
_SAYING_MODIFIERS = frozenset({"acl", "relcl"})
#: Prepositions after a written piece's noun that name what it is about or against ("an
#: essay on trade", "a blog against the mogul").
_TOPIC_PREPS = frozenset({"about", "on", "against"})


def _names_written_work(cue: Token, obj: Token, end: int) -> bool:
    """ "wrote a letter to the board", "wrote the introduction": a verb of writing whose
    object phrase, up to token `end`, holds no verb of its own names the piece written;
    what the piece says is reported only by a clause or participle on its noun ("wrote a
    letter urging calm"), or named by a preposition of topic ("wrote an essay on trade")."""
    if lemma_of(cue) not in _WRITING_VERBS:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in cue.doc[obj.right_edge.i + 1 : end + 1]):
        return False
    return not any(
        c.dep_ in _SAYING_MODIFIERS or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS
        for c in obj.children
    )


#: Words a participle modifying a noun follows: a possessive, a determiner, a number or
#: another modifier ("the party's pledged delegates", "475 pledged delegates", "regular,
#: pledged delegates").
_NOUN_PHRASE_OPENERS = frozenset({"POS", "PRP$", "DT", "CD", "JJ"})


def _is_prenominal(cue: Token, kids: _Dependents) -> bool:
    """ "the convention's pledged delegates": a participle between a noun's determiner and
    the noun modifies the noun, though the parser took it for a verb and the noun for its
    object; it has no auxiliary, and no subject but the possessor or the number before it,
    which the parser may take for one."""
    doc = cue.doc
    if cue.tag_ not in ("VBN", "VBD") or cue.i < 2 or cue.i + 1 >= len(doc):
        return False
    if "aux" in kids.labels or "auxpass" in kids.labels:
        return False
    for label, c in kids.labelled:
        if label in _SUBJECT_DEPS and not (
            c.right_edge.i == cue.i - 1
            and (c.tag_ == "CD" or any(g.dep_ == "case" for g in c.children))
        ):
            return False
    before = doc[cue.i - 1]
    if before.text == ",":
        # "regular, pledged delegates": modifiers in a row
        before = doc[cue.i - 2] if doc[cue.i - 2].tag_ == "JJ" else before
    nxt = doc[cue.i + 1]
    return (
        before.tag_ in _NOUN_PHRASE_OPENERS
        and nxt.dep_ == "dobj"
        and nxt.head.i == cue.i
        and nxt.left_edge.i == nxt.i
    )


def _as_after_participle(obj: Token) -> Token | None:
    """ "identified the man killed as John Doe": an "as" phrase the parser hung from a
    participle right after a naming verb's object, rather than from the verb, is the
    object's predicate."""
    for participle in obj.rights:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        for c in participle.rights:
            if c.dep_ == "prep" and c.lower_ == "as" and c.i == participle.i + 1 and c.n_rights:
                return c
    return None


#: Verbs that give an estimate as a figure set on their object ("put his worth at $2 billion").
_ESTIMATING_VERBS = frozenset({"put"})


def _estimated_figure(verb: Token, kids: _Dependents) -> tuple[int, int] | None:
    """ "the magazine put his net worth at $3 billion", "the poll puts her support at 40
    percent": the object and the figure it is put at are the estimate."""
    if verb.lemma_.lower() not in _ESTIMATING_VERBS:
        return None
    obj = kids.first("dobj")
    if obj is None or obj.i < verb.i:
        return None
    at = next(
        (c for c in obj.doc[obj.right_edge.i + 1 : verb.right_edge.i + 1] if c.lower_ == "at"),
        None,
    )
    if at is None or at.dep_ != "prep" or not any(t.like_num for t in at.subtree):
        return None
    return obj.left_edge.idx, _subtree_chars(at)[1]


#: Labels the parser gives a predicate noun it took for a second object of a naming verb.
_SECOND_OBJECT_DEPS = frozenset({"dobj", "npadvmod"})


def _second_object(kids: _Dependents, obj: Token) -> Token | None:
    """ "branded the plan a giveaway": a noun phrase right after a naming verb's object,
    which the parser hung from the verb as another object or as an adverbial noun, is the
    object's predicate; a date or time ("called him Tuesday") is none."""
    return next(
        (
            c
            for label, c in kids.labelled
            if label in _SECOND_OBJECT_DEPS
            and c.i > obj.i
            and c.left_edge.i == obj.right_edge.i + 1
            and c.pos_ in ("NOUN", "PROPN")
            and c.ent_type_ not in ("DATE", "TIME")
        ),
        None,
    )


#: Labels the parser gives the predicate of a naming verb's object it read as a clause.
_STRANDED_PREDICATE_DEPS = frozenset({"oprd", "npadvmod"})


def _small_clause(cue: Token, kids: _Dependents) -> Token | None:
    """ "called what she saw outrageous": a naming verb with no object of its own whose
    object and predicate the parser read as a clause after it, the predicate hanging from
    the clause's verb after it; that clause. A clause with a predicate of its own ("views
    the race is tied") is none."""
    return next(
        (
            c
            for label, c in kids.labelled
            if label == "ccomp"
            and c.i > cue.i
            and any(g.dep_ in _STRANDED_PREDICATE_DEPS and g.i > c.i for g in c.children)
        ),
        None,
    )


def _stranded_predicate(cue: Token, obj: Token) -> Token | None:
    """ "announced it would expand the program", "hopes a deal, which both sides want, will
    hold": the parser took the subject of a complement clause for the cue's object and hung
    the clause's finite verb elsewhere; the verb, subjectless and right after the object (or
    after the comma closing an aside the object's phrase sets off), heads the rest of the
    clause."""
    doc = obj.doc
    nxt = obj.right_edge.i + 1
    if _nonrestrictive(obj):
        # "discussed the test, which he said shows ...": a verb right after an aside
        # goes on with the aside
        if nxt >= len(doc) or doc[nxt].text not in _ASIDE_MARKS:
            return None
        nxt += 1
    if nxt >= len(doc) or doc[nxt].tag_ not in _FINITE_TAGS:
        return None
    verb = doc[nxt] if doc[nxt].dep_ not in ("aux", "auxpass") else doc[nxt].head
    if (
        verb.i < nxt
        # "denied the charges, accused her of ...": the cue's own next verb
        or verb.head.i == cue.i
        or any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)
        or verb.is_ancestor(cue)
    ):
        return None
    return verb


def _content_children(verb: Token, start: int, end: int) -> list[Token]:
    """A cue's subordinate clause before it and complement clause after it, when both lie
    inside the content [start, end): the cue interrupts what it reports."""
    before = [c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i]
    after = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and c.i > verb.i]
    parts = [c for c in before + after if start <= c.left_edge.idx and c.right_edge.idx < end]
    if not any(c.i < verb.i for c in parts) or not any(c.i > verb.i for c in parts):
        return []
    return parts


def _subject_of_relative(verb: Token, kids: _Dependents | None = None) -> Token | None:
    """ "Lavrov, who met the envoy twice, said ...": the parser took the relative clause for
    the verb's complement, with the name and the relative pronoun as its two subjects; the
    name is the verb's own (`kids`: the verb's dependents, when already read)."""
    if kids is not None and "ccomp" not in kids.labels:
        return None
    for clause in verb.lefts:
        if clause.dep_ != "ccomp":
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if len(subjects) >= 2 and subjects[1].lower_ in _RELATIVES and subjects[0].i < clause.i:
            return subjects[0]
    return None


@lru_cache(maxsize=1)
def _phrasal_heads() -> frozenset[str]:
    """The verbs (with their particle, if any) that open a verb + preposition cue ("call"
    of "called for", "lash out" of "lashed out at")."""
    return frozenset(verb for verb, _ in phrasal_cues())


def _passive_predication(verb: Token, naming: bool) -> tuple[int, int] | None:
    """ "The plan was branded a failure", "she is listed as the chair": a verb of naming
    (`naming`) in the passive, its subject and predicate the content (who named it goes
    unsaid); for another verb taking an object, an "as" or "for" phrase stands for the
    predicate ("the deal was criticized as a threat")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or any(t.tag_ in ("WDT", "WP", "WP$") for t in subject.subtree):
        return None  # "whose name is floated as ...": a relative clause's aside
    pred = next(
        (
            c
            for c in verb.rights
            if (naming and c.dep_ == "oprd")
            or (
                c.dep_ == "prep"
                and (c.lower_ == "as" or (not naming and c.lower_ == "for"))
                and c.n_rights
            )
        ),
        None,
    )
    if pred is None:
        return None
    return subject.left_edge.idx, _subtree_chars(pred)[1]


def _has_perfect(kids: _Dependents, particle: Token | None) -> bool:
    """Whether a participle the parser took for a passive after "'s" is a perfect ("he's
    said he will run", "she's called for talks", "he's supported the plan": "has", not
    "is"): it has an object, a finite clause or a preposition cue's object of its own, and a
    subject that is not "it"."""
    aux = kids.first("auxpass")
    if aux is None or aux.lower_ not in ("'s", "’s") or "aux" in kids.labels:
        return False
    subject = kids.first("nsubjpass")
    if subject is None or subject.lower_ in ("it", "what", "that", "which"):
        return False
    return (
        "dobj" in kids.labels
        or particle is not None
        or any(label == "ccomp" and _has_subject(c) for label, c in kids.labelled)
    )


@lru_cache(maxsize=1)
def _particle_verbs() -> frozenset[str]:
    """Verbs of the cues written with a particle ("hit back", "lash out at")."""
    return frozenset(
        c.cue.split()[0]
        for c in _all_cues()
        if c.form == "verb" and " " in c.cue or c.form == "phrasal" and c.cue.count(" ") > 1
    )


def _particle_of(verb: Token, kids: _Dependents) -> Token | None:
    """The particle right after a verb ("ruled out", "hit back"), if it has one."""
    return next(
        (c for label, c in kids.labelled if label in ("prt", "advmod") and c.i == verb.i + 1),
        None,
    )


_DURATION_NOUNS = frozenset({"year", "month", "week", "day", "decade", "hour", "while", "time"})


def _joined_clause_start(verb: Token) -> int | None:
    """Where a clause joined to the one before it by a conjunction starts, after the
    conjunction ("..., and the aide broke it"); None unless `verb` heads such a clause
    with a subject of its own."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    cc = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), None)
    if cc is None or cc.i < verb.head.i or verb.head.dep_ == "conj":
        return None
    if any(t.text == ";" for t in verb.doc[verb.head.i : cc.i]):
        return None  # "A; B; and C, according to X": the source holds the whole list
    return cc.i + 1


def _relative_before(phrase: Token) -> int | None:
    """Where a relative clause set off by a comma or dash starts when it ends right before
    the comma opening `phrase` ("the budget, which grew by 4 percent, according to the
    city")."""
    doc = phrase.doc
    comma = phrase.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    clause = doc[comma - 1]
    while clause.right_edge.i in (comma - 1, comma) and clause.head.i != clause.i:
        if clause.dep_ in ("relcl", "advcl"):
            first = clause.left_edge
            if first.tag_ == "WDT" and first.i > 0 and doc[first.i - 1].text in ",-—–":
                return first.i
        clause = clause.head
    return None


def _through_finding(verb: Token, end: int) -> int:
    """A finding's content widened over what the parser hung from its cue after it ("the
    poll shows the mayor at 40 percent, followed by Lee at 30 percent", "found him ahead
    after the debate, with 40 percent backing him"): the rest of a poll's figures."""
    last = None
    for child in verb.rights:
        if child.dep_ in ("conj", "cc") or (child.is_punct and child.i == verb.right_edge.i):
            break
        if child.idx >= end:
            last = child.right_edge
    if last is None:
        return end
    while last.i > verb.i and (last.is_punct or last.is_space):
        last = last.nbor(-1)
    return max(end, last.idx + len(last))


def _setting_hung_prep(
    kids: _Dependents, verb: Token, lemma: str, table: dict[tuple[str, str], Cue]
) -> tuple[Cue, Token] | None:
    """ "asked at a briefing about the talks", "spoke in his office about the vote": the
    parser hung the cue's preposition from the object of the setting phrase before it, as
    that phrase's last part (an "of" phrase is the noun's own: "in the lobby of the hotel";
    a phrase after the cue's clause is no setting of the cue: "argued he's in the race for
    good")."""
    clause = next((c.i for label, c in kids.labelled if label == "ccomp" and c.i > verb.i), None)
    for label, child in kids.labelled:
        if label != "prep" or child.i < verb.i or child.lower_ not in _SETTING_OPENERS:
            continue
        if clause is not None and clause < child.i:
            continue
        obj = _governed(child)
        preps = [] if obj is None else [c for c in obj.rights if c.dep_ == "prep"]
        prep = preps[-1] if preps else None
        if prep is not None and prep.lower_ != "of" and prep.right_edge.i == child.right_edge.i:
            cue = table.get((lemma, prep.lower_))
            if cue is not None:
                return cue, prep
    return None


def _is_duration(prep: Token) -> bool:
    """Whether a preposition governs a stretch of time ("argued for years that ..."), which
    makes no verb + preposition cue of it."""
    obj = _governed(prep)
    return obj is not None and (
        obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in _DURATION_NOUNS
    )


def _loose_adjective_holder(adj: Token) -> Token | None:
    """Who holds the view of an adjective phrase set off by a comma after a noun rather
    than predicated of it ("Voters, angry about the cuts, marched"): that noun."""
    return adj.head if adj.dep_ == "amod" and _set_off_description(adj) else None


def _displaced_clause(noun: Token) -> Token | None:
    """The that-clause of a statement noun set apart from it by an adverbial ("the claim
    was made on Tuesday that ...", "issued a warning last week that ..."), which the parser
    hangs from the verb the noun is the object or passive subject of: the first clause of
    that verb opening with "that" a few tokens after the noun's phrase."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.i == noun.i:
        return None
    after = noun.right_edge.i
    for clause in noun.head.rights:
        if clause.i <= after or clause.dep_ not in ("ccomp", "advcl"):
            continue
        first = clause.left_edge
        if first.lower_ != "that" or first.dep_ != "mark" or first.head.i != clause.i:
            return None
        return clause if first.i - after - 1 <= MAX_DISPLACED_GAP else None
    return None


def _is_to_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _is_for_to_clause(clause: Token) -> bool:
    """Whether a clause is a to-infinitive opened by "for" and its subject ("for the talks
    to resume")."""
    mark = clause.left_edge
    return (
        mark.lower_ == "for"
        and mark.dep_ == "mark"
        and mark.head.i == clause.i
        and _is_to_infinitive(clause)
    )


def _for_to_infinitive(prep: Token) -> Token | None:
    """The to-infinitive whose "to" comes right after the object of a "for" ("a plea for
    donors to give more", "calls for the rebels to disarm"): what the object is asked to
    do, however the parser hung it."""
    if prep.lower_ != "for":
        return None
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    doc = prep.doc
    to = obj.right_edge.i + 1
    if to >= len(doc) or doc[to].lower_ != "to" or doc[to].dep_ != "aux":
        return None
    verb = doc[to].head
    return verb if verb.i > to and verb.tag_ == "VB" else None


def _clause_of_object(tok: Token) -> Token:
    """The verb whose object (or a phrase within it) `tok` is, else `tok` itself."""
    while tok.dep_ in _OBJECT_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


#: Dependency labels down a verb's object to a noun inside it.
_OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "npadvmod"})


def _singled_out(noun: Token) -> bool:
    """ "this poll", "the same survey", "Monday's poll": a noun singled out by a word
    before it, other than a bare "the"."""
    return any(c.dep_ in _SINGLING_OUT_DEPS and c.lower_ != "the" for c in noun.lefts)


#: Nouns of an opinion poll, whose findings are told as what holds "in" it.
_POLL_NOUNS = frozenset({"poll", "survey"})
#: Dependents before a noun that single out one of its kind ("this", "every", "the
#: latest", "Monday's", "the 50-state").
_SINGLING_OUT_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod"})

#: Nouns that name words only as someone's: "her attacks on the plan", "the senator's
#: attack on the judge", not "the attack on the embassy".
_OWNED_NOUNS = frozenset({"attack"})
#: Nouns of backing, with the preposition of the noun + preposition cue each is reported as.
_BACKING_NOUNS = {"backing": "for", "endorsement": "of", "support": "for"}
#: Verbs whose subject has, wins or receives what their object names ("won the backing of").
_RECEIVING_VERBS = frozenset(
    {
        "accept",
        "attract",
        "consolidate",
        "earn",
        "enjoy",
        "garner",
        "gain",
        "get",
        "have",
        "land",
        "lock",
        "nab",
        "pick",
        "receive",
        "score",
        "secure",
        "sew",
        "snag",
        "welcome",
        "win",
    }
)


def _in_idiom(noun: Token, cue: Cue) -> bool:
    """Whether a noun stands where its noun + preposition cue wants it: a cue written after
    a verb or a preposition ("take issue with", "make no secret of", "in support of")
    counts only with the noun that word's object; any other counts wherever the noun
    stands."""
    words = cue.cue.split()
    return len(words) == 2 or (
        noun.dep_ in ("dobj", "pobj") and noun.head.lemma_.lower() == words[0]
    )


def _noun_cue_owner(noun: Token) -> Token | None:
    """Whose statement a statement noun names: its possessor ("her promise"), the object
    of "by" or "from" ("calls from the opposition"), the subject of a light verb or a
    speech verb taking it ("the minister issued a warning", "announced plans to"), or of
    a verb the noun qualifies with "in" ("spoke in favor of", "rallied in support of")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
    if by is not None:
        return next((g for g in by.children if g.dep_ == "pobj"), None)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
        # "spoke in favor of", "are in support of": the stance of the verb's subject
        subj = next((c for c in head.head.children if c.dep_ in _SUBJECT_DEPS), None)
        return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") else None
    if noun.dep_ != "dobj":
        return None
    lemma = head.lemma_.lower()
    verb = cue_table().get(lemma)
    if lemma in light_verbs() or (
        verb is not None and verb.form == "verb" and verb.takes_object and verb.act == "speech"
    ):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
            return subj
    return None


def _is_as_clause(tok: Token) -> bool:
    """Whether a cue heads an "as" clause with no complement of its own but "it" ("as she
    noted", "as he put it")."""
    return (
        tok.dep_ == "advcl"
        and tok.head.i != tok.i
        and tok.left_edge.lower_ == "as"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        and (_has_subject(tok) or _as_agent(tok) is not None)
        and not any(
            c.dep_ in _COMPLEMENT_DEPS and not (c.dep_ == "dobj" and c.lower_ == "it")
            for c in tok.children
        )
    )


def _issuer(noun: Token) -> Token | None:
    """Who issued a text a participle hangs from ("Gowdy released a statement saying ...",
    "the campaign put out an ad attacking ..."): the subject of the verb whose object the
    text is, when that verb issues or makes it."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in light_verbs():
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") else None


def _verbless_subject(tok: Token) -> Token | None:
    """ "Lee, a party ally, called the rules “unfair.”": a sentence whose verb the parser
    took for a participle describing a noun, so that a noun heads it, has that noun for its
    subject. The verb follows the comma closing the words set off after the noun."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or tok.i == 0:
        return None
    root = tok.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= tok.i or tok.doc[tok.i - 1].text != ",":
        return None
    return root


#: Prepositions of a title before a name ("an adviser to the governor").
_TITLE_PREPS = _SPEAKER_PREPS | {"to"}


def _in_name(tok: Token) -> bool:
    """Whether a token can belong to a name with its title ("a spokesman for the
    party's leader"): no date or time."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return False
    return (
        tok.pos_ in _NAME_POS
        or (tok.pos_ == "ADP" and tok.lower_ in _TITLE_PREPS)
        or tok.tag_ == "POS"
    )


def _set_off_name(verb: Token, cue: Cue, sent: SpacySpan) -> Token | None:
    """ "..., said Ann Lee, a party official who ...": after a comma, a main verb of speech
    that takes no object (`cue`), followed by a name that a comma closes, has that name for
    its speaker, whatever the parser made of the name and the apposition after it (`sent`:
    the verb's sentence)."""
    doc = verb.doc
    if cue.takes_object or verb.dep_ != "ROOT" or verb.i == sent.start:
        return None
    if doc[verb.i - 1].text != ",":
        return None
    end = verb.i + 1
    while end < sent.end and _in_name(doc[end]):
        end += 1
    if end == verb.i + 1 or end - verb.i - 1 > MAX_INVERTED_NAME_TOKENS:
        return None
    if end >= sent.end or doc[end].text != ",":
        return None
    # the name's head: its noun that hangs from outside it ("a spokesman for the board")
    name = doc[verb.i + 1 : end]
    return next(
        (t for t in name if t.pos_ in ("PROPN", "NOUN") and not name.start <= t.head.i < end),
        None,
    )


def _as_agent(tok: Token) -> Token | None:
    """ "As reported by the Daily Mirror, ...": the agent of a participle heading an "as"
    clause, who reported or noted what the clause qualifies."""
    if tok.tag_ != "VBN" or tok.dep_ != "advcl" or tok.left_edge.lower_ != "as":
        return None
    if _is_speech_verb(tok.head) and any(c.dep_ == "nsubj" for c in tok.head.children):
        return None  # "As reported by Reuters, the minister said ...": a relay of his words
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    return _governed(agent)


def _stance_participle(verb: Token, lemma: str) -> tuple[Token, tuple[int, int]] | None:
    """ "the bill, opposed by most Republicans, ...", "a plan endorsed by the union": a
    participle of a stance verb qualifying a noun takes a side on that noun, and its agent
    is who takes it."""
    if lemma not in _STANCE_VERBS or verb.tag_ != "VBN" or verb.dep_ != "acl":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    holder = _governed(agent) if agent is not None else None
    noun = verb.head
    doc = verb.doc
    first = verb.left_edge.i
    if (
        holder is None
        or noun.pos_ not in ("NOUN", "PROPN", "PRON")
        or not noun.i < first
        or not all(doc[i].is_punct for i in range(noun.i + 1, first))
    ):
        return None  # the participle phrase follows its noun, set off by punctuation at most
    return holder, (noun.left_edge.idx, noun.idx + len(noun))


def _relativized_object(verb: Token, kids: _Dependents) -> tuple[int, int] | None:
    """ "the war, which most Whigs opposed", "a deal she once praised": a relative clause
    of a stance verb with a subject but no object of its own takes a side on what the
    relative pronoun stands for, or, with none, on the noun the clause qualifies."""
    if lemma_of(verb) not in _STANCE_VERBS or verb.dep_ != "relcl" or "nsubj" not in kids.labels:
        return None
    if any(label in _CLAUSE_DEPS or label in ("prep", "dative") for label in kids.labels):
        return None
    obj = kids.first("dobj")
    if obj is not None:
        return _chars(obj) if obj.tag_ in ("WDT", "WP") and obj.i < verb.i else None
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or verb.left_edge.i <= noun.i:
        return None
    return noun.left_edge.idx, noun.idx + len(noun)


def _loose_verb_list(verb: Token) -> bool:
    """ "Lee paused, then leaned in and said ...": a finite verb the parser left unlabelled
    under the finite verb before it, the next of a list of verbs sharing its subject."""
    return (
        verb.dep_ == "dep"
        and verb.tag_ in _FINITE_TAGS
        and verb.head.tag_ in _FINITE_TAGS
        and verb.head.i < verb.i
    )


def _as_object(tok: Token) -> Token | None:
    """ "As Ann Lee, a law professor, put it, ...": the speaker of a cue opening an "as"
    clause without a subject, which the parser took for the object of "as"."""
    if tok.dep_ != "advcl" or any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
        return None
    mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None:
        return None
    return next((c for c in mark.children if c.dep_ == "pobj" and c.i < tok.i), None)


def _holds_main_clause(cue: Token, first: int, comma: int) -> bool:
    """Whether the words [first, comma) before a closing speaker and cue, which the parser
    hung all from the cue as one adverbial clause, hold a clause with a subject but no
    subordinator: a main clause, so the words are what was said, not when or why."""
    clause = next((c for c in cue.children if c.dep_ == "advcl" and c.i < comma), None)
    if clause is None or clause.left_edge.i != first or clause.right_edge.i >= comma:
        return False
    return any(
        t.dep_ in ("advcl", "conj")
        and t.pos_ in ("VERB", "AUX")
        and t.i != clause.i
        and _has_subject(t)
        and not any(c.dep_ == "mark" for c in t.children)
        for t in cue.doc[first:comma]
    )


def _is_set_off_participle(tok: Token) -> bool:
    """ "Angered by the vote, the mayor ...", "the mayor left early, frustrated by the
    delay": a participle with no subject or auxiliary of its own that a comma sets off
    from the clause it qualifies, whose subject it is predicated of."""
    if tok.tag_ != "VBN" or tok.dep_ != "advcl":
        return False
    if any(c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass", "mark") for c in tok.children):
        return False
    doc = tok.doc
    before = tok.left_edge.i - 1
    after = tok.right_edge.i + 1
    return (before >= 0 and doc[before].text == ",") or (
        after < len(doc) and doc[after].text == ","
    )


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS for c in tok.children)


def _has_to(kids: _Dependents) -> bool:
    """Whether a verb's dependents hold the "to" of an infinitive."""
    return "aux" in kids.labels and any(
        label == "aux" and c.lower_ == "to" for label, c in kids.labelled
    )


def _is_infinitive(tok: Token) -> bool:
    """A to-infinitive ("vowed to retaliate"), not a gerund the parser took for one."""
    return tok.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _coordinated_cues(clause: Token, verbs: list[int]) -> set[int]:
    """Tokens of speech cues coordinated into a content clause without a subject of their
    own ("X and said that Y", "X, claiming that Y"), or set against it ("X, while others
    said Y"): they open another statement, so the content stops before them (with the
    "and" or comma leading in)."""
    cut: set[int] = set()
    doc = clause.doc
    lo, hi = bisect_right(verbs, clause.i), bisect_right(verbs, clause.right_edge.i)
    for i in verbs[lo:hi]:
        t = doc[i]
        if t.i in cut or t.dep_ not in ("conj", "advcl") or not _is_speech_verb(t):
            continue
        if t.dep_ == "conj" and t.head.dep_ == "xcomp" and _is_infinitive(t.head):
            continue  # "asked her to stand and say it": a second infinitive of the content
        contrast = t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children
        )
        if (
            any(c.dep_ in _SUBJECT_DEPS for c in t.children)
            and not contrast
            and not (
                t.dep_ == "conj"
                and t.tag_ in ("VBD", "VBZ", "VBP")
                and doc[t.left_edge.i - 1].lower_ == "and"
                and not any(c.dep_ in ("mark", "aux") for c in t.children)
            )
        ):
            continue
        sub = set(_subtree_range(t))
        lead = t.left_edge.i - 1
        while lead > clause.i and (doc[lead].dep_ in ("cc", "punct") or doc[lead].is_space):
            sub.add(lead)
            lead -= 1
        cut |= sub
    return cut


#: How an attribution was found, for those that a cue inside another statement's content
#: can give (and so belong to that statement).
_NESTABLE_VIAS = frozenset({"cue", "noun", "raising", "adjective", "adverb", "passive"})


def _drop_duplicates(found: list[Attribution]) -> list[Attribution]:
    """One attribution per content span: nested cues go first, then the first cue wins."""
    # only an indirect or mixed content, or an interview answer, can hold a nested cue
    holders = [o for o in found if o.kind != "direct" or o.via == "turn"]
    kept = [a for a in found if not _nested(a, holders)] if holders else found
    out: list[Attribution] = []
    spans: set[tuple[int, int]] = set()
    for att in kept:
        if (att.start, att.end) in spans:
            continue
        spans.add((att.start, att.end))
        out.append(att)
    return _without_requoted(out)


def _without_requoted(found: list[Attribution]) -> list[Attribution]:
    """`found` (in text order) without a direct quote that lies within another direct or
    mixed content: a cue further off claiming again a quote another cue already
    reports ("“...,” she said after driving in to see the rally"), not a second
    statement."""
    drop: set[int] = set()
    reach = -1  # the furthest end of the direct or mixed contents so far
    for k, att in enumerate(found):
        if att.kind == "direct" and reach >= att.end:
            drop.add(k)
        elif att.kind == "direct":
            # a longer content from the same start comes later in text order
            j = k + 1
            while j < len(found) and found[j].start == att.start:
                if found[j].kind in ("direct", "mixed"):
                    drop.add(k)
                    break
                j += 1
        if att.kind in ("direct", "mixed"):
            reach = max(reach, att.end)
    return [a for k, a in enumerate(found) if k not in drop] if drop else found


def _nested(att: Attribution, others: list[Attribution]) -> bool:
    """A cue inside another statement's indirect content reports what that speaker said
    ("she said the parties intend to ..."), and one inside an interview answer is part of
    the answer ("I expect ..."): it belongs to that statement, not a new one."""
    if att.cue_start is None or att.via not in _NESTABLE_VIAS:
        return False
    return any(
        o is not att
        and o.start <= att.cue_start < o.end
        and (o.kind != "direct" or o.via == "turn")
        for o in others
    )

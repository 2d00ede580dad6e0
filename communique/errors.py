"""Coded error messages, in one place so users can search for them and tests can assert them."""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    """Error codes and their message templates."""

    E001 = "[E001] File not found: {path}"
    E002 = "[E002] Cannot read {path}: the file is binary or not valid UTF-8 text"
    E003 = "[E003] Empty text in {source}: nothing to analyse"
    E004 = "[E004] Unsupported language in {source}: {language!r} (only English is supported)"
    E005 = "[E005] Invalid date {value!r} for {field}: expected YYYY-MM-DD"
    E006 = "[E006] Malformed JSON at {source}: {detail}"
    E007 = "[E007] JSON article at {source} has neither 'text' nor 'html'"
    E008 = "[E008] Cannot read {path}: {detail}"
    E009 = "[E009] The spaCy English model is not installed (tried {names}); run 'make install'"
    E010 = "[E010] Unknown output format {value!r}: choose one of {choices}"
    E011 = "[E011] No text could be extracted from the HTML in {source}"
    E012 = "[E012] Batch line {source} must be a JSON object with a 'name'"
    E013 = "[E013] Unknown stage {name!r}: registered stages are {choices}"
    E101 = "[E101] No corpus store at {path}: run 'communique ingest' first"
    E102 = "[E102] Cannot open the corpus store {path}: {detail}"
    E103 = "[E103] The query took longer than {seconds} seconds and was stopped"
    E104 = "[E104] Unknown {option} {value!r}: choose one of {choices}"
    E105 = "[E105] Invalid country code {value!r}: expected ISO 3166-1 alpha-3 (e.g. USA)"
    E106 = "[E106] Cannot write {path}: {detail}"
    E107 = "[E107] Record at {source} is not a communique.analysis/1 object with an article"
    E108 = "[E108] Invalid search {text!r}: {detail}"
    E109 = "[E109] --format parquet writes a binary file: give --output FILE"


class CommuniqueError(Exception):
    """An error with a code, shown to users as one line."""

    def __init__(self, error: Errors, **fields: object) -> None:
        self.code = error.name
        self.message = error.format(**fields)
        super().__init__(self.message)


class InputError(CommuniqueError):
    """The input cannot be read or analysed."""

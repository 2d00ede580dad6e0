"""Corpus intelligence: a store of analyses, syndicated copies, engagements across articles."""

"""Scorers for the gold sets in `../shared/eval/`.

Each scorer module defines `SUITES`, a dict from suite name to a `Suite`
(the data file it reads and the size of the fixed sample the CI gate scores),
and `score(suite_name, records) -> SuiteResult`.
"""

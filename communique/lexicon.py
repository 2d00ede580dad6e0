"""Loads the knowledge kept as data files in `communique/data/`.

Tables are UTF-8 TSV files with a header row; lines starting with `#` are comments.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `communique/data/<name>.tsv` as dicts keyed by the header."""
    path = resources.files("communique") / "data" / f"{name}.tsv"
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)

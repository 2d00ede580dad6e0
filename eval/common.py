"""What the scorers share: the suite description, results and P/R/F1 arithmetic."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: Where the shared gold sets live, relative to the project root.
SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval"


@dataclass
class Suite:
    data: str  # file name under ../shared/eval, or under the project when `in_project`
    sample: int  # records the CI gate scores (the first N, in file order)
    description: str = ""
    in_project: bool = False  # gold written by the project itself (a path from its root)

    def path(self, shared: Path) -> Path:
        return PROJECT_ROOT / self.data if self.in_project else shared / self.data


@dataclass
class SuiteResult:
    """Headline metrics (gated against floors) and tables for people to read."""

    metrics: dict[str, float]
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    records: int = 0
    seconds: float = 0.0


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def sha256_data(path: Path) -> str:
    """The hash of a gold set: its file, or, for an index of per-article files, the index
    and every file beside it (editing one article then changes the hash too)."""
    if path.name != "index.jsonl":
        return sha256_file(path)
    h = hashlib.sha256()
    for f in sorted(p for p in path.parent.iterdir() if p.is_file()):
        h.update(f.name.encode("utf-8"))
        h.update(sha256_file(f).encode("ascii"))
    return h.hexdigest()

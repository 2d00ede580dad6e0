"""What `communique ingest` tells the user about articles it cannot place in time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.corpus.test_corpus import run

EXAMPLE = ROOT / "examples" / "talks_article.txt"


@pytest.mark.model
def test_undated_article_is_stored_and_the_user_told_why_nothing_links(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    undated = run("ingest", str(EXAMPLE), "--db", str(db))
    assert undated.returncode == 0, undated.stderr
    assert "1 stored" in undated.stderr and "0 engagements" in undated.stderr
    assert "without a publication date" in undated.stderr and "--published" in undated.stderr

    dated = run("ingest", str(EXAMPLE), "--db", str(db), "--published", "2025-06-14")
    assert dated.returncode == 0, dated.stderr
    assert "1 replaced" in dated.stderr
    assert "without a publication date" not in dated.stderr
    listed = run("engagements", "--db", str(db), "--format", "jsonl")
    statuses = {json.loads(line)["status"] for line in listed.stdout.splitlines()}
    assert {"planned", "occurred"} <= statuses

"""The accuracy gate: scores on a fixed sample of the gold sets may not drop below pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval import run as eval_run


def test_gold_data_unchanged(shared_dir: Path) -> None:
    baseline = eval_run.load_baseline()
    if not baseline.get("data"):
        pytest.skip("no baseline pinned yet")
    current = eval_run.data_hashes(shared_dir / "eval")
    changed = {k for k, v in baseline["data"].items() if current.get(k) not in (None, v)}
    assert not changed, f"gold data changed since the floors were pinned: {sorted(changed)}"


def test_scores_stay_above_floors(shared_dir: Path) -> None:
    baseline = eval_run.load_baseline()
    floors = baseline.get("sample_floors", {})
    if not floors:
        pytest.skip("no floors pinned yet")
    results = eval_run.run_suites(sample=True, shared=shared_dir / "eval")
    assert results, "no gold set was scored"
    problems = eval_run.check(results, floors)
    assert not problems, "\n".join(problems)

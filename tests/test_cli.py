"""The console script, run as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

SCRIPT = shutil.which("communique", path=str(Path(sys.executable).parent))


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    assert SCRIPT, "the communique console script is not installed"
    return subprocess.run([SCRIPT, *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_analyze_json_validates() -> None:
    from communique.output import validate

    proc = run("analyze", str(EXAMPLE), "--published", "2025-06-14", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    validate(payload)
    assert payload["article"]["published"] == "2025-06-14"
    assert {s["kind"] for s in payload["sections"]} >= {"toc", "reporting", "faq", "interview"}


def test_analyze_several_inputs_keep_order(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    texts = [
        {"id": "first", "text": "Oman's foreign minister met Iran's envoy in Muscat on Monday."},
        {"id": "bad"},
        {"id": "third", "text": "The two presidents spoke by phone on Friday, officials said."},
    ]
    batch.write_text("\n".join(json.dumps(t) for t in texts) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("analyze", str(batch), "-o", str(out), "--published", "2025-04-14")
    assert proc.returncode == 1
    ids = [json.loads(line)["article"]["id"] for line in out.read_text().splitlines()]
    assert ids == ["first", "third"]
    assert "E007" in proc.stderr
    assert "2 analysed, 1 skipped" in proc.stderr


def test_analyze_stdin_text_report() -> None:
    text = "Envoys Meet\nThe envoys met in Doha on Sunday and agreed to meet again.\n"
    proc = run("analyze", "-", "--format", "text", "--published", "2025-05-05", stdin=text)
    assert proc.returncode == 0, proc.stderr
    assert "Sections" in proc.stdout and "Events" in proc.stdout


@pytest.mark.parametrize(
    "args,code",
    [
        (["analyze", "/no/such/article.txt"], "E001"),
        (["analyze", "EXAMPLE", "--published", "31/12/2025"], "E005"),
        (["analyze", "EXAMPLE", "--format", "xml"], "E010"),
    ],
)
def test_bad_input_gives_one_line(args: list[str], code: str) -> None:
    args = [str(EXAMPLE) if a == "EXAMPLE" else a for a in args]
    proc = run(*args)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and code in lines[0]
    assert "Traceback" not in proc.stderr


def test_binary_input(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 4)
    proc = run("analyze", str(path))
    assert proc.returncode == 1
    assert "E002" in proc.stderr and "Traceback" not in proc.stderr


def test_actor_json() -> None:
    proc = run("actor", "Russian Foreign Minister", "--date", "2025-02-18", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) >= {"name", "type", "country", "sector", "role"}
    assert result["country"] == "RUS"
    assert result["sector"] == "GOV"


def test_actor_batch_keeps_order_and_reports_bad_lines() -> None:
    lines = [
        json.dumps({"name": "the Kremlin"}),
        "not json",
        json.dumps({"name": "US Secretary of State", "date": "2025-03-01"}),
    ]
    proc = run("actor", "--batch", "-", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == 3
    assert out[0]["country"] == "RUS"
    assert out[1]["error"] == "E006"
    assert out[2]["country"] == "USA"
    assert "E006" in proc.stderr


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("communique ")

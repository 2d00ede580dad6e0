"""The compiled attribution finder: the same results as its Python source, never stale."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

import pytest

import communique
from communique import quotes, stale_builds

from .conftest import EXAMPLE

TEXTS = [
    "“We will not accept any deadline,” the envoy said on Monday. “Talks must go on.”\n\n"
    "“Nor will we,” said Foreign Minister Ana Duarte, who added that a ceasefire was close.",
    "According to two officials familiar with the talks, the delegations met in Geneva. The "
    "ministry was quoted by the state news agency as saying the meeting was “constructive.”",
    "The possibility of new sanctions was raised by the prime minister, who warned that "
    "patience was running out. Aides denied the claim, calling it “pure invention.”",
    "Moderator: Will the border reopen?\nMinister Kaya: Not this year.\n"
    "Moderator: Why not?\nMinister Kaya: The conditions are not there yet.",
    "Diplomats reportedly expect a deal by Friday, though the reports could not be confirmed.",
]


def _source_module() -> ModuleType:
    """The attribution finder run from its Python source, under a name of its own."""
    name = "communique_quotes_source"
    path = Path(quotes.__file__).with_name("quotes.py")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def _compare(texts: list[str]) -> int:
    """Asserts that the compiled finder and its source find the same attributions in
    `texts`; returns the number of direct quotes found."""
    if quotes.__file__ is None or quotes.__file__.endswith(".py"):
        pytest.skip("communique.quotes runs from its source here: the build compiled nothing")
    from communique.nlp import load_model

    source = _source_module()
    nlp = load_model()
    found = 0
    for text in texts:
        sdoc = nlp(text)
        compiled = quotes.AttributionFinder(sdoc, (), text)
        reference = source.AttributionFinder(sdoc, (), text)
        assert [repr(a) for a in compiled.find()] == [repr(a) for a in reference.find()]
        direct = [repr(a) for a in quotes.AttributionFinder(sdoc, (), text).find_direct()]
        assert direct == [repr(a) for a in source.AttributionFinder(sdoc, (), text).find_direct()]
        found += len(direct)
    return found


@pytest.mark.model
def test_compiled_finder_gives_what_its_source_gives() -> None:
    found = _compare([*TEXTS, EXAMPLE.read_text(encoding="utf-8")])
    assert found >= 4  # the texts hold direct quotes, so the comparison compared something


@pytest.mark.model
@pytest.mark.shared
def test_compiled_finder_gives_what_its_source_gives_on_news(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "polnear_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line, _ in zip(lines, range(40), strict=False)]
    assert _compare(texts) >= 40


def _touch(path: Path, mtime: float) -> None:
    path.write_text("", encoding="utf-8")
    os.utime(path, (mtime, mtime))


def test_a_compiled_module_older_than_its_source_is_stale(tmp_path: Path) -> None:
    suffix = EXTENSION_SUFFIXES[0]
    _touch(tmp_path / "quotes.py", 1_000)
    assert stale_builds(tmp_path, ["quotes"]) == []  # nothing compiled: nothing stale
    _touch(tmp_path / f"quotes{suffix}", 2_000)
    assert stale_builds(tmp_path, ["quotes"]) == []  # built after the last edit
    _touch(tmp_path / "quotes.py", 3_000)
    assert stale_builds(tmp_path, ["quotes", "other"]) == ["quotes"]


def test_the_package_runs_the_newest_code() -> None:
    here = Path(communique.__file__).parent
    stale = stale_builds(here, communique.NATIVE_MODULES)
    # a stale build is replaced by the source at import; a fresh one (or none) is used as is
    assert quotes.__file__ is not None
    assert quotes.__file__.endswith(".py") or "quotes" not in stale
    assert communique.quotes is quotes

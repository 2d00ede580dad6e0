"""The corpus store through the real console script: ingest, resume, queries, exports."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.corpus.engagements import EventRow
from tests.conftest import ROOT
from tests.corpus.rows import talks_row

CLI = str(Path(sys.executable).parent / "communique")
DATA = Path(__file__).resolve().parent / "data"
#: Times the kill test interrupts an ingest before letting it finish.
KILLS = 20


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def dump(db: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every row of every table but SQLite's own, in a fixed order."""
    conn = sqlite3.connect(db)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%fts_%' ORDER BY name"
        )
    ]
    out = [(t, sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)) for t in tables]
    conn.close()
    return out


@pytest.fixture(scope="session")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Stored analyses of the project's follow-up articles, analysed once."""
    out = tmp_path_factory.mktemp("analyses") / "followups.analysis.jsonl"
    done = run("analyze", str(DATA / "followups.jsonl"), "--format", "jsonl", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def many_analyses(analyses: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Many distinct stored analyses (the follow-ups under new ids), for the kill test."""
    records = [json.loads(line) for line in analyses.read_text(encoding="utf-8").splitlines()]
    out = tmp_path_factory.mktemp("many") / "many.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for i in range(300):
            r = json.loads(json.dumps(records[i % len(records)]))
            r["article"]["id"] = f"copy-{i:03d}"
            r["article"]["outlet"] = f"outlet{i % 17}.example"
            fh.write(json.dumps(r) + "\n")
    return out


def test_ingest_is_idempotent_and_reports_bad_items(analyses: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema": "communique.analysis/1", "article": {}}\nnot json\n', "utf-8")
    db = tmp_path / "s.db"
    first = run("ingest", str(analyses), str(bad), str(tmp_path / "missing.txt"), "--db", str(db))
    assert first.returncode == 1
    assert "[E107]" in first.stderr and "[E006]" in first.stderr and "[E001]" in first.stderr
    assert "Traceback" not in first.stderr
    assert "2 stored" in first.stderr
    before = dump(db)
    again = run("ingest", str(analyses), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "0 stored" in again.stderr and "2 already stored" in again.stderr
    assert dump(db) == before


def test_kill_nine_then_resume_gives_the_clean_result(many_analyses: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.db"
    started = time.perf_counter()
    assert run("ingest", str(many_analyses), "--db", str(clean)).returncode == 0
    seconds = time.perf_counter() - started
    killed = tmp_path / "killed.db"
    rng = random.Random(7)
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [CLI, "ingest", str(many_analyses), "--db", str(killed)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.0, seconds))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finish = run("ingest", str(many_analyses), "--db", str(killed))
    assert finish.returncode == 0, finish.stderr
    assert dump(killed) == dump(clean)


def test_planned_meeting_moves_to_occurred(analyses: Path, seed_text: str, tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    db = tmp_path / "s.db"
    stored = run("ingest", str(seed), "--published", "2025-02-23", "--db", str(db))
    assert stored.returncode == 0, stored.stderr
    before = json.loads(
        run(
            "engagements",
            "--country",
            "RUS",
            "--country",
            "USA",
            "--db",
            str(db),
            "--format",
            "json",
        ).stdout
    )
    assert "planned" in {g["status"] for g in before}
    assert run("ingest", str(analyses), "--db", str(db)).returncode == 0
    after = json.loads(
        run(
            "engagements",
            "--country",
            "RUS",
            "--country",
            "USA",
            "--db",
            str(db),
            "--format",
            "json",
        ).stdout
    )
    moved = [
        g
        for g in after
        if [s["status"] for s in g["lifecycle"]][:1] == ["planned"] and g["status"] == "occurred"
    ]
    assert moved, after
    g = moved[0]
    assert g["when"]["start"] == "2025-02-27"
    assert g["sources"]["articles"] == 3
    assert g["verification"] == "corroborated"
    held = [g for g in after if g["when"]["start"] == "2025-02-18"]
    assert held and held[0]["status"] == "occurred" and held[0]["id"] != g["id"]
    timeline = run("timeline", "--country", "RUS", "--country", "USA", "--db", str(db))
    assert timeline.returncode == 0 and "2025-02-27" in timeline.stdout


def test_queries_formats_and_exports(analyses: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run("ingest", str(analyses), "--db", str(db)).returncode == 0
    events = json.loads(
        run(
            "events",
            "--db",
            str(db),
            "--format",
            "json",
            "--country",
            "RUS",
            "--status",
            "occurred",
        ).stdout
    )
    assert events and all("RUS" in e["countries"] and e["status"] == "occurred" for e in events)
    none = json.loads(
        run("events", "--db", str(db), "--format", "json", "--since", "2030-01-01").stdout
    )
    assert none == []
    csv_out = run("engagements", "--db", str(db), "--format", "csv").stdout
    assert {"id", "type", "status", "countries", "when_start"} <= set(
        csv_out.splitlines()[0].split(",")
    )
    hits = json.loads(run("search", "Istanbul", "--db", str(db), "--format", "json").stdout)
    assert {h["article"] for h in hits} == {"fu-1", "fu-2"}
    # The table shows each snippet around its marked match, the marks as written.
    assert "[Istanbul]" in run("search", "Istanbul", "--db", str(db)).stdout
    best = run("search", "Istanbul", "--order", "best", "--db", str(db), "--format", "jsonl")
    assert sorted(json.loads(line)["article"] for line in best.stdout.splitlines()) == sorted(
        h["article"] for h in hits
    )
    ics = run("export", "--format", "ics", "--db", str(db))
    assert ics.returncode == 0 and "BEGIN:VCALENDAR" in ics.stdout
    parquet = tmp_path / "g.parquet"
    assert run("export", "--format", "parquet", "-o", str(parquet), "--db", str(db)).returncode == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows >= 1


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["engagements", "--country", "RU"], "[E105]"),
        (["events", "--since", "yesterday"], "[E005]"),
        (["events", "--status", "maybe"], "[E104]"),
        (["search", "Istanbul AND"], "[E108]"),
        (["search", "Istanbul", "--order", "sideways"], "[E104]"),
        (["export", "--format", "parquet"], "[E109]"),
        (["engagements", "--format", "xml"], "[E010]"),
    ],
)
def test_bad_options_give_one_coded_line(
    args: list[str], code: str, analyses: Path, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    run("ingest", str(analyses), "--db", str(db))
    done = run(*args, "--db", str(db))
    assert done.returncode != 0
    assert code in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    done = run("engagements", "--db", str(tmp_path / "none.db"))
    assert done.returncode == 1 and "[E101]" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_python_api(analyses: Path, tmp_path: Path) -> None:
    import communique

    with communique.open(str(tmp_path / "api.db")) as store:
        report = store.ingest([str(analyses)])
        assert sorted(report.stored) == ["fu-1", "fu-2"]
        found = store.engagements(country=["RUS", "USA"])
        assert found and all({"RUS", "USA"} <= set(g["countries"]) for g in found)
    assert ROOT.exists()


def test_a_replaced_article_leaves_no_text_or_countries_behind(
    analyses: Path, tmp_path: Path
) -> None:
    import communique

    records = [json.loads(line) for line in analyses.read_text(encoding="utf-8").splitlines()]
    changed = json.loads(json.dumps(records[0]))
    changed["article"]["text"] = changed["article"]["text"].replace("Istanbul", "Izmir")
    changed["events"] = []
    revised = tmp_path / "revised.jsonl"
    revised.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    db = tmp_path / "r.db"
    with communique.open(str(db)) as store:
        store.ingest([str(analyses)])
        assert store.ingest([str(revised)]).replaced == [changed["article"]["id"]]
        hits = store.search("Istanbul")
        assert changed["article"]["id"] not in {
            h["article"] for h in hits if h["kind"] == "article"
        }
        assert {h["article"] for h in store.search("Izmir")} == {changed["article"]["id"]}
    conn = sqlite3.connect(db)
    try:
        left = conn.execute(
            "SELECT count(*) FROM article_countries c JOIN articles a ON a.seq = c.article"
            " WHERE a.id = ?",
            (changed["article"]["id"],),
        ).fetchone()[0]
        texts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    finally:
        conn.close()
    assert left == 0 and texts == len(records)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/world/2024/03/07/talks-resume", "2024-03-07"),
        ("https://news.example/a/2024/0307/c123-456.html", "2024-03-07"),
        ("https://news.example/story-2024-03-07?ref=rss", "2024-03-07"),
        ("https://news.example/view/202403071530", "2024-03-07"),
        ("https://news.example/news/20243107", None),  # no such month
        ("https://news.example/article/27607/talks", None),
        (None, None),
    ],
)
def test_publication_date_read_from_the_address(url: str | None, day: str | None) -> None:
    from communique.corpus.engagements import url_date

    assert url_date(url) == day


def _record(text: str, timexes: list[tuple[str, str]], url: str | None = None) -> dict:
    spans = [
        {
            "text": t,
            "start": text.index(t),
            "end": text.index(t) + len(t),
            "type": "DATE",
            "value": v,
        }
        for t, v in timexes
    ]
    return {"article": {"text": text, "url": url, "published": None}, "timexes": spans}


def test_report_date_from_dateline_address_or_latest_day() -> None:
    from communique.corpus.engagements import reference_date

    dateline = "Lima, 4 March 2024 - Ministers met on 1 March 2024 and agreed to meet again."
    record = _record(dateline, [("4 March 2024", "2024-03-04"), ("1 March 2024", "2024-03-01")])
    assert reference_date(record) == "2024-03-04"
    # A date inside a caption near the top is not the report's when a later day is named.
    caption = (
        "A photograph taken on 1 February 2024 shows the two ministers.\n"
        "The ministers met in Lima, the foreign ministry said on 4 March 2024."
    )
    record = _record(caption, [("1 February 2024", "2024-02-01"), ("4 March 2024", "2024-03-04")])
    assert reference_date(record) == "2024-03-04"
    record["timexes"] = record["timexes"][:1] + [
        {"text": "x", "start": 400, "end": 401, "type": "DATE", "value": "2024-03-06"}
    ]
    assert reference_date(record) is None
    # The address outranks the text.
    record["article"]["url"] = "https://news.example/2024/03/05/ministers-meet"
    assert reference_date(record) == "2024-03-05"


def test_relative_time_read_from_the_report_date() -> None:
    from communique.corpus.engagements import resolve_when

    when = {"text": "late last week", "start": None, "end": None}
    # Reported on Tuesday 10 June 2025: last week ran from 2 to 8 June.
    assert resolve_when(when, [], "2025-06-10", "occurred") == ("2025-06-02", "2025-06-08")
    assert resolve_when({"text": None}, [], "2025-06-10", "occurred") == (None, None)


def _row(seq: int, mode: str | None, countries: set[str], day: str) -> EventRow:
    return talks_row(
        seq,
        countries,
        day,
        mode=mode,
        location_text="Lima",
        location_country="PER",
        location_kind="place",
        as_of="2024-05-01",
    )


def test_visit_links_only_with_reports_of_the_same_parties() -> None:
    from communique.corpus.engagements import link

    rows = [
        _row(1, "multilateral", {"BOL", "CHL", "PER"}, "2024-05-07"),
        _row(2, "visit", {"BOL", "PER"}, "2024-05-07"),
        _row(3, "visit", {"BOL", "PER"}, "2024-05-07"),
        _row(4, None, {"BOL", "CHL", "PER"}, "2024-05-07"),
    ]
    groups = sorted(sorted(m.seq for m in g.members) for g in link(rows))
    assert groups == [[1, 4], [2, 3]]


def test_weekday_of_a_denial_is_the_nearer_one() -> None:
    from communique.corpus.engagements import resolve_when

    sunday = [{"text": "Sunday", "value": "XXXX-WXX-7"}]
    when = {"text": "Sunday", "start": None, "end": None}
    # Reported on Monday 19 May 2025: the Sunday denied is the day before.
    assert resolve_when(when, sunday, "2025-05-19", "denied") == ("2025-05-18", "2025-05-18")
    assert resolve_when(when, sunday, "2025-05-19", "planned") == ("2025-05-25", "2025-05-25")


def test_denial_after_every_claim_sets_the_status() -> None:
    from dataclasses import replace

    from communique.corpus.engagements import engagement_status

    plan = replace(_row(1, None, {"BOL", "PER"}, "2024-05-07"), as_of="2024-05-01")
    denial = replace(plan, seq=2, status="denied", countries=frozenset({"PER"}), as_of="2024-05-03")
    assert engagement_status([plan, denial]) == "denied"
    later_plan = replace(plan, seq=3, as_of="2024-05-04")
    assert engagement_status([plan, denial, later_plan]) == "planned"
    held = replace(plan, seq=4, status="occurred", as_of="2024-05-02")
    assert engagement_status([plan, held, denial]) == "occurred"


def test_undated_report_joins_the_latest_happening_it_can_be() -> None:
    from dataclasses import replace

    from communique.corpus.engagements import link

    first = replace(_row(1, None, {"BOL", "PER"}, "2024-04-10"), status="occurred")
    second = replace(_row(2, None, {"BOL", "PER"}, "2024-05-07"), status="occurred")
    second = replace(second, location_text="Quito", location_country="ECU")
    undated = replace(
        _row(3, None, {"BOL", "PER"}, "2024-05-07"),
        status="occurred",
        start=None,
        end=None,
        as_of="2024-05-08",
        location_kind=None,
        location_country=None,
        location_text=None,
    )
    groups = sorted(sorted(m.seq for m in g.members) for g in link([first, second, undated]))
    assert groups == [[1], [2, 3]]


def test_held_event_cannot_postdate_its_report() -> None:
    from communique.corpus.engagements import held_before_report

    march = ("2026-03-01", "2026-03-31")
    assert held_before_report(*march, "in March", "2025-08-06", "occurred") == (
        "2025-03-01",
        "2025-03-31",
    )
    assert held_before_report(*march, "in March", "2025-08-06", "planned") == march
    assert held_before_report(*march, "in March 2026", "2025-08-06", "occurred") == march

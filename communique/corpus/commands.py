"""Corpus commands of the command line (ingest, queries, exports), registered on the main app.

Each command is a thin wrapper over `communique.corpus.store.Corpus`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from communique.errors import CommuniqueError, Errors
from communique.progress import progress_bar

#: Output formats of the query commands.
QUERY_FORMATS = ("table", "json", "jsonl", "csv")
#: Widest a text column gets in table output.
TABLE_TEXT_WIDTH = 60

err_console = Console(stderr=True)

DbOption = Annotated[
    Path, typer.Option("--db", help="The corpus store (SQLite file).", show_default=True)
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option("--country", help="ISO3 country that takes part; repeat: all must take part."),
]
SinceOption = Annotated[str | None, typer.Option("--since", help="On or after YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="On or before YYYY-MM-DD.")]
StatusOption = Annotated[str | None, typer.Option("--status", help="Event status, e.g. planned.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")]
SpeakerOption = Annotated[str | None, typer.Option("--speaker", help="Speaker's resolved name.")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Outlet, e.g. reuters.com.")]
LimitOption = Annotated[int, typer.Option("--limit", help="Most rows to show (0: all).")]
QueryFormat = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table, json, jsonl or csv.")
]


def _fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _open(db: Path, create: bool = False) -> Any:
    from communique.corpus.store import Corpus

    try:
        return Corpus(db, create=create)
    except CommuniqueError as err:
        raise _fail(err.message) from None


def _fetch(
    db: Path,
    fmt: str,
    query: Callable[[Any, dict[str, Any]], list[dict[str, Any]]],
    filters: dict[str, Any],
) -> list[dict[str, Any]]:
    """Check the output format, then run a query on the store with the given filters."""
    _check_format(fmt, QUERY_FORMATS)
    with _open(db) as corpus:
        return _run_query(lambda: query(corpus, filters))


def _filters(
    country: list[str] | None,
    since: str | None,
    until: str | None,
    status: str | None,
    type_: str | None,
    speaker: str | None,
    outlet: str | None,
    limit: int,
) -> dict[str, Any]:
    return {
        "country": country or [],
        "since": since,
        "until": until,
        "status": status,
        "type": type_,
        "speaker": speaker,
        "outlet": outlet,
        "limit": limit or None,
    }


def _check_format(fmt: str, choices: tuple[str, ...]) -> None:
    if fmt not in choices:
        raise _fail(Errors.E010.format(value=fmt, choices=", ".join(choices)), code=2)


def _run_query(fn: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    try:
        return fn()
    except CommuniqueError as err:
        raise _fail(err.message) from None


def _short(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    if len(text) <= TABLE_TEXT_WIDTH:
        return text
    # A snippet is shown from a little before its first marked match.
    mark = text.find("[")
    if mark > TABLE_TEXT_WIDTH // 3:
        text = "…" + text[mark - TABLE_TEXT_WIDTH // 6 :]
    return text if len(text) <= TABLE_TEXT_WIDTH else text[: TABLE_TEXT_WIDTH - 1] + "…"


def _print(records: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    """Print records as a table (chosen columns) or in full as JSON, JSON Lines or CSV."""
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        from communique.corpus.export import columns_of, to_csv

        to_csv(records, out, columns_of(records))
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table(*columns, show_lines=False)
        for r in records:
            # Text cells are printed as they are: "[word]" in a snippet is not markup.
            table.add_row(*(Text(_short(_pick(r, c))) for c in columns))
        Console(width=200).print(table)


def _pick(record: dict[str, Any], column: str) -> Any:
    value: Any = record
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


#: The listing commands: name (also the store method), help, and table columns.
LISTINGS = (
    (
        "engagements",
        "Engagements linked across articles, with status, lifecycle and sources.",
        (
            "id",
            "type",
            "countries",
            "status",
            "when.start",
            "when.end",
            "location.text",
            "sources.independent_origins",
            "verification",
        ),
    ),
    (
        "events",
        "Events as stored from each article.",
        (
            "article",
            "event",
            "type",
            "status",
            "countries",
            "when_start",
            "location_text",
            "speaker",
            "engagement",
        ),
    ),
    (
        "statements",
        "Statements with their speakers, channels and relays.",
        ("article", "statement", "speaker", "date", "outlet", "content"),
    ),
)


def _register_listing(app: typer.Typer, name: str, doc: str, columns: tuple[str, ...]) -> None:
    """One listing command: the store method of that name, with the common filters."""

    def listing(
        db: DbOption = Path("communique.db"),
        country: CountryOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        status: StatusOption = None,
        type_: TypeOption = None,
        speaker: SpeakerOption = None,
        outlet: OutletOption = None,
        limit: LimitOption = 100,
        fmt: QueryFormat = "table",
    ) -> None:
        filters = _filters(country, since, until, status, type_, speaker, outlet, limit)
        records = _fetch(db, fmt, lambda c, f: getattr(c, name)(**f), filters)
        _print(records, fmt, list(columns))

    listing.__doc__ = doc
    app.command(name)(listing)


def _undated_articles(corpus: Any) -> int:
    """Stored articles with events but no date to place them in time (none was linked)."""
    rows = corpus.db.query(
        "SELECT COUNT(*) AS n FROM articles a WHERE a.published IS NULL"
        " AND EXISTS (SELECT 1 FROM events e WHERE e.article = a.id)"
        " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.article = a.id"
        " AND e.engagement IS NOT NULL)"
    )
    return int(rows[0]["n"]) if rows else 0


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the `communique` command line."""

    @app.command()
    def ingest(
        paths: Annotated[
            list[str],
            typer.Argument(help="Articles (text, HTML, JSON, JSON Lines) or stored analyses."),
        ],
        db: DbOption = Path("communique.db"),
        published: Annotated[
            str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the input's).")
        ] = None,
        outlet: Annotated[str | None, typer.Option(help="Outlet name (overrides).")] = None,
    ) -> None:
        """Analyse and store articles; rerun to resume, stored articles are skipped."""
        from communique.readers import Overrides, normalise_date

        try:
            if published is not None:
                normalise_date(published, "--published")
        except CommuniqueError as err:
            raise _fail(err.message) from None
        corpus = _open(db, create=True)
        try:
            with progress_bar(err_console, "ingest") as ticker:
                report = corpus.ingest(
                    paths,
                    Overrides(published=published, outlet=outlet),
                    progress=ticker.advance,
                    on_total=ticker.set_total,
                )
            undated = _undated_articles(corpus)
        except CommuniqueError as err:
            raise _fail(err.message) from None
        finally:
            corpus.close()
        for source, message in report.skipped:
            err_console.print(
                f"skipped {source}: {message}", markup=False, highlight=False, soft_wrap=True
            )
        err_console.print(
            f"{len(report.stored)} stored, {len(report.replaced)} replaced,"
            f" {len(report.unchanged)} already stored, {len(report.skipped)} skipped;"
            f" {report.engagements} engagements",
            highlight=False,
        )
        if undated:
            err_console.print(
                f"{undated} stored article(s) without a publication date: their events are"
                " not linked into engagements (give --published)",
                highlight=False,
            )
        if report.skipped:
            raise typer.Exit(1)

    for name, doc, columns in LISTINGS:
        _register_listing(app, name, doc, columns)

    @app.command()
    def search(
        text: Annotated[str, typer.Argument(help="Full-text query (SQLite FTS5 syntax).")],
        db: DbOption = Path("communique.db"),
        country: CountryOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        status: StatusOption = None,
        type_: TypeOption = None,
        speaker: SpeakerOption = None,
        outlet: OutletOption = None,
        limit: LimitOption = 100,
        order: Annotated[
            str, typer.Option(help="newest (by date) or best (by text rank) first.")
        ] = "newest",
        fmt: QueryFormat = "table",
    ) -> None:
        """Articles, then statements, matching a full-text query."""
        filters = _filters(country, since, until, status, type_, speaker, outlet, limit)
        records = _fetch(db, fmt, lambda c, f: c.search(text, order, **f), filters)
        _print(records, fmt, ["kind", "article", "statement", "outlet", "published", "snippet"])

    @app.command()
    def timeline(
        db: DbOption = Path("communique.db"),
        country: CountryOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        status: StatusOption = None,
        type_: TypeOption = None,
        speaker: SpeakerOption = None,
        outlet: OutletOption = None,
        limit: LimitOption = 0,
        fmt: QueryFormat = "table",
    ) -> None:
        """Engagements in time order, each with its lifecycle."""
        filters = _filters(country, since, until, status, type_, speaker, outlet, limit)
        records = _fetch(db, fmt, lambda c, f: c.timeline(**f), filters)
        if fmt != "table":
            _print(records, fmt, [])
            return
        for g in records:
            when = g["when"]
            span = when["start"] or "undated"
            if when["end"] and when["end"] != when["start"]:
                span += f" to {when['end']}"
            place = g["location"]["text"] or g["location"]["kind"]
            typer.echo(
                f"{span}  {g['type']} {'-'.join(g['countries'])} at {_short(place)}:"
                f" {g['status']} ({g['verification']}, {g['sources']['independent_origins']}"
                f" independent origins) [{g['id']}]"
            )
            for step in g["lifecycle"]:
                typer.echo(f"    {step['as_of'] or '?':10}  {step['status']:10} {step['article']}")

    @app.command()
    def export(
        fmt: Annotated[
            str, typer.Option("--format", "-f", help="jsonl, csv, parquet or ics.")
        ] = "jsonl",
        kind: Annotated[
            str, typer.Option("--kind", help="engagements, events or statements.")
        ] = "engagements",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write here (needed for parquet).")
        ] = None,
        db: DbOption = Path("communique.db"),
    ) -> None:
        """Export engagements (or events, statements); ICS holds the planned engagements."""
        from communique.corpus.export import EXPORT_FORMATS, EXPORT_KINDS

        _check_format(fmt, EXPORT_FORMATS)
        if kind not in EXPORT_KINDS:
            raise _fail(
                Errors.E104.format(option="--kind", value=kind, choices=", ".join(EXPORT_KINDS)),
                code=2,
            )
        if fmt == "parquet" and output is None:
            raise _fail(Errors.E109.value, code=2)
        with _open(db) as corpus:
            try:
                if fmt == "parquet":
                    n = corpus.export(fmt, str(output), kind)
                elif output is None:
                    n = corpus.export(fmt, sys.stdout, kind)
                else:
                    with output.open("w", encoding="utf-8", newline="") as fh:
                        n = corpus.export(fmt, fh, kind)
            except OSError as err:
                raise _fail(Errors.E106.format(path=str(output), detail=err.strerror)) from None
            except CommuniqueError as err:
                raise _fail(err.message) from None
        err_console.print(
            f"{n} {kind if fmt != 'ics' else 'engagements'} exported", highlight=False
        )


__all__ = ["register"]

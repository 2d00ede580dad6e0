"""Command-line interface: a thin layer over the library API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console

from communique import __version__
from communique.errors import CommuniqueError, Errors
from communique.progress import progress_bar

if TYPE_CHECKING:
    from communique.document import Document
    from communique.pipeline import Failure

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn diplomatic news into a verifiable record of events and claims.",
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)

FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output format: json, jsonl or text.")
]


def fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"error: {message}", markup=False, highlight=False)
    return typer.Exit(code)


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        fh = path.open("w", encoding="utf-8")
    except OSError as err:
        raise fail(Errors.E008.format(path=str(path), detail=err.strerror)) from None
    with fh:
        yield fh


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True)
    ] = False,
) -> None:
    """communique command line."""


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Article files (text, HTML, JSON, JSON Lines) or '-'.")
    ],
    fmt: FormatOption = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the input's).")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name (overrides).")] = None,
    url: Annotated[str | None, typer.Option(help="Article address (overrides).")] = None,
    title: Annotated[str | None, typer.Option(help="Article title (overrides).")] = None,
) -> None:
    """Analyse articles and print one record per article, in input order."""
    from communique.output import FORMATS, render_text, to_json
    from communique.pipeline import Failure, default_pipeline
    from communique.readers import Overrides, normalise_date, read_path

    if fmt not in FORMATS:
        raise fail(Errors.E010.format(value=fmt, choices=", ".join(FORMATS)), code=2)
    try:
        if published is not None:
            normalise_date(published, "--published")
        pipeline = default_pipeline()
    except CommuniqueError as err:
        raise fail(err.message) from None
    overrides = Overrides(published=published, outlet=outlet, url=url, title=title)

    def inputs() -> Iterator[Document | Failure]:
        for path in paths:
            try:
                yield from read_path(path, overrides)
            except CommuniqueError as err:
                yield Failure(path, err.message)

    failures: list[Failure] = []
    done = 0
    with open_output(output) as out:
        console = Console(file=out, width=160) if fmt == "text" else None
        items = list(inputs())
        docs = [d for d in items if not isinstance(d, Failure)]
        failures.extend(d for d in items if isinstance(d, Failure))
        several = len(items) > 1
        for result in _with_progress(pipeline.run(docs), len(docs)):
            if isinstance(result, Failure):
                failures.append(result)
                continue
            done += 1
            if fmt == "text" and console is not None:
                render_text(result, console)
            elif fmt == "jsonl" or several:
                out.write(to_json(result, indent=None) + "\n")
            else:
                out.write(to_json(result) + "\n")
    for f in failures:
        prefix = "error" if len(items) == 1 else f"skipped {f.source}"
        err_console.print(f"{prefix}: {f.message}", markup=False, highlight=False)
    if failures:
        if done:
            err_console.print(f"{done} analysed, {len(failures)} skipped", highlight=False)
        raise typer.Exit(1)


def _with_progress(
    results: Iterator[Document | Failure], total: int
) -> Iterator[Document | Failure]:
    """Yield results, with a progress bar (rate and time left) on a terminal for long batches."""
    with progress_bar(err_console, "analyse", total) as ticker:
        for result in results:
            ticker.advance(1)
            yield result


@app.command()
def actor(
    name: Annotated[str | None, typer.Argument(help="A name or title to resolve.")] = None,
    date: Annotated[
        str | None, typer.Option(help="Date YYYY-MM-DD at which offices are looked up.")
    ] = None,
    fmt: FormatOption = "text",
    batch: Annotated[
        str | None,
        typer.Option(help='JSON Lines of {"name", "date"} to resolve in order (\'-\': stdin).'),
    ] = None,
) -> None:
    """Resolve a name or title to its actor: name, type, country, sector, role."""
    from communique.actors import resolve_actor
    from communique.readers import normalise_date

    if batch is not None:
        _actor_batch(batch)
        return
    if not name:
        raise fail("give a NAME or --batch FILE", code=2)
    try:
        day = normalise_date(date, "--date")
        result = resolve_actor(name, date=day)
    except CommuniqueError as err:
        raise fail(err.message) from None
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        for key in ("name", "type", "country", "sector", "role"):
            typer.echo(f"{key:8} {result.get(key) if result.get(key) is not None else '-'}")


def _actor_batch(batch: str) -> None:
    from communique.actors import resolve_actor
    from communique.readers import normalise_date

    if batch == "-":
        lines = sys.stdin.read().splitlines()
    else:
        path = Path(batch)
        if not path.exists():
            raise fail(Errors.E001.format(path=batch))
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            raise fail(Errors.E002.format(path=batch)) from None
    bad: list[str] = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{batch}:{lineno}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise CommuniqueError(Errors.E006, source=where, detail=err.msg) from None
            if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
                raise CommuniqueError(Errors.E012, source=where)
            day = normalise_date(obj.get("date"), "date")
            result = resolve_actor(obj["name"], date=day)
        except CommuniqueError as err:
            bad.append(f"skipped {where}: {err.message}")
            typer.echo(json.dumps({"name": None, "error": err.code, "line": lineno}))
            continue
        typer.echo(json.dumps(result, ensure_ascii=False))
    for message in bad:
        err_console.print(message, markup=False, highlight=False)
    if bad:
        raise typer.Exit(1)


def _register_corpus_commands() -> None:
    from communique.corpus.commands import register

    register(app)


_register_corpus_commands()


def main() -> None:
    """Console entry point: coded one-line errors, never a traceback."""
    try:
        app()
    except CommuniqueError as err:
        err_console.print(f"error: {err.message}", markup=False, highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)

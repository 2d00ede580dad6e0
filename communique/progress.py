"""A progress bar with rate and time left, shown on a terminal for batches long enough
to need one (piped output and short runs stay quiet)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console

#: A batch shorter than this shows no bar.
PROGRESS_MIN_ITEMS = 3


@dataclass(frozen=True)
class Ticker:
    """Callbacks that drive a bar: the number of items once known, and items done."""

    set_total: Callable[[int], None]
    advance: Callable[[int], None]


_QUIET = Ticker(set_total=lambda n: None, advance=lambda n: None)


@contextmanager
def progress_bar(console: Console, label: str, total: int = 0) -> Iterator[Ticker]:
    """A bar on `console` (a no-op off a terminal); `total` 0 means not known yet."""
    if not console.is_terminal or 0 < total < PROGRESS_MIN_ITEMS:
        yield _QUIET
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:.1f} articles/s" if task.speed else "")

    columns = (BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total or None)

        def set_total(n: int) -> None:
            bar.update(task, total=n, visible=n >= PROGRESS_MIN_ITEMS)

        yield Ticker(set_total=set_total, advance=lambda n: bar.advance(task, n))

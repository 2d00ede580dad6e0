"""The stage registry and the pipeline that drives the stages over documents.

Each stage is a callable object with a versioned name, the document parts it
requires and the parts it assigns. Stages run in the configured order; the parse
stage works on batches so that spaCy's `nlp.pipe` sees many texts at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from communique.document import Document
from communique.errors import CommuniqueError, Errors


class Stage(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, doc: Document) -> Document: ...


class BatchStage(Stage, Protocol):
    def pipe(self, docs: list[Document]) -> list[Document]: ...


_REGISTRY: dict[str, Callable[[], Stage]] = {}

#: The default order of the analysis, by registered stage name.
DEFAULT_STAGES = (
    "communique.clean.v1",
    "communique.segment.v1",
    "communique.parse.v1",
    "communique.entities.v1",
    "communique.coref.v1",
    "communique.time.v1",
    "communique.statements.v1",
    "communique.events.v1",
    "communique.provenance.v1",
    "communique.quality.v1",
)

#: Documents handed to the parser at once.
BATCH_SIZE = 16


def register(name: str) -> Callable[[Callable[[], Stage]], Callable[[], Stage]]:
    """Register a stage factory under a versioned name."""

    def wrap(factory: Callable[[], Stage]) -> Callable[[], Stage]:
        _REGISTRY[name] = factory
        return factory

    return wrap


def _load_stage_modules() -> None:
    from communique import (  # noqa: F401
        clean,
        coref,
        entities,
        events,
        parse,
        provenance,
        quality,
        segment,
        statements,
        temporal,
    )


def create_stage(name: str) -> Stage:
    _load_stage_modules()
    if name not in _REGISTRY:
        raise CommuniqueError(Errors.E013, name=name, choices=", ".join(sorted(_REGISTRY)))
    return _REGISTRY[name]()


@dataclass
class Failure:
    """A document that could not be analysed, with the reason as a one-line message."""

    source: str
    message: str


class Pipeline:
    """Runs the configured stages over documents, keeping their order."""

    def __init__(self, stage_names: Iterable[str] = DEFAULT_STAGES) -> None:
        self.stages = [create_stage(n) for n in stage_names]
        #: Seconds spent in each stage since the pipeline was built (for benchmarks).
        self.timings: dict[str, float] = {s.name: 0.0 for s in self.stages}

    def __call__(self, doc: Document) -> Document:
        result = next(self.run([doc]))
        if isinstance(result, Failure):
            raise CommuniqueError(Errors.E008, path=result.source, detail=result.message)
        return result

    def run(self, docs: Iterable[Document]) -> Iterator[Document | Failure]:
        """Analyse documents in batches; a failure in one never stops the rest."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= BATCH_SIZE:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, docs: list[Document]) -> list[Document | Failure]:
        results: list[Document | Failure] = list(docs)
        for stage in self.stages:
            live = [(i, r) for i, r in enumerate(results) if isinstance(r, Document)]
            if not live:
                break
            started = time.perf_counter()
            self._run_stage(stage, live, results)
            self.timings[stage.name] += time.perf_counter() - started
        return results

    @staticmethod
    def _run_stage(
        stage: Stage, live: list[tuple[int, Document]], results: list[Document | Failure]
    ) -> None:
        """Run one stage over the live documents, turning coded errors into failures."""
        pipe = getattr(stage, "pipe", None)
        if pipe is not None:
            try:
                out = pipe([d for _, d in live])
            except CommuniqueError as err:
                for i, d in live:
                    results[i] = Failure(d.article.id, err.message)
                return
            for (i, _), d in zip(live, out, strict=True):
                d.stages[stage.name] = stage.version
                results[i] = d
            return
        for i, d in live:
            try:
                results[i] = stage(d)
                d.stages[stage.name] = stage.version
            except CommuniqueError as err:
                results[i] = Failure(d.article.id, err.message)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT

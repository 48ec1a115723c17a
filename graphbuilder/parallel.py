"""Multi-process build: worker processes load the model once, extract documents and write their RDF,
and send each document's graph back as N-Quads, in input order, with only a few batches in flight."""
from __future__ import annotations

import threading
from collections import deque
from functools import lru_cache
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from .model import Document

Outcome = tuple[str, bytes | None, str | None]  # (document name, its graph as N-Quads, or why it failed)
OnFailure = Callable[[str, str], None]
IN_FLIGHT_PER_WORKER = 2  # batches submitted ahead per worker: keeps workers busy, memory bounded
_MODEL_LOCK = threading.Lock()  # a worker's model and writer serve one batch at a time


@lru_cache(maxsize=None)
def worker_state(lang: str):  # -> tuple[Pipeline, GraphWriter]
    """This process's pipeline and RDF writer, loaded on first use and kept for the process's life."""
    from .nlp import model_version
    from .pipeline import Pipeline
    from .rdf import GraphWriter

    return Pipeline(lang), GraphWriter(model_version(lang))


def extract_batch(documents: list[Document], lang: str, batch_size: int) -> list[Outcome]:
    """Extract a batch in this process and serialize each document's graph as N-Quads (runs in a worker)."""
    from pyoxigraph import RdfFormat, serialize

    from .build import extraction_failure

    outcomes: list[Outcome] = []
    with _MODEL_LOCK:
        pipeline, writer = worker_state(lang)
        for document, extraction in pipeline.process_safe(documents, batch_size=batch_size):
            if isinstance(extraction, Exception):
                outcomes.append((document.name, None, extraction_failure(extraction)))
                continue
            try:
                outcomes.append((document.name, serialize(writer.quads(extraction), format=RdfFormat.N_QUADS), None))
            except Exception as error:  # one bad document must not stop the batch
                outcomes.append((document.name, None, f"RDF generation failed: {type(error).__name__}: {error}"))
    return outcomes


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of `size` documents (the last one shorter), read lazily."""
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def in_order(submit: Callable[[list[Document]], Any], documents: Iterable[Document], batch_size: int,
             in_flight: int, on_failure: OnFailure, on_crash: Callable[[], None] | None = None,
             crash: type[BaseException] = Exception) -> Iterator[tuple[str, Iterator]]:
    """Submit batches (`submit` returns a future) with at most `in_flight` pending; yield (name, graph quads)
    in input order and report failed documents to `on_failure`.

    When waiting for a batch raises `crash` (a worker process died) and `on_crash` is given, `on_crash`
    starts new workers, the batch is redone one document at a time, so that only the document whose
    extraction kills a worker is reported, and the other pending batches are submitted again."""
    from pyoxigraph import RdfFormat, parse

    pending: deque = deque()
    source = batches(documents, batch_size)
    while True:
        while len(pending) < in_flight and (batch := next(source, None)) is not None:
            pending.append((batch, submit(batch)))
        if not pending:
            return
        batch, future = pending.popleft()
        try:
            outcomes = future.result()
        except crash:
            if on_crash is None:
                raise
            on_crash()
            outcomes = _one_by_one(submit, batch, on_crash, crash)
            pending = deque((waiting, submit(waiting)) for waiting, _ in pending)
        for name, data, reason in outcomes:
            if reason is None:
                yield name, parse(data, format=RdfFormat.N_QUADS)
            else:
                on_failure(name, reason)


def _one_by_one(submit: Callable[[list[Document]], Any], batch: list[Document], on_crash: Callable[[], None],
                crash: type[BaseException]) -> list[Outcome]:
    """The outcomes of a batch redone a document at a time; a document that kills its worker fails alone."""
    outcomes: list[Outcome] = []
    for document in batch:
        try:
            outcomes.extend(submit([document]).result())
        except crash:
            on_crash()
            outcomes.append((document.name, None, "the worker process extracting it died (crashed or was "
                                                  "killed, e.g. out of memory); the build went on without it"))
    return outcomes


class _RestartablePool:
    """A spawn-context process pool that can be replaced by a fresh one after a worker dies."""

    def __init__(self, workers: int, lang: str) -> None:
        self.workers, self.lang = workers, lang
        self.executor = self._start()

    def _start(self):  # -> ProcessPoolExecutor
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: workers start clean, untouched by the parent's store threads, and load only what they use
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=worker_state, initargs=(self.lang,))

    def restart(self) -> None:
        """Replace a broken pool by new worker processes."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()


def process_graphs(documents: Iterable[Document], lang: str, workers: int, batch_size: int,
                   on_failure: OnFailure) -> Iterator[tuple[str, Iterator]]:
    """Each document's name and graph quads, in input order, extracted by `workers` worker processes;
    a worker that dies is replaced and costs only the document it was extracting."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _RestartablePool(workers, lang)
    try:
        yield from in_order(lambda batch: pool.executor.submit(extract_batch, batch, lang, batch_size),
                            documents, batch_size, IN_FLIGHT_PER_WORKER * workers, on_failure,
                            on_crash=pool.restart, crash=BrokenProcessPool)
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)

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
             in_flight: int, on_failure: OnFailure) -> Iterator[tuple[str, Iterator]]:
    """Submit batches (`submit` returns a future) with at most `in_flight` pending; yield (name, graph quads)
    in input order and report failed documents to `on_failure`."""
    from pyoxigraph import RdfFormat, parse

    pending: deque = deque()
    source = batches(documents, batch_size)
    while True:
        while len(pending) < in_flight and (batch := next(source, None)) is not None:
            pending.append(submit(batch))
        if not pending:
            return
        for name, data, reason in pending.popleft().result():
            if reason is None:
                yield name, parse(data, format=RdfFormat.N_QUADS)
            else:
                on_failure(name, reason)


def process_graphs(documents: Iterable[Document], lang: str, workers: int, batch_size: int,
                   on_failure: OnFailure) -> Iterator[tuple[str, Iterator]]:
    """Each document's name and graph quads, in input order, extracted by `workers` worker processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: workers start clean, untouched by the parent's store threads, and load only what they use
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=worker_state, initargs=(lang,)) as pool:
        yield from in_order(lambda batch: pool.submit(extract_batch, batch, lang, batch_size),
                            documents, batch_size, IN_FLIGHT_PER_WORKER * workers, on_failure)

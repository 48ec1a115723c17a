"""Build: read inputs, extract each document, write its graph into the store; bad documents are skipped."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .ingest import IngestError, read_inputs
from .model import Document
from .vocab import ACTORS_GRAPH

MAX_CHARS = 1_000_000  # spaCy's nlp.max_length: a longer text makes nlp.pipe raise for the whole build
FLUSH_EVERY = 250  # documents; Oxigraph keeps written data in memory until flushed (bench/memory.py)
WRITES_AHEAD = 8  # documents' graphs waiting for the writer thread at most (bounded memory)


@dataclass
class BuildReport:
    """What a build did: documents built, and documents skipped with the reason."""

    built: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def build(
    inputs: Iterable[str | Path],
    store,
    *,
    lang: str = "fr",
    max_bytes: int = 5_000_000,
    batch_size: int = 16,
    workers: int = 1,
    dask: str | None = None,
    on_document: Callable[[str], None] | None = None,
) -> BuildReport:
    """Extract every readable document of `inputs` into `store` (one transaction per document).

    Extraction runs in this process, in `workers` worker processes, or on the Dask scheduler `dask`
    ("local" or an address); the store is always written here, in input order.
    """
    from .rdf import gazetteer_quads
    from .lang import resources
    from .store import replace_graph

    report = BuildReport()
    replace_graph(store, str(ACTORS_GRAPH), gazetteer_quads(resources(lang).gazetteer, str(ACTORS_GRAPH)))
    items = read_inputs(inputs, max_bytes=max_bytes,
                        on_warning=lambda w: report.warnings.append((w.name, w.reason)))

    def skip(name: str, reason: str) -> None:
        report.skipped.append((name, reason))

    documents = _documents(items, skip)
    if dask:
        from .distributed import dask_graphs

        graphs = dask_graphs(documents, dask, lang, workers, batch_size, skip)
    elif workers > 1:
        from .parallel import process_graphs

        graphs = process_graphs(documents, lang, workers, batch_size, skip)
    else:
        graphs = _local_graphs(documents, lang, batch_size, skip)
    _write_in_order(store, graphs, report, on_document)
    return report


def _write_in_order(store, graphs: Iterable[tuple[str, Iterator]], report: BuildReport,
                    on_document: Callable[[str], None] | None) -> None:
    """Write each document's graph, in input order, from one writer thread: the store's work (which
    releases the GIL) overlaps the extraction of the next documents; at most WRITES_AHEAD wait."""
    from concurrent.futures import ThreadPoolExecutor

    from .store import write_document

    def write(name: str, quads: list) -> None:
        try:
            write_document(store, name, quads)
            report.built.append(name)
            if len(report.built) % FLUSH_EVERY == 0:
                store.flush()
        except Exception as error:  # one bad document must not stop the build
            report.skipped.append((name, f"could not be stored: {error}"))
        if on_document:
            on_document(name)

    pending: deque = deque()
    with ThreadPoolExecutor(1, thread_name_prefix="graphbuilder-writer") as writer:
        for name, quads in graphs:
            pending.append(writer.submit(write, name, list(quads)))
            while len(pending) > WRITES_AHEAD:
                pending.popleft().result()
        while pending:
            pending.popleft().result()


def extraction_failure(error: Exception) -> str:
    """The reason reported for a document whose extraction raised `error`."""
    return f"extraction failed: {type(error).__name__}: {error}"


def _documents(items: Iterable[Document | IngestError], on_failure: Callable[[str, str], None]) -> Iterator[Document]:
    """The readable documents; ingest errors and texts too long for the parser go to `on_failure`."""
    for item in items:
        if isinstance(item, IngestError):
            on_failure(item.name, item.reason)
        elif len(item.text) > MAX_CHARS:
            on_failure(item.name, f"text is {len(item.text):,} characters, over the parser's {MAX_CHARS:,}-character "
                                  "limit: split the article")
        else:
            yield item


def _local_graphs(documents: Iterable[Document], lang: str, batch_size: int,
                  on_failure: Callable[[str, str], None]) -> Iterator[tuple[str, Iterator]]:
    """(name, graph quads) of each document extracted in this process; failed documents go to `on_failure`."""
    from .nlp import model_version
    from .pipeline import Pipeline
    from .rdf import GraphWriter

    pipeline = Pipeline(lang)
    writer = GraphWriter(model_version(lang))
    for document, extraction in pipeline.process_safe(documents, batch_size=batch_size):
        if isinstance(extraction, Exception):
            on_failure(document.name, extraction_failure(extraction))
        else:
            yield document.name, writer.quads(extraction)

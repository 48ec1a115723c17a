"""Build: read inputs, extract each document, write its graph into the store; bad documents are skipped."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .ingest import IngestError, read_inputs
from .model import Document, Extraction
from .vocab import ACTORS_GRAPH


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
    on_document: Callable[[str], None] | None = None,
) -> BuildReport:
    """Extract every readable document of `inputs` into `store` (one transaction per document)."""
    from .nlp import model_version
    from .pipeline import Pipeline
    from .rdf import GraphWriter, gazetteer_quads
    from .lang import resources
    from .store import replace_graph, write_document

    report = BuildReport()
    pipeline = Pipeline(lang)
    writer = GraphWriter(model_version(lang))
    replace_graph(store, str(ACTORS_GRAPH), gazetteer_quads(resources(lang).gazetteer, str(ACTORS_GRAPH)))
    items = read_inputs(inputs, max_bytes=max_bytes,
                        on_warning=lambda w: report.warnings.append((w.name, w.reason)))
    for result in _extract_all(pipeline, items, batch_size, report):
        try:
            write_document(store, result.document.name, writer.quads(result))
            report.built.append(result.document.name)
        except Exception as error:  # one bad document must not stop the build
            report.skipped.append((result.document.name, f"could not be stored: {error}"))
        if on_document:
            on_document(result.document.name)
    return report


def _extract_all(pipeline, items: Iterable[Document | IngestError], batch_size: int,
                 report: BuildReport) -> Iterator[Extraction]:
    """Stream extractions, recording ingest errors and per-document extraction failures."""
    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, IngestError):
                report.skipped.append((item.name, item.reason))
            else:
                yield item

    for document, extraction in pipeline.process_safe(documents(), batch_size=batch_size):
        if isinstance(extraction, Exception):
            report.skipped.append((document.name, f"extraction failed: {type(extraction).__name__}: {extraction}"))
        else:
            yield extraction

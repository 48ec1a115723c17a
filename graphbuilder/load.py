"""Bulk loading of an RDF dump (N-Quads or TriG, e.g. `graphbuilder export --format nquads`) into the store,
split at line boundaries and loaded by several threads, one core each (Oxigraph's bulk loader uses one)."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from pyoxigraph import NamedNode, RdfFormat, Store, parse, serialize

from .store import STORE_VERSION, VERSION_PROP, StoreError
from .vocab import CKG

FORMATS = {".nq": RdfFormat.N_QUADS, ".nquads": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG}
FILE_NAME = f"<{CKG.fileName}> ".encode()
VERSION = f"<{VERSION_PROP.value}> ".encode()
VERSION_VALUE = re.compile(rb'"([^"]*)"')


@dataclass
class LoadReport:
    """What a load put into the store."""

    quads: int = 0
    documents: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)


def load_dump(store: Store, path: Path, workers: int = 2, replace: bool = False) -> LoadReport:
    """Load a dump's quads into the store with `workers` threads; its documents' graphs must be new unless `replace`."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path.name}: cannot load {path.suffix or 'a file without extension'}; "
                         f"give an N-Quads (.nq) or TriG (.trig) dump, as `graphbuilder export` writes")
    try:
        data = path.read_bytes()
        if fmt != RdfFormat.N_QUADS:
            data = serialize(parse(data, format=fmt), format=RdfFormat.N_QUADS)
    except (OSError, SyntaxError) as error:
        raise StoreError(f"{path.name}: {error}") from error
    ours = _check_version(data, path)
    graphs = _document_graphs(data)
    present = [g for g in graphs if store.contains_named_graph(NamedNode(g))]
    if present and not replace:
        raise StoreError(f"{path.name}: {len(present)} of its documents are already in the store (first: {present[0]}); "
                         "load with --replace to drop and reload them, or `graphbuilder remove` them first")
    for graph in present:
        store.remove_graph(NamedNode(graph))
    chunks = _split(data, workers)
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        loads = [pool.submit(store.bulk_load, chunk, format=RdfFormat.N_QUADS, lenient=ours) for chunk in chunks]
        errors = [future.exception() for future in loads]
    error = next((e for e in errors if e is not None), None)
    if error is not None:
        raise StoreError(f"{path.name}: {error}; the store may hold part of this dump: remove its documents "
                         "(`graphbuilder remove`) or load it again with --replace once fixed") from error
    store.flush()
    return LoadReport(quads=data.count(b"\n"), documents=graphs, replaced=present)


def _check_version(data: bytes, path: Path) -> bool:
    """Refuse a dump made by a store of another format version; True if it is stamped with this one.

    A stamped dump was written by graphbuilder from terms the store validated when they were built, so it is
    parsed without validating IRIs and language tags again (about 10 % faster); any other dump is checked."""
    stamped = False
    for line in _lines_with(data, VERSION):
        found = VERSION_VALUE.search(line)
        if found and found.group(1).decode() != STORE_VERSION:
            raise StoreError(f"{path.name}: dumped from a store of format version {found.group(1).decode()}; "
                             f"this graphbuilder reads version {STORE_VERSION}: rebuild from the articles instead")
        stamped = stamped or found is not None
    return stamped


def _document_graphs(data: bytes) -> list[str]:
    """IRIs of the document graphs in N-Quads data: each states its own ckg:fileName (found by a byte search)."""
    graphs = []
    for line in _lines_with(data, FILE_NAME):
        subject = line.split(FILE_NAME, 1)[0].strip()
        if subject.startswith(b"<") and subject.endswith(b">"):
            graphs.append(subject[1:-1].decode())
    return graphs


def _lines_with(data: bytes, needle: bytes) -> Iterator[bytes]:
    """The lines of `data` holding `needle` (a byte search, much faster than a multi-line regex)."""
    at = data.find(needle)
    while at >= 0:
        start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
        yield data[start:end if end >= 0 else len(data)]
        at = data.find(needle, end if end >= 0 else len(data))


def _split(data: bytes, parts: int) -> list[bytes]:
    """Cut N-Quads data into about `parts` pieces at line ends."""
    cuts, size = [0], len(data) // max(parts, 1) + 1
    while cuts[-1] + size < len(data):
        end = data.find(b"\n", cuts[-1] + size)
        if end < 0:
            break
        cuts.append(end + 1)
    cuts.append(len(data))
    return [data[a:b] for a, b in zip(cuts, cuts[1:]) if a < b]

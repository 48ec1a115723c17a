"""The embedded Oxigraph store: one named graph per document, replaced atomically on rebuild."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from pyoxigraph import Literal, NamedNode, Quad, Store

from .vocab import ACTORS_GRAPH, CKG, ID, document_iri

STORE_VERSION = "2"  # 2: actors carry ckg:labelKey
READ_ONLY_ATTEMPTS = 5  # a read-only open races the writer's compactions, which delete the files it lists
META_GRAPH = NamedNode(f"{ID}graph/meta")
META_NODE = NamedNode(f"{ID}store")
VERSION_PROP = NamedNode(str(CKG.storeVersion))


class StoreError(Exception):
    """A store that cannot be opened or used, with the reason in plain words."""


class RemoteStore:
    """An external SPARQL 1.1 Update endpoint used as a build's store: each document's replacement
    (`replace_graph`) is sent as one update request, which the server applies as one transaction."""

    def __init__(self, endpoint: str, timeout: float = 120.0):
        self.endpoint = endpoint
        self.timeout = timeout

    def update(self, text: str) -> None:
        """POST one SPARQL update; a refusal or an unreachable server raises StoreError."""
        request = Request(self.endpoint, data=text.encode("utf-8"), method="POST",
                          headers={"Content-Type": "application/sparql-update"})
        try:
            with urlopen(request, timeout=self.timeout):
                pass
        except HTTPError as error:
            detail = error.read(300).decode("utf-8", "replace").strip()
            raise StoreError(f"{self.endpoint} refused the update: HTTP {error.code} {error.reason} {detail}") from error
        except (URLError, OSError) as error:
            raise StoreError(f"cannot reach {self.endpoint}: {getattr(error, 'reason', error)}") from error

    def flush(self) -> None:
        """Nothing to flush: every update is already applied by the server."""


def is_remote(location: str | Path | None) -> bool:
    """Whether a --store value names a SPARQL Update endpoint rather than a folder."""
    return str(location).startswith(("http://", "https://"))


def open_store(path: str | Path | None, read_only: bool = False) -> Store:
    """Open (or create) the on-disk store at `path`; None gives an in-memory store."""
    if path is None:
        store = Store()
    else:
        store = _open_path(Path(path), read_only)
    _check_version(store, path, read_only)
    return store


def _open_path(path: Path, read_only: bool) -> Store:
    """Open an on-disk store; a read-only open that lost a race with the writer's compaction is retried."""
    for attempt in range(1, READ_ONLY_ATTEMPTS + 1):
        try:
            return Store.read_only(str(path)) if read_only else Store(str(path))
        except (OSError, RuntimeError) as error:  # RuntimeError: e.g. a store still being created by another process
            if "lock" in str(error).lower():
                raise StoreError(f"store {path} is in use by another graphbuilder process (locked); "
                                 "wait for it to finish or use another --store") from error
            if not (read_only and "No such file" in str(error) and attempt < READ_ONLY_ATTEMPTS):
                raise StoreError(f"store {path} cannot be opened: {error}") from error
            time.sleep(0.1 * attempt)


def _check_version(store: Store, path, read_only: bool) -> None:
    """Stamp a new store with STORE_VERSION; refuse a store of another (or no) format version."""
    found = [q.object.value for q in store.quads_for_pattern(META_NODE, VERSION_PROP, None, META_GRAPH)]
    if not found:
        if next(iter(store.quads_for_pattern(None, None, None, None)), None) is not None:
            raise StoreError(f"store {path} has no format version (made by an older graphbuilder); this graphbuilder "
                             f"reads version {STORE_VERSION}: rebuild it with `graphbuilder build` into a new --store")
        if not read_only:
            store.add(Quad(META_NODE, VERSION_PROP, Literal(STORE_VERSION), META_GRAPH))
    elif found[0] != STORE_VERSION:
        raise StoreError(f"store {path} has format version {found[0]}; this graphbuilder reads version "
                         f"{STORE_VERSION}: rebuild it with `graphbuilder build` into a new --store")


def replace_graph(store: Store | RemoteStore, graph: str, quads: Iterable[Quad]) -> None:
    """Replace a named graph by the given quads in one transaction (a crash leaves old or new, never half);
    quads of other graphs (the names graph's label keys) are added to those graphs in the same transaction."""
    target = NamedNode(graph)
    quads = [q if isinstance(q.graph_name, NamedNode) else Quad(q.subject, q.predicate, q.object, target)
             for q in quads]
    if isinstance(store, Store) and not store.contains_named_graph(target):
        store.extend(quads)  # a new graph: one plain transaction, ~4x faster than parsing an update
        return
    blocks: dict[str, list[str]] = {graph: []}
    for q in quads:
        blocks.setdefault(q.graph_name.value, []).append(f"{q.subject} {q.predicate} {q.object} .")
    data = " ".join(f"GRAPH <{name}> {{ {' '.join(triples)} }}" for name, triples in blocks.items())
    store.update(f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ {data} }}")


def write_document(store: Store, name: str, quads: Iterable[Quad]) -> None:
    """Store a document's graph, replacing any earlier build of the same document."""
    replace_graph(store, document_iri(name), quads)


def remove_document(store: Store, name: str) -> bool:
    """Remove a document's graph; False if it was not in the store."""
    graph = NamedNode(document_iri(name))
    if not store.contains_named_graph(graph):
        return False
    store.remove_graph(graph)
    return True


def document_names(store: Store) -> list[str]:
    """Names of the documents in the store."""
    rows = store.query(f"SELECT ?name WHERE {{ GRAPH ?g {{ ?g <{CKG.fileName}> ?name }} }} ORDER BY ?name")
    return [row["name"].value for row in rows]


def has_actors_graph(store: Store) -> bool:
    """Whether the gazetteer's actors graph has been written."""
    return store.contains_named_graph(NamedNode(str(ACTORS_GRAPH)))

"""Send the store to an external triple store, one named graph at a time (SPARQL 1.1 Graph Store Protocol)."""
from __future__ import annotations

from typing import Iterator
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, Triple, serialize


class PushError(Exception):
    """The endpoint refused a graph or could not be reached, in plain words."""


def graph_url(endpoint: str, graph: NamedNode | DefaultGraph) -> str:
    """The Graph Store Protocol URL of a graph: ENDPOINT?graph=IRI, or ENDPOINT?default."""
    separator = "&" if "?" in endpoint else "?"
    return endpoint + separator + ("default" if isinstance(graph, DefaultGraph) else "graph=" + quote(graph.value, safe=""))


def _graphs(store: Store) -> Iterator[NamedNode | DefaultGraph]:
    if next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None:
        yield DefaultGraph()
    yield from sorted(store.named_graphs(), key=str)


def push(store: Store, endpoint: str, timeout: float = 120.0) -> Iterator[tuple[str, int]]:
    """PUT each graph of the store as N-Triples (replacing it there); yields (graph, triples sent)."""
    for graph in _graphs(store):
        triples = (Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph))
        body = serialize(triples, format=RdfFormat.N_TRIPLES)
        name = "default graph" if isinstance(graph, DefaultGraph) else f"graph <{graph.value}>"
        request = Request(graph_url(endpoint, graph), data=body, method="PUT",
                          headers={"Content-Type": "application/n-triples"})
        try:
            with urlopen(request, timeout=timeout):
                pass
        except HTTPError as error:
            detail = error.read(300).decode("utf-8", "replace").strip()
            raise PushError(f"{endpoint} refused {name}: HTTP {error.code} {error.reason}"
                            + (f": {detail}" if detail else "")) from error
        except (URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise PushError(f"cannot reach {endpoint}: {reason}") from error
        yield name, body.count(b"\n")

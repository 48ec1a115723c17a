"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

The data is merged over all named graphs (document graphs, the actors graph, the inferred graph),
the ontology is mixed in by pySHACL (so ``sh:class`` follows ``rdfs:subClassOf``), the
CAMEO/PLOVER code lists are added to the copy, and each violation is reported as one plain-language line naming the node,
the property and the problem.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .ontology import bind_prefixes, load_codes_graph, load_ontology_graph, shapes_path
from .vocab import ID

__all__ = ["load_shapes_graph", "validate"]

_IRI_IN_TEXT = re.compile(r"<(https?://[^<>\s]+)>")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return bind_prefixes(Graph()).parse(shapes_path(), format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return load_ontology_graph(codes=False)


@lru_cache(maxsize=1)
def _codes() -> Graph:
    return load_codes_graph()


def load_shapes_graph() -> Graph:
    """The SHACL shapes graph (a copy: safe to modify)."""
    graph = bind_prefixes(Graph())
    for triple in _shapes():
        graph.add(triple)
    return graph


_PATCH_LOCK = threading.Lock()


@contextmanager
def _prepared_sparql() -> Iterator[None]:
    """Parse each SPARQL query text once while validating.

    pySHACL hands rdflib the text of a SPARQL-based constraint once per focus node, and rdflib
    parses it every time (about 25 ms each, which made span checks take minutes on a corpus).
    While this context is active, rdflib's SPARQL processor keeps the translated query per text.
    """
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query
    cache: dict[tuple[Any, ...], Any] = {}

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, frozenset((initNs or {}).items()))
            prepared = cache.get(key)
            if prepared is None:
                prepared = cache[key] = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
            strOrQuery = prepared
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    with _PATCH_LOCK:
        processor.SPARQLProcessor.query = query  # type: ignore[method-assign]
        try:
            yield
        finally:
            processor.SPARQLProcessor.query = original  # type: ignore[method-assign]


def _merged(data: Graph | Dataset) -> Graph:
    merged = bind_prefixes(Graph())
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        for triple in data:
            merged.add(triple)
    return merged


class _Namer:
    """Readable names: ``event/doc1/3`` for graphbuilder data, ``ckg:Attack`` for vocabulary."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.nm = graph.namespace_manager

    def __call__(self, term: Node | None) -> str:
        if term is None:
            return ""
        if isinstance(term, URIRef):
            if str(term).startswith(str(ID)):
                return f"<{str(term)[len(str(ID)):]}>"
            try:
                return self.nm.curie(term, generate=False)
            except (ValueError, KeyError):
                return f"<{term}>"
        if isinstance(term, Literal):
            text = str(term)
            return repr(text if len(text) <= 60 else text[:57] + "...")
        return "a blank node"

    def path(self, results: Graph, path: Node | None) -> str:
        if path is None:
            return ""
        if isinstance(path, URIRef):
            return self(path)
        inverse = results.value(path, SH.inversePath)
        if inverse is not None:
            return f"^{self(inverse)}"
        return "a property path"

    def typed(self, node: Node) -> str:
        types = sorted(self(t) for t in self.graph.objects(node, RDF.type) if isinstance(t, URIRef))
        return f"{self(node)} ({', '.join(types)})" if types else self(node)


def _lines(results: Graph, data: Graph) -> tuple[list[str], list[str]]:
    name = _Namer(data)
    violations: list[str] = []
    warnings: list[str] = []
    # Only top-level results: nested ones (sh:detail of sh:node) repeat them less clearly.
    top = [r for report in results.subjects(RDF.type, SH.ValidationReport) for r in results.objects(report, SH.result)]
    for result in top:
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        severity = results.value(result, SH.resultSeverity)
        messages = [str(m) for m in results.objects(result, SH.resultMessage)]
        message = messages[0] if messages else "does not conform to " + name(results.value(result, SH.sourceShape))
        message = _IRI_IN_TEXT.sub(lambda m: name(URIRef(m.group(1))), message)
        where = name.typed(focus) if focus is not None else "a node"
        prop = name.path(results, path)
        line = f"{where}: {prop}: {message}" if prop else f"{where}: {message}"
        if value is not None and value != focus and not isinstance(value, BNode):
            line += f" (value: {name.typed(value) if not isinstance(value, Literal) else name(value)})"
        (violations if severity == SH.Violation else warnings).append(line)
    return sorted(violations), sorted("warning: " + w for w in warnings)


def validate(
    data: Graph | Dataset,
    *,
    inference: str = "none",
    warnings: bool = False,
) -> tuple[bool, list[str]]:
    """Validate `data` (a graph, or a dataset merged over its graphs) with ``ontology/shapes.ttl``.

    Returns ``(conforms, messages)``: one line per violation, such as
    ``<event/t1/2> (ckg:Attack): prov:wasDerivedFrom: Event has no evidence: ...``. With
    ``warnings=True``, warnings (which do not make the graph non-conforming) are listed too,
    prefixed with ``warning:``. `inference` is passed to pySHACL (``"none"`` or ``"rdfs"``); the
    shapes are written to give the same verdict under both.
    """
    graph = _merged(data)
    # pySHACL only copies class and property axioms from ont_graph, so the code lists (SKOS
    # concepts, needed to check ckg:cameoCode and ckg:ploverCode) are added to the data copy.
    for triple in _codes():
        graph.add(triple)
    with _prepared_sparql():
        conforms, results, _ = shacl_validate(
            graph,
            shacl_graph=_shapes(),
            ont_graph=_ontology(),
            inference=inference,
            advanced=True,
            allow_warnings=True,
            inplace=True,  # `graph` is already a private copy
        )
    violations, warning_lines = _lines(results, graph)
    return bool(conforms), violations + (warning_lines if warnings else [])

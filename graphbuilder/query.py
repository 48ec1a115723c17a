"""Canned and ad-hoc SPARQL over the store, with parameters bound safely."""
from __future__ import annotations

import re
from pathlib import Path

from pyoxigraph import Literal, Store

from .export import PREFIXES


def find_query(name: str, folder: Path) -> Path | None:
    """A query file given by path or by its name in the queries folder."""
    for candidate in (Path(name), folder / name, folder / f"{name}.rq"):
        if candidate.is_file():
            return candidate
    return None


def bind(text: str, params: dict[str, str]) -> str:
    """Bind parameters as a VALUES block of escaped RDF literals opening the WHERE clause (never pasted raw)."""
    match = re.search(r"WHERE\s*\{", text, re.IGNORECASE)
    if params and match is None:
        raise ValueError("the query has no WHERE clause to bind parameters in")
    for name, value in params.items():
        if not name.isidentifier():
            raise ValueError(f"parameter name {name!r} is not a SPARQL variable name")
        block = f" VALUES ?{name} {{ {Literal(value)} }} "
        text = text[:match.end()] + block + text[match.end():]
    return text


def run_query(store: Store, text: str, params: dict[str, str]) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT query over the union of all graphs, parameters bound as literals."""
    solutions = store.query(bind(text, params), use_default_graph_as_union=True)
    variables = [v.value for v in solutions.variables]
    rows = [[(term.value if term is not None else None) for term in row] for row in solutions]  # in `variables` order
    return variables, rows


def store_stats(store: Store) -> list[tuple[str, int]]:
    """(label, count) pairs describing what the store holds."""
    def count(query: str) -> int:
        return int(next(iter(store.query(PREFIXES + query)))["n"].value)

    out = [("documents", count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a ckg:Document } }"))]
    for kind in ("Person", "State", "MilitaryForce", "ArmedGroup", "Coalition", "Organization", "Media", "Facility", "Place"):
        out.append((f"actors: {kind}", count(
            f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?e a ckg:{kind} . ?s <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?e }} }}")))
    for kind in ("Attack", "Retaliation", "Threat", "Accusation", "Claim"):
        out.append((f"events: {kind}", count(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?e a ckg:{kind} }} }}")))
    out.append(("relations (text)", count("""SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { GRAPH ?g {
        ?st a rdf:Statement ; prov:wasDerivedFrom ?s . ?s a nif:String } }""")))
    return out

"""Exports read from the store: conflict-kg-export/1 JSON, the standard RDF serialisations, JSON-LD, events CSV, GraphML/GEXF."""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, serialize

from .ontology import ontology_dir
from .vocab import ACTORS_GRAPH, CKG, ID, NIF, PROV, SKOS

PREFIXES = f"""PREFIX ckg: <{CKG}> PREFIX nif: <{NIF}> PREFIX prov: <{PROV}> PREFIX skos: <{SKOS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
ENTITY_TYPES = ("Person", "State", "MilitaryForce", "ArmedGroup", "Coalition", "Organization", "Media", "Facility", "Place")
EVENT_TYPES = ("Retaliation", "Attack", "Threat")  # most specific first
ENTITY_FIELDS = ("place", "attacker", "target", "victims", "attributed_to", "attributed_by", "claimed_by")  # an event's actors
ROLE_PROPERTIES = {"attacker": "attacker", "target": "target", "victims": "victim", "place": "place",
                   "responds_to": "respondsTo"}
CONTEXT_FILE = ontology_dir() / "context.jsonld"
EVENTS_QUERY = ontology_dir().parent / "queries" / "events.rq"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_FORMATS = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "ntriples": RdfFormat.N_TRIPLES,
               "nquads": RdfFormat.N_QUADS}


def _select(store: Store, query: str, variables: list[str]):
    for row in store.query(PREFIXES + query):
        yield [row[v].value if row[v] is not None else None for v in variables]


def export_json(store: Store) -> dict[str, Any]:
    """The conflict-kg-export/1 view of everything in the store, read from the RDF graph."""
    documents = _documents(store)
    events, relations = _events(store, documents), _relations(store, documents)
    return {
        "schema": "conflict-kg-export/1",
        "documents": sorted(documents.values(), key=lambda d: d["name"]),
        "entities": _entities(store, documents, _used(events, relations)),
        "events": events,
        "relations": relations,
    }


def _used(events: list[dict], relations: list[dict]) -> dict[str, set[str]]:
    """The documents whose events or relations use each entity (a state named only by its demonym: "un Égyptien")."""
    used: dict[str, set[str]] = defaultdict(set)
    for event in events:
        names = {evidence["document"] for evidence in event["evidence"]}
        for role in ENTITY_FIELDS:
            for entity in event[role]:
                used[entity] |= names
    for relation in relations:
        for end in ("subject", "object"):
            used[relation[end]] |= {evidence["document"] for evidence in relation["evidence"]}
    return used


def _documents(store: Store) -> dict[str, dict]:
    documents = {}
    for g, name, lang, pub in _select(store, """SELECT ?g ?name ?lang ?pub WHERE { GRAPH ?g {
            ?g a ckg:Document ; ckg:fileName ?name . OPTIONAL { ?g <http://purl.org/dc/terms/language> ?lang }
            OPTIONAL { ?g ckg:published ?pub } } }""", ["g", "name", "lang", "pub"]):
        documents[g] = {"id": g, "name": name, "language": lang, "published": pub}
    return documents


def _entities(store: Store, documents: dict, used: dict[str, set[str]]) -> list[dict]:
    types: dict[str, set] = defaultdict(set)
    labels: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    values = " ".join(f"ckg:{t}" for t in ENTITY_TYPES)
    for e, t, g in _select(store, f"SELECT ?e ?t ?g WHERE {{ VALUES ?t {{ {values} }} GRAPH ?g {{ ?e a ?t }} }}", ["e", "t", "g"]):
        types[e].add((g == str(ACTORS_GRAPH), t.rsplit("#", 1)[1]))
    for e, p, label, g in _select(store, """SELECT ?e ?p ?l ?g WHERE { VALUES ?p { skos:prefLabel skos:altLabel }
            GRAPH ?g { ?e ?p ?l } }""", ["e", "p", "l", "g"]):
        labels[e][("gaz" if g == str(ACTORS_GRAPH) else "doc") + p.rsplit("#", 1)[1]].add(label)
    mentioned: dict[str, set] = defaultdict(set)
    for e, g in _select(store, """SELECT DISTINCT ?e ?g WHERE { GRAPH ?g {
            ?s <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?e } }""", ["e", "g"]):
        if g in documents:
            mentioned[e].add(documents[g]["name"])
    for e, names in used.items():
        mentioned[e] |= names
    out = []
    for e, kinds in sorted(types.items()):
        if not mentioned.get(e):
            continue  # gazetteer actors never named in a document are not part of the built graph's view
        type_ = sorted(kinds, reverse=True)[0][1]  # the gazetteer's type wins
        found = labels[e]
        preferred = sorted(found["gazprefLabel"] or found["docprefLabel"] or {""})[0]
        aliases = sorted((found["docaltLabel"] | found["docprefLabel"] | found["gazaltLabel"]) - {preferred})
        out.append({"id": e, "type": type_, "label": preferred, "aliases": aliases,
                    "documents": sorted(mentioned[e])})
    return out


def _evidence(store: Store, documents: dict) -> dict[str, list[dict]]:
    evidence: dict[str, list[dict]] = defaultdict(list)
    for node, g, start, end, text in _select(store, """SELECT ?x ?g ?b ?e ?t WHERE { GRAPH ?g {
            ?x prov:wasDerivedFrom ?s . ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t } }""",
                                             ["x", "g", "b", "e", "t"]):
        name = documents.get(g, {}).get("name")
        evidence[node].append({"document": name, "start": int(start), "end": int(end), "text": text})
    for items in evidence.values():
        items.sort(key=lambda x: (x["document"] or "", x["start"], x["end"]))
    return evidence


def _events(store: Store, documents: dict) -> list[dict]:
    evidence = _evidence(store, documents)
    events: dict[str, dict] = {}
    values = " ".join(f"ckg:{t}" for t in EVENT_TYPES)
    for e, t in _select(store, f"SELECT ?e ?t WHERE {{ VALUES ?t {{ {values} }} GRAPH ?g {{ ?e a ?t }} }}", ["e", "t"]):
        type_ = t.rsplit("#", 1)[1]
        current = events.get(e, {}).get("type")
        if current is None or EVENT_TYPES.index(type_) < EVENT_TYPES.index(current):
            events[e] = {"id": e, "type": type_}
    for event in events.values():
        event.update({"date": None, "place": [], "attacker": [], "target": [], "victims": [], "weapon": None,
                      "fatalities": None, "attributed_to": [], "attributed_by": [], "claimed_by": [],
                      "responds_to": [], "confidence": None, "series": False,
                      "evidence": evidence.get(event["id"], [])})
    props = {f"{CKG}{p}": role for role, p in ROLE_PROPERTIES.items()}
    for e, p, o in _select(store, """SELECT ?e ?p ?o WHERE { GRAPH ?g { ?e ?p ?o } } """, ["e", "p", "o"]) if events else []:
        event = events.get(e)
        if event is None:
            continue
        if p in props:
            event[props[p]].append(o)
        elif p == f"{CKG}timeValue":
            event["date"] = o
        elif p == f"{CKG}weapon":
            event["weapon"] = o
        elif p == f"{CKG}fatalities":
            event["fatalities"] = int(o)
        elif p == f"{CKG}confidence":
            event["confidence"] = float(o)
        elif p == f"{CKG}series":
            event["series"] = o == "true"
    for event_id, role, actor in _select(store, """SELECT ?e ?role ?a WHERE { GRAPH ?g {
            { ?s a ckg:Accusation ; ckg:about ?e ; ckg:accused ?a . BIND("attributed_to" AS ?role) }
            UNION { ?s a ckg:Accusation ; ckg:about ?e ; ckg:accuser ?a . BIND("attributed_by" AS ?role) }
            UNION { ?s a ckg:Claim ; ckg:about ?e ; ckg:claimant ?a . BIND("claimed_by" AS ?role) } } }""",
                                         ["e", "role", "a"]):
        if event_id in events:
            events[event_id][role].append(actor)
    for event in events.values():
        for role in (*ENTITY_FIELDS, "responds_to"):
            event[role] = sorted(set(event[role]))
    return sorted(events.values(), key=lambda e: e["id"])


def _relations(store: Store, documents: dict) -> list[dict]:
    evidence = _evidence(store, documents)
    out = []
    for st, s, p, o, c in _select(store, """SELECT ?st ?s ?p ?o ?c WHERE { GRAPH ?g {
            ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . OPTIONAL { ?st ckg:confidence ?c } } }""",
                                  ["st", "s", "p", "o", "c"]):
        out.append({"subject": s, "predicate": p.rsplit("#", 1)[1], "object": o,
                    "confidence": float(c) if c else None, "evidence": evidence.get(st, [])})
    return sorted(out, key=lambda r: (r["subject"], r["predicate"], r["object"], [e["start"] for e in r["evidence"]]))


def export_rdf(store: Store, fmt: str, out: IO[bytes] | Path) -> None:
    """Serialise the whole store: TriG/N-Quads keep named graphs; Turtle/N-Triples give their union."""
    target = str(out) if isinstance(out, Path) else out
    prefixes = {"ckg": str(CKG), "id": str(ID), "nif": str(NIF), "prov": str(PROV), "skos": str(SKOS)}
    if fmt in ("trig", "nquads"):
        store.dump(target, RDF_FORMATS[fmt], prefixes=prefixes if fmt == "trig" else None)
        return
    triples = (Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, None))
    serialize(triples, target, RDF_FORMATS[fmt], prefixes=prefixes if fmt == "turtle" else None)


@contextmanager
def _binary(out: IO[bytes] | Path) -> Iterator[IO[bytes]]:
    if isinstance(out, Path):
        with out.open("wb") as stream:
            yield stream
    else:
        yield out


class _Compactor:
    """Writes RDF terms the way the published JSON-LD @context (ontology/context.jsonld) reads them back."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = sorted(((name, iri) for name, iri in context.items() if isinstance(iri, str) and iri[-1] in "#/"),
                               key=lambda item: -len(item[1]))
        expand = dict(self.prefixes)

        def full(value: str) -> str:
            prefix, _, local = value.partition(":")
            return expand[prefix] + local if prefix in expand else value

        self.classes = {full(iri): name for name, iri in context.items() if isinstance(iri, str) and iri[-1] not in "#/"}
        self.properties = {full(d["@id"]): (name, full(d["@type"]) if "@type" in d and d["@type"] != "@id" else d.get("@type"))
                           for name, d in context.items() if isinstance(d, dict)}

    def iri(self, value: str) -> str:
        """An IRI as a compact IRI (prefix:local) when a prefix of the context fits, else as it is."""
        for name, prefix in self.prefixes:
            if value.startswith(prefix) and len(value) > len(prefix) and not value[len(prefix):].startswith("//"):
                return f"{name}:{value[len(prefix):]}"
        return value

    def node(self, term) -> str:
        """A subject or graph name as a JSON-LD node identifier."""
        return f"_:{term.value}" if isinstance(term, BlankNode) else self.iri(term.value)

    def key(self, predicate: NamedNode) -> tuple[str, str | None]:
        """The JSON key of a predicate (its term, or a compact IRI) and the term's type coercion."""
        return self.properties.get(predicate.value) or (self.iri(predicate.value), None)

    def value(self, term, coercion: str | None) -> Any:
        """An object term as a JSON-LD value under a key with the given type coercion."""
        if not isinstance(term, Literal):
            return self.node(term) if coercion == "@id" else {"@id": self.node(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if datatype == coercion or (coercion is None and datatype == XSD_STRING):
            return term.value
        return {"@value": term.value} if datatype == XSD_STRING else {"@value": term.value, "@type": self.iri(datatype)}

    def nodes(self, quads: Iterable[Quad]) -> Iterator[dict[str, Any]]:
        """Node objects of the triples of one graph, one per run of triples with the same subject."""
        current, node = None, {}
        for quad in quads:
            if quad.subject != current:
                if node:
                    yield node
                current, node = quad.subject, {"@id": self.node(quad.subject)}
            if quad.predicate.value == RDF_TYPE and isinstance(quad.object, NamedNode):
                node.setdefault("@type", []).append(self.classes.get(quad.object.value) or self.iri(quad.object.value))
                continue
            key, coercion = self.key(quad.predicate)
            node.setdefault(key, []).append(self.value(quad.object, coercion))
        if node:
            yield node


def _jsonld_node(node: dict[str, Any]) -> bytes:
    return json.dumps({k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in node.items()},
                      ensure_ascii=False).encode()


def export_jsonld(store: Store, out: IO[bytes] | Path) -> None:
    """JSON-LD with the published @context inlined, one named graph object per graph, streamed graph by graph."""
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    compactor = _Compactor(context)
    with _binary(out) as stream:
        stream.write(b'{"@context": ' + json.dumps(context, ensure_ascii=False, indent=1).encode() + b',\n "@graph": [')
        separator = b"\n"
        for node in compactor.nodes(store.quads_for_pattern(None, None, None, DefaultGraph())):
            stream.write(separator + _jsonld_node(node))
            separator = b",\n"
        for graph in sorted(store.named_graphs(), key=str):
            stream.write(separator + b'{"@id": ' + json.dumps(compactor.node(graph)).encode() + b', "@graph": [')
            inner = b"\n  "
            for node in compactor.nodes(store.quads_for_pattern(None, None, None, graph)):
                stream.write(inner + _jsonld_node(node))
                inner = b",\n  "
            stream.write(b"\n]}")
            separator = b",\n"
        stream.write(b"\n]}\n")


def export_events_csv(store: Store, out: IO[bytes] | Path) -> None:
    """One CSV row per attack, retaliation or threat (ACLED-style columns of queries/events.rq), streamed."""
    solutions = store.query(EVENTS_QUERY.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    variables = [v.value for v in solutions.variables]
    with _binary(out) as stream:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        try:
            writer = csv.writer(text)
            writer.writerow(variables)
            for row in solutions:
                writer.writerow([row[v].value if row[v] is not None else "" for v in variables])
        finally:
            text.detach()  # leave the caller's stream open


def export_graphml(store: Store, out: IO[bytes] | Path) -> None:
    """The actor network (graphbuilder.network) as GraphML: actors with label and type, relations with counts."""
    from .network import actor_network
    from .viz import write_graphml

    write_graphml(actor_network(store), out)


def export_gexf(store: Store, out: IO[bytes] | Path) -> None:
    """The actor network (graphbuilder.network) as GEXF for Gephi."""
    from .network import actor_network
    from .viz import write_gexf

    write_gexf(actor_network(store), out)


EXPORTERS = {"jsonld": export_jsonld, "csv": export_events_csv, "graphml": export_graphml, "gexf": export_gexf}

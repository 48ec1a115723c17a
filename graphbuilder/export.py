"""Exports read from the store: conflict-kg-export/1 JSON and the standard RDF serialisations."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import IO, Any

from pyoxigraph import RdfFormat, Store, Triple, serialize

from .vocab import ACTORS_GRAPH, CKG, ID, NIF, PROV, SKOS

PREFIXES = f"""PREFIX ckg: <{CKG}> PREFIX nif: <{NIF}> PREFIX prov: <{PROV}> PREFIX skos: <{SKOS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
ENTITY_TYPES = ("Person", "State", "MilitaryForce", "ArmedGroup", "Coalition", "Organization", "Media", "Facility", "Place")
EVENT_TYPES = ("Retaliation", "Attack", "Threat")  # most specific first
ROLE_PROPERTIES = {"attacker": "attacker", "target": "target", "victims": "victim", "place": "place",
                   "responds_to": "respondsTo"}
RDF_FORMATS = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "ntriples": RdfFormat.N_TRIPLES,
               "nquads": RdfFormat.N_QUADS}


def _select(store: Store, query: str, variables: list[str]):
    for row in store.query(PREFIXES + query):
        yield [row[v].value if row[v] is not None else None for v in variables]


def export_json(store: Store) -> dict[str, Any]:
    """The conflict-kg-export/1 view of everything in the store, read from the RDF graph."""
    documents = {}
    for g, name, lang, pub in _select(store, """SELECT ?g ?name ?lang ?pub WHERE { GRAPH ?g {
            ?g a ckg:Document ; ckg:fileName ?name . OPTIONAL { ?g <http://purl.org/dc/terms/language> ?lang }
            OPTIONAL { ?g ckg:published ?pub } } }""", ["g", "name", "lang", "pub"]):
        documents[g] = {"id": g, "name": name, "language": lang, "published": pub}
    return {
        "schema": "conflict-kg-export/1",
        "documents": sorted(documents.values(), key=lambda d: d["name"]),
        "entities": _entities(store, documents),
        "events": _events(store, documents),
        "relations": _relations(store, documents),
    }


def _entities(store: Store, documents: dict) -> list[dict]:
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
        for role in ("place", "attacker", "target", "victims", "attributed_to", "attributed_by", "claimed_by", "responds_to"):
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

"""Reasoning over a built graph with the graphbuilder ontology.

Two modes:

``"rules"``
    A forward-chaining closure written in Python for the parts of the ontology that matter for
    queries: sub-classes, sub-properties, inverses, transitive and symmetric properties, and
    named-class domains and ranges. It also checks disjointness (including through unions in
    ranges and ``owl:sameAs``). Linear in the data, so it suits large graphs.

``"hermit"``
    The HermiT OWL 2 DL reasoner through owlready2 (needs Java): a complete consistency check and
    HermiT's own inferences, completed by the rules closure. owlready2 reads N-Triples, not
    Turtle, so the ontology and the relevant part of the data are written to a temporary
    N-Triples file first. Only triples that matter to OWL are sent (types of declared classes,
    declared object and datatype properties, ``owl:sameAs``); long texts are left out.

In both modes :attr:`ReasonResult.inferred` holds only *new* triples about data individuals:
nothing already in the data, nothing about ontology or code-list terms, no ``owl:Thing``
boilerplate, and facts HermiT derives for ``owl:sameAs`` aliases (Wikidata IRIs) are folded back
onto the graph's own IRIs.
"""
from __future__ import annotations

import io
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from .ontology import bind_prefixes, load_ontology_graph
from .vocab import CKG, ID, NIF

__all__ = ["HERMIT_PROPERTY_VALUES_LIMIT", "ReasonResult", "Schema", "TripleSet", "diagnose", "reason", "rules_closure"]

Triple = tuple[Node, Node, Node]

#: Above this many typed nodes, HermiT is not asked for property values (see :func:`reason`).
HERMIT_PROPERTY_VALUES_LIMIT = 2000

_BOILERPLATE_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
# Datatype properties left out of the HermiT input: long texts with no axioms beyond xsd:string.
_SKIPPED_FOR_HERMIT = {NIF.isString, NIF.anchorOf}


@dataclass
class ReasonResult:
    """Outcome of :func:`reason`.

    ``consistent`` says whether data and ontology are logically consistent; ``explanation`` gives
    plain-language lines (why it is inconsistent, or what was inferred); ``inferred`` holds only
    the new triples about data individuals.
    """

    consistent: bool
    explanation: list[str] = field(default_factory=list)
    inferred: Graph = field(default_factory=Graph)
    mode: str = "rules"
    seconds: float = 0.0


# --- schema ---------------------------------------------------------------------------------


def _closure(direct: dict[Node, set[Node]]) -> dict[Node, set[Node]]:
    """Reflexive-transitive closure of a relation given as adjacency sets."""
    result: dict[Node, set[Node]] = {}
    for start in direct:
        seen = {start}
        stack = [start]
        while stack:
            for nxt in direct.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        result[start] = seen
    return result


class Schema:
    """The parts of an OWL ontology the rules closure and the consistency check use."""

    def __init__(self, ontology: Graph) -> None:
        self.graph = ontology
        self.classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        self.object_properties = {
            p for p in ontology.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)
        }
        self.datatype_properties = {
            p for p in ontology.subjects(RDF.type, OWL.DatatypeProperty) if isinstance(p, URIRef)
        }
        # Every subject the ontology (and code lists) describe: never reported as inferred data.
        self.terms = {s for s in ontology.subjects() if isinstance(s, URIRef)}

        sub: dict[Node, set[Node]] = defaultdict(set)
        for c, d in ontology.subject_objects(RDFS.subClassOf):
            if isinstance(c, URIRef) and isinstance(d, URIRef):
                sub[c].add(d)
        for c, d in ontology.subject_objects(OWL.equivalentClass):
            if isinstance(c, URIRef) and isinstance(d, URIRef):
                sub[c].add(d)
                sub[d].add(c)
        for c in self.classes:
            sub.setdefault(c, set())
        self.superclasses = _closure(sub)

        subp: dict[Node, set[Node]] = defaultdict(set)
        for p, q in ontology.subject_objects(RDFS.subPropertyOf):
            subp[p].add(q)
        for p in self.object_properties | self.datatype_properties:
            subp.setdefault(p, set())
        self.superproperties = _closure(subp)

        self.inverses: dict[Node, set[Node]] = defaultdict(set)
        for p, q in ontology.subject_objects(OWL.inverseOf):
            self.inverses[p].add(q)
            self.inverses[q].add(p)
        self.transitive = set(ontology.subjects(RDF.type, OWL.TransitiveProperty))
        self.symmetric = set(ontology.subjects(RDF.type, OWL.SymmetricProperty))

        self.domains: dict[Node, set[Node]] = defaultdict(set)
        self.ranges: dict[Node, set[Node]] = defaultdict(set)
        self.range_unions: dict[Node, list[tuple[Node, ...]]] = defaultdict(list)
        self.datatype_ranges: dict[Node, set[Node]] = defaultdict(set)
        for p, c in ontology.subject_objects(RDFS.domain):
            if isinstance(c, URIRef):
                self.domains[p].add(c)
        for p, c in ontology.subject_objects(RDFS.range):
            if p in self.datatype_properties:
                if isinstance(c, URIRef):
                    self.datatype_ranges[p].add(c)
            elif isinstance(c, URIRef):
                self.ranges[p].add(c)
            else:
                union = ontology.value(c, OWL.unionOf)
                if union is not None:
                    self.range_unions[p].append(tuple(Collection(ontology, union)))

        disjoint: dict[Node, set[Node]] = defaultdict(set)
        for c, d in ontology.subject_objects(OWL.disjointWith):
            disjoint[c].add(d)
            disjoint[d].add(c)
        for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(Collection(ontology, ontology.value(group, OWL.members)))
            for c in members:
                disjoint[c].update(m for m in members if m != c)
        self.disjoint = disjoint

    def supers(self, cls: Node) -> set[Node]:
        """`cls` and all its named superclasses."""
        return self.superclasses.get(cls, {cls})

    def clash(self, types: set[Node]) -> tuple[Node, Node, Node, Node] | None:
        """A pair of disjoint classes implied by `types`: (asserted a, asserted b, super of a, super of b)."""
        expanded = {(t, s) for t in types for s in self.supers(t)}
        for a, sa in sorted(expanded):
            for b, sb in sorted(expanded):
                if sb in self.disjoint.get(sa, ()):
                    return a, b, sa, sb
        return None

    def excluded(self, types: set[Node], cls: Node) -> Node | None:
        """The most specific class among `types` that is disjoint with `cls`, if any."""
        forbidden = set()
        for s in self.supers(cls):
            forbidden |= self.disjoint.get(s, set())
        for t in sorted(types, key=lambda t: (-len(self.supers(t)), str(t))):
            hit = self.supers(t) & forbidden
            if hit:
                return t
        return None


@lru_cache(maxsize=1)
def _default_schema() -> Schema:
    return Schema(load_ontology_graph(codes=True))


# --- rules closure --------------------------------------------------------------------------


class TripleSet:
    """The data as a plain set of triples with the two indexes the rules need.

    Much cheaper to build than an rdflib Graph when merging the graphs of a large dataset.
    """

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.triples: set[Triple] = set(triples)
        self.types: dict[Node, set[Node]] = defaultdict(set)
        self.same_as: list[tuple[Node, Node]] = []
        for s, p, o in self.triples:
            if p == RDF.type:
                self.types[s].add(o)
            elif p == OWL.sameAs:
                self.same_as.append((s, o))

    @classmethod
    def of(cls, data: Graph | Dataset | TripleSet) -> TripleSet:
        """`data` as a TripleSet (a dataset is merged over all its graphs)."""
        if isinstance(data, TripleSet):
            return data
        if isinstance(data, Dataset):
            return cls((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
        return cls(data)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self.triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self.triples

    def __len__(self) -> int:
        return len(self.triples)


def rules_closure(
    data: Graph | Dataset | TripleSet, schema: Schema
) -> tuple[set[Triple], dict[Node, set[Node]]]:
    """Forward-chain sub-property, inverse, symmetric, transitive, domain, range and sub-class rules.

    Returns all object and datatype property triples after closure, and the types of each node
    after closure (asserted types, domain and range types, and all their superclasses).
    """
    data = TripleSet.of(data)
    edges: set[Triple] = set()
    succ: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    pred: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    queue: list[Triple] = []
    known = schema.object_properties | schema.datatype_properties

    for s, p, o in data:
        if p in known:
            queue.append((s, p, o))

    while queue:
        s, p, o = queue.pop()
        if (s, p, o) in edges:
            continue
        edges.add((s, p, o))
        if isinstance(o, Literal):
            for q in schema.superproperties.get(p, {p}):
                if q != p:
                    queue.append((s, q, o))
            continue
        succ[p][s].add(o)
        pred[p][o].add(s)
        for q in schema.superproperties.get(p, {p}):
            if q != p:
                queue.append((s, q, o))
            for inverse in schema.inverses.get(q, ()):
                queue.append((o, inverse, s))
            if q in schema.symmetric:
                queue.append((o, q, s))
        if p in schema.transitive:
            for x in list(succ[p].get(o, ())):
                queue.append((s, p, x))
            for y in list(pred[p].get(s, ())):
                queue.append((y, p, o))

    types: dict[Node, set[Node]] = defaultdict(set)
    for node, classes in data.types.items():
        if not isinstance(node, Literal):
            types[node] |= classes
    for s, p, o in edges:
        for c in schema.domains.get(p, ()):
            types[s].add(c)
        if not isinstance(o, Literal):
            for c in schema.ranges.get(p, ()):
                types[o].add(c)
    for node, classes in types.items():
        expanded = set()
        for c in classes:
            expanded |= schema.supers(c)
        types[node] = expanded
    return edges, types


# --- consistency diagnosis ------------------------------------------------------------------


class _Namer:
    """Short names for terms in messages (ckg:Person), full IRIs in angle brackets otherwise."""

    def __init__(self) -> None:
        self.nm = bind_prefixes(Graph()).namespace_manager

    def __call__(self, term: Node) -> str:
        if isinstance(term, URIRef):
            try:
                return self.nm.curie(term, generate=False)
            except (ValueError, KeyError):
                return f"<{term}>"
        return term.n3()


def _same_as_groups(data: TripleSet) -> dict[Node, set[Node]]:
    parent: dict[Node, Node] = {}

    def find(x: Node) -> Node:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in data.same_as:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    groups: dict[Node, set[Node]] = defaultdict(set)
    for x in list(parent):
        groups[find(x)].add(x)
    return {x: groups[find(x)] for x in parent}


def _type_reasons(
    node: Node, data: TripleSet, schema: Schema, touching: list[Triple], cls: Node, name: _Namer
) -> str:
    """Why `node` is an instance of `cls`, in words; `touching` are the closure triples about `node`."""
    for t in sorted(data.types.get(node, ())):
        if cls in schema.supers(t):
            return f"it is typed {name(t)}" if t == cls else f"it is typed {name(t)}, a kind of {name(cls)}"
    for s, p, o in sorted(touching):
        if s == node:
            for d in schema.domains.get(p, ()):
                if cls in schema.supers(d):
                    return f"it is the subject of {name(p)} (whose subject must be a {name(d)})"
        if o == node:
            for r in schema.ranges.get(p, ()):
                if cls in schema.supers(r):
                    return f"it is the object of {name(p)} (whose object must be a {name(r)})"
    return f"it is inferred to be a {name(cls)}"


def diagnose(
    data: Graph | Dataset | TripleSet,
    schema: Schema,
    closure: tuple[set[Triple], dict[Node, set[Node]]] | None = None,
) -> list[str]:
    """Plain-language reasons why `data` contradicts the ontology (empty if none are found).

    Finds nodes with two disjoint types (asserted, or implied by domains and ranges, also across
    ``owl:sameAs``), objects that fit no member of a union range, and literals outside a
    property's datatype range. `closure` is :func:`rules_closure` of `data`, when already computed.
    """
    data = TripleSet.of(data)
    name = _Namer()
    edges, types = closure if closure is not None else rules_closure(data, schema)
    groups = _same_as_groups(data)
    clashes: list[tuple[Node, set[Node], tuple[Node, Node, Node, Node]]] = []
    done: set[frozenset[Node]] = set()
    clashing: set[Node] = set()
    for node, classes in types.items():
        group = groups.get(node, {node})
        key = frozenset(group)
        if key in done:
            continue
        done.add(key)
        merged: set[Node] = set()
        for member in group:
            merged |= types.get(member, set())
        if len(merged) > 1:
            hit = schema.clash(merged)
            if hit is not None:
                clashes.append((node, group, hit))
                clashing |= group

    lines: list[str] = []
    if clashes:
        touching: dict[Node, list[Triple]] = defaultdict(list)
        for triple in edges:
            if triple[0] in clashing:
                touching[triple[0]].append(triple)
            if triple[2] in clashing:
                touching[triple[2]].append(triple)
        for node, group, (a, b, sa, sb) in clashes:
            owner_a = next(m for m in sorted(group, key=str) if a in types.get(m, ()))
            owner_b = next(m for m in sorted(group, key=str) if b in types.get(m, ()))
            why_a = _type_reasons(owner_a, data, schema, touching[owner_a], sa, name)
            why_b = _type_reasons(owner_b, data, schema, touching[owner_b], sb, name)
            aliases = sorted(m for m in group if m != node)
            described = f"<{node}>" + (f" (same as {', '.join(name(m) for m in aliases)})" if aliases else "")
            lines.append(
                f"{described} cannot be both a {name(sa)} and a {name(sb)}, which the ontology declares "
                f"disjoint: {why_a}{'' if owner_a == node else f' (as <{owner_a}>)'}, and {why_b}"
                f"{'' if owner_b == node else f' (as <{owner_b}>)'}."
            )

    for s, p, o in edges:
        if isinstance(o, Literal):
            for dt in schema.datatype_ranges.get(p, ()):
                if not _literal_fits(o, dt):
                    lines.append(
                        f"<{s}> has {name(p)} {o.n3()}, but values of {name(p)} must be of type {name(dt)}."
                    )
            continue
        if o in clashing or p not in schema.range_unions:
            continue  # a clash is already reported: its types contradict each other
        for union in schema.range_unions[p]:
            node_types: set[Node] = set()
            for member in groups.get(o, {o}):
                node_types |= types.get(member, set())
            blockers = [schema.excluded(node_types, c) for c in union]
            if node_types and all(b is not None for b in blockers):
                wanted = " or ".join(name(c) for c in union)
                lines.append(
                    f"<{s}> {name(p)} <{o}>, but the object of {name(p)} must be a {wanted}, "
                    f"and <{o}> is a {name(blockers[0])}."  # type: ignore[arg-type]
                )
    return sorted(lines)


def _literal_fits(value: Literal, datatype: Node) -> bool:
    numeric = {XSD.integer, XSD.nonNegativeInteger, XSD.int, XSD.long, XSD.short, XSD.positiveInteger}
    if datatype == XSD.decimal:
        return value.datatype in numeric | {XSD.decimal}
    if datatype == XSD.integer:
        return value.datatype in numeric
    if datatype == XSD.nonNegativeInteger:
        return value.datatype in numeric and value.value is not None and int(value.value) >= 0
    if datatype == XSD.string:
        return value.datatype in (None, XSD.string) and value.language is None
    if datatype == XSD.boolean:
        return value.datatype == XSD.boolean
    return True


# --- the two modes --------------------------------------------------------------------------


def _is_term(node: Node, schema: Schema) -> bool:
    """True for ontology and code-list terms, which are never reported as inferred data."""
    return node in schema.terms or str(node).startswith(str(CKG))


def _new_triples(
    data: TripleSet, schema: Schema, edges: Iterable[Triple], types: dict[Node, set[Node]]
) -> Graph:
    out = bind_prefixes(Graph())
    for s, p, o in edges:
        if _is_term(s, schema) or (s, p, o) in data:
            continue
        out.add((s, p, o))
    for node, classes in types.items():
        if _is_term(node, schema) or isinstance(node, Literal):
            continue
        for c in classes:
            if c in _BOILERPLATE_TYPES or (node, RDF.type, c) in data:
                continue
            out.add((node, RDF.type, c))
    return out


def _reason_rules(data: TripleSet, schema: Schema) -> tuple[bool, list[str], Graph]:
    edges, types = rules_closure(data, schema)
    problems = diagnose(data, schema, (edges, types))
    inferred = _new_triples(data, schema, edges, types)
    return not problems, problems, inferred


def _hermit_input(data: TripleSet, schema: Schema) -> Iterator[Triple]:
    """The triples of `data` that matter to an OWL reasoner."""
    for s, p, o in data:
        if p == RDF.type:
            if o in schema.classes:
                yield s, p, o
        elif p in (OWL.sameAs, OWL.differentFrom):
            yield s, p, o
        elif p in schema.object_properties:
            if not isinstance(o, Literal):
                yield s, p, o
        elif p in schema.datatype_properties and p not in _SKIPPED_FOR_HERMIT:
            if isinstance(o, Literal):
                yield s, p, o


def _canonical(node: Node, groups: dict[Node, set[Node]]) -> Node:
    members = groups.get(node)
    if not members:
        return node
    ours = sorted((m for m in members if str(m).startswith(str(ID))), key=str)
    return ours[0] if ours else sorted(members, key=str)[0]


def _reason_hermit(
    data: TripleSet, schema: Schema, ontology: Graph, property_values: bool
) -> tuple[bool, list[str], Graph]:
    import owlready2  # imported lazily: it starts a SQLite world on import

    graph = Graph()
    for triple in ontology:
        graph.add(triple)
    for triple in _hermit_input(data, schema):
        graph.add(triple)
    with tempfile.TemporaryDirectory(prefix="graphbuilder-hermit-") as tmp:
        path = Path(tmp) / "input.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            world.get_ontology(path.as_uri()).load()
            try:
                owlready2.sync_reasoner_hermit(
                    world, infer_property_values=property_values, ignore_unsupported_datatypes=True, debug=0
                )
            except (FileNotFoundError, owlready2.OwlReadyJavaError) as error:
                raise RuntimeError(
                    f"HermiT could not run (it needs Java): {error}. Use reason(..., mode='rules') instead."
                ) from error
            except owlready2.OwlReadyInconsistentOntologyError:
                lines = diagnose(data, schema) or [
                    "HermiT found the data inconsistent with the ontology, but no simple cause "
                    "(two disjoint types, a wrong kind of subject or object, a wrong datatype) was found."
                ]
                return False, ["HermiT: the data contradicts the ontology."] + lines, Graph()
            unsatisfiable = sorted(str(c.iri) for c in world.inconsistent_classes())
            buffer = io.BytesIO()
            world.get_ontology("http://inferrences/").save(buffer, format="ntriples")
        finally:
            world.close()
    hermit = Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")

    groups = _same_as_groups(data)
    found: set[Triple] = set()
    for s, p, o in hermit:
        s = _canonical(s, groups)
        o = o if isinstance(o, Literal) else _canonical(o, groups)
        if _is_term(s, schema) or isinstance(s, BNode) or (p == RDF.type and o in _BOILERPLATE_TYPES):
            continue
        if p == RDF.type and o == OWL.Ontology:
            continue
        found.add((s, p, o))
    enriched = TripleSet(data.triples | found)
    edges, types = rules_closure(enriched, schema)
    inferred = _new_triples(data, schema, edges, types)
    for triple in found - data.triples:
        inferred.add(triple)
    notes = [f"HermiT: class <{c}> can have no instances (it is unsatisfiable)." for c in unsatisfiable]
    return True, notes, inferred


def reason(
    data_graph: Graph | Dataset | TripleSet,
    mode: str = "hermit",
    *,
    ontology: Graph | None = None,
    property_values: bool | None = None,
) -> ReasonResult:
    """Check `data_graph` against the ontology and infer new triples.

    `mode` is ``"hermit"`` (complete OWL 2 DL reasoning with HermiT; needs Java) or ``"rules"``
    (fast closure for sub-classes, sub-properties, inverses, transitive ``ckg:partOf``, domains
    and ranges, with a disjointness check). A dataset is merged over all its graphs. `ontology`
    defaults to ``ontology/graphbuilder.ttl`` with the code lists.

    `property_values` asks HermiT for all entailed property values
    (``sync_reasoner(infer_property_values=True)``). That step grows much faster than the data
    (minutes for a few thousand individuals), and the rules closure, always applied after HermiT,
    already derives the property values this ontology entails (sub-properties, inverses,
    transitivity). The default (None) uses it up to :data:`HERMIT_PROPERTY_VALUES_LIMIT` nodes.
    """
    if mode not in ("hermit", "rules"):
        raise ValueError(f"unknown reasoning mode {mode!r}: use 'hermit' or 'rules'")
    start = time.perf_counter()
    data = TripleSet.of(data_graph)
    schema = _default_schema() if ontology is None else Schema(ontology)
    if mode == "rules":
        consistent, lines, inferred = _reason_rules(data, schema)
    else:
        tbox = load_ontology_graph(codes=False) if ontology is None else ontology
        if property_values is None:
            property_values = len(data.types) <= HERMIT_PROPERTY_VALUES_LIMIT
        consistent, lines, inferred = _reason_hermit(data, schema, tbox, property_values)
    inferred = bind_prefixes(inferred)
    if consistent:
        lines = [f"{mode}: consistent; {len(inferred)} new triples inferred."] + lines
    return ReasonResult(consistent, lines, inferred, mode, time.perf_counter() - start)

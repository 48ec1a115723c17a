"""Extraction → RDF quads in the document's named graph (layout: ontology/README.md)."""
from __future__ import annotations

import calendar
import hashlib
import json
from functools import lru_cache
from importlib.resources import files
from typing import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from . import __version__
from .model import Event, Extraction, Span
from .vocab import NAMES_GRAPH, CKG, DCT, ID, ITSRDF, NIF, PROV, SEM, SKOS, WD, actor_iri, document_iri, segment, span_iri

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
OWL_SAMEAS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
XSD = "http://www.w3.org/2001/XMLSchema#"
ROLE_PROPERTIES = {"attacker": "attacker", "target": "target", "victims": "victim", "place": "place"}
GAZETTEER_SOURCE = NamedNode(f"{ID}source/gazetteer-fr")
# the properties of every evidence span and statement, made once (rdflib's Namespace builds a term per access)
NIF_STRING, NIF_RFC5147 = NamedNode(str(NIF.String)), NamedNode(str(NIF.RFC5147String))
NIF_CONTEXT, NIF_ANCHOR = NamedNode(str(NIF.referenceContext)), NamedNode(str(NIF.anchorOf))
NIF_BEGIN, NIF_END = NamedNode(str(NIF.beginIndex)), NamedNode(str(NIF.endIndex))
CKG_CONFIDENCE = NamedNode(str(CKG.confidence))
PROV_GENERATED_BY, PROV_DERIVED_FROM = NamedNode(str(PROV.wasGeneratedBy)), NamedNode(str(PROV.wasDerivedFrom))


@lru_cache(maxsize=1 << 16)
def n(iri: str) -> NamedNode:
    """A named node from a str-like IRI (cached: vocabulary and actor IRIs recur in every document)."""
    return NamedNode(str(iri))


def typed(value, datatype: str) -> Literal:
    """A literal with an XSD datatype."""
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


@lru_cache(maxsize=None)
def event_codes() -> dict:
    """CAMEO and PLOVER codes of each event and statement type (data file)."""
    return json.loads(files("graphbuilder").joinpath("data/event_codes.json").read_text(encoding="utf-8"))


def run_iri() -> NamedNode:
    """The extraction activity of this software version (deterministic, so rebuilds are identical)."""
    return n(f"{ID}run/graphbuilder-{__version__}")


class GraphWriter:
    """Turns one Extraction into the quads of its named graph."""

    def __init__(self, model: str):
        self.model = model

    def quads(self, extraction: Extraction) -> Iterator[Quad]:
        """All quads of a document's named graph."""
        doc = extraction.document
        g = n(document_iri(doc.name))
        self.g = g
        self.doc = doc
        yield from self._document(doc)
        for entity in extraction.entities:
            node = n(actor_iri(entity.key))
            yield Quad(node, RDF_TYPE, n(CKG[entity.type]), g)
            yield from label_quads(node, entity.label, entity.aliases, g)
            if entity.qid:
                yield Quad(node, OWL_SAMEAS, n(WD[entity.qid]), g)
            for span in entity.mentions:
                yield from self._span(span)
                yield Quad(n(span_iri(doc.name, span.start, span.end)), n(ITSRDF.taIdentRef), node, g)
        event_nodes = [n(f"{ID}event/{segment(doc.name)}/{i}") for i in range(len(extraction.events))]
        for i, event in enumerate(extraction.events):
            yield from self._event(event, event_nodes[i], event_nodes)
        for relation in extraction.relations:
            yield from self._relation(relation.subject, relation.predicate, relation.object, relation.evidence, relation.confidence)

    def _document(self, doc) -> Iterator[Quad]:
        g, node = self.g, self.g
        context = n(span_iri(doc.name, 0, len(doc.text)))
        yield Quad(node, RDF_TYPE, n(CKG.Document), g)
        yield Quad(node, RDF_TYPE, n(PROV.Entity), g)
        yield Quad(node, n(CKG.fileName), Literal(doc.name), g)
        yield Quad(node, n(DCT.language), Literal(doc.lang), g)
        if doc.published:
            yield Quad(node, n(CKG.published), typed(doc.published, "date" if len(doc.published) == 10 else "gYearMonth"), g)
        yield Quad(node, n(CKG.context), context, g)
        yield Quad(context, RDF_TYPE, n(NIF.Context), g)
        yield Quad(context, n(NIF.isString), Literal(doc.text), g)
        yield Quad(context, n(NIF.beginIndex), typed(0, "nonNegativeInteger"), g)
        yield Quad(context, n(NIF.endIndex), typed(len(doc.text), "nonNegativeInteger"), g)
        run = run_iri()
        agent = n(f"{ID}agent/graphbuilder-{__version__}")
        yield Quad(run, RDF_TYPE, n(PROV.Activity), g)
        yield Quad(run, n(PROV.wasAssociatedWith), agent, g)
        yield Quad(run, n(CKG.model), Literal(self.model), g)
        yield Quad(agent, RDF_TYPE, n(PROV.SoftwareAgent), g)
        yield Quad(agent, RDFS_LABEL, Literal(f"graphbuilder {__version__}"), g)

    def _span(self, span: Span) -> Iterator[Quad]:
        g, name = self.g, self.doc.name
        node = n(span_iri(name, span.start, span.end))
        yield Quad(node, RDF_TYPE, NIF_STRING, g)
        yield Quad(node, RDF_TYPE, NIF_RFC5147, g)
        yield Quad(node, NIF_CONTEXT, n(span_iri(name, 0, len(self.doc.text))), g)
        yield Quad(node, NIF_BEGIN, typed(span.start, "nonNegativeInteger"), g)
        yield Quad(node, NIF_END, typed(span.end, "nonNegativeInteger"), g)
        yield Quad(node, NIF_ANCHOR, Literal(span.text), g)

    def _provenance(self, node: NamedNode, evidence: list[Span], confidence: float) -> Iterator[Quad]:
        g = self.g
        yield Quad(node, CKG_CONFIDENCE, typed(f"{confidence:.2f}", "decimal"), g)
        yield Quad(node, PROV_GENERATED_BY, run_iri(), g)
        for span in evidence:
            yield from self._span(span)
            yield Quad(node, PROV_DERIVED_FROM, n(span_iri(self.doc.name, span.start, span.end)), g)

    def _codes(self, node: NamedNode, kind: str) -> Iterator[Quad]:
        codes = event_codes()[kind]
        for scheme, prop in (("cameo", CKG.cameoCode), ("plover", CKG.ploverCode)):
            if codes.get(scheme):  # a statement type may have no code in one scheme
                yield Quad(node, n(prop), n(CKG[f"{scheme}-{codes[scheme]}"]), self.g)

    def _event(self, event: Event, node: NamedNode, nodes: list[NamedNode]) -> Iterator[Quad]:
        g = self.g
        yield Quad(node, RDF_TYPE, n(CKG[event.type]), g)
        yield from self._codes(node, event.type)
        for role, prop in ROLE_PROPERTIES.items():
            for key in event.roles.get(role, []):
                yield Quad(node, n(CKG[prop]), n(actor_iri(key)), g)
        if event.date:
            yield from self._date(node, event.date.value, event.date.granularity)
        if event.weapon:
            yield Quad(node, n(CKG.weapon), Literal(event.weapon), g)
        if event.fatalities is not None:
            yield Quad(node, n(CKG.fatalities), typed(event.fatalities, "integer"), g)
        if event.responds_to is not None:
            yield Quad(node, n(CKG.respondsTo), nodes[event.responds_to], g)
        if event.series:
            yield Quad(node, n(CKG.series), typed("true", "boolean"), g)
        yield from self._provenance(node, event.evidence, event.confidence)
        for k, (kind, by, about) in enumerate((
            ("Accusation", event.roles.get("attributed_by", []), event.roles.get("attributed_to", [])),
            ("Claim", event.roles.get("claimed_by", []), []),
        )):
            if not by and not about:
                continue
            statement = n(f"{node.value}/{kind.lower()}")
            yield Quad(statement, RDF_TYPE, n(CKG[kind]), g)
            yield Quad(statement, n(CKG.about), node, g)
            yield from self._codes(statement, kind)
            agent_prop, patient_prop = (CKG.accuser, CKG.accused) if kind == "Accusation" else (CKG.claimant, None)
            for key in by:
                yield Quad(statement, n(agent_prop), n(actor_iri(key)), g)
            for key in about:
                yield Quad(statement, n(patient_prop), n(actor_iri(key)), g)
            yield from self._provenance(statement, event.evidence[-1:], event.confidence)

    def _date(self, node: NamedNode, value: str, granularity: str) -> Iterator[Quad]:
        g = self.g
        yield Quad(node, n(CKG.timeValue), Literal(value), g)
        yield Quad(node, n(CKG.granularity), Literal(granularity), g)
        first, _, last = value.partition("/")
        if granularity != "reported":  # a reported event has no known beginning, only its latest end
            yield Quad(node, n(SEM.hasEarliestBeginTimeStamp), typed(_day(first, start=True), "date"), g)
        yield Quad(node, n(SEM.hasLatestEndTimeStamp), typed(_day(last or first, start=False), "date"), g)

    def _relation(self, s: str, p: str, o: str, evidence: list[Span], confidence: float) -> Iterator[Quad]:
        g = self.g
        subject, predicate, obj = n(actor_iri(s)), n(CKG[p]), n(actor_iri(o))
        yield Quad(subject, predicate, obj, g)
        digest = hashlib.sha1(f"{self.doc.name}|{s}|{p}|{o}".encode()).hexdigest()[:20]
        statement = n(f"{ID}stmt/{digest}")
        yield Quad(statement, RDF_TYPE, n(RDF + "Statement"), g)
        yield Quad(statement, n(RDF + "subject"), subject, g)
        yield Quad(statement, n(RDF + "predicate"), predicate, g)
        yield Quad(statement, n(RDF + "object"), obj, g)
        yield from self._provenance(statement, evidence, confidence)


def _day(value: str, start: bool) -> str:
    """First or last day of an ISO day, month or year."""
    parts = value.split("-")
    if len(parts) == 3:
        return value
    year = int(parts[0])
    month = int(parts[1]) if len(parts) == 2 else (1 if start else 12)
    day = 1 if start else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def label_quads(node: NamedNode, label: str, aliases, g: NamedNode) -> Iterator[Quad]:
    """An actor's preferred and alternative labels in `g`, and each one lower-cased as a ckg:labelKey in the
    names graph, where it is stored once however many documents name the actor (an index lookup for queries)."""
    yield Quad(node, n(SKOS.prefLabel), Literal(label), g)
    for alias in aliases:
        if alias != label:
            yield Quad(node, n(SKOS.altLabel), Literal(alias), g)
    for key in sorted({name.lower() for name in (label, *aliases)}):
        yield Quad(node, n(CKG.labelKey), Literal(key), n(str(NAMES_GRAPH)))


def gazetteer_quads(gazetteer, graph: str) -> Iterator[Quad]:
    """The actors graph: every gazetteer actor's type, labels, Wikidata id and known relations."""
    g = n(graph)
    predicates = ("partOf", "supportedBy", "ledBy", "affiliatedWith", "memberOf", "stationedIn")
    for actor in gazetteer:
        node = n(actor_iri(actor["id"]))
        yield Quad(node, RDF_TYPE, n(CKG[actor["type"]]), g)
        yield from label_quads(node, actor["label"], actor.get("aliases", []), g)
        if actor.get("qid"):
            yield Quad(node, OWL_SAMEAS, n(WD[actor["qid"]]), g)
        for predicate in predicates:
            for other in actor.get(predicate, []):
                obj = n(actor_iri(other))
                yield Quad(node, n(CKG[predicate]), obj, g)
                digest = hashlib.sha1(f"gazetteer|{actor['id']}|{predicate}|{other}".encode()).hexdigest()[:20]
                statement = n(f"{ID}stmt/{digest}")
                yield Quad(statement, RDF_TYPE, n(RDF + "Statement"), g)
                yield Quad(statement, n(RDF + "subject"), node, g)
                yield Quad(statement, n(RDF + "predicate"), n(CKG[predicate]), g)
                yield Quad(statement, n(RDF + "object"), obj, g)
                yield Quad(statement, n(PROV.wasDerivedFrom), GAZETTEER_SOURCE, g)

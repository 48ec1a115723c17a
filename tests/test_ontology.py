"""Tests of the ontology, the code lists, SHACL validation and reasoning (HermiT and rules)."""
from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graphbuilder.ontology import (
    codes_paths,
    load_codes_graph,
    load_ontology_graph,
    ontology_dir,
    ontology_path,
    render_docs,
    shapes_path,
)
from graphbuilder.reason import reason
from graphbuilder.validate import validate
from graphbuilder.vocab import ACTORS_GRAPH, CKG, ID

EVENT_CODES = Path(__file__).resolve().parents[1] / "graphbuilder" / "data" / "event_codes.json"

PREFIXES = """\
@base <https://w3id.org/graphbuilder/id/> .
@prefix ckg: <https://w3id.org/graphbuilder/ontology#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""

# One article's named graph, following the layout rdf.py writes. The text is 149 characters:
# "la mort de Soleimani" is [18, 38), the retaliation [40, 121), "Washington accuse Téhéran" [123, 148).
DOC_GRAPH = """\
<doc/t1.txt> a ckg:Document, prov:Entity ;
    ckg:fileName "t1.txt" ; dct:language "fr" ; ckg:published "2020-01"^^xsd:gYearMonth ;
    ckg:context <doc/t1.txt#char=0,149> .
<doc/t1.txt#char=0,149> a nif:Context ;
    nif:isString "En représailles à la mort de Soleimani, les Gardiens de la révolution de l'Iran ont frappé la base d'Aïn al-Assad en Irak. Washington accuse Téhéran." ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "149"^^xsd:nonNegativeInteger .

<doc/t1.txt#char=18,38> a nif:String, nif:RFC5147String ; nif:referenceContext <doc/t1.txt#char=0,149> ;
    nif:beginIndex "18"^^xsd:nonNegativeInteger ; nif:endIndex "38"^^xsd:nonNegativeInteger ;
    nif:anchorOf "la mort de Soleimani" .
<doc/t1.txt#char=40,121> a nif:String, nif:RFC5147String ; nif:referenceContext <doc/t1.txt#char=0,149> ;
    nif:beginIndex "40"^^xsd:nonNegativeInteger ; nif:endIndex "121"^^xsd:nonNegativeInteger ;
    nif:anchorOf "les Gardiens de la révolution de l'Iran ont frappé la base d'Aïn al-Assad en Irak" .
<doc/t1.txt#char=123,148> a nif:String, nif:RFC5147String ; nif:referenceContext <doc/t1.txt#char=0,149> ;
    nif:beginIndex "123"^^xsd:nonNegativeInteger ; nif:endIndex "148"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Washington accuse Téhéran" .
<doc/t1.txt#char=44,79> a nif:String, nif:RFC5147String ; nif:referenceContext <doc/t1.txt#char=0,149> ;
    nif:beginIndex "44"^^xsd:nonNegativeInteger ; nif:endIndex "79"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Gardiens de la révolution de l'Iran" .

<doc/t1.txt#char=29,38> a nif:String, nif:RFC5147String ; nif:referenceContext <doc/t1.txt#char=0,149> ;
    nif:beginIndex "29"^^xsd:nonNegativeInteger ; nif:endIndex "38"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Soleimani" ; itsrdf:taIdentRef <actor/qassem-soleimani> .
<doc/t1.txt#char=91,113> a nif:String, nif:RFC5147String ; nif:referenceContext <doc/t1.txt#char=0,149> ;
    nif:beginIndex "91"^^xsd:nonNegativeInteger ; nif:endIndex "113"^^xsd:nonNegativeInteger ;
    nif:anchorOf "la base d'Aïn al-Assad" ; itsrdf:taIdentRef <actor/ain-al-assad> .
<doc/t1.txt#char=117,121> a nif:String, nif:RFC5147String ; nif:referenceContext <doc/t1.txt#char=0,149> ;
    nif:beginIndex "117"^^xsd:nonNegativeInteger ; nif:endIndex "121"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Irak" ; itsrdf:taIdentRef <actor/irak> .

<actor/qassem-soleimani> a ckg:Person ; skos:prefLabel "Qassem Soleimani" ; skos:altLabel "Soleimani" .
<actor/ain-al-assad> a ckg:Facility ; skos:prefLabel "base d'Aïn al-Assad" .
<actor/irak> a ckg:State ; skos:prefLabel "Irak" .

<run/graphbuilder-0.1.0> a prov:Activity ; prov:wasAssociatedWith <agent/graphbuilder-0.1.0> ;
    ckg:model "fr_core_news_md-3.8.0" .
<agent/graphbuilder-0.1.0> a prov:SoftwareAgent ; rdfs:label "graphbuilder 0.1.0" .

<event/t1/1> a ckg:Attack ;
    ckg:victim <actor/qassem-soleimani> ; ckg:attacker <actor/etats-unis> ;
    ckg:confidence 0.6 ; prov:wasDerivedFrom <doc/t1.txt#char=18,38> ;
    prov:wasGeneratedBy <run/graphbuilder-0.1.0> ;
    ckg:cameoCode ckg:cameo-190 ; ckg:ploverCode ckg:plover-ASSAULT .

<event/t1/2> a ckg:Retaliation ;
    ckg:attacker <actor/gardiens-de-la-revolution> ; ckg:target <actor/ain-al-assad> ;
    ckg:place <actor/irak> ; ckg:weapon "missile" ; ckg:fatalities 0 ;
    ckg:timeValue "2020-01-08" ; ckg:granularity "day" ;
    sem:hasEarliestBeginTimeStamp "2020-01-08"^^xsd:date ; sem:hasLatestEndTimeStamp "2020-01-08"^^xsd:date ;
    ckg:respondsTo <event/t1/1> ; ckg:confidence 0.8 ;
    prov:wasDerivedFrom <doc/t1.txt#char=40,121> ; prov:wasGeneratedBy <run/graphbuilder-0.1.0> ;
    ckg:cameoCode ckg:cameo-190 ; ckg:ploverCode ckg:plover-ASSAULT .

<event/t1/2/accusation/1> a ckg:Accusation ;
    ckg:accuser <actor/etats-unis> ; ckg:accused <actor/iran> ; ckg:about <event/t1/2> ;
    prov:wasDerivedFrom <doc/t1.txt#char=123,148> ; ckg:confidence 0.7 ;
    ckg:cameoCode ckg:cameo-112 ; ckg:ploverCode ckg:plover-ACCUSE .

<actor/gardiens-de-la-revolution> ckg:partOf <actor/iran> .
<stmt/1a2b3c> a rdf:Statement ; rdf:subject <actor/gardiens-de-la-revolution> ;
    rdf:predicate ckg:partOf ; rdf:object <actor/iran> ; ckg:confidence 0.9 ;
    prov:wasDerivedFrom <doc/t1.txt#char=44,79> ; prov:wasGeneratedBy <run/graphbuilder-0.1.0> .
"""

# The gazetteer's actors graph.
ACTORS = """\
<actor/iran> a ckg:State ; skos:prefLabel "Iran" ; skos:altLabel "Téhéran" ; owl:sameAs wd:Q794 .
<actor/etats-unis> a ckg:State ; skos:prefLabel "États-Unis" ; skos:altLabel "Washington" ; owl:sameAs wd:Q30 .
<actor/gardiens-de-la-revolution> a ckg:MilitaryForce ; skos:prefLabel "Gardiens de la révolution" .
<actor/force-al-qods> a ckg:MilitaryForce ; skos:prefLabel "Force al-Qods" .
<actor/force-al-qods> ckg:partOf <actor/gardiens-de-la-revolution> ; ckg:ledBy <actor/qassem-soleimani> .
<stmt/4d5e6f> a rdf:Statement ; rdf:subject <actor/force-al-qods> ;
    rdf:predicate ckg:partOf ; rdf:object <actor/gardiens-de-la-revolution> ;
    prov:wasDerivedFrom <source/gazetteer-fr> .
"""

SAMPLE = PREFIXES + DOC_GRAPH + ACTORS


def parse(turtle: str) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


def iri(path: str) -> URIRef:
    return ID[path]


@pytest.fixture(scope="module")
def sample() -> Graph:
    return parse(SAMPLE)


@pytest.fixture(scope="module")
def hermit_result(sample: Graph):
    return reason(sample, "hermit")


# --- the ontology files ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [ontology_path(), shapes_path(), *codes_paths()], ids=lambda p: p.name)
def test_turtle_parses_without_warnings(path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING), warnings.catch_warnings():
        warnings.simplefilter("error")
        graph = Graph().parse(path, format="turtle")
    assert len(graph) > 100
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_ontology_header() -> None:
    graph = load_ontology_graph(codes=False)
    onto = URIRef("https://w3id.org/graphbuilder/ontology")
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert graph.value(onto, OWL.versionIRI) == URIRef("https://w3id.org/graphbuilder/ontology/0.1.0")
    assert graph.value(onto, URIRef("http://purl.org/dc/terms/license")) is not None
    for field in ("title", "description"):
        values = list(graph.objects(onto, URIRef(f"http://purl.org/dc/terms/{field}")))
        assert {v.language for v in values} == {"en", "fr"}


def test_every_class_and_property_has_labels_and_comment() -> None:
    graph = load_ontology_graph(codes=False)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {t for k in kinds for t in graph.subjects(RDF.type, k) if isinstance(t, URIRef)}
    assert CKG.Retaliation in terms and CKG.partOf in terms
    for term in terms:
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"en", "fr"} <= languages, term
        assert graph.value(term, RDFS.comment) is not None, term


def test_expected_axioms() -> None:
    graph = load_ontology_graph(codes=False)
    assert (CKG.Retaliation, RDFS.subClassOf, CKG.Attack) in graph
    assert (CKG.Attack, RDFS.subClassOf, CKG.Event) in graph
    assert (CKG.Event, RDFS.subClassOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")) in graph
    assert (CKG.Document, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in graph
    assert (CKG.retaliatedAgainst, RDFS.subPropertyOf, CKG.attacked) in graph
    assert (CKG.partOf, RDF.type, OWL.TransitiveProperty) in graph
    assert (CKG.ledBy, OWL.inverseOf, CKG.leads) in graph
    assert (CKG.Person, OWL.disjointWith, CKG.State) in graph


def test_ontology_loads_in_owlready2(tmp_path: Path) -> None:
    import owlready2

    nt = tmp_path / "graphbuilder.nt"
    load_ontology_graph(codes=True).serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    try:
        onto = world.get_ontology(nt.as_uri()).load()
        retaliation = world[str(CKG.Retaliation)]
        attack = world[str(CKG.Attack)]
        assert onto is not None and retaliation is not None
        assert attack in retaliation.ancestors()
        assert world[str(CKG.partOf)] is not None
    finally:
        world.close()


def test_docs_are_generated_from_the_ontology() -> None:
    readme = ontology_dir() / "README.md"
    assert readme.read_text(encoding="utf-8") == render_docs(), "run: python -m graphbuilder.ontology"
    assert "### ckg:Retaliation" in readme.read_text(encoding="utf-8")


# --- code lists -----------------------------------------------------------------------------


def test_code_lists_and_event_codes() -> None:
    codes = load_codes_graph()
    for concept in codes.subjects(RDF.type, SKOS.Concept):
        assert codes.value(concept, SKOS.notation) is not None, concept
        assert codes.value(concept, SKOS.inScheme) in (CKG.cameo, CKG.plover), concept
        for broader in codes.objects(concept, SKOS.broader):
            assert (broader, RDF.type, SKOS.Concept) in codes
    assert (CKG["cameo-195"], SKOS.broader, CKG["cameo-19"]) in codes
    assert codes.value(CKG["cameo-015"], SKOS.notation) == Literal("015")

    table = json.loads(EVENT_CODES.read_text(encoding="utf-8"))
    assert set(table) == {"Attack", "Retaliation", "Threat", "Accusation", "Claim"}
    for name, entry in table.items():
        assert (CKG[f"cameo-{entry['cameo']}"], SKOS.notation, Literal(entry["cameo"])) in codes, name
        if entry["plover"] is not None:
            assert (CKG[f"plover-{entry['plover']}"], SKOS.notation, Literal(entry["plover"])) in codes, name

    ontology = load_ontology_graph(codes=False)
    mappings = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
    targets = {o for m in mappings for o in ontology.objects(None, m)} | {
        o for m in mappings for o in codes.objects(None, m)
    }
    assert targets
    for target in targets:
        assert (target, RDF.type, SKOS.Concept) in codes, target


# --- reasoning ------------------------------------------------------------------------------


def test_hermit_finds_sample_consistent_and_infers_attack(hermit_result) -> None:
    assert hermit_result.consistent, hermit_result.explanation
    inferred = hermit_result.inferred
    assert (iri("event/t1/2"), RDF.type, CKG.Attack) in inferred
    assert (iri("actor/force-al-qods"), CKG.partOf, iri("actor/iran")) in inferred
    assert (iri("actor/qassem-soleimani"), CKG.leads, iri("actor/force-al-qods")) in inferred
    # Only new facts about data individuals.
    assert not inferred & parse(SAMPLE)
    assert not [s for s in inferred.subjects() if str(s).startswith(str(CKG))]


def test_hermit_reports_inconsistency_with_the_individual() -> None:
    result = reason(parse(SAMPLE + "<actor/irak> a ckg:Person .\n"), "hermit")
    assert not result.consistent
    text = "\n".join(result.explanation)
    assert str(iri("actor/irak")) in text
    assert "ckg:Person" in text and "ckg:State" in text


def test_rules_mode_matches_hermit(sample: Graph, hermit_result) -> None:
    rules = reason(sample, "rules")
    assert rules.consistent
    assert set(rules.inferred) <= set(hermit_result.inferred)
    assert (iri("event/t1/2"), RDF.type, CKG.Attack) in rules.inferred
    bad = reason(parse(SAMPLE + "<actor/bagdad> a ckg:Place ; skos:prefLabel \"Bagdad\" ; ckg:killed <actor/irak> .\n"), "rules")
    assert not bad.consistent
    assert any(str(iri("actor/bagdad")) in line and "ckg:killed" in line for line in bad.explanation)


def test_sparql_over_rules_reasoned_data(sample: Graph) -> None:
    store = pyoxigraph.Store()
    data = Graph()
    for triple in sample:
        data.add(triple)
    for triple in reason(sample, "rules").inferred:
        data.add(triple)
    for triple in load_codes_graph():
        data.add(triple)
    store.load(data.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    prefix = f"PREFIX ckg: <{CKG}> PREFIX skos: <{SKOS}> "
    attacks = {str(row["e"].value) for row in store.query(prefix + "SELECT ?e WHERE { ?e a ckg:Attack }")}
    assert attacks == {str(iri("event/t1/1")), str(iri("event/t1/2"))}
    coded = {
        str(row["e"].value)
        for row in store.query(prefix + 'SELECT ?e WHERE { ?e ckg:cameoCode/skos:notation "190" }')
    }
    assert coded == attacks
    parts = store.query(prefix + f"ASK {{ <{iri('actor/force-al-qods')}> ckg:partOf <{iri('actor/iran')}> }}")
    assert bool(parts)


# --- SHACL ----------------------------------------------------------------------------------


def test_good_sample_conforms(sample: Graph) -> None:
    conforms, messages = validate(sample, warnings=True)
    assert conforms, messages
    assert messages == []


def test_good_sample_conforms_as_dataset() -> None:
    dataset = Dataset()
    dataset.graph(iri("doc/t1.txt")).parse(data=PREFIXES + DOC_GRAPH, format="turtle")
    dataset.graph(ACTORS_GRAPH).parse(data=PREFIXES + ACTORS, format="turtle")
    conforms, messages = validate(dataset)
    assert conforms, messages


def test_good_sample_conforms_with_rdfs_inference(sample: Graph) -> None:
    conforms, messages = validate(sample, inference="rdfs")
    assert conforms, messages


BROKEN = {
    "event without evidence": (
        lambda t: t.replace("ckg:confidence 0.6 ; prov:wasDerivedFrom <doc/t1.txt#char=18,38> ;", "ckg:confidence 0.6 ;"),
        ["<event/t1/1>", "prov:wasDerivedFrom", "no evidence"],
    ),
    "killed by a place": (
        lambda t: t + '<actor/bagdad> a ckg:Place ; skos:prefLabel "Bagdad" ; ckg:killed <actor/qassem-soleimani> .\n',
        ["<actor/bagdad>", "ckg:Place", "subject of ckg:killed must be an actor"],
    ),
    "span beyond the text": (
        lambda t: t.replace(
            'nif:beginIndex "117"^^xsd:nonNegativeInteger ; nif:endIndex "121"',
            'nif:beginIndex "117"^^xsd:nonNegativeInteger ; nif:endIndex "170"',
        ),
        ["<doc/t1.txt#char=117,121>", "170", "beyond the end", "149 characters"],
    ),
    "anchor differs from the text": (
        lambda t: t.replace('nif:anchorOf "Washington accuse Téhéran"', 'nif:anchorOf "Washington accuse l\'Iran"'),
        ["<doc/t1.txt#char=123,148>", "nif:anchorOf", "Washington accuse l'Iran", "Washington accuse Téhéran"],
    ),
    "event with two types": (
        lambda t: t + "<event/t1/1> a ckg:Threat .\n",
        ["<event/t1/1>", "typed both ckg:Attack and ckg:Threat"],
    ),
    "place that is an event": (
        lambda t: t.replace("ckg:place <actor/irak>", "ckg:place <event/t1/1>"),
        ["<event/t1/2>", "ckg:place", "location"],
    ),
    "confidence above one": (
        lambda t: t.replace("ckg:confidence 0.8", "ckg:confidence 1.8"),
        ["<event/t1/2>", "ckg:confidence", "between 0 and 1"],
    ),
    "unknown CAMEO code": (
        lambda t: t.replace("ckg:cameoCode ckg:cameo-112", "ckg:cameoCode ckg:cameo-999"),
        ["<event/t1/2/accusation/1>", "ckg:cameoCode", "CAMEO code list"],
    ),
    "partOf object is a facility": (
        lambda t: t + "<actor/force-al-qods> ckg:partOf <actor/ain-al-assad> .\n",
        ["<actor/force-al-qods>", "ckg:partOf", "must be an actor", "<actor/ain-al-assad>"],
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_sample_fails_with_readable_message(case: str) -> None:
    mutate, expected = BROKEN[case]
    conforms, messages = validate(parse(mutate(SAMPLE)))
    assert not conforms
    assert any(all(part in line for part in expected) for line in messages), messages
    assert all("https://" not in line.split(": ", 1)[1] for line in messages), messages

"""JSON-LD, events CSV and actor-network exports; every RDF export loaded back gives the same graph."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import OWL, RDF, Dataset, Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from graphbuilder.cli import app
from graphbuilder.export import CONTEXT_FILE, EXPORTERS, export_events_csv, export_json, export_jsonld, export_rdf
from graphbuilder.network import actor_network
from graphbuilder.ontology import ontology_path
from graphbuilder.store import open_store

CKG = "https://w3id.org/graphbuilder/ontology#"
READERS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
           "trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS,
           "jsonld": pyoxigraph.RdfFormat.JSON_LD}
ANNOTATIONS = """
<https://w3id.org/graphbuilder/id/graph/analyst> {
  _:note <https://w3id.org/graphbuilder/ontology#about> _:event ; <http://www.w3.org/2000/01/rdf-schema#comment> "vérifié"@fr .
  _:event <https://w3id.org/graphbuilder/ontology#fatalities> "3"^^<http://www.w3.org/2001/XMLSchema#integer> ;
          <http://www.w3.org/2000/01/rdf-schema#label> "ligne\\nsuivante \\"citée\\"" , "plain" , "2"^^<http://example.org/custom> .
}
"""


def copy_store(source: pyoxigraph.Store, path: Path) -> Path:
    """An on-disk copy of a store at `path` (closed again), for commands that open a store by path."""
    dump = io.BytesIO()
    source.dump(dump, pyoxigraph.RdfFormat.N_QUADS)
    store = open_store(path)
    store.load(dump.getvalue(), pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    del store
    return path


def dataset(store: pyoxigraph.Store) -> Dataset:
    """A store's quads as an rdflib Dataset."""
    dump = io.BytesIO()
    store.dump(dump, pyoxigraph.RdfFormat.N_QUADS)
    data = Dataset()
    data.parse(data=dump.getvalue(), format="nquads")
    return data


def graphs(data: Dataset) -> dict[str, Graph]:
    """The non-empty graphs of a dataset by name, each as a plain Graph (for isomorphism with blank nodes)."""
    out = {}
    for context in data.graphs():
        if len(context):
            graph = Graph()
            for triple in context:
                graph.add(triple)
            out[str(context.identifier)] = graph
    return out


def union(data: Dataset) -> Graph:
    """All triples of a dataset in one graph."""
    graph = Graph()
    for s, p, o, _ in data.quads():
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def annotated(examples_store) -> pyoxigraph.Store:
    """The examples graph plus an analyst's named graph with blank nodes and unusual literals."""
    store = pyoxigraph.Store()
    dump = io.BytesIO()
    examples_store.dump(dump, pyoxigraph.RdfFormat.N_QUADS)
    store.load(dump.getvalue(), pyoxigraph.RdfFormat.N_QUADS)
    store.load(ANNOTATIONS.encode(), pyoxigraph.RdfFormat.TRIG)
    return store


@pytest.mark.parametrize("fmt", list(READERS))
def test_every_rdf_export_round_trips_into_an_empty_store(annotated, fmt):
    out = io.BytesIO()
    export_jsonld(annotated, out) if fmt == "jsonld" else export_rdf(annotated, fmt, out)
    loaded = pyoxigraph.Store()
    loaded.load(out.getvalue(), READERS[fmt])
    before, after = dataset(annotated), dataset(loaded)
    if fmt in ("turtle", "ntriples"):  # formats without named graphs give the union of the graphs
        assert isomorphic(union(before), union(after))
        return
    expected, found = graphs(before), graphs(after)
    assert sorted(found) == sorted(expected)
    for name, graph in expected.items():
        assert isomorphic(graph, found[name]), name


def test_jsonld_uses_the_published_context_and_other_readers_agree(examples_store):
    out = io.BytesIO()
    export_jsonld(examples_store, out)
    document = json.loads(out.getvalue())
    assert document["@context"] == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    nodes = [node for graph in document["@graph"] for node in graph["@graph"]]
    retaliation = next(node for node in nodes if node.get("@type") == "Retaliation")
    assert retaliation["attacker"] == "id:actor/united_states" and "respondsTo" in retaliation
    parsed = Dataset()
    parsed.parse(data=out.getvalue(), format="json-ld")  # rdflib's own JSON-LD reader
    expected = graphs(dataset(examples_store))
    found = graphs(parsed)
    assert sorted(found) == sorted(expected)
    assert all(set(found[name]) == set(graph) for name, graph in expected.items())


def test_context_names_every_term_of_the_ontology():
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    ontology = Graph().parse(ontology_path(), format="turtle")
    declared = {str(s) for s, kind in ontology.subject_objects(RDF.type)
                if str(s).startswith(CKG) and kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)}
    mapped = {(value["@id"] if isinstance(value, dict) else value).replace("ckg:", CKG) for value in context.values()}
    assert declared and declared <= mapped, sorted(declared - mapped)


def test_events_csv_has_one_row_per_event(examples_store):
    out = io.BytesIO()
    export_events_csv(examples_store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    events = {e["id"]: e for e in export_json(examples_store)["events"]}
    assert sorted(r["event_id"] for r in rows) == sorted(events)
    assert list(rows[0]) == ["event_id", "date", "date_precision", "type", "actor1", "actor2", "victims", "place",
                             "fatalities", "cameo", "plover", "weapon", "source_document", "evidence"]
    for row in rows:
        event = events[row["event_id"]]
        assert row["type"] == event["type"] and (row["date"] or None) == event["date"]
        assert row["evidence"] and all(item["text"] in row["evidence"] for item in event["evidence"])
    retaliation = next(r for r in rows if r["type"] == "Retaliation" and r["actor1"] == "United States")
    assert (retaliation["cameo"], retaliation["plover"], retaliation["source_document"]) == (
        "190", "ASSAULT", "000_ffb251c5abeb50dd.txt")


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_actor_network_files_read_back_with_networkx(examples_store, tmp_path, fmt, read):
    path = tmp_path / f"network.{fmt}"
    EXPORTERS[fmt](examples_store, path)
    network = actor_network(examples_store)
    loaded = read(path)
    assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (network.number_of_nodes(), network.number_of_edges())
    assert loaded.number_of_edges() > 0
    united_states = loaded.nodes["https://w3id.org/graphbuilder/id/actor/united_states"]
    assert (united_states["label"], united_states["type"]) == ("United States", "State")
    predicates = {attrs["predicate"] for _, _, attrs in loaded.edges(data=True)}
    assert {"retaliatedAgainst", "blamed"} <= predicates
    assert all(int(attrs["weight"]) >= 1 for _, _, attrs in loaded.edges(data=True))
    if fmt == "graphml":  # GraphML requires unique edge ids
        ids = re.findall(r'<edge [^>]*\bid="([^"]*)"', path.read_text(encoding="utf-8"))
        assert len(ids) == loaded.number_of_edges() == len(set(ids))


def test_cli_exports_every_new_format(examples_store, tmp_path):
    store = copy_store(examples_store, tmp_path / "copy.oxigraph")
    runner = CliRunner()
    for fmt in ("jsonld", "csv", "graphml", "gexf"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["export", "--store", str(store), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    result = runner.invoke(app, ["export", "--store", str(store), "--format", "csv"])
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"event_id,date,")

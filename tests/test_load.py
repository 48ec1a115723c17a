"""Bulk loading of dumps: the loaded store holds exactly the dumped quads, whatever the number of threads."""
from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from graphbuilder.export import export_rdf
from graphbuilder.load import load_dump
from graphbuilder.store import META_GRAPH, META_NODE, VERSION_PROP, StoreError, document_names, open_store


def quads(store) -> set:
    return set(store.quads_for_pattern(None, None, None, None))


@pytest.fixture(scope="module")
def dumps(examples_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dumps")
    for fmt, suffix in (("nquads", "nq"), ("trig", "trig")):
        export_rdf(examples_store, fmt, folder / f"examples.{suffix}")
    return folder


@pytest.mark.parametrize("suffix,workers", [("nq", 1), ("nq", 3), ("trig", 2)])
def test_loaded_store_equals_the_dumped_one(examples_store, dumps, tmp_path, suffix, workers):
    store = open_store(tmp_path / "loaded")
    report = load_dump(store, dumps / f"examples.{suffix}", workers=workers)
    assert quads(store) == quads(examples_store)
    assert sorted(document_names(store)) == sorted(document_names(examples_store))
    assert len(report.documents) == len(document_names(examples_store)) and not report.replaced


def test_documents_already_present_are_refused_unless_replaced(examples_store, dumps, tmp_path):
    store = open_store(tmp_path / "loaded")
    load_dump(store, dumps / "examples.nq")
    name = document_names(store)[0]
    graph = NamedNode(f"https://w3id.org/graphbuilder/id/doc/{name}")
    stale = Quad(graph, NamedNode("https://w3id.org/graphbuilder/ontology#note"), Literal("stale"), graph)
    store.add(stale)
    with pytest.raises(StoreError, match="already in the store"):
        load_dump(store, dumps / "examples.nq")
    report = load_dump(store, dumps / "examples.nq", replace=True)
    assert stale not in quads(store) and quads(store) == quads(examples_store)
    assert len(report.replaced) == len(document_names(examples_store))


def test_bad_dumps_name_the_file_and_keep_the_store(examples_store, dumps, tmp_path):
    store = open_store(tmp_path / "loaded")
    load_dump(store, dumps / "examples.nq")
    before = quads(store)
    other_version = tmp_path / "old.nq"
    other_version.write_text(f"{META_NODE} {VERSION_PROP} \"1\" {META_GRAPH} .\n", encoding="utf-8")
    broken = tmp_path / "broken.trig"
    broken.write_bytes(b"<a> <b> { <c> <d> ")
    for dump, reason in ((other_version, "format version 1"), (broken, "broken.trig"),
                         (tmp_path / "graph.ttl", "give an N-Quads")):
        with pytest.raises(StoreError, match=reason):
            load_dump(store, dump)
    assert quads(store) == before


def test_a_dump_not_made_by_graphbuilder_is_validated(tmp_path):
    store = open_store(tmp_path / "loaded")
    foreign = tmp_path / "foreign.nq"
    foreign.write_text("<http://example.org/a b> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n",
                       encoding="utf-8")
    with pytest.raises(StoreError, match="foreign.nq"):
        load_dump(store, foreign)
    assert not quads(store) - {Quad(META_NODE, VERSION_PROP, Literal("2"), META_GRAPH)}

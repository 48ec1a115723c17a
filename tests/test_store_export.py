"""The store, exports, queries and evaluation, on a graph built from real articles."""
from __future__ import annotations

import io
import json

import pyoxigraph
import pytest

from conftest import DEV, EXAMPLES
from graphbuilder.build import build
from graphbuilder.export import export_json, export_rdf
from graphbuilder.query import find_query, run_query, store_stats
from graphbuilder.store import StoreError, document_names, open_store, remove_document

SEED = "000_ffb251c5abeb50dd.txt"
QUERIES = EXAMPLES.parents[1] / "queries"


def quads(store) -> set[str]:
    """Every quad of a store, as N-Quads lines."""
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def test_rebuild_is_idempotent_and_halves_equal_whole(tmp_path):
    files = sorted(EXAMPLES.glob("*.txt"))
    once = open_store(tmp_path / "a")
    build(files, once)
    first = quads(once)
    build(files, once)
    assert quads(once) == first
    halves = open_store(tmp_path / "b")
    build(files[:2], halves)
    build(files[2:], halves)
    assert quads(halves) == first


def test_remove_document_leaves_no_trace(tmp_path):
    store = open_store(tmp_path / "s")
    build([EXAMPLES / SEED], store)
    assert document_names(store) == [SEED]
    assert remove_document(store, SEED)
    assert document_names(store) == []
    assert not remove_document(store, SEED)


def test_second_writer_is_refused(tmp_path):
    store = open_store(tmp_path / "locked")
    with pytest.raises(StoreError, match="in use"):
        open_store(tmp_path / "locked")
    del store


def test_export_json_offsets_point_into_the_articles(examples_store):
    data = export_json(examples_store)
    assert data["schema"] == "conflict-kg-export/1"
    names = {d["name"] for d in data["documents"]}
    assert SEED in names
    texts = {name: (EXAMPLES / name).read_bytes().decode("utf-8") for name in names}
    for item in data["events"] + [r for r in data["relations"] if r["evidence"]]:
        assert item["evidence"]
        for ev in item["evidence"]:
            assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["text"]
    labels = [e["label"] for e in data["entities"]]
    assert len(labels) == len(set(e["id"] for e in data["entities"]))


@pytest.mark.parametrize("fmt,rdf_format", [("turtle", pyoxigraph.RdfFormat.TURTLE),
                                            ("ntriples", pyoxigraph.RdfFormat.N_TRIPLES),
                                            ("trig", pyoxigraph.RdfFormat.TRIG),
                                            ("nquads", pyoxigraph.RdfFormat.N_QUADS)])
def test_rdf_exports_round_trip(examples_store, fmt, rdf_format):
    out = io.BytesIO()
    export_rdf(examples_store, fmt, out)
    loaded = pyoxigraph.Store()
    loaded.load(out.getvalue(), rdf_format)
    if fmt in ("trig", "nquads"):
        assert quads(loaded) == quads(examples_store)
    else:
        triples = {(q.subject, q.predicate, q.object) for q in examples_store.quads_for_pattern(None, None, None, None)}
        assert {(q.subject, q.predicate, q.object) for q in loaded} == triples


def _labels(store, name, **params):
    variables, rows = run_query(store, find_query(name, QUERIES).read_text(), params)
    return [dict(zip(variables, row)) for row in rows]


def test_seed_queries(examples_store):
    retaliations = _labels(examples_store, "retaliations")
    assert any(r["actor"] == "United States" and "faction" in r["against"].lower() for r in retaliations)
    blame = _labels(examples_store, "blame")
    assert any(r["accuser"] == "United States" and "Hashd al-Shaabi" in r["accused"] for r in blame)
    killings = _labels(examples_store, "killings")
    victims = {r["victim"] for r in killings}
    assert {"Qassem Soleimani", "Abu Mahdi al-Muhandis"} <= victims
    assert any(r["place"] == "Baghdad" and r["weapon"] == "drone" for r in killings)
    threats = _labels(examples_store, "threats")
    assert any("Nujaba" in r["actor"] and r["threatened"] == "United States Armed Forces" for r in threats)
    claims = _labels(examples_store, "claims")
    assert any(r["claimant"] == "Islamic State" for r in claims)
    stats = dict(store_stats(examples_store))
    assert stats["documents"] == len(list(EXAMPLES.glob("*.txt")))


def test_affiliations_query_binds_parameter_safely(examples_store):
    rows = _labels(examples_store, "affiliations", actor="Harakat al-Nujaba")
    assert any(r["relation"] == "partOf" and "Hashd al-Shaabi" in r["object"] for r in rows)
    assert _labels(examples_store, "affiliations", actor='x" } DROP ALL ; #') == []


def test_evaluate_scores_the_seed(examples_store):
    from graphbuilder.evaluate import evaluate

    if not DEV.is_dir():
        pytest.skip("shared/corpus/dev is not next to the checkout")
    report = evaluate(export_json(examples_store), DEV)
    assert report["entities"]["duplicates"] == 0
    assert report["relations"]["overall"]["precision"] >= 0.5
    assert report["events"]["identification"]["f1"] >= 0.5
    json.dumps(report)


def test_a_reported_date_bounds_the_event_from_above_only():
    from graphbuilder.model import Document, Event, Extraction, Span, TimeValue
    from graphbuilder.rdf import GraphWriter
    from graphbuilder.vocab import SEM

    text = "Des rebelles ont attaqué une base."
    extraction = Extraction(document=Document(name="r.txt", text=text, published="2016-09-25"), entities=[], relations=[],
                            events=[Event(type="Attack", evidence=[Span(0, len(text), text)],
                                          date=TimeValue("2016-09-25", "reported"))])
    quads = list(GraphWriter("test").quads(extraction))
    by_predicate = {q.predicate.value: q.object.value for q in quads}
    assert by_predicate[str(SEM.hasLatestEndTimeStamp)] == "2016-09-25"
    assert str(SEM.hasEarliestBeginTimeStamp) not in by_predicate
    assert by_predicate["https://w3id.org/graphbuilder/ontology#granularity"] == "reported"


def test_a_state_named_only_by_a_demonym_is_exported_with_the_document(tmp_path):
    article = tmp_path / "louvre.txt"
    article.write_text(" date 2017-02-04 Un homme a attaqué des militaires au Louvre. L'agresseur a été identifié comme un"
                       " Égyptien de 29 ans.", encoding="utf-8")
    store = open_store(tmp_path / "store")
    build([article], store)
    data = export_json(store)
    egypt = [e for e in data["entities"] if e["id"].endswith("/egypt")]
    assert [(e["type"], e["documents"]) for e in egypt] == [("State", ["louvre.txt"])]
    assert [r["predicate"] for r in data["relations"] if r["object"] == egypt[0]["id"] and r["evidence"]] == ["affiliatedWith"]

"""Property-based tests (hypothesis): ingest never raises, minted IRIs are always valid and
round-trip through every RDF syntax, and evidence offsets always index the document text."""
from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

import rdflib
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from graphbuilder.export import RDF_FORMATS, export_json, export_rdf
from graphbuilder.ingest import IngestError, parse_header, read_inputs
from graphbuilder.model import Document, Entity, Event, Extraction, Relation, Span
from graphbuilder.rdf import GraphWriter
from graphbuilder.store import write_document
from graphbuilder.vocab import ID, NIF, SKOS, actor_iri, document_iri, slug, span_iri

ODD = ["\r\n", "\r", "\n", "\t", "\u2028", "\u0085", "\ufeff", "\u200b", "\x1b[0m", "\x07", "e\u0301", "ﬁ", "İ",
       "\U0001F600", "\uffff", " date 2020-02 ", " date 2020-13-45 ", "<b>", "</p>", '"', "\\", "}", "%2E", ".."]
CHARS = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))  # NUL-free, valid Unicode
PIECES = st.one_of(st.text(CHARS, max_size=40), st.sampled_from(ODD),
                   st.builds(lambda word, n: word * n, st.sampled_from(["a ", "é", "le "]), st.integers(100, 3000)))
TEXTS = st.lists(PIECES, max_size=12).map("".join)
NAMES = st.one_of(st.text(max_size=30), st.lists(st.sampled_from(ODD + ["a", ".", "/", "#"]), max_size=6).map("".join))


def _read_one(filename: str, data: bytes) -> Document | IngestError:
    """The single item read_inputs yields for one file holding `data` (language check off)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / filename
        path.write_bytes(data)
        [item] = read_inputs([path], check_language=False)
    return item


def _check_document(document: Document, text: str) -> None:
    """A read document keeps the text exactly and its header offsets agree with parse_header."""
    assert document.text == text
    assert (document.published, document.body_start) == parse_header(text)
    assert 0 <= document.body_start <= len(text)
    assert document.text[document.body_start:].strip()


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_any_text_file_reads_or_is_reported(text: str) -> None:
    item = _read_one("x.txt", text.encode("utf-8"))
    if isinstance(item, Document):
        _check_document(item, text.removeprefix("\ufeff"))  # a leading BOM is an encoding mark
    else:
        assert item.name == "x.txt" and item.reason


@settings(max_examples=100, deadline=None)
@given(NAMES, TEXTS)
def test_any_jsonl_record_reads_or_is_reported(name: str, text: str) -> None:
    line = json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n"
    item = _read_one("x.jsonl", line.encode("utf-8"))
    if isinstance(item, Document):
        assert item.name == name
        _check_document(item, text)
    else:
        assert item.name == "x.jsonl:1" and item.reason


@given(TEXTS)
def test_parse_header_offsets_are_sane(text: str) -> None:
    published, body_start = parse_header(text)
    assert 0 <= body_start <= len(text)
    assert (published is None) or text[:body_start].strip() == f"date {published}"


@given(st.text())
def test_slug_is_a_plain_ascii_segment(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*|x", slug(text))


def _triples(store: Store) -> set:
    return {(q.subject, q.predicate, q.object) for q in store}


@settings(max_examples=150, deadline=None)
@given(NAMES, NAMES, st.integers(0, 10**7), st.integers(0, 10**7))
def test_minted_iris_are_valid_and_survive_every_syntax(name: str, key: str, start: int, end: int) -> None:
    iris = [document_iri(name), actor_iri(key), span_iri(name, start, end)]
    for iri in iris:
        assert iri.startswith(str(ID)) and not re.search(r"[\s<>\"{}|\\^`]", iri)
    graph = NamedNode(iris[0])
    store = Store()
    store.extend(Quad(NamedNode(iri), NamedNode(str(SKOS.prefLabel)), Literal(name + key), graph) for iri in iris)
    for fmt, rdf_format in RDF_FORMATS.items():
        out = io.BytesIO()
        export_rdf(store, fmt, out)
        loaded = Store()
        loaded.load(out.getvalue(), rdf_format)
        assert (set(loaded) if fmt in ("trig", "nquads") else _triples(loaded)) == (
            set(store) if fmt in ("trig", "nquads") else _triples(store))
        parsed = rdflib.Dataset() if fmt in ("trig", "nquads") else rdflib.Graph()  # a second, independent parser
        parsed.parse(data=out.getvalue(), format=fmt)
        assert {str(s) for s, *_ in (parsed.quads() if fmt in ("trig", "nquads") else parsed)} == set(iris)


@given(st.text(), st.text())
def test_distinct_names_and_keys_give_distinct_iris(a: str, b: str) -> None:
    assume(a != b)
    assert document_iri(a) != document_iri(b)
    assert actor_iri(a) != actor_iri(b)


def _spans(text: str, data) -> list[Span]:
    """A few spans of `text` (drawn by hypothesis), each with its exact anchor."""
    spans = []
    for _ in range(data.draw(st.integers(1, 3))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        spans.append(Span(start, end, text[start:end]))
    return spans


def _store_of(extraction: Extraction) -> tuple[Store, set[Quad]]:
    """A store holding the extraction's graph written as the build writes it (one SPARQL UPDATE),
    and the quads as a store holds them when added directly (Oxigraph stores xsd:nonNegativeInteger
    as xsd:integer and decimals in canonical form)."""
    quads = list(GraphWriter("test-model").quads(extraction))
    store, direct = Store(), Store()
    write_document(store, extraction.document.name, quads)
    direct.extend(quads)
    return store, set(direct)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NAMES, TEXTS.filter(bool), st.data())
def test_evidence_spans_index_the_text_after_store_and_export(name: str, text: str, data) -> None:
    spans = _spans(text, data)
    entities = [Entity(key=f"k{i}", type="ArmedGroup", label=span.text, aliases=[span.text], mentions=[span])
                for i, span in enumerate(spans)]
    extraction = Extraction(
        document=Document(name=name, text=text),
        entities=entities,
        events=[Event(type="Attack", evidence=spans, roles={"attacker": ["k0"]})],
        relations=[Relation(subject="k0", predicate="partOf", object=entities[-1].key, evidence=spans[-1:])],
    )
    store, quads = _store_of(extraction)
    assert set(store) == quads  # the SPARQL UPDATE wrote exactly these quads, whatever the text
    exported = export_json(store)
    assert [d["name"] for d in exported["documents"]] == [name]
    evidence = [ev for item in exported["events"] + exported["relations"] for ev in item["evidence"]]
    assert len(evidence) == len({(s.start, s.end) for s in spans}) + 1
    for ev in evidence:
        assert text[ev["start"]:ev["end"]] == ev["text"]
    context = NamedNode(span_iri(name, 0, len(text)))
    [is_string] = [q.object.value for q in store.quads_for_pattern(context, NamedNode(str(NIF.isString)), None, None)]
    assert is_string == text
    out = io.BytesIO()
    store.dump(out, RdfFormat.N_QUADS)
    loaded = Store()
    loaded.load(out.getvalue(), RdfFormat.N_QUADS)
    assert set(loaded) == set(store)


SENTENCE = st.builds(
    "{} {} {} à {}, a déclaré {}.".format,
    st.sampled_from(["Le Hezbollah", "L'État islamique", "Les forces américaines", "Le groupe « Al-Qods »",
                     'Le "Front" \\ de libération', "La milice } ; DROP ALL ; INSERT DATA {"]),
    st.sampled_from(["a attaqué", "a frappé", "a menacé", "a revendiqué l'attaque contre"]),
    st.sampled_from(["l'ambassade américaine", "une base irakienne", "Israël", "les <script> rebelles"]),
    st.sampled_from(["Bagdad", "Beyrouth", "Damas\r\nhier", "Mossoul"]),
    st.sampled_from(["Washington", "un porte-parole", "l'agence Reuters"]),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join), st.sampled_from(["", " date 2020-02-16 "]))
def test_pipeline_spans_match_text(extract, body: str, header: str) -> None:
    extraction = extract(header + body)
    text = extraction.document.text
    spans = [m for e in extraction.entities for m in e.mentions]
    spans += [s for e in extraction.events for s in e.evidence] + [s for r in extraction.relations for s in r.evidence]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text
    store, quads = _store_of(extraction)
    assert set(store) == quads
    exported = export_json(store)
    for item in exported["events"] + exported["relations"]:
        for ev in item["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]

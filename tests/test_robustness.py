"""Faults and hostile input: real articles mixed with bad files, a build killed midway, two builds on
one store, an old store format, and entity names that try to break RDF syntaxes or SPARQL."""
from __future__ import annotations

import io
import json
import gc
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store
from typer.testing import CliRunner

from conftest import BENCH, DEV
from fuzz_corpus import CASES, write_corpus
from graphbuilder.build import build
from graphbuilder.cli import app
from graphbuilder.export import RDF_FORMATS, export_json, export_jsonld, export_rdf
from graphbuilder.model import Document, Entity, Event, Extraction, Relation, Span
from graphbuilder.rdf import GraphWriter
from graphbuilder.store import (META_GRAPH, META_NODE, STORE_VERSION, VERSION_PROP, StoreError, document_names,
                                open_store, write_document)
from graphbuilder.vocab import NAMES_GRAPH, document_iri

runner = CliRunner()
DEV_FILES = sorted(DEV.glob("*.txt"))
BAD_CASES = [case for case in CASES if "ok" not in case.expect]
TOO_LONG = next(case for case in CASES if case.kind == "long_single_line")  # reads fine, too long to parse
BENCH_COUNT = 40
CLI = [sys.executable, "-c", "from graphbuilder.cli import app; app()"]

pytestmark = pytest.mark.skipif(not DEV_FILES or not BENCH.is_dir(), reason="shared corpus absent")


def graph(store: Store, name: str) -> set[Quad]:
    """The quads of one document's named graph."""
    return set(store.quads_for_pattern(None, None, None, NamedNode(document_iri(name))))


def words(text: str) -> str:
    """`text` with line wrapping undone (rich wraps CLI messages)."""
    return " ".join(text.split())


# --- bad inputs mixed with real articles ------------------------------------------------------


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A folder of the dev articles and one file of every bad kind of the fuzz corpus."""
    folder = tmp_path_factory.mktemp("mixed")
    fuzz = write_corpus(tmp_path_factory.mktemp("fuzz"))
    for path in DEV_FILES:
        shutil.copy(path, folder / path.name)
    for case in BAD_CASES + [TOO_LONG]:
        shutil.copy(fuzz[case.kind], folder / case.filename)
    return folder


def test_dev_articles_build_as_alone_among_bad_inputs(mixed: Path) -> None:
    assert len(BAD_CASES) + 1 >= 20
    store = open_store(None)
    report = build([mixed], store)
    assert sorted(report.built) == [path.name for path in DEV_FILES]
    for case in BAD_CASES:
        reasons = [reason for name, reason in report.skipped
                   if name == case.filename or name.startswith(case.filename + ":")]
        assert len(reasons) == len(case.expect), (case.kind, reasons)
        for word, reason in zip(case.expect, reasons):
            assert word in reason, (case.kind, reason)
    [reason] = [reason for name, reason in report.skipped if name == TOO_LONG.filename]
    assert "characters, over the parser's 1,000,000-character limit" in reason
    assert len(report.skipped) == sum(len(case.expect) for case in BAD_CASES) + 1
    for path in DEV_FILES:
        alone = open_store(None)
        build([path], alone)
        assert graph(store, path.name) == graph(alone, path.name) != set(), path.name


def test_strict_build_fails_and_sums_up(mixed: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(mixed), "--store", str(tmp_path / "s.oxigraph"), "--strict"])
    assert result.exit_code == 1
    skipped = sum(len(case.expect) for case in BAD_CASES) + 1
    assert f"built {len(DEV_FILES)} document(s), skipped {skipped} into" in words(result.output)
    assert "skipped: empty.txt: file is empty" in words(result.output)


def test_fuzz_inputs_that_read_fine_are_built(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path)
    readable = [paths[case.kind] for case in CASES if "ok" in case.expect and case is not TOO_LONG]
    report = build(readable, open_store(None))
    assert [item for item in report.skipped if "extraction failed" in item[1]] == []


# --- a build killed midway, two builds at once ---------------------------------------------------


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Path:
    """A folder of benchmark articles, enough for a build to be interrupted midway."""
    folder = tmp_path_factory.mktemp("bench")
    for path in sorted(BENCH.glob("*.txt"))[:BENCH_COUNT]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def reference(bench: Path, tmp_path_factory) -> set[Quad]:
    """The quads of an uninterrupted build of the benchmark folder."""
    store = open_store(tmp_path_factory.mktemp("reference") / "reference.oxigraph")
    assert len(build([bench], store).built) == BENCH_COUNT
    return set(store)


def start_build(inputs: Path, store: Path, log: Path) -> subprocess.Popen:
    """`graphbuilder build INPUTS --store STORE` in another process."""
    return subprocess.Popen([*CLI, "build", str(inputs), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=log.open("w"))


def wait_for_documents(process: subprocess.Popen, store: Path, count: int) -> None:
    """Wait until the running build has opened the store and stored `count` documents (read-only reads)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the build ended before it could be interrupted"
        try:
            if len(document_names(open_store(store, read_only=True))) >= count:
                return
        except StoreError:  # not created yet
            pass
        time.sleep(0.05)
    raise AssertionError(f"the build stored fewer than {count} documents in 120 s")


def test_killed_build_leaves_a_sound_store_and_a_rerun_completes(bench: Path, reference: set[Quad],
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "killed.oxigraph"
    process = start_build(bench, path, tmp_path / "log")
    wait_for_documents(process, path, 3)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    store = open_store(path)  # read-write: the lock died with the process, the format version is there
    names = document_names(store)
    assert 3 <= len(names) < BENCH_COUNT
    reference_store = Store()
    reference_store.extend(reference)
    for name in names:  # every stored document is whole: exactly its graph of the uninterrupted build
        assert graph(store, name) == graph(reference_store, name)
    del store  # close it: Oxigraph does not support a read-only view beside a live writer
    gc.collect()
    result = runner.invoke(app, ["validate", "--store", str(path)])
    assert result.exit_code == 0 and "conforms" in result.output, result.output
    store = open_store(path)
    report = build([bench], store)
    assert len(report.built) == BENCH_COUNT and not report.skipped
    assert set(store) == reference


def test_second_build_on_a_store_in_use_is_refused(bench: Path, reference: set[Quad], tmp_path: Path) -> None:
    path = tmp_path / "busy.oxigraph"
    process = start_build(bench, path, tmp_path / "log")
    wait_for_documents(process, path, 0)  # the store is open: the first build holds it
    result = runner.invoke(app, ["build", str(bench), "--store", str(path)])
    assert process.poll() is None, "the first build ended before the second started"
    assert result.exit_code == 2
    assert f"store {path} is in use by another graphbuilder process" in words(result.output)
    assert process.wait(timeout=300) == 0, (tmp_path / "log").read_text()
    assert set(open_store(path, read_only=True)) == reference


def test_old_store_format_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "old.oxigraph"
    store = open_store(path)
    store.remove(Quad(META_NODE, VERSION_PROP, Literal(STORE_VERSION), META_GRAPH))
    store.add(Quad(META_NODE, VERSION_PROP, Literal("0"), META_GRAPH))
    del store
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"has format version 0; this graphbuilder reads version {STORE_VERSION}"):
            open_store(path, read_only=read_only)
    result = runner.invoke(app, ["stats", "--store", str(path)])
    assert result.exit_code == 2 and "has format version 0" in words(result.output)


def test_store_without_format_version_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "unversioned.oxigraph"
    store = Store(str(path))  # as graphbuilder wrote stores before they carried a version
    store.add(Quad(NamedNode(document_iri("a.txt")), NamedNode("https://example.org/p"), Literal("x"),
                   NamedNode(document_iri("a.txt"))))
    del store
    with pytest.raises(StoreError, match="has no format version"):
        open_store(path)
    fresh = open_store(tmp_path / "new.oxigraph")
    del fresh
    open_store(tmp_path / "new.oxigraph", read_only=True)  # a new store is stamped, then reads fine


# --- hostile entity names ----------------------------------------------------------------------

HOSTILE = [
    'Abou "Le Boucher" Hassan',
    "Al->Rachid <script>alert('x')</script>",
    "O'Brien\\Dupont \\u0022 \\n",
    "Brigade\nAl-Qods\r\n}",
    'Front } ; DROP ALL ; INSERT DATA { GRAPH <http://evil/> { <http://evil/s> <http://evil/p> "x" } }',
    "Armée . ..",
]
HOSTILE_DOC = 'rapport "final" } ; DROP ALL ; <x>\\.txt'
NER_TEXT = ("Ahmed Al->Rachid a été tué à Mossoul. "
            "Selon Jean-Pierre O'Brien\\Dupont, le Front <script>alert(1)</script> a attaqué Bagdad. "
            "Le groupe Brigade} ; DROP ALL ; INSERT DATA { a frappé Kirkouk mardi.")
NER_DOC = 'dépêche "AFP" <b> } .'


def hostile_extraction() -> Extraction:
    """An extraction whose entity keys, labels, aliases and document name are all hostile text."""
    text = " date 2020-02-16 " + " ".join(f"Le groupe {name} a attaqué la base." for name in HOSTILE)
    spans = [Span(text.index(name), text.index(name) + len(name), name) for name in HOSTILE]
    entities = [Entity(key=name, type="ArmedGroup", label=name, aliases=[name + " (alias)", name], mentions=[span])
                for name, span in zip(HOSTILE, spans)]
    relations = [Relation(subject=a, predicate="partOf", object=b, evidence=[span])
                 for a, b, span in zip(HOSTILE, HOSTILE[1:], spans)]
    event = Event(type="Attack", evidence=spans[:2], roles={"attacker": [HOSTILE[0]], "target": [HOSTILE[1]]})
    document = Document(name=HOSTILE_DOC, text=text, published="2020-02-16", body_start=17)
    return Extraction(document=document, entities=entities, events=[event], relations=relations)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    """A store holding a real build of a JSONL article with hostile names, plus the hostile extraction."""
    folder = tmp_path_factory.mktemp("hostile")
    jsonl = folder / "hostile.jsonl"
    jsonl.write_text(json.dumps({"id": NER_DOC, "text": NER_TEXT, "date": "2020-02-16"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    path = folder / "hostile.oxigraph"
    store = open_store(path)
    assert build([jsonl], store).built == [NER_DOC]
    write_document(store, HOSTILE_DOC, GraphWriter("test").quads(hostile_extraction()))
    del store
    return path


def test_hostile_names_are_stored_exactly(hostile_store: Path) -> None:
    store = open_store(hostile_store, read_only=True)
    assert document_names(store) == sorted([HOSTILE_DOC, NER_DOC])
    expected = Store()  # stores literals in Oxigraph's canonical form, as the store does
    expected.extend(GraphWriter("test").quads(hostile_extraction()))
    assert graph(store, HOSTILE_DOC) == graph(expected, HOSTILE_DOC)
    keys = set(expected.quads_for_pattern(None, None, None, NamedNode(NAMES_GRAPH)))
    assert keys and keys <= set(store.quads_for_pattern(None, None, None, NamedNode(NAMES_GRAPH)))
    assert NamedNode("http://evil/") not in set(store.named_graphs())
    assert not list(store.quads_for_pattern(NamedNode("http://evil/s"), None, None, None))


def test_hostile_names_survive_every_rdf_syntax(hostile_store: Path) -> None:
    store = open_store(hostile_store, read_only=True)
    triples = {(q.subject, q.predicate, q.object) for q in store}
    strings = {tuple(term.value for term in triple) for triple in triples}
    assert {label for *_, label in strings} >= set(HOSTILE)
    for fmt, rdf_format in RDF_FORMATS.items():
        out = io.BytesIO()
        export_rdf(store, fmt, out)
        loaded = Store()
        loaded.load(out.getvalue(), rdf_format)
        if fmt in ("trig", "nquads"):
            assert set(loaded) == set(store), fmt
        else:
            assert {(q.subject, q.predicate, q.object) for q in loaded} == triples, fmt
        parsed = rdflib.Dataset()  # an independent parser reads the same strings
        parsed.parse(data=out.getvalue(), format=fmt)
        assert {(str(s), str(p), str(o)) for s, p, o, _ in parsed.quads()} == strings, fmt
    out = io.BytesIO()
    export_jsonld(store, out)
    loaded = Store()
    loaded.load(out.getvalue(), RdfFormat.JSON_LD)
    assert set(loaded) == set(store)


def test_hostile_names_in_the_json_export(hostile_store: Path) -> None:
    data = export_json(open_store(hostile_store, read_only=True))
    assert {d["name"] for d in data["documents"]} == {HOSTILE_DOC, NER_DOC}
    labels = {e["label"] for e in data["entities"]}
    assert set(HOSTILE) <= labels
    assert {"Jean-Pierre O'Brien\\Dupont", "Brigade}", "Ahmed Al->Rachid"} <= labels  # read by the NER
    aliases = {alias for e in data["entities"] for alias in e["aliases"]}
    assert {name + " (alias)" for name in HOSTILE} <= aliases
    texts = {HOSTILE_DOC: hostile_extraction().document.text, NER_DOC: NER_TEXT}
    evidence = [ev for item in data["events"] + data["relations"] for ev in item["evidence"]]
    assert {ev["document"] for ev in evidence} == {HOSTILE_DOC, NER_DOC}
    for ev in evidence:
        assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["text"]


def query_rows(store: Path, actor: str) -> list[dict]:
    """Rows of `graphbuilder query affiliations --param actor=ACTOR --format json`."""
    result = runner.invoke(app, ["query", "affiliations", "--store", str(store), "--param", f"actor={actor}",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("actor", HOSTILE[:-1], ids=range(len(HOSTILE) - 1))
def test_query_binds_hostile_names(hostile_store: Path, actor: str) -> None:
    before = set(open_store(hostile_store, read_only=True))
    rows = query_rows(hostile_store, actor)
    after = HOSTILE[HOSTILE.index(actor) + 1]
    assert {"subject": actor, "relation": "partOf", "object": after, "source": actor} in rows
    assert {(row["subject"], row["object"]) for row in rows} <= {(actor, after)} | {(other, actor) for other in HOSTILE}
    for injection in (actor + '" } ; DROP ALL ; #', '") } } ; CLEAR ALL ; SELECT * { {("', "} UNION { ?s ?p ?o }"):
        assert query_rows(hostile_store, injection) == []
    assert set(open_store(hostile_store, read_only=True)) == before

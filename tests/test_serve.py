"""`graphbuilder serve` as a real server on 127.0.0.1 (rdflib's SPARQLStore, urllib), and `push` to a real Oxigraph."""
from __future__ import annotations

import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from pyoxigraph import NamedNode
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT
from graphbuilder.cli import app
from graphbuilder.push import PushError, push
from graphbuilder.query import run_query
from test_exports import copy_store

QUERIES = ROOT / "queries"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@contextmanager
def running(*command: str, ready: str, log: Path, seconds: float = 90.0):
    """Run a server process until the block ends; yields the first match of `ready` in its stderr."""
    with log.open("wb") as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + seconds
        while not (match := re.search(ready, log.read_text(errors="replace"))):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"no {ready!r} after {seconds} s: {log.read_text()}"
            time.sleep(0.1)
        yield match
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve(store: Path, log: Path, *options: str):
    """`graphbuilder serve` on a free port (--port 0), yielding its endpoint URL."""
    command = (sys.executable, "-c", "from graphbuilder.cli import app; app()", "serve", "--store", str(store),
               "--port", "0", *options)
    return running(*command, ready=r"SPARQL endpoint (http://\S+/sparql)", log=log)


def request(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of an HTTP request, errors included."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}, method=method),
                                    timeout=60) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


def get(endpoint: str, query: str, accept: str | None = None):
    """A SPARQL protocol GET."""
    return request(endpoint + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept} if accept else {})


def form(endpoint: str, **fields: str):
    """A SPARQL protocol POST of an url-encoded form."""
    return request(endpoint, urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def bindings(body: bytes) -> list[dict[str, str]]:
    """SPARQL JSON results as a list of {variable: value}."""
    return [{k: v["value"] for k, v in row.items()} for row in json.loads(body)["results"]["bindings"]]


def local(store, name: str) -> list[dict[str, str]]:
    """A canned query run on the store in this process, rows without unbound values."""
    variables, rows = run_query(store, (QUERIES / f"{name}.rq").read_text(encoding="utf-8"), {})
    return [{k: v for k, v in zip(variables, row) if v is not None} for row in rows]


@pytest.fixture(scope="module")
def store_path(examples_store, tmp_path_factory) -> Path:
    """An on-disk copy of the examples store, closed, for servers to open."""
    return copy_store(examples_store, tmp_path_factory.mktemp("served") / "examples.oxigraph")


@pytest.fixture(scope="module")
def endpoint(store_path, tmp_path_factory) -> str:
    """A read-only endpoint with the default host, a 1.5 s timeout and small caps."""
    log = tmp_path_factory.mktemp("logs") / "serve.log"
    with serve(store_path, log, "--timeout", "1.5", "--max-results", "5000", "--max-request-bytes", "20000") as found:
        yield found.group(1)


def test_listens_on_loopback_only_by_default(endpoint):
    host, port = urllib.parse.urlsplit(endpoint).hostname, urllib.parse.urlsplit(endpoint).port
    assert host == "127.0.0.1"
    socket.create_connection(("127.0.0.1", port), timeout=5).close()
    with pytest.raises(ConnectionRefusedError):  # another loopback address: nothing listens there
        socket.create_connection(("127.0.0.2", port), timeout=5)


def test_rdflib_sparqlstore_queries_the_endpoint(endpoint, examples_store):
    graph = Graph(SPARQLStore(endpoint, returnFormat="json"))
    attackers = {str(row.attacker): int(row.attacks) for row in graph.query((QUERIES / "top_attackers.rq").read_text())}
    assert attackers == {row["attacker"]: int(row["attacks"]) for row in local(examples_store, "top_attackers")}
    assert attackers["United States"] >= 1
    xml = Graph(SPARQLStore(endpoint, returnFormat="xml"))
    assert bool(xml.query("ASK { ?e a <https://w3id.org/graphbuilder/ontology#Retaliation> }"))
    constructed = xml.query("""CONSTRUCT { ?e ?p ?o } WHERE {
        ?e a <https://w3id.org/graphbuilder/ontology#Retaliation> ; ?p ?o }""").graph
    assert len(constructed) > 5


def test_get_and_post_answer_in_the_negotiated_format(endpoint, examples_store):
    total = str(sum(1 for _ in examples_store.quads_for_pattern(None, None, None, None)))
    status, media, body = get(endpoint, COUNT)
    assert (status, media) == (200, "application/sparql-results+json") and bindings(body) == [{"n": total}]
    status, media, body = get(endpoint, COUNT, "text/csv")
    assert (status, media, body.decode().split()) == (200, "text/csv; charset=utf-8", ["n", total])
    status, media, body = get(endpoint, COUNT, "text/tab-separated-values")
    assert status == 200 and media.startswith("text/tab-separated-values") and total in body.decode()
    status, media, body = get(endpoint, COUNT, "application/sparql-results+xml;q=0.9, text/csv;q=0.5")
    assert (status, media) == (200, "application/sparql-results+xml") and f">{total}<" in body.decode()
    status, _, body = request(endpoint, COUNT.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and bindings(body) == [{"n": total}]
    status, _, body = form(endpoint, query=COUNT)
    assert status == 200 and bindings(body) == [{"n": total}]
    construct = "CONSTRUCT { ?e ?p ?o } WHERE { ?e a <https://w3id.org/graphbuilder/ontology#Retaliation> ; ?p ?o }"
    status, media, body = get(endpoint, construct, "application/n-triples")
    assert (status, media) == (200, "application/n-triples") and b"Retaliation" in body
    status, media, body = get(endpoint, construct)
    assert media == "text/turtle; charset=utf-8" and len(Graph().parse(data=body, format="turtle")) > 5
    assert get(endpoint, "ASK {}", "image/png")[0] == 406


def test_updates_are_refused_in_read_only_mode(endpoint):
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    for status, _, body in (form(endpoint, update=update),
                            request(endpoint, update.encode(), {"Content-Type": "application/sparql-update"}),
                            request(endpoint + "?" + urllib.parse.urlencode({"update": update}))):
        assert status == 403 and b"read-only" in body and b"--allow-update" in body
    assert json.loads(get(endpoint, "ASK { <urn:x> ?p ?o }")[2])["boolean"] is False


def test_malformed_and_oversized_requests(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p")
    assert status == 400 and b"malformed SPARQL query" in body
    assert form(endpoint)[0] == 400
    assert request(endpoint, b"x", {"Content-Type": "image/png"})[0] == 415
    padding = "#" + "x" * 30_000 + "\n"
    status, _, body = request(endpoint, (padding + COUNT).encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"20000 bytes" in body
    assert get(endpoint, padding + COUNT)[0] == 413
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and b"more than 5000" in body  # the result cap


def test_runaway_query_is_stopped_by_the_timeout(endpoint):
    started = time.monotonic()
    status, _, body = get(endpoint, RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 503 and b"timeout" in body
    assert 1.4 < elapsed < 10
    assert get(endpoint, COUNT)[0] == 200  # the killed worker was replaced


def test_updates_with_allow_update(examples_store, tmp_path):
    store = copy_store(examples_store, tmp_path / "writable.oxigraph")
    with serve(store, tmp_path / "serve.log", "--allow-update") as found:
        endpoint = found.group(1)
        assert json.loads(get(endpoint, "ASK { <urn:x> ?p ?o }")[2])["boolean"] is False
        status, _, _ = form(endpoint, update="INSERT DATA { GRAPH <urn:g> { <urn:x> <urn:y> <urn:z> } }")
        assert status == 204
        assert json.loads(get(endpoint, "ASK { <urn:x> ?p ?o }")[2])["boolean"] is True  # union default graph
        assert request(endpoint + "?" + urllib.parse.urlencode({"update": "CLEAR ALL"}))[0] == 405


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_push_to_a_real_oxigraph_server(examples_store, store_path, tmp_path):
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server (pip install oxigraph, in the test extra) is not installed")
    port = free_port()
    with running(binary, "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}",
                 "--union-default-graph", ready="[Ll]isten", log=tmp_path / "oxigraph.log"):
        base = f"http://127.0.0.1:{port}"
        result = CliRunner().invoke(app, ["push", "--endpoint", f"{base}/store", "--store", str(store_path)])
        assert result.exit_code == 0, result.output
        for name in ("top_attackers", "who_attacked_whom", "events"):
            remote = bindings(request(f"{base}/query", (QUERIES / f"{name}.rq").read_bytes(),
                                      {"Content-Type": "application/sparql-query",
                                       "Accept": "application/sparql-results+json"})[2])
            assert remote == local(examples_store, name), name
        quads = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert bindings(request(f"{base}/query?" + urllib.parse.urlencode({"query": quads}),
                                headers={"Accept": "application/sparql-results+json"})[2]) == [
            {"n": str(sum(1 for _ in examples_store.quads_for_pattern(None, None, None, None)))}]
        built = CliRunner().invoke(app, ["build", str(EXAMPLES / "000_ffb251c5abeb50dd.txt"), "--store", f"{base}/update"])
        assert built.exit_code == 0, built.output  # build --store URL writes straight to the server, same graph
        seed = "https://w3id.org/graphbuilder/id/doc/000_ffb251c5abeb50dd.txt"
        count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{seed}> {{ ?s ?p ?o }} }}"
        assert bindings(request(f"{base}/query?" + urllib.parse.urlencode({"query": count}),
                                headers={"Accept": "application/sparql-results+json"})[2]) == [
            {"n": str(sum(1 for _ in examples_store.quads_for_pattern(None, None, None, NamedNode(seed))))}]
        with pytest.raises(PushError, match=r"refused graph <https://w3id.org/graphbuilder/id/doc/.*HTTP 404"):
            list(push(examples_store, f"{base}/no-such-service"))
    with pytest.raises(PushError, match="cannot reach"):
        list(push(examples_store, f"{base}/store"))

"""A SPARQL 1.1 Protocol endpoint over the store (standard library http.server).

pyoxigraph cannot cancel a running query (its Python API has no timeout), so queries run in worker
processes: one still running at the timeout is killed and replaced, and the client gets 503.
Read-only workers see the store as it was when they opened it; after an update (only with
allow_update, run by the one writer worker) they reopen it before their next query.
"""
from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

ENDPOINT_PATH = "/sparql"
STARTUP_SECONDS = 60.0
RESULT_FORMATS = {  # the first is the default
    "application/sparql-results+json": QueryResultsFormat.JSON, "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML, "application/xml": QueryResultsFormat.XML,
    "text/xml": QueryResultsFormat.XML, "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": RdfFormat.TURTLE, "application/n-triples": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML, "application/ld+json": RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class ServeOptions:
    """What `graphbuilder serve` was asked for."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    allow_update: bool = False
    timeout: float = 30.0
    max_results: int = 100_000
    max_request_bytes: int = 1_000_000
    workers: int = 2


@dataclass(frozen=True)
class Job:
    """One query or update for a worker, with the protocol's dataset and the client's Accept header."""

    kind: str  # "query" | "update"
    text: str
    accept: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    generation: int = 0


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type and body."""

    status: int
    content_type: str
    body: bytes


def text_reply(status: int, message: str) -> Reply:
    """A plain-text answer (errors, messages)."""
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


def negotiate(accept: str | None, offers: dict) -> tuple[str, object] | None:
    """The offered (media type, format) the Accept header prefers (q-values, wildcards); the first offer if no header."""
    if not accept or not accept.strip():
        return next(iter(offers.items()))
    best, best_rank = None, None
    for position, part in enumerate(accept.split(",")):
        media, *parameters = [piece.strip().lower() for piece in part.split(";")]
        quality = 1.0
        for parameter in parameters:
            if parameter.startswith("q="):
                try:
                    quality = float(parameter[2:])
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        for order, offer in enumerate(offers):
            exact = media == offer
            if exact or media == "*/*" or (media.endswith("/*") and offer.startswith(media[:-1])):
                rank = (quality, exact, -position, -order)
                if best_rank is None or rank > best_rank:
                    best, best_rank = offer, rank
    return (best, offers[best]) if best else None


def _not_acceptable(accept: str | None, offers: dict) -> Reply:
    return text_reply(406, f"cannot answer with {accept!r}; this result is available as: {', '.join(offers)}")


def _too_many(max_results: int) -> Reply:
    return text_reply(400, f"the result has more than {max_results} rows or triples, this endpoint's limit "
                           "(graphbuilder serve --max-results): add a LIMIT or narrow the query")


def answer(store, job: Job, max_results: int) -> Reply:
    """Run a job on an open store and serialise its result in the negotiated format."""
    try:
        if job.kind == "update":
            store.update(job.text)
            return Reply(204, "text/plain", b"")
        dataset = {"use_default_graph_as_union": not job.default_graphs,
                   "default_graph": [NamedNode(g) for g in job.default_graphs] or None,
                   "named_graphs": [NamedNode(g) for g in job.named_graphs] or None}
        result = store.query(job.text, **dataset)
        if isinstance(result, (QueryBoolean, QuerySolutions)):
            chosen = negotiate(job.accept, RESULT_FORMATS)
            if chosen is None:
                return _not_acceptable(job.accept, RESULT_FORMATS)
            if isinstance(result, QuerySolutions):
                if sum(1 for _ in islice(result, max_results + 1)) > max_results:
                    return _too_many(max_results)
                result = store.query(job.text, **dataset)  # the counted iterator is spent; the size is now known
            body = result.serialize(format=chosen[1])
        else:
            chosen = negotiate(job.accept, GRAPH_FORMATS)
            if chosen is None:
                return _not_acceptable(job.accept, GRAPH_FORMATS)
            triples = list(islice(result, max_results + 1))
            if len(triples) > max_results:
                return _too_many(max_results)
            body = serialize(triples, format=chosen[1])
    except SyntaxError as error:
        return text_reply(400, f"malformed SPARQL {job.kind}: {error}")
    except ValueError as error:
        return text_reply(400, f"bad request: {error}")
    except OSError as error:
        return text_reply(500, f"the store failed: {error}")
    media = chosen[0]
    return Reply(200, media + ("; charset=utf-8" if media.startswith("text/") else ""), body)


def _worker(conn, store_path: str, writable: bool, max_results: int) -> None:
    """Worker process: open the store, then answer jobs until the pipe closes."""
    from .store import StoreError, open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which ends its workers
    try:
        store, generation = open_store(store_path, read_only=not writable), 0
    except (StoreError, OSError) as error:
        conn.send(str(error))
        return
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job.generation != generation and not writable:
            store = None
            store, generation = open_store(store_path, read_only=True), job.generation
        reply = answer(store, job, max_results)
        if reply.status == 500 and not writable:  # the writer compacted files away under this reader: reopen once
            store = None
            store = open_store(store_path, read_only=True)
            reply = answer(store, job, max_results)
        conn.send(reply)


class _Worker:
    def __init__(self, store_path: Path, writable: bool, max_results: int) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, str(store_path), writable, max_results), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        if not self.conn.poll(STARTUP_SECONDS):
            raise RuntimeError("a SPARQL worker did not start")
        message = self.conn.recv()
        if message != "ready":
            raise RuntimeError(message)

    def call(self, job: Job, timeout: float) -> Reply | None:
        self.conn.send(job)
        return self.conn.recv() if self.conn.poll(timeout) else None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryPool:
    """Worker processes evaluating SPARQL; one running past the timeout is killed and replaced."""

    def __init__(self, store_path: Path, size: int, writable: bool, max_results: int) -> None:
        self.args = (store_path, writable, max_results)
        self.size = size
        self.idle: queue.Queue[_Worker] = queue.Queue()
        workers = [_Worker(*self.args) for _ in range(size)]
        try:
            for worker in workers:
                worker.wait_ready()
        except RuntimeError:
            for worker in workers:
                worker.kill()
            raise
        for worker in workers:
            self.idle.put(worker)

    def run(self, job: Job, timeout: float) -> Reply:
        """The job's reply, or 503 when no worker is free or the job runs past `timeout` seconds."""
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            return text_reply(503, f"all {self.size} SPARQL workers stayed busy for {timeout:g} s; try again later")
        try:
            reply = worker.call(job, timeout)
        except (EOFError, OSError):
            reply = text_reply(500, "the SPARQL worker died; it has been replaced")
            worker = self._replace(worker)
        if reply is None:
            worker = self._replace(worker)
            reply = text_reply(503, f"{job.kind} stopped: it ran past the {timeout:g} s timeout "
                                    "(graphbuilder serve --timeout); narrow it, add a LIMIT, or raise the timeout")
        self.idle.put(worker)
        return reply

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        fresh = _Worker(*self.args)
        fresh.wait_ready()
        return fresh

    def close(self) -> None:
        """Stop every idle worker."""
        while not self.idle.empty():
            self.idle.get_nowait().kill()


class Endpoint:
    """The endpoint's state: reader workers, the writer worker (with allow_update) and the store generation."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.generation = 0
        self.lock = threading.Lock()
        self.writer = QueryPool(options.store, 1, True, options.max_results) if options.allow_update else None
        try:
            self.readers = QueryPool(options.store, options.workers, False, options.max_results)
        except RuntimeError:
            if self.writer:
                self.writer.close()
            raise

    def query(self, text: str, accept: str | None, default_graphs: list[str], named_graphs: list[str]) -> Reply:
        """Answer a query with the readers."""
        job = Job("query", text, accept, tuple(default_graphs), tuple(named_graphs), self.generation)
        return self.readers.run(job, self.options.timeout)

    def update(self, text: str) -> Reply:
        """Apply an update with the writer, or refuse it on a read-only endpoint."""
        if self.writer is None:
            return text_reply(403, "this endpoint is read-only: SPARQL updates are refused "
                                   "(start it with graphbuilder serve --allow-update to accept them)")
        with self.lock:
            reply = self.writer.run(Job("update", text), self.options.timeout)
            self.generation += 1  # even a killed update may have committed: readers reopen the store
        return reply

    def close(self) -> None:
        """Stop the workers."""
        self.readers.close()
        if self.writer:
            self.writer.close()


class _Handler(BaseHTTPRequestHandler):
    server_version = "graphbuilder-sparql"
    timeout = 60  # seconds a client may take to send its request
    endpoint: Endpoint

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlsplit(self.path)
        if len(self.path.encode()) > self.endpoint.options.max_request_bytes:
            return self._send(text_reply(413, f"request larger than {self.endpoint.options.max_request_bytes} bytes"))
        if url.path not in ("/", ENDPOINT_PATH):
            return self._send(text_reply(404, f"no such resource; the SPARQL endpoint is {ENDPOINT_PATH}"))
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:  # refused: 403 on a read-only endpoint, else 405 (updates go by POST)
            if self.endpoint.writer is None:
                return self._send(self.endpoint.update(params["update"][0]))
            return self._send(text_reply(405, "SPARQL updates must be sent with POST"))
        if "query" not in params:
            return self._send(text_reply(200, self._describe()))
        self._send(self._query(params["query"][0], params))

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        limit = self.endpoint.options.max_request_bytes
        if url.path != ENDPOINT_PATH:
            return self._send(text_reply(404, f"no such resource; the SPARQL endpoint is {ENDPOINT_PATH}"))
        try:
            length = int(self.headers["Content-Length"])
        except (TypeError, ValueError):
            return self._send(text_reply(411, "a POST needs a Content-Length"))
        if length > limit:
            self.close_connection = True  # the body is not read
            return self._send(text_reply(413, f"request body of {length} bytes is larger than this endpoint's limit "
                                              f"of {limit} bytes (graphbuilder serve --max-request-bytes)"))
        try:
            body = self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            return self._send(text_reply(400, "the request body is not UTF-8"))
        params = parse_qs(url.query, keep_blank_values=True)
        media = self.headers.get_content_type()
        if media == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            if "query" in params and "update" not in params:
                return self._send(self._query(params["query"][0], params))
            if "update" in params and "query" not in params:
                return self._send(self.endpoint.update(params["update"][0]))
            return self._send(text_reply(400, "send exactly one of the form fields query and update"))
        if media == "application/sparql-query":
            return self._send(self._query(body, params))
        if media == "application/sparql-update":
            return self._send(self.endpoint.update(body))
        self._send(text_reply(415, f"unsupported Content-Type {media}: use application/sparql-query, "
                                   "application/sparql-update or application/x-www-form-urlencoded"))

    def _query(self, text: str, params: dict[str, list[str]]) -> Reply:
        return self.endpoint.query(text, self.headers.get("Accept"), params.get("default-graph-uri", []),
                                   params.get("named-graph-uri", []))

    def _describe(self) -> str:
        options = self.endpoint.options
        mode = "read-write" if options.allow_update else "read-only"
        return (f"graphbuilder SPARQL 1.1 endpoint ({mode}) at {ENDPOINT_PATH}: GET ?query=..., or POST "
                "application/sparql-query or a form with query=...; the default graph is the union of all named "
                f"graphs; queries stop after {options.timeout:g} s; at most {options.max_results} results.")

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)


def make_server(options: ServeOptions) -> tuple[ThreadingHTTPServer, Endpoint]:
    """An HTTP server bound to options.host:options.port with its endpoint's workers started."""
    endpoint = Endpoint(options)
    handler = type("Handler", (_Handler,), {"endpoint": endpoint})
    try:
        server = ThreadingHTTPServer((options.host, options.port), handler)
    except OSError:
        endpoint.close()
        raise
    server.daemon_threads = True
    return server, endpoint


def serve_forever(server: ThreadingHTTPServer, endpoint: Endpoint) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), then stop the workers."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        endpoint.close()

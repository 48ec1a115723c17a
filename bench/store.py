"""Store benchmark: bulk-load rate and the latency of every shipped query on a synthetic graph of about
1 million triples shaped like real builds, in Oxigraph (graphbuilder's store) and in rdflib's in-memory
Dataset (the reference). Writes bench/results/store.json.

    python bench/store.py [--triples 1000000] [--runs 5] [--workers 2] [--timeout 30]

Each Oxigraph query runs in a child process on the on-disk store (read-only), so that a query still
running after --timeout seconds can be stopped; rdflib queries are stopped by an alarm signal.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import Literal, Quad, RdfFormat, Store, serialize

from graphbuilder.build import FLUSH_EVERY
from graphbuilder.load import load_dump
from graphbuilder.query import bind, run_query
from graphbuilder.store import META_GRAPH, META_NODE, STORE_VERSION, VERSION_PROP, replace_graph, write_document
from graphbuilder.vocab import ACTORS_GRAPH
from measure import RESULTS, ROOT, machine
from synthetic import Corpus, actors_graph

QUERIES = ROOT / "queries"
PLAUSIBLE_DATES = {"since": "2016-01-01", "until": "2017-12-31"}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    args.add_argument("--runs", type=int, default=5, help="timed runs per query (median reported)")
    args.add_argument("--workers", type=int, default=2, help="threads of `graphbuilder load`")
    args.add_argument("--timeout", type=float, default=30, help="seconds before a query is abandoned (per store)")
    args.add_argument("--child", nargs=4, metavar=("STORE", "QUERY", "PARAMS", "RUNS"), help=argparse.SUPPRESS)
    args.add_argument("--load-child", nargs=3, metavar=("STORE", "DUMP", "TRIPLES"), help=argparse.SUPPRESS)
    args = args.parse_args()
    if args.load_child:
        store, dump, triples = args.load_child
        print(json.dumps(timed_load(int(triples), lambda: load_dump(Store(store), Path(dump), workers=args.workers))))
        return
    if args.child:
        store, query, params, runs = args.child
        text = (QUERIES / f"{query}.rq").read_text(encoding="utf-8")
        print(json.dumps(time_oxigraph(Store.read_only(store), text, json.loads(params), int(runs))))
        return

    corpus = Corpus()
    started = time.perf_counter()
    documents = [("", [Quad(META_NODE, VERSION_PROP, Literal(STORE_VERSION), META_GRAPH), *actors_graph()])]  # stamped, as a store's dump
    total = len(documents[0][1])
    while total < args.triples:
        name, quads = next(corpus.documents(1, start=len(documents) - 1))
        documents.append((name, list(quads)))
        total += len(documents[-1][1])
    data = serialize((q for _, quads in documents for q in quads), format=RdfFormat.N_QUADS)
    print(f"synthetic graph: {total:,} triples, {len(documents) - 1:,} documents ({time.perf_counter() - started:.0f} s to generate)")

    result = {"machine": machine(), "command": f"python bench/store.py --triples {args.triples} --runs {args.runs} --workers {args.workers} --timeout {args.timeout:g}",
              "workers": args.workers, "triples": total, "documents": len(documents) - 1, "nquads_bytes": len(data), "load": {}, "queries": {}}
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.nq"
        dump.write_bytes(data)  # loaded first, alone in its own process: the other on-disk stores' background
        command = [sys.executable, __file__, "--workers", str(args.workers),  # compactions would share the 2 cores
                   "--load-child", str(Path(tmp) / "bulk"), str(dump), str(total)]
        result["load"]["graphbuilder_load"] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        dump.unlink()
        result["load"]["oxigraph_bulk_load_in_memory"] = timed_load(total, lambda: Store().bulk_load(data, format=RdfFormat.N_QUADS))
        single = Store(str(Path(tmp) / "single"))
        result["load"]["oxigraph_bulk_load"] = timed_load(total, lambda: single.bulk_load(data, format=RdfFormat.N_QUADS))
        del single
        bulk = Store(str(Path(tmp) / "bulk"))
        per_document = Store(str(Path(tmp) / "per-document"))
        result["load"]["oxigraph_write_document"] = timed_load(total, lambda: write_like_build(per_document, documents))
        del documents, per_document
        params = plausible_params(bulk)
        result["params"] = params
        result["peak_rss_mib_after_oxigraph_load"] = peak_rss_mib()
        del bulk  # closed: the query children open it read-only
        for path in sorted(QUERIES.glob("*.rq")):
            documented = re.findall(r"--param (\w+)=", path.read_text(encoding="utf-8"))  # each header shows its parameters
            bound = {k: v for k, v in params.items() if k in documented}
            result["queries"][path.stem] = {"params": bound, "oxigraph": oxigraph_child(Path(tmp) / "bulk", path.stem, bound, args)}
            print(f"  {path.stem}: {result['queries'][path.stem]['oxigraph']}", flush=True)

    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    result["load"]["rdflib_parse"] = timed_load(total, lambda: dataset.parse(data=data, format="nquads"))
    del data
    for name, entry in result["queries"].items():
        text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        entry["rdflib"] = time_rdflib(dataset, bind(text, entry["params"]), args.runs, args.timeout)
    result["peak_rss_mib"] = peak_rss_mib()
    report(result)
    (RESULTS / "store.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


def timed_load(triples: int, load) -> dict:
    """Seconds and triples/s of one load."""
    started = time.perf_counter()
    load()
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "triples_per_s": round(triples / seconds)}


def write_like_build(store: Store, documents: list) -> None:
    """Write each document's graph in its own transaction, flushing as `graphbuilder build` does."""
    for count, (name, quads) in enumerate(documents):
        if not name:  # the actors graph
            replace_graph(store, str(ACTORS_GRAPH), quads)
            continue
        write_document(store, name, quads)
        if count % FLUSH_EVERY == 0:
            store.flush()
    store.flush()


def plausible_params(store: Store) -> dict[str, str]:
    """Parameter values a user would type: the most attacked actor, the most frequent place, an event, dates."""
    def first(query: str) -> str:
        rows = store.query(f"PREFIX ckg: <https://w3id.org/graphbuilder/ontology#> {query}", use_default_graph_as_union=True)
        return next(iter(rows))[0].value

    label = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
    return {
        "actor": first(f"SELECT ?l (COUNT(*) AS ?n) WHERE {{ ?e ckg:target ?a . ?a {label} ?l }} GROUP BY ?l ORDER BY DESC(?n) LIMIT 1"),
        "place": first(f"SELECT ?l (COUNT(*) AS ?n) WHERE {{ ?e ckg:place ?a . ?a {label} ?l }} GROUP BY ?l ORDER BY DESC(?n) LIMIT 1"),
        "fact": first("SELECT ?e WHERE { ?e a ckg:Attack ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?s } LIMIT 1"),
        **PLAUSIBLE_DATES,
    }


def oxigraph_child(store: Path, query: str, params: dict, args) -> dict:
    """time_oxigraph in a child process, stopped after `args.timeout` seconds."""
    command = [sys.executable, __file__, "--child", str(store), query, json.dumps(params), str(args.runs)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"median_ms": None, "timeout_s": args.timeout, "rows": None}
    return json.loads(done.stdout)


def time_oxigraph(store: Store, text: str, params: dict, runs: int) -> dict:
    """Median and spread of `runs` timed runs after one warm-up (one run if the warm-up took over a second), and the rows."""
    started = time.perf_counter()
    rows = len(run_query(store, text, params)[1])
    times = []
    for _ in range(runs if time.perf_counter() - started < 1 else 1):
        started = time.perf_counter()
        run_query(store, text, params)
        times.append(time.perf_counter() - started)
    return {"median_ms": round(statistics.median(times) * 1000, 1), "max_ms": round(max(times) * 1000, 1), "rows": rows}


class _Timeout(Exception):
    pass


def time_rdflib(dataset, text: str, runs: int, timeout: float) -> dict:
    """Like time_oxigraph for rdflib (no warm-up); a query still running after `timeout` s is abandoned."""
    def alarm(signum, frame):
        raise _Timeout

    signal.signal(signal.SIGALRM, alarm)
    times, rows = [], None
    for _ in range(runs):
        signal.setitimer(signal.ITIMER_REAL, timeout)
        started = time.perf_counter()
        try:
            rows = len(list(dataset.query(text)))
        except _Timeout:
            return {"median_ms": None, "timeout_s": timeout, "rows": None}
        except Exception as error:  # rdflib fails on some valid SPARQL (e.g. GROUP_CONCAT over unbound values)
            return {"median_ms": None, "error": f"{type(error).__name__}: {error}", "rows": None}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - started)
        if sum(times) > timeout:  # slow enough: fewer runs
            break
    return {"median_ms": round(statistics.median(times) * 1000, 1), "max_ms": round(max(times) * 1000, 1),
            "rows": rows, "runs": len(times)}


def peak_rss_mib() -> int:
    """Peak resident memory of this process so far, in MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def report(result: dict) -> None:
    """Print the figures and ratios."""
    load = result["load"]
    rdflib = load["rdflib_parse"]["triples_per_s"]
    print(f"load of {result['triples']:,} triples (N-Quads), triples/s:")
    for key, label in (("oxigraph_bulk_load_in_memory", "Oxigraph bulk_load, in memory"),
                       ("oxigraph_bulk_load", "Oxigraph bulk_load, on disk (one call)"),
                       ("graphbuilder_load", f"graphbuilder load, on disk ({result['workers']} threads, file read included)"),
                       ("oxigraph_write_document", "Oxigraph, a transaction per document, on disk (the build's path)"),
                       ("rdflib_parse", "rdflib Dataset.parse, in memory")):
        print(f"  {label:66} {load[key]['triples_per_s']:>9,}  ({load[key]['triples_per_s'] / rdflib:.1f}x rdflib)")
    def ms(timing: dict) -> str:
        if "error" in timing:
            return "error"
        return f"{timing['median_ms']:.1f}" if timing["median_ms"] is not None else f"> {timing['timeout_s'] * 1000:.0f}"

    print(f"{'query (median ms)':28} {'oxigraph':>10} {'rdflib':>10} {'rdflib/ox':>10} {'rows':>6}  params")
    for name, entry in result["queries"].items():
        ox, rd = entry["oxigraph"], entry["rdflib"]
        ratio = f"{rd['median_ms'] / max(ox['median_ms'], 0.1):.0f}x" if None not in (ox["median_ms"], rd["median_ms"]) else "-"
        same = "" if None in (rd["rows"], ox["rows"]) or rd["rows"] == ox["rows"] else f" (rdflib: {rd['rows']} rows)"
        print(f"{name:28} {ms(ox):>10} {ms(rd):>10} {ratio:>10} {ox['rows'] if ox['rows'] is not None else '-':>6}{same}  {entry['params'] or ''}")
    slow = [name for name, entry in result["queries"].items() if (entry["oxigraph"]["median_ms"] or 1e9) > 100]
    print(f"Oxigraph queries over 100 ms median: {', '.join(slow) or 'none'}")
    print(f"peak RSS: {result['peak_rss_mib_after_oxigraph_load']} MiB after the Oxigraph loads, {result['peak_rss_mib']} MiB with rdflib")


if __name__ == "__main__":
    main()

"""Incremental benchmark: time to add one real document to a store of 10,000 documents, against building
those 10,000. The 10,000 are synthetic graphs (bench/synthetic.py, no model); the added documents go
through the real pipeline with the model already loaded (model time and store time reported apart),
and once through the `graphbuilder build` command (whole wall time, model loading included).
Writes bench/results/incremental.json.

    python bench/incremental.py [--documents 10000] [--added 5]
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from graphbuilder.build import FLUSH_EVERY
from graphbuilder.ingest import read_inputs
from graphbuilder.model import Document
from graphbuilder.nlp import model_version
from graphbuilder.pipeline import Pipeline
from graphbuilder.rdf import GraphWriter
from graphbuilder.store import document_names, open_store, replace_graph, write_document
from graphbuilder.vocab import ACTORS_GRAPH
from measure import CORPUS, RESULTS, graphbuilder_command, machine, run
from synthetic import Corpus, actors_graph


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--documents", type=int, default=10_000, help="synthetic documents already in the store")
    args.add_argument("--added", type=int, default=5, help="real documents added one by one (median reported)")
    args = args.parse_args()
    result = {"machine": machine(), "command": f"python bench/incremental.py --documents {args.documents} --added {args.added}",
              "documents": args.documents}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        store = open_store(path)
        replace_graph(store, str(ACTORS_GRAPH), actors_graph())
        store_seconds, triples = 0.0, 0
        for count, (name, quads) in enumerate(Corpus().documents(args.documents), 1):
            quads = list(quads)  # generated outside the timed part
            started = time.perf_counter()
            write_document(store, name, quads)
            if count % FLUSH_EVERY == 0:  # as the build does
                store.flush()
            store_seconds += time.perf_counter() - started
            triples += len(quads)
        store.flush()
        result["build_store"] = {"seconds": round(store_seconds, 1), "triples": triples,
                                 "triples_per_s": round(triples / store_seconds)}
        print(f"{args.documents:,} synthetic documents ({triples:,} triples) written in {store_seconds:.1f} s", flush=True)

        started = time.perf_counter()
        pipeline = Pipeline("fr")
        writer = GraphWriter(model_version("fr"))
        result["model_load_s"] = round(time.perf_counter() - started, 2)
        added = []
        documents = [d for d in read_inputs(sorted(CORPUS.glob("*.txt"))[: args.added + 1]) if isinstance(d, Document)]
        for document in documents[: args.added]:
            started = time.perf_counter()
            quads = list(writer.quads(pipeline.process(document)))
            model = time.perf_counter() - started
            write_document(store, document.name, quads)
            store.flush()
            added.append({"name": document.name, "model_s": round(model, 4),
                          "store_s": round(time.perf_counter() - started - model, 4), "triples": len(quads)})
        assert len(document_names(store)) == args.documents + args.added
        result["added"] = added
        result["add_one"] = {key: round(statistics.median(a[key] for a in added), 4) for key in ("model_s", "store_s")}
        result["add_one"]["total_s"] = round(result["add_one"]["model_s"] + result["add_one"]["store_s"], 4)
        result["build_estimate_s"] = round(store_seconds + args.documents * result["add_one"]["model_s"], 1)
        del store
        cli = run([*graphbuilder_command(), "build", documents[-1].source, "--store", str(path)])
        cli.pop("stdout")
        result["cli_add_one"] = cli
    result["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    report(result)
    (RESULTS / "incremental.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


def report(result: dict) -> None:
    """Print the figures and ratios."""
    one, n = result["add_one"], result["documents"]
    print(f"add one document to a {n:,}-document store (model loaded): {one['total_s'] * 1000:.0f} ms median "
          f"= model {one['model_s'] * 1000:.0f} ms + store {one['store_s'] * 1000:.0f} ms (target < 1 s)")
    print(f"build the {n:,}: store writes {result['build_store']['seconds']:.0f} s measured "
          f"({result['build_store']['triples_per_s']:,} triples/s); with the model about {result['build_estimate_s']:.0f} s "
          f"= {result['build_estimate_s'] / one['total_s']:,.0f}x one addition")
    print(f"`graphbuilder build one.txt` into that store: {result['cli_add_one']['wall_s']:.1f} s wall "
          f"(model load {result['model_load_s']:.1f} s in-process), peak RSS {result['cli_add_one']['peak_tree_rss_mib']} MiB; "
          f"this script's peak RSS {result['peak_rss_mib']} MiB")


if __name__ == "__main__":
    main()

"""Render time of the actor-network page in headless Chromium: the whole benchmark corpus and a synthetic
5,000-node graph. Prints seconds and the ratio to the 10 s target; writes bench/results/viz.json.

    python bench/viz.py [--store /tmp/bench.oxigraph] [--nodes 5000]
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from graphbuilder.network import RELATIONS, Filters, actor_network
from graphbuilder.store import open_store
from graphbuilder.viz import headless_chromium, open_page, render_html, style

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bench" / "wikinews-fr"
TARGET_S = 10.0


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A scale-free actor network of n actors with the attributes read_network gives (about 1.5 edges per actor)."""
    rng = random.Random(seed)
    types = [t for t in style()["types"] if t != "Unknown"]
    skeleton = nx.barabasi_albert_graph(n, 1, seed=seed)
    skeleton.add_edges_from(rng.sample(range(n), 2) for _ in range(n // 2))
    graph = nx.MultiDiGraph()
    for node in skeleton:
        graph.add_node(f"actor/{node}", label=f"Actor {node}", type=rng.choice(types), aliases=[f"A{node}"],
                       documents=[f"doc{node % 400}.txt"], wikidata=f"Q{node + 1}" if node % 3 == 0 else None, events=[])
    for s, o in skeleton.edges():
        predicate = rng.choice(RELATIONS)
        items = [{"source": "text", "document": f"doc{rng.randrange(400)}.txt", "start": 0, "end": 40,
                  "text": f"Actor {s} {predicate} Actor {o}, sentence {k}.", "date": f"2019-{rng.randint(1, 12):02d}",
                  "published": "2020-01", "first_day": "2019-01-01", "last_day": "2019-12-31",
                  "event": None, "event_type": None} for k in range(rng.randint(1, 3))]
        graph.add_edge(f"actor/{s}", f"actor/{o}", key=predicate, predicate=predicate, evidence=items, weight=len(items))
    return graph


def measure(browser, graph: nx.MultiDiGraph, page: Path) -> dict:
    """Python time (layout + HTML) and browser time (navigation to first drawing) for one graph."""
    started = time.perf_counter()
    render_html(graph, page)
    python_s = time.perf_counter() - started
    browser_s = open_page(browser, page)
    drawn = browser.execute_script("return graphbuilder.drawn()")
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "drawn": drawn,
            "html_bytes": page.stat().st_size, "python_s": round(python_s, 2), "browser_s": round(browser_s, 2),
            "in_page_ms": round(browser.execute_script("return graphbuilder.renderMs")),
            "physics": graph.number_of_nodes() <= 1000, "console_errors": errors}


def main() -> None:
    """Measure both graphs and write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=Path("/tmp/bench.oxigraph"))
    parser.add_argument("--nodes", type=int, default=5000)
    args = parser.parse_args()
    if not args.store.exists():
        print(f"building {args.store} from {CORPUS} …", flush=True)
        subprocess.run([sys.executable, "-c", "from graphbuilder.cli import app; app()", "build", str(CORPUS), "--store", str(args.store)], check=True)
    started = time.perf_counter()
    corpus = actor_network(open_store(args.store, read_only=True), Filters())
    read_s = time.perf_counter() - started
    results = {"target_s": TARGET_S, "machine": "2 cores, headless Chromium (Debian), networking disabled"}
    with tempfile.TemporaryDirectory() as folder, headless_chromium() as browser:
        results["bench_corpus"] = {"store": str(args.store), "read_s": round(read_s, 2),
                                   **measure(browser, corpus, Path(folder) / "corpus.html")}
        results[f"synthetic_{args.nodes}"] = measure(browser, synthetic_graph(args.nodes), Path(folder) / "synthetic.html")
    for name, result in results.items():
        if isinstance(result, dict):
            print(f"{name}: {result['nodes']} actors, {result['edges']} relations; Python {result['python_s']} s, "
                  f"browser {result['browser_s']} s ({result['browser_s'] / TARGET_S:.2f} of the {TARGET_S:.0f} s target)")
    out = ROOT / "bench" / "results" / "viz.json"
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"results → {out}")


if __name__ == "__main__":
    main()

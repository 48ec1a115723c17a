"""Drawings of the actor network: one self-contained offline HTML page, static PNG/SVG, timeline, GEXF/GraphML;
and a headless Chromium to check the page (tests, benchmark)."""
from __future__ import annotations

import json
import math
import re
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Iterator

import networkx as nx

DATA = Path(__file__).parent / "data"
TEMPLATE = DATA / "network_template.html"
STYLE = DATA / "network_style.json"
PHYSICS_MAX_NODES = 1000  # past this the page draws the Python layout as it is (no simulation)
EDGE_LABELS_MAX = 2000  # past this many edges the counts are in the panel only
LAYOUT_SEED = 7
KAMADA_KAWAI_MAX_NODES = 300
SPRING_MAX_NODES = 500  # networkx's spring layout turns into an O(n²) Python loop past this
EVIDENCE_FIELDS = ("source", "document", "text", "date", "published", "first_day", "last_day", "event_type")


@lru_cache(maxsize=1)
def style() -> dict:
    """Colours and shapes by actor type, colours by predicate and event type (data/network_style.json)."""
    return json.loads(STYLE.read_text(encoding="utf-8"))


def vis_network_files() -> tuple[Path, Path]:
    """vis-network's standalone JavaScript and its CSS, as shipped inside the pyvis package."""
    found = sorted(Path(str(resources.files("pyvis"))).glob("lib/vis-*/vis-network.min.js"),
                   key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])
    if not found:
        raise FileNotFoundError("vis-network.min.js not found in the pyvis package (pip install pyvis)")
    return found[-1], found[-1].with_name("vis-network.css")


def layout(graph: nx.MultiDiGraph, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Node positions in pixels: Kamada-Kawai for small connected graphs, a seeded spring layout up to
    SPRING_MAX_NODES, past that a sampled spring layout that stays a few seconds at 5,000 nodes."""
    simple = nx.Graph(graph.to_undirected(as_view=True))
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if n <= KAMADA_KAWAI_MAX_NODES and nx.is_connected(simple):
        positions = nx.kamada_kawai_layout(simple)
    elif n <= SPRING_MAX_NODES:
        positions = nx.spring_layout(simple, seed=seed)
    else:
        positions = _sampled_spring(simple, seed)
    scale = 90 * math.sqrt(n)
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in positions.items()}


def _sampled_spring(graph: nx.Graph, seed: int, iterations: int = 60, pivots: int = 300) -> dict:
    """Fruchterman-Reingold with repulsion from a random sample of nodes plus exact repulsion between near
    neighbours (k-d tree): O(n) per iteration instead of networkx's O(n²) Python loop."""
    import numpy as np
    from scipy.spatial import cKDTree

    nodes = list(graph)
    n, index = len(nodes), {node: i for i, node in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    edges = np.array([(index[a], index[b]) for a, b in graph.edges() if a != b], dtype=int).reshape(-1, 2)
    k, step = 1 / math.sqrt(n), 0.1
    for _ in range(iterations):
        sample = rng.choice(n, size=min(pivots, n), replace=False)
        delta = pos[:, None, :] - pos[None, sample, :]
        disp = np.einsum("ijk,ij->ik", delta, k * k / np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-9)) * (n / len(sample))
        near = cKDTree(pos).query_pairs(2 * k, output_type="ndarray")
        if len(near):
            d = pos[near[:, 0]] - pos[near[:, 1]]
            force = d * (k * k / np.maximum((d * d).sum(1), 1e-9))[:, None]
            np.add.at(disp, near[:, 0], force)
            np.subtract.at(disp, near[:, 1], force)
        d = pos[edges[:, 0]] - pos[edges[:, 1]]
        force = d * (np.linalg.norm(d, axis=1) / k)[:, None]
        np.subtract.at(disp, edges[:, 0], force)
        np.add.at(disp, edges[:, 1], force)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp * (np.minimum(length, step) / length)[:, None]
        step -= 0.1 / (iterations + 1)
    return dict(zip(nodes, nx.rescale_layout(pos)))


def _curves(graph: nx.MultiDiGraph) -> dict[tuple, int]:
    """A curvature index per edge so that parallel and opposite edges between two actors stay apart."""
    seen: Counter = Counter()
    out = {}
    for s, o, key in graph.edges(keys=True):
        pair = tuple(sorted((s, o)))
        index = seen[pair]
        seen[pair] += 1
        out[(s, o, key)] = 0 if index == 0 else (index + 1) // 2 * (1 if index % 2 else -1)
    return out


def page_data(graph: nx.MultiDiGraph, title: str) -> dict:
    """What the page draws: nodes with positions and details, edges with their evidence, the style."""
    positions = layout(graph)
    index = {node: i for i, node in enumerate(graph.nodes)}
    curves = _curves(graph)
    degree = dict(graph.degree())
    nodes = [{"id": index[node], "iri": node, "label": attrs["label"], "type": attrs["type"],
              "aliases": attrs["aliases"], "wikidata": attrs["wikidata"], "degree": degree[node],
              "events": [{k: e[k] for k in ("type", "role", "date", "document")} for e in attrs["events"]],
              "x": round(positions[node][0], 1), "y": round(positions[node][1], 1)}
             for node, attrs in graph.nodes(data=True)]
    edges = [{"id": i, "from": index[s], "to": index[o], "predicate": key, "weight": attrs["weight"],
              "curve": curves[(s, o, key)],
              "evidence": [{k: item[k] for k in EVIDENCE_FIELDS} for item in attrs["evidence"]]}
             for i, (s, o, key, attrs) in enumerate(graph.edges(keys=True, data=True))]
    return {"title": title, "physics": 0 < len(nodes) <= PHYSICS_MAX_NODES, "edge_labels": len(edges) <= EDGE_LABELS_MAX,
            "style": style(), "nodes": nodes, "edges": edges}


def _script_safe(text: str) -> str:
    """Text that cannot close the <script> or <style> element it is inlined in."""
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)


def render_html(graph: nx.MultiDiGraph, out: Path, title: str = "Actor network") -> None:
    """Write ONE self-contained HTML page (vis-network, CSS and data inlined; nothing fetched)."""
    js, css = vis_network_files()
    escaped_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    values = {
        "title": escaped_title,
        "vis_css": _script_safe(css.read_text(encoding="utf-8")),
        "vis_js": _script_safe(js.read_text(encoding="utf-8")),
        "graph_data": json.dumps(page_data(graph, title), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"),
    }
    page = re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))
    Path(out).write_text(page, encoding="utf-8")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def render_image(graph: nx.MultiDiGraph, out: Path, title: str = "Actor network") -> None:
    """A static drawing for reports (PNG or SVG by the file's suffix) with the same layout and colours."""
    plt = _pyplot()
    from matplotlib.lines import Line2D

    looks, positions = style(), layout(graph)
    size = min(40, 8 + graph.number_of_nodes() / 25)
    fig, ax = plt.subplots(figsize=(size, size * 0.75))
    groups: dict[tuple[str, int], list[tuple]] = {}
    for (s, o, key), curve in _curves(graph).items():
        groups.setdefault((key, curve), []).append((s, o, 1 + math.log2(graph.edges[s, o, key]["weight"])))
    for (key, curve), group in groups.items():
        nx.draw_networkx_edges(graph, positions, edgelist=[(s, o) for s, o, _ in group], ax=ax,
                               width=[w for _, _, w in group], edge_color=looks["predicates"][key]["color"],
                               arrows=True, arrowsize=10, connectionstyle=f"arc3,rad={0.2 * curve}", node_size=300)
    degree = dict(graph.degree())
    for type_, look in looks["types"].items():
        members = [n for n, t in graph.nodes(data="type") if t == type_]
        if members:
            nx.draw_networkx_nodes(graph, positions, nodelist=members, ax=ax, node_color=look["color"],
                                   node_shape=look["marker"], node_size=[80 + 40 * degree[n] for n in members])
    shown = sorted(graph.nodes, key=lambda n: -degree[n])[:60]
    nx.draw_networkx_labels(graph, positions, labels={n: graph.nodes[n]["label"] for n in shown}, ax=ax, font_size=8)
    present_types = {t for _, t in graph.nodes(data="type")}
    present_predicates = {k for _, _, k in graph.edges(keys=True)}
    handles = [Line2D([], [], marker=look["marker"], color=look["color"], linestyle="", label=t)
               for t, look in looks["types"].items() if t in present_types]
    handles += [Line2D([], [], color=look["color"], label=look["label"])
                for p, look in looks["predicates"].items() if p in present_predicates]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1, 1), fontsize=8, frameon=True)
    ax.set_title(f"{title}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} relations")
    ax.set_axis_off()
    fig.savefig(out, bbox_inches="tight")
    plt.close(fig)


def render_timeline(graph: nx.MultiDiGraph, out: Path, top: int = 20) -> None:
    """Events over time for the `top` actors with most dated events, one row per actor, marked by event type."""
    plt = _pyplot()
    from matplotlib.lines import Line2D

    looks = style()["events"]
    rows = []
    for node, attrs in graph.nodes(data=True):
        dated = {e["id"]: e for e in attrs["events"] if e["first_day"]}
        if dated:
            rows.append((attrs["label"], list(dated.values())))
    rows = sorted(rows, key=lambda r: (-len(r[1]), r[0]))[:top][::-1]
    fig, ax = plt.subplots(figsize=(11, 1.5 + 0.4 * max(len(rows), 1)))
    for y, (_, events) in enumerate(rows):
        for event in events:
            first, last = date.fromisoformat(event["first_day"]), date.fromisoformat(event["last_day"])
            look = looks.get(event["type"], looks["Attack"])
            if first != last:
                ax.plot([first, last], [y, y], color=look["color"], alpha=0.35, linewidth=4)
            ax.plot([first + (last - first) / 2], [y], marker=look["marker"], color=look["color"], linestyle="")
    ax.set_yticks(range(len(rows)), [label for label, _ in rows])
    ax.legend(handles=[Line2D([], [], marker=look["marker"], color=look["color"], linestyle="", label=t)
                       for t, look in looks.items()], loc="upper left", fontsize=8)
    ax.set_title("Events per actor over time" if rows else "Events per actor over time: no dated events")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes (lists as text, evidence as JSON) for GEXF and GraphML."""
    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, label=attrs["label"], type=attrs["type"], aliases="; ".join(attrs["aliases"]),
                      wikidata=attrs["wikidata"] or "", events=len(attrs["events"]),
                      documents="; ".join(attrs["documents"]))
    for s, o, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(s, o, key=key, label=key, predicate=key, weight=attrs["weight"],
                      documents="; ".join(sorted({e["document"] or e["source"] for e in attrs["evidence"]})),
                      evidence=json.dumps([{k: e[k] for k in EVIDENCE_FIELDS} for e in attrs["evidence"]], ensure_ascii=False))
    return flat


def write_gexf(graph: nx.MultiDiGraph, out: Path | IO[bytes]) -> None:
    """GEXF for Gephi."""
    nx.write_gexf(flat_graph(graph), out)


def write_graphml(graph: nx.MultiDiGraph, out: Path | IO[bytes]) -> None:
    """GraphML for Cytoscape, yEd and Gephi (edge ids unique: subject, relation, object)."""
    flat = flat_graph(graph)
    for s, o, key, attrs in flat.edges(keys=True, data=True):
        attrs["edge_id"] = f"{s} {key} {o}"
    nx.write_graphml(flat, out, edge_id_from_attribute="edge_id")


CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
                  "--disable-default-apps", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND")


@contextmanager
def headless_chromium(binary: str = "/usr/bin/chromium", driver: str = "/usr/bin/chromedriver",
                      size: tuple[int, int] = (1400, 900)) -> Iterator:
    """A headless Chromium (selenium, the system chromedriver) with networking disabled, to check pages."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        browser = webdriver.Chrome(service=Service(driver), options=options)
        try:
            browser.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
            yield browser
        finally:
            browser.quit()


def open_page(browser, page: Path, timeout: float = 120) -> float:
    """Load a page written by render_html and wait until the network is drawn; seconds from navigation."""
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.perf_counter()
    browser.get(Path(page).resolve().as_uri())
    WebDriverWait(browser, timeout, poll_frequency=0.05).until(
        lambda b: b.execute_script("return !!(window.graphbuilder && window.graphbuilder.ready)"))
    return time.perf_counter() - started

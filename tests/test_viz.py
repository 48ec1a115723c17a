"""The actor network and its drawings: networkx graph read from the store, offline HTML checked in a real
headless Chromium (networking disabled), static image, timeline, GEXF/GraphML, the `viz` command."""
from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphbuilder.cli import app
from graphbuilder.network import Filters, filter_network, find_actors, read_network
from graphbuilder.store import open_store
from graphbuilder.viz import (headless_chromium, open_page, page_data, render_html, render_image, render_timeline,
                              write_gexf, write_graphml)
from graphbuilder.vocab import actor_iri

SEED = "000_ffb251c5abeb50dd.txt"
US, HASHED, NUJABA = actor_iri("united_states"), actor_iri("hashed_al_shaabi"), actor_iri("harakat_al_nujaba")
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
needs_browser = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                   reason="no Debian chromium + chromium-driver (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def network(examples_store):
    """The whole actor network of the examples store (every predicate, stationedIn included)."""
    return read_network(examples_store)


@pytest.fixture(scope="module")
def seed(network):
    """The seed article's network with the default predicates."""
    return filter_network(network, Filters(document=SEED))


def edge(graph, subject, predicate, target_label=None):
    """The one edge of `predicate` from `subject` (to an actor whose label contains target_label)."""
    found = [(o, attrs) for s, o, k, attrs in graph.edges(keys=True, data=True) if s == subject and k == predicate
             and (target_label is None or target_label in graph.nodes[o]["label"])]
    assert len(found) == 1, found
    return found[0]


def test_seed_network_has_the_card_relations_with_their_evidence(seed):
    labels = {seed.nodes[n]["label"] for n in seed}
    assert {"United States", "Iran", "Harakat Hezbollah al-Nujaba", "Qassem Soleimani", "Abu Mahdi al-Muhandis"} <= labels
    target, retaliation = edge(seed, US, "retaliatedAgainst")
    assert "faction" in seed.nodes[target]["label"]
    [item] = retaliation["evidence"]
    assert "attaques de représailles contre une faction" in item["text"] and item["document"] == SEED
    assert item["event_type"] == "Retaliation"
    target, blame = edge(seed, US, "blamed")
    assert target == HASHED
    assert "tenu pour responsables" in blame["evidence"][0]["text"]
    assert blame["evidence"][0]["date"] == "2019-10/2020-02"  # the date of the attacks blamed, shared evidence
    _, threat = edge(seed, HASHED, "threatened")  # "Les factions ont promis de se venger…" (the factions = Hashed)
    assert "promis de se venger" in threat["evidence"][0]["text"]
    target, part_of = edge(seed, NUJABA, "partOf")
    assert target == HASHED and part_of["evidence"][0]["source"] == "gazetteer"
    us = seed.nodes[US]
    assert us["wikidata"] == "Q30" and "Washington" in us["aliases"] and us["type"] == "State"
    assert {e["type"] for e in us["events"]} == {"Attack", "Retaliation"}


def test_filters(network, seed):
    assert not any(k == "stationedIn" for *_, k in seed.edges(keys=True))
    assert any(k == "stationedIn" for *_, k in network.edges(keys=True))
    later = filter_network(network, Filters(since="2020-01", document=SEED))
    assert later.number_of_edges() and all(item["last_day"] >= "2020-01-01"
                                           for *_, attrs in later.edges(data=True) for item in attrs["evidence"])
    assert filter_network(network, Filters(until="2019-06", document=SEED)).number_of_edges() == 0
    heavy = filter_network(network, Filters(min_weight=2))
    assert heavy.number_of_edges() and all(w >= 2 for *_, w in heavy.edges(data="weight"))
    blamed = filter_network(network, Filters(predicates=("blamed",)))
    assert {k for *_, k in blamed.edges(keys=True)} == {"blamed"}
    ego = filter_network(network, Filters(actor="Nujaba", depth=1))
    assert NUJABA in ego and HASHED in ego and US not in ego
    assert US in filter_network(network, Filters(actor="al-Nujaba", depth=2))
    assert find_actors(network, "etats-unis") == [US]
    with pytest.raises(LookupError):
        filter_network(network, Filters(actor="Atlantis"))
    with pytest.raises(ValueError):
        Filters(predicates=("loves",))
    with pytest.raises(ValueError):
        Filters(since="2020-13")


def test_html_is_one_self_contained_file(seed, tmp_path):
    page = tmp_path / "seed.html"
    render_html(seed, page, title="Seed <article>")
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", html, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", html, re.I) and not re.search(r"<link\b", html, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?\s*(https?:)?//", html, re.I)
    assert "Seed &lt;article&gt;" in html and "vis.Network" in html and "promis de se venger" in html
    data = page_data(seed, "t")
    assert len(data["nodes"]) == seed.number_of_nodes() and len(data["edges"]) == seed.number_of_edges()


def test_static_drawings_and_gephi_files(seed, network, tmp_path):
    render_image(seed, tmp_path / "seed.png")
    render_image(seed, tmp_path / "seed.svg")
    render_timeline(network, tmp_path / "timeline.png")
    from PIL import Image, ImageStat

    for name in ("seed.png", "timeline.png"):
        image = Image.open(tmp_path / name).convert("L")
        assert image.size[0] > 500 and ImageStat.Stat(image).var[0] > 100
    assert "<svg" in (tmp_path / "seed.svg").read_text(encoding="utf-8")[:500]
    write_gexf(seed, tmp_path / "seed.gexf")
    write_graphml(seed, tmp_path / "seed.graphml")
    for read in (nx.read_gexf(tmp_path / "seed.gexf"), nx.read_graphml(tmp_path / "seed.graphml")):
        assert read.number_of_nodes() == seed.number_of_nodes() and read.number_of_edges() == seed.number_of_edges()
        assert read.nodes[US]["wikidata"] == "Q30"
        assert any("représailles" in attrs["evidence"] for *_, attrs in read.edges(data=True))


def test_cli_viz(examples_store, tmp_path):
    store = tmp_path / "copy.oxigraph"
    copy = open_store(store)
    copy.extend(examples_store.quads_for_pattern(None, None, None, None))
    del copy  # closed: the command opens it read-only
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    result = runner.invoke(app, ["viz", "--store", str(store), "--out", str(out / "n.html"), "--png", str(out / "n.png"),
                                 "--gexf", str(out / "n.gexf"), "--graphml", str(out / "n.graphml"),
                                 "--timeline", str(out / "t.png"), "--document", SEED])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["n.gexf", "n.graphml", "n.html", "n.png", "t.png"]
    assert "représailles" in (out / "n.html").read_text(encoding="utf-8")
    result = runner.invoke(app, ["viz", "--store", str(store), "--out", str(out / "e.html"), "--actor", "Nujaba",
                                 "--predicate", "partOf", "--predicate", "supportedBy"])
    assert result.exit_code == 0 and "3 actors, 3 relations" in result.output, result.output
    result = runner.invoke(app, ["viz", "--store", str(store), "--out", str(out / "x.html"), "--actor", "Atlantis"])
    assert result.exit_code == 2 and "Atlantis" in result.output


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module (networking disabled)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("no Debian chromium + chromium-driver (apt-get install chromium chromium-driver)")
    with headless_chromium(str(CHROMIUM), str(CHROMEDRIVER)) as driver:
        yield driver


def load(browser, graph, path: Path) -> None:
    """Render `graph`, open it, and check it loaded offline with no console error and nothing fetched."""
    render_html(graph, path)
    open_page(browser, path, timeout=60)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def drawn(browser) -> dict:
    return browser.execute_script("return graphbuilder.drawn()")


def click_at(browser, point: dict) -> None:
    """A real mouse click at a point given in the network canvas's DOM coordinates."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)).click().perform()


def panel_text(browser) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, "panel").text


@needs_browser
def test_whole_examples_network_draws_every_node_and_edge(browser, network, tmp_path):
    graph = filter_network(network, Filters())
    load(browser, graph, tmp_path / "all.html")
    assert drawn(browser) == {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


@needs_browser
def test_seed_page_in_headless_chromium(browser, seed, tmp_path):
    from PIL import Image, ImageStat
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load(browser, seed, tmp_path / "seed.html")
    assert drawn(browser) == {"nodes": seed.number_of_nodes(), "edges": seed.number_of_edges()}
    data = page_data(seed, "t")
    index = {node["iri"]: node["id"] for node in data["nodes"]}
    edge_id = next(e["id"] for e in data["edges"] if e["from"] == index[US] and e["predicate"] == "retaliatedAgainst")

    # a real click on the retaliation edge shows its evidence sentence
    point = browser.execute_script("""
        var net = graphbuilder.network, edge = net.body.edges[arguments[0]];
        for (var t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          var p = net.canvasToDOM(edge.edgeType.getPoint(t));
          if (net.getEdgeAt(p) === arguments[0] && net.getNodeAt(p) === undefined) { return p; }
        }
        return null;""", edge_id)
    assert point is not None
    click_at(browser, point)
    text = panel_text(browser)
    assert "retaliated against" in text and "attaques de représailles contre une faction" in text and SEED in text

    # programmatic selection of the blame edge: its sentence and the date of the attacks blamed
    blame_id = next(e["id"] for e in data["edges"] if e["from"] == index[US] and e["predicate"] == "blamed")
    browser.execute_script("graphbuilder.select({edges: [arguments[0]]})", blame_id)
    assert "tenu pour responsables" in panel_text(browser) and "2019-10/2020-02" in panel_text(browser)

    # a real click on an actor: details in the panel, its neighbourhood highlighted, the rest dimmed
    us_point = browser.execute_script("return graphbuilder.network.canvasToDOM(graphbuilder.network.getPosition(arguments[0]))", index[US])
    click_at(browser, us_point)
    text = panel_text(browser)
    assert "United States" in text and "Q30" in text and "Washington" in text and "State" in text
    colours = browser.execute_script("var o = {}; graphbuilder.nodes.forEach(function (n) { o[n.id] = n.color.background; }); return o;")
    neighbours = {index[n] for n in nx.all_neighbors(seed, US)} | {index[US]}
    assert all((colours[str(i)] == "#e6e6e6") == (i not in neighbours) for i in index.values())

    # search box
    search = browser.find_element(By.ID, "search")
    search.send_keys("Nujaba", Keys.ENTER)
    assert "Harakat Hezbollah al-Nujaba" in panel_text(browser)

    # filters: a predicate off, then a date range, as the Python filters would
    blamed = sum(1 for *_, k in seed.edges(keys=True) if k == "blamed")
    browser.find_element(By.XPATH, "//div[@id='legend-predicates']//label[contains(., 'blamed')]/input").click()
    assert drawn(browser)["edges"] == seed.number_of_edges() - blamed
    browser.find_element(By.XPATH, "//div[@id='legend-predicates']//label[contains(., 'blamed')]/input").click()
    browser.execute_script("var i = document.getElementById('since'); i.value = '2020-01-01';"
                           "i.dispatchEvent(new Event('change'));")
    later = filter_network(seed, Filters(since="2020-01-01"))
    assert drawn(browser) == {"nodes": later.number_of_nodes(), "edges": later.number_of_edges()}

    # the drawing is not blank
    shot = Image.open(io.BytesIO(browser.find_element(By.CSS_SELECTOR, "#network canvas").screenshot_as_png)).convert("RGB")
    assert max(ImageStat.Stat(shot).var) > 50 and len(shot.getcolors(maxcolors=1 << 24)) > 20


"""Every canned query in queries/ has an expected answer on the graph built from examples/articles."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable

import pytest
from rdflib.plugins.sparql import prepareQuery

from conftest import EXAMPLES
from graphbuilder.export import export_json
from graphbuilder.query import find_query, run_query

QUERIES = EXAMPLES.parents[1] / "queries"
SEED = "000_ffb251c5abeb50dd.txt"
HASHD = "Popular Mobilization Forces (Hashd al-Shaabi)"
BAGHDAD = {"Bagdad", "Baghdad"}
GAZETTEER_SOURCE = "https://w3id.org/graphbuilder/id/source/gazetteer-fr"
EXPECTED: dict[str, Callable] = {}


def expects(name: str):
    """Register the expected answer of queries/NAME.rq."""
    def register(check):
        EXPECTED[name] = check
        return check
    return register


def rows(store, name: str, **params) -> list[dict]:
    """The query's rows as dicts, run as `graphbuilder query NAME --param ...` runs it."""
    variables, found = run_query(store, find_query(name, QUERIES).read_text(encoding="utf-8"), params)
    return [dict(zip(variables, row)) for row in found]


def count(store, query: str) -> int:
    """A COUNT query's number (union default graph)."""
    return int(run_query(store, query, {})[1][0][0])


def seed_event(store, pattern: str) -> str:
    """The one event of the seed article matching a triple pattern on ?e (found by content, not by number)."""
    found = run_query(store, f"""PREFIX ckg: <https://w3id.org/graphbuilder/ontology#> PREFIX actor: <https://w3id.org/graphbuilder/id/actor/>
        SELECT DISTINCT ?e WHERE {{ GRAPH <https://w3id.org/graphbuilder/id/doc/{SEED}> {{ {pattern} }} }}""", {})[1]
    assert len(found) == 1, (pattern, found)
    return found[0][0]


def strike(store) -> str:
    """The drone strike that killed Soleimani."""
    return seed_event(store, "?e ckg:victim actor:qassem_soleimani")


def k1(store) -> str:
    """The December rocket attack on the K1 base that killed an American contractor."""
    return seed_event(store, '?e ckg:fatalities 1 ; ckg:weapon "rocket"')


def us_retaliation(store) -> str:
    """Washington's retaliation."""
    return seed_event(store, "?e a ckg:Retaliation ; ckg:attacker actor:united_states")


@expects("who_attacked_whom")
def _who_attacked_whom(store):
    found = rows(store, "who_attacked_whom")
    assert any(r["attacker"] == "United States" and r["target"] == "une faction" and r["events"] == "1" for r in found)
    assert all(int(r["events"]) >= 1 and (r["first"] or "") <= (r["last"] or "") for r in found)


@expects("threats")
def _threats(store):
    found = rows(store, "threats")
    assert any(r["actor"] == HASHD and r["document"] == SEED and "venger" in r["evidence"] for r in found)


@expects("claims")
def _claims(store):
    found = rows(store, "claims")
    assert {(r["claimant"], r["document"]) for r in found} >= {("Islamic State", "wikinews_fr_2017_10_01-004.txt"),
                                                                ("Al-Shabaab", "wikinews_fr_2017_01_25-006.txt")}
    claims = count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://w3id.org/graphbuilder/ontology#Claim> }")
    assert len(found) <= 4 * claims  # a claimed attack without a place is not crossed with every labelled actor


@expects("killings")
def _killings(store):
    found = rows(store, "killings")
    soleimani = [r for r in found if r["victim"] == "Qassem Soleimani"]
    # "Washington a répondu … et quelques jours plus tard, une attaque de drone … a tué": the clause's subject
    assert soleimani and all(r["place"] in BAGHDAD and r["weapon"] == "drone" and r["killer"] == "United States"
                             for r in soleimani)
    assert any(r["victim"] == "un entrepreneur américain" and r["weapon"] == "rocket" and r["date"] == "2019-12" for r in found)


@expects("retaliations")
def _retaliations(store):
    found = [r for r in rows(store, "retaliations") if r["document"] == SEED]
    assert [(r["actor"], r["against"]) for r in found] == [("United States", "une faction")]
    assert "représailles" in found[0]["evidence"]


@expects("blame")
def _blame(store):
    found = [r for r in rows(store, "blame") if r["accuser"] == "United States"]
    assert any(r["accused"] == HASHD and r["document"] == SEED and "tenu pour responsables" in r["evidence"] for r in found)


@expects("affiliations")
def _affiliations(store):
    found = {(r["relation"], r["object"], r["source"] == "gazetteer") for r in rows(store, "affiliations", actor="soleimani")}
    assert {("affiliatedWith", "Iran", True), ("affiliatedWith", "Iran", False), ("memberOf", "Quds Force", True)} <= found


@expects("attacks_on_actor")
def _attacks_on_actor(store):
    found = rows(store, "attacks_on_actor", actor="soleimani")  # an alias, in lower case
    assert [(r["target"], r["role"], r["event"], r["weapon"]) for r in found] == [
        ("Qassem Soleimani", "victim", strike(store), "drone")]
    assert found[0]["place"] in BAGHDAD and found[0]["document"] == SEED
    assert rows(store, "attacks_on_actor", actor="QASSEM SOLEIMANI") == found
    assert [r["event"] for r in rows(store, "attacks_on_actor", actor="un entrepreneur américain")] == [k1(store)]
    assert rows(store, "attacks_on_actor", actor='x" } } DROP ALL ; #') == []


@expects("actor_timeline")
def _actor_timeline(store):
    found = rows(store, "actor_timeline", actor="Soleimani")
    assert {r["who"] for r in found} == {"Qassem Soleimani"}
    hit = next(r for r in found if r["event"] == strike(store))
    assert (hit["type"], hit["role"], hit["weapon"], hit["reported"]) == ("Attack", "victim", "drone", "2020-02")
    assert "Abu Mahdi al-Muhandis" in hit["others"].split("; ")
    united_states = {(r["type"], r["role"]) for r in rows(store, "actor_timeline", actor="washington")}
    assert {("Retaliation", "attacker"), ("Accusation", "accuser")} <= united_states
    everyone = rows(store, "actor_timeline")
    for who in {r["who"] for r in everyone}:
        dated = [r["date"] is not None for r in everyone if r["who"] == who]
        assert dated == sorted(dated, reverse=True), who  # dated events first, then the undated ones


@expects("retaliation_chains")
def _retaliation_chains(store):
    chain = [r for r in rows(store, "retaliation_chains") if r["response"] == us_retaliation(store)]
    assert [(r["responders"], r["origin"], sorted(r["origin_hit"].split("; ")), r["origin_date"], r["hops"])
            for r in chain] == [  # GROUP_CONCAT's order is not defined
        ("United States", k1(store), ["la base irakienne du K1", "un entrepreneur américain"], "2019-12", "1")]
    assert chain[0]["response_type"] == "Retaliation" and chain[0]["document"] == SEED


@expects("events_by_place_and_date")
def _events_by_place_and_date(store):
    baghdad = rows(store, "events_by_place_and_date", place="bagdad")  # an alias, in lower case
    assert strike(store) in {r["event"] for r in baghdad}
    assert all(BAGHDAD & set(r["places"].split("; ")) for r in baghdad)
    dated = rows(store, "events_by_place_and_date", place="Bagdad", since="2020-01-01")
    assert strike(store) not in {r["event"] for r in dated}  # "quelques jours plus tard": dated 2019-12
    assert all(r["earliest"] >= "2020-01-01" for r in dated)
    december = rows(store, "events_by_place_and_date", since="2019-12-01", until="2019-12-31")
    in_december = {r["event"] for r in december}  # the 2019-10/2020-02 series is not inside it
    assert {k1(store), strike(store)} <= in_december and all(r["earliest"] >= "2019-12-01" for r in december)
    year = rows(store, "events_by_place_and_date", since="2017-01-01", until="2017-12-31")
    assert year and all("2017-01-01" <= r["earliest"] and r["latest"] <= "2017-12-31" for r in year)
    marseille = rows(store, "events_by_place_and_date", place="Gare de Saint-Charles", since="2017-10-01", until="2017-10-01")
    assert any(r["date"] == "2017-10-01" and r["document"] == "wikinews_fr_2017_10_01-004.txt" for r in marseille)


@expects("evidence")
def _evidence(store):
    text = (EXAMPLES / SEED).read_text(encoding="utf-8")
    found = rows(store, "evidence", fact=strike(store))
    assert found and all(r["document"] == SEED and text[int(r["start"]):int(r["end"])] == r["text"] for r in found)
    assert any("attaque de drone à Bagdad" in r["text"] for r in found)
    statement = run_query(store, """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?st WHERE { ?st rdf:predicate <https://w3id.org/graphbuilder/ontology#retaliatedAgainst> ;
                               rdf:subject <https://w3id.org/graphbuilder/id/actor/united_states> }""", {})[1][0][0]
    assert "représailles" in rows(store, "evidence", fact=statement)[0]["text"]
    gazetteer = run_query(store, """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?st WHERE { GRAPH <https://w3id.org/graphbuilder/id/graph/actors> {
            ?st rdf:predicate <https://w3id.org/graphbuilder/ontology#memberOf> ;
                rdf:subject <https://w3id.org/graphbuilder/id/actor/qassem_soleimani> } }""", {})[1][0][0]
    assert [(r["document"], r["start"]) for r in rows(store, "evidence", fact=gazetteer)] == [(GAZETTEER_SOURCE, None)]


@expects("top_attackers")
def _top_attackers(store):
    found = rows(store, "top_attackers")
    united_states = next(r for r in found if r["attacker"] == "United States")
    assert (united_states["attacks"], united_states["retaliations"]) == ("2", "1")  # the retaliation, the drone strike
    data = export_json(store)  # the same count read another way: threats are not attacks
    labels = dict(run_query(store, "SELECT ?a ?l WHERE { ?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }", {})[1])
    expected = Counter(labels[a] for e in data["events"] if e["type"] in ("Attack", "Retaliation") for a in e["attacker"])
    assert {r["attacker"]: int(r["attacks"]) for r in found} == dict(expected)
    counts = [int(r["attacks"]) for r in found]
    assert counts == sorted(counts, reverse=True)


@expects("allies")
def _allies(store):
    found = rows(store, "allies", actor="hashd al-shaabi")
    assert {r["who"] for r in found} == {HASHD}
    edges = {(r["relation"], r["direction"], r["ally"]) for r in found}
    assert {("partOf", "incoming", "Harakat Hezbollah al-Nujaba"), ("supportedBy", "outgoing", "Iran"),
            ("memberOf", "incoming", "Abu Mahdi al-Muhandis")} <= edges
    muhandis = next(r for r in found if r["ally"] == "Abu Mahdi al-Muhandis")
    assert set(muhandis["sources"].split("; ")) == {"gazetteer", SEED} and muhandis["statements"] == "2"


@expects("events")
def _events(store):
    found = rows(store, "events")
    events = count(store, """PREFIX ckg: <https://w3id.org/graphbuilder/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?n)
        WHERE { VALUES ?t { ckg:Attack ckg:Retaliation ckg:Threat } GRAPH ?g { ?e a ?t } }""")
    assert len(found) == len({r["event_id"] for r in found}) == events
    retaliation = next(r for r in found if r["event_id"] == us_retaliation(store))
    assert (retaliation["type"], retaliation["actor1"], retaliation["actor2"], retaliation["cameo"], retaliation["plover"],
            retaliation["weapon"], retaliation["source_document"]) == (
        "Retaliation", "United States", "une faction", "190", "ASSAULT", "drone", SEED)
    contractor = next(r for r in found if r["event_id"] == k1(store))
    assert (contractor["fatalities"], contractor["date"], contractor["date_precision"]) == ("1", "2019-12", "month")


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_query_gives_its_expected_answer(examples_store, path: Path):
    assert path.stem in EXPECTED, f"queries/{path.name} has no expected answer in tests/test_queries.py"
    EXPECTED[path.stem](examples_store)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_query_is_plain_documented_sparql_that_runs(examples_store, path: Path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# {path.stem} — ") and "Columns:" in text and "Parameters" in text
    prepareQuery(text)  # another SPARQL implementation (rdflib) parses it as it is
    variables, found = run_query(examples_store, text, {})  # parameters left unbound: no filter
    assert variables and found

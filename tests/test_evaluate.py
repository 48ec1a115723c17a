"""Tests of the evaluation against the annotated dev corpus (FORMAT.md scoring rules)."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from graphbuilder.evaluate import ARGUMENT_ROLES, ENTITY_ROLES, evaluate, normalise_label, render

DEV = Path(__file__).resolve().parents[2] / "shared/corpus/dev"
MAIN = "000_ffb251c5abeb50dd.txt"

@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("L’armée irakienne", "armee irakienne"),
        ("Hashed al-Shaabi", "hashed al shaabi"),
        ("d'Al-Qaïda", "al qaida"),
        ("The U.S.", "u.s."),
        ("U.S.", "u.s."),
        ("l’ État islamique", "etat islamique"),
        ("  Les   autorités\tturques ", "autorites turques"),
        ("de la coalition", "la coalition"),
        ("Marseille–Saint‐Charles", "marseille saint charles"),
        ("Allemagne", "allemagne"),
        ("A'maq", "a'maq"),
        ("La", "la"),
    ],
)
def test_normalise_label(label: str, expected: str) -> None:
    assert normalise_label(label) == expected


@given(st.text())
def test_normalise_label_output_is_clean(label: str) -> None:
    result = normalise_label(label)
    assert result == " ".join(result.split())
    assert not set(result) & set("-‐‑‒–—’‘ʼ")
    assert result == result.casefold()


# --- a perfect system synthesised from the gold files -----------------------------------------------------------


def _gold_files() -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(DEV.glob("*.gold.json"))]


def _span(document: str, text: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"document": document, "start": start, "end": start + len(needle), "text": needle}


def _first(item: Any) -> Any:
    return item[0] if isinstance(item, list) else item


def _perfect_part(gold: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Entities, events and relations a perfect system would export for one gold document."""
    name = gold["document"]
    text = (DEV / name).read_bytes().decode("utf-8")
    ident = f"{name}#{{}}".format
    entities = [
        {"id": ident(e["id"]), "type": e["type"], "label": e["aliases"][0], "aliases": [], "documents": [name]}
        for e in gold["entities"]
    ]
    events = []
    for event in gold["events"]:
        mention = next(m for m in event["mentions"] if m in text)
        record = {
            "id": ident(event["id"]), "type": event["type"], "date": _first(event.get("date")),
            "responds_to": [ident(event["responds_to"])] if event.get("responds_to") else [],
            "confidence": 1.0, "evidence": [_span(name, text, mention)],
        }
        record |= {role: [ident(_first(item)) for item in event.get(role) or []] for role in ENTITY_ROLES}
        events.append(record)
    relations = [
        {"subject": ident(r["subject"]), "predicate": r["predicate"], "object": ident(r["object"][0]),
         "confidence": 1.0, "evidence": [_span(name, text, r["evidence"])]}
        for r in gold["relations"] if r["required"]
    ]
    return {"entities": entities, "events": events, "relations": relations}


@pytest.fixture(scope="module")
def perfect() -> dict[str, Any]:
    if not any(DEV.glob("*.gold.json")):
        pytest.skip(f"annotated dev corpus not found at {DEV}")
    export: dict[str, Any] = {"schema": "conflict-kg-export/1", "documents": [], "entities": [], "events": [],
                              "relations": []}
    for gold in _gold_files():
        export["documents"].append({"id": gold["document"], "name": gold["document"], "language": "fr",
                                    "published": gold["published"]})
        for key, items in _perfect_part(gold).items():
            export[key] += items
    return export


@pytest.fixture(scope="module")
def baseline(perfect: dict[str, Any]) -> dict[str, Any]:
    return evaluate(perfect, DEV)


def _event(export: dict[str, Any], gold_id: str, document: str = MAIN) -> dict[str, Any]:
    return next(event for event in export["events"] if event["id"] == f"{document}#{gold_id}")


def test_perfect_system_scores_one(baseline: dict[str, Any]) -> None:
    assert baseline["documents"] == len(list(DEV.glob("*.gold.json")))
    assert baseline["relations"]["overall"]["f1"] == 1.0
    assert all(score["f1"] == 1.0 for score in baseline["relations"]["per_predicate"].values())
    assert baseline["events"]["identification"]["f1"] == 1.0
    assert baseline["events"]["classification"]["f1"] == 1.0
    assert baseline["arguments"]["overall"]["f1"] == 1.0
    assert baseline["events"]["duplicates"] == 0
    assert baseline["entities"]["duplicates"] == 0
    assert baseline["entities"]["mapped"] == baseline["entities"]["system"] > 0


def test_perfect_system_without_entity_documents_still_scores_one(perfect: dict[str, Any]) -> None:
    export = copy.deepcopy(perfect)
    for entity in export["entities"]:
        del entity["documents"]
    report = evaluate(export, DEV)
    assert (report["relations"]["overall"]["f1"], report["arguments"]["overall"]["f1"]) == (1.0, 1.0)
    assert report["entities"]["duplicates"] == 0
    assert 0 < report["entities"]["system"] < len(export["entities"])  # only the referenced entities


def test_gold_events_that_need_not_be_found_are_ignored(perfect: dict[str, Any], baseline: dict[str, Any]) -> None:
    optional = {f"{g['document']}#{e['id']}" for g in _gold_files() for e in g["events"] if not e["required"]}
    assert optional
    dropped = copy.deepcopy(perfect)
    dropped["events"] = [event for event in dropped["events"] if event["id"] not in optional]
    assert evaluate(dropped, DEV) == baseline
    wrong = copy.deepcopy(perfect)
    for event in wrong["events"]:
        if event["id"] in optional:
            event |= {"type": "Threat", "date": "1900-01-01", "attacker": [f"{MAIN}#iran"]}
    assert evaluate(wrong, DEV) == baseline


# --- perturbations ----------------------------------------------------------------------------------------------


def test_duplicate_entity_counts_one_duplicate(perfect: dict[str, Any], baseline: dict[str, Any]) -> None:
    export = copy.deepcopy(perfect)
    export["entities"].append({"id": "dup", "type": "State", "label": "Washington", "aliases": [], "documents": [MAIN]})
    report = evaluate(export, DEV)
    assert report["entities"]["duplicates"] == 1
    assert report["entities"]["mapped"] == baseline["entities"]["mapped"] + 1
    assert report["per_document"][MAIN]["entities"]["duplicates"] == 1
    assert report["relations"] == baseline["relations"]


def test_duplicated_event_is_one_false_positive(perfect: dict[str, Any], baseline: dict[str, Any]) -> None:
    export = copy.deepcopy(perfect)
    export["events"].append(_event(export, "e1") | {"id": "copy-of-e1"})
    report = evaluate(export, DEV)
    identification, before = report["events"]["identification"], baseline["events"]["identification"]
    assert report["events"]["duplicates"] == 1
    assert (identification["tp"], identification["fp"], identification["fn"]) == (before["tp"], 1, 0)
    assert identification["precision"] < 1.0 and identification["recall"] == 1.0
    fillers = sum(len(v) for k, v in _event(export, "e1").items() if k in ARGUMENT_ROLES and isinstance(v, list)) + 1
    assert report["arguments"]["overall"]["fp"] == fillers


def test_wrong_predicate_relation_is_false_positive(perfect: dict[str, Any], baseline: dict[str, Any]) -> None:
    export = copy.deepcopy(perfect)
    blamed = next(r for r in export["relations"] if r["predicate"] == "blamed" and r["subject"].startswith(MAIN))
    export["relations"].append(blamed | {"predicate": "ledBy"})
    report = evaluate(export, DEV)
    overall = report["relations"]["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (baseline["relations"]["overall"]["tp"], 1, 0)
    assert report["relations"]["per_predicate"]["ledBy"]["fp"] == 1
    assert report["relations"]["per_predicate"]["blamed"]["f1"] == 1.0


def test_triple_matching_only_optional_relation_changes_nothing(
    perfect: dict[str, Any], baseline: dict[str, Any]
) -> None:
    export = copy.deepcopy(perfect)
    text = (DEV / MAIN).read_bytes().decode("utf-8")
    export["relations"].append({
        "subject": f"{MAIN}#united_states", "predicate": "killed", "object": f"{MAIN}#qassem_soleimani",
        "confidence": 0.5, "evidence": [_span(MAIN, text, "a tué le général iranien Qassem Soleimani")],
    })
    assert evaluate(export, DEV) == baseline


def test_mismatched_date_lowers_argument_precision(perfect: dict[str, Any], baseline: dict[str, Any]) -> None:
    export = copy.deepcopy(perfect)
    _event(export, "e1")["date"] = "2020-03-16"  # gold: 2020-02-16
    report = evaluate(export, DEV)
    date, overall = report["arguments"]["per_role"]["date"], report["arguments"]["overall"]
    assert (date["fp"], date["fn"]) == (1, 1)
    assert overall["precision"] < baseline["arguments"]["overall"]["precision"] == 1.0
    assert report["events"] == baseline["events"]


@pytest.mark.parametrize(
    ("gold_id", "system_date", "matches"),
    [
        ("e3", "2019-12-28", True),  # a day inside the gold month
        ("e3", "2019-12", True),
        ("e3", "2019", False),  # a year is wider than the gold month
        ("e2", "2019-11", True),  # a month inside the gold range 2019-10/2020-02
        ("e2", "2019-11-05/2020-01", True),
        ("e2", "2019-09/2019-12", False),  # a range reaching outside
        ("e5", "2020-01-03", True),  # one of the acceptable values ["2019-12", "2020-01"]
        ("e5", "2020-02", False),
        ("e1", "not a date", False),
    ],
)
def test_date_containment(
    perfect: dict[str, Any], baseline: dict[str, Any], gold_id: str, system_date: str, matches: bool
) -> None:
    export = copy.deepcopy(perfect)
    _event(export, gold_id)["date"] = system_date
    date = evaluate(export, DEV)["arguments"]["per_role"]["date"]
    assert (date["fp"], date["fn"]) == ((0, 0) if matches else (1, 1))


def test_wrong_response_lowers_responds_to(perfect: dict[str, Any]) -> None:
    export = copy.deepcopy(perfect)
    _event(export, "e4")["responds_to"] = [f"{MAIN}#e5"]  # gold: e4 responds to e3
    responds_to = evaluate(export, DEV)["arguments"]["per_role"]["responds_to"]
    assert (responds_to["fp"], responds_to["fn"]) == (1, 1)


def test_attack_on_gold_retaliation_is_identified_not_classified(
    perfect: dict[str, Any], baseline: dict[str, Any]
) -> None:
    export = copy.deepcopy(perfect)
    _event(export, "e4")["type"] = "Attack"  # gold: Retaliation
    report = evaluate(export, DEV)
    assert report["events"]["identification"] == baseline["events"]["identification"]
    classification = report["events"]["classification"]
    tp = baseline["events"]["classification"]["tp"]
    assert (classification["tp"], classification["fp"], classification["fn"]) == (tp - 1, 1, 1)
    assert report["arguments"] == baseline["arguments"]


def test_missing_event_counts_its_arguments_as_misses(perfect: dict[str, Any], baseline: dict[str, Any]) -> None:
    export = copy.deepcopy(perfect)
    export["events"].remove(_event(export, "e3"))  # gold e3: date, place, target, victims; e4 responds to it
    report = evaluate(export, DEV)
    assert report["events"]["identification"]["fn"] == 1
    assert report["arguments"]["overall"]["fn"] == 4 + 1  # e3's fillers + e4's now unresolvable responds_to
    assert report["arguments"]["overall"]["fp"] == 1


def test_render_lists_every_score(baseline: dict[str, Any]) -> None:
    table = render(baseline)
    assert isinstance(table, Table)
    console = Console(record=True, width=140)
    console.print(table)
    text = console.export_text()
    for label in ("relations", "identification", "classification", "arguments", "blamed", "responds_to", "1.000"):
        assert label in text

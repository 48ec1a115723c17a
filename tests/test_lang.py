"""The French language data: the gazetteer's actors are consistent with the export format's relation types."""
from __future__ import annotations

from graphbuilder.lang import resources

RELATIONS = ("partOf", "supportedBy", "ledBy", "affiliatedWith", "memberOf", "stationedIn")


def test_gazetteer_ids_are_unique_and_every_reference_resolves():
    gazetteer = resources("fr").gazetteer
    ids = [entry["id"] for entry in gazetteer]
    assert len(ids) == len(set(ids)) > 1000
    dangling = [(entry["id"], p, other) for entry in gazetteer for p in RELATIONS for other in entry.get(p, [])
                if other not in set(ids)]
    assert not dangling


def test_only_people_are_members_groups_and_states_are_parts():
    gazetteer = resources("fr").gazetteer
    assert not [entry["id"] for entry in gazetteer if entry.get("memberOf") and entry["type"] != "Person"]
    assert "nato" in next(e for e in gazetteer if e["id"] == "france")["partOf"]

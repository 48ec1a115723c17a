"""The actor network read from the store: actors as nodes, their relations with evidence as edges (networkx)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyoxigraph import Store

from .export import export_json
from .query import run_query
from .temporal import _bounds as date_bounds
from .vocab import WD, slug

RELATIONS = ("attacked", "killed", "retaliatedAgainst", "blamed", "claimedResponsibility", "threatened",
             "supportedBy", "partOf", "memberOf", "ledBy", "affiliatedWith")
OPTIONAL_RELATIONS = ("stationedIn",)  # read, but drawn only when asked for with --predicate
EVENT_ROLES = ("attacker", "target", "victims", "attributed_to", "attributed_by", "claimed_by")
WIKIDATA_QUERY = Path(__file__).parent / "data" / "wikidata_ids.rq"
GAZETTEER = "gazetteer"


@dataclass(frozen=True)
class Filters:
    """What to keep of the network: ego network, date range, predicates, minimum weight, one document."""

    actor: str | None = None
    depth: int = 1
    since: str | None = None
    until: str | None = None
    predicates: tuple[str, ...] = RELATIONS
    min_weight: int = 1
    document: str | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.predicates) - set(RELATIONS + OPTIONAL_RELATIONS))
        if unknown:
            raise ValueError(f"unknown predicate(s) {', '.join(unknown)}; known: {', '.join(RELATIONS + OPTIONAL_RELATIONS)}")
        for value in (self.since, self.until):
            if value is not None:
                try:
                    date_bounds(value)
                except ValueError as error:
                    raise ValueError(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)") from error


def _dates(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    first, last = date_bounds(value)
    return first.isoformat(), last.isoformat()


def _events_by_span(events: list[dict]) -> dict[tuple, dict]:
    """The event each evidence span belongs to (a dated event preferred when several share it)."""
    found: dict[tuple, dict] = {}
    for event in events:
        for item in event["evidence"]:
            key = (item["document"], item["start"], item["end"])
            if key not in found or (found[key]["date"] is None and event["date"]):
                found[key] = event
    return found


def _evidence(item: dict, events: dict[tuple, dict], published: dict[str, str | None]) -> dict:
    event = events.get((item["document"], item["start"], item["end"]))
    date = event["date"] if event else None
    first, last = _dates(date or published.get(item["document"]))
    return {"source": "text", "document": item["document"], "start": item["start"], "end": item["end"],
            "text": item["text"], "date": date, "published": published.get(item["document"]),
            "first_day": first, "last_day": last,
            "event": event["id"] if event else None, "event_type": event["type"] if event else None}


def _actor_events(events: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        document = event["evidence"][0]["document"] if event["evidence"] else None
        first, last = _dates(event["date"])
        for role in EVENT_ROLES:
            for actor in event[role]:
                out[actor].append({"id": event["id"], "type": event["type"], "role": role, "date": event["date"],
                                   "first_day": first, "last_day": last, "document": document})
    return out


def read_network(store: Store) -> nx.MultiDiGraph:
    """Every actor relation in the store (text evidence, or the gazetteer between actors named in documents)."""
    data = export_json(store)
    actors = {entity["id"]: entity for entity in data["entities"]}
    published = {document["name"]: document["published"] for document in data["documents"]}
    wikidata = {actor: iri[len(str(WD)):] for actor, iri in run_query(store, WIKIDATA_QUERY.read_text(encoding="utf-8"), {})[1]}
    events = _events_by_span(data["events"])
    actor_events = _actor_events(data["events"])
    graph = nx.MultiDiGraph()
    for relation in data["relations"]:
        subject, predicate, obj = relation["subject"], relation["predicate"], relation["object"]
        if predicate not in RELATIONS + OPTIONAL_RELATIONS:
            continue
        if relation["evidence"]:
            items = [_evidence(item, events, published) for item in relation["evidence"]]
        elif subject in actors and obj in actors:
            items = [{"source": GAZETTEER, "document": None, "start": None, "end": None, "text": None, "date": None,
                      "published": None, "first_day": None, "last_day": None, "event": None, "event_type": None}]
        else:
            continue  # a gazetteer relation with an actor no document names
        if not graph.has_edge(subject, obj, key=predicate):
            graph.add_edge(subject, obj, key=predicate, predicate=predicate, evidence=[])
        known = graph.edges[subject, obj, predicate]["evidence"]
        known.extend(item for item in items if item not in known)
    for node, attrs in graph.nodes(data=True):
        entity = actors.get(node, {})
        attrs.update(label=entity.get("label") or node.rsplit("/", 1)[-1], type=entity.get("type", "Unknown"),
                     aliases=entity.get("aliases", []), documents=entity.get("documents", []),
                     wikidata=wikidata.get(node), events=actor_events.get(node, []))
    for _, _, attrs in graph.edges(data=True):
        attrs["weight"] = len(attrs["evidence"])
    return graph


def find_actors(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose IRI, label or one of whose aliases is `name` (case and accents ignored)."""
    wanted = slug(name)
    return [node for node, attrs in graph.nodes(data=True)
            if node == name or wanted in {slug(attrs["label"]), *(slug(alias) for alias in attrs["aliases"])}]


def _in_range(item: dict, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if item["first_day"] is None:
        return False
    return ((since is None or item["last_day"] >= date_bounds(since)[0].isoformat())
            and (until is None or item["first_day"] <= date_bounds(until)[1].isoformat()))


def filter_network(graph: nx.MultiDiGraph, filters: Filters) -> nx.MultiDiGraph:
    """The part of `graph` the filters keep; an edge's weight is the number of its evidence items kept."""
    out = nx.MultiDiGraph()
    for subject, obj, predicate, attrs in graph.edges(keys=True, data=True):
        if predicate not in filters.predicates:
            continue
        items = [item for item in attrs["evidence"] if _in_range(item, filters.since, filters.until)]
        if filters.document:
            both_named = all(filters.document in graph.nodes[n]["documents"] for n in (subject, obj))
            items = [item for item in items
                     if item["document"] == filters.document or (item["source"] == GAZETTEER and both_named)]
        if items and len(items) >= filters.min_weight:
            out.add_edge(subject, obj, key=predicate, **{**attrs, "evidence": items, "weight": len(items)})
    if filters.actor:
        centres = find_actors(graph, filters.actor)
        if not centres:
            raise LookupError(f"no actor named {filters.actor!r} in the network")
        undirected = out.to_undirected(as_view=True)
        keep = set(centres)
        for centre in centres:
            if centre in out:
                keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=filters.depth))
        out.add_nodes_from(centres)
        out = out.subgraph(keep).copy()
    for node, attrs in out.nodes(data=True):
        attrs.update(graph.nodes[node])
        attrs["events"] = [event for event in attrs["events"] if _in_range(event, filters.since, filters.until)
                           and (not filters.document or event["document"] == filters.document)]
    return out


def actor_network(store: Store, filters: Filters = Filters()) -> nx.MultiDiGraph:
    """The filtered actor network of the store."""
    return filter_network(read_network(store), filters)

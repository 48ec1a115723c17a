"""Scoring of a `conflict-kg-export/1` graph export against `conflict-kg-gold/1` files (corpus FORMAT.md)."""
from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.table import Table

from .model import ROLES

ENTITY_ROLES = ROLES
ARGUMENT_ROLES = (
    "attacker", "target", "victims", "attributed_to", "attributed_by", "claimed_by", "place", "responds_to", "date",
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_DASHES = re.compile("[-\u2010\u2011\u2012\u2013\u2014\u2015]")
_LEADING_ARTICLE = re.compile(r"^(?:(?:le|la|les|un|une|des|du|de|the|a|an)\s+|[ld]')")

Json = dict[str, Any]
Interval = tuple[date, date]


@dataclass
class Tally:
    """True positives, false positives and false negatives of one score."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> Json:
        """Counts with precision, recall and F1 (0.0 when undefined)."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": precision, "recall": recall, "f1": f1}


@dataclass
class Result:
    """Raw counts of one document or of a whole run."""

    entities: dict[str, int] = field(default_factory=lambda: {"system": 0, "mapped": 0, "duplicates": 0})
    relations: dict[str, Tally] = field(default_factory=dict)
    identification: Tally = field(default_factory=Tally)
    classification: Tally = field(default_factory=Tally)
    event_duplicates: int = 0
    arguments: dict[str, Tally] = field(default_factory=lambda: {role: Tally() for role in ARGUMENT_ROLES})

    def __iadd__(self, other: Result) -> Result:
        for key, count in other.entities.items():
            self.entities[key] += count
        for predicate, tally in other.relations.items():
            self.relations.setdefault(predicate, Tally())
            self.relations[predicate] += tally
        self.identification += other.identification
        self.classification += other.classification
        self.event_duplicates += other.event_duplicates
        for role, tally in other.arguments.items():
            self.arguments[role] += tally
        return self


@dataclass
class DocumentView:
    """One gold document with the part of the export that belongs to it."""

    gold: Json
    text: str
    entities: list[Json]
    events: list[Json]
    relations: list[Json]
    mapping: dict[str, str | None]


def normalise_label(label: str) -> str:
    """Normalise a label for entity mapping (FORMAT.md scoring rule 1)."""
    decomposed = unicodedata.normalize("NFKD", label)
    text = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    text = " ".join(_DASHES.sub(" ", text.translate(_APOSTROPHES)).split())
    return " ".join(_LEADING_ARTICLE.sub("", text, count=1).split())


def evaluate(export: Json, gold_dir: Path) -> Json:
    """Score `export` against every `*.gold.json` of `gold_dir`, micro-averaged over documents."""
    total = Result()
    per_document: dict[str, Json] = {}
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = _score_document(_document_view(export, gold, Path(gold_dir)))
        per_document[gold["document"]] = _report(result)
        total += result
    return {"documents": len(per_document), **_report(total), "per_document": per_document}


def render(report: Json) -> Table:
    """A rich table summarising an evaluation report."""
    entities = report["entities"]
    table = Table(
        title=f"Evaluation over {report['documents']} document(s)",
        caption=(
            f"entities: {entities['system']} system, {entities['mapped']} mapped, {entities['duplicates']} duplicate "
            f"node(s); duplicate events: {report['events']['duplicates']}"
        ),
    )
    for column in ("score", "TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "score" else "right")
    _add_rows(table, [("relations", report["relations"]["overall"])], report["relations"]["per_predicate"])
    _add_rows(table, [(f"events: {name}", report["events"][name]) for name in ("identification", "classification")], {})
    _add_rows(table, [("arguments", report["arguments"]["overall"])], report["arguments"]["per_role"])
    return table


def _add_rows(table: Table, headline: list[tuple[str, Json]], details: dict[str, Json]) -> None:
    """Append one section of score rows: bold headline rows, then indented detail rows."""
    rows = [(f"[bold]{name}[/bold]", score) for name, score in headline]
    rows += [(f"  {name}", score) for name, score in sorted(details.items())]
    for name, score in rows:
        table.add_row(
            name, str(score["tp"]), str(score["fp"]), str(score["fn"]),
            *(f"{score[key]:.3f}" for key in ("precision", "recall", "f1")),
        )
    table.add_section()


def _report(result: Result) -> Json:
    """Plain-dict report of raw counts."""
    return {
        "entities": dict(result.entities),
        "relations": {
            "overall": _sum(result.relations.values()).as_dict(),
            "per_predicate": {predicate: tally.as_dict() for predicate, tally in sorted(result.relations.items())},
        },
        "events": {
            "identification": result.identification.as_dict(),
            "classification": result.classification.as_dict(),
            "duplicates": result.event_duplicates,
        },
        "arguments": {
            "overall": _sum(result.arguments.values()).as_dict(),
            "per_role": {role: tally.as_dict() for role, tally in result.arguments.items()},
        },
    }


def _sum(tallies: Iterable[Tally]) -> Tally:
    """Sum of several tallies."""
    total = Tally()
    for tally in tallies:
        total += tally
    return total


# --- selecting the part of the export that belongs to one document -------------------------------------------


def _document_view(export: Json, gold: Json, gold_dir: Path) -> DocumentView:
    """Gold document, article text and the export's events, relations and entities for it."""
    name = gold["document"]
    events = [event for event in export.get("events", []) if _in_document(event, name)]
    relations = [relation for relation in export.get("relations", []) if _in_document(relation, name)]
    entities = export.get("entities", [])
    if any("documents" in entity for entity in entities):
        own = [entity for entity in entities if name in entity.get("documents", [])]
    else:
        referenced = _referenced_entities(events, relations)
        own = [entity for entity in entities if entity["id"] in referenced]
    index = _gold_label_index(gold["entities"])
    mapping = {entity["id"]: _map_entity(entity, index) for entity in entities}
    text = (gold_dir / name).read_bytes().decode("utf-8")
    return DocumentView(gold, text, own, events, relations, mapping)


def _in_document(item: Json, name: str) -> bool:
    """Whether an event or relation has evidence in document `name`."""
    return any(evidence.get("document") == name for evidence in item.get("evidence", []))


def _referenced_entities(events: list[Json], relations: list[Json]) -> set[str]:
    """Ids of the entities used as role fillers or relation ends."""
    referenced = {ident for event in events for role in ENTITY_ROLES for ident in _as_list(event.get(role))}
    return referenced | {relation[end] for relation in relations for end in ("subject", "object")}


def _as_list(value: Any) -> list[Any]:
    """A system field as a list: null is empty, a single value is a one-item list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# --- entities ---------------------------------------------------------------------------------------------------


def _gold_label_index(gold_entities: list[Json]) -> dict[str, str]:
    """Normalised label or alias → id of the first gold entity (in gold order) that has it."""
    index: dict[str, str] = {}
    for entity in gold_entities:
        for label in [entity["label"], *entity.get("aliases", [])]:
            index.setdefault(normalise_label(label), entity["id"])
    return index


def _map_entity(entity: Json, index: dict[str, str]) -> str | None:
    """Gold id of a system entity: its preferred label first, then its aliases in order."""
    for label in [entity.get("label", ""), *entity.get("aliases", [])]:
        gold_id = index.get(normalise_label(label))
        if gold_id is not None:
            return gold_id
    return None


def _entity_counts(view: DocumentView) -> dict[str, int]:
    """System entities of the document, how many map to gold, and how many are duplicate nodes."""
    mapped = [view.mapping[entity["id"]] for entity in view.entities if view.mapping[entity["id"]] is not None]
    return {"system": len(view.entities), "mapped": len(mapped), "duplicates": len(mapped) - len(set(mapped))}


# --- matching helper --------------------------------------------------------------------------------------------


def _max_matching(options: list[list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): left index → right index, `options[left]` listing allowed rights."""
    owner: dict[int, int] = {}

    def place(left: int, seen: set[int]) -> bool:
        for right in options[left]:
            if right not in seen:
                seen.add(right)
                if right not in owner or place(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    for left in range(len(options)):
        place(left, set())
    return {left: right for right, left in owner.items()}


# --- relations --------------------------------------------------------------------------------------------------


def _score_relations(view: DocumentView) -> dict[str, Tally]:
    """Per-predicate relation tallies: required gold relations matched at most once, optional ones ignored."""
    triples = list(dict.fromkeys((r["subject"], r["predicate"], r["object"]) for r in view.relations))
    mapped = [(view.mapping.get(s), p, view.mapping.get(o)) for s, p, o in triples]
    required = [relation for relation in view.gold["relations"] if relation["required"]]
    optional = [relation for relation in view.gold["relations"] if not relation["required"]]
    matching = _max_matching([
        [index for index, gold in enumerate(required) if _triple_fits(triple, gold)] for triple in mapped
    ])
    tallies: dict[str, Tally] = {}
    for position, triple in enumerate(mapped):
        if position in matching:
            tallies.setdefault(triple[1], Tally()).tp += 1
        elif not any(_triple_fits(triple, gold) for gold in optional):
            tallies.setdefault(triple[1], Tally()).fp += 1
    found = set(matching.values())
    for index, gold in enumerate(required):
        if index not in found:
            tallies.setdefault(gold["predicate"], Tally()).fn += 1
    return tallies


def _triple_fits(triple: tuple[str | None, str, str | None], gold: Json) -> bool:
    """Whether a mapped system triple states a gold relation."""
    subject, predicate, obj = triple
    return subject is not None and (subject, predicate) == (gold["subject"], gold["predicate"]) and obj in gold["object"]


# --- dates ------------------------------------------------------------------------------------------------------


def _interval(value: str) -> Interval | None:
    """First and last day covered by an ISO day, month, year or "A/B" range; None when unreadable."""
    if "/" in value:
        start, end = (_interval(part) for part in value.split("/", 1))
        return (start[0], end[1]) if start and end else None
    try:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 3:
            return date(*parts), date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def _date_within(system: str, gold: str) -> bool:
    """Whether a system date lies wholly inside a gold date value."""
    inner, outer = _interval(system), _interval(gold)
    return inner is not None and outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


# --- events -----------------------------------------------------------------------------------------------------


def _mention_spans(text: str, mentions: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every mention string in the article, as [start, end) spans."""
    spans = []
    for mention in mentions:
        start = text.find(mention)
        while mention and start != -1:
            spans.append((start, start + len(mention)))
            start = text.find(mention, start + 1)
    return spans


def _evidence_spans(event: Json, name: str) -> list[tuple[int, int]]:
    """The [start, end) evidence spans of a system event in document `name`."""
    return [(item["start"], item["end"]) for item in event.get("evidence", []) if item.get("document") == name]


def _overlaps(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    """Whether any span of `first` overlaps any span of `second`."""
    return any(a_start < b_end and b_start < a_end for a_start, a_end in first for b_start, b_end in second)


def _gold_items(gold: Json, role: str) -> list[list[Any]]:
    """Fillers of a gold role as items to find, each a list of acceptable alternatives (missing role: none)."""
    value = gold.get(role)
    if role in ("date", "responds_to"):
        return [_as_list(value)] if value else []
    return [item if isinstance(item, list) else [item] for item in value or []]


def _score_fillers(
    predictions: list[Any], items: list[list[Any]], optional: list[Any], fits: Callable[[Any, Any], bool]
) -> Tally:
    """ACE-style filler score: each item found at most once; predictions that are only optional are ignored."""
    matching = _max_matching([
        [index for index, item in enumerate(items) if any(fits(pred, alt) for alt in item)] for pred in predictions
    ])
    ignored = sum(
        1 for position, pred in enumerate(predictions)
        if position not in matching and any(fits(pred, alt) for alt in optional)
    )
    return Tally(len(matching), len(predictions) - len(matching) - ignored, len(items) - len(matching))


def _argument_tallies(view: DocumentView, system: Json, gold: Json, events: dict[str, str]) -> dict[str, Tally]:
    """Per-role tallies of a system event scored against the gold event it was matched to.

    `events` maps system event ids to the gold event ids they were matched to (for `responds_to`).
    """
    tallies = {
        role: _score_fillers(
            [view.mapping.get(ident) for ident in _as_list(system.get(role))],
            _gold_items(gold, role), gold.get(f"optional_{role}", []), _equal,
        )
        for role in ENTITY_ROLES
    }
    tallies["responds_to"] = _score_fillers(
        [events.get(ident) for ident in _as_list(system.get("responds_to"))],
        _gold_items(gold, "responds_to"), [], _equal,
    )
    tallies["date"] = _score_fillers(_as_list(system.get("date")), _gold_items(gold, "date"), [], _date_within)
    return tallies


def _equal(prediction: Any, alternative: Any) -> bool:
    """Whether a mapped filler is the gold alternative."""
    return prediction is not None and prediction == alternative


def _agreement(view: DocumentView, system: Json, gold: Json) -> int:
    """Number of correct argument fillers of a system event against a gold event (responds_to aside)."""
    tallies = _argument_tallies(view, system, gold, {})
    return sum(tally.tp for role, tally in tallies.items() if role != "responds_to")


def _match_events(view: DocumentView, candidates: list[list[int]]) -> dict[int, int]:
    """Greedy system → gold event assignment by decreasing argument agreement."""
    gold_events = view.gold["events"]
    pairs = sorted(
        (-_agreement(view, view.events[sys], gold_events[ref]), not gold_events[ref]["required"], sys, ref)
        for sys, refs in enumerate(candidates) for ref in refs
    )
    matching: dict[int, int] = {}
    for _, _, sys, ref in pairs:
        if sys not in matching and ref not in matching.values():
            matching[sys] = ref
    return matching


def _unmatched_system(event: Json) -> dict[str, Tally]:
    """Per-role tallies of an unmatched system event: every filler is a false prediction."""
    return {role: Tally(fp=len(_as_list(event.get(role)))) for role in ARGUMENT_ROLES}


def _unmatched_gold(gold: Json) -> dict[str, Tally]:
    """Per-role tallies of an unmatched required gold event: every filler is a miss."""
    return {role: Tally(fn=len(_gold_items(gold, role))) for role in ARGUMENT_ROLES}


def _score_events(view: DocumentView, result: Result) -> None:
    """Set event identification, classification, duplicate and argument counts of one document in `result`."""
    name, gold_events = view.gold["document"], view.gold["events"]
    mention_spans = [_mention_spans(view.text, gold["mentions"]) for gold in gold_events]
    candidates = [
        [ref for ref, spans in enumerate(mention_spans) if _overlaps(_evidence_spans(event, name), spans)]
        for event in view.events
    ]
    matching = _match_events(view, candidates)
    matched_ids = {view.events[sys]["id"]: gold_events[ref]["id"] for sys, ref in matching.items()}
    role_tallies: list[dict[str, Tally]] = []
    scored = identified = classified = 0
    for sys, event in enumerate(view.events):
        refs = [matching[sys]] if sys in matching else candidates[sys]
        if refs and not any(gold_events[ref]["required"] for ref in refs):
            continue  # matches only gold events that need not be found: ignored with its arguments
        scored += 1
        if sys in matching:
            gold = gold_events[matching[sys]]
            same = event.get("type") == gold["type"]
            identified += same or (event.get("type") == "Attack" and gold["type"] == "Retaliation")
            classified += same
            role_tallies.append(_argument_tallies(view, event, gold, matched_ids))
        else:
            result.event_duplicates += bool(refs)
            role_tallies.append(_unmatched_system(event))
    required = [gold for gold in gold_events if gold["required"]]
    found = {gold_events[ref]["id"] for ref in matching.values()}
    role_tallies += [_unmatched_gold(gold) for gold in required if gold["id"] not in found]
    result.identification = Tally(identified, scored - identified, len(required) - identified)
    result.classification = Tally(classified, scored - classified, len(required) - classified)
    for tallies in role_tallies:
        for role, tally in tallies.items():
            result.arguments[role] += tally


def _score_document(view: DocumentView) -> Result:
    """All counts of one document."""
    result = Result(entities=_entity_counts(view), relations=_score_relations(view))
    _score_events(view, result)
    return result

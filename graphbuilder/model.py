"""Typed records passed between pipeline stages (ingest → nlp → resolve → events → rdf)."""
from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_TYPES = ("Person", "State", "MilitaryForce", "ArmedGroup", "Coalition", "Organization", "Media")
LOCATION_TYPES = ("Facility", "Place")
ENTITY_TYPES = ACTOR_TYPES + LOCATION_TYPES
EVENT_TYPES = ("Attack", "Retaliation", "Threat")
PREDICATES = (
    "attacked", "killed", "retaliatedAgainst", "blamed", "claimedResponsibility", "threatened",
    "partOf", "memberOf", "supportedBy", "ledBy", "affiliatedWith", "stationedIn",
)
ROLES = ("attacker", "target", "victims", "place", "attributed_to", "attributed_by", "claimed_by")


@dataclass(frozen=True)
class Document:
    """One article as read: `text` is the exact file text (header included); offsets index into it."""

    name: str
    text: str
    published: str | None = None  # "2020-02" or "2020-02-16" from the header or JSONL
    lang: str = "fr"
    body_start: int = 0  # offset where the article proper starts (after the date header)
    source: str = ""


@dataclass(frozen=True)
class Span:
    """A character span of a document: `doc.text[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeValue:
    """A resolved date: ISO day, month or year, or a range "A/B"; `granularity` says which ("reported": the text
    gives none, the value is the publication date of the report, which the event preceded)."""

    value: str
    granularity: str  # "day" | "month" | "year" | "range" | "reported"


@dataclass
class Entity:
    """A resolved actor or location of one document, with a stable key shared across documents."""

    key: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    qid: str | None = None
    mentions: list[Span] = field(default_factory=list)
    from_gazetteer: bool = False


@dataclass
class Event:
    """An attack, retaliation or threat with its roles (lists of entity keys) and evidence spans."""

    type: str
    evidence: list[Span] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    date: TimeValue | None = None
    weapon: str | None = None
    fatalities: int | None = None
    responds_to: int | None = None  # index of the earlier event in the same extraction
    series: bool = False
    confidence: float = 0.7


@dataclass
class Relation:
    """A binary relation between two entity keys, with the evidence it was read from."""

    subject: str
    predicate: str
    object: str
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.7


@dataclass
class Extraction:
    """Everything extracted from one document: the input to RDF generation."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

"""What the frame extractors share: the frame of one event mention and the actor type groups."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import model
from .model import Span, TimeValue
from .resolve import Resolution

ACTOR_TYPES = set(model.ACTOR_TYPES)
AGGRESSOR_TYPES = {"State", "MilitaryForce", "ArmedGroup", "Coalition", "Person"}
LOCATION_TYPES = set(model.LOCATION_TYPES)
VICTIM_TYPES = {"Person", "ArmedGroup", "MilitaryForce", "State", "Coalition"}
ARMED_TYPES = {"MilitaryForce", "ArmedGroup", "Coalition"}


@dataclass
class Frame:
    """One mention of an event in one sentence, before document-level merging."""

    type: str
    triggers: list = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    tokens: list = field(default_factory=list)
    weapon: str | None = None
    fatalities: int | None = None
    dates: list[tuple[str, TimeValue]] = field(default_factory=list)
    series: bool = False
    definite: bool = False
    kill: bool = False
    title: bool = False
    counter: bool = False  # its victims are the perpetrators of another attack
    victim_words: list = field(default_factory=list)  # the words naming its victims
    hurt: set = field(default_factory=set)  # victims named as wounded ("cinq autres personnes ont été blessées")
    own_date: bool = False  # a date complements an attack noun itself ("les attentats de janvier 2015")
    generic: bool = False  # a series only by its generic plural ("les attaques")
    mutual: bool = False  # a clash: each side attacks the other ("des combats entre l'armée et les rebelles")
    nested: list = field(default_factory=list)  # character ranges of other events' phrases inside this one's

    def add_role(self, role: str, key: str, token) -> None:
        """Add a role filler once."""
        fillers = self.roles.setdefault(role, [])
        if key not in fillers:
            fillers.append(key)
        self.tokens.append(token)
        if role == "victims":
            self.victim_words.append(token)


def sentence_span(sent, resolution: Resolution) -> Span:
    """The span of a whole sentence, as evidence."""
    text = resolution.document.text
    return Span(sent.start_char, sent.end_char, text[sent.start_char:sent.end_char])

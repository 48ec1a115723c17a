"""Synthetic documents' graphs with the shape of real conflict-news builds, made without the model.

Each synthetic document is an `Extraction` (entities with mentions, events with roles, dates and
evidence, relations) turned into quads by graphbuilder's own `GraphWriter`, so the layout is exactly
that of a real build. Filler text is real French words from examples/articles; actors are the
gazetteer's plus invented people and places, picked with a Zipf-like popularity so that some actors
recur across many documents as they do in news. SHAPE holds per-document means measured on the
examples/articles build (conflict articles: 260-690 quads, 2-6 events, 10-23 actors each).
"""
from __future__ import annotations

import random
import re
from typing import Iterator

from graphbuilder.lang import resources
from graphbuilder.model import PREDICATES, Document, Entity, Event, Extraction, Relation, Span, TimeValue
from graphbuilder.rdf import GraphWriter, gazetteer_quads
from graphbuilder.resolve import named_key
from graphbuilder.vocab import ACTORS_GRAPH

from measure import ROOT

MODEL = "fr_core_news_md-3.8.0"
SHAPE = {"entities": 14, "mentions_per_entity": 2, "events": 3, "relations": 5, "filler_words": 260,
         "invented_people": 3000, "invented_places": 1500}
EVENT_TYPES = (("Attack", 0.8), ("Retaliation", 0.1), ("Threat", 0.1))


class Corpus:
    """A reproducible stream of synthetic extractions (same seed, same documents)."""

    def __init__(self, seed: int = 7):
        self.seed = seed
        words = re.findall(r"[^\W\d_]+", " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "examples" / "articles").glob("*.txt")))
        self.words = [w for w in words if w.islower() and len(w) > 1]
        res = resources("fr")
        self.weapons = sorted(set(res.lexicon["weapon_words"].values()))
        rng = random.Random(seed)
        actors = [Entity(a["id"], a["type"], a["label"], [a["label"]], a.get("qid"), from_gazetteer=True) for a in res.gazetteer]
        for kind, count in (("Person", SHAPE["invented_people"]), ("Place", SHAPE["invented_places"])):
            for _ in range(count):
                label = " ".join(rng.choice([w for w in self.words if len(w) > 3]).capitalize() for _ in range(2))
                actors.append(Entity(named_key(kind, label), kind, label, [label]))
        rng.shuffle(actors)
        self.actors = actors
        self.weights = [1 / (rank + 1) for rank in range(len(actors))]  # Zipf-like popularity

    def extraction(self, index: int) -> Extraction:
        """The synthetic extraction of document number `index`."""
        rng = random.Random(f"{self.seed}/{index}")
        chosen = {a.key: a for a in rng.choices(self.actors, self.weights, k=max(2, round(rng.gauss(SHAPE["entities"], 4))))}
        entities = {key: Entity(a.key, a.type, a.label, list(a.aliases), a.qid, from_gazetteer=a.from_gazetteer)
                    for key, a in chosen.items()}
        text, sentences = self._text(rng, list(entities.values()))
        year = rng.randint(2014, 2020)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        document = Document(name=f"synthetic-{index:06d}.txt", text=text, published=published)
        places = [k for k, e in entities.items() if e.type in ("Place", "Facility")] or list(entities)
        actors = [k for k, e in entities.items() if e.type not in ("Place", "Facility")] or list(entities)
        events = [self._event(rng, i, actors, places, sentences, published) for i in range(rng.randint(0, 2 * SHAPE["events"]))]
        relations = [Relation(rng.choice(actors), rng.choice(PREDICATES), rng.choice(actors + places), [rng.choice(sentences)],
                              round(rng.uniform(0.5, 0.9), 2)) for _ in range(rng.randint(0, 2 * SHAPE["relations"]))]
        unique = {(r.subject, r.predicate, r.object): r for r in relations if r.subject != r.object}
        return Extraction(document, list(entities.values()), events, list(unique.values()))

    def _text(self, rng: random.Random, entities: list[Entity]) -> tuple[str, list[Span]]:
        """Sentences of filler words each ending with a mention of an entity (1-3 per entity); the sentences' spans."""
        slots = [e for e in entities for _ in range(rng.randint(1, 2 * SHAPE["mentions_per_entity"] - 1))]
        rng.shuffle(slots)
        parts, spans, length = [], [], 0
        for entity in slots:
            sentence = " ".join(rng.choices(self.words, k=rng.randint(2, 2 * SHAPE["filler_words"] // max(len(slots), 1))))
            sentence = f"{sentence.capitalize()} {entity.label}."
            entity.mentions.append(Span(length + len(sentence) - len(entity.label) - 1, length + len(sentence) - 1, entity.label))
            spans.append(Span(length, length + len(sentence), sentence))
            parts.append(sentence + " ")
            length += len(sentence) + 1
        return "".join(parts), spans

    def _event(self, rng: random.Random, i: int, actors: list[str], places: list[str], sentences: list[Span],
               published: str) -> Event:
        kind = rng.choices([t for t, _ in EVENT_TYPES], [w for _, w in EVENT_TYPES])[0]
        roles = {role: [rng.choice(pool)] for role, pool, p in (
            ("attacker", actors, 0.7), ("target", actors, 0.6), ("victims", actors, 0.3), ("place", places, 0.6),
            ("attributed_by", actors, 0.1), ("attributed_to", actors, 0.1), ("claimed_by", actors, 0.05)) if rng.random() < p}
        day = published if rng.random() < 0.5 else published[:7]
        return Event(kind, rng.sample(sentences, min(len(sentences), rng.randint(1, 2))), roles,
                     TimeValue(day, "day" if len(day) == 10 else "month") if rng.random() < 0.6 else None,
                     rng.choice(self.weapons) if rng.random() < 0.4 else None,
                     rng.randint(0, 30) if rng.random() < 0.3 else None,
                     rng.randrange(i) if kind == "Retaliation" and i else None,
                     confidence=round(rng.uniform(0.5, 0.9), 2))

    def documents(self, count: int, start: int = 0) -> Iterator[tuple[str, Iterator]]:
        """(name, quads) of documents `start` .. `start + count - 1`, generated lazily."""
        writer = GraphWriter(MODEL)
        for index in range(start, start + count):
            extraction = self.extraction(index)
            yield extraction.document.name, writer.quads(extraction)


def actors_graph() -> Iterator:
    """The gazetteer's actors graph, as a build writes it."""
    return gazetteer_quads(resources("fr").gazetteer, str(ACTORS_GRAPH))

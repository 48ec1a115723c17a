"""The extraction pipeline: Document → spaCy parse → resolution → events and relations → Extraction."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from .lang import resources
from .model import Document, Extraction
from .nlp import load_pipeline
from .events import EventExtractor
from .relations import RelationExtractor
from .resolve import Resolver
from .temporal import dateline_date


def text_view(document: Document) -> str:
    """The text given to the parser: header blanked, typographic apostrophes as "'" (same length, same offsets).

    The blanked header ends in a paragraph break, which keeps the parser from gluing it to the first sentence.
    """
    body = document.text[document.body_start:].replace("’", "'")
    blank = " " * max(document.body_start - 2, 0) + "\n\n"[:document.body_start]
    return blank + body


class Pipeline:
    """Loads a language's model and frames once, then extracts documents one by one or in batches."""

    def __init__(self, lang: str = "fr"):
        self.lang = lang
        self.nlp = load_pipeline(lang)
        res = resources(lang)
        self.resolver = Resolver(res)
        self.events = EventExtractor(res, self.resolver)
        self.relations = RelationExtractor(res, self.resolver)

    def process(self, document: Document) -> Extraction:
        """Extract one document."""
        return self._extract(self.nlp(text_view(document)), document)

    def process_safe(self, documents: Iterable[Document], batch_size: int = 16
                     ) -> Iterator[tuple[Document, Extraction | Exception]]:
        """Extract documents in batches through `nlp.pipe`; a failing document yields its exception."""
        pairs = ((text_view(d), d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield document, self._extract(doc, document)
            except Exception as error:  # isolate the document; the caller reports it
                yield document, error

    def _extract(self, doc, document: Document) -> Extraction:
        if document.published is None:  # no header: the article's own dateline, if it has one
            document = replace(document, published=dateline_date(document.text, document.body_start, self.lang))
        resolution = self.resolver.resolve(doc, document)
        events, event_relations = self.events.extract(doc, resolution)
        relations = self.relations.extract(doc, resolution) + event_relations
        return Extraction(
            document=document,
            entities=list(resolution.entities.values()),
            events=events,
            relations=_dedupe(relations),
        )


def _dedupe(relations):
    """One relation per (subject, predicate, object), evidence spans merged."""
    merged = {}
    for relation in relations:
        key = (relation.subject, relation.predicate, relation.object)
        if key in merged:
            merged[key].evidence += [e for e in relation.evidence if e not in merged[key].evidence]
        else:
            merged[key] = relation
    return list(merged.values())

"""spaCy pipeline: the language's model plus an entity ruler fed by the gazetteer data file."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterator

from .lang import Resources, resources

METONYM_LABEL = "METONYM"


def strip_accents(text: str) -> str:
    """Drop combining marks (é → e) keeping every other character."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def alias_variants(alias: str) -> set[str]:
    """Spellings under which an alias is matched: as written, accent-free, and with both apostrophes."""
    variants = {alias, strip_accents(alias)}
    variants |= {v.replace("'", "’") for v in variants} | {v.replace("’", "'") for v in variants}
    return variants


def is_acronym(alias: str) -> bool:
    """Whether an alias is an acronym ("AP", "EI"), matched with its exact case so it never matches "ap"."""
    return len(alias) <= 5 and alias.replace(".", "").isupper()


def gazetteer_patterns(res: Resources) -> Iterator[dict[str, Any]]:
    """Entity-ruler phrase patterns for every alias of every gazetteer entry, and for state metonyms.

    A capital named as a metonym ("Washington") is matched once, as a metonym; the resolver decides
    whether it is the state acting or the place.
    """
    metonyms = {v for actor in res.gazetteer for m in actor.get("metonyms", []) for v in alias_variants(m)}
    seen: set[tuple] = set()  # aliases that differ only by accents or apostrophes give the same variants: each once
    for actor in res.gazetteer:
        for pattern in _actor_patterns(actor, metonyms):
            key = tuple(pattern.items())
            if key not in seen:
                seen.add(key)
                yield pattern


def _actor_patterns(actor: dict, metonyms: set[str]) -> Iterator[dict[str, Any]]:
    """One gazetteer entry's phrase patterns: its aliases' variants (not the metonyms), acronyms as also written
    capitalised, and its metonyms."""
    for alias in [actor["label"], *actor.get("aliases", [])]:
        for variant in alias_variants(alias) - metonyms:
            yield {"label": actor["type"], "pattern": variant, "id": actor["id"]}
        if is_acronym(alias) and len(alias) >= 4 and alias.isalpha():  # "OTAN" is also written "Otan"
            yield {"label": actor["type"], "pattern": alias.capitalize(), "id": actor["id"], "exact": True}
    for metonym in actor.get("metonyms", []):
        for variant in alias_variants(metonym):
            yield {"label": METONYM_LABEL, "pattern": variant, "id": actor["id"]}


def _line_boundaries(doc):
    """Start a sentence after the blanked date header (whitespace), and after a line break followed by a
    capital or a sign ("— François Hollande" then a new paragraph): titles, paragraphs and signatures are not
    run into the next sentence; a line hard-wrapped before a lower-case word is still one sentence."""
    first = True
    for token in doc:
        if token.is_space:
            continue
        previous = doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.is_space and (first or (
                "\n" in previous.text and not token.text[:1].islower())):
            token.is_sent_start = True
        first = False
    return doc


def keep_hyphenated_names(tokenizer, particles: list[str], inner: list[str]) -> None:
    """Keep "al-Nosra", "Al-Chabab" and "Jaish-e-Mohammed" as one token: split, the parser breaks sentences inside such
    names."""
    names = re.compile(rf"(?i:{'|'.join(map(re.escape, particles))})-[^\W\d_][\w'’-]*", re.UNICODE)
    joined = re.compile(rf"[^\W\d_a-z]\w*-(?:{'|'.join(map(re.escape, inner))})-[^\W\d_a-z][\w'’-]*", re.UNICODE)
    upper = re.compile(r"-[^\W\d_]").search
    original = tokenizer.token_match

    def token_match(text: str):
        if "-" not in text:  # both patterns need one; the tokenizer asks for every new word
            return original(text) if original else None
        found = names.fullmatch(text)
        if found and upper(text).group()[1:].isupper() and not text.endswith("-"):
            return found
        found = joined.fullmatch(text)
        if found and not text.endswith("-"):
            return found
        return original(text) if original else None

    tokenizer.token_match = token_match


def keep_whole(tokenizer, words: list[str]) -> None:
    """Keep each word one token, also capitalised and with a typographic apostrophe: an elided word followed by a
    space ("d' Idleb", "l’ organisation"), as "d'Idleb" gives, not a letter and an apostrophe; a hyphenated title
    ("lieutenant-colonel"), not three tokens."""
    from spacy.symbols import ORTH

    for word in words:
        for form in {word, word.replace("'", "’")}:
            for cased in (form, form[0].upper() + form[1:]):
                tokenizer.add_special_case(cased, [{ORTH: cased}])


def index_lemma_lists(nlp) -> None:
    """Turn the rule lemmatizer's word lists into sets: spaCy's rule lemmatizers test `form in index` on lists
    (66,191 French nouns) for every new (word, part of speech); same lemmas, about 15x faster."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if lookups.has_table("lemma_index"):
        table = lookups.get_table("lemma_index")
        for pos, words in list(table.items()):
            table[pos] = frozenset(words)


@lru_cache(maxsize=None)
def load_pipeline(lang: str = "fr"):  # -> spacy.Language (spaCy imported lazily: start-up cost)
    """Load the language's spaCy model once, with the gazetteer entity ruler after the NER, overriding it.

    After rather than before: the NER runs about 30 % slower when it must respect pre-set entities, and
    the rulers' matches replace any overlapping NER entity anyway (same dev scores either way).
    """
    import spacy

    from spacy.language import Language

    if "line_boundaries" not in Language.factories:
        Language.component("line_boundaries")(_line_boundaries)
    res = resources(lang)
    nlp = spacy.load(res.model)
    index_lemma_lists(nlp)
    particles = res.lexicon["hyphenated_name_particles"]
    keep_hyphenated_names(nlp.tokenizer, particles["particles"], particles["inner_particles"])
    keep_whole(nlp.tokenizer, res.lexicon["elided_words"]["words"])
    titles = res.lexicon["leader_titles"] + res.lexicon["member_titles"]
    keep_whole(nlp.tokenizer, [t for t in titles if "-" in t and " " not in t])
    nlp.add_pipe("line_boundaries", before="parser")
    from . import repair  # noqa: F401  (registers the parser repairs)

    nlp.add_pipe("day_word_repair", after="parser", config={"lang": lang})
    nlp.add_pipe("prepositional_subject_repair", after="day_word_repair", config={"lang": lang})
    nlp.add_pipe("coordinated_clause_repair", after="prepositional_subject_repair", config={"lang": lang})
    nlp.add_pipe("apposition_repair", after="coordinated_clause_repair", config={"lang": lang})
    nlp.add_pipe("relative_clause_repair", after="apposition_repair")
    nlp.add_pipe("verb_repair", after="lemmatizer", config={"lang": lang})
    nlp.add_pipe("voice_repair", after="verb_repair", config={"lang": lang})  # reads the auxiliaries' lemmas
    nlp.add_pipe("partitive_object_repair", after="voice_repair", config={"lang": lang})
    nlp.add_pipe("name_object_repair", after="partitive_object_repair", config={"lang": lang})
    patterns = list(gazetteer_patterns(res))
    # Two phrase matchers (token patterns would cost a Matcher pass per acronym): acronyms with their
    # exact case, then every other alias case-insensitively, whose longer matches win on overlap.
    for name, attr, chosen in (("acronym_ruler", "ORTH", True), ("entity_ruler", "LOWER", False)):
        ruler = nlp.add_pipe("entity_ruler", name=name, after="ner" if chosen else "acronym_ruler",
                             config={"phrase_matcher_attr": attr, "overwrite_ents": True})
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns([{k: v for k, v in p.items() if k != "exact"} for p in patterns
                                if (is_acronym(p["pattern"]) or p.get("exact", False)) == chosen])
    nlp.add_pipe("verbless_clause_repair", last=True, config={"lang": lang})  # reads the names the rulers found
    nlp.add_pipe("split_subject_repair", last=True)
    nlp.add_pipe("reporting_clause_repair", last=True, config={"lang": lang})
    nlp.add_pipe("description_subject_repair", last=True)
    nlp.add_pipe("heading_subject_repair", last=True)
    return nlp


def model_version(lang: str = "fr") -> str:
    """Name and version of the spaCy model, e.g. 'fr_core_news_md-3.8.0'."""
    nlp = load_pipeline(lang)
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"

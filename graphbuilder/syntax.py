"""Small dependency-parse helpers shared by the event and relation frames (language-neutral)."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDS
from spacy.parts_of_speech import IDS as TAGS
from spacy.strings import get_string_id

CHAIN_DEPS = {"appos", "conj", "flat:name", "flat", "fixed"}


_LEMMAS: dict[int, str] = {}  # lemma hash → normalised lemma: one entry per lemma of the vocabulary


def lemma(token) -> str:
    """Lower-case lemma with typographic apostrophes normalised."""
    word = _LEMMAS.get(token.lemma)
    if word is None:
        word = _LEMMAS[token.lemma] = token.lemma_.lower().replace("’", "'")
    return word


def verb_lemma(token, endings: list[str]) -> str:
    """A verb's lemma, also for a verb form the tagger called an adjective (or a noun modifying a noun: "milices,
    alliées à l'Iran"), whose lemma is then unreliable: its -er infinitive from the form's ending
    ("revendiquée", "revendique" → "revendiquer")."""
    if token.pos_ != "ADJ" and not (token.pos_ == "NOUN" and token.dep_ in ("acl", "amod")):
        return lemma(token)
    word = token.lower_
    ending = next((e for e in sorted(endings, key=len, reverse=True) if word.endswith(e)), None)
    return word[: -len(ending)] + "er" if ending else lemma(token)


def tokens_with(doc, attr: str, values) -> list:
    """The tokens of `doc` whose `attr` ("POS", "DEP", "LOWER" or "ORTH") is one of `values`, in order, picked from the
    doc's attribute array: cheaper than a Python test of every token, the bulk of a parse repair's time."""
    ids = [TAGS[v] if attr == "POS" else get_string_id(v) for v in values]
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(IDS[attr]), ids))]


def case_of(token) -> str:
    """The preposition (case marker) introducing a nominal, '' if none: 'près de' for multiword ones."""
    if not token.n_lefts:
        return ""
    lefts = list(token.lefts)
    first = next((c for c in lefts if c.dep_ in ("case", "fixed")), None)
    if first is None:
        return ""
    words = [first.lower_] + [c.lower_ for c in first.children if c.dep_ == "fixed"]
    adverbs = [c.lower_ for c in lefts if c.dep_ == "advmod" and c.i == first.i - 1]
    words = adverbs + words  # "près de", "loin de"
    return " ".join(words).replace("’", "'")


def chain_head(token):
    """Climb appositions, conjunctions and name parts to the token that carries the syntactic role."""
    seen = 0
    while token.dep_ in CHAIN_DEPS and token.head != token and seen < 6:
        token = token.head
        seen += 1
    return token


def clause_head(token):
    """The verb (or fragment root) whose clause a token belongs to: its nearest verbal ancestor, itself included."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head != token and seen < 12:
        token = token.head
        seen += 1
    return token


def is_passive(verb) -> bool:
    """Whether a verb is in the passive voice ("a été revendiqué", "ont été tués", "…, abattus par la police")."""
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent") for c in verb.children)


def negated(token, negation_words: set[str]) -> bool:
    """Whether a word is negated: "n'a pas été revendiqué", "aucun groupe n'a", "non revendiquée"."""
    heads = [token]
    if token.dep_ in ("xcomp", "aux", "aux:pass", "cop"):
        heads.append(token.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in ("advmod", "det", "neg") and child.lower_.replace("’", "'") in negation_words:
                return True
            if child.dep_ == "nsubj" and any(
                d.dep_ == "det" and d.lower_ in ("aucun", "aucune") for d in child.children
            ):
                return True
    return False


def has_determiner(token, words: set[str]) -> bool:
    """Whether a noun has a determiner among `words` ("le", "ce": a definite or demonstrative one)."""
    return any(c.dep_ == "det" and c.lower_.replace("’", "'") in words for c in token.children)


def conjuncts(token) -> list:
    """The conjuncts of a word, also when the parser chains them ("A, B et C" read as A → B → C)."""
    found = [c for c in token.children if c.dep_ == "conj"]
    return found + [g for c in found for g in conjuncts(c)]


def demonstrative(token) -> bool:
    """Whether a noun has a demonstrative determiner ("cet attentat", "cette attaque")."""
    return any(c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in token.children)


def subtree_range(tokens) -> tuple[int, int]:
    """Smallest token range covering the given tokens."""
    indices = [t.i for t in tokens]
    return min(indices), max(indices) + 1


def perfect_infinitive(verb) -> bool:
    """Whether a verb is a past infinitive ("avoir mené", "être entrés"): something done, not announced."""
    return "Part" in verb.morph.get("VerbForm") and any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def has_subject(verb) -> bool:
    """Whether a verb has a subject of its own (active or passive)."""
    return any(c.dep_.startswith("nsubj") for c in verb.children)


def unreal(verb) -> bool:
    """Whether a verb is a conditional or a future ("riposterait", "frappera"): what may or will be, not what was."""
    return "Cnd" in verb.morph.get("Mood") or "Fut" in verb.morph.get("Tense")


def past_clause(verb) -> bool:
    """Whether a finite clause tells of the past ("l'attaque avait fait deux morts", "ils ont tué"), not the future."""
    form = verb.morph.get("VerbForm")
    if "Part" in form:  # a compound past ("ont tué", "avait fait", "ont été tués"), not "sera attaqué"
        tenses = [c.morph.get("Tense") for c in verb.children if c.dep_ == "aux:tense"]
        return bool(tenses) and not any("Fut" in t for t in tenses)
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False  # "allait frapper", "voulait attaquer": what was to come
    return "Fin" in form and bool({"Past", "Imp"} & set(verb.morph.get("Tense")))


def subjects(verb) -> list:
    """A verb's subjects; for a coordinated or controlled verb without its own, the governing verb's
    ("a nié … et accusé", "annonce avoir mené")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if not own and _gerund(verb):  # "L'armée a démenti … en rejetant la faute sur…": the clause's subject
        return next(([c for c in head.children if c.dep_ == "nsubj"] for head in verb.ancestors
                     if head.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in head.children)), [])
    if own or verb.dep_ not in ("conj", "xcomp"):
        return own
    objects = [c for c in verb.head.children if c.dep_ == "obj"]
    infinitive = verb.dep_ == "xcomp" or (any(c.dep_ == "mark" for c in verb.children) and (
        "Inf" in verb.morph.get("VerbForm") or perfect_infinitive(verb)))  # "…, d'avoir mené" parsed as a conjunct
    if infinitive and objects:
        return []  # "a accusé les forces de Haftar d'avoir mené le bombardement": alleged, not the accuser's act
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def antecedent(subject):
    """A subject, or the noun a relative pronoun subject stands for ("Le Hamas, qui contrôle…": le Hamas), however the
    parser labelled the relative clause."""
    clause = subject.head
    if subject.morph.get("PronType") == ["Rel"] and clause.head != clause and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return subject


def described(predicate) -> list:
    """Who a predicate says something of: its subjects, the noun a relative clause ("…, qui serait un Ouzbek") or a
    participle set beside a noun ("L'agresseur, inconnu … et identifié comme un Égyptien") describes."""
    own = [antecedent(c) for c in predicate.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if own:
        return own
    while predicate.dep_ == "conj" and predicate.head.pos_ in ("VERB", "ADJ"):
        predicate = predicate.head
    if predicate.dep_ in ("acl", "amod", "conj") and predicate.head.pos_ in ("NOUN", "PROPN"):
        return [predicate.head]
    return []


def _gerund(verb) -> bool:
    """Whether a verb is a gerund ("en rejetant"): a present participle marked by a preposition."""
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") and any(
        c.dep_ in ("mark", "case") and c.pos_ == "ADP" for c in verb.children if c.i < verb.i)


def in_order(words: list[str], among: list[str]) -> bool:
    """Whether `words` occur in `among` in this order, other words allowed between them."""
    rest = iter(among)
    return all(word in rest for word in words)


def by_first_word(entries) -> dict[str, list[tuple[str, list[str]]]]:
    """Lexicon entries grouped by their first word, each with the words after it ("prise d'otage" →
    "prise": ("prise d'otage", ["d'", "otage"]); a one-word entry has none)."""
    grouped: dict[str, list[tuple[str, list[str]]]] = {}
    for entry in entries:
        first, *rest = entry_words(entry)
        grouped.setdefault(first, []).append((entry, rest))
    return grouped


def entry_words(entry: str) -> list[str]:
    """The words of a lexicon entry as the tokenizer cuts them ("prise d'otage" → "prise", "d'", "otage")."""
    return re.findall(r"[^\s']+'?", entry)


def phrases_at(token, grouped: dict[str, list[tuple[str, list[str]]]]) -> list[str]:
    """The entries (grouped by `by_first_word`) a word starts: its lemma, or a multiword entry the next words
    complete, each read as written or as its lemma ("ouvrir | le feu", "preneur | d'otages")."""
    candidates = grouped.get(lemma(token))
    if not candidates:
        return []
    following = token.doc[token.i + 1: token.i + 1 + max(len(rest) for _, rest in candidates)]
    return [entry for entry, rest in candidates if len(following) >= len(rest) and all(
        w in (t.lower_.replace("’", "'"), lemma(t)) for w, t in zip(rest, following))]

"""Mentions → entities: gazetteer ids, NER names, metonyms, force nominals, acronyms and anaphora."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lang import Resources
from .model import ACTOR_TYPES, LOCATION_TYPES, Document, Entity, Span
from .nlp import METONYM_LABEL, strip_accents
from .syntax import (by_first_word, case_of, chain_head, clause_head, has_determiner, has_subject, lemma, phrases_at,
                     tokens_with)
from .temporal import DASHES
from .vocab import slug

NAME_DEPS = {"flat:name", "flat", "appos", "nmod", "amod"}
PERPETRATOR_KINDS = ("perpetrator", "perpetrators")  # the one perpetrator node of a document, singular or plural


@dataclass
class Mention:
    """A resolved reference to an entity: token range [start, end) of the spaCy doc."""

    key: str
    start: int
    end: int
    kind: str  # "name" | "metonym" | "force" | "anaphor" | "nominal" | "unit"


@dataclass
class Resolution:
    """Entities of one document and where they are mentioned."""

    document: Document
    res: Resources
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)  # entity key → slug of its label, computed once
    sentence_tokens: dict[int, list] = field(default_factory=dict, repr=False)  # sentence start → its tokens
    merged: dict[str, str] = field(default_factory=dict)  # key of an entity merged into another → that one's key

    def add(self, doc, mention: Mention, type_: str, label: str, gazetteer: dict | None = None) -> Entity:
        """Record a mention, creating or extending its entity."""
        span = doc[mention.start:mention.end]
        text = self.document.text[span.start_char:span.end_char]
        entity = self.entities.get(mention.key)
        if entity is None:
            entity = Entity(key=mention.key, type=type_, label=label, from_gazetteer=gazetteer is not None)
            if gazetteer:
                entity.qid = gazetteer.get("qid")
            self.entities[mention.key] = entity
            self.slugs[mention.key] = slug(label)
        if text not in entity.aliases and mention.kind not in ("anaphor", "demonym"):
            entity.aliases.append(text)
        entity.mentions.append(Span(span.start_char, span.end_char, text))
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention
        return entity

    def tokens(self, sent) -> list:
        """A sentence's tokens, listed once per document (iterating a spaCy Span makes new Token objects each time)."""
        listed = self.sentence_tokens.get(sent.start)
        if listed is None:
            listed = self.sentence_tokens[sent.start] = list(sent)
        return listed

    def mention_at(self, token_index: int) -> Mention | None:
        """The mention covering a token, if any."""
        return self.by_token.get(token_index)

    def merge(self, old: str, new: str, names: bool = True) -> None:
        """Make every mention of entity `old` one of entity `new` (its descriptions become aliases of `new`; with
        `names` False, only the words of its mentions: its gazetteer names belong to another actor)."""
        gone = self.entities.pop(old)
        self.slugs.pop(old, None)
        self.merged[old] = new
        entity = self.entities[new]
        for i, mention in enumerate(self.mentions):
            if mention.key == old:
                self.mentions[i] = mention = Mention(new, mention.start, mention.end, mention.kind)
                for t in range(mention.start, mention.end):
                    self.by_token[t] = mention
        entity.mentions += gone.mentions
        names_of_gone = [gone.label, *gone.aliases] if names else [m.text for m in gone.mentions]
        entity.aliases += [a for a in dict.fromkeys(names_of_gone) if a not in entity.aliases and a != entity.label]

    def named_before(self, token, types: set[str]) -> str | None:
        """"X, la branche…", "X (affilié à…", "X, le chef de…": the entity of the types ending just before the
        phrase of `token`, across a comma or bracket, unless a preposition introduces it ("Selon X, le chef…")."""
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "amod", "nummod", "advmod")])
        if start >= 2 and token.doc[start - 1].text in (",", "("):
            mention = self.mention_at(start - 2)
            if mention and self.entities[mention.key].type in types and not case_of(chain_head(token.doc[start - 2])):
                return mention.key
        return None


class Resolver:
    """Builds a Resolution from a parsed document, using the language's gazetteer and lexicon."""

    def __init__(self, res: Resources):
        self.res = res
        self.lex = res.lexicon
        self.actors = {a["id"]: a for a in res.gazetteer}
        self.demonyms = {
            strip_accents(d).lower(): a["id"] for a in res.gazetteer for d in a.get("demonyms", [])
        }
        self.perpetrators = set(self.lex["perpetrator_nouns"])
        self.authors = set(self.lex["perpetrator_of_nouns"])
        self.strong_attack_verbs = by_first_word(set(self.lex["attack_verbs"]) - set(self.lex["weak_attack_verbs"]))
        self.perpetrator_words = by_first_word(self.perpetrators)
        self.titles = set(self.lex["leader_titles"]) | set(self.lex["member_titles"])
        self.leadership = set(self.lex["leadership_words"])
        self.naming_verbs = set(self.lex["naming_verbs"])
        self.anaphor_determiners = set(self.lex["anaphor_determiners"])
        demonstrative = self.lex["demonstrative_anaphors"]
        self.demonstratives = set(demonstrative["determiners"])
        self.demonstrative_types = {w: set(types) for w, types in demonstrative["extra_types"].items()}
        self.state_force_adjectives = set(self.lex["state_force_adjectives"])
        self.definite = set(self.lex["definite_determiners"])
        self.according_to = set(self.lex["according_to"])
        self.generic_people = set(self.lex["generic_person_nouns"])  # "les quatre personnes": a group named before
        self.contracted = set(self.lex["contracted_definites"]["words"])
        self.member_nouns = set(self.lex["member_nouns"])
        self.group_nouns = {w for w, types in self.lex["anaphor_nouns"].items() if "ArmedGroup" in types}
        self.latest_starts = tuple({p.split("-")[0] for p in self.lex["latest_anaphors"]["pronouns"]})
        self.settlements = set(self.lex["settlement_nouns"]["words"])
        self.unit_nouns = set(self.lex["unit_nouns"]["words"])
        self.regimes = set(self.lex["regime_nouns"])  # a capital under these is the state
        self.state_anaphors = set(self.lex["state_anaphors"]["words"])  # "le gouvernement" alone: the state in focus
        self.drivers, self.ramming = set(self.lex["ramming"]["drivers"]), set(self.lex["ramming"]["verbs"])
        unlike = self.lex["non_jihadist_fighters"]  # "les rebelles" take up no jihadist group
        self.non_jihadist, self.jihadist_roots = set(unlike["words"]), set(unlike["jihadist_roots"])
        self.institution_heads = self.titles | self.regimes  # another metonym ("la Maison Blanche") under these too
        kinds = set(self.lex["force_labels"])  # "armed_forces", "police": a state's forces by kind
        self.force_kinds = {a[k]: k for a in self.actors.values() for k in kinds if isinstance(a.get(k), str)}
        self.kind_endings = {k: (f"/{slug(k)}", f"_{k}") for k in kinds}  # a document's node, a state's unlisted force
        self.addressee_verbs = set(self.lex["blame_verbs"]) | set(self.lex["threat_verbs"])  # their object acts
        self.of_cases = set(self.lex["of_preps"]) | {""}  # "la base du K1", "la base K1"
        self.places = {fuzzy_key(alias): a["id"] for a in res.gazetteer if a["type"] == "Place"
                       for alias in [a["label"], *a.get("aliases", [])]}  # short names too: "Kiev"
        self.metonyms = {fuzzy_key(m): a["id"] for a in res.gazetteer for m in a.get("metonyms", [])}
        self.led_by: dict[str, list[str]] = {}  # a leader → the armed groups and forces they lead
        for actor in res.gazetteer:
            if actor["type"] in ("ArmedGroup", "MilitaryForce"):
                for leader in actor.get("ledBy", []):
                    self.led_by.setdefault(leader, []).append(actor["id"])
        self.fuzzy = {}
        for actor in res.gazetteer:
            for alias in [actor["label"], *actor.get("aliases", [])]:
                if len(alias) >= 5:
                    self.fuzzy.setdefault(fuzzy_key(alias), actor["id"])

    def resolve(self, doc, document: Document) -> Resolution:
        """Resolve every actor and location mention of a parsed document."""
        out = Resolution(document=document, res=self.res)
        for ent in doc.ents:
            self._entity(doc, ent, out)
        self._acronyms(doc, out)
        for i in _nominal_indices(doc):
            token = doc[i]
            if i not in out.by_token:
                (self._numbered_unit(doc, token, out) or self._led_force(doc, token, out) or self._force(doc, token, out) or self._state_nominal(doc, token, out) or self._capital(doc, token, out)
                 or self._led_alliance(doc, token, out) or self._anaphor(doc, token, out) or self._focus_force(doc, token, out)
                 or self._pronoun(doc, token, out) or self._latest(doc, token, out) or self._perpetrator(doc, token, out))
        self._coordinated_forces(doc, out)
        out.mentions.sort(key=lambda m: m.start)
        self._named_perpetrator(doc, out)
        return out

    def _named_perpetrator(self, doc, out: Resolution) -> None:
        """"le tireur, Omar Mateen", "Omar Mateen, le tireur", "l'assaillant, un homme de 25 ans nommé Larossi
        Abballa", "le suspect se dénommerait X": the one perpetrator node is that named person."""
        key = f"{out.document.name}/{PERPETRATOR_KINDS[0]}"
        if key not in out.entities:
            return
        for name in [m for m in out.mentions if m.kind == "name" and out.entities[m.key].type == "Person"]:
            root = doc[name.start:name.end].root
            if root.dep_ == "appos" and root.head.pos_ == "NOUN" and out.mention_at(root.head.i) is None:
                continue  # "le procureur de Paris, François Molins, l'assaillant…": the name already describes another
            sent = doc[name.start].sent
            around = [m for m in out.mentions if m.key == key and sent.start <= m.start < sent.end]
            suspect = any(self._one_suspect(t) for t in doc[sent.start:name.start])  # "le suspect se dénommerait Omar Mateen"
            before = [m for m in around if m.end <= name.start] or suspect
            apposed = any(doc[m.end:name.start].text == "," or doc[name.end:m.start].text == "," for m in around)
            naming = before and any(t.lemma_.lower() in self.naming_verbs for t in doc[max(sent.start, name.start - 3):name.start])
            called = any(m.key == name.key and m.kind == "anaphor" and doc[m.start].lemma_.lower() in self.perpetrators
                         for m in out.mentions if sent.start <= m.start < sent.end)  # "Un homme a foncé… L'assaillant,
            # Abdirahman H., …": the name took the description, the man is he; "Le suspect, Tarik M., …"
            suspected = name.start > 1 and doc[name.start - 1].text == "," and self._one_suspect(doc[name.start - 2])
            if apposed or naming or called or suspected:
                out.merge(key, name.key)
                return

    def _one_suspect(self, token) -> bool:
        """Whether a word is a suspect noun in the singular ("le suspect", "l'auteur")."""
        return token.lemma_.lower() in self.lex["suspect_nouns"] and token.morph.get("Number") != ["Plur"]

    # -- names --------------------------------------------------------------------------
    def _entity(self, doc, ent, out: Resolution) -> None:
        if _credit(doc, ent):
            return  # "Peshawar, 7 septembre 2023 (AFP) –": the agency that filed the dispatch, no participant
        if ent.ent_id_ and self._other_bearer(doc, ent):
            name = doc[ent.start - 1:ent.end]  # "le général Turki al-Maliki": not Nouri al-Maliki, known as "al-Maliki"
            name.label_ = "PER"
            self._entity(doc, name, out)
            return
        if ent.ent_id_ and ent.ent_id_ in self.actors:
            actor = self.actors[ent.ent_id_]
            struck = ent.root.dep_ == "nsubj:pass" and ent.root.head.lemma_.lower() in self.lex["attack_verbs"]
            place = self.actors.get(self.places.get(fuzzy_key(ent.text)) or self.known(ent.text) or "", {}) \
                if ent.label_ == METONYM_LABEL else {}
            city = place.get("type") == "Place" or fuzzy_key(ent.text) == fuzzy_key((actor.get("metonyms") or [""])[0])
            governing = self.regimes if city else self.institution_heads  # a capital is the first metonym
            acting = (chain_head(ent.root).dep_ in ACTING_DEPS or ent.start == ent.sent.start) and not struck or (
                ent.root.dep_ in ("obj", "xcomp") and ent.root.head.lemma_.lower() in self.addressee_verbs) or (
                ent.root.dep_ == "nmod" and ent.root.head.lemma_.lower() in governing) or (  # "porte-parole de la Maison Blanche",
                case_of(ent.root) in self.according_to)  # "selon Washington": a speaker
            if ent.label_ == METONYM_LABEL and not acting:  # "le régime de Damas", not "le maire de Kiev"
                if place.get("type") == "Place":
                    out.add(doc, Mention(place["id"], ent.start, ent.end, "name"), "Place", place["label"], place)
                else:
                    out.add(doc, Mention(named_key("Place", ent.text), ent.start, ent.end, "name"), "Place", ent.text)
                return
            kind = "metonym" if ent.label_ == METONYM_LABEL else "name"
            out.add(doc, Mention(actor["id"], ent.start, ent.end, kind), actor["type"], actor["label"], actor)
            return
        text = ent.text.strip(" -'’")
        if not any(t.text[:1].isupper() for t in ent):
            return  # "van blanc": the NER's guess, not a name
        if len(ent) == 1 and strip_accents(ent[0].lower_) in self.demonyms and ent.start > 0 \
                and doc[ent.start - 1].pos_ in ("DET", "NUM"):
            return  # "un Britannique", "deux Français": people of a nationality, not a place
        if len(text) < 2 or (len(ent) == 1 and ent[0].lower_ in self.lex["anaphor_nouns"]):
            return  # "Le Front", "le Groupe": an anaphor, resolved later
        if text.lower() in self.lex["weapon_words"]:
            return  # "des roquettes Katioucha": a weapon, not an actor
        if ent.label_ == "LOC" and all(t.is_punct or t.pos_ in ("DET", "ADP") or t.lower_ in self.lex["region_nouns"]
                                       or t.lower_ in self.lex["state_nouns"] for t in ent):
            return  # "l'État de Kogi" read as a place "État": the name follows
        if (ent[0].text[:1].islower() and ent[0].lemma_.lower() in self.titles) or ent.text.lower() in self.titles:
            return  # "président de la République", "ministre des Affaires étrangères", "Premier ministre": a title
        if ent.root.dep_ == "nmod" and case_of(ent.root) == "à" and ent.root.head.lemma_.lower() in self.titles:
            return  # "le secrétaire américain à la Défense": a portfolio, not the place La Défense
        title = next((t.i for t in ent[:2] if t.lemma_.lower() in self.titles), None)
        if title is not None and title + 1 < ent.end and all(t.pos_ == "PROPN" or t.text[:1].isupper()
                                                             for t in doc[title + 1:ent.end]):
            name = doc[title + 1:ent.end]  # "Premier ministre Binali Yildirim": the NER's MISC is the title and a name
            name.label_ = "PER"
            self._entity(doc, name, out)
            return
        known = self.fuzzy.get(fuzzy_key(text)) or self._state_phrase(ent)
        if known:
            actor = self.actors[known]
            out.add(doc, Mention(known, ent.start, ent.end, "name"), actor["type"], actor["label"], actor)
            return
        name = slug(text)
        same = next((e for e in out.entities.values()
                     if not e.from_gazetteer and _same_name(name, out.slugs[e.key])), None)
        if same is not None:  # the NER called "Dortmund" a person once and a place once, "Nuer" and "Nuers": one node
            out.add(doc, Mention(same.key, ent.start, ent.end, "name"), same.type, same.label)
            return
        head = doc[ent.start - 1] if ent.start > ent.sent.start else None
        if ent.label_ == "PER" and head is not None and head.text[:1].islower() and head.pos_ == "NOUN" \
                and self.lex["org_heads"].get(head.lower_) == "ArmedGroup":  # "la brigade Omar Moukhtar", "le front
            label = doc[head.i:ent.end].text  # Camilo Torres": a unit named after a person
            out.add(doc, Mention(named_key("ArmedGroup", label), head.i, ent.end, "name"), "ArmedGroup", label)
        elif ent.label_ == "PER" and self._settlement_name(ent):
            out.add(doc, Mention(named_key("Place", text), ent.start, ent.end, "name"), "Place", text)
        elif ent.label_ == "PER":
            key = self._person_key(text, out)
            out.add(doc, Mention(key, ent.start, ent.end, "name"), "Person", text)
        elif ent.label_ == "LOC" and self.lex["org_heads"].get(ent[0].lower_) == "Media":  # "Radio Andalus", a place
            out.add(doc, Mention(named_key("Media", text), ent.start, ent.end, "name"), "Media", text)  # to the NER
        elif ent.label_ == "LOC":
            out.add(doc, Mention(named_key("Place", text), ent.start, ent.end, "name"), "Place", text)
        elif ent.label_ in ("ORG", "MISC"):
            head = ent[0].lower_
            type_ = self.lex["org_heads"].get(head) or self.lex["org_heads"].get(ent[0].lemma_.lower())
            if type_ is None and ent.label_ == "MISC":
                return
            type_ = type_ or "Organization"
            out.add(doc, Mention(named_key(type_, text), ent.start, ent.end, "name"), type_, text)

    def _settlement_name(self, ent) -> bool:
        """Whether a name is the 'de' complement of a town noun ("la cité frontalière de Bunagana"): a place's."""
        root = ent.root
        return root.dep_ == "nmod" and case_of(root) in self.of_cases - {""} and lemma(root.head) in self.settlements

    def _other_bearer(self, doc, ent) -> bool:
        """Whether a known person's surname follows a first name that is not his ("Turki al-Maliki"; "Recep Tayyp
        Erdogan", misspelt, is his)."""
        actor = self.actors.get(ent.ent_id_, {})
        if actor.get("type") != "Person" or ent.start <= ent.sent.start:
            return False
        first = doc[ent.start - 1]
        if first.pos_ != "PROPN" or not first.text[:1].isupper() or first.text in self.lex["honorifics"] \
                or first.lemma_.lower() in self.titles or first.ent_type_ \
                or (first.i > 0 and doc[first.i - 1].pos_ == "DET"):  # "le Touareg Iyad Ag Ghaly": him, described
            return False
        names = {strip_accents(w.lower())[:3] for name in [actor["label"], *actor.get("aliases", [])] for w in name.split()}
        return strip_accents(first.lower_)[:3] not in names

    def demonym_state(self, doc, token, out: Resolution) -> str | None:
        """"une frappe américaine": the state an adjective names, recorded as a mention of it."""
        state = self.demonyms.get(strip_accents(token.lower_))
        if state is None or self.actors.get(state, {}).get("type") != "State" or _compound_end(token):
            return None
        earlier = out.mention_at(token.i)
        if earlier is not None:  # read before as this demonym, or inside a name ("aviation russe": the name acts)
            return earlier.key if earlier.kind == "demonym" else None
        actor = self.actors[state]
        out.add(doc, Mention(state, token.i, token.i + 1, "demonym"), "State", actor["label"], actor)
        return state

    def actor_state(self, key: str, via: tuple[str, ...] = ("partOf", "affiliatedWith")) -> str | None:
        """The state a gazetteer actor belongs to: the state itself, or the one state its `via` relations
        name (a state's forces, its nationals); None if none or several."""
        actor = self.actors.get(key, {})
        if actor.get("type") == "State":
            return key
        states = {s for rel in via for s in actor.get(rel, []) if self.actors.get(s, {}).get("type") == "State"}
        return next(iter(states)) if len(states) == 1 else None

    def known(self, name: str) -> str | None:
        """The gazetteer id whose alias is spelled like `name` (accents, case, doubled letters ignored)."""
        return self.fuzzy.get(fuzzy_key(name))

    def known_actor(self, name: str) -> str | None:
        """Like `known`, but a metonym is the actor it stands for ("Washington": the United States, not the city)."""
        return self.metonyms.get(fuzzy_key(name)) or self.known(name)

    def _state_phrase(self, ent) -> str | None:
        """"État irakien", "gouvernement somalien": a state noun with a demonym names the state."""
        if ent[0].lower_ in self.lex["state_nouns"]:
            for token in ent[1:]:
                state = self.demonyms.get(strip_accents(token.lower_))
                if state:
                    return state
        return None

    def _person_key(self, text: str, out: Resolution) -> str:
        """A surname or partial name refers to the full name already seen in the document ("M. Ping": "Jean Ping")."""
        first, _, rest = text.partition(" ")
        norm = slug(rest if rest and first in self.lex["honorifics"] else text)
        for entity in out.entities.values():
            if entity.type == "Person" and out.slugs[entity.key].endswith("-" + norm):
                return entity.key
        return named_key("Person", text)

    def _acronyms(self, doc, out: Resolution) -> None:
        """`Name (ACR)`: the acronym in brackets is another name of the entity before it; `ACR (Name)` likewise. An
        acronym the NER took for an entity of its own is merged into the named one, every mention of it."""
        for mention in list(out.mentions):
            if mention.key not in out.entities:
                continue  # merged away already
            i = mention.end
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                acr, before = doc[i + 1], doc[mention.start:mention.end].root
            elif mention.start >= 2 and doc[mention.start - 1].text == "(" and mention.end < len(doc) \
                    and doc[mention.end].text == ")" and out.entities[mention.key].from_gazetteer:
                acr = before = doc[mention.start - 2]  # "le PCC (Premier commando de la capitale)"
            else:
                continue
            if acr.text.isupper() and len(acr.text) >= 2:
                other = out.mention_at(acr.i)
                if other is None:
                    entity = out.entities[mention.key]
                    out.add(doc, Mention(mention.key, acr.i, acr.i + 1, "name"), entity.type, entity.label)
                elif other.key != mention.key and not out.entities[other.key].from_gazetteer:
                    out.merge(other.key, mention.key)  # "Primeiro Comando da Capital (PCC)": every "PCC" is the gang
                elif other.key != mention.key and all(m.text == acr.text for m in out.entities[other.key].mentions) \
                        and before.dep_ != "nmod":  # not "la mission de l'ONU (Minusma)": the bracket names the mission
                    out.merge(other.key, mention.key, names=False)  # "les Forces de défense de l'Ambazonie (ADF)":
                    # not the gazetteer's other ADF, which the text never names otherwise

    # -- nominals -----------------------------------------------------------------------
    def _state_of(self, token, out: Resolution) -> str | None:
        """The state a nominal belongs to: a demonym adjective or a `de <State>` complement."""
        for child in token.children:
            adjective = child.dep_ == "amod" or (  # "le gouvernement afghan", "afghan" read as a bare noun modifier
                child.dep_ == "nmod" and child.i == token.i + 1 and child.text.islower() and not case_of(child))
            if adjective and strip_accents(child.lower_) in self.demonyms:
                return None if _compound_end(child) else self.demonyms[strip_accents(child.lower_)]
            if child.dep_ == "nmod":
                mention = out.mention_at(child.i)
                if mention and out.entities[mention.key].type == "State":
                    return mention.key
                if child.dep_ == "nmod" and child.lower_ in ("sécurité", "défense"):
                    nested = self._state_of(child, out)
                    if nested:
                        return nested
        return None

    def _sentence_state(self, token, out: Resolution) -> str | None:
        """"Irak : l'armée lance…", "En Irak, l'armée…": a definite force noun belongs to the state just named in its
        sentence, as a heading or in its own clause; a state named only in another clause ("des positions dans le nord
        de l'Irak, a indiqué l'armée") leaves it to the state most mentioned before the sentence, if any."""
        if not any(c.dep_ == "det" and c.lower_.replace("’", "'") in ("l'", "la", "le", "les") for c in token.children):
            return None
        states = [m for m in out.mentions
                  if token.sent.start <= m.start < token.i and out.entities[m.key].type == "State"]
        if not states:
            return None
        clause = clause_head(token)
        for mention in states:
            head = clause_head(token.doc[mention.start:mention.end].root)
            if head == clause or (head.dep_ == "ROOT" and head.pos_ not in ("VERB", "AUX")):
                return mention.key
        before = self.salient(token.doc[token.sent.start], out, ["State"])
        return before.key if before else states[-1].key

    def _force(self, doc, token, out: Resolution) -> bool:
        kind = self.force_kind(token)
        if kind is None:
            return False
        adjectives = {c.lower_ for c in token.children if c.dep_ == "amod"}
        qualified = bool(adjectives - self.state_force_adjectives)
        # "les forces turquo-rebelles": not the state named before, but "En Irak, l'armée gouvernementale" is its army
        state = self._state_of(token, out) or (None if qualified else self._sentence_state(token, out))
        if state is None and adjectives & self.state_force_adjectives:
            state = getattr(self.salient(token, out, ["State"]), "key", None)  # "les forces gouvernementales": the state in focus
        if state is None:
            return False
        self._add_force(doc, token, out, state, kind)
        return True

    def _coordinated_forces(self, doc, out: Resolution) -> None:
        """"les forces américaines et britanniques": the second demonym, coordinated with the first, names its state's
        force of the same kind, a mention of its own."""
        for other in tokens_with(doc, "DEP", ["conj"]):
            first, noun = other.head, other.head.head
            if first.dep_ != "amod" or other.pos_ != "ADJ" or out.mention_at(other.i) is not None:
                continue
            kind, mention = self.force_kind(noun), out.mention_at(noun.i)
            state = self.demonyms.get(strip_accents(other.lower_))
            if kind and state and mention and out.entities[mention.key].type == "MilitaryForce" \
                    and self.actor_state(mention.key) != state:
                self._add_force(doc, other, out, state, kind)

    def _add_force(self, doc, token, out: Resolution, state: str, kind: str) -> None:
        """Resolve a force noun to the force of that kind of a state (the gazetteer's, else a node of its own)."""
        actor = self.actors.get(state, {})
        key = actor.get(kind) or f"{state}_{kind}"
        label = self.actors[key]["label"] if key in self.actors else self.lex["force_labels"][kind].format(
            state=actor.get("label", state))
        end = max([token.i + 1] + [c.i + 1 for c in token.rights if c.dep_ == "amod"])
        gaz = self.actors.get(key)
        out.add(doc, Mention(key, token.i, end, "force"), "MilitaryForce", label, gaz)

    def _focus_force(self, doc, token, out: Resolution) -> bool:
        """"l'armée", "la police" alone that take up no force named before: the gazetteer's force of that kind of the state
        most mentioned so far (in a Nigerian story, the Nigerian army)."""
        kind = self.force_kind(token)
        if kind is None or token.pos_ != "NOUN" or token.lower_ in self.member_nouns \
                or not has_determiner(token, self.definite) or any(c.dep_ == "nmod" for c in token.children) \
                or {c.lower_ for c in token.children if c.dep_ == "amod"} - self.state_force_adjectives:
            return False  # not "les forces de sécurité", "les soldats de la 5e brigade", "les forces de la Minusma"
        state = self.salient(token, out, ["State"])
        if state is None or state.type != "State" or not self.actors[state.key].get(kind):
            return False  # only a force the gazetteer knows
        self._add_force(doc, token, out, state.key, kind)
        return True

    def _numbered_unit(self, doc, token, out: Resolution) -> bool:
        """"la 5e brigade", "la 11e division d'infanterie": a unit its number names, a force of its own (of an armed group
        when it is one's: "la 9e brigade de la KIA"); one node per number and noun in the document, which no anaphor
        ("l'armée", "le groupe") takes up."""
        ordinal = next((c for c in token.lefts if c.dep_ in ("amod", "nummod") and _ordinal(c)), None)
        if ordinal is None or lemma(token) not in self.unit_nouns or not has_determiner(token, self.definite):
            return False
        end = chunk(token)[1]
        owners = [m for c in token.children if c.dep_ == "nmod" for m in [out.mention_at(c.i)] if m]
        armed_group = any(out.entities[m.key].type == "ArmedGroup" for m in owners)
        key = f"{out.document.name}/{slug(ordinal.lower_ + ' ' + lemma(token))}"
        label = out.document.text[doc[ordinal.i].idx:doc[end - 1].idx + len(doc[end - 1])]
        out.add(doc, Mention(key, ordinal.i, token.i + 1, "unit"), "ArmedGroup" if armed_group else "MilitaryForce", label)
        return True

    def _led_force(self, doc, token, out: Resolution) -> bool:
        """"les forces du maréchal Khalifa Haftar", "la milice de X": the gazetteer's armed group or force that the
        named person leads."""
        if token.pos_ != "NOUN" or not (self.force_kind(token) or self.group_word(token)):
            return False
        owners = [c for c in token.children if c.dep_ == "nmod" and case_of(c) in self.of_cases - {""}]
        leaders = {m.key for c in owners for m in [out.mention_at(c.i)] if m and out.entities[m.key].type == "Person"}
        leaders |= {k for c in owners if c.lower_ in self.titles for k in [self.named_with(c, out)] if k}  # "du maréchal X"
        led = [key for leader in leaders for key in self.led_by.get(leader, [])]
        if not led:
            return False
        actor = self.actors[led[0]]
        out.add(doc, Mention(actor["id"], token.i, token.i + 1, "anaphor"), actor["type"], actor["label"], actor)
        return True

    def group_word(self, token) -> bool:
        """Whether a noun names fighters or an armed group without naming it ("les djihadistes", "le groupe")."""
        return token.lower_ in self.member_nouns or lemma(token) in self.group_nouns

    def force_kind(self, token) -> str | None:
        """The kind of force a noun names ("l'armée": armed_forces, "les policiers", "les forces de l'ordre": police)."""
        kind = self.lex["force_nouns"].get(token.lower_)
        if kind is None:
            return None
        return next((self.lex["force_complements"][c.lemma_.lower()] for c in token.children
                     if c.dep_ == "nmod" and c.lemma_.lower() in self.lex["force_complements"]), kind)

    def _anaphor(self, doc, token, out: Resolution) -> bool:
        types = self.lex["anaphor_nouns"].get(token.lower_)
        if not types or token.pos_ not in ("NOUN", "PROPN"):
            return False
        dets = [c for c in token.children if c.dep_ == "det"]
        fused = [c for c in token.children if c.dep_ == "case" and c.lower_ in self.contracted]  # "du pays"
        if not (fused if not dets else dets[0].lower_.replace("’", "'") in self.anaphor_determiners):
            return False
        after = next((t for t in doc[token.i + 1: token.i + 4] if t.pos_ != "ADJ"), None)  # "du réseau terroriste Al-Qaïda"
        named = [c for c in token.children if c.dep_ in NAME_DEPS] + ([after] if after is not None else [])
        if any(m and out.entities[m.key].type in types for c in named for m in [out.mention_at(c.i)]):
            return False  # "le groupe Al-Shabbaab": a name follows, not an anaphor (a person's is misattached: "du pays, X")
        if any(c.dep_ == "nmod" and case_of(c) in self.of_cases - {""} and m and out.entities[m.key].type in ACTOR_TYPES
               for c in token.children for m in [out.mention_at(c.i)]):
            return False  # "la police de l'EI", "l'armée de Haftar": another actor's, not the one in focus
        if token.lower_ in self.member_nouns and any(c.dep_ == "acl" for c in token.children):
            return False  # "les rebelles soutenus par la Turquie": fighters described anew, not the group in focus
        if dets and dets[0].lower_ in self.demonstratives and token.lower_ in self.demonstrative_types:
            kinds = set(types) | self.demonstrative_types[token.lower_]  # "Cette coalition": the latest such actor
            earlier = [m for m in out.mentions if m.start < token.i and out.entities[m.key].type in kinds]
            entity = out.entities[max(earlier, key=lambda m: m.start).key] if earlier else None
        else:
            entity = self.salient(token, out, types)
        if entity is None:
            return False
        out.add(doc, Mention(entity.key, token.i, token.i + 1, "anaphor"), entity.type, entity.label)
        return True

    def salient(self, token, out: Resolution, types: list[str]) -> Entity | None:
        """"le groupe", "l'organisation": the most mentioned earlier actor of the first type that has one
        (a named subject, or a name heading its sentence, counts twice; recency breaks ties)."""
        earlier = [m for m in _earlier_of_first_type(token, out, types) if not self._unlike(token, m.key)]
        weight = {m.key: 0 for m in earlier}
        for m in earlier:
            weight[m.key] += 1 + (m.kind != "anaphor" and token.doc[m.start:m.end].root.dep_ in ("nsubj", "ROOT"))
        last = {m.key: m.start for m in earlier}
        return out.entities[max(weight, key=lambda k: (weight[k], last[k]))] if earlier else None

    def _unlike(self, token, key: str) -> bool:
        """Whether a noun cannot take up an actor: "les rebelles" are no jihadist group (the Islamic State, al-Qaida,
        a branch or affiliate of theirs), "l'armée" is no police force (nor "la police" an army)."""
        kind, other = self.force_kind(token), self._kind_of(key)
        if kind and other and kind != other:
            return True
        if token.lower_ not in self.non_jihadist:
            return False
        actor = self.actors.get(key, {})
        return key in self.jihadist_roots or not self.jihadist_roots.isdisjoint(
            actor.get("partOf", []) + actor.get("affiliatedWith", []))

    def _kind_of(self, key: str) -> str | None:
        """The kind of a state's force ("pakistan_police": police; a document's "…/armed-forces" node), if known."""
        return self.force_kinds.get(key) or next((k for k, ends in self.kind_endings.items() if key.endswith(ends)), None)

    def _antecedent(self, token, out: Resolution, types: list[str], plural: bool = False) -> Entity | None:
        """Most recent earlier mention of the first type (in preference order) that has one."""
        earlier = [m for m in _earlier_of_first_type(token, out, types) if not (plural and _one_person(m, out))]
        return out.entities[max(earlier, key=lambda m: m.start).key] if earlier else None

    def _pronoun(self, doc, token, out: Resolution) -> bool:
        """A subject pronoun ("il s'est attaqué à…") refers to the latest compatible actor; a plural one
        ("ils ont bombardé") never to one named person."""
        types = self.lex["subject_pronouns"].get(token.lower_)
        if not types or token.dep_ not in ("nsubj", "nsubj:pass") or token.pos_ != "PRON" or self._impersonal(token):
            return False
        speech = token.head.head if token.head.dep_ == "ccomp" else None
        if speech is not None and speech.lemma_.lower() in self.lex["speech_verbs"] and any(
                c.dep_ == "nsubj" and c.pos_ == "NOUN" and out.mention_at(c.i) is None for c in speech.children):
            return False  # "La police précise qu'elle a abattu…": the speaker, whom the events read, not an earlier actor
        plural = "Plur" in token.morph.get("Number")
        entity = self._previous_subject(token, out, types, plural) or self._antecedent(token, out, types, plural)
        if entity is None:
            return False
        out.add(doc, Mention(entity.key, token.i, token.i + 1, "anaphor"), entity.type, entity.label)
        return True

    def _impersonal(self, pronoun) -> bool:
        """Whether a subject pronoun stands for no one ("Il s'agit d'un homme…", "il y a", "il faut")."""
        verb = pronoun.head
        return lemma(verb) in self.lex["impersonal_verbs"] or (
            lemma(verb) == "avoir" and any(c.lower_ == "y" for c in verb.children))

    @staticmethod
    def _previous_subject(token, out: Resolution, types: list[str], plural: bool = False) -> Entity | None:
        """The subject of the pronoun's own sentence before it, else of the sentence before (or the one before that when
        it has none: "L'assaillant a été tué. Il s'agit d'un homme… Il a volé une voiture"), if of a compatible type:
        "Le président a condamné l'attaque. Il a promis…" is the president, not a group named earlier."""
        sent = token.sent
        previous = token.doc[sent.start - 1].sent if sent.start > 0 else None
        before = token.doc[previous.start - 1].sent if previous is not None and previous.start > 0 else None
        for span in (sent, previous, before):
            if span is None:
                continue
            if span is before and any(_acting_dep(t).startswith("nsubj") and t.pos_ in ("NOUN", "PROPN") for t in previous):
                break  # the sentence before had a subject of its own (of another type): the antecedent is not further back
            subjects = [m for m in out.mentions if span.start <= m.start < min(span.end, token.i)
                        and _acting_dep(token.doc[m.start:m.end].root) in ("nsubj", "nsubj:pass")
                        and out.entities[m.key].type in types and not (plural and _one_person(m, out))]
            if subjects:
                return out.entities[subjects[-1].key]
        return None

    def _latest(self, doc, token, out: Resolution) -> bool:
        """"ce dernier", "cette dernière", "celui-ci": the latest actor named before it."""
        latest = self.lex["latest_anaphors"]
        if token.lower_ not in latest["words"] and not token.lower_.startswith(self.latest_starts):
            return False
        pronoun = "".join(t.lower_ for t in doc[token.i:token.i + 3]) in latest["pronouns"]  # "Celui | - | ci"
        if not pronoun and (token.lower_ not in latest["words"] or not any(
                c.dep_ == "det" and c.lower_ in latest["determiners"] for c in token.children)):
            return False
        earlier = [m for m in out.mentions if m.start < token.i and out.entities[m.key].type in ACTOR_TYPES
                   and not any(m.start <= a.i < m.end for a in token.ancestors)]  # "L'ANL, commandée par ce dernier": not
        if not earlier:  # the ANL itself
            return False
        entity = out.entities[max(earlier, key=lambda m: m.start).key]
        out.add(doc, Mention(entity.key, token.i, token.i + 1, "anaphor"), entity.type, entity.label)
        return True

    def _perpetrator(self, doc, token, out: Resolution) -> bool:
        """"le tireur", "l'auteur de la tuerie", "le kamikaze", "des hommes armés": one perpetrator node whatever
        the text calls him (plural: "les assaillants", "les tireurs"); not "les terroristes de l'EI", who are the group's."""
        if token.pos_ != "NOUN":
            return False
        word = token.lemma_.lower()
        armed = self.lex["armed_people"]
        kind = PERPETRATOR_KINDS[token.morph.get("Number") == ["Plur"]]
        if word in armed["nouns"] and has_determiner(token, self.anaphor_determiners):
            known = out.entities.get(f"{out.document.name}/{kind}")  # "L'homme a été abattu" after "un homme armé"
            if known is not None and word in known.label.lower():
                out.add(doc, Mention(known.key, token.i, token.i + 1, "anaphor"), known.type, known.label)
                return True
        rammed = word in self.drivers and any(  # "Un camion a foncé sur la foule … Le chauffeur"
            lemma(t) in self.ramming for t in doc[:token.i])
        if not rammed and (not phrases_at(token, self.perpetrator_words) and not (word in self.authors and any(
                c.dep_ == "nmod" and c.lemma_.lower() in self.lex["attack_nouns"] for c in token.children)) and not (
                word in armed["nouns"] and (any(c.dep_ in ("amod", "acl") and c.lower_ in armed["modifiers"] for c in token.children)
                                            or any(self._attacking(verb) or lemma(verb) in self.ramming
                                                   for verb in self._predicates(token))))):  # "Un homme … a foncé sur"
            return False
        if any(c.dep_ == "nmod" and (m := out.mention_at(t.i)) and out.entities[m.key].type not in LOCATION_TYPES
               for c in token.children for t in c.subtree):
            return False  # "les terroristes de l'EI" are the group's; "le kamikaze de l'aéroport de Zaventem" is one
        self.nominal(doc, token, out, "Person", kind)
        return True

    @staticmethod
    def _predicates(token) -> list:
        """The verbs a noun is the subject of: its own, the verbs coordinated with it that have no subject of their
        own ("Deux individus ont fait irruption … et ont égorgé le prêtre") and its relative clauses' ("des
        individus, qui ont tué six humanitaires")."""
        verbs = [token.head] if token.dep_ == "nsubj" else []
        verbs += [c for verb in verbs for c in verb.children if c.dep_ == "conj" and not has_subject(c)]
        return verbs + [c for c in token.children if c.dep_ == "acl:relcl" and any(
            s.dep_ == "nsubj" and s.morph.get("PronType") == ["Rel"] for s in c.children)]

    def _attacking(self, verb) -> bool:
        """Whether a verb is an unambiguous attack ("ont ouvert le feu", "ont abattu"), its subject a perpetrator."""
        return verb.pos_ == "VERB" and bool(phrases_at(verb, self.strong_attack_verbs))

    def _led_alliance(self, doc, token, out: Resolution) -> bool:
        """"la coalition (aérienne) menée par les États-Unis": the gazetteer's coalition of that word led by the
        named actor (the first listed if several)."""
        if token.pos_ != "NOUN" or "Coalition" not in self.lex["anaphor_nouns"].get(token.lemma_.lower(), []):
            return False
        leaders = [m.key for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in self.leadership
                   for a in c.children if a.dep_ == "obl:agent" for m in [out.mention_at(a.i)] if m]
        word = token.lemma_.lower()
        led = [a for a in self.res.gazetteer if a["type"] == "Coalition" and set(a.get("ledBy", [])) & set(leaders)
               and any(word in alias.lower().split() for alias in a.get("aliases", []))]
        if not led:
            return False
        out.add(doc, Mention(led[0]["id"], token.i, token.i + 1, "anaphor"), "Coalition", led[0]["label"], led[0])
        return True

    def _capital(self, doc, token, out: Resolution) -> bool:
        """"la capitale irakienne": the capital (first metonym) of the state its adjective names."""
        if token.lower_ not in self.lex["capital_nouns"] or token.pos_ != "NOUN":
            return False
        state = self.actors.get(self._state_of(token, out) or "", {})
        capital = self.actors.get(self.known(state["metonyms"][0]) or "", {}) if state.get("metonyms") else {}
        if capital.get("type") != "Place":
            return False
        end = max([token.i + 1] + [c.i + 1 for c in token.rights if c.dep_ == "amod"])
        out.add(doc, Mention(capital["id"], token.i, end, "force"), "Place", capital["label"], capital)
        return True

    def _state_nominal(self, doc, token, out: Resolution) -> bool:
        """"le gouvernement somalien", "le régime syrien": the state itself."""
        if token.lower_ not in self.lex["state_nouns"] or token.pos_ != "NOUN":
            return False
        state = self._state_of(token, out) or self._state_in_focus(token, out)
        if state is None or self.actors.get(state, {}).get("type") != "State":
            return False
        actor = self.actors[state]
        out.add(doc, Mention(state, token.i, token.i + 1, "force"), "State", actor["label"], actor)
        return True

    def _state_in_focus(self, token, out: Resolution) -> str | None:
        """"Le gouvernement", "les autorités", "le régime" alone: the state most mentioned before, else the country of
        the latest place named before ("à Mogadiscio … Le gouvernement a désigné les shebab")."""
        if token.lower_ not in self.state_anaphors or not has_determiner(token, self.anaphor_determiners) \
                or any(c.dep_ in ("nmod", "amod", "appos", "flat:name") for c in token.children):
            return None
        state = self.salient(token, out, ["State"])
        if state is not None:
            return state.key
        places = [m.key for m in out.mentions if m.start < token.i and self.actors.get(m.key, {}).get("country")]
        return self.actors[places[-1]]["country"] if places else None

    def nominal(self, doc, token, out: Resolution, type_: str, kind: str | None = None) -> Entity:
        """An unnamed participant or facility ("un kamikaze", "la gare de X"), scoped to the document;
        nominals of one `kind` ("la police", "les policiers") are one entity."""
        mention = out.mention_at(token.i)
        if mention is not None:
            return out.entities[mention.key]
        holder = (self.named_with(token, out) or self._title_holder(doc, token, out)) if type_ == "Person" else None
        if holder is not None:  # "le président turc" after (or with) "le président turc Recep Tayyip Erdogan"
            return out.add(doc, Mention(holder, token.i, token.i + 1, "anaphor"), type_, out.entities[holder].label)
        group = self._counted_group(token, out) if type_ == "Person" else None
        if group is not None:  # "les quatre personnes" after "Quatre soldats ont été tués"
            return out.add(doc, Mention(group.key, token.i, token.i + 1, "anaphor"), group.type, group.label)
        names = [c.text for c in token.children  # "la base du K1" (a name the tagger may call a noun), not "à Londres"
                 if c.dep_ in ("nmod", "flat:name", "appos") and case_of(c) in self.of_cases
                 and (c.pos_ == "PROPN" or c.ent_type_ and c.text[:1].isupper())]
        members = [c for c in token.children if c.dep_ == "amod" and c.lower_ in self.member_nouns]
        head = slug(members[0].lemma_ if members and token.lemma_.lower() in self.group_nouns else token.lemma_)  # "groupes rebelles"
        for entity in out.entities.values():  # "un hôtel du centre" after "l'hôtel Dayah", "le marché" after "le marché de X"
            if not entity.from_gazetteer and (out.slugs[entity.key].split("-")[0] == head or (
                    type_ == entity.type == "Facility" and is_nominal(entity.key) and not names
                    and entity.key.rsplit("/", 1)[-1].split("-")[0] == head)):
                return out.add(doc, Mention(entity.key, token.i, token.i + 1, "anaphor"), entity.type, entity.label)
        start, end = chunk(token)
        if start < token.i and "Yes" in doc[start].morph.get("Poss"):
            start += 1  # "ses gardes du corps" is labelled "gardes du corps": whose they are is the text's context
        key = f"{out.document.name}/{slug(kind or ' '.join([head] + names))}"  # document-scoped
        label = out.document.text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
        return out.add(doc, Mention(key, start, end, "nominal"), type_, label)

    def _counted_group(self, token, out: Resolution) -> Entity | None:
        """The unnamed group of that number a definite generic noun takes up ("les quatre personnes" after "Quatre
        soldats"): the latest earlier one whose label starts with the same number word."""
        number = next((c.lower_ for c in token.children if c.dep_ == "nummod"), None)
        if number is None or token.lemma_.lower() not in self.generic_people or not has_determiner(token, self.definite):
            return None
        earlier = [out.entities[m.key] for m in out.mentions if m.start < token.i and is_nominal(m.key)
                   and out.entities[m.key].type in ("Person", "MilitaryForce")
                   and out.entities[m.key].label.lower().split()[:1] == [number]]
        return earlier[-1] if earlier else None

    @staticmethod
    def name_after(title, out: Resolution) -> str | None:
        """The person named right after a title word and its adjectives ("le soldat français Jean Dupont"), if any."""
        end = max([title.i] + [c.i for c in title.children if c.dep_ == "amod" and c.i > title.i]) + 1
        mention = out.mention_at(end) if end < len(title.doc) else None
        return mention.key if mention and mention.start == end and mention.kind == "name" \
            and out.entities[mention.key].type == "Person" else None

    def named_with(self, title, out: Resolution) -> str | None:
        """The person named right with a title, in apposition or as its name ("le président turc Recep Tayyip
        Erdogan"), if any."""
        return next((m.key for c in title.children if (c.dep_ in ("appos", "flat:name", "nmod") or (
                         c.dep_ == "amod" and c.pos_ == "PROPN")) and not case_of(c)  # "ministre | Binali" read as amod
                     for m in [out.mention_at(c.i)] if m and out.entities[m.key].type == "Person"), None)

    def _title_holder(self, doc, title, out: Resolution) -> str | None:
        """The person an earlier mention named with the same title and the same modifiers ("le président turc
        Recep Tayyip Erdogan … le président turc"), if the title is one."""
        word = lemma(title)
        if word not in self.titles:
            return None

        def modifiers(token) -> set[str]:
            return {c.lower_ for c in token.children if c.dep_ in ("amod", "nmod") and c.ent_type_ != "PER"
                    and (c.dep_ == "amod" or case_of(c))}

        wanted = modifiers(title)
        earlier = (t for t in reversed(doc[:title.i]) if lemma(t) == word and wanted <= modifiers(t))
        return next((holder for t in earlier for holder in [self.named_with(t, out)] if holder), None)


ACTING_DEPS = {"nsubj", "nsubj:pass", "obl:agent"}
NOMINAL_TAGS = ("NOUN", "PROPN", "PRON", "ADJ")  # what the anaphor, force and nominal rules can resolve


def _nominal_indices(doc) -> list[int]:
    """Indices of the tokens tagged NOMINAL_TAGS (read from the tag array: faster than iterating the Doc)."""
    from spacy.symbols import IDS

    wanted = [IDS[tag] for tag in NOMINAL_TAGS]
    return [i for i, pos in enumerate(doc.to_array("POS").tolist()) if pos in wanted]


def _credit(doc, ent) -> bool:
    """Whether a name is a dateline's agency credit: in parentheses before a dash ("(AFP) –", "(Reuters) —")."""
    return 0 < ent.start and ent.end + 1 < len(doc) and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")" \
        and doc[ent.end + 1].text in DASHES


def _acting_dep(token) -> str:
    """The dependency of a name's phrase: "le président X" is a subject when "président" is."""
    while token.dep_ in ("flat:name", "appos", "nmod") and not case_of(token) and token.head != token:
        token = token.head
    return token.dep_


def _same_name(a: str, b: str) -> bool:
    """Whether two name slugs are one name, or one is the plural of the other ("nuer", "nuers")."""
    return a == b or a == b + "s" or b == a + "s"


def _earlier_of_first_type(token, out: Resolution, types: list[str]) -> list[Mention]:
    """Mentions before a token of the first type, in preference order, that has any."""
    for type_ in types:
        earlier = [m for m in out.mentions if m.start < token.i and out.entities[m.key].type == type_ and m.kind != "unit"]
        if earlier:
            return earlier
    return []


def _one_person(mention: Mention, out: Resolution) -> bool:
    """Whether a mention names one person (a plural pronoun cannot stand for it)."""
    return mention.kind == "name" and out.entities[mention.key].type == "Person"


def is_nominal(key: str) -> bool:
    """Whether an entity key is a document-scoped nominal ("un kamikaze", "des fidèles": 'DOC/slug')."""
    return "/" in key


def named_key(type_: str, name: str) -> str:
    """Stable key of an actor or location not in the gazetteer; the type is part of it (one type per IRI)."""
    return f"{type_.lower()}-{slug(name)}"


def fuzzy_key(name: str) -> str:
    """Spelling-tolerant key of a name: accents, case, punctuation and doubled letters ignored."""
    letters = re.sub(r"[^a-z0-9]", "", strip_accents(name).lower())
    return re.sub(r"(.)\1+", r"\1", letters)


CHUNK_RIGHT = {"amod", "nummod", "flat:name", "fixed"}
CLAUSE_DEPS = {"acl", "acl:relcl", "appos", "conj", "cc", "parataxis", "punct"}  # what a phrase's label leaves out


def chunk(token) -> tuple[int, int]:
    """Token range of a compact noun phrase: determiners, adjectives and `de`-complements, no clauses."""
    start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "amod", "nummod")])
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in CHUNK_RIGHT and child.i == end:
            end = child.i + 1
        elif child.dep_ == "nmod" and any(c.lower_ in ("de", "du", "d'", "d’") for c in child.children if c.dep_ == "case"):
            last = _phrase_end(child)
            if child.left_edge.i <= end + 2 and last - token.i < 8:
                end = last + 1
            break
        else:
            break
    while end - 1 > token.i and token.doc[end - 1].is_punct:
        end -= 1  # "forces du maréchal X," whose comma the parser hangs on X
    return start, end


def _ordinal(token) -> bool:
    """Whether a word is an ordinal number ("5e", "11ème", "première")."""
    return "Ord" in token.morph.get("NumType") or re.fullmatch(r"\d+(e|ème|er|re)", token.lower_) is not None


def _phrase_end(token) -> int:
    """Index of the last word of a token's phrase, leaving out the clauses and appositions hung on it."""
    return max([token.i] + [_phrase_end(c) for c in token.children if c.dep_ not in CLAUSE_DEPS])


def _compound_end(token) -> bool:
    """Whether a word ends a hyphenated compound of demonyms ("turquo-syriennes", "irako-syrienne"): two states, not one."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ \
        and doc[token.i - 2].lower_.endswith("o")

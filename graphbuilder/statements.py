"""Statement frames: claims of responsibility and accusations (blame), attached to the attacks they are about."""
from __future__ import annotations

from .frames import ACTOR_TYPES, AGGRESSOR_TYPES, sentence_span
from .model import Event, Relation, Span
from .resolve import Resolution
from .syntax import case_of, demonstrative, has_subject, in_order, is_passive, lemma, negated, subjects


class StatementFrames:
    """Claim and blame extraction, mixed into EventExtractor (it reads the extractor's lexicon and helpers)."""

    def _about(self, token, sent, events: list[Event], claimants: tuple[str, ...] = ()) -> int | None:
        """The event a claim or accusation is about: the latest event, a series for generic plurals; never one that
        struck the claimants ("les Houthis ont revendiqué l'attaque" in a story of strikes on the Houthis)."""
        if not events:
            return None
        if token is not None and token.morph.get("Number") == ["Plur"] and any(e.series for e in events):
            return max(i for i, e in enumerate(events) if e.series)
        attacks = [i for i, e in enumerate(events) if e.type != "Threat" and not e.series
                   and not set(claimants) & set(e.roles.get("target", []) + e.roles.get("victims", []))]
        if not attacks:
            return None
        return attacks[-1] if token is not None and demonstrative(token) else attacks[0]  # "a revendiqué l'attentat": the
        # article's main incident; "cet attentat": the one just told

    @staticmethod
    def _phrase(word: str, token, sent, phrases: list[list[str]], own_clause: bool = False) -> bool:
        """Whether a verb (read as `word`) starts one of `phrases`: the verb, then words following it in order within
        eight words ("tient pour responsable"); with `own_clause`, no 'que' clause or other subject comes before the
        phrase's last word ("a confirmé être à l'origine", not "a confirmé que l'EI est à l'origine")."""
        phrases = [p for p in phrases if p[0] == word]
        if not phrases:
            return False
        following = list(sent[token.i - sent.start + 1: token.i - sent.start + 9])
        words = [lemma(t) for t in following]
        return any(in_order(p[1:], words) and not (own_clause and any(
            t.dep_ == "mark" or t.dep_.startswith("nsubj") for t in following[:words.index(p[-1])])) for p in phrases)

    def _claims(self, sent, resolution: Resolution, events: list[Event]) -> list[Relation]:
        relations = []
        for token in resolution.tokens(sent):
            if token.pos_ not in ("VERB", "ADJ"):
                continue
            said = [c for c in token.children if c.pos_ == "VERB" and self._is_trigger(c) and self._says_it_did(c)
                    and not negated(c, self.negation)]  # "La KIA a affirmé avoir attaqué un camp": it claims the attack
            if (self._verb_lemma(token) not in self.lex["claim_verbs"] and not said and not self._phrase(
                    lemma(token), token, sent, self.lex["claim_phrases"]["phrases"], own_clause=True)) \
                    or negated(token, self.negation):
                continue
            passive = is_passive(token)
            claimants, objects = [], list(said)
            for child in token.children:
                if (child.dep_ == "nsubj" and not passive) or child.dep_ == "obl:agent":
                    claimants += [k for k in self._speakers(child, resolution) if resolution.entities[k].type in ACTOR_TYPES]
                elif child.dep_ in ("obj", "nsubj:pass") or (child.dep_ in ("obl", "obl:mod") and self._is_trigger(child)):
                    objects.append(child)  # "avait revendiqué cet attentat", the attack read as an oblique
            if not claimants and not passive and token.dep_ == "acl":  # "le groupe revendiquant l'attaque"
                claimants = [k for k, _ in self._fillers(token.head, resolution)
                             if resolution.entities[k].type in ACTOR_TYPES]
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if not claimants and not passive and subject is None:
                claimants = [k for k in [self._nearest_actor(token, resolution, AGGRESSOR_TYPES)] if k]
            elif not claimants and not passive and self.resolver.group_word(subject):  # "Le groupe, basé au Pakistan,
                claimants = [self.resolver.nominal(sent.doc, subject, resolution, "ArmedGroup").key]  # a revendiqué…"
            index = self._about(objects[0] if objects else None, sent, events, tuple(claimants))
            if said and self._verb_lemma(token) not in self.lex["claim_verbs"]:  # a state or its forces announcing
                claimants = [k for k in claimants if resolution.entities[k].type == "ArmedGroup"]  # strikes claim nothing
            if not claimants or index is None:
                continue
            event = events[index]
            span = sentence_span(sent, resolution)
            event.evidence.append(span)
            roles = event.roles.setdefault("claimed_by", [])
            roles += [k for k in claimants if k not in roles]
            sites = [k for k in event.roles.get("place", []) if resolution.entities[k].type != "State"]
            objects_of = event.roles.get("target") or sites or event.roles.get("victims") or []
            objects_of = [o for o in objects_of if o not in claimants]
            relations += [Relation(c, "claimedResponsibility", o, [span]) for c in claimants for o in objects_of[:1]]
        return relations

    def _blame(self, sent, resolution: Resolution, events: list[Event]) -> list[Relation]:
        relations = []
        phrases = self.lex["blame_phrases"]
        for token in resolution.tokens(sent):
            if token.pos_ not in ("VERB", "ADJ"):
                continue
            word = self._verb_lemma(token)  # "frappes attribuées au régime"
            condemning = word in self.condemning and self._authored(token, resolution)  # "a dénoncé un acte du régime"
            pointing = word in self.lex["pointing"]["verbs"] and any(  # "les indices pointent Daech"
                c.dep_ == "nsubj" and c.lower_ in self.lex["pointing"]["subjects"] for c in token.children)
            if (word not in self.blame_heads and not condemning and not pointing) or (
                    token.pos_ == "ADJ" and word not in self.lex["blame_verbs"]) or negated(token, self.negation):
                continue
            if token.morph.get("VerbForm") == ["Inf"] and lemma(token.head) in self.lex["intention_verbs"]:
                continue  # "chercher à imputer l'attentat à l'EI": an intention, not an accusation
            if word not in self.lex["blame_verbs"] and not condemning and not pointing and not self._phrase(word, token, sent, phrases):
                continue  # "tient pour responsable", "a désigné les talibans comme responsables"
            passive = is_passive(token)
            accusers, accused = [], []
            on = [g for c in token.children if c.dep_ == "obj" for g in c.children] if word not in self.lex["blame_verbs"] else []
            for child in [*token.children, *on]:  # "rejetant la faute sur les rebelles": the phrase's noun's complement
                if (child.dep_ == "nsubj" and not passive) or child.dep_ == "obl:agent":
                    accusers += self._speakers(child, resolution)
                elif child.dep_ in ("obj", "nsubj:pass", "iobj") or (child.dep_ == "xcomp" and child.pos_ in ("PROPN", "NOUN")) or (
                        child.dep_ in ("obl:arg", "obl", "obl:mod") and case_of(child) in self.lex["dative_preps"]) or (
                        child.dep_ in ("obl:arg", "obl", "obl:mod", "nmod") and case_of(child) in self.blame_on) or (
                        pointing and child.dep_.startswith("obl") and case_of(child) in self.lex["pointing"]["preps"]) or (
                        child in on and child.dep_ == "nmod" and not case_of(child)):  # "a pointé du doigt l'Iran"
                    accused += self._accused(child, resolution)
            if passive and not accused and token.dep_ in ("acl", "advcl", "amod"):
                accused += self._accused(token.head, resolution)
            if passive and not accusers:  # "imputé au Hezbollah par Israël" with "par" attached lower
                accusers += [k for t in token.subtree if case_of(t) in self.lex["agent_preps"]
                             for k, _ in self._fillers(t, resolution)]
            if not passive and not accusers:  # "Moscou a nié … et accusé Kiev": the first verb's subject
                accusers += [k for c in subjects(token) for k in self._speakers(c, resolution)]
            if not accusers:  # "…, a annoncé le gouvernement", "selon la police": who reports the accusation
                accusers += self._reporters(token, sent, resolution)
            accusers = list(dict.fromkeys(k for k in accusers if resolution.entities[k].type in ACTOR_TYPES))
            accused = list(dict.fromkeys(k for k in accused if resolution.entities[k].type in ACTOR_TYPES and k not in accusers))
            if not accused:
                continue
            span = sentence_span(sent, resolution)
            index = self._about(None, sent, events)
            plural_attack = [t for t in sent if self._is_trigger(t) and t.morph.get("Number") == ["Plur"]]
            if plural_attack and any(e.series for e in events):
                index = max(i for i, e in enumerate(events) if e.series)
            if index is not None:
                _attach(events[index], {"attributed_to": accused, "attributed_by": accusers}, span)
            relations += [Relation(a, "blamed", b, [span]) for a in accusers for b in accused]
        return relations

    def _responsible(self, sent, resolution: Resolution, events: list[Event]) -> list[Relation]:
        """"X est responsable de l'attentat", "X est l'auteur de", "X est derrière l'attaque": who did it, said by the
        article (the attacker) or by someone it reports (an accusation: "Washington estime que X est derrière")."""
        relations = []
        for predicate in resolution.tokens(sent):
            if not any(c.dep_ == "cop" for c in predicate.children) or negated(predicate, self.negation):
                continue
            if lemma(predicate) in self.responsibility_words:
                acts = [c for c in predicate.children if c.dep_ in ("nmod", "obl:arg") and case_of(c) in self.of_preps
                        and self._is_trigger(c)]
            else:
                acts = [predicate] if case_of(predicate) in self.responsibility_preps and self._is_trigger(predicate) else []
            index = next((i for act in acts for i, e in enumerate(events)
                          if any(span.start <= act.idx < span.end for span in e.evidence)), None)
            if index is None:
                continue
            said = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubj:pass")] or subjects(predicate)  # "… et est
            doers = [k for c in said for k, _ in self._fillers(c, resolution)  # responsable de": the first verb's subject
                     if resolution.entities[k].type in AGGRESSOR_TYPES]  # (reading fillers makes unnamed nodes: only now)
            if not doers:
                continue
            span = sentence_span(sent, resolution)
            reporters = [k for k in self._reporters(predicate, sent, resolution) if k not in doers
                         and resolution.entities[k].type in ACTOR_TYPES]
            _attach(events[index], {"attributed_to": doers, "attributed_by": reporters} if reporters else {"attacker": doers}, span)
            relations += [Relation(a, "blamed", b, [span]) for a in reporters for b in doers]
        return relations

    def _reporters(self, token, sent, resolution: Resolution) -> list[str]:
        """Who reports what a clause says: the subject of a reporting verb above it or after it with its subject
        inverted ("…, a annoncé le gouvernement"), or "selon X" in the sentence."""
        for head in token.ancestors:
            if lemma(head) in self.lex["speech_verbs"]:
                speakers = [c for c in head.children if c.dep_ == "nsubj"] or [  # "…, a annoncé le gouvernement"
                    c for c in head.children if c.dep_ == "obj" and token.i < head.i < c.i]
                found = [k for c in speakers for k in self._speakers(c, resolution)]
                if found:
                    return found
        inverted = [c for v in sent if v.i > token.i and lemma(v) in self.lex["speech_verbs"]  # "…, a annoncé le
                    for c in v.children if c.i > v.i and (c.dep_ == "nsubj" or (  # gouvernement malien" parsed apart
                        c.dep_ == "obj" and not has_subject(v)))]
        found = [k for c in inverted for k in self._speakers(c, resolution)]
        return found or [k for t in sent if case_of(t) in self.lex["according_to"] for k, _ in self._fillers(t, resolution)]

    def _authored(self, verb, resolution: Resolution) -> bool:
        """Whether a verb's object is an act said to be someone's: an attack or act noun whose 'de' complement
        (or that complement's own) names an armed actor, a state or a person, not a place ("l'attaque de Kaboul")."""
        acts = [c for c in verb.children if c.dep_ == "obj" and (lemma(c) in self.condemned_acts or self._is_trigger(c))]
        owners = [g for c in acts for g in c.children if g.dep_ == "nmod" and case_of(g) in self.of_preps]
        return any(m and resolution.entities[m.key].type in AGGRESSOR_TYPES
                   for g in owners for t in [g, *g.children] for m in [resolution.mention_at(t.i)])

    def _accused(self, token, resolution: Resolution) -> list[str]:
        """Who is held responsible: the mention, or the first group named inside the noun phrase."""
        direct = [k for k, _ in self._fillers(token, resolution)]
        if direct:
            return direct
        agents = {t.i for c in token.subtree if c.dep_ == "obl:agent" for t in c.subtree}
        for t in token.subtree:
            mention = resolution.mention_at(t.i)
            if mention and t.i not in agents and resolution.entities[mention.key].type in AGGRESSOR_TYPES:
                return [mention.key]
        return []


def _attach(event: Event, roles: dict[str, list[str]], span: Span) -> None:
    """Add a statement's fillers to the event it is about (each once) and its sentence to the event's evidence."""
    for role, keys in roles.items():
        if not keys:
            continue  # "Le gouvernement afghan accuse…" with no state found: no empty role
        fillers = event.roles.setdefault(role, [])
        fillers += [k for k in keys if k not in fillers]
    if span not in event.evidence:
        event.evidence.append(span)

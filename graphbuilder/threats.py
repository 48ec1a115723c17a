"""Threat frames: vows of revenge, ultimatums and announced campaigns against someone."""
from __future__ import annotations

from .frames import AGGRESSOR_TYPES, Frame
from .model import Event
from .resolve import Resolution, is_nominal
from .syntax import case_of, conjuncts, described, has_subject, lemma, negated, past_clause, perfect_infinitive, subjects, unreal


class ThreatFrames:
    """Threat extraction, mixed into EventExtractor (it reads the extractor's lexicon and helpers)."""

    def _threat_frames(self, sent, resolution: Resolution, events: list[Event], vows: list) -> list[Frame]:
        """Threat frames: one per threatening verb (`vows`, computed once per sentence) not part of another, and
        threat predicates ("le groupe restera une cible de l'aviation russe")."""
        frames = []
        vowing = {v.i for v in vows}
        for token in resolution.tokens(sent):
            word = lemma(token)
            if token.i in vowing and not (token.dep_ in ("advcl", "conj", "xcomp") and token.head.i in vowing
                                          and not has_subject(token)):
                frame = Frame(type="Threat", triggers=[token])
                for child in subjects(token):  # also "Le Kremlin a accusé Kiev … et promis une réponse"
                    for key in self._speakers(child, resolution):
                        frame.add_role("attacker", key, child)
                nearest = None if frame.roles.get("attacker") else self._nearest_actor(
                    token, resolution, AGGRESSOR_TYPES - {"Person"})
                if nearest:
                    frame.add_role("attacker", nearest, token)
                conditions = [c for c in token.subtree if self._condition(c)]  # "si l'armée bombardait
                conditional = {t.i for c in conditions for t in c.subtree}  # le Liban": not the threatened
                threatened = [t for c in token.children if not c.dep_.startswith("nsubj") and not self._own_clause(c)
                              for t in c.subtree if t.i > token.i and t.i not in conditional
                              and not self._avenged_one(t)] + [  # not "venger le général iranien": whom it avenges
                    t for t in self._quoted(token) if t.i not in conditional]
                target = self._threat_target(threatened, frame, resolution)
                if target:
                    frame.add_role("target", *target)
                    for other in conjuncts(target[1]):  # "de frapper les soldats maliens ainsi que les troupes françaises"
                        mention = resolution.mention_at(other.i)
                        if mention and resolution.entities[mention.key].type == resolution.entities[target[0]].type \
                                and mention.key not in frame.roles.get("attacker", []):
                            frame.add_role("target", mention.key, other)
                elif any(self._retaliation_word(t) for t in threatened):
                    keys = [k for c in conditions for s in subjects(c) for k, _ in self._fillers(s, resolution)  # "a menacé
                            if k not in frame.roles.get("attacker", [])]  # de riposter si les États-Unis attaquaient"
                    for key in keys or self._avenged(events, frame.roles.get("attacker", [])):
                        frame.add_role("target", key, token)  # "Ankara a promis de riposter": to the attack's author
                if frame.roles.get("attacker"):
                    frames.append(frame)
            elif token.pos_ == "NOUN" and word in self.lex["threat_predicates"] and token.dep_ in ("ROOT", "xcomp", "obj", "ccomp") \
                    and not (token.dep_ == "obj" and lemma(token.head) in self.attack_verbs):  # "a frappé des cibles du Hamas"
                frame = Frame(type="Threat", triggers=[token])
                subject = [c for c in token.children if c.dep_ == "nsubj"] or [c for c in token.head.children if c.dep_ == "nsubj"]
                for child in subject:
                    for key, t in self._fillers(child, resolution):
                        frame.add_role("target", key, t)
                for child in token.children:
                    if child.dep_ == "nmod":
                        for key, t in self._fillers(child, resolution):
                            frame.add_role("attacker", key, t)
                if frame.roles.get("attacker") and frame.roles.get("target"):
                    frames.append(frame)
        return frames

    def _plot_frames(self, candidates: list, resolution: Resolution) -> list[Frame]:
        """A plotted attack is a threat ("un groupe … projetait de commettre un attentat sur le pont du Rialto",
        "l'arrestation d'un adolescent préparant des attaques à Paris", "un projet d'attentat déjoué"): its attacker is
        who plots it, its target and place the attack's (`candidates`: a sentence's attack words)."""
        frames = []
        for trigger in candidates:
            plan = self._plan(trigger) if trigger.pos_ == "NOUN" else None
            if plan is None or negated(trigger, self.negation) or negated(plan, self.negation):
                continue
            frame = Frame(type="Threat", triggers=[trigger])
            self._roles(trigger, frame, resolution)
            if plan.pos_ == "NOUN":  # "un projet d'attentat … dans les Alpes-Maritimes", the place hung on the plan
                self._roles(plan, frame, resolution)
            if not frame.roles.get("attacker"):
                for noun in (described(plan) if plan.pos_ == "VERB" else []):
                    for key, t in self._fillers(noun, resolution):
                        frame.add_role("attacker", key, t)
            for role in ("victims", "attributed_to", "attributed_by", "claimed_by"):
                frame.roles.pop(role, None)
            if frame.roles:
                frames.append(frame)
        return frames

    def _spoken_threats(self, candidates: list, resolution: Resolution) -> list[Frame]:
        """An attack announced is a threat: a future or conditional attack verb (among a sentence's attack words,
        `candidates`) in the first person, by who says it ("Il aurait crié « je vous tuerai tous »"), or with a
        subject of its own in reported speech, by that subject ("Le Hezbollah frapperait en profondeur en cas de
        nouvelle agression israélienne, a assuré Nasrallah": against Israel, whose attack it would answer)."""
        frames = []
        for verb in candidates:
            if verb.pos_ != "VERB" or not unreal(verb) or negated(verb, self.negation):
                continue
            speaking = [c for c in verb.children if c.dep_ == "nsubj" and "1" in c.morph.get("Person")]
            if speaking and "Fut" in verb.morph.get("Tense"):
                speaker = next((a for a in verb.ancestors if a.pos_ == "VERB" and has_subject(a)), None)
                subjects_of = subjects(speaker) if speaker is not None else []
            elif not speaking and has_subject(verb) and self._reported(verb):
                subjects_of = [c for c in verb.children if c.dep_ == "nsubj"]
            else:
                continue
            frame = Frame(type="Threat", triggers=[verb])
            for child in subjects_of:
                for key, t in self._fillers(child, resolution):
                    frame.add_role("attacker", key, t)
            for child in verb.children:
                if child.dep_ in ("obj", "iobj") and child.pos_ != "PRON":
                    for key, t in self._fillers(child, resolution):
                        frame.add_role("target", key, t)
            if not frame.roles.get("target"):
                answered = [(k, a) for t in verb.subtree if t.pos_ == "NOUN" and self._is_trigger(t)  # "en cas de
                            for a in t.children if a.dep_ == "amod"  # nouvelle agression israélienne"
                            for k in [self.resolver.demonym_state(t.doc, a, resolution)] if k]
                for key, t in answered[:1]:
                    if key not in frame.roles.get("attacker", []):
                        frame.add_role("target", key, t)
            if frame.roles.get("attacker"):
                frames.append(frame)
        return frames

    def _reported(self, verb) -> bool:
        """Whether a clause is reported speech: under a speech verb, with one coordinated after it ("…, a assuré X"),
        or "selon X" in its sentence."""
        speech = self.lex["speech_verbs"]
        return any(lemma(a) in speech for a in verb.ancestors) or any(
            lemma(c) in speech and c.dep_ in ("conj", "parataxis") and c.i > verb.i for c in verb.children) or any(
            case_of(t) in self.lex["according_to"] for t in verb.sent)

    def _plan(self, trigger):
        """The plotting word an attack noun depends on ("projetait de commettre un attentat", "préparant des attaques",
        "un projet d'attentat", "un attentat déjoué"), if any."""
        plots = self.lex["plots"]
        for head in (trigger.head, trigger.head.head):
            if lemma(head) in plots["verbs"] or (head.pos_ == "NOUN" and lemma(head) in plots["nouns"]):
                return head
            if lemma(head) not in plots["light_verbs"]:
                break
        return next((c for c in trigger.children if lemma(c) in plots["foiling_verbs"]), None)

    def _nearest_actor(self, verb, resolution: Resolution, types: set[str]) -> str | None:
        """"…, Harakat al-Nujaba, a annoncé…": when the parse gives no subject, the actor just before the verb."""
        before = [m for m in resolution.mentions if m.end <= verb.i and verb.i - m.end <= 3
                  and resolution.entities[m.key].type in types]
        return max(before, key=lambda m: m.end).key if before else None

    def _threatens(self, token) -> bool:
        """Whether a verb utters a threat: "menacer", or "promettre/annoncer/jurer…" with a threat in its
        complement ("a promis de se venger", "a annoncé un compte à rebours"); "a annoncé que trois soldats
        ont été tués" or "que l'attaque avait fait deux morts" is a report of the past, not a threat."""
        if token.pos_ != "VERB":
            return False
        word = lemma(token)
        if word not in self.threat_verbs or negated(token, self.negation):
            return False
        if word == "menacer":
            return True
        if any(perfect_infinitive(c) for c in token.children):
            return False  # "annonce avoir mené des frappes": a report of what was done
        complement = [t for c in token.children if not c.dep_.startswith("nsubj")  # not what it reports as done:
                      and not ((c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.i < token.i)) and past_clause(c))  # "l'armée
                      for t in c.subtree] + self._quoted(token)  # a bombardé des positions, a annoncé le ministre"
        words = {lemma(t) for t in complement} | {t.lower_ for t in complement}
        phrase = " ".join(t.lower_ for t in complement)
        return bool(words & set(self.lex["threat_complements"])) or any(
            " " in c and c in phrase for c in self.lex["threat_complements"]) or any(
            t.pos_ == "VERB" and unreal(t) and self._is_trigger(t) for t in complement)  # "qu'ils attaqueraient"

    @staticmethod
    def _quoted(verb) -> list:
        """What a threat verb set after the clause it reports says, when the parser hung it on that clause ("« Ceux
        qui s'en prennent à nos policiers le paieront cher », a averti le Premier ministre"); not what came before."""
        if verb.dep_ != "parataxis" or verb.head.i > verb.i or past_clause(verb.head):
            return []
        own = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in own]

    def _avenged(self, events: list[Event], avengers: list[str]) -> list[str]:
        """Who a vow of revenge naming no one is aimed at: the author of the latest attack, as the text
        gives it (attacker, else whom it is attributed to, else who claimed it)."""
        attacks = [e for e in events if e.type != "Threat" and not e.series]
        if not attacks:
            return []
        roles = attacks[-1].roles
        authors = roles.get("attacker") or roles.get("attributed_to") or roles.get("claimed_by") or []
        own = self._own_side(avengers)
        return [k for k in authors if k not in own and not is_nominal(k)]

    def _own_side(self, keys: list[str]) -> set[str]:
        """The actors and the groups the gazetteer makes them members or parts of (Hassan Nasrallah: Hezbollah)."""
        actors = self.resolver.actors
        return set(keys) | {g for k in keys for rel in ("memberOf", "partOf") for g in actors.get(k, {}).get(rel, [])}

    @staticmethod
    def _own_clause(clause) -> bool:
        """Whether a dependent clause has a subject of its own ("…, tandis que le Hezbollah a promis…"): another vow."""
        return clause.dep_ in ("advcl", "conj") and has_subject(clause)

    def _avenged_one(self, token) -> bool:
        """Whether a word belongs to the object of a verb of avenging ("venger le général iranien"): the avenged."""
        return any(a.dep_ == "obj" and lemma(a.head) in self.lex["avenging_verbs"] for a in [token, *token.ancestors])

    def _condition(self, clause) -> bool:
        """Whether a clause is a condition ("si l'armée bombardait le Liban", also read as a complement clause), not
        what is threatened."""
        marks = [c.lower_.replace("’", "'") for c in clause.children if c.dep_ == "mark"]
        return clause.dep_ in ("advcl", "ccomp") and any(m in self.lex["condition_markers"] for m in marks)

    def _threat_target(self, complement: list, frame: Frame, resolution: Resolution):
        """Who is threatened: the first armed actor named in the complement, else a state it names as object, else the
        unnamed fighters it names."""
        found = []
        sides = {self.resolver.actor_state(k) for k in frame.roles.get("attacker", [])} - {None}
        own = self._own_side(frame.roles.get("attacker", []))
        complement = [t for t in complement if not any(  # "nos policiers": the speaker's own
            d.dep_ == "det" and d.lower_ in self.own_possessives for d in t.children)]
        for t in complement:
            mention = resolution.mention_at(t.i)
            if mention and mention.key not in own and all(mention.key != k for k, _ in found) \
                    and self.resolver.actor_state(mention.key) not in sides:  # not "promis de riposter après la mort de soldats français"
                found.append((mention.key, t))
        forces = [(k, t) for k, t in found if resolution.entities[k].type in ("MilitaryForce", "ArmedGroup", "Coalition")]
        states = [(k, t) for k, t in found if resolution.entities[k].type == "State"  # "se venger d'Israël": obl:arg
                  and (t.dep_ in ("obj", "nmod") or t.dep_.startswith("obl") or (  # "que la Syrie paierait le prix"
                       t.dep_ == "nsubj" and lemma(t.head) in self.lex["punished_verbs"]["verbs"]))
                  and (case_of(t) not in self.place_preps or (case_of(t) in self.lex["dative_preps"]
                                                              and (t.head.pos_ == "VERB" or lemma(t.head)
                                                                   in self.lex["threat_complements"])))]  # "promis … aux États-Unis"
        struck = [(k, t) for k, t in forces + states if t.dep_ == "obj" and self._is_trigger(t.head)]  # "de frapper Israël"
        if struck:
            return struck[0]
        owned = next(((k, a) for t in complement  # "de frapper les bases américaines": the state whose they are, read
                      if (t.dep_ == "obj" or case_of(t) in self.lex["against_preps"] or (  # "des attaques contre les intérêts
                          case_of(t) in self.lex["dative_preps"] and self._reflexive_attack(t.head)))  # "s'en prendre aux"
                      and self._is_trigger(t.head) and resolution.mention_at(t.i) is None  # américains"; (it records
                      for a in t.children if a.dep_ == "amod"  # the demonym) only when no named target is struck
                      for k in [self.resolver.demonym_state(t.doc, a, resolution)] if k and self.resolver.actor_state(k) not in sides), None)
        if owned is None and any(self._retaliation_word(t) for t in complement):  # "riposterait à toute attaque
            owned = next(((k, a) for t in complement if t.pos_ == "NOUN" and self._is_trigger(t)  # américaine": whose
                          for a in t.children if a.dep_ == "amod"  # attack it would answer
                          for k in [self.resolver.demonym_state(t.doc, a, resolution)] if k and k not in sides), None)
        if owned or forces or states:
            return owned or (forces or states)[0]
        unnamed = next((t for t in complement if t.pos_ == "NOUN" and resolution.mention_at(t.i) is None
                        and (self.resolver.group_word(t) or self.resolver.force_kind(t))), None)  # "que les putschistes
        if unnamed is None:  # paieront le prix", "a menacé les policiers"
            victims = [t for t in complement if t.dep_ == "obj" and t.pos_ == "NOUN" and self._is_trigger(t.head)
                       and (t.lower_ in self.person_nouns or lemma(t) in self.person_nouns)]  # "de décapiter les otages"
            return (self.resolver.nominal(victims[0].doc, victims[0], resolution, "Person").key, victims[0]) if victims else None
        kind = self.resolver.force_kind(unnamed)
        return self.resolver.nominal(unnamed.doc, unnamed, resolution, "MilitaryForce" if kind else "ArmedGroup", kind).key, unnamed

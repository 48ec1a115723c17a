"""Event frames over the dependency parse: attacks and retaliations, merged into events; threats
(threats.py) and claims and blame (statements.py) are mixed in."""
from __future__ import annotations

from .frames import ACTOR_TYPES, AGGRESSOR_TYPES, ARMED_TYPES, LOCATION_TYPES, VICTIM_TYPES, Frame
from .lang import Resources
from .model import Event, Relation, Span, TimeValue
from .resolve import PERPETRATOR_KINDS, Resolution, Resolver, is_nominal
from .nlp import strip_accents
from .statements import StatementFrames
from .syntax import (by_first_word, case_of, described, entry_words, has_determiner, is_passive, lemma, negated, past_clause, phrases_at,
                     has_subject, subjects, subtree_range, unreal, verb_lemma)
from .temporal import find_dates, is_dateline, load_lexicon
from .threats import ThreatFrames

GRANULARITY_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "reported": 4}
HOSTILE = {"attacked", "killed", "retaliatedAgainst", "threatened"}
STATE_SIDE = {"State", "MilitaryForce"}  # a state and its forces: one side


class EventExtractor(ThreatFrames, StatementFrames):
    """Finds event frames sentence by sentence and merges the mentions of one incident."""

    def __init__(self, res: Resources, resolver: Resolver):
        lex = res.lexicon
        self.lex = lex
        self.lang = res.code
        self.resolver = resolver
        self.attack_nouns = lex["attack_nouns"]
        self.attack_verbs = lex["attack_verbs"]
        self.equipment = set(lex["equipment_nouns"]["nouns"])
        self.seize_verbs = set(lex["seize_verbs"]["verbs"])
        self.reciprocal = set(lex["reciprocal_verbs"]["verbs"])
        self.avenging = set(lex["avenging_verbs"])
        self.denying = set(lex["denial_verbs"]["verbs"])
        self.alongside = set(lex["alongside_nouns"]["nouns"])
        self.reflexive_seize = set(lex["seize_verbs"]["reflexive"])
        self.removal_verbs = set(lex["removal_verbs"]["verbs"])
        self.between_nouns, self.between_preps = set(lex["between"]["nouns"]), set(lex["between"]["preps"])
        self.state_nouns = set(lex["state_nouns"])  # "au régime syrien": the state acting, not a country as a place
        self.control_nouns = set(lex["under_control"]["nouns"])
        self.place_labels = set(lex["place_entity_labels"])
        self.reflexive_attacks = {k: v for k, v in lex["reflexive_attack_verbs"].items() if not k.startswith("_")}
        self.reflexive_pronouns = set(lex["reflexive_pronouns"])
        self.conquest_verbs = self.seize_verbs | self.removal_verbs
        self.against_verbs = set(lex["against_verbs"]["verbs"])
        self.opposing = set(lex["opposing_verbs"]["verbs"])
        self.conflict_nouns = set(lex["opposing_verbs"]["subjects"])
        self.advance_verbs = set(lex["advance_verbs"]["verbs"])
        self.advance_preps = set(lex["advance_verbs"]["preps"])
        self.toward_preps = set(lex["advance_verbs"]["toward_preps"])
        self.sense_verbs = (self.conquest_verbs | self.reflexive_seize | self.against_verbs | self.opposing
                            | set(self.reflexive_attacks) | self.advance_verbs)  # verbs that are attacks in one construction only
        self.weak = set(lex["weak_attack_nouns"]) | set(lex["weak_attack_verbs"])
        self.phrases = by_first_word([*self.attack_nouns, *self.attack_verbs])
        self.kill_verbs = set(lex["kill_verbs"])
        self.ramming = lex["ramming"]
        self.death_nouns = set(lex["death_nouns"])
        self.weapons = lex["weapon_words"]
        self.weapon_phrases = by_first_word(self.weapons)
        self.retaliation = set(lex["retaliation_words"])
        self.negation = set(lex["negation_words"])
        self.person_nouns = {w.lower() for w in lex["person_nouns"] + lex["leader_titles"] + lex["member_titles"]}
        self.leader_titles = set(lex["leader_titles"])
        self.facility_nouns = set(lex["facility_nouns"])
        self.region_nouns = set(lex["region_nouns"])
        self.sequence_preps = set(lex["sequence_preps"]["words"])
        self.victim_of_nouns = set(lex["victim_of_nouns"]["nouns"])
        self.place_preps = set(lex["place_preps"])
        self.target_preps = set(lex["target_preps"])
        self.series_words = set(lex["series_words"])
        self.near_preps = set(lex["near_preps"])
        self.launch_verbs = set(lex["launch_verbs"])
        self.partitives = {"", *lex["partitive_articles"]}
        self.compass = set(lex["compass_nouns"])
        self.start_nouns, self.starting = set(lex["start_nouns"]["nouns"]), self.launch_verbs | set(lex["start_nouns"]["verbs"])
        self.threat_verbs = set(lex["threat_verbs"])
        self.member_nouns = set(lex["member_nouns"])
        self.followers = set(lex["allegiance"]["follower_nouns"])
        self.birth = set(lex["birth_words"]["words"])
        self.spokesmen = set(lex["spokesman_nouns"]["words"])
        self.own_possessives = set(lex["own_possessives"]["words"])
        self.of_preps = set(lex["of_preps"])
        temporal = load_lexicon(res.code)
        self.numbers = temporal.numbers
        self.day_words = set(temporal.weekdays) | set(temporal.months)
        self.statement_verbs = set(lex["claim_verbs"]) | set(lex["blame_verbs"])
        self.saying_verbs = self.statement_verbs | set(lex["speech_verbs"])
        self.agent_preps = set(lex["agent_preps"])
        self.blame_heads = set(lex["blame_verbs"]) | {p[0] for p in lex["blame_phrases"]}  # words an accusation starts with
        self.blame_on = set(lex["blame_on_preps"]["preps"])
        self.linked = set(lex["linked_participles"]["verbs"])
        self.condemning, self.condemned_acts = set(lex["condemnation"]["verbs"]), set(lex["condemnation"]["nouns"])
        self.launch_cases = set(lex["dative_preps"]) | set(lex["agent_preps"])
        self.aimed_preps = self.target_preps | set(lex["dative_preps"])  # "une embuscade à un convoi", "contre la ville"
        self.death_verbs = set(lex["death_verbs"])
        self.life_verbs, self.lives = set(lex["life_costing"]["verbs"]), set(lex["life_costing"]["objects"])
        self.responsibility_words = set(lex["responsibility"]["words"])
        self.responsibility_preps = set(lex["responsibility"]["preps"])
        self.perpetrators = set(lex["perpetrator_nouns"])
        self.suspects = set(lex["suspect_nouns"])
        self.campaign_nouns = set(lex["campaign_nouns"])
        self.indefinite = set(lex["indefinite_determiners"])
        self.definite = set(lex["definite_determiners"])
        self.group_nouns = resolver.group_nouns

    # -- entry point -------------------------------------------------------------------
    def extract(self, doc, resolution: Resolution) -> tuple[list[Event], list[Relation]]:
        """Events and event-derived relations of a parsed, resolved document."""
        document = resolution.document
        title_end = document.text.find("\n", document.body_start)
        events: list[Event] = []
        meta: list[dict] = []  # per event: date expressions, title-only flag, provisional date
        relations: list[Relation] = []
        lead_end = _lead_end(doc, title_end)
        reported = TimeValue(document.published, "reported") if document.published else None  # the report's date
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            is_title = title_end > 0 and sent.start_char < title_end
            dates = None  # resolved only if the sentence has frames
            vows = [v for v in resolution.tokens(sent) if self._threatens(v)]  # read by both the attack and threat frames
            candidates = [t for t in resolution.tokens(sent) if self._is_trigger(t)]  # attack words, read by both too
            for frame in self._attack_frames(sent, resolution, vows, candidates):
                dates = self._sentence_dates(sent, document) if dates is None else dates
                frame.title = is_title
                frame.dates = _nearest_first(frame, dates, document.text)
                frame.own_date = any(c.left_edge.idx <= start <= c.right_edge.idx for t in frame.triggers if t.pos_ == "NOUN"
                                     for c in t.children if c.dep_ == "nmod" for start, _, _ in dates)
                index = self._merge(frame, events, meta, resolution)
                meta[index]["kill"] = meta[index].get("kill", False) or frame.kill
                meta[index]["mutual"] = meta[index].get("mutual", False) or frame.mutual
                meta[index]["hurt"] = meta[index].get("hurt", set()) | frame.hurt
                meta[index]["harmed"] = meta[index].get("harmed", set()) | set(frame.roles.get("victims", [])) - frame.hurt
                meta[index]["lead"] = meta[index].get("lead", False) or sent.start_char < lead_end
                meta[index]["background"] = meta[index].get("background", False) or any(
                    _pluperfect(t) or _pluperfect(t.head) for t in frame.triggers)  # "avait été tué": an earlier incident
                if events[index].date is None and reported and not events[index].series \
                        and sent.start_char < lead_end:  # the news itself: what the title or lead reports
                    events[index].date = reported
                    meta[index]["provisional"] = True  # a date the text gives later replaces it
            if not candidates:
                self._died_of_wounds(sent, resolution, events, meta)
            for frame in [*self._threat_frames(sent, resolution, events, vows), *self._plot_frames(candidates, resolution),
                          *self._spoken_threats(candidates, resolution)]:
                dates = self._sentence_dates(sent, document) if dates is None else dates
                frame.dates = _nearest_first(frame, dates, document.text)
                events.append(self._new_event(frame, resolution))
                meta.append({"exprs": set(), "title": False})
                relations += self._pairs(frame, "attacker", "target", "threatened", resolution)
            relations += self._claims(sent, resolution, events)
            relations += self._blame(sent, resolution, events)
            relations += self._responsible(sent, resolution, events)
        lead_places = [m.key for m in resolution.mentions if m.kind == "name" and doc[m.start].idx < lead_end
                       and resolution.entities[m.key].type == "Place" and self._same_clause(doc[m.start], [])]
        drivers = [k for k in (f"{document.name}/{kind}" for kind in PERPETRATOR_KINDS) if k in resolution.entities]
        named = [k for k in (resolution.merged.get(f"{document.name}/{PERPETRATOR_KINDS[0]}"),) if k in resolution.entities]
        idle = named if not any(set(named + drivers) & set(e.roles.get("attacker", [])) for e in events) else []
        main = next((e for e, info in zip(events, meta) if info.get("lead") and e.type != "Threat" and not e.series), None)
        for event, info in zip(events, meta):
            rammed = drivers[:1] if event.weapon == "vehicle" and not event.roles.get("attacker") else []
            unnamed = idle if event is main and all(
                resolution.entities[k].type == "ArmedGroup" for k in event.roles.get("attacker", [])) else []
            if event.type != "Threat" and (rammed or unnamed):  # "Un camion a foncé sur la foule", "une fusillade a
                event.roles["attacker"] = [*event.roles.get("attacker", []), *(rammed or unnamed)]  # éclaté… Le tireur
                event.roles["victims"] = [k for k in event.roles.get("victims", []) if k not in event.roles["attacker"]]
                # était armé…": its driver or gunman (perhaps named later), when no event of the text has him
            relations += self._attack_relations(event, info, resolution)
            struck = [k for k in event.roles.get("target", []) if resolution.entities[k].type == "State" and any(
                m.key == k and m.kind != "demonym" for m in resolution.mentions)]  # not "des cibles iraniennes"
            if event.type != "Threat" and struck and not event.roles.get("place"):
                event.roles["place"] = struck[:1]  # "la Turquie est frappée par des attentats": where, too
            if event.type != "Threat" and info.get("lead") and (event.roles or event.fatalities) and lead_places \
                    and all(_region(k, resolution) for k in event.roles.get("place", [])):  # none, or only a region
                event.roles["place"] = lead_places[:1]  # the news itself: where the lead sets it
            if event.date is None and not event.series and not info.get("background"):
                event.date = reported  # undated: known only to precede the report (None if the report is undated)
        relations = [r for r in relations
                     if r.predicate not in HOSTILE or not self._one_state(r.subject, r.object, resolution)]
        return _with_participants(events), relations

    def _one_state(self, a: str, b: str, resolution: Resolution) -> bool:
        """Whether two actors are one state or its forces ("l'Inde" and "l'armée de l'air indienne"): no hostile fact
        links them, whatever a misread sentence says."""
        state = self._state_if(a, resolution, STATE_SIDE)
        return a == b or (state is not None and state == self._state_if(b, resolution, STATE_SIDE))

    def _state_if(self, key: str, resolution: Resolution, types: set[str]) -> str | None:
        """The state an actor of one of `types` belongs to (a state is its own), None for an actor of another type."""
        entity = resolution.entities.get(key)
        return self.resolver.actor_state(key) if entity is not None and entity.type in types else None

    def _died_of_wounds(self, sent, resolution: Resolution, events: list[Event], meta: list[dict]) -> None:
        """"Deux élèves et une enseignante, Margaret Olsen, ont succombé à leurs blessures": victims killed by the
        attack told last (not a response to it); call it for a sentence that tells of no attack of its own."""
        lex = self.lex["died_of_wounds"]
        verbs = [v for v in sent if v.pos_ == "VERB" and lemma(v) in lex["verbs"] and not negated(v, self.negation)
                 and any(c.dep_.startswith("obl") and lemma(c) in lex["nouns"] for c in v.children)]
        latest = next((i for i in range(len(events) - 1, -1, -1) if events[i].type != "Threat" and not events[i].series
                       and not self._counters(events[i].roles, resolution)),
                      None) if verbs else None
        dead = [subject for verb in verbs for subject in subjects(verb)] if latest is not None else []
        for token in [*dead, *(c for subject in dead for c in subject.children if c.dep_ == "conj")]:
            named = [c for c in token.children if c.dep_ == "appos" and resolution.mention_at(c.i)]
            for key, _ in [f for t in named or [token] for f in self._fillers(t, resolution)]:
                if resolution.entities[key].type == "Person" and key not in events[latest].roles.get("attacker", []):
                    victims = events[latest].roles.setdefault("victims", [])
                    victims += [] if key in victims else [key]
                    meta[latest]["kill"] = True

    # -- attacks -----------------------------------------------------------------------
    def _is_trigger(self, token) -> bool:
        if token.pos_ == "NOUN" and token.dep_ == "nmod" and token.head.lower_ in self.equipment \
                and case_of(token) in self.of_preps:
            return False  # "un fusil d'assaut", "des avions de combat": equipment, not an event
        if token.ent_type_ in ARMED_TYPES:
            return False  # "l'opération Barkhane": a force's name
        return self._trigger_key(token) is not None

    def _trigger_key(self, token) -> str | None:
        """The attack entry a noun or verb starts: a multiword one ("ouvrir le feu", "coup de feu",
        "prise d'otage", each next word read as written or as its lemma) or its lemma."""
        pos = token.pos_
        if pos not in ("NOUN", "VERB"):
            return None
        table = self.attack_nouns if pos == "NOUN" else self.attack_verbs
        word = lemma(token)
        entry = next((e for e in phrases_at(token, self.phrases) if e in table and e != word), None)
        if entry is not None:
            return entry  # a multiword entry before the word's own
        if pos == "VERB" and word in self.launch_verbs and self._fires_at(token):
            return word  # "ont lancé des drones contre l'aéroport"
        if pos == "VERB" and word in self.sense_verbs and (
                self._reflexive_attack(token) or self._conquest(token) or self._opposes(token) or self._advances(token) or (
                word in self.against_verbs and any(case_of(c) in self.lex["against_preps"] and (  # against an armed
                    self._armed(c) or self.resolver.force_kind(c) or c.ent_type_) for c in token.children))):  # actor
            return word  # "s'en prendre à", "a repris Ramadi", "ont expulsé l'EI", "intervenus contre", "le conflit oppose"
        return word if word in table else None

    def _fires_at(self, verb) -> bool:
        """Whether a launch verb's object is a weapon sent at someone or somewhere ("ont largué des bombes sur la ville",
        "ont lancé des drones contre l'aéroport"), not "a lancé des drones de surveillance"."""
        weapons = [c for c in verb.children if c.dep_ == "obj" and lemma(self._counted(c)) in self.weapons]
        return any(case_of(c) in self.target_preps for w in weapons for c in [*verb.children, *w.children])

    def _phrase_words(self, trigger) -> range:
        """Indices of the words after the trigger that belong to its multiword entry ("le feu" of "ouvrir le feu")."""
        key = self._trigger_key(trigger) or ""
        return range(trigger.i + 1, trigger.i + len(entry_words(key)))

    def _reciprocal(self, verb) -> bool:
        """Whether a verb says its subjects fought each other ("se sont affrontés", "s'affrontent"): reflexive, without
        object, its subject coordinated (or read as two subjects)."""
        return verb.pos_ == "VERB" and lemma(verb) in self.reciprocal \
            and any(c.lower_ in self.reflexive_pronouns and c.i < verb.i for c in verb.children) \
            and not any(c.dep_ == "obj" for c in verb.children) \
            and (len(subjects(verb)) > 1 or any(g.dep_ == "conj" for c in subjects(verb) for g in c.children))

    def _opposes(self, verb) -> bool:
        """"Le conflit oppose l'armée aux séparatistes", "la guerre qui oppose…", "des affrontements opposant…": a conflict
        noun's verb of opposing two sides."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] + ([verb.head] if verb.dep_ in ("acl:relcl", "acl") else [])
        return lemma(verb) in self.opposing and any(lemma(c) in self.conflict_nouns for c in subjects)

    def _conquest(self, verb) -> bool:
        """Whether a verb of taking ground or driving out is used of places and armed actors ("a repris Ramadi",
        "ont pris à l'EI plusieurs villes", "ont expulsé les djihadistes de la ville"), not "reprendre les négociations"."""
        word = lemma(verb)
        if self._reflexive_seize(verb):  # "se sont emparés de la ville de Bunagana"
            return any(c.ent_type_ in self.place_labels or lemma(c) in self.region_nouns or self._armed(c)
                       for c in verb.children if c.dep_.startswith("obl") and case_of(c) in self.of_preps)
        if word not in self.conquest_verbs:
            return False
        objects = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") or (
            c.dep_.startswith("obl") and not case_of(c) and self._object_position(verb, c))]  # "a repris Ramadi", misparsed
        objects += [g for c in objects for g in self._controlled(c)]  # "ont pris le contrôle de Kaboul"
        if word in self.removal_verbs:  # "ont expulsé les djihadistes", "elle a été expulsée par Daech"
            return any(self._armed(c) for c in objects + [c for c in verb.children if c.dep_ == "obl:agent"])
        dative = [c for c in verb.children if c.dep_.startswith("obl") and case_of(c) in self.lex["dative_preps"]]
        armed = any(self._armed(c) or self.resolver.force_kind(c) for c in subjects(verb))  # an armed actor taking a
        return any(c.ent_type_ in self.place_labels or lemma(c) in self.region_nouns  # facility ("le contrôle de
                   or (armed and lemma(c) in self.facility_nouns) for c in objects) \
            or any(self._armed(c) for c in dative)  # l'aéroport"), not a government a bank

    def _advances(self, verb) -> bool:
        """Whether a verb of advancing is said of armed actors moving on a place ("les rebelles tentent d'avancer dans
        al-Bab", "l'armée se rapproche de Palmyre", "Avançant rapidement vers Raqqa, les milices…"), not of talks."""
        if lemma(verb) not in self.advance_verbs:
            return False
        movers = subjects(verb) or described(verb) or ([verb.head] if verb.dep_ == "advcl" and verb.head.pos_ == "NOUN" else [
            c for c in verb.head.children if c.dep_ == "nsubj"] if verb.dep_ == "advcl" else [])
        armed = any(self._armed(t) or self.resolver.force_kind(t) for t in movers)
        return armed and any(case_of(t) in self.advance_preps and (t.ent_type_ in self.place_labels or lemma(t) in self.region_nouns)
                             for c in verb.children if c.dep_.startswith("obl") for t in c.subtree)

    def _controlled(self, noun) -> list:
        """The 'de' complements of a noun of control ("le contrôle de Kaboul"), none for another noun."""
        if lemma(noun) not in self.control_nouns:
            return []
        return [c for c in noun.children if c.dep_ == "nmod" and case_of(c) in self.of_preps]

    def _reflexive_seize(self, verb) -> bool:
        """"s'emparer de": a seize verb used reflexively, its 'de' complement what is taken."""
        return lemma(verb) in self.reflexive_seize and any(c.lower_ in self.reflexive_pronouns for c in verb.children)

    def _armed(self, token) -> bool:
        """Whether a nominal names an armed actor: an armed group's or force's name, "les djihadistes", "le groupe"."""
        return token.ent_type_ in ARMED_TYPES or self.resolver.group_word(token)

    def _reflexive_attack(self, verb) -> bool:
        """Whether a verb is used reflexively in its 'attack' sense, with its clitics ("s'attaquer à", "s'en prendre à")."""
        clitics = self.reflexive_attacks.get(lemma(verb))
        if clitics is None:
            return False
        words = {c.lower_ for c in verb.children if c.i < verb.i}
        return bool(words & self.reflexive_pronouns) and all(c in words for c in clitics)

    def _sentence_dates(self, sent, document) -> list[tuple[int, int, TimeValue]]:
        """The resolved date expressions of a sentence and of a verbless fragment before it, datelines left out."""
        return [d for d in find_dates(document.text, _date_window(sent), sent.end_char, document.published, self.lang)
                if not is_dateline(document.text, d[1])]

    def _attack_frames(self, sent, resolution: Resolution, vows: list, candidates: list) -> list[Frame]:
        told = {t.i for v in vows for c in v.subtree if c != v and c.dep_ == "acl:relcl" and past_clause(c)
                for t in [c.head, *c.subtree]}  # "… après l'attaque d'Inates qui a tué 71 soldats": that one happened
        threatened = {t.i for v in vows for t in [*v.subtree, *self._quoted(v)] if t != v} - told  # "a promis de
        # frapper": no attack yet; nor "« Ceux qui s'en prennent à nos policiers le paieront cher », a averti X"
        triggers = [t for t in candidates if not negated(t, self.negation) and t.i not in threatened and not self._irrealis(t)
                    and not (t.dep_ in ("xcomp", "ccomp") and lemma(t.head) in self.denying)]  # "dément viser des civils"
        if not triggers:
            return []
        groups: list[list] = []
        origins: list[list] = []  # "en représailles à l'assassinat de X": the event answered, an event of its own
        for token in triggers:  # a trigger joins the nearest earlier group unless it introduces an event
            subject_trigger = [c for c in token.children if c.dep_.startswith("nsubj") and c in triggers]
            owner = next((g for g in groups if subject_trigger and subject_trigger[0] in g), None)
            by = self._struck_by(token)  # "la Turquie est frappée par une série d'attentats": the strikes that hit it
            owner = owner or next((g for g in groups if by is not None and by in g), None)
            answered = next((o for o in origins if token in o[0].subtree), None)
            if groups and owner is None and token.dep_ == "advcl" and "Part" in token.morph.get("VerbForm") \
                    and "Pres" in token.morph.get("Tense") and not has_subject(token):
                owner = groups[-1]  # "a bombardé des positions, tuant 16 soldats": what that attack did
            if self._answered(token):
                origins.append([token])
            elif answered is not None:  # "en représailles à une attaque … qui a tué un sous-traitant"
                answered.append(token)
            elif owner is not None and by is not None and by in owner and self._series(token, sent):
                owner.insert(0, token)  # "frappée par une série d'attentats": the verb tells the series, which leads
            elif owner is not None:
                owner.append(token)
            elif self._series(token, sent):
                groups.append([token])
            elif groups and not self._introduces(token):
                groups[-1].append(token)
            else:
                groups.append([token])
        groups = origins + groups  # the answered event first, so that the response can point to it
        frames = []
        for group in groups:
            others = [t for g in groups if g is not group for t in g]
            frame = self._frame(group, sent, resolution, others)
            if frame is not None:
                frames.append(frame)
        for frame in frames:  # "grâce aux frappes américaines, les FDS ont pris à l'EI…": the strikes hit the same enemy
            head = frame.triggers[0].head
            if case_of(frame.triggers[0]) in self.lex["backing"]["cases"] and not frame.roles.get("target"):
                for other in (f for f in frames if head in f.triggers):
                    for key in other.roles.get("target", []):
                        frame.add_role("target", key, head)
        return frames

    def _struck_by(self, trigger):
        """The attack verb whose agent an attack noun, or the series it counts, is ("frappée par des frappes", "touché
        par une vague d'attentats"): one incident told twice. None otherwise."""
        def agent_of_verb(token) -> bool:
            return token.head.pos_ == "VERB" and self._agent(token) and (token.dep_ == "obl:agent" or is_passive(token.head))
        agent = trigger.head if lemma(trigger.head) in self.series_words and agent_of_verb(trigger.head) else trigger
        return agent.head if trigger.pos_ == "NOUN" and agent_of_verb(agent) else None

    def _stray_agents(self, verb) -> list:
        """"par" phrases after a passive verb that the parser hung on one of its complements' nouns, outside any
        clause of their own."""
        return [t for t in verb.subtree if t.i > verb.i and t.head != verb and t.head.pos_ in ("NOUN", "PROPN")
                and case_of(t) in self.agent_preps and t.head.dep_ not in ("acl", "acl:relcl", "advcl")
                and not any(a.pos_ == "VERB" and verb.is_ancestor(a) for a in t.ancestors)]

    def _agent(self, token) -> bool:
        """Whether a complement says who acts: the agent, or "par X" whatever else the parser called it."""
        return token.dep_ == "obl:agent" or (token.dep_ in ("obl", "obl:arg", "obl:mod", "nmod")
                                             and case_of(token) in self.agent_preps)

    def _verb_lemma(self, token) -> str:
        """A verb's lemma, also when the tagger calls it an adjective ("revendiquée", "attribuées")."""
        return verb_lemma(token, self.lex["verb_endings_tagged_adjective"])

    def _retaliation_word(self, token) -> bool:
        """Whether a word says response ("représailles", "a riposté", "en réponse")."""
        return lemma(token) in self.retaliation or token.lower_ in self.retaliation

    def _answered(self, trigger) -> bool:
        """Whether an attack noun names the event a response answers ("en représailles à l'assassinat",
        "en riposte aux attaques")."""
        head = trigger.head
        return (trigger.pos_ == "NOUN" and trigger.dep_ in ("nmod", "obl:arg", "obl") and head != trigger
                and head.pos_ == "NOUN" and self._retaliation_word(head)
                and case_of(trigger) in self.lex["dative_preps"] + ["contre"])

    def _irrealis(self, trigger) -> bool:
        """"une tentative d'attentat déjouée", "un projet d'attentat", "prévoit des attaques", "frapperait", "riposterait à
        toute attaque", "en cas d'agression": not (yet) an attack."""
        heads = [trigger.head] if trigger.head != trigger else []
        return any(lemma(h) in self.lex["irrealis_heads"] or lemma(h) in self.lex["irrealis_verbs"] for h in heads) \
            or any(lemma(c) in self.lex["irrealis_verbs"] for c in trigger.children) \
            or (trigger.pos_ == "VERB" and unreal(trigger)) or (trigger.pos_ == "NOUN" and trigger.head.pos_ == "VERB"
                                                                and unreal(trigger.head)) \
            or self._plan(trigger) is not None \
            or (trigger.morph.get("VerbForm") == ["Inf"] and lemma(trigger.head) in self.lex["desire_verbs"])
        # "qu'ils attaqueraient les forces étrangères", "projetait de commettre…", "avait voulu tuer des militaires"

    def _introduces(self, token) -> bool:
        """Whether a trigger can start an event of its own (an indefinite noun, a full clause, a participle with its
        own agent: "trois pêcheurs enlevés la semaine dernière par des hommes armés")."""
        if token.pos_ == "VERB":
            return self._trigger_key(token) not in self.weak or has_subject(token) or (
                token.dep_ == "acl" and any(c.dep_ == "obl:agent" for c in token.children))
        dets = [c.lower_ for c in token.children if c.dep_ in ("det", "nummod")]
        return any(d in self.indefinite or d.isdigit() for d in dets) and not any(d in self.definite for d in dets)
        # "deux attaques", not "ces deux attentats"

    def _frame(self, group: list, sent, resolution: Resolution, others: list) -> Frame | None:
        frame = Frame(type="Attack", triggers=group)
        strong = [t for t in group if self._trigger_key(t) not in self.weak]
        for trigger in group:
            self._roles(trigger, frame, resolution)
            if trigger.pos_ == "VERB" and lemma(trigger) in self.kill_verbs:
                frame.kill = True
        if all(_region(k, resolution) for k in frame.roles.get("place", [])):  # none, or only a region ("l'ouest de l'Irak")
            self._place_fallback(sent, frame, resolution, others)
        if any(not _region(k, resolution) for k in frame.roles.get("place", [])):  # "Maiduguri, dans le nord-est du
            frame.roles["place"] = [k for k in frame.roles["place"] if not _region(k, resolution)]  # Nigeria": the town
        if not frame.roles.get("target") and not frame.roles.get("victims"):
            self._target_fallback(sent, frame, resolution, others)
        named = [(t, m) for t in frame.victim_words for m in [resolution.mention_at(t.i)] if m]
        named_victims = {m.key for _, m in named}
        frame.hurt = {m.key for t, m in named if lemma(t.head) in self.lex["wound_verbs"]}
        inferred = set(frame.roles.get("victims", [])) & set(frame.roles.get("attacker", [])) - named_victims
        for role in ("victims", "target"):  # "Le PKK affirme avoir tué des dizaines de jihadistes": not the PKK's own,
            if inferred and frame.roles.get(role):  # the group in focus that "jihadistes" stood for
                frame.roles[role] = [k for k in frame.roles[role] if k not in inferred]
                if not frame.roles[role]:
                    del frame.roles[role]
        struck = set(frame.roles.get("target", [])) | set(frame.roles.get("victims", []))
        if struck & set(frame.roles.get("attacker", [])):  # one actor on both sides: an inferred attacker is wrong
            frame.roles["attacker"] = [k for k in frame.roles["attacker"] if k not in struck]
            if not frame.roles["attacker"]:
                del frame.roles["attacker"]
        frame.counter = self._counters(frame.roles, resolution) or any(
            lemma(t) in self.perpetrators or lemma(t) in self.suspects for t in frame.victim_words)  # "l'auteur de la tuerie"
        if frame.kill and not frame.roles.get("attacker") and frame.roles.get("victims") and all(
                resolution.entities[k].type == "ArmedGroup" for k in frame.roles["victims"]):
            for key in self._reporters(group[0], sent, resolution):  # "L'armée affirme que 45 terroristes ont été
                if resolution.entities[key].type == "MilitaryForce":  # tués": a force's communiqué of its enemies' losses
                    frame.add_role("attacker", key, group[0])
        root = sent.root
        if not frame.roles.get("attacker") and lemma(root) in self.launch_verbs and root not in group \
                and not self._answered(group[0]) and self._launched(group[0], root):  # the answered event is not the responder's
            for child in root.children:  # "X a mené dimanche des frappes…" with the frappes misattached
                if child.dep_ == "nsubj":
                    self._role_from(child, root, False, frame, resolution, force="attacker")
        if not frame.roles.get("attacker") and not frame.counter:
            for token in sent:  # "les assaillants ont …", "le kamikaze a été identifié": whoever the text calls the attackers
                if token.dep_ in ("nsubj", "nsubj:pass") and token.lower_ in self.perpetrators:
                    frame.add_role("attacker", self.resolver.nominal(sent.doc, token, resolution, "Person").key, token)
        # the phrases of the sentence's other events, which hold their dates: one answered ("en riposte à une attaque
        # menée jeudi") or outside this one's phrase, not "l'attaque qui avait visé deux militaires le 14 octobre"
        frame.nested = [(o.left_edge.idx, o.right_edge.idx + len(o.right_edge)) for o in others
                        if not any(o.left_edge.i <= t.i <= o.right_edge.i for t in group)
                        and (self._answered(o) or not any(t.is_ancestor(o) for t in group))]
        frame.weapon = self._weapon(sent, group)
        frame.fatalities = self._fatalities(sent)
        if not strong and not (frame.weapon or set(frame.roles) - {"place"} or frame.fatalities):
            return None  # "les combats en Syrie", "l'opération Barkhane au Mali": no participant, no event
        head = group[0]
        frame.definite = head.pos_ == "NOUN" and has_determiner(head, self.definite)
        frame.series = self._series(head, sent)
        frame.generic = frame.series and self._generic_plural(head)
        # "une série de frappes …, en riposte à": the complements of the series are the strikes'
        carriers = [t.head for t in group if lemma(t.head) in self.lex["series_words"]]
        near = set(group) | {t.head for t in group} | {
            c for t in group + carriers for c in t.children if c.dep_ not in ("advcl", "ccomp", "conj", "acl:relcl", "parataxis")}
        if not self._answered(head) and any(self._retaliation_word(t) for t in near):
            frame.type = "Retaliation"  # "attaques de représailles", "a riposté", "a répondu par des frappes"
        return frame

    def _place_fallback(self, sent, frame: Frame, resolution: Resolution, others: list) -> None:
        """A place named in the sentence with a locative preposition, nearer this frame than any other."""
        for mention in resolution.mentions:
            type_ = resolution.entities[mention.key].type
            if sent.start <= mention.start < sent.end and (type_ in LOCATION_TYPES or type_ == "State"):
                token = sent.doc[mention.start:mention.end].root
                region = type_ == "State" and lemma(token.head) in self.compass and case_of(token) in self.of_preps
                if region:
                    token = token.head  # "dans le nord-est du Nigeria": the region
                elif type_ == "State" and (case_of(token) not in self.lex["country_preps"] or lemma(token) in self.state_nouns):
                    continue
                if token.head.lower_ in self.birth or lemma(token.head) in self.birth:
                    continue  # "un Français né en Tchétchénie": where he was born
                if _distance(token, others) < _distance(token, frame.triggers) or not self._same_clause(token, frame.triggers) \
                        or case_of(token) not in self.place_preps or (region and self._describes_place(token, resolution)):
                    continue
                key = self.resolver.nominal(token.doc, token, resolution, "Place").key if region else mention.key
                if key not in frame.roles.get("target", []) and key not in frame.roles.get("place", []):
                    frame.add_role("place", key, token)
                    return

    def _same_clause(self, token, triggers) -> bool:
        """Whether a word stands outside any subordinate clause that holds none of the triggers (of any clause if
        none are given): "Alors qu'elle remporte une victoire à Alep, l'armée a été expulsée de Palmyre": not Alep;
        nor in a participle describing an armed actor ("revendiquée par le groupe Jaish-e-Mohammed, basé au Pakistan")."""
        return not any((any(c.dep_ == "mark" for c in head.children) or (
            triggers and head.dep_ in ("acl", "acl:relcl") and self._armed(head.head)))
            and not any(head.is_ancestor(t) or head == t for t in triggers) for head in token.ancestors)

    def _target_fallback(self, sent, frame: Frame, resolution: Resolution, others: list) -> None:
        """"… contre un hôtel", "se bat … contre l'armée": a `contre` phrase nearer this frame than any other."""
        for token in sent:
            if case_of(token) in self.lex["against_preps"] and _distance(token, frame.triggers) <= _distance(token, others) \
                    and not self._campaign(token.head):  # not "mener la guerre contre l'EI"
                for key, filler in self._fillers(token, resolution):
                    if resolution.entities[key].type != "Place" and key not in frame.roles.get("attacker", []):
                        frame.add_role("target", key, filler)
                return

    def _campaign(self, head) -> bool:
        """Whether a word is, or has as object, a campaign noun ("la guerre", "mener la lutte")."""
        words = {lemma(head)} | {lemma(c) for c in head.children if c.dep_ == "obj"}
        return bool(words & self.campaign_nouns)

    def _series(self, head, sent) -> bool:
        """"une série d'attaques", "la 19e attaque depuis octobre", generic "les attaques"."""
        if head.head != head and lemma(head.head) in self.series_words:
            return True
        if any(c.dep_ in ("amod", "nummod") and c.lower_.rstrip("e").rstrip("è").isdigit() for c in head.children) and any(
            lemma(t) == "depuis" for t in sent
        ):
            return True
        return self._generic_plural(head)

    def _generic_plural(self, head) -> bool:
        """"les attaques": a definite plural with no complement naming a particular incident."""
        dets = [c.lower_ for c in head.children if c.dep_ == "det"]
        specific = any(c.dep_ == "nmod" for c in head.children)  # "les explosions de Dortmund"
        return (head.pos_ == "NOUN" and head.morph.get("Number") == ["Plur"] and dets[:1] == ["les"]
                and not specific and lemma(head) not in self.weak)

    def _roles(self, trigger, frame: Frame, resolution: Resolution) -> None:
        """Fill roles from the trigger's dependents (voice-aware) and from demonyms on the trigger; the town armed actors
        advance in is attacked ("avancer dans al-Bab"), what they advance towards only where they go ("avançant vers la
        base aérienne de Tabqa")."""
        if not (trigger.pos_ == "VERB" and lemma(trigger) in self.advance_verbs):
            self._trigger_roles(trigger, frame, resolution)
            return
        advance = Frame(type=frame.type, triggers=frame.triggers)
        self._trigger_roles(trigger, advance, resolution)
        toward = {k for c in trigger.children if case_of(c) in self.toward_preps for k, _ in self._fillers(c, resolution)}
        inside = {k for c in trigger.children if c.dep_.startswith("obl") and case_of(c) in self.place_preps
                  for k, _ in self._fillers(c, resolution)}  # "dans al-Bab"
        for role, keys in advance.roles.items():
            for key in keys:
                frame.add_role("place" if role == "target" and key in toward else role, key, trigger)
                if role == "place" and key in inside and not _region(key, resolution):
                    frame.add_role("target", key, trigger)  # "tentent d'avancer dans al-Bab": the town attacked

    def _trigger_roles(self, trigger, frame: Frame, resolution: Resolution) -> None:
        """Fill roles from the trigger's dependents (voice-aware) and from demonyms on the trigger."""
        passive = trigger.pos_ == "VERB" and (is_passive(trigger) or _bare_participle(trigger)) \
            and not self._reflexive_attack(trigger)  # "s'en sont pris"
        if trigger.pos_ == "VERB" and self._opposes(trigger):  # the object fights the 'à' complement (or the
            sides = [*trigger.children, *(g for c in trigger.children if c.dep_ == "obj" for g in c.children)]  # object's)
            for child in sides:
                if child.dep_ == "obj" or (child.dep_ != "case" and case_of(child) in self.lex["dative_preps"]):
                    self._role_from(child, trigger, False, frame, resolution, force="attacker" if child.dep_ == "obj" else "target")
            frame.mutual = True
            return
        sides = [c for c in trigger.children if trigger.pos_ == "NOUN" and lemma(trigger) in self.between_nouns
                 and case_of(c) in self.between_preps]  # "des combats entre l'armée et les rebelles"
        for side in sides:
            for n, member in enumerate([side] + [c for c in side.children if c.dep_ == "conj"]):
                self._role_from(member, trigger, False, frame, resolution, force="target" if n else "attacker")
        if sides:
            frame.mutual = True
            return
        phrase = self._phrase_words(trigger)
        if self._reciprocal(trigger):  # "Le MNLA et le Gatia se sont affrontés": the first side against the others
            sides = [k for c in subjects(trigger) for k, _ in self._fillers(c, resolution)]
            for n, key in enumerate(dict.fromkeys(sides)):
                frame.add_role("target" if n else "attacker", key, trigger)
            frame.mutual = True
        against = trigger.pos_ == "VERB" and lemma(trigger) in self.against_verbs | self.avenging
        for child in trigger.children:
            if child.i not in phrase and not (against and child.dep_ == "obj"):  # "le siège" of "briser le siège" is
                self._role_from(child, trigger, passive, frame, resolution)  # no target, nor "ses forces" redirected,
                # nor who is avenged ("pour venger la mort du général")
            if child.dep_ == "obj" and lemma(trigger) in self.seize_verbs:
                for place in self._controlled(child):  # "ont pris le contrôle de Kaboul"
                    self._role_from(place, trigger, passive, frame, resolution, force="target")
            if (child.dep_ in ("nmod", "obj") and lemma(self._counted(child)) in self.weapons) or child.i in phrase:
                for grandchild in child.children:  # "une attaque à la roquette sur la base", "a tiré des missiles sur",
                    if grandchild.dep_ == "nmod":  # "ont ouvert le feu sur la foule", "brisent les lignes des forces",
                        whose = child.i in phrase and case_of(grandchild) in self.of_preps | {""}  # "pris d'assaut la ville"
                        self._role_from(grandchild, trigger, passive, frame, resolution, force="target" if whose else None)
        if passive and not any(self._agent(c) for c in trigger.children):  # "attaqué dimanche près de Ménaka par des
            for agent in self._stray_agents(trigger):  # jihadistes": the agent hung on the place
                self._role_from(agent, trigger, passive, frame, resolution, as_dep="obl:agent")
        if trigger.pos_ == "VERB" and trigger.dep_ in ("conj", "advcl", "xcomp") and not has_subject(trigger) \
                and (self._says_it_did(trigger) or (lemma(trigger.head) not in self.lex["speech_verbs"]
                     and self._verb_lemma(trigger.head) not in self.statement_verbs)):  # not "…, a affirmé le ministère",
            for child in trigger.head.children:  # not "Kiev accuse Moscou d'avoir visé"; "ont abandonné … et poignardé"
                if child.dep_ in ("nsubj", "nsubj:pass"):
                    inherited = "nsubj:pass" if passive else child.dep_
                    self._role_from(child, trigger, passive, frame, resolution, as_dep=inherited)
        if trigger.pos_ == "VERB" and trigger.dep_ in ("acl", "amod") and trigger.head.pos_ == "NOUN" \
                and not self._is_trigger(trigger.head) and not any(c.dep_ == "obj" for c in trigger.children):
            self._role_from(trigger.head, trigger, True, frame, resolution, force=None, as_dep="nsubj:pass")
        if trigger.pos_ == "NOUN":
            modifiers = [c for c in trigger.children if c.dep_ == "amod"]
            modifiers += [g for c in trigger.children if c.dep_ == "nmod" and lemma(c) not in self.region_nouns
                          for g in c.children if g.dep_ == "amod"]  # not "l'attaque … près de la frontière malienne"
            modifiers += [g for c in modifiers for g in c.children if g.dep_ == "conj"]  # "les bombardements russes et syriens"
            for child in modifiers:  # "une frappe américaine", "une frappe de drone américaine"
                state = self.resolver.demonym_state(trigger.doc, child, resolution)
                if state:
                    frame.add_role("attacker", state, child)
            started = self._started(trigger)
            if trigger.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "nmod") and self._suffered(trigger):
                verb = trigger.head
                while verb.dep_ == "conj" and not has_subject(verb):
                    verb = verb.head  # "le Front subit … et fait face aux bombardements"
                for child in verb.children:  # "le groupe subit des bombardements", "fait face aux frappes"
                    if child.dep_ in ("nsubj", "nsubj:pass"):
                        self._role_from(child, trigger.head, False, frame, resolution, force="target")
            elif started is not None:  # "l'armée a annoncé le lancement d'une offensive"
                for child in subjects(started):
                    self._role_from(child, started, False, frame, resolution, force="attacker")
            elif trigger.dep_ in ("obj", "obl:arg", "obl", "obl:mod") and lemma(trigger.head) in self.launch_verbs and (
                    trigger.dep_ == "obj" or case_of(trigger) in self.launch_cases):  # "procéder à", not "sur l'attaque"
                verb = trigger.head  # "l'armée a lancé l'offensive", "a mené dimanche des frappes", "annonce avoir mené"
                agents = [c for c in verb.children if c.dep_ == "obl:agent"]
                for child in ([] if is_passive(verb) else subjects(verb)) + agents:
                    self._role_from(child, verb, False, frame, resolution, force="attacker")
                for child in verb.children:  # "ont tendu une embuscade à un convoi", "mené une offensive contre la ville"
                    if child != trigger and child.dep_.startswith("obl") and child.dep_ != "obl:agent" \
                            and case_of(child) in self.aimed_preps:
                        self._role_from(child, verb, False, frame, resolution, force="target")
            elif trigger.dep_ in ("obj", "obl:arg", "obl") and trigger.head.pos_ == "VERB" and not is_passive(trigger.head) \
                    and any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in trigger.children) \
                    and self._verb_lemma(trigger.head) not in self.saying_verbs:
                for child in subjects(trigger.head):  # "les FDS ont mis en pause leur offensive": theirs
                    self._role_from(child, trigger.head, False, frame, resolution, force="attacker")
            for child in trigger.children:
                if child.dep_ == "acl" and self._verb_lemma(child) not in self.statement_verbs:
                    for agent in child.children:  # "raids menés par les autorités turques", not "revendiqué par"
                        if agent.dep_ == "obl:agent" or (self._verb_lemma(child) in self.linked and case_of(agent)
                                                         in self.lex["dative_preps"]):  # "attentats liés à l'EI"
                            self._role_from(agent, child, True, frame, resolution, force="attacker")
            carrier = self._carried_out_by(trigger)  # "l'attaque, commise par deux Palestiniens", "a été menée par"
            for agent in carrier.children if carrier is not None else []:
                if self._agent(agent):
                    self._role_from(agent, carrier, True, frame, resolution, force="attacker")
            if trigger.dep_ in ("nsubj", "nsubj:pass") and trigger.head.pos_ == "VERB" and not self._opposes(trigger.head) \
                    and self._verb_lemma(trigger.head) not in self.statement_verbs:  # not "attribuée aux shebab"; the sides
                verb = trigger.head
                costs_lives = self._costs_lives(verb)  # "l'attaque a coûté la vie à trois soldats"
                tolls = [c for c in verb.children if c.dep_ == "obj" and lemma(c) in self.death_nouns]  # "a fait 20 morts
                for child in [*verb.children, *(g for c in tolls for g in c.children)]:  # parmi les soldats"
                    if child != trigger and child.dep_ in ("obj", "obl", "obl:mod", "obl:arg", "nmod"):
                        death_of = child.head in tolls and child.head.morph.get("Number") == ["Sing"] and case_of(
                            child) in self.of_preps  # "a causé la mort de trois personnes"
                        dead = (costs_lives and case_of(child) in self.lex["dative_preps"]) or death_of or (
                            tolls and case_of(child) in self.lex["among_preps"])
                        self._role_from(child, verb, False, frame, resolution, force="victims" if dead else None)
                        costs_lives = costs_lives or death_of
                if lemma(verb) in self.kill_verbs or costs_lives:
                    frame.kill = True
            if trigger.dep_ in ("obl", "obl:mod", "nmod") and self._dies(trigger.head):
                for child in subjects(trigger.head) + [c for c in trigger.head.children if c.dep_ == "nsubj:pass"]:
                    self._role_from(child, trigger.head, False, frame, resolution, force="victims")  # "sont morts dans
                frame.kill = True  # l'explosion"

    def _costs_lives(self, verb) -> bool:
        """"a coûté la vie à": a verb whose object is life, its 'à' complement the dead."""
        return lemma(verb) in self.life_verbs and any(c.dep_ == "obj" and lemma(c) in self.lives for c in verb.children)

    def _dies(self, token) -> bool:
        """Whether a word says its subject died ("ont péri", "sont morts", the tagger reading "morts" as a noun)."""
        return lemma(token) in self.death_verbs and (
            token.pos_ in ("VERB", "ADJ") or any(c.dep_ == "cop" for c in token.children))

    def _says_it_did(self, verb) -> bool:
        """Whether a verb is the infinitive a speech verb without object governs, its subject the speaker's ("L'armée
        a annoncé avoir frappé 130 cibles"), unlike "Kiev accuse Moscou d'avoir visé"."""
        head = verb.head
        infinitive = any("Inf" in t.morph.get("VerbForm") for t in [verb, *(c for c in verb.children if c.dep_.startswith("aux"))])
        return verb.dep_ == "xcomp" and infinitive and lemma(head) in self.lex["speech_verbs"] \
            and not any(c.dep_ == "obj" for c in head.children)

    def _carried_out_by(self, trigger):
        """The passive launch verb that says who carried out an attack noun, when the parser did not make it the noun's
        modifier: the participle right after the noun and its complements ("une attaque à l'arme à feu, commise par",
        unless it modifies another attack word), or the passive verb the noun is subject of, itself or through a
        conjunct ("l'opération a duré … et a été menée par"). None if there is none."""
        for token in trigger.doc[trigger.i + 1: trigger.sent.end]:
            if token.pos_ == "VERB":
                if "Part" in token.morph.get("VerbForm") and lemma(token) in self.launch_verbs and token.head != trigger \
                        and (token.dep_ not in ("acl", "amod") or (  # hung on the noun's complement: "l'attaque contre
                            trigger.is_ancestor(token.head) and not self._is_trigger(token.head))):  # la caserne, menée par"
                    return token
                break
            if token.pos_ != "PUNCT" and not trigger.is_ancestor(token):
                break
        if trigger.dep_ in ("nsubj", "nsubj:pass") and trigger.head.pos_ == "VERB":
            verbs = [trigger.head] + [c for c in trigger.head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                                      and not has_subject(c)]
            return next((v for v in verbs if lemma(v) in self.launch_verbs and is_passive(v)), None)
        return None

    def _started(self, trigger):
        """The verb whose object is the start of an attack noun ("a annoncé le début de l'offensive"), if any."""
        start = trigger.head
        if trigger.dep_ != "nmod" or case_of(trigger) not in self.of_preps or lemma(start) not in self.start_nouns:
            return None
        verb = start.head
        return verb if start.dep_ == "obj" and verb.pos_ == "VERB" and lemma(verb) in self.starting else None

    def _launched(self, trigger, verb) -> bool:
        """Whether an attack noun can be what a launch verb carries out, though attached elsewhere ("a mené dimanche
        des frappes"): not a complement of another noun ("une enquête sur l'attaque") nor of time ("après l'attaque")."""
        if case_of(trigger) not in self.launch_cases | self.of_preps | {""}:  # "une vague de frappes"
            return False
        head = trigger.head
        while head != verb and head.head != head:
            if head.pos_ == "NOUN" and head.lower_ not in self.day_words and lemma(head) not in self.lex["series_words"] \
                    and head.lower_ not in self.lex["quantity_nouns"] and not self._is_trigger(head):  # "une vague de frappes"
                return False
            head = head.head
        return True

    def _suffered(self, trigger) -> bool:
        """"subit des bombardements", "fait face aux frappes", "est la cible de raids"."""
        verb = trigger.head
        if lemma(verb) not in self.lex["suffer_verbs"]:
            return False
        markers = {lemma(c) for c in verb.children} | set(case_of(trigger).split())
        return lemma(verb) in self.lex["suffer_alone"] or bool(markers & set(self.lex["suffer_objects"]))

    def _role_from(self, child, trigger, passive: bool, frame: Frame, resolution: Resolution,
                   force: str | None = None, as_dep: str | None = None) -> None:
        if lemma(child) in self.alongside:
            return  # "aux côtés de la coalition": allies, no role
        dep, case = as_dep or child.dep_, case_of(child)
        verb = trigger.pos_ == "VERB"
        for key, token in self._fillers(child, resolution):
            type_ = resolution.entities[key].type
            if force:
                role = force
            elif verb and ((dep == "nsubj" and not passive) or dep == "obl:agent"):
                role = "attacker"
            elif verb and (dep == "obj" or (dep == "nsubj:pass") or (dep == "nsubj" and passive)
                           or (dep.startswith("obl") and not case and self._object_position(trigger, child))):
                role = "victims" if lemma(trigger) in self.kill_verbs and type_ not in LOCATION_TYPES else "target"
            elif case in self.target_preps or (case in self.near_preps and type_ == "Facility") \
                    or (verb and case in self.lex["dative_preps"] and self._reflexive_attack(trigger)) \
                    or (verb and case in self.lex["dative_preps"] and type_ in ACTOR_TYPES - {"Person", "State"}):
                role = "target"
            elif case in self.of_preps and not verb and self._trigger_key(trigger) in self.victim_of_nouns \
                    and type_ in VICTIM_TYPES:
                role = "victims"  # "l'assassinat du gouverneur", "l'enlèvement de deux humanitaires"
            elif case in self.of_preps and not verb and type_ == "Place":
                role = "place"  # "l'attentat de Nice", "les explosions de Dortmund"
            elif case in self.of_preps and not verb and type_ == "Facility" and has_determiner(token, self.definite):
                role = "target"  # "le bombardement de l'hôpital de Kunduz", "l'attaque de la caserne", not "d'avions"
            elif case in self.of_preps and not verb and type_ in AGGRESSOR_TYPES - {"Person"}:
                role = "attacker"
            elif not verb and case in self.agent_preps and type_ in AGGRESSOR_TYPES:
                role = "attacker"  # "l'attaque par la garde républicaine du quartier général"
            elif verb and case in self.of_preps and lemma(trigger) in self.removal_verbs and type_ in LOCATION_TYPES:
                role = "place"  # "ont expulsé l'EI d'al-Bab"
            elif verb and case in self.of_preps and self._reflexive_seize(trigger):
                role = "target"  # "se sont emparés de la ville de Bunagana"
            elif case in self.place_preps and (type_ in LOCATION_TYPES or (
                    type_ == "State" and case in self.lex["country_preps"] and lemma(token) not in self.state_nouns)):
                role = "place"  # "à Bagdad", "dans la gare", "en Irak"
            else:
                continue
            if role in ("target", "victims") and key in frame.roles.get("attacker", []) and self.resolver.group_word(token) \
                    and resolution.mention_at(token.i) is None:  # "les Imbonerakure ont battu des militants": not their own
                key = self.resolver.nominal(token.doc, token, resolution, "ArmedGroup").key
            if role in ("target", "victims") and type_ != "Person" and self._title(token, resolution):
                key, type_ = self._titled(token, resolution), "Person"  # "le chef de l'EI a été tué": the chief, not the group
            if role == "attacker" and type_ in LOCATION_TYPES:
                continue
            if role == "target" and type_ == "Media" and not verb and trigger.dep_ == "obj" \
                    and self._verb_lemma(trigger.head) in self.statement_verbs:
                continue  # "ont revendiqué l'attentat sur Radio Andalus, leur station de radio": the channel, not the target
            if role == "victims" and type_ not in VICTIM_TYPES:
                role = "target"
            if role == "target" and type_ == "Person" and (frame.kill or self._fatalities(trigger.sent) or (
                    is_nominal(key) and lemma(trigger) not in self.conquest_verbs)):  # not "les jihadistes ont été chassés"
                role = "victims"  # people harmed, or unnamed people ("des personnes") attacked
            if role == "target" and _region(key, resolution):
                frame.add_role("place", key, token)  # "sur le nord d'Israël": the state is struck there
                key, type_ = self._region_state(token, resolution), "State"
            frame.add_role(role, key, token)
            if role == "target" and type_ == "Place":
                frame.add_role("place", key, token)  # "a frappé la capitale": the place attacked
            if role in ("target", "place") and type_ == "Facility":
                for place, where in self._located_in(token, resolution):
                    frame.add_role("place", place, where)  # "un hôtel du centre de Mogadiscio"

    def _object_position(self, verb, child) -> bool:
        """Whether a complement without preposition stands where an object would, right after the verb or
        after a day or adverb only ("a frappé Kaboul", "a attaqué dimanche la base"): a misparsed object."""
        between = verb.doc[verb.i + 1: child.left_edge.i]
        return child.i > verb.i and all(t.pos_ == "ADV" or t.lower_ in self.day_words for t in between)

    def _located_in(self, token, resolution: Resolution, depth: int = 2):
        """Places named by a site's noun modifiers: "la gare de Marseille", "un hôtel du centre de Mogadiscio"."""
        for child in token.children:
            if child.dep_ != "nmod" or case_of(child) not in self.of_preps | set(self.place_preps):
                continue
            places = [m.key for m in resolution.mentions  # nested in the site's own (nominal) mention
                      if m.start <= child.i < m.end and resolution.entities[m.key].type == "Place"]
            if places:
                yield places[0], child
            elif depth > 1:
                yield from self._located_in(child, resolution, depth - 1)

    def _fillers(self, token, resolution: Resolution):
        """Entities a dependent stands for: its mention, its conjuncts, or a nominal participant."""
        if token.pos_ == "PRON" and token.lower_ in self.lex["relative_pronouns"]:
            token = self._antecedent(token)  # "Israël, qui a riposté": the relative pronoun stands for its antecedent
        elif token.pos_ == "PRON" and token.lower_ in self.lex["subject_pronouns"] and resolution.mention_at(token.i) is None \
                and token.head.dep_ == "ccomp" and lemma(token.head.head) in self.lex["speech_verbs"]:
            speakers = [c for c in token.head.head.children if c.dep_ == "nsubj"]  # "La police précise qu'elle a
            if speakers:  # abattu un des assaillants": the speaker, when the pronoun was left unresolved
                token = speakers[0]
        conjuncts = [c for c in token.children if c.dep_ == "conj" and (  # not "… en Syrie"; "et des mercenaires"
            case_of(token) or case_of(c) in self.partitives)]
        if not any(g.dep_ == "cc" for c in conjuncts for g in c.children):
            conjuncts = []  # "Les Imbonerakure, mouvement de jeunesse du parti, ont…": an apposition read as a conjunct
        conjuncts += [g for a in token.children if a.dep_ == "amod" for g in a.children  # "les forces américaines et
                      if g.dep_ == "conj" and resolution.mention_at(g.i)]  # britanniques": the second state's force too
        counted = any(c.dep_ == "nummod" for c in token.children)  # "les quatre personnes, trois femmes et un homme":
        apposed = [c for c in token.children if (c.dep_ == "appos" or (  # the group's make-up adds no one
                   c.dep_ == "conj" and not conjuncts and not case_of(c))) and self._same_kind(token, c, resolution)
                   and lemma(c) not in self.followers  # "Le suspect, un sympathisant de l'EI": not the group
                   and (resolution.mention_at(c.i) or not resolution.mention_at(token.i))  # a description of a name adds no one
                   and not (counted and resolution.mention_at(c.i) is None)]
        for t in [token] + conjuncts + apposed:
            t = self._counted(t)
            mention = resolution.mention_at(t.i)
            member = self._named_member(t, mention, resolution)
            if member is not None:  # "Le soldat français Jean Dupont a été tué": the man, whose force a relation gives
                yield member, t
                continue
            if mention is None and t.pos_ == "NOUN" and lemma(t) in self.region_nouns:
                named = [c for c in t.children if c.dep_ == "nmod" and case_of(c) in self.of_preps]
                named += [g for c in named for g in c.children if g.dep_ == "conj"]  # "les villes de Jablé et Tartous"
                named += [g for c in named if lemma(c) in self.region_nouns and resolution.mention_at(c.i) is None
                          for g in c.children if g.dep_ == "nmod" and case_of(g) in self.of_preps]  # "le sud du gouvernorat d'Hassaké"
                places = [(m.key, c) for c in named
                          for m in [resolution.mention_at(c.i)] if m and resolution.entities[m.key].type == "Place"]
                if places:  # "dans la province de Saada": the place named
                    yield from places
                    continue
                if self._region_state(t, resolution):
                    if not self._describes_place(t, resolution):  # "le Xinjiang, à l'ouest de la Chine": where it is
                        yield self.resolver.nominal(t.doc, t, resolution, "Place").key, t  # "l'ouest de l'Irak": a region
                    continue
            if mention is None and t.pos_ == "NOUN" and lemma(t) in self.facility_nouns:
                owners = [(m.key, c) for c in t.children if c.dep_ == "nmod" and case_of(c) in self.of_preps
                          for m in [resolution.mention_at(c.i)] if m and resolution.entities[m.key].type in ARMED_TYPES]
                yield self.resolver.nominal(t.doc, t, resolution, "Facility").key, t
                yield from owners  # "un convoi de l'armée", "une base des rebelles": the force it belongs to
                continue
            if mention is None and t.lower_ not in self.lex["capital_nouns"]:  # "la capitale du pays" is no participant
                ordered = sorted(t.children, key=lambda c: c.dep_ != "appos")
                for c in ordered:  # "militaires de l'Opération Sentinelle", "le général iranien Qassem Soleimani"
                    if c.dep_ == "appos" and lemma(c) in self.followers:
                        continue
                    inner = resolution.mention_at(c.i) or self._named_below(c, resolution)
                    possessor = c.dep_ in ("appos", "flat:name") or (
                        c.dep_ == "nmod" and (case_of(c) in self.of_preps or not case_of(c)))
                    if inner and possessor and resolution.entities[inner.key].type in ACTOR_TYPES | {"Facility"}:
                        mention = inner
                        break
                    if c.dep_ == "amod" and t.pos_ == "NOUN" and not self._participant_noun(t) \
                            and lemma(t) not in self.region_nouns:  # "des positions iraniennes", not "la frontière malienne"
                        state = self.resolver.demonym_state(t.doc, c, resolution)
                        if state:
                            mention = resolution.mention_at(c.i)
                            break
            if mention is not None:
                yield mention.key, t
            elif t.pos_ == "NOUN" and t.lower_ in self.lex["force_nouns"]:  # "la police", "les policiers"
                kind = self.resolver.force_kind(t)
                yield self.resolver.nominal(t.doc, t, resolution, "MilitaryForce", kind).key, t
            elif t.pos_ == "NOUN" and t.lower_ in self.member_nouns and self._group(t, resolution) and not any(
                    c.dep_ == "nmod" and case_of(c) in self.of_preps and m and resolution.entities[m.key].type in LOCATION_TYPES
                    for c in t.children for m in [resolution.mention_at(c.i)]):  # not "les combattants d'Idleb"
                yield self._group(t, resolution), t  # "200 djihadistes": members of the group in focus
            elif (t.pos_ == "NOUN" or _adjective_noun(t)) and (t.lower_ in self.person_nouns or lemma(t) in self.person_nouns):
                yield self.resolver.nominal(t.doc, t, resolution, "Person").key, t
            elif t.pos_ == "NOUN" and lemma(t) in self.group_nouns and (not has_determiner(t, self.definite) or (
                    t.morph.get("Number") == ["Plur"] and any(c.dep_ == "amod" for c in t.children))):
                yield self.resolver.nominal(t.doc, t, resolution, "ArmedGroup").key, t  # "des milices", "les milices
                # pro-iraniennes" when no group was named before; not a bare "le groupe"
            elif t.pos_ == "NOUN" and t.lower_ in self.member_nouns:  # "les rebelles", no group in focus
                yield self.resolver.nominal(t.doc, t, resolution, "ArmedGroup").key, t
            elif t.text[:1].isupper() and strip_accents(t.lower_) in self.resolver.demonyms:
                yield self.resolver.nominal(t.doc, t, resolution, "Person").key, t  # "trois Américains"

    def _speakers(self, token, resolution: Resolution) -> list[str]:
        """The entities a speaking subject stands for: its fillers, and the organisation a spokesman (or negotiator)
        speaks for ("Le porte-parole de la coalition, le général Turki al-Maliki, a accusé l'Iran": the general and the
        coalition)."""
        keys = [k for k, _ in self._fillers(token, resolution)]
        # "Mohammed Abdelsalam, négociateur en chef des Houthis": a spokesman noun apposed to the name speaks for them too
        names = [token, *(c for c in token.children if c.dep_ == "flat:name")]
        for noun in [token, *(c for t in names for c in t.children if c.dep_ == "appos")]:
            if lemma(noun) in self.spokesmen:
                complements = [c for c in noun.children if c.dep_ == "nmod"]
                complements += [g for c in complements if case_of(c) not in self.of_preps for g in c.children if g.dep_ == "nmod"]
                keys += [m.key for c in complements if case_of(c) in self.of_preps
                         for m in [resolution.mention_at(c.i)] if m and resolution.entities[m.key].type in ACTOR_TYPES]
        return list(dict.fromkeys(keys))

    def _region_state(self, token, resolution: Resolution) -> str | None:
        """The state a compass word's region belongs to ("le nord d'Israël": Israel), None if it names none."""
        if lemma(token) not in self.compass:
            return None
        return next((m.key for c in token.children if c.dep_ == "nmod" and case_of(c) in self.of_preps
                     for m in resolution.mentions  # nested in the region's own mention, once it has one
                     if m.start <= c.i < m.end and resolution.entities[m.key].type == "State"), None)

    @staticmethod
    def _describes_place(token, resolution: Resolution) -> bool:
        """Whether a phrase comes right after a named place and a comma, locating it ("le Xinjiang, à l'ouest de…")."""
        comma = token.left_edge.i - 1
        mention = resolution.mention_at(comma - 1) if comma > 0 and token.doc[comma].text == "," else None
        return mention is not None and resolution.entities[mention.key].type == "Place"

    def _title(self, token, resolution: Resolution) -> bool:
        """Whether a participant word is a leader's title standing without a name of its own ("le chef de l'EI")."""
        return token.pos_ == "NOUN" and lemma(token) in self.leader_titles and resolution.mention_at(token.i) is None

    def _titled(self, title, resolution: Resolution) -> str:
        """The person a leader's title stands for: the one named with it, else an unnamed person node."""
        return (self.resolver.named_with(title, resolution) or resolution.named_before(title, {"Person"})
                or self.resolver.nominal(title.doc, title, resolution, "Person").key)

    def _named_member(self, token, mention, resolution: Resolution) -> str | None:
        """The named person a singular force noun titles ("le soldat français Jean Dupont"), if any."""
        if mention is None or resolution.entities[mention.key].type != "MilitaryForce" or token.morph.get("Number") != ["Sing"]:
            return None
        return self.resolver.name_after(token, resolution)

    def _counted(self, token):
        """What a quantity or collective noun, or a counting pronoun, counts: "une centaine de civils" → "civils",
        "un groupe de militaires", "un de ses gardes du corps" (not "une des factions…, Harakat al-Nujaba": named)."""
        of = [c for c in token.children if c.dep_ == "nmod" and case_of(c) in self.of_preps]
        if token.pos_ == "NOUN" and token.lower_ in self.lex["quantity_nouns"]:
            counted = of
        elif token.pos_ in ("DET", "PRON", "NUM") and not any(c.dep_ == "appos" for c in token.children):
            counted = [c for c in of if c.pos_ == "NOUN"]
        elif token.pos_ == "NOUN" and token.lower_ in self.lex["collective_nouns"]["words"] and not token.ent_type_:
            # "un groupe de militaires", not "le groupe État islamique d'al-Bab" (a name)
            counted = [c for c in of if c.pos_ == "NOUN" and not any(d.dep_ == "det" for d in c.children)]
        else:
            counted = []
        return counted[0] if counted else token

    def _participant_noun(self, token) -> bool:
        """Whether a noun names a participant of its own (a person, force, facility or group noun)."""
        word = lemma(token)
        return (token.lower_ in self.person_nouns or word in self.person_nouns or token.lower_ in self.lex["force_nouns"]
                or word in self.facility_nouns or word in self.group_nouns or token.lower_ in self.member_nouns)

    def _perpetrator(self, key: str, resolution: Resolution) -> bool:
        """Whether an entity is an unnamed perpetrator ("les assaillants", "le kamikaze")."""
        entity = resolution.entities[key]
        return not entity.from_gazetteer and (key.rsplit("/", 1)[-1] in PERPETRATOR_KINDS or any(
            w.lower() in self.perpetrators for w in entity.label.split()) or any(  # also "des hommes armés", the
            new == key and old.rsplit("/", 1)[-1] in PERPETRATOR_KINDS for old, new in resolution.merged.items()))
        # resolver's node, and the person it was named ("le tireur, Omar Mateen")

    def _counters(self, roles: dict[str, list[str]], resolution: Resolution) -> bool:
        """Whether an event's victims are another attack's perpetrators (the police shooting the attacker)."""
        return any(self._perpetrator(k, resolution) for k in roles.get("victims", []))

    def _named_below(self, complement, resolution: Resolution):
        """The mention one level below a complement that names nothing itself: "le chef de la police, le général X",
        "du groupe EI" (not a person: "les forces du régime de Bachar"), "un réseau de tunnels de l'EI" (an armed group)."""
        if complement.dep_ not in ("appos", "nmod"):
            return None
        for g in complement.children:
            m = resolution.mention_at(g.i)
            if m and g.dep_ in ("appos", "flat:name", "nmod") and not case_of(g) and (
                    complement.dep_ == "appos" or resolution.entities[m.key].type != "Person"
                    or (complement.lower_ in self.person_nouns and not self._participant_noun(complement.head))):
                return m  # "la voiture du ministre Willy Nyamitwe" (not "l'armée du président Bachar al-Assad")
        for g in complement.children:
            m = resolution.mention_at(g.i)
            if m and g.dep_ == "nmod" and case_of(g) in self.of_preps and resolution.entities[m.key].type in ARMED_TYPES:
                return m
        return None

    @staticmethod
    def _same_kind(head, appos, resolution: Resolution) -> bool:
        """Whether an apposition can name the same participant as its head: not a person beside a force
        ("les forces du régime de Bachar el-Assad", misparsed as an apposition)."""
        mentions = [resolution.mention_at(head.i), resolution.mention_at(appos.i)]
        if None in mentions:
            return True
        people = [resolution.entities[m.key].type == "Person" for m in mentions]
        return people[0] == people[1]

    def _group(self, token, resolution: Resolution) -> str | None:
        entity = self.resolver.salient(token, resolution, ["ArmedGroup"])
        return entity.key if entity else None

    @staticmethod
    def _antecedent(pronoun):
        """The noun a relative pronoun refers to: its clause's head, else the word before it (skipping a comma)."""
        if pronoun.head.dep_ == "acl:relcl":
            return pronoun.head.head
        before = pronoun.i - 1 - (pronoun.i > 0 and pronoun.doc[pronoun.i - 1].is_punct)
        return pronoun.doc[before] if before >= 0 else pronoun

    def _weapon(self, sent, group) -> str | None:
        """A weapon named around the triggers ("tiré des roquettes"), else the trigger's own ("frappe")."""
        tokens = [t for trigger in group for t in (  # not what a response answers: "en riposte à des tirs de roquettes"
            trigger.subtree if trigger.pos_ == "NOUN" and not self._retaliation_word(trigger) else trigger.children)]
        tokens += [t for trigger in group if trigger.pos_ == "VERB" for c in trigger.children
                   if not self._retaliation_word(c) for t in c.subtree]  # not "en riposte à des tirs de roquettes"
        named = {entry for t in tokens for entry in phrases_at(t, self.weapon_phrases)}  # "une voiture piégée"
        for word, value in self.weapons.items():
            if word in named:
                return value
        if any(lemma(t) in self.ramming["verbs"] and any(c.dep_ == "nsubj" and lemma(c) in self.ramming["vehicles"]
                                                          for c in t.children) for t in group):
            return "vehicle"  # "Une voiture a foncé sur des piétons"
        for trigger in group:
            table = self.attack_nouns if trigger.pos_ == "NOUN" else self.attack_verbs
            value = table.get(self._trigger_key(trigger) or "")
            if value:
                return value
        return None

    def _fatalities(self, sent) -> int | None:
        """"29 morts", "faisant au moins dix morts", "tuant 25 soldats", "a fait un mort"."""
        quantities = self.lex["quantity_nouns"]
        for token in sent:
            killing = token.pos_ == "VERB" and lemma(token) in self.kill_verbs
            costs_lives = token.pos_ == "VERB" and self._costs_lives(token)
            if killing or costs_lives or self._dies(token):  # "ont péri", "sont morts", "a coûté la vie à trois soldats"
                for obj in (c for c in token.children  # "vingt soldats ont été tués", "a tué mardi au moins 51 civils"
                            if c.dep_ in (("obj", "nsubj:pass") if killing else ("nsubj", "nsubj:pass"))
                            or (killing and c.dep_.startswith("obl") and not case_of(c))
                            or (costs_lives and case_of(c) in self.lex["dative_preps"])):
                    if quantities.get(obj.lower_):  # "une centaine de civils"
                        return quantities[obj.lower_]
                    counts = [n for o in [obj, *(c for c in obj.children if c.dep_ == "conj")]  # "Deux militaires
                              if (n := self._count(o, ("nummod", "det"))) is not None]  # américains et une soldate"
                    if counts:
                        return sum(counts)
            if lemma(token) in self.death_nouns or token.lower_ in self.death_nouns:
                if quantities.get(token.head.lower_) and case_of(token) in self.of_preps:
                    return quantities[token.head.lower_]  # "une vingtaine de morts"
                count = self._count(token, ("nummod",))
                if count is not None:
                    return count
                if any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in token.children):
                    return 1
        return None

    def _count(self, noun, deps: tuple[str, ...]) -> int | None:
        """The number a noun's `deps` children give ("2 | 700", "un", "vingt-trois"), None if none."""
        return next((n for c in noun.children if c.dep_ in deps
                     for n in [_number(c, self.numbers, self.lex["number_compounds"])] if n is not None), None)

    # -- merging mentions into events --------------------------------------------------
    def _merge(self, frame: Frame, events: list[Event], meta: list[dict], resolution: Resolution) -> int:
        exprs = {e for e, _ in frame.dates}
        sentence = frame.triggers[0].sent.start  # a response is not the event it answers in its own sentence
        target = None
        if frame.series and frame.generic and not any(e.series for e in events):
            frame.series, frame.definite = False, True  # "les attentats" with no series yet: the incident itself
        if frame.series:
            target = next((i for i, e in enumerate(events) if e.series or meta[i].get("announced")), None)
            if target is None:
                target = self._announced(frame, events, meta)
                if target is not None:
                    meta[target]["announced"] = True  # the series the title told: the sentence's other mentions too
                    if frame.type == "Retaliation" and events[target].type == "Attack":
                        events[target].type = "Retaliation"  # the title's strikes answered the attack told before them
                        events[target].responds_to = _latest_attack(events, target)
        elif events:
            candidates = [i for i, e in enumerate(events) if not e.series and e.type != "Threat"]
            same_day = [i for i in candidates if meta[i]["exprs"] & exprs and not (
                frame.type == "Retaliation" and events[i].type != "Retaliation" and meta[i]["sentence"] == sentence)
                and not _strikes_back(events[i], frame)  # "a tué un passant samedi avant d'être abattu par la police"
                and not _other_attackers(events[i], frame)]  # "une opération pour libérer des pêcheurs enlevés par X"
            compatible = [i for i in candidates if self._compatible(events[i], frame, resolution, i == candidates[-1])]
            if same_day:
                target = same_day[-1]
            elif candidates and meta[candidates[-1]]["title"] and not frame.title and (
                    (frame.type == "Retaliation") == (events[candidates[-1]].type == "Retaliation")):
                target = candidates[-1]  # the body's first mention of the incident its title announced
            elif frame.definite and compatible:
                target = compatible[0]  # "l'attaque", "cette attaque": the article's main incident
            elif compatible:
                target = compatible[-1]
        if target is None:
            events.append(self._new_event(frame, resolution))
            meta.append({"exprs": set(exprs), "title": frame.title, "sentence": sentence})
            earlier = [e for e in events[:-1] if e.type != "Threat" and not e.series]
            if frame.type == "Retaliation":
                events[-1].responds_to = _latest_attack(events, len(events) - 1)
            sequel = frame.type == "Retaliation" or any(
                lemma(t) in self.lex["sequel_markers"] for t in frame.triggers[0].sent)
            if events[-1].date is None and frame.counter and earlier and earlier[-1].date:
                events[-1].date = earlier[-1].date  # "Les forces de sécurité ont abattu les assaillants": that day
            elif events[-1].date is None and sequel and earlier and earlier[-1].date:
                events[-1].date = _month_of(earlier[-1].date)  # "a répondu…", "quelques jours plus tard"
            return len(events) - 1
        event = events[target]
        meta[target]["exprs"] |= exprs
        meta[target]["title"] = meta[target]["title"] and frame.title
        if _best_date(frame.dates) and meta[target].pop("provisional", False):
            event.date = None  # the publication date only stood in for the date this mention gives
        self._absorb(event, frame, resolution)
        return target

    def _announced(self, frame: Frame, events: list[Event], meta: list[dict]) -> int | None:
        """The incident only the title told that a series of strikes is ("Washington et Londres frappent les Houthis", then
        "les forces américaines ont mené une série de frappes contre les Houthis"): same targets, attackers of one state."""
        def states(keys: list[str]) -> set[str]:
            return {self.resolver.actor_state(k) or k for k in keys}
        return next((i for i, (event, info) in enumerate(zip(events, meta)) if info["title"] and not event.series
                     and event.type != "Threat" and set(frame.roles.get("target", [])) & set(event.roles.get("target", []))
                     and states(frame.roles.get("attacker", [])) & states(event.roles.get("attacker", []))), None)

    def _compatible(self, event: Event, frame: Frame, resolution: Resolution, latest: bool = False) -> bool:
        """Whether a mention can describe the same incident as an earlier event (no conflicting facts); an attack
        with no attacker named may tell more of the latest event, a retaliation ("Le Jihad islamique a tiré 250
        roquettes en représailles … Une roquette s'est abattue près de Gan Yavné")."""
        if (frame.type == "Retaliation") != (event.type == "Retaliation") and not (
                latest and event.type == "Retaliation" and not frame.roles.get("attacker")):
            return False
        if frame.counter != self._counters(event.roles, resolution):
            return False  # the attackers shot by the police: a response, not the attack itself
        if any(case_of(t) in self.sequence_preps and any(s.start <= t.head.idx < s.end for s in event.evidence)
               for t in frame.triggers):
            return False  # "frappent les Houthis après une attaque contre un navire": the attack before the strikes
        institutions = [k for k in frame.roles.get("attacker", []) if resolution.entities[k].type not in ("Person", "ArmedGroup")]
        if event.weapon == "vehicle" and not event.roles.get("attacker") and institutions:
            return False  # "des coups de feu tirés par la police" after a car driven into a crowd: not who drove it
        date = _best_date(frame.dates)
        towns = self._named_places(frame.roles.get("place", []))
        elsewhere = bool(towns - set(event.roles.get("place", [])))
        earlier = any(_pluperfect(t) or _pluperfect(t.head) for t in frame.triggers)  # "avait fait 23 morts"
        if date and event.date and date.value[:7] != event.date.value[:7] and (
                not frame.definite or elsewhere or earlier or (frame.own_date and date.value[:4] != event.date.value[:4])):
            return False  # another month; even "les attentats de janvier 2015" when the event is of 2016, "l'attentat
            # de Berlin commis le 19 décembre" in a January article, or "En janvier 2019, l'attentat … avait fait 23 morts"
        if date and event.date and date.granularity == event.date.granularity == "day" and date.value != event.date.value \
                and not frame.definite:
            return False  # "Deux soldats ont été tués lundi … Dimanche, un troisième soldat a été tué": another day
        published = resolution.document.published
        if date and event.date is None and frame.own_date and published and date.value[:4] != published[:4]:
            return False  # an undated event is the news; "les attentats de janvier 2015" are of another year
        for role in ("attacker", "victims"):  # unnamed victims ("des fidèles", "six personnes") may be the same people
            mine = {k for k in frame.roles.get(role, []) if role == "attacker" or not is_nominal(k)}
            theirs = {k for k in event.roles.get(role, []) if role == "attacker" or not is_nominal(k)}
            if mine and theirs and not mine & theirs:
                return False
        mine, theirs = self._countries(frame.roles.get("place", [])), self._countries(event.roles.get("place", []))
        if mine and theirs and not mine & theirs:
            return False  # a city of another country: another incident
        theirs = self._named_places(event.roles.get("place", []))
        if towns and theirs and not towns & theirs:
            return False  # another town of the same country: "Le 24 août, ils prennent Jarablus … puis al-Raï"
        if self._same_side(frame.roles.get("attacker", []), event.roles.get("target", []) + event.roles.get("victims", []), resolution) \
                or self._same_side(event.roles.get("attacker", []), frame.roles.get("target", []) + frame.roles.get("victims", []), resolution):
            return False  # the army's strike on the group is not the group's attack on the security forces
        if frame.counter and not frame.roles.get("attacker") and set(frame.roles.get("victims", [])) <= set(event.roles["victims"]):
            return True  # "abattu par la police … il a été neutralisé par un tir de pistolet": that shooting again
        if any(t.pos_ == "NOUN" and self._introduces(t) for t in frame.triggers) and (
                date or frame.roles.get("victims")) and not frame.title:
            return False  # "une attaque ... a tué X", "Fin décembre, une attaque", "… tués dans une attaque": a new incident
        if not frame.definite and any(_pluperfect(t) for t in frame.triggers):
            return False  # "quatre civils avaient été tués": an earlier incident, told in the background
        if all(lemma(t) in self.advance_verbs for t in frame.triggers) \
                and not set(frame.roles.get("attacker", [])) & set(event.roles.get("attacker", [])):
            return False  # "Au même moment, l'armée progresse à l'est d'Alep": its own offensive, not the bombing before
        return True

    def _same_side(self, attackers: list[str], struck: list[str], resolution: Resolution) -> bool:
        """Whether an attacker would strike itself or a force of its own state (two forces of one state)."""
        def state(key: str) -> str | None:
            return self._state_if(key, resolution, {"MilitaryForce"})
        return any(a == s or (state(a) is not None and state(a) == state(s)) for a in attackers for s in struck)

    def _named_places(self, places: list[str]) -> set[str]:
        """The gazetteer's places (not states, not facilities) among `places`."""
        actors = self.resolver.actors
        return {k for k in places if k in actors and actors[k]["type"] == "Place"}

    def _countries(self, places: list[str]) -> set[str]:
        """The countries of the gazetteer places among `places` (a state is its own country)."""
        actors = self.resolver.actors
        return {actors[k].get("country") or (k if actors[k]["type"] == "State" else None)
                for k in places if k in actors} - {None}

    def _new_event(self, frame: Frame, resolution: Resolution) -> Event:
        event = Event(type=frame.type, series=frame.series)
        self._absorb(event, frame, resolution)
        return event

    def _absorb(self, event: Event, frame: Frame, resolution: Resolution) -> None:
        sides = {"attacker": ("target", "victims"), "target": ("attacker",), "victims": ("attacker",)}
        for role, keys in frame.roles.items():
            opposed = {k for other in sides.get(role, ()) for k in event.roles.get(other, [])}
            fillers = event.roles.setdefault(role, [])  # an actor already on the other side is a misread mention
            fillers += [k for k in keys if k not in fillers and k not in opposed]
        places = event.roles.get("place", [])
        if any(resolution.entities[k].type != "State" for k in places):  # a city or site beats its country
            event.roles["place"] = [k for k in places if resolution.entities[k].type != "State"]
        event.weapon = event.weapon or frame.weapon
        if frame.fatalities is not None and event.fatalities is None:
            event.fatalities = frame.fatalities
        date = _best_date(frame.dates)
        if date and (event.date is None or (
                not frame.definite and GRANULARITY_RANK[date.granularity] < GRANULARITY_RANK[event.date.granularity])):
            event.date = date
        event.evidence.append(self._span(frame, resolution))

    def _span(self, frame: Frame, resolution: Resolution) -> Span:
        nouns = [t for trigger in frame.triggers if trigger.pos_ == "NOUN" for t in trigger.subtree]
        start, end = subtree_range(frame.triggers + frame.tokens + nouns)
        doc = frame.triggers[0].doc
        while start < end - 1 and doc[start].is_punct:
            start += 1
        while end - 1 > start and doc[end - 1].is_punct:
            end -= 1
        first, last = doc[start], doc[end - 1]
        text = resolution.document.text
        return Span(first.idx, last.idx + len(last), text[first.idx:last.idx + len(last)])

    def _attack_relations(self, event: Event, info: dict, resolution: Resolution) -> list[Relation]:
        """attacked / retaliatedAgainst / killed between the fillers of one merged event (attacked both ways in a clash;
        not killed, the victims named only as wounded)."""
        if event.type == "Threat":
            return []
        fillers = {**event.roles, "struck": self._struck(event, resolution)}
        pairs = [("attacker", "struck", "attacked")] + ([("target", "attacker", "attacked")] if info.get("mutual") else [])
        if event.type == "Retaliation":
            pairs.append(("attacker", "target", "retaliatedAgainst"))
        if info.get("kill"):
            pairs.append(("attacker", "victims", "killed"))
        return [
            Relation(s, predicate, o, event.evidence[:1])
            for a, b, predicate in pairs
            for s in fillers.get(a, [])
            for o in fillers.get(b, [])
            if s != o and resolution.entities[s].type in ACTOR_TYPES and not (
                predicate == "killed" and o in info.get("hurt", set()) - info.get("harmed", set()))
        ]

    @staticmethod
    def _struck(event: Event, resolution: Resolution) -> list[str]:
        """What an attack struck: its targets; with none named, its first victim, else its first place when that is a
        town, a site or a building, not a country ("un homme a ouvert le feu dans une boîte de nuit d'Orlando")."""
        if event.roles.get("target") or event.roles.get("victims"):
            return event.roles.get("target") or event.roles["victims"][:1]
        return [key for key in event.roles.get("place", [])[:1] if resolution.entities[key].type in ("Place", "Facility")]

    def _pairs(self, frame: Frame, a: str, b: str, predicate: str, resolution: Resolution) -> list[Relation]:
        span = self._span(frame, resolution)
        return [
            Relation(s, predicate, o, [span])
            for s in frame.roles.get(a, [])
            for o in frame.roles.get(b, [])
            if s != o and resolution.entities[s].type in ACTOR_TYPES
        ]


def _distance(token, triggers) -> int:
    """Tokens between a word and the nearest of some triggers (very far when there are none)."""
    return min((abs(token.i - t.i) for t in triggers), default=10**6)


def _latest_attack(events: list[Event], response: int) -> int | None:
    """The index of the latest attack (no series) other than the event at `response`: what a response answers."""
    attacks = [i for i, e in enumerate(events) if i != response and e.type == "Attack" and not e.series]
    return attacks[-1] if attacks else None


def _with_participants(events: list[Event]) -> list[Event]:
    """The events that name someone or something (a role or a toll); "les villes assiégées" alone is no event.
    respondsTo indices follow the kept events."""
    kept = [i for i, e in enumerate(events) if e.roles or e.fatalities]
    position = {old: new for new, old in enumerate(kept)}
    for i in kept:
        events[i].responds_to = position.get(events[i].responds_to)
    return [events[i] for i in kept]


def _bare_participle(verb) -> bool:
    """Whether a verb is a past participle with no auxiliary set off after its clause ("56 personnes perdent la vie,
    décapitées pour la plupart"): passive, its subject inherited as the struck; not a conjunct sharing its
    auxiliary ("Il avait lancé sa voiture sur la foule et poignardé un policier")."""
    return verb.dep_ == "advcl" and verb.morph.get("VerbForm") == ["Part"] and "Past" in verb.morph.get("Tense") \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _other_attackers(event: Event, frame: Frame) -> bool:
    """Whether a mention and an event both name attackers, none in common, one of them by name."""
    mine, theirs = set(frame.roles.get("attacker", [])), set(event.roles.get("attacker", []))
    return bool(mine and theirs and not mine & theirs and not all(is_nominal(k) for k in mine | theirs))


def _strikes_back(event: Event, frame: Frame) -> bool:
    """Whether a mention with an attacker of its own strikes an event's attackers, or the other way round: the police
    shooting the attacker ("avant d'être abattu par la police"; "avant d'être abattue", by no one named, adds nothing)."""
    def back(one: dict, other: dict) -> bool:
        return bool(one.get("attacker")) and bool(
            (set(one.get("victims", [])) | set(one.get("target", []))) & set(other.get("attacker", [])))

    return back(frame.roles, event.roles) or back(event.roles, frame.roles)


def _month_of(value: TimeValue) -> TimeValue | None:
    """The month of a day or month (a response or sequel is dated no finer than its antecedent's month)."""
    if value.granularity not in ("day", "month"):
        return None
    return TimeValue(value.value[:7], "month")


def _nearest_first(frame: Frame, dates: list[tuple[int, int, TimeValue]], text: str) -> list[tuple[str, TimeValue]]:
    """A frame's date expressions: those inside a trigger's phrase first ("l'attentat, au cours duquel le bus
    a été visé mardi soir", not "l'islamiste arrêté mercredi"), each group nearest its triggers first; not those of
    another event's phrase if there are others ("des frappes samedi, en riposte à une attaque menée jeudi")."""
    anchors = [t.idx for t in frame.triggers]
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in frame.triggers]
    own = [d for d in dates if not any(a <= d[0] < b for a, b in frame.nested)]
    ordered = sorted(own or dates, key=lambda d: (not any(a <= d[0] < b for a, b in spans),
                                                  min(abs(d[0] - a) for a in anchors)))
    return [(text[s:e].lower(), v) for s, e, v in ordered]


def _best_date(dates: list[tuple[str, TimeValue]]) -> TimeValue | None:
    """The nearest date of day precision, else the nearest of any precision."""
    values = [v for _, v in dates]
    days = [v for v in values if v.granularity == "day"]
    return (days or values or [None])[0]


def _number(token, words: dict[str, int], compounds: dict) -> int | None:
    """A cardinal written in digits ("25", "5 200", also when the tokenizer split it: "2 | 700") or in words ("dix",
    "quatre-vingt-dix": `compounds` says which words multiply and which join)."""
    text = token.text.replace(" ", "").replace("\u202f", "")
    if not text.isdigit():
        parts = [p for p in token.lower_.split("-") if p not in compounds["joiners"]]
        if not parts or any(p not in words for p in parts):
            return None
        total = 0
        for part in parts:
            value = words[part]
            total = total * value if part in compounds["multipliers"] and 0 < total < value else total + value
        return total
    doc, i = token.doc, token.i
    while len(token.text) <= 3 and i + 1 < len(doc) and doc[i].whitespace_ \
            and len(doc[i + 1].text) == 3 and doc[i + 1].text.isdigit():  # groups of three digits after a short head
        i += 1
        text += doc[i].text
    return int(text)


def _pluperfect(verb) -> bool:
    """Whether a verb is in a past-before-past tense (its tense auxiliary in the imperfect: "avaient été tués")."""
    return verb.pos_ == "VERB" and any(c.dep_ == "aux:tense" and "Imp" in c.morph.get("Tense") for c in verb.children)


def _lead_end(doc, title_end: int) -> int:
    """Where an article's lead ends: the first sentence after the title with a verb (its dateline included)."""
    for sent in doc.sents:
        if sent.start_char >= title_end and any(t.pos_ in ("VERB", "AUX") for t in sent):
            return sent.end_char
    return 0


def _date_window(sent) -> int:
    """Where to look for a sentence's dates: a verbless fragment before it ("Fin décembre,") belongs to it."""
    doc = sent.doc
    if sent.start > 0:
        previous = doc[sent.start - 1].sent
        if len(previous) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in previous):
            return previous.start_char
    return sent.start_char


def _adjective_noun(token) -> bool:
    """An adjective the tagger gave a noun's place: counted or determined, as a subject or object ("200 lycéennes")."""
    return token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubj:pass", "obj") and any(
        c.dep_ in ("det", "nummod") for c in token.children)


def _region(key: str, resolution: Resolution) -> bool:
    """Whether a place is an unnamed region of a state ("l'ouest de l'Irak"), which a named place makes redundant."""
    return is_nominal(key) and resolution.entities[key].type == "Place"

"""Actor relations read from noun-phrase structure: leadership, membership, branches, support, bases."""
from __future__ import annotations

from dataclasses import replace

from .lang import Resources
from .model import Relation, Span
from .resolve import Resolution, Resolver, is_nominal
from .syntax import antecedent, case_of, chain_head, conjuncts, described, has_determiner, has_subject, is_passive, lemma, negated, subjects, verb_lemma
from .nlp import strip_accents

ACTORS = {"Person", "State", "MilitaryForce", "ArmedGroup", "Coalition", "Organization", "Media"}
GROUPS = ACTORS - {"Person"}
ARMED = {"MilitaryForce", "ArmedGroup", "Coalition"}
LOCATIONS = {"Place", "Facility", "State"}
UNNAMED = "\0unnamed"  # placeholder holder of a participle frame, replaced by a nominal node if a relation is read
KNOWN_PREDICATES = ("partOf", "supportedBy", "ledBy", "memberOf", "stationedIn")  # not nationality: co-mention implies no citizenship
MEMBERSHIP_TYPES = {"ArmedGroup", "MilitaryForce", "Organization"}  # whose leader is one of their members


class RelationExtractor:
    """Frames over the dependency parse for the relations that are not events."""

    def __init__(self, res: Resources, resolver: Resolver):
        lex = res.lexicon
        self.resolver = resolver
        self.leader_titles = set(lex["leader_titles"])
        self.member_titles = set(lex["member_titles"])
        self.head_of_state = set(lex["head_of_state_titles"])
        self.head_of_government = set(lex["head_of_government_titles"]["words"])
        self.title_suffixes = set(lex["title_suffixes"]["phrases"])
        self.branch_words = set(lex["branch_words"])
        self.unit_nouns = set(lex["unit_nouns"]["words"])
        self.support = set(lex["support_words"])
        self.leadership = set(lex["leadership_words"])
        self.alliance = set(lex["alliance_words"])
        self.stationed = set(lex["stationed_words"])
        self.besieged = set(lex["besieged_words"]["words"])
        self.hosting = set(lex["hosting_verbs"]["verbs"])
        self.quantities = set(lex["quantity_nouns"])
        self.integration = set(lex["integration_words"])
        self.composed, self.composing = set(lex["composition_words"]["passive"]), set(lex["composition_words"]["active"])
        self.founding = set(lex["composition_words"]["founding"])
        self.endings = lex["verb_endings_tagged_adjective"]
        self.strongholds = set(lex["stronghold_words"])
        self.capitals = set(lex["capital_nouns"])
        self.place_preps = set(lex["place_preps"])
        self.based_preps = set(lex["based_preps"]["preps"])
        self.presence = set(lex["presence_nouns"])
        self.control = set(lex["control_verbs"])
        self.operating_preps = set(lex["operating_preps"]["preps"])
        self.negation = set(lex["negation_words"])
        self.indefinite = set(lex["indefinite_determiners"])
        self.definite = set(lex["definite_determiners"])
        self.of_preps = set(lex["of_preps"])
        self.of_cases = self.of_preps | {""}  # "le chef de X", "le chef X"
        self.based_or_of = self.based_preps | self.of_preps
        self.state_nouns = set(lex["state_nouns"])
        self.offices, self.office_cases = set(lex["office_nouns"]["nouns"]), set(lex["office_nouns"]["cases"])
        self.taking_office = set(lex["office_nouns"]["taking_verbs"])
        self.working, self.working_preps = set(lex["employment"]["verbs"]), set(lex["employment"]["preps"])
        self.in_name_of, self.in_name_of_cases = set(lex["in_name_of"]["nouns"]), set(lex["in_name_of"]["cases"])
        self.local_leaders = set(lex["local_leader_titles"])
        self.titles = self.leader_titles | self.member_titles | self.local_leaders
        self.participles = self.support | self.leadership | self.alliance | self.stationed | self.integration | self.composed \
            | self.besieged
        self.backing_verbs = self.support | self.leadership
        self.alliance_cases = {"à", "avec", "au", "aux"} | self.of_cases - {""}
        self.government_titles = set(lex["government_titles"])
        self.government_bodies = set(lex["government_bodies"]["nouns"])
        self.regimes = set(lex["regime_nouns"])
        self.under_preps = set(lex["under_control"]["preps"])
        self.control_nouns = set(lex["under_control"]["nouns"])
        allegiance = lex["allegiance"]
        self.followers, self.pledges = set(allegiance["follower_nouns"]), set(allegiance["pledge_nouns"])
        self.declaring = set(allegiance["reflexive_verbs"])
        self.reflexive_pronouns = set(lex["reflexive_pronouns"])
        self.backing_cases = set(lex["backing"]["cases"])
        self.help_nouns = set(lex["backing"]["nouns"])
        self.backing_nouns = self.help_nouns | set(lex["attack_nouns"])
        self.receiving = set(lex["backing"]["receiving_verbs"])
        giving = lex["backing"]["giving"]
        self.giving_cases, self.giving_to = set(giving["cases"]), set(giving["to"])
        self.supplying, self.supplies = set(giving["verbs"]), set(giving["supplies"])
        self.as_preps = set(lex["as_preps"])
        self.origin_nouns = set(lex["origin_nouns"])
        self.people = set(lex["person_nouns"]) | set(lex["generic_person_nouns"])
        self.compass = set(lex["compass_nouns"])
        self.regions = set(lex["region_nouns"]) | self.compass
        self.partisan = tuple(sorted(lex["partisan_prefixes"]["prefixes"], key=len, reverse=True))

    def extract(self, doc, resolution: Resolution) -> list[Relation]:
        """All structural relations of a resolved document."""
        out: list[Relation] = []
        for sent in doc.sents:
            span = Span(sent.start_char, sent.end_char, resolution.document.text[sent.start_char:sent.end_char])
            out += self._known(sent, resolution, span)
            for token in resolution.tokens(sent):
                pos = token.pos_
                if pos not in ("NOUN", "PROPN", "VERB", "ADJ"):
                    continue
                word = lemma(token)
                if pos == "NOUN":
                    if self._title(token):
                        out += self._titles(token, resolution, span)
                    if word in self.strongholds or word in self.capitals:
                        out += self._stronghold(token, resolution, span)
                    branch = self._branch(token, resolution, span) if word in self.branch_words else []
                    if not branch and word in self.unit_nouns:
                        branch = self._unit(token, resolution, span)
                    out += branch
                    if word in self.presence:
                        out += self._presence(token, resolution, span)
                    if token.lower_ in self.control_nouns and token.i > sent.start \
                            and any(t.lower_ in self.under_preps for t in token.doc[max(sent.start, token.i - 2):token.i]):
                        out += self._under_control(token, sent, resolution, span)
                    if word in self.followers or word in self.pledges:
                        out += self._allegiance(token, word, resolution, span)
                    if word in self.backing_nouns and case_of(token) in self.backing_cases:
                        out += self._backing(token, resolution, span)
                    elif word in self.help_nouns and lemma(token.head) in self.receiving and token.head.pos_ == "VERB" \
                            and not negated(token.head, self.negation):
                        out += self._received_help(token, resolution, span)
                    elif word in self.help_nouns and case_of(token) in self.giving_cases:
                        out += self._help_given(token, [c for c in token.children if c.dep_ == "nmod"], resolution, span)
                    if word in self.regimes:
                        out += self._regime(token, resolution, span)
                    if word in self.offices and (case_of(token) in self.office_cases or (
                            token.dep_ == "obj" and lemma(token.head) in self.taking_office)):  # "prend la direction du groupe"
                        out += self._office(token, resolution, span)
                if pos == "NOUN" and token.morph.get("Number") == ["Sing"] and self.resolver.force_kind(token):
                    out += self._force_member(token, resolution, span)
                if pos in ("NOUN", "PROPN") and token.n_rights and any(
                        c.dep_ == "nmod" and case_of(c) in self.based_or_of for c in token.rights):
                    out += self._based(token, resolution, span)
                if pos in ("NOUN", "PROPN") and token.dep_ == "appos" and (token.text[:1].isupper() or self._demonym(token)):
                    out += self._demonym_apposition(token, resolution, span)
                if pos in ("NOUN", "PROPN", "ADJ") and token.dep_ != "appos":
                    out += self._nationality(token, resolution, span) or self._demonym_after_name(token, resolution, span)
                if pos == "ADJ" and token.dep_ == "amod" and token.lower_.startswith(self.partisan):
                    out += self._partisan(token, resolution, span)
                if pos == "VERB" and word in self.control and not negated(token, self.negation):
                    out += self._control(token, resolution, span)
                if pos == "NOUN" and word in self.in_name_of and case_of(token) in self.in_name_of_cases:
                    out += self._in_name_of(token, resolution, span)
                if pos == "VERB" and word in self.working and not negated(token, self.negation):
                    out += self._works_for(token, resolution, span)
                if pos == "VERB" and word in self.hosting and not negated(token, self.negation):
                    out += self._hosting(token, resolution, span)
                if pos == "VERB" and word in self.supplying and not negated(token, self.negation) and any(
                        c.dep_ == "obj" and lemma(t) in self.supplies for c in token.children for t in [c, *conjuncts(c)]):
                    out += self._help_given(token, [c for c in token.children if c.dep_ in ("iobj", "obl:arg", "obl:mod")
                                                    or (c.dep_ == "conj" and case_of(c))], resolution, span)
                if pos == "VERB" and word in self.declaring:
                    out += self._allegiance(token, word, resolution, span)
                if (pos == "NOUN" and token.dep_ in ("acl", "amod")) or (pos == "ADJ" and verb_lemma(token, self.endings) in self.besieged):
                    word = verb_lemma(token, self.endings)  # a participle tagged as a noun: "milices, alliées à l'Iran"
                if (pos in ("VERB", "ADJ") or token.dep_ in ("acl", "amod")) and word in self.participles \
                        and (word not in self.composed or token.dep_ in ("acl", "amod") or is_passive(token)):
                    out += self._participle(token, word, resolution, span)
                if pos == "VERB" and word in self.composing and not is_passive(token):
                    out += self._composition(token, resolution, span)
                if pos == "VERB" and word in self.founding and not is_passive(token) and not negated(token, self.negation):
                    out += self._founded(token, resolution, span)
        return out + _leaders_are_members(out, resolution)

    def _known(self, sent, resolution: Resolution, span: Span) -> list[Relation]:
        """A relation the gazetteer knows between two actors named in one sentence (lower confidence)."""
        keys = {m.key for m in resolution.mentions if sent.start <= m.start < sent.end and m.kind == "name"}
        return [
            Relation(key, predicate, other, [span], confidence=0.5)
            for key in sorted(keys)
            for predicate in KNOWN_PREDICATES
            for other in self.resolver.actors.get(key, {}).get(predicate, [])
            if other in keys and other != key
        ]

    # -- helpers -----------------------------------------------------------------------
    def _entity(self, token, resolution: Resolution, types: set[str]) -> str | None:
        mention = resolution.mention_at(token.i)
        if mention and resolution.entities[mention.key].type in types:
            return mention.key
        return None

    def _entity_or_of(self, token, resolution: Resolution, types: set[str]) -> str | None:
        """The entity of the types a nominal names, else the one in its `de` complement ("la base d'Aïn al-Assad")."""
        return self._entity(token, resolution, types) or self._of(token, resolution, types) or (
            self._region_of(token, resolution, types) if lemma(token) in self.regions else None)

    def _location(self, token, resolution: Resolution) -> str | None:
        """Where a stationed or control phrase puts an actor: an unnamed part of a state named by a compass word is a
        region node, as an event's place is ("qui dominent le nord de la Syrie"); else the place the phrase names."""
        if lemma(token) in self.compass and resolution.mention_at(token.i) is None and self._of(token, resolution, {"State"}):
            return self.resolver.nominal(token.doc, token, resolution, "Place").key
        return self._entity_or_of(token, resolution, LOCATIONS)

    def _region_of(self, token, resolution: Resolution, types: set[str]) -> str | None:
        """The entity a region noun belongs to down a chain of regions ("de vastes zones rurales du centre et du sud
        de la Somalie"), or in the `de` complement the parser hung on its head right after it ("actif dans l'est du
        Burkina Faso")."""
        frontier = [token]
        for _ in range(3):
            frontier = [c for t in frontier for c in t.children if c.dep_ in ("nmod", "conj")]
            key = next((k for c in frontier if case_of(c) in self.of_cases for k in [self._entity(c, resolution, types)]
                        if k), None)
            if key:
                return key
            frontier = [c for c in frontier if lemma(c) in self.regions]
        after = [c for c in token.head.children if c.left_edge.i == token.right_edge.i + 1 and case_of(c) in self.of_cases]
        return next((k for c in after for k in [self._entity(c, resolution, types)] if k), None)

    def _of(self, token, resolution: Resolution, types: set[str]) -> str | None:
        """The entity in a `de X` complement of a noun (first one, searching one level down)."""
        for child in token.children:
            if child.dep_ in ("nmod", "obl") and case_of(child) in self.of_cases:
                key = self._entity(child, resolution, types)
                if key:
                    return key
                for grandchild in child.children:
                    if grandchild.dep_ in ("appos", "nmod", "flat:name"):
                        key = self._entity(grandchild, resolution, types)
                        if key:
                            return key
        return None

    def _linked(self, token, resolution: Resolution, types: set[str]) -> str | None:
        """The entity a title or branch noun stands in apposition with ("X, chef de Y", "le chef de Y, X")."""
        candidates = [token.head] if token.dep_ in ("appos", "nmod") else []
        candidates += [c for c in token.children if c.dep_ in ("appos", "flat:name", "nsubj")
                       or (c.dep_ == "nmod" and not case_of(c))]
        candidates += [c for c in token.head.children if c.dep_ == "appos" and c.i > token.i]
        if token.dep_ == "appos" and token.head.pos_ == "NOUN":  # "le lieutenant-colonel X, porte-parole de Y"
            candidates += [c for c in token.head.children if c.dep_ in ("appos", "flat:name", "nmod") and not case_of(c)]
        if token.dep_ in ("ROOT",) or token.head.pos_ == "AUX":
            candidates += [c for c in token.children if c.dep_ == "nsubj"]
        if case_of(token) in self.as_preps and token.head.dep_ in ("acl", "amod", "advcl"):
            candidates.append(token.head.head)  # "X, présenté comme le chef de Y", "X, considéré comme…"
        for candidate in candidates:
            key = self._entity(candidate, resolution, types)
            if key:
                return key
        return None

    def _after(self, token, resolution: Resolution, types: set[str]) -> str | None:
        """"une des factions … de Hashed, Harakat al-Nujaba": the entity right after the phrase's closing comma, also
        after a rank ("le porte-parole de l'armée, le colonel Souleymane Dembélé")."""
        doc = token.doc
        end = min(token.i + 12, token.sent.end - 1)
        for i in range(token.i + 1, end):
            if doc[i].text == ",":
                j = i + 1 + (i + 2 < len(doc) and doc[i + 1].pos_ == "DET" and self._title(doc[i + 2]))
                while j < end and resolution.mention_at(j) is None and self._title(doc[j]):
                    j += 1
                mention = resolution.mention_at(j)
                if mention and resolution.entities[mention.key].type in types:
                    return mention.key
                return None
            if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in ("acl", "amod"):
                return None
        return None

    def _title(self, token) -> bool:
        """Whether a word is a title or rank ("colonel", "porte-parole", "chef")."""
        return token.lower_ in self.member_titles or lemma(token) in self.titles

    def _of_linear(self, token, resolution: Resolution, types: set[str]) -> str | None:
        """The first entity of the types in the `de …` complement following a noun, up to a comma or verb."""
        doc = token.doc
        seen_de = False
        for i in range(token.i + 1, min(token.i + 8, len(doc))):
            t = doc[i]
            if t.text in (",", ".", "(", ")") or (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod")):
                return None
            seen_de = seen_de or t.lower_ in ("de", "du", "des", "d'", "d’")
            mention = resolution.mention_at(i)
            if mention and seen_de and resolution.entities[mention.key].type in types:
                return mention.key
        return None

    def _demonym(self, token) -> str | None:
        for child in token.children:
            if child.dep_ == "amod":
                state = self.resolver.demonyms.get(strip_accents(child.lower_))
                if state:
                    return state
        return None

    # -- frames ------------------------------------------------------------------------
    def _titles(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        person = (self._linked(token, resolution, {"Person"}) or self._after(token, resolution, {"Person"})
                  or resolution.named_before(token, {"Person"}))
        if person is None:
            return []
        out: list[Relation] = []
        word = self._title_word(token)
        heads = [token] + [c for c in token.children if c.dep_ == "nmod" and f"{case_of(c)} {lemma(c)}" in self.title_suffixes]
        of = next((k for h in heads for k in [self._of(h, resolution, GROUPS)] if k), None)  # "le commandant en chef des FDS"
        org = self._known_group(person, of or self._possessor(token, resolution), resolution)
        force = None if org else self._force_of(token, resolution)
        if force:  # "le chef de la police de Libreville" may head a unit only: a member, surely
            out.append(Relation(person, "memberOf", force, [span]))
        if org is None and word not in self.leader_titles:  # "le porte-parole d'Ali Bongo", "conseiller de X"
            principal = self._of(token, resolution, {"Person"})
            if principal and principal != person:
                out.append(Relation(person, "affiliatedWith", principal, [span]))
        body = next((c for c in token.children if c.dep_ == "nmod" and case_of(c) in self.of_cases - {""}
                     and lemma(c) in self.government_bodies and self._demonym(c)), None)  # "de la diplomatie russe"
        state = self._demonym(token) or (self._demonym(body) if body is not None else None)
        one_of = any(c.dep_ == "det" and c.lower_ in self.indefinite for c in token.children)
        place = self._of(token, resolution, LOCATIONS) if word in self.local_leaders and not one_of else None
        if place:  # "le gouverneur de l'État de Borno, Babagana Zulum"
            out.append(Relation(place, "ledBy", person, [span]))
        if org:  # "le chef du groupe" leads it; "un (haut) commandant du groupe" is one of its members
            out.append(Relation(org, "ledBy", person, [span]) if word in self.leader_titles and not one_of
                       else Relation(person, "memberOf", org, [span]))
        if org and self.resolver.actors.get(org, {}).get("type") == "State":
            state = state or org
        governing = word in self.government_titles or body is not None
        own = self.resolver.actor_state(person, via=("affiliatedWith",))
        if state is None and org is None and (governing or (word in self.head_of_state and not any(
                c.dep_ == "nmod" and case_of(c) in self.of_cases - {""} and lemma(c) not in self.state_nouns
                for c in token.children))):  # "le président X", "…de la République X", "le ministre de l'Intérieur X"
            state = self._state_of_head(token, resolution) or own or (
                self._only_state_before(token, resolution) if person not in self.resolver.actors and (
                    word in self.head_of_state or word in self.government_titles - self.local_leaders) else None)
            # "La Somalie … Le président Mohamed Abdullahi Mohamed", "L'Italie … le ministre de l'intérieur, Marco Minniti"
        if own and state and state != own and self.resolver.actors.get(state, {}).get("type") == "State":
            state = own  # "le gouvernement du président Hadi" read as Saudi Arabia's: the gazetteer's Yemeni president
        if state:
            out.append(Relation(person, "affiliatedWith", state, [span]))
            if word in self.head_of_state or (word in self.head_of_government
                                              and self.resolver.actors.get(state, {}).get("government") == "parliamentary"):
                out.append(Relation(state, "ledBy", person, [span]))
            elif governing and not org:  # a minister or governor is a member of the state's government
                out.append(Relation(person, "memberOf", state, [span]))
        return out

    @staticmethod
    def _only_state_before(token, resolution: Resolution) -> str | None:
        """The state the text named before a token, if it named only one."""
        states = {m.key for m in resolution.mentions if m.start < token.i and resolution.entities[m.key].type == "State"}
        return states.pop() if len(states) == 1 else None

    def _possessor(self, token, resolution: Resolution) -> str | None:
        """The group a possessive title belongs to: the last group or state the text made a subject (or a passive's agent)
        before it ("Le Hezbollah a tiré des missiles. Son secrétaire général, Hassan Nasrallah, …", "revendiqué par le
        TTP dans un message de son porte-parole, X")."""
        if not any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in token.children):
            return None
        subjects_before = [m for m in resolution.mentions if m.end <= token.i and resolution.entities[m.key].type in GROUPS
                           and token.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubj:pass", "obl:agent")]
        return max(subjects_before, key=lambda m: m.start).key if subjects_before else None

    def _force_member(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"le policier Jean-Baptiste Salvaing", "X, un soldat français": the person named with a force's member noun
        belongs to that force (a named one, or the document's node of that kind of force)."""
        person = self.resolver.name_after(token, resolution) or (
            self._entity(token.head, resolution, {"Person"}) if token.dep_ == "appos" else None)  # "X, un soldat français"
        force = self._entity(token, resolution, {"MilitaryForce"}) or (self._force_node(token, resolution) if person else None)
        return [Relation(person, "memberOf", force, [span])] if person and force else []

    def _force_of(self, token, resolution: Resolution) -> str | None:
        """The unnamed force in a title's `de` complement ("le chef de la police de Libreville"), as its participants are."""
        return next((k for c in token.children if c.dep_ == "nmod" and case_of(c) in self.of_cases
                     for k in [self._force_node(c, resolution)] if k), None)

    def _force_node(self, noun, resolution: Resolution) -> str | None:
        """The document's node of an unnamed force a noun names ("la police", "17 000 policiers"), None if it names none."""
        kind = self.resolver.force_kind(noun)
        if kind is None or resolution.mention_at(noun.i) is not None:
            return None
        return self.resolver.nominal(noun.doc, noun, resolution, "MilitaryForce", kind).key

    def _title_word(self, token) -> str:
        """A title noun's lemma, with the adjective next to it when together they make a listed title
        ("Premier ministre", "secrétaire général", "guide suprême")."""
        word = lemma(token)
        for c in token.children:
            if c.dep_ == "amod" and abs(c.i - token.i) == 1:
                joined = f"{lemma(c)} {word}" if c.i < token.i else f"{word} {lemma(c)}"
                if joined in self.titles or joined in self.head_of_state:
                    return joined
        return word

    def _state_of_head(self, token, resolution: Resolution) -> str | None:
        """The state a title's head noun names or whose forces it names ("l'armée syrienne du président X")."""
        mention = resolution.mention_at(token.head.i) if token.dep_ == "nmod" else None
        return self.resolver.actor_state(mention.key, via=("partOf",)) if mention else None

    def _known_group(self, person: str, org: str | None, resolution: Resolution) -> str | None:
        """"le chef de l'organisation, Ayman al-Zawahiri": when an anaphor names the group, prefer the group
        the gazetteer knows the person leads or belongs to, if the document names it."""
        if org is None:
            return None
        actors = self.resolver.actors
        known = set(actors.get(person, {}).get("memberOf", [])) | {
            g for g, a in actors.items() if person in a.get("ledBy", [])}
        named = [k for k in known if k in resolution.entities and k != org]
        return named[0] if named and org not in known else org

    def _regime(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"le régime de Bachar al-Assad", "l'administration Trump": the person leads the state (its demonym, or his)."""
        leader = self._of(token, resolution, {"Person"})
        if leader is None:
            return []
        state = self._demonym(token) or self.resolver.actor_state(leader, via=("affiliatedWith",))
        return [Relation(state, "ledBy", leader, [span])] if state else []

    def _office(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"la réélection d'Ali Bongo à la présidence du Gabon", "al-Baghdadi, à la tête de l'EI": who holds the office
        (the word it completes, or that word's subject or complement) leads the state or group."""
        org = self._of(token, resolution, GROUPS) or next((  # "a pris la tête | d'Ansar Dine": the complement on the verb
            k for c in token.head.children if token.dep_ == "obj" and c.dep_.startswith("obl") and case_of(c) in self.of_preps
            for k in [self._entity(c, resolution, GROUPS)] if k), None)
        head = token.head
        holders = [head] + [c for c in head.children if c != token and c.dep_ in ("nmod", "nsubj", "nsubj:pass", "appos")]
        person = next((k for c in holders for k in [self._entity(c, resolution, {"Person"})] if k), None)
        if org is None or person is None:
            return []
        out = [Relation(org, "ledBy", person, [span])]
        if resolution.entities[org].type == "State":
            out.append(Relation(person, "affiliatedWith", org, [span]))
        return out

    def _stronghold(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"Hawija, l'un des derniers bastions de l'État islamique": the group is based in the place; so is an armed
        group in its capital ("Raqqa, la capitale autoproclamée de l'EI"), not a state."""
        types = ARMED if lemma(token) in self.capitals else GROUPS
        group = self._of(token, resolution, types) or self._of_linear(token, resolution, types)
        places = [m for m in resolution.mentions if token.i - 12 <= m.start < token.i
                  and resolution.entities[m.key].type in ("Place", "Facility")]
        if group and places:
            return [Relation(group, "stationedIn", places[-1].key, [span])]
        return []

    def _presence(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"le déploiement de la mission de l'Union africaine en Somalie", "la présence américaine en Syrie",
        "les forces de la coalition en Irak et en Syrie" (not a force's own name: "Forces démocratiques syriennes")."""
        if resolution.mention_at(token.i) is not None:
            return []
        owners = [c for c in token.children if c.dep_ == "nmod" and case_of(c) in self.of_cases]
        named = [c for t in [token] + owners for c in t.children if c.dep_ == "nmod" and case_of(c) in self.place_preps]
        named += [c for c in token.children if c.dep_ == "conj" and case_of(c) in self.place_preps]  # "… en Irak et en Syrie", misattached
        places = [key for c in named + [g for c in named for g in c.children if g.dep_ == "conj"]
                  for key in [self._entity(c, resolution, LOCATIONS)] if key]
        if not places:
            return []
        holder = self._of(token, resolution, GROUPS) or next(
            (s for c in token.children if c.dep_ == "amod"
             for s in [self.resolver.demonym_state(token.doc, c, resolution)] if s), None)
        if holder in places:  # "les forces de la coalition en Irak": Iraq is where, not whose
            return []
        return [Relation(holder, "stationedIn", place, [span]) for place in dict.fromkeys(places) if holder]

    def _based(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"les rebelles à l'est de la ville", "des militants de l'organisation État islamique à Achin": an armed
        actor's name or its fighters' noun with a place complement, or unnamed fighters of a place ("les séparatistes
        du Donbass"); the actor is there (a place inside its own name is not read)."""
        own = resolution.mention_at(token.i)
        members = token.pos_ == "NOUN" and token.lower_ in self.resolver.member_nouns
        holder = (self._entity(token, resolution, ARMED) if own and own.kind == "name" else None) or (
            self._of(token, resolution, ARMED) if members else None)
        if own and own.kind != "name" and holder == own.key:
            holder = None  # the fighters' own node, read through its complement
        unnamed = holder is None and members and (own is None or own.kind != "name") and not any(
            c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in token.children)  # "ses combattants": someone's
        if holder is None and not unnamed:
            return []
        places = [k for c in token.children if c.dep_ == "nmod" and case_of(c) in self.based_preps
                  and not (own and own.start <= c.i < own.end)
                  for k in [self._entity_or_of(c, resolution, LOCATIONS)] if k]
        if unnamed:  # "les séparatistes du Donbass", "les combattants d'Idleb": fighters of a place, named inside
            places += [m.key for c in token.children if c.dep_ == "nmod" and case_of(c) in self.of_preps  # their node's
                       for m in resolution.mentions if m.start <= c.i < m.end and m.kind == "name"  # own mention
                       and resolution.entities[m.key].type in LOCATIONS]
        if not places:
            return []
        holder = holder or (own.key if own else self.resolver.nominal(token.doc, token, resolution, "ArmedGroup").key)
        return [Relation(holder, "stationedIn", p, [span]) for p in dict.fromkeys(places) if p != holder]

    def _control(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"l'EI contrôle Raqqa", "le groupe contrôle de grandes zones rurales du pays": based there; also
        "le plateau du Golan contrôlé par Israël", "les régions de Donetsk et de Lougansk contrôlées par X"."""
        if token.dep_ in ("acl", "amod"):
            place = token.head
            start = next(t.i for t in place.subtree if not t.is_punct)  # "sur Raqqa, principale ville contrôlée par l'EI",
            # however the parser hung it
            named = [place] + [c for c in place.children if c.dep_ == "nmod" and case_of(c) in self.of_cases] + (
                [token.doc[start - 2]] if start > 1 and token.doc[start - 1].text == "," else [])
            places = [k for t in named for c in [t] + [g for g in t.children if g.dep_ == "conj"]
                      for k in [self._entity(c, resolution, LOCATIONS)] if k]
            holders = self._holders(token, "obl:agent", resolution) if places else []
            return [Relation(h, "stationedIn", p, [span]) for h in holders for p in dict.fromkeys(places) if h != p]
        places = [key for c in token.children if c.dep_ == "obj" or (c.dep_ == "obl:arg" and case_of(c) in self.of_cases)
                  for key in [self._location(c, resolution)] if key]  # "contrôle de vastes zones du pays"
        if not places and token.dep_ == "acl:relcl" and any(c.lower_ == "où" for c in token.children):
            places = [k for c in [token.head, *(g for g in token.head.children if g.dep_ == "conj")]  # "En Syrie et en
                      for k in [self._entity(c, resolution, LOCATIONS)] if k]  # Irak, où l'EI contrôle de vastes territoires"
        holders = self._holders(token, "nsubj", resolution) if places else []
        return [Relation(h, "stationedIn", p, [span]) for h in holders[:1] for p in places[:1] if h != p]

    def _holders(self, verb, dep: str, resolution: Resolution) -> list[str]:
        """The groups a verb's `dep` dependents name ("le mouvement taliban", the antecedent of "qui"), or the unnamed
        group its fighters' noun stands for ("contrôlées par les séparatistes"); call it only when a relation will be
        read (it makes that node)."""
        heads = [antecedent(c) for c in verb.children if c.dep_ == dep]  # "Le Hamas, qui contrôle la bande de Gaza"
        named = [k for c in heads for k in [self._entity(c, resolution, GROUPS) or (
            self._group_named(c, resolution) if self.resolver.group_word(c) else None)] if k]
        return named or self._named(verb, dep, resolution, GROUPS) or [
            k for c in heads for k in self._unnamed(c, resolution)]

    def _allegiance(self, token, word: str, resolution: Resolution, span: Span) -> list[Relation]:
        """"l'assaillant était un sympathisant de l'EI", "a prêté allégeance à l'EI", "se sont réclamés de Daesh"."""
        if word in self.followers:
            holder, leader = self._linked(token, resolution, ACTORS), self._of(token, resolution, GROUPS)
        elif word in self.pledges:
            holder = next((k for c in token.head.children if c.dep_ == "nsubj"  # "X, qui a prêté allégeance à l'EI"
                           for k in [self._entity_or_of(antecedent(c), resolution, ACTORS)] if k), None)
            leader = next((k for c in token.children if case_of(c) in ("à", "au", "aux")  # "au chef de l'EI": to the group
                           for k in [self._entity_or_of(c, resolution, GROUPS)] if k), None)
        elif any(c.lower_ in self.reflexive_pronouns for c in token.children):
            holder = next((k for c in token.children if c.dep_ == "nsubj"  # "Le tireur, qui se réclamait de l'EI"
                           for k in [self._entity(antecedent(c), resolution, ACTORS)] if k), None)
            leader = next((k for c in token.children if case_of(c) in self.of_cases - {""}
                           for k in [self._entity(c, resolution, GROUPS)] if k), None)
        else:
            return []
        return [Relation(holder, "affiliatedWith", leader, [span])] if holder and leader and holder != leader else []

    def _partisan(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"une faction pro-iranienne", "les séparatistes prorusses": the group is supported by the state."""
        word = strip_accents(token.lower_)
        state = next((s for p in self.partisan if word.startswith(p)
                      for s in [self.resolver.demonyms.get(word[len(p):])] if s), None)
        if state is None or self.resolver.actors.get(state, {}).get("type") != "State":
            return []
        group = self._entity(token.head, resolution, GROUPS - {"State"}) or next(iter(self._unnamed(token.head, resolution)), None)
        return [Relation(group, "supportedBy", state, [span])] if group else []

    def _in_name_of(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"L'assaillant, qui aurait déclaré agir au nom de Daesh": who acts in a group's name claims to belong to it."""
        group = self._of(token, resolution, GROUPS)
        verb = token.head
        while verb.dep_ == "xcomp" and not has_subject(verb):
            verb = verb.head  # "a déclaré agir au nom de": the one who declared it
        actors = [k for c in described(verb) for k in [self._entity(c, resolution, ACTORS - {"State"})] if k]
        return [Relation(actor, "affiliatedWith", group, [span]) for actor in actors if group and actor != group]

    def _works_for(self, verb, resolution: Resolution, span: Span) -> list[Relation]:
        """"Laurent Meurice, agronome travaillant pour le CICR": who works for an organisation is its member."""
        people = [k for c in described(verb) for k in [self._entity(c, resolution, {"Person"}) or (
            self._entity(c.head, resolution, {"Person"}) if c.dep_ == "appos" else None)] if k]
        employers = [k for c in verb.children if c.dep_.startswith("obl") and case_of(c) in self.working_preps
                     for k in [self._entity(c, resolution, GROUPS - {"State"})] if k]
        return [Relation(person, "memberOf", employer, [span]) for person in people for employer in employers]

    def _nationality(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """A nationality said of someone: "le suspect serait un Palestinien", "il était d'origine libyenne", "l'assaillant
        a été identifié comme un Égyptien", and the people an unnamed nominal describes by it ("un otage français")."""
        if any(c.dep_ == "cop" for c in token.children):
            said_of = described(token)
        elif token.dep_ == "xcomp" and case_of(token) in self.as_preps:
            said_of = described(token.head)
        elif self._nominal_person(token, resolution):
            said_of = [token]  # "Un Français a été enlevé", "un ressortissant français"
        else:
            return []
        states = self._states_of(token)
        if not states or negated(token, self.negation):
            return []
        people = [k for c in said_of for k in [self._entity(c, resolution, ACTORS - {"State"})] if k]
        return [Relation(person, "affiliatedWith", state, [span]) for person in people for state in states if state != person]

    def _demonym_after_name(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"Rustam J., un Ouzbek de 33 ans, …" when the parser cut the apposition off its name: a person's name, a comma,
        an indefinite article and a demonym, read in a row."""
        i = token.i
        if i < 3 or not token.text[:1].isupper() or token.doc[i - 2].text != "," \
                or "Ind" not in token.doc[i - 1].morph.get("Definite"):
            return []
        person = self._entity(token.doc[i - 3], resolution, {"Person"})
        return [Relation(person, "affiliatedWith", state, [span]) for state in self._states_of(token)] if person else []

    def _nominal_person(self, token, resolution: Resolution) -> bool:
        """Whether a noun heads the mention of unnamed people who are not a force's members ("un otage", not "des
        officiers américains", whose nationality is their force's)."""
        mention = resolution.mention_at(token.i)
        return bool(mention) and is_nominal(mention.key) and resolution.entities[mention.key].type == "Person" \
            and token.doc[mention.start:mention.end].root == token and not self.resolver.force_kind(token) \
            and token.lemma_.lower() not in self.titles

    def _states_of(self, token) -> list[str]:
        """The states a nationality names: a demonym ("un Égyptien", "français") and its origin ("d'origine tunisienne")."""
        own = None if token.lemma_.lower() in self.origin_nouns else self.resolver.demonyms.get(strip_accents(token.lower_))
        if own is None and token.pos_ == "NOUN":  # "un ressortissant burkinabè", "d'origine afghane"
            own = self._demonym(token)
        # the origin may hang one level down ("le membre de l'EI d'origine française"), its adjective on the head
        # ("un Français d'origine tunisienne" read with "tunisienne" on "Français")
        near = [*token.children, *(g for c in token.children if c.dep_ == "nmod" for g in c.children)]
        origins = [self._demonym(c) or self.resolver.demonyms.get(strip_accents(c.nbor().lower_)) for c in near
                   if c.dep_ == "nmod" and c.lemma_.lower() in self.origin_nouns and case_of(c) in self.of_preps
                   and c.i + 1 < len(c.doc)]
        return list(dict.fromkeys(s for s in [own, *origins] if s))

    def _demonym_apposition(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """A person's nationality named in apposition: "Omar Mateen, un Américain d'origine afghane", "X, un ressortissant
        burkinabè", and the other way round, "l'Américain James Foley", "le journaliste américain James Foley"."""
        states = self._states_of(token)
        person = self._entity(token.head, resolution, {"Person"})
        if not (states and person):
            head = token.head
            person = self._entity(token, resolution, {"Person"})
            states = self._states_of(head) if head.pos_ == "NOUN" else [  # "le membre de l'EI d'origine française X"
                s for s in [self.resolver.demonyms.get(strip_accents(head.lower_)) if head.text[:1].isupper() else None] if s]
        return [Relation(person, "affiliatedWith", state, [span]) for state in states] if person else []

    def _under_control(self, token, sent, resolution: Resolution, span: Span) -> list[Relation]:
        """"Racca et Mossoul, les deux villes sous contrôle de l'EI", "Palmyre est tombée sous le contrôle de l'EI":
        the holder is based in the places named just before (parses of these phrases vary, so read linearly)."""
        holder = self._of(token, resolution, GROUPS) or self._of_linear(token, resolution, GROUPS)
        if holder is None:
            return []
        places = []
        for i in range(token.i - 1, max(sent.start, token.i - 14) - 1, -1):
            mention = resolution.mention_at(i)
            if mention and resolution.entities[mention.key].type in ("Place", "Facility") and mention.key not in places:
                places.append(mention.key)
                if token.doc[i].dep_ != "conj":  # "Racca et Mossoul": the first conjunct too
                    break
        return [Relation(holder, "stationedIn", p, [span]) for p in places if p != holder]

    def _branch(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        parent = self._of(token, resolution, GROUPS) or self._of_linear(token, resolution, GROUPS)
        child = (self._linked(token, resolution, GROUPS) or resolution.named_before(token, GROUPS)
                 or self._after(token, resolution, GROUPS))
        out = []
        if parent and child and parent != child:
            out.append(Relation(child, "partOf", parent, [span]))
        if child:
            for c in token.children:
                if c.dep_ == "nmod" and case_of(c) in ("en", "au", "dans"):
                    place = self._entity(c, resolution, LOCATIONS)
                    if place:
                        out.append(Relation(child, "stationedIn", place, [span]))
        return out

    def _unit(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"la 4e division de l'armée syrienne", "la police de l'EI": an unnamed unit of a named force or group, part of
        it; so is a unit named after its noun ("le front Camilo Torres Restrepo de l'ELN")."""
        own = resolution.mention_at(token.i)
        named = own is not None and own.kind == "name" and own.start == token.i and token.text[:1].islower()
        heads = [token, *token.doc[token.i + 1:own.end]] if named else [token]  # "le front Camilo Torres de l'ELN"
        parent = next((k for h in heads for c in h.children if c.dep_ == "nmod" and case_of(c) in self.of_cases
                       and not (own and own.start <= c.i < own.end) and not (c.left_edge.i == token.i + 1 and not case_of(c))
                       for k in [self._entity(c, resolution, GROUPS)] if k), None)  # "l'unité Danab" is Danab itself
        if parent is None or not named and (not has_determiner(token, self.definite)
                                            or (own is not None and own.kind not in ("nominal", "unit"))):
            return []  # not a unit named, or taken as the group itself
        kind = "MilitaryForce" if resolution.entities[parent].type == "MilitaryForce" else "ArmedGroup"
        unit = own.key if named else self.resolver.nominal(token.doc, token, resolution, kind).key
        return [Relation(unit, "partOf", parent, [span])] if unit != parent else []

    def _participle(self, token, word: str, resolution: Resolution, span: Span) -> list[Relation]:
        """"groupes soutenus par l'Iran", "coalition dirigée par les États-Unis", "affilié à Al-Qaïda"."""
        relative = any(c.dep_ in ("obj", "nsubj") and c.morph.get("PronType") == ["Rel"] for c in token.children)
        if token.pos_ == "VERB" and (token.dep_ not in ("acl", "amod", "advcl", "acl:relcl") or self._purpose(token)
                                     or relative) \
                and not is_passive(token) and word in self.backing_verbs:  # also "Le groupe, que dirige X", "l'Iran,
            # qui soutient les Houthis"
            return self._active_backing(token, word, resolution, span)
        if word in self.stationed and token.dep_ == "acl:relcl" and any(c.lower_ == "où" for c in token.children):
            return self._stationed_where(token, resolution, span)
        holder = self._holder(token, resolution)
        if word in self.composed:  # only the group the participle itself describes
            return self._composed(token, holder, resolution, span) if holder else []
        holder = holder or resolution.named_before(token, ACTORS) or next(
            (k for c in token.children if c.dep_ in ("obl:mod", "nmod") and case_of(c) in self.alliance_cases
             for k in [self._entity(c, resolution, GROUPS)] if k), None) \
            or self._predicated(token, resolution)  # "groupes soutenus par l'Iran à/du Hashed", misattached
        unnamed = None if holder else self._unnamed_group(token)
        if unnamed is not None:
            holder = UNNAMED  # "les rebelles soutenus par la Turquie": a node only if a relation is read
        if holder is None:
            return []
        out = []
        for child in token.children:
            case = case_of(child)
            targets = [child] + conjuncts(child)  # "soutenue par les Émirats, l'Égypte et la Russie"
            for t in targets:
                if word in self.support | self.leadership and child.dep_ == "obl:agent":
                    key = self._entity(t, resolution, ACTORS) or next(  # "dirigé par le Touareg Iyad Ag Ghaly": the name
                        (k for c in t.children if c.dep_ in ("flat:name", "appos") for k in [self._entity(c, resolution, ACTORS)]
                         if k), None)
                    if key == holder:  # "coalition dirigée par les États-Unis" is one gazetteer name
                        key = self.resolver.known_actor(" ".join(x.text for x in t.subtree if x.dep_ not in ("case", "det")))
                    if key and key != holder:
                        out.append(Relation(holder, "supportedBy" if word in self.support else "ledBy", key, [span]))
                elif word in self.integration and case in ("à", "au", "aux", "dans"):
                    key = self._entity_or_of(t, resolution, GROUPS)
                    if key and key != holder:
                        out.append(Relation(holder, "partOf", key, [span]))
                elif word in self.alliance and case in self.alliance_cases:  # "allié à", "allié avec", "allié du Hamas"
                    key = self._entity(t, resolution, ACTORS)
                    if key and key != holder:
                        out.append(Relation(holder, "affiliatedWith", key, [span]))
                elif (word in self.stationed or (word in self.besieged and (is_passive(token) or token.dep_ in ("acl", "amod") or token.pos_ == "ADJ"))) \
                        and (case in self.place_preps or case in self.operating_preps):  # "l'armée, assiégée à
                    # Deir ez-Zor": not who besieges; "qui opère depuis la forêt de Sambisa"
                    key = self._location(t, resolution)
                    if key and key != holder:
                        out.append(Relation(holder, "stationedIn", key, [span]))
        if unnamed is not None and out:
            key = self._force_node(unnamed, resolution) or self.resolver.nominal(token.doc, unnamed, resolution, "ArmedGroup").key
            out = [replace(r, subject=key) for r in out]
        return out

    def _stationed_where(self, verb, resolution: Resolution, span: Span) -> list[Relation]:
        """"la base d'Aïn al-Assad, où sont stationnés des soldats américains": the forces are at the clause's antecedent."""
        place = self._entity_or_of(verb.head, resolution, LOCATIONS)
        units = [k for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "obl:arg", "obj")
                 for k in [self._entity_or_of(c, resolution, GROUPS)] if k]
        return [Relation(u, "stationedIn", place, [span]) for u in dict.fromkeys(units) if place and u != place]

    def _hosting(self, verb, resolution: Resolution, span: Span) -> list[Relation]:
        """"la base d'Aïn al-Assad, qui abrite des soldats américains": the forces the place hosts are stationed there."""
        hosts = [verb.head] if verb.dep_ == "acl:relcl" else [c for c in verb.children if c.dep_ == "nsubj"]
        places = [k for h in hosts for k in [self._entity_or_of(h, resolution, LOCATIONS)] if k]
        guests = [k for c in verb.children if c.dep_ == "obj" for k in [self._entity(c, resolution, GROUPS)] if k]
        return [Relation(g, "stationedIn", p, [span]) for g in guests for p in places[:1] if g != p]

    def _place_owner(self, noun, participle):
        """"un groupe implanté dans le nord du pays, dirigé par X": the noun described by the participle whose place
        complement holds `noun`, when another participle follows that complement after a comma."""
        complement = noun
        while complement.dep_ == "nmod":
            complement = complement.head
        verb = complement.head
        if complement.dep_ in ("obl:mod", "obl") and case_of(complement) in self.place_preps and verb.dep_ == "acl" \
                and verb.pos_ == "VERB" and verb.i < participle.i and participle.doc[participle.i - 1].text == ",":
            return chain_head(verb.head)
        return None

    def _predicated(self, participle, resolution: Resolution) -> str | None:
        """"Ankara considère les YPG comme une organisation … liée au PKK": the actor the participle's noun is
        said to be (the verb's object, or what a participle or passive verb describes)."""
        noun = chain_head(participle.head) if participle.dep_ in ("acl", "amod", "acl:relcl") else None
        if noun is None or case_of(noun) not in self.as_preps:
            return None
        verb = noun.head
        described = [verb.head] if verb.dep_ in ("acl", "amod") else [
            c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")]
        return next((k for c in described for k in [self._entity(c, resolution, ACTORS) or self._of(c, resolution, GROUPS)]
                     if k), None)

    def _unnamed_group(self, participle):
        """The fighters', group or force noun a participle describes, when no name is given ("les groupes rebelles
        soutenus par la Turquie", "les séparatistes liés à Moscou", "17 000 policiers étaient déployés")."""
        if participle.dep_ not in ("acl", "amod", "acl:relcl"):
            head = next((c for c in participle.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            return head if head is not None and head.pos_ == "NOUN" and self.resolver.force_kind(head) else None
        head = chain_head(participle.head)
        if head.pos_ == "NOUN" and self.resolver.group_word(head):
            return head
        return None

    def _backing(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"l'armée avance grâce à l'aide de l'aviation russe", "grâce aux frappes américaines, les combattants…", "ont
        lancé une contre-offensive avec l'appui de l'aviation américaine" (hung on the object)."""
        verb = token.head
        if token.dep_ == "nmod" and verb.dep_ == "obj":
            verb = verb.head
        elif not token.dep_.startswith("obl"):
            return []
        if verb.pos_ != "VERB":
            return []
        backer = self._of(token, resolution, GROUPS) or self._demonym(token)
        backed = self._named(verb, "nsubj", resolution, GROUPS)
        return [Relation(k, "supportedBy", backer, [span]) for k in backed if backer and k != backer]

    def _received_help(self, token, resolution: Resolution, span: Span) -> list[Relation]:
        """"Ahrar al-Cham bénéficie du soutien de la Turquie, de l'Arabie saoudite et du Qatar", "la Turquie peut compter
        sur l'appui déterminant de la Russie": the subject is supported by each actor the 'de' complements list (read
        linearly: the parser scatters such lists)."""
        backers, of = [], False
        for t in token.doc[token.i + 1:token.sent.end]:
            mention = resolution.mention_at(t.i)
            if mention is not None and resolution.entities[mention.key].type in GROUPS:
                if of and mention.key not in backers:
                    backers.append(mention.key)
                of = False
            elif t.lower_.replace("’", "'") in self.of_preps:
                of = True
            elif not (t.pos_ in ("DET", "ADJ", "CCONJ") or t.text == "," or t.dep_ == "amod"):
                break
        backed = [k for c in subjects(token.head) if c.pos_ != "PRON"  # a pronoun's antecedent is too often a guess
                  for k in [self._entity(c, resolution, GROUPS)] if k]
        return [Relation(k, "supportedBy", b, [span]) for k in backed for b in backers if k != b]

    def _help_given(self, token, receivers: list, resolution: Resolution, span: Span) -> list[Relation]:
        """"des frappes en soutien à l'armée afghane", "le Rwanda fournit des armes au M23", "lui a livré des missiles":
        each receiver (an 'à' complement, or a dative pronoun) is supported by the subject of the verb."""
        verb = token if token.pos_ == "VERB" else token.head
        if verb.pos_ != "VERB":
            return []
        helped = [k for c in receivers if case_of(c) in self.giving_to or (c.dep_ == "iobj" and c.pos_ == "PRON")
                  for k in [self._entity(c, resolution, GROUPS) or self._of(c, resolution, GROUPS)] if k]
        helpers = [k for c in subjects(verb) for k in [self._entity(antecedent(c), resolution, ACTORS)] if k]
        return [Relation(h, "supportedBy", s, [span]) for h in dict.fromkeys(helped) for s in helpers if h != s]

    def _active_backing(self, verb, word: str, resolution: Resolution, span: Span) -> list[Relation]:
        """"La Turquie soutient l'Armée syrienne libre", "le Qatar finance le Hamas", "X dirige Y": the object is
        supported or led by the subject."""
        predicate = "supportedBy" if word in self.support else "ledBy"
        backers = self._named(verb.head if self._purpose(verb) else verb, "nsubj", resolution, ACTORS)
        backed = self._named(verb, "obj", resolution, ACTORS) or (  # "pour soutenir les rebelles syriens"
            [k for c in verb.children if c.dep_ == "obj" for k in self._unnamed(c, resolution)] if backers else [])
        return [Relation(o, predicate, s, [span]) for s in backers for o in backed if o != s]

    @staticmethod
    def _purpose(verb) -> bool:
        """Whether a verb is an infinitive of purpose without a subject of its own ("a débuté des frappes pour soutenir
        les rebelles"): its governor's subject does it."""
        return verb.dep_ == "advcl" and "Inf" in verb.morph.get("VerbForm") and not has_subject(verb) \
            and any(c.dep_ == "mark" for c in verb.children)

    def _composed(self, participle, holder: str, resolution: Resolution, span: Span) -> list[Relation]:
        """"les FDS, dominées par les milices kurdes", "une coalition composée des YPG et de groupes arabes"."""
        parts = [k for c in participle.children if c.dep_ == "obl:agent" or case_of(c) in self.of_cases - {""}
                 for t in [c] + [g for g in c.children if g.dep_ == "conj"] for k in self._members(t, resolution)]
        return [Relation(p, "partOf", holder, [span]) for p in dict.fromkeys(parts) if p != holder and not (
            resolution.entities[p].type == "State" and resolution.entities[holder].type in ("MilitaryForce", "ArmedGroup"))]
        # a state makes up a coalition, not a force: "les forces spéciales, formées par les États-Unis" are trained

    def _composition(self, verb, resolution: Resolution, span: Span) -> list[Relation]:
        """"Cette coalition regroupe les YPG et des combattants arabes": each group of the object is part of the subject."""
        whole = self._named(verb, "nsubj", resolution, GROUPS)
        if not whole:
            return []
        parts = [k for c in verb.children if c.dep_ == "obj" for t in [c] + [g for g in c.children if g.dep_ == "conj"]
                 for k in self._members(t, resolution)]
        return [Relation(p, "partOf", whole[0], [span]) for p in dict.fromkeys(parts) if p != whole[0]]

    def _founded(self, verb, resolution: Resolution, span: Span) -> list[Relation]:
        """"L'ex Front al-Nosra et Jund al-Aqsa ont formé le groupe Tahrir al-Cham": the founding groups are its parts."""
        whole = next((k for c in verb.children if c.dep_ == "obj"
                      for k in [self._entity(c, resolution, GROUPS) or self._group_named(c, resolution)] if k), None)
        parts = self._named(verb, "nsubj", resolution, GROUPS) if whole else []
        return [Relation(p, "partOf", whole, [span]) for p in dict.fromkeys(parts) if p != whole]

    def _members(self, token, resolution: Resolution) -> list[str]:
        """The group a member complement names, or the unnamed group its fighters' noun stands for ("les milices
        kurdes"); call it only when a relation will be read (it makes that node)."""
        key = self._entity(token, resolution, GROUPS) or (  # not "trois personnes originaires du Kosovo": where they come from
            None if lemma(token) in self.people else self._of(token, resolution, GROUPS))
        return [key] if key else self._unnamed(token, resolution)

    def _group_named(self, noun, resolution: Resolution) -> str | None:
        """The group a group or fighters' noun names: "le groupe Abou Sayyaf", "le mouvement taliban", "les combattants
        du Hezbollah"."""
        return self._of(noun, resolution, GROUPS) or next(
            (k for c in noun.children if c.dep_ in ("appos", "flat:name", "amod") for k in [self._entity(c, resolution, GROUPS)]
             if k), None)

    def _unnamed(self, token, resolution: Resolution) -> list[str]:
        """The unnamed group node a fighters' or group noun without a name stands for ("les séparatistes"), if it is one."""
        if token.pos_ == "NOUN" and resolution.mention_at(token.i) is None and self.resolver.group_word(token):
            return [self.resolver.nominal(token.doc, token, resolution, "ArmedGroup").key]
        return []

    def _named(self, verb, dep: str, resolution: Resolution, types: set[str]) -> list[str]:
        """The entities of the types a verb's `dep` dependents and their conjuncts name ("la Russie et l'Iran"), a
        relative pronoun standing for its antecedent ("Le groupe, que dirige X")."""
        heads = [antecedent(c) for c in verb.children if c.dep_ == dep]
        return [k for c in heads for t in [c] + [g for g in c.children if g.dep_ == "conj" and (case_of(c) or not case_of(g))]
                for k in [self._entity(t, resolution, types)] if k]

    def _holder(self, token, resolution: Resolution) -> str | None:
        """The entity a participle describes: its head noun's mention, or a group named inside it; a participle
        coordinated with another describes what that one does ("soutenu par la Syrie et dirigé par X")."""
        while token.dep_ == "conj" and token.head.pos_ == "VERB" and token.head.dep_ in ("acl", "amod", "appos"):
            token = token.head
        if token.dep_ == "advcl" and token.head.pos_ == "VERB" and token.i < token.head.i and (
                token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm")):  # "La katiba, très active dans le
            subject = next((c for c in [*token.children, *token.head.children] if c.dep_ in ("nsubj", "nsubj:pass")),
                           None)  # centre, a attaqué": its subject, or the verb's
            if subject is not None and subject.i < token.i:
                return self._entity(subject, resolution, ACTORS)
        # "a envoyé la 11e division, basée à Jolo": the object the set-off participle follows and agrees with
        if token.dep_ == "advcl" and token.head.pos_ == "VERB" and token.i > token.head.i and token.i > 1 \
                and token.nbor(-1).text == "," and "Part" in token.morph.get("VerbForm"):
            for child in token.head.children:
                if child.dep_ == "obj" and child.right_edge.i == token.i - 2 and all(
                        child.morph.get(f) == token.morph.get(f) for f in ("Gender", "Number")):
                    return self._entity(child, resolution, ACTORS)
        if token.dep_ in ("acl", "amod", "advcl", "acl:relcl") or (token.dep_ == "appos" and token.pos_ == "VERB"):
            head = chain_head(token.head)
            while lemma(head) in self.regions and self._entity(head, resolution, ACTORS) is None and head.head.dep_ == "acl" \
                    and head.head.pos_ == "VERB" and head.head.i < token.i:  # "un groupe implanté dans le nord du
                head = chain_head(head.head.head)  # pays, fondé par X": the group, not the north, was founded
            head = self._place_owner(head, token) or head
            key = self._entity(head, resolution, ACTORS)
            if key:
                return key
            inside = {t.i for t in token.subtree}
            named = [c for c in head.children if c.dep_ == "nmod" and c.i not in inside]  # "groupes … à Hashed"
            return (self._of(head, resolution, GROUPS) or self._linked(head, resolution, GROUPS)
                    or next((k for c in named if (k := self._entity(c, resolution, GROUPS))), None))
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubj:pass"):  # "des milliers de soldats américains sont stationnés": the soldiers
                # "les combattants du Hezbollah sont stationnés": the group the counted or fighters' noun names
                counted = child.lower_ in self.quantities or self.resolver.group_word(child)  # "le groupe Abou Sayyaf
                return self._entity(child, resolution, ACTORS) or (self._group_named(child, resolution) if counted else None)
        return None


def _leaders_are_members(relations: list[Relation], resolution: Resolution) -> list[Relation]:
    """The leader of a group, force or organisation is one of its members (not a state's citizen: that is nationality)."""
    known = {(r.subject, r.predicate, r.object) for r in relations}
    return [Relation(r.object, "memberOf", r.subject, r.evidence, r.confidence) for r in relations
            if r.predicate == "ledBy" and resolution.entities.get(r.subject) is not None
            and resolution.entities[r.subject].type in MEMBERSHIP_TYPES
            and getattr(resolution.entities.get(r.object), "type", None) == "Person"
            and (r.object, "memberOf", r.subject) not in known]

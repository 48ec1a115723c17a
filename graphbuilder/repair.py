"""Parser repairs, spaCy components that correct the parse before graphbuilder's stages read it (the
day-word and prepositional-subject repairs right after the parser, the verb and voice repairs after the
lemmatizer, whose lemmas they read, the split-subject and description repairs last, after the entity rulers, whose
names they read).

Day words: complements hung on a day word go back to the verb.

The French model often reads "a touché jeudi un bus" or "tués lundi par les rebelles" as if the noun
modified the day ("jeudi … un bus"); the verb then seems to have no object or agent. This component
reattaches such complements to the verb the day word depends on, once, so that every later stage reads
the parse a human would draw. Day words come from the language's temporal lexicon, the partitive
articles (read as prepositions in that misparse: "a mené dimanche des frappes", "de violentes
frappes") from its lexicon.

Partitive objects: "a attaqué à coups de machette des militaires" and "avait attaqué des gardes-frontières" are read
with "des militaires" as the machete's, or "des" as "de les"; an attack verb without object gets the phrase as its object. A name right after such a verb, or one of taking
ground or threatening, or a counted noun, read as an adverb or a modifier ("avaient définitivement repris Ramadi", "ont
massacré quarante villageois") is its object too.

Verbs: a noun heading a clause of its own (a subject and no copula: "L'EI contrôle la ville") is a verb; a verb
form the lemmatizer also lists as a noun keeps that form as its lemma ("frappe", "reste"); both get the
infinitive of their ending.

Voice: a subject labelled passive on a verb whose only auxiliary is the active one ("l'armée … avaient
repris Ramadi": avoir, no "été"), or on a verb whose perfect takes "être" ("sont intervenus"), is active; "être"
labelled a copula of a verb ("elle a été expulsée par Daech") is its passive auxiliary.

Prepositional subjects: a subject never has a preposition; in "Selon Donald Trump, le chef de l'EI a été
tué" the model makes "Donald Trump" the subject and "le chef" its apposition. Such a subject is an oblique,
and the noun in apposition after the comma, if any, is the verb's subject ("Selon Jean Ping, ils ont
bombardé" keeps "ils"). Conversely, a counted noun phrase before a verb without subject, introduced by a
partitive "de" only ("Près de cinquante combattants … auraient été tués"), is its subject; and in "Au moins 41
personnes, dont 38 élèves, ont été tuées", read with "élèves" as the subject, the whole is, the part its apposition.

Split subjects: the model sometimes ends a sentence inside or right after a sentence-initial name
("Al-Chabab | , affilié à Al-Qaïda, a revendiqué l'attentat", "Ansar | Beït al-Maqdess | a prêté
allégeance"); a name standing alone as sentence(s), followed by a verb without subject, is that verb's
subject, and one sentence again.

Coordinated clauses: in "Deux individus ont fait irruption dans l'église et ont égorgé le prêtre" the model
coordinates "égorgé" with the noun "irruption"; a verb with an auxiliary or a finite form of its own coordinated with a
noun is a clause coordinated with the verb that governs that noun (whose subject it then shares). In "Les États-Unis,
la France et le Royaume-Uni ont frappé" the model reads the first name of the list as an oblique set off by a comma;
a bare name right before a subject that ends in "… et X" is the list's first conjunct. In "des combats entre l'armée
et les rebelles ont fait 30 morts" it reads the second side as a second subject; it is the first side's conjunct.

Appositions: in "ont imputé l'attaque aux Forces démocratiques alliées (ADF), un groupe affilié à l'EI" the model makes
"un groupe" a second object of the verb, and in "Le chauffeur, un Tunisien de 31 ans, a été abattu" a second subject;
an indefinite noun phrase set off by a comma right after another complement (or subject) of the same verb describes it,
and a name read as a second subject right after the first ("Le soldat français Jean Dupont a été tué") names it. In
"Le suspect, un sympathisant de l'EI, a tué" the model reads the subject as an oblique beside its description: it is the
subject again, unless it names a time ("Le lendemain, un homme a attaqué").

Relative clauses: "Un homme qui se réclamait de l'EI a tué deux policiers" is read with "homme" as the root and "a tué"
hung on "l'EI"; the finite verb after a relative clause on a verbless root is the main verb, the antecedent its subject.
With commas ("Le tireur, qui se réclamait de l'EI, a tué"), the relative verb made the root takes the subject read as
an oblique along with it.

Descriptions: in "Le JNIM, la branche sahélienne d'Al-Qaïda, a revendiqué l'attaque" the model makes the description
the subject and the name an oblique; a name set off by a comma right before the subject, itself closed by a comma, is
the subject, and the description its apposition.

Verbless clauses: in "Al-Chabab frappe Mogadiscio" or "La Russie dément viser des civils" the tagger reads the verb as a
noun, adjective or adverb of the subject; a present-tense form right after a name or definite noun phrase left as the
root of a sentence without verb is that clause's verb again, and a gerund read as a noun ("en bombardant des
positions") a verb with its object.

Reporting clauses: "Le réseau Haqqani est derrière l'attaque | , a affirmé le gouvernement afghan" and "Selon Kaboul | ,
…" are cut into two sentences by the model; the reporting clause is joined to what it reports.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lang import resources
from .syntax import case_of, has_subject, tokens_with
from .temporal import load_lexicon

SUBJECT_DEPS = ("nsubj", "nsubj:pass")  # the parser's subject labels, and the ones the repairs give
PREDICATE_TAGS = ("VERB", "ADJ")  # a participle is sometimes tagged as an adjective ("tués lundi par")


class DayWordRepair:
    """Reattach the nominal dependents of a day word to the verb that governs the day word."""

    def __init__(self, lang: str):
        temporal = load_lexicon(lang)
        self.months = set(temporal.months)
        self.day_words = set(temporal.weekdays) | self.months
        self.dayparts = set(temporal.dayparts)  # "dans la nuit des positions": only partitives and agents move
        self.heads = self.day_words | self.dayparts
        lexicon = resources(lang).lexicon
        self.partitives = set(lexicon["partitive_articles"])
        self.bare_partitives = set(lexicon["bare_partitive_articles"])  # partitive only before a bare noun phrase

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s parse in place."""
        for number in tokens_with(doc, "DEP", ["obj"]):  # "3 février, un homme a attaqué…": a date, not the object
            if self._date(number):
                number.dep_ = "obl:mod"
        for day in tokens_with(doc, "LOWER", self.heads):
            if day.head == day:
                continue
            verb = day.head
            while verb.lower_ in self.heads and verb.head != verb:  # "dans la nuit de vendredi à samedi des sites"
                verb = verb.head
            if verb.pos_ not in PREDICATE_TAGS:
                continue
            for child in list(day.children):
                if day.lower_ in self.dayparts or verb != day.head:  # also "dans la nuit plusieurs positions": no case
                    moves = child.dep_ == "obl:agent" or (child.dep_ == "nmod" and (case_of(child) in self.partitives or (
                        not case_of(child) and child.i > day.i and child.pos_ in ("NOUN", "PROPN"))))
                else:  # "a frappé Kiev lundi": Kiev as det of lundi; "a touché jeudi un bus": its object
                    moves = child.dep_ in ("nmod", "obl:agent", "obj") or child.pos_ == "PROPN"
                if moves and child.lower_ not in self.day_words and not self._date(child):
                    reattach(child, verb, self.partitives, self.bare_partitives)
        return doc

    def _date(self, token) -> bool:
        """Whether a token is the day number of a date ("3 février")."""
        return token.like_num and any(c.lower_ in self.months for c in token.children)


def reattach(child, verb, partitives: set[str], bare_partitives: set[str]) -> None:
    """Make `child` a dependent of `verb`: its object if it has no preposition or a partitive one, else an oblique."""
    case = case_of(child)
    if child.dep_ == "obl:agent":
        dep = "obl:agent"
    elif not case or case in partitives or (case in bare_partitives and not any(c.dep_ == "det" for c in child.children)):
        dep = "obj"
        for marker in child.children:
            if marker.dep_ == "case" and marker.lower_ in partitives | bare_partitives:
                marker.dep_ = "det"  # "des frappes": an article, as in "a mené des frappes"
    else:
        dep = "obl:mod"
    child.head = verb
    child.dep_ = dep


@Language.factory("day_word_repair", default_config={"lang": "fr"})
def make_day_word_repair(nlp: Language, name: str, lang: str) -> DayWordRepair:
    """spaCy factory of the day-word repair for the language `lang`."""
    return DayWordRepair(lang)


class PartitiveObjectRepair:
    """Give an attack verb without object the partitive phrase the parser read as something else: hung on its
    instrument ("a attaqué à coups de machette des militaires": "des militaires" read as the machete's) or read as an
    oblique right after the verb ("avait attaqué des gardes-frontières", "des" taken for "de les")."""

    def __init__(self, lang: str):
        lexicon = resources(lang).lexicon
        self.weapons = {w for w in lexicon["weapon_words"] if " " not in w}
        self.blows = set(lexicon["blow_nouns"])  # "à coups de couteau"
        self.transitive = {v for v in lexicon["attack_verbs"] if " " not in v} | set(lexicon["kill_verbs"])
        self.partitives = set(lexicon["partitive_articles"])
        self.bare_partitives = set(lexicon["bare_partitive_articles"])

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s parse in place."""
        for noun in tokens_with(doc, "DEP", ("nmod", "obl:arg", "obl:mod", "obl")):
            if case_of(noun) not in self.partitives:
                continue
            verb = self._verb(noun)
            if verb is not None and verb.pos_ == "VERB" and not any(c.dep_ in ("obj", "expl:comp") for c in verb.children):
                reattach(noun, verb, self.partitives, self.bare_partitives)
        return doc

    def _verb(self, noun):
        """The verb whose object a partitive phrase should be, if it is misread."""
        weapon = noun.head
        if noun.dep_ == "nmod" and weapon.lemma_.lower() in self.weapons:
            oblique = weapon.head if weapon.dep_ == "nmod" and weapon.head.lemma_.lower() in self.blows else weapon
            return oblique.head if oblique.dep_.startswith("obl") else None
        if noun.dep_ in ("obl:arg", "obl:mod", "obl") and noun.head.lemma_.lower() in self.transitive \
                and noun.left_edge.i == noun.head.i + 1:
            return noun.head
        return None


@Language.factory("partitive_object_repair", default_config={"lang": "fr"})
def make_partitive_object_repair(nlp: Language, name: str, lang: str) -> PartitiveObjectRepair:
    """spaCy factory of the partitive-object repair for the language `lang`."""
    return PartitiveObjectRepair(lang)


class NameObjectRepair:
    """Make a name or a counted or determined noun right after a verb of taking, striking, controlling or threatening
    without object, read as an adverb, a bare oblique or modifier or a predicative complement ("les forces avaient
    définitivement repris Ramadi", "a attaqué Maiduguri, dans le nord-est", "ont massacré quarante villageois", "a
    bombardé Idleb, où…", "contrôle le sud du Liban"), its object."""

    def __init__(self, lang: str):
        lexicon = resources(lang).lexicon
        self.verbs = {v for v in lexicon["attack_verbs"] if " " not in v} | set(lexicon["kill_verbs"]) \
            | set(lexicon["seize_verbs"]["verbs"]) | set(lexicon["removal_verbs"]["verbs"]) \
            | set(lexicon["control_verbs"]) | set(lexicon["threat_verbs"])

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s parse in place."""
        for name in tokens_with(doc, "DEP", ("advmod", "dep", "obl:mod", "nmod", "xcomp")):
            if name.i == 0:
                continue
            verb = name.head
            named = name.pos_ in ("PROPN", "NUM") and name.i == verb.i + 1 and name.text[:1].isupper()  # "Kaboul" as NUM
            counted = name.pos_ == "NOUN" and name.left_edge.i == verb.i + 1 and doc[verb.i + 1].dep_ in ("nummod", "det")
            if (named or counted) and not case_of(name) \
                    and verb.pos_ == "VERB" \
                    and verb.lemma_.lower() in self.verbs and not any(c.dep_ in ("obj", "expl:comp") for c in verb.children):
                name.dep_ = "obj"
        return doc


@Language.factory("name_object_repair", default_config={"lang": "fr"})
def make_name_object_repair(nlp: Language, name: str, lang: str) -> NameObjectRepair:
    """spaCy factory of the name-object repair for the language `lang`."""
    return NameObjectRepair(lang)


class VoiceRepair:
    """Relabel as active the 'passive' subject of a verb that has no passive auxiliary but an active one."""

    def __init__(self, lang: str):
        lexicon = resources(lang).lexicon
        self.active = set(lexicon["active_auxiliaries"])
        self.unaccusative = set(lexicon["unaccusative_verbs"])
        self.agent_preps = set(lexicon["agent_preps"])

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s voice labels in place."""
        for verb in tokens_with(doc, "POS", PREDICATE_TAGS):
            children = list(verb.children)
            if verb.lemma_.lower() in self.unaccusative:  # "sont intervenus": être is their perfect auxiliary
                for child in children:
                    child.dep_ = {"aux:pass": "aux:tense", "nsubj:pass": "nsubj", "cop": "aux:tense"}.get(child.dep_, child.dep_)
                continue
            if verb.pos_ == "VERB" and any(c.dep_ == "cop" for c in children):  # "elle a été expulsée" with "été" as
                for child in children:  # a copula: a verb has no copula, it is the passive auxiliary
                    child.dep_ = {"cop": "aux:pass", "nsubj": "nsubj:pass"}.get(child.dep_, child.dep_)
            if any(c.dep_ == "aux:pass" for c in children) or self._bare_participle(verb, children):
                self._agent(children)
                continue
            if any(c.dep_ == "aux:pass" for c in children) or not any(
                    c.dep_ == "aux:tense" and c.lemma_.lower() in self.active for c in children):
                continue
            for child in children:
                if child.dep_ == "nsubj:pass":
                    child.dep_ = "nsubj"
        return doc

    @staticmethod
    def _bare_participle(verb, children: list) -> bool:
        """Whether a verb is a past participle describing a noun with no auxiliary: "le plateau du Golan, contrôlé par
        Israël", "Le Hezbollah, allié du régime et financé par Téhéran" (coordinated with another such word)."""
        if verb.dep_ not in ("acl", "appos", "conj") or verb.morph.get("VerbForm") != ["Part"] \
                or verb.morph.get("Tense") != ["Past"] or any(
                c.dep_.startswith("aux") for c in children):
            return False
        return verb.dep_ in ("acl", "appos") or (verb.dep_ == "conj" and verb.head.dep_ in ("acl", "appos", "amod")
                                                 and not any(c.dep_.startswith("aux") for c in verb.head.children))

    def _agent(self, children: list) -> None:
        """A passive verb's first oblique introduced by the agent preposition is its agent ("a été revendiqué par
        l'État islamique", the model reading "État" as a common noun and the phrase as a modifier)."""
        if any(c.dep_ == "obl:agent" for c in children):
            return
        agent = next((c for c in children if c.dep_ in ("obl", "obl:mod", "obl:arg") and case_of(c) in self.agent_preps), None)
        if agent is not None:
            agent.dep_ = "obl:agent"


@Language.factory("voice_repair", default_config={"lang": "fr"})
def make_voice_repair(nlp: Language, name: str, lang: str) -> VoiceRepair:
    """spaCy factory of the voice repair for the language `lang`."""
    return VoiceRepair(lang)


class VerbRepair:
    """Make a noun that heads a clause of its own (a subject, no copula, a present-tense ending: "L'EI contrôle la
    ville", "l'ASL bénéficie du soutien de") a verb, and give a verb whose lemma is no infinitive ("L'EI frappe la
    Turquie": lemma "frappe") the infinitive of its present-tense ending ("frapper"), as the lexicon spells them, and a
    past participle tagged an adjective after "avoir" ("a délibérément foncé") a verb, and a word in a noun's role after an
    adjective of its own ("de nouvelles frappes") a noun; mark conditionals and futures
    ("riposterait", "frappera") the tagger reads as imperfects or presents; and a participle with an article ("a tué un
    passant") the noun it is."""

    def __init__(self, lang: str):
        data = resources(lang).lexicon["verb_repair"]
        self.infinitives = tuple(data["infinitive_endings"])
        self.endings = sorted(data["present_endings"].items(), key=lambda e: -len(e[0]))
        self.irregular = data["irregular_present"]["forms"]
        self.participles = sorted(data["participle_endings"].items(), key=lambda e: -len(e[0]))
        self.auxiliary = data["active_auxiliary"]
        self.moods = [(set(data["conditional_endings"]), {"Mood": "Cnd", "Tense": "Pres"}),
                      (set(data["future_endings"]), {"Mood": "Ind", "Tense": "Fut"})]
        self.stem_endings, self.stems = data["future_stems"]["endings"], data["future_stems"]["verbs"]

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s verb tags and lemmas in place."""
        subjects = {t.head.i for t in tokens_with(doc, "DEP", ["nsubj"]) if t.i < t.head.i}  # words with a subject before
        for token in tokens_with(doc, "POS", ("NOUN", "VERB", "ADJ", "PROPN")):
            if token.pos_ == "NOUN" and token.i in subjects and not any(c.dep_ == "cop" for c in token.children):
                infinitive = self._infinitive(token)
                if infinitive:
                    token.pos_, token.lemma_ = "VERB", infinitive
                    for child in token.rights:  # "combat principalement Daech": its bare complement is its object
                        if child.dep_ == "nmod" and not any(c.dep_ == "case" for c in child.children):
                            child.dep_ = "obj"
            elif token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS and any(c.dep_ == "det" for c in token.lefts) \
                    and not any(c.dep_.startswith(("aux", "nsubj")) for c in token.children):
                token.pos_, token.lemma_ = "NOUN", token.lower_  # "a tué un passant": a participle made a noun
            elif token.pos_ == "VERB" and not token.lemma_.endswith(self.infinitives):
                token.lemma_ = self._infinitive(token) or token.lemma_
            elif token.pos_ in ("ADJ", "PROPN") and token.dep_ in NOMINAL_DEPS and token.is_lower \
                    and any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < token.i for c in token.children):
                token.pos_ = "NOUN"  # "de nouvelles frappes": an adjective before it makes the word a noun
            elif token.pos_ == "ADJ" and any(c.dep_ == "aux:tense" and c.lemma_ == self.auxiliary for c in token.children):
                infinitive = self._infinitive(token, self.participles)
                if infinitive:  # "Une voiture a délibérément foncé": "foncé" tagged an adjective
                    token.pos_, token.lemma_ = "VERB", infinitive
                    token.set_morph({**token.morph.to_dict(), "VerbForm": "Part", "Tense": "Past"})
            if token.pos_ == "VERB":
                self._mood(token)
        return doc

    def _mood(self, token) -> None:
        """Mark a conditional or future finite form the tagger read as an imperfect or present ("riposterait": its
        infinitive and a conditional ending; "paierait", "serait": a stem of the lexicon's)."""
        infinitive = token.lemma_.lower()
        stems = {infinitive, infinitive[:-1] if infinitive.endswith("re") else infinitive, self.stems.get(infinitive, "")}
        stems |= {infinitive[:-len(e)] + s for e, s in self.stem_endings.items() if infinitive.endswith(e)}  # "paierait"
        for stem in stems - {""}:
            rest = token.lower_[len(stem):] if token.lower_.startswith(stem) else None
            for endings, features in self.moods:
                if rest in endings:
                    if "Fin" in token.morph.get("VerbForm"):  # the form first: the cheap test
                        token.set_morph({**token.morph.to_dict(), **features})
                    return

    def _infinitive(self, token, endings: list[tuple[str, str]] | None = None) -> str | None:
        """The infinitive of an irregular present form, or the one a present-tense form's ending (or one of `endings`)
        gives, None if it has none."""
        if endings is None and token.lower_ in self.irregular:
            return self.irregular[token.lower_]
        return next(_infinitives(token.lower_, endings or self.endings), None)


NOMINAL_DEPS = {"obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "appos"}


def _infinitives(form: str, endings: list[tuple[str, str]]):
    """The infinitives a verb form's endings give, in the order of `endings` (longest first)."""
    return (form[: -len(ending)] + infinitive for ending, infinitive in endings
            if form.endswith(ending) and len(form) > len(ending) + 1)


@Language.factory("verb_repair", default_config={"lang": "fr"})
def make_verb_repair(nlp: Language, name: str, lang: str) -> VerbRepair:
    """spaCy factory of the verb repair for the language `lang`."""
    return VerbRepair(lang)


class PrepositionalSubjectRepair:
    """Make a subject introduced by a preposition an oblique (its apposition after a comma, if any, the subject), a
    headline's label before a colon no subject, and a counted partitive phrase before a subjectless verb its subject
    (it runs before the lemmatizer, so it reads word forms: the language's 'of' prepositions, which double as
    partitive articles)."""

    def __init__(self, lang: str):
        self.partitive = set(resources(lang).lexicon["of_preps"])
        self.subset = set(resources(lang).lexicon["subset_pronouns"])
        temporal = load_lexicon(lang)
        self.time_words = set(temporal.weekdays) | set(temporal.months)

    def _partitive(self, case) -> bool:
        return case.lower_.replace("’", "'") in self.partitive and not any(f.dep_ == "fixed" for f in case.children)

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s subjects in place."""
        for token in doc:
            if not token.dep_.startswith("nsubj") or all(
                    self._partitive(c) for c in token.lefts if c.dep_ == "case" and c.pos_ == "ADP"):
                continue  # no preposition, or a partitive article: "près de 160 djihadistes"
            subject = next((c for c in token.rights if c.dep_ == "appos" and any(t.text == "," for t in doc[token.i:c.i])), None)
            if subject is not None:
                subject.head, subject.dep_ = token.head, token.dep_
            token.dep_ = "obl:mod"
        for verb in tokens_with(doc, "POS", PREDICATE_TAGS):
            if has_subject(verb):
                continue
            under = [g for c in verb.lefts if c.dep_ == "advmod" for g in c.children]  # "Près | de 163 djihadistes"
            counted = next((c for c in [*verb.lefts, *under] if c.dep_ in ("obl:mod", "dep", "nmod")
                            and any(k.dep_ == "nummod" for k in c.children)
                            and [self._partitive(k) for k in c.lefts if k.pos_ == "ADP"] == [True]), None)
            if counted is not None:
                if counted.head != verb:
                    adverb = counted.head
                    counted.head = verb
                    adverb.head = counted
                counted.dep_ = subject_dep(verb)
        # "Au moins 41 personnes, dont 38 élèves, ont été tuées" with "élèves" as the subject
        for part in tokens_with(doc, "DEP", SUBJECT_DEPS):
            if not any(c.lower_ in self.subset and c.i == part.left_edge.i for c in part.children):
                continue
            comma = part.left_edge.i - 1
            whole = next((c for c in part.head.children if c.dep_ in ("obl:mod", "obl", "nmod", "dep")
                          and c.right_edge.i in (comma - 1, comma) and not any(k.dep_ == "case" for k in c.children)), None)
            if whole is not None and doc[comma].text == ",":
                whole.dep_, part.head, part.dep_ = part.dep_, whole, "appos"
        for verb in tokens_with(doc, "POS", ["VERB"]):
            if verb.n_lefts and not has_subject(verb):
                self._fronted_name(verb)
        # "Australie : une voiture fonce dans la foule": a headline's label, not the subject
        for colon in tokens_with(doc, "ORTH", [":"]):
            if colon.i == 0:
                continue
            label = doc[colon.i - 1]
            while label.head.i < colon.i and label.head != label and label.dep_ != "nsubj":
                label = label.head  # "Royaume-Uni :", "Syrie du Nord :": the phrase's head
            if label.dep_.startswith("nsubj") and label.left_edge.i == label.sent.start:
                label.dep_ = "dep"
        return doc

    def _fronted_name(self, verb) -> None:
        """"Salman Abedi, un homme de 22 ans, est identifié…" read with both phrases as obliques: the name opening the
        sentence, set off by a comma, is the subject, the indefinite phrase after it its apposition."""
        doc = verb.doc
        name = next((c for c in verb.lefts if c.dep_ in ("obl:mod", "dep", "nmod") and c.pos_ == "PROPN"
                     and c.lower_ not in self.time_words and not any(k.dep_ == "case" for k in c.children)), None)
        if name is None or name.right_edge.i + 1 >= verb.i or doc[name.right_edge.i + 1].text != "," \
                or name.left_edge.i != verb.sent.start:
            return
        name.dep_ = subject_dep(verb)
        described = next((c for c in verb.lefts if c.i > name.i and c.dep_ in ("obl:mod", "dep", "nmod")
                          and c.left_edge.i == name.right_edge.i + 2 and doc[c.right_edge.i + 1].text == ","
                          and _indefinite(c)), None)
        if described is not None:
            described.head, described.dep_ = name, "appos"


@Language.factory("prepositional_subject_repair", default_config={"lang": "fr"})
def make_prepositional_subject_repair(nlp: Language, name: str, lang: str) -> PrepositionalSubjectRepair:
    """spaCy factory of the prepositional-subject repair for the language `lang`."""
    return PrepositionalSubjectRepair(lang)


def join_split_subjects(doc: Doc) -> Doc:
    """Make a name the parser cut off as sentence(s) of its own the subject of the subjectless verb that follows, also
    with its description ("Khalifa Haftar, à la tête de l'ANL, | a lancé une offensive": a sentence without verb)."""
    sentences = list(doc.sents)
    for first, second in zip(sentences, sentences[1:]):
        name, verb = first.root, second.root
        if name.ent_type_ and name.pos_ in ("PROPN", "NOUN") and verb.pos_ == "VERB" and not has_subject(verb) \
                and _fragment_before(first, second):
            name.head, name.dep_ = verb, "nsubj"
    for ent in doc.ents:
        if ent.end >= len(doc) or not ent[0].is_sent_start or not any(t.is_sent_start for t in doc[ent.start + 1:ent.end + 1]):
            continue
        verb = doc[ent.end].sent.root
        if verb.pos_ != "VERB" or any(t.sent.start < ent.start or (t.sent.end > ent.end and t.sent.root.i != verb.i)
                                      for t in ent):
            continue  # the name shares a sentence with other words: not a split-off subject
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        if any(not ent.start <= c.i < ent.end for c in subjects):
            continue
        head = subjects[0] if subjects else ent[-1]
        if not subjects:
            head.head = verb  # spaCy recomputes the sentence boundaries from the heads
            head.dep_ = subject_dep(verb)
        for token in ent:
            if token.i != head.i and (token.head.i == token.i or not ent.start <= token.head.i < ent.end):
                token.head = head
                token.dep_ = "flat:name"
    return doc


Language.component("split_subject_repair", func=join_split_subjects)


def _fragment_before(first, second) -> bool:
    """Whether a sentence is a verbless fragment the parser cut off before a comma from the sentence that follows."""
    return "," in (first[-1].text, second[0].text) and not any(t.pos_ in ("VERB", "AUX") for t in first)


class ReportingClauseRepair:
    """Join to the clause it reports a reporting clause the parser cut off as a sentence of its own: "Le réseau Haqqani
    est derrière l'attaque | , a affirmé le gouvernement afghan." (an inverted speech or threat verb after a comma,
    "« Les terroristes seront traqués » | , a promis le porte-parole") and
    "Selon Kaboul | , le réseau Haqqani est derrière l'attaque" (a "selon X" fragment before one)."""

    def __init__(self, lang: str):
        lexicon = resources(lang).lexicon
        self.speech = set(lexicon["speech_verbs"]) | set(lexicon["threat_verbs"])
        self.according_to = set(lexicon["according_to"])

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s sentence cuts in place."""
        sentences = list(doc.sents)
        for first, second in zip(sentences, sentences[1:]):
            said, source = first.root, second.root
            if second[0].text == "," and source.pos_ == "VERB" and source.lemma_.lower() in self.speech \
                    and not any(c.dep_.startswith("nsubj") and c.i < source.i for c in source.children) \
                    and not any(c.dep_ in ("ccomp", "xcomp") for c in source.children):
                said.head, said.dep_ = source, "ccomp"  # "…, a affirmé le gouvernement": what it affirmed
            elif case_of(said) in self.according_to and _fragment_before(first, second):
                said.head, said.dep_ = source, "obl:mod"  # "Selon Kaboul, …": the source of the clause
        for subject in tokens_with(doc, "DEP", ["ccomp"]):
            self._quoted_predicate(subject)
        return doc

    @staticmethod
    def _quoted_predicate(subject) -> None:
        """"a averti que Washington et Londres « paieront un prix lourd »": the parser made the subject of the reported
        clause the complement and its verb, after the opening quote, a clause of the speech verb; the verb is the
        complement, the name its subject and "que" its marker."""
        if subject.pos_ not in ("NOUN", "PROPN", "PRON") or not any(c.dep_ == "mark" for c in subject.children):
            return
        speech = subject.head
        verb = next((c for c in speech.children if c.i > subject.i and c.pos_ == "VERB"
                     and c.dep_ in ("advcl", "parataxis", "conj", "ccomp")
                     and any("Fin" in t.morph.get("VerbForm") for t in [c, *c.children] if t.i <= c.i)
                     and not any(g.dep_.startswith("nsubj") for g in c.children)), None)
        if verb is None or not any(t.is_quote for t in subject.doc[subject.i + 1:verb.i]):
            return
        verb.head, verb.dep_ = speech, "ccomp"
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        subject.head, subject.dep_ = verb, "nsubj:pass" if passive else "nsubj"
        for mark in [c for c in subject.children if c.dep_ == "mark"]:
            mark.head = verb


@Language.factory("reporting_clause_repair", default_config={"lang": "fr"})
def make_reporting_clause_repair(nlp: Language, name: str, lang: str) -> ReportingClauseRepair:
    """spaCy factory of the reporting-clause repair for the language `lang`."""
    return ReportingClauseRepair(lang)


def name_before_description(doc: Doc) -> Doc:
    """Make a name the parser read as an oblique (or as a second subject), set off before a description it took for the
    subject ("Le JNIM, la branche sahélienne d'Al-Qaïda, a revendiqué l'attaque"), the subject, and the description
    its apposition; so is a name read as the root of a verb coordinated with it ("Mohamed R., un Français, a foncé…") or
    set beside it ("Ansarul Islam, un groupe jihadiste, a revendiqué…") or split off as a sentence of its own ("Mazloum
    Abdi, le commandant en chef des FDS, a appelé…")."""
    for ent in doc.ents:
        name, verb = ent.root, ent.root.head
        if name.dep_ == "ROOT":
            verb = next((c for c in name.children if c.dep_ in ("conj", "parataxis") and c.pos_ == "VERB" and c.i > ent.end),
                        None) or (_root(doc[ent.end + 1]) if ent.end + 1 < len(doc) else name)  # or split off from it
        if name.dep_ not in ("obl:mod", "obl", "nmod", "dep", "nsubj", "nsubj:pass", "ROOT") or verb.i <= name.i or case_of(name) \
                or ent.end + 1 >= len(doc) or doc[ent.end].text != "," or (name.right_edge.i > ent.end and name != verb.head):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.left_edge.i == ent.end + 1), None)
        if subject is not None and subject.right_edge.i + 1 < verb.i and doc[subject.right_edge.i + 1].text == ",":
            if name.dep_ == "ROOT":
                verb.head, verb.dep_ = verb, "ROOT"
                for child in [c for c in name.children if c.i > verb.i]:
                    child.head = verb
                name.head = verb
            name.dep_ = subject.dep_
            subject.head, subject.dep_ = name, "appos"
    return doc


def _root(token):
    """The root of the tree a token belongs to."""
    while token.head != token:
        token = token.head
    return token


Language.component("description_subject_repair", func=name_before_description)


def heading_subject(doc: Doc) -> Doc:
    """Make the noun phrase after a heading's colon the subject of the verb that follows it, when the parser hung it on
    the heading ("Yémen : Washington et Londres frappent les Houthis", "Irak : l'armée lance l'offensive à Hawija", where
    it even made "l'offensive" the subject): the heading stays the root, the verb its parataxis."""
    for colon in tokens_with(doc, "ORTH", [":"]):
        heading = colon.head if colon.head.i < colon.i else doc[colon.i - 1]
        if colon.i < 1 or colon.i + 1 >= len(doc) or heading.sent.start != heading.left_edge.i:
            continue
        subject = next((c for c in heading.children if c.dep_ in ("nmod", "appos") and not case_of(c) and c.i > colon.i
                        and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is None:
            continue
        verb = next((t for t in doc[subject.i + 1:subject.sent.end] if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")
                     and (t.head in (subject, t) or heading.head == t)), None)
        if verb is None or any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children):
            continue
        for child in [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]:
            child.dep_ = "obj"  # "l'armée lance l'offensive": the parser's subject after the verb is its object
        if verb.head == verb or heading.head == verb:
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = heading, "parataxis"
        subject.head, subject.dep_ = verb, "nsubj"
    return doc


Language.component("heading_subject_repair", func=heading_subject)


class CoordinationRepair:
    """Coordinate what the parser coordinated wrongly or not at all: a clause with a noun, the first name of an
    enumerated subject, the second side of a clash ("entre A et B"), the rest of a participle's list of agents."""

    def __init__(self, lang: str):
        self.between = set(resources(lang).lexicon["between"]["preps"])

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s coordinations in place."""
        self._clauses(doc)
        self._enumerations(doc)
        self._sides(doc)
        self._agent_lists(doc)
        return doc

    @staticmethod
    def _agent_lists(doc: Doc) -> None:
        """"L'ANL, soutenue par les Émirats, l'Égypte et la Russie, a attaqué": the list of a participle's agent that the
        parser continued as a second subject of the main verb is the agent's conjunct; so is a name coordinated right
        after an agent that the parser coordinated with the participle's noun."""
        for other in tokens_with(doc, "DEP", SUBJECT_DEPS):
            verb = other.head
            if other.i > verb.i or other.left_edge.i < 1 \
                    or doc[other.left_edge.i - 1].text != ",":
                continue
            first = next((c for c in verb.children if c.dep_ == other.dep_ and c.i < other.i), None)
            agent = doc[other.left_edge.i - 2] if other.left_edge.i > 1 else None
            while agent is not None and agent.dep_ in ("amod", "nmod", "flat:name") and agent.head.i < agent.i:
                agent = agent.head  # "les Émirats arabes unis": the agent noun
            if first is not None and agent is not None and agent.dep_ == "obl:agent" and agent.head.dep_ == "acl" \
                    and agent.head.head == first:
                other.head, other.dep_ = agent, "conj"
        # "des roquettes tirées par le Hamas et le Jihad islamique": "Jihad" read as a conjunct of "roquettes"
        for agent in tokens_with(doc, "DEP", ["obl:agent"]):
            if agent.right_edge.i + 2 >= len(doc):
                continue
            conjunct = doc[agent.right_edge.i + 1].head
            if doc[agent.right_edge.i + 1].dep_ == "cc" and conjunct.dep_ == "conj" and conjunct.head.i < agent.i \
                    and agent.head in conjunct.head.subtree and conjunct.pos_ == agent.pos_ == "PROPN" != conjunct.head.pos_:
                conjunct.head = agent  # a name with a name, not "les rebelles soutenus par la Turquie et l'armée turque"

    @staticmethod
    def _clauses(doc: Doc) -> None:
        """Coordinate a verb the parser coordinated with a noun ("ont fait irruption dans l'église et ont égorgé le
        prêtre") with the verb that governs that noun, when its own auxiliary or finite form makes it a clause, a
        participle sharing that verb's auxiliary with the object after it ("a tué un passant et blessé quatre
        personnes"), and a participle coordinated with the agent of another ("soutenu par la Syrie et dirigé par X")
        with that one."""
        for verb in tokens_with(doc, "DEP", ["conj"]):
            if verb.pos_ == "VERB" and verb.head.pos_ in ("NOUN", "PROPN") \
                    and verb.morph.get("VerbForm") == ["Part"] and verb.head.head.dep_ in ("acl", "amod") \
                    and verb.head.head.pos_ == "VERB" and verb.head.head.i < verb.i:
                verb.head = verb.head.head  # "soutenu par la Syrie et dirigé par X": two participles of one noun
                continue
            # "a tué un passant et blessé quatre autres personnes": the participle shares the auxiliary of the verb
            # whose object it was hung on, and the object after it is its own
            governor = verb.head.head
            if verb.pos_ == "VERB" and verb.head.dep_ == "obj" and verb.morph.get("VerbForm") == ["Part"] \
                    and governor.pos_ == "VERB" and governor.i < verb.i \
                    and any(c.dep_ == "aux:tense" for c in governor.children):
                objects = [c for c in governor.children if c.dep_ == "obj" and c.i > verb.i]
                if objects:
                    verb.head = governor
                    for obj in objects:
                        obj.head = verb
                    continue
            if verb.pos_ != "VERB" or verb.head.pos_ not in ("NOUN", "PROPN") or not (
                    verb.morph.get("VerbForm") == ["Fin"] or any(c.dep_ in ("aux:tense", "aux:pass") for c in verb.children)):
                continue
            governor = verb.head
            while governor.pos_ != "VERB" and governor.head.i != governor.i:
                governor = governor.head
            if governor.pos_ == "VERB" and governor.i < verb.i:
                verb.head = governor

    @staticmethod
    def _enumerations(doc: Doc) -> None:
        """The first name of an enumerated subject read as an oblique is that subject's first conjunct ("Les
        États-Unis, la France et le Royaume-Uni ont frappé")."""
        for name in tokens_with(doc, "DEP", ("obl", "obl:mod", "advcl", "dep")):
            if name.pos_ != "PROPN" or case_of(name) \
                    or name.i > name.head.i or name.right_edge.i + 2 >= len(doc) or doc[name.right_edge.i + 1].text != ",":
                continue
            subject = next((c for c in name.head.children if c.dep_ in ("nsubj", "nsubj:pass")
                            and c.left_edge.i == name.right_edge.i + 2), None)
            if subject is not None and any(c.dep_ == "conj" and any(g.dep_ == "cc" for g in c.children)
                                           for c in subject.children):
                name.head, name.dep_ = subject, "conj"

    def _sides(self, doc: Doc) -> None:
        """"des combats entre l'armée et les rebelles ont fait…": the second side, read as a second subject or an
        object of the verb, is the first side's conjunct."""
        for side in sorted({case.head for case in tokens_with(doc, "LOWER", self.between)}, key=lambda t: t.i):
            if case_of(side) not in self.between or any(c.dep_ == "conj" for c in side.children) \
                    or side.right_edge.i + 2 >= len(doc) or doc[side.right_edge.i + 1].lower_ != "et":
                continue
            conjunction = doc[side.right_edge.i + 1]
            other = next((t for t in doc[conjunction.i + 1:conjunction.i + 5] if t.pos_ in ("NOUN", "PROPN")
                          and not conjunction.i < t.head.i < t.i), None)
            if other is not None and other.dep_ in ("nsubj", "obj", "nsubj:pass") and other.head.i > other.i:
                other.head, other.dep_ = side, "conj"
                conjunction.head, conjunction.dep_ = other, "cc"


@Language.factory("coordinated_clause_repair", default_config={"lang": "fr"})
def make_coordination_repair(nlp: Language, name: str, lang: str) -> CoordinationRepair:
    """spaCy factory of the coordination repair for the language `lang`."""
    return CoordinationRepair(lang)


class AppositionRepair:
    """Make an indefinite noun phrase the parser read as a second object, subject or bare oblique, set off by a comma
    right after another complement or the subject of the same verb ("aux Forces démocratiques alliées (ADF), un groupe
    affilié à l'EI", "Le chauffeur, un Tunisien de 31 ans, a été abattu"; "Le suspect, un sympathisant de l'EI, a tué",
    the subject read as an oblique), and a name read as a second subject right after the first ("Le soldat français
    Jean Dupont a été tué"), that phrase's apposition; not after a time ("Le lendemain, un homme a attaqué"). So is a
    title read as an oblique right after an inverted subject ("…, a menacé Ziad Nakhalé, le secrétaire général du
    Jihad"), or a name set off after the subject ("Une faction dissidente du TTP, le Jamaat-ul-Ahrar, a revendiqué");
    a phrase set off after a source, which the parser read as the subject with the real subject as its conjunct
    ("Selon l'ISPR, le service de communication de l'armée, six « terroristes » ont été tués"); and a name the parser
    coordinated with a definite noun before it, without a conjunction ("Le gouverneur de l'État de Borno, Babagana
    Zulum,")."""

    def __init__(self, lang: str):
        temporal = load_lexicon(lang)
        self.dayparts = set(temporal.dayparts)
        self.cue = temporal.cue
        self.according_to = set(resources(lang).lexicon["according_to"])

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s parse in place."""
        for noun in tokens_with(doc, "DEP", ("obj", "obl:mod", *SUBJECT_DEPS)):
            end = _described_end(noun)
            if end is None or (noun.dep_ == "obl:mod" and (case_of(noun) or self._adverbial(noun))):
                continue
            described = next((c for c in noun.head.children if c.i < noun.i and c.right_edge.i == end and (
                c.dep_ == noun.dep_ or (noun.dep_ in ("obj", "obl:mod") and c.dep_ in ("obl:arg", "obl", "obl:mod"))
                or (noun.dep_.startswith("nsubj") and c.dep_ == "obl:mod" and not case_of(c) and not self._adverbial(c)))), None)
            if described is not None:
                if described.dep_ == "obl:mod" and noun.dep_ != "obj":
                    described.dep_ = noun.dep_
                noun.head, noun.dep_ = described, "appos"
        # "…, a menacé Ziad Nakhalé, le secrétaire général du Jihad islamique": the title read as an oblique of the verb
        # is the inverted subject's apposition
        # ("Une faction dissidente du TTP, le Jamaat-ul-Ahrar, a revendiqué": so is a name set off after the subject)
        for noun in tokens_with(doc, "DEP", ["obl:mod"]):
            start, end = noun.left_edge.i, noun.right_edge.i + 1
            named = noun.pos_ == "PROPN" and noun.text[:1].isupper() and end < len(doc) and doc[end].text == ","
            if case_of(noun) or not (noun.pos_ == "NOUN" or named) or start < 2 or doc[start - 1].text != "," \
                    or self._adverbial(noun, named):
                continue
            verb = noun.head
            subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and (c.head.i < c.i or named)
                            and c.right_edge.i == start - 2), None)
            if subject is None and named and not any(c.dep_.startswith("nsubj") for c in verb.children):
                subject = next((c for c in verb.children if c.dep_ == "obl:mod" and c.right_edge.i == start - 2
                                and not case_of(c) and not self._adverbial(c)), None)  # both read as obliques
                if subject is not None:
                    subject.dep_ = subject_dep(verb)
            if subject is not None:
                noun.head, noun.dep_ = subject, "appos"
        for noun in tokens_with(doc, "DEP", SUBJECT_DEPS):
            start = noun.left_edge.i
            if start < 2 or doc[start - 1].text != ",":
                continue
            source = next((c for c in noun.head.children if c.right_edge.i == start - 2
                           and case_of(c) in self.according_to), None)
            subject = next((c for c in noun.children if c.dep_ == "conj" and "," in (c.left_edge.text, doc[c.left_edge.i - 1].text)
                            and not any(x.dep_ == "cc" for x in c.children)), None)
            if source is not None and subject is not None:
                subject.head, subject.dep_ = noun.head, noun.dep_
                noun.head, noun.dep_ = source, "appos"
        for name in tokens_with(doc, "DEP", ["conj"]):  # "Le gouverneur de l'État de Borno, Babagana Zulum, a condamné"
            title = name.head
            if name.pos_ == "PROPN" and title.pos_ == "NOUN" and title.i < name.i \
                    and doc[name.i - 1].text == "," and not any(c.dep_ == "cc" for c in name.children) \
                    and any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in title.children):
                name.dep_ = "appos"
        return doc

    def _adverbial(self, token, named: bool = False) -> bool:
        """Whether an oblique is an adverbial, not a subject: a time ("le lendemain", "le soir", "fin décembre") or a
        phrase without article (which a name needs not have)."""
        return not (named or any(c.dep_ == "det" for c in token.children)) or any(
            t.lower_ in self.dayparts or self.cue.fullmatch(t.text) is not None for t in [token, *token.children])


def _described_end(noun) -> int | None:
    """Where the phrase a second subject or object may describe ends: right before a name that follows it ("Le soldat
    français Jean Dupont"), or before the comma that sets off an indefinite phrase ("…, un Tunisien de 31 ans,")."""
    start = noun.left_edge.i
    if noun.dep_ in ("nsubj", "nsubj:pass") and noun.pos_ == "PROPN" and start > 0:
        return start - 1
    if noun.dep_ in ("obj", "obl:mod", "nsubj", "nsubj:pass") and noun.pos_ == "NOUN" and start >= 2 \
            and noun.doc[start - 1].text == "," \
            and _indefinite(noun):
        return start - 2
    return None


def _indefinite(noun) -> bool:
    """Whether a noun phrase has an indefinite article ("un Tunisien de 31 ans")."""
    return any(c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in noun.children)


@Language.factory("apposition_repair", default_config={"lang": "fr"})
def make_apposition_repair(nlp: Language, name: str, lang: str) -> AppositionRepair:
    """spaCy factory of the apposition repair for the language `lang`."""
    return AppositionRepair(lang)


def close_relative_clause(doc: Doc) -> Doc:
    """Make the verb after a relative clause set off by commas the main verb again, when the parser made the relative
    clause's verb the head of the sentence and the subject its own ("Un homme à bord d'un camion, dont les premiers
    éléments de l'enquête indiquent qu'il aurait été volé, a foncé sur des passants": "homme" read as the subject of
    "indiquent", "a foncé" as a clause hung inside the relative)."""
    for pronoun in tokens_with(doc, "POS", ["PRON"]):
        if pronoun.i < 2 or pronoun.morph.get("PronType") != ["Rel"]:
            continue
        if doc[pronoun.i - 1].text != ",":
            _restrictive_relative(pronoun)
            continue
        noun = doc[pronoun.i - 2]
        clause = pronoun.head
        if _after_verbless_relative(pronoun, noun):
            continue
        if pronoun.lower_ in ("où", "ou") and clause.dep_ == "advcl" and clause.head.i < noun.i \
                and noun.pos_ in ("NOUN", "PROPN") and not noun.dep_.startswith("nsubj"):  # "a bombardé Idleb, où sont
            clause.head, clause.dep_ = noun, "acl:relcl"  # retranchés les jihadistes": where they are, not when bombed
            continue
        while noun.dep_ in ("nmod", "amod", "appos", "flat:name") and noun.head.i < noun.i:
            noun = noun.head  # "Un homme à bord d'un camion, dont…": the man
        relative = noun.head
        if noun.dep_ == "obl:mod" and relative == pronoun.head and not case_of(noun):
            noun.dep_ = "nsubj"  # "Le tireur, qui se réclamait de l'EI, a tué": the subject read as an oblique
        if noun.pos_ not in ("NOUN", "PROPN") or not noun.dep_.startswith("nsubj") or relative.i < pronoun.i \
                or pronoun not in relative.subtree:
            continue
        main = relative.head  # "Le JeM, dont le chef vit au Pakistan, a revendiqué…": the clause already hangs on the
        if relative.dep_ == "advcl" and main.pos_ == "VERB" and main.i > relative.i and not has_subject(main) \
                and doc[relative.right_edge.i + 1].text == ",":  # main verb, the antecedent its subject
            noun.head = main
            relative.head, relative.dep_ = noun, "acl:relcl"
            continue
        verb = next((t for t in doc[relative.i + 1:relative.sent.end] if t.pos_ == "VERB" and relative in t.ancestors
                     and not has_subject(t) and "," in (t.left_edge.text, doc[t.left_edge.i - 1].text) and _finite(t)
                     and all(c.dep_.startswith("aux") or c.dep_ == "punct" for c in t.children if c.i < t.i)), None)
        if verb is None:
            continue
        head, dep = (verb, "ROOT") if relative.dep_ == "ROOT" else (relative.head, relative.dep_)
        for child in [c for c in relative.children if c.i > verb.i]:
            child.head = verb
        verb.head, verb.dep_ = head, dep
        noun.head = verb
        relative.head, relative.dep_ = noun, "acl:relcl"
    return doc


def _after_verbless_relative(pronoun, noun) -> bool:
    """Make the verb after a verbless relative set off by commas the noun's own verb, when the parser hung both on the
    noun as relative clauses ("Neuf personnes, dont trois policiers, ont été tuées…, a annoncé la police")."""
    clause, doc = pronoun.head, pronoun.doc
    if clause.pos_ not in ("NOUN", "PROPN", "NUM") or clause.head != noun or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = noun.head
    if noun.dep_ == "obl:mod" and not case_of(noun) and verb.pos_ == "VERB" and verb.i > clause.i and _finite(verb) \
            and not has_subject(verb):  # the subject read as an oblique of its verb
        noun.dep_ = subject_dep(verb)
        return True
    verb = next((c for c in noun.children if c.dep_ == "acl:relcl" and c.i > clause.i and c.pos_ == "VERB"
                 and _finite(c) and not has_subject(c) and not any(x.morph.get("PronType") == ["Rel"] for x in c.children)
                 and "," in (c.left_edge.text, doc[c.left_edge.i - 1].text)), None)
    if verb is None:
        return False
    if noun.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
    elif noun.dep_.startswith("nsubj") and noun.head.i > verb.i:  # "…, a annoncé la police": the clause it reports
        verb.head, verb.dep_ = noun.head, "ccomp"
    else:
        return False
    noun.head = verb
    noun.dep_ = subject_dep(verb)
    return True


def _restrictive_relative(pronoun) -> None:
    """Make the verb after a relative clause with no commas the main verb, when the parser left the antecedent the
    head of the sentence and hung that verb on a word of the clause ("Un homme qui se réclamait de l'EI a tué deux
    policiers": "a tué" read as a clause of "l'EI")."""
    relative, noun = pronoun.head, pronoun.head.head
    if not pronoun.dep_.startswith("nsubj") or relative.dep_ != "acl:relcl" or noun.dep_ != "ROOT" \
            or noun.pos_ not in ("NOUN", "PROPN"):
        return
    verb = next((t for t in pronoun.doc[relative.i + 1:noun.sent.end] if t.pos_ == "VERB" and t.dep_ != "conj"
                 and noun in t.ancestors and not has_subject(t) and _finite(t)
                 and all(c.dep_.startswith("aux") for c in t.children if c.i < t.i)), None)
    if verb is None:
        return
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head = verb
    noun.dep_ = subject_dep(verb)


def subject_dep(verb) -> str:
    """The label of a verb's subject: "nsubj:pass" when the verb is passive ("ont été tuées"), else "nsubj"."""
    return "nsubj:pass" if any(c.dep_ == "aux:pass" for c in verb.children) else "nsubj"


def _finite(verb) -> bool:
    """Whether a verb is finite or a compound tense ("a foncé")."""
    return "Fin" in verb.morph.get("VerbForm") or any(c.dep_ == "aux:tense" for c in verb.children)


Language.component("relative_clause_repair", func=close_relative_clause)


class VerblessClauseRepair:
    """Make the verb of a clause the tagger read without one a verb again: in "Al-Chabab frappe Mogadiscio", "Les
    talibans contrôlent la province de Helmand" or "La Russie bombarde Alep" the present-tense verb right after the
    subject is tagged a noun, adjective, adverb or lowercase proper noun of it, the subject is the root, and the
    sentence may even be cut in pieces. A word right after a name or a definite noun phrase that the parser left as the root of a sentence
    without verb, with no article or preposition of its own, whose form is a present-tense verb's (its infinitive
    from its ending among the lemmatizer's verbs, or the form among its verb exceptions), is that clause's verb: the
    phrase is its subject, what follows its complements (the first bare noun phrase its object). So is a present
    participle after "en" read as a noun ("a riposté en bombardant des positions"). A phrase set off before the subject
    ("Dans une vidéo, l'assaillant menace…") that the parser made the root becomes the verb's complement."""

    def __init__(self, nlp: Language, lang: str):
        lexicon = resources(lang).lexicon
        data = lexicon["verb_repair"]
        self.endings = sorted(data["present_endings"].items(), key=lambda e: -len(e[0]))
        self.irregular = data["irregular_present"]["forms"]
        self.participles = tuple(data["participle_endings"])
        self.gerund = data["gerund"]
        self.gerund_endings = tuple(self.gerund["endings"])
        self.partitives = set(lexicon["partitive_articles"])
        self.bare_partitives = set(lexicon["bare_partitive_articles"])  # also the "de", "d'" before an infinitive
        lookups = nlp.get_pipe("lemmatizer").lookups
        self.verbs = lookups.get_table("lemma_index").get("verb", frozenset())
        self.exceptions = lookups.get_table("lemma_exc").get("verb", {})

    def __call__(self, doc: Doc) -> Doc:
        """Repair `doc`'s verbless clauses in place."""
        ends = {ent.end: ent for ent in doc.ents}
        for word in doc[1:len(doc) - 1]:
            if not word.text[:1].islower():
                continue  # both repairs below want a lower-case word
            subject = ends[word.i].root if word.i in ends else doc[word.i - 1]
            while subject.dep_ == "amod" and subject.head.i < subject.i:
                subject = subject.head  # "Les milices pro-turques contrôlent Afrin"
            if self._before_infinitive(subject, word):
                continue
            fronted = self._fronted_adverbial(subject)
            if (subject.dep_ != "ROOT" and fronted is None) or not (word.i in ends or (  # a name whatever its tag ("Israël" tagged X)
                    subject.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" for c in subject.children))) \
                    or word.pos_ not in ("NOUN", "PROPN", "ADJ", "ADV", "VERB") or not word.text[:1].islower() \
                    or any(c.dep_ in ("det", "case", "cop") for c in word.children):
                continue
            clause = range(subject.sent.start, max(word.sent.end, doc[word.i + 1].sent.end))
            if any(doc[i].pos_ in ("VERB", "AUX") and i != word.i and "Inf" not in doc[i].morph.get("VerbForm")
                   for i in clause):  # an infinitive may follow: "La Russie dément viser des civils"
                continue
            infinitive = self._infinitive(word)
            if infinitive:
                self._rebuild(doc, subject, word, infinitive, clause.stop)
                if fronted is not None:  # "Dans une vidéo, l'assaillant menace…": the phrase the parser made the root
                    fronted.head, fronted.dep_ = word, "obl:mod"
        for word in tokens_with(doc, "DEP", ["conj"]):
            if word.pos_ == "NOUN" and word.dep_ == "conj" and word.head.pos_ == "VERB" and word.text[:1].islower():
                self._coordinated_verb(word)
        # after the conjuncts: a gerund made a verb is no conjunct's head
        for word in tokens_with(doc, "POS", ("NOUN", "ADJ")):
            if word.lower_.endswith(self.gerund_endings) and word.text[:1].islower() \
                    and case_of(word) == self.gerund["marker"]:  # the ending first: the cheap test
                self._gerund(word)
        return doc

    def _gerund(self, word) -> None:
        """Make a present participle after "en" read as a noun ("a riposté en bombardant des positions") a verb, its
        marker a mark and its partitive complement its object."""
        form = word.lower_
        stem = next((form[: -len(e)] for e in self.gerund_endings if form.endswith(e) and len(form) > len(e) + 2), None)
        infinitive = stem and (next((stem + e for e in self.gerund["infinitives"] if stem + e in self.verbs), None)
                               or next(iter(self.exceptions.get(form, [])), None))
        if not infinitive:
            return
        word.pos_, word.lemma_ = "VERB", infinitive
        word.set_morph({"VerbForm": "Part", "Tense": "Pres"})
        if word.dep_.startswith("obl") or word.dep_ == "nmod":
            word.dep_ = "advcl"
        for child in list(word.children):
            if child.dep_ == "case" and child.lower_ == self.gerund["marker"]:
                child.dep_ = "mark"
            elif child.dep_ == "nmod" and not any(c.dep_ == "obj" for c in word.children):
                reattach(child, word, self.partitives, self.bare_partitives)

    def _coordinated_verb(self, word) -> None:
        """Make a present-tense verb read as a noun coordinated with a verb, with no article and an infinitive after
        it, a verb coordinated with the clause's main verb ("Le groupe a mis fin au cessez-le-feu conclu avec le
        gouvernement et menace depuis de multiplier les attaques": "menace" read as a noun conjunct of "conclu")."""
        following = [t for t in word.doc[word.i + 1:word.i + 4] if "Inf" in t.morph.get("VerbForm")]
        if not following or any(c.dep_ == "det" for c in word.children) \
                or not any(c.dep_ == "mark" and c.lower_ in self.bare_partitives for c in following[0].children):
            return
        infinitive = self._infinitive(word)
        if not infinitive:
            return
        main = word.head
        while not has_subject(main) and main.head != main and main.dep_ not in ("ROOT",):
            main = main.head  # the coordination is with the verb that has the subject
        _present_verb(word, infinitive)
        word.head = main
        following[0].head, following[0].dep_ = word, "xcomp"

    @staticmethod
    def _fronted_adverbial(subject):
        """The prepositional phrase set off before a subject that the parser made the root, the subject its conjunct
        ("Dans une vidéo, l'assaillant menace l'Allemagne"), or None."""
        root = subject.head
        first = min([subject.i] + [c.i for c in subject.lefts if not c.is_punct])
        if subject.dep_ != "conj" or root.dep_ != "ROOT" or root.i > subject.i \
                or not any(c.dep_ == "case" for c in root.children) or subject.doc[first - 1].text != ",":
            return None
        return root

    def _before_infinitive(self, subject, word) -> bool:
        """Make a present-tense verb read as a modifier of the subject of the infinitive it governs the root, the
        infinitive its complement ("le groupe menace de « frapper encore » les soldats": "frapper" read as the root,
        "menace" as an adjective of "groupe"); whether it did."""
        verb = subject.head
        if not subject.dep_.startswith("nsubj") or verb.dep_ != "ROOT" or "Inf" not in verb.morph.get("VerbForm") \
                or word.head != subject or word.dep_ not in ("amod", "nmod", "appos") or not word.text[:1].islower() \
                or word.i + 1 >= len(word.doc) or word.doc[word.i + 1].head != verb or word.doc[word.i + 1].dep_ != "mark" \
                or any(c.dep_ in ("det", "case", "cop") for c in word.children):
            return False
        infinitive = self._infinitive(word)
        if not infinitive:
            return False
        _present_verb(word, infinitive)
        word.head, word.dep_ = word, "ROOT"
        for child in [c for c in verb.children if c.i < subject.i or c == subject]:
            child.head = word  # the subject and what comes before it ("Dans son communiqué, …")
        verb.head, verb.dep_ = word, "xcomp"
        return True

    def _infinitive(self, word) -> str | None:
        """The infinitive of a present-tense verb form, None if the lemmatizer knows no such verb."""
        form = word.lower_
        found = next((infinitive for infinitive in _infinitives(form, self.endings) if infinitive in self.verbs), None)
        if found or form.endswith(self.participles):  # "Un Français enlevé en RDC": a participle, no clause
            return found
        return next(iter(self.exceptions.get(form, [])), None)

    @staticmethod
    def _rebuild(doc: Doc, subject, verb, infinitive: str, end: int) -> None:
        """Make `verb` the root of the clause up to `end`, `subject` its subject and what follows its complements."""
        following = [t for t in doc[verb.i + 1:end] if t.head.i < verb.i or t.head.i == t.i or t.head == verb]
        _present_verb(verb, infinitive)
        verb.head, verb.dep_ = verb, "ROOT"
        for child in [c for c in subject.children if c.i > verb.i]:
            child.head = verb
        subject.head, subject.dep_ = verb, "nsubj"
        has_object = False
        for token in following:
            token.head = verb
            if token.pos_ == "PUNCT":
                token.dep_ = "punct"
            elif token.pos_ in ("NOUN", "PROPN", "PRON") and not case_of(token) and not has_object:
                token.dep_, has_object = "obj", True
            elif token.pos_ in ("NOUN", "PROPN", "NUM"):
                token.dep_ = "obl"
            elif token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm"):
                token.dep_ = "xcomp"  # "dément viser des civils"


def _present_verb(word, infinitive: str) -> None:
    """Make a word the tagger read otherwise a present-tense indicative verb of that infinitive."""
    word.pos_, word.lemma_ = "VERB", infinitive
    word.set_morph({"Mood": "Ind", "Tense": "Pres", "VerbForm": "Fin"})


@Language.factory("verbless_clause_repair", default_config={"lang": "fr"})
def make_verbless_clause_repair(nlp: Language, name: str, lang: str) -> VerblessClauseRepair:
    """spaCy factory of the verbless-clause repair for the language `lang`."""
    return VerblessClauseRepair(nlp, lang)

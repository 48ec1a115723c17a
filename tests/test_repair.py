"""The day-word parser repair, on sentences the French model misparses without it."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(pipeline):
    """The loaded French spaCy pipeline (the repair sits right after the parser)."""
    from graphbuilder.nlp import load_pipeline

    return load_pipeline("fr")


def arc(doc, word: str) -> tuple[str, str]:
    """(dependency label, head word) of the first token `word`."""
    token = next(t for t in doc if t.text == word)
    return token.dep_, token.head.text


def test_repair_runs_right_after_the_parser(nlp):
    assert nlp.pipe_names.index("day_word_repair") == nlp.pipe_names.index("parser") + 1


@pytest.mark.parametrize("text, word, expected", [
    ("Des missiles ont frappé Kiev lundi.", "Kiev", ("obj", "frappé")),
    ("Trois soldats ont été tués lundi par les shebab.", "shebab", ("obl:agent", "tués")),
    ("L'armée a mené dimanche de violentes frappes contre l'EI.", "frappes", ("obj", "mené")),
])
def test_complements_hung_on_a_day_word_go_back_to_the_verb(nlp, text, word, expected):
    assert arc(nlp(text), word) == expected


def test_a_partitive_read_as_preposition_becomes_an_article(nlp):
    doc = nlp("L'armée a mené dimanche de violentes frappes contre l'EI.")
    assert arc(doc, "de") == ("det", "frappes")


def test_a_real_modifier_of_the_day_stays(nlp):
    doc = nlp("Les combats ont repris le lundi 3 mars 2020 à Idleb.")
    assert arc(doc, "2020")[1] in ("mars", "lundi")


def test_hyphenated_arabic_names_are_one_token(nlp):
    doc = nlp("Abou Bakr al-Baghdadi a rompu avec le Front al-Nosra, proche d'Al-Qaïda.")
    assert {"al-Baghdadi", "al-Nosra", "Al-Qaïda"} <= {t.text for t in doc}
    assert len(list(doc.sents)) == 1


def test_a_subject_split_off_before_a_comma_is_joined_back(nlp):
    doc = nlp("Al-Chabab, affilié à Al-Qaïda, a revendiqué l'attentat contre la base de Manda Bay.")
    assert len(list(doc.sents)) == 1
    assert arc(doc, "Al-Chabab") == ("nsubj", "revendiqué")


def test_a_passive_subject_with_only_the_active_auxiliary_is_active(nlp):
    doc = nlp("L'armée irakienne et ses milices alliées avaient définitivement repris Ramadi le 9 février.")
    assert arc(doc, "armée") == ("nsubj", "repris")


def test_the_subject_of_a_verb_conjugated_with_etre_is_active(nlp):
    doc = nlp("Les États-Unis sont directement intervenus contre les forces du régime.")
    assert arc(doc, "États-Unis") == ("nsubj", "intervenus")


def test_an_object_hung_on_a_day_word_goes_back_to_the_verb(nlp):
    doc = nlp("La frappe a touché jeudi un bus à Kaboul.")
    assert arc(doc, "bus") == ("obj", "touché")


def test_the_whole_is_the_subject_of_a_dont_subset(nlp):
    doc = nlp("Au moins 41 personnes, dont 38 élèves, ont été tuées dans l'attaque d'une école.")
    assert arc(doc, "personnes") == ("nsubj:pass", "tuées") and arc(doc, "élèves") == ("appos", "personnes")


def test_a_passive_verbs_par_complement_is_its_agent(nlp):
    doc = nlp("L'attentat a été revendiqué par l'État islamique.")  # "État" read as a noun, "par l'État" as a modifier
    assert arc(doc, "État") == ("obl:agent", "revendiqué")
    doc = nlp("Le plateau du Golan, contrôlé par Israël depuis 1967, a été visé par des roquettes.")  # a participle
    assert arc(doc, "Israël") == ("obl:agent", "contrôlé")
    doc = nlp("L'attentat a été commis dimanche à Kaboul.")
    assert "obl:agent" not in {t.dep_ for t in doc}


def test_a_name_before_its_description_is_the_subject(nlp):
    doc = nlp("Le JNIM, la branche sahélienne d'Al-Qaïda, a revendiqué l'attaque.")
    assert arc(doc, "JNIM") == ("nsubj", "revendiqué") and arc(doc, "branche") == ("appos", "JNIM")
    doc = nlp("Les Brigades Ezzedine al-Qassam, la branche armée du Hamas, ont tiré des roquettes.")  # two subjects
    assert arc(doc, "Brigades") == ("nsubj", "tiré") and arc(doc, "branche") == ("appos", "Brigades")
    doc = nlp("Dimanche, la police, arrivée sur place, a arrêté deux hommes.")  # no name: as parsed
    assert not arc(doc, "Dimanche")[0].startswith("nsubj")


def test_a_partitive_object_hung_on_a_part_of_the_day_goes_back_to_the_verb(nlp):
    doc = nlp("L'aviation israélienne a frappé dans la nuit des positions du Hezbollah.")
    assert arc(doc, "positions") == ("obj", "frappé")
    doc = nlp("Les tirs ont eu lieu dans la nuit de samedi à dimanche.")
    assert arc(doc, "samedi")[1] != "eu"


def test_a_subject_with_a_preposition_gives_way_to_its_apposition(nlp):
    doc = nlp("Selon Donald Trump, le chef de l'État islamique a été tué.")
    assert arc(doc, "Donald") == ("obl:mod", "tué")
    assert arc(doc, "chef") == ("nsubj:pass", "tué")


def test_a_counted_partitive_subject_read_as_an_oblique_is_the_subject(nlp):
    doc = nlp("Malgré quelques frappes, près de cinquante combattants de l'EI auraient été tués dans la seule journée du 21 février.")
    assert arc(doc, "combattants") == ("nsubj:pass", "tués")
    doc = nlp("Les Forces démocratiques syriennes ont lancé une offensive. Près de 163 djihadistes auraient été tués "
              "dans l'offensive.")  # the noun hung on the adverb
    assert arc(doc, "djihadistes") == ("nsubj:pass", "tués") and arc(doc, "Près") == ("advmod", "djihadistes")


def test_paragraphs_and_signatures_are_sentences_of_their_own(nlp):
    doc = nlp("— François Hollande\n\nL'assaillant, un homme de 25 ans, était connu des services.\nLes talibans ont\nrevendiqué l'attaque.")
    assert [s.text.strip() for s in doc.sents] == [
        "— François Hollande", "L'assaillant, un homme de 25 ans, était connu des services.",
        "Les talibans ont\nrevendiqué l'attaque."]


def test_a_verb_lemmatized_as_its_own_form_gets_its_infinitive(nlp, extract):
    doc = nlp("L'État islamique frappe la Turquie et entame une offensive.")
    assert [(t.text, t.lemma_) for t in doc if t.pos_ == "VERB"] == [("frappe", "frapper"), ("entame", "entamer")]
    x = extract(" date 2016-12-12 L'État islamique frappe la Turquie.")
    assert [(e.roles.get("attacker"), e.roles.get("target")) for e in x.events] == [(["islamic_state"], ["turkey"])]


def test_etre_read_as_a_copula_of_a_verb_is_the_passive_auxiliary(nlp):
    doc = nlp("Alors que l'armée syrienne est en passe de remporter une victoire à Alep face aux rebelles, elle a été "
              "de nouveau expulsée par Daech le 11 décembre de Palmyre dans le désert.")
    assert arc(doc, "été") == ("aux:pass", "expulsée") and arc(doc, "elle") == ("nsubj:pass", "expulsée")
    assert arc(nlp("L'acteur britannique Alan Rickman est mort."), "est")[0] != "aux:pass"  # mourir: perfect, active


def test_a_noun_heading_a_clause_of_its_own_is_a_verb(nlp):
    doc = nlp("L'Armée syrienne libre bénéficie du soutien de la Turquie.")
    assert [(t.text, t.pos_, t.lemma_) for t in doc if t.text == "bénéficie"] == [("bénéficie", "VERB", "bénéficier")]
    doc = nlp("L'EI est la menace principale.")  # a noun predicate with its copula stays a noun
    assert [t.pos_ for t in doc if t.text == "menace"] == ["NOUN"]
    doc = nlp("L'armée turque combat principalement Daech.")  # an irregular present, its bare complement its object
    assert [(t.pos_, t.lemma_) for t in doc if t.text == "combat"] == [("VERB", "combattre")]
    assert arc(doc, "Daech") == ("obj", "combat")


def test_a_clause_coordinated_with_a_noun_is_coordinated_with_its_verb(nlp):
    doc = nlp("Deux individus ont fait irruption dans l'église et ont égorgé le prêtre.")
    assert arc(doc, "égorgé") == ("conj", "fait")
    doc = nlp("Les rebelles ont pris la ville et ses environs.")  # a noun conjunct stays
    assert arc(doc, "environs") == ("conj", "ville")


def test_the_first_name_of_an_enumerated_subject_is_its_first_conjunct(nlp):
    doc = nlp("Les États-Unis, la France et le Royaume-Uni ont frappé des sites militaires syriens.")
    assert arc(doc, "États-Unis") == ("conj", "France")
    doc = nlp("En Syrie, la France et le Royaume-Uni ont frappé des sites militaires.")  # a located clause stays
    assert arc(doc, "Syrie")[1] == "frappé"


def test_a_partitive_object_hung_on_a_day_inside_a_night_goes_back_to_the_verb(nlp):
    doc = nlp("Les États-Unis ont frappé dans la nuit de vendredi à samedi des sites syriens.")
    assert arc(doc, "sites") == ("obj", "frappé")


def test_an_indefinite_phrase_after_a_comma_describes_the_complement_before_it(nlp):
    doc = nlp("Les autorités ont imputé l'attaque aux Forces démocratiques alliées (ADF), un groupe affilié à l'État islamique.")
    assert arc(doc, "groupe") == ("appos", "Forces")


def test_an_indefinite_second_subject_after_a_comma_describes_the_first(nlp):
    doc = nlp("Le chauffeur, un Tunisien de 31 ans, a été abattu par la police.")
    assert arc(doc, "Tunisien") == ("appos", "chauffeur")


def test_a_name_read_as_a_second_subject_names_the_first(nlp):
    doc = nlp("Le soldat français Jean Dupont a été tué au Mali.")
    assert arc(doc, "Jean") == ("appos", "soldat")


def test_conditionals_and_futures_read_as_imperfects_are_marked(nlp):
    doc = nlp("L'Iran a averti qu'il riposterait. Il tirait sur la foule. L'armée frappera Gaza.")
    moods = {t.text: (t.morph.get("Mood"), t.morph.get("Tense")) for t in doc if t.pos_ == "VERB"}
    assert moods["riposterait"] == (["Cnd"], ["Pres"]) and moods["frappera"][1] == ["Fut"]
    assert moods["tirait"] == (["Ind"], ["Imp"])  # an imperfect stays one


def test_the_second_side_of_a_clash_is_the_first_side_s_conjunct(nlp):
    doc = nlp("Des combats entre l'armée malienne et les rebelles ont fait 30 morts.")
    assert arc(doc, "rebelles") == ("conj", "armée")


def test_a_partitive_hung_on_the_instrument_or_read_as_an_oblique_is_the_object(nlp):
    doc = nlp("Un homme a attaqué à coups de machette des militaires au Carrousel du Louvre.")
    assert arc(doc, "militaires") == ("obj", "attaqué") and arc(doc, "des") == ("det", "militaires")
    doc = nlp("Un homme a attaqué à coups de machette les militaires du poste.")  # a real complement stays
    assert arc(doc, "poste")[1] == "militaires"
    doc = nlp("Une Palestinienne avait attaqué des gardes-frontières avec des ciseaux.")
    assert arc(doc, "gardes-frontières") == ("obj", "attaqué")


def test_a_name_read_as_the_root_of_its_verb_is_its_subject(nlp):
    doc = nlp("Mohamed R., un Français d'origine tunisienne, a foncé sur la foule à Anvers.")
    assert arc(doc, "Mohamed") == ("nsubj", "foncé") and arc(doc, "Français") == ("appos", "Mohamed")
    assert arc(doc, "foncé") == ("ROOT", "foncé")
    doc = nlp("Mazloum Abdi, le commandant en chef des FDS, a appelé Washington à agir.")  # split off as a sentence
    assert arc(doc, "Mazloum") == ("nsubj", "appelé") and arc(doc, "commandant") == ("appos", "Mazloum")
    assert len(list(doc.sents)) == 1
    doc = nlp("Le gouverneur de l'État de Borno, Babagana Zulum, a condamné l'attaque.")  # no conjunction: apposition
    assert arc(doc, "Babagana") == ("appos", "gouverneur")


def test_the_day_number_of_a_date_is_no_object(nlp):
    doc = nlp("Ce vendredi 3 février, un homme a attaqué à coups de machette des militaires.")
    assert arc(doc, "3")[0] != "obj" and arc(doc, "militaires") == ("obj", "attaqué")


def test_the_verb_after_a_relative_clause_set_off_by_commas_is_the_main_verb(nlp):
    doc = nlp("Un homme à bord d'un camion, dont les premiers éléments de l'enquête indiquent qu'il aurait été volé lors"
              " d'une livraison à un restaurant, a foncé sur des passants dans la Drottninggatan.")
    assert arc(doc, "homme") == ("nsubj", "foncé") and arc(doc, "indiquent") == ("acl:relcl", "homme")
    assert arc(doc, "foncé")[0] == "ROOT" and arc(doc, ".") == ("punct", "foncé")
    doc = nlp("Un homme, qui portait un couteau, a attaqué des policiers.")  # parsed right: as it was
    assert arc(doc, "homme") == ("nsubj", "attaqué") and arc(doc, "portait") == ("acl:relcl", "homme")


def test_a_name_opening_the_sentence_before_a_comma_is_the_subject(nlp):
    doc = nlp("Salman Abedi, un homme de 22 ans, est identifié par la police comme suspect de l'attaque.")
    assert arc(doc, "Salman") == ("nsubj:pass", "identifié") and arc(doc, "homme") == ("appos", "Salman")


def test_a_headline_label_is_no_subject_and_a_participle_after_avoir_is_a_verb(nlp):
    doc = nlp("Australie : une voiture fonce dans la foule à Melbourne.")
    assert arc(doc, "Australie")[0] == "dep" and arc(doc, "voiture") == ("nsubj", "fonce")
    doc = nlp("Une voiture a délibérément foncé, ce vendredi 20 janvier, sur des piétons.")
    token = next(t for t in doc if t.text == "foncé")
    assert (token.pos_, token.lemma_) == ("VERB", "foncer")


@pytest.mark.parametrize("text, subject, verb, lemma, obj", [
    ("Al-Chabab frappe Mogadiscio.", "Al-Chabab", "frappe", "frapper", "Mogadiscio"),
    ("Les talibans contrôlent la province de Helmand.", "talibans", "contrôlent", "contrôler", "province"),
    ("La Russie bombarde Alep.", "Russie", "bombarde", "bombarder", "Alep"),
    ("Israël bombarde Gaza.", "Israël", "bombarde", "bombarder", "Gaza"),  # the name tagged X
])
def test_a_present_tense_verb_read_as_a_noun_of_its_subject_heads_the_clause(nlp, text, subject, verb, lemma, obj):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert (token.pos_, token.lemma_, token.dep_) == ("VERB", lemma, "ROOT")
    assert arc(doc, subject) == ("nsubj", verb) and arc(doc, obj) == ("obj", verb)
    assert len(list(doc.sents)) == 1


def test_a_verbless_title_keeps_its_nouns(nlp):
    doc = nlp("Syrie : nouvelle attaque contre l'armée à Alep.")
    assert next(t for t in doc if t.text == "attaque").pos_ == "NOUN"
    doc = nlp("Un Français enlevé au Tchad")  # a participle: no present-tense clause
    assert next(t for t in doc if t.text == "enlevé").dep_ != "ROOT"


@pytest.mark.parametrize("text, name, verb", [
    ("Boko Haram a attaqué Maiduguri, dans le nord-est du Nigeria.", "Maiduguri", "attaqué"),
    ("L'armée et ses milices alliées avaient définitivement repris Ramadi, capitale de la province d'Al-Anbar.",
     "Ramadi", "repris"),
])
def test_a_name_read_as_an_adverb_of_a_verb_of_attack_or_conquest_is_its_object(nlp, text, name, verb):
    assert arc(nlp(text), name) == ("obj", verb)


def test_a_name_after_a_naming_verb_stays(nlp):
    assert arc(nlp("Le plus grand marché du monde, surnommé Pan Pan, est fermé."), "Pan")[0] != "obj"


def test_a_counted_noun_read_as_a_modifier_of_a_killing_verb_is_its_object(nlp):
    assert arc(nlp("Les ADF ont massacré quarante villageois à Beni."), "villageois") == ("obj", "massacré")


def test_a_gerund_read_as_a_noun_is_a_verb_with_its_object(nlp):
    doc = nlp("L'armée nigériane a riposté en bombardant des positions de Boko Haram.")
    token = next(t for t in doc if t.text == "bombardant")
    assert (token.pos_, token.lemma_) == ("VERB", "bombarder") and arc(doc, "positions") == ("obj", "bombardant")


def test_a_noun_phrase_hung_on_a_part_of_the_day_goes_back_to_the_verb(nlp):
    doc = nlp("L'armée israélienne a frappé dans la nuit plusieurs positions du Hamas.")
    assert arc(doc, "positions") == ("obj", "frappé")


def test_a_relative_clause_read_as_an_adverbial_clause_leaves_its_antecedent_to_the_main_verb(nlp):
    doc = nlp("Le Jaish-e-Mohammed, dont le chef Masood Azhar vit au Pakistan, a revendiqué l'attentat-suicide de Pulwama.")
    assert arc(doc, "Jaish-e-Mohammed") == ("nsubj", "revendiqué")  # one token, as "Lashkar-e-Taiba"
    assert arc(doc, "vit") == ("acl:relcl", "Jaish-e-Mohammed")


def test_a_place_struck_read_as_a_predicative_complement_and_its_where_clause(nlp):
    doc = nlp("L'aviation russe a bombardé Idleb, où sont retranchés les jihadistes de Hayat Tahrir al-Cham.")
    assert arc(doc, "Idleb") == ("obj", "bombardé") and arc(doc, "retranchés") == ("acl:relcl", "Idleb")


def test_a_name_and_its_description_cut_off_as_a_sentence_are_the_subject(nlp):
    doc = nlp("Khalifa Haftar, à la tête de l'Armée nationale libyenne (ANL), a lancé début avril une offensive contre Tripoli.")
    assert arc(doc, "Khalifa") == ("nsubj", "lancé") and len(list(doc.sents)) == 1


def test_the_verb_after_a_relative_clause_without_commas_is_the_main_verb(nlp):
    doc = nlp("Un homme qui se réclamait de l'EI a tué deux policiers.")
    assert arc(doc, "homme") == ("nsubj", "tué") and arc(doc, "tué") == ("ROOT", "tué")


def test_a_subject_read_as_an_oblique_beside_its_relative_clause_or_description(nlp):
    doc = nlp("Le tireur, qui se réclamait de l'EI, a tué deux policiers.")
    assert arc(doc, "tireur") == ("nsubj", "tué")
    doc = nlp("Le suspect, un sympathisant de l'EI, a tué un policier.")
    assert arc(doc, "suspect") == ("nsubj", "tué") and arc(doc, "sympathisant") == ("appos", "suspect")
    doc = nlp("Le lendemain, un homme a attaqué des militaires.")
    assert arc(doc, "homme") == ("nsubj", "attaqué")


def test_a_name_coordinated_after_an_agent_is_the_agents_conjunct(nlp):
    doc = nlp("Des roquettes tirées conjointement par le Hamas et le Jihad islamique avaient touché la ville de Sdérot.")
    assert arc(doc, "Jihad") == ("conj", "Hamas")


def test_a_verb_read_as_an_adjective_of_the_subject_of_its_infinitive_is_the_root(nlp):
    doc = nlp("Dans son communiqué, le groupe menace de « frapper encore » les soldats maliens.")
    assert arc(doc, "groupe") == ("nsubj", "menace") and arc(doc, "frapper") == ("xcomp", "menace")


def test_a_participle_with_an_article_is_a_noun(nlp):
    doc = nlp("Un homme armé d'un couteau a tué un passant samedi à Paris.")
    assert next(t for t in doc if t.text == "passant").pos_ == "NOUN"


def test_a_verb_read_as_a_noun_coordinated_with_a_verb_before_an_infinitive(nlp):
    doc = nlp("Le groupe a mis fin au cessez-le-feu conclu avec le gouvernement et menace depuis de multiplier les attaques.")
    assert arc(doc, "menace") == ("conj", "mis") and arc(doc, "multiplier") == ("xcomp", "menace")


def test_tokens_with_picks_the_tokens_a_repair_reads(nlp):
    """The array-based pre-selection the repairs loop over: by part of speech, label, lower-case form or text."""
    from graphbuilder.syntax import tokens_with

    doc = nlp("Afghanistan : les talibans ont attaqué Kaboul et Kandahar.")
    assert [t.text for t in tokens_with(doc, "POS", ["VERB"])] == ["attaqué"]
    assert [t.text for t in tokens_with(doc, "DEP", ["nsubj", "nsubj:pass"])] == ["talibans"]
    assert [t.text for t in tokens_with(doc, "LOWER", ["kaboul", "kandahar"])] == ["Kaboul", "Kandahar"]
    assert [t.i for t in tokens_with(doc, "ORTH", [":"])] == [1]
    assert tokens_with(doc, "DEP", ["never-a-label"]) == []


def test_a_word_in_a_nouns_role_after_an_adjective_of_its_own_is_a_noun(nlp):
    doc = nlp("L'aviation américaine a mené samedi de nouvelles frappes contre les jihadistes.")
    assert next(t for t in doc if t.text == "frappes").pos_ == "NOUN"


def test_a_reported_verb_after_an_opening_quote_governs_its_subject(nlp):
    doc = nlp("Le chef des Houthis a averti que Washington et Londres « paieront un prix lourd ».")
    assert arc(doc, "paieront") == ("ccomp", "averti") and arc(doc, "Washington") == ("nsubj", "paieront")
    assert arc(doc, "que") == ("mark", "paieront")


def test_a_participle_sharing_the_auxiliary_takes_the_object_after_it(nlp):
    doc = nlp("Un homme armé d'un couteau a tué un passant et blessé quatre autres personnes samedi soir.")
    assert arc(doc, "blessé") == ("conj", "tué") and arc(doc, "personnes") == ("obj", "blessé")

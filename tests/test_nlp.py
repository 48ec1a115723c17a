"""The spaCy pipeline graphbuilder loads: its lemmatizer word lists indexed as sets, same lemmas as spaCy's own."""
from __future__ import annotations

from conftest import DEV


def test_lemmatizer_word_lists_are_sets_and_give_spacys_own_lemmas(pipeline):
    import spacy
    from spacy.tokens import Doc

    nlp = pipeline.nlp
    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=[
        name for name in nlp.pipe_names if name != "lemmatizer"])
    ours, spacys = nlp.get_pipe("lemmatizer"), plain.get_pipe("lemmatizer")
    assert all(isinstance(words, frozenset) for words in ours.lookups.get_table("lemma_index").values())
    assert all(isinstance(words, list) for words in spacys.lookups.get_table("lemma_index").values())
    parsed = nlp((DEV / "wikinews_fr_2016_07_29-002.txt").read_text(encoding="utf-8"))

    def lemmas(lemmatizer, vocab) -> list[str]:
        doc = Doc(vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
                  pos=[t.pos_ for t in parsed])
        return [t.lemma_ for t in lemmatizer(doc)]

    expected = lemmas(spacys, plain.vocab)
    assert len(expected) > 500 and {"rompre", "effectuer", "lien"} <= set(expected)
    assert lemmas(ours, nlp.vocab) == expected


def test_an_elided_word_set_apart_by_a_space_is_one_token(pipeline):
    doc = pipeline.nlp("Les combattants d' Idleb ont attaqué l’ armée.")
    assert [t.text for t in doc][2:4] == ["d'", "Idleb"] and doc[6].text == "l’"


def test_a_hyphenated_title_is_one_token(pipeline):
    doc = pipeline.nlp("Le lieutenant-colonel Guillaume Ndjike Kaiko a confirmé.")
    assert [t.text for t in doc][:3] == ["Le", "lieutenant-colonel", "Guillaume"]

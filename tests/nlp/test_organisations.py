"""Organisations the small model misses or mislabels, and their short forms."""

from __future__ import annotations


def labels(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def parsed(words, tags, deps, heads, ents):
    """A Doc with a given parse, so a rule is tested whatever the model would say."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, tags=tags, deps=deps, heads=heads, ents=ents)


def actors(nlp, text):
    return {(e.text, e.kb_id_) for e in nlp(text).ents}


def test_generic_organisation_noun_joins_the_name_not_the_actor(nlp):
    got = actors(nlp, "Daniel Montalvo left the Scientology organization in 2009.")
    assert ("Scientology organization", "Scientology") in got
    separatists = actors(nlp, "Russian-backed separatists attacked the town.")
    assert all(kb != "Russian-backed" for _, kb in separatists)


def test_generic_organisation_noun_makes_every_mention_an_organisation(nlp):
    text = (
        "Montalvo was subsequently motivated to seek out information about Scientology on the Internet. "
        "He wanted to leave the Scientology organization."
    )
    got = labels(nlp, text)
    assert ("Scientology organization", "ORG") in got
    assert ("Scientology", "ORG") in got
    assert not any(t == "Scientology" and label in ("LOC", "GPE") for t, label in got)


def test_short_form_joins_the_one_longer_organisation(nlp):
    got = actors(nlp, "The Italian Supreme Court of Cassation ruled on Monday. The Supreme Court said the tax applies.")
    assert {k for t, k in got if t == "Supreme Court"} <= {"Italian Supreme Court of Cassation"}


def test_short_form_never_swallows_a_known_place(nlp):
    got = actors(nlp, "The University of Texas Arlington hosted the event. Texas officials attended.")
    assert {k for t, k in got if t == "Texas"} <= {"Texas"}


def test_capitalised_words_compounded_with_a_place_name_an_organisation():
    from analystkit.nlp.organisations import named_after_places

    doc = parsed(
        ["Lydia", "Buchtmann", "for", "Food", "Standards", "Australia", "New", "Zealand", "says", "they", "act", "."],
        ["NNP", "NNP", "IN", "NNP", "NNP", "NNP", "NNP", "NNP", "VBZ", "PRP", "VBP", "."],
        ["compound", "nsubj", "prep", "compound", "compound", "compound", "compound", "pobj", "ROOT", "nsubj", "ccomp", "punct"],
        [1, 8, 1, 4, 5, 7, 7, 2, 8, 10, 8, 8],
        ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "B-GPE", "I-GPE", "O", "O", "O", "O"],
    )
    got = [(e.text, e.label_) for e in named_after_places(list(doc.ents))]
    assert got == [("Lydia Buchtmann", "PERSON"), ("Food Standards Australia New Zealand", "ORG")]


def test_a_place_word_or_a_headline_keeps_the_place():
    from analystkit.nlp.organisations import named_after_places

    doc = parsed(
        ["Fighting", "continued", "in", "Eastern", "Ukraine", "."],
        ["NN", "VBD", "IN", "NNP", "NNP", "."],
        ["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
        [1, 1, 1, 4, 2, 1],
        ["O", "O", "O", "O", "B-GPE", "O"],
    )
    assert [(e.text, e.label_) for e in named_after_places(list(doc.ents))] == [("Ukraine", "GPE")]
    words = ["Minister", "Praises", "Tourism", "Australia"]
    headline = parsed(words, ["NNP", "VBZ", "NNP", "NNP"], ["nsubj", "ROOT", "compound", "dobj"], [1, 1, 3, 1], ["O", "O", "O", "B-GPE"])
    assert [(e.text, e.label_) for e in named_after_places(list(headline.ents))] == [("Australia", "GPE")]
    sentence = parsed(
        ["the", "minister", "praises", "Tourism", "Australia", "today"],
        ["DT", "NN", "VBZ", "NNP", "NNP", "NN"],
        ["det", "nsubj", "ROOT", "compound", "dobj", "npadvmod"],
        [1, 2, 2, 4, 2, 2],
        ["O", "O", "O", "O", "B-GPE", "O"],
    )
    assert [(e.text, e.label_) for e in named_after_places(list(sentence.ents))] == [("Tourism Australia", "ORG")]

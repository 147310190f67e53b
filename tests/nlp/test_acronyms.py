"""Acronyms and the names they abbreviate."""

from __future__ import annotations


def actors(nlp, text):
    return {(e.text, e.kb_id_) for e in nlp(text).ents}


def test_acronym_joins_full_name(nlp):
    got = actors(nlp, "The National Security Council (NSC) met on Monday. The NSC said it would act.")
    assert {k for t, k in got if t == "NSC"} == {"National Security Council"}


def test_acronym_in_brackets_defines_its_long_form(nlp):
    text = "The request came from the deputies of Movimento 5 Stelle (M5S) of the regional council. The M5S party asks for taxes."
    got = actors(nlp, text)
    assert ("Movimento 5 Stelle", "Movimento 5 Stelle") in got
    assert ("M5S", "Movimento 5 Stelle") in got
    assert ("M5S party", "Movimento 5 Stelle") in got  # the generic noun joins, the actor stays the name
    assert not any(t == "Stelle" for t, _ in got)


def test_defined_acronym_matches_initials_only(nlp):
    from analystkit.nlp.acronyms import defined_acronym

    doc = nlp("He joined the World Health Organisation (WHO) and the Red Cross (XYZ) later.")
    paren = [t.i for t in doc if t.text == "("]
    start, end = defined_acronym(doc, paren[0])
    assert doc[start:end].text == "World Health Organisation"
    assert defined_acronym(doc, paren[1]) is None


def test_acronym_of_a_translated_name_spells_its_initials_in_another_order(nlp):
    # UAAR abbreviates the Italian "Unione degli Atei e degli Agnostici Razionalisti".
    from analystkit.nlp.acronyms import defined_acronym

    text = "The Union of Rationalist Atheists and Agnostics (UAAR) has launched a petition. UAAR wants the tax paid."
    doc = nlp(text)
    start, end = defined_acronym(doc, next(t.i for t in doc if t.text == "("))
    assert doc[start:end].text == "Union of Rationalist Atheists and Agnostics"
    got = actors(nlp, text)
    assert ("The Union of Rationalist Atheists and Agnostics", "Union of Rationalist Atheists and Agnostics") in got
    assert ("UAAR", "Union of Rationalist Atheists and Agnostics") in got
    assert not any(t == "Agnostics" for t, _ in got)


def test_reordered_initials_need_three_letters_and_the_same_letters(nlp):
    from analystkit.nlp.acronyms import defined_acronym

    doc = nlp("They met at Global Health Watch (WHG) and at Red Cross (CR) and at Blue Sky Trust (BSX).")
    paren = [t.i for t in doc if t.text == "("]
    start, end = defined_acronym(doc, paren[0])
    assert doc[start:end].text == "Global Health Watch"
    assert defined_acronym(doc, paren[1]) is None  # two letters: too weak in another order
    assert defined_acronym(doc, paren[2]) is None  # X is no initial


def test_long_form_in_brackets_after_the_acronym_defines_it(nlp):
    text = (
        "The FIRST Global competition (For Inspiration and Recognition of Science and Technology) was founded in 1989. "
        "This is the first FIRST Global event."
    )
    got = actors(nlp, text)
    long_form = "For Inspiration and Recognition of Science and Technology"
    assert (long_form, long_form) in got
    assert ("FIRST", long_form) in got  # every FIRST, including the one the model called an ordinal
    assert not any(t == "first" and kb for t, kb in got)  # the lower-case ordinal stays a number


def test_long_form_must_spell_the_acronym():
    import spacy

    from analystkit.nlp.acronyms import defining_long_form

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("The NEW plan (Better Roads Act) passed.")
    assert defining_long_form(doc, next(t.i for t in doc if t.text == "(")) is None
    doc = nlp("The BRA plan (Better Roads Act) passed.")
    short, start, end = defining_long_form(doc, next(t.i for t in doc if t.text == "("))
    assert doc[short].text == "BRA" and doc[start:end].text == "Better Roads Act"


def test_initials_of_a_name_in_the_article_are_that_name(nlp):
    doc = nlp("The rules are set by New South Wales. Researchers at the University of NSW disagree.")
    nested = [(s.text, s.kb_id_) for s in doc.spans["analystkit_nested"]]
    assert ("NSW", "New South Wales") in nested  # inside a longer name: a nested mention of the state

"""The standard profile (the tables' default): speculation cues of the BioScope / SFU / CoNLL-2010
annotation, each behind a context rule that leaves out its root (non-speculative) sense."""

from __future__ import annotations

import pytest

from analystkit.extract.hedges import extract_hedges, find_hedges
from analystkit.vocab.hedging import CATEGORIES, DEFAULT_PROFILE, NOT_UNCERTAINTY, load_hedge_lexicon


@pytest.fixture()
def found(nlp):
    """``{cue text: category}`` of a sentence under the default profile."""

    def run(text: str, **kwargs):
        return {h.text: h.category for h in find_hedges(nlp(text), **kwargs)}

    return run


def test_the_default_profile_is_standard():
    assert DEFAULT_PROFILE == "standard"
    import inspect

    assert inspect.signature(find_hedges).parameters["profile"].default == "standard"
    assert inspect.signature(extract_hedges).parameters["profile"].default == "standard"


def test_every_category_has_a_standard_cue():
    lexicon = load_hedge_lexicon(extra="")
    assert {c.category for c in lexicon if c.in_profile("standard")} == set(CATEGORIES)
    assert all(c.provenance for c in lexicon), "every cue says where it comes from"
    assert {c.cue for c in lexicon if c.root_sense} >= {"can", "should", "must", "would", "or", "whether", "possible"}


@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        ("These data suggest that the protein binds DNA.", "suggest", "epistemic_verb"),
        ("The mutation was found in the kinase domain, suggesting a role in signalling.", "suggesting", "epistemic_verb"),
        ("Our results imply a second pathway.", "imply", "epistemic_verb"),
        ("We hypothesise that the gene is duplicated.", "hypothesise", "epistemic_verb"),
        ("It is unclear whether the talks will resume.", "unclear", "unknown"),
        ("It is not known whether the ship sank.", "not known", "unknown"),
        ("The cause of the fire remains unknown.", "unknown", "unknown"),
        ("A putative receptor was identified.", "putative", "adverb_adjective"),
        ("Police are examining a potential link between the attacks.", "potential", "adverb_adjective"),
        ("One possible cause is a faulty valve.", "possible", "adverb_adjective"),
        ("We tested whether the drug lowers blood pressure.", "whether", "question"),
        ("He asked if I wanted to come along.", "if", "question"),
        ("It will be either a sequencing error or a pseudogene.", "either", "alternative"),
        ("The reactor could be shut down or sold to a private firm.", "or", "alternative"),
        ("A second vote would split the party.", "would", "modal"),
        ("The parcel should arrive by Friday.", "should", "modal"),
        ("She must have left before the storm.", "must", "modal"),
        ("One can argue that the reforms failed.", "can", "modal"),
    ],
)
def test_speculation_cues_of_the_standard_profile(found, sentence, cue, category):
    assert found(sentence).get(cue) == category, found(sentence)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Troops can cross the river at night.", "can"),  # ability
        ("The method can predict interactions in yeast.", "can"),  # ability of a thing (BioScope: not speculation)
        ("He said he would resign on Friday.", "would"),  # future in the past of reported speech
        ("We bought apples, pears or plums.", "or"),  # a plain list
        ("The vote needs one or more sponsors.", "or"),  # a number range
        ("The rule applies regardless of whether the firm is listed.", "whether"),  # concessive
        ("All possible sequences were enumerated.", "possible"),  # a range
        ("They left as soon as possible.", "possible"),
        ("Trees grow on either side of the road.", "either"),  # no "or"
        ("The senator proposed a bill on drug prices.", "proposed"),  # put forward, not speculate
        ("She suggested a meeting on Monday.", "suggested"),  # propose
        ("Even if it rains, the match will go ahead.", "if"),  # concessive
    ],
)
def test_root_senses_are_not_speculation(found, sentence, cue):
    assert cue not in found(sentence), found(sentence)


def test_obligation_is_not_uncertainty(nlp, found):
    for sentence, cue in [
        ("You should buy the memory from a third party.", "should"),
        ("The pan should be washed by hand.", "should"),
        ("One must keep in mind that the book is long.", "must"),
        ("The government needs to act now.", "needs to"),
    ]:
        assert cue not in found(sentence), (sentence, found(sentence))
        assert found(sentence, obligations=True).get(cue) == "obligation", (sentence, found(sentence, obligations=True))
    assert "obligation" in NOT_UNCERTAINTY


def test_news_profile_keeps_its_narrower_lexicon(found):
    assert found("It is unclear whether the talks will resume.", profile="news") == {}
    assert found("A second vote would split the party.", profile="news") == {}

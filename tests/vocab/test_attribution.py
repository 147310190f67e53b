"""The attribution vocabulary (cue verbs, nouns, adverbs and source nouns) as data."""

from __future__ import annotations

from analystkit.vocab.attribution import load_lexicon
from analystkit.vocab.files import read_rows

CATEGORIES = {
    "speech", "quote_only", "belief", "knowledge", "expectation", "evidential", "report_noun", "statement_noun", "according_to", "vague_adverb",
    "commitment", "intention", "refusal", "stance", "opinion", "regard", "topic", "stance_noun", "attitude",
}
SOURCE_TYPES = {"named_person", "named_organization", "unnamed", "vague", "author"}


def test_every_cue_row_is_valid_and_has_a_provenance():
    rows = read_rows("attribution_cues.csv")
    assert rows
    for row in rows:
        assert row["kind"] in {"verb", "noun", "phrase", "adverb", "adjective"}, row
        assert row["category"] in CATEGORIES, row
        assert row["object_content"] in {"yes", "no", "not_person", "message"}, row
        assert row["provenance"], row


def test_lexicon_by_part_of_speech():
    lexicon = load_lexicon()
    assert lexicon.verbs["say"].category == "speech"
    assert "report" in lexicon.nouns and "reportedly" in lexicon.adverbs
    assert lexicon.verbs["deny"].object_content  # "Russia denied the allegations"
    assert lexicon.verbs["blast"].object_content  # PARC-style speech acts beyond "say"
    assert lexicon.verbs["want"].category == "intention" and lexicon.verbs["decline"].category == "refusal"
    assert lexicon.verbs["vow"].category == "commitment"
    assert all(cue.kind == "verb" for cue in lexicon.verbs.values())
    # "questioned his fitness" reports a doubt; "questioned the student" does not: the object is content only when not a person
    assert lexicon.verbs["question"].object_content and not lexicon.verbs["question"].object_person
    share = lexicon.verbs["share"]  # "shared her concerns", not "shares a residence"
    assert share.object_content and share.object_person and share.object_message
    assert not lexicon.verbs["deny"].object_message
    assert lexicon.verbs["blast"].object_person


def test_source_nouns_have_known_types():
    lexicon = load_lexicon()
    assert lexicon.source_nouns["official"] == ("unnamed", "official")
    assert all(stype in SOURCE_TYPES for stype, _ in lexicon.source_nouns.values())

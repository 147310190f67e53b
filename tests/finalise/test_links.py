"""Actors joined across the articles of a corpus."""

from __future__ import annotations


def test_corpus_join_only_to_name_like_full_names():
    import pandas as pd

    from analystkit.finalise.links import corpus_aliases

    entities = pd.DataFrame({
        "actor": ["Biden", "National Co-Chair of Women for Biden", "Putin", "Vladimir Putin", "Smith", "Anna Smith", "John Smith"],
        "label": ["PERSON"] * 7,
        "nested": [False] * 7,
    })
    aliases = corpus_aliases(entities)
    assert aliases == {"Putin": "Vladimir Putin"}  # not Biden -> a misparsed title; Smith is ambiguous


def test_a_role_is_no_short_form_of_another_role():
    import pandas as pd

    from analystkit.finalise.links import corpus_aliases

    entities = pd.DataFrame({
        "actor": ["President", "Vice President", "General", "Attorney General", "Harris", "Kamala Harris"],
        "label": ["PERSON"] * 6,
        "nested": [False] * 6,
    })
    assert corpus_aliases(entities) == {"Harris": "Kamala Harris"}


def test_one_persons_name_variants_join_across_articles():
    import pandas as pd

    from analystkit.finalise.links import corpus_aliases

    actors = ["Joe Biden"] * 3 + ["Joseph R. Biden"] * 2 + ["Joseph R. Biden Jr."] + ["Jill Biden", "Biden", "Bill Clinton", "William J. Clinton", "Hillary Clinton"]
    entities = pd.DataFrame({"actor": actors, "label": ["PERSON"] * len(actors), "nested": [False] * len(actors)})
    aliases = corpus_aliases(entities)
    assert aliases["Joseph R. Biden"] == "Joe Biden" and aliases["Joseph R. Biden Jr."] == "Joe Biden"
    assert aliases.get("William J. Clinton") == "Bill Clinton" or aliases.get("Bill Clinton") == "William J. Clinton"
    assert "Jill Biden" not in aliases and "Hillary Clinton" not in aliases
    assert "Biden" not in aliases  # Joe or Jill: the surname alone stays ambiguous

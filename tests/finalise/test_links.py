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


def _person_rows(rows):
    """Entity rows ``(article_id, text, actor)`` of people, with offsets into a text made of
    them (one article text per id: the mention texts joined by ". ")."""
    import pandas as pd

    texts: dict[str, str] = {}
    records = []
    for article_id, text, actor in rows:
        before = texts.get(article_id, "")
        start = len(before) + (2 if before else 0)
        texts[article_id] = (before + ". " if before else "") + text
        records.append({"article_id": article_id, "start": start, "end": start + len(text), "text": text, "actor": actor, "label": "PERSON", "nested": False})
    return texts, pd.DataFrame(records)


def _claims_of(entities):
    """One claim per entity row, its source that mention."""
    return entities.rename(columns={"text": "source_text", "start": "source_start", "end": "source_end", "actor": "source_actor"})[
        ["article_id", "source_text", "source_start", "source_end", "source_actor"]
    ]


def _joined(rows):
    from analystkit.finalise.links import apply_aliases, corpus_aliases

    texts, entities = _person_rows(rows)
    out = apply_aliases({"entities": entities, "claims": _claims_of(entities)}, corpus_aliases(entities))
    return texts, out["entities"], out["claims"]


_BIDENS = [  # each title written before a full name in two articles
    ("a1", "President Joe Biden", "Joe Biden"),
    ("a1b", "President Joe Biden", "Joe Biden"),
    ("a1c", "President Joseph R. Biden, Jr.", "Joseph R. Biden Jr."),  # the same person: joins Joe Biden
    ("a2", "First Lady Jill Biden", "Jill Biden"),
    ("a2", "Dr. Jill Biden", "Jill Biden"),
    ("a2b", "Dr. Jill Biden", "Jill Biden"),
    ("a3", "Vice President Kamala Harris", "Kamala Harris"),
    ("a3b", "Vice President Kamala Harris's", "Kamala Harris"),
    ("a4", "Cathy Ann Harris", "Cathy Ann Harris"),
]


def test_an_ambiguous_surname_stays_apart():
    # "Biden" fits Joe and Jill; nothing in b1 or b2 says which (no title, or a title no full Biden name carries).
    _, entities, claims = _joined(_BIDENS + [("b1", "Biden", "Biden"), ("b2", "Mr. Biden", "Biden"), ("b3", "Harris", "Harris")])
    rest = entities[entities.article_id.isin(["b1", "b2", "b3"])]
    assert list(rest.actor) == ["Biden", "Biden", "Harris"]
    assert list(claims[claims.article_id.isin(["b1", "b2", "b3"])].source_actor) == ["Biden", "Biden", "Harris"]


def test_a_titled_surname_joins_the_one_person_with_that_title():
    rows = _BIDENS + [
        ("c1", "President Biden", "Biden"), ("c1", "Biden", "Biden"),      # President: only Joe Biden
        ("c2", "Dr. Biden", "Biden"),                                       # Dr.: only Jill Biden
        ("c3", "the President", "Biden"),                                   # a role whose holder is "Biden"
        ("c4", "Vice President Harris", "Harris"),                          # not Cathy Ann Harris
        ("c5", "President Biden", "Biden"), ("c5", "Dr. Biden", "Biden"),  # two people: stays
    ]
    _, entities, claims = _joined(rows)
    by_article = entities.groupby("article_id").actor.agg(list).to_dict()
    assert by_article["c1"] == ["Joe Biden", "Joe Biden"]
    assert by_article["c2"] == ["Jill Biden"]
    assert by_article["c3"] == ["Joe Biden"]
    assert by_article["c4"] == ["Kamala Harris"]
    assert by_article["c5"] == ["Biden", "Biden"]
    assert list(claims[claims.article_id == "c1"].source_actor) == ["Joe Biden", "Joe Biden"]
    # The join is the article's: the full names elsewhere are unchanged.
    assert by_article["a2"] == ["Jill Biden", "Jill Biden"] and by_article["a4"] == ["Cathy Ann Harris"]


def test_a_role_never_joins_a_titled_name():
    rows = _BIDENS + [("d1", "the President", "President"), ("d2", "Vice President", "Vice President"), ("d3", "First Lady", "First Lady")]
    _, entities, _ = _joined(rows)
    rest = entities[entities.article_id.str.startswith("d")]
    assert list(rest.actor) == ["President", "Vice President", "First Lady"]


def test_joins_change_actor_names_only_never_offsets():
    rows = _BIDENS + [("c1", "President Biden", "Biden"), ("c2", "Dr. Biden", "Biden"), ("c4", "Vice President Harris", "Harris"), ("b1", "Biden", "Biden")]
    texts, entities, claims = _joined(rows)
    before_texts, before = _person_rows(rows)
    assert texts == before_texts
    assert (entities.drop(columns="actor") == before.drop(columns="actor")).all().all()
    for row in entities.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    for row in claims.itertuples():
        assert texts[row.article_id][row.source_start : row.source_end] == row.source_text
    surnames = before.actor.isin(["Biden", "Harris"])
    assert list(entities.actor[surnames]) == ["Joe Biden", "Jill Biden", "Kamala Harris", "Biden"]  # b1 stays


def test_a_title_read_once_is_no_evidence():
    # The corpus writes "Senator Bob Graham" once; the "Senator Graham" of another article may be
    # a Graham it never names in full.
    rows = [("g1", "Senator Bob Graham", "Bob Graham"), ("g2", "Billy Graham", "Billy Graham"), ("g3", "Senator Graham", "Graham")]
    _, entities, _ = _joined(rows)
    assert list(entities[entities.article_id == "g3"].actor) == ["Graham"]
    _, entities, _ = _joined(rows + [("g4", "Senator Bob Graham", "Bob Graham")])
    assert list(entities[entities.article_id == "g3"].actor) == ["Bob Graham"]


def test_a_surname_with_a_suffixed_full_name_stays_ambiguous():
    # "Joseph R. Biden Jr." is a Biden too: "Biden" is not Jill Biden's alone.
    rows = [("s1", "Joseph R. Biden Jr.", "Joseph R. Biden Jr."), ("s2", "Jill Biden", "Jill Biden"), ("s3", "Biden", "Biden")]
    _, entities, _ = _joined(rows)
    assert list(entities[entities.article_id == "s3"].actor) == ["Biden"]


def test_a_speaker_label_or_a_title_left_out_of_the_mention_is_read_too():
    import pandas as pd

    from analystkit.finalise.links import alias_for, corpus_aliases

    _, entities = _person_rows(_BIDENS)
    text = "President Biden spoke. Mrs. Lopez was hosted by Dr. Biden."
    extra = pd.DataFrame([
        {"article_id": "e1", "start": 0, "end": 15, "text": "President Biden", "actor": "Biden", "label": "PERSON", "nested": False},
        {"article_id": "e1", "start": text.index("Biden."), "end": text.index("Biden.") + 5, "text": "Biden", "actor": "Biden", "label": "PERSON", "nested": False},
    ])
    # A transcript: the speaker label is no entity, only the claims' source.
    claims = pd.DataFrame({"article_id": ["e2"], "source_text": ["THE PRESIDENT"], "source_start": [0], "source_end": [13], "source_actor": ["Biden"]})
    aliases = corpus_aliases(pd.concat([entities, extra], ignore_index=True), claims, {"e1": text, "e2": "THE PRESIDENT: Thank you."})
    assert alias_for(aliases, "e1", "Biden") == "Biden"  # "Dr." before the second mention: Joe or Jill
    assert alias_for(aliases, "e2", "Biden") == "Joe Biden"
    assert alias_for(aliases, "e3", "Biden") == "Biden" and alias_for(aliases, None, "Putin") == "Putin"


def test_a_word_of_address_before_a_title_is_the_title():
    # "Mr. President" (a journalist addressing him) is the President's title; "Mr. Biden" alone decides nothing.
    rows = _BIDENS + [("m1", "Mr. President", "Biden"), ("m1", "Biden", "Biden"), ("m2", "Mr. Biden", "Biden")]
    _, entities, _ = _joined(rows)
    by_article = entities.groupby("article_id").actor.agg(list).to_dict()
    assert by_article["m1"] == ["Joe Biden", "Joe Biden"]
    assert by_article["m2"] == ["Biden"]

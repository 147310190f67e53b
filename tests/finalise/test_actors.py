"""The corpus-level actors table: kind, affiliation, aliases and counts."""

from __future__ import annotations

import pandas as pd

from analystkit.finalise.actors import build_actors_table, is_title_run


def tables_for(nlp, texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    from analystkit.extract import extract_article, extraction_order
    from analystkit.nlp.doc import ArticleDoc

    rows: dict[str, list[dict]] = {name: [] for name in extraction_order()}
    for article_id, text in texts.items():
        for name, found in extract_article(ArticleDoc.build(article_id, nlp(text))).items():
            rows[name].extend(found)
    tables = {name: pd.DataFrame(r) for name, r in rows.items()}
    tables["articles"] = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    return tables


def test_actors_table(nlp):
    texts = {
        "a": "Russian Defence Minister Sergei Shoigu ordered the retreat. Shoigu said Russian troops would leave. "
        "Kremlin spokesman Dmitry Peskov declined to comment.",
        "b": "Russian-backed separatists attacked the town. The Kremlin denied it.",
    }
    actors = build_actors_table(tables_for(nlp, texts)).set_index("actor")
    shoigu = actors.loc["Sergei Shoigu"]
    assert shoigu["kind"] == "person" and shoigu["affiliation"] == "Russia"
    assert shoigu["mentions"] == 2 and "Shoigu" in shoigu["aliases"].split("; ")
    assert shoigu["first_article"] == "a" and shoigu["first_start"] < texts["a"].index("ordered")
    assert actors.loc["Dmitry Peskov", "affiliation"] == "Russia"
    russia = actors.loc["Russia"]
    assert russia["kind"] == "state" and russia["affiliation"] == ""
    assert russia["articles"] == 2 and russia["as_agent"] >= 1
    separatists = actors.loc["Russian-backed separatists"]
    assert separatists["kind"] == "group" and separatists["affiliation"] == "Russia"
    assert separatists["as_agent"] == 1


def test_title_run():
    assert is_title_run(" Defence Minister ")
    assert is_title_run(" spokesman ")
    assert is_title_run("'s foreign minister ")
    assert not is_title_run(" troops attacked the town and ")


def test_empty_tables_give_empty_actors():
    frame = build_actors_table({"entities": pd.DataFrame()})
    assert frame.empty and "affiliation" in frame.columns


def test_corpus_has_actors_table(sample_corpus):
    actors = sample_corpus.actors
    assert "actors" in sample_corpus.table_names
    assert actors["actor"].is_unique
    mentioned = sample_corpus.entities.query("actor != ''")
    if "nested" in mentioned.columns:
        mentioned = mentioned[~mentioned["nested"].astype(bool)]
    assert actors["mentions"].sum() == len(mentioned)


def test_affiliations_survive_a_whitespace_actor():
    from analystkit.finalise.actors import mention_affiliations

    entities = pd.DataFrame([
        {"article_id": "a", "start": 0, "end": 2, "label": "PERSON", "actor": "\xa0", "text": "―\xa0"},
        {"article_id": "a", "start": 10, "end": 39, "label": "PERSON", "actor": "Sergei Shoigu", "text": "Russian minister Sergei Shoigu"},
    ])
    found = mention_affiliations(entities, {"a": "―\xa0 ...... Russian minister Sergei Shoigu"})
    assert "\xa0" not in found
    assert found["Sergei Shoigu"]["Russia"] == 1

"""The common joins, one definition for every consumer: a name nested in a longer name is no
mention of its own, in the explorer, the ledger, the report and the plots alike."""

from __future__ import annotations

import pandas as pd
import pytest

import analystkit as ak
from analystkit import views

TEXT = (
    "The University of Texas said the survey was flawed. "
    "Texas officials said the state would review it. "
    "Researchers in Austin said the results were clear."
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("views")
    (folder / "texas.txt").write_text(TEXT, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANALYSTKIT_CACHE", "off")
        loaded = ak.load(folder, nlp=nlp)
        loaded.articles
    return loaded


def test_the_corpus_has_a_nested_place(corpus):
    entities = corpus.entities
    nested = entities[entities.nested]
    assert ("Texas", "Texas") in set(zip(nested.text, nested.actor))
    assert "Texas" not in set(views.actor_mentions(entities[entities.sentence_id == 0]).actor)


def test_a_claim_is_not_about_a_place_nested_in_its_source(corpus):
    claims = corpus.claims
    first = claims[claims.sentence_id == 0].reset_index(drop=True)
    rows, actors = views.claim_actors(first, corpus.entities, scope="sentence")
    assert "Texas" not in set(actors) and "University of Texas" in set(actors)


def test_the_explorer_ledger_and_report_use_the_view(corpus):
    from analystkit.explorer import index_claims
    from analystkit.findings import top_actor_names

    index = index_claims(corpus, scope="sentence")
    about_texas = {int(i) for i in index.actor_rows.get("Texas", [])}
    assert about_texas and all(index.claims.loc[i, "sentence_id"] == 1 for i in about_texas)  # only where Texas itself is named
    ledger = ak.ledger(corpus)
    assert "Texas" not in ledger.loc[ledger.sentence_id == 0, "actors"].iloc[0].split("; ")
    assert "Texas" in top_actor_names(corpus, top=3)
    mentioned = views.actor_mentions(corpus.entities)
    assert int((mentioned.actor == "Texas").sum()) == int(((corpus.entities.actor == "Texas") & ~corpus.entities.nested).sum())


def test_span_joins():
    outer = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0], "start": [0, 20, 0], "end": [10, 30, 10]})
    inner = pd.DataFrame({"article_id": ["a", "a", "b", "a"], "sentence_id": [0, 1, 0, 0], "start": [2, 8, 3, -1], "end": [4, 12, 5, -1]})
    assert sorted(zip(*views.pairs_inside(outer, inner))) == [(0, 0), (2, 2)]
    assert sorted(zip(*views.pairs_overlapping(outer, inner))) == [(0, 0), (0, 1), (2, 2)]
    assert sorted(zip(*views.pairs_in_sentence(outer, inner))) == [(0, 0), (0, 3), (1, 1), (2, 2)]


def test_claims_with_articles_adds_the_article_columns():
    claims = pd.DataFrame({"article_id": ["b", "a"], "claim_id": ["0.0", "0.0"]})
    articles = pd.DataFrame({"article_id": ["a", "b"], "title": ["A", "B"], "outlet": ["x", "y"], "published": ["2022-11-09", None]})
    out = views.claims_with_articles(claims, articles)
    assert out.title.tolist() == ["B", "A"] and pd.isna(out.published.iloc[0]) and str(out.published.iloc[1].date()) == "2022-11-09"
    assert "title" not in claims

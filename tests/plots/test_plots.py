"""Figures and tables of the notebooks, drawn from the sample corpus's tables.

Every figure function returns a matplotlib Figure with what it claims to draw; every render
function returns escaped HTML whose marks sit on the right characters.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from analystkit.extract.hedges import sentence_certainty  # noqa: E402
from analystkit.plots import actors, hedging, integrity, sourcing  # noqa: E402
from analystkit.vocab.hedging import load_bands, load_perception  # noqa: E402

SEED = "000_9cc23866541e5586"


@pytest.fixture(scope="module")
def tables(sample_corpus):
    return {name: sample_corpus.table(name) for name in sample_corpus.table_names}


def test_source_mix_shares_sum_to_one(tables):
    mix = sourcing.source_mix(tables["claims"])
    assert set(mix.columns) <= set(sourcing.SOURCE_TYPES)
    assert ((mix.sum(axis=1) - 1).abs() < 0.01).all()
    fig = sourcing.plot_source_mix(tables["claims"])
    assert len(fig.axes[0].patches) == len(mix) * len(mix.columns)


def test_who_is_quoted_ranks_sources(tables):
    table = sourcing.who_is_quoted(tables["claims"], top=5)
    assert len(table) == 5 and table.claims.is_monotonic_decreasing
    assert (sourcing.follow_up(tables["claims"]).source_type.isin(["unnamed", "vague"])).all()


def test_who_is_quoted_shows_no_label_or_pronoun():
    import pandas as pd

    claims = pd.DataFrame({
        "article_id": ["a"] * 4,
        "source_text": ["Q", "I", "MR. SULLIVAN", "who"],
        "source_actor": ["", "", "Jake Sullivan", ""],
        "source_type": ["unnamed", "unnamed", "named_person", "unnamed"],
        "source_subtype": ["journalist", "pronoun", "speaker", "pronoun"],
    })
    who = set(sourcing.who_is_quoted(claims).who)
    assert who == {"(journalist)", "(pronoun)", "Jake Sullivan"}


def test_an_unnamed_officials_i_is_shown_by_its_kind():
    import pandas as pd

    claims = pd.DataFrame({
        "article_id": ["a"] * 3,
        "source_text": ["SENIOR ADMINISTRATION OFFICIAL", "I", "we"],
        "source_actor": ["", "", ""],
        "source_type": ["unnamed"] * 3,
        "source_subtype": ["official"] * 3,
    })
    table = sourcing.who_is_quoted(claims)
    assert dict(zip(table.who, table.claims)) == {"(official)": 2, "SENIOR ADMINISTRATION OFFICIAL": 1}


def test_rendered_claims_are_escaped_and_exact(tables, sample_corpus):
    text = sample_corpus.text(SEED) + " <script>alert(1)</script>"
    claims = tables["claims"][tables["claims"].article_id == SEED]
    html = sourcing.render_claims(text, claims).markup
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_hedging_figures(tables):
    counts = tables["hedges"].category.value_counts()
    fig = hedging.plot_category_counts(counts)
    assert len(fig.axes[0].patches) == len(counts)
    strip = sentence_certainty(tables["hedges"], tables["sentences"][tables["sentences"].article_id == SEED])
    fig = hedging.plot_certainty_strip(strip)
    assert len(fig.axes[0].patches) == len(strip)
    fig = hedging.plot_wep(load_perception(), load_bands())
    assert len(fig.axes[0].get_yticklabels()) == len(load_perception())


def test_integrity_figures_and_explanations(tables):
    fig = integrity.plot_integrity(tables["integrity"])
    assert fig.axes and fig.axes[0].get_title()
    flags = tables["flags"][tables["flags"].article_id == SEED]
    html = integrity.explain_flags(flags).markup
    assert all(kind.replace("_", " ") in html or kind in html for kind in set(flags.kind))
    fig = integrity.plot_timeline(tables["timeline"][tables["timeline"].article_id.str.contains("kherson")], flags)
    assert fig.axes


def test_actor_networks_use_actor_mentions(tables):
    graph = actors.cooccurrence_graph(tables["entities"], top=10)
    assert 0 < graph.number_of_nodes() <= 10
    assert all(data["weight"] >= 1 for _, _, data in graph.edges(data=True))
    moves = actors.action_graph(tables["actions"], top=10)
    assert moves.number_of_nodes() <= 10
    fig = actors.draw_graph(graph, title="co-occurrence")
    assert fig.axes[0].get_title() == "co-occurrence"
    heat = actors.mentions_through_article(tables["entities"], tables["sentences"], SEED)
    assert heat.shape[1] == 10 and heat.values.sum() > 0


def test_actor_profile_tables(tables):
    top = tables["actors"].actor.iloc[0]
    profile = actors.actor_profile(tables, top)
    assert profile and all(hasattr(frame, "columns") for frame in profile.values())

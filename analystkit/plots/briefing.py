"""Small figures for the findings of a report's index page (:func:`analystkit.findings.briefing`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._text import plain_figure

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..corpus import Corpus

SIZE = (4.2, 2.6)
BLUE, ORANGE, GREEN, VERMILLION, GREY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#999999"


def figure(title: str, corpus: "Corpus") -> "Figure | None":
    """The figure of the finding called ``title``, or None when it has none."""
    draw = FIGURES.get("The corpus" if title.startswith("The corpus") else title)
    return draw(corpus) if draw is not None else None


def _short(text: str, width: int = 28) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


@plain_figure
def corpus_over_time(corpus: "Corpus") -> "Figure":
    """Articles per day, week, month or year (:func:`analystkit.plots.corpus.over_time`); a bar per
    outlet when none are dated."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from .corpus import over_time

    articles = corpus.articles
    fig, ax = plt.subplots(figsize=SIZE)
    counts = over_time(articles)
    if len(counts):
        ax.bar(range(len(counts)), counts.values, color=BLUE)
        step = max(1, len(counts) // 6)
        ax.set_xticks(range(0, len(counts), step), [str(p) for p in counts.index[::step]], rotation=45, ha="right", fontsize=7)
        ax.set_title(f"Articles per {counts.index.name}", fontsize=9)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        outlets = articles["outlet"].value_counts().head(8)
        ax.barh([_short(o) for o in outlets.index[::-1]], outlets.values[::-1], color=BLUE)
        ax.set_title("Articles per outlet (no dates)", fontsize=9)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    return fig


@plain_figure
def integrity_scores(corpus: "Corpus") -> "Figure | None":
    """The integrity scores of the lowest-scoring flagged articles (None when nothing is flagged)."""
    import matplotlib.pyplot as plt

    integrity = corpus.integrity
    worst = integrity[integrity["n_flags"] > 0].sort_values(["score", "article_id"]).head(8)
    if not len(worst):
        return None
    fig, ax = plt.subplots(figsize=SIZE)
    colours = [VERMILLION if s < 70 else ORANGE if s < 90 else GREY for s in worst["score"]]
    ax.barh([_short(a) for a in worst["article_id"][::-1]], worst["score"][::-1], color=colours[::-1])
    ax.set_xlim(0, 100)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_title("Integrity score (100 = nothing found)", fontsize=9)
    fig.tight_layout()
    return fig


@plain_figure
def source_types(corpus: "Corpus") -> "Figure":
    """Attributed claims by source type."""
    import matplotlib.pyplot as plt

    claims = corpus.claims
    counts = claims[claims["source_type"] != "author"]["source_type"].value_counts()
    order = ["named_person", "named_organization", "unnamed", "vague"]
    colours = [BLUE, GREEN, ORANGE, VERMILLION]
    fig, ax = plt.subplots(figsize=SIZE)
    values = [int(counts.get(t, 0)) for t in order]
    ax.barh([t.replace("_", " ") for t in order][::-1], values[::-1], color=colours[::-1])
    ax.set_title("Attributed claims by source type", fontsize=9)
    fig.tight_layout()
    return fig


@plain_figure
def certainty_of_hedged(corpus: "Corpus") -> "Figure":
    """How certain the hedged claims are (a histogram of certainty)."""
    import matplotlib.pyplot as plt

    claims = corpus.claims
    hedged = claims[claims["hedged"]]["certainty"] if len(claims) else claims.get("certainty", [])
    fig, ax = plt.subplots(figsize=SIZE)
    ax.hist(list(hedged), bins=[i / 10 for i in range(11)], color=ORANGE, edgecolor="white")
    ax.set_xlabel("certainty of hedged claims", fontsize=8)
    ax.set_title("Hedged claims by certainty", fontsize=9)
    fig.tight_layout()
    return fig


def actor_network(corpus: "Corpus") -> "Figure":
    """The co-occurrence network of the most-mentioned actors (a thumbnail)."""
    from .actors import cooccurrence_graph, draw_graph

    graph = cooccurrence_graph(corpus.entities, top=12, min_weight=2)
    kinds = dict(zip(corpus.actors["actor"], corpus.actors["kind"]))
    fig = draw_graph(graph, title="Who appears with whom", kinds=kinds)
    fig.set_size_inches(4.2, 3.2)
    return fig


@plain_figure
def dated_events(corpus: "Corpus") -> "Figure":
    """Dated expressions per month of the date they name; conflicting dates in vermillion."""
    import matplotlib.pyplot as plt

    timeline = corpus.timeline
    fig, ax = plt.subplots(figsize=SIZE)
    if len(timeline):
        months = timeline["date_start"].dt.to_period("M")
        recent = months[months >= months.max() - 36] if len(months) else months
        counts = recent.value_counts().sort_index()
        ax.bar(range(len(counts)), counts.values, color=BLUE)
        conflicts = corpus.flags[corpus.flags["kind"] == "date_conflict"]
        if len(conflicts):
            ax.text(0.98, 0.92, f"{len(conflicts)} date conflict{'s' if len(conflicts) != 1 else ''}", transform=ax.transAxes, ha="right", color=VERMILLION, fontsize=8)
        step = max(1, len(counts) // 6)
        ax.set_xticks(range(0, len(counts), step), [str(p) for p in counts.index[::step]], rotation=45, ha="right", fontsize=7)
    ax.set_title("Dated events per month (last three years)", fontsize=9)
    fig.tight_layout()
    return fig


FIGURES = {
    "The corpus": corpus_over_time,
    "Articles to check first": integrity_scores,
    "Claims on unnamed or vague sources": source_types,
    "Hedged claims about the main actors": certainty_of_hedged,
    "Who is in the story": actor_network,
    "Dated events": dated_events,
}


__all__ = ["FIGURES", "actor_network", "certainty_of_hedged", "corpus_over_time", "dated_events", "figure", "integrity_scores", "source_types"]

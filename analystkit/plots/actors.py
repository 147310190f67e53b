"""Actor figures and tables: who is mentioned where, with whom, and who acts on whom.

Tables (pandas) and figures (matplotlib, returned closed so a notebook shows each
once). Networks use networkx with a seeded spring layout, so a figure is the
same on every run.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING

from ..display import render_spans
from ..views import actor_mentions
from ._text import plain_figure

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas as pd
    from IPython.display import HTML
    from matplotlib.figure import Figure

KIND_COLOURS = {"state": "#4C72B0", "person": "#DD8452", "organization": "#55A868", "group": "#C44E52", "place": "#8172B3", "": "#999999"}


def mentions_through_article(entities: "pd.DataFrame", sentences: "pd.DataFrame", article_id: str, *, top: int = 8, bins: int = 10) -> "pd.DataFrame":
    """Mentions of the ``top`` actors of one article per tenth of the article (rows: actors, columns: parts)."""
    import pandas as pd

    mentions = actor_mentions(entities[entities.article_id == article_id])
    n_sentences = max(1, int((sentences.article_id == article_id).sum()))
    leaders = mentions["actor"].value_counts()
    leaders = sorted(leaders.index, key=lambda a: (-leaders[a], a))[:top]
    part = (mentions["sentence_id"].clip(lower=0) * bins // n_sentences).clip(upper=bins - 1)
    table = pd.crosstab(mentions["actor"], part).reindex(index=leaders, columns=range(bins), fill_value=0)
    table.columns = [f"{10 * c}-{10 * (c + 1)}%" for c in range(bins)] if bins == 10 else [str(c) for c in range(bins)]
    table.columns.name = "part of the article"
    return table


@plain_figure
def plot_mentions_through_article(table: "pd.DataFrame", *, title: str | None = None) -> "Figure":
    """A heat map of :func:`mentions_through_article`: which actors dominate where."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 0.45 * len(table) + 1.5))
    if not len(table):
        from ._text import empty_note

        empty_note(ax, "no actors mentioned")
        ax.set_title(title or "Actor mentions through the article")
        plt.close(fig)
        return fig
    image = ax.imshow(table.values, aspect="auto", cmap="Blues")
    ax.set_yticks(range(len(table)), labels=list(table.index))
    ax.set_xticks(range(len(table.columns)), labels=list(table.columns), rotation=45, ha="right", fontsize=8)
    for (i, j), value in __import__("numpy").ndenumerate(table.values):
        if value:
            ax.text(j, i, str(value), ha="center", va="center", fontsize=8, color="white" if value > table.values.max() / 2 else "black")
    ax.set_xlabel("position in the article")
    ax.set_title(title or "Actor mentions through the article")
    fig.colorbar(image, ax=ax, label="mentions")
    fig.tight_layout()
    plt.close(fig)
    return fig


def top_actors(entities: "pd.DataFrame", *, top: int = 15) -> "pd.DataFrame":
    """The ``top`` most mentioned actors: ``mentions`` and ``articles`` per actor (empty when none)."""
    import pandas as pd

    mentions = actor_mentions(entities)
    if not len(mentions):
        return pd.DataFrame({"mentions": pd.Series(dtype=int), "articles": pd.Series(dtype=int)}, index=pd.Index([], name="actor"))
    table = mentions.groupby("actor").agg(mentions=("text", "size"), articles=("article_id", "nunique"))
    return table.sort_values(["mentions", "articles"], ascending=False, kind="stable").head(top)


@plain_figure
def plot_top_actors(entities: "pd.DataFrame", *, top: int = 15, title: str = "Most mentioned actors") -> "Figure":
    """Horizontal bars of :func:`top_actors`; a corpus without actors gets a figure that says so."""
    import matplotlib.pyplot as plt

    from ._text import empty_note

    table = top_actors(entities, top=top)
    fig, ax = plt.subplots(figsize=(7, 0.3 * max(1, len(table)) + 1.4))
    if len(table):
        ordered = table.iloc[::-1]
        ax.barh(range(len(ordered)), ordered["mentions"].tolist(), color="#009E73")
        ax.set_yticks(range(len(ordered)), labels=[str(a) for a in ordered.index])
        ax.set_xlabel("mentions")
    else:
        empty_note(ax, "no actors mentioned")
    ax.set_title(title)
    fig.tight_layout()
    plt.close(fig)
    return fig


def cooccurrence_graph(entities: "pd.DataFrame", *, unit: str = "sentence", top: int = 20, min_weight: int = 1) -> "nx.Graph":
    """Actors linked when mentioned in the same sentence (or ``unit="article"``); edge weight = how often.

    Only the ``top`` most mentioned actors are kept. Node attribute ``mentions``.
    """
    import networkx as nx

    mentions = actor_mentions(entities)
    counts = mentions["actor"].value_counts()
    keep = sorted(counts.index, key=lambda a: (-counts[a], a))[:top]
    mentions = mentions[mentions["actor"].isin(keep)]
    keys = ["article_id", "sentence_id"] if unit == "sentence" else ["article_id"]
    weights: Counter = Counter()
    for _, group in mentions.groupby(keys, sort=True):
        for a, b in combinations(sorted(set(group["actor"])), 2):
            weights[(a, b)] += 1
    graph = nx.Graph()
    for actor in keep:
        graph.add_node(actor, mentions=int(counts[actor]))
    for (a, b), w in sorted(weights.items()):
        if w >= min_weight:
            graph.add_edge(a, b, weight=w)
    return graph


def action_graph(actions: "pd.DataFrame", *, top: int = 20, include_self: bool = False) -> "nx.MultiDiGraph":
    """Directed actor → actor graph of actions (both agent and patient actors); edge label = verb."""
    import networkx as nx

    frame = actions[actions["agent_is_actor"].astype(bool) & actions["patient_is_actor"].astype(bool)]
    if not include_self:
        frame = frame[frame["agent"] != frame["patient"]]
    counts = Counter(frame["agent"]) + Counter(frame["patient"])
    keep = set(sorted(counts, key=lambda a: (-counts[a], a))[:top])
    graph = nx.DiGraph()
    grouped = frame.groupby(["agent", "patient"], sort=True)["action"].agg(lambda s: sorted(set(s)))
    for (agent, patient), verbs in grouped.items():
        if agent in keep and patient in keep:
            graph.add_edge(agent, patient, actions=verbs, weight=len(verbs))
    return graph


def who_did_what(actions: "pd.DataFrame", *, actors_only: bool = True) -> "pd.DataFrame":
    """Agent, action, patient with how often (actor agents; patients of any kind unless ``actors_only``)."""
    frame = actions[actions["agent_is_actor"].astype(bool)]
    if actors_only:
        frame = frame[frame["patient_is_actor"].astype(bool) | (frame["patient"] == "")]
    table = frame.groupby(["agent", "action", "patient"], sort=True).size().rename("times").reset_index()
    return table.sort_values(["times", "agent", "action", "patient"], ascending=[False, True, True, True], kind="stable").reset_index(drop=True)


@plain_figure
def draw_graph(graph: "nx.Graph", *, title: str = "", kinds: dict[str, str] | None = None, seed: int = 0, edge_labels: bool = False) -> "Figure":
    """Draw an actor graph: node size by mentions (or degree), colour by kind, seeded layout."""
    import matplotlib.pyplot as plt
    import networkx as nx

    fig, ax = plt.subplots(figsize=(9, 7))
    ax.set_axis_off()
    ax.set_title(title)
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no edges to draw", ha="center", va="center")
        plt.close(fig)
        return fig
    nodes = sorted(graph.nodes)
    ordered = graph.__class__()
    ordered.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    ordered.add_edges_from(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])))
    position = nx.spring_layout(ordered, seed=seed, k=1.5 / max(1, len(nodes)) ** 0.5, weight=None)
    sizes = [300 + 40 * ordered.nodes[n].get("mentions", ordered.degree(n) * 5) ** 0.8 for n in nodes]
    colours = [KIND_COLOURS.get((kinds or {}).get(n, ""), "#999999") for n in nodes]
    widths = [0.5 + min(4.0, d.get("weight", 1) ** 0.5) for _, _, d in ordered.edges(data=True)]
    arrows = {"arrows": True, "arrowsize": 14, "node_size": sizes} if ordered.is_directed() else {}
    nx.draw_networkx_edges(ordered, position, ax=ax, width=widths, edge_color="#888888", alpha=0.6, **arrows)
    nx.draw_networkx_nodes(ordered, position, ax=ax, nodelist=nodes, node_size=sizes, node_color=colours, alpha=0.85)
    nx.draw_networkx_labels(ordered, position, ax=ax, font_size=9,
                            bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 1})
    if edge_labels:
        labels = {(a, b): ", ".join(d.get("actions", [])[:3]) for a, b, d in ordered.edges(data=True)}
        nx.draw_networkx_edge_labels(ordered, position, edge_labels=labels, ax=ax, font_size=7)
    if kinds:
        from matplotlib.patches import Patch

        present = sorted({kinds.get(n, "") for n in nodes} - {""})
        ax.legend(handles=[Patch(color=KIND_COLOURS.get(k, "#999999"), label=k) for k in present], loc="lower left", frameon=False, fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


def actor_profile(corpus_tables: dict[str, "pd.DataFrame"], actor: str) -> dict[str, "pd.DataFrame"]:
    """One actor's sentences, what it does, what is done to it and what it is quoted as saying."""
    entities, sentences = corpus_tables["entities"], corpus_tables["sentences"]
    actions, claims = corpus_tables["actions"], corpus_tables["claims"]
    mentioned = actor_mentions(entities)
    keys = mentioned[mentioned["actor"] == actor][["article_id", "sentence_id"]].drop_duplicates()
    in_sentences = sentences.merge(keys, on=["article_id", "sentence_id"])[["article_id", "sentence_id", "text"]]
    does = actions[(actions["agent"] == actor) & actions["agent_is_actor"].astype(bool)][["article_id", "sentence_id", "agent_text", "action", "patient", "negated", "hedged", "voice"]]
    done_to = actions[(actions["patient"] == actor) & actions["patient_is_actor"].astype(bool)][["article_id", "sentence_id", "agent", "action", "patient_text", "negated", "hedged", "voice"]]
    says = claims[claims["source_actor"] == actor][["article_id", "claim_id", "source_text", "cue", "quote_type", "text"]]
    return {name: frame.reset_index(drop=True) for name, frame in
            {"sentences": in_sentences, "does": does, "done_to": done_to, "says": says}.items()}


def render_actions(text: str, actions: "pd.DataFrame", *, title: str | None = None, start: int = 0, end: int | None = None) -> "HTML":
    """The article with each action's agent, verb and patient highlighted (hover: the resolved actors)."""
    spans = []
    for row in actions.itertuples(index=False):
        tip = f"{row.agent or '?'} → {row.action} → {row.patient or '?'}" + (" (negated)" if row.negated else "") + (" (hedged)" if row.hedged else "")
        spans.append({"start": row.start, "end": row.end, "label": "action", "tooltip": tip})
        if row.agent_start >= 0:
            spans.append({"start": row.agent_start, "end": row.agent_end, "label": "agent", "tooltip": f"agent: {row.agent}"})
        if row.patient_start >= 0:
            spans.append({"start": row.patient_start, "end": row.patient_end, "label": "patient", "tooltip": f"patient: {row.patient}"})
    colours = {"agent": "#f6c28b", "action": "#b8d8f2", "patient": "#c9e7b7"}
    return render_spans(text, spans, colours=colours, title=title, start=start, end=end)


__all__ = [
    "KIND_COLOURS", "action_graph", "actor_mentions", "actor_profile", "cooccurrence_graph", "draw_graph",
    "mentions_through_article", "plot_mentions_through_article", "plot_top_actors", "render_actions", "top_actors", "who_did_what",
]

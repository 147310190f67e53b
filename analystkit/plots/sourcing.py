"""Sourcing displays: who is quoted, the mix of source types, and articles with sources highlighted.

Every function takes the ``claims`` table (and, where needed, ``articles``) and
returns a DataFrame, a matplotlib ``Figure`` or an escaped :class:`~analystkit.display.HTML`.
Orders are fixed (never by hash or dict order) so notebooks are deterministic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..display import HTML, PALETTE, render_spans
from ..nlp.pronouns import COLLECTIVE, FIRST_PERSON, PERSONAL, RELATIVE
from ..vocab.words import word_list
from ._text import plain_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

#: the coarse source types, in display order.
SOURCE_TYPES = ("named_person", "named_organization", "unnamed", "vague", "author")
SOURCE_COLOURS = {
    "named_person": "#0072B2", "named_organization": "#56B4E9", "unnamed": "#E69F00",
    "vague": "#D55E00", "author": "#BBBBBB",
}
#: highlight tints for the article view.
SPAN_COLOURS = {"source": PALETTE["blue"], "cue": PALETTE["yellow"], "content": PALETTE["green"], "unnamed or vague source": PALETTE["vermillion"]}


def attributed(claims: "pd.DataFrame") -> "pd.DataFrame":
    """The claims that someone other than the author makes."""
    return claims[claims.source_type != "author"]


#: Pronouns, which name nobody without an actor.
_PRONOUNS = FIRST_PERSON | PERSONAL | COLLECTIVE | RELATIVE | word_list("actor_pronouns") | {"my", "our", "us", "you", "your", "one"}
#: Subtypes of sources that name nobody when they have no actor: a pronoun, a transcript's questioner or label.
LABEL_SUBTYPES = ("pronoun", "journalist", "questioner", "speaker", "first_person")


def who_is_quoted(claims: "pd.DataFrame", *, top: int = 15) -> "pd.DataFrame":
    """Sources ranked by number of claims: actor (or the source as written when no actor), type, count.

    A source with no actor that is only a pronoun or a transcript label ("I", "who", "Q") is
    shown by its kind ("(pronoun)", "(journalist)", "(official)" for an unnamed official's "I"
    in a background call), never as a person of its own."""
    frame = attributed(claims).copy()
    pronoun = frame.source_text.str.strip().str.lower().isin(_PRONOUNS)
    written = frame.source_text.str.strip().where(~frame.source_subtype.isin(LABEL_SUBTYPES) & ~pronoun, "")
    frame["who"] = frame.source_actor.where(frame.source_actor != "", written)
    frame.loc[frame.who == "", "who"] = "(" + frame.source_subtype + ")"
    table = frame.groupby(["who", "source_type"]).size().rename("claims").reset_index()
    articles = frame.groupby("who").article_id.nunique().rename("articles")
    table = table.merge(articles, left_on="who", right_index=True)
    return table.sort_values(["claims", "who"], ascending=[False, True]).head(top).reset_index(drop=True)


def source_mix(claims: "pd.DataFrame", *, by: str = "article_id", share: bool = True, top: int | None = None) -> "pd.DataFrame":
    """Claims per source type for each value of ``by`` (``article_id``, ``outlet``, ...), as shares or counts.

    ``top``: keep the ``top`` values with the most claims and put the rest together as
    "(N others)", so the table stays readable for any number of articles or outlets.
    """
    if top is not None and claims[by].nunique() > top:
        sizes = claims.groupby(by).size()
        keep = set(sorted(sizes.index, key=lambda v: (-sizes[v], str(v)))[:top])
        others = f"({claims[by].nunique() - top:,} others)"
        claims = claims.assign(**{by: claims[by].where(claims[by].isin(keep), others)})
    table = claims.groupby([by, "source_type"]).size().unstack(fill_value=0)
    table = table.reindex(columns=[t for t in SOURCE_TYPES if t in table.columns] or list(SOURCE_TYPES), fill_value=0)
    table = table.sort_index()
    if share:
        table = table.div(table.sum(axis=1).where(lambda s: s > 0, 1), axis=0).round(3)
    return table


@plain_figure
def plot_source_mix(claims: "pd.DataFrame", *, by: str = "article_id", title: str | None = None, label_width: int = 40, top: int = 25) -> "Figure":
    """A horizontal stacked bar chart of the share of each source type, one bar per ``by`` value
    (the ``top`` values with the most claims, the rest in one bar)."""
    import matplotlib.pyplot as plt

    from ._text import empty_note

    table = source_mix(claims, by=by, top=top) if len(claims) else None
    if table is None or not len(table):
        fig, ax = plt.subplots(figsize=(9, 1.6))
        empty_note(ax, "no claims to show")
        ax.set_title(title or f"Who speaks: source types per {by.replace('_', ' ')}")
        plt.close(fig)
        return fig
    labels = [str(v) if len(str(v)) <= label_width else str(v)[: label_width - 1] + "…" for v in table.index]
    positions = list(range(len(table)))
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(table) + 1.4))
    left = [0.0] * len(table)
    for column in table.columns:
        values = table[column].tolist()
        ax.barh(positions, values, left=left, color=SOURCE_COLOURS.get(column, "#999999"), label=column.replace("_", " "))
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(positions, labels=labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of claims")
    ax.set_title(title or f"Who speaks: source types per {by.replace('_', ' ')}")
    ax.legend(ncol=5, loc="upper center", bbox_to_anchor=(0.5, -0.12 if len(table) > 3 else -0.3), frameon=False, fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


def follow_up(claims: "pd.DataFrame") -> "pd.DataFrame":
    """Every unnamed or vague attribution: the claims to check before relying on them."""
    frame = claims[claims.source_type.isin(["unnamed", "vague"])]
    columns = ["article_id", "claim_id", "source_type", "source_subtype", "source_text", "source_actor", "cue", "quote_type", "text"]
    return frame[columns].reset_index(drop=True)


def render_claims(text: str, claims: "pd.DataFrame", *, title: str | None = None, start: int = 0, end: int | None = None) -> HTML:
    """The article with each claim's source, cue and content highlighted (text HTML-escaped).

    Unnamed and vague sources get their own colour; hovering shows the source type
    and the actor behind it.
    """
    spans = []
    for row in attributed(claims).itertuples(index=False):
        tip = f"{row.source_type} / {row.source_subtype}" + (f" → {row.source_actor}" if row.source_actor else "")
        spans.append({"start": row.start, "end": row.end, "label": "content", "tooltip": f"{row.quote_type} claim of {row.source_text or row.source_subtype}"})
        if row.source_start >= 0:
            label = "unnamed or vague source" if row.source_type in ("unnamed", "vague") else "source"
            spans.append({"start": row.source_start, "end": row.source_end, "label": label, "tooltip": tip})
        if row.cue_start >= 0:
            spans.append({"start": row.cue_start, "end": row.cue_end, "label": "cue", "tooltip": tip})
    return render_spans(text, spans, colours=SPAN_COLOURS, title=title, start=start, end=end)


__all__ = ["SOURCE_COLOURS", "SOURCE_TYPES", "attributed", "follow_up", "plot_source_mix", "render_claims", "source_mix", "who_is_quoted"]

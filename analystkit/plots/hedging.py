"""Hedging displays: highlighted cues, the certainty strip, and what estimative words mean.

Matplotlib figures are drawn deterministically (fixed order, no randomness), so
notebooks that show them pass nbval. In a notebook, assign the returned figure
(``fig = plot_wep(...)``): the inline backend shows it once when the cell ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..display import HTML, PALETTE, render_spans
from ._text import plain_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: one colour per hedge category (Okabe-Ito tints, as everywhere in the kit).
CATEGORY_COLOURS = {
    "modal": PALETTE["orange"],
    "epistemic_verb": PALETTE["sky"],
    "adverb_adjective": PALETTE["yellow"],
    "estimative_phrase": PALETTE["green"],
    "expectation": PALETTE["purple"],
    "evidential": PALETTE["vermillion"],
    "conditional": PALETTE["blue"],
    "alternative": PALETTE["sky"],
    "question": PALETTE["purple"],
    "unknown": PALETTE["grey"],
    "obligation": "#dddddd",
}


def _axes(ax: "Axes | None", size: tuple[float, float]) -> tuple["Figure", "Axes"]:
    """A new pyplot figure (Jupyter's inline backend shows it when the cell ends), or ``ax``'s."""
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=size)
    return fig, ax


@plain_figure
def plot_category_counts(counts: "pd.Series", *, ax: "Axes | None" = None, title: str = "Hedge cues by category") -> "Figure":
    """Horizontal bars: number of hedge cues per category (``counts`` indexed by category)."""
    frame = counts.sort_values(kind="mergesort")
    fig, ax = _axes(ax, (7.0, 0.4 * len(frame) + 1.2))
    ax.barh(list(frame.index), list(frame.values), color=[CATEGORY_COLOURS.get(c, PALETTE["grey"]) for c in frame.index], edgecolor="#555555", linewidth=0.5)
    ax.set_xlabel("cues")
    ax.set_title(title)
    if not len(frame):
        from ._text import empty_note

        empty_note(ax, "no hedge cues")
    fig.tight_layout()
    return fig


def render_hedges(text: str, hedges: "pd.DataFrame", *, title: str | None = None, start: int = 0, end: int | None = None) -> HTML:
    """An article (or a window of it) with its hedge cues highlighted by category.

    Hovering a cue shows its probability and ICD 203 band. The text is HTML-escaped.
    """
    spans = []
    for row in hedges.itertuples(index=False):
        tip = f"p={row.probability:.2f}" + (f", {row.standard}: {row.band}" if row.band else "")
        spans.append({"start": row.start, "end": row.end, "label": row.category, "tooltip": tip})
    return render_spans(text, spans, colours=CATEGORY_COLOURS, title=title, start=start, end=end)


@plain_figure
def plot_certainty_strip(sentences: "pd.DataFrame", *, ax: "Axes | None" = None, title: str | None = None) -> "Figure":
    """One bar per sentence, in text order: its certainty (1.0 = asserted), hedged ones coloured.

    ``sentences`` is :func:`analystkit.extract.hedges.sentence_certainty` output
    (columns ``sentence_id``, ``certainty``, ``n_hedges``) for one article.
    """
    frame = sentences.sort_values("sentence_id")
    fig, ax = _axes(ax, (max(6.0, min(14.0, 0.3 * len(frame) + 2)), 2.8))
    colours = ["#d55e00" if n else "#bbbbbb" for n in frame["n_hedges"]]
    ax.bar(frame["sentence_id"], frame["certainty"], color=colours, width=0.8)
    ax.set_ylim(0, 1.05)
    ax.axhline(0.5, color="#666666", linewidth=0.6, linestyle=":")
    ax.set_xlabel("sentence")
    ax.set_ylabel("certainty")
    ax.set_title(title or "Certainty sentence by sentence (grey: asserted, orange: hedged)")
    fig.tight_layout()
    return fig


@plain_figure
def plot_wep(perception: "pd.DataFrame", bands: "pd.DataFrame", *, ax: "Axes | None" = None) -> "Figure":
    """How readers hear each phrase (survey median and interquartile range) against the ICD 203 bands.

    ``perception``: ``phrase, median, p25, p75`` (percent); ``bands``: ICD 203 rows of
    ``phrase, lower, upper`` (percent). Phrases are ordered by median.
    """
    frame = perception.sort_values(["median", "phrase"]).reset_index(drop=True)
    icd = bands.set_index("phrase")
    fig, ax = _axes(ax, (8.5, 0.36 * len(frame) + 1.2))
    for y, row in frame.iterrows():
        if row.phrase in icd.index:
            band = icd.loc[row.phrase]
            ax.barh(y, band.upper - band.lower, left=band.lower, height=0.8, color=PALETTE["green"], edgecolor="#009e73", linewidth=0.6)
        ax.plot([row.p25, row.p75], [y, y], color="#0072b2", linewidth=2.5, solid_capstyle="butt")
        ax.plot(row["median"], y, "o", color="#0072b2", markersize=5)
    ax.set_yticks(range(len(frame)), frame["phrase"])
    ax.set_xlim(0, 100)
    ax.set_xlabel("probability (%)")
    ax.set_title("What readers hear (median, interquartile range) vs the ICD 203 band (green)")
    fig.tight_layout()
    return fig


def category_guide(hedges: "pd.DataFrame | None" = None, *, examples: int = 3) -> "pd.DataFrame":
    """What each hedge category holds, as a table for the hedging notebook.

    One row per category of :data:`analystkit.vocab.hedging.CATEGORIES`: ``category``,
    ``holds`` (what it means), ``lexicon_cues`` (a few cues of the default profile),
    ``not_counted`` (the root senses its context rules leave out: "can" of ability, "or" in a
    list …), ``lowers_certainty`` (False only for ``obligation``, which is not uncertainty and is
    never in the hedges table). With ``hedges`` (a corpus's hedges table) also ``found`` (cues in
    the corpus), ``share`` (of all cues), ``median_probability`` and ``examples`` (the most
    frequent cue texts found). Categories are in the lexicon's order.
    """
    import pandas as pd

    from ..vocab.hedging import CATEGORIES, DEFAULT_PROFILE, NOT_UNCERTAINTY, load_hedge_lexicon

    lexicon = [c for c in load_hedge_lexicon() if c.in_profile(DEFAULT_PROFILE)]
    rows = []
    total = len(hedges) if hedges is not None else 0
    for category, holds in CATEGORIES.items():
        cues = [c for c in lexicon if c.category == category]
        row = {
            "category": category,
            "holds": holds,
            "lexicon_cues": ", ".join(c.cue for c in cues[:6]) + (" …" if len(cues) > 6 else ""),
            "not_counted": "; ".join(dict.fromkeys(f"{c.cue}: {c.root_sense}" for c in cues if c.root_sense)),
            "lowers_certainty": category not in NOT_UNCERTAINTY,
        }
        if hedges is not None:
            found = hedges[hedges["category"] == category] if total else hedges.iloc[0:0]
            row["found"] = int(len(found))
            row["share"] = round(len(found) / total, 3) if total else 0.0
            row["median_probability"] = float(found["probability"].median()) if len(found) else float("nan")
            top = found["text"].str.lower().value_counts().head(examples) if len(found) else []
            row["examples"] = ", ".join(f"{text} ({n})" for text, n in (top.items() if len(found) else []))
        rows.append(row)
    return pd.DataFrame(rows)


__all__ = ["CATEGORY_COLOURS", "category_guide", "plot_category_counts", "plot_certainty_strip", "plot_wep", "render_hedges"]

"""The corpus at a glance: articles per outlet and over time, at any size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._text import plain_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure


def by_outlet(articles: "pd.DataFrame", *, top: int = 12) -> "pd.DataFrame":
    """Articles and sentences per outlet: the ``top`` outlets with the most articles, the rest as one row."""
    import pandas as pd

    frame = articles.assign(outlet=articles["outlet"].replace("", "unknown"))
    table = frame.groupby("outlet").agg(articles=("article_id", "size"), sentences=("n_sentences", "sum"))
    table = table.sort_values(["articles", "sentences"], ascending=False, kind="stable")
    if len(table) > top:
        rest = table.iloc[top:]
        other = pd.DataFrame({"articles": [int(rest["articles"].sum())], "sentences": [int(rest["sentences"].sum())]}, index=[f"({len(rest):,} others)"])
        table = pd.concat([table.iloc[:top], other])
    table.index.name = "outlet"
    return table


def over_time(articles: "pd.DataFrame") -> "pd.Series":
    """Articles per day, week, month or year of publication, whichever gives a readable number of bars."""
    dated = articles["published"].dropna()
    if not len(dated):
        return dated.astype("int64")
    days = (dated.max() - dated.min()).days
    period = "D" if days <= 45 else "W" if days <= 300 else "M" if days <= 3 * 365 else "Y"
    counts = dated.dt.to_period(period).value_counts().sort_index()
    counts.index.name = {"D": "day", "W": "week", "M": "month", "Y": "year"}[period]
    return counts.rename("articles")


@plain_figure
def plot_overview(articles: "pd.DataFrame", *, top: int = 12) -> "Figure":
    """Two panels: articles per outlet (the ``top`` outlets, the rest together) and articles over time."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from ._text import empty_note

    outlets = by_outlet(articles, top=top)
    counts = over_time(articles)
    fig, axes = plt.subplots(1, 2, figsize=(10, max(2.8, 0.28 * len(outlets) + 1.2)))
    ordered = outlets.iloc[::-1]
    axes[0].barh(range(len(ordered)), ordered["articles"].tolist(), color="#0072B2")
    axes[0].set_yticks(range(len(ordered)), labels=[str(o)[:40] for o in ordered.index])
    axes[0].set_title("Articles per outlet")
    axes[0].xaxis.set_major_locator(MaxNLocator(integer=True))
    if len(counts):
        axes[1].bar(range(len(counts)), counts.tolist(), color="#E69F00")
        step = max(1, len(counts) // 8)
        axes[1].set_xticks(range(0, len(counts), step), [str(p) for p in counts.index[::step]], rotation=45, ha="right", fontsize=8)
        axes[1].set_title(f"Articles per {counts.index.name}")
        axes[1].yaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        empty_note(axes[1], "no publication dates")
        axes[1].set_title("Articles over time")
    fig.tight_layout()
    plt.close(fig)  # returned, not left open: a notebook shows it once
    return fig


__all__ = ["by_outlet", "over_time", "plot_overview"]

"""Integrity displays: an article with its flags marked, the flags explained, the timeline plotted.

Figures are built outside pyplot with a fixed order, so notebooks showing them are
deterministic (nbval).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..display import HTML, PALETTE, render_spans
from ._text import plain_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: one colour per flag kind (Okabe-Ito tints, as everywhere in the kit).
KIND_COLOURS = {
    "fragment": PALETTE["orange"],
    "split_sentence": PALETTE["vermillion"],
    "unintroduced_person": PALETTE["sky"],
    "dangling_reference": PALETTE["purple"],
    "suspicious_quote": PALETTE["yellow"],
    "date_conflict": PALETTE["blue"],
}


def render_flags(text: str, flags: "pd.DataFrame", *, title: str | None = None, start: int = 0, end: int | None = None) -> HTML:
    """The article (or a window of it) with every flag marked by kind; hovering shows the message."""
    spans = [{"start": r.start, "end": r.end, "label": r.kind, "tooltip": r.message} for r in flags.itertuples(index=False)]
    return render_spans(text, spans, colours=KIND_COLOURS, title=title, start=start, end=end)


def explain_flags(flags: "pd.DataFrame") -> HTML:
    """A numbered list: each flag's kind, severity, the words it marks and what it means for the analyst."""
    items = []
    for number, row in enumerate(flags.itertuples(index=False), start=1):
        colour = KIND_COLOURS.get(row.kind, PALETTE["grey"])
        items.append(
            f"<li style='margin:6px 0'><mark style='background:{colour};padding:0 4px'>{html.escape(row.kind)}</mark> "
            f"<b>{html.escape(row.severity)}</b>, sentence {int(row.sentence_id)}: "
            f"<q>{html.escape(row.text)}</q><br>{html.escape(row.message)}</li>"
        )
    return HTML("<ol style='max-width:60em'>" + "".join(items) + "</ol>" if items else "<p>No flags.</p>")


@plain_figure
def plot_timeline(timeline: "pd.DataFrame", flags: "pd.DataFrame | None" = None, *, ax: "Axes | None" = None, title: str = "Dated events") -> "Figure":
    """One horizontal bar per dated expression (its date range), labelled with its event.

    Rows involved in a ``date_conflict`` flag (either side) are drawn in vermillion
    with a thick edge; the others in blue.
    """
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    frame = timeline.sort_values(["date_start", "sentence_id"], kind="mergesort").reset_index(drop=True)
    conflicted: set[tuple[str, int]] = set()
    if flags is not None and len(flags):
        for row in flags[flags.kind == "date_conflict"].itertuples(index=False):
            conflicted.add((row.article_id, int(row.start)))
            conflicted.add((row.article_id, int(row.related_start)))
    if ax is None:
        fig = Figure(figsize=(9.0, 0.45 * max(1, len(frame)) + 1.4))
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    for y, row in enumerate(frame.itertuples(index=False)):
        start = mdates.date2num(row.date_start)
        width = max(1.0, mdates.date2num(row.date_end) - start + 1)
        hot = (row.article_id, int(row.start)) in conflicted
        ax.barh(y, width, left=start, height=0.6, color="#d55e00" if hot else "#0072b2", edgecolor="black" if hot else "none", linewidth=1.5 if hot else 0)
        label = f"s{int(row.sentence_id)} “{row.text}”: {row.event}"
        ax.annotate(label[:70], (start + width, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_title(title + (" (conflicting dates in orange)" if conflicted else ""))
    if len(frame):
        low = mdates.date2num(frame.date_start.min())
        high = mdates.date2num(frame.date_end.max())
        ax.set_xlim(low - 30, high + 0.6 * (high - low + 60))
    else:
        from ._text import empty_note

        empty_note(ax, "no dated events")
    fig.tight_layout()
    return fig


@plain_figure
def plot_integrity(integrity: "pd.DataFrame", *, ax: "Axes | None" = None, title: str = "Flags per article, by kind") -> "Figure":
    """Stacked horizontal bars: flags per article by kind (articles in table order)."""
    from matplotlib.figure import Figure

    kinds = [k for k in KIND_COLOURS if k in integrity.columns]
    frame = integrity.reset_index(drop=True)
    if ax is None:
        fig = Figure(figsize=(8.0, 0.32 * max(1, len(frame)) + 1.6))
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    left = [0.0] * len(frame)
    for kind in kinds:
        values = [float(v) for v in frame[kind]]
        ax.barh(range(len(frame)), values, left=left, color=KIND_COLOURS[kind], edgecolor="#555555", linewidth=0.4, label=kind)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(range(len(frame)))
    ax.set_yticklabels([str(a)[:38] for a in frame.article_id], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("flags")
    ax.set_title(title)
    if kinds and len(frame):
        ax.legend(fontsize=7, loc="lower right")
    else:
        from ._text import empty_note

        empty_note(ax, "no articles" if not len(frame) else "no flag kinds to show")
    fig.tight_layout()
    return fig


__all__ = ["KIND_COLOURS", "explain_flags", "plot_integrity", "plot_timeline", "render_flags"]

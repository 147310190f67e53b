"""Side-by-side view of two versions with their edits highlighted and explained.

Both texts are untrusted input: they go through :func:`analystkit.display.render_spans`,
which HTML-escapes every character, and every highlight is cut at the edit's exact
offsets (``text_a[start_a:end_a]``), so what is marked is exactly what the table says.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..display import HTML, PALETTE, render_spans

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .compare import Comparison

#: Highlight colour per severity (the label shown is the edit kind).
SEVERITY_COLOURS = {"high": PALETTE["vermillion"], "medium": PALETTE["orange"], "low": PALETTE["sky"]}
#: Edits spanning whole sentences are listed, not marked, when smaller edits sit inside them.
_WHOLE = ("sentence_split", "sentences_merged", "sentence_dropped", "sentence_added")


def edit_spans(edits: "pd.DataFrame", side: str) -> list[dict]:
    """Spans for :func:`~analystkit.display.render_spans` of one side (``"a"`` or ``"b"``), labelled by kind."""
    spans = []
    for e in edits.itertuples(index=False):
        start, end = int(getattr(e, f"start_{side}")), int(getattr(e, f"end_{side}"))
        if end <= start:
            continue
        spans.append({"start": start, "end": end, "label": str(e.kind), "tooltip": f"#{e.edit_id} ({e.severity}) {e.explanation}"})
    return spans


def side_by_side(comparison: "Comparison", *, title_a: str | None = None, title_b: str | None = None, explain: bool = True, max_items: int = 60) -> HTML:
    """Version A and version B in two columns, each edit marked in both (hover for its
    explanation), and below them a numbered list of the edits in reading order."""
    edits = comparison.edits
    colours = _colours(edits)
    left = render_spans(comparison.text_a, edit_spans(edits, "a"), colours=colours, title=title_a or f"A: {comparison.article_a}", legend=False).markup
    right = render_spans(comparison.text_b, edit_spans(edits, "b"), colours=colours, title=title_b or f"B: {comparison.article_b}", legend=False).markup
    key = " ".join(
        f"<mark style='background:{colours[k]};padding:0 4px;border-radius:3px'>{html.escape(k.replace('_', ' '))}</mark>"
        for k in sorted(colours)
    )
    table = (
        "<table style='width:100%;table-layout:fixed;border-collapse:collapse'><tr>"
        f"<td style='vertical-align:top;text-align:left;padding:4px 8px;border-right:1px solid #ccc'>{left}</td>"
        f"<td style='vertical-align:top;text-align:left;padding:4px 8px'>{right}</td></tr></table>"
    )
    notes = explain_edits(edits, max_items=max_items).markup if explain else ""
    verdict = f"<p style='margin:4px 0'><b>{html.escape(comparison.verdict)}</b></p>"
    return HTML(f"<div class='ak-compare'>{verdict}<div style='margin:4px 0;font-size:90%'>{key}</div>{table}{notes}</div>")


def explain_edits(edits: "pd.DataFrame", *, max_items: int = 60) -> HTML:
    """The edits as a numbered list, most severe first within reading order kept: kind, severity, what it does."""
    if edits is None or not len(edits):
        return HTML("<p>No edits: the two versions say the same words.</p>")
    items = []
    for e in edits.head(max_items).itertuples(index=False):
        items.append(
            f"<li><b>{html.escape(str(e.kind).replace('_', ' '))}</b> "
            f"<span style='color:#555'>({html.escape(str(e.severity))})</span>: {html.escape(str(e.explanation))}</li>"
        )
    more = f"<p>… and {len(edits) - max_items} more edits (see the table).</p>" if len(edits) > max_items else ""
    return HTML(f"<ol start='0' class='ak-edits' style='font-size:90%'>{''.join(items)}</ol>{more}")


def _colours(edits: "pd.DataFrame") -> dict[str, str]:
    colours: dict[str, str] = {}
    if edits is None or not len(edits):
        return colours
    worst = {"high": 0, "medium": 1, "low": 2}
    for kind, severity in sorted(zip(edits["kind"], edits["severity"]), key=lambda ks: worst.get(ks[1], 3)):
        colours.setdefault(str(kind), SEVERITY_COLOURS.get(str(severity), PALETTE["grey"]))
    return colours


__all__ = ["SEVERITY_COLOURS", "edit_spans", "explain_edits", "side_by_side"]

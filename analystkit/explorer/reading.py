"""The reading pane: one claim in its article, with sources, cues, hedges and actors marked.

The article text is untrusted: it goes through :func:`analystkit.display.render_spans`,
which HTML-escapes every character of it. By default only a window of sentences
around the claim is shown, so the claim is in view without any script (the page
stays offline and static); ``whole=True`` shows the whole article.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ..display import HTML, PALETTE, render_spans
from ..views import actor_mentions
from .index import ClaimIndex

#: Highlight colours by label (the claim is the one yellow mark).
COLOURS = {
    "claim": PALETTE["yellow"],
    "source": PALETTE["blue"],
    "cue": PALETTE["orange"],
    "hedge": PALETTE["vermillion"],
    "actor": PALETTE["green"],
}
#: Characters shown either side of the claim when there is no sentences table.
WINDOW_CHARS = 600


def claim_spans(index: ClaimIndex, row: int, *, start: int = 0, end: int | None = None) -> list[dict[str, Any]]:
    """The spans to highlight for the claim at row position ``row``: the claim,
    its source and cue, and the hedges and actor mentions between ``start`` and ``end``.

    Spans that cross the claim's boundary are cut at it, so the claim is always one
    whole mark.
    """
    claim = index.claims.iloc[row]
    article_id = str(claim["article_id"])
    end = len(index.texts.get(article_id, "")) if end is None else end
    c_start, c_end = int(claim["start"]), int(claim["end"])
    tip = f"{claim.get('claim_id', '')} · {claim.get('source_type', '')}"
    if "certainty" in claim and pd.notna(claim["certainty"]):
        tip += f" · certainty {float(claim['certainty']):.2f}"
    spans: list[dict[str, Any]] = [{"start": c_start, "end": c_end, "label": "claim", "tooltip": tip}]
    for label, s_col, e_col, tooltip in (("source", "source_start", "source_end", f"{claim.get('source_type', '')} {claim.get('source_actor', '') or ''}".strip()), ("cue", "cue_start", "cue_end", str(claim.get("cue", "")))):
        if s_col in claim and int(claim[s_col]) >= 0 and int(claim[e_col]) > int(claim[s_col]):
            spans.append({"start": int(claim[s_col]), "end": int(claim[e_col]), "label": label, "tooltip": tooltip})
    hedges = _in_window(index.rows_of("hedges", article_id), start, end)
    for h in hedges.itertuples(index=False):
        spans.append({"start": h.start, "end": h.end, "label": "hedge", "tooltip": f"{getattr(h, 'category', '')}, p={getattr(h, 'probability', '')}"})
    entities = _in_window(index.rows_of("entities", article_id), start, end)
    if "actor" in entities:
        for e in actor_mentions(entities).itertuples(index=False):
            spans.append({"start": e.start, "end": e.end, "label": "actor", "tooltip": str(e.actor)})
    return [_fit_around(span, c_start, c_end) for span in spans[:1]] + [s for s in (_fit_around(span, c_start, c_end) for span in spans[1:]) if s["end"] > s["start"]]


def claim_window(index: ClaimIndex, row: int, *, context: int = 2) -> tuple[int, int]:
    """Character offsets of the claim's sentences plus ``context`` sentences either side."""
    claim = index.claims.iloc[row]
    article_id = str(claim["article_id"])
    text = index.texts.get(article_id, "")
    c_start, c_end = int(claim["start"]), int(claim["end"])
    sentences = index.rows_of("sentences", article_id)
    if sentences.empty:
        return max(0, c_start - WINDOW_CHARS), min(len(text), c_end + WINDOW_CHARS)
    sentences = sentences.sort_values("start")
    starts, ends = sentences["start"].to_numpy(), sentences["end"].to_numpy()
    first = max(0, int((ends <= c_start).sum()) - context)  # sentences wholly before the claim
    last = min(len(sentences) - 1, int((starts < c_end).sum()) - 1 + context)
    return min(int(starts[first]), c_start), max(int(ends[max(last, first)]), c_end)


def render_claim(index: ClaimIndex, row: int, *, context: int = 2, whole: bool = False, flags: bool = True) -> HTML:
    """The reading pane for the claim at row position ``row`` (an HTML fragment).

    A header (article title, outlet, date, the claim's source, cue and certainty),
    the article text around the claim with its spans marked, and the integrity flags
    of that passage listed below it (not marked: a flag's span often crosses the claim).
    """
    claim = index.claims.iloc[row]
    article_id = str(claim["article_id"])
    text = index.texts.get(article_id)
    if text is None:
        return HTML(f"<div class='ak-reading'><p>No text for article {html.escape(article_id)}.</p></div>")
    start, end = (0, len(text)) if whole else claim_window(index, row, context=context)
    body = render_spans(text, claim_spans(index, row, start=start, end=end), colours=COLOURS, start=start, end=end).markup
    before = "<p style='color:#666;margin:2px 0'>…</p>" if start > 0 else ""
    after = "<p style='color:#666;margin:2px 0'>…</p>" if end < len(text) else ""
    notes = _flag_notes(index, article_id, start, end) if flags else ""
    return HTML(f"<div class='ak-reading' data-claim='{html.escape(article_id, quote=True)}:{html.escape(str(claim.get('claim_id', '')), quote=True)}'>{_header(claim)}{before}{body}{after}{notes}</div>")


def _header(claim: pd.Series) -> str:
    title = str(claim.get("title", "") or claim["article_id"])
    meta = [str(claim["article_id"])]
    if claim.get("outlet"):
        meta.append(str(claim["outlet"]))
    published = claim.get("published")
    if published is not None and pd.notna(published):
        meta.append(pd.Timestamp(published).strftime("%Y-%m-%d"))
    source = str(claim.get("source_text", "") or "") or "(no source words)"
    facts = [
        ("claim", str(claim.get("claim_id", ""))),
        ("source", f"{source} — {claim.get('source_type', '')}" + (f" ({claim['source_actor']})" if claim.get("source_actor") else "")),
        ("cue", str(claim.get("cue", "") or "—")),
        ("hedged", "yes" if bool(claim.get("hedged", False)) else "no"),
    ]
    if "certainty" in claim and pd.notna(claim["certainty"]):
        facts.append(("certainty", f"{float(claim['certainty']):.2f}"))
    items = " · ".join(f"<b>{html.escape(k)}</b> {html.escape(v)}" for k, v in facts)
    return (
        f"<h4 style='margin:4px 0'>{html.escape(title)}</h4>"
        f"<div style='color:#555;font-size:90%'>{html.escape(' · '.join(meta))}</div>"
        f"<div style='margin:4px 0;font-size:90%'>{items}</div>"
    )


def _flag_notes(index: ClaimIndex, article_id: str, start: int, end: int) -> str:
    flags = _in_window(index.rows_of("flags", article_id), start, end)
    if flags.empty:
        return ""
    items = "".join(
        f"<li><b>{html.escape(str(f.kind))}</b> ({html.escape(str(getattr(f, 'severity', '')))}): {html.escape(str(getattr(f, 'message', '')))}</li>"
        for f in flags.sort_values("start").itertuples(index=False)
    )
    return f"<div class='ak-flags' style='font-size:90%;margin-top:6px'>Integrity flags in this passage:<ul style='margin:2px 0'>{items}</ul></div>"


def _in_window(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    if frame.empty or "start" not in frame:
        return frame
    return frame[(frame["end"] > start) & (frame["start"] < end) & (frame["start"] >= 0)]


def _fit_around(span: dict[str, Any], c_start: int, c_end: int) -> dict[str, Any]:
    """Cut a span that crosses the claim's boundary at that boundary (keep its larger part)."""
    s, e = int(span["start"]), int(span["end"])
    crosses_start = s < c_start < e < c_end
    crosses_end = c_start < s < c_end < e
    if crosses_start:
        s, e = (s, c_start) if c_start - s >= e - c_start else (c_start, e)
    elif crosses_end:
        s, e = (s, c_end) if c_end - s >= e - c_end else (c_end, e)
    return {**span, "start": s, "end": e}


__all__ = ["COLOURS", "claim_spans", "claim_window", "render_claim"]

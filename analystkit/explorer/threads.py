"""The claim-thread view of the explorer: one claim followed across articles, in order of publication.

Plain functions over the ``claim_threads`` table (:mod:`analystkit.provenance.threads`),
no widgets, so a notebook or the app can use them alike:

* :func:`filter_threads` — the threads that match a search, an article, a source drift;
* :func:`render_thread` — one thread as an HTML pane: each appearance with its date,
  article, source, certainty and drift, and the claim highlighted in its sentence
  (article text HTML-escaped by :func:`analystkit.display.render_spans`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from ..display import HTML, PALETTE, render_spans

#: Colour of the claim in each appearance, by how its sourcing drifted from the first.
DRIFT_COLOURS = {
    "first": PALETTE["yellow"], "same": PALETTE["yellow"], "changed": PALETTE["orange"],
    "dropped": PALETTE["vermillion"], "added": PALETTE["green"],
}
#: Characters of context shown either side of each appearance.
CONTEXT_CHARS = 160


def filter_threads(
    threads: pd.DataFrame,
    *,
    search: str = "",
    articles: str | tuple[str, ...] = (),
    drift: str | tuple[str, ...] = (),
    min_articles: int = 2,
) -> pd.DataFrame:
    """The rows of the threads that match: every criterion must hold for some row of the thread.

    Args:
        threads: the ``claim_threads`` table.
        search: case-insensitive text that one of the thread's claims contains.
        articles: threads that pass through one of these articles.
        drift: threads with at least one appearance of one of these ``source_drift`` values
            (``"dropped"``: somewhere along the way the source was lost).
        min_articles: threads reaching at least this many articles.
    """
    if threads.empty:
        return threads
    keep = threads.groupby("thread_id")["article_id"].transform("nunique") >= min_articles
    ids = set(threads.loc[keep, "thread_id"])
    for column, values in (("article_id", articles), ("source_drift", drift)):
        values = (values,) if isinstance(values, str) else tuple(values)
        if values:
            ids &= set(threads.loc[threads[column].isin(values), "thread_id"])
    if search.strip():
        hit = threads["text"].astype(str).str.contains(search.strip(), case=False, regex=False)
        ids &= set(threads.loc[hit, "thread_id"])
    return threads[threads["thread_id"].isin(ids)].sort_values(["thread_id", "position"])


def render_thread(threads: pd.DataFrame, thread_id: int, texts: Mapping[str, str], *, titles: Mapping[str, str] | None = None) -> HTML:
    """One thread as an HTML pane, first appearance at the top.

    ``texts`` maps article ids to their text (``corpus.articles.set_index("article_id").text``);
    ``titles`` optionally maps them to titles.
    """
    rows = threads[threads["thread_id"] == thread_id].sort_values("position")
    if rows.empty:
        return HTML(f"<div class='ak-thread'><p>No claim thread {html.escape(str(thread_id))}.</p></div>")
    items = []
    for row in rows.itertuples(index=False):
        text = texts.get(row.article_id, "")
        start, end = int(row.start), int(row.end)
        window = (max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS))
        span = [{"start": start, "end": end, "label": str(row.source_drift), "tooltip": f"certainty {float(row.certainty):.2f}"}]
        body = render_spans(text, span, colours=DRIFT_COLOURS, start=window[0], end=window[1], legend=False).markup if text else ""
        date = pd.Timestamp(row.published).strftime("%Y-%m-%d") if pd.notna(row.published) else "undated"
        title = (titles or {}).get(row.article_id, "") or row.article_id
        source = str(row.source_text or "") or "(the author's voice)"
        change = "" if row.position == 0 else f" · certainty change {float(row.certainty_change):+.2f}"
        items.append(
            f"<li style='margin:6px 0'><b>{html.escape(date)}</b> — {html.escape(str(title))}<br>"
            f"<span style='font-size:90%;color:#444'>source: {html.escape(source)} ({html.escape(str(row.source_type))}) · "
            f"certainty {float(row.certainty):.2f}{html.escape(change)} · drift: <b>{html.escape(str(row.source_drift))}</b> · "
            f"similarity to the first {float(row.similarity):.2f}</span>{body}</li>"
        )
    head = f"<h4 style='margin:4px 0'>Claim thread {int(thread_id)}: {len(rows)} articles</h4>"
    return HTML(f"<div class='ak-thread'>{head}<ol start='0' style='padding-left:1.4em'>{''.join(items)}</ol></div>")


__all__ = ["DRIFT_COLOURS", "filter_threads", "render_thread"]

"""Display helpers: render in Jupyter, return HTML elsewhere.

Article text is untrusted input: every piece of it is HTML-escaped before it is
wrapped in markup, so a ``<script>`` in an article shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: A colour-blind-safe palette (Okabe-Ito), light tints for backgrounds.
PALETTE = {
    "blue": "#cfe3f5", "orange": "#fde0b8", "green": "#c9eadb", "yellow": "#fbf3b0",
    "sky": "#d6eefb", "vermillion": "#f9cdb9", "purple": "#ecd5e6", "grey": "#e6e6e6",
}
_ORDER = list(PALETTE)


@dataclass
class HTML:
    """An HTML fragment that Jupyter renders and that ``str()`` returns as markup."""

    markup: str

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:  # plain-text fallback (nbval compares this)
        return f"<analystkit HTML, {len(self.markup)} characters>"


def colour_for(label: str, labels: Iterable[str]) -> str:
    ordered = sorted(set(labels))
    index = ordered.index(label) if label in ordered else 0
    return PALETTE[_ORDER[index % len(_ORDER)]]


def render_spans(
    text: str,
    spans: Iterable[Mapping],
    *,
    colours: Mapping[str, str] | None = None,
    title: str | None = None,
    start: int = 0,
    end: int | None = None,
    legend: bool = True,
) -> HTML:
    """Highlight character spans of ``text``.

    Each span is a mapping with ``start``, ``end``, ``label`` and optionally
    ``tooltip``. Overlapping spans are nested when they nest and otherwise the later
    one is clipped, so the text itself is always shown exactly once. ``start`` /
    ``end`` select a window of the text (offsets stay those of the full text).
    """
    end = len(text) if end is None else end
    items = sorted(
        ({"start": int(s["start"]), "end": int(s["end"]), "label": str(s.get("label", "")), "tooltip": str(s.get("tooltip", "") or "")} for s in spans),
        key=lambda s: (s["start"], -s["end"]),
    )
    items = [s for s in items if s["end"] > start and s["start"] < end and s["end"] > s["start"]]
    labels = [s["label"] for s in items]
    colours = dict(colours or {})
    for label in sorted(set(labels)):
        colours.setdefault(label, colour_for(label, labels))
    out: list[str] = []
    stack: list[int] = []  # end offsets of open spans
    pos = start
    for span in items:
        s_start = max(span["start"], pos, start)
        s_end = min(span["end"], end)
        while stack and stack[-1] <= s_start:
            out.append(_esc(text[pos:stack[-1]]) + "</mark>")
            pos = stack.pop()
        if stack and s_end > stack[-1]:
            s_end = stack[-1]  # clip a crossing span to its container
        if s_start >= s_end:
            continue
        out.append(_esc(text[pos:s_start]))
        tip = html.escape(f"{span['label']}: {span['tooltip']}" if span["tooltip"] else span["label"], quote=True)
        out.append(
            f'<mark class="ak-span" data-label="{html.escape(span["label"], quote=True)}" title="{tip}" '
            f'style="background:{colours[span["label"]]};padding:0 2px;border-radius:3px">'
        )
        pos = s_start
        stack.append(s_end)
    while stack:
        close = stack.pop()
        out.append(_esc(text[pos:close]) + "</mark>")
        pos = close
    out.append(_esc(text[pos:end]))
    body = "".join(out)
    head = f"<h4 style='margin:4px 0'>{html.escape(title)}</h4>" if title else ""
    key = ""
    if legend and colours and labels:
        key = "<div style='margin:4px 0;font-size:90%'>" + " ".join(
            f"<mark style='background:{colours[label]};padding:0 4px;border-radius:3px'>{html.escape(label)}</mark>"
            for label in sorted(set(labels))
        ) + "</div>"
    # A long article scrolls inside its box (a report over thousands of articles may pick a
    # 40-screen one as its focus); the report's print style opens the box to its full length.
    return HTML(
        f"<div class='ak-article'>{head}{key}<div class='ak-article-body' "
        f"style='white-space:pre-wrap;line-height:1.6;max-width:60em;max-height:45em;overflow-y:auto'>{body}</div></div>"
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def show(obj) -> None:
    """Display ``obj`` in Jupyter, or print its HTML outside it."""
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display(obj)
            return
    except ImportError:  # pragma: no cover
        pass
    print(str(obj))


# --------------------------------------------------------------------------- tables
#: Rows a table shows at most (the rest is counted under it): a page stays light at any corpus size.
TABLE_ROWS = 500


@dataclass
class Table:
    """A DataFrame shown as an interactive table (sort, search, pages; no network: the
    DataTables bundle is embedded by :func:`analystkit.setup`), and as plain text elsewhere.

    At most ``max_rows`` rows are shown; the text under the table says how many there are.
    """

    frame: "Any"
    caption: str = ""
    max_rows: int = TABLE_ROWS
    page_length: int = 10

    @property
    def shown(self) -> "Any":
        return self.frame.head(self.max_rows)

    @property
    def more(self) -> int:
        return max(0, len(self.frame) - self.max_rows)

    def note(self) -> str:
        if not len(self.frame):
            return "(no rows)"
        return f"{len(self.frame):,} rows" + (f"; the first {self.max_rows:,} are shown" if self.more else "")

    def _repr_html_(self) -> str:
        from itables import to_html_datatable

        frame = _for_display(self.shown)
        if not len(frame):
            return f"<p class='ak-table-empty'>{html.escape(self.caption + ': ' if self.caption else '')}no rows.</p>"
        body = to_html_datatable(
            frame, connected=False, display_logo_when_loading=False, maxBytes=0, showIndex=False,
            pageLength=self.page_length, classes="display compact cell-border", allow_html=False,
            caption=self.caption or None,
        )
        return f"<div class='ak-table'>{body}<p style='font-size:85%;color:#555;margin:2px 0 10px'>{html.escape(self.note())}</p></div>"

    def __repr__(self) -> str:  # plain text (nbval compares this): the rows as pandas prints them
        import pandas as pd

        with pd.option_context("display.max_rows", 20, "display.min_rows", 10, "display.max_colwidth", 60, "display.width", 200):
            text = repr(_for_display(self.shown).reset_index(drop=True)) if len(self.frame) else "(no rows)"
        return (f"{self.caption}\n" if self.caption else "") + text + f"\n[{self.note()}]"


def table(frame: "Any", *, caption: str = "", max_rows: int = TABLE_ROWS, page_length: int = 10) -> Table:
    """``frame`` as an interactive table in notebooks and reports (:class:`Table`)."""
    return Table(frame, caption=caption, max_rows=max_rows, page_length=page_length)


def _for_display(frame: "Any") -> "Any":
    """Dates as dates (no midnight times), text kept as text; the index becomes columns when it is named."""
    import pandas as pd

    out = frame.copy()
    if any(name is not None for name in out.index.names):
        out = out.reset_index()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%Y-%m-%d").fillna("")
    return out


def frame_html(frame: "Any", *, title: str = "", max_rows: int = TABLE_ROWS) -> str:
    """``frame`` as a static, escaped HTML table under a heading (for widgets that redraw it)."""
    shown = _for_display(frame.head(max_rows))
    more = f"<p style='font-size:85%;color:#555'>and {len(frame) - max_rows:,} more</p>" if len(frame) > max_rows else ""
    head = f"<h4 style='margin:0.8em 0 0.3em'>{html.escape(title)}</h4>" if title else ""
    return head + shown.to_html(index=False, escape=True, border=0, classes="ak-frame") + more


def init_tables() -> None:
    """Load the DataTables bundle into the notebook once, offline (no CDN)."""
    try:
        import itables
    except ImportError:  # pragma: no cover - the kit pins it
        return
    itables.init_notebook_mode(all_interactive=False, connected=False)


__all__ = ["HTML", "PALETTE", "TABLE_ROWS", "Table", "colour_for", "frame_html", "init_tables", "render_spans", "show", "table"]

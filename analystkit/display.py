"""Display helpers: render in Jupyter, return HTML elsewhere.

Article text is untrusted input: every piece of it is HTML-escaped before it is
wrapped in markup, so a ``<script>`` in an article shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
    return HTML(f"<div class='ak-article'>{head}{key}<div style='white-space:pre-wrap;line-height:1.6;max-width:60em'>{body}</div></div>")


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


__all__ = ["HTML", "PALETTE", "colour_for", "render_spans", "show"]

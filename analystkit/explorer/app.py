"""``ak.explore(corpus)``: the ipywidgets app — filters, a paged claims table, a reading pane.

    app = ak.explore(corpus)                       # shows the app in Jupyter
    app = ak.explore(corpus, display=False)        # build it only (tests, static cells)
    app.hedged.value = "hedged"; app.result        # set a filter, read the matching claims
    app.export("selection.xlsx")

All the logic is in :mod:`.filters` (what matches), :mod:`.reading` (the pane) and
:mod:`.export`; this module only wires widgets to them. The index is built once, so
a filter change costs one boolean mask over the claims table and one page of HTML.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from .export import export_claims
from .filters import ALL, ClaimQuery, clamp_page, count_pages, mask_claims, page_of
from .index import ClaimIndex, index_claims
from .reading import render_claim

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets as widgets

    from ..corpus import Corpus

#: Columns of the result table: (claims column, header).
TABLE_COLUMNS = [
    ("article_id", "article"), ("claim_id", "claim"), ("source_type", "source type"), ("source_text", "source"),
    ("cue", "cue"), ("hedged", "hedged"), ("certainty", "certainty"), ("text", "claim text"),
]
HEDGED_OPTIONS = ("any", "hedged", "unhedged")
#: How many actors the actor box offers as you type (most claims first): a corpus of thousands of
#: articles names tens of thousands, and every option is sent to the browser with the widget.
ACTOR_OPTIONS = 1000
#: The explorer's controls, in display order (``source_actor``, the speaker only, is opt-in).
CONTROLS = ("article", "outlet", "date_from", "date_to", "actor", "source_type", "hedged", "certainty", "flag_kind", "search")


def claims_table_html(page: pd.DataFrame, *, first: int = 1, selected: int | None = None, max_chars: int = 140) -> str:
    """One page of claims as an HTML table (every cell escaped); ``selected`` is a row position to highlight."""
    head = "".join(f"<th style='text-align:left;padding:2px 6px'>{html.escape(label)}</th>" for _, label in [("", "#"), *TABLE_COLUMNS])
    rows = []
    for number, (position, claim) in enumerate(page.iterrows(), start=first):
        style = " style='background:#fbf3b0'" if position == selected else ""
        cells = [f"<td style='padding:2px 6px'>{number}</td>"]
        for column, _ in TABLE_COLUMNS:
            value = claim.get(column, "")
            if column == "hedged":
                value = "yes" if bool(value) else ""
            elif column == "certainty" and pd.notna(value):
                value = f"{float(value):.2f}"
            value = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
            if len(value) > max_chars:
                value = value[: max_chars - 1] + "…"
            cells.append(f"<td style='padding:2px 6px;vertical-align:top'>{html.escape(value)}</td>")
        rows.append(f"<tr data-row='{int(position)}'{style}>{''.join(cells)}</tr>")
    if not rows:
        rows.append(f"<tr><td colspan='{len(TABLE_COLUMNS) + 1}' style='padding:6px'>No claim matches these filters.</td></tr>")
    return f"<table class='ak-claims' style='border-collapse:collapse;font-size:90%'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def claim_label(number: int, claim: pd.Series, *, max_chars: int = 90) -> str:
    """A one-line label for the claim chooser: ``3 · article 4.1 · Ukrainian officials: that any…``."""
    source = str(claim.get("source_text", "") or claim.get("source_type", ""))
    text = str(claim.get("text", ""))
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return f"{number} · {claim['article_id']} {claim.get('claim_id', '')} · {source}: {text}"


def filter_controls(index: ClaimIndex, *, which: tuple[str, ...] | None = None) -> dict[str, "widgets.Widget"]:
    """The filter widgets for ``index`` by name: :data:`CONTROLS` by default, or those
    named in ``which`` (which may add ``source_actor``, a dropdown of speakers).

    Options come from the data; a control whose data is missing (no flags table, no
    outlets) is left out. :func:`query_from` reads them back into a :class:`ClaimQuery`.
    """
    import ipywidgets as widgets

    claims = index.claims
    narrow = widgets.Layout(width="19em")
    style = {"description_width": "6em"}
    controls: dict[str, widgets.Widget] = {}
    wanted = set(CONTROLS if which is None else which)

    def want(name: str) -> bool:
        return name in wanted

    if want("article"):
        titles = dict(zip(claims["article_id"], claims["title"])) if "title" in claims else {}
        ids = sorted(claims["article_id"].astype(str).unique())
        options = [(ALL, ALL)] + [(f"{a} — {str(titles.get(a, '') or '')[:50]}".rstrip(" —"), a) for a in ids]
        controls["article"] = widgets.Dropdown(options=options, value=ALL, description="Article", layout=narrow, style=style)
    if want("outlet") and index.values("outlet"):
        controls["outlet"] = widgets.Dropdown(options=[ALL, *index.values("outlet")], value=ALL, description="Outlet", layout=narrow, style=style)
    if "published" in claims and claims["published"].notna().any():
        if want("date_from"):
            controls["date_from"] = widgets.DatePicker(description="From", value=None, layout=narrow, style=style)
        if want("date_to"):
            controls["date_to"] = widgets.DatePicker(description="To", value=None, layout=narrow, style=style)
    if want("actor"):
        # The list under the box offers the most-claimed actors; any other name typed in still filters.
        controls["actor"] = widgets.Combobox(options=index.actors()[:ACTOR_OPTIONS], value="", placeholder="any actor (type a name)", description="Actor", ensure_option=False, layout=narrow, style=style)
    if want("source_type"):
        controls["source_type"] = widgets.Dropdown(options=[ALL, *index.values("source_type")], value=ALL, description="Source", layout=narrow, style=style)
    if want("source_actor"):
        speakers = claims["source_actor"].dropna().astype(str) if "source_actor" in claims else pd.Series(dtype=str)
        counts = speakers[speakers != ""].value_counts()
        speakers = sorted(sorted(counts.index, key=lambda a: (-counts[a], a))[:ACTOR_OPTIONS])  # the most quoted, A to Z
        controls["source_actor"] = widgets.Dropdown(options=[ALL, *speakers], value=ALL, description="Speaker", layout=narrow, style=style)
    if want("hedged") and "hedged" in claims:
        controls["hedged"] = widgets.ToggleButtons(options=list(HEDGED_OPTIONS), value="any", description="Hedged", layout=widgets.Layout(width="26em"), style={**style, "button_width": "5.4em"})
    if want("certainty") and "certainty" in claims:
        controls["certainty"] = widgets.FloatRangeSlider(value=(0.0, 1.0), min=0.0, max=1.0, step=0.05, description="Certainty", continuous_update=False, readout_format=".2f", layout=narrow, style=style)
    if want("flag_kind") and index.has_flags:
        controls["flag_kind"] = widgets.Dropdown(options=[ALL, *sorted(index.flag_rows or {})], value=ALL, description="Flag", layout=narrow, style=style)
    if want("search"):
        controls["search"] = widgets.Text(value="", placeholder="words in claim, source or cue ⏎", description="Search", continuous_update=False, layout=narrow, style=style)
    return controls


def query_from(controls: dict[str, Any]) -> ClaimQuery:
    """Read filter widgets (or anything with ``.value``) back into a :class:`ClaimQuery`."""
    def value(name: str, default: Any = None) -> Any:
        return controls[name].value if name in controls else default

    hedged = value("hedged", "any")
    return ClaimQuery(
        articles=value("article", ALL),
        outlets=value("outlet", ALL),
        published_from=value("date_from"),
        published_to=value("date_to"),
        actors=(value("actor", "") or "").strip(),
        source_types=value("source_type", ALL),
        source_actors=value("source_actor", ALL),
        hedged={"hedged": True, "unhedged": False}.get(hedged),
        certainty=tuple(value("certainty", (0.0, 1.0))),
        flag_kinds=value("flag_kind", ALL),
        search=value("search", "") or "",
    )


class Explorer:
    """The explorer app. ``widget`` is the ipywidgets box; the filter widgets are
    attributes (``article``, ``outlet``, ``date_from``, ``date_to``, ``actor``,
    ``source_type``, ``hedged``, ``certainty``, ``flag_kind``, ``search``) and also
    in :attr:`controls`; :attr:`result` is every matching claim, :attr:`page` the
    rows shown, :attr:`selected` the row in the reading pane.
    """

    def __init__(self, index: ClaimIndex, *, page_size: int = 25, context: int = 2):
        import ipywidgets as widgets

        self.index = index.warm()
        self.page_size = max(1, int(page_size))
        self.context = context
        self.query = ClaimQuery()
        self.result: pd.DataFrame = index.claims
        self.page_number = 0
        self.selected: int | None = None
        self._shown_in: int | None = None
        self._busy = False

        self.controls = filter_controls(index)
        for name, control in self.controls.items():
            setattr(self, name, control)
            control.observe(self._on_filter, names="value")
        self.status = widgets.HTML()
        self.previous = widgets.Button(description="◀ previous", layout=widgets.Layout(width="8em"))
        self.next = widgets.Button(description="next ▶", layout=widgets.Layout(width="8em"))
        self.previous.on_click(lambda _: self.go_to_page(self.page_number - 1))
        self.next.on_click(lambda _: self.go_to_page(self.page_number + 1))
        self.table = widgets.HTML(layout=widgets.Layout(max_height="28em", overflow="auto"))
        self.chooser = widgets.Select(options=[], rows=min(self.page_size, 12), description="", layout=widgets.Layout(width="34%"))
        self.chooser.observe(self._on_choose, names="value")
        self.whole = widgets.Checkbox(value=False, description="whole article", indent=False, layout=widgets.Layout(width="10em"))
        self.whole.observe(lambda _: self._render_reading(), names="value")
        self.reading = widgets.HTML(layout=widgets.Layout(width="64%", max_height="34em", overflow="auto", border="1px solid #ddd", padding="0 8px"))
        self.export_path = widgets.Text(value="claims-selection.xlsx", description="Export to", layout=widgets.Layout(width="22em"), style={"description_width": "5em"})
        self.export_button = widgets.Button(description="Export selection", icon="download", layout=widgets.Layout(width="11em"))
        self.export_button.on_click(lambda _: self._export_clicked())
        self.message = widgets.HTML()
        for part, name in ((self.status, "status"), (self.table, "table"), (self.chooser, "chooser"), (self.reading, "reading"), (self.previous, "previous"), (self.next, "next")):
            part.add_class(f"ak-explore-{name}")

        names = list(self.controls)
        half = (len(names) + 1) // 2
        filters = widgets.HBox([widgets.VBox([self.controls[n] for n in names[:half]]), widgets.VBox([self.controls[n] for n in names[half:]])])
        navigation = widgets.HBox([self.previous, self.next, self.status], layout=widgets.Layout(align_items="center"))
        exporting = widgets.HBox([self.export_path, self.export_button, self.message], layout=widgets.Layout(align_items="center"))
        self.widget = widgets.VBox([filters, navigation, self.table, widgets.HBox([self.chooser, widgets.VBox([self.whole, self.reading], layout=widgets.Layout(width="64%"))]), exporting])
        self.widget.add_class("ak-explore")
        self.refresh()

    # --------------------------------------------------------------- actions
    def refresh(self) -> None:
        """Re-read the filters, recompute :attr:`result` and show its first page."""
        self.query = query_from(self.controls)
        try:
            mask = mask_claims(self.index, self.query)
        except ValueError as error:  # e.g. a flag kind without a flags table
            self.message.value = f"<span style='color:#a00'>{html.escape(str(error))}</span>"
            mask = slice(0, 0)
        self.result = self.index.claims[mask]
        self.go_to_page(0)

    def go_to_page(self, page: int) -> None:
        """Show page ``page`` (from 0; clamped) and read its first claim."""
        self.page_number = clamp_page(page, len(self.result), size=self.page_size)
        page_frame = self.page
        first = self.page_number * self.page_size + 1
        self._busy = True
        try:
            self.chooser.options = [(claim_label(first + k, claim), int(position)) for k, (position, claim) in enumerate(page_frame.iterrows())]
            self.chooser.value = int(page_frame.index[0]) if len(page_frame) else None
        finally:
            self._busy = False
        self.selected = self.chooser.value
        self._render_status()
        self._render_table()
        self._render_reading()

    def select(self, row: int) -> None:
        """Read the claim at row position ``row`` (one of the current page's)."""
        self.chooser.value = int(row)

    def export(self, path: str | Path) -> Path:
        """Write every claim of :attr:`result` (all pages) to ``.csv`` or ``.xlsx``."""
        return export_claims(self.result, path)

    # ------------------------------------------------------------- read-outs
    @property
    def page(self) -> pd.DataFrame:
        """The claims of the page on show (at most ``page_size``)."""
        return page_of(self.result, self.page_number, size=self.page_size)

    @property
    def n_pages(self) -> int:
        return count_pages(len(self.result), size=self.page_size)

    def __repr__(self) -> str:
        return f"<Explorer: {len(self.result)} of {len(self.index)} claims match ({self.query.describe()}); page {self.page_number + 1} of {self.n_pages}>"

    def _ipython_display_(self) -> None:
        from IPython import get_ipython
        from IPython.display import display

        shell = get_ipython()
        count = getattr(shell, "execution_count", None)
        if self._shown_in is not None and self._shown_in == count:
            return  # already shown by ak.explore(...) in this very cell
        self._shown_in = count
        display(self.widget)

    def show(self) -> None:
        """Display the app (again) in Jupyter."""
        self._shown_in = None
        self._ipython_display_()

    # --------------------------------------------------------------- private
    def _on_filter(self, _change: dict) -> None:
        self.message.value = ""
        self.refresh()

    def _on_choose(self, change: dict) -> None:
        if self._busy:
            return
        self.selected = change["new"]
        self._render_table()
        self._render_reading()

    def _render_status(self) -> None:
        n, total = len(self.result), len(self.index)
        self.status.value = (
            f"<span class='ak-explore-count'><b>{n:,}</b> of {total:,} claims</span> · page {self.page_number + 1} of {self.n_pages}"
            f" · <span style='color:#555'>{html.escape(self.query.describe())}</span>"
        )
        self.previous.disabled = self.page_number == 0
        self.next.disabled = self.page_number >= self.n_pages - 1

    def _render_table(self) -> None:
        self.table.value = claims_table_html(self.page, first=self.page_number * self.page_size + 1, selected=self.selected)

    def _render_reading(self) -> None:
        if self.selected is None:
            self.reading.value = "<p>No claim selected.</p>"
            return
        self.reading.value = render_claim(self.index, int(self.selected), context=self.context, whole=self.whole.value).markup

    def _export_clicked(self) -> None:
        try:
            path = self.export(self.export_path.value.strip())
        except (OSError, ValueError) as error:
            self.message.value = f"<span style='color:#a00'>{html.escape(str(error))}</span>"
        else:
            self.message.value = f"{len(self.result):,} claims written to {html.escape(str(path))}"


def explore(
    corpus: "Corpus | ClaimIndex | dict[str, pd.DataFrame] | pd.DataFrame",
    *,
    display: bool = True,
    page_size: int = 25,
    context: int = 2,
    scope: Literal["span", "sentence"] = "span",
) -> Explorer:
    """Explore a corpus's claims: filters, a paged table and a reading pane.

    Args:
        corpus: a :class:`~analystkit.Corpus`, its tables (a dict of DataFrames) or a
            prebuilt :class:`~analystkit.explorer.index.ClaimIndex`.
        display: show the app now (in Jupyter); ``False`` only builds it.
        page_size: claims per page of the table.
        context: sentences shown either side of the claim in the reading pane.
        scope: which entities make a claim "about" an actor (see :mod:`.index`).

    Returns:
        The :class:`Explorer`; ``app.widget`` is its ipywidgets box.
    """
    index = corpus if isinstance(corpus, ClaimIndex) else index_claims(corpus, scope=scope)
    app = Explorer(index, page_size=page_size, context=context)
    if display:
        app._ipython_display_()
    return app


__all__ = ["CONTROLS", "Explorer", "claim_label", "claims_table_html", "explore", "filter_controls", "query_from"]

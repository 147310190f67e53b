"""An ipywidgets filter over the claims table: by source type and by actor.

In a live notebook the dropdowns refilter the table; in a static report (no
kernel) show :func:`filter_claims` output instead, which is the same table.
Built from the explorer's parts (:mod:`analystkit.explorer`): its filter model
and its filter controls; ``ak.explore(corpus)`` is the full-featured version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..explorer.filters import ALL, ClaimQuery, mask_claims

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

COLUMNS = ["article_id", "claim_id", "source_type", "source_text", "source_actor", "cue", "quote_type", "text"]


def filter_claims(claims: "pd.DataFrame", *, source_type: str = ALL, actor: str = ALL, columns: list[str] | None = None) -> "pd.DataFrame":
    """The claims of one source type and/or one actor (``"(all)"`` keeps everything).

    ``actor`` is the claim's *source* actor (who says it), as in the sourcing table.
    """
    mask = mask_claims(claims, ClaimQuery(source_types=source_type, source_actors=actor))
    return claims[mask][columns or COLUMNS].reset_index(drop=True)


def claims_filter(claims: "pd.DataFrame", *, max_rows: int = 30) -> Any:
    """A widget: two dropdowns (source type, actor) above the filtered claims table."""
    import ipywidgets as widgets

    from ..display import frame_html
    from ..explorer.app import filter_controls, query_from
    from ..explorer.index import index_claims

    controls = filter_controls(index_claims(claims), which=("source_type", "source_actor"))
    controls["source_type"].description = "Source type"
    controls["source_actor"].description = "Actor"
    view = widgets.HTML()

    def refresh(*_: Any) -> None:
        # Written into an HTML widget, not printed into an Output widget (see widgets.actors).
        query = query_from(controls)
        frame = filter_claims(claims, source_type=query.source_types[0] if query.source_types else ALL, actor=query.source_actors[0] if query.source_actors else ALL)
        view.value = frame_html(frame, title=f"{len(frame)} claims", max_rows=max_rows)

    for control in controls.values():
        control.observe(refresh, names="value")
    refresh()
    return widgets.VBox([widgets.HBox(list(controls.values())), view])


__all__ = ["ALL", "claims_filter", "filter_claims"]

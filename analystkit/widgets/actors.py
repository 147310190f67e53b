"""Pick an actor, see its sentences, what it does, what is done to it and what it says.

In a live notebook the dropdown refreshes the four tables; in a static report (no
kernel) show :func:`analystkit.plots.actors.actor_profile` for the actors of
interest instead — the same tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..plots.actors import actor_profile

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TITLES = {
    "sentences": "Sentences that mention it",
    "does": "What it does (agent)",
    "done_to": "What is done to it (patient)",
    "says": "What it is quoted as saying (claims it is the source of)",
}


def actor_picker(tables: dict[str, "pd.DataFrame"], *, actors: list[str] | None = None, max_rows: int = 15) -> Any:
    """A dropdown of actors (most mentioned first; the :data:`~analystkit.explorer.app.ACTOR_OPTIONS`
    most mentioned unless ``actors`` names them) above the actor's four tables."""
    import ipywidgets as widgets

    from ..display import frame_html
    from ..explorer.app import ACTOR_OPTIONS

    names = actors or tables["actors"]["actor"].head(ACTOR_OPTIONS).tolist()
    box = widgets.Dropdown(options=names, value=names[0] if names else None, description="Actor")
    view = widgets.HTML()

    def refresh(*_: Any) -> None:
        # The tables are written into an HTML widget, not printed into an Output widget: capturing
        # output from a callback can leave a notebook run by papermill waiting for ever.
        if box.value is None:
            view.value = ""
            return
        view.value = "".join(frame_html(frame, title=f"{TITLES[name]}: {len(frame)}", max_rows=max_rows) for name, frame in actor_profile(tables, box.value).items())

    box.observe(refresh, names="value")
    refresh()
    return widgets.VBox([box, view])


__all__ = ["TITLES", "actor_picker"]

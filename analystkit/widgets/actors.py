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
    """A dropdown of actors (most mentioned first) above the actor's four tables."""
    import ipywidgets as widgets
    from IPython.display import display

    names = actors or tables["actors"]["actor"].tolist()
    box = widgets.Dropdown(options=names, value=names[0] if names else None, description="Actor")
    out = widgets.Output()

    def refresh(*_: Any) -> None:
        out.clear_output()
        if box.value is None:
            return
        with out:
            for name, frame in actor_profile(tables, box.value).items():
                print(f"{TITLES[name]}: {len(frame)}")
                display(frame.head(max_rows))

    box.observe(refresh, names="value")
    refresh()
    return widgets.VBox([box, out])


__all__ = ["TITLES", "actor_picker"]

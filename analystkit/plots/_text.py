"""Text in the kit's figures is text: a ``$`` in an outlet or actor name is never read as maths."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure


def plain_text(fig: "Figure") -> "Figure":
    """Turn off matplotlib's maths parsing on every text of ``fig`` (titles, tick labels, notes, legends).

    Article text and metadata may hold ``$`` ("Ke$ha", "$5 million and $3 million"):
    read as maths, two of them make a figure fail to draw. :func:`analystkit.setup`
    also sets ``text.parse_math`` off for a whole notebook.
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def empty_note(ax, message: str) -> None:
    """Say on an empty figure why it is empty, instead of drawing nothing (or failing)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666666", parse_math=False)
    ax.set_xticks([])
    ax.set_yticks([])


def plain_figure(function: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a function that returns a figure: built, laid out and returned with maths parsing off."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import matplotlib

        with matplotlib.rc_context({"text.parse_math": False}):
            fig = function(*args, **kwargs)
        return plain_text(fig) if hasattr(fig, "findobj") else fig

    return wrapper

"""``ak.setup()``: the one call at the top of every notebook.

It makes notebook output readable and *deterministic* (so that nbval can
compare a fresh run with the committed outputs): pandas display widths, a fixed
matplotlib style and figure size, fixed random seeds, and the kit's own warnings
shown once. What it applied is kept in ``SETTINGS``.
"""

from __future__ import annotations

import os
import random
from typing import Any

#: What the last ``setup()`` applied.
SETTINGS: dict[str, Any] = {}


def setup(*, max_rows: int = 30, max_colwidth: int = 120, figsize: tuple[float, float] = (8.0, 4.0), seed: int = 0, tables: bool = True) -> None:
    """Configure pandas, matplotlib and randomness for analysis notebooks, and (``tables``) load
    the interactive-table bundle offline (:func:`analystkit.display.init_tables`; its one output
    is that bundle, so pages open with no network)."""
    import pandas as pd

    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.min_rows", min(max_rows, 20))
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.width", 200)
    pd.set_option("display.precision", 3)
    os.environ.setdefault("PYTHONHASHSEED", str(seed))
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:  # pragma: no cover
        pass
    import matplotlib

    matplotlib.rcParams.update({
        "figure.figsize": figsize,
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titleweight": "bold",
        "font.size": 10,
        "svg.hashsalt": "analystkit",
        # Names and titles come from articles: "$" in an outlet name is a dollar, not maths.
        "text.parse_math": False,
    })
    import warnings

    from .errors import AnalystKitWarning

    warnings.simplefilter("once", AnalystKitWarning)
    SETTINGS.update(max_rows=max_rows, max_colwidth=max_colwidth, figsize=figsize, seed=seed, tables=tables)
    if tables:
        from .display import init_tables

        init_tables()

"""analystkit: read news critically — sourcing, hedging and actors, traced to the exact words.

    import analystkit as ak
    corpus = ak.load("data/articles")
    corpus.sentences, corpus.entities

Heavy dependencies (spaCy, the model, pandas) load lazily, on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .about import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus, load
    from .explorer import explore
    from .nlp.model import load_model
    from .notebook import setup
    from .provenance.compare import compare

_LAZY = {
    "load": ("analystkit.corpus", "load"),
    "Corpus": ("analystkit.corpus", "Corpus"),
    "load_model": ("analystkit.nlp.model", "load_model"),
    "add_components": ("analystkit.nlp.model", "add_components"),
    "setup": ("analystkit.notebook", "setup"),
    "display": ("analystkit.display", None),
    "errors": ("analystkit.errors", None),
    "plots": ("analystkit.plots", None),
    "widgets": ("analystkit.widgets", None),
    "ledger": ("analystkit.claims_ledger", "ledger"),
    "write_ledger": ("analystkit.claims_ledger", "write_ledger"),
    "explore": ("analystkit.explorer", "explore"),
    "explorer": ("analystkit.explorer", None),
    "io": ("analystkit.io", None),
    "limits": ("analystkit.limits", None),
    "compare": ("analystkit.provenance.compare", "compare"),
    "provenance": ("analystkit.provenance", None),
    "findings": ("analystkit.findings", None),
    "views": ("analystkit.views", None),
    "table": ("analystkit.display", "table"),
}

__all__ = [
    "Corpus", "__version__", "add_components", "compare", "display", "errors", "explore", "explorer", "findings", "io", "ledger", "limits",
    "load", "load_model", "plots", "provenance", "setup", "table", "views", "widgets", "write_ledger",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module_name, attr = _LAZY[name]
        module = import_module(module_name)
        value = module if attr is None else getattr(module, attr)
        globals()[name] = value
        return value
    from .errors import Errors

    raise AttributeError(Errors.AK034.format(owner="module 'analystkit'", name=name, hint="See `dir(analystkit)` for what it offers."))


def __dir__() -> list[str]:
    return sorted(__all__)

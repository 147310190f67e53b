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
    from .corpus import Corpus
    from .explorer import explore
    from .io.loader import load
    from .nlp.model import load_model
    from .provenance.compare import compare
    from .setup import setup

_LAZY = {
    "load": ("analystkit.io.loader", "load"),
    "Corpus": ("analystkit.corpus", "Corpus"),
    "load_model": ("analystkit.nlp.model", "load_model"),
    "add_components": ("analystkit.nlp.model", "add_components"),
    "setup": ("analystkit.setup", "setup"),
    "display": ("analystkit.display", None),
    "errors": ("analystkit.errors", None),
    "plots": ("analystkit.plots", None),
    "widgets": ("analystkit.widgets", None),
    "ledger": ("analystkit.ledger", "ledger"),
    "write_ledger": ("analystkit.ledger", "write_ledger"),
    "explore": ("analystkit.explorer", "explore"),
    "explorer": ("analystkit.explorer", None),
    "compare": ("analystkit.provenance.compare", "compare"),
    "provenance": ("analystkit.provenance", None),
}

__all__ = ["Corpus", "__version__", "add_components", "compare", "display", "errors", "explore", "explorer", "load", "ledger", "load_model", "plots", "provenance", "setup", "widgets", "write_ledger"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module_name, attr = _LAZY[name]
        module = import_module(module_name)
        value = module if attr is None else getattr(module, attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analystkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

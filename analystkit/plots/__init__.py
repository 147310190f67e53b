"""Figures and displays for the notebooks, one module per topic (``hedging``, …), loaded on first use."""

from .._lazy import submodule_loader

__getattr__ = submodule_loader(__name__)

"""Interactive filters for the notebooks (ipywidgets), one module per topic, loaded on first use."""

from .._lazy import submodule_loader

__getattr__ = submodule_loader(__name__)

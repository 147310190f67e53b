"""Interactive filters for the notebooks (ipywidgets), one module per topic."""


def __getattr__(name: str):
    """Topic modules load on first use: ``ak.widgets.sourcing``."""
    from importlib import import_module

    if name.startswith("_"):
        raise AttributeError(name)
    try:
        return import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from error

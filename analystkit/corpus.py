"""The :class:`Corpus`: loaded articles and the tables extracted from them."""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Errors

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.language import Language

    from .nlp.doc import ArticleDoc


def load(
    *paths: str | os.PathLike,
    metadata: "str | os.PathLike | pd.DataFrame | None" = None,
    nlp: "Language | None" = None,
    model: str | None = None,
    jobs: int = 1,
    warn_problems: bool = True,
    progress: bool | None = None,
    fetch: bool = False,
) -> "Corpus":
    """Load articles from files, folders (recursively) and glob patterns into a :class:`Corpus`.

    Args:
        *paths: files, folders or glob patterns (``"data/**/*.md"``).
        metadata: a CSV (or DataFrame) keyed by file name whose columns fill or
            override article fields (``title``, ``published``, ``outlet``, ``url``…).
            A ``metadata.csv`` inside a loaded folder is applied automatically.
        nlp: a spaCy pipeline to use instead of :func:`analystkit.load_model`.
        model: a model name or folder for :func:`analystkit.load_model` (ignored with ``nlp``).
        jobs: worker processes for extraction (``1``: this process only).
        warn_problems: emit one summary warning when inputs were skipped or failed.
        progress: draw a progress bar while extracting (default: the ``ANALYSTKIT_PROGRESS``
            setting; ``auto`` draws one in notebooks and terminals).
        fetch: fetch the pages a URL list names (a ``.txt``/``.urls`` file of URLs) and the
            full text behind feed entries, politely and cached (:mod:`analystkit.io.fetch`).
            Off by default: the kit never touches the network unless asked.

    Returns:
        A :class:`Corpus`; ``corpus.load_report`` lists every input (:func:`analystkit.io.read_articles`).

    Raises:
        NothingLoadedError: when not a single article could be loaded (its ``load_report``
            still lists every input).
        MetadataError: when ``metadata`` names a file that is missing or cannot be used.
        SettingError: when a limit's setting (:mod:`analystkit.limits`) is malformed.

    Nothing in the files themselves raises: every problem is a row of the load report.
    """
    from .cache import RowCache, cache_dir
    from .io.loader import read_articles
    from .settings import show_progress

    folder = cache_dir()
    memo = RowCache(folder / "read") if folder is not None else None  # what the readers made of each unchanged file
    articles, report = read_articles(*paths, metadata=metadata, warn_problems=warn_problems, memo=memo, fetch=fetch)
    corpus = Corpus(articles, report, nlp=nlp, jobs=jobs, model=model)
    corpus.progress = show_progress(progress)
    return corpus


def _text(value: Any) -> str:
    """A text cell ('' for NaN or None)."""
    return value if isinstance(value, str) else ""


class Corpus:
    """Articles and their tables, extracted lazily in one ``nlp.pipe`` pass.

    Tables are pandas DataFrames; every row of every table carries ``start`` and
    ``end`` character offsets such that ``articles.text[start:end] == row.text``.
    The first access to any table (other than ``load_report``) runs the pipeline
    over all articles; later accesses are free.
    """

    def __init__(self, articles: "pd.DataFrame", load_report: "pd.DataFrame", *, nlp: "Language | None" = None, jobs: int = 1, model: str | None = None):
        self._articles = articles.reset_index(drop=True)
        self.load_report = load_report
        self._nlp = nlp
        self._tables: dict[str, pd.DataFrame] | None = None
        self._docs: OrderedDict[str, ArticleDoc] = OrderedDict()
        #: show a progress bar over articles while extracting
        self.progress = False
        #: read and write the on-disk row cache (:mod:`analystkit.cache`)
        self.cache = True
        #: how many articles the last extraction took from the cache
        self.cache_hits = 0
        #: short actor forms joined to a longer name across articles (:mod:`analystkit.finalise.links`)
        self.corpus_aliases: dict[str, str] = {}
        #: worker processes for extraction (1: this process only)
        self.jobs = max(1, int(jobs))
        #: some article failed in the last extraction (its tables are then not cached as a whole)
        self._failed = False
        self._model_name = model

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return len(self._articles)

    def __repr__(self) -> str:
        status = self.load_report.status.value_counts()
        n = len(self)
        return (
            f"<Corpus: {n} article{'s' if n != 1 else ''}; {int(status.get('skipped', 0))} input(s) skipped, "
            f"{int(status.get('failed', 0))} failed (see .load_report)>"
        )

    @property
    def nlp(self) -> "Language":
        if self._nlp is None:
            from .nlp.model import load_model

            self._nlp = load_model(self._model_name)
        return self._nlp

    @property
    def article_ids(self) -> list[str]:
        return self._articles["article_id"].tolist()

    def focus(self, article_id: str | None = None) -> str:
        """The article to look at closely: ``article_id`` if the corpus has it, else the
        article with the most claims (ties: corpus order). Notebooks call this right after
        loading, so a report over any corpus has a focus article."""
        if article_id in set(self.article_ids):
            return article_id
        claims = self.table("claims") if "claims" in self.table_names else None
        if claims is not None and len(claims):
            counts = claims.groupby("article_id", sort=False).size()
            order = {a: i for i, a in enumerate(self.article_ids)}
            return max(counts.index, key=lambda a: (counts[a], -order.get(a, 0)))
        return self.article_ids[0]

    def text(self, article_id: str) -> str:
        """The text of one article (what every offset indexes)."""
        return self._article_row(article_id)["text"]

    def _article_row(self, article_id: str) -> dict:
        match = self._articles[self._articles.article_id == article_id]
        if match.empty:
            raise KeyError(Errors.AK008.format(article_id=article_id, known=", ".join(self.article_ids[:5])))
        return match.iloc[0].to_dict()

    # ------------------------------------------------------------------ tables
    @property
    def table_names(self) -> list[str]:
        from .extract import extraction_order
        from .finalise import CORPUS_TABLES

        return ["articles", *extraction_order(), *CORPUS_TABLES]

    def table(self, name: str) -> "pd.DataFrame":
        """A table by name (``"sentences"``, ``"entities"``, …)."""
        if name == "articles":
            return self.articles
        if name == "load_report":
            return self.load_report
        tables = self._extract()
        if name not in tables:
            raise KeyError(Errors.AK007.format(name=name, allowed=", ".join(self.table_names)))
        return tables[name]

    @property
    def articles(self) -> "pd.DataFrame":
        tables = self._extract()
        return tables["articles"]

    @property
    def sentences(self) -> "pd.DataFrame":
        return self.table("sentences")

    @property
    def entities(self) -> "pd.DataFrame":
        return self.table("entities")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self.table_names:
            return self.table(name)
        raise AttributeError(Errors.AK034.format(owner="A Corpus", name=name, hint=f"Its tables are: {', '.join(self.table_names)}."))

    def _extract(self) -> dict[str, "pd.DataFrame"]:
        if self._tables is None:
            self._tables = self._run_pipeline()
        return self._tables

    def _run_pipeline(self) -> dict[str, "pd.DataFrame"]:
        """Every table: from the corpus-level cache when this exact corpus was finalised before,
        else from each article's rows (cached or extracted), finalised (:mod:`analystkit.finalise`)."""
        from .cache import TableCache, cache_dir, corpus_key
        from .extract import extraction_order
        from .finalise import finalise, finalise_articles
        from .schema import frame

        store = TableCache(cache_dir() if self.cache else None)
        keys = self._article_keys() if store.folder is not None else []
        key = corpus_key(keys) if store.folder is not None else ""
        found = store.get(key) if key else None
        if found is not None:
            tables, self.corpus_aliases = found
            self.cache_hits = len(self._articles)
            return {"articles": finalise_articles(self._articles, tables["sentences"]), **tables}
        from .parallel import fewer_full_collections

        with fewer_full_collections():
            per_article = self._article_rows(keys)
            names = extraction_order()
            tables = {name: frame(name, [row for rows in per_article for row in rows.get(name, [])]) for name in names}
            del per_article
            result = finalise(self._articles, tables)
        self.corpus_aliases = result.aliases
        if key and not self._failed:
            store.put(key, {name: table for name, table in result.tables.items() if name != "articles"}, result.aliases)
        return result.tables

    def _fingerprint(self) -> str:
        """What the cached rows depend on besides each article: the pipeline given, or the one
        the kit would load by name (read from the model's package, without loading it)."""
        from .cache import fingerprint, model_fingerprint

        return fingerprint(self._nlp) if self._nlp is not None else model_fingerprint(self._model_name)

    def _article_keys(self) -> list[str]:
        from .cache import article_key

        kit = self._fingerprint()
        return [
            article_key(r["article_id"], r["text"], bool(r.get("has_headline")), kit, published=str(r.get("published") or ""), pages=_text(r.get("pages")))
            for r in self._articles.to_dict(orient="records")
        ]

    def _article_rows(self, keys: list[str] | None = None) -> list[dict[str, list[dict]]]:
        """Every article's rows, from the cache where the article is unchanged, else parsed."""
        from .cache import RowCache, cache_dir
        from .extract import ERROR_KEY, extraction_order

        records = self._articles.to_dict(orient="records")
        cache = RowCache(cache_dir() if self.cache else None)
        if cache.folder is None:
            keys = [""] * len(records)
        elif not keys:
            keys = self._article_keys()
        found: list[dict | None] = [cache.get(k) if k else None for k in keys]
        todo = [i for i, rows in enumerate(found) if rows is None or set(rows) != set(extraction_order())]
        self.cache_hits = len(records) - len(todo)
        failures: dict[str, str] = {}
        for i, rows in zip(todo, self._extract_records([records[i] for i in todo])):
            found[i] = rows
            if ERROR_KEY in rows:
                failures[records[i]["article_id"]] = rows.pop(ERROR_KEY)
            elif keys[i]:
                cache.put(keys[i], rows)
        self._failed = bool(failures)
        if failures:
            self._report_failures(failures)
        return [rows or {} for rows in found]

    def _report_failures(self, failures: dict[str, str]) -> None:
        """Record articles whose parsing or extraction failed in the load report, and warn once.

        An article that could not be parsed, or split into sentences, has no rows at all:
        ``failed``. An article one of whose other extractors raised keeps its other tables:
        ``loaded``, with a reason that starts "partly extracted" and names the tables it lacks.
        """
        from .errors import LoadWarning, Warnings, warn

        report = self.load_report.copy()
        for article_id, reason in failures.items():
            mask = report.article_id == article_id
            parsed = not reason.startswith(("parsing failed", "sentences failed"))
            report.loc[mask, "status"] = "loaded" if parsed else "failed"
            report.loc[mask, "reason"] = f"partly extracted: {reason}" if parsed else reason
        self.load_report = report
        examples = "; ".join(f"{a}: {r}" for a, r in list(failures.items())[:3])
        warn(Warnings.AK101.format(n_problem=len(failures), n_total=len(report), examples=examples), LoadWarning)

    def _extract_records(self, records: list[dict]) -> "Any":
        """Yield each record's rows, in order: in this process or in ``jobs`` worker processes."""
        from . import parallel

        bar = None
        if self.progress and records:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(records), desc="articles", unit="article")
        if self.jobs > 1 and len(records) >= 2 * self.jobs:
            parallel._WORKER_NLP = self.nlp  # forked workers inherit the loaded pipeline
            batches = parallel.extract_in_processes(records, jobs=self.jobs, model=self._model_name)
        else:
            batches = (parallel.extract_chunk(chunk, nlp=self.nlp) for chunk in parallel.chunks(records, 16))
        for batch in batches:
            for rows in batch:
                if bar is not None:
                    bar.update(1)
                yield rows
        if bar is not None:
            bar.close()

    def iter_docs(self, *, batch_size: int = 16) -> "Any":
        """Parse every article, yielding :class:`~analystkit.nlp.doc.ArticleDoc` (not cached)."""
        from .nlp.doc import ArticleDoc

        records = self._articles.to_dict(orient="records")
        docs = self.nlp.pipe((r["text"] for r in records), batch_size=batch_size)
        for record, doc in zip(records, docs):
            yield ArticleDoc.build(record["article_id"], doc, record)

    def doc(self, article_id: str) -> "ArticleDoc":
        """One article parsed (cached for the last few asked for)."""
        from .nlp.doc import ArticleDoc

        if article_id not in self._docs:
            record = self._article_row(article_id)
            self._docs[article_id] = ArticleDoc.build(article_id, self.nlp(record["text"]), record)
            while len(self._docs) > 8:
                self._docs.popitem(last=False)
        return self._docs[article_id]

    # ------------------------------------------------------------------ views
    def subset(self, article_ids: list[str]) -> "Corpus":
        """A corpus of some of the articles (tables re-extracted on demand)."""
        keep = self._articles[self._articles.article_id.isin(article_ids)]
        report = self.load_report[self.load_report.article_id.isin(article_ids)]
        return Corpus(keep, report, nlp=self._nlp, jobs=self.jobs, model=self._model_name)

    # ------------------------------------------------------------------ output
    def to_files(self, out: str | os.PathLike, *, fmt: str = "csv", tables: list[str] | None = None) -> list[Path]:
        """Write each table (and ``load_report``) to ``out/NAME.csv`` or ``.parquet``.

        CSV follows the kit's spreadsheet rule (:mod:`analystkit.io.spreadsheet`: a text
        cell that starts like a formula gets a ``'`` in front; ``ak.io.read_csv_table`` reads
        the tables back exactly). The folder is marked as the kit's output, so loading a
        folder that holds it never reads the tables as articles.
        """
        from .io.outputs import mark_output
        from .io.spreadsheet import write_csv

        allowed = ("csv", "parquet")
        if fmt not in allowed:
            raise ValueError(Errors.AK006.format(fmt=fmt, allowed=", ".join(allowed)))
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        names = [*(tables or self.table_names), "load_report"]
        mark_output(folder, [folder / f"{name}.{fmt}" for name in names], kind="tables")
        written = []
        for name in names:
            frame = self.table(name)
            path = folder / f"{name}.{fmt}"
            if fmt == "csv":
                write_csv(frame, path)
            else:
                frame.to_parquet(path, index=False)
            written.append(path)
        return written

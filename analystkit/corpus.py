"""The :class:`Corpus`: loaded articles and the tables extracted from them."""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import Errors
from .schema import TABLES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.language import Language

    from .extract.base import ArticleDoc


#: Corpus-level tables built from the per-article ones: name → function(tables) -> DataFrame.
#: (The actors table is one: it aggregates entities, claims and actions over the corpus.)
def _actors_table(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    from .actors.table import build_actors_table

    return build_actors_table(tables)


def _integrity_table(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    from .integrity import build_integrity_table

    return build_integrity_table(tables)


def _related_table(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    from .provenance.related import related_articles  # near-duplicates: from the article texts alone

    return related_articles(tables)


def _claim_threads_table(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    from .provenance.threads import claim_threads  # the same claim across articles

    return claim_threads(tables)


CORPUS_TABLES: dict[str, "Callable[[dict[str, pd.DataFrame]], pd.DataFrame]"] = {
    "actors": _actors_table, "integrity": _integrity_table, "related": _related_table, "claim_threads": _claim_threads_table,
}


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
        #: short actor forms joined to a longer name across articles (:mod:`analystkit.actors.corpus_links`)
        self.corpus_aliases: dict[str, str] = {}
        #: worker processes for extraction (1: this process only)
        self.jobs = max(1, int(jobs))
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
        from .extract import EXTRACTORS

        return ["articles", *EXTRACTORS, *CORPUS_TABLES]

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
        from .extract import EXTRACTORS

        if name in EXTRACTORS or name in CORPUS_TABLES:
            return self.table(name)
        raise AttributeError(f"'Corpus' object has no attribute {name!r}")

    def _extract(self) -> dict[str, "pd.DataFrame"]:
        if self._tables is None:
            self._tables = self._run_pipeline()
        return self._tables

    def _run_pipeline(self) -> dict[str, "pd.DataFrame"]:
        import pandas as pd

        from .extract import EXTRACTORS

        per_article = self._article_rows()
        rows: dict[str, list[dict]] = {name: [] for name in EXTRACTORS}
        for article_rows in per_article:
            for name in EXTRACTORS:
                rows[name].extend(article_rows.get(name, []))
        tables = {name: _frame(name, table_rows) for name, table_rows in rows.items()}
        articles = self._articles.copy()
        counts = tables["sentences"].groupby("article_id").size() if len(tables["sentences"]) else pd.Series(dtype=int)
        articles["n_sentences"] = articles["article_id"].map(counts).fillna(0).astype(int)
        order = [c for c in TABLES["articles"] if c in articles.columns]
        tables["articles"] = articles[order + [c for c in articles.columns if c not in order]]
        from .actors.corpus_links import link_across_articles

        self.corpus_aliases = link_across_articles(tables)
        for name, build in CORPUS_TABLES.items():
            tables[name] = build(tables)
        return tables

    def _article_rows(self) -> list[dict[str, list[dict]]]:
        """Every article's rows, from the cache where the article is unchanged, else parsed."""
        from .cache import RowCache, article_key, cache_dir, fingerprint
        from .parallel import ERROR_KEY
        from .extract import EXTRACTORS
        from .extract.base import ArticleDoc

        records = self._articles.to_dict(orient="records")
        cache = RowCache(cache_dir() if self.cache else None)
        kit = fingerprint(self.nlp) if cache.folder is not None else ""
        keys = [article_key(r["article_id"], r["text"], bool(r.get("has_headline")), kit, published=str(r.get("published") or "")) for r in records]
        found: list[dict | None] = [cache.get(k) for k in keys]
        todo = [i for i, rows in enumerate(found) if rows is None or set(rows) != set(EXTRACTORS)]
        self.cache_hits = len(records) - len(todo)
        failures: dict[str, str] = {}
        for i, rows in zip(todo, self._extract_records([records[i] for i in todo])):
            found[i] = rows
            if ERROR_KEY in rows:
                failures[records[i]["article_id"]] = rows.pop(ERROR_KEY)
            else:
                cache.put(keys[i], rows)
        if failures:
            self._report_failures(failures)
        return [rows or {} for rows in found]

    def _report_failures(self, failures: dict[str, str]) -> None:
        """Mark articles whose extraction failed in the load report, and warn once."""
        from .errors import LoadWarning, Warnings, warn

        report = self.load_report.copy()
        for article_id, reason in failures.items():
            mask = report.article_id == article_id
            report.loc[mask, "status"] = "failed"
            report.loc[mask, "reason"] = reason
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
        """Parse every article, yielding :class:`~analystkit.extract.base.ArticleDoc` (not cached)."""
        from .extract.base import ArticleDoc

        records = self._articles.to_dict(orient="records")
        docs = self.nlp.pipe((r["text"] for r in records), batch_size=batch_size)
        for record, doc in zip(records, docs):
            yield ArticleDoc.build(record["article_id"], doc, record)

    def doc(self, article_id: str) -> "ArticleDoc":
        """One article parsed (cached for the last few asked for)."""
        from .extract.base import ArticleDoc

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
        """Write each table (and ``load_report``) to ``out/NAME.csv`` or ``.parquet``."""
        allowed = ("csv", "parquet")
        if fmt not in allowed:
            raise ValueError(Errors.AK006.format(fmt=fmt, allowed=", ".join(allowed)))
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in [*(tables or self.table_names), "load_report"]:
            frame = self.table(name)
            path = folder / f"{name}.{fmt}"
            if fmt == "csv":
                frame.to_csv(path, index=False)
            else:
                frame.to_parquet(path, index=False)
            written.append(path)
        return written


def _frame(name: str, rows: list[dict]) -> "pd.DataFrame":
    import pandas as pd

    columns = list(TABLES.get(name, {}))
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=columns)
    order = [c for c in columns if c in frame.columns]
    return frame[order + [c for c in frame.columns if c not in order]]

"""The claims ledger: the working sheet a fact-checker fills in, one row per claim.

    ledger = ak.ledger(corpus)                 # a DataFrame
    ak.write_ledger(ledger, "ledger.xlsx")     # or .csv
    analystkit ledger data/articles --out ledger.xlsx

Columns (:data:`COLUMNS`):

* ``article_id, claim_id, sentence_id, start, end`` — where the claim is: its exact
  words are ``articles.text[start:end]``;
* ``link`` — the same as one string, ``article_id:start-end``, to paste back;
* ``title, outlet, published`` — the article; ``page`` — the PDF page the claim is on
  (blank for articles that are not PDFs), to cite it by page;
* ``claim`` — what is claimed (``claims.text``); ``sentence`` — its whole sentence;
* ``source, source_actor, source_type, source_subtype, cue, quote_type`` — who says
  it and how (``claims``);
* ``hedged, certainty, hedges`` — the hedge cues of the claim ('; '-joined) and its
  certainty (1.0 asserted; ``hedges`` table);
* ``dates`` — the sentence's dated expressions: "early last month = 2022-10-01..2022-10-10";
* ``actors`` — the sentence's entity actors; ``actions`` — who did what in it;
* ``flags`` — the sentence's integrity flags ("fragment; date_conflict"), and
  ``flag_notes``, their messages;
* ``verdict``, ``notes`` — blank, for the fact-checker.

Tables the corpus lacks (hedges, actions, timeline, flags) leave their columns empty.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Errors
from .views import by_sentence, sentence_actors

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .corpus import Corpus

COLUMNS = [
    "article_id", "claim_id", "sentence_id", "start", "end", "link", "title", "outlet", "published", "page",
    "claim", "sentence", "source", "source_actor", "source_type", "source_subtype", "cue", "quote_type",
    "hedged", "certainty", "hedges", "dates", "actors", "actions", "flags", "flag_notes", "verdict", "notes",
]
#: Excel column widths (characters) by column; others get 14.
WIDTHS = {"claim": 60, "sentence": 60, "flag_notes": 60, "notes": 40, "verdict": 14, "dates": 32, "hedges": 22, "actions": 36, "actors": 26, "link": 26, "title": 30, "source": 22, "source_actor": 20}
#: Columns whose text wraps in Excel.
WRAPPED = frozenset({"claim", "sentence", "flag_notes", "notes", "dates", "hedges", "actions", "actors", "title", "source"})


def _optional(corpus: "Corpus", name: str) -> "pd.DataFrame | None":
    try:
        return corpus.table(name)
    except KeyError:
        return None


def ledger(corpus: "Corpus") -> "pd.DataFrame":
    """One row per claim of ``corpus`` with its source, hedges, dates, actors and flags (see the module docstring)."""
    import pandas as pd

    claims = corpus.table("claims")
    if not len(claims):
        return pd.DataFrame(columns=COLUMNS)
    articles = corpus.articles.set_index("article_id")
    sentences = corpus.sentences.set_index(["article_id", "sentence_id"])["text"].to_dict()
    hedges = _optional(corpus, "hedges")
    hedges_by_claim: dict[tuple[str, str], list[str]] = {}
    if hedges is not None and len(hedges) and "claim_id" in hedges:
        for row in hedges.dropna(subset=["claim_id"]).itertuples(index=False):
            hedges_by_claim.setdefault((row.article_id, str(row.claim_id)), []).append(row.text)
    timeline = by_sentence(_optional(corpus, "timeline"))
    flags = by_sentence(_optional(corpus, "flags"))
    actions = by_sentence(_optional(corpus, "actions"))
    actors_of = sentence_actors(_optional(corpus, "entities"))
    about = {  # one lookup per article, not per claim
        aid: {
            "title": article.get("title") or "",
            "outlet": article.get("outlet") or "",
            "published": article["published"].date().isoformat() if isinstance(article.get("published"), pd.Timestamp) and not pd.isna(article["published"]) else "",
        }
        for aid, article in zip(articles.index, articles.to_dict(orient="records"))
    }
    rows = []
    for claim in claims.to_dict(orient="records"):
        key = (claim["article_id"], int(claim["sentence_id"]))
        article = about[claim["article_id"]]
        sentence_flags = flags.get(key, [])
        rows.append(
            {
                "article_id": claim["article_id"],
                "claim_id": claim["claim_id"],
                "sentence_id": key[1],
                "start": int(claim["start"]),
                "end": int(claim["end"]),
                "link": f"{claim['article_id']}:{int(claim['start'])}-{int(claim['end'])}",
                "title": article["title"],
                "outlet": article["outlet"],
                "published": article["published"],
                "page": _page(claim.get("page")),
                "claim": claim["text"],
                "sentence": sentences.get(key, ""),
                "source": claim.get("source_text") or "",
                "source_actor": claim.get("source_actor") or "",
                "source_type": claim.get("source_type") or "",
                "source_subtype": claim.get("source_subtype") or "",
                "cue": claim.get("cue") or "",
                "quote_type": claim.get("quote_type") or "",
                "hedged": bool(claim.get("hedged")) if claim.get("hedged") is not None and claim.get("hedged") == claim.get("hedged") else False,
                "certainty": float(claim["certainty"]) if claim.get("certainty") is not None and claim.get("certainty") == claim.get("certainty") else 1.0,
                "hedges": "; ".join(hedges_by_claim.get((claim["article_id"], str(claim["claim_id"])), [])),
                "dates": "; ".join(f"{t['text']} = {_range(t)}" for t in timeline.get(key, [])),
                "actors": "; ".join(actors_of.get(key, [])),
                "actions": "; ".join(_action(a) for a in actions.get(key, [])),
                "flags": "; ".join(f["kind"] for f in sentence_flags),
                "flag_notes": "\n".join(f["message"] for f in sentence_flags),
                "verdict": "",
                "notes": "",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _day(value) -> str:
    """A date as ``YYYY-MM-DD`` (a timestamp's time of day, always midnight here, left out)."""
    return value.date().isoformat() if hasattr(value, "date") and callable(value.date) else str(value)


def _range(row: dict) -> str:
    start, end = (_day(row["date_start"]), _day(row["date_end"]))
    return str(start) if start == end else f"{start}..{end}"


def _action(row: dict) -> str:
    parts = [row.get("agent") or "?", row.get("action") or ""]
    if row.get("patient"):
        parts.append(row["patient"])
    return " ".join(parts)


def write_ledger(frame: "pd.DataFrame", path: str | os.PathLike) -> Path:
    """Write a ledger to ``.xlsx`` (frozen header, filters, wrapped text, set widths) or ``.csv``.

    Both follow the kit's spreadsheet rule (:mod:`analystkit.io.spreadsheet`): in Excel
    every string is a text cell, never a formula, and characters a sheet cannot hold are
    replaced; in CSV a cell that starts like a formula (``= + - @``) gets a ``'`` in front.
    """
    from .io.spreadsheet import write_csv, write_xlsx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValueError(Errors.AK009.format(path=str(path)))
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        return write_csv(frame, path)
    return write_xlsx(frame, path, sheet="claims", widths=WIDTHS, default_width=14, wrapped=WRAPPED, autofilter=True)


def _page(value: object) -> str:
    """A claim's page as text ('' when it has none: the article is not a PDF)."""
    try:
        return "" if value is None or value != value else str(int(value))
    except (TypeError, ValueError):  # pandas.NA
        return ""


__all__ = ["COLUMNS", "ledger", "write_ledger"]

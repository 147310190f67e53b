"""The ``integrity`` table: one row per article, how far its text can be trusted as written.

Built from the ``flags`` table (:mod:`analystkit.extract.flags`) after extraction.
Columns: ``article_id, n_sentences``, one count per flag kind (``fragment,
split_sentence, unintroduced_person, dangling_reference, suspicious_quote,
date_conflict, overlong_sentence``), ``n_flags``, ``flags_per_100`` (flags per 100 sentences),
``score`` and ``band``.

**Score** (0–100, 100 = nothing found): ``100 × (1 − penalty / n_sentences)``,
floored at 0, where each flag adds its severity's weight to the penalty — high
(split_sentence, date_conflict) 2, medium (fragment, dangling_reference,
suspicious_quote) 1, low (unintroduced_person, overlong_sentence) 0.5. So one fragment in a
20-sentence article costs 5 points, a date conflict 10. **Band**: ``clean`` (no
flags), ``minor`` (score ≥ 90), ``check`` (≥ 70), ``unreliable`` (< 70): read the
original before quoting anything from an unreliable text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extract.flags import KINDS, SEVERITY

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

WEIGHTS = {"high": 2.0, "medium": 1.0, "low": 0.5}
BANDS = ((90.0, "minor"), (70.0, "check"), (0.0, "unreliable"))
COLUMNS = ["article_id", "n_sentences", *KINDS, "n_flags", "flags_per_100", "score", "band"]


def integrity_score(counts: dict[str, int], n_sentences: int) -> float:
    """The documented score for one article's flag counts (see the module docstring)."""
    penalty = sum(WEIGHTS[SEVERITY[kind]] * int(n) for kind, n in counts.items() if kind in SEVERITY)
    if n_sentences <= 0:
        return 100.0 if penalty == 0 else 0.0
    return round(max(0.0, 100.0 * (1.0 - penalty / n_sentences)), 1)


def integrity_band(score: float, n_flags: int) -> str:
    if n_flags == 0:
        return "clean"
    return next(name for floor, name in BANDS if score >= floor)


def build_integrity_table(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    """One row per article of ``tables['articles']`` with its flag counts, score and band."""
    import pandas as pd

    articles = tables.get("articles")
    flags = tables.get("flags")
    if articles is None or not len(articles):
        return pd.DataFrame(columns=COLUMNS)
    counts = flags.groupby(["article_id", "kind"]).size() if flags is not None and len(flags) else pd.Series(dtype=int)
    rows = []
    for article_id, n_sentences in zip(articles["article_id"], articles.get("n_sentences", pd.Series(0, index=articles.index))):
        per_kind = {kind: int(counts.get((article_id, kind), 0)) for kind in KINDS}
        n_flags = sum(per_kind.values())
        score = integrity_score(per_kind, int(n_sentences))
        rows.append(
            {
                "article_id": article_id,
                "n_sentences": int(n_sentences),
                **per_kind,
                "n_flags": n_flags,
                "flags_per_100": round(100.0 * n_flags / n_sentences, 1) if n_sentences else 0.0,
                "score": score,
                "band": integrity_band(score, n_flags),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


__all__ = ["BANDS", "COLUMNS", "WEIGHTS", "build_integrity_table", "integrity_band", "integrity_score"]

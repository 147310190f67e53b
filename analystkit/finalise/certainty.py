"""The claims' ``hedged`` and ``certainty`` columns, from the ``hedges`` table.

``hedged``
    True when at least one hedge cue qualifies the claim: the ``hedges`` rows whose
    ``claim_id`` is the claim's (a cue inside the claim's span or, failing any claim
    containing it, the nearest claim of its sentence: :func:`analystkit.extract.hedges.extract_hedges`).
``certainty``
    0–1, :func:`analystkit.extract.hedges.certainty` of those cues' probabilities: 1.0 for an
    unhedged claim (asserted), else the lowest probability discounted by each further cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extract.hedges import certainty

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def claim_certainty(claims: "pd.DataFrame", hedges: "pd.DataFrame | None") -> "pd.DataFrame":
    """``claims`` with ``hedged`` and ``certainty`` (a new frame; the inputs are not changed)."""
    import pandas as pd

    probabilities: dict[tuple[str, str], list[float]] = {}
    if hedges is not None and len(hedges):
        for article_id, claim_id, probability in zip(hedges["article_id"], hedges["claim_id"], hedges["probability"]):
            if not pd.isna(claim_id):
                probabilities.setdefault((article_id, claim_id), []).append(probability)
    keys = list(zip(claims["article_id"], claims["claim_id"])) if len(claims) else []
    found = [probabilities.get(key, []) for key in keys]
    return claims.assign(
        hedged=pd.Series([bool(p) for p in found], index=claims.index, dtype=bool),
        certainty=pd.Series([certainty(p) for p in found], index=claims.index, dtype=float),
    )


__all__ = ["claim_certainty"]

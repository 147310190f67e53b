"""Interactive exploration of a corpus's claims: ``ak.explore(corpus)``.

The parts are reusable on their own (the notebooks' widgets use them):

* :mod:`.index` — :func:`index_claims`: claims with their article, actors and flags, built once;
* :mod:`.filters` — :class:`ClaimQuery`, :func:`filter_claims`, :func:`mask_claims`, :func:`page_of`:
  plain pandas / numpy, no widgets;
* :mod:`.reading` — :func:`render_claim`: the claim in its article, highlighted and escaped;
* :mod:`.export` — :func:`export_claims` to CSV or Excel;
* :mod:`.threads` — :func:`filter_threads`, :func:`render_thread`: one claim followed across articles;
* :mod:`.app` — :func:`explore` / :class:`Explorer`, the ipywidgets app, and its widget parts.
"""

from __future__ import annotations

from .app import Explorer, claims_table_html, explore, filter_controls, query_from
from .export import export_claims
from .filters import ALL, ClaimQuery, filter_claims, mask_claims, page_of
from .index import ClaimIndex, index_claims
from .reading import render_claim
from .threads import filter_threads, render_thread

__all__ = [
    "ALL", "ClaimIndex", "ClaimQuery", "Explorer", "claims_table_html", "explore", "export_claims",
    "filter_claims", "filter_controls", "filter_threads", "index_claims", "mask_claims", "page_of", "query_from", "render_claim",
    "render_thread",
]

"""The explorer stays responsive on a claims table the size of the White House corpus (~60,000 claims).

A coarse guard (a click must not cost seconds), not a benchmark: see
``benchmarks/explore_latency.py`` for the figures.
"""

from __future__ import annotations

import statistics
import time

import numpy as np
import pandas as pd
import pytest

import analystkit as ak

from .conftest import make_tables

COPIES = 12_000  # 5 claims (2 articles) per copy -> 60,000 claims


def replicate(tables: dict[str, pd.DataFrame], copies: int) -> dict[str, pd.DataFrame]:
    out = {}
    for name, frame in tables.items():
        big = frame.loc[np.tile(frame.index.to_numpy(), copies)].reset_index(drop=True)
        suffix = np.repeat(np.arange(copies), len(frame)).astype(str)
        big["article_id"] = big["article_id"].astype(str) + "~" + pd.Series(suffix)
        out[name] = big
    return out


@pytest.fixture(scope="module")
def big_app():
    tables = replicate(make_tables(), COPIES)
    start = time.perf_counter()
    app = ak.explore(tables, display=False)
    return app, time.perf_counter() - start


def test_sixty_thousand_claims_filter_in_well_under_a_second(big_app):
    app, build = big_app
    assert len(app.index) == 60_000
    assert build < 20  # once, when the app opens
    times = []
    for control, value in [(app.hedged, "hedged"), (app.actor, "Russia"), (app.source_type, "unnamed"), (app.search, "kherson"), (app.certainty, (0.4, 1.0))]:
        start = time.perf_counter()
        control.value = value
        times.append(time.perf_counter() - start)
    assert len(app.result) == COPIES  # a1 0.0 of every copy: hedged, unnamed, about Russia, says Kherson
    assert len(app.page) == 25 and app.table.value.count("<tr data-row=") == 25
    assert statistics.median(times) < 0.5 and max(times) < 2.0, times

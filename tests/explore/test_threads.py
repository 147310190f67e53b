"""The explorer's claim-thread view: filters and the reading pane."""

from __future__ import annotations

import pandas as pd

from analystkit.explorer import filter_threads, render_thread


def _threads():
    rows = []
    for tid, (text, drifts) in enumerate([("Troops laid mines near the bridge", ["first", "same", "dropped"]), ("Prices rose in May", ["first", "changed"])]):
        for pos, drift in enumerate(drifts):
            rows.append({"thread_id": tid, "position": pos, "article_id": f"a{tid}{pos}", "claim_id": "0.0",
                         "published": pd.Timestamp("2022-11-09") + pd.Timedelta(days=pos), "outlet": "x", "start": 4, "end": 4 + len(text),
                         "text": text, "source_text": "" if drift == "dropped" else "officials", "source_type": "author" if drift == "dropped" else "unnamed",
                         "source_actor": "", "hedged": False, "certainty": 1.0, "similarity": 1.0, "n_articles": len(drifts),
                         "source_drift": drift, "certainty_change": 0.0})
    return pd.DataFrame(rows)


def test_filter_threads():
    threads = _threads()
    assert set(filter_threads(threads, drift="dropped").thread_id) == {0}
    assert set(filter_threads(threads, search="PRICES").thread_id) == {1}
    assert set(filter_threads(threads, min_articles=3).thread_id) == {0}
    assert filter_threads(threads, articles="nope").empty


def test_render_thread_escapes_and_orders():
    threads = _threads()
    texts = {f"a0{k}": "Yes Troops laid mines near the bridge <script>x</script>" for k in range(3)}
    page = render_thread(threads, 0, texts).markup
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.index("2022-11-09") < page.index("2022-11-10") < page.index("2022-11-11")
    assert "drift: <b>dropped</b>" in page
    assert "No claim thread" in render_thread(threads, 7, texts).markup

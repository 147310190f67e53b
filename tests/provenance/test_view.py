"""The side-by-side view: escaped, every edit marked at its offsets."""

from __future__ import annotations

import analystkit as ak
from analystkit.provenance.view import edit_spans, explain_edits


def test_side_by_side_marks_edits_and_escapes(nlp):
    a = "The minister said on Monday that the plan may work.\n\nIt was <b>bold</b>."
    b = "The plan works.\n\nIt was <b>bold</b>."
    c = ak.compare(a, b, nlp=nlp)
    page = c.side_by_side().markup
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert page.count('data-label="') >= len(edit_spans(c.edits, "b"))
    assert "attribution removed" in page
    assert c._repr_html_().startswith("<p>")


def test_explain_edits_without_edits():
    import pandas as pd

    assert "No edits" in explain_edits(pd.DataFrame()).markup

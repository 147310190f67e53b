from __future__ import annotations

from analystkit.display import render_spans


def test_article_text_is_escaped():
    html = str(render_spans("<script>alert(1)</script> Russia said", [{"start": 27, "end": 33, "label": "GPE"}]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="ak-span" data-label="GPE"' in html


def test_nested_and_crossing_spans_keep_text_once():
    text = "abcdefghij"
    html = str(render_spans(text, [{"start": 0, "end": 6, "label": "a"}, {"start": 2, "end": 4, "label": "b"}, {"start": 5, "end": 9, "label": "c"}], legend=False))
    import re

    assert re.sub(r"<[^>]+>", "", html) == text


def test_tooltip_escaped_and_window():
    html = str(render_spans("0123456789", [{"start": 2, "end": 4, "label": "x", "tooltip": '"quoted" <b>'}], start=1, end=6, legend=False))
    assert "&quot;quoted&quot; &lt;b&gt;" in html
    import re

    assert re.sub(r"<[^>]+>", "", html) == "12345"


def test_a_long_article_scrolls_in_its_box():
    html = str(render_spans("word " * 5000, [{"start": 0, "end": 4, "label": "a"}], legend=False))
    assert "max-height:45em;overflow-y:auto" in html and "ak-article-body" in html

"""Offsets are sacred: every span of every table indexes its article's text exactly."""

from __future__ import annotations

import pandas as pd


def span_columns(frame: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(start, end, text) column triples: start/end/text, source_start/source_end/source_text, cue_start/cue_end/cue."""
    triples = []
    for column in frame.columns:
        if not column.endswith("start"):
            continue
        prefix = column[: -len("start")]
        end = prefix + "end"
        text = next((c for c in (prefix + "text", prefix.rstrip("_")) if c and c in frame.columns), None)
        if end in frame.columns and text:
            triples.append((column, end, text))
    return triples


def test_every_table_has_exact_offsets(sample_corpus):
    texts = dict(zip(sample_corpus.articles.article_id, sample_corpus.articles.text))
    checked = 0
    for name in sample_corpus.table_names:
        frame = sample_corpus.table(name)
        for start, end, text in span_columns(frame):
            rows = frame.dropna(subset=[start, end])
            for row in rows.itertuples(index=False):
                row = row._asdict()
                s, e = int(row[start]), int(row[end])
                assert texts[row["article_id"]][s:e] == row[text], (name, start, row)
                checked += 1
    assert checked > 1000


def test_span_columns_finds_prefixed_triples():
    frame = pd.DataFrame(columns=["start", "end", "text", "source_start", "source_end", "source_text", "cue_start", "cue_end", "cue"])
    assert span_columns(frame) == [("start", "end", "text"), ("source_start", "source_end", "source_text"), ("cue_start", "cue_end", "cue")]


def test_sentences_cover_articles_in_order(sample_corpus):
    for article_id, group in sample_corpus.sentences.groupby("article_id"):
        assert list(group.sentence_id) == list(range(len(group)))
        assert (group.start.diff().dropna() > 0).all()
        assert (group.end.values[:-1] <= group.start.values[1:]).all()
        assert (group.paragraph_id.diff().dropna() >= 0).all()

"""Small constructed tables (no NLP) for the explorer's tests: offsets are exact by construction."""

from __future__ import annotations

import pandas as pd
import pytest

TEXTS = {
    "a1": 'Officials said that Russia may withdraw from Kherson. Putin said "the army will stay". An analyst wrote =HYPERLINK("x") <b>bold</b>.',
    "a2": "Ukrainian officials said Kherson is probably free. The ministry reported that Russian troops left.",
}
META = {
    "a1": {"title": "Withdrawal <i>or</i> trap", "outlet": "Daily", "published": "2022-11-09"},
    "a2": {"title": "Kherson", "outlet": "Wire", "published": "2022-12-01"},
}


def _at(article: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = TEXTS[article].index(phrase, after)
    return start, start + len(phrase)


def _sentences() -> list[dict]:
    rows = []
    for article, text in TEXTS.items():
        pos, k = 0, 0
        while pos < len(text):
            end = text.find(". ", pos)
            end = len(text) if end < 0 else end + 1
            rows.append({"article_id": article, "sentence_id": k, "start": pos, "end": end, "text": text[pos:end]})
            pos, k = end + 1, k + 1
    return rows


def _claim(article, claim_id, sentence_id, text, source, source_type, source_actor, cue, hedged, certainty) -> dict:
    start, end = _at(article, text)
    s_start, s_end = _at(article, source) if source else (-1, -1)
    c_start, c_end = _at(article, cue, s_end if s_end > 0 else 0) if cue else (-1, -1)
    return {
        "article_id": article, "claim_id": claim_id, "sentence_id": sentence_id, "start": start, "end": end, "text": text,
        "source_text": source, "source_start": s_start, "source_end": s_end, "source_actor": source_actor, "source_type": source_type,
        "source_subtype": "", "cue": cue, "cue_start": c_start, "cue_end": c_end, "quote_type": "indirect", "note": "",
        "hedged": hedged, "certainty": certainty,
    }


def _span(table_row: dict, article: str, phrase: str, after: int = 0) -> dict:
    start, end = _at(article, phrase, after)
    return {"article_id": article, "start": start, "end": end, "text": phrase, **table_row}


def make_tables(*, flags: bool = True) -> dict[str, pd.DataFrame]:
    articles = pd.DataFrame([{"article_id": a, "text": t, **META[a]} for a, t in TEXTS.items()])
    articles["published"] = pd.to_datetime(articles["published"])
    claims = pd.DataFrame([
        _claim("a1", "0.0", 0, "that Russia may withdraw from Kherson", "Officials", "unnamed", "", "said", True, 0.5),
        _claim("a1", "1.0", 1, "the army will stay", "Putin", "named_person", "Vladimir Putin", "said", False, 1.0),
        _claim("a1", "2.0", 2, '=HYPERLINK("x") <b>bold</b>', "An analyst", "vague", "", "wrote", False, 1.0),
        _claim("a2", "0.0", 0, "Kherson is probably free", "Ukrainian officials", "unnamed", "", "said", True, 0.7),
        _claim("a2", "1.0", 1, "that Russian troops left", "The ministry", "named_organization", "Ministry", "reported", False, 1.0),
    ])
    entities = pd.DataFrame([
        _span({"sentence_id": 0, "label": "GPE", "actor": "Russia"}, "a1", "Russia"),
        _span({"sentence_id": 0, "label": "GPE", "actor": "Kherson"}, "a1", "Kherson"),
        _span({"sentence_id": 1, "label": "PERSON", "actor": "Vladimir Putin"}, "a1", "Putin"),
        _span({"sentence_id": 0, "label": "NORP", "actor": "Ukraine"}, "a2", "Ukrainian"),
        _span({"sentence_id": 0, "label": "GPE", "actor": "Kherson"}, "a2", "Kherson"),
        _span({"sentence_id": 1, "label": "NORP", "actor": "Russia"}, "a2", "Russian"),
        _span({"sentence_id": 1, "label": "DATE", "actor": ""}, "a2", "troops"),
    ])
    hedges = pd.DataFrame([
        _span({"sentence_id": 0, "claim_id": "0.0", "lemma": "may", "category": "modal", "probability": 0.5}, "a1", "may"),
        _span({"sentence_id": 0, "claim_id": "0.0", "lemma": "probably", "category": "adverb", "probability": 0.7}, "a2", "probably"),
    ])
    tables = {"articles": articles, "claims": claims, "entities": entities, "hedges": hedges, "sentences": pd.DataFrame(_sentences())}
    if flags:
        tables["flags"] = pd.DataFrame([
            _span({"sentence_id": 1, "kind": "dangling_reference", "severity": "medium", "message": "The ministry: which <one>?"}, "a2", "The ministry"),
            _span({"sentence_id": 1, "kind": "suspicious_quote", "severity": "medium", "message": "short quote"}, "a1", '"the army'),
        ])
    return tables


@pytest.fixture()
def tables() -> dict[str, pd.DataFrame]:
    return make_tables()

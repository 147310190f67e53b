"""Shared fixtures: the model and the sample corpus are loaded once per test session."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "articles"
SEED = ROOT / "seeds" / "000_9cc23866541e5586.txt"
SEED_ID = "000_9cc23866541e5586"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    import analystkit as ak

    return ak.load_model()


@pytest.fixture(scope="session")
def sample_corpus(nlp):
    import analystkit as ak

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(SAMPLE, nlp=nlp)
    corpus.articles  # run the pipeline once
    return corpus


@pytest.fixture(scope="session")
def seed_corpus(sample_corpus):
    return sample_corpus


@pytest.fixture()
def article(nlp):
    """Build an ArticleDoc from a constructed text: ``article("Text.")``."""
    from analystkit.nlp.doc import ArticleDoc

    def build(text: str, article_id: str = "t", **meta):
        return ArticleDoc.build(article_id, nlp(text), meta)

    return build

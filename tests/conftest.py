"""Shared fixtures: the model and the sample corpus are loaded once per test session.

Tests that extract the sample corpus, start processes or a browser, or score the gold sets are
marked ``slow`` here, so ``make test-fast`` (``-m "not slow and not browser"``) runs the rest in
under a minute; ``make test`` runs them all.
"""

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


#: Test modules that start processes, a cluster, notebooks or a browser, or score the gold sets.
SLOW_MODULES = frozenset({
    "test_cache", "test_cli", "test_distributed", "test_engines", "test_layers", "test_parallel", "test_report",
    "test_report_browser", "test_browser", "test_latency", "test_components", "test_actors_eval", "test_foundation_eval",
    "test_hedging_eval", "test_sourcing_eval",
})
#: Fixtures that extract a whole corpus.
SLOW_FIXTURES = frozenset({"sample_corpus", "seed_corpus"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)

"""Fixtures of the provenance tests: the seed and a reconstruction of its original, compared once."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, SEED

RECONSTRUCTION = ROOT / "data" / "reference" / "kherson_reconstruction.txt"


@pytest.fixture(scope="session")
def seed_comparison(nlp):
    import analystkit as ak

    return ak.compare(RECONSTRUCTION.read_text(encoding="utf-8"), SEED.read_text(encoding="utf-8"), published="2022-11-09", nlp=nlp)

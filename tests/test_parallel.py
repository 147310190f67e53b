"""Worker processes give the same tables as one process."""

from __future__ import annotations

import pandas as pd

import analystkit as ak
from analystkit.cli import main
from tests.test_distributed import TEXTS


def test_jobs_give_identical_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    one = ak.load(tmp_path)
    two = ak.load(tmp_path, jobs=2)
    for name in one.table_names:
        pd.testing.assert_frame_equal(one.table(name), two.table(name))


def test_cli_jobs(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2", "--quiet"]) == 0
    assert len(pd.read_csv(tmp_path / "out" / "sentences.csv")) >= 8

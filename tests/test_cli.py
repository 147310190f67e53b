from __future__ import annotations

import subprocess
import sys

import pandas as pd

from analystkit.cli import main
from tests.conftest import SEED


def test_version_and_help(capsys):
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and "analystkit 0." in capsys.readouterr().out
    assert main([]) == 0
    assert "extract" in capsys.readouterr().out


def test_extract_writes_every_table(tmp_path, capsys):
    assert main(["extract", str(SEED), "--out", str(tmp_path), "--quiet"]) == 0
    for name in ("articles", "sentences", "entities", "load_report"):
        assert (tmp_path / f"{name}.csv").exists()
    sentences = pd.read_csv(tmp_path / "sentences.csv")
    text = pd.read_csv(tmp_path / "articles.csv").text.iloc[0]
    assert all(text[r.start : r.end] == r.text for r in sentences.itertuples())
    assert "1 articles loaded" in capsys.readouterr().out


def test_extract_parquet(tmp_path):
    assert main(["extract", str(SEED), "--out", str(tmp_path), "--format", "parquet", "--quiet"]) == 0
    assert len(pd.read_parquet(tmp_path / "entities.parquet")) > 20


def test_nothing_loaded_exits_non_zero_with_message(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = subprocess.run([sys.executable, "-m", "analystkit", "extract", str(tmp_path), "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Nothing could be loaded" in result.stderr and "empty file" in result.stderr
    assert (tmp_path / "out" / "load_report.csv").exists()


def test_settings_lists_every_setting_with_its_value_here(monkeypatch, capsys):
    from analystkit.settings import SETTINGS

    monkeypatch.setenv("ANALYSTKIT_PROGRESS", "off")
    monkeypatch.delenv("ANALYSTKIT_MODEL", raising=False)
    monkeypatch.setenv("ANALYSTKIT_MAX_SENTENCE_CHARS", "3000")
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    for name in SETTINGS:
        assert name in out
    lines = out.splitlines()
    after = {lines[i].split()[0]: lines[i + 1].strip() for i in range(len(lines) - 1) if lines[i].startswith("ANALYSTKIT_")}
    assert after["ANALYSTKIT_PROGRESS"] == "value here: 'off'"
    assert after["ANALYSTKIT_MODEL"].startswith("value here: unset")
    assert "max_sentence_chars = 3,000 characters (default 2,000, set by ANALYSTKIT_MAX_SENTENCE_CHARS)" in out


def test_every_subcommand_help_gives_an_example(capsys):
    import pytest

    for command in ("extract", "report", "ledger", "settings"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "example: " in capsys.readouterr().out, command

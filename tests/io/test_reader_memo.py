"""The readers' memo: an unchanged file is not parsed again; a changed or damaged entry is."""

from __future__ import annotations

import pandas as pd

from analystkit.cache import RowCache
from analystkit.io import readers
from analystkit.io.loader import read_articles

ARTICLE = """---
title: Ministers meet
published: 2022-11-09
---
# Ministers meet

The minister said talks **would** resume on Friday.

- one point
- another point
"""


def _count_parses(monkeypatch) -> list[int]:
    calls = [0]
    real = readers.markdown_to_text

    def counting(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(readers, "markdown_to_text", counting)
    return calls


def test_unchanged_file_is_read_from_the_memo_with_the_same_result(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    memo = RowCache(tmp_path / "memo")
    calls = _count_parses(monkeypatch)
    first, report1 = read_articles(folder, memo=memo)
    assert calls[0] == 1
    second, report2 = read_articles(folder, memo=memo)
    assert calls[0] == 1  # not parsed again
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(report1, report2)
    plain, _ = read_articles(folder)  # and the same as with no memo at all
    pd.testing.assert_frame_equal(first, plain)

    (folder / "a.md").write_text(ARTICLE.replace("Friday", "Monday"), encoding="utf-8")
    changed, _ = read_articles(folder, memo=memo)
    assert calls[0] == 3 and "Monday" in changed.text.iloc[0]


def test_damaged_memo_entry_is_a_miss_not_an_error(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    memo = RowCache(tmp_path / "memo")
    expected, _ = read_articles(folder, memo=memo)
    for entry in (tmp_path / "memo").rglob("*.akrows"):
        data = bytearray(entry.read_bytes())
        data[-5] ^= 0xFF
        entry.write_bytes(bytes(data))
    calls = _count_parses(monkeypatch)
    again, _ = read_articles(folder, memo=memo)
    assert calls[0] == 1
    pd.testing.assert_frame_equal(expected, again)


def test_a_change_to_the_limits_changes_the_key(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    memo = RowCache(tmp_path / "memo")
    read_articles(folder, memo=memo)
    calls = _count_parses(monkeypatch)
    monkeypatch.setenv("ANALYSTKIT_MAX_FRONT_MATTER", "10")  # the header is now over the limit
    capped, report = read_articles(folder, memo=memo, warn_problems=False)
    assert calls[0] == 1
    assert "front matter" in " ".join(report.reason).lower() or "limit" in " ".join(report.reason).lower()

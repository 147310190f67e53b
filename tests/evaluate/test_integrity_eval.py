"""Integrity evaluation: false alarms per kind over any folders, with samples, on constructed inputs."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from analystkit.evaluate.integrity import (
    false_alarms,
    flag_samples,
    format_report,
    main,
)
from analystkit.extract.flags import KINDS


class _Sized(SimpleNamespace):
    """A stand-in corpus of one article: its ``flags`` and ``sentences`` tables."""

    def __len__(self) -> int:
        return 1


def _corpus(flags: list[dict], n_sentences: int) -> _Sized:
    sentences = pd.DataFrame([{"article_id": "a", "sentence_id": i, "text": f"Sentence {i}."} for i in range(n_sentences)])
    columns = ["article_id", "sentence_id", "start", "end", "text", "kind", "message"]
    return _Sized(flags=pd.DataFrame(flags, columns=columns), sentences=sentences)


FLAGS = [
    {"article_id": "a", "sentence_id": 1, "start": 10, "end": 14, "text": "BANKING.", "kind": "fragment", "message": "m"},
    {"article_id": "a", "sentence_id": 2, "start": 20, "end": 25, "text": "Henry", "kind": "unintroduced_person", "message": "m"},
    {"article_id": "a", "sentence_id": 3, "start": 30, "end": 34, "text": "Take action.", "kind": "fragment", "message": "m"},
]


def test_false_alarms_per_kind_per_1000_sentences():
    corpus = _Sized(flags=_corpus(FLAGS, 4).flags, sentences=pd.DataFrame({"article_id": ["a"] * 500}))
    rates = false_alarms(corpus)
    assert rates["sentences"] == 500 and rates["articles"] == 1
    assert rates["fragment_n"] == 2 and rates["fragment"] == 4.0
    assert rates["unintroduced_person"] == 2.0 and rates["date_conflict"] == 0.0


def test_flag_samples_are_per_kind_and_carry_the_sentence():
    corpus = _corpus(FLAGS, 4)
    samples = flag_samples(corpus, 1)
    assert set(samples) == {"fragment", "unintroduced_person"}
    assert len(samples["fragment"]) == 1 and samples["unintroduced_person"][0]["sentence"] == "Sentence 2."
    assert flag_samples(corpus, 1) == samples  # a fixed seed
    assert len(flag_samples(corpus, 5)["fragment"]) == 2


def test_format_report_totals_without_checklist():
    rates = {"clean": {"articles": 2, "sentences": 1000, **{k: 0.0 for k in KINDS}, **{f"{k}_n": 0 for k in KINDS}}}
    rates["clean"]["fragment"], rates["clean"]["fragment_n"] = 6.0, 6
    report = format_report(rates, [])
    assert "6.00 (6) !" in report  # above the target of 5 per 1,000
    assert report.splitlines()[-1].split()[-2:] == ["6.00", "(6)"]
    assert "Seed checklist" not in report


def test_main_runs_over_folders_and_a_polnear_copy(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    folder = tmp_path / "clean"
    folder.mkdir()
    (folder / "one.txt").write_text("The council met on Monday. It approved the budget.\n", encoding="utf-8")
    (folder / "two.txt").write_text("Rain fell in the north. Roads were closed.\n", encoding="utf-8")
    for split in ("train", "dev"):
        polnear = tmp_path / "PolNeAR" / "data" / split
        (polnear / "text").mkdir(parents=True)
        (polnear / "attributions").mkdir()
        (polnear / "text" / f"{split}_2016.txt").write_text("Officials said the vote was close.\n", encoding="utf-8")
        (polnear / "attributions" / f"{split}_2016_4b22.ann").write_text("", encoding="utf-8")
    assert main(["--corpus", str(folder), "--polnear", str(tmp_path / "PolNeAR"), "--limit", "1", "--no-seed", "--samples", "1"]) == 0
    out = capsys.readouterr().out
    assert "clean" in out and "polnear-train-dev" in out
    assert "1 / 2" in out  # one article, two sentences: --limit cuts the folder to its first article
    assert "Seed checklist" not in out

"""The claims ledger: one row per claim, linked back to its exact words; Excel and CSV output."""

from __future__ import annotations

import pandas as pd
import pytest

from analystkit.claims_ledger import COLUMNS, ledger, write_ledger

SEED_ID = "000_9cc23866541e5586"


@pytest.fixture(scope="module")
def seed_ledger(sample_corpus):
    return ledger(sample_corpus)


def test_one_row_per_claim_with_exact_links(sample_corpus, seed_ledger):
    assert list(seed_ledger.columns) == COLUMNS
    assert len(seed_ledger) == len(sample_corpus.claims)
    texts = dict(zip(sample_corpus.articles.article_id, sample_corpus.articles.text))
    for row in seed_ledger.itertuples(index=False):
        assert texts[row.article_id][row.start : row.end] == row.claim
        assert row.link == f"{row.article_id}:{row.start}-{row.end}"
    assert (seed_ledger.verdict == "").all() and (seed_ledger.notes == "").all()


def test_seed_rows_carry_flags_dates_and_sources(seed_ledger):
    seed = seed_ledger[seed_ledger.article_id == SEED_ID]
    assert seed.published.eq("2022-11-09").all()
    assert seed["flags"].str.contains("date_conflict").any()
    assert seed.dates.str.contains("Wednesday = 2022-11-09").any()
    assert seed.source_type.isin(["named_person", "named_organization", "unnamed", "vague", "author"]).all()


def test_excel_output(tmp_path, seed_ledger):
    from openpyxl import load_workbook

    path = write_ledger(seed_ledger, tmp_path / "ledger.xlsx")
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.auto_filter.ref.endswith(str(len(seed_ledger) + 1))
    header = [c.value for c in sheet[1]]
    assert header == COLUMNS
    claim_col = header.index("claim") + 1
    assert sheet.cell(row=2, column=claim_col).alignment.wrap_text
    letter = sheet.cell(row=1, column=claim_col).column_letter
    assert sheet.column_dimensions[letter].width >= 50
    assert sheet.max_row == len(seed_ledger) + 1


def test_csv_output_round_trips(tmp_path, seed_ledger):
    path = write_ledger(seed_ledger, tmp_path / "out" / "ledger.csv")
    back = pd.read_csv(path, keep_default_na=False)
    assert list(back.columns) == COLUMNS and len(back) == len(seed_ledger)


def test_unknown_suffix_says_what_to_do(tmp_path, seed_ledger):
    with pytest.raises(ValueError, match=r"\.xlsx or \.csv"):
        write_ledger(seed_ledger, tmp_path / "ledger.json")


def test_cli_ledger(tmp_path, capsys):
    from analystkit.cli import main

    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Officials said on Monday that the bridge was closed. The army denied it.\n", encoding="utf-8")
    out = tmp_path / "ledger.xlsx"
    assert main(["ledger", str(source), "--out", str(out)]) == 0
    assert out.exists() and "claims" in capsys.readouterr().out
    assert main(["ledger", str(source), "--out", str(tmp_path / "x.txt")]) == 2


@pytest.mark.slow
def test_cli_ledger_with_worker_processes_writes_the_same_rows(tmp_path, capsys):
    """`ledger --jobs 2 --quiet` extracts in worker processes, silently, and lists the same claims."""
    from analystkit.cli import main

    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Officials said on Monday that the bridge was closed. The army denied it.\n", encoding="utf-8")
    (source / "b.txt").write_text("The mayor told reporters the water supply may fail by Friday, according to the utility.\n", encoding="utf-8")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["ledger", str(source), "--out", str(one), "--quiet"]) == 0
    assert main(["ledger", str(source), "--out", str(two), "--jobs", "2", "--quiet"]) == 0
    assert "articles:" not in capsys.readouterr().err  # no progress bar
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert len(pd.read_csv(one)) >= 2

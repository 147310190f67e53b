"""Excel files the kit writes (analystkit.io.spreadsheet.write_xlsx), read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile

import pandas as pd
import pytest

from analystkit.io.spreadsheet import MAX_CELL_CHARS, write_xlsx

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (in the [test] extra) reads the workbooks back")


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x")', "#REF!", "plain words", "bell \x07 and escape \x1b", "x" * (MAX_CELL_CHARS + 10)],
            "n": [1, 2, 3, 4, 5],
            "certainty": [0.5, float("nan"), 1.0, 0.25, 1.0],
            "hedged": [True, False, True, False, pd.NA],
            "published": [pd.Timestamp("2022-11-09 10:30"), pd.NaT, pd.Timestamp("2022-11-10"), pd.Timestamp("2022-11-11"), pd.Timestamp("2022-11-12")],
            "day": [dt.date(2022, 1, 2)] * 5,
        }
    )


def _sheet(path):
    return openpyxl.load_workbook(path).active


def test_text_stays_text_and_formulas_never_run(frame, tmp_path):
    path = write_xlsx(frame, tmp_path / "t.xlsx", wrapped=["text"], widths={"text": 60})
    sheet = _sheet(path)
    assert [c.value for c in sheet[1]] == list(frame.columns)
    formula, error, plain, control, long = (sheet.cell(row=r, column=1) for r in range(2, 7))
    assert formula.value == '=HYPERLINK("http://x")' and formula.data_type == "s" and formula.quotePrefix
    assert error.value == "#REF!" and error.data_type == "s" and error.quotePrefix
    assert plain.value == "plain words" and not plain.quotePrefix
    assert control.value == "bell \ufffd and escape \ufffd"  # a worksheet cannot hold C0 controls
    assert len(long.value) <= MAX_CELL_CHARS and "more characters]" in long.value
    with zipfile.ZipFile(path) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_numbers_booleans_dates_and_missing_values_keep_their_types(frame, tmp_path):
    sheet = _sheet(write_xlsx(frame, tmp_path / "t.xlsx"))
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in header}
    assert sheet.cell(row=2, column=col["n"]).value == 1 and sheet.cell(row=2, column=col["certainty"]).value == 0.5
    assert sheet.cell(row=3, column=col["certainty"]).value is None  # NaN is an empty cell, not "nan"
    assert sheet.cell(row=2, column=col["hedged"]).value is True and sheet.cell(row=6, column=col["hedged"]).value is None
    published = sheet.cell(row=2, column=col["published"])
    assert published.value == dt.datetime(2022, 11, 9, 10, 30) and published.is_date and "yy" in published.number_format
    assert sheet.cell(row=3, column=col["published"]).value is None
    day = sheet.cell(row=2, column=col["day"])
    assert day.is_date and day.value.date() == dt.date(2022, 1, 2) and "h" not in day.number_format  # shown as a day


def test_layout_header_widths_wrapping_filter_and_sheet_name(frame, tmp_path):
    path = write_xlsx(frame, tmp_path / "t.xlsx", sheet="claims: [all]/2022", widths={"text": 60}, default_width=14, wrapped=["text"], autofilter=True)
    sheet = _sheet(path)
    assert sheet.title == "claims_ _all__2022"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:F{len(frame) + 1}"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("DDDDDD")
    assert sheet["A2"].alignment.wrap_text and sheet["A2"].alignment.vertical == "top"
    assert not sheet["B2"].alignment.wrap_text and sheet["B2"].alignment.vertical == "top"
    assert sheet.column_dimensions["A"].width >= 60 and 14 <= sheet.column_dimensions["B"].width < 20


def test_an_empty_frame_is_a_header_row(tmp_path):
    sheet = _sheet(write_xlsx(pd.DataFrame(columns=["a", "b"]), tmp_path / "e.xlsx", autofilter=True))
    assert [c.value for c in sheet[1]] == ["a", "b"] and sheet.max_row == 1

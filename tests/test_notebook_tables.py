"""No id prints as a float: every table shown in the committed notebooks and in a report's pages
(interactive itables and plain HTML tables alike) shows ids, counts of pages and offsets as integers."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))
#: Columns that hold whole numbers by the schema (ids, offsets, pages, counts of a kind).
INTEGER_COLUMN = re.compile(r"(^|_)(id|ids|start|end|page|sentence_id|claim_id|paragraph_id|n_[a-z_]+)$")
_ITABLES = re.compile(r'"table_html": "(?P<head>(?:[^"\\]|\\.)*)".*?"data_json": "(?P<data>(?:[^"\\]|\\.)*)"', re.S)
_PLAIN_TABLE = re.compile(r"<table[^>]*>.*?</table>", re.S | re.I)


def _headers(table_html: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", table_html, re.S | re.I)]


def float_ids(page: str) -> list[str]:
    """Every ``column = value`` where an integer column shows a value like ``3.0``."""
    found = []
    for match in _ITABLES.finditer(page):
        head = json.loads(f'"{match["head"]}"')
        rows = json.loads(json.loads(f'"{match["data"]}"'))
        columns = _headers(head)[-len(rows[0]):] if rows else []
        for row in rows:
            for column, value in zip(columns, row):
                if INTEGER_COLUMN.search(column) and isinstance(value, float) and value == value:
                    found.append(f"{column} = {value!r}")
    for table in _PLAIN_TABLE.findall(_ITABLES.sub("", page)):
        head = table.split("</thead>")[0] if "</thead>" in table else ""
        columns = _headers(head)
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("</thead>")[-1], re.S | re.I):
            cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S | re.I)]
            for column, value in zip(columns[-len(cells):] if cells else [], cells):
                if INTEGER_COLUMN.search(column) and re.fullmatch(r"-?\d+\.0", value):
                    found.append(f"{column} = {value}")
    return found


def test_the_check_finds_a_float_id():
    page = '<table><thead><tr><th></th><th>claim_id</th></tr></thead><tbody><tr><th>0</th><td>3.0</td></tr></tbody></table>'
    assert float_ids(page) == ["claim_id = 3.0"]
    assert float_ids(page.replace("3.0", "3")) == []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_id_prints_as_a_float_in_the_notebooks(notebook: Path):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    pages = ["".join(o.get("data", {}).get("text/html", "")) for c in cells for o in c.get("outputs", [])]
    shown = [p for p in pages if "<table" in p]
    assert shown, "the notebook shows no table at all"
    problems = [problem for page in shown for problem in float_ids(page)]
    assert not problems, problems[:10]

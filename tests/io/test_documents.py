"""Document readers (issue 20): PDF, DOCX, e-mail (.eml, .mbox), RSS/Atom, and charset detection.

The documents are built at test time (:mod:`tests.io.documents`); no binary files are stored.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analystkit.io.loader import decode, read_articles
from tests.io import documents as make


def quiet_read(*paths, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_articles(*paths, **options)


def by_name(report, name: str):
    return report[report.path.map(lambda p: Path(p).name) == name]


# --------------------------------------------------------------------------- PDF


def test_pdf_text_layer_pages_and_metadata(tmp_path):
    articles, report = quiet_read(make.pdf_with_text(tmp_path / "review.pdf"))
    article = articles.iloc[0]
    assert article.title == "River crossing review" and article.author == "Ministry of Transport"
    assert str(article.published.date()) == "2024-03-05"
    pages = [tuple(map(int, item.split(":"))) for item in article.pages.split()]
    assert [number for number, _ in pages] == [1, 2]
    second = pages[1][1]
    assert article.text[second:].startswith("The minister said the bridge would reopen in May.")
    assert article.text[second - 2 : second] == "\n\n"  # pages joined by a blank line
    assert "Transport ministry review of the river crossing\n\nThe old bridge" in article.text  # a heading line is its own paragraph
    assert report.iloc[0].status == "loaded"


def test_sentence_running_on_to_the_next_page_is_joined(tmp_path):
    first = ("A long report on the crossing", "The inspectors wrote that the piers of the old bridge")
    second = ("were cracked in two places and had to be rebuilt before the spring.", "Work began in March.")
    articles, _ = quiet_read(make.pdf_with_text(tmp_path / "run-on.pdf", pages=(first, second)))
    article = articles.iloc[0]
    assert "the piers of the old bridge were cracked in two places" in article.text
    start = int(article.pages.split()[1].split(":")[1])
    assert article.text[start:].startswith("were cracked") and article.text[start - 1] == " "


def test_pdf_without_title_takes_its_first_line(tmp_path):
    articles, _ = quiet_read(make.pdf_with_text(tmp_path / "untitled.pdf", title=None))
    assert articles.iloc[0].title == "Transport ministry review of the river crossing"
    assert bool(articles.iloc[0].has_headline)


def test_scanned_pdf_is_reported_with_ocr_advice(tmp_path):
    make.scanned_pdf(tmp_path / "scan.pdf")
    (tmp_path / "ok.txt").write_text("A text.\n\nWith a body.", encoding="utf-8")
    articles, report = quiet_read(tmp_path)
    row = by_name(report, "scan.pdf").iloc[0]
    assert row.status == "failed" and "AK080" in row.reason and "no text layer" in row.reason and "ocrmypdf" in row.reason
    assert list(articles.article_id) == ["ok"]


def test_broken_and_encrypted_pdfs_get_reasons_not_crashes(tmp_path):
    from pypdf import PdfReader, PdfWriter

    data = make.pdf_bytes()
    (tmp_path / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00\x01 not a pdf at all " * 50)
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with open(tmp_path / "locked.pdf", "wb") as handle:
        writer.write(handle)
    (tmp_path / "ok.txt").write_text("A text.\n\nWith a body.", encoding="utf-8")
    articles, report = quiet_read(tmp_path)
    assert list(articles.article_id) == ["ok"]
    locked = by_name(report, "locked.pdf").iloc[0]
    assert locked.status == "failed" and "AK081" in locked.reason and "encrypted" in locked.reason
    for name in ("truncated.pdf", "garbage.pdf"):
        row = by_name(report, name).iloc[0]
        assert row.status == "failed" and row.reason, name


def test_running_headers_and_hyphenation_are_mended():
    from analystkit.io.documents import _page_text, _running_lines

    bodies = ["The council met on Monday.", "Roads were closed for repairs.", "Traders complained about the delays.", "A vote follows in May."]
    pages = [["Valley Report 2024", body, f"{n}"] for n, body in enumerate(bodies, start=1)]
    assert _running_lines(pages) == 8
    assert [lines[1] for lines in pages] == bodies and all(lines[0] == "" and lines[-1] == "" for lines in pages)
    text = _page_text(["The recon-", "struction of the bridge is under way and will take months to finish.", "It ends."])
    assert "reconstruction of the bridge" in text


# --------------------------------------------------------------------------- DOCX


def test_docx_paragraphs_headings_tables_and_properties(tmp_path):
    articles, _ = quiet_read(make.docx_file(tmp_path / "briefing.docx"))
    article = articles.iloc[0]
    assert article.title == "Council budget briefing" and article.author == "Jane Roe"
    assert str(article.published.date()) == "2023-11-20"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[:3] == ["Council budget briefing", "The council approved a budget of four million pounds on Tuesday, officials said.", "Spending"]
    assert "Roads | 2.5 million" in paragraphs and paragraphs[-1] == "A final vote is expected next month."


def test_docx_left_with_the_template_properties_has_no_author_or_date(tmp_path):
    """python-docx's blank template says "python-docx", 2013-12-23: not the document's author or date."""
    import docx

    document = docx.Document()
    document.add_paragraph("Budget talks resume")
    document.add_paragraph("The council met again on Monday, officials said.")
    document.save(tmp_path / "plain.docx")
    article = quiet_read(tmp_path / "plain.docx")[0].iloc[0]
    assert article.author == "" and pd.isna(article.published)


def test_broken_docx_gets_a_reason(tmp_path):
    data = make.docx_file(tmp_path / "good.docx").read_bytes()
    (tmp_path / "good.docx").unlink()
    (tmp_path / "broken.docx").write_bytes(data[:200])
    (tmp_path / "ok.txt").write_text("A text.\n\nWith a body.", encoding="utf-8")
    _, report = quiet_read(tmp_path)
    row = by_name(report, "broken.docx").iloc[0]
    assert row.status == "failed" and "AK084" in row.reason


# --------------------------------------------------------------------------- e-mail


def test_eml_fields_body_and_attachments(tmp_path):
    articles, report = quiet_read(make.eml_file(tmp_path / "statement.eml"))
    message = articles.set_index("article_id").loc["statement"]
    assert message.title == "Bridge statement for the press" and message.author == "Press Office"
    assert str(message.published.date()) == "2023-11-20"
    assert message.text.startswith("Dear editors,") and "repairs to the bridge have begun" in message.text
    assert message.attachments == "statement.pdf; photo.png"
    attached = articles.set_index("article_id").loc["statement--statement-pdf"]
    assert attached.title == "Ministry statement" and attached.pages.startswith("1:0 2:")
    photo = report[report.part == "attachment photo.png"].iloc[0]
    assert photo.status == "skipped" and "image/png" in photo.reason
    assert set(report.status) == {"loaded", "skipped"}


def test_text_attachment_read_in_its_declared_charset(tmp_path):
    message = make.email_message(subject="Forwarded note", body="See the note attached.\n\nThanks.")
    message.add_attachment(make.CP1251_TEXT, subtype="plain", charset="cp1251", filename="note.txt")
    (tmp_path / "fwd.eml").write_bytes(bytes(message))
    articles, _ = quiet_read(tmp_path / "fwd.eml")
    assert articles.set_index("article_id").loc["fwd--note-txt", "text"] == make.CP1251_TEXT


def test_eml_html_only_body_becomes_text(tmp_path):
    message = make.email_message(subject="Notice", body="", html="<html><body><p>The office will close at <b>noon</b> on Friday.</p><p>Staff were told on Monday.</p></body></html>")
    (tmp_path / "closure.eml").write_bytes(bytes(message))
    articles, _ = quiet_read(tmp_path / "closure.eml")
    assert articles.iloc[0].text == "The office will close at noon on Friday.\n\nStaff were told on Monday."


def test_mbox_one_article_per_message(tmp_path):
    articles, report = quiet_read(make.mbox_file(tmp_path / "inbox.mbox"))
    assert list(articles.article_id) == ["inbox-1", "inbox-2"]
    assert list(report.part) == ["message 1", "message 2"]
    assert list(articles.title) == ["Flood warning issued", "Mayor responds"]
    assert articles.iloc[1].author == "mayor@example.org"
    assert articles.iloc[1].text == "The mayor said the town was prepared.\n\nSandbags were handed out on Wednesday."


def test_not_an_email_is_reported(tmp_path):
    (tmp_path / "odd.eml").write_text("just some words\nwith no headers at all", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("A text.\n\nWith a body.", encoding="utf-8")
    _, report = quiet_read(tmp_path)
    row = by_name(report, "odd.eml").iloc[0]
    assert row.status == "failed" and "AK087" in row.reason


# --------------------------------------------------------------------------- feeds


def test_rss_and_atom_entries(tmp_path):
    (tmp_path / "gazette.rss").write_text(make.RSS, encoding="utf-8")
    (tmp_path / "harbour.atom").write_text(make.ATOM, encoding="utf-8")
    articles, report = quiet_read(tmp_path)
    rows = articles.set_index("article_id")
    assert list(rows.index) == ["gazette-1", "gazette-2", "harbour-1"]
    assert rows.loc["gazette-1", "title"] == "School reopens after repairs" and rows.loc["gazette-1", "author"] == "Sam Lee"
    assert rows.loc["gazette-1", "outlet"] == "Valley Gazette" and rows.loc["gazette-1", "url"] == "https://gazette.example/school"
    assert rows.loc["gazette-1", "text"] == "The head teacher said pupils would return on Monday.\n\nParents welcomed the news."
    assert str(rows.loc["gazette-2", "published"].date()) == "2023-11-23"
    assert rows.loc["harbour-1", "author"] == "Alex Kim" and rows.loc["harbour-1", "outlet"] == "Harbour News"
    assert list(report.part) == ["entry 1", "entry 2", "entry 1"]


def test_feeds_sniffed_in_xml_and_txt_other_xml_skipped(tmp_path):
    (tmp_path / "feed.xml").write_text(make.ATOM, encoding="utf-8")
    (tmp_path / "saved-feed.txt").write_text(make.RSS, encoding="utf-8")
    (tmp_path / "config.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    articles, report = quiet_read(tmp_path)
    assert sorted(articles.article_id) == ["feed-1", "saved-feed-1", "saved-feed-2"]
    assert "not an RSS or Atom feed" in by_name(report, "config.xml").iloc[0].reason


def test_feed_reader_never_fetches(monkeypatch):
    import urllib.request

    from analystkit.io.feeds import read_feed

    def refuse(*args, **kwargs):
        raise AssertionError("the feed reader must not open URLs")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    articles, problems = read_feed(make.RSS.encode("utf-8"))
    assert len(articles) == 2 and not problems
    articles, problems = read_feed(b"https://example.org/feed.xml")
    assert not articles and problems


# --------------------------------------------------------------------------- encodings


def test_cp1251_text_comes_out_right(tmp_path):
    (tmp_path / "privet.txt").write_bytes(make.CP1251_TEXT.encode("cp1251"))
    articles, report = quiet_read(tmp_path / "privet.txt")
    assert articles.iloc[0].text == make.CP1251_TEXT
    row = report.iloc[0]
    assert row.encoding == "cp1251" and "detected as cp1251" in row.reason and "low confidence" not in row.reason


@pytest.mark.parametrize("text, codec", [
    ("Καλημέρα κόσμε, ο υπουργός είπε ότι η γέφυρα θα ανοίξει ξανά τη Δευτέρα το πρωί.", "cp1253"),
    ("Министр сказал, что мост будет вновь открыт в понедельник, сообщили в ведомстве.", "koi8-r"),
    ("Café crème, naïve résumé: the owners said “no” to the council’s plan.", "cp1252"),
])
def test_single_byte_code_pages_detected(text, codec):
    decoded, encoding, caveat = decode(text.encode(codec))
    assert decoded == text, (codec, encoding)
    assert caveat.startswith("not valid UTF-8")


@pytest.mark.parametrize("text, codec, language", [
    ("Minister powiedział w środę, że rząd nie zgodzi się na żadne ustępstwa w rozmowach.", "cp1250", "Polish"),
    ("Ministr v úterý řekl, že vláda nebude souhlasit s žádnými ústupky; jednání budou pokračovat.", "cp1250", "Czech"),
    ("A miniszter szerdán azt mondta, hogy a kormány nem fog engedni, a tárgyalás jövő héten folytatódik.", "cp1250", "Hungarian"),
    ("Bakan çarşamba günü hükümetin hiçbir taviz vermeyeceğini söyledi; görüşmeler sürecek.", "cp1254", "Turkish"),
    ("Ministras trečiadienį pareiškė, kad vyriausybė nedarys jokių nuolaidų.", "cp1257", "Lithuanian"),
])
def test_latin_code_pages_other_than_cp1252_are_told_apart(text, codec, language):
    """A Polish "ł" is "³" in cp1252, a Czech "ř" is "ø": the code page whose letters one language writes wins."""
    decoded, encoding, caveat = decode(text.encode(codec))
    assert (decoded, encoding) == (text, codec)
    assert f"({language} letters" in caveat


@pytest.mark.parametrize("text", [
    "Très à côté: the minister's café was closed, officials said.",  # French read as cp1250 is Slovak-like: a tie stays cp1252
    "Zoë Lund and João Silva met in Malmö, the agency said.",  # names of three languages: no other code page does better
    "Der Außenminister sagte am Mittwoch, die Gespräche würden in Brüssel fortgesetzt.",
])
def test_west_european_text_stays_cp1252(text):
    decoded, encoding, _ = decode(text.encode("cp1252"))
    assert (decoded, encoding) == (text, "cp1252")


def test_short_non_latin_text_says_low_confidence():
    decoded, encoding, caveat = decode("Привет, мир".encode("cp1251"))
    assert decoded == "Привет, мир" and "low confidence" in caveat


# --------------------------------------------------------------------------- the folder


@pytest.mark.slow
def test_one_of_each_folder_loads_with_exact_offsets_and_pdf_pages(tmp_path, nlp):
    """The issue's "done when": every file accounted for, offsets exact on every row of every table,
    and the PDF's claims carry their page."""
    import analystkit as ak
    from tests.test_hostile_input import assert_offsets_exact

    folder = make.one_of_each(tmp_path / "inputs")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(folder, nlp=nlp, progress=False)
    report = corpus.load_report
    names = {Path(p).name for p in report.path}
    assert names == {p.name for p in folder.iterdir()}
    assert by_name(report, "scan.pdf").iloc[0].status == "failed"
    assert set(report[report.path.str.endswith(("review.pdf", "briefing.docx", "inbox.mbox", "gazette.rss", "harbour.atom", "privet.txt"))].status) == {"loaded"}
    assert "statement--statement-pdf" in set(corpus.articles.article_id)
    assert assert_offsets_exact(corpus) > 30
    claims = corpus.claims
    cited = claims[(claims.article_id == "review") & (claims.text == make.CLAIM_ON_PAGE_TWO)]
    assert len(cited) == 1 and cited.iloc[0].page == 2 and cited.iloc[0].source_text == "The minister"
    assert claims[claims.article_id == "review"].page.notna().all()
    assert claims[claims.article_id == "briefing"].page.isna().all()
    assert str(claims.page.dtype) == "Int64" and str(corpus.sentences.page.dtype) == "Int64"
    sentences = corpus.sentences[corpus.sentences.article_id == "review"]
    assert sentences.page.tolist() == sorted(sentences.page.tolist()) and set(sentences.page) == {1, 2}
    sheet = ak.ledger(corpus)
    assert sheet[(sheet.article_id == "review") & (sheet.claim == make.CLAIM_ON_PAGE_TWO)].page.tolist() == ["2"]
    assert set(sheet[sheet.article_id == "briefing"].page) == {""}


@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".pdf", ".docx", ".eml", ".rss", ".xml"]))
@settings(max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
def test_property_bytes_readers_never_raise(data, suffix):
    from analystkit.io.readers import BYTES_READERS

    articles, problems = BYTES_READERS[suffix](data)
    assert all(isinstance(a.text, str) and a.text.strip() for a in articles)
    assert all(isinstance(p.reason, str) and p.reason for p in problems)
    assert articles or problems


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_documents_never_raise(tmp_path, cut):
    from analystkit.io.readers import BYTES_READERS

    for suffix, data in ((".pdf", make.pdf_bytes()), (".docx", make.docx_file(tmp_path / "d.docx").read_bytes()),
                         (".eml", make.eml_file(tmp_path / "m.eml").read_bytes())):
        articles, problems = BYTES_READERS[suffix](data[: int(len(data) * cut)])
        assert articles or problems, suffix


@pytest.mark.slow
def test_pages_survive_worker_processes_and_the_cache(tmp_path, monkeypatch):
    """Worker processes and the row cache give the same `page` column as one process."""
    import analystkit as ak

    monkeypatch.setenv("ANALYSTKIT_CACHE", str(tmp_path / "cache"))
    folder = make.one_of_each(tmp_path / "inputs")
    tables = []
    for jobs in (1, 2, 1):  # one process, two workers, then the cache
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = ak.load(folder, jobs=jobs, progress=False)
        tables.append(corpus.claims[["article_id", "claim_id", "page"]])
    assert tables[0].equals(tables[1]) and tables[0].equals(tables[2])
    assert corpus.cache_hits == len(corpus.articles)
    assert tables[0][tables[0].article_id == "review"].page.max() == 2

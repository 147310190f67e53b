"""Builders of test documents, made at test time (no binary blobs in the repository): PDFs with a
text layer and without one (fpdf2), Word documents (python-docx), e-mails and mailboxes (email),
RSS and Atom feeds (literal XML), text in Windows-1251."""

from __future__ import annotations

import datetime as dt
import io
import mailbox
from email.message import EmailMessage
from pathlib import Path

PAGE_ONE = (
    "Transport ministry review of the river crossing",
    "The old bridge over the river was closed in January after inspectors found cracks in two of its piers. "
    "Traffic has since been diverted through the town centre, adding twenty minutes to most journeys.",
    "Engineers from the regional authority spent six weeks assessing the damage and drawing up repair plans.",
)
PAGE_TWO = (
    "The minister said the bridge would reopen in May.",
    "Local businesses said the closure had cost them customers, according to a survey by the chamber of commerce.",
)
CLAIM_ON_PAGE_TWO = "the bridge would reopen in May"
CP1251_TEXT = (
    "Привет, мир\n\nМинистр транспорта заявил, что мост через реку откроют в мае. "
    "Жители города говорят, что объезд отнимает у них двадцать минут каждый день."
)


def pdf_with_text(path: Path, *, title: str | None = "River crossing review", pages=(PAGE_ONE, PAGE_TWO)) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_author("Ministry of Transport")
    pdf.set_creation_date(dt.datetime(2024, 3, 5, 10, 0, tzinfo=dt.timezone.utc))
    pdf.set_font("Helvetica", size=11)
    for paragraphs in pages:
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(6)
    pdf.output(str(path))
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF whose only page is an image of text: no text layer, as a scan."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 200), color=255)
    ImageDraw.Draw(image).text((20, 80), "A scanned page: the minister said the bridge would reopen.", fill=0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    pdf.output(str(path))
    return path


def pdf_bytes(**options) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "x.pdf"
        pdf_with_text(target, **options)
        return target.read_bytes()


def docx_file(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Council budget briefing"
    document.core_properties.author = "Jane Roe"
    document.core_properties.created = dt.datetime(2023, 11, 20, 9, 0)
    document.add_heading("Council budget briefing", level=1)
    document.add_paragraph("The council approved a budget of four million pounds on Tuesday, officials said.")
    document.add_heading("Spending", level=2)
    document.add_paragraph("The treasurer said most of the money would go to road repairs.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Item"
    table.cell(0, 1).text = "Amount"
    table.cell(1, 0).text = "Roads"
    table.cell(1, 1).text = "2.5 million"
    document.add_paragraph("A final vote is expected next month.")
    document.save(str(path))
    return path


def email_message(*, subject: str, body: str, html: str | None = None, sender: str = "Press Office <press@example.org>",
                  date: str = "Mon, 20 Nov 2023 10:00:00 +0000", attachments: list[tuple[str, bytes, str]] = ()) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = "desk@example.org"
    message["Date"] = date
    if body:
        message.set_content(body)
    if html:
        if body:
            message.add_alternative(html, subtype="html")
        else:
            message.set_content(html, subtype="html")
    for name, data, kind in attachments:
        maintype, subtype = kind.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def eml_file(path: Path) -> Path:
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (4, 4)).save(picture, format="PNG")
    message = email_message(
        subject="Bridge statement for the press",
        body="Dear editors,\n\nThe ministry confirmed on Monday that repairs to the bridge have begun. "
             "A spokesperson said the work was on schedule.\n\nRegards,\nPress office",
        attachments=[("statement.pdf", pdf_bytes(title="Ministry statement"), "application/pdf"),
                     ("photo.png", picture.getvalue(), "image/png")],
    )
    path.write_bytes(bytes(message))
    return path


def mbox_file(path: Path) -> Path:
    box = mailbox.mbox(str(path))
    box.lock()
    try:
        box.add(email_message(subject="Flood warning issued", body="The agency said river levels would peak on Thursday.\n\nResidents were told to move valuables upstairs."))
        box.add(email_message(subject="Mayor responds", body="", html="<p>The mayor said the town was <b>prepared</b>.</p><p>Sandbags were handed out on Wednesday.</p>",
                              sender="mayor@example.org", date="Tue, 21 Nov 2023 08:30:00 +0000"))
        box.flush()
    finally:
        box.unlock()
        box.close()
    return path


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Gazette</title><link>https://gazette.example/</link>
<item><title>School reopens after repairs</title><link>https://gazette.example/school</link>
<pubDate>Wed, 22 Nov 2023 07:00:00 GMT</pubDate><author>news@gazette.example (Sam Lee)</author>
<description>&lt;p&gt;The head teacher said pupils would return on Monday.&lt;/p&gt;&lt;p&gt;Parents welcomed the news.&lt;/p&gt;</description></item>
<item><title>Market moves indoors</title><link>https://gazette.example/market</link>
<pubDate>Thu, 23 Nov 2023 07:00:00 GMT</pubDate>
<description>Traders said the winter market would move into the town hall.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title><id>urn:harbour</id><updated>2023-11-24T00:00:00Z</updated>
<entry><title>Ferry timetable changes</title><link href="https://harbour.example/ferry"/><id>urn:harbour:1</id>
<updated>2023-11-24T09:00:00Z</updated><author><name>Alex Kim</name></author>
<content type="html">&lt;p&gt;The operator said winter sailings would start in December.&lt;/p&gt;</content></entry>
</feed>
"""


def one_of_each(folder: Path) -> Path:
    """The issue's folder: a PDF with a text layer, a scanned PDF, a DOCX, an .eml with an attachment,
    an .mbox, an RSS file, an Atom file and a cp1251 text."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf_with_text(folder / "review.pdf")
    scanned_pdf(folder / "scan.pdf")
    docx_file(folder / "briefing.docx")
    eml_file(folder / "statement.eml")
    mbox_file(folder / "inbox.mbox")
    (folder / "gazette.rss").write_text(RSS, encoding="utf-8")
    (folder / "harbour.atom").write_text(ATOM, encoding="utf-8")
    (folder / "privet.txt").write_bytes(CP1251_TEXT.encode("cp1251"))
    return folder

"""How faithfully the PDF and DOCX readers give back a text: articles printed to a PDF (fpdf2,
Helvetica 11, A4, one paragraph after another, page breaks wherever they fall) and to a Word
document (python-docx), read back with ``analystkit.io.documents``, compared with the original.

    .venv/bin/python benchmarks/document_roundtrip.py data/articles
    .venv/bin/python benchmarks/document_roundtrip.py ../corpora/wh-rest --limit 60
    .venv/bin/python benchmarks/document_roundtrip.py data/articles --claims   # + claims of both versions

Figures per format: articles read back, paragraphs recovered exactly (as a multiset), word-level
similarity (difflib ratio over the word sequences) and the words lost or added. The core PDF fonts
hold Latin-1 only, so curly quotes and dashes are printed (and compared) as their ASCII forms.
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

ASCII = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "\u00a0": " ", "•": "-"})


def printable(text: str) -> str:
    return text.translate(ASCII).encode("latin-1", "replace").decode("latin-1")


def to_pdf(paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5.5, paragraph)
        pdf.ln(4)
    return bytes(pdf.output())


def to_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def compare(reference: list[str], got: str) -> dict:
    paragraphs = [p for p in got.split("\n\n") if p.strip()]
    exact = sum((Counter(reference) & Counter(paragraphs)).values())
    words_ref = " ".join(reference).split()
    words_got = got.split()
    matcher = difflib.SequenceMatcher(a=words_ref, b=words_got, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return {"paragraphs": len(reference), "exact": exact, "words": len(words_ref), "same": same, "got_words": len(words_got)}


def claims_agreement(articles) -> None:
    """Extract the text version (.txt) and the PDF version of each article and compare their claims
    (content and source as written): how much of the analysis survives the trip through a PDF."""
    import analystkit as ak

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "txt").mkdir()
        (root / "pdf").mkdir()
        for i, text in enumerate(articles.text):
            reference = [printable(" ".join(p.split())) for p in text.split("\n\n") if p.strip()]
            (root / "txt" / f"a{i:03d}.txt").write_text("\n\n".join(reference), encoding="utf-8")
            (root / "pdf" / f"a{i:03d}.pdf").write_bytes(to_pdf(reference))
        found = {}
        for kind in ("txt", "pdf"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                corpus = ak.load(root / kind, progress=False)
            claims = corpus.claims
            found[kind] = Counter(zip(claims.article_id, claims.text, claims.source_text))
            if kind == "pdf":
                paged = int(claims.page.notna().sum())
    same = sum((found["txt"] & found["pdf"]).values())
    n_txt, n_pdf = sum(found["txt"].values()), sum(found["pdf"].values())
    print(f"  claims: text version {n_txt}, PDF version {n_pdf} ({paged} with a page); identical (content and source) "
          f"{same}: {100 * same / max(1, n_txt):.1f}% of the text version's")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--limit", type=int, default=0, help="first N articles (sorted by file name)")
    parser.add_argument("--claims", action="store_true", help="also extract both versions and compare their claims (slow)")
    args = parser.parse_args(argv)

    from analystkit.io.documents import read_docx, read_pdf
    from analystkit.io.loader import read_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles, _ = read_articles(args.folder)
    articles = articles.sort_values("source_path")
    if args.limit:
        articles = articles.head(args.limit)
    totals = {name: Counter() for name in ("pdf", "docx")}
    pages = 0
    for text in articles.text:
        reference = [printable(" ".join(p.split())) for p in text.split("\n\n") if p.strip()]
        for name, write, read in (("pdf", to_pdf, read_pdf), ("docx", to_docx, read_docx)):
            got, problems = read(write(reference))
            totals[name]["articles"] += 1
            if not got:
                continue
            totals[name]["read"] += 1
            totals[name].update(compare(reference, got[0].text))
            if name == "pdf":
                pages += len(got[0].pages)
    print(f"{args.folder}: {len(articles)} articles ({pages} PDF pages)")
    if args.claims:
        claims_agreement(articles)
    for name, t in totals.items():
        print(
            f"  {name:4}: read {t['read']}/{t['articles']}; paragraphs exact {t['exact']}/{t['paragraphs']} "
            f"({100 * t['exact'] / max(1, t['paragraphs']):.1f}%); words matched {100 * t['same'] / max(1, t['words']):.2f}% "
            f"(reference {t['words']:,}, read back {t['got_words']:,})"
        )
    return 0


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        sys.exit(main())

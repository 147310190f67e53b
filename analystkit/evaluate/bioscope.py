"""Uncertain / certain sentences of BioScope's full papers: the kit's hedge cues against a word list.

Run from the project root, with the path of BioScope's full-papers file::

    python -m analystkit.evaluate.bioscope /path/to/full_papers.xml [--wordlist hedge_words.txt] [--cues [N]] [--json]

**The corpus.** BioScope (Vincze et al. 2008; the CoNLL-2010 shared task's
biological data) annotates speculation and negation cues, and their scopes, in
biomedical text. The full-papers part is 9 articles, 2,670 sentences, 519 with a
speculation cue. One copy is in the public GitHub repository
``joey234/negation-focused-pretraining`` (``data/bioscope/full_papers.xml``).
BioScope is for research use only: nothing of it is in this repository; pass the
path of your copy. **Only the full papers are read: BioScope's abstracts are
reserved for the project's held-out checks, and the script refuses a file named
like them or holding an abstract document.**

**Gold.** A sentence is *uncertain* when it holds at least one cue of type
``speculation`` (the CoNLL-2010 task 1 definition); negation cues are ignored.
A cue in pieces (several ``cue`` elements with one ``ref``: "either … or") is one
cue with several spans. Every sentence counts, titles and legends included.

**Systems**, scored as in :mod:`analystkit.evaluate.hedging` (same code): the
kit's :func:`~analystkit.extract.hedges.find_hedges` with the default ``standard``
profile, the ``news`` and the ``broad`` profile (a sentence is uncertain when the kit
finds a cue in it), an external word list (``--wordlist``, e.g. Islam et al. 2020)
and the naive use of the kit's own cue list.

``--cues`` adds the cue level: per gold cue text (lower case) how often each
system finds it (a predicted cue overlaps the gold cue), and the kit's cues that
make certain sentences uncertain.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import Errors
from .hedging import report

RESERVED = ("abstract",)


def check_path(path: str | Path) -> Path:
    """``path`` if it may be read: BioScope's abstracts are reserved (``ValueError``)."""
    path = Path(path)
    if any(word in path.name.lower() for word in RESERVED):
        raise ValueError(Errors.AK013.format(path=str(path)))
    if not path.is_file():
        raise FileNotFoundError(Errors.AK014.format(path=str(path)))
    return path


def _walk(element: ET.Element, parts: list[str], cues: dict[str, dict], offset: int) -> int:
    """Append ``element``'s text to ``parts``, recording speculation cue spans; returns the new offset."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _walk(child, parts, cues, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "cue" and element.get("type") == "speculation":
        cue = cues.setdefault(element.get("ref") or f"@{start}", {"pieces": [], "spans": []})
        cue["pieces"].append("".join(element.itertext()))
        cue["spans"].append([start, offset])
    return offset


def sentence_record(element: ET.Element, document: str = "") -> dict:
    """One ``<sentence>`` as a record of :mod:`analystkit.evaluate.hedging`: ``id, text, uncertain, cues``.

    ``cues`` holds each speculation cue as ``{"text", "spans"}`` in offsets of ``text``
    (pieces joined by " … " in ``text``).
    """
    parts: list[str] = []
    cues: dict[str, dict] = {}
    _walk(element, parts, cues, 0)
    text = "".join(parts)
    records = [{"text": " … ".join(c["pieces"]), "spans": c["spans"]} for c in cues.values()]
    records.sort(key=lambda c: c["spans"][0])
    return {"id": f"{document}#{element.get('id', '')}", "text": text, "uncertain": bool(records), "cues": records}


def read_full_papers(path: str | Path) -> list[dict]:
    """Every sentence of the full-papers file, in document order (refuses the abstracts)."""
    path = check_path(path)
    root = ET.parse(path).getroot()
    records = []
    for document in root.iter("Document"):
        kind = (document.get("type") or "").lower()
        if any(word in kind for word in RESERVED):
            raise ValueError(Errors.AK013.format(path=str(path)))
        doc_id = (document.findtext("DocID") or "").strip()
        records += [sentence_record(sentence, doc_id) for sentence in document.iter("sentence")]
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analystkit.evaluate.bioscope", description=__doc__.split("\n")[0])
    parser.add_argument("path", help="BioScope's full_papers.xml")
    parser.add_argument("--cues", type=int, nargs="?", const=40, default=0, metavar="N", help="also the cue-level tables (the N most frequent gold cues)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--wordlist", type=Path, default=None, metavar="PATH", help="an external hedge word list to compare (e.g. Islam et al. 2020 hedge_words.txt)")
    args = parser.parse_args(argv)
    try:
        records = read_full_papers(args.path)
    except (ValueError, FileNotFoundError, ET.ParseError) as error:
        print(error, file=sys.stderr)
        return 2
    print(report(records, title=f"BioScope full papers, {args.path}", cues=args.cues, as_json=args.json, wordlist=args.wordlist))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["check_path", "main", "read_full_papers", "sentence_record"]

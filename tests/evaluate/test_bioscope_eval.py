"""BioScope evaluation: reading the XML (nested scopes, cues in pieces) and refusing the abstracts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from analystkit.evaluate.bioscope import (
    check_path,
    main,
    read_full_papers,
    sentence_record,
)

SENTENCE = (
    '<sentence id="S1.7">However, <xcope id="X1.7.2">performance on a family, which '
    '<xcope id="X1.7.1"><cue type="speculation" ref="X1.7.1">may</cue> be atypical</xcope>, is '
    '<cue type="speculation" ref="X1.7.2">unclear</cue></xcope>, and <xcope id="X1.7.3">'
    '<cue type="negation" ref="X1.7.3">not</cue> tested</xcope>; <xcope id="X1.7.4">'
    '<cue type="speculation" ref="X1.7.4">either</cue> A <cue type="speculation" ref="X1.7.4">or</cue> B</xcope>.</sentence>'
)
FILE = (
    '<?xml version="1.0" encoding="utf-8"?><Annotation><DocumentSet>'
    '<Document type="Biological_full_article"><DocID type="BMC_ID">paper-1</DocID>'
    '<DocumentPart type="Title"><sentence id="S1.1">A title</sentence></DocumentPart>'
    f'<DocumentPart type="Text">{SENTENCE}</DocumentPart></Document></DocumentSet></Annotation>'
)


def test_sentence_record_text_and_cue_offsets():
    record = sentence_record(ET.fromstring(SENTENCE), "paper-1")
    text = record["text"]
    assert text == "However, performance on a family, which may be atypical, is unclear, and not tested; either A or B."
    assert record["id"] == "paper-1#S1.7" and record["uncertain"]
    cues = [(c["text"], [text[s:e] for s, e in c["spans"]]) for c in record["cues"]]
    assert cues == [("may", ["may"]), ("unclear", ["unclear"]), ("either … or", ["either", "or"])]  # negation left out


def test_a_sentence_without_speculation_is_certain():
    record = sentence_record(ET.fromstring('<sentence id="S2">It is <cue type="negation" ref="X">not</cue> known.</sentence>'))
    assert record["text"] == "It is not known." and not record["uncertain"] and record["cues"] == []


def test_read_full_papers(tmp_path):
    path = tmp_path / "full_papers.xml"
    path.write_text(FILE, encoding="utf-8")
    records = read_full_papers(path)
    assert [r["id"] for r in records] == ["paper-1#S1.1", "paper-1#S1.7"]
    assert [r["uncertain"] for r in records] == [False, True]


def test_the_abstracts_are_refused_unread(tmp_path):
    named = tmp_path / "abstracts.xml"
    named.write_text("not even XML", encoding="utf-8")
    with pytest.raises(ValueError, match="reserved"):
        check_path(named)
    assert main([str(named)]) == 2
    renamed = tmp_path / "papers.xml"
    renamed.write_text(FILE.replace("Biological_full_article", "Biological_abstract"), encoding="utf-8")
    with pytest.raises(ValueError, match="reserved"):
        read_full_papers(renamed)
    with pytest.raises(FileNotFoundError, match="not found"):
        check_path(tmp_path / "missing.xml")

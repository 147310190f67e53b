"""Transcript speaker labels resolved to people (issue 17)."""

from __future__ import annotations

import pytest

import analystkit as ak
from analystkit.nlp.speakers import QUESTIONER, label_spans, resolve_label


@pytest.fixture(scope="module")
def nlp():
    return ak.load_model()


def test_questioner_is_an_unnamed_journalist(nlp):
    speaker = resolve_label(["Q"], nlp("Hello."), questioner=True)
    assert speaker == QUESTIONER
    assert (speaker.actor, speaker.source_type, speaker.source_subtype) == ("", "unnamed", "journalist")


def test_surname_label_takes_the_full_name_in_the_text(nlp):
    doc = nlp("Jake Sullivan briefed reporters on Monday.")
    assert resolve_label(["MR.", "SULLIVAN"], doc).actor == "Jake Sullivan"


def test_surname_label_takes_the_full_name_in_the_metadata(nlp):
    meta = {"title": "Press Briefing by Press Secretary Karine Jean-Pierre and John Kirby"}
    assert resolve_label(["MS.", "JEAN-PIERRE"], nlp("Good afternoon."), meta).actor == "Karine Jean-Pierre"
    assert resolve_label(["MR.", "KIRBY"], nlp("Good afternoon."), meta).actor == "John Kirby"


def test_surname_alone_when_nobody_is_named(nlp):
    speaker = resolve_label(["MR.", "SMITH"], nlp("Good afternoon."))
    assert speaker.actor == "Smith" and speaker.source_type == "named_person"


def test_role_label_takes_the_person_the_heading_names(nlp):
    meta = {"title": "Remarks by President Biden in a Press Conference | Bali, Indonesia", "author": "President Joe Biden"}
    speaker = resolve_label(["THE", "PRESIDENT"], nlp("Welcome to Bali."), meta)
    assert speaker.actor == "Joe Biden" and speaker.source_type == "named_person"


def test_role_label_with_no_holder_stays_an_unnamed_official(nlp):
    speaker = resolve_label(["THE", "PRESIDENT"], nlp("Welcome."), {})
    assert speaker.source_type == "unnamed" and speaker.source_subtype == "official"


def test_label_spans_only_in_transcripts():
    text = "MR. SULLIVAN: Hello.\n\nQ Why?\n\nMR. SULLIVAN: Because."
    spans = label_spans(text)
    assert [text[s:e] for s, e in spans] == ["MR. SULLIVAN:", "Q", "MR. SULLIVAN:"]
    assert label_spans("Note: this is an ordinary article.\n\nIt has one colon.") == []


def test_surname_shared_by_two_people_stays_the_surname(nlp):
    doc = nlp("Hunter Biden was named in the report. Jill Biden travelled to Kyiv.")
    meta = {"title": "Remarks by President Biden on the economy"}
    speaker = resolve_label(["THE", "PRESIDENT"], doc, meta)
    assert speaker.actor == "Biden"


def test_name_in_a_heading_is_cut_at_the_surname(nlp):
    meta = {"title": "Press Gaggle by Press Secretary Karine Jean-Pierre En Route Lexington, KY"}
    assert resolve_label(["MS.", "JEAN-PIERRE"], nlp("Hi."), meta).actor == "Karine Jean-Pierre"
    meta = {"title": "Press Briefing by Communications Director Kate Bedingfield"}
    assert resolve_label(["MS.", "BEDINGFIELD"], nlp("Hi."), meta).actor == "Kate Bedingfield"


def test_bare_role_actor_takes_the_holder_the_heading_names(nlp):
    from analystkit.nlp.speakers import role_holder

    meta = {"title": "Remarks by President Biden and Prime Minister Lapid"}
    assert role_holder("President", nlp("The President spoke."), meta) == "Biden"
    assert role_holder("Prime Minister", nlp("The Prime Minister spoke."), meta) == "Lapid"
    assert role_holder("Jake Sullivan", nlp("Hi."), meta) == ""


def test_answer_label_is_the_interviewee_the_title_names(nlp):
    doc = nlp("Jane Roe, the senator, spoke to us. Her aide John Doe sat in.\n\nQ: Will it pass?\n\nA: Yes.")
    speaker = resolve_label(["A"], doc, {"title": "Interview: Jane Roe on the budget"}, answerer=True)
    assert (speaker.actor, speaker.source_type) == ("Jane Roe", "named_person")


def test_answer_label_without_a_title_is_the_person_of_the_introduction(nlp):
    text = "Jane Roe spoke to us on Monday.\n\nQ: Did John Doe help? John Doe said so.\n\nA: John Doe did."
    doc = nlp(text)
    speaker = resolve_label(["A"], doc, {}, answerer=True, before=text.index("Q:"))
    assert speaker.actor == "Jane Roe"


def test_answer_label_with_nobody_named_is_an_unnamed_interviewee(nlp):
    speaker = resolve_label(["A"], nlp("We spoke to a farmer.\n\nQ: How was the harvest?\n\nA: Poor."), {}, answerer=True)
    assert (speaker.actor, speaker.source_type, speaker.source_subtype) == ("", "unnamed", "interviewee")


def test_role_label_skips_a_longer_office_ending_in_the_role(nlp):
    # "Vice President Harris" and "former President Trump" hold other offices than "THE PRESIDENT".
    meta = {"title": "Remarks by President Biden and Vice President Harris in a Briefing"}
    assert resolve_label(["THE", "PRESIDENT"], nlp("Thank you all."), meta).actor == "Biden"
    assert resolve_label(["THE", "VICE", "PRESIDENT"], nlp("Thank you all."), meta).actor == "Harris"
    doc = nlp("Former President Trump said so. Vice-President Pence agreed. President Biden disagreed.")
    assert resolve_label(["THE", "PRESIDENT"], doc, {}).actor == "Biden"


def test_function_labels_are_unnamed_speakers_without_an_actor(nlp):
    doc = nlp("Thanks, everyone, for joining this background call.")
    official = resolve_label(["SENIOR", "ADMINISTRATION", "OFFICIAL"], doc)
    assert (official.actor, official.source_type, official.source_subtype) == ("", "unnamed", "official")
    officials = resolve_label(["SENIOR", "ADMINISTRATION", "OFFICIALS"], doc)
    assert officials.actor == "" and officials.source_subtype == "official"
    moderator = resolve_label(["MODERATOR"], doc)
    assert (moderator.actor, moderator.source_type, moderator.source_subtype) == ("", "unnamed", "speaker")
    # A surname is still a person, even one that ends like a noun.
    assert resolve_label(["MR.", "SULLIVAN"], nlp("Jake Sullivan spoke.")).actor == "Jake Sullivan"


def test_a_title_case_heading_name_ends_at_a_function_word(nlp):
    meta = {"title": "Remarks by President Biden Before Marine One Departure"}
    assert resolve_label(["THE", "PRESIDENT"], nlp("It is very high."), meta).actor == "Biden"
    meta = {"title": "Remarks by Prime Minister Yair Lapid of the State of Israel"}
    assert resolve_label(["PRIME", "MINISTER", "LAPID"], nlp("Thank you."), meta).actor == "Yair Lapid"
    assert resolve_label(["THE", "PRIME", "MINISTER"], nlp("Thank you."), meta).actor == "Yair Lapid"

"""The claims table: one test per attribution pattern, on constructed sentences."""

from __future__ import annotations

import pytest

import analystkit as ak
from analystkit.extract import extract_article
from analystkit.nlp.doc import ArticleDoc
from analystkit.nlp.pronouns import resolve_pronoun
from analystkit.nlp.quotes import NOTE_UNCLOSED, find_quotes


@pytest.fixture(scope="module")
def nlp():
    return ak.load_model()


@pytest.fixture(scope="module")
def claims(nlp):
    def run(text: str) -> list[dict]:
        rows = extract_article(ArticleDoc.build("t", nlp(text)), tables=["claims"])["claims"]
        for row in rows:  # offsets are sacred
            assert text[row["start"] : row["end"]] == row["text"]
            if row["source_start"] >= 0:
                assert text[row["source_start"] : row["source_end"]] == row["source_text"]
            if row["cue_start"] >= 0:
                assert text[row["cue_start"] : row["cue_end"]] == row["cue"]
        return rows

    return run


def attributed(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["source_type"] != "author"]


def only(rows: list[dict]) -> dict:
    found = attributed(rows)
    assert len(found) == 1, found
    return found[0]


def test_x_said_that_y(claims):
    row = only(claims("The minister said that the army would leave the city."))
    assert row["source_text"] == "The minister"
    assert row["cue"] == "said"
    assert "the army would leave the city" in row["text"]
    assert row["quote_type"] == "indirect"
    assert row["source_type"] == "unnamed" and row["source_subtype"] == "official"


def test_y_comma_x_said(claims):
    row = only(claims("The army will leave the city, the minister said."))
    assert row["source_text"] == "the minister"
    assert row["text"] == "The army will leave the city"


def test_inverted_said_x(claims):
    row = only(claims("The army will leave the city, said Defence Minister Oleksii Reznikov."))
    assert row["source_text"].endswith("Oleksii Reznikov")
    assert row["source_type"] == "named_person"
    assert row["source_actor"] == "Oleksii Reznikov"
    assert row["text"] == "The army will leave the city"


def test_x_told_y_that(claims):
    row = only(claims("Kremlin spokesman Dmitry Peskov told reporters that the decision was final."))
    assert row["cue"] == "told"
    assert row["source_actor"] == "Dmitry Peskov"
    assert row["source_type"] == "named_person" and row["source_subtype"] == "official"
    assert "reporters" not in row["text"] and "the decision was final" in row["text"]


def test_according_to(claims):
    row = only(claims("According to the United Nations, more than a million people have fled the region."))
    assert row["cue"] == "According to"
    assert row["source_type"] == "named_organization"
    assert row["text"].startswith("more than a million people")


def test_in_a_statement(claims):
    row = only(claims("In a statement, the Foreign Ministry accused Kyiv of shelling the plant."))
    assert "Foreign Ministry" in row["source_text"]
    assert row["cue"] in ("accused", "In a statement")
    assert "shelling the plant" in row["text"]


def test_in_a_statement_without_reporting_verb(claims):
    row = only(claims("The ministry, in a statement on Tuesday, ordered the troops back to their barracks."))
    assert row["cue"].startswith("in a statement")
    assert row["source_text"] == "The ministry"


def test_a_speech_act_verb_carries_the_attribution_over_the_medium_phrase(claims):
    row = only(claims("The ministry, in a statement on Tuesday, rejected the accusations as absurd."))
    assert row["cue"] == "rejected" and row["source_text"] == "The ministry"
    assert "the accusations" in row["text"]


def test_x_has_said(claims):
    row = only(claims("Ukrainian officials have said that any withdrawal may be a trap."))
    assert row["source_text"] == "Ukrainian officials"
    assert row["source_type"] == "unnamed" and row["source_subtype"] == "official"
    assert row["source_actor"] == "Ukraine"


def test_colon_lead_in(claims):
    row = only(claims('Zelensky: "We will not give up our land."'))
    assert row["cue"] == ":"
    assert row["source_text"] == "Zelensky"
    assert row["quote_type"] == "direct"
    assert row["text"] == '"We will not give up our land."'


def test_multi_sentence_quote(claims):
    rows = claims('"We will hold the line. We have no choice," the commander said. The town was quiet.')
    quoted = attributed(rows)
    assert len(quoted) == 2
    assert {r["source_text"] for r in quoted} == {"the commander"}
    assert all(r["quote_type"] == "direct" for r in quoted)
    assert rows[-1]["source_type"] == "author"


def test_multi_paragraph_quote(claims):
    text = 'The mayor said: "The water is back in most districts.\n\n"Power will take another week. We ask for patience."\n\nThe river rose.'
    rows = claims(text)
    quoted = attributed(rows)
    assert len(quoted) == 3
    assert {r["source_text"] for r in quoted} == {"The mayor"}
    assert rows[-1]["source_type"] == "author"


def test_mixed_quote(claims):
    row = only(claims('The minister said the offensive was "going according to plan" despite the losses.'))
    assert row["quote_type"] == "mixed"


def test_direct_quote(claims):
    row = only(claims('"The bridge is gone," the governor said.'))
    assert row["quote_type"] == "direct"
    assert row["text"] == '"The bridge is gone,"'


def test_passive_it_was_announced(claims):
    row = only(claims("It was announced that the talks had failed."))
    assert row["source_type"] == "vague" and row["source_subtype"] == "impersonal"
    assert row["source_text"] == "" and row["source_start"] == -1
    assert "announced" in row["cue"]
    assert "the talks had failed" in row["text"]


def test_there_were_reports_that(claims):
    row = only(claims("There were also reports that Russian flags were lowered from the buildings."))
    assert row["source_type"] == "vague" and row["cue"] == "reports"
    assert "Russian flags were lowered" in row["text"]


def test_rumors_had_been_circulating(claims):
    row = only(claims("Rumors of a withdrawal from the city had been circulating for weeks."))
    assert row["source_type"] == "vague" and row["source_subtype"] == "report"
    # the noun is the cue, and no one is named: no source span (PARC 3.0 sourceless attribution)
    assert row["cue"] == "Rumors" and row["source_text"] == "" and row["source_start"] == -1
    assert "a withdrawal from the city" in row["text"]


def test_a_report_noun_with_a_possessor_keeps_it_as_source(claims):
    row = only(claims("Russia's claims that the convoy carried aid drew scorn."))
    assert row["source_text"] == "Russia's" and row["cue"] == "claims"


def test_a_statement_saying_is_its_issuers(claims):
    row = only(claims("The campaign issued a statement Tuesday saying the senator would not resign."))
    assert row["source_text"] == "The campaign" and row["cue"] == "saying"
    assert row["text"] == "the senator would not resign"


def test_a_participle_on_a_noun_leaves_the_participle_out_of_the_source(claims):
    row = only(claims("Newspaper articles alleging that the virus was invented abroad appeared in 1983."))
    assert row["source_text"] == "Newspaper articles" and row["cue"] == "alleging"


def test_question_reports_a_doubt_but_not_an_interrogation(claims):
    row = only(claims("Mr. Sanders questioned her judgment on trade."))
    assert row["source_text"] == "Mr. Sanders" and row["text"].startswith("her judgment")
    assert attributed(claims("Police arrested and questioned the student.")) == []
    assert attributed(claims("Sanders challenged the senator in the primary.")) == []


def test_knowledge_outside_quotes_but_not_inside(claims):
    row = only(claims("Most candidates know that they can rely on the network."))
    assert row["source_text"] == "Most candidates" and row["cue"] == "know"
    rows = attributed(claims('"I know Americans are impatient," Smith said.'))
    assert [r["cue"] for r in rows] == ["said"]


def test_attitude_adjectives_glad_and_leery(claims):
    row = only(claims("Local Republicans are leery of the new rules."))
    assert row["source_text"] == "Local Republicans" and row["text"] == "the new rules"


def test_reportedly(claims):
    row = only(claims("The general was reportedly dismissed on Friday."))
    assert row["source_type"] == "vague" and row["cue"] == "reportedly"


def test_x_fears_that(claims):
    row = only(claims("Local farmers fear that the dam will burst."))
    assert row["cue"] == "fear"
    assert row["source_type"] == "unnamed"
    assert "the dam will burst" in row["text"]


def test_x_is_expected_to(claims):
    row = only(claims("The army is expected to advance slowly."))
    assert row["source_type"] == "vague" and row["source_subtype"] == "impersonal"
    assert row["text"].startswith("The army") and "advance slowly" in row["text"]


def test_nested_belief_after_said_with_pronoun(claims):
    rows = attributed(claims("Ukrainian officials have repeatedly said they fear the withdrawal could be a trap."))
    by_cue = {r["cue"]: r for r in rows}
    assert set(by_cue) == {"said", "fear"}
    assert by_cue["fear"]["source_text"] == "they"
    assert by_cue["fear"]["source_actor"] == "Ukraine"


@pytest.mark.parametrize(
    ("sentence", "source_type", "subtype"),
    [
        ("A Ukrainian military official in the area said the troops laid mines.", "unnamed", "official"),
        ("A source who spoke on condition of anonymity said the deal was close.", "unnamed", "anonymous"),
        ("People familiar with the matter said the deal was close.", "unnamed", "anonymous"),
        ("The Ukrainians also said the deal was close.", "unnamed", "collective"),
        ("Reports said the deal was close.", "vague", "report"),
        ("Sergei Shoigu said the deal was close.", "named_person", "person"),
        ("The Kremlin said the deal was close.", "named_organization", None),
        ("Germany said the deal was close.", "named_organization", "state"),
    ],
)
def test_source_types(claims, sentence, source_type, subtype):
    row = only(claims(sentence))
    assert row["source_type"] == source_type
    if subtype:
        assert row["source_subtype"] == subtype


def test_unattributed_sentence_is_author_voice(claims):
    rows = claims("Russian troops crossed the river on Monday.")
    assert len(rows) == 1
    assert rows[0]["source_type"] == "author" and rows[0]["quote_type"] == "none"
    assert rows[0]["cue"] == "" and rows[0]["cue_start"] == -1


def test_question_yields_no_claim(claims):
    rows = claims("Will the army leave the city? The army left the city.")
    assert [r["sentence_id"] for r in rows] == [1]


def test_several_attributions_in_one_sentence(claims):
    rows = claims("The minister said the bridge was safe, but engineers warned that it could collapse.")
    assert {r["cue"] for r in attributed(rows)} == {"said", "warned"}
    assert len({r["claim_id"] for r in rows}) == len(rows)


def test_pronoun_source_resolved_to_person(claims):
    rows = claims("Kremlin spokesman Dmitry Peskov met reporters on Monday. He said the talks would continue.")
    row = only(rows)
    assert row["source_text"] == "He"
    assert row["source_actor"] == "Dmitry Peskov"
    assert row["source_type"] == "named_person" and row["source_subtype"] == "pronoun"


def test_resolve_pronoun_skips_names_inside_quotes(nlp):
    text = 'Angela Merkel met the press. "Ask Emmanuel Macron," she joked. She said the talks were over.'
    doc = nlp(text)
    she = [t for t in doc if t.text == "She"][0]
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    assert resolve_pronoun(she, ignore=quotes) == "Angela Merkel"
    assert resolve_pronoun(she) != "Angela Merkel"  # without the hint the quoted name wins


@pytest.mark.parametrize(
    "text",
    [
        'The minister said: "We will win.\n\nThe river rose.',
        '“The bridge is gone, the governor said. "It is "gone".\n\nThen" nothing.',
        'He said "yes.\n\n"',
        '"',
        "",
    ],
)
def test_unbalanced_quotes_never_break(claims, text):
    rows = claims(text)
    assert isinstance(rows, list)


def test_unclosed_quote_degrades_to_paragraph_and_is_noted(claims):
    rows = claims('The minister said: "We will win. We always win.\n\nThe river rose.')
    quoted = attributed(rows)
    assert len(quoted) == 2
    assert all(NOTE_UNCLOSED in r["note"] for r in quoted)
    assert rows[-1]["source_type"] == "author"


def test_transcript_speaker_turns(claims):
    text = (
        "Jake Sullivan briefed reporters.\n\nMR. SULLIVAN: Thanks, everyone. The President will travel on Monday.\n\n"
        "He will meet the allies.\n\nQ Will he meet Xi?\n\nMR. SULLIVAN: He will. That is settled."
    )
    rows = claims(text)
    turns = [r for r in rows if r["source_text"] == "MR. SULLIVAN"]
    assert len(turns) == 5
    assert {r["source_actor"] for r in turns} == {"Jake Sullivan"}
    assert not any(r["text"].startswith("SULLIVAN") or r["text"].startswith("MR.") for r in turns)
    assert not any("Xi" in r["text"] for r in rows)  # the question yields no claim


def test_headline_is_a_claim(nlp):
    text = "Army leaves city\n\nThe army left the city on Monday."
    article = ArticleDoc.build("t", nlp(text), {"has_headline": True})
    rows = extract_article(article, tables=["claims"])["claims"]
    assert rows[0]["sentence_id"] == 0 and rows[0]["source_type"] == "author"


# ---------------------------------------------------------------- issue 17: PARC-style coverage
def test_participial_cue_takes_the_subject_of_its_clause(claims):
    rows = attributed(claims("Senator Jane Doe criticised the plan on Tuesday, saying that it would raise taxes."))
    row = next(r for r in rows if r["cue"] == "saying")
    assert row["source_text"] == "Senator Jane Doe"
    assert row["text"] == "that it would raise taxes"


def test_participle_without_a_clause_reports_nothing(claims):
    rows = attributed(claims("The group requires members to sign a contract, agreeing to work for it."))
    assert not any(r["cue"] == "agreeing" for r in rows)


def test_refusal_to_comment_has_an_empty_content_and_a_note(claims):
    row = only(claims("The company declined to comment."))
    assert row["cue"] == "declined to comment"
    assert row["start"] == row["end"] and row["text"] == ""
    assert "refusal" in row["note"]
    assert row["source_text"] == "The company"


def test_refusal_with_content_keeps_its_infinitive(claims):
    row = only(claims("Mr. Smith declined to say whether he would run."))
    assert row["cue"] == "declined"
    assert row["text"] == "to say whether he would run"


def test_intention_of_a_person_is_attributed(claims):
    row = only(claims("Donald Trump wants to build a wall on the border."))
    assert row["cue"] == "wants" and row["text"] == "to build a wall on the border"


def test_a_plan_of_a_person_is_an_intention(claims):
    row = only(claims("Mr. Brown does not plan to endorse Mr. Cruz from his pulpit."))
    assert row["cue"] == "plan" and row["text"] == "to endorse Mr. Cruz from his pulpit"


def test_intention_of_an_organisation_is_not(claims):
    assert not attributed(claims("The organization plans to hold the contest in a different country every year."))


def test_commitment_verb_takes_an_infinitive(claims):
    row = only(claims("Hillary Clinton urged Congress to pass the bill."))
    assert row["cue"] == "urged" and row["text"] == "to pass the bill"


def test_evidence_source(claims):
    row = only(claims("Polls show that Clinton leads in Ohio."))
    assert row["source_text"] == "Polls" and row["cue"] == "show"
    assert row["source_type"] != "author"


def test_speech_act_with_object_content(claims):
    row = only(claims("Ted Cruz blasted the deal as a betrayal."))
    assert row["cue"] == "blasted" and "the deal" in row["text"]


def test_naming_participle_is_no_attribution(claims):
    rows = attributed(claims("A defector from a group called the Sea Org left the city."))
    assert not any(r["cue"] == "called" for r in rows)


def test_generic_you_and_one_are_never_sources(claims):
    rows = claims("One might argue that the plan failed. You could say that the city is safe.")
    assert not any(r["source_text"].lower() in ("one", "you") for r in rows)


def test_headline_lead_in_without_quote_marks(nlp):
    text = "Senator Jane Doe on the leak: Unethical and wrong.\n\nThe senator spoke on Monday."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"has_headline": True}), tables=["claims"])["claims"]
    row = rows[0]
    assert row["source_text"] == "Senator Jane Doe" and row["cue"] == ":"
    assert row["text"].startswith("Unethical")


def test_headline_place_before_a_colon_is_no_source(nlp):
    text = "Ukraine: Russia launches a full-scale invasion.\n\nTroops crossed the border on Thursday."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"has_headline": True}), tables=["claims"])["claims"]
    assert rows[0]["source_type"] == "author"


# ---------------------------------------------------------------- issue 17: quotation conventions
def test_continuation_quote_in_the_paragraph_keeps_its_speaker(claims):
    rows = claims('"We may lose," said Ann Lee, a club officer. "Maybe we should wait." The vote is on Monday.')
    second = next(r for r in rows if r["text"].startswith('"Maybe'))
    assert second["source_actor"] == "Ann Lee"
    assert second["quote_type"] == "direct"
    assert rows[-1]["source_type"] == "author"


def test_first_person_inside_a_quote_is_its_speaker(claims):
    rows = claims('"I think we will win," said John Smith, a student.')
    inner = next(r for r in rows if r["cue"] == "think")
    assert inner["nested"] is True
    assert inner["source_actor"] == "John Smith"
    outer = next(r for r in rows if r["cue"] == "said")
    assert outer["nested"] is False and outer["source_actor"] == "John Smith"


def test_first_person_in_a_continued_quote_is_the_speaker(claims):
    rows = claims('"We may lose," said Ann Lee, a club officer. "I think we should wait."')
    inner = next(r for r in rows if r["cue"] == "think")
    assert inner["source_actor"] == "Ann Lee" and inner["nested"] is True
    assert any(r["text"] == '"I think we should wait."' and r["source_actor"] == "Ann Lee" for r in rows)


def test_he_said_after_a_students_quote_is_the_student(claims):
    rows = claims(
        "Senator Mary Jones visited the school on Monday. "
        '"We may lose," said Tom Baker, a student. He said the club would vote next week.'
    )
    row = next(r for r in rows if r["source_text"] == "He")
    assert row["source_actor"] == "Tom Baker"


def test_relative_pronoun_source_takes_its_antecedent(claims):
    rows = attributed(claims("Mayor John Smith, who said that the bridge was closed, left the city."))
    row = next(r for r in rows if r["cue"] == "said")
    assert row["source_actor"] == "John Smith"
    assert row["source_text"].startswith("Mayor John Smith")


def test_first_person_outside_quotes_is_the_author(claims):
    row = next(r for r in claims("I believe the plan will fail.") if r["cue"] == "believe")
    assert row["source_type"] == "author" and row["source_actor"] == ""


# ---------------------------------------------------------------- issue 17: transcripts
def test_first_person_possessive_in_a_turn_is_the_speaker(claims):
    text = "Ned Price briefed reporters.\n\nMR. PRICE: That was not my point. Our assessment is that Russia will not talk.\n\nQUESTION: Thanks."
    row = next(r for r in claims(text) if r["cue"] == "assessment")
    assert row["source_text"] == "Our" and row["source_actor"] == "Ned Price" and row["source_type"] == "named_person"


def test_transcript_labels_resolve_to_people(nlp):
    text = (
        "THE PRESIDENT: Good afternoon. We had an election yesterday.\n\n"
        "Q Thank you, Mr. President. Will you run again?\n\n"
        "THE PRESIDENT: I intend to run again.\n\n"
        "MS. JEAN-PIERRE: Thank you, everyone. Karine Jean-Pierre will take two more questions."
    )
    meta = {"title": "Remarks by President Biden in a Press Conference", "author": "President Joe Biden"}
    rows = extract_article(ArticleDoc.build("t", nlp(text), meta), tables=["entities", "claims"])
    claims = rows["claims"]
    president = [r for r in claims if r["source_text"] == "THE PRESIDENT"]
    assert president and {r["source_actor"] for r in president} == {"Joe Biden"}
    assert {r["source_type"] for r in president} == {"named_person"}
    questions = [r for r in claims if r["source_text"] == "Q"]
    assert questions and all(r["source_type"] == "unnamed" and r["source_subtype"] == "journalist" and r["source_actor"] == "" for r in questions)
    assert {r["source_actor"] for r in claims if r["source_text"] == "MS. JEAN-PIERRE"} == {"Karine Jean-Pierre"}
    actors = {r["actor"] for r in rows["entities"]}
    assert not actors & {"JEAN", "President", "THE PRESIDENT", "PIERRE"}
    assert not any(r["source_actor"] in ("I", "The President", "Q", "we") for r in claims)


def test_background_call_officials_stay_unnamed_and_keep_their_i(nlp):
    """A background call's "SENIOR ADMINISTRATION OFFICIAL:" is an unnamed official, not an actor
    "Official"; "I"/"we" in its turns are that official, not the author. Its paragraphs are split by
    lines holding only a no-break space, as on the White House site."""
    text = (
        "MODERATOR:  Thanks, everyone, for joining this call.\n\xa0\n"
        "SENIOR ADMINISTRATION OFFICIAL:  Thank you. I think the sanctions will bite hard.\n\xa0\n"
        "Q\xa0\xa0\xa0 Thanks for doing this. Will Europe join?\n\xa0\n"
        "SENIOR ADMINISTRATION OFFICIAL:  We expect that Europe will join us."
    )
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"title": "Background Press Call by Senior Administration Officials"}), tables=["entities", "claims"])
    claims = rows["claims"]
    official = [r for r in claims if "bite hard" in r["text"] or "will join us" in r["text"]]
    assert len(official) == 2
    assert all(r["source_type"] == "unnamed" and r["source_subtype"] == "official" and r["source_actor"] == "" for r in official)
    assert not any(r["source_type"] == "author" for r in claims)
    assert any(r["source_text"] == "Q" and r["source_subtype"] == "journalist" for r in claims)
    assert not any(r["source_actor"] in ("Official", "Moderator", "Q", "Q Thanks") for r in claims)
    assert not {"Official", "Moderator", "SENIOR ADMINISTRATION OFFICIAL"} & {r["actor"] for r in rows["entities"]}


def test_a_role_no_one_holds_by_name_is_an_unnamed_official(nlp):
    text = "The emergency ends unless the President says that it continues. The law says so."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"title": "Message to the Congress"}), tables=["entities", "claims"])["claims"]
    row = next(r for r in rows if r["cue"] == "says" and "continues" in r["text"])
    assert (row["source_actor"], row["source_type"], row["source_subtype"]) == ("", "unnamed", "official")
    meta = {"title": "Remarks by President Biden on the Congress"}
    rows = extract_article(ArticleDoc.build("t", nlp(text), meta), tables=["entities", "claims"])["claims"]
    row = next(r for r in rows if r["cue"] == "says" and "continues" in r["text"])
    assert row["source_actor"] == "Biden" and row["source_type"] == "named_person"


def test_interview_answers_are_the_interviewees(nlp):
    """ "A:" turns are the interviewee's words (not a continuation of the question), and "I" in them is the interviewee."""
    text = (
        "Interview: Senator Jane Roe on the budget\n\n"
        "Senator Jane Roe spoke to reporters on Monday about the budget talks.\n\n"
        "Q: Will the budget pass this week?\n\n"
        "A: I think it will pass, but the vote may slip to Friday.\n\n"
        "Q: What about the defense bill?\n\n"
        "A: We are still negotiating with the House."
    )
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"title": "Interview: Senator Jane Roe on the budget"}), tables=["entities", "claims"])
    claims = rows["claims"]
    answers = [r for r in claims if "negotiating" in r["text"] or "will pass" in r["text"]]
    assert len(answers) == 2 and {r["source_actor"] for r in answers} == {"Jane Roe"}
    assert not any(r["text"].startswith("A:") for r in claims)
    assert not any(r["source_text"] == "Q" and "negotiating" in r["text"] for r in claims)
    assert "A" not in {r["actor"] for r in rows["entities"]}


def test_belief_in_a_question_is_no_attribution(claims):
    rows = claims("How many of them believe that we lose elections because we are soft? The senator thinks that they do.")
    assert not any(r["cue"] == "believe" for r in rows)
    assert any(r["cue"] == "thinks" for r in rows)


def test_a_dateline_is_no_part_of_the_source(claims):
    row = only(claims("WASHINGTON (AP) — Donald Trump and House Speaker Paul Ryan pledged to work together despite their differences."))
    assert row["source_text"] == "Donald Trump and House Speaker Paul Ryan"
    row = only(claims("NEW YORK, Nov. 19 (UPI) — Former Secretary of State Hillary Clinton is calling for the United States to step up."))
    assert row["source_actor"] == "Hillary Clinton" and "YORK" not in row["source_text"]


def test_a_noun_phrase_set_off_by_dashes_keeps_its_head(claims):
    # PARC/PolNeAR take the whole subject, the name before the dashes included; only a dateline is cut.
    row = only(claims("Jason Sims — a teacher from Mount Pleasant — says the primary is close."))
    assert row["source_text"].startswith("Jason Sims")
    row = only(claims("Many speakers at the service — including Muslims, Christians and Jews — said the death is painful."))
    assert row["source_text"].startswith("Many speakers")


def test_cues_added_from_the_polnear_miss_analysis(claims):
    row = only(claims("Sanders has cast the Clintons as part of the establishment."))
    assert row["cue"] == "cast" and row["source_text"] == "Sanders" and "establishment" in row["text"]
    row = only(claims("Ohio voters recognize that the plant will close."))
    assert row["cue"] == "recognize" and "the plant will close" in row["text"]
    row = only(claims("Mr. Rubio is aware that the race is close."))
    assert row["cue"] == "aware" and row["source_text"] == "Mr. Rubio"
    row = only(claims("Senator Smith decided not to recommend an indictment."))
    assert row["cue"] == "decided" and "indictment" in row["text"]


def test_a_subject_inside_the_quote_is_not_the_speaker(nlp):
    # The parser sometimes hangs a word of the quote on the cue as a second subject; the speaker is the one outside.
    text = "“It is just that Trump explains it differently,” Viguerie notes."
    doc = nlp(text)
    trump, notes = next(t for t in doc if t.text == "Trump"), next(t for t in doc if t.text == "notes")
    trump.head, trump.dep_ = notes, "nsubj"
    rows = [r for r in extract_article(ArticleDoc.build("t", doc), tables=["claims"])["claims"] if r["source_type"] != "author"]
    assert [(r["source_text"], r["cue"]) for r in rows] == [("Viguerie", "notes")]


def test_a_quote_in_two_apostrophes_is_its_speakers(claims):
    # ''...'' for "...": the archive convention of some newspapers
    row = only(claims("''Follow us,'' Ms. Gil said, and the boys trailed behind."))
    assert row["source_text"] == "Ms. Gil" and row["quote_type"] == "direct" and row["text"].startswith("''Follow")


def test_an_attitude_adjective_tagged_as_a_passive_participle(claims):
    row = only(claims("Italian secularist associations are concerned the Government will modify the law."))
    assert row["cue"] == "concerned" and row["source_text"] == "Italian secularist associations" and row["text"].startswith("the Government")
    row = only(claims("Democrats are divided over the trade deal."))
    assert row["cue"] == "divided" and row["text"] == "the trade deal"
    assert not attributed(claims("The bridge was opened by the mayor."))


def test_an_attribution_in_a_clause_cut_from_the_outer_content_is_nested(claims):
    rows = attributed(claims("He said her family asked for privacy as they sought answers."))
    said, sought = (next(r for r in rows if r["cue"] == cue) for cue in ("said", "sought"))
    assert not said["nested"] and sought["nested"] and said["text"] == "her family asked for privacy"


def test_a_subject_the_parser_split_is_one_source(nlp):
    # "Facebook co-founder Mark Zuckerberg" parsed as three subjects of "tweeted": the source covers them all.
    doc = nlp("Facebook co-founder Mark Zuckerberg said the boy was welcome to tour the company.")
    said = next(t for t in doc if t.text == "said")
    for word in ("co", "-", "Zuckerberg"):
        token = next(t for t in doc if t.text == word)
        token.head, token.dep_ = said, "nsubj"
    doc[0].head, doc[0].dep_ = doc[1], "compound"
    rows = [r for r in extract_article(ArticleDoc.build("t", doc), tables=["claims"])["claims"] if r["cue"] == "said"]
    assert [r["source_text"] for r in rows] == ["Facebook co-founder Mark Zuckerberg"]


def test_a_cue_inside_a_relative_clause_reports_the_clause_after_it(claims):
    row = only(claims("The district saw 30 applicants, which he said were about evenly split between Trump and Cruz."))
    assert row["source_text"] == "he" and row["text"] == "were about evenly split between Trump and Cruz"
    row = only(claims("She has the kind of job that many economists say is the future in America."))
    assert row["source_text"] == "many economists" and row["text"] == "is the future in America"


def test_a_cue_between_commas_reports_its_sentence_whatever_the_parse(claims):
    row = only(claims("In a general election polarized by Mr. Trump's appeals, those Democrats argued, black and Hispanic voters could decide the race."))
    assert row["source_text"] == "those Democrats" and "voters could decide the race" in row["text"]
    row = only(claims("But with each passing contest, these supporters acknowledge, it becomes harder to make the case."))
    assert row["source_text"] == "these supporters"
    row = only(claims("With each contest, these supporters acknowledge privately, it becomes harder to make the case."))
    assert row["source_text"] == "these supporters" and "harder to make the case" in row["text"]
    row = only(claims("But to hit its long-term target, the advisory panel concluded, the tax must start increasing again in 2018."))
    assert row["source_text"] == "the advisory panel" and row["cue"] == "concluded"


def test_a_quote_split_from_its_speaker_after_an_exclamation_is_the_speakers(claims):
    rows = claims("The crowd cheered.\n\n“All the way!” Dawson shouted.\n\nThen they left.")
    said = attributed(rows)
    assert [(r["source_text"], r["cue"], r["text"]) for r in said] == [("Dawson", "shouted", "“All the way!”")]
    assert not any(r["text"].startswith("Dawson") for r in rows)  # the cue's sentence yields no claim of its own


def test_a_bare_participle_read_as_a_clausal_subject_reports_nothing(claims):
    rows = attributed(claims("Iodine released from these chemicals into milk has been the major source of dietary iodine in Australia."))
    assert not any(r["cue"] == "released" for r in rows)


def test_a_passive_stance_without_its_holder_is_no_attribution(claims):
    rows = attributed(claims("A similar scheme was reportedly rejected in 2021."))
    assert not any(r["cue"].endswith("rejected") and r["source_type"] == "vague" and r["source_subtype"] == "impersonal" for r in rows)


def test_headline_lead_in_with_a_name_the_tagger_calls_a_noun(nlp):
    text = "Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’\n\nDonald Trump spoke at a university on Monday."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"has_headline": True}), tables=["claims"])["claims"]
    assert rows[0]["source_text"] == "Trump" and rows[0]["cue"] == ":"


def test_title_case_headline_verb(nlp):
    text = "Conservative Icon Morton Blackwell Endorses Ted Cruz.\n\nThe endorsement came on Monday."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"has_headline": True}), tables=["claims"])["claims"]
    assert rows[0]["cue"] == "Endorses" and "Blackwell" in rows[0]["source_text"]
    text = "Russia Launches Attack on Kyiv.\n\nThe attack began on Monday."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"has_headline": True}), tables=["claims"])["claims"]
    assert rows[0]["source_type"] == "author"


# ---------------------------------------------------------------- issue 17: kinds of attribution PolNeAR annotates
def test_light_verb_with_a_communication_noun(claims):
    row = only(claims("Trump made the case that the deal was a disaster."))
    assert row["source_text"] == "Trump" and row["cue"] == "made the case" and row["text"].startswith("that the deal")
    row = only(claims("Obama took a swipe at Jeb Bush on Monday."))
    assert row["source_text"] == "Obama" and row["cue"] == "took a swipe" and row["text"] == "Jeb Bush"


def test_support_and_votes_of_people_and_poll_shares(claims):
    row = only(claims("Among Republicans, 27 percent would vote for Trump."))
    assert row["source_text"] == "27 percent" and row["text"] == "for Trump"
    row = only(claims("Marvin Teske is backing Hillary Clinton."))
    assert row["source_text"] == "Marvin Teske" and row["text"] == "Hillary Clinton"


def test_support_without_a_holder_or_in_a_description_is_no_attribution(claims):
    assert not attributed(claims("The data support the claim."))


def test_a_judgement_needs_its_as_phrase(claims):
    row = only(claims("Four in 10 voters see the campaign of Donald Trump as most unfair."))
    assert row["cue"] == "see" and row["text"].endswith("as most unfair")
    assert not attributed(claims("Voters saw a rise in prices last year."))


def test_a_possessed_stance_noun(claims):
    row = only(claims("Trump's proposal to ban Muslims angered many voters."))
    assert row["cue"] == "proposal" and "Trump" in row["source_text"] and row["text"] == "to ban Muslims"


def test_a_possessed_stance_noun_equated_with_a_that_clause(claims):
    row = only(claims("Senator John Doe spoke on Tuesday. His view is that the treaty will fail."))
    assert row["cue"] == "view" and row["source_text"] == "His" and row["text"] == "that the treaty will fail"
    assert row["source_type"] == "named_person" and row["source_actor"] == "John Doe"
    # "The fear is that ...": no possessor, no one holds it; garbled speech with no "that" is no content
    assert not attributed(claims("The fear is that prices will rise."))
    assert not attributed(claims("That is the biggest concern is, I have is a misunderstanding."))


def test_a_possessive_pronoun_source_resolves_like_its_pronoun(claims):
    row = next(r for r in claims("Senator John Doe spoke on Tuesday. His support for the treaty is firm.") if r["cue"] == "support")
    assert row["source_type"] == "named_person" and row["source_subtype"] == "pronoun" and row["source_actor"] == "John Doe"
    row = next(r for r in claims('"My view is that we will win," said Ann Lee, a club officer.') if r["cue"] == "view")
    assert row["source_actor"] == "Ann Lee" and row["nested"] is True
    row = next(r for r in claims("Our assessment is that the plan will fail.") if r["cue"] == "assessment")
    assert row["source_type"] == "author" and row["source_actor"] == ""


def test_a_light_verb_with_two_objects_is_a_misparse(claims):
    text = (
        "Mrs. Clinton will take the stage after a run of positive developments since their Oct. 13 debate, including strong "
        "reviews of her performance there, Vice President Joseph R. Biden Jr.'s decision not to enter the race."
    )
    assert not any(r["cue"].startswith("take") for r in claims(text))


def test_continue_reports_only_a_quote_next_to_it(claims):
    assert not attributed(claims('While standard checks will continue, officials will scrap the step to "streamline" processing.'))
    row = only(claims('"We may lose," she continued.'))
    assert row["cue"] == "continued" and row["quote_type"] == "direct"


def test_a_stance_whose_object_is_the_relativised_noun(claims):
    assert not attributed(claims("It was the atmosphere of hostility that critics blame for the delay."))
    row = only(claims("Clinton called for the United States to act."))
    assert row["cue"] == "called" and row["text"] == "for the United States to act"
    row = only(claims('She also called for more "flexibility" for U.S. military advisers in Iraq.'))
    assert row["text"].startswith('for more "flexibility" for')


def test_a_lemma_that_lost_its_e(claims):
    row = only(claims("Chris Christie hopes his endorsement will give him a boost."))  # "hopes" lemmatised "hop"
    assert row["cue"] == "hopes" and row["source_text"] == "Chris Christie"


def test_a_reporting_verb_tagged_as_a_noun_before_that(claims):
    row = only(claims("Trump predicts that as Jeb Bush and other Republican candidates eventually drop out, many of their supporters will switch."))
    assert row["source_text"] == "Trump" and row["cue"] == "predicts" and row["text"].startswith("that as Jeb Bush")


def test_a_topic_phrase_is_the_content_of_speak_and_talk(claims):
    row = only(claims("Obama spoke at the White House on Tuesday about rights that had been denied victims."))
    assert row["cue"] == "spoke" and row["text"] == "rights that had been denied victims"
    assert not attributed(claims("Trump spoke at a rally in Ohio."))
    assert not attributed(claims("The engine talked to the server about updates."))  # no person or body


def test_a_parenthetical_cue_inside_its_content(claims):
    row = only(claims("This campaign, he says, is different."))
    assert row["source_text"] == "he" and row["cue"] == "says" and row["text"] == "This campaign, he says, is different."
    row = only(claims("The museum, Mr. Bush said, celebrated the nation."))
    assert "Bush" in row["source_text"] and row["cue"] == "said"


def test_passive_with_an_agent_and_desires_of_people(claims):
    assert not attributed(claims("The study was supported by the National Science Foundation."))  # funding, not a view
    assert not attributed(claims("The scheme was rejected by Prime Minister Boris Johnson."))  # an act, not speech
    row = only(claims("O'Malley's move was first reported by MSNBC."))
    assert row["source_text"] == "MSNBC" and row["text"] == "O'Malley's move"
    row = only(claims("Palestinians want East Jerusalem for their future state."))
    assert row["cue"] == "want" and row["text"] == "East Jerusalem"


def test_a_poll_shows_its_object_and_a_speech_verb_reports_a_communication_noun(claims):
    row = only(claims("For the first time, a poll shows Bernie Sanders leading Hillary Clinton."))
    assert row["source_text"] == "a poll" and row["text"].startswith("Bernie Sanders leading")
    assert not attributed(claims("Police found the body."))
    rows = attributed(claims("Lloyd Grove tweeted out Trump's praise of Boyle during the debate."))
    assert rows[0]["cue"] == "tweeted" and rows[0]["text"].startswith("Trump's praise")
    assert rows[1]["cue"] == "praise" and rows[1]["nested"]  # Trump's praise, inside what Grove tweeted


def test_a_pro_form_object_and_no_answer_to_a_request_for_comment(claims):
    row = only(claims("Asked if he was ever bullied, the Republican presidential candidate said no."))
    assert row["cue"] == "said" and row["text"] == "no"
    row = only(claims("The Trump campaign did not immediately respond to requests for comment."))
    assert row["cue"] == "respond" and row["start"] == row["end"] and row["note"]
    assert not attributed(claims("It did not respond to the treatment."))


def test_an_attitude_adjective_of_a_person(claims):
    row = only(claims("Democratic leaders are increasingly worried that young voters will stay home."))
    assert row["cue"] == "worried" and row["source_text"] == "Democratic leaders" and row["text"].startswith("that young voters")
    row = only(claims("Trump is critical of the deal."))
    assert row["cue"] == "critical" and row["text"] == "the deal"
    assert not attributed(claims("The road is clear of snow."))


def test_a_stance_object_the_parser_read_as_a_complement(claims):
    row = only(claims("Democratic candidates went further, with former Maryland Gov. Martin O’Malley calling Trump a fascist."))
    assert row["cue"] == "calling" and "O’Malley" in row["source_text"] and row["text"] == "Trump a fascist"


def test_an_embedded_tweet_signature(claims):
    text = "Great rally tonight! — Donald J. Trump (@realDonaldTrump) June 29, 2016"
    rows = attributed(claims(text))
    row = next(r for r in rows if r["cue"] == "—")
    assert row["source_text"] == "Donald J. Trump" and row["text"] == "Great rally tonight!"
    assert not attributed(claims("The talks broke down (@reuters reported)."))


def test_a_cue_with_its_subject_after_it_inside_the_clause(claims):
    # the parser reads "experts" as the subject of "is" and the fronted clause subject as the cue's
    row = only(claims("Part of the problem in detecting tunnels, say experts like Paul Bauman, a Canadian geophysicist, is the ground itself."))
    assert row["source_text"].startswith("experts like Paul Bauman") and row["cue"] == "say"
    assert "the ground itself" in row["text"]


def test_a_share_keeps_its_percent_sign(claims):
    row = only(claims("Voters are split, and 47% say the economy is worse."))
    assert row["source_text"] == "47%"


def test_a_publishers_note_reports_no_attribution(claims):
    text = ("Senator Doe said the bill would pass.\n\n"
            "Correction: An earlier version of this story incorrectly indicated that Doe intended to run.\n\n"
            "Editor\u2019s note: Doe has repeatedly pledged to cut taxes.")
    rows = attributed(claims(text))
    assert [r["cue"] for r in rows] == ["said"]


def test_a_cue_in_a_because_clause_after_a_closing_quote_reports_its_own_clause(claims):
    rows = attributed(claims("Mr. Nevins said he pursued a new ''Twin Peaks'' only because Mr. Lynch agreed to participate."))
    said = next(r for r in rows if r["cue"] == "said")
    assert said["source_text"] == "Mr. Nevins" and not said["nested"]
    assert all(r["text"] != "Mr. Nevins said he pursued a new ''Twin Peaks''" for r in rows)


def test_a_name_the_parser_left_without_its_cue_is_the_source(claims):
    row = only(claims("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with Mr. Sanders on Tuesday."))
    assert row["source_text"].startswith("Senator Harry Reid") and row["cue"] == "said"


def test_according_to_in_mid_sentence(claims):
    row = only(claims("Other major cleavages, according to the poll, include ideology."))
    assert row["source_text"] == "the poll" and row["cue"] == "according to"
    row = only(claims("Some 59 percent of registered voters view her unfavorably, according to an ABC News poll last week."))
    assert row["source_text"] == "an ABC News poll"


def test_a_stance_noun_with_an_agent_phrase(claims):
    row = only(claims("Trump has faced criticism from rivals that the tenor of his campaign has created an unsafe environment."))
    assert row["source_text"] == "rivals" and row["cue"] == "criticism"
    assert row["text"].startswith("that the tenor")


def test_a_date_is_no_content_of_a_communication_noun(claims):
    assert attributed(claims("Both women framed their remarks on Monday by portraying Mr. Trump as a selfish corporate titan.")) == []


def test_look_to_is_an_intention_of_people_only(claims):
    row = only(claims("Senator Ted Cruz looks to ease bad blood with the establishment."))
    assert row["source_text"] == "Senator Ted Cruz" and row["cue"] == "looks" and row["text"].startswith("to ease")
    assert attributed(claims("It looks to be a close race.")) == []


def test_a_cue_in_an_infinitive_takes_the_outer_subject(claims):
    row = only(claims("Senator Jane Doe seemed to confirm that the bill would pass."))
    assert row["source_text"] == "Senator Jane Doe" and row["cue"] == "confirm" and row["text"] == "that the bill would pass"
    row = only(claims("Democrats were quick to point out that the plan had failed twice."))
    assert row["source_text"] == "Democrats" and row["text"] == "that the plan had failed twice"
    row = only(claims("The governor took to Twitter to say that the vote was rigged."))
    assert row["source_text"] == "The governor" and row["cue"] == "say"
    row = only(claims("Older voters are more likely to say the economy is the top issue."))
    assert row["source_text"] == "Older voters"


def test_an_infinitive_cue_under_an_object_a_question_or_an_expletive_reports_nothing(claims):
    assert all(r["source_text"] != "She" for r in attributed(claims("She asked him to say that the vote was fair.")))
    assert attributed(claims("I waited to see if the bill would pass.")) == []
    assert attributed(claims("It is hard to see how the plan works.")) == []
    assert attributed(claims("Each side deployed hundreds of volunteers on Saturday to call voters.")) == []


def test_may_want_to_is_the_writers_advice(claims):
    assert attributed(claims("The senator may want to check his numbers before the debate.")) == []
    row = only(claims("The senator wants to check the numbers before the debate."))
    assert row["source_text"] == "The senator" and row["cue"] == "wants"


def test_evidence_comes_from_people_bodies_and_records(claims):
    assert attributed(claims("His popularity shows how deeply the party misjudged its voters.")) == []
    assert attributed(claims("The network found itself playing defense on the issue.")) == []
    row = only(claims("A new poll shows that the senator leads in Iowa."))
    assert row["source_text"] == "A new poll" and row["cue"] == "shows"
    row = only(claims("The committee found that the rules were broken."))
    assert row["source_text"] == "The committee"
    row = only(claims("Footage from the game shows that several students wore flags."))
    assert row["source_text"] == "Footage from the game"


def test_a_semicolon_ends_the_content_of_a_cue_after_it(claims):
    rows = attributed(claims("The mayor argues that taxes are too high; the council says that they are too low."))
    assert {(r["source_text"], r["text"]) for r in rows} == {("The mayor", "that taxes are too high"), ("the council", "that they are too low")}
    assert not any(r["nested"] for r in rows)
    rows = attributed(claims('"We will win; the polls say so," she said.'))
    assert any(r["source_text"] == "the polls" and r["nested"] for r in rows)  # inside her quote, the semicolon is hers


def test_a_place_that_voted_is_an_election_result(claims):
    assert attributed(claims("Ohio has not voted for a Democratic nominee since 1996.")) == []
    row = only(claims("The senator voted for the bill."))
    assert row["source_text"] == "The senator" and row["text"] == "for the bill"


@pytest.mark.parametrize(
    "text, cue",
    [
        ("She shared her concerns about the deal with reporters.", "shared"),
        ("Clinton echoed the criticism of the plan.", "echoed"),
        ("Aides have been pressing party officials for a bigger role.", "pressing"),
        ("While Mr. Cruz shares more of Mr. Ryan's views, he voted against the bill.", "shares"),
        ("The senator pressed Congress to act on the bill.", "pressed"),
    ],
)
def test_a_message_cue_reports_an_object_that_is_a_message(claims, text, cue):
    assert cue in [row["cue"] for row in attributed(claims(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was held not far from the residence she shares with her husband.",
        "His events are in areas that share media markets with prime electoral terrain.",
        "Canova, a law professor, has echoed Sanders' success online.",
        "The Russians have been pressing their advantage in recent months.",
    ],
)
def test_a_message_cue_with_a_plain_object_reports_nothing(claims, text):
    assert attributed(claims(text)) == []


@pytest.mark.parametrize(
    "headline, said",
    [
        ("Netanyahu and Obama: A tortured relationship.", False),  # a verbless subtitle
        ("Delegate update: the latest count in the race.", False),
        ("Insiders: Trump will rebound in New Hampshire.", True),  # a clause
        ("Clinton: Time for 'intensification' of the strategy.", True),  # a quote
        ("Senator Doe on the leak: Unethical.", True),  # the topic phrase marks a lead-in
        ("Roger Stone: Don't Trust the Voting Machines.", True),  # title case: verbs read as names, no test
        ("Big Win For Bernie: AFL-CIO Holds Off On Presidential Endorsement.", False),  # a win cannot speak
        ("Spoiler no more: Kasich ends bid.", False),
        ("Poll: Trump and Clinton hold narrow leads in Pennsylvania.", True),  # a listed evidence noun
    ],
)
def test_a_headline_colon_before_a_verbless_subtitle_is_no_lead_in(claims, headline, said):
    rows = claims(headline + "\n\nThe body of the article begins here. It says little.")
    found = [r for r in attributed(rows) if r["start"] < len(headline)]
    assert bool(found) is said, found


def test_material_support_is_no_stance(claims):
    assert attributed(claims("Microsoft has reduced its financial support for the convention.")) == []
    assert attributed(claims("Germany stepped up its military support for Kyiv.")) == []
    row = only(claims("The senator voiced her support for the bill."))
    assert row["source_text"] == "The senator" and row["text"] == "the bill"


def test_the_words_of_a_person_are_theirs_not_their_content(claims):
    row = only(claims("But she does not like surprises, in the words of one top staffer, and she bristled at the attacks."))
    assert row["source_text"] == "one top staffer" and row["cue"] == "words"
    assert attributed(claims("The speech can be summed up in the very words of Abraham Lincoln.")) == []
    assert attributed(claims("Though they speak barely a word of English, they smiled.")) == []
    row = only(claims("Word of the retreat spread quickly through the city."))  # "of" an event: what the word says
    assert row["text"] == "the retreat" and row["source_start"] == -1


def test_calling_a_person_is_no_stance_unless_a_predicate_follows(claims):
    assert attributed(claims("A year later, Mr. Obama called Naghmeh Abedini.")) == []
    assert attributed(claims("The mayor called the senator on Tuesday.")) == []
    assert only(claims("The mayor called him a liar."))["cue"] == "called"
    assert only(claims("Trump called out protesters on Twitter."))["cue"] == "called"
    assert only(claims("The mayor called on Congress to act."))["cue"] == "called"
    assert only(claims("Mr. Doe called Mr. Roe, a former mining director, an outstanding leader."))["cue"] == "called"


def test_support_for_an_open_choice_backs_no_one(claims):
    assert attributed(claims("The union has not endorsed a candidate.")) == []
    assert attributed(claims("The rule allows voters to vote for whomever they like.")) == []
    assert attributed(claims("Superdelegates can support any candidate.")) == []
    assert attributed(claims("The three states last voted for a Republican nominee in 1988.")) == []
    # someone in particular is backed
    assert only(claims("The union endorsed a candidate like Senator Smith."))["source_text"] == "The union"
    assert only(claims("Most voters backed the Republican nominee."))["source_text"] == "Most voters"
    assert only(claims("The union endorsed Senator Smith."))["text"] == "Senator Smith"


def test_sources_are_not_outlets_or_awards_taken_for_people(claims):
    rows = attributed(claims("According to Politico, the ad ran twice. Twitter said the account was suspended."))
    assert rows and all(r["source_type"] != "named_person" for r in rows)
    assert {r["source_actor"] for r in rows} <= {"Politico", "Twitter"}
    award = attributed(claims("A veteran handed Trump a replica Purple Heart. He said it was an honor."))
    assert all("Heart" not in r["source_actor"] for r in award)


def test_they_is_not_the_place_an_event_is_named_after(claims):
    rows = attributed(claims("Four diplomats died in the Benghazi attacks last year. They said the response was slow."))
    assert all(r["source_actor"] != "Benghazi" for r in rows)


# ---------------------------------------------------------------- issue 17: the right source (source choice, spans, nesting)
def test_of_several_subjects_the_one_that_can_speak_is_the_source(claims):
    row = only(claims('Her last word on the matter: "We will not give up," she said.'))
    assert row["source_text"] == "she"
    rows = attributed(claims('The collapse of the talks marks "a dark day" for the region, said Anna Berg, a diplomat in Oslo.'))
    assert [r["source_text"] for r in rows if r["cue"] == "said"] == ["Anna Berg, a diplomat in Oslo"]


def test_a_place_before_the_speaker_is_no_source(claims):
    rows = attributed(claims("Speaking at a town hall in Dover, Delaware, Smith went after Jones, calling him \u201ca weak leader.\u201d"))
    assert [r["source_text"] for r in rows if r["cue"] == "calling"] == ["Smith"]


def test_a_spaced_hyphen_ends_a_dateline(claims):
    row = only(claims("BERLIN (Reuters) - Jane Porter said the agreement would hold until spring."))
    assert row["source_text"] == "Jane Porter"
    row = only(claims("Gov. Mary Lee (D-NY) said that the budget was balanced."))
    assert row["source_text"] == "Gov. Mary Lee (D-NY)"  # the hyphen of a party label is no dash, and ")" closes


def test_a_stranded_speaker_is_the_name_not_the_place_in_its_appositive(claims):
    rows = attributed(claims('But in a call with reporters on May 3, Maj. Tom R. Hale, an army spokesman in Kabul, said, "The raid was planned."'))
    sources = [r["source_text"] for r in rows if r["cue"] == "said"]
    assert len(sources) == 1 and "Tom R. Hale" in sources[0] and sources[0] != "Kabul"


def test_an_absolute_participle_takes_its_own_noun(claims):
    rows = attributed(claims("The interview ended with Porter asking the mayor whether she would run again."))
    assert [r["source_text"] for r in rows if r["cue"] == "asking"] == ["Porter"]


def test_a_relative_pronoun_source_runs_from_the_name_its_appositive_describes(claims):
    rows = attributed(claims("Citizens for Parks, a local advocacy group that endorsed Lee in the primary, filed a complaint on Monday."))
    row = next(r for r in rows if r["cue"] == "endorsed")
    assert row["source_text"].startswith("Citizens for Parks") and row["source_text"].endswith("that")


def test_a_name_left_off_its_appositive_joins_the_source(claims):
    rows = attributed(claims('"She never missed a meeting," Ruth Alder, the treasurer of the county club, recalled.'))
    assert [r["source_text"] for r in rows if r["cue"] == "recalled"] == ["Ruth Alder, the treasurer of the county club"]


def test_a_while_clause_with_its_own_speaker_is_not_nested(claims):
    rows = attributed(claims("After the town meeting, several farmers said the mayor had made a fair offer, while other residents said they had not heard enough."))
    residents = next(r for r in rows if r["source_text"] == "other residents")
    assert residents["nested"] is False
    farmers = next(r for r in rows if r["source_text"] == "several farmers")
    assert farmers["nested"] is False


def test_a_clause_with_that_inside_the_content_stays_nested(claims):
    rows = attributed(claims("The mayor said that the council had voted and that critics said the plan was rushed."))
    critics = [r for r in rows if r["source_text"] == "critics"]
    assert all(r["nested"] for r in critics)


def test_an_office_speaks_through_its_statement(claims):
    rows = attributed(claims("Her office released a statement saying the senator would not attend the dinner."))
    assert [r["source_text"] for r in rows if r["cue"] == "saying"] == ["Her office"]


def test_a_pronoun_subject_takes_no_noun_beside_it(claims):
    rows = attributed(claims("But the rift between the senator and the caucus she now hopes to lead grew wider at the meeting."))
    assert all(r["source_text"] in ("", "she") for r in rows if r["cue"] == "hopes")


def test_a_share_hung_on_the_verb_is_its_subject(claims):
    rows = attributed(claims("About 3 in 10 say they want the council to cut taxes."))
    assert [r["source_text"] for r in rows if r["cue"] == "say"] == ["About 3 in 10"]


def test_a_title_case_headline_speaker_is_someone_the_article_names(nlp):
    # in title case every word is a "name" to the tagger: the speaker must be a person or body somewhere in the story
    text = "Sanders: Clinton Email Story Has Moved.\n\nBernie Sanders told reporters in Iowa on Sunday that voters had moved on."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"has_headline": True}), tables=["claims"])["claims"]
    assert rows[0]["source_text"] == "Sanders" and rows[0]["cue"] == ":"
    text = "2016 Nerdcast: Was Firing Lewandowski the Start of a Reset?\n\nThe campaign manager was fired on Monday."
    rows = extract_article(ArticleDoc.build("t", nlp(text), {"has_headline": True}), tables=["claims"])["claims"]
    assert rows[0]["source_type"] == "author"


def test_confirming_a_person_is_an_appointment_not_a_report(claims):
    assert attributed(claims("Democrats controlled the Senate and had confirmed 68 judicial nominees by this point.")) == []
    assert attributed(claims("Nobody opposed him — he was confirmed 92 to 0.")) == []
    assert only(claims("The spokesman confirmed the report on Tuesday."))["text"] == "the report"
    assert only(claims("Officials confirmed that two soldiers died."))["source_text"] == "Officials"


def test_make_sure_is_no_certainty(claims):
    assert attributed(claims("Aides make sure the president gets brief moments to sip water.")) == []
    assert only(claims("He made it clear that he would run."))["source_text"] == "He"
    assert only(claims("He is still not sure whether he will vote."))["cue"] == "sure"


def test_a_plan_is_a_policy_not_a_reported_intention(claims):
    # the noun names a proposal ("Obama's plan to admit refugees"); the verb reports an intention
    assert attributed(claims("The candidates focused on stopping Obama's plan to admit Syrian refugees.")) == []
    assert only(claims("Clinton plans to make her proposal at a campaign stop in Iowa."))["cue"] == "plans"


def test_a_text_written_by_someone_names_its_author_not_a_report(claims):
    assert attributed(claims("In the 2012 election, 71% of front-page stories were written by men.")) == []
    row = only(claims("O'Malley's move was first reported by MSNBC."))
    assert row["source_text"] == "MSNBC" and row["text"] == "O'Malley's move"


def test_data_maintained_by_a_company_is_kept_not_reported(claims):
    assert attributed(claims("Clinton's voter data, which is maintained by the technology company NGP VAN, was exposed.")) == []
    row = only(claims("The army is expected to advance slowly."))  # an expectation still has an unstated holder
    assert row["source_subtype"] == "impersonal"


def test_it_should_be_noted_is_the_writers_voice(claims):
    rows = claims("It should be noted that two of the group's researchers were hired as consultants.")
    assert attributed(rows) == [] and rows[0]["source_type"] == "author"
    row = only(claims("It was announced that the talks would resume."))
    assert row["source_subtype"] == "impersonal"


def test_that_said_is_a_discourse_marker(claims):
    rows = attributed(claims("That said, Millennials say they believe success will require a lifetime of effort."))
    assert "That" not in [r["source_text"] for r in rows] and "Millennials" in [r["source_text"] for r in rows]
    rows = attributed(claims("The coach said that, and the players agreed."))  # not the idiom: a subject before it
    assert [r["source_text"] for r in rows][:1] == ["The coach"]


def test_an_inquiry_or_a_lawsuit_speaks_for_its_findings(claims):
    rows = attributed(claims('Mukasey criticized the email use, which an FBI investigation said was "extremely careless."'))
    assert any(r["source_text"] == "an FBI investigation" and r["cue"] == "said" for r in rows)
    assert only(claims("The lawsuit alleges that the company misled investors."))["source_subtype"] == "document"


def test_an_interview_frames_a_claim_only_around_a_speaker(claims):
    assert attributed(claims("In the earlier interviews, it was a different story.")) == []
    assert attributed(claims("He will participate in an interview with WVIT in Hartford, Connecticut.")) == []
    row = only(claims("In an interview with Yahoo News published Thursday, Trump did not rule out warrantless searches."))
    assert row["source_text"] == "Trump" and row["cue"].startswith("In an interview")


def test_a_bare_role_of_two_words_is_the_person_the_heading_names(nlp):
    text = "The Vice President said the talks went well."
    article = ArticleDoc.build("t", nlp(text), {"title": "Remarks by Vice President Harris in Bangkok"})
    row = next(r for r in extract_article(article, tables=["claims"])["claims"] if r["cue"] == "said")
    assert row["source_actor"] == "Harris" and row["source_type"] == "named_person"

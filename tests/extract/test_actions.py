"""The actions table on constructed sentences: one test per construction of issue 5."""

from __future__ import annotations

from analystkit.extract import extract_article


def extract_actions(doc):
    return extract_article(doc, tables=["actions"])["actions"]


def triples(article, text):
    rows = extract_actions(article(text))
    return [(r["agent"], r["action"], r["patient"], r["voice"]) for r in rows], rows


def test_passive_with_by_agent(article):
    got, rows = triples(article, "Bridges were blown up by Russian troops.")
    assert ("Russia", "blow up", "bridges", "passive") in got
    row = rows[0]
    assert row["agent_text"] == "Russian troops" and row["agent_is_actor"] and not row["patient_is_actor"]


def test_passive_without_agent_has_none(article):
    got, _ = triples(article, "The bridges were destroyed.")
    assert ("", "destroy", "bridges", "passive") in got


def test_coordinated_verbs_are_two_actions_of_one_agent(article):
    got, _ = triples(article, "Russian troops laid mines and blew up bridges.")
    assert ("Russia", "lay", "mines", "active") in got
    assert ("Russia", "blow up", "bridges", "active") in got


def test_xcomp_chain_takes_the_object_as_agent(article):
    got, rows = triples(article, "Russia ordered its troops to withdraw from the city.")
    assert ("Russia", "order", "Russia", "active") in got  # its troops -> Russia
    withdraw = next(r for r in rows if r["action"] == "withdraw")
    assert withdraw["agent_text"] == "its troops" and withdraw["agent"] == "Russia"


def test_relative_clause_subject_is_the_modified_noun(article):
    got, _ = triples(article, "The Ukrainians, who shelled the bridge, entered the city.")
    assert ("Ukraine", "shell", "bridge", "active") in got


def test_relative_clause_object_is_the_modified_noun(article):
    got, _ = triples(article, "The soldiers that Russia sent attacked Kyiv.")
    assert ("Russia", "send", "soldiers", "active") in got
    assert ("soldiers", "attack", "Kyiv", "active") in got


def test_pronoun_agent_resolved_to_earlier_subject(article):
    text = "Defence Minister Sergei Shoigu met Colonel General Sergei Surovikin. He issued a retreat order."
    got, rows = triples(article, text)
    issue = next(r for r in rows if r["action"] == "issue")
    assert issue["agent_text"] == "He"
    assert issue["agent"] == "Sergei Shoigu"  # the subject, not the more recent object


def test_they_resolved_within_sentence(article):
    _, rows = triples(article, "Russian troops blew up bridges as they retreated.")
    retreat = next(r for r in rows if r["action"] == "retreat")
    assert retreat["agent"] == "Russia" and retreat["agent_is_actor"]


def test_negation(article):
    _, rows = triples(article, "Ukraine did not capture the city. Russia captured the town.")
    by_agent = {r["agent"]: r for r in rows if r["action"] == "capture"}
    assert by_agent["Ukraine"]["negated"] is True
    assert by_agent["Russia"]["negated"] is False


def test_particles_kept_in_lemma_and_span(article):
    _, rows = triples(article, "The soldiers blew up the bridge.")
    row = next(r for r in rows if r["action"] == "blow up")
    assert row["text"] == "blew up"


def test_offsets_index_the_text(article):
    text = "Bridges were blown up by Russian troops, and Ukraine did not retreat."
    doc = article(text)
    for row in extract_actions(doc):
        assert text[row["start"] : row["end"]] == row["text"]
        for role in ("agent", "patient"):
            if row[f"{role}_start"] >= 0:
                assert text[row[f"{role}_start"] : row[f"{role}_end"]] == row[f"{role}_text"]
            else:
                assert row[f"{role}_text"] == ""


def test_hedged_when_a_cue_is_in_the_clause(article):
    from analystkit.extract import extract_article

    doc = article("Russian troops may withdraw from the city. Ukraine captured the town.")
    rows = {r["action"]: r for r in extract_article(doc, tables=["actions"])["actions"]}
    assert rows["withdraw"]["hedged"] is True
    assert rows["capture"]["hedged"] is False


def test_actions_come_after_the_tables_they_read():
    from analystkit.extract import extraction_order

    assert extraction_order(["actions"]) == ["sentences", "claims", "hedges", "actions"]


def test_they_stands_for_a_described_group_not_a_nearby_state(article):
    text = (
        "The six-member Afghan team, which consists entirely of girls, had been denied visas to enter the United States. "
        "The team arrived in Washington after many difficulties. They met the ambassador on Monday."
    )
    _, rows = triples(article, text)
    meet = [r for r in rows if r["action"] == "meet" and r["agent_text"] == "They"]
    assert meet and meet[0]["agent"] == "Afghan team"  # "the team" is the six-member Afghan team
    assert not meet[0]["agent_is_actor"]  # a described group, not a canonical actor


def test_their_prefers_an_organisation_in_its_own_sentence(article):
    text = (
        "The Straits Times noted the support movement. "
        "The attention led to outreach from Google and Mohamed was invited to their science fair."
    )
    from analystkit.extract.actions import pronoun_antecedents
    from analystkit.nlp.pronouns import resolve_from_subjects

    doc_article = article(text)
    their = next(t for t in doc_article.doc if t.lower_ == "their")
    antecedents = pronoun_antecedents(doc_article)
    got = resolve_from_subjects(their, antecedents, sentence=doc_article.sentence_id_at(their.idx))
    assert got == "Google"


def test_a_bare_description_with_nothing_richer_is_no_antecedent(article):
    # "the team" names no one unless the article described the team before; "they"
    # then falls back to the actors around it instead of to the word "team".
    text = (
        "Hernan Gomez, the Panama coach, praised his players. "
        "The team was emotional at the start, but as time went by, they were able to focus."
    )
    from analystkit.extract.actions import pronoun_antecedents
    from analystkit.nlp.pronouns import resolve_from_subjects

    doc_article = article(text)
    antecedents = pronoun_antecedents(doc_article)
    assert not any(a.actor == "team" for a in antecedents)
    they = next(t for t in doc_article.doc if t.lower_ == "they")
    assert resolve_from_subjects(they, antecedents, sentence=doc_article.sentence_id_at(they.idx)) != "team"


def test_a_bare_role_is_the_person_the_article_names_with_it(article):
    # the heading names him ("Remarks by President Biden"), the body only says "the President", as in a transcript
    rows = extract_actions(article("The President met the troops in Kyiv on Monday.", title="Remarks by President Biden on Ukraine"))
    assert [r["agent"] for r in rows if r["action"] == "meet"] == ["Biden"]
    assert not any(r["agent"] == "President" for r in rows)


def test_a_role_holder_is_read_without_a_possessive(nlp):
    from analystkit.nlp.speakers import role_holder

    doc = nlp("President Vladimir Putin's forces retreated. President Putin's aides were silent. The President spoke later.")
    assert role_holder("President", doc) == "Vladimir Putin"

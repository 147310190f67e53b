"""PolNeAR evaluation: reading brat standoff, refusing the test split, matching and scoring, on constructed inputs."""

from __future__ import annotations

import pytest

from analystkit.evaluate.polnear import (
    Annotation,
    GoldAttribution,
    PolnearCounts,
    annotation_files,
    article_paths,
    check_split,
    false_category,
    false_passage_cases,
    hit_cases,
    gold_items,
    miss_category,
    nested_in,
    parse_ann,
    score,
    source_head,
    source_overlaps,
    split_folder,
    write_articles,
)
from analystkit.evaluate.sourcing import Item

TEXT = "Obama on the vote: no.\n\nThe senator said the bill would pass. It rained. It is said that taxes rise."


def _find(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


SOURCE, CUE, CONTENT = _find(TEXT, "The senator"), _find(TEXT, "said"), _find(TEXT, "the bill would pass")
PASSIVE, THAT = _find(TEXT, "is said"), _find(TEXT, "that taxes rise")
RAINED = _find(TEXT, "It rained")
ANN = "\n".join([
    f"T1\tSource {SOURCE[0]} {SOURCE[1]}\tThe senator",
    f"T2\tCue {CUE[0]} {CUE[1]}\tsaid",
    f"T3\tContent {CONTENT[0]} {CONTENT[1]}\tthe bill would pass",
    f"T4\tAttribution {CUE[0]} {CUE[1]}\tsaid",
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    f"T5\tCue {PASSIVE[0]} {PASSIVE[1]}\tis said",
    f"T6\tContent {THAT[0]} {THAT[0] + 4};{THAT[0] + 5} {THAT[1]}\tthat taxes rise",
    f"T7\tAttribution-no-source {PASSIVE[0]} {PASSIVE[1]}\tis said",
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
    f"T8\tDiscard {RAINED[0]} {RAINED[1]}\tIt rained",
    "E3\tAttribution:T99",
    "T9\tbroken line without spans",
    "",
])
#: sentence spans: the headline, "The senator said …", "It rained.", "It is said …"
SENTENCES = [_find(TEXT, "Obama on the vote: no."), _find(TEXT, "The senator said the bill would pass."), _find(TEXT, "It rained."), _find(TEXT, "It is said that taxes rise.")]
STARTS, ENDS = [s for s, _ in SENTENCES], [e for _, e in SENTENCES]


def test_parse_ann_reads_attributions_sourceless_ones_and_ignored_spans():
    ann = parse_ann(ANN)
    assert [a.id for a in ann.attributions] == ["E1", "E2"]  # E3 has neither cue nor content
    first, second = ann.attributions
    assert (first.source, first.cue, first.content) == ([SOURCE], [CUE], [CONTENT])
    assert second.source == [] and second.content == [(THAT[0], THAT[0] + 4), (THAT[0] + 5, THAT[1])]  # a discontinuous span
    assert ann.ignored == [RAINED]
    assert len(ann.problems) == 1 and "line 12" in ann.problems[0]


def test_check_split_refuses_the_test_split():
    assert check_split("dev") == "dev"
    with pytest.raises(ValueError, match="AK010|reserved"):
        check_split("test")
    with pytest.raises(ValueError, match="Unknown PolNeAR split"):
        check_split("validation")


def _corpus(tmp_path):
    root = tmp_path / "PolNeAR"
    for split in ("dev", "test"):
        (root / "data" / split / "text").mkdir(parents=True)
        (root / "data" / split / "attributions").mkdir(parents=True)
    (root / "data" / "dev" / "text" / "a_2016.txt").write_text(TEXT, encoding="utf-8")
    (root / "data" / "dev" / "text" / "b_2016.txt").write_text("Nothing here.\n", encoding="utf-8")
    for annotator in ("ef2d", "4b22"):
        (root / "data" / "dev" / "attributions" / f"a_2016_{annotator}.ann").write_text(ANN, encoding="utf-8")
    (root / "data" / "test" / "text" / "secret.txt").write_text("held out", encoding="utf-8")
    return root


def test_split_folder_refuses_a_path_inside_the_test_split(tmp_path):
    root = _corpus(tmp_path)
    assert split_folder(root, "dev") == (root / "data" / "dev").resolve()
    assert split_folder(root / "data", "dev") == (root / "data" / "dev").resolve()
    with pytest.raises(ValueError, match="reserved"):
        split_folder(root / "data" / "test", "dev")
    with pytest.raises(FileNotFoundError, match="No PolNeAR train split"):
        split_folder(root, "train")


def test_annotator_choice_and_article_pairs(tmp_path):
    root = _corpus(tmp_path)
    chosen = annotation_files(root / "data" / "dev")
    assert chosen["a_2016"].name == "a_2016_4b22.ann"  # the first annotator id in sort order
    pairs = article_paths(root, "dev")
    assert [(t.name, a.name) for t, a in pairs] == [("a_2016.txt", "a_2016_4b22.ann")]  # b has no annotation


def test_article_slices_skip_then_limit(tmp_path):
    root = _corpus(tmp_path)
    (root / "data" / "dev" / "text" / "c_2016.txt").write_text(TEXT, encoding="utf-8")
    (root / "data" / "dev" / "attributions" / "c_2016_ef2d.ann").write_text(ANN, encoding="utf-8")
    assert [t.name for t, _ in article_paths(root, "dev")] == ["a_2016.txt", "c_2016.txt"]
    assert [t.name for t, _ in article_paths(root, "dev", skip=1)] == ["c_2016.txt"]
    assert [t.name for t, _ in article_paths(root, "dev", skip=1, limit=1)] == ["c_2016.txt"]
    assert [t.name for t, _ in article_paths(root, "dev", limit=1)] == ["a_2016.txt"]
    assert article_paths(root, "dev", skip=2) == []


def test_write_articles_copies_train_and_dev_only(tmp_path):
    root = _corpus(tmp_path)
    (root / "data" / "train" / "text").mkdir(parents=True)
    (root / "data" / "train" / "attributions").mkdir(parents=True)
    written = write_articles(root, tmp_path / "out")
    assert [p.name for p in written] == ["a_2016.txt"]
    assert written[0].read_text(encoding="utf-8") == TEXT
    assert not any("secret" in p.name for p in (tmp_path / "out").iterdir())


def test_source_head_is_the_root_of_the_gold_source(nlp):
    doc = nlp("Sen. Bernie Sanders, a Vermont independent, said the bill fails. Hillary Clinton's campaign said no.")
    text = doc.text
    start = text.index("Sen.")
    end = text.index(", said")
    assert text[slice(*source_head(doc, [(start, end)]))] == "Sanders"
    start = text.index("Hillary")
    end = text.index(" said no")
    assert text[slice(*source_head(doc, [(start, end)]))] == "campaign"


def _item(source, cue, content, head=None):
    item = Item(source, cue, content, head)
    spans = source + cue + content
    item.sentences = {i for i, (s, e) in enumerate(SENTENCES) if any(a < e and s < b for a, b in spans)}
    return item


GOLD_SAID = _item([SOURCE], [CUE], [CONTENT], head=_find(TEXT, "senator"))
GOLD_SOURCELESS = _item([], [PASSIVE], [THAT])


def test_score_counts_head_overlap_sourceless_and_false_attribution():
    good = _item([SOURCE], [CUE], [_find(TEXT, "the bill would pass.")])
    narrow = _item([_find(TEXT, "The")], [CUE], [CONTENT])  # overlaps the gold source, misses its head
    sourceless = _item([], [_find(TEXT, "said", PASSIVE[0])], [THAT])  # finds the sourceless gold by its cue
    rained = _item([_find(TEXT, "It", RAINED[0])], [_find(TEXT, "rained")], [RAINED])  # a Discard sentence: not a clean passage
    headline = _item([_find(TEXT, "Obama")], [_find(TEXT, ":")], [_find(TEXT, "no")])  # the headline: a passage without attribution
    counts = score([good, narrow, sourceless, rained, headline], [GOLD_SAID, GOLD_SOURCELESS], SENTENCES, [RAINED])
    assert (counts.n_pred, counts.n_gold) == (4, 1)
    assert counts.pred_source_ok == 1 and counts.gold_source_ok == 1 and counts.gold_content_ok == 1
    assert counts.pred_overlap_ok == 2 and counts.gold_overlap_ok == 1
    assert (counts.gold_sourceless, counts.gold_sourceless_found, counts.pred_sourceless) == (1, 1, 1)
    assert (counts.unattributed_sentences, counts.false_attributions) == (1, 1)
    metrics = counts.metrics()
    assert metrics["source_p"] == pytest.approx(0.25)
    assert metrics["source_r"] == pytest.approx(1.0)
    assert metrics["source_f1"] == pytest.approx(0.4)
    assert metrics["overlap_f1"] == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert metrics["false_attr"] == pytest.approx(1.0)
    assert metrics["sourceless_r"] == pytest.approx(1.0)
    without_discard = score([rained], [GOLD_SAID, GOLD_SOURCELESS], SENTENCES)
    assert (without_discard.unattributed_sentences, without_discard.false_attributions) == (2, 1)


def test_nested_predictions_are_counted_and_left_out_of_nested_neutral_precision():
    nested = _item([_find(TEXT, "bill")], [_find(TEXT, "would")], [_find(TEXT, "pass")])  # inside the gold content
    assert nested_in(nested, [GOLD_SAID]) is GOLD_SAID
    counts = score([nested, _item([SOURCE], [CUE], [CONTENT])], [GOLD_SAID], SENTENCES)
    assert counts.pred_nested == 1
    assert counts.metrics()["source_p"] == pytest.approx(0.5)
    assert counts.metrics()["source_p_nested_neutral"] == pytest.approx(1.0)
    assert source_overlaps(_item([_find(TEXT, "The")], [], []), GOLD_SAID)
    assert not source_overlaps(_item([RAINED], [], []), GOLD_SAID)


def test_counts_add_keeps_the_extra_fields():
    total = PolnearCounts()
    total.add(PolnearCounts(n_pred=2, gold_sourceless=3, pred_nested=1))
    total.add(PolnearCounts(n_pred=1, gold_sourceless=1))
    assert (total.n_pred, total.gold_sourceless, total.pred_nested) == (3, 4, 1)


def test_gold_items_carry_head_and_sentences(nlp):
    doc = nlp(TEXT)
    ann = Annotation([GoldAttribution("E1", [SOURCE], [CUE], [CONTENT]), GoldAttribution("E2", [], [PASSIVE], [THAT])])
    first, second = gold_items(ann, doc, STARTS, ENDS)
    assert TEXT[slice(*first.head)] == "senator" and first.sentences == {1}
    assert second.head is None and second.sentences == {3}


def test_error_categories(nlp):
    text = "Trump on the leak: bad.\n\nThe mayor blasted the plan, saying it fails. I think it works, she said."
    doc = nlp(text)
    first_line_end = text.index("\n")
    sentences = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]

    def item(source, cue, content, head=None):
        found = Item([_find(text, source)] if source else [], [_find(text, cue)], [_find(text, content)], _find(text, head) if head else None)
        found.sentences = {i for i, (s, e) in enumerate(sentences) if any(a < e and s < b for a, b in found.source + found.cue + found.content)}
        return found

    headline = item("Trump", ":", "bad", "Trump")
    blasted = item("The mayor", "blasted", "the plan", "mayor")
    saying = item("The mayor", "saying", "it fails", "mayor")
    verbs, listed = frozenset({"say", "think"}), frozenset({"mayor"})
    assert miss_category(headline, [], doc, first_line_end, verbs, listed)[0] == "headline"
    assert miss_category(blasted, [], doc, first_line_end, verbs, listed)[0] == "verb cue the kit lacks"
    assert miss_category(saying, [], doc, first_line_end, verbs, listed)[0] == "participial cue"
    found_elsewhere = item("it", "saying", "it fails")
    assert miss_category(saying, [found_elsewhere], doc, first_line_end, verbs, listed)[0] == "found, other source"
    said = item("she", "said", "I think it works", "she")
    think = item("I", "think", "it works")
    assert false_category(think, {}, [said], doc, first_line_end, sentences)[0] == "nested in gold content"
    assert false_category(item("it", "saying", "it fails"), {}, [said], doc, first_line_end, sentences)[0] == "passage without attribution"
    assert false_category(item("Trump", ":", "bad"), {}, [], doc, first_line_end, sentences)[0] == "headline"


def test_false_passage_cases_say_how_each_clean_passage_was_touched(nlp):
    text = "Ann Lee said the plan fails. It rained all day. Reportedly the roads flooded. The end came fast."
    doc = nlp(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    assert len(sentences) == 4
    said = Item([_find(text, "Ann Lee")], [_find(text, "said")], [_find(text, "the plan fails"), _find(text, "It rained all day")])
    reportedly = Item([], [_find(text, "Reportedly")], [_find(text, "the roads flooded")])
    cases = false_passage_cases("kit", "a1", doc, sentences, [said, reportedly], covered=set())
    assert [(c.category, c.sentence) for c in cases] == [
        ("sourced cue", "Ann Lee said the plan fails."),
        ("content only", "It rained all day."),
        ("sourceless cue", "Reportedly the roads flooded."),
    ]
    assert cases[0].source == "Ann Lee" and cases[0].cue_lemma == "say"
    assert [c.sentence for c in false_passage_cases("kit", "a1", doc, sentences, [said, reportedly], covered={0, 1})] == ["Reportedly the roads flooded."]
    said.sentences, reportedly.sentences = {0, 1}, {2}
    gold = Item([_find(text, "Ann Lee")], [_find(text, "said")], [_find(text, "the plan fails")], _find(text, "Lee"), {0})
    hits = hit_cases("kit", "a1", doc, sentences, [said, reportedly], [gold])
    assert [(h.kind, h.source, h.cue_lemma) for h in hits] == [("hit", "Ann Lee", "say")]


def test_transcript_turns_can_be_left_out_of_the_scored_claims():
    from analystkit.evaluate.sourcing import claim_items
    from analystkit.extract.claims import NOTE_TURN

    def row(start, end, source, cue, note="", nested=False):
        return {"source_type": "named_person", "source_start": source[0], "source_end": source[1], "cue_start": cue[0], "cue_end": cue[1], "start": start, "end": end, "note": note, "nested": nested}

    rows = [row(3, 20, (0, 1), (1, 2), NOTE_TURN), row(21, 40, (0, 1), (1, 2), NOTE_TURN), row(50, 70, (41, 44), (45, 49))]
    assert len(claim_items(rows, [0, 21, 41], [20, 40, 70])) == 2
    kept = claim_items(rows, [0, 21, 41], [20, 40, 70], turns=False)
    assert len(kept) == 1 and kept[0].source == [(41, 44)]


def test_parenthetical_cue_category(nlp):
    text = "The museum, Mr. Bush said, celebrated his heroes."
    doc = nlp(text)
    gold = Item([_find(text, "Mr. Bush")], [_find(text, "said")], [_find(text, "The museum"), _find(text, "celebrated his heroes")], _find(text, "Bush"))
    gold.sentences = {0}
    assert miss_category(gold, [], doc, 0, frozenset({"say"}), frozenset())[0] == "parenthetical cue"


def test_move_annotation_into_the_loaded_text():
    from analystkit.evaluate.polnear import move_annotation

    ann = Annotation(
        [GoldAttribution("E1", [(0, 9)], [(9, 10)], [(11, 20)]), GoldAttribution("E2", [(30, 35)], [(36, 40)], [(41, 50)])],
        [(5, 35), (60, 70)],
    )
    moved = move_annotation(ann, 25, 30)  # a header line of 25 characters, then 30 characters of text
    assert [a.id for a in moved.attributions] == ["E2"]
    assert moved.attributions[0].source == [(5, 10)] and moved.attributions[0].content == [(16, 25)]
    assert moved.ignored == [(0, 10)]

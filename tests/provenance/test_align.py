"""Sentence alignment: one-to-one, split, merged, dropped, added and moved, without a parser."""

from __future__ import annotations

from analystkit.provenance.align import Sentence, align_sentences, alignment_table


def _sentences(*texts: str, paragraphs: list[int] | None = None) -> list[Sentence]:
    out, pos = [], 0
    for k, text in enumerate(texts):
        out.append(Sentence(k, (paragraphs or [0] * len(texts))[k], pos, pos + len(text), text))
        pos += len(text) + 1
    return out


A = _sentences(
    "The council approved the new bridge plan on Tuesday evening.",
    "Engineers expect the construction work to last three full years.",
    "Residents complained about traffic on the old crossing.",
    "The mayor thanked the engineers and the residents.",
)


def test_identical_versions_align_one_to_one():
    steps = align_sentences(A, A)
    assert [s.kind for s in steps] == ["one_to_one"] * 4
    assert all(s.similarity == 1.0 for s in steps)


def test_split_and_dropped_and_added():
    b = _sentences(
        "The council approved the new bridge plan on Tuesday evening.",
        "Engineers expect the construction work",
        "To last three full years.",
        "A completely unrelated sentence about football scores appears here.",
        "The mayor thanked the engineers and the residents.",
    )
    steps = align_sentences(A, b)
    kinds = [s.kind for s in steps]
    assert kinds.count("split") == 1 and "dropped" in kinds and "added" in kinds
    split = next(s for s in steps if s.kind == "split")
    assert [x.sentence_id for x in split.a] == [1] and [x.sentence_id for x in split.b] == [1, 2]


def test_merge():
    b = _sentences(
        "The council approved the new bridge plan on Tuesday evening.",
        "Engineers expect the construction work to last three full years, and residents complained about traffic on the old crossing.",
        "The mayor thanked the engineers and the residents.",
    )
    steps = align_sentences(A, b)
    merged = [s for s in steps if s.kind == "merged"]
    assert len(merged) == 1 and [x.sentence_id for x in merged[0].a] == [1, 2]


def test_a_moved_sentence_is_paired():
    b = _sentences(A[3].text, A[0].text, A[1].text, A[2].text)
    steps = align_sentences(A, b)
    assert all(s.kind == "one_to_one" for s in steps)
    assert sum(s.moved for s in steps) == 1


def test_a_piece_of_stop_words_still_counts_as_part_of_a_split():
    a = _sentences("Drug costs could go down because of the new provision on prices.")
    b = _sentences("Drug costs could go", "Down.", "Because of the new provision on prices.")
    steps = align_sentences(a, b)
    assert [s.kind for s in steps] == ["split"] and len(steps[0].b) == 3


def test_alignment_table_columns():
    table = alignment_table(align_sentences(A, A[:3]))
    assert list(table.columns) == ["group", "kind", "sentences_a", "sentences_b", "start_a", "end_a", "start_b", "end_b", "similarity", "moved"]
    assert table.kind.tolist()[-1] == "dropped" and table.start_b.tolist()[-1] == -1

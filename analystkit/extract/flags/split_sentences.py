"""The ``split_sentence`` flag (high): one sentence cut in two by a paragraph break

A paragraph whose last sentence ends without terminal punctuation (. ! ? … or a
closing quote or bracket after one, or a colon) and that is not a heading (it has
a finite verb and at least four words; its ``kind`` in the sentences table is prose,
not a heading or a list entry; it does not end a list item with ";" or ", and"; it
is not one of a run of labelled entries, "January 11: …"), and that reads as cut: it ends on a
function word or on a verbless conjunct ("…, but Ukraine's progress"), or the next
paragraph starts in lower case or with a pronoun ("It was slow and grinding.").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ...nlp.doc import ArticleDoc
from ...nlp.transcripts import starts_with_speaker_label
from ...vocab.words import word_list
from ..sentences import FINITE_TAGS, PROSE_KINDS
from .common import ends_terminated, make_flag, paragraphs

#: Parts of speech a sentence cannot end on.
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})
#: A short label and a colon opening a paragraph ("January 11:", "TWU:").
_LABEL = re.compile(r"[^\n:.!?]{1,40}:\s")
#: Words that, opening a paragraph, need something before them.
CONTINUATION_PRONOUNS = word_list("continuation_pronouns")


def _verbless_tail(span: Span) -> bool:
    """The span's last coordinated conjunct has no verb: "…, but Ukraine's progress"."""
    conjunctions = [t for t in span if t.pos_ == "CCONJ" or (t.pos_ == "SCONJ" and t.dep_ == "mark")]
    if not conjunctions:
        return False
    tail = [t for t in span if t.i > conjunctions[-1].i and not t.is_punct]
    return bool(tail) and not any(t.pos_ in ("VERB", "AUX") for t in tail)


def find_split_sentences(article: ArticleDoc) -> list[dict]:
    out = []
    blocks = paragraphs(article)
    kinds = {row["sentence_id"]: row.get("kind", "body") for row in article.rows.get("sentences", [])}
    for current, following in zip(blocks, blocks[1:]):
        last, nxt = current[-1], following[0]
        if ends_terminated(article.text[last.start : last.end]):
            continue
        if kinds.get(last.sentence_id, "body") not in PROSE_KINDS or kinds.get(nxt.sentence_id, "body") == "list_item":
            continue  # a heading, a list entry, a byline: layout, not a sentence cut short
        tail = article.text[last.start : last.end].rstrip()
        if tail.endswith((";", "; and", "; or", ", and", ", or")):
            continue  # an item of a list, continued by the next one
        if _LABEL.match(article.text, last.start) and _LABEL.match(article.text, nxt.start):
            continue  # entries of a labelled list ("January 11: …", "January 12: …")
        words = [t for t in last.span if not t.is_punct and not t.is_space]
        if len(words) < 4 or not any(t.tag_ in FINITE_TAGS for t in last.span):
            continue  # a heading, a label, a dateline
        if last.span.text.isupper() or all(w.text[:1].isupper() for w in words if w.is_alpha and len(w.text) > 3):
            continue  # a title-case heading
        first_word = next((t for t in nxt.span if not t.is_punct and not t.is_space), None)
        if first_word is None or starts_with_speaker_label(article.text[nxt.start : nxt.start + 40]):
            continue  # the next paragraph is another speaker's turn
        ends_on_function_word = words[-1].pos_ in FUNCTION_POS or words[-1].dep_ == "poss"
        cut = ends_on_function_word or _verbless_tail(last.span)
        continues = first_word.text[:1].islower() or first_word.lower_ in CONTINUATION_PRONOUNS
        if not (cut or continues):
            continue
        why = []
        if ends_on_function_word:
            why.append(f"it ends on \"{words[-1].text}\"")
        elif cut:
            why.append(f"its last part (\"…{article.text[words[-3].idx if len(words) >= 3 else words[0].idx:last.end]}\") has no verb")
        if continues:
            why.append(f"the next paragraph opens with \"{first_word.text}\", which needs something before it")
        message = (
            f"Split sentence: this paragraph ends without a full stop and {' and '.join(why)}. A line break has probably "
            f"cut one sentence in two (next: \"{nxt.span.text[:60]}\"); the two halves should be read, and quoted, together."
        )
        out.append(make_flag(article, last.sentence_id, last.start, last.end, "split_sentence", message, related=(nxt.start, nxt.end)))
    return out


__all__ = ["CONTINUATION_PRONOUNS", "find_split_sentences"]

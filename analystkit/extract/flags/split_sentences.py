"""The ``split_sentence`` flag (high): one sentence cut in two by a paragraph break

A paragraph whose last sentence ends without terminal punctuation (. ! ? … or a
closing quote or bracket after one, or a colon) and that is not a heading (it has
a finite verb and at least four words), and that reads as cut: it ends on a
function word or on a verbless conjunct ("…, but Ukraine's progress"), or the next
paragraph starts in lower case or with a pronoun ("It was slow and grinding.").
"""

from __future__ import annotations

from spacy.tokens import Span

from ...nlp.doc import ArticleDoc
from ...nlp.transcripts import starts_with_speaker_label
from ...vocab.words import word_list
from ..sentences import FINITE_TAGS
from .common import ends_terminated, make_flag, paragraphs

#: Parts of speech a sentence cannot end on.
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})
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
    for current, following in zip(blocks, blocks[1:]):
        last, nxt = current[-1], following[0]
        if ends_terminated(article.text[last.start : last.end]):
            continue
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

"""The ``sentences`` table, and the test for verbless fragments.

Columns: ``article_id, sentence_id, paragraph_id, start, end, text, is_headline,
fragment``. Sentences come from the pipeline (paragraph-aware, see
:mod:`analystkit.nlp.segmentation`), trimmed of surrounding whitespace.
"""

from __future__ import annotations

from spacy.tokens import Span

from .base import ArticleDoc

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_TIME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def is_fragment(sentence: Span) -> bool:
    """True for a verbless or subjectless piece that is not a full sentence.

    * no finite verb (and not an imperative), e.g. 'Called "Black."';
    * a short past-tense clause with no subject at all, e.g. "Redeployed forces.".

    Datelines ("Friday, July 21, 2017"), one-word replies and interjections
    ("Yes.", "Thank you.") and speaker labels in transcripts are not fragments.
    """
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not words:
        return False
    if all(t.ent_type_ in _TIME_LABELS or t.like_num for t in words):
        return False  # a dateline
    if len(words) <= 2 and all(t.pos_ in ("INTJ", "PROPN", "NUM", "X") or t.lower_ in ("yes", "no", "okay", "ok", "thanks", "right", "sure", "q", "a") for t in words):
        return False
    finite = any(t.tag_ in FINITE_TAGS for t in sentence)
    root = sentence.root
    if not finite:
        if root.tag_ == "VB" and root.i == sentence.start or (root.tag_ == "VB" and words[0].tag_ == "VB"):
            return False  # an imperative: "Hire a professional editor!"
        return True
    has_subject = any(t.dep_ in SUBJECT_DEPS for t in sentence)
    if not has_subject and root.tag_ in ("VBD", "VBN") and len(words) <= 6 and root.i == words[0].i:
        return True
    return False


def extract_sentences(article: ArticleDoc) -> list[dict]:
    text = article.text
    return [
        {
            "article_id": article.article_id,
            "sentence_id": s.sentence_id,
            "paragraph_id": s.paragraph_id,
            "start": s.start,
            "end": s.end,
            "text": text[s.start : s.end],
            "is_headline": s.is_headline,
            "fragment": (not s.is_headline) and is_fragment(s.span),
        }
        for s in article.sentences
    ]

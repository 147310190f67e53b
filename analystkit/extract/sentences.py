"""The ``sentences`` table, and the test for verbless fragments.

Columns: ``article_id, sentence_id, paragraph_id, start, end, text, is_headline,
fragment``. Sentences come from the pipeline (paragraph-aware, see
:mod:`analystkit.nlp.segmentation`), trimmed of surrounding whitespace.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..nlp.doc import ArticleDoc, token_table
from ..vocab.labels import TIME_LABELS
from ..vocab.words import word_list

#: The table this module writes, and the tables whose rows it reads (:mod:`analystkit.extract`).
TABLE = "sentences"
REQUIRES: tuple[str, ...] = ()

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_TIME_LABELS = TIME_LABELS
#: Words that make a one- or two-word reply, not a fragment.
_REPLIES = word_list("replies")


def is_fragment(sentence: Span) -> bool:
    """True for a verbless or subjectless piece that is not a full sentence.

    * no finite verb (and not an imperative), e.g. 'Called "Black."';
    * a short past-tense clause with no subject at all, e.g. "Redeployed forces.".

    Datelines ("Friday, July 21, 2017"), one-word replies and interjections
    ("Yes.", "Thank you.") and speaker labels in transcripts are not fragments.
    """
    table = token_table(sentence.doc)
    tokens = range(sentence.start, sentence.end)
    punct, space = table.is_punct, table.is_space
    words = [i for i in tokens if not punct[i] and not space[i]]
    if not words:
        return False
    ent_type, like_num = table.ent_type, table.like_num
    if all(ent_type[i] in _TIME_LABELS or like_num[i] for i in words):
        return False  # a dateline
    if len(words) <= 2 and all(table.pos[i] in ("INTJ", "PROPN", "NUM", "X") or table.lower[i] in _REPLIES for i in words):
        return False
    tag = table.tag
    finite = any(tag[i] in FINITE_TAGS for i in tokens)
    root = sentence.root
    if not finite:
        if root.tag_ == "VB" and root.i == sentence.start or (root.tag_ == "VB" and tag[words[0]] == "VB"):
            return False  # an imperative: "Hire a professional editor!"
        return True
    dep = table.dep
    has_subject = any(dep[i] in SUBJECT_DEPS for i in tokens)
    if not has_subject and root.tag_ in ("VBD", "VBN") and len(words) <= 6 and root.i == words[0]:
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

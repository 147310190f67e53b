"""The ``overlong_sentence`` flag (low): a run of text too long to be one sentence.

Text that runs past the sentence-length limit (:mod:`analystkit.limits`,
``max_sentence_chars``) without sentence punctuation is cut by the paragraph component at
the clause boundary nearest the limit, so that it can be parsed; each cut is flagged here.
Such text is usually a scraping error, a table or a list that lost its layout, or a page
without punctuation: the sentences around the cut are the kit's guess, not the writer's.
"""

from __future__ import annotations

from ...nlp.doc import ArticleDoc
from ...nlp.segmentation import SPLITS_KEY
from .common import make_flag


def find_overlong_sentences(article: ArticleDoc) -> list[dict]:
    """One flag per cut, on the sentence the cut starts."""
    out = []
    for offset in article.doc.user_data.get(SPLITS_KEY, ()):
        sentence = article.sentence_at(offset)
        if sentence is None:
            continue
        message = (
            "Overlong sentence: the text runs on for more characters than one sentence may have (the "
            "max_sentence_chars limit) without sentence punctuation, so the kit cut it here, at a clause "
            "boundary, to parse it. The sentences around this point are the kit's guess, not the writer's: "
            "read the original (a scraping error, a table or a list that lost its layout)."
        )
        out.append(make_flag(article, sentence.sentence_id, sentence.start, sentence.end, "overlong_sentence", message))
    return out


__all__ = ["find_overlong_sentences"]

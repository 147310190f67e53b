"""The ``suspicious_quote`` flag (medium): a quotation whose words or speaker cannot be trusted

A quotation of one or two words inside a fragment (no clause says who says it or
what it names: 'Called "Black."'); a quotation followed directly by such a
fragment quotation (one quote cut in two or garbled: 'known as the "Pearl of the
City." Called "Black."'); or a quotation mark that pairs with nothing
(:func:`analystkit.nlp.quotes.pair_quote_marks`, the kit's one pairer for these rules: a
quotation running on into the next paragraph, re-opened there or closed there, is not
unpaired).
"""

from __future__ import annotations

from ...nlp.doc import ArticleDoc
from ...nlp.quotes import pair_quote_marks
from .common import make_flag
from .fragments import flaggable_fragments

_OPEN_CURLY, _CLOSE_CURLY = "“", "”"
#: Above this many unpaired marks in one article, one flag says so for the whole article.
MAX_UNPAIRED_FLAGS = 3


def _quote_words(text: str, a: int, b: int) -> list[str]:
    return [w for w in text[a + 1 : b].replace("—", " ").split() if any(ch.isalnum() for ch in w)]


def find_suspicious_quotes(article: ArticleDoc) -> list[dict]:
    text = article.text
    fragments = {sentence.sentence_id for sentence in flaggable_fragments(article)}
    out: list[dict] = []
    all_pairs, unpaired = pair_quote_marks(text, article.paragraph_starts)
    unpaired = [m for m in unpaired if (s := article.sentence_at(m)) is not None and not s.is_headline]
    many = len(unpaired) > MAX_UNPAIRED_FLAGS
    for mark in unpaired[:1] if many else unpaired:
        sentence = article.sentence_at(mark)
        what = "opens and never closes" if text[mark] != _CLOSE_CURLY else "closes a quotation that never opened"
        message = (
            f"Suspicious quote: a quotation mark here {what} within its paragraph, so it is unclear where the quoted "
            "words start or stop — and so what the source actually said. Check the quotation against the original."
        )
        if many:
            message = (
                f"Suspicious quotes: {len(unpaired)} quotation marks in this article pair with nothing (the first is here), "
                "so where quoted words start and stop cannot be read from the marks anywhere in it. Check every quotation "
                "against the original before citing it."
            )
        end = max(sentence.end, mark + 1) if mark >= sentence.start else mark + 1
        out.append(make_flag(article, sentence.sentence_id, mark, end, "suspicious_quote", message))
    flagged_short: set[int] = set()
    for a, b in all_pairs:
        sentence = article.sentence_at(a)
        if sentence is None or sentence.is_headline:
            continue
        words = _quote_words(text, a, b)
        if 1 <= len(words) <= 2 and sentence.sentence_id in fragments:
            flagged_short.add(sentence.sentence_id)
            message = (
                f"Suspicious quote: the quotation {text[a:b + 1]} is one or two words standing in a fragment — no clause says "
                "who said it or what it names. Short quotes like this often survive from a longer quote or a nickname that "
                "was cut; do not cite it."
            )
            out.append(make_flag(article, sentence.sentence_id, a, b + 1, "suspicious_quote", message))
    for a, b in all_pairs:
        sentence = article.sentence_at(a)
        if sentence is None or sentence.is_headline or sentence.sentence_id + 1 not in flagged_short:
            continue
        following = article.sentences[sentence.sentence_id + 1]
        if following.paragraph_id != sentence.paragraph_id or sentence.sentence_id in flagged_short:
            continue
        if text[b + 1 : following.start].strip(" .,;:!?\"'”’") or b + 1 < sentence.end - 2:
            continue  # the quotation does not end its sentence
        message = (
            f"Suspicious quote: the quotation {text[a:b + 1]} is followed at once by a fragment holding another short quote "
            f"(\"{following.span.text}\"). The two look like one quotation or nickname cut in two or garbled: the wording "
            "cannot be trusted as a quote."
        )
        out.append(make_flag(article, sentence.sentence_id, a, b + 1, "suspicious_quote", message, related=(following.start, following.end)))
    return out


__all__ = ["find_suspicious_quotes"]

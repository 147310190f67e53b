"""What the flag rules share: the row they write, the paragraphs of an article, and the
words that introduce who a person is."""

from __future__ import annotations

from functools import lru_cache

from ...nlp.doc import ArticleDoc, Sentence
from ...vocab.attribution import load_lexicon
from ...vocab.nouns import actor_nouns
from ...vocab.words import titles

#: How much each kind of finding matters.
SEVERITY = {
    "fragment": "medium",
    "split_sentence": "high",
    "unintroduced_person": "low",
    "dangling_reference": "medium",
    "suspicious_quote": "medium",
    "date_conflict": "high",
    "overlong_sentence": "low",
}
KINDS = tuple(SEVERITY)
COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "kind", "severity", "message", "related_start", "related_end", "related_text"]
#: Sentence-final marks; a dash marks speech broken off on purpose ("I'm not in the habit of —").
TERMINAL = frozenset(".!?…:—–")
CLOSERS = frozenset("\"'”’)]»")


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Words that say who a person is: title words (``titles.csv``), actor and source nouns, and
    the ``person_role`` words of ``titles.csv``."""
    return frozenset(titles("title") | actor_nouns().keys() | load_lexicon().source_nouns.keys() | titles("person_role"))


def make_flag(article: ArticleDoc, sentence_id: int, start: int, end: int, kind: str, message: str, related: tuple[int, int] | None = None) -> dict:
    text = article.text
    rs, re_ = related if related is not None else (-1, -1)
    return {
        "article_id": article.article_id,
        "sentence_id": sentence_id,
        "start": start,
        "end": end,
        "text": text[start:end],
        "kind": kind,
        "severity": SEVERITY[kind],
        "message": message,
        "related_start": rs,
        "related_end": re_,
        "related_text": text[rs:re_] if rs >= 0 else "",
    }


def ends_terminated(text: str) -> bool:
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1].rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL


def paragraphs(article: ArticleDoc) -> list[list[Sentence]]:
    groups: dict[int, list[Sentence]] = {}
    for sentence in article.sentences:
        if not sentence.is_headline:
            groups.setdefault(sentence.paragraph_id, []).append(sentence)
    return [groups[k] for k in sorted(groups)]


__all__ = ["CLOSERS", "COLUMNS", "KINDS", "SEVERITY", "TERMINAL", "ends_terminated", "make_flag", "paragraphs", "role_words"]

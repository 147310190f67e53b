"""What every extractor receives: one parsed article and its sentence index."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_TEXT_KEY = "analystkit_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@dataclass
class Sentence:
    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    span: Span
    is_headline: bool = False


@dataclass
class ArticleDoc:
    """A parsed article: its id, metadata, spaCy ``Doc`` and trimmed sentences.

    ``doc.text`` is exactly the article's text, so every character offset taken
    from the Doc indexes ``corpus.articles.text``.
    """

    article_id: str
    doc: Doc
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
    #: rows already extracted for this article, by table (extractors run in the order of
    #: :data:`analystkit.extract.EXTRACTORS`, so a later one sees an earlier one's rows
    #: and may add columns to them, as hedges add ``hedged`` and ``certainty`` to claims).
    rows: dict[str, list[dict]] = field(default_factory=dict)

    @classmethod
    def build(cls, article_id: str, doc: Doc, meta: dict[str, Any] | None = None) -> "ArticleDoc":
        meta = meta or {}
        text = doc_text(doc)
        paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        headline_end = text.find("\n") if meta.get("has_headline") else -1
        sentences: list[Sentence] = []
        for span in doc.sents:
            tokens = [t for t in span if not t.is_space]
            if not tokens:
                continue
            start = tokens[0].idx
            end = tokens[-1].idx + len(tokens[-1].text)
            paragraph = bisect.bisect_right(paragraph_starts, start) - 1
            trimmed = doc.char_span(start, end, alignment_mode="expand") or span
            sentences.append(
                Sentence(len(sentences), paragraph, start, end, trimmed, is_headline=0 <= start < headline_end)
            )
        return cls(article_id, doc, meta, sentences, paragraph_starts)

    @property
    def text(self) -> str:
        return doc_text(self.doc)

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence holding character offset ``char`` (or the one before it)."""
        if not self.sentences:
            return None
        starts = [s.start for s in self.sentences]
        index = max(0, bisect.bisect_right(starts, char) - 1)
        return self.sentences[index]

    def sentence_id_at(self, char: int) -> int:
        sentence = self.sentence_at(char)
        return sentence.sentence_id if sentence is not None else -1

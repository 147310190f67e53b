"""What every extractor receives: one parsed article and its sentence index."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy

from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    LEMMA,
    LENGTH,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    TAG,
)
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc, Span

from .segmentation import TEXT_KEY

#: A blank line: a line holding only whitespace, no-break spaces included ("\n\xa0\n" in web copy).
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_TEXT_KEY = TEXT_KEY  # set by the paragraphs component, else on first use
_TOKENS_KEY = "analystkit_tokens"
_ENTS_KEY = "analystkit_ents"
_ENT_INDEX_KEY = "analystkit_ent_index"
_IOB = ("", "I", "O", "B")  # Token.ent_iob_ by Token.ent_iob


def paragraph_starts(text: str) -> list[int]:
    """Where the paragraphs of ``text`` start: 0 and the first character after each blank line."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's cached text (:func:`doc_text`) instead of joined
    from a spaCy ``Token`` per word; identical, since a span's words are contiguous text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def release(doc: Doc) -> None:
    """Drop the kit's per-Doc caches (:func:`doc_ents`, :func:`token_table`, the flags' content words).

    Both refer back to the Doc, so while they sit in ``doc.user_data`` the Doc is a
    reference cycle that only the cyclic garbage collector frees; the extraction
    releases every Doc as soon as its rows exist.
    """
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("analystkit_") and k != _TEXT_KEY]:
        del doc.user_data[key]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy builds a new tuple of Spans on every access).

    The Doc's entities must not change after the first call (extractors only read them).
    """
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = doc.ents
    return ents


def ents_overlapping(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities of ``doc`` that share a character with ``[start, end)``, in text order
    (a binary search over the entities' starts, made once per Doc)."""
    index = doc.user_data.get(_ENT_INDEX_KEY)
    if index is None:
        ents = doc_ents(doc)
        index = doc.user_data[_ENT_INDEX_KEY] = ([e.start_char for e in ents], max((len(e.text) for e in ents), default=0))
    starts, longest = index
    ents = doc_ents(doc)
    first = bisect.bisect_left(starts, start - longest)
    last = bisect.bisect_left(starts, end)
    return [e for e in ents[first:last] if e.end_char > start]


class TokenTable:
    """A Doc's token attributes as plain lists indexed by ``token.i``, each read once.

    ``table.lower[i] == doc[i].lower_``, ``table.lemma[i] == doc[i].lemma_.lower()``,
    and so on: one ``Doc.to_array`` per attribute instead of a spaCy ``Token`` per
    access. Get it with :func:`token_table` (one per Doc). The Doc must not change
    after the first read.
    """

    def __init__(self, doc: Doc):
        self.doc = doc

    def _strings(self, attr: int) -> list[str]:
        strings = self.doc.vocab.strings
        ids = self.doc.to_array(attr).tolist()
        known = {h: strings[h] for h in set(ids)}  # each distinct string looked up once
        return [known[h] for h in ids]

    def _flags(self, attr: int) -> list[bool]:
        return [bool(v) for v in self.doc.to_array(attr).tolist()]

    @cached_property
    def text(self) -> list[str]:
        """``token.text``."""
        return self._strings(ORTH)

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        """Lower-cased lemmas."""
        return [lemma.lower() for lemma in self._strings(LEMMA)]

    @cached_property
    def pos(self) -> list[str]:
        return [_POS_NAMES[v] for v in self.doc.to_array(POS).tolist()]

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def ent_iob(self) -> list[str]:
        """``"B"``, ``"I"``, ``"O"`` or ``""``."""
        return [_IOB[v] for v in self.doc.to_array(ENT_IOB).tolist()]

    @cached_property
    def ent_kb_id(self) -> list[str]:
        return self._strings(ENT_KB_ID)

    @cached_property
    def idx(self) -> list[int]:
        return self.doc.to_array(IDX).tolist()

    @cached_property
    def length(self) -> list[int]:
        """``len(token.text)``."""
        return self.doc.to_array(LENGTH).tolist()

    @cached_property
    def head(self) -> list[int]:
        """``token.head.i`` (a root is its own head)."""
        offsets = self.doc.to_array(HEAD).astype("int64")
        return (offsets + numpy.arange(len(offsets), dtype="int64")).tolist()

    @cached_property
    def children(self) -> list[list[int]]:
        """``[c.i for c in token.children]``: the tokens whose head it is, left to right
        (from the HEAD array of offsets to the head)."""
        found: list[list[int]] = [[] for _ in range(len(self.doc))]
        for j, offset in enumerate(self.doc.to_array(HEAD).astype("int64").tolist()):
            if offset:
                found[j + offset].append(j)
        return found

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._flags(IS_ALPHA)

    @cached_property
    def is_stop(self) -> list[bool]:
        return self._flags(IS_STOP)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flags(LIKE_NUM)


def token_table(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built once per Doc."""
    table = doc.user_data.get(_TOKENS_KEY)
    if table is None:
        table = doc.user_data[_TOKENS_KEY] = TokenTable(doc)
    return table


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
    #: rows an extractor made ahead, for several articles at once (:func:`analystkit.extract.prepare_articles`),
    #: by table; the extractor hands them over instead of making them again
    prepared: dict[str, list[dict]] = field(default_factory=dict, repr=False, compare=False)
    #: (identity and length of :attr:`sentences`, their start offsets), for :meth:`sentence_at`
    _starts: tuple[tuple[int, int], list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def build(cls, article_id: str, doc: Doc, meta: dict[str, Any] | None = None) -> "ArticleDoc":
        meta = meta or {}
        text = doc_text(doc)
        starts = paragraph_starts(text)
        headline_end = text.find("\n") if meta.get("has_headline") else -1
        table = token_table(doc)
        space, idx, length = table.is_space, table.idx, table.length
        sentences: list[Sentence] = []
        for span in doc.sents:
            # The sentence without its leading and trailing whitespace tokens.
            first = next((i for i in range(span.start, span.end) if not space[i]), None)
            if first is None:
                continue
            last = next(i for i in range(span.end - 1, first - 1, -1) if not space[i])
            start, end = idx[first], idx[last] + length[last]
            paragraph = bisect.bisect_right(starts, start) - 1
            sentences.append(
                Sentence(len(sentences), paragraph, start, end, doc[first : last + 1], is_headline=0 <= start < headline_end)
            )
        return cls(article_id, doc, meta, sentences, starts)

    @property
    def text(self) -> str:
        return doc_text(self.doc)

    @property
    def tokens(self) -> TokenTable:
        """The Doc's token attributes as plain lists (:func:`token_table`)."""
        return token_table(self.doc)

    def page_at(self, char: int) -> int | None:
        """The PDF page holding character offset ``char`` (None for an article without pages)."""
        from ..io.readers import page_at, parse_pages

        return page_at(parse_pages(self.meta.get("pages")), char)

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence holding character offset ``char`` (or the one before it)."""
        if not self.sentences:
            return None
        starts = self._sentence_starts()
        index = max(0, bisect.bisect_right(starts, char) - 1)
        return self.sentences[index]

    def _sentence_starts(self) -> list[int]:
        """Start offsets of :attr:`sentences`, recomputed only when the list changes."""
        key = (id(self.sentences), len(self.sentences))
        if self._starts is None or self._starts[0] != key:
            self._starts = (key, [s.start for s in self.sentences])
        return self._starts[1]

    def sentence_id_at(self, char: int) -> int:
        sentence = self.sentence_at(char)
        return sentence.sentence_id if sentence is not None else -1

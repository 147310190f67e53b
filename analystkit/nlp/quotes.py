"""Quotation marks paired into quoted spans, robust to unbalanced and curly quotes.

News text opens a quote with ``“`` or ``"`` and closes it with ``”`` or ``"``. A
quote that runs over several paragraphs is written, by the standard convention,
with an opening mark at the start of every paragraph and a closing mark only at
the end of the last one. Real text breaks these rules (a lost mark, a scraped
page mixing straight and curly marks), so pairing never raises:

* marks are paired within a paragraph; ``“``/``”`` say which way they face, a
  straight ``"`` alternates (open, close, open, ...);
* a paragraph that ends with a quote still open *and* is followed by a paragraph
  that begins with an opening mark continues the same quote (same ``chain``);
* any other quote left open is taken to run to the end of its paragraph, and a
  closing mark with no opener is taken to close a quote opened at the start of
  its paragraph; both are recorded in :attr:`Quote.note`.

Single quotes are ignored: they are apostrophes far more often than quotes. Two
apostrophes in a row (``''``, the typewriter convention some newspaper archives keep:
``''We will win,'' she said``) read as one straight ``"`` in :func:`find_quotes`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .doc import ArticleDoc

#: where :func:`article_quotes` keeps an article's quotes (dropped by :func:`~analystkit.nlp.doc.release`)
_QUOTES_KEY = "analystkit_quotes"

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
#: Two apostrophes standing for a straight double quote (a typewriter convention some newspapers keep in
#: their archives: ''We will win,'' she said); read like ``"``. A token of its own in spaCy's tokenizer.
DOUBLED = "''"
QUOTE_MARKS = frozenset({OPENING, CLOSING, STRAIGHT, "„", "«", "»", DOUBLED})
_OPENERS = frozenset({OPENING, "„", "«"})
_CLOSERS = frozenset({CLOSING, "»"})

NOTE_UNCLOSED = "unbalanced quotation marks: an unclosed quote is taken to run to the end of its paragraph"
NOTE_UNOPENED = "unbalanced quotation marks: a closing mark with no opener is taken to close a quote opened at the start of its paragraph"


@dataclass(frozen=True)
class Quote:
    """One quoted stretch inside one paragraph.

    ``start``/``end`` include the quotation marks when there are marks
    (``text[start:end]`` is e.g. ``'"We will win."'``). ``chain`` is shared by the
    paragraphs of one multi-paragraph quote. ``note`` is empty for a well-formed
    quote, else says how the span was guessed.
    """

    start: int
    end: int
    paragraph_id: int
    chain: int
    note: str = ""

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _paragraph_bounds(text: str, paragraph_starts: list[int]) -> list[tuple[int, int]]:
    starts = sorted(set(paragraph_starts or [0]))
    if starts[0] != 0:
        starts.insert(0, 0)
    bounds = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        body = text[start:end].rstrip()
        bounds.append((start, start + len(body)))
    return bounds


def _first_mark(text: str, start: int, end: int) -> int:
    """Offset of the first non-space character of a paragraph if it opens a quote, else -1."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i if i < end and (text[i] in (_OPENERS | {STRAIGHT}) or text.startswith(DOUBLED, i)) else -1


def article_quotes(article: "ArticleDoc") -> list[Quote]:
    """:func:`find_quotes` of an article's text and paragraphs, found once per article (the claims
    and the integrity flags both read them). The list is shared: read it, do not change it."""
    doc = article.doc
    quotes = doc.user_data.get(_QUOTES_KEY)
    if quotes is None:
        quotes = doc.user_data[_QUOTES_KEY] = find_quotes(article.text, article.paragraph_starts)
    return quotes


def find_quotes(text: str, paragraph_starts: list[int] | None = None) -> list[Quote]:
    """All quoted spans of ``text``, in order, one :class:`Quote` per paragraph piece.

    Args:
        text: the article text.
        paragraph_starts: offsets where paragraphs begin (``ArticleDoc.paragraph_starts``);
            ``None`` treats the whole text as one paragraph.
    """
    bounds = _paragraph_bounds(text, paragraph_starts or [0])
    quotes: list[Quote] = []
    chain = -1
    carried = False  # the previous paragraph ended inside a quote
    for pid, (p_start, p_end) in enumerate(bounds):
        opened_at: int | None = None
        continuing = carried and _first_mark(text, p_start, p_end) >= 0
        carried = False
        for i in range(p_start, p_end):
            ch = text[i]
            width = 1
            if ch == "'" and text.startswith(DOUBLED, i) and (i == p_start or text[i - 1] != "'"):
                ch, width = STRAIGHT, 2  # '' reads as "
            elif ch not in QUOTE_MARKS:
                continue
            is_open = ch in _OPENERS or (ch == STRAIGHT and opened_at is None)
            if opened_at is None and is_open:
                opened_at = i
                if not (continuing and i == _first_mark(text, p_start, p_end)):
                    chain += 1
                continue
            if opened_at is None:  # a closer with no opener
                chain += 1
                quotes.append(Quote(p_start, i + width, pid, chain, NOTE_UNOPENED))
                continue
            if ch in _OPENERS:  # an opener inside an open quote: treat as nested, ignore
                continue
            quotes.append(Quote(opened_at, i + width, pid, chain))
            opened_at = None
        if opened_at is not None:
            nxt = pid + 1
            follows = nxt < len(bounds) and _first_mark(text, *bounds[nxt]) >= 0
            # A multi-paragraph quote: only if the next paragraph opens with a mark
            # and itself has an odd number of marks or a closer later on.
            note = "" if follows else NOTE_UNCLOSED
            quotes.append(Quote(opened_at, p_end, pid, chain, note))
            carried = follows
    return quotes


def quote_index(quotes: list[Quote]) -> tuple[list[int], list[Quote]]:
    """Starts and quotes sorted by start, for :func:`quotes_in`."""
    ordered = sorted(quotes, key=lambda q: q.start)
    return [q.start for q in ordered], ordered


def quotes_in(index: tuple[list[int], list[Quote]], start: int, end: int) -> list[Quote]:
    """The quotes overlapping ``[start, end)``."""
    starts, ordered = index
    hi = bisect.bisect_left(starts, end)
    return [q for q in ordered[:hi] if q.end > start]


def quoted_share(quotes: list[Quote], start: int, end: int, text: str) -> float:
    """Share of the word characters of ``text[start:end]`` that lie inside quotes.

    Counted with a running total of the text's word characters (made once per text) over the
    quotes merged into disjoint stretches: linear in the text, not in text × quotes.
    """
    counts = _word_characters(text)
    total = counts[end] - counts[start]
    if not total:
        return 0.0
    inside = 0
    reach = start
    for q_start, q_end in sorted((max(q.start, start), min(q.end, end)) for q in quotes if q.end > start and q.start < end):
        q_start = max(q_start, reach)
        if q_end > q_start:
            inside += counts[q_end] - counts[q_start]
            reach = q_end
    return inside / total


@lru_cache(maxsize=8)
def _word_characters(text: str) -> list[int]:
    """``counts[i]`` = the number of alphanumeric characters in ``text[:i]``."""
    return list(accumulate(map(str.isalnum, text), initial=0))


_QUOTES_STRAIGHT = '"'
_OPEN_CURLY, _CLOSE_CURLY = "“", "”"
_QUOTATION_MARKS = re.compile('["“”]')


def quotations(text: str, start: int, end: int, *, open_from: int | None = None) -> tuple[list[tuple[int, int]], list[int]]:
    """Balanced quotations (open, close offsets of the marks) in ``text[start:end]``, and unmatched marks.

    ``open_from``: a straight quotation opened before ``start`` (in an earlier paragraph) and still open.
    Marks mixed by scraped pages pair: a straight mark closes a curly opening and a curly closing
    mark closes a straight opening; a curly mark facing the wrong way is read by its place (“ after
    a word and before a space closes, ” after a space and before a word opens).
    """
    pairs: list[tuple[int, int]] = []
    unmatched: list[int] = []
    straight_open: int | None = open_from
    curly_open: list[int] = []
    for mark in _QUOTATION_MARKS.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        before = text[i - 1] if i > start else ""
        after = text[i + 1 : i + 2]
        closes = bool(before) and (before.isalnum() or before in ".,!?") and (not after or after.isspace() or after in ".,;:!?)")
        opens = (not before or before.isspace() or before in "([—–") and after.isalnum()
        if char == _QUOTES_STRAIGHT:
            if i > 0 and text[i - 1].isdigit() and straight_open is None:
                continue  # 12" (inches)
            if straight_open is None and curly_open and closes:
                pairs.append((curly_open.pop(), i))  # marks mixed by a scraped page: “… quite like this."
            elif straight_open is None:
                straight_open = i
            else:
                pairs.append((straight_open, i))
                straight_open = None
        elif char == _OPEN_CURLY:
            if curly_open and closes:
                pairs.append((curly_open.pop(), i))  # a closing mark typed the wrong way: 'the Arab states“ with'
            else:
                curly_open.append(i)
        elif char == _CLOSE_CURLY:
            if curly_open:
                pairs.append((curly_open.pop(), i))
            elif straight_open is not None:
                pairs.append((straight_open, i))  # marks mixed: "Oz has a huge bully pulpit,” said …
                straight_open = None
            elif opens:
                curly_open.append(i)  # an opening mark typed the wrong way: ”Mr. Trump embodies …
            else:
                unmatched.append(i)
    if straight_open is not None:
        unmatched.append(straight_open)
    unmatched.extend(curly_open)
    return sorted(pairs), sorted(unmatched)


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i < end and text[i] in (_QUOTES_STRAIGHT, _OPEN_CURLY)


def pair_quote_marks(text: str, paragraph_starts: list[int] | None = None) -> tuple[list[tuple[int, int]], list[int]]:
    """Every quotation of ``text`` as ``(open, close)`` offsets of its marks, and the marks that pair with
    nothing — the one pairer of the kit's integrity rules (:func:`quotations` per paragraph, then the
    paragraphs joined).

    A quotation that runs on over paragraphs is not unpaired: a paragraph may end inside a quotation
    when the next paragraph opens with a quotation mark (the convention for a quote running on), or
    when the next paragraph closes a quotation it never opened (the re-opening mark left out).
    """
    bounds = _paragraph_bounds(text, paragraph_starts or [0])
    pairs: list[tuple[int, int]] = []
    unpaired: list[int] = []
    carried: int | None = None  # a mark left open at the end of the previous paragraph
    for a, b in bounds:
        straight_carried = carried if carried is not None and text[carried] == _QUOTES_STRAIGHT else None
        reopened = carried is not None and _opens_paragraph(text, a, b)
        here, unmatched = quotations(text, a, b, open_from=None if reopened else straight_carried)
        if carried is not None and not reopened:
            if any(open_ == carried for open_, _ in here):
                pass  # a straight quotation closed in this paragraph
            else:
                closer = next((m for m in unmatched if text[m] == _CLOSE_CURLY and m >= a), None)
                if closer is not None:
                    here.append((carried, closer))  # "… the quote goes on” with no re-opening mark
                    unmatched.remove(closer)
                else:
                    unpaired.append(carried)
        carried = None
        opens = [m for m in unmatched if m >= a and text[m] != _CLOSE_CURLY]
        if opens:
            carried = opens[-1]  # may run on into the next paragraph
            unmatched = [m for m in unmatched if m != carried]
        pairs.extend(here)
        unpaired.extend(m for m in unmatched if m >= a)
    if carried is not None:
        unpaired.append(carried)
    return sorted(pairs), sorted(unpaired)


__all__ = [
    "NOTE_UNCLOSED", "NOTE_UNOPENED", "QUOTE_MARKS", "Quote", "article_quotes", "find_quotes", "pair_quote_marks", "quotations", "quote_index", "quoted_share",
    "quotes_in",
]

"""Paragraph-aware sentence boundaries (the ``analystkit_paragraphs`` component).

spaCy's parser decides sentence boundaries from syntax alone, so a paragraph
break in the middle of a sentence (a scraped page that lost a line, the seed's
"…but Ukraine's progress" / "It was slow and grinding.") is read as one sentence
running across paragraphs. News text is laid out in paragraphs, and a paragraph
break is the strongest boundary there is. This component runs *before* the
parser and fixes boundaries the parser must respect:

* a token after a blank line (a whitespace token holding two or more line
  breaks) always starts a sentence, and so does a token after a single line
  break when the line before ends a headline-like line (no terminal punctuation);
* the token after a sentence-final ``.``/``!``/``?`` (optionally followed by a
  closing quote) that is followed by an upper-case word starts a sentence unless
  the period belongs to a known abbreviation (``U.S.``, ``Gen.``, ``Mr.``);
* inside a line, no sentence may start right after an abbreviation-like token,
  a colon, or an opening quote/bracket, nor at a title abbreviation right after a word
  ("Texas Lt. Gov. Dan Patrick");
* a run of text longer than ``max_sentence_chars`` (config; :mod:`analystkit.limits`) without
  sentence punctuation is cut at the clause boundary nearest the limit, so no sentence is
  parsed as one unbounded piece; the cuts are recorded (``doc.user_data["analystkit_long_splits"]``)
  and flagged (``overlong_sentence``).
"""

from __future__ import annotations

import operator
import re

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc

from ..vocab.words import word_list

#: Abbreviations after which a capitalised word does not start a new sentence (word list ``abbreviations``).
ABBREVIATIONS = word_list("abbreviations")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){1,4}$")  # U.S. U.N. D.C. L.
_TERMINAL = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")", "]"}
_OPENERS = {"“", "‘", "(", "["}  # straight quotes are ambiguous: not listed
_PUNCT_AFTER = {":", ";", ",", "-", "—", "–"}
#: The key under which the Doc's text is kept (:func:`analystkit.nlp.doc.doc_text`).
TEXT_KEY = "analystkit_text"


def _is_abbreviation(text: str) -> bool:
    if _INITIALISM.match(text):
        return True
    return text.endswith(".") and text[:-1].lower() in ABBREVIATIONS


def paragraph_breaks(doc: Doc) -> list[int]:
    """Token indices that start a paragraph (after a blank line), excluding 0."""
    starts = []
    for i, token in enumerate(doc[:-1]):
        if token.is_space and token.text.count("\n") >= 2:
            starts.append(i + 1)
        elif "\n\n" in token.whitespace_:
            starts.append(i + 1)
    return starts


#: ``doc.user_data`` key: character offsets where an over-long run of text was cut to parse it.
SPLITS_KEY = "analystkit_long_splits"
#: The default of the ``max_sentence_chars`` config (:mod:`analystkit.limits`).
MAX_SENTENCE_CHARS = 2000
#: Where a run of text without sentence punctuation may be cut, best first: after these marks,
#: else before a coordinating conjunction.
_CUT_AFTER = (";", ":", "—", "–", ",")


class ParagraphBoundaries:
    """The ``analystkit_paragraphs`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, max_sentence_chars: int = MAX_SENTENCE_CHARS):
        self.name = name
        self.max_sentence_chars = int(max_sentence_chars)
        keep_title_abbreviations(nlp)

    def __call__(self, doc: Doc) -> Doc:
        return set_paragraph_boundaries(doc, max_sentence_chars=self.max_sentence_chars)


@Language.factory(
    "analystkit_paragraphs",
    default_config={"max_sentence_chars": MAX_SENTENCE_CHARS},
    requires=["token.tag"],
    assigns=["token.is_sent_start"],
)
def make_paragraphs(nlp: Language, name: str, max_sentence_chars: int) -> ParagraphBoundaries:
    """Paragraph-aware sentence starts. ``max_sentence_chars``: a run of text longer than this
    without sentence punctuation is cut at the clause boundary nearest the limit (0: never)."""
    return ParagraphBoundaries(nlp, name, max_sentence_chars)


def keep_title_abbreviations(nlp: Language) -> None:
    """Make the title abbreviations of word list ``title_abbreviations`` ("Capt.", "Pres.", "Sens.") one token with
    their full stop in ``nlp``'s tokenizer. spaCy's English exceptions know "Sen." and "Gov." but split "Pres." and
    "Capt." into a word and a full stop, which then ends a sentence: "Navy Capt. | Jeff Davis said"."""
    rules = nlp.tokenizer.rules or {}
    for word in sorted(word_list("title_abbreviations")):
        for form in (word.capitalize() + ".", word.upper() + "."):
            if form not in rules:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def set_paragraph_boundaries(doc: Doc, *, max_sentence_chars: int = MAX_SENTENCE_CHARS) -> Doc:
    """Mark sentence starts at paragraph breaks; forbid starts after abbreviations; cut over-long runs."""
    n = len(doc)
    if n == 0:
        return doc
    doc[0].is_sent_start = True  # raises, as spaCy does, when the Doc is already parsed
    # Plain lists read once, and the decisions written back in one array: a spaCy Token per
    # attribute access, and the parse check of every `is_sent_start` assignment, dominate otherwise.
    words, spaces, is_space, idx = _token_lists(doc)
    text = doc.user_data[TEXT_KEY] = "".join(map(operator.add, words, spaces))
    starts = doc.to_array(SENT_START).astype("int64").tolist()  # 1 start, -1 not a start, 0 unknown
    for i in range(1, n):
        if is_space[i]:
            continue
        # The previous non-space token, and the whitespace between them.
        j = i - 1
        gap = spaces[j]
        while j >= 0 and is_space[j]:
            gap = words[j] + spaces[j] + gap
            j -= 1
        if j < 0:
            continue
        before = words[j]
        if "\n" in gap:
            newlines = gap.count("\n")
            if newlines >= 2:
                starts[i] = 1
                continue
            token = doc[i]
            if before not in _TERMINAL and (token.is_title or token.is_upper):
                # A headline (or a heading line standing after a blank line) followed by
                # text on the next line: the heading is a sentence of its own.
                line_start = text.rfind("\n", 0, idx[j]) + 1
                if line_start == 0 or text[max(0, line_start - 2) : line_start] == "\n\n":
                    starts[i] = 1
                    continue
        word = words[i]
        if word in _CLOSERS and before in _TERMINAL and not spaces[j]:
            # `Called "Black."`: the quote closes the sentence, it does not open the next.
            starts[i] = -1
            continue
        if before in _OPENERS or before in _PUNCT_AFTER:
            starts[i] = -1
            continue
        if word[-1:] == "." and before[-1:].isalpha() and "\n" not in gap and _is_abbreviation(word) and len(word) > 2:
            # "Texas Lt. Gov. Dan Patrick says": a title after a word (no period, no line break) opens no sentence
            starts[i] = -1
            continue
        if before.endswith(".") and _is_abbreviation(before):
            # "U.S. President", "Gen. Surovikin": not a boundary (an initialism that really
            # ends a sentence is left to the parser when the next word is a function word).
            if starts[i] <= 0 and (doc[i].tag_ in ("NNP", "NNPS") or word[:1].isdigit()):
                starts[i] = -1
    if max_sentence_chars > 0:
        cuts = _cut_long_runs(starts, words, is_space, idx, doc.to_array(TAG).tolist(), doc.vocab.strings["CC"], max_sentence_chars)
        if cuts:
            doc.user_data[SPLITS_KEY] = [idx[i] for i in cuts]
    doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64"))
    return doc


def _cut_long_runs(starts: list[int], words: list[str], is_space: list[bool], idx: list[int], tags: list[int], conjunction: int, limit: int) -> list[int]:
    """Force sentence starts inside runs of text longer than ``limit`` characters without a sentence end.

    A run starts at a forced start or after ``.``/``!``/``?``/``…`` (where the parser will end a
    sentence). When it grows past ``limit``, it is cut after the best clause boundary of its
    second half (``;``, ``:``, a dash, a comma, else before a conjunction; the latest of the best
    kind), or at the token that crosses the limit. One pass over the tokens: linear in the text.
    Returns the token indices where a start was forced.
    """
    cuts: list[int] = []
    run_start = 0
    best: dict[int, int] = {}  # priority -> latest token index a cut may start at
    for i in range(1, len(words)):
        if is_space[i]:
            continue
        if starts[i] == 1:
            run_start, best = idx[i], {}
            continue
        before = i - 1
        while before > 0 and is_space[before]:
            before -= 1
        if words[before] in _TERMINAL and starts[i] != -1:
            run_start, best = idx[i], {}
            continue
        if idx[i] - run_start >= limit // 2:
            if words[before] in _CUT_AFTER:
                best[_CUT_AFTER.index(words[before])] = i
            elif tags[i] == conjunction:
                best[len(_CUT_AFTER)] = i
        if idx[i] + len(words[i]) - run_start > limit:
            cut = best[min(best)] if best else i
            starts[cut] = 1
            cuts.append(cut)
            run_start, best = idx[cut], {}
    return cuts


def _token_lists(doc: Doc) -> tuple[list[str], list[str], list[bool], list[int]]:
    """Each token's text, trailing whitespace, ``is_space`` and ``idx``, from one array."""
    strings = doc.vocab.strings
    orth, spacy, space, idx = doc.to_array([ORTH, SPACY, IS_SPACE, IDX]).T.tolist()
    return [strings[h] for h in orth], [" " if s else "" for s in spacy], [bool(s) for s in space], idx

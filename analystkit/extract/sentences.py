"""The ``sentences`` table: sentences, their kind (headline, heading, list item, body, …), and the
test for verbless fragments.

Columns: ``article_id, sentence_id, paragraph_id, start, end, text, is_headline,
fragment, kind, page`` (``page``: the PDF page the sentence starts on, from the article's
``pages``; empty for other articles). Sentences come from the pipeline (paragraph-aware, see
:mod:`analystkit.nlp.segmentation`), trimmed of surrounding whitespace.

``kind`` says what the sentence is in the layout of a published text, from layout and
grammar alone (:func:`sentence_kinds`; no outlet's word lists):

``headline``
    the headline line at the top of a plain-text article (``is_headline``);
``heading``
    a section label or heading: a one-sentence paragraph without terminal punctuation
    ("Background"), in capitals ("ABSTRACT.", "FULL TEXT.", "BANKING."), in title case
    ("Biden Signs Order on Climate."), verbless ("Window on Wall Street.") or ending in a
    colon; a title-case verbless sentence opening a paragraph (a run-in heading);
``list_item``
    a paragraph opening with a list marker: a bullet, "2.", "(b)", or a number before a
    capitalised word ("2 Practice acceptance."); a line of its own without a full stop
    among other lines of its paragraph; a verbless gerund phrase opening a paragraph, or
    a subjectless past-tense clause that is a paragraph of its own (an action list whose
    bullets were lost: "Raising the threshold to 75 percent.", "Passed the Infrastructure
    Law."; a lost subject *inside* a paragraph stays prose, and may be a fragment);
``byline`` / ``dateline``
    a short paragraph "By …" or made only of names; a sentence made only of dates,
    times, places and numbers ("Friday, July 21, 2017");
``caption``
    a paragraph opening with a picture label and a colon or dash ("Photo: …");
``markup``
    HTML tags or style rules left in scraped text;
``quotation``
    a sentence wholly inside quotation marks (quoted speech standing alone);
``question``
    a sentence ending with a question mark;
``body``
    every other sentence.

``fragment`` is only ever true for ``body``, ``quotation`` and ``question`` sentences: a
heading, a list item, a byline or a caption is not a broken sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Span

from ..nlp.doc import ArticleDoc, Sentence, token_table
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
#: Words that open a caption before a colon or dash ("Photo: …").
_CAPTION_LABELS = word_list("caption_labels")
#: The kinds of sentence, in the order of :func:`sentence_kinds`' tests.
KINDS = ("headline", "heading", "list_item", "byline", "dateline", "caption", "markup", "quotation", "question", "body")
#: Kinds whose sentences may be fragments (the others are layout, not prose).
PROSE_KINDS = frozenset({"body", "quotation", "question"})

_BULLET = re.compile(r"^(?:[•·▪◦‣●■►▸✓✔]|[-*–—](?=\s))\s*")
_NUMBERED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)])\s+\S")
_BARE_NUMBER = re.compile(r"^\d{1,2}\s+[A-Z][a-z]")
_CAPTION = re.compile(r"^([A-Za-z]+)(?:\s+[A-Za-z]+)?\s*(?::|\s[—–-]\s|\|)")
_CLOSERS = "\"'”’)]»"
#: HTML tags or style rules left in scraped text.
_MARKUP = re.compile(r"</?[a-zA-Z][\w-]*(?:\s+[\w-]+=|\s*/?>)|\{[^{}]*:[^{}]*;[^{}]*\}")
_OPENERS = ('"', "“", "'", "‘", "«")
_TERMINAL = ".!?…"
#: Short words a title-case heading leaves in lower case.
_MAX_TITLE_WORDS = 14


def _own_line(text: str, sentence: Sentence) -> bool:
    """The sentence fills its line: only whitespace between it and the line breaks around it."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : sentence.start].strip() and not text[sentence.end : line_end].strip()


def _strip_closers(body: str) -> str:
    stripped = body.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1].rstrip()
    return stripped


def _is_capitals(words: list[str]) -> bool:
    letters = [c for w in words for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_title_case(words: list[str]) -> bool:
    """Every word longer than three letters is capitalised (short function words may not be)."""
    long = [w for w in words if sum(c.isalpha() for c in w) > 3]
    return len(words) >= 2 and len(long) >= 2 and all(w[:1].isupper() or not w[:1].isalpha() for w in long)


def in_quotation(article: ArticleDoc, sentence: Sentence) -> bool:
    """The sentence opens with a quotation mark or inside a quotation opened earlier in its paragraph."""
    text = article.text
    if text[sentence.start : sentence.start + 1] in _OPENERS:
        return True
    paragraph_start = article.paragraph_starts[sentence.paragraph_id] if sentence.paragraph_id < len(article.paragraph_starts) else 0
    before = text[paragraph_start : sentence.start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _wholly_quoted(article: ArticleDoc, sentence: Sentence, body: str) -> bool:
    """The whole sentence is quoted: it opens inside a quotation and its last mark closes it."""
    if not in_quotation(article, sentence):
        return False
    stripped = body.rstrip()
    return bool(stripped) and stripped[-1] in "\"”" or (bool(stripped) and stripped[-1] in _TERMINAL and body.count('"') + body.count("”") + body.count("“") == 0)


def sentence_kind(article: ArticleDoc, sentence: Sentence, *, alone: bool, first: bool) -> str:
    """The layout kind of one sentence (see the module docstring).

    ``alone``: the sentence is its paragraph's only one; ``first``: it opens its paragraph.
    """
    if sentence.is_headline:
        return "headline"
    text = article.text
    body = text[sentence.start : sentence.end].strip()
    span = sentence.span
    table = token_table(span.doc)
    tokens = range(span.start, span.end)
    words_tok = [i for i in tokens if not table.is_punct[i] and not table.is_space[i]]
    texts = table.text
    words = [texts[i] for i in words_tok]
    emphasis = body.startswith(("**", "__"))
    body = body.lstrip("*_ ") or body
    bare = _strip_closers(body)
    terminated = bool(bare) and bare[-1] in _TERMINAL
    if _MARKUP.search(body):
        return "markup"
    if first and (_BULLET.match(body) or _NUMBERED.match(body) or (_BARE_NUMBER.match(body) and len(words) <= 12)):
        return "list_item"
    finite = any(table.tag[i] in FINITE_TAGS for i in tokens)
    if not alone and words and _own_line(text, sentence) and not terminated and len(words) <= _MAX_TITLE_WORDS:
        return "list_item"  # one line of several in a paragraph, with no full stop: an entry of a list
    subjectless = not any(table.dep[i] in SUBJECT_DEPS for i in tokens)
    participle_led = bool(words) and table.tag[words_tok[0]] in ("VBN", "VBD") and subjectless
    if first and words and not finite and table.tag[words_tok[0]] == "VBG" and body[:1].isupper() and not _is_title_case(words):
        return "list_item"  # an item of an action list whose bullet was lost: "Raising the threshold to 75 percent."
    if first and alone and participle_led and body[:1].isupper():
        return "list_item"  # a paragraph of its own listing a deed: "Passed the Bipartisan Infrastructure Law."
    if words and len(words) <= 6 and _is_capitals(words) and not (len(words) == 1 and len(words[0]) <= 3):
        return "heading"  # a section label: "ABSTRACT.", "FULL TEXT.", "BANKING."
    if alone and words:
        if bare.endswith(":") or not terminated:
            if first and body[:3] == "By " and len(words) <= 10:
                return "byline"
            if len(words) <= 4 or (len(words) <= _MAX_TITLE_WORDS and (not finite or _is_title_case(words))):
                return "heading"  # a long unterminated clause is a sentence cut short, not a heading
        if len(words) <= _MAX_TITLE_WORDS and _is_title_case(words) and not body.endswith("?"):
            return "heading"
        if not finite and len(words) <= _MAX_TITLE_WORDS and (body[:1].isupper() or body[:1].isdigit()) and not body.endswith("?") and not in_quotation(article, sentence):
            return "heading"  # a verbless line standing alone: a headline of a linked story, a label ("Window on Wall Street.")
    if words and not finite and len(words) <= _MAX_TITLE_WORDS and (bare.endswith(":") or (first and emphasis)):
        return "heading"  # a lead-in ("In addition:") or a bold run-in heading ("**Lowering costs.** …")
    if first and not alone and words and (not finite or participle_led) and len(words) <= _MAX_TITLE_WORDS and _is_title_case(words):
        return "heading"  # a run-in heading: "Lowering Health Care Costs. The plan will …"
    if first and alone and body[:3] == "By " and len(words) <= 10:
        return "byline"
    if words and all(table.ent_type[i] in _TIME_LABELS or table.ent_type[i] in ("GPE", "LOC") or table.like_num[i] for i in words_tok):
        return "dateline"
    caption = _CAPTION.match(body) if first else None
    if caption and caption.group(1).lower() in _CAPTION_LABELS:
        return "caption"
    if _wholly_quoted(article, sentence, body) and body[:1] in _OPENERS:
        return "quotation"
    if bare.endswith("?") or body.rstrip(_CLOSERS).endswith("?"):
        return "question"
    return "body"


def sentence_kinds(article: ArticleDoc) -> list[str]:
    """The kind of every sentence of the article, in order."""
    counts: dict[int, int] = {}
    for sentence in article.sentences:
        counts[sentence.paragraph_id] = counts.get(sentence.paragraph_id, 0) + 1
    kinds = []
    previous_paragraph = None
    for sentence in article.sentences:
        first = sentence.paragraph_id != previous_paragraph
        previous_paragraph = sentence.paragraph_id
        kinds.append(sentence_kind(article, sentence, alone=counts[sentence.paragraph_id] == 1, first=first))
    return kinds


def is_fragment(sentence: Span) -> bool:
    """True for a verbless or subjectless piece that is not a full sentence.

    * no finite verb (and not an imperative), e.g. 'Called "Black."';
    * a short past-tense clause with no subject at all, e.g. "Redeployed forces.".

    Datelines ("Friday, July 21, 2017"), one-word replies and interjections
    ("Yes.", "Thank you.") and speaker labels in transcripts are not fragments.
    """
    test = _fragment_test(sentence)
    return test if isinstance(test, bool) else not _reads_as_verb([test])[0]


class _Retag(NamedTuple):
    """A fragment test the model decides: the sentence's text with its first word lower-cased
    (at ``offset``), to be re-tagged; the sentence is a fragment unless that word then reads as
    a verb (:func:`_reads_as_verb`)."""

    text: str
    offset: int


def _fragment_test(sentence: Span) -> "bool | _Retag":
    """:func:`is_fragment` up to the re-tagging: its answer, or the re-tagging that decides it."""
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
        if _verb_tagged_as_noun(sentence, words):
            return False  # "None of this factors in the election."
        return _lowercased(sentence, words) or True
    return _short_subjectless(sentence, words, tokens)


def _verb_tagged_as_noun(sentence: Span, words: list[int]) -> bool:
    """A plural noun that reads as the verb: after a subject (a pronoun, name or noun phrase head)
    and before a preposition, determiner or adverb ("this factors in", "the plan calls for")."""
    doc = sentence.doc
    for i in words[1:-1]:
        token = doc[i]
        if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.dep_ == "compound":
            continue
        before, after = doc[i - 1], doc[i + 1]
        subject_like = before.pos_ in ("PRON", "PROPN", "NOUN") or before.lower_ in ("this", "that", "which", "what")
        if subject_like and before.dep_ != "compound" and after.pos_ in ("ADP", "DET", "ADV", "PRON"):
            return True
    return False


def _lowercased(sentence: Span, words: list[int], tags: tuple[str, ...] = ("NNP", "NN", "NNPS", "JJ")) -> "_Retag | None":
    """The sentence with its capitalised first word lower-cased, when that word is tagged one of
    ``tags`` (None otherwise: nothing to re-tag, the word does not read as a verb)."""
    doc = sentence.doc
    first = doc[words[0]]
    if not first.text[:1].isupper() or first.tag_ not in tags:
        return None
    text = sentence.text
    offset = first.idx - sentence.start_char
    return _Retag(text[:offset] + first.text.lower() + text[offset + len(first.text) :], offset)


def _reads_as_verb(requests: Sequence[_Retag]) -> list[bool]:
    """For each re-tagging: with its first word lower-cased the model reads a verb-initial
    sentence, an imperative whose verb the capital made a name ("Take action.", "Advance health
    security."). All are tagged in one batch (:func:`analystkit.nlp.model.tag_many`)."""
    from ..nlp.model import tag_many, tag_only

    if not requests:
        return []
    try:
        docs: list = tag_many([(r.text, r.offset + 1) for r in requests])
    except Exception:  # noqa: BLE001 - ask one by one: a text the batch cannot take fails alone
        docs = []
        for r in requests:
            try:
                docs.append(tag_only(r.text, through=r.offset + 1))
            except Exception:  # noqa: BLE001 - no model to ask
                docs.append(None)
    answers = []
    for r, doc in zip(requests, docs):
        token = None if doc is None else next((t for t in doc if t.idx == r.offset), None)
        answers.append(token is not None and token.tag_ in ("VB", "VBP"))
    return answers


def _short_subjectless(sentence: Span, words: list[int], tokens: range) -> "bool | _Retag":
    table = token_table(sentence.doc)
    root = sentence.root
    dep = table.dep
    has_subject = any(dep[i] in SUBJECT_DEPS for i in tokens)
    if not has_subject and root.tag_ in ("VBD", "VBN") and len(words) <= 6 and root.i == words[0]:
        return _lowercased(sentence, words, tags=("VBD", "VBN")) or True  # "Set students up …": an imperative
    return False


def _fragment_tests(article: ArticleDoc, kinds: list[str]) -> list["bool | _Retag"]:
    return [kind in PROSE_KINDS and _fragment_test(s.span) for s, kind in zip(article.sentences, kinds)]


def _resolve(tests: list[list["bool | _Retag"]]) -> list[list[bool]]:
    """Every article's fragment tests answered, the re-taggings of all of them in one batch."""
    answers = iter(_reads_as_verb([t for article_tests in tests for t in article_tests if not isinstance(t, bool)]))
    return [[t if isinstance(t, bool) else not next(answers) for t in article_tests] for article_tests in tests]


def _rows(article: ArticleDoc, kinds: list[str], fragments: list[bool]) -> list[dict]:
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
            "fragment": fragment,
            "kind": kind,
            "page": article.page_at(s.start),
        }
        for s, kind, fragment in zip(article.sentences, kinds, fragments)
    ]


def prepare_sentences(articles: Sequence[ArticleDoc]) -> None:
    """The ``sentences`` rows of several articles at once, left in each article's ``prepared``
    for :func:`extract_sentences`: the fragment tests the model decides (a sentence re-tagged
    with its first word lower-cased) are tagged in one batch for all the articles, which costs
    little more than one of them alone. An article that fails here is left unprepared (its
    extraction meets the same error alone)."""
    plans = []
    for article in articles:
        try:
            kinds = sentence_kinds(article)
            plans.append((article, kinds, _fragment_tests(article, kinds)))
        except Exception:  # noqa: BLE001 - reported by the article's own extraction
            continue
    for (article, kinds, _), fragments in zip(plans, _resolve([tests for _, _, tests in plans])):
        try:
            article.prepared[TABLE] = _rows(article, kinds, fragments)
        except Exception:  # noqa: BLE001 - reported by the article's own extraction
            continue


def extract_sentences(article: ArticleDoc) -> list[dict]:
    rows = article.prepared.pop(TABLE, None)
    if rows is not None:
        return rows
    kinds = sentence_kinds(article)
    return _rows(article, kinds, _resolve([_fragment_tests(article, kinds)])[0])


__all__ = ["FINITE_TAGS", "KINDS", "PROSE_KINDS", "extract_sentences", "in_quotation", "is_fragment", "prepare_sentences", "sentence_kind", "sentence_kinds"]

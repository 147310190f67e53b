"""The ``dangling_reference`` flag (medium): a paragraph that refers back to nothing

The subject of a paragraph's first sentence (after the opening paragraph) refers
back to nothing: a bare definite description ("The blast …": "the/this/that" +
noun, no modifiers) whose noun — or a word of the same stem or event class — does
not occur earlier in the article and is not a role, group or unique-thing noun; or
he/she/they with no person (or group) mentioned before.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from ...nlp.doc import ArticleDoc, doc_ents, doc_text, token_table
from ...vocab.events import event_class
from ...vocab.words import class_nouns, word_list
from ..sentences import SUBJECT_DEPS
from .common import make_flag, paragraphs, role_words

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Nouns whose referent is unique in context (no antecedent needed) and time nouns.
UNIQUE_NOUNS = word_list("unique_nouns")
#: Presupposition triggers: words that presuppose an earlier mention or event ("happened again").
ITERATIVES = word_list("iteratives")
#: Predicates that presuppose their subject is a known event ("The X happened/continued").
EVENT_PREDICATES = word_list("event_predicates")
#: Class nouns that refer back to a named entity of these labels ("the city" after "Livorno").
CLASS_NOUNS = class_nouns()


def _stem(word: str) -> str:
    return word.lower()[:5]


def _content_words(doc) -> list[tuple[int, str, str, str]]:
    """(offset, lemma, event class, stem) of the content words of ``doc``, computed once per Doc."""
    cached = doc.user_data.get("analystkit_content_words")
    if cached is None:
        table = token_table(doc)
        text = doc_text(doc)
        alpha, stop, idx, length, pos, lemmas = table.is_alpha, table.is_stop, table.idx, table.length, table.pos, table.lemma
        cached = []
        for i in range(len(idx)):
            if alpha[i] and not stop[i]:
                lemma = lemmas[i]
                kind = "verb" if pos[i] in ("VERB", "AUX") else "noun"
                start = idx[i]
                cached.append((start, lemma, event_class(lemma, kind), _stem(text[start : start + length[i]]) if length[i] >= 5 else ""))
        doc.user_data["analystkit_content_words"] = cached
    return cached


def _earlier_words(doc, before: int) -> tuple[set[str], set[str]]:
    """Lemmas and event classes, and stems, of the content words before character ``before``."""
    return _EarlierWords(doc).before(before)


class _EarlierWords:
    """:func:`_earlier_words` for increasing offsets, each content word added once."""

    def __init__(self, doc):
        self.words = _content_words(doc)
        self.next = 0
        self.lemmas: set[str] = set()
        self.stems: set[str] = set()

    def before(self, offset: int) -> tuple[set[str], set[str]]:
        if self.next and self.words[self.next - 1][0] >= offset:
            self.next, self.lemmas, self.stems = 0, set(), set()  # an earlier offset: start again
        words, lemmas, stems = self.words, self.lemmas, self.stems
        while self.next < len(words) and words[self.next][0] < offset:
            _, lemma, event, stem = words[self.next]
            lemmas.add(lemma)
            lemmas.add(event)
            if stem:
                stems.add(stem)
            self.next += 1
        return lemmas, stems


def _subject(span: Span) -> Token | None:
    root = span.root
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
    return subjects[0] if subjects else None


def find_dangling_references(article: ArticleDoc) -> list[dict]:
    doc = article.doc
    roles = role_words()
    table = article.tokens
    earlier = _EarlierWords(doc)
    out = []
    for paragraph in paragraphs(article)[1:]:
        sentence = paragraph[0]
        subject = _subject(sentence.span)
        if subject is None:
            continue
        lemmas, stems = earlier.before(sentence.start)
        lower = subject.lower_
        if subject.pos_ == "PRON" and lower in ("he", "she", "they"):
            labels = {e.label_ for e in doc_ents(doc) if e.end_char <= subject.idx}
            wanted = {"PERSON"} if lower != "they" else {"PERSON", "NORP", "ORG", "GPE"}
            # the tokens before the pronoun: an antecedent in a clause fronted before it counts
            # ("When President Biden came into office, he …")
            before = range(bisect.bisect_left(table.idx, subject.idx))
            has_plural = any(table.tag[i] in ("NNS", "NNPS") for i in before)
            person_noun = any(table.lemma[i] in roles for i in before if table.pos[i] == "NOUN")
            if labels & wanted or (lower == "they" and has_plural) or person_noun:
                continue
            message = (
                f"Dangling reference: the paragraph opens with \"{subject.text}\" but no one it could refer to has been "
                "mentioned before. Text may be missing above; do not attribute this sentence to anyone until you find who is meant."
            )
            out.append(make_flag(article, sentence.sentence_id, subject.idx, subject.idx + len(subject.text), "dangling_reference", message))
            continue
        if subject.pos_ != "NOUN" or subject.ent_type_:
            continue
        children = list(subject.children)
        if len(children) != 1 or children[0].dep_ != "det" or children[0].lower_ not in DEFINITE:
            continue  # modified descriptions ("the Ukrainian military", "the bridge over X") can identify themselves
        lemma = subject.lemma_.lower()
        if lemma in UNIQUE_NOUNS or lemma in roles or subject.lower_ in roles:
            continue
        if lemma in lemmas or event_class(lemma, "noun") in lemmas or _stem(subject.text) in stems:
            continue
        if lemma in CLASS_NOUNS and any(e.label_ in CLASS_NOUNS[lemma] for e in doc_ents(doc) if e.end_char <= sentence.start):
            continue
        root = sentence.span.root
        triggered = any(t.lower_ in ITERATIVES for t in sentence.span) or (subject.head == root and root.lemma_.lower() in EVENT_PREDICATES)
        if not triggered:
            continue  # without a trigger it may be a bridging reference ("The forms" after "questionnaires")
        det = children[0]
        start, end = det.idx, subject.idx + len(subject.text)
        message = (
            f"Dangling reference: \"{doc_text(doc)[start:end]}\" opens the paragraph as if already mentioned, but nothing earlier "
            f"in the article is a \"{subject.text}\" (or a word like it). A passage may be missing or the sentence comes from "
            "another story: find what it refers to before using it."
        )
        out.append(make_flag(article, sentence.sentence_id, start, end, "dangling_reference", message))
    return out


__all__ = ["find_dangling_references"]

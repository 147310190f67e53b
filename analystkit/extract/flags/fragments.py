"""The ``fragment`` flag (medium): a sentence that is not a full sentence

A sentence the ``sentences`` table marks as a fragment: no finite verb, or a
short past-tense clause with no subject ("Redeployed forces."). A lost line or a
machine rewrite; it cannot be attributed or checked as it stands.
"""

from __future__ import annotations

from ...nlp.doc import ArticleDoc, Sentence
from ...nlp.transcripts import is_transcript, starts_with_speaker_label
from ..sentences import FINITE_TAGS, in_quotation
from .common import ends_terminated, make_flag

#: A fragment longer than this (in words) is far more often a tagging error than a lost line.
MAX_FRAGMENT_WORDS = 10
def flaggable_fragments(article: ArticleDoc) -> list[Sentence]:
    """Sentences marked ``fragment`` that are not headings, bylines, quoted speech or transcript turns.

    Left alone: every fragment of a transcript (spoken turns are elliptical); a paragraph of
    one sentence without terminal punctuation (a heading, a byline, a label); a
    sentence wholly made of names (a byline); quoted speech; a question or an
    interrupted sentence (ending in "?" or a dash); an excerpt opening with "[" or
    "..."; fragments of more than :data:`MAX_FRAGMENT_WORDS` words (tagging errors);
    and verbless phrases that do not open with a participle ("Activist investors.",
    "Not a single penny.": the deliberate fragments of edited prose). What is flagged
    is what a lost subject and auxiliary leave: "Redeployed forces.", 'Called "Black."'.
    Headings, list items, bylines and captions never reach here (their ``kind`` is not
    prose, so ``fragment`` is false).
    """
    rows = article.rows["sentences"]
    if is_transcript(article.text, article.paragraph_starts):
        return []
    text = article.text
    by_paragraph: dict[int, int] = {}
    for sentence in article.sentences:
        by_paragraph[sentence.paragraph_id] = by_paragraph.get(sentence.paragraph_id, 0) + 1
    out = []
    for row in rows:
        if not row.get("fragment"):
            continue
        sentence = article.sentences[row["sentence_id"]]
        span = sentence.span
        words = [t for t in span if not t.is_punct and not t.is_space]
        body = text[sentence.start : sentence.end].rstrip()
        if not words or len(words) > MAX_FRAGMENT_WORDS:
            continue
        if by_paragraph[sentence.paragraph_id] == 1 and not ends_terminated(body):
            continue  # a heading or a byline
        if all(t.ent_type_ or t.pos_ in ("PROPN", "NUM", "CCONJ", "SYM") or t.like_num or t.text == "&" for t in words):
            continue  # only names and numbers: a byline, a label, a score line
        if body.endswith(("?", "—", "–", "-", "?\"", "?”")) or body.startswith(("[", "...", "…")):
            continue
        if starts_with_speaker_label(body) or in_quotation(article, sentence):
            continue
        if not any(t.tag_ in FINITE_TAGS for t in span) and words[0].tag_ not in ("VBN", "VBD"):
            continue  # a verbless phrase of edited prose ("Activist investors.", "Not a single penny."): style, not a lost line
        out.append(sentence)
    return out


def find_fragments(article: ArticleDoc) -> list[dict]:
    out = []
    text = article.text
    for sentence in flaggable_fragments(article):
        span = sentence.span
        body = text[sentence.start : sentence.end]
        if any(t.tag_ in FINITE_TAGS for t in span):
            why = "it has a verb but no subject, so it does not say who did it"
        else:
            why = "it has no finite verb, so it asserts nothing that could be checked"
        message = (
            f"Fragment: \"{body}\" is not a full sentence — {why}. Fragments like this come from lost "
            "lines, bad scraping or machine rewriting: do not quote or count it; read the original passage."
        )
        out.append(make_flag(article, sentence.sentence_id, sentence.start, sentence.end, "fragment", message))
    return out


__all__ = ["MAX_FRAGMENT_WORDS", "find_fragments", "flaggable_fragments"]

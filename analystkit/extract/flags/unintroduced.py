"""The ``unintroduced_person`` flag (low): a person the reader cannot identify

A person named by one word (a surname) everywhere in the article: the linker
left the bare name as its actor (no full name to join), no title or role word
precedes any mention ("Defence Minister", "Colonel General", "spokesman") and no
appositive gives a role. The reader cannot tell who this is; a garbled copy often
drops the introduction.

A single capitalised word is only taken for a surname when the model and the context
agree: the model tags it PERSON and PROPN; when every mention opens its sentence (where
any common noun is capitalised: "Water"), the model still reads it as a proper noun with
its capital taken away ("shoigu issued …" stays PROPN, "water poured …" becomes NOUN); not
every mention is inside a quotation (a first name called out in speech: "Henry"),
and no full name or role stands before it anywhere, the headline included ("Salma
Hayek" split by the tagger, "Secretary Austin"); a plural surname whose singular is in
the text is a family ("the Clintons"). Transcripts and first-person sentences ("Jill
and I") are left alone: there a first name is how the speaker names their own people.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from ...nlp.doc import ArticleDoc, doc_ents
from ...nlp.quotes import article_quotes
from ...nlp.transcripts import is_transcript
from ...vocab.gazetteer import lookup
from .common import make_flag, role_words


def _introduced_here(ent: Span, role_words: frozenset[str]) -> bool:
    doc = ent.doc
    for token in doc[max(ent.sent.start, ent.start - 3) : ent.start]:
        if token.lower_.rstrip(".") in role_words or token.lower_ in role_words:
            return True
    root = ent.root
    if any(c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return True
    return root.dep_ in ("compound",) and root.head.lower_ in role_words


def _first_person(ent: Span) -> bool:
    """The mention's sentence speaks in the first person singular ("Jill and I were saddened")."""
    return any(t.lower_ in ("i", "me", "my") for t in ent.sent)


def _sentence_initial(ent: Span) -> bool:
    """The mention is the first word of its sentence (after any quotation mark or bracket)."""
    first = next((t for t in ent.sent if not (t.is_punct or t.is_space)), None)
    return first is not None and first.i == ent.start


def _still_a_name(ent: Span) -> bool:
    """The model tags the word a proper noun even lower-cased, in its sentence (the default model's tagger)."""
    from ...nlp.model import tag_only

    sentence = ent.sent
    offset = ent.start_char - sentence.start_char
    text = sentence.text
    lowered = text[:offset] + text[offset : offset + len(ent.text)].lower() + text[offset + len(ent.text) :]
    try:
        doc = tag_only(lowered, through=offset + 1)
    except Exception:  # noqa: BLE001 - no model to ask: keep the flag's other tests
        return True
    token = next((t for t in doc if t.idx == offset), None)
    return token is None or token.tag_ in ("NNP", "NNPS")


def _introduced_in(text: str, name: str, roles: frozenset[str]) -> bool:
    """Somewhere (the headline included) ``name`` follows a role word or a capitalised word that is
    not a function word: a full name the tagger split ("Lloyd Austin", "Salma Hayek") or a title
    ("Secretary Austin")."""
    for match in re.finditer(rf"(?<![\w])([\w.'’-]+)[ \t]+{re.escape(name)}\b", text):
        before = match.group(1)
        if before.lower().rstrip(".") in roles:
            return True
        if before[:1].isupper() and before.isalpha() and before.lower() not in STOP_WORDS:
            return True
    return False


def _followed_by_personal_pronoun(article: ArticleDoc, mentions: list[Span]) -> bool:
    """He/she opens the sentence after one of the mentions."""
    for mention in mentions:
        sentence = article.sentence_at(mention.start_char)
        if sentence is None or sentence.sentence_id + 1 >= len(article.sentences):
            continue
        first = article.sentences[sentence.sentence_id + 1].span[0]
        if first.lower_ in ("he", "she"):
            return True
    return False


def find_unintroduced_people(article: ArticleDoc) -> list[dict]:
    """One-word person names never introduced (see the module docstring).

    Only names that act or speak somewhere in the article count (the subject of a
    verb, or a claim's source): a one-word PERSON that never does is too often a
    tagging error ("Laughter", "Twitter", a first name used to call on a reporter).
    """
    doc = article.doc
    roles = role_words()
    persons = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
    multiword = {w.lower() for e in persons if len([t for t in e if t.is_alpha]) >= 2 for t in e for w in [t.text] if t.is_alpha}
    by_name: dict[str, list[Span]] = {}
    for ent in persons:
        words = [t for t in ent if not t.is_punct and t.text not in ("'s", "’s")]
        if len(words) != 1:
            continue
        word = words[0]
        if not (word.is_alpha and word.text[:1].isupper() and word.pos_ == "PROPN"):
            continue
        actor = ent.kb_id_ or word.text
        if actor != word.text:
            continue  # linked to a full name or a role holder
        by_name.setdefault(word.text, []).append(ent)
    if is_transcript(article.text, article.paragraph_starts):
        return []  # speakers call each other by first name ("Nick", "Jill and I")
    sources = {c.get("source_text") for c in article.rows["claims"]}
    quotes = article_quotes(article)
    out = []
    for name, mentions in by_name.items():
        if name.lower() in multiword:
            continue
        if all(_sentence_initial(m) for m in mentions) and not _still_a_name(mentions[0]):
            continue  # capitalised only where every word is, and lower-cased the model reads a common noun ("Water")
        if all(any(q.start < m.start_char and m.end_char < q.end for q in quotes) for m in mentions):
            continue  # only inside quotations: a first name in speech ("Thanks, Henry")
        if all(_first_person(m) for m in mentions):
            continue  # "Jill and I", "I told them that Joe …": a first name among the speaker's own people
        if _introduced_in(article.text, name, roles):
            continue  # the headline or the text gives a full name or a role before it ("Lloyd Austin")
        if name.endswith("s") and re.search(rf"\b{re.escape(name[:-1])}\b", article.text):
            continue  # a family by its surname ("the Clintons")
        if any(_introduced_here(m, roles) for m in mentions):
            continue
        if not any(m.root.dep_ in ("nsubj", "nsubjpass") for m in mentions) and name not in sources:
            continue  # never acts or speaks: too little evidence that the tagger's PERSON is a person
        if name.lower() in roles:
            continue  # "President" alone: a title, resolved by the reader from context
        if re.search(rf"(?<![\w.]){re.escape(name.lower())}\b", article.text):
            continue  # also written in lower case: a common noun
        if name not in sources and not _followed_by_personal_pronoun(article, mentions):
            continue  # nothing says it is a person: no claim of theirs, no "he"/"she" after it
        entry = lookup(name)
        if entry is not None and entry.kind != "person":
            continue  # a place, organisation or group the tagger took for a person
        first = mentions[0]
        sentence = article.sentence_at(first.start_char)
        if sentence is None or sentence.is_headline:
            continue
        n = len(mentions)
        message = (
            f"Unintroduced person: \"{name}\" is named by one word{'' if n == 1 else f' ({n} times)'} and never with a full name "
            "or a role. The reader cannot tell who this is or whom they speak for; a copy that dropped the introduction may "
            "also have lost other context. Identify the person before relying on what is attributed to them."
        )
        out.append(make_flag(article, sentence.sentence_id, first.start_char, first.start_char + len(name), "unintroduced_person", message))
    return out


__all__ = ["find_unintroduced_people"]

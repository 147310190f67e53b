"""Span helpers shared by the kit's entity components: ``doc.spans`` keys, mention text,
replacing entities by longer ones, and exact phrase matches over a Doc's arrays."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

#: ``doc.spans`` keys set by the kit's components: every gazetteer match (``analystkit_places``),
#: the place names nested in longer names and the titles with a complement that open a person
#: mention (``analystkit_consistency``).
GAZETTEER_KEY = "analystkit_gazetteer"
NESTED_KEY = "analystkit_nested"
TITLES_KEY = "analystkit_titles"
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ARTICLE = re.compile(r"^(?:the|The|THE|an?|An?|AN?)\s+(?=\S)")


@lru_cache(maxsize=65536)  # called for every mention by several components; names repeat
def clean_mention(text: str) -> str:
    """Strip a leading article and a trailing possessive: "the Kremlin's" → "Kremlin", "a WHO" → "WHO"."""
    text = _ARTICLE.sub("", text.strip())
    return _POSSESSIVE.sub("", text).strip()


def initials(name: str) -> str:
    """The initials of a name's capitalised words: "New South Wales" → NSW."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def is_title_case(sentence: Span) -> bool:
    """A headline in title case: no full stop at the end, and most of its words capitalised."""
    ending = [t for t in sentence if not t.is_space]
    if ending and ending[-1].text in (".", "!", "?", '"', "”"):
        return False
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


def replace_overlapping(ents: list[Span], new: list[Span]) -> list[Span]:
    """``ents`` with ``new`` in place of every entity they overlap, in text order."""
    if not new:
        return ents
    covered = {i for span in new for i in range(span.start, span.end)}
    return sorted([e for e in ents if not any(i in covered for i in range(e.start, e.end))] + new, key=lambda e: e.start)


def exact_matches(doc: Doc, phrases: dict[str, list[str]]) -> list[tuple[str, int, int]]:
    """Every occurrence of each phrase (exact token texts) as ``(name, start, end)``.

    In the order spaCy's ``PhraseMatcher`` gives them (by start, shorter first), found
    over the Doc's ORTH array instead of a matcher built per Doc.
    """
    by_first: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    for name, words in phrases.items():
        key = tuple(hash_string(w) for w in words)
        by_first.setdefault(key[0], []).append((key, name))
    orth = doc.to_array(ORTH)
    n = len(orth)
    firsts = numpy.array(list(by_first), dtype=orth.dtype)
    found = []
    for i in numpy.nonzero(numpy.isin(orth, firsts))[0].tolist():
        hits = []
        for key, name in by_first[int(orth[i])]:
            k = len(key)
            if i + k <= n and all(int(orth[i + j]) == key[j] for j in range(1, k)):
                hits.append((k, name))
        found.extend((name, i, i + k) for k, name in sorted(hits))
    return found


def positions_of(doc: Doc, words: tuple[str, ...]) -> list[int]:
    """Indices of the tokens written exactly as one of ``words`` (vectorised over the Doc)."""
    orth = doc.to_array(ORTH)
    ids = [doc.vocab.strings.add(w) for w in words]
    return numpy.nonzero(numpy.isin(orth, numpy.array(ids, dtype=orth.dtype)))[0].tolist()


def without_the(ent: Span) -> Span:
    return ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent


__all__ = [
    "GAZETTEER_KEY", "NESTED_KEY", "TITLES_KEY", "clean_mention", "exact_matches", "initials", "is_title_case",
    "positions_of", "replace_overlapping", "without_the",
]

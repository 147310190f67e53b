"""Word tokens with offsets, shared by alignment, edits, related articles and claim threads.

A *word* is a run of letters or digits, with inner hyphens and apostrophes kept
(``one-storied``, ``Ukraine's``); a number keeps its separators (``200,000``,
``3.5``, ``10:30``); every other non-space character is a token of
its own. Content words drop spaCy's English stop words, so that "the", "of" and
"was" do not make two sentences look alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)+|\w+(?:[-'’]\w+)*|[^\w\s]")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Token:
    """A token of a text: its characters ``text[start:end]`` and a lower-cased key."""

    start: int
    end: int
    text: str
    key: str

    @property
    def is_word(self) -> bool:
        return bool(_WORD.fullmatch(self.text))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group(), _key(m.group())) for m in _TOKEN.finditer(text, start, end)]


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (apostrophes normalised)."""
    return [word.lower().replace("’", "'") for word in _WORD.findall(text)]  # _key of each


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (lower case)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower().replace("’", "'") for w in STOP_WORDS)


def content_words(text: str) -> list[str]:
    """Words of ``text`` that are not stop words (all words when every one is a stop word)."""
    found = words(text)
    stops = stop_words()
    content = [w for w in found if w not in stops]
    return content or found


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


__all__ = ["Token", "content_words", "stop_words", "tokens", "words"]

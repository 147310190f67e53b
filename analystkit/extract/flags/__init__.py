"""The ``flags`` table: sentences an analyst should not trust before reading the original.

One row per finding: ``article_id, sentence_id, start, end, text`` (the flagged
words, ``articles.text[start:end]``), ``kind``, ``severity`` (high, medium, low),
``message`` (what is wrong and why it matters, in plain words), and
``related_start, related_end, related_text`` (the other half of a two-place finding —
the next paragraph of a split sentence, the earlier date of a conflict; -1/-1/''
when there is none). Kinds, each a general rule over the parse, one module each:

* ``fragment`` (medium): :mod:`.fragments`
* ``split_sentence`` (high): :mod:`.split_sentences`
* ``unintroduced_person`` (low): :mod:`.unintroduced`
* ``dangling_reference`` (medium): :mod:`.dangling`
* ``suspicious_quote`` (medium): :mod:`.quotes`
* ``date_conflict`` (high): :mod:`.date_conflicts`
* ``overlong_sentence`` (low): :mod:`.overlong`

A rule that raises loses only its own flags for that article (warning ``AK102``).
"""

from __future__ import annotations

from collections.abc import Callable

from ...nlp.doc import ArticleDoc
from .common import COLUMNS, KINDS, SEVERITY, make_flag
from .dangling import find_dangling_references
from .date_conflicts import agents_compatible, find_date_conflicts
from .fragments import find_fragments
from .overlong import find_overlong_sentences
from .quotes import find_suspicious_quotes
from .split_sentences import find_split_sentences
from .unintroduced import find_unintroduced_people

#: The table this module writes, and the tables whose rows it reads.
TABLE = "flags"
REQUIRES = ("sentences", "entities", "claims", "timeline")
#: The rules, in the order their flags are sorted on a tie.
RULES: tuple[Callable[[ArticleDoc], list[dict]], ...] = (
    find_fragments, find_split_sentences, find_unintroduced_people, find_dangling_references, find_suspicious_quotes, find_date_conflicts,
    find_overlong_sentences,
)


def extract_flags(article: ArticleDoc) -> list[dict]:
    """Every finding of the article, in text order (see the module docstring)."""
    flags: list[dict] = []
    for rule in RULES:
        try:
            flags.extend(rule(article))
        except Exception as error:  # noqa: BLE001 - one rule failing must not cost the article its other flags
            from ...errors import AnalystKitWarning, Warnings, warn

            warn(Warnings.AK102.format(rule=rule.__name__, article_id=article.article_id, error=error), AnalystKitWarning)
    return sorted(flags, key=lambda f: (f["start"], KINDS.index(f["kind"])))


__all__ = [
    "COLUMNS", "KINDS", "REQUIRES", "RULES", "SEVERITY", "TABLE", "agents_compatible", "extract_flags", "find_dangling_references",
    "find_date_conflicts", "find_fragments", "find_overlong_sentences", "find_split_sentences", "find_suspicious_quotes", "find_unintroduced_people", "make_flag",
]

"""``ak.compare(a, b)``: two versions of an article, aligned, with every edit classified.

    cmp = ak.compare("original-id", "copy-id", corpus=corpus)   # two articles of a corpus
    cmp = ak.compare(text_a, text_b)                             # two texts (or two file paths)
    cmp.same_story, cmp.verdict                                 # is B a version of A?
    cmp.edits                                                   # one row per edit (see .edits)
    cmp.alignment                                               # one row per aligned step (see .align)
    ak.display.show(cmp.side_by_side())                         # the two texts, edits highlighted

Version A is taken as the earlier (the original) and B as the copy: "removed"
means present in A and not in B.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors
from .align import Group, align_sentences, alignment_table, sentences_of
from .edits import Version, classify_edits
from .related import similarity

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..corpus import Corpus

#: B is the same story as A when at least this share of A's content words sits in aligned sentences
#: (and likewise for B), or when their shingle containment reaches :data:`SAME_STORY_CONTAINMENT`.
SAME_STORY_COVERAGE = 0.5
SAME_STORY_CONTAINMENT = 0.5
_TABLES = ("sentences", "claims", "hedges", "timeline", "entities", "actions")


@dataclass
class Comparison:
    """The result of :func:`compare`: the alignment, the edits, and whether it is one story.

    It behaves like its ``edits`` table where a DataFrame is expected (``len(cmp)``,
    ``cmp["kind"]``, ``cmp.kind.value_counts()``).
    """

    article_a: str
    article_b: str
    text_a: str
    text_b: str
    alignment: "pd.DataFrame"
    edits: "pd.DataFrame"
    coverage_a: float
    coverage_b: float
    jaccard: float
    containment: float
    groups: list[Group] = field(default_factory=list, repr=False)

    @property
    def same_story(self) -> bool:
        """True when B is a version of A: most of either's sentences align with the other's."""
        return min(self.coverage_a, self.coverage_b) >= SAME_STORY_COVERAGE or self.containment >= SAME_STORY_CONTAINMENT

    @property
    def verdict(self) -> str:
        """One paragraph in words: same story or not, how much aligns, what the edits change."""
        kinds = self.alignment["kind"].value_counts() if len(self.alignment) else {}
        steps = ", ".join(f"{int(n)} {k.replace('_', '-')}" for k, n in kinds.items())
        head = (
            f"Same story: B is a version of A ({self.coverage_a:.0%} of A's words and {self.coverage_b:.0%} of B's sit in aligned sentences; "
            f"shingle containment {self.containment:.2f})."
            if self.same_story
            else f"Not the same story: only {self.coverage_a:.0%} of A's words and {self.coverage_b:.0%} of B's align (shingle containment {self.containment:.2f})."
        )
        if not len(self.edits):
            return f"{head} Alignment: {steps}. No edits: the two texts say the same words."
        by_kind = self.edits["kind"].value_counts()
        serious = self.edits[self.edits["severity"] == "high"]
        parts = ", ".join(f"{int(n)} {k.replace('_', ' ')}" for k, n in by_kind.items())
        return f"{head} Alignment: {steps}. Edits: {parts}; {len(serious)} of high severity."

    def summary(self) -> "pd.DataFrame":
        """Edits per kind and severity."""
        import pandas as pd

        if not len(self.edits):
            return pd.DataFrame(columns=["kind", "severity", "edits"])
        return self.edits.groupby(["kind", "severity"], sort=False).size().rename("edits").reset_index()

    def side_by_side(self, **options: Any) -> Any:
        """The two texts next to each other, edits highlighted (escaped HTML; see :mod:`.view`)."""
        from .view import side_by_side

        return side_by_side(self, **options)

    # -- behave like the edits table
    def __len__(self) -> int:
        return len(self.edits)

    def __getitem__(self, key: Any) -> Any:
        return self.edits[key]

    def __iter__(self) -> Any:
        return iter(self.edits)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name in {"edits", "alignment"}:
            raise AttributeError(name)
        return getattr(self.edits, name)

    def __repr__(self) -> str:
        shown = self.edits[["kind", "severity", "text_a", "text_b"]].to_string(max_colwidth=50) if len(self.edits) else "(no edits)"
        return f"<Comparison {self.article_a} → {self.article_b}>\n{self.verdict}\n{shown}"

    def _repr_html_(self) -> str:
        import html

        return f"<p>{html.escape(self.verdict)}</p>" + self.side_by_side().markup


def compare(
    a: str,
    b: str,
    *,
    corpus: "Corpus | None" = None,
    published: Any = None,
    nlp: Any = None,
) -> Comparison:
    """Compare two versions of an article: A (the original) and B (the copy).

    Args:
        a: an article id of ``corpus``, a file path, or the text itself.
        b: likewise.
        corpus: the corpus holding ``a`` and ``b`` when they are ids.
        published: publication date for texts given directly (both get it; relative
            dates like "on Wednesday" are normalised against it). Ignored for ids.
        nlp: a spaCy pipeline for texts given directly (default: :func:`analystkit.load_model`).

    Returns:
        A :class:`Comparison`: ``.edits`` (the edits table, see :mod:`.edits`),
        ``.alignment`` (see :mod:`.align`), ``.same_story`` and ``.verdict``.

    Raises:
        KeyError: an id not in ``corpus`` (message AK061).
        ValueError: a version without any sentence (message AK062).
    """
    if corpus is not None and a in set(corpus.article_ids) and b in set(corpus.article_ids):
        return compare_in(corpus, a, b)
    if corpus is not None:
        known = ", ".join(corpus.article_ids[:5])
        missing = a if a not in set(corpus.article_ids) else b
        raise KeyError(Errors.AK061.format(what=missing, known=known))
    loaded, id_a, id_b = _load_pair(a, b, published=published, nlp=nlp)
    return compare_in(loaded, id_a, id_b)


def compare_in(corpus: "Corpus", a: str, b: str) -> Comparison:
    """:func:`compare` for two article ids of ``corpus``."""
    version_a, version_b = version_of(corpus, a), version_of(corpus, b)
    for which, version in (("A", version_a), ("B", version_b)):
        if version.sentences.empty:
            raise ValueError(Errors.AK062.format(which=f"version {which} ({version.article_id})"))
    sents_a, sents_b = sentences_of(version_a.sentences), sentences_of(version_b.sentences)
    groups = align_sentences(sents_a, sents_b)
    edits = classify_edits(version_a, version_b, groups)
    matched_a = sum(sum(s.words.values()) for g in groups if g.a and g.b for s in g.a)
    matched_b = sum(sum(s.words.values()) for g in groups if g.a and g.b for s in g.b)
    total_a = sum(sum(s.words.values()) for s in sents_a) or 1
    total_b = sum(sum(s.words.values()) for s in sents_b) or 1
    overlap = similarity(version_a.text, version_b.text)
    return Comparison(
        article_a=a, article_b=b, text_a=version_a.text, text_b=version_b.text,
        alignment=alignment_table(groups), edits=edits,
        coverage_a=matched_a / total_a, coverage_b=matched_b / total_b,
        jaccard=round(float(overlap["jaccard"]), 4), containment=round(float(overlap["containment"]), 4), groups=groups,
    )


def version_of(corpus: "Corpus", article_id: str) -> Version:
    """One article's text and its rows in the tables :mod:`.edits` reads."""
    frames = {}
    for name in _TABLES:
        table = corpus.table(name)
        frames[name] = table[table["article_id"] == article_id].reset_index(drop=True) if len(table) else table
    return Version(article_id=article_id, text=corpus.text(article_id), **frames)


def _load_pair(a: str, b: str, *, published: Any, nlp: Any) -> "tuple[Corpus, str, str]":
    """A small corpus of the two versions: files loaded as they are, texts written to a scratch folder."""
    import pandas as pd

    from ..corpus import load

    folder = Path(tempfile.mkdtemp(prefix="analystkit-compare-"))
    paths = []
    for name, value in (("a", a), ("b", b)):
        if not isinstance(value, (str, os.PathLike)):
            raise KeyError(Errors.AK061.format(what=str(value)[:60], known="(no corpus given)"))
        candidate = Path(str(value)) if len(str(value)) < 1024 and "\n" not in str(value) else None
        if candidate is not None and candidate.is_file():
            paths.append(candidate.resolve())
            continue
        if not str(value).strip():
            raise ValueError(Errors.AK062.format(which=f"version {name.upper()} (an empty text)"))
        if not any(ch.isspace() for ch in str(value).strip()):
            # one word: an article id or a path that does not exist, not a text
            raise KeyError(Errors.AK061.format(what=str(value)[:80], known="(no corpus given: pass corpus=)"))
        target = folder / f"{name}.txt"
        target.write_text(str(value), encoding="utf-8")
        paths.append(target)
    metadata = None
    if published is not None:
        metadata = pd.DataFrame({"file": [str(p) for p in paths], "published": [str(published)] * 2})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load(*[str(p) for p in paths], metadata=metadata, nlp=nlp)
    by_path = dict(zip(corpus.articles["source_path"].astype(str), corpus.articles["article_id"].astype(str)))
    ids = [by_path.get(str(p), "") for p in paths]
    if paths[0] == paths[1] or not all(ids):
        ids = corpus.article_ids[:2] if len(corpus.article_ids) >= 2 else [corpus.article_ids[0]] * 2
    return corpus, ids[0], ids[1]


__all__ = ["Comparison", "SAME_STORY_CONTAINMENT", "SAME_STORY_COVERAGE", "compare", "compare_in", "version_of"]

"""The hedge lexicon: one row per cue, with its category, probability and provenance.

The lexicon ships as ``analystkit/data/hedge_lexicon.csv``. Its columns:

``cue``
    The words as they appear in text, lower case ("may", "is expected to",
    "there were reports that"). A single word matches its lemma or its exact
    form ("seem" matches "seems", "seemed"); in a multiword cue every word
    matches its ``forms`` ("were" matches "is", "was"), and one adverb may stand
    between two words ("there were *also* reports that", "is *widely* expected to"),
    unless it is a degree word ("very", "highly", "most", "almost", …) that would
    make it a different phrase.
``forms``
    For a multiword cue, the forms each word matches, ``|``-separated and in word order:
    ``is|be likely to`` lets "was likely to" match (``be`` is the lemma of "was"). Empty:
    each word as written. The shipped forms are the model's lemmas of the words (a test
    checks them); write your own for inflected words in your cues.
``category``
    ``modal``, ``epistemic_verb``, ``adverb_adjective``, ``estimative_phrase``,
    ``expectation``, ``evidential``, ``conditional``, ``alternative``, ``question``,
    ``unknown`` or ``obligation`` (see :data:`CATEGORIES`). ``obligation`` rows
    ("need to", and "should"/"must" in their deontic sense) are *not* uncertainty: they
    are kept apart and never reach the ``hedges`` table or a claim's certainty.
``probability``
    0–1: the probability a reader hears in the cue. The median of the survey in
    ``wep_perception.csv`` where the phrase is covered, else an estimate.
``probability_source``
    Where the number comes from: ``wep_perception median (n=46)`` or
    ``estimate: <reason>``.
``band``, ``standard``
    The ICD 203 band (``likely 55-80%``, ``ICD-203``) where the phrase is an
    ICD 203 word (``wep_bands.csv``); empty otherwise.
``context``
    The name of the context rule the cue must pass (empty: none); see
    :mod:`analystkit.extract.hedges` for what each does.
``on_negation``
    What a negated cue means: ``invert`` (probability becomes 1 − p: "not likely"),
    ``keep`` ("may not" is still a possibility) or ``drop`` ("could not" is not a
    hedge, "no doubt" is a booster).
``profile``
    ``news`` (used by every profile), ``standard`` (the default profile of the tables:
    adds the speculation cues of the BioScope / SFU / CoNLL-2010 annotation — epistemic
    "would", "should", "must", alternatives "either … or", "whether", "unclear",
    "putative", "imply" … — each behind a context rule for its non-speculative
    sense) or ``broad`` (only with ``profile="broad"``: every "can", "feel", "guess", with no
    context rule for the root senses; for comparison).
``root_sense``
    The non-speculative sense of the word that the context rule leaves out
    ("ability" for "can", "obligation" for "should"); empty when there is none.
``provenance``
    Where the cue comes from (ICD 203, the perception survey, the BioScope or SFU
    annotation guidelines, the kit's news lexicon).
``notes``
    Free text for analysts.

To extend or override the lexicon, point the ``ANALYSTKIT_HEDGE_LEXICON`` setting
(an environment variable) at a CSV file with the same columns: its rows are
appended, and a row whose ``cue`` is already in the lexicon replaces it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import settings
from ..errors import Errors

LEXICON_SETTING = settings.HEDGE_LEXICON
DATA = Path(__file__).resolve().parent.parent / "data"
LEXICON_PATH = DATA / "hedge_lexicon.csv"
PERCEPTION_PATH = DATA / "wep_perception.csv"
BANDS_PATH = DATA / "wep_bands.csv"

#: The categories a cue may have, with what they hold.
CATEGORIES: dict[str, str] = {
    "modal": "modal verbs of possibility: may, might, could (and 'can' in its possibility sense)",
    "epistemic_verb": "verbs of belief or appearance with a clause: appear, seem, suggest, believe, fear",
    "adverb_adjective": "likely, possibly, potentially, apparently, probably, perhaps",
    "estimative_phrase": "the calibrated words of intelligence standards: almost certainly, a roughly even chance, unlikely",
    "expectation": "is expected to, expect, anticipate",
    "evidential": "unconfirmed reports and hearsay: reportedly, there were reports that, rumors, it is believed",
    "conditional": "if / unless opening a clause that qualifies the claim",
    "alternative": "disjunctions offering alternatives: either … or, 'A or B'",
    "question": "open questions: whether (an indirect question), 'to test whether'",
    "unknown": "stated ignorance: unclear, unknown, not known whether, not sure",
    "obligation": "deontic should / must / need to: not uncertainty, kept apart (never in the hedges table)",
}
#: Categories that are not uncertainty (left out of the hedges table and of certainty).
NOT_UNCERTAINTY = frozenset({"obligation"})
CONTEXTS = frozenset({
    "", "modal", "can", "clausal", "predicative", "conditional", "evidential_noun", "report_noun", "alternative", "attributive",
    "would", "deontic", "either", "whether", "possible", "unknown", "noun", "evidence_verb", "consider",
})
NEGATION_RULES = frozenset({"invert", "keep", "drop"})
PROFILES = ("news", "standard", "broad")
#: The default profile of the tables.
DEFAULT_PROFILE = "standard"
COLUMNS = ("cue", "forms", "category", "probability", "probability_source", "band", "standard", "context", "on_negation", "profile", "root_sense", "provenance", "notes")


@dataclass(frozen=True)
class HedgeCue:
    """One row of the hedge lexicon."""

    cue: str
    category: str
    probability: float
    probability_source: str
    band: str = ""
    standard: str = ""
    context: str = ""
    on_negation: str = "invert"
    profile: str = "news"
    notes: str = ""
    #: the forms each word of a multiword cue matches, "|"-separated ("is|be likely to"); empty:
    #: each word as written (a single-word cue always matches its lemma too)
    forms: str = ""
    #: the word's non-speculative sense, which the context rule leaves out ("ability" for "can")
    root_sense: str = ""
    #: where the cue comes from
    provenance: str = ""

    def in_profile(self, profile: str) -> bool:
        """The cue is used by ``profile`` (news ⊂ standard ⊂ broad)."""
        return PROFILES.index(self.profile) <= PROFILES.index(profile)

    @property
    def words(self) -> list[str]:
        return self.cue.split()

    @property
    def word_forms(self) -> tuple[tuple[str, ...], ...]:
        """For each word of the cue, the forms it matches (the word itself first)."""
        if not self.forms:
            return tuple((w,) for w in self.words)
        return tuple(tuple(dict.fromkeys([w, *alternatives.split("|")])) for w, alternatives in zip(self.words, self.forms.split()))


def _read(path: str | os.PathLike) -> list[HedgeCue]:
    import csv

    cues = []
    with open(path, newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            missing = [c for c in ("cue", "category", "probability") if not (row.get(c) or "").strip()]
            if missing:
                raise ValueError(Errors.AK023.format(path=path, line=line, missing=", ".join(missing)))
            cue = HedgeCue(
                cue=" ".join(row["cue"].lower().split()),
                category=row["category"].strip(),
                probability=float(row["probability"]),
                probability_source=(row.get("probability_source") or "").strip() or "estimate: analyst's lexicon",
                band=(row.get("band") or "").strip(),
                standard=(row.get("standard") or "").strip(),
                context=(row.get("context") or "").strip(),
                on_negation=(row.get("on_negation") or "").strip() or "invert",
                profile=(row.get("profile") or "").strip() or "news",
                notes=(row.get("notes") or "").strip(),
                forms=" ".join((row.get("forms") or "").lower().split()),
                root_sense=(row.get("root_sense") or "").strip(),
                provenance=(row.get("provenance") or "").strip(),
            )
            problems = validate_cue(cue)
            if problems:
                raise ValueError(Errors.AK024.format(path=path, line=line, cue=cue.cue, problems="; ".join(problems)))
            cues.append(cue)
    return cues


def validate_cue(cue: HedgeCue) -> list[str]:
    """What is wrong with a lexicon row (empty when it is valid)."""
    problems = []
    if cue.category not in CATEGORIES:
        problems.append(f"category {cue.category!r} is not one of {', '.join(CATEGORIES)}")
    if not 0.0 <= cue.probability <= 1.0:
        problems.append(f"probability {cue.probability} is not between 0 and 1")
    if cue.context not in CONTEXTS:
        problems.append(f"context {cue.context!r} is not one of {', '.join(sorted(CONTEXTS - {''}))} or empty")
    if cue.on_negation not in NEGATION_RULES:
        problems.append(f"on_negation {cue.on_negation!r} is not one of {', '.join(sorted(NEGATION_RULES))}")
    if cue.profile not in PROFILES:
        problems.append(f"profile {cue.profile!r} is not one of {', '.join(PROFILES)}")
    if bool(cue.band) != bool(cue.standard):
        problems.append("band and standard go together")
    if cue.forms and len(cue.forms.split()) != len(cue.words):
        problems.append(f"forms {cue.forms!r} must give one entry per word of the cue")
    return problems


def load_hedge_lexicon(path: str | os.PathLike | None = None, *, extra: str | os.PathLike | None = None) -> list[HedgeCue]:
    """The hedge lexicon: the shipped CSV (or ``path``), plus the analyst's rows.

    ``extra`` defaults to the file named by the ``ANALYSTKIT_HEDGE_LEXICON``
    setting; its rows are appended, replacing shipped rows with the same ``cue``.
    """
    if extra is None:
        extra = settings.setting(LEXICON_SETTING) or None
    return list(_load_cached(str(path or LEXICON_PATH), str(extra) if extra else None))


@lru_cache(maxsize=8)
def _load_cached(path: str, extra: str | None) -> tuple[HedgeCue, ...]:
    by_cue: dict[str, HedgeCue] = {c.cue: c for c in _read(path)}
    if extra:
        for cue in _read(extra):
            by_cue.pop(cue.cue, None)
            by_cue[cue.cue] = cue
    return tuple(by_cue.values())


def load_perception() -> "pd.DataFrame":  # noqa: F821
    """The survey of how readers hear probability phrases (MIT, © 2016 Zoni Nation)."""
    import pandas as pd

    return pd.read_csv(PERCEPTION_PATH)


def load_bands(*, standard: str | None = "ICD-203") -> "pd.DataFrame":  # noqa: F821
    """The official probability bands of estimative words (percent), for one standard or all."""
    import pandas as pd

    bands = pd.read_csv(BANDS_PATH)
    return bands if standard is None else bands[bands.standard == standard].reset_index(drop=True)


__all__ = ["CATEGORIES", "DEFAULT_PROFILE", "NOT_UNCERTAINTY", "PROFILES", "HedgeCue", "LEXICON_SETTING", "load_bands", "load_hedge_lexicon", "load_perception", "validate_cue"]

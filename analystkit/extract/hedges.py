"""The ``hedges`` table: hedge cues with calibrated probabilities, and claim certainty.

Columns: ``article_id, sentence_id, claim_id, start, end, text, lemma, category,
probability, band, standard, negated, cue_id`` — one row per hedge cue, with
``articles.text[start:end] == text``.

* ``lemma`` is the lexicon entry the cue matched ("is likely to" for "was likely
  to"); ``cue_id`` its row number in the lexicon (0-based).
* ``probability`` (0–1) is the probability a reader hears in the cue for the claim
  it qualifies: the median of the reader survey in ``data/wep_perception.csv``
  where the phrase is covered, else a documented estimate (see
  ``data/hedge_lexicon.csv``, column ``probability_source``).
* ``band`` / ``standard``: the US ICD 203 band ("likely 55-80%", "ICD-203") when
  the phrase is an ICD 203 word, else empty.
* ``negated``: a negation governs the cue; the probability has been turned into
  1 − p ("not likely" 0.30) or kept ("may not" is still a possibility).

The kit adds two columns to the ``claims`` table (when there is one):

``claims.hedged``
    True when at least one hedge cue qualifies the claim (lies inside the claim's
    span, or failing any claim containing it, in the claim's sentence).
``claims.certainty``
    0–1, from :func:`certainty`: 1.0 for an unhedged claim (the writer or source
    asserts it), otherwise the lowest cue probability, discounted by each further
    cue — stacked cues lower certainty.

How cues are found: the lexicon's phrases are matched on word forms and lemmas by
:func:`match_cues` (one pass over the tokens, indexed by first word), then each match must pass its
context rule and the general rules below. Overlapping matches keep the longest.

Context rules (the lexicon's ``context`` column):

``modal``
    The word is a modal auxiliary (tag MD), and not "May" the month: a DATE
    entity, a number next to it, or a capitalised "May" inside a sentence; and not
    a sentence-initial modal before its subject ("May the best team win": a wish).
``can``
    "can" is at most a weak hedge (0.60), counted only in its possibility sense. It is
    read as *ability* — and skipped — when its subject is an actor: a personal
    pronoun (I, we, you, he, she, they, who), a PERSON / ORG / NORP / GPE entity,
    or a noun naming people or institutions ("troops", "officials"); or when it has
    no subject. An inanimate or expletive subject ("the fighting can take weeks",
    "it can be difficult") is a possibility. ``profile="broad"`` counts every "can".
``clausal``
    Epistemic verbs hedge only when they take a clause or infinitive ("they fear
    the withdrawal could be coercion", "appears to be"), or stand parenthetically
    ("Russia, I think, will …"); "I believe in", "appeared on television" are not
    hedges.
``predicative``
    "possible", "probable" only as predicates or with a clause ("it is possible
    that"), not "as soon as possible".
``conditional``
    "if" / "unless" opening an adverbial clause (dependency ``mark`` under an
    ``advcl``): the claim holds only if the condition does. Not "asked if" (an
    indirect question), "even if" (concessive: the claim holds anyway) or "as if".
``evidential_noun``
    "rumors", "speculation" used as nouns.
``report_noun``
    plural "reports" in an evidential frame: "there were reports", "reports
    say / claim / emerge …", "according to reports", "reports that …" ("reports
    suggest" is the cue "suggest").
``attributive``
    "alleged" as an adjective ("alleged war crimes"), not the verb "alleged that".
``alternative``
    (broad profile only) "or" as a coordinator.

General rules:

* **Negation** — a ``neg`` dependent ("not", "n't", "never", "no") of the cue or of
  the word it attaches to, before the cue (for modals: anywhere on their verb).
  The lexicon's ``on_negation`` says what it does: ``invert`` ("not likely" →
  1 − 0.70 = 0.30, band from the ICD 203 scale for that value), ``keep`` ("may not"),
  ``drop`` ("could not" is a negated ability or an impossibility; "no doubt" and
  "I don't doubt" are boosters, not hedges). "unlikely" is its own lexicon entry (0.20).
* **Questions** — a cue in a question ("Do you think they will withdraw?") is
  skipped: a question asks, it does not qualify a claim. The clause ends at the
  first ".", "!" or "?" after the cue.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import Errors
from ..nlp.doc import ArticleDoc, token_table
from ..vocab.attribution import load_lexicon as load_attribution_lexicon
from ..vocab.hedging import DEFAULT_PROFILE, NOT_UNCERTAINTY, PROFILES, HedgeCue, load_bands, load_hedge_lexicon
from ..vocab.labels import AGENT_LABELS
from ..vocab.words import word_list

#: The table this module writes, and the tables whose rows it reads (:mod:`analystkit.extract`).
TABLE = "hedges"
REQUIRES: tuple[str, ...] = ("claims",)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

COLUMNS = ("article_id", "sentence_id", "claim_id", "start", "end", "text", "lemma", "category", "probability", "band", "standard", "negated", "cue_id")


#: adverbs that may not stand inside a multiword cue: they make another phrase.
_DEGREE_SET = word_list("degree_words")
_NEGATORS = word_list("negators")
#: subjects that make "can" a statement of ability ("we can").
_ABILITY_PRONOUNS = word_list("ability_pronouns")
#: nouns naming people or institutions: a "can" with one of these as subject is ability.
_AGENT_NOUNS = word_list("agent_nouns")
#: verbs that make "reports" evidential ("reports say"); "suggest", "indicate" are cues themselves.
_REPORT_VERBS = word_list("report_verbs")
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acomp", "oprd"})
#: words before "possible" that make it a range ("all possible", "the best possible").
_RANGE_WORDS = word_list("range_words")
#: words that make "whether" concessive ("regardless of whether").
_CONCESSIVE = word_list("concessive_heads")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: a cue with one of these relations is negated by a negation on its head word.
_INHERITS_NEGATION = frozenset({"acomp", "attr", "oprd", "advmod", "aux", "auxpass", "xcomp", "amod", "expl", "nsubj", "nsubjpass"})
_SENTENCE_END = frozenset({".", "!", "?"})
#: ``doc.user_data`` key of the sentence marks (:func:`_sentence_marks`).
_MARKS_KEY = "analystkit_sentence_marks"


@dataclass(frozen=True)
class Hedge:
    """One hedge cue found in a Doc (character and token offsets in that Doc)."""

    start: int
    end: int
    text: str
    lemma: str
    category: str
    probability: float
    band: str
    standard: str
    negated: bool
    cue_id: int
    token_start: int
    token_end: int


# ---------------------------------------------------------------------------- certainty
def certainty(probabilities: Iterable[float]) -> float:
    """How certain a claim is, 0–1, from the probabilities of the hedge cues on it.

    * no cue: 1.0 — the claim is asserted;
    * one cue: its probability ("likely" → 0.70);
    * several cues: the lowest probability, discounted by each further cue p by a
      factor (1 + p) / 2 — so every extra hedge lowers certainty, a weak one
      ("likely", 0.70 → ×0.85) less than a strong one ("may", 0.50 → ×0.75).
      "could still potentially" (0.45, 0.45) gives 0.45 × 0.725 = 0.33.

    The result is rounded to 4 decimals (so tables compare exactly).
    """
    values = sorted(float(p) for p in probabilities)
    if not values:
        return 1.0
    for p in values:
        if not 0.0 <= p <= 1.0:
            raise ValueError(Errors.AK025.format(value=p))
    result = values[0]
    for p in values[1:]:
        result *= (1.0 + p) / 2.0
    return round(result, 4)


# ---------------------------------------------------------------------------- matching
def _lexicon(profile: str, lexicon: Sequence[HedgeCue] | None) -> tuple[HedgeCue, ...]:
    if profile not in PROFILES:
        raise ValueError(Errors.AK026.format(profile=profile))
    cues = tuple(lexicon) if lexicon is not None else tuple(load_hedge_lexicon())
    return cues


@lru_cache(maxsize=8)
def _cue_index(cues: tuple[HedgeCue, ...]) -> dict[str, list[tuple[int, tuple[tuple[str, ...], ...]]]]:
    """First word form → (cue index, forms of every word) for every cue."""
    index: dict[str, list[tuple[int, tuple[tuple[str, ...], ...]]]] = {}
    for number, cue in enumerate(cues):
        forms = cue.word_forms
        for form in forms[0]:
            index.setdefault(form, []).append((number, forms))
    return index


def match_cues(doc: Doc, cues: tuple[HedgeCue, ...]) -> list[tuple[int, int, int]]:
    """``(cue index, start, end)`` token spans where a cue's words occur in order.

    Each word matches by its lower-case form or its lemma; between two words of a
    multiword cue one adverb may stand ("could *still* potentially"), unless it is a
    degree adverb that makes another phrase ("very likely"). One pass over the
    tokens with a dictionary from first words to cues: no per-token predicates.
    """
    index = _cue_index(cues)
    table = token_table(doc)
    lower, lemma, pos = table.lower, table.lemma, table.pos
    n = len(lower)
    found: list[tuple[int, int, int]] = []
    for i in range(n):
        by_form = index.get(lower[i])
        by_lemma = index.get(lemma[i]) if lemma[i] != lower[i] else None
        if by_form is None and by_lemma is None:
            continue  # most tokens start no cue
        candidates = (by_form or []) + (by_lemma or [])
        seen = set()
        for number, forms in candidates:
            if number in seen:
                continue
            seen.add(number)
            ends = [i + 1]
            for word_forms in forms[1:]:
                next_ends = []
                for j in ends:
                    for k in (j, j + 1):
                        if k >= n:
                            continue
                        if k == j + 1 and (pos[j] != "ADV" or lower[j] in _DEGREE_SET):
                            continue
                        if lower[k] in word_forms or lemma[k] in word_forms:
                            next_ends.append(k + 1)
                ends = next_ends
                if not ends:
                    break
            for end in sorted(set(ends)):
                found.append((number, i, end))
    found.sort(key=lambda m: (m[1], m[2], m[0]))
    return found


def find_hedges(
    doc: Doc | Span, *, profile: str = DEFAULT_PROFILE, lexicon: Sequence[HedgeCue] | None = None, obligations: bool = False
) -> list[Hedge]:
    """The hedge (speculation) cues of a parsed text, in text order.

    Args:
        doc: a Doc (or a Span of one) parsed by the kit's pipeline (tags, lemmas,
            dependencies and entities are used).
        profile: ``"standard"`` (the default, used by the tables: every speculation cue of
            the BioScope / SFU / CoNLL-2010 annotation, each behind a context rule that
            leaves out its root sense), ``"news"`` (the narrower news lexicon of earlier
            versions: no "would", "or", "whether", "unclear" …) or ``"broad"`` (adds
            every "can", "feel", "guess" with no rule for root senses, for comparison).
        lexicon: cues to use instead of the shipped lexicon (plus the
            ``ANALYSTKIT_HEDGE_LEXICON`` file).
        obligations: also return the deontic uses ("you should", "must comply",
            "need to"), with category ``obligation``. They are not uncertainty and are
            never in the ``hedges`` table.
    """
    cues = _lexicon(profile, lexicon)
    whole = doc.doc if isinstance(doc, Span) else doc
    lo, hi = (doc.start, doc.end) if isinstance(doc, Span) else (0, len(whole))
    candidates: list[tuple[Span, int, Token | None]] = []
    for index, start, end in match_cues(whole, cues):
        if start < lo or end > hi:
            continue
        cue = cues[index]
        if not cue.in_profile(profile):
            continue
        span = whole[start:end]
        if span[-1].pos_ == "ADV" and len(span) > len(cue.words) and span[-1].lower_ not in cue.words:
            continue  # an optional adverb at the edge
        if len(span) > len(cue.words) and any(t.lower_ in _DEGREE_SET and t.lower_ not in cue.words for t in span[1:-1]):
            continue  # a degree adverb inside makes another phrase ("likely" vs "very likely")
        category = _passes(cue, span, profile)
        if category is None:
            continue
        if (category or cue.category) in NOT_UNCERTAINTY and not obligations:
            continue
        modal = span[0].tag_ == "MD" and len(span) == 1
        negator = _negator(span, modal=modal)
        if negator is not None and cue.on_negation == "drop" and not (modal and profile == "broad"):
            continue
        if profile != "broad" and _in_question(span):
            continue
        candidates.append((whole.char_span(span.start_char, span.end_char, label=str(index)), index, negator, category))
    chosen = {(s.start, s.end) for s in filter_spans([c[0] for c in candidates])}
    hedges = []
    seen: set[tuple[int, int]] = set()
    for span, index, negator, category in sorted(candidates, key=lambda c: (c[0].start, c[0].end)):
        if (span.start, span.end) not in chosen or (span.start, span.end) in seen:
            continue
        seen.add((span.start, span.end))
        hedges.append(_hedge(cues[index], index, span, negator, category))
    return hedges


def _hedge(cue: HedgeCue, index: int, span: Span, negator: Token | None, category: str = "") -> Hedge:
    doc = span.doc
    start_token, end_token = span.start, span.end
    probability, band, standard = cue.probability, cue.band, cue.standard
    if negator is not None:
        if negator.i == span.start - 1:
            start_token = negator.i
        elif negator.i == span.end:
            end_token = negator.i + 1
        if cue.on_negation == "invert":
            probability = round(1.0 - probability, 4)
            band, standard = _icd_band(probability) if cue.band else ("", "")
    text_span = doc[start_token:end_token]
    return Hedge(
        start=text_span.start_char,
        end=text_span.end_char,
        text=text_span.text,
        lemma=cue.cue,
        category=category or cue.category,
        probability=probability,
        band=band,
        standard=standard,
        negated=negator is not None,
        cue_id=index,
        token_start=start_token,
        token_end=end_token,
    )


@lru_cache(maxsize=1)
def _icd_rows() -> tuple[tuple[str, float, float], ...]:
    bands = load_bands(standard="ICD-203").drop_duplicates(["lower", "upper"])
    return tuple((r.phrase, float(r.lower), float(r.upper)) for r in bands.itertuples())


def _icd_band(probability: float) -> tuple[str, str]:
    """The ICD 203 band holding a probability (0–1), as ("likely 55-80%", "ICD-203")."""
    percent = probability * 100
    for phrase, lower, upper in _icd_rows():
        if lower <= percent <= upper:
            return f"{phrase} {lower:g}-{upper:g}%", "ICD-203"
    return "", ""


# ---------------------------------------------------------------------------- context rules
def _passes(cue: HedgeCue, span: Span, profile: str) -> str | None:
    """The category of the match if it passes its context rule (``""``: the lexicon's), else None.

    Only the ``deontic`` rule changes the category (``obligation``)."""
    token = span[0] if len(span) == 1 else span.root
    rule = cue.context
    ok: bool | str
    if rule == "modal":
        ok = _is_modal(token)
    elif rule == "can":
        ok = _is_modal(token) and (profile == "broad" or (_is_epistemic_can(token) if profile == "standard" else _is_possibility_can(token)))
    elif rule == "clausal":
        ok = _takes_clause(token)
    elif rule == "predicative":
        ok = _is_predicative(token)
    elif rule == "possible":
        ok = _is_predicative(token) or (profile != "news" and _is_speculative_possible(token))
    elif rule == "conditional":
        if profile != "news" and _is_indirect_question(token):
            return "question"  # "asked if", "wonder if": an open question, as "whether"
        ok = _is_conditional(token)
    elif rule == "evidential_noun":
        ok = token.pos_ in ("NOUN", "PROPN")
    elif rule == "noun":
        ok = token.pos_ == "NOUN" and _has_content_clause(token)
    elif rule == "report_noun":
        ok = _is_report_frame(token)
    elif rule == "attributive":
        ok = token.pos_ == "ADJ" or token.dep_ == "amod"
    elif rule == "alternative":
        ok = (token.dep_ == "cc" or token.pos_ == "CCONJ") and (profile == "broad" or _offers_alternatives(token))
    elif rule == "either":
        ok = profile == "broad" or _either_or(token)
    elif rule == "whether":
        ok = profile == "broad" or _is_open_whether(token)
    elif rule == "would":
        ok = _is_modal(token) and (profile == "broad" or not _is_reported_future(token))
    elif rule == "deontic":
        if not (_is_modal(token) or token.lower_ == "ought"):
            return None
        return "" if profile == "broad" or _is_epistemic_modal(token) else "obligation"
    elif rule == "unknown":
        ok = token.pos_ == "ADJ" and token.ent_type_ not in ("WORK_OF_ART", "ORG", "EVENT", "FAC") and (_is_predicative(token) or _has_content_clause(token))
    elif rule == "evidence_verb":
        ok = _takes_clause(token) or _is_evidence_verb(token)
    elif rule == "consider":
        ok = token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG" and any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in token.children)
    else:
        ok = True
    return "" if ok else None


def _is_modal(token: Token) -> bool:
    if token.tag_ != "MD":
        return False
    if token.lower_ == "may":
        if token.ent_type_ == "DATE":
            return False
        doc = token.doc
        neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        if any(n.like_num for n in neighbours):
            return False  # "May 9", "9 May"
        if token.text == "May" and token.i != token.sent.start and doc[token.i - 1].text not in ('"', "“", "'", "‘", "(", "-", "—", ":"):
            return False  # capitalised mid-sentence: the month
    first = next((t for t in token.sent if not (t.is_punct or t.is_space)), None)
    if first is not None and token.i == first.i and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > token.i for c in token.head.children):
        return False  # "May the best team win": a wish (a question is skipped anyway)
    return True


def _is_possibility_can(token: Token) -> bool:
    verb = token.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.dep_ == "expl" or subject.dep_ == "csubj":
        return True
    if subject.lower_ in _ABILITY_PRONOUNS:
        return False
    if subject.ent_type_ in AGENT_LABELS:
        return False
    if subject.lemma_.lower() in _AGENT_NOUNS:
        return False
    return True


def _takes_clause(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ == "parataxis":
        return True
    for child in token.children:
        if child.dep_ in _CLAUSE_DEPS:
            return True
        if child.dep_ == "expl":
            return True  # "it appears", "it seems"
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("as", "like", "though", "if") for g in child.children):
            return True  # "seems as if", "looks like"
    return False


def _is_predicative(token: Token) -> bool:
    if token.dep_ in ("acomp", "attr", "oprd", "ROOT"):
        return True
    if any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in ("that", "to")


def _is_conditional(token: Token) -> bool:
    if token.dep_ != "mark" or token.head.dep_ not in ("advcl",):
        return False
    previous = token.nbor(-1) if token.i > 0 else None
    return previous is None or previous.lower_ not in ("even", "as", "what")


def _is_indirect_question(token: Token) -> bool:
    """"if" opening an indirect question ("asked if he wanted", "not sure if"), read as "whether"."""
    if token.lower_ != "if" or token.dep_ != "mark" or token.head.dep_ not in ("ccomp", "xcomp"):
        return False
    previous = token.nbor(-1) if token.i > 0 else None
    return previous is None or previous.lower_ not in ("even", "as", "only")


def _is_report_frame(token: Token) -> bool:
    if token.tag_ != "NNS" or token.pos_ != "NOUN":
        return False
    head = token.head
    if head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children):
        return True  # "there were reports"
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _REPORT_VERBS:
        return True  # "reports say", "reports suggest"
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True  # "according to reports"
    return any(c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children) for c in token.children)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)


def _is_actor(token: Token) -> bool:
    """A person or institution: a personal pronoun, a PERSON / ORG / NORP / GPE entity, an agent noun."""
    return token.lower_ in _ABILITY_PRONOUNS or token.ent_type_ in AGENT_LABELS or token.lemma_.lower() in _AGENT_NOUNS


def _has_content_clause(token: Token) -> bool:
    """The word takes a content clause: "the possibility that …", "unknown whether …"."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.lower_ in ("that", "whether", "if", "how", "why", "what", "when", "which", "who"):
        return True
    return any(c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in c.children) for c in token.children)


#: verbs after "can" that make it epistemic ("one can argue", "can be seen as").
_EPISTEMIC_CAN_VERBS = frozenset({"argue", "say", "see", "imagine", "assume", "expect", "speculate", "suppose", "guess", "consider", "tell", "conclude", "infer", "think", "believe"})


def _is_epistemic_can(token: Token) -> bool:
    """"can" of possibility in the standard profile: a generic subject ("you can find dealers", "one
    can argue"), "it can be hard" (an expletive or clausal subject with a copula), or a verb of
    judgement ("can be seen as", "can be considered"). Not ability ("troops can cross", "the method
    can predict"): the BioScope guidelines count "can" only where it weighs a possibility."""
    verb = token.head
    if verb.lemma_.lower() in _EPISTEMIC_CAN_VERBS:
        return True
    subject = _subject(verb)
    if subject is None:
        return False
    if subject.lower_ in ("you", "one") or subject.dep_ in ("expl", "csubj"):
        return True
    return verb.lemma_ == "be" and not any(c.dep_ == "auxpass" for c in verb.children) and subject.lower_ in ("it", "this", "that")


def _is_speculative_possible(token: Token) -> bool:
    """Attributive "possible" ("a possible cause"), but not a range ("all possible", "the best possible",
    "as soon as possible") and not "make it possible" (enabling)."""
    if token.dep_ != "amod" and token.pos_ != "ADJ":
        return False
    doc = token.doc
    before = [doc[i] for i in range(max(token.sent.start, token.i - 3), token.i)]
    if any(t.lower_ in _RANGE_WORDS or t.tag_ in ("JJS", "RBS") for t in before):
        return False
    if before and before[-1].lower_ == "as":
        return False
    head = token.head
    if any(c.tag_ in ("JJS", "RBS") or c.lower_ in _RANGE_WORDS for c in head.children if c.i < token.i):
        return False
    return not (token.dep_ in ("oprd", "ccomp", "xcomp") and head.lemma_ in ("make", "render"))


def _offers_alternatives(token: Token) -> bool:
    """"or" between two alternatives: not a third item of a list ("yeast, fly or worm"), not a number
    range ("one or more"), not "and/or", "whether or not" (the cue is "whether") or "either … or"
    (the cue is "either")."""
    doc = token.doc
    first = token.head
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if previous is not None and previous.text in ("/", "and/"):
        return False
    if following is not None and following.lower_ == "not":
        return False  # "whether or not", "… or not"
    if following is not None and following.lower_ == "so":
        return True  # "an hour or so": an approximation
    if first.like_num or (following is not None and following.like_num):
        return False
    if first.dep_ == "conj" or sum(1 for c in first.children if c.dep_ == "conj") > 1:
        return False  # a list of three or more
    if any(c.dep_ == "punct" and c.text == "," and first.i < c.i < token.i - 1 for c in first.children):
        return False
    sentence = token.sent
    if any(t.lower_ == "either" for t in doc[sentence.start : token.i]):
        return False
    if previous is not None and previous.text == "(":
        return True  # "(or may not)", "you (or your man)": an aside offering another case
    if following is not None and following.lower_ in ("another", "other", "whatever", "something", "someone"):
        return True  # "one way or another", "or other stuff": vagueness
    # alternatives between states of affairs: clauses and verb phrases ("read or reread", "it could be a
    # pseudogene or a product of error"), predicates ("unwilling or unable"); a list of things is not
    return first.pos_ in ("VERB", "AUX") or first.dep_ in ("attr", "acomp", "oprd")


def _either_or(token: Token) -> bool:
    """"either" answered by an "or" later in its sentence ("either A or B"), not "either side"."""
    sentence = token.sent
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ == "of":
        return False
    return any(t.lower_ == "or" for t in token.doc[token.i + 1 : min(sentence.end, token.i + 30)])


def _is_open_whether(token: Token) -> bool:
    """"whether" opening an open question, not the concessive "regardless of whether"."""
    doc = token.doc
    before = [doc[i].lower_ for i in range(max(token.sent.start, token.i - 2), token.i)]
    return not any(word in _CONCESSIVE for word in before)


def _is_reported_future(token: Token) -> bool:
    """"would" as the future in the past of reported speech ("he said he would resign")."""
    verb = token.head
    speech = load_attribution_lexicon().verbs
    for _ in range(3):
        if verb.dep_ in ("ccomp", "conj") and verb.head.i != verb.i:
            parent = verb.head
            if verb.dep_ == "ccomp" and parent.lemma_.lower() in speech and parent.lemma_.lower() not in ("think", "believe", "fear", "expect", "suspect", "doubt"):
                return True
            verb = parent
        else:
            break
    return False


def _is_epistemic_modal(token: Token) -> bool:
    """"should", "must", "ought to" of inference or expectation, not of obligation.

    Epistemic: "must have been", "she must be among the best" (a copula), "there should be",
    an inanimate subject with an active verb ("the cartridge should fit", "this should affect").
    Obligation: an actor as subject with an action verb ("you should buy", "one must keep in mind",
    "Ford should have saved"), a passive ("should be washed", "should be noted"), no subject."""
    verb = token.head if token.head.i != token.i else token
    children = list(verb.children)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.i > token.i for c in children)
    passive = any(c.dep_ == "auxpass" for c in children)
    subject = _subject(verb)
    copula = verb.lemma_ == "be" and not passive
    if subject is not None and subject.dep_ == "expl":
        return True
    if token.lower_ == "must" and (perfect or copula):
        return True
    if copula:
        return subject is None or subject.lower_ not in ("you", "we")
    if passive or subject is None:
        return False
    if _is_actor(subject) or subject.pos_ == "PRON":
        return False
    return not perfect or token.lower_ == "must"


def _is_evidence_verb(token: Token) -> bool:
    """"suggest", "imply" pointing at evidence: a participle clause ("suggesting a role"), a passive
    ("it has been suggested", "as suggested by"), or an object with evidence, not an actor, as subject
    ("the data suggest a role"); not "she suggested a meeting" (propose)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "xcomp", "conj"):
        return True
    if any(c.dep_ == "auxpass" for c in token.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return True
    subject = _subject(token)
    has_object = any(c.dep_ in ("dobj", "attr") for c in token.children)
    return has_object and subject is not None and not _is_actor(subject) and subject.pos_ != "PRON"


def _negator(span: Span, *, modal: bool) -> Token | None:
    """The negation governing a cue, if any (see the module notes)."""
    doc = span.doc
    anchors = list(span)
    if span.root.head.i != span.root.i and span.root.dep_ in _INHERITS_NEGATION:
        anchors.append(span.root.head)  # "is not likely", "could not", "will not likely"
    for anchor in anchors:
        for child in anchor.children:
            if span.start <= child.i < span.end:
                continue
            is_neg = child.dep_ == "neg" or (child.lower_ in _NEGATORS and child.dep_ in ("det", "advmod", "neg"))
            if is_neg and (modal or child.i < span.start):
                return child
    if modal and span.end < len(doc) and doc[span.end].lower_ in _NEGATORS:
        return doc[span.end]  # "can’t", "could not" even when the parse attaches it elsewhere
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "without":
        return span.root.head  # "without (a) doubt"
    if span.start > 0 and doc[span.start - 1].lower_ in _NEGATORS and doc[span.start - 1].lower_ != "no":
        return doc[span.start - 1]
    if span.start > 0 and doc[span.start - 1].lower_ == "no" and span[0].pos_ == "NOUN":
        return doc[span.start - 1]
    return None


def _in_question(span: Span) -> bool:
    """The cue's clause is a question: the first sentence mark after it is a "?" (or, with none,
    the sentence ends with one). Each sentence's marks are listed once (:func:`_sentence_marks`),
    so a cue costs a binary search however long its sentence."""
    sentence = span[0].sent
    positions, questions, ends_with_question = _sentence_marks(sentence)
    k = bisect_left(positions, span.end)
    return questions[k] if k < len(positions) else ends_with_question


def _sentence_marks(sentence: Span) -> tuple[list[int], list[bool], bool]:
    """Token positions of the sentence's ".", "!", "?" (and "?"-led tokens), whether each asks,
    and whether the sentence ends with a "?"; computed once per sentence of a Doc."""
    cache = sentence.doc.user_data.setdefault(_MARKS_KEY, {})
    found = cache.get(sentence.start)
    if found is None:
        table = token_table(sentence.doc)
        lower, space = table.lower, table.is_space
        positions = [i for i in range(sentence.start, sentence.end) if lower[i] in _SENTENCE_END or lower[i].startswith("?")]
        last = next((i for i in range(sentence.end - 1, sentence.start - 1, -1) if not space[i]), None)
        found = cache[sentence.start] = (positions, [lower[i].startswith("?") for i in positions], last is not None and lower[last].endswith("?"))
    return found


# ---------------------------------------------------------------------------- the table
def extract_hedges(article: ArticleDoc, *, profile: str = DEFAULT_PROFILE) -> list[dict]:
    """One row per hedge cue of an article, each with the claim it qualifies (:func:`_claim_for`).

    The claims' ``hedged`` and ``certainty`` columns are computed from these rows after
    extraction (:mod:`analystkit.finalise.certainty`).
    """
    by_sentence: dict[int, list[dict]] = {}
    for claim in article.rows["claims"]:  # a claim's span lies in its sentence
        by_sentence.setdefault(claim["sentence_id"], []).append(claim)
    rows = []
    for hedge in find_hedges(article.doc, profile=profile):
        sentence_id = article.sentence_id_at(hedge.start)
        claims = by_sentence.get(sentence_id, [])
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": sentence_id,
                "claim_id": _claim_for(claims, hedge.start, hedge.end, sentence_id),
                "start": hedge.start,
                "end": hedge.end,
                "text": hedge.text,
                "lemma": hedge.lemma,
                "category": hedge.category,
                "probability": hedge.probability,
                "band": hedge.band,
                "standard": hedge.standard,
                "negated": hedge.negated,
                "cue_id": hedge.cue_id,
            }
        )
    return rows


def _claim_for(claims: list[dict], start: int, end: int, sentence_id: int):
    """The claim whose span holds [start, end) (the tightest), else the nearest in the sentence.

    ``claims`` are the claims of the hedge's sentence (a claim's span never leaves its sentence).
    """
    holding = [c for c in claims if c.get("start") is not None and c["start"] <= start and end <= c["end"]]
    if holding:
        return min(holding, key=lambda c: c["end"] - c["start"])["claim_id"]
    same = [c for c in claims if c.get("sentence_id") == sentence_id]
    if not same:
        return None

    def distance(claim: dict) -> int:
        return max(claim["start"] - end, start - claim["end"], 0)

    return min(same, key=lambda c: (distance(c), c["start"]))["claim_id"]


def sentence_certainty(hedges: "pd.DataFrame", sentences: "pd.DataFrame") -> "pd.DataFrame":
    """Each sentence with its hedge count, cues and :func:`certainty` (1.0 when unhedged)."""
    out = sentences[["article_id", "sentence_id", "start", "end", "text"]].copy()
    texts: dict[tuple, list[str]] = {}
    probabilities: dict[tuple, list[float]] = {}
    if len(hedges):  # one pass in reading order (a pandas group per sentence is slow on a corpus)
        ordered = hedges.dropna(subset=["article_id", "sentence_id"]).sort_values(["article_id", "sentence_id", "start"], kind="stable")
        for key, text, probability in zip(zip(ordered["article_id"], ordered["sentence_id"]), ordered["text"], ordered["probability"]):
            texts.setdefault(key, []).append(text)
            probabilities.setdefault(key, []).append(probability)
    cues = {key: "; ".join(found) for key, found in texts.items()}
    values = {key: certainty(found) for key, found in probabilities.items()}
    counts = {key: len(found) for key, found in texts.items()}
    keys = list(zip(out["article_id"], out["sentence_id"]))
    out["n_hedges"] = [counts.get(k, 0) for k in keys]
    out["cues"] = [cues.get(k, "") for k in keys]
    out["certainty"] = [values.get(k, 1.0) for k in keys]
    return out


__all__ = ["COLUMNS", "Hedge", "certainty", "extract_hedges", "find_hedges", "sentence_certainty"]

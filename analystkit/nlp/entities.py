"""Entity corrections for news (the ``analystkit_places`` component).

The small English model is systematically wrong on places it rarely saw in
training: in the seed it tags Kherson as PERSON, Crimea and Odesa as ORG, and
"Zaporizhzhya and Kherson" as one ORG. This component, run after ``ner``:

1. relabels an entity whose whole text is a known place, state or organisation
   in the gazetteer (:mod:`analystkit.actors.gazetteer`) but carries another label
   — unless the text is also used as part of a person's name in the same article
   (so "Jackson" after "Michael Jackson" stays a person);
2. splits an entity made of known places joined by "and" or commas;
3. adds gazetteer places the model missed, when every token is tagged as a proper
   noun (so "Reading" at the start of a sentence is not taken for the town).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..actors.gazetteer import Entry, gazetteer, lookup, normalise

PLACE_KINDS = frozenset({"place", "region", "state"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels that are never overridden by the gazetteer (numbers, dates...).
KEEP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_JOINERS = {"and", ",", "&"}
#: Titles and transcript markers the model sometimes tags as names on their own.
NOT_NAMES = frozenset({"mr", "mrs", "ms", "dr", "q", "sen", "rep", "gen", "prof"})


class PlaceCorrector:
    """Relabel, split and add gazetteer entities; see the module docstring."""

    def __init__(self, nlp: Language, name: str, add_missing: bool = True):
        self.nlp = nlp
        self.name = name
        self.add_missing = add_missing
        self._matcher: PhraseMatcher | None = None

    @property
    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            names = sorted({entry.name for entry in gazetteer().values()} | {k for k in gazetteer() if k.isascii()})
            patterns = [self.nlp.make_doc(name) for name in names if name and len(name) > 2]
            matcher.add("GAZETTEER", patterns)
            self._matcher = matcher
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        person_tokens = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        ents: list[Span] = []
        for ent in doc.ents:
            ents.extend(self._correct(doc, ent, person_tokens))
        if self.add_missing:
            ents = self._add_missing(doc, ents)
        doc.ents = filter_spans(ents)
        return doc

    def _correct(self, doc: Doc, ent: Span, person_tokens: set[str]) -> list[Span]:
        if ent.label_ in KEEP_LABELS:
            return [ent]
        if normalise(ent.text).rstrip(".") in NOT_NAMES:
            return []  # "MR" of a transcript's "MR. SULLIVAN:", a lone "Q"
        entry = lookup(ent.text)
        if entry is not None:
            if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].lower_ in person_tokens:
                return [ent]
            return [_relabel(ent, entry)]
        parts = _split_on_joiners(ent)
        if len(parts) > 1:
            entries = [lookup(part.text) for part in parts]
            if all(e is not None and e.kind in PLACE_KINDS for e in entries):
                return [_relabel(part, e) for part, e in zip(parts, entries)]
        return [ent]

    def _add_missing(self, doc: Doc, ents: list[Span]) -> list[Span]:
        by_token: dict[int, Span] = {}
        for ent in ents:
            for i in range(ent.start, ent.end):
                by_token[i] = ent
        added, replaced = [], set()
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            entry = lookup(span.text)
            if entry is None or not span[0].text[:1].isupper() and entry.kind not in ("group",):
                continue
            overlapping = {by_token[i] for i in range(start, end) if i in by_token}
            if overlapping:
                # A curated multi-word name that contains the model's entity wins
                # ("Russian-backed separatists" over "Russian").
                contains = all(o.start >= start and o.end <= end for o in overlapping)
                if contains and len(span) > max(len(o) for o in overlapping) and entry.source != "countryinfo":
                    replaced.update(overlapping)
                    added.append(_relabel(span, entry))
                continue
            if entry.kind != "group" and not all(t.tag_ in ("NNP", "NNPS") or t.is_punct for t in span):
                continue
            added.append(_relabel(span, entry))
        return [e for e in ents if e not in replaced] + added


def _relabel(span: Span, entry: Entry) -> Span:
    label = entry.label
    if span.label_ in ("GPE", "LOC") and label in ("GPE", "LOC"):
        label = span.label_  # the model's choice between the two is fine
    if span.label_ == "NORP" and label == "GPE" and entry.kind == "state":
        label = "NORP"
    if span.label_ == label:
        return span
    return Span(span.doc, span.start, span.end, label=label)


def _split_on_joiners(ent: Span) -> list[Span]:
    parts, start = [], ent.start
    for token in ent:
        if token.lower_ in _JOINERS:
            if token.i > start:
                parts.append(ent.doc[start : token.i])
            start = token.i + 1
    if start < ent.end:
        parts.append(ent.doc[start : ent.end])
    return parts


@Language.factory("analystkit_places", default_config={"add_missing": True})
def make_place_corrector(nlp: Language, name: str, add_missing: bool) -> PlaceCorrector:
    return PlaceCorrector(nlp, name, add_missing=add_missing)


__all__ = ["PlaceCorrector", "normalise"]


# --------------------------------------------------------------------------- consistency

#: Labels that name actors and are propagated through an article.
_PROPAGATE = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


def make_consistent(doc: Doc) -> Doc:
    """One sense per article: the same name gets the same label throughout.

    News names a person or body in full once and then by a shorter form; the
    small model often misses or mislabels the later mentions ("Montalvo" after
    "Victor Montalvo" tagged GPE or nothing). Within one article:

    1. a single capitalised token equal to the surname of a multi-word PERSON
       becomes PERSON (found or relabelled);
    2. a name tagged as an entity somewhere is tagged at its other, untagged
       occurrences too, with the label it carries most often;
    3. a name carrying several labels gets the most frequent one (ties: the
       first seen).
    """
    ents = list(doc.ents)
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text[:1].isupper() and e[-1].is_alpha}
    votes: dict[str, dict[str, int]] = {}
    first: dict[str, str] = {}
    for e in ents:
        if e.label_ in _PROPAGATE:
            key = e.text
            votes.setdefault(key, {}).setdefault(e.label_, 0)
            votes[key][e.label_] += 1
            first.setdefault(key, e.label_)
    for name in surnames:
        votes.setdefault(name, {})["PERSON"] = votes.get(name, {}).get("PERSON", 0) + 1000
    best = {k: max(v.items(), key=lambda kv: (kv[1], kv[0] == first.get(k)))[0] for k, v in votes.items()}

    out: list[Span] = []
    for e in ents:
        label = best.get(e.text, e.label_) if e.label_ in _PROPAGATE else e.label_
        out.append(e if label == e.label_ else Span(doc, e.start, e.end, label=label))
    taken = {i for e in out for i in range(e.start, e.end)}
    candidates = {k: v for k, v in best.items() if k[:1].isupper() and len(k) > 1}
    if candidates:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for name in candidates:
            matcher.add(name, [doc.vocab.strings.add(name) and _as_doc(doc, name)])
        for match_id, start, end in matcher(doc):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            if not all(t.tag_ in ("NNP", "NNPS") or t.is_punct for t in span):
                continue
            label = candidates[doc.vocab.strings[match_id]]
            out.append(Span(doc, start, end, label=label))
            taken.update(range(start, end))
    doc.ents = filter_spans(out)
    return doc


def _as_doc(doc: Doc, text: str) -> Doc:
    words = text.split(" ")
    return Doc(doc.vocab, words=words)


@Language.component("analystkit_consistency")
def consistency_component(doc: Doc) -> Doc:
    return make_consistent(doc)

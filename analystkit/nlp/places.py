"""Entity corrections for news (the ``analystkit_places`` component).

The small English model is systematically wrong on places it rarely saw in
training: in the seed it tags Kherson as PERSON, Crimea and Odesa as ORG, and
"Zaporizhzhya and Kherson" as one ORG. This component, run after ``ner``:

1. relabels an entity whose whole text is a known place, state or organisation
   in the gazetteer (:mod:`analystkit.vocab.gazetteer`) but carries another label
   — unless the text is also used as part of a person's name in the same article
   (so "Jackson" after "Michael Jackson" stays a person);
2. splits an entity made of known places joined by "and" or commas;
3. adds gazetteer places the model missed, when every token is tagged as a proper
   noun (so "Reading" at the start of a sentence is not taken for the town);
4. takes the first word of an outlet's name the article writes in full, tagged a person
   on its own, for the outlet ("told Fox" beside "the Fox News poll"), and drops a
   social-media handle from a name ("Twitter @JaneRoe").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..vocab.files import read_rows
from ..vocab.gazetteer import MEDIA_SOURCE, Entry, gazetteer, lookup, normalise, use_user_aliases
from ..vocab.labels import NUMERIC_LABELS
from ..vocab.words import word_list
from .doc import span_text
from .spans import GAZETTEER_KEY

#: Gazetteer kinds that are places.
PLACE_KINDS = frozenset({"place", "region", "state"})
_JOINERS = {"and", ",", "&"}
#: City names from GeoNames that are also common English words (``data/common_word_places.csv``):
#: they are places only when the model itself tags them as places.
COMMON_WORD_PLACES = frozenset(row["name"] for row in read_rows("common_word_places.csv"))
#: Titles and transcript markers the model sometimes tags as names on their own.
NOT_NAMES = word_list("not_names")


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
            patterns = [self.nlp.make_doc(name) for name in names if name and (len(name) > 2 or name.isupper())]
            matcher.add("GAZETTEER", patterns)
            self._matcher = matcher
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        found = doc.ents  # built once: spaCy makes a new Span per entity on every access
        person_tokens = {t.lower_ for e in found if e.label_ == "PERSON" for t in _person_words(e)}
        matches = self.matcher(doc)
        doc.spans[GAZETTEER_KEY] = [doc[start:end] for _, start, end in matches]
        outlets = _outlet_first_words(doc, matches, person_tokens)
        ents: list[Span] = []
        for ent in found:
            if outlets and ent.label_ == "PERSON" and len(ent) == 1 and ent.text in outlets:
                ents.append(Span(doc, ent.start, ent.end, label="ORG"))  # "told Fox" beside "Fox News"
                continue
            ents.extend(self._correct(doc, ent, person_tokens))
        if self.add_missing:
            ents = self._add_missing(doc, ents, matches)
        doc.ents = filter_spans(ents)
        return doc

    def _correct(self, doc: Doc, ent: Span, person_tokens: set[str]) -> list[Span]:
        if ent.label_ in NUMERIC_LABELS:
            return [ent]
        text = span_text(ent)
        if normalise(text).rstrip(".") in NOT_NAMES:
            return []  # "MR" of a transcript's "MR. SULLIVAN:", a lone "Q"
        if len(ent) > 1 and ent[0].text == "Q" and ent.label_ == "PERSON":
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)  # "Q Karine": a transcript's question marker
            text = span_text(ent)
        handle = next((t.i for t in ent if t.text[:1] == "@" and len(t.text) > 1), None) if "@" in text else None
        if handle is not None:
            # "Twitter @IanHanchett": a social-media handle is no part of a name; what stands
            # before it is judged on its own (here the platform).
            before = doc[ent.start : handle]
            return self._correct(doc, Span(doc, before.start, before.end, label=ent.label_), person_tokens) if len(before) else []
        cut = next((t.i for t in ent if t.text == "("), None) if "(" in text else None
        if cut is not None:
            # "The World Health Organisation (WHO": the bracket ends the name; what follows
            # inside it is an acronym of its own.
            parts = [doc[ent.start : cut], doc[cut + 1 : ent.end]]
            return [Span(doc, p.start, p.end, label=ent.label_) for p in parts if len(p) and not all(t.is_punct for t in p)]
        entry = lookup(text)
        if entry is not None and entry.kind == "place" and not entry.curated and text in COMMON_WORD_PLACES:
            entry = None  # "Man of the Match" is not the city of Man
        if entry is not None:
            if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].lower_ in person_tokens:
                return [ent]
            return [_relabel(ent, entry)]
        # Only a mention holding a joiner's letters can have more than one part.
        parts = _split_on_joiners(ent) if "," in text or "&" in text or "and" in text.lower() else [ent]
        if len(parts) > 1:
            entries = [lookup(span_text(part)) for part in parts]
            if all(e is not None and e.kind in PLACE_KINDS for e in entries):
                return [_relabel(part, e) for part, e in zip(parts, entries)]
        return [ent]

    def _add_missing(self, doc: Doc, ents: list[Span], matches) -> list[Span]:
        by_token: dict[int, Span] = {}
        for ent in ents:
            for i in range(ent.start, ent.end):
                by_token[i] = ent
        added, replaced = [], set()
        for _, start, end in matches:
            span = doc[start:end]
            text = span_text(span)
            entry = lookup(text)
            if entry is None or not text[:1].isupper() and entry.kind not in ("group",):
                continue
            if entry.kind == "place" and not entry.curated and text in COMMON_WORD_PLACES:
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


def _outlet_first_words(doc: Doc, matches, person_tokens: set[str]) -> set[str]:
    """First words of the outlets' names the article writes in full ("Fox" of "Fox News",
    "Drudge" of "Drudge Report"): alone, and tagged a person, they are the outlet's short
    form, unless the article names a person with that word ("Michael Bloomberg") or the word
    is a place ("Washington" of "Washington Post")."""
    words = set()
    for _, start, end in matches:
        if end - start < 2 or not doc[start].text[:1].isupper() or doc[start].lower_ in person_tokens:
            continue
        entry = lookup(doc[start:end].text)
        if entry is not None and entry.source.startswith(MEDIA_SOURCE) and lookup(doc[start].text) is None:
            words.add(doc[start].text)
    return words


def _person_words(ent: Span) -> list:
    """The words of a multi-word person's name, up to a social-media handle ("Twitter @IanHanchett"
    is no person named Twitter); none for a one-word name."""
    words = []
    for token in ent:
        if token.text[:1] == "@":
            break
        words.append(token)
    return words if len(words) > 1 else []


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


@Language.factory(
    "analystkit_places",
    default_config={"add_missing": True, "aliases": ""},
    requires=["doc.ents", "token.tag"],
    assigns=["doc.ents", "doc.spans"],
)
def make_place_corrector(nlp: Language, name: str, add_missing: bool, aliases: str) -> PlaceCorrector:
    """Gazetteer corrections of entity labels. ``add_missing``: add gazetteer places the model
    missed; ``aliases``: the analyst's alias CSV the gazetteer reads ("" for the kit's own only)."""
    use_user_aliases(aliases)
    return PlaceCorrector(nlp, name, add_missing=add_missing)


__all__ = ["COMMON_WORD_PLACES", "NOT_NAMES", "PLACE_KINDS", "PlaceCorrector", "make_place_corrector"]

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

from importlib import resources

import numpy

from spacy.attrs import ORTH, SENT_START, TAG
from spacy.language import Language
from spacy.strings import hash_string
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..actors.gazetteer import Entry, gazetteer, lookup, normalise
from ..actors.linking import ABBREVIATED_LABELS, ORGANISATION_HEADS, PORTFOLIO_WORDS, ROLE_NOUNS, TITLE_WORDS, TITLES_KEY, clean_mention, initials

PLACE_KINDS = frozenset({"place", "region", "state"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels that are never overridden by the gazetteer (numbers, dates...).
KEEP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_JOINERS = {"and", ",", "&"}
#: City names from GeoNames that are also common English words: they are places only
#: when the model itself tags them as places.
COMMON_WORD_PLACES = frozenset(
    line.strip() for line in resources.files("analystkit.data").joinpath("common_word_places.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
#: ``doc.spans`` keys: every gazetteer match, and the place names nested in longer names.
GAZETTEER_KEY = "analystkit_gazetteer"
NESTED_KEY = "analystkit_nested"
#: Entity labels whose names may contain a place ("University of Texas", "Medical Journal of Australia").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
#: Titles and transcript markers the model sometimes tags as names on their own.
NOT_NAMES = frozenset({
    "mr", "mrs", "ms", "dr", "q", "sen", "rep", "gen", "prof",
    # stage directions and turn labels of transcripts
    "laughter", "applause", "question", "crosstalk", "inaudible", "audio", "end", "moderator", "staff",
})


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
        person_tokens = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        matches = self.matcher(doc)
        doc.spans[GAZETTEER_KEY] = [doc[start:end] for _, start, end in matches]
        ents: list[Span] = []
        for ent in doc.ents:
            ents.extend(self._correct(doc, ent, person_tokens))
        if self.add_missing:
            ents = self._add_missing(doc, ents, matches)
        doc.ents = filter_spans(ents)
        return doc

    def _correct(self, doc: Doc, ent: Span, person_tokens: set[str]) -> list[Span]:
        if ent.label_ in KEEP_LABELS:
            return [ent]
        if normalise(ent.text).rstrip(".") in NOT_NAMES:
            return []  # "MR" of a transcript's "MR. SULLIVAN:", a lone "Q"
        if len(ent) > 1 and ent[0].text == "Q" and ent.label_ == "PERSON":
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)  # "Q Karine": a transcript's question marker
        cut = next((t.i for t in ent if t.text == "("), None)
        if cut is not None:
            # "The World Health Organisation (WHO": the bracket ends the name; what follows
            # inside it is an acronym of its own.
            parts = [doc[ent.start : cut], doc[cut + 1 : ent.end]]
            return [Span(doc, p.start, p.end, label=ent.label_) for p in parts if len(p) and not all(t.is_punct for t in p)]
        entry = lookup(ent.text)
        if entry is not None and entry.kind == "place" and not entry.curated and ent.text in COMMON_WORD_PLACES:
            entry = None  # "Man of the Match" is not the city of Man
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

    def _add_missing(self, doc: Doc, ents: list[Span], matches) -> list[Span]:
        by_token: dict[int, Span] = {}
        for ent in ents:
            for i in range(ent.start, ent.end):
                by_token[i] = ent
        added, replaced = [], set()
        for _, start, end in matches:
            span = doc[start:end]
            entry = lookup(span.text)
            if entry is None or not span[0].text[:1].isupper() and entry.kind not in ("group",):
                continue
            if entry.kind == "place" and not entry.curated and span.text in COMMON_WORD_PLACES:
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
       becomes PERSON (found or relabelled), even opening a sentence when the article
       never writes the word in lower case;
    2. a name tagged as an entity somewhere is tagged at its other, untagged
       occurrences too, with the label it carries most often;
    3. a name carrying several labels gets the most frequent one (ties: the
       first seen).

    Then titles and roles: a portfolio word tagged as an organisation inside a title
    ("Defence" in "Defence Minister") is dropped (:func:`title_fragments`); a person's
    title or role right before the name joins the name ("goalkeeper Mouez Hassen",
    :func:`extend_person_titles`); "the President" and an apposition ("Hernan Dario
    Gomez, Panama coach") become role mentions of a person (:func:`role_mentions`,
    :func:`appositive_roles`).
    """
    ents = [e for e in doc.ents if not is_title_fragment(e)]
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text[:1].isupper() and e[-1].is_alpha}
    ents = [part for e in ents for part in _split_after_surname(e, surnames)]
    votes: dict[str, dict[str, int]] = {}
    first: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    for e in ents:
        if e.label_ in _PROPAGATE:
            # "the Sea Org" also teaches "Sea Org" (as in "the Sea Org group").
            forms = [e, e[1:]] if len(e) > 1 and e[0].lower_ == "the" else [e]
            for form in forms:
                key = form.text
                words.setdefault(key, [t.text for t in form])
                votes.setdefault(key, {}).setdefault(e.label_, 0)
                votes[key][e.label_] += 1
                first.setdefault(key, e.label_)
    for name in surnames:
        words.setdefault(name, [name])
        votes.setdefault(name, {})["PERSON"] = votes.get(name, {}).get("PERSON", 0) + 1000
    best = {k: max(v.items(), key=lambda kv: (kv[1], kv[0] == first.get(k)))[0] for k, v in votes.items()}

    out: list[Span] = []
    for e in ents:
        label = best.get(e.text, e.label_) if e.label_ in _PROPAGATE else e.label_
        out.append(e if label == e.label_ else Span(doc, e.start, e.end, label=label))
    taken = {i for e in out for i in range(e.start, e.end)}
    candidates = {k: v for k, v in best.items() if k[:1].isupper() and len(k) > 1}
    if candidates:
        for name, start, end in _exact_matches(doc, {name: words[name] for name in candidates}):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            # A proper-noun tag, or a capitalised word inside a sentence (the small tagger
            # often calls a rare surname a common noun or even a verb).
            # An acronym the article tagged elsewhere counts anywhere ("WHO say…" opening a sentence).
            if not all(
                t.tag_ in ("NNP", "NNPS") or t.is_punct or (t.text[:1].isupper() and not t.is_sent_start and t.pos_ != "PRON")
                or (t.is_upper and t.is_alpha and len(t.text) > 1)
                for t in span
            ) and not (name in surnames and _only_capitalised(doc, span[0])):
                continue
            label = candidates[name]
            out.append(Span(doc, start, end, label=label))
            taken.update(range(start, end))
    out = extend_person_titles(with_defined_acronyms(doc, named_after_places(implied_acronyms(filter_spans(out)))))
    out.extend(role_mentions(doc, {i for e in out for i in range(e.start, e.end)}))
    out.extend(appositive_roles(out, {i for e in out for i in range(e.start, e.end)}))
    out.extend(repeated_names(doc, {i for e in out for i in range(e.start, e.end)}))
    doc.ents = extend_organisation_heads(filter_spans(out))
    doc.spans[NESTED_KEY] = nested_places(doc)
    return doc


def _title_case(sentence: Span) -> bool:
    """A headline in title case: no full stop at the end, and most of its words capitalised."""
    ending = [t for t in sentence if not t.is_space]
    if ending and ending[-1].text in (".", "!", "?", '"', "”"):
        return False
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


def _replaced(ents: list[Span], new: list[Span]) -> list[Span]:
    """``ents`` with ``new`` in place of every entity they overlap, in text order."""
    if not new:
        return ents
    covered = {i for span in new for i in range(span.start, span.end)}
    return sorted([e for e in ents if not any(i in covered for i in range(e.start, e.end))] + new, key=lambda e: e.start)


def _initials_of(ents: list[Span]) -> dict[str, set[str]]:
    """The initials (three or more) of the capitalised words of multi-word names, with the names' labels."""
    names: dict[str, set[str]] = {}
    for e in ents:
        if e.label_ in ABBREVIATED_LABELS and len(e) > 1 and sum(c.isupper() for c in e.text) >= 3:
            letters = initials(clean_mention(e.text))
            if len(letters) >= 3:
                names.setdefault(letters, set()).add(e.label_)
    return names


def implied_acronyms(ents: list[Span]) -> list[Span]:
    """An untagged all-capitals word spelling the initials of a name in the article is that name's.

    "New South Wales … NSW": the small model leaves many acronyms untagged. A word of
    three or more capital letters, tagged a proper noun and in no entity, whose letters
    are the initials of the capitalised words of exactly one multi-word name of the
    article takes that name's label; the actor linker joins it to the name.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    names = _initials_of(ents)
    if not names:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    hashes = numpy.array([hash_string(name) for name, labels in names.items() if len(labels) == 1], dtype="uint64")
    new = []
    for i in numpy.nonzero(numpy.isin(doc.to_array(ORTH), hashes))[0].tolist():
        t = doc[i]
        if i not in taken and t.tag_ in ("NNP", "NNPS") and t.is_upper and t.is_alpha:
            new.append(Span(doc, i, i + 1, label=next(iter(names[t.text]))))
    return sorted(ents + new, key=lambda e: e.start) if new else ents


#: Capitalised words that, before a place, make a longer place name rather than an
#: organisation's: compass points and regions ("Eastern Ukraine", "Greater London") and
#: the feature words of GeoNames' hydrographic, terrain and area classes ("Lake
#: Victoria", "Mount Hermon", "Port Sudan").
PLACE_PREFIXES = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern upper lower
    greater inner outer middle mainland metropolitan metro rural coastal downtown new old
    lake mount mt river gulf bay cape port fort saint st san santa sierra isle island islands
    sea ocean valley desert strait peninsula province county district region state city""".split()
)


def named_after_places(ents: list[Span]) -> list[Span]:
    """A proper-noun compound that ends in a place is an organisation named after it.

    "Food Standards Australia New Zealand", "Tourism Australia", "Air France": the
    small model tags only the place(s) and leaves the capitalised words before them
    untagged, so the body's statements would be counted as New Zealand's. When
    capitalised words the model did not tag, none of them a title or a place word
    (:data:`PLACE_PREFIXES`), form one compound with places that ends the chain, the
    whole run becomes an ORG, unless the gazetteer knows it as a place. A single such
    word opening a sentence is not enough, nor are words in a title-case headline:
    there any word may be capitalised ("Commissioner Represents Centre County"). The
    places stay findable as nested mentions (:func:`nested_places`).
    """
    if not ents:
        return ents
    doc = ents[0].doc
    owner = {i: e for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    for ent in ents:
        root = ent.root
        if ent.label_ != "GPE" or ent[0].lower_ == "the" or ent.start == 0:
            continue
        if root.dep_ == "compound" and root.head.i >= ent.end and doc[root.head.i].tag_ in ("NNP", "NNPS"):
            continue  # not the end of the name: "Australia" in "… Australia New Zealand"
        start, plain, i = ent.start, 0, ent.start - 1
        while i >= 0:
            token = doc[i]
            if not (token.dep_ == "compound" and start <= token.head.i < ent.end and token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()):
                break
            other = owner.get(i)
            if other is not None:
                if other.label_ != "GPE" or other.end != start:
                    break
                i, start = other.start - 1, other.start
                continue
            if token.lower_ in PLACE_PREFIXES or token.lower_ in TITLE_WORDS or token.lower_ in ROLE_NOUNS or token.lower_ in NOT_NAMES or len(token) < 2 or not token.is_alpha:
                break
            plain += 1
            i, start = i - 1, i
        if not plain or start in owner or lookup(doc[start : ent.end].text) is not None:
            continue
        if plain == 1 and doc[start].is_sent_start or doc.has_annotation("SENT_START") and _title_case(doc[start].sent):
            continue  # any word may be capitalised there ("Commissioner Represents Centre County")
        new.append(Span(doc, start, ent.end, label="ORG"))
    return _replaced(ents, new)


#: Lower-case words allowed inside a name an acronym abbreviates ("Union of … and …").
_ACRONYM_GLUE = frozenset({"of", "and", "for", "the", "de", "di", "del", "della", "des", "du", "la", "le", "&"})


def defined_acronym(doc: Doc, paren: int) -> tuple[int, int] | None:
    """The words an acronym in brackets abbreviates: "Movimento 5 Stelle (M5S)".

    ``paren`` is the index of the "(" before the acronym. Walking back from the word
    before the bracket, each capitalised word or number must start with the
    acronym's next letter from the end (lower-case joining words are skipped), the
    way Schwartz & Hearst (2003) match short and long forms. An acronym of three
    letters or more may also spell the words' initials in another order: it
    abbreviates the name in its own language, and the article gives a translation
    ("Union of Rationalist Atheists and Agnostics (UAAR)"). Returns the token range
    of the long form, or ``None``.
    """
    if paren < 1 or paren + 2 >= len(doc) or doc[paren + 2].text != ")":
        return None
    short = doc[paren + 1].text
    if not (2 <= len(short) <= 8 and short.isalnum() and short.upper() == short and any(c.isalpha() for c in short)):
        return None
    letters = short.lower()
    words: list[int] = []  # the capitalised words (and numbers) before the bracket, last first
    i = paren - 1
    while i >= 0 and len(words) < len(letters) and paren - i <= 2 * len(short) + 2:
        token = doc[i]
        if token.lower_ in _ACRONYM_GLUE and token.is_lower:
            i -= 1
            continue
        if not (token.text[:1].isupper() or token.text[:1].isdigit()):
            return None
        words.append(i)
        i -= 1
    if len(words) != len(letters) or doc[words[-1]].lower_ in _ACRONYM_GLUE:
        return None
    initials = [doc[w].lower_[0] for w in reversed(words)]
    # In order, or in another order when the acronym is of the name in its own language:
    # UAAR (Unione degli Atei e degli Agnostici Razionalisti) for "Union of Rationalist
    # Atheists and Agnostics".
    if initials == list(letters) or (len(letters) >= 3 and sorted(initials) == sorted(letters)):
        return (words[-1], paren)
    return None


def defining_long_form(doc: Doc, paren: int) -> tuple[int, int, int] | None:
    """An acronym followed, a few words on, by its long form in brackets.

    "The FIRST Global competition (For Inspiration and Recognition of Science and
    Technology)": the bracket holds capitalised words (and lower-case joining
    words) whose initials, in order, spell an all-capitals word among the three
    before the bracket: Schwartz & Hearst's "short form (long form)" pattern, with
    the short form allowed to modify a noun. Returns ``(acronym, long_start,
    long_end)`` token indices, or ``None``.
    """
    close = next((j for j in range(paren + 1, min(len(doc), paren + 20)) if doc[j].text == ")"), None)
    if close is None or close - paren < 3 or not doc[paren + 1].text[:1].isupper():
        return None
    words = doc[paren + 1 : close]
    if any(not (t.text[:1].isupper() or (t.lower_ in _ACRONYM_GLUE and t.is_lower)) for t in words):
        return None
    initials = "".join(t.text[0] for t in words if t.text[:1].isupper()).lower()
    sentence = doc[paren].sent.start if doc.has_annotation("SENT_START") else 0
    for i in range(paren - 1, max(sentence, paren - 4) - 1, -1):
        short = doc[i]
        if 2 <= len(short.text) <= 8 and short.is_upper and short.is_alpha and short.lower_ == initials:
            return (i, paren + 1, close)
    return None


def with_defined_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """A long form defined by an acronym in brackets is one organisation mention.

    The small model splits "Movimento 5 Stelle (M5S)" into a number and a person
    named Stelle; the brackets say it is one name. The long form becomes an ORG
    (the acronym's own label when it has one), replacing the entities inside it;
    the actor linker then joins the acronym to it. Persons ("Sergei Shoigu (SS)")
    are left alone. The other order, an acronym and then its long form in brackets
    (:func:`defining_long_form`), makes the long form an ORG and the acronym one
    wherever the article writes it.
    """
    if not len(doc):
        return ents
    orth = doc.to_array(ORTH)
    parens = [doc[i] for i in numpy.nonzero(orth == hash_string("("))[0].tolist()]
    if not parens:
        return ents
    by_start = {e.start: e for e in ents}
    new: list[Span] = []
    for token in parens:
        found = defined_acronym(doc, token.i)
        if found is None:
            continue
        start, end = found
        inside = [e for e in ents if e.start < end and e.end > start]
        if start > 0 and doc[start - 1].lower_ == "the" and any(e.start == start - 1 for e in inside):
            start -= 1  # the entity inside starts with "The": "The Union of … (UAAR)"
        if not _replaceable(inside, start, end) or len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
            continue
        short = by_start.get(token.i + 1)
        label = short.label_ if short is not None and short.label_ in ("ORG", "GPE", "NORP", "FAC") else "ORG"
        new.append(Span(doc, start, end, label=label))
    for token in parens:
        if any(e.start <= token.i < e.end for e in new):
            continue
        found_long = defining_long_form(doc, token.i)
        if found_long is None:
            continue
        short, start, end = found_long
        if not _replaceable([e for e in ents if e.start < end and e.end > start], start, end):
            continue
        new.append(Span(doc, start, end, label="ORG"))
        # The acronym is the organisation wherever the article writes it, unless it is
        # part of a longer name ("FIRST" tagged an ordinal, or nothing, by the model).
        for i in numpy.nonzero(orth == orth[short])[0].tolist():
            if not any(e.start <= i < e.end and len(e) > 1 for e in ents):
                new.append(Span(doc, i, i + 1, label="ORG"))
    return _replaced(ents, new)


def _replaceable(inside: list[Span], start: int, end: int) -> bool:
    """The entities inside a long form may give way to it: none reaches outside it, none is a full personal name."""
    return not any(e.label_ == "PERSON" and len(e) > 1 or e.start < start or e.end > end for e in inside)


def _only_capitalised(doc: Doc, token) -> bool:
    """A capitalised word the article never writes in lower case: "Rathbun requested…"
    opening a sentence (tagged a common noun) is still the surname; "Young people…" is
    not when the article also says "young"."""
    if not token.text[:1].isupper() or token.pos_ in ("PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX"):
        return False
    return not numpy.any(doc.to_array(ORTH) == hash_string(token.lower_))


def _split_after_surname(ent: Span, surnames: set[str]) -> list[Span]:
    """"According to Rathbun the Scientology property…" (a comma missing): a span that
    opens with a surname the article knows, then a lower-case "the", is two mentions."""
    if ent.label_ == "PERSON" or len(ent) < 3 or ent[0].text not in surnames or ent[1].text != "the":
        return [ent]
    return [Span(ent.doc, ent.start, ent.start + 1, label="PERSON"), Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)]


#: Nouns that head a title after a portfolio word ("Defence Minister", "Home Secretary").
TITLE_HEADS = frozenset({"minister", "ministers", "secretary", "secretaries", "commissioner", "spokesman", "spokeswoman", "spokesperson", "envoy", "chief", "adviser", "advisor", "ambassador", "general"})


def is_title_fragment(ent: Span) -> bool:
    """Portfolio words tagged as a name inside a title: "Defence" in "Defence Minister", "The Home" in "The Home Secretary"."""
    if ent.label_ == "PERSON" or ent.label_ in KEEP_LABELS:
        return False
    words = [t for t in ent if t.lower_ != "the"]
    if not words or not all(t.text[:1].isupper() and t.lower_ in PORTFOLIO_WORDS for t in words):
        return False
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.lower_ in TITLE_HEADS


def _is_role_token(token) -> bool:
    """A word of a person's title or role: a title word, or a lower-case common noun."""
    lower = token.lower_
    if lower in TITLE_WORDS or lower in PORTFOLIO_WORDS or lower in ROLE_NOUNS or lower in TITLE_HEADS:
        return True
    return token.tag_ == "NN" and token.is_alpha and token.is_lower and lower not in _NOT_ROLE_NOUNS


#: Lower-case nouns that are not a role when they precede a name ("the match Nabil…" never is).
_NOT_ROLE_NOUNS = frozenset({"year", "week", "day", "month", "time", "today", "tonight", "morning", "evening", "night", "statement", "interview", "report"})


def extend_person_titles(ents: list[Span]) -> list[Span]:
    """A person's title or role right before the name joins the mention.

    "goalkeeper Mouez Hassen", "co-founder Mark Zuckerberg", "Shadow Home Secretary
    Yvette Cooper", "Defence Minister Sergei Shoigu": the words before a PERSON
    entity that are title words or lower-case common nouns attached to the name in
    the parse (a compound of it, or the noun the name is in apposition to) become
    part of the mention; the actor linker strips them again for the name. Possessors
    and other entities ("Tunisia's", "Russian") stay outside.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    titles: list[Span] = []
    for ent in ents:
        start = ent.start
        if ent.label_ == "PERSON":
            members = set(range(ent.start, ent.end))
            title = _title_with_complement(doc, ent.start)
            if title is not None:
                titles.append(Span(doc, title, ent.start))
                members.update(range(title, ent.start))
                start = title
            i = start - 1
            while i >= 0 and i not in taken:
                token = doc[i]
                # "co" "-" "founder": the pieces of a hyphenated role word.
                glued = i + 1 in members and i + 1 < ent.start and (token.text == "-" or doc[i + 1].text == "-" and not token.whitespace_)
                attached = token.head.i in members or ent.root.head.i == i and ent.root.dep_ == "appos"
                # A capitalised title right before the name is the name's, whatever the
                # parse says ("from US President Barack Obama" parsed with "Barack" a preposition).
                adjacent_title = i == start - 1 and token.text[:1].isupper() and (token.lower_ in TITLE_WORDS or token.lower_ in TITLE_HEADS)
                if not (glued or adjacent_title or (_is_role_token(token) and attached)):
                    break
                members.add(i)
                start = i
                i -= 1
            while start < ent.start and not doc[start].is_alpha:
                start += 1
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_))
    if titles:
        # The title's complement is no mention of its own: "State" in "Secretary of State".
        inside = {i for t in titles for i in range(t.start, t.end)}
        out = [e for e in out if not (e.label_ != "PERSON" and inside.issuperset(range(e.start, e.end)))]
        doc.spans[TITLES_KEY] = titles
    return out


#: Prepositions joining a title to its complement: "Secretary of State", "Ambassador to Ukraine".
_TITLE_PREPOSITIONS = frozenset({"of", "to", "for"})
#: Titles that head a complement ("Minister of Defence", "Chancellor of Germany").
_TITLE_NOUNS = TITLE_HEADS | ROLE_NOUNS | {"chancellor", "king", "queen", "prince", "princess", "premier", "judge", "justice", "commander", "emir"}
#: Titles a person holds in their own right: right after the preposition they are the
#: name's title, not the complement ("Secretary of Labor for President Barack Obama").
_PERSONAL_TITLES = frozenset({"president", "prime", "king", "queen", "prince", "princess", "pope", "senator", "governor", "chancellor", "premier"})


def _title_with_complement(doc: Doc, name: int) -> int | None:
    """Where a title with a capitalised complement right before a name starts.

    "Secretary of State Antony Blinken", "Minister of Foreign Affairs Dmytro Kuleba",
    "Ambassador to the United States Hamdullah Mohib": a capitalised title word, "of",
    "to" or "for", then capitalised words (with "the" and "and"; a complement of their
    own, as in "Secretary of State for European Affairs") ending right before the
    name, ten words at most. Returns the title word's index, or ``None``.
    """
    j, capitalised = name - 1, 0
    while j > 0 and name - j <= 10:
        token = doc[j]
        if token.lower_ in _TITLE_PREPOSITIONS and token.is_lower:
            title = doc[j - 1]
            if not capitalised or not title.text[:1].isupper() or doc[j + 1].lower_ in _PERSONAL_TITLES:
                return None  # "Secretary of Labor for President Barack Obama": the name's own title
            if title.lower_ in _TITLE_NOUNS:
                k = j - 2 if j >= 2 and doc[j - 2].lower_ != "the" else j - 3
                if k > 0 and doc[k].lower_ in _TITLE_PREPOSITIONS and doc[k].is_lower:
                    j = k  # "Adviser to the Secretary of State X": the title is a complement too
                    continue
                return j - 1
            # "Secretary of State for Western Hemisphere Affairs": the complement has its own.
        elif token.text[:1].isupper() and token.is_alpha:
            capitalised += 1
        elif not (token.lower_ in ("the", "and") and token.is_lower):
            return None
        j -= 1
    return None


def extend_organisation_heads(ents: list[Span]) -> list[Span]:
    """An organisation's name and the generic noun it modifies are one mention.

    "the Scientology organization", "the M5S party": an ORG (or a LOC the gazetteer
    does not know: the small model often calls a movement a place) that is a compound
    of the lower-case noun right after it, from :data:`ORGANISATION_HEADS`, takes that
    noun in and is labelled ORG, and so are the name's other mentions in the article;
    the actor linker drops the noun again for the actor's name.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    named: set[str] = set()
    for ent in ents:
        if _heads_organisation_noun(ent) and ent.end not in taken:
            named.add(_without_the(ent).text)
            ent = Span(doc, ent.start, ent.end + 1, label="ORG", kb_id=ent.kb_id_)
        out.append(ent)
    if not named:
        return out
    # The generic noun says what the name is, whatever the model called its other
    # mentions ("Scientology" tagged a place elsewhere in the article).
    return [
        Span(doc, e.start, e.end, label="ORG", kb_id=e.kb_id_)
        if e.label_ in ("LOC", "GPE", "NORP", "FAC") and _without_the(e).text in named and lookup(e.text) is None
        else e
        for e in out
    ]


def _without_the(ent: Span) -> Span:
    return ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent


def _heads_organisation_noun(ent: Span) -> bool:
    """A name that is a compound of the generic organisation noun right after it ("Scientology organization")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        after is not None and ent.label_ in ("ORG", "LOC")
        and after.is_lower and after.lower_ in ORGANISATION_HEADS and ent.root.head.i == after.i
        and ent.root.dep_ == "compound" and (ent.label_ == "ORG" or lookup(ent.text) is None)
    )


def appositive_roles(ents: list[Span], taken: set[int]) -> list[Span]:
    """A role in apposition to a named person is a mention of that person.

    "Hernan Dario Gomez, Panama coach, said…", "Kendrick Moxon, a Scientology
    attorney", "the president of the Lombardy region, Roberto Maroni,", "Cres
    Eastman, Director of the study and Chairman of the Centre": the noun heading the
    apposition (with its role-word modifiers; a name inside it — "Panama" — stays a
    mention of its own) becomes a PERSON mention; the actor linker gives it the
    person's actor. Only singular common nouns and title words, and roles coordinated
    with them.
    """
    found = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        root = ent.root
        candidates = [t for t in root.children if t.dep_ == "appos" and t.i >= ent.end]
        if root.dep_ == "appos" and root.head.i < ent.start:
            candidates.append(root.head)
        candidates += [c for t in list(candidates) for c in t.children if c.dep_ == "conj"]
        for token in candidates:
            if token.i in taken or not _is_role_token(token) or token.tag_ not in ("NN", "NNP"):
                continue
            start = token.i
            while start - 1 >= 0 and start - 1 not in taken and _is_role_modifier(ent.doc[start - 1], token):
                start -= 1
            found.append(Span(ent.doc, start, token.i + 1, label="PERSON"))
            taken.update(range(start, token.i + 1))
    return found


def _is_role_modifier(token, head) -> bool:
    """A compound or adjective of ``head`` that is a role word itself ("vice president")."""
    return token.head.i == head.i and token.dep_ in ("compound", "amod") and _is_role_token(token)


def _exact_matches(doc: Doc, phrases: dict[str, list[str]]) -> list[tuple[str, int, int]]:
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


_NOT_NAME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday i""".split()
)


def repeated_names(doc: Doc, taken: set[int]) -> list[Span]:
    """A capitalised proper noun the model never tagged but the article repeats is a name.

    Rare brand and organisation names ("Budweiser", "Tasmania") are often missed by the
    small model. A single-word proper noun (tagged NNP, capitalised or a short acronym,
    not a speaker label, month, day or title) that occurs at least twice inside sentences and is never
    tagged becomes an ORG entity: the label is a guess, the mention is not.
    """
    if not len(doc):
        return []
    tags = doc.to_array(TAG)
    nnp, nnps = hash_string("NNP"), hash_string("NNPS")
    proper = (tags == nnp) | (tags == nnps)
    starts = doc.to_array(SENT_START)
    # Tagged NNP, not opening a sentence, not next to another proper noun (part of a
    # longer name the model did not tag: leave it alone).
    keep = (tags == nnp) & (starts != 1)
    keep[0] = False
    keep[1:] &= ~proper[:-1]
    keep[:-1] &= ~proper[1:]
    counts: dict[str, list[int]] = {}
    for i in numpy.nonzero(keep)[0].tolist():
        if i in taken:
            continue
        token = doc[i]
        text = token.text
        if not text.isalnum() or not text[:1].isupper() or token.lower_ in _NOT_NAME_WORDS or len(text) < 3:
            continue
        if token.is_upper and (len(text) > 6 or i + 1 < len(doc) and doc[i + 1].text in (":", ".")):
            continue  # a transcript's speaker label ("SULLIVAN:"), not an acronym
        counts.setdefault(text, []).append(i)
    repeated = [text for text, positions in counts.items() if len(positions) >= 2]
    if not repeated:
        return []
    written = set(doc.to_array(ORTH).tolist())
    # A word also written in lower case in the article is a common word ("Budget" / "budget").
    lowercase = {text.lower() for text in repeated if hash_string(text.lower()) in written and text.lower().islower()}
    found = []
    for text, positions in counts.items():
        if len(positions) >= 2 and text.lower() not in lowercase:
            found.extend(Span(doc, i, i + 1, label="ORG") for i in positions)
    return found


#: Capitalised titles that, after "the", refer to one person ("The President said").
ROLE_TITLES = (
    ("President",), ("Vice", "President"), ("Prime", "Minister"), ("Chancellor",), ("Pope",),
    ("Foreign", "Minister"), ("Defence", "Minister"), ("Defense", "Minister"), ("Home", "Secretary"),
    ("Foreign", "Secretary"), ("Secretary", "of", "State"), ("Secretary", "of", "Defense"),
    ("Defense", "Secretary"), ("Attorney", "General"), ("Speaker",), ("Premier",), ("Governor",), ("Mayor",),
)


_ROLE_FIRST_WORDS = frozenset(title[0] for title in ROLE_TITLES)
_ROLES_LONGEST_FIRST = sorted(ROLE_TITLES, key=len, reverse=True)


def _positions_of(doc: Doc, words: tuple[str, ...]) -> list[int]:
    """Indices of the tokens written exactly as one of ``words`` (vectorised over the Doc)."""
    orth = doc.to_array(ORTH)
    ids = [doc.vocab.strings.add(w) for w in words]
    return numpy.nonzero(numpy.isin(orth, numpy.array(ids, dtype=orth.dtype)))[0].tolist()


def role_mentions(doc: Doc, taken: set[int]) -> list[Span]:
    """"The President", "the Prime Minister's": a capitalised title after "the" names a person.

    The actor linker resolves it to the person the article introduced with that title.
    """
    found = []
    n = len(doc)
    for i in _positions_of(doc, ("the", "The")):
        if i + 1 >= n or doc[i + 1].text not in _ROLE_FIRST_WORDS:
            continue
        for title in _ROLES_LONGEST_FIRST:
            end = i + 1 + len(title)
            if end <= n and tuple(t.text for t in doc[i + 1 : end]) == title and not any(j in taken for j in range(i + 1, end)):
                following = doc[end] if end < len(doc) else None
                if following is not None and following.tag_ in ("NNP", "NNPS") and following.text not in ("'s", "’s"):
                    break  # "the President Biden": a title before a name, not a role mention
                if following is not None and following.lower_ == "of":
                    break  # "the President of France": not about one known person
                found.append(Span(doc, i + 1, end, label="PERSON"))
                break
    return found


def nested_places(doc: Doc) -> list[Span]:
    """Names inside longer names: "Texas" in "University of Texas Arlington".

    Two kinds: gazetteer places, and names the same article also uses on their own
    ("Google" in "the Google Science Fair" when "Google" is an entity elsewhere).

    spaCy's entities are flat, so the place a name contains is not an entity of its
    own. These nested mentions are kept apart (``doc.spans["analystkit_nested"]``,
    and ``nested=True`` in the entities table): a search for a place finds them, but
    they do not count as the place acting or being mentioned in its own right.
    """
    ents = list(doc.ents)
    containers = [e for e in ents if e.label_ in CONTAINER_LABELS]
    if not containers:
        return []
    holder_of: dict[int, Span] = {}
    for e in containers:
        for i in range(e.start, e.end):
            holder_of[i] = e
    found = []
    for span in doc.spans[GAZETTEER_KEY] if GAZETTEER_KEY in doc.spans else []:
        holder = holder_of.get(span.start)
        if holder is None or span.end > holder.end or (holder.start, holder.end) == (span.start, span.end):
            continue
        entry = lookup(span.text)
        if entry is None or entry.kind not in PLACE_KINDS or not span[0].text[:1].isupper():
            continue
        if not all(t.tag_ in ("NNP", "NNPS") or t.is_punct for t in span):
            continue
        found.append(Span(doc, span.start, span.end, label=entry.label if entry.label in PLACE_LABELS else "GPE", kb_id=entry.actor))
    # Names the article also uses on their own: "Google" in "the Google Science Fair".
    known = {}
    for e in ents:
        if e.label_ in _PROPAGATE and e.label_ not in CONTAINER_LABELS - {"ORG"} and e.text[:1].isupper():
            known.setdefault(tuple(t.text for t in e), e.label_)
    # ... and their initials: "NSW" in "the University of NSW" after "New South Wales".
    for letters, labels in _initials_of(ents).items():
        if len(labels) == 1:
            known.setdefault((letters,), next(iter(labels)))
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, label in known.items():
        by_first.setdefault(name[0], []).append((name, label))
    for holder in containers:
        words = [t.text for t in holder]
        for k, word in enumerate(words):
            for name, label in by_first.get(word, ()):
                n = len(name)
                if n < len(words) and k + n <= len(words) and tuple(words[k : k + n]) == name:
                    found.append(Span(doc, holder.start + k, holder.start + k + n, label=label))
    return filter_spans(found)


@Language.component("analystkit_consistency")
def consistency_component(doc: Doc) -> Doc:
    return make_consistent(doc)

"""Names inside longer names (part of ``analystkit_consistency``): "Texas" in "University of Texas".

Kept apart from ``doc.ents`` in ``doc.spans["analystkit_nested"]`` and as ``nested=True``
rows of the entities table: a search for a place finds them, but they are not the place
acting or being mentioned in its own right.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..vocab.gazetteer import lookup
from ..vocab.labels import ACTOR_LABELS, CONTAINER_LABELS, PLACE_LABELS
from .acronyms import initials_of_names
from .doc import span_text
from .places import PLACE_KINDS
from .spans import GAZETTEER_KEY


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
        text = span_text(span)
        entry = lookup(text)
        if entry is None or entry.kind not in PLACE_KINDS or not text[:1].isupper():
            continue
        if not all(t.tag_ in ("NNP", "NNPS") or t.is_punct for t in span):
            continue
        found.append(Span(doc, span.start, span.end, label=entry.label if entry.label in PLACE_LABELS else "GPE", kb_id=entry.actor))
    # Names the article also uses on their own: "Google" in "the Google Science Fair".
    strings, orth = doc.vocab.strings, doc.to_array(ORTH).tolist()  # the words, without a Token per word
    known = {}
    for e in ents:
        if e.label_ in ACTOR_LABELS and e.label_ not in CONTAINER_LABELS - {"ORG"} and span_text(e)[:1].isupper():
            known.setdefault(tuple(strings[h] for h in orth[e.start : e.end]), e.label_)
    # ... and their initials: "NSW" in "the University of NSW" after "New South Wales".
    for letters, labels in initials_of_names(ents).items():
        if len(labels) == 1:
            known.setdefault((letters,), next(iter(labels)))
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, label in known.items():
        by_first.setdefault(name[0], []).append((name, label))
    for holder in containers:
        words = [strings[h] for h in orth[holder.start : holder.end]]
        for k, word in enumerate(words):
            for name, label in by_first.get(word, ()):
                n = len(name)
                if n < len(words) and k + n <= len(words) and tuple(words[k : k + n]) == name:
                    found.append(Span(doc, holder.start + k, holder.start + k + n, label=label))
    return filter_spans(found)


__all__ = ["nested_places"]

"""The ``actions`` table: who did what to whom, from the dependency parse.

One row per verb that has an agent or a patient: ``article_id, sentence_id,
start, end, text`` (the verb with its particles: "blew up"; a particle after the
object makes the span "blew the bridges up"), ``action`` (the verb's lemma with its
particles: "blow up"), ``agent, agent_text, agent_start, agent_end,
agent_is_actor``, ``patient, patient_text, patient_start, patient_end,
patient_is_actor``, ``negated``, ``hedged``, ``voice`` (active / passive).

``agent`` / ``patient`` is the canonical actor the phrase stands for when it
stands for one (:func:`analystkit.nlp.mentions.phrase_actor`: "Russian
troops" → Russia, "He" → Shoigu), else the phrase as a short label ("bridges",
"east bank"); ``*_is_actor`` tells which. A missing agent or patient has an
empty text and offsets ``-1``.

How the agent and patient are found (spaCy's ClearNLP-style dependencies):

* **active**: agent = subject (``nsubj``), patient = direct object (``dobj``);
* **passive**: patient = passive subject (``nsubjpass``), agent = the ``by``
  phrase (``agent`` → ``pobj``): "bridges were blown up by Russian troops" →
  (Russia, blow up, bridges); a passive without ``by`` has no agent;
* **coordination**: a ``conj`` verb without its own subject shares its first
  verb's subject (and voice and negation): "laid mines and blew up bridges" → two
  actions of the same agent;
* **xcomp chains**: the understood subject of an infinitive is the governing
  verb's object when it has one ("ordered its troops to withdraw" → the troops
  withdraw), else its subject ("wanted to leave");
* **participial adjuncts** (``advcl`` -ing/-ed without a subject) share the main
  clause's subject ("…, surrendering the capital");
* **relative clauses**: the relative pronoun stands for the noun the clause
  modifies ("the Russians, who have been placed …" → patient Russians; "the
  bridges that Ukrainians targeted" → patient bridges); a reduced relative
  (``acl`` past participle: "bridges targeted by Ukraine") is passive with the
  noun as patient;
* **pronouns** (he, she, it, they, its, their) are resolved within the article
  by :func:`analystkit.nlp.pronouns.resolve_from_subjects`: the most recent
  subject actor that fits, within three sentences, else the most recent fitting
  entity; a they/their looks in its own sentence first. Groups described without
  a name count ("The six-member Afghan team … They were denied visas" → agent
  "Afghan team", ``agent_is_actor`` False: :func:`pronoun_antecedents`).

``negated``: the verb (or, for a coordinated verb without its own auxiliary, the
first verb) has a negation ("did not capture", "never").

``hedged`` (rule): True when a cue of the ``hedges`` table lies in the action's
clause — the verb, its own dependents (not its embedded clauses: a ``could`` in
what someone *said* does not hedge the saying) and, for a verb governed through
``xcomp`` / ``conj``, the governing verb's clause ("was likely to take" hedges
"take"). ``None`` when the hedges table was not extracted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import replace

import numpy
from spacy.attrs import DEP, IS_ALPHA, POS
from spacy.symbols import NOUN, PRON, VERB
from spacy.tokens import Doc, Span, Token

from ..nlp.doc import ArticleDoc, TokenTable, doc_ents, doc_text, span_text, token_table
from ..nlp.mentions import (
    entity_of,
    group_description,
    is_person,
    is_plural,
    phrase_actor,
    phrase_label,
    phrase_span,
)
from ..nlp.pronouns import RELATIVE, Antecedent, is_location, resolve_from_subjects
from ..nlp.speakers import bare_role_holder
from ..vocab.labels import COLLECTIVE_LABELS
from ..vocab.nouns import group_nouns

#: The table this module writes, and the tables whose rows it reads (:mod:`analystkit.extract`).
TABLE = "actions"
REQUIRES: tuple[str, ...] = ("hedges",)

#: Dependents that open an embedded clause (not part of the verb's own clause).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp", "conj", "csubj", "csubjpass"})
#: Verbs that never head an action of their own (copulas and light auxiliaries).
NOT_ACTIONS = frozenset({"be"})
RELATIVE_PRONOUNS = RELATIVE


def extract_actions(article: ArticleDoc) -> list[dict]:
    """One row per agent–action–patient of the article (see the module docstring)."""
    doc = article.doc
    antecedents = pronoun_antecedents(article)
    described = frozenset(a.actor for a in antecedents if a.described)
    hedges = _Hedges(article.rows["hedges"])

    def resolve_for(token: Token) -> str:
        return resolve_from_subjects(token, antecedents, sentence=article.sentence_id_at(token.idx))

    holders: dict[tuple[str, str], str] = {}

    def holder_of(actor: str, mention: str) -> str:
        """A bare role ("the President") is the person the heading or article names with it, as in the
        entities table (:func:`~analystkit.nlp.speakers.bare_role_holder`); any other actor is itself."""
        if (actor, mention) not in holders:
            holders[(actor, mention)] = bare_role_holder(actor, mention, doc, article.meta)
        return holders[(actor, mention)]

    rows = []
    candidates = _verb_candidates(doc)
    table = article.tokens
    lemma, dep = table.lemma, table.dep
    for sentence in article.sentences:
        span = sentence.span
        bounds: list[tuple[int, int]] = []  # the verbs' spaCy sentence, computed once per sentence
        first = bisect_left(candidates, span.start)
        for i in candidates[first : bisect_left(candidates, span.end, first)]:
            # _is_action_verb over the token table: the candidates are alphabetic VERBs already.
            if lemma[i] in NOT_ACTIONS or dep[i] in _NOT_ACTION_DEPS:
                continue
            agent, patient, voice = _agent_and_patient(table, i)
            if agent is None and patient is None:
                continue
            row = {
                "article_id": article.article_id,
                "sentence_id": sentence.sentence_id,
                **_verb_span(table, i),
                "action": _action_lemma(table, i),
                **_role("agent", None if agent is None else doc[agent], resolve_for, described, holder_of),
                **_role("patient", None if patient is None else doc[patient], resolve_for, described, holder_of),
                "negated": _negated(table, i),
                "hedged": _hedged(doc[i], hedges, bounds),
                "voice": voice,
            }
            rows.append(row)
    return rows


# --------------------------------------------------------------------------- verbs
# The rules read the Doc's token table (:class:`~analystkit.nlp.doc.TokenTable`: plain lists by
# token index) instead of spaCy Tokens; the public functions take a Token and say the same.
def _verb_candidates(doc: Doc) -> list[int]:
    """Indices of alphabetic VERB tokens, found over the Doc's arrays (no Token objects)."""
    if not len(doc):
        return []
    arr = doc.to_array([POS, IS_ALPHA])
    return numpy.nonzero((arr[:, 0] == VERB) & (arr[:, 1] == 1))[0].tolist()


#: Adjectival participles ("US-supplied howitzers") and predicative ones ("was concerned").
_NOT_ACTION_DEPS = ("amod", "acomp", "compound")


def _is_action_verb(token: Token) -> bool:
    if token.pos_ != "VERB" or not token.is_alpha or token.lemma_.lower() in NOT_ACTIONS:
        return False
    return token.dep_ not in _NOT_ACTION_DEPS


def action_lemma(verb: Token) -> str:
    """The verb's lemma with its particles: "blew up" → "blow up"."""
    return _action_lemma(token_table(verb.doc), verb.i)


def _action_lemma(t: TokenTable, i: int) -> str:
    dep, lower = t.dep, t.lower
    return " ".join([t.lemma[i], *(lower[c] for c in t.children[i] if dep[c] == "prt")])


def _verb_span(t: TokenTable, i: int) -> dict:
    dep, idx, length = t.dep, t.idx, t.length
    tokens = [i, *(c for c in t.children[i] if dep[c] == "prt")]
    start = min(idx[k] for k in tokens)
    end = max(idx[k] + length[k] for k in tokens)
    return {"start": start, "end": end, "text": doc_text(t.doc)[start:end]}


def is_negated(verb: Token) -> bool:
    """A negation on the verb, or on the verb it is coordinated with when it shares its auxiliaries."""
    return _negated(token_table(verb.doc), verb.i)


def _negated(t: TokenTable, i: int) -> bool:
    dep, kids = t.dep, t.children[i]
    if any(dep[c] == "neg" for c in kids):
        return True
    own_aux = any(dep[c] in ("aux", "auxpass", "nsubj", "nsubjpass") for c in kids)
    head = t.head[i]
    if dep[i] == "conj" and not own_aux and t.pos[head] in ("VERB", "AUX"):
        return _negated(t, head)
    return False


def is_passive(verb: Token) -> bool:
    return _passive(token_table(verb.doc), verb.i)


def _passive(t: TokenTable, i: int) -> bool:
    dep, tag, kids = t.dep, t.tag, t.children[i]
    if any(dep[c] in ("nsubjpass", "auxpass", "agent") for c in kids):
        return True
    if dep[i] == "acl" and tag[i] == "VBN":
        return True
    own = any(dep[c] in ("nsubj", "aux") for c in kids)
    head = t.head[i]
    return dep[i] == "conj" and not own and tag[i] == "VBN" and t.pos[head] == "VERB" and _passive(t, head)


# --------------------------------------------------------------------------- roles
def agent_and_patient(verb: Token) -> tuple[Token | None, Token | None, str]:
    """The head tokens of the verb's agent and patient, and its voice."""
    doc = verb.doc
    agent, patient, voice = _agent_and_patient(token_table(doc), verb.i)
    return (None if agent is None else doc[agent]), (None if patient is None else doc[patient]), voice


def _agent_and_patient(t: TokenTable, i: int) -> tuple[int | None, int | None, str]:
    dep, children = t.dep, t.children
    passive = _passive(t, i)
    subject = _subject(t, i)
    if passive:
        by = next((g for c in children[i] if dep[c] == "agent" for g in children[c] if dep[g] == "pobj"), None)
        return by, subject, "passive"
    obj = next((c for c in children[i] if dep[c] in ("dobj", "obj")), None)
    if obj is not None:
        obj = _through_relative(t, obj)
    # "the bridges that Ukrainians targeted": the relative pronoun object is the noun.
    if obj is None and dep[i] == "relcl":
        rel = next((c for c in children[i] if t.lower[c] in RELATIVE_PRONOUNS and dep[c] in ("dobj", "pobj")), None)
        if rel is not None:
            obj = t.head[i]
    return subject, obj, "active"


def _through_relative(t: TokenTable, j: int) -> int:
    """A relative pronoun stands for the noun its clause modifies."""
    head = t.head[j]
    if t.lower[j] in RELATIVE_PRONOUNS and t.tag[j] in ("WP", "WDT") and t.dep[head] in ("relcl", "acl"):
        return t.head[head]
    return j


def _subject(t: TokenTable, i: int, depth: int = 0) -> int | None:
    """The (understood) subject of a verb: its own, or through coordination, control, relatives."""
    if depth > 6:
        return None
    dep, tag, pos = t.dep, t.tag, t.pos
    own = next((c for c in t.children[i] if dep[c] in ("nsubj", "nsubjpass")), None)
    if own is not None:
        if t.lower[own] in RELATIVE_PRONOUNS and dep[i] == "relcl":
            return t.head[i]
        if dep[own] == "nsubj" and tag[own] == "EX":  # "there were reports"
            return None
        return own
    head = t.head[i]
    if dep[i] == "conj" and pos[head] in ("VERB", "AUX") and head != i:
        return _subject(t, head, depth + 1)
    if dep[i] in ("xcomp", "ccomp") and pos[head] in ("VERB", "AUX"):
        obj = next((c for c in t.children[head] if dep[c] in ("dobj", "obj")), None)
        if obj is not None and dep[i] == "xcomp":
            return obj
        if dep[i] == "xcomp":
            return _subject(t, head, depth + 1)
    if dep[i] == "advcl" and tag[i] in ("VBG", "VBN") and pos[head] in ("VERB", "AUX"):
        return _subject(t, head, depth + 1)
    if dep[i] == "acl" and tag[i] == "VBN":
        return head  # reduced relative: "bridges targeted by Ukraine"
    return None


def _role(name: str, head: Token | None, resolve, described: frozenset[str] = frozenset(), holder=None) -> dict:
    if head is None:
        return {name: "", f"{name}_text": "", f"{name}_start": -1, f"{name}_end": -1, f"{name}_is_actor": False}
    span = phrase_span(head)
    actor = phrase_actor(head, resolve=resolve)
    if actor and holder is not None:
        ent = entity_of(head)
        actor = holder(actor, span_text(ent) if ent is not None else actor)
    start, end = span.start_char, span.end_char
    return {
        name: actor or phrase_label(span),
        f"{name}_text": doc_text(head.doc)[start:end],
        f"{name}_start": start,
        f"{name}_end": end,
        # A pronoun standing for a described group ("they" → "Afghan team") names it, but
        # the group is not a canonical actor.
        f"{name}_is_actor": bool(actor) and not (head.pos_ == "PRON" and actor in described),
    }


# --------------------------------------------------------------------------- pronouns
def pronoun_antecedents(article: ArticleDoc) -> list[Antecedent]:
    """Candidates for later pronouns, in text order.

    Subjects (``nsubj`` / ``nsubjpass``, not pronouns) that stand for an actor or
    describe a group (:func:`~analystkit.nlp.mentions.group_description`), then, as
    non-subject candidates, the organisations, states and groups named anywhere else
    (not places named as locations) and the groups described anywhere else. A bare
    description ("the team") takes the name of the richer one with the same noun
    mentioned most often so far ("the six-member Afghan team" → "Afghan team");
    without one it names no one and is no candidate.
    """
    doc = article.doc
    if not len(doc):
        return []
    arr = doc.to_array([DEP, POS])
    subject_ids = numpy.array([doc.vocab.strings.add("nsubj"), doc.vocab.strings.add("nsubjpass")], dtype=arr.dtype)
    subjects = numpy.isin(arr[:, 0], subject_ids)
    found: dict[int, Antecedent] = {}
    for i in numpy.nonzero(subjects & (arr[:, 1] != PRON))[0].tolist():
        token = doc[i]
        actor = phrase_actor(token)
        described = not actor
        actor = actor or group_description(token)
        if actor:
            found[i] = Antecedent(i, article.sentence_id_at(token.idx), actor, is_person(token), is_plural(token), True, described)
    for ent in doc_ents(doc):
        root = ent.root
        if root.i in found or ent.label_ not in COLLECTIVE_LABELS or not ent.kb_id_ or is_location(ent):
            continue
        found[root.i] = Antecedent(root.i, article.sentence_id_at(root.idx), ent.kb_id_, False, is_plural(root), False)
    lemma, groups = article.tokens.lemma, group_nouns()
    for i in numpy.nonzero(arr[:, 1] == NOUN)[0].tolist():
        if i in found or lemma[i] not in groups:
            continue
        token = doc[i]
        if phrase_actor(token):
            continue
        label = group_description(token)
        if label:
            found[i] = Antecedent(i, article.sentence_id_at(token.idx), label, False, is_plural(token), False, True)
    ordered = [found[i] for i in sorted(found)]
    # "the team" after "the six-member Afghan team" is that team: the richer description
    # with the same noun mentioned most often so far (the latest on a tie), so one
    # mention of "the European team" does not take over the article's topic.
    richer: dict[str, Counter] = {}
    out: list[Antecedent] = []
    for a in ordered:
        head = doc[a.token]
        if a.described and a.actor == head.lower_:
            counts = richer.get(head.lemma_.lower())
            if not counts:
                continue
            a = replace(a, actor=max(reversed(counts), key=counts.__getitem__))
        elif a.described:
            richer.setdefault(head.lemma_.lower(), Counter())[a.actor] += 1
        out.append(a)
    return out


# --------------------------------------------------------------------------- hedges
def clause_tokens(verb: Token) -> set[int]:
    """Token indices of the verb's own clause, plus its governing clause through xcomp/conj."""
    return _clause(token_table(verb.doc), verb.i)


def _clause(t: TokenTable, i: int) -> set[int]:
    dep, pos, children = t.dep, t.pos, t.children
    tokens: set[int] = set()
    stack = [i]
    while stack:
        k = stack.pop()
        tokens.add(k)
        for child in children[k]:
            if dep[child] in CLAUSE_DEPS and pos[child] in ("VERB", "AUX"):
                continue
            stack.append(child)
    head = t.head[i]
    if dep[i] in ("xcomp", "conj") and head != i and pos[head] in ("VERB", "AUX", "ADJ"):
        tokens |= _clause(t, head)
    return tokens


class _Hedges:
    """The article's hedge rows sorted by start, to find those near a sentence by binary search."""

    def __init__(self, hedges: list[dict]):
        self.rows = sorted(hedges, key=lambda h: h["start"])
        self.starts = [h["start"] for h in self.rows]
        self.longest = max((h["end"] - h["start"] for h in self.rows), default=0)

    def near(self, start: int, end: int) -> list[dict]:
        """The hedges that share a character with ``[start, end)``."""
        first = bisect_left(self.starts, start - self.longest)
        return [h for h in self.rows[first : bisect_left(self.starts, end)] if h["end"] > start]


def _hedged(verb: Token, hedges: _Hedges, bounds: list[tuple[int, int]] | None = None) -> bool:
    """A hedge on a token of the verb's clause. ``bounds``: a list holding the character range
    of the verb's sentence (``verb.sent``), or empty (filled here), shared by the verbs of one sentence."""
    if not hedges.rows:
        return False
    if not bounds:
        sent: Span = verb.sent
        (bounds if bounds is not None else []).append((sent.start_char, sent.end_char))
        start, end = sent.start_char, sent.end_char
    else:
        start, end = bounds[0]
    nearby = hedges.near(start, end)
    if not nearby:
        return False
    table = token_table(verb.doc)
    idx, length = table.idx, table.length
    for i in _clause(table, verb.i):
        token_start = idx[i]
        token_end = token_start + length[i]
        if any(h["start"] < token_end and h["end"] > token_start for h in nearby):
            return True
    return False


__all__ = ["action_lemma", "agent_and_patient", "clause_tokens", "extract_actions", "is_negated", "is_passive"]

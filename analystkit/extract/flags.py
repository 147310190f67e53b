"""The ``flags`` table: sentences an analyst should not trust before reading the original.

One row per finding: ``article_id, sentence_id, start, end, text`` (the flagged
words, ``articles.text[start:end]``), ``kind``, ``severity`` (high, medium, low),
``message`` (what is wrong and why it matters, in plain words), and
``related_start, related_end, related_text`` (the other half of a two-place finding —
the next paragraph of a split sentence, the earlier date of a conflict; -1/-1/''
when there is none). Kinds, each a general rule over the parse:

``fragment`` (medium)
    A sentence the ``sentences`` table marks as a fragment: no finite verb, or a
    short past-tense clause with no subject ("Redeployed forces."). A lost line or a
    machine rewrite; it cannot be attributed or checked as it stands.
``split_sentence`` (high)
    A paragraph whose last sentence ends without terminal punctuation (. ! ? … or a
    closing quote or bracket after one, or a colon) and that is not a heading (it has
    a finite verb and at least four words), and that reads as cut: it ends on a
    function word or on a verbless conjunct ("…, but Ukraine's progress"), or the next
    paragraph starts in lower case or with a pronoun ("It was slow and grinding.").
``unintroduced_person`` (low)
    A person named by one word (a surname) everywhere in the article: the linker
    left the bare name as its actor (no full name to join), no title or role word
    precedes any mention ("Defence Minister", "Colonel General", "spokesman") and no
    appositive gives a role. The reader cannot tell who this is; a garbled copy often
    drops the introduction.
``dangling_reference`` (medium)
    The subject of a paragraph's first sentence (after the opening paragraph) refers
    back to nothing: a bare definite description ("The blast …": "the/this/that" +
    noun, no modifiers) whose noun — or a word of the same stem or event class — does
    not occur earlier in the article and is not a role, group or unique-thing noun; or
    he/she/they with no person (or group) mentioned before.
``suspicious_quote`` (medium)
    A quotation of one or two words inside a fragment (no clause says who says it or
    what it names: 'Called "Black."'); a quotation followed directly by such a
    fragment quotation (one quote cut in two or garbled: 'known as the "Pearl of the
    City." Called "Black."'); or a quotation mark that never closes in its paragraph
    (and the next paragraph does not open with a quotation mark, the convention for a
    quote running on).
``date_conflict`` (high)
    One actor's same event is dated twice, incompatibly, in one article: two rows of
    the ``timeline`` with the same ``event_key`` (same event class and complement,
    "order withdraw"), compatible agents (the same actor, one affiliated to the other
    in the gazetteer, or a person of unknown affiliation and a state), point-like
    relations (not since/until/before/after/by) and date ranges more than a day apart.
    Reporting verbs (said, announced, …) are left out (people say things again), and so
    are sentences marked as repeats ("again", "another", "repeatedly", "second", …).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from .base import ArticleDoc, Sentence, doc_ents, doc_text, token_table
from .sentences import FINITE_TAGS, SUBJECT_DEPS

SEVERITY = {
    "fragment": "medium",
    "split_sentence": "high",
    "unintroduced_person": "low",
    "dangling_reference": "medium",
    "suspicious_quote": "medium",
    "date_conflict": "high",
}
KINDS = tuple(SEVERITY)
COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "kind", "severity", "message", "related_start", "related_end", "related_text"]

#: Sentence-final marks; a dash marks speech broken off on purpose ("I'm not in the habit of —").
TERMINAL = frozenset(".!?…:—–")
CLOSERS = frozenset("\"'”’)]»")
#: Parts of speech a sentence cannot end on.
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})
CONTINUATION_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "they", "which", "he", "she", "its", "their"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Nouns whose referent is unique in context (no antecedent needed) and time nouns.
UNIQUE_NOUNS = frozenset(
    """world country nation public economy internet weather war sun moon earth media press market future past
    present situation rest latter former first last same other following day week month year morning afternoon
    evening night time moment decision result end beginning idea aim goal problem question answer fact truth
    reason way case matter issue point number majority minority""".split()
)
#: Presupposition triggers: words that presuppose an earlier mention or event ("happened again").
ITERATIVES = frozenset({"again", "also", "too", "still", "once more", "anew", "another", "either"})
#: Predicates that presuppose their subject is a known event ("The X happened/continued").
EVENT_PREDICATES = frozenset({"happen", "occur", "recur", "continue", "resume", "repeat", "stop", "end", "begin", "start", "take"})
#: Class nouns that refer back to a named entity of these labels ("the city" after "Livorno").
CLASS_NOUNS = {
    **dict.fromkeys("city town village capital country state nation region province republic island port".split(), {"GPE", "LOC"}),
    **dict.fromkeys("company firm organisation organization group agency party court ministry department union team club".split(), {"ORG", "NORP"}),
    **dict.fromkeys("man woman boy girl person player leader".split(), {"PERSON"}),
}
#: Words that mark an event as a repeat: two dates for it are no conflict.
REPEAT_WORDS = frozenset({"again", "another", "repeatedly", "anew", "second", "third", "latest", "renewed", "once", "twice", "also", "previous", "earlier"})
#: Time relations that do not date the event itself ("since the invasion").
NON_POINT_RELATIONS = frozenset({"since", "until", "till", "before", "after", "by", "from", "through"})
#: Stative, perception and cognition verbs: no datable single event.
NOT_EVENTS = frozenset({"be", "have", "do", "become", "remain", "seem", "appear", "continue", "need", "want", "try", "use", "take", "get", "go", "come", "see", "know", "think", "hear", "feel", "believe", "hope", "expect", "like", "look", "watch", "keep", "work", "talk", "speak"})
_QUOTES_STRAIGHT = '"'
_OPEN_CURLY, _CLOSE_CURLY = "“", "”"
_QUOTATION_MARKS = re.compile('["“”]')


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Verb cues of attribution (say, tell, announce, …): repeated by nature, never a date conflict."""
    with resources.files("analystkit.data").joinpath("attribution_cues.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return frozenset(row["cue"].strip().lower() for row in csv.DictReader(lines) if row.get("kind", "").strip() == "verb")


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    from ..actors.linking import TITLE_WORDS
    from ..actors.mentions import actor_nouns

    words = set(TITLE_WORDS) | set(actor_nouns())
    with resources.files("analystkit.data").joinpath("source_nouns.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    words |= {row["noun"].strip().lower() for row in csv.DictReader(lines)}
    words |= {"commander", "leader", "chief", "head", "director", "chairman", "chairwoman", "ceo", "founder", "head", "member", "officer", "envoy", "aide", "adviser", "advisor", "analyst", "expert", "researcher", "scientist", "reporter", "correspondent", "author", "writer", "coach", "player", "captain", "manager", "owner", "president", "minister", "secretary", "general"}
    return frozenset(words)


def _flag(article: ArticleDoc, sentence_id: int, start: int, end: int, kind: str, message: str, related: tuple[int, int] | None = None) -> dict:
    text = article.text
    rs, re_ = related if related is not None else (-1, -1)
    return {
        "article_id": article.article_id,
        "sentence_id": sentence_id,
        "start": start,
        "end": end,
        "text": text[start:end],
        "kind": kind,
        "severity": SEVERITY[kind],
        "message": message,
        "related_start": rs,
        "related_end": re_,
        "related_text": text[rs:re_] if rs >= 0 else "",
    }


def extract_flags(article: ArticleDoc) -> list[dict]:
    """Every finding of the article, in text order (see the module docstring)."""
    flags: list[dict] = []
    for finder in (find_fragments, find_split_sentences, find_unintroduced_people, find_dangling_references, find_suspicious_quotes, find_date_conflicts):
        try:
            flags.extend(finder(article))
        except Exception as error:  # noqa: BLE001 - one rule failing must not cost the article its other flags
            import warnings

            from ..errors import AnalystKitWarning, Warnings

            warnings.warn(Warnings.AK102.format(rule=finder.__name__, article_id=article.article_id, error=error), AnalystKitWarning, stacklevel=2)
    return sorted(flags, key=lambda f: (f["start"], KINDS.index(f["kind"])))


# ---------------------------------------------------------------- fragments
#: A speaker label opening a transcript turn: "MR PRICE:", "QUESTION:", "THE PRESIDENT:", "Q".
SPEAKER_LABEL = re.compile(r"^(?:Q\s|Q:|(?:[A-Z][A-Za-z.’'-]*\s){0,3}[A-Z][A-Z.’'-]+:)")
#: A fragment longer than this (in words) is far more often a tagging error than a lost line.
MAX_FRAGMENT_WORDS = 10


def is_transcript(article: ArticleDoc) -> bool:
    """Three or more paragraphs open with a speaker label: spoken turns, fragmentary by nature."""
    text = article.text
    return sum(1 for start in article.paragraph_starts if SPEAKER_LABEL.match(text[start : start + 40])) >= 3


def _in_quotation(article: ArticleDoc, sentence: Sentence) -> bool:
    """The sentence opens with a quotation mark or inside a quotation opened earlier in its paragraph."""
    text = article.text
    if text[sentence.start : sentence.start + 1] in ('"', _OPEN_CURLY, "'", "‘"):
        return True
    paragraph_start = article.paragraph_starts[sentence.paragraph_id] if sentence.paragraph_id < len(article.paragraph_starts) else 0
    before = text[paragraph_start : sentence.start]
    return before.count('"') % 2 == 1 or before.count(_OPEN_CURLY) > before.count(_CLOSE_CURLY)


def flaggable_fragments(article: ArticleDoc) -> list[Sentence]:
    """Sentences marked ``fragment`` that are not headings, bylines, quoted speech or transcript turns.

    Left alone: every fragment of a transcript (spoken turns are elliptical); a paragraph of
    one sentence without terminal punctuation (a heading, a byline, a label); a
    sentence wholly made of names (a byline); quoted speech; a question or an
    interrupted sentence (ending in "?" or a dash); an excerpt opening with "[" or
    "..."; and fragments of more than :data:`MAX_FRAGMENT_WORDS` words (tagging errors).
    """
    rows = article.rows.get("sentences")
    if rows is None:
        from .sentences import extract_sentences

        rows = extract_sentences(article)
    if is_transcript(article):
        return []
    text = article.text
    by_paragraph: dict[int, int] = {}
    for sentence in article.sentences:
        by_paragraph[sentence.paragraph_id] = by_paragraph.get(sentence.paragraph_id, 0) + 1
    out = []
    for row in rows:
        if not row.get("fragment"):
            continue
        sentence = article.sentences[row["sentence_id"]]
        span = sentence.span
        words = [t for t in span if not t.is_punct and not t.is_space]
        body = text[sentence.start : sentence.end].rstrip()
        if not words or len(words) > MAX_FRAGMENT_WORDS:
            continue
        if by_paragraph[sentence.paragraph_id] == 1 and not _ends_terminated(body):
            continue  # a heading or a byline
        if all(t.ent_type_ or t.pos_ in ("PROPN", "NUM", "CCONJ", "SYM") or t.like_num or t.text == "&" for t in words):
            continue  # only names and numbers: a byline, a label, a score line
        if body.endswith(("?", "—", "–", "-", "?\"", "?”")) or body.startswith(("[", "...", "…")):
            continue
        if SPEAKER_LABEL.match(body) or _in_quotation(article, sentence):
            continue
        out.append(sentence)
    return out


def find_fragments(article: ArticleDoc) -> list[dict]:
    out = []
    text = article.text
    for sentence in flaggable_fragments(article):
        span = sentence.span
        body = text[sentence.start : sentence.end]
        if any(t.tag_ in FINITE_TAGS for t in span):
            why = "it has a verb but no subject, so it does not say who did it"
        else:
            why = "it has no finite verb, so it asserts nothing that could be checked"
        message = (
            f"Fragment: \"{body}\" is not a full sentence — {why}. Fragments like this come from lost "
            "lines, bad scraping or machine rewriting: do not quote or count it; read the original passage."
        )
        out.append(_flag(article, sentence.sentence_id, sentence.start, sentence.end, "fragment", message))
    return out


# ---------------------------------------------------------------- split sentences
def _ends_terminated(text: str) -> bool:
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1].rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL


def _paragraphs(article: ArticleDoc) -> list[list[Sentence]]:
    groups: dict[int, list[Sentence]] = {}
    for sentence in article.sentences:
        if not sentence.is_headline:
            groups.setdefault(sentence.paragraph_id, []).append(sentence)
    return [groups[k] for k in sorted(groups)]


def _verbless_tail(span: Span) -> bool:
    """The span's last coordinated conjunct has no verb: "…, but Ukraine's progress"."""
    conjunctions = [t for t in span if t.pos_ == "CCONJ" or (t.pos_ == "SCONJ" and t.dep_ == "mark")]
    if not conjunctions:
        return False
    tail = [t for t in span if t.i > conjunctions[-1].i and not t.is_punct]
    return bool(tail) and not any(t.pos_ in ("VERB", "AUX") for t in tail)


def find_split_sentences(article: ArticleDoc) -> list[dict]:
    out = []
    paragraphs = _paragraphs(article)
    for current, following in zip(paragraphs, paragraphs[1:]):
        last, nxt = current[-1], following[0]
        if _ends_terminated(article.text[last.start : last.end]):
            continue
        words = [t for t in last.span if not t.is_punct and not t.is_space]
        if len(words) < 4 or not any(t.tag_ in FINITE_TAGS for t in last.span):
            continue  # a heading, a label, a dateline
        if last.span.text.isupper() or all(w.text[:1].isupper() for w in words if w.is_alpha and len(w.text) > 3):
            continue  # a title-case heading
        first_word = next((t for t in nxt.span if not t.is_punct and not t.is_space), None)
        if first_word is None or SPEAKER_LABEL.match(article.text[nxt.start : nxt.start + 40]):
            continue  # the next paragraph is another speaker's turn
        ends_on_function_word = words[-1].pos_ in FUNCTION_POS or words[-1].dep_ == "poss"
        cut = ends_on_function_word or _verbless_tail(last.span)
        continues = first_word.text[:1].islower() or first_word.lower_ in CONTINUATION_PRONOUNS
        if not (cut or continues):
            continue
        why = []
        if ends_on_function_word:
            why.append(f"it ends on \"{words[-1].text}\"")
        elif cut:
            why.append(f"its last part (\"…{article.text[words[-3].idx if len(words) >= 3 else words[0].idx:last.end]}\") has no verb")
        if continues:
            why.append(f"the next paragraph opens with \"{first_word.text}\", which needs something before it")
        message = (
            f"Split sentence: this paragraph ends without a full stop and {' and '.join(why)}. A line break has probably "
            f"cut one sentence in two (next: \"{nxt.span.text[:60]}\"); the two halves should be read, and quoted, together."
        )
        out.append(_flag(article, last.sentence_id, last.start, last.end, "split_sentence", message, related=(nxt.start, nxt.end)))
    return out


# ---------------------------------------------------------------- unintroduced people
def _introduced_here(ent: Span, role_words: frozenset[str]) -> bool:
    doc = ent.doc
    for token in doc[max(ent.sent.start, ent.start - 3) : ent.start]:
        if token.lower_.rstrip(".") in role_words or token.lower_ in role_words:
            return True
    root = ent.root
    if any(c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return True
    return root.dep_ in ("compound",) and root.head.lower_ in role_words


def _followed_by_personal_pronoun(article: ArticleDoc, mentions: list[Span]) -> bool:
    """He/she opens the sentence after one of the mentions."""
    for mention in mentions:
        sentence = article.sentence_at(mention.start_char)
        if sentence is None or sentence.sentence_id + 1 >= len(article.sentences):
            continue
        first = article.sentences[sentence.sentence_id + 1].span[0]
        if first.lower_ in ("he", "she"):
            return True
    return False


def find_unintroduced_people(article: ArticleDoc) -> list[dict]:
    """One-word person names never introduced (see the module docstring).

    Only names that act or speak somewhere in the article count (the subject of a
    verb, or a claim's source): a one-word PERSON that never does is too often a
    tagging error ("Laughter", "Twitter", a first name used to call on a reporter).
    """
    from ..actors.gazetteer import lookup

    doc = article.doc
    role_words = _role_words()
    persons = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
    multiword = {w.lower() for e in persons if len([t for t in e if t.is_alpha]) >= 2 for t in e for w in [t.text] if t.is_alpha}
    by_name: dict[str, list[Span]] = {}
    for ent in persons:
        words = [t for t in ent if not t.is_punct and t.text not in ("'s", "’s")]
        if len(words) != 1:
            continue
        word = words[0]
        if not (word.is_alpha and word.text[:1].isupper() and word.pos_ == "PROPN"):
            continue
        actor = ent.kb_id_ or word.text
        if actor != word.text:
            continue  # linked to a full name or a role holder
        by_name.setdefault(word.text, []).append(ent)
    sources = {c.get("source_text") for c in article.rows.get("claims", [])}
    out = []
    for name, mentions in by_name.items():
        if name.lower() in multiword:
            continue
        if any(_introduced_here(m, role_words) for m in mentions):
            continue
        if not any(m.root.dep_ in ("nsubj", "nsubjpass") for m in mentions) and name not in sources:
            continue  # never acts or speaks: too little evidence that the tagger's PERSON is a person
        if name.lower() in role_words:
            continue  # "President" alone: a title, resolved by the reader from context
        if re.search(rf"(?<![\w.]){re.escape(name.lower())}\b", article.text):
            continue  # also written in lower case: a common noun
        if name not in sources and not _followed_by_personal_pronoun(article, mentions):
            continue  # nothing says it is a person: no claim of theirs, no "he"/"she" after it
        entry = lookup(name)
        if entry is not None and entry.kind != "person":
            continue  # a place, organisation or group the tagger took for a person
        first = mentions[0]
        sentence = article.sentence_at(first.start_char)
        if sentence is None or sentence.is_headline:
            continue
        n = len(mentions)
        message = (
            f"Unintroduced person: \"{name}\" is named by one word{'' if n == 1 else f' ({n} times)'} and never with a full name "
            "or a role. The reader cannot tell who this is or whom they speak for; a copy that dropped the introduction may "
            "also have lost other context. Identify the person before relying on what is attributed to them."
        )
        out.append(_flag(article, sentence.sentence_id, first.start_char, first.start_char + len(name), "unintroduced_person", message))
    return out


# ---------------------------------------------------------------- dangling references
def _stem(word: str) -> str:
    return word.lower()[:5]


def _content_words(doc) -> list[tuple[int, str, str, str]]:
    """(offset, lemma, event class, stem) of the content words of ``doc``, computed once per Doc."""
    cached = doc.user_data.get("analystkit_content_words")
    if cached is None:
        from .timeline import event_class

        table = token_table(doc)
        text = doc_text(doc)
        alpha, stop, idx, length, pos, lemmas = table.is_alpha, table.is_stop, table.idx, table.length, table.pos, table.lemma
        cached = []
        for i in range(len(idx)):
            if alpha[i] and not stop[i]:
                lemma = lemmas[i]
                kind = "verb" if pos[i] in ("VERB", "AUX") else "noun"
                start = idx[i]
                cached.append((start, lemma, event_class(lemma, kind), _stem(text[start : start + length[i]]) if length[i] >= 5 else ""))
        doc.user_data["analystkit_content_words"] = cached
    return cached


def _earlier_words(doc, before: int) -> tuple[set[str], set[str]]:
    """Lemmas and event classes, and stems, of the content words before character ``before``."""
    return _EarlierWords(doc).before(before)


class _EarlierWords:
    """:func:`_earlier_words` for increasing offsets, each content word added once."""

    def __init__(self, doc):
        self.words = _content_words(doc)
        self.next = 0
        self.lemmas: set[str] = set()
        self.stems: set[str] = set()

    def before(self, offset: int) -> tuple[set[str], set[str]]:
        if self.next and self.words[self.next - 1][0] >= offset:
            self.next, self.lemmas, self.stems = 0, set(), set()  # an earlier offset: start again
        words, lemmas, stems = self.words, self.lemmas, self.stems
        while self.next < len(words) and words[self.next][0] < offset:
            _, lemma, event, stem = words[self.next]
            lemmas.add(lemma)
            lemmas.add(event)
            if stem:
                stems.add(stem)
            self.next += 1
        return lemmas, stems


def _subject(span: Span) -> Token | None:
    root = span.root
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
    return subjects[0] if subjects else None


def find_dangling_references(article: ArticleDoc) -> list[dict]:
    from .timeline import event_class

    doc = article.doc
    role_words = _role_words()
    table = article.tokens
    earlier = _EarlierWords(doc)
    out = []
    for paragraph in _paragraphs(article)[1:]:
        sentence = paragraph[0]
        subject = _subject(sentence.span)
        if subject is None:
            continue
        lemmas, stems = earlier.before(sentence.start)
        lower = subject.lower_
        if subject.pos_ == "PRON" and lower in ("he", "she", "they"):
            labels = {e.label_ for e in doc_ents(doc) if e.end_char <= sentence.start}
            wanted = {"PERSON"} if lower != "they" else {"PERSON", "NORP", "ORG", "GPE"}
            before = range(bisect.bisect_left(table.idx, sentence.start))  # the tokens before the sentence
            has_plural = any(table.tag[i] in ("NNS", "NNPS") for i in before)
            person_noun = any(table.lemma[i] in role_words for i in before if table.pos[i] == "NOUN")
            if labels & wanted or (lower == "they" and has_plural) or person_noun:
                continue
            message = (
                f"Dangling reference: the paragraph opens with \"{subject.text}\" but no one it could refer to has been "
                "mentioned before. Text may be missing above; do not attribute this sentence to anyone until you find who is meant."
            )
            out.append(_flag(article, sentence.sentence_id, subject.idx, subject.idx + len(subject.text), "dangling_reference", message))
            continue
        if subject.pos_ != "NOUN" or subject.ent_type_:
            continue
        children = list(subject.children)
        if len(children) != 1 or children[0].dep_ != "det" or children[0].lower_ not in DEFINITE:
            continue  # modified descriptions ("the Ukrainian military", "the bridge over X") can identify themselves
        lemma = subject.lemma_.lower()
        if lemma in UNIQUE_NOUNS or lemma in role_words or subject.lower_ in role_words:
            continue
        if lemma in lemmas or event_class(lemma, "noun") in lemmas or _stem(subject.text) in stems:
            continue
        if lemma in CLASS_NOUNS and any(e.label_ in CLASS_NOUNS[lemma] for e in doc_ents(doc) if e.end_char <= sentence.start):
            continue
        root = sentence.span.root
        triggered = any(t.lower_ in ITERATIVES for t in sentence.span) or (subject.head == root and root.lemma_.lower() in EVENT_PREDICATES)
        if not triggered:
            continue  # without a trigger it may be a bridging reference ("The forms" after "questionnaires")
        det = children[0]
        start, end = det.idx, subject.idx + len(subject.text)
        message = (
            f"Dangling reference: \"{doc_text(doc)[start:end]}\" opens the paragraph as if already mentioned, but nothing earlier "
            f"in the article is a \"{subject.text}\" (or a word like it). A passage may be missing or the sentence comes from "
            "another story: find what it refers to before using it."
        )
        out.append(_flag(article, sentence.sentence_id, start, end, "dangling_reference", message))
    return out


# ---------------------------------------------------------------- quotations
def quotations(text: str, start: int, end: int, *, open_from: int | None = None) -> tuple[list[tuple[int, int]], list[int]]:
    """Balanced quotations (open, close offsets of the marks) in ``text[start:end]``, and unmatched marks.

    ``open_from``: a straight quotation opened before ``start`` (in an earlier paragraph) and still open.
    """
    pairs: list[tuple[int, int]] = []
    unmatched: list[int] = []
    straight_open: int | None = open_from
    curly_open: list[int] = []
    for mark in _QUOTATION_MARKS.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if char == _QUOTES_STRAIGHT:
            if i > 0 and text[i - 1].isdigit() and straight_open is None:
                continue  # 12" (inches)
            if straight_open is None:
                straight_open = i
            else:
                pairs.append((straight_open, i))
                straight_open = None
        elif char == _OPEN_CURLY:
            curly_open.append(i)
        elif char == _CLOSE_CURLY:
            if curly_open:
                pairs.append((curly_open.pop(), i))
            else:
                unmatched.append(i)
    if straight_open is not None:
        unmatched.append(straight_open)
    unmatched.extend(curly_open)
    return sorted(pairs), sorted(unmatched)


def _quote_words(text: str, a: int, b: int) -> list[str]:
    return [w for w in text[a + 1 : b].replace("—", " ").split() if any(ch.isalnum() for ch in w)]


def find_suspicious_quotes(article: ArticleDoc) -> list[dict]:
    text = article.text
    fragments = {sentence.sentence_id for sentence in flaggable_fragments(article)}
    bounds = article.paragraph_starts + [len(text)]
    out = []
    all_pairs: list[tuple[int, int]] = []
    per_paragraph: list[tuple[list[tuple[int, int]], list[int]]] = []
    excused: set[int] = set()
    carried: int | None = None
    for a, b in zip(bounds, bounds[1:]):
        if carried is not None and text[a : a + 1] in ('"', _OPEN_CURLY):
            excused.add(carried)  # the convention: the next paragraph re-opens the running quotation
            carried = None
        pairs, unmatched = quotations(text, a, b, open_from=carried)
        if carried is not None and any(open_ == carried for open_, _ in pairs):
            excused.add(carried)  # closed in this paragraph: a quotation over two paragraphs
        all_pairs.extend(pairs)
        per_paragraph.append((pairs, unmatched))
        carried = unmatched[-1] if unmatched and text[unmatched[-1]] == '"' and unmatched[-1] >= a else None
    for p, (pairs, unmatched) in enumerate(per_paragraph):
        for mark in unmatched:
            if mark in excused:
                continue
            sentence = article.sentence_at(mark)
            if sentence is None or sentence.is_headline:
                continue
            what = "opens and never closes" if text[mark] != _CLOSE_CURLY else "closes a quotation that never opened"
            message = (
                f"Suspicious quote: a quotation mark here {what} within its paragraph, so it is unclear where the quoted "
                "words start or stop — and so what the source actually said. Check the quotation against the original."
            )
            end = max(sentence.end, mark + 1) if mark >= sentence.start else mark + 1
            out.append(_flag(article, sentence.sentence_id, mark, end, "suspicious_quote", message))
    flagged_short: set[int] = set()
    for a, b in all_pairs:
        sentence = article.sentence_at(a)
        if sentence is None or sentence.is_headline:
            continue
        words = _quote_words(text, a, b)
        if 1 <= len(words) <= 2 and sentence.sentence_id in fragments:
            flagged_short.add(sentence.sentence_id)
            message = (
                f"Suspicious quote: the quotation {text[a:b + 1]} is one or two words standing in a fragment — no clause says "
                "who said it or what it names. Short quotes like this often survive from a longer quote or a nickname that "
                "was cut; do not cite it."
            )
            out.append(_flag(article, sentence.sentence_id, a, b + 1, "suspicious_quote", message))
    for a, b in all_pairs:
        sentence = article.sentence_at(a)
        if sentence is None or sentence.is_headline or sentence.sentence_id + 1 not in flagged_short:
            continue
        following = article.sentences[sentence.sentence_id + 1]
        if following.paragraph_id != sentence.paragraph_id or sentence.sentence_id in flagged_short:
            continue
        if text[b + 1 : following.start].strip(" .,;:!?\"'”’") or b + 1 < sentence.end - 2:
            continue  # the quotation does not end its sentence
        message = (
            f"Suspicious quote: the quotation {text[a:b + 1]} is followed at once by a fragment holding another short quote "
            f"(\"{following.span.text}\"). The two look like one quotation or nickname cut in two or garbled: the wording "
            "cannot be trusted as a quote."
        )
        out.append(_flag(article, sentence.sentence_id, a, b + 1, "suspicious_quote", message, related=(following.start, following.end)))
    return out


# ---------------------------------------------------------------- date conflicts
def _affiliation(actor: str) -> str:
    from ..actors.gazetteer import lookup

    entry = lookup(actor)
    return entry.affiliation if entry is not None and entry.affiliation != actor else ""


def _actor_kinds(article: ArticleDoc) -> dict[str, str]:
    from ..actors.gazetteer import lookup

    kinds: dict[str, str] = {}
    for row in article.rows.get("entities", []):
        actor = row.get("actor")
        if not actor or actor in kinds:
            continue
        entry = lookup(actor)
        if entry is not None and entry.kind:
            kinds[actor] = entry.kind
        elif row["label"] == "PERSON":
            kinds[actor] = "person"
        elif row["label"] in ("GPE", "NORP"):
            kinds[actor] = "state" if lookup(actor) is not None else "group"
        else:
            kinds[actor] = row["label"].lower()
    return kinds


def agents_compatible(a: str, b: str, kinds: dict[str, str]) -> bool:
    """Can two agents be the same actor? Same, affiliated, or a person of unknown affiliation and a state."""
    if not a or not b:
        return False
    if a == b or _affiliation(a) == b or _affiliation(b) == a:
        return True
    for person, other in ((a, b), (b, a)):
        if kinds.get(person) == "person" and not _affiliation(person) and kinds.get(other) == "state":
            return True
    return False


def _describe(date_start: dt.date, date_end: dt.date) -> str:
    return date_start.isoformat() if date_start == date_end else f"{date_start.isoformat()} to {date_end.isoformat()}"


#: Children that open another clause: a repeat word in them is not about this event.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj"})


def is_repeat(anchor: Token) -> bool:
    """The event's own clause marks it as a repeat ("attacked again", "another strike", "for the second time")."""
    stack = [anchor]
    while stack:
        token = stack.pop()
        if token.lower_ in REPEAT_WORDS:
            return True
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return False


def find_date_conflicts(article: ArticleDoc) -> list[dict]:
    from .dates import TimeValue

    rows = article.rows.get("timeline")
    if rows is None:
        from .timeline import extract_timeline

        rows = extract_timeline(article)
    reporting = reporting_verbs()

    def plausible(row: dict) -> bool:
        """The tests of a usable row that need neither the actors' kinds nor the parse."""
        key = row.get("event_key") or ""
        head = key.split(" ")[0] if key else ""
        if not head or not row.get("agent") or row.get("relation") in NON_POINT_RELATIONS:
            return False  # (an empty agent is never a known actor)
        return not (head in reporting or head in NOT_EVENTS or row.get("action") in reporting)

    rows = [r for r in rows if plausible(r)]
    if len(rows) < 2:
        return []  # a conflict takes two dates
    kinds = _actor_kinds(article)

    def usable(row: dict) -> bool:
        if row.get("agent") not in kinds:
            return False
        anchor = article.doc.char_span(row["anchor_start"], row["anchor_end"], alignment_mode="expand")
        return anchor is not None and not is_repeat(anchor.root)

    candidates = [r for r in rows if usable(r)]
    out = []
    for j, later in enumerate(candidates):
        for earlier in candidates[:j]:
            if earlier["sentence_id"] == later["sentence_id"] or earlier["event_key"] != later["event_key"]:
                continue
            if not agents_compatible(earlier["agent"], later["agent"], kinds):
                continue
            first = TimeValue(earlier["date_start"], earlier["date_end"], earlier["granularity"])
            second = TimeValue(later["date_start"], later["date_end"], later["granularity"])
            if first.overlaps(second):
                continue
            message = (
                f"Date conflict: \"{later['event']}\" is dated \"{later['text']}\" ({_describe(second.start, second.end)}), "
                f"but sentence {earlier['sentence_id']} dates the same event (\"{earlier['event']}\") \"{earlier['text']}\" "
                f"({_describe(first.start, first.end)}). One of the two is wrong, or these are two different events told as one: "
                "check the chronology against another source before using either date."
            )
            out.append(_flag(article, later["sentence_id"], later["start"], later["end"], "date_conflict", message, related=(earlier["start"], earlier["end"])))
            break
    return out


__all__ = [
    "COLUMNS", "KINDS", "SEVERITY", "agents_compatible", "extract_flags", "find_dangling_references", "find_date_conflicts",
    "find_fragments", "find_split_sentences", "find_suspicious_quotes", "find_unintroduced_people", "quotations",
]

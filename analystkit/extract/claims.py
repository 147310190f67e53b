"""The ``claims`` table: who says what — one row per claim, with its source and cue.

Every declarative sentence yields at least one claim (questions and lead-ins excepted). A sentence whose content
is attributed ("Ukrainian officials have said that ...") yields one claim per
attribution; a sentence with none is the author's own voice (``source_type =
"author"``, ``quote_type = "none"``).

Columns (see :data:`analystkit.schema.TABLES`): ``article_id, claim_id,
sentence_id, start, end, text`` (the claim's content), ``source_text,
source_start, source_end, source_actor, source_type, source_subtype, cue,
cue_start, cue_end, quote_type, note``. Offsets index the article text; an
empty ``source_text``/``cue`` has offsets ``-1``. ``claim_id`` is
the claim's number in the article (0, 1, 2, … in text order), an integer.

How attributions are found (spaCy dependency parse + the cue lists of
:mod:`analystkit.vocab.attribution`):

* **reporting / belief verbs** with a subject source and a clausal content
  (``ccomp``): ``X said (that) Y``, ``X told Z that Y``, ``X has said``,
  ``Y, X said`` and the inverted ``Y, said X`` (the content clause precedes the
  verb), ``X fear(s) that Y``; a verb attached to another clause as
  ``parataxis``/``advcl`` attributes that clause; a verb with no clause takes a
  quote in its sentence ("He said: "...""); some speech acts take their object
  (``object_content``: "Russia denied the allegations");
* **passive**: with an agent (``was announced by X``) X is the source; without
  one it is vague and impersonal (``it was announced that``, ``X is said to``);
  ``X is expected to Y`` is an attribution of belief to unstated others (vague);
* **according to X**, and medium phrases (``in a statement``, ``in an
  interview``) on a clause whose subject is the source;
* **evidential nouns**: ``there were reports that Y``, ``rumors of Y had been
  circulating``, ``Russia's claims that Y`` (the possessor is the source; no
  possessor → vague, with no source span: the noun is the cue, PARC 3.0's
  sourceless attribution);
* **evidential adverbs**: ``reportedly``, ``allegedly`` → vague;
* **colon lead-ins**: ``X: "..."`` (a verbless name before a colon and a quote),
  and **speaker turns** in transcripts: a paragraph opening with an upper-case
  label and a colon ("MR. SULLIVAN: ...", or the questioner's "Q") starts a turn,
  and every sentence up to the next label is the speaker's, unless it attributes
  its content to someone else;
* **PARC 3.0 / PolNeAR coverage**: participial cues attached to another clause take that
  clause's subject (", saying / adding / telling reporters that ..."); commitment verbs
  ("vowed to", "urged X to") and intentions of people ("wants to") take their infinitive;
  speech acts with ``object_content`` take their object ("blasted the deal as", "called for X
  to Y"); refusals ("declined to comment") are rows with an empty content span and a note
  (``refused to disavow X``: the infinitive); "according to" a name the parser ran into the
  clause; reporting verbs tagged as plural nouns ("the Department notes, "...""); headline
  lead-ins without quote marks ("Senator Doe on the leak: ...", not a place: "Ukraine: ...");
  "you" and "one" are never sources; a relative pronoun source runs from its antecedent
  ("Jane Doe, who said"); "I" outside quotes and turns is the author; possessive pronouns are
  sources like their pronouns ("His view is that ..." is the person "he" is; "our assessment"
  in a transcript turn is the speaker's);
* **beyond verbs of saying** (issue 17, the kinds PolNeAR annotates that the kit missed): a
  communication noun with a light verb ("made the case that", "took a swipe at Bush", "offered his
  congratulations to"; not when the verb has another object first, a misparse) or a person's
  possessive ("her support for", "Trump's proposal to ban", "his view is that ...");
  support and votes of people, bodies and poll shares ("27 percent would vote for Trump", "is backing
  Clinton"; never "the data support"); judgements with their "as" phrase ("voters see X as
  unfair"); topic verbs ("spoke about", "weighed in on"); attitude adjectives ("is skeptical of",
  "are worried that", "made it clear that"); a parenthetical cue inside its content ("This
  campaign, he says, is different"); polls and records that show an object ("a poll shows Sanders
  leading"); a pro-form object ("said no", "said the same of X"); passive reports with an agent
  ("was first reported by MSNBC"); "did not respond to requests for comment" (empty content and a
  note, like a refusal); a reporting verb tagged as a noun between a name and "that" ("Trump
  predicts that"). "continue" reports only a quote next to it; a stance verb in a relative clause
  whose object is the relativised noun ("the atmosphere that critics blame for ...") reports nothing;
* **parses that go wrong in regular ways** (issue 17, third pass): a name or noun phrase set off by
  dashes keeps its head in the source ("Jason Sims — a teacher — says"; only a dateline before a dash
  is cut); of two subjects hung on a cue the speaker is the first outside quotation marks; a subject
  split into several ("Facebook co-founder Mark Zuckerberg") is one source; a cue and its subject
  between commas report the sentence around them ("..., those Democrats argued, black voters could
  ..."); a cue inside a relative clause reports the clause after it ("applicants, which he said were
  split"); attitude adjectives tagged as passive participles ("are concerned the Government will");
  quotation marks written as two apostrophes ('' ... '') are quotes (:mod:`analystkit.nlp.quotes`);
  (fourth pass) a cue with its subject after it inside the clause it reports ("Part of the problem,
  say experts like X, is the ground"); a name the parser left off a finite cue ("Alarmed by X,
  Senator Y, the leader, said"); "according to X" set off in mid-sentence; "X issued a statement
  saying" is X's (a participle on a thing takes the person or body whose clause holds it); a cue
  with a subordinating mark never takes the clause before it; knowledge ("knows that") only outside
  quotes; commitments of things ("the debate promised to be") and doubts about people ("questioned
  the student": ``object_content`` ``not_person``) report nothing;
* **fifth pass** (issue 17): a cue in a "to" infinitive under a word that is no cue takes the outer
  subject ("Trump seemed to confirm that", "advisers were quick to point out that", "voters are more
  likely to say", "she took to Twitter to say"; not under an object: "asked him to say", not an open
  question: "waited to see if", not an expletive: "it is hard to see"); "may/might want to" is the
  writer's advice; "found himself" and a non-record that "shows how/whether" report nothing; a place
  that voted for someone is an election result; a semicolon outside quotation marks ends a clause
  (no content of a cue after it, no nesting across it: "He calls for X; she says that Y"); support
  or a stance toward an open choice backs no one ("has not endorsed a candidate", "can vote for
  whomever they like", "support any candidate": word list ``open_choice_nouns``; a name in the object,
  "a candidate like Doe", or "the nominee" is someone);
* **source choice** (issue 17, sixth pass): of several subjects the parser hung on one cue, the speaker is
  the first outside quotation marks that can speak, a pronoun or name before a common noun, a person or
  body before a place or time ("His verdict: "...," he said"; "..., said Anna Berg"; "Speaking in Dover,
  Delaware, Smith went after Jones, calling him"); a title noun and the name it describes are one source
  ("her adviser, Tom Reed, said"), a pronoun takes no noun beside it; a hyphen or bar with spaces
  around it ends a dateline ("BERLIN (Reuters) - Jane Porter said"; never the "-" of "(D-NY)", whose ")"
  stays in the source); a stranded subject climbs out of its appositive's prepositional phrase to the name
  ("Maj. Tom Hale, an army spokesman in Kabul, said": not Kabul); a participle after "with/despite/amid X"
  is X's ("ended with Porter asking"); a cue coordinated into another verb's content clause whose
  inherited subject cannot speak takes that verb's subject ("The mayor predicted that the budget would
  balance and thanked ..."); a relative pronoun's antecedent that is an appositive runs from the name it
  describes ("Citizens for Parks, a group that endorsed"); a name the parser left off its appositive
  joins the source (""...," Ruth Alder, the treasurer, recalled"); an office speaks for its holder
  ("Her office released a statement saying"); a share the parser hung on the verb as a number is its
  subject ("About 3 in 10 say");
* **nested attributions** (:func:`mark_nested`): an attribution whose cue lies inside another's
  content or inside quotation marks ("'I think we lose,' she said") is ``nested``; its
  first-person source takes the outer speaker's actor; an attribution in a clause cut out of another's
  content ("He said her family asked for privacy as they sought answers") is nested in it too; not nested:
  an attribution with the outer one's source ("He said X and praised Y"), a "while"/"whereas" clause or a
  clause after ", and"/", but" with a subject of its own ("several farmers said X, while other residents
  said Y");
* **quotes over several sentences or paragraphs**: a sentence wholly inside a
  quote whose speaker is named elsewhere (a paragraph that opens a quote without
  closing it continues into the next paragraph that opens with a mark) is a
  direct claim of that speaker. Quotation marks are paired by
  :mod:`analystkit.nlp.quotes`; unbalanced marks degrade to the paragraph
  and are recorded in ``note``.

``quote_type``: ``direct`` when (nearly) all the content is inside quotation
marks, ``mixed`` when part of it is, ``indirect`` otherwise; ``none`` for the
author's voice.

``source_type`` and ``source_subtype``:

==================== =========================================================
named_person         official (a title or role goes with the name), person,
                     pronoun (he/she resolved to a named person), speaker (a
                     transcript turn's label resolved by :mod:`analystkit.nlp.speakers`:
                     "THE PRESIDENT" → the president the heading names)
named_organization   state, organization, document (a named report, outlet's
                     story), pronoun (they/it resolved to a named body)
unnamed              official ("Ukrainian officials", "a military official"),
                     anonymous ("a source", "people familiar with the matter"),
                     collective ("The Ukrainians", witnesses), expert
                     (researchers, analysts), document ("the report", "a
                     study"), individual (any other unnamed person: "a teacher"),
                     journalist (a transcript's "Q"), pronoun (unresolved)
vague                report ("reports", "rumors", "media"), impersonal ("it was
                     announced", "X is expected to", "it is believed"), adverb
                     ("reportedly")
author               author (the sentence is the writer's own voice), first_person
                     (the writer's "I believe ..." outside any quote)
==================== =========================================================

``source_actor`` is the canonical actor behind the source: the linked entity of
a named source; the state or organisation an unnamed source belongs to
("Ukrainian officials" → Ukraine); for a pronoun, the actor it refers to
(:func:`analystkit.nlp.pronouns.resolve_pronoun`); ``""`` when the text names
none (vague sources, the author, "people familiar with the matter").

Decisions: the headline yields a claim like any sentence (usually the author's
voice); a note by the publisher about the article ("Editor's note: ...",
"Correction: An earlier version ...", labels in the ``publisher_notes`` word list)
is the outlet's voice and reports no attribution; **questions are not declarative** and yield no claim unless their
sentence attributes something ("He asked whether ..."); verbless fragments
("Redeployed forces.") yield no claim. An error on one sentence never stops the
article: the sentence falls back to an author-voice claim and ``note`` says why.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..nlp.doc import (
    ArticleDoc,
    Sentence,
    doc_ents,
    doc_text,
    ents_overlapping,
    token_table,
)
from ..nlp.pronouns import FIRST_PERSON, RELATIVE, is_pronoun, resolve_pronoun
from ..nlp.quotes import (
    QUOTE_MARKS,
    Quote,
    article_quotes,
    quote_index,
    quoted_share,
    quotes_in,
)
from ..nlp.spans import clean_mention
from ..nlp.speakers import Speaker, bare_role_holder, resolve_label
from ..nlp.titles import is_role, strip_titles
from ..nlp.transcripts import transcript_labels
from ..vocab.attribution import Cue, Lexicon, load_lexicon
from ..vocab.gazetteer import lookup
from ..vocab.nouns import actor_nouns, group_nouns
from ..vocab.labels import ORGANISATION_SOURCE_LABELS
from ..vocab.words import word_list

#: The table this module writes, and the tables whose rows it reads (:mod:`analystkit.extract`).
TABLE = "claims"
REQUIRES: tuple[str, ...] = ("sentences",)

log = logging.getLogger(__name__)

#: Dependency labels of a clause that is the content of a cue verb.
CONTENT_DEPS = frozenset({"ccomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: A sentence inside a quote by at least this share of its word characters is quoted.
INSIDE_QUOTE = 0.9
#: Content at least this share inside quotation marks is a direct quote.
DIRECT_SHARE = 0.9
_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = ORGANISATION_SOURCE_LABELS
_DEFINITE = word_list("definite_determiners")
#: Words that make a source phrase an anonymous source ("who spoke on condition of anonymity").
_ANONYMITY = tuple(sorted(word_list("anonymity_markers")))


@dataclass
class Attribution:
    """One attribution found in a sentence (character offsets)."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_type: str
    source_subtype: str
    source_actor: str
    note: str = ""
    quote_type: str = ""
    #: the adverbial clause carrying this attribution ("as officials said ..."), kept out of other contents
    clause: tuple[int, int] | None = None
    #: an attribution without content ("declined to comment"): its content span is empty on purpose
    empty: bool = False
    #: inside another attribution's content or a quote spoken by someone else ("'I think we lose,' she said")
    nested: bool = False
    #: the content before another attribution's clause was cut out of it ("He said her family asked for privacy
    #: as they sought answers"): what a nested attribution may sit in
    reach: tuple[int, int] | None = None
    #: the content is a quote in the sentence before, whose own row carries this source and cue
    elsewhere: bool = False


@dataclass
class Turn:
    """A speaker's turn in a transcript."""

    label: tuple[int, int]
    colon: tuple[int, int] | None
    actor: str
    source_type: str
    source_subtype: str
    content_start: int  # first character after the label


@dataclass
class _Context:
    article: ArticleDoc
    quotes: list[Quote]
    qindex: tuple[list[int], list[Quote]]
    collective: list[tuple[int, str, str, str]] = field(default_factory=list)  # (offset, actor, type, subtype)
    speaker: str = ""
    #: the source type of ``speaker`` (a transcript turn's or a quote's)
    speaker_type: str = ""
    #: the transcript turn of the sentence being read, if any
    turn: Turn | None = None
    #: (bare role actor, its mention) → the actor it stands for in this article (the role itself when no one is named)
    holders: dict[tuple[str, str], str] = field(default_factory=dict)
    #: attributions whose quote comes after their sentence ("X tweeted:"), by cue
    pending: list[Attribution] = field(default_factory=list)
    #: starts of sentences that only lead in to a quote (they yield no claim of their own)
    lead_ins: set[int] = field(default_factory=set)


# ---------------------------------------------------------------- public entry
def extract_claims(article: ArticleDoc) -> list[dict]:
    """Rows of the ``claims`` table for one article (see the module docstring)."""
    text = article.text
    quotes = article_quotes(article)
    ctx = _Context(article, quotes, quote_index(quotes))
    turns = speaker_turns(article)
    found: dict[int, list[Attribution]] = {}
    failures: dict[int, str] = {}
    chain_speakers = _ChainSpeakers(ctx)
    notes = publisher_notes(article)
    for sentence in article.sentences:
        if sentence.sentence_id in notes:
            found[sentence.sentence_id] = []  # "Editor's note: ...": the publisher's voice about the article, no one else's
            continue
        turn = turns.get(sentence.sentence_id)
        ctx.turn = turn
        ctx.speaker, ctx.speaker_type = (turn.actor, turn.source_type) if turn is not None else _speaker_of_quote(ctx, chain_speakers, sentence)
        try:
            found[sentence.sentence_id] = find_attributions(sentence.span, ctx=ctx)
        except Exception as error:  # one odd sentence must not cost the article
            log.warning("claims: sentence %s of %s failed: %r", sentence.sentence_id, article.article_id, error)
            found[sentence.sentence_id] = []
            failures[sentence.sentence_id] = f"attribution search failed ({type(error).__name__}); read as the author's voice"
        chain_speakers.add_found(found[sentence.sentence_id])
    speakers = chain_speakers.speakers()
    rows: list[dict] = []
    for sentence in article.sentences:
        sid = sentence.sentence_id
        claims = list(found.get(sid, []))
        mark_nested(claims, speakers, ctx)
        claims = [att for att in claims if not att.elsewhere]
        if claims and all(att.nested for att in claims):
            # Only nested attributions ("I think ...") inside a quote: the sentence is still its speaker's words.
            claims = _continuation(article, sentence, ctx, speakers) + claims
        if not claims:
            claims = _default_claims(article, sentence, ctx, speakers, turns.get(sid), failures.get(sid, ""))
        for att in claims:
            rows.append(_row(article, sentence, len(rows), att, ctx))
    for row in rows:  # a PDF's claims carry their page, so they can be cited by page
        row["page"] = article.page_at(row["start"])
    return rows


#: A paragraph's opening label and the punctuation after it ("Editor's note:", "Correction —").
_NOTE_LABEL = re.compile(r"\s*([a-z][a-z' ]{2,30}?)\s*[:\u2014\u2013-]")


def publisher_notes(article: ArticleDoc) -> set[int]:
    """The sentences of a note by the publisher about the article ("Editor's note: ...", "Correction: An earlier
    version ..."): a sentence opened by a label of the ``publisher_notes`` word list, and the rest of its paragraph
    when the label opens the paragraph. The outlet speaks there."""
    labels = word_list("publisher_notes")
    text, notes, note_paragraphs = article.text, set(), set()
    for sentence in article.sentences:
        if sentence.paragraph_id in note_paragraphs:
            notes.add(sentence.sentence_id)
            continue
        match = _NOTE_LABEL.match(text[sentence.start : sentence.start + 40].lower().replace("\u2019", "'").replace("\u00a0", " "))
        if match and match.group(1).strip() in labels:
            notes.add(sentence.sentence_id)
            if article.paragraph_starts[sentence.paragraph_id] == sentence.start:
                note_paragraphs.add(sentence.paragraph_id)
    return notes


# ---------------------------------------------------------------- transcripts
def speaker_turns(article: ArticleDoc) -> dict[int, Turn]:
    """Sentence id → the transcript turn it belongs to (empty for ordinary articles).

    A turn starts at a paragraph opening with a speaker label and runs to the next
    label. Only transcripts are read this way (:func:`analystkit.nlp.transcripts.transcript_labels`).
    """
    text = article.text
    labels: list[tuple[int, Turn]] = []
    resolved: dict[tuple[str, ...], Speaker] = {}
    found_labels = transcript_labels(text, article.paragraph_starts)
    first = found_labels[0].paragraph_start if found_labels else None
    for found in found_labels:
        key = ("?",) if found.questioner else ("!",) if found.answerer else tuple(w.upper() for w in found.words(text))
        if key not in resolved:
            resolved[key] = resolve_label(found.words(text), article.doc, article.meta, questioner=found.questioner, answerer=found.answerer, before=first)
        speaker = resolved[key]
        turn = Turn(found.label, found.colon, speaker.actor, speaker.source_type, speaker.source_subtype, found.content_start)
        labels.append((found.paragraph_start, turn))
    if not labels:
        return {}
    turns: dict[int, Turn] = {}
    starts = [s for s, _ in labels]
    for sentence in article.sentences:
        before = [i for i, s in enumerate(starts) if s <= sentence.start]
        if before:
            turns[sentence.sentence_id] = labels[before[-1]][1]
    return turns


# ---------------------------------------------------------------- per sentence
def find_attributions(sent: Span, *, ctx: _Context) -> list[Attribution]:
    """The attributions in one sentence, in the order of their cues."""
    lexicon = load_lexicon()
    found: list[Attribution] = []
    used_cues: set[int] = set()
    doc = sent.doc
    for i in _cue_candidates(sent, lexicon):
        token = doc[i]
        att: Attribution | None = None
        lower = token.lower_
        if lower == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            att = _according_to(token, sent, ctx)
        elif token.tag_ == "VBN" and lower in lexicon.adjectives and (att := _participle_attitude(token, sent, ctx)) is not None:
            pass  # "associations are concerned the Government will ...": an attitude adjective tagged as a participle
        elif token.pos_ in ("VERB", "AUX") and cue_lemma(token, lexicon.verbs) in lexicon.verbs:
            att = _verb_attribution(token, lexicon.verbs[cue_lemma(token, lexicon.verbs)], sent, ctx)
        elif token.pos_ == "NOUN" and (att := _verb_read_as_noun(token, sent, ctx, lexicon)) is not None:
            pass  # "Trump predicts that ...": a reporting verb tagged as a plural noun between a name and "that"
        elif token.pos_ == "NOUN" and _mistagged_verb(token, lexicon) is not None:
            # "The Department of Agriculture notes, "..."": a reporting verb the tagger read as a plural noun.
            att = _verb_attribution(token, _mistagged_verb(token, lexicon), sent, ctx)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.nouns:
            cue = lexicon.nouns[token.lemma_.lower()]
            att = _light_verb_attribution(token, sent, ctx)  # "made the case that", "took a swipe at"
            if att is not None:
                pass
            elif cue.category == "report_noun":
                att = _noun_attribution(token, sent, ctx)
            elif cue.category == "statement_noun":
                att = _medium_attribution(token, sent, ctx)
            elif cue.category == "stance_noun":
                att = _possessed_noun_attribution(token, sent, ctx)
        elif token.pos_ == "ADJ" and token.lemma_.lower() in lexicon.adjectives:
            att = _attitude_attribution(token, sent, ctx)  # "is skeptical of", "made it clear that"
        elif token.pos_ == "ADV" and lower in lexicon.adverbs:
            att = _adverb_attribution(token, sent, ctx)
        if att is not None and att.content == _PENDING:
            ctx.pending.append(att)
            ctx.lead_ins.add(sent.start_char)
            continue
        if att is None or (att.content[1] <= att.content[0] and not att.empty):
            continue
        if att.cue and att.cue[0] in used_cues:
            continue
        if any(_overlaps(att.cue, a.source) for a in found if att.cue):
            continue  # a cue word inside an earlier source ("the report's authors")
        if att.cue:
            used_cues.add(att.cue[0])
        found.append(att)
        if att.source_type in ("named_organization", "unnamed") and att.source_actor:
            ctx.collective.append((att.source[0] if att.source else att.content[0], att.source_actor, att.source_type, att.source_subtype))
    if "(@" in doc_text(doc)[sent.start_char : sent.end_char]:
        signed = _tweet_signature(sent, ctx)  # "... — Paul Ryan (@SpeakerRyan) July 5, 2016"
        if signed is not None and not any(_overlaps(signed.cue, a.cue) or _overlaps(signed.source, a.source) for a in found):
            found.append(signed)
    if not found:
        headline = _is_headline(sent, ctx)
        colon = _colon_lead_in(sent, ctx, headline=headline)
        if colon is None and headline:
            colon = _headline_verb(sent, ctx, lexicon)
        if colon is not None:
            found.append(colon)
    for att in found:
        for other in found:
            clause = other.clause
            if other is not att and clause and att.content[0] < clause[0] < att.content[1] <= clause[1]:
                cut = _trim(sent.doc, sent.doc.char_span(*att.content, alignment_mode="expand").start, sent.doc.char_span(*clause, alignment_mode="expand").start, sent)
                if cut is not None:
                    att.reach = att.reach or att.content
                    att.content = cut
        _finish_quotes(att, sent, ctx)
    return found


def cue_lemma(token: Token, verbs: dict[str, Cue]) -> str:
    """The token's lemma, or the "-e" verb a gerund's lemma lost ("hoping" lemmatised "hop" → hope)."""
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return lemma
    if lemma + "e" in verbs and token.lower_.startswith(lemma):
        return lemma + "e"  # "hopes", "hoped" lemmatised "hop" → hope
    if not token.lower_.endswith("ing"):
        return lemma
    stem = token.lower_[:-3] + "e"
    return stem if stem in verbs else lemma


def _cue_candidates(sent: Span, lexicon: Lexicon) -> list[int]:
    """Indices of the sentence's tokens that may be a cue (the tests of :func:`find_attributions`, read from
    the Doc's :class:`~analystkit.nlp.doc.TokenTable`): every other token yields no attribution."""
    table = token_table(sent.doc)
    lower, lemma, pos = table.lower, table.lemma, table.pos
    verbs, nouns, adverbs, adjectives = lexicon.verbs, lexicon.nouns, lexicon.adverbs, lexicon.adjectives
    out = []
    for i in range(sent.start, sent.end):
        tag = pos[i]
        if (
            lower[i] == "according"
            or (tag in ("VERB", "AUX") and (lemma[i] in verbs or lemma[i] + "e" in verbs or lower[i].endswith("ing") and lower[i][:-3] + "e" in verbs))
            or (tag == "NOUN" and (lemma[i] in nouns or lemma[i] in verbs))
            or (tag == "ADV" and lower[i] in adverbs)
            or (tag in ("ADJ", "VERB") and (lemma[i] in adjectives or lower[i] in adjectives))
        ):
            out.append(i)
    return out


def _mistagged_verb(token: Token, lexicon: Lexicon) -> Cue | None:
    """The verb cue of a third-person verb tagged as a plural noun ("Agriculture notes, ..."): it has a
    subject of its own, or it stands between a name and a comma and a quotation mark."""
    if token.tag_ != "NNS" or not token.lower_.endswith("s"):
        return None
    cue = lexicon.verbs.get(token.lemma_.lower()) or lexicon.verbs.get(token.lower_[:-1])
    if cue is None or cue.category not in ("speech", "belief", "knowledge", "evidential"):
        return None
    doc = token.doc
    has_subject = any(c.dep_ == "nsubj" for c in token.children)
    before_quote = token.i + 2 < len(doc) and doc[token.i + 1].text in (",", ":") and doc[token.i + 2].text in QUOTE_MARKS and token.i > 0 and doc[token.i - 1].pos_ == "PROPN"
    return cue if has_subject or before_quote else None


def _parenthetical(verb: Token, sent: Span) -> bool:
    """The cue and its subject are set off by commas inside the clause they report ("The museum, Mr. Bush said,
    celebrated ...", "This campaign, he says, is different"): a parataxis before its head, commas on both sides."""
    if verb.dep_ != "parataxis" or verb.i > verb.head.i or verb.head.pos_ not in ("VERB", "AUX") or verb.head.i >= sent.end:
        return False
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    before = doc[left].text == "," or (left > sent.start and doc[left - 1].text == ",")
    after = doc[right].text == "," or (right + 1 < sent.end and doc[right + 1].text == ",")
    return before and after and left > sent.start


#: Dependency labels of the words of a short adjunct after a parenthetical cue ("said Tuesday", "said in an interview").
_TIME_DEPS = frozenset({"npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod", "nummod"})


def _comma_parenthetical(verb: Token, subject: Token, sent: Span) -> bool:
    """ "..., those Democrats argued, black voters could decide the race": the subject and the cue stand between
    two commas inside the sentence they report, whatever the parser hung on the verb."""
    doc = verb.doc
    if subject.dep_ != "nsubj" or subject.head.i != verb.i or subject.i > verb.i:
        return False
    left, right = subject.left_edge.i, verb.i
    while right + 1 < min(sent.end, verb.i + 5) and doc[right + 1].text != "," and verb in doc[right + 1].ancestors and doc[right + 1].dep_ in _TIME_DEPS:
        right += 1  # "..., the senator said Tuesday, ...", "..., she said in an interview, ..."
    if left < sent.start + 2 or doc[left - 1].text != "," or right + 3 >= sent.end or doc[right + 1].text != ",":
        return False
    return all(t.dep_ in ("aux", "neg", "advmod") for t in doc[subject.right_edge.i + 1 : verb.i])


def _verb_read_as_noun(token: Token, sent: Span, ctx: _Context, lexicon: Lexicon) -> Attribution | None:
    """ "Trump predicts that ...", "Trump charges that ...": a third-person reporting verb the tagger read as a
    plural noun, right after a name and right before "that"; the name is the source, the rest the content."""
    doc = token.doc
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.i == sent.start or token.i + 1 >= sent.end or doc[token.i + 1].lower_ != "that":
        return None
    cue = lexicon.verbs.get(token.lemma_.lower()) or lexicon.verbs.get(token.lower_[:-1]) or lexicon.verbs.get(token.lower_[:-2])
    if cue is None or cue.category not in ("speech", "belief", "knowledge", "evidential", "stance"):
        return None
    previous = doc[token.i - 1]
    ent = next((e for e in ents_overlapping(doc, previous.idx, previous.idx + 1) if e.end == token.i and e.label_ in _PERSON_LABELS | _ORG_LABELS), None)
    if ent is None:
        # the name the tagger also missed: capitalised compounds right before the verb ("Trump predicts")
        names = [c for c in token.lefts if c.dep_ == "compound" and c.text[:1].isupper() and c.is_alpha]
        if not names or names[-1].i != token.i - 1 or names[0].i < sent.start or len(names) != token.i - names[0].i:
            return None
        ent = doc[names[0].i : token.i]
    content = _trim(doc, token.i + 1, sent.end, sent)
    if content is None:
        return None
    source = (ent.start_char, ent.end_char)
    stype, subtype, actor = classify_source(ent[-1], source, ctx)
    return Attribution(content, _token_chars(token), source, stype, subtype, actor)


def _verb_attribution(verb: Token, cue: Cue, sent: Span, ctx: _Context) -> Attribution | None:
    children = list(verb.children)
    deps = {c.dep_ for c in children}
    passive = "auxpass" in deps or "nsubjpass" in deps
    complement = next((c for c in children if c.dep_ in CONTENT_DEPS and not (c.i < verb.i and _semicolon_between(doc_text(verb.doc), _token_chars(c.right_edge)[1], verb.idx, ctx))), None)
    # "He calls for X; she says that Y": a clause before a semicolon is a sentence of its own, not the content of a cue after it
    if complement is None:
        complement = _that_clause_below(verb)
    if complement is None and cue.category in _BELIEF_CATEGORIES and not passive:
        return None  # "felt the blast": no reported content
    if cue.category == "knowledge" and quotes_in(ctx.qindex, verb.idx, verb.idx + 1):
        return None  # "I know Americans are impatient," she said: knowledge inside a quote adds nothing to the quote's speaker
    if cue.category in _BELIEF_CATEGORIES and _is_question(sent.text):
        return None  # "How many of you believe we lose?", "Do they think ...?": a question attributes no belief
    raised = _raised_subject(verb, sent) if verb.dep_ in ("xcomp", "advcl") and cue.category not in ("refusal", "quote_only") else None
    if verb.dep_ in ("amod", "compound", "aux") or (verb.dep_ == "xcomp" and cue.category != "refusal" and verb.tag_ != "VBG" and raised is None):
        return None
    if verb.dep_ == "csubj" and verb.tag_ in ("VBN", "VBD") and not deps & {"aux", "auxpass", "mark"} and not any(c.tag_ in ("WP", "WDT", "WRB") for c in children):
        return None  # "Iodine released from these chemicals has been ...": a bare participle read as a clause, no speech act
    content: tuple[int, int] | None = None
    note = ""
    if complement is not None:
        content = _subtree_chars(complement, sent)
        fronted = [t for t in sent.doc[complement.left_edge.i : verb.i] if complement in t.ancestors]
        if complement.i > verb.i and fronted and all(t.lower_ in _RELATIVISERS or t.tag_ in ("WDT", "WP") for t in fronted):
            # "applicants, which he said were evenly split", "what scientists think is necessary": the relative
            # pronoun opens the content before the cue; the content is the clause after the cue.
            content = _trim(sent.doc, verb.i + 1, max(complement.right_edge.i, verb.right_edge.i) + 1, sent)
    if passive:
        return _passive_attribution(verb, cue, children, complement, content, sent, ctx)
    subjects = [c for c in children if c.dep_ in ("nsubj", "csubj")]
    # Two subjects: the parser hung a clause of the quote on the verb (""... that Trump articulates it," Viguerie
    # notes"); the verb's own subject is the first one outside quotation marks.
    subject = _choose_subject(verb, subjects, sent, ctx) if len(subjects) > 1 else next(iter(subjects), None)
    if subject is None:
        subject = _share_subject(verb)  # "About 3 in 10 say ...": the parser hung the share on the verb as a number
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and not is_animate(subject, sent) and cue.category not in ("evidential", "quote_only"):
            subject = _outer_speaker(verb.head, sent) or subject
    noun_of_participle = None
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        subject = noun_of_participle = verb.head  # "a message stating ...", "one poster writing ..."
        subject = _issuer(subject, sent) or subject  # "X issued a statement saying ...": X says it
    if subject is None and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP") and cue.category in ("speech", "belief", "knowledge", "evidential"):
        subject = _stranded_subject(verb, sent)  # "Alarmed by X, Senator Y, the leader, said ...": the parser hung Y elsewhere
    if raised is not None and complement is None and any(c.dep_ == "dobj" and is_animate(c, sent) for c in children) and not any(c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" for c in children):
        raised = None  # "deployed volunteers to call voters", "held a news conference to thank supporters": no view reported
    if verb.dep_ == "xcomp" and raised is None and cue.category != "refusal" and verb.tag_ != "VBG":
        return None
    if subject is None and raised is not None:
        subject = raised  # "seemed to confirm", "was quick to point out", "took to Twitter to say": the outer subject speaks
    borrowed = False
    if subject is None:
        subject = _participial_subject(verb)  # "..., saying / adding / telling reporters that ..."
        borrowed = subject is not None
    if subject is None:
        return None
    subject = _past_place(subject)
    if subject.lower_ in _GENERIC_SOURCES:
        return None  # "you", "one": generic, never a source
    if _that_said(verb, subject, sent):
        return None  # "That said, Millennials say ...": a discourse marker ("having said that"), no one speaks
    inverted = _inverted_parenthetical(verb, subject, complement, sent) if not borrowed and cue.category in ("speech", "belief", "knowledge", "evidential") else None
    if inverted is not None:
        # "Part of the problem, say experts like X, is the ground": the cue's subject comes after it; the sentence is the content
        subject, complement, content = inverted, None, _trim(sent.doc, sent.start, sent.end, sent)
    infinitive = _infinitive(verb) if complement is None else None
    if cue.category == "refusal":
        return _refusal(verb, subject, infinitive, sent, ctx)
    if cue.object_message and complement is None and infinitive is None and _plain_object(verb, children, ctx):
        return None  # "shares a residence with", "echoed Sanders' success", "pressing their advantage": the object is no message
    if cue.category == "opinion" and lemma_of(verb) == "vote" and subject.ent_type_ in ("GPE", "LOC"):
        return None  # "South Dakota has not voted for a Democrat since 1964": an election result, no one's stance
    if cue.category in _HOLDER_CATEGORIES and (borrowed or not is_animate(subject, sent)):
        return None  # "the data support ...", "..., voting for Bryan": support and judgement are held by people and bodies
    if borrowed and complement is None and _quote_near(verb, sent, ctx) is None and cue.category not in STANCE_CATEGORIES and (infinitive is None or cue.category not in ("intention", "commitment")):
        return None  # "..., agreeing to work", "after confirming with ...": a participle reports only a clause or a quote
    if cue.category == "evidential" and complement is not None and any(t.tag_ == "WRB" or t.lower_ in ("whether", "what") for t in complement.subtree if t.i < complement.i) and not (
        is_animate(subject, sent) or subject.lemma_.lower() in load_lexicon().source_nouns
    ):
        return None  # "His popularity shows how deeply ...", "the falloff reveals whether": the writer's inference, no record's finding
    if cue.category == "evidential" and any(t.lower_ in _REFLEXIVES and t.dep_ in ("dobj", "nsubj") for c in children for t in (c, *c.children) if t.i > verb.i):
        return None  # "found himself playing defense": where one ended up, no finding
    if cue.category == "commitment" and not borrowed and not is_animate(subject, sent):
        return None  # "the debate promised to be crucial", "a strong showing could push them out": no one commits to anything
    if cue.category == "intention" and lemma_of(verb) == "want" and any(c.dep_ == "aux" and c.lower_ in ("may", "might") for c in children):
        return None  # "Trump may want to check his stats": the writer's advice, no one's intention
    if cue.category == "intention" and not _person_like(subject):
        return None  # intentions are attributed to people ("Trump wants to ...", "Palestinians want"), not to "the organization plans to"
    if infinitive is not None and cue.category in ("intention", "commitment") and not _quote_near(verb, sent, ctx):
        # "wants to build", "vowed to fight", "urged Congress to act", "called on X to": the infinitive is the content.
        content = _subtree_chars(infinitive, sent)
    if cue.category == "intention" and content is None and cue.object_content and not borrowed:
        dobj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i and c.lower_ not in _RELATIVISERS), None)
        content = _subtree_chars(dobj, sent) if dobj is not None else None  # "Palestinians want East Jerusalem" (PolNeAR: a desire)
    if cue.category == "intention" and content is None:
        return None  # "hopes so" reports nothing
    if cue.category == "expectation" and complement is None:
        xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
        if xcomp is None:
            return None
        content = _subtree_chars(xcomp, sent)
    after_comma = verb.left_edge.i > sent.start and (sent.doc[verb.left_edge.i - 1].text in {",", *QUOTE_MARKS})
    if content is None and after_comma and not borrowed and verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and verb.i > verb.head.i and not deps & {"mark"}:
        # "Y, X said" read with Y as the main clause, "X" and "said" hanging off it.
        content = _trim(sent.doc, sent.start, verb.left_edge.i, sent)
    parenthetical = content is None and not borrowed and (_parenthetical(verb, sent) or cue.category in ("speech", "belief", "knowledge", "evidential") and _comma_parenthetical(verb, subject, sent))
    if parenthetical:
        # "This campaign, he says, is different.": the clause around the parenthetical cue is its content.
        content = _trim(sent.doc, sent.start, sent.end, sent)
    if content is None and verb.dep_ == "advcl" and verb.i < verb.head.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        # "As X told reporters, Y": the main clause after the "as" clause.
        content = _trim(sent.doc, verb.right_edge.i + 1, verb.head.right_edge.i + 1, sent)
    before: tuple[int, int] | None = None
    if content is None and complement is None and not borrowed and cue.category in ("speech", "quote_only"):
        content = before = _quote_before(verb, subject, sent, ctx)  # ""All the way!" | Dawson shouted.": the quote closed the sentence before
    if content is None:
        quote = _quote_near(verb, sent, ctx)
        if quote is not None:
            content = quote
            objects = [c for c in children if c.i > verb.i and c.dep_ in ("dobj", "prep", "oprd")] if cue.object_content else []
            if objects and objects[0].left_edge.idx <= quote[0] and quote[1] <= _token_chars(max(objects, key=lambda c: c.right_edge.i).right_edge)[1]:
                # "called for more "flexibility" for ...", "called the statement "offensive"": the quote is part of the object phrase
                content = _trim(sent.doc, objects[0].left_edge.i, max(c.right_edge.i for c in objects) + 1, sent) or quote
    dobj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    if content is None and dobj is not None and not borrowed:
        lexicon = load_lexicon()
        if cue.category == "evidential" and lexicon_documents(subject):
            content = _subtree_chars(dobj, sent)  # "a poll shows Sanders leading", "the records show donations to ..."
        elif cue.category == "speech" and dobj.lemma_.lower() in lexicon.nouns:
            content = _subtree_chars(dobj, sent)  # "Clinton tweeted her thanks to the president", "tweeted out Trump's praise of Boyle"
        elif cue.category == "speech" and dobj.lower_ in _PRO_FORMS:
            # "a third said the same of Cruz", "by the time he said that", "said no": a pro-form stands for the content
            after = [c for c in children if c.dep_ == "prep" and c.i > dobj.i]
            content = _trim(sent.doc, dobj.left_edge.i, max([dobj.right_edge.i, *(c.right_edge.i for c in after)]) + 1, sent)
    if content is None and cue.category == "speech" and not borrowed:
        so = next((c for c in children if c.dep_ in ("advmod", "intj", "dobj") and c.lower_ in ("so", "otherwise", "no", "yes") and c.i > verb.i), None)
        content = _token_chars(so) if so is not None else None  # "after half said so", "the candidate said no"
    if content is None and sent.text.rstrip().endswith(":") and verb.i < sent.end - 1:
        content = _PENDING  # "X tweeted:" with the quote in the next paragraph
    if cue.category == "quote_only" and (content is None or content is _PENDING or not _is_quote(content, ctx) or not _quote_next_to(verb, subject, content)):
        return None  # "the talks would continue", "checks will continue, ... to "streamline"": only "She continued: "..."" reports
    if cue.category == "evidential" and complement is None and content is not None and content is not _PENDING and not _is_quote(content, ctx) and not parenthetical and not (
        dobj is not None and lexicon_documents(subject)
    ):
        return None  # "found the body": an evidential verb reports a clause or a quote (or, of a poll or record, its object)
    if cue.category in ("opinion", "regard") and complement is None:
        content = _held_view(verb, children, sent)  # "supported Trump", "would vote for Clinton", "sees Cruz as a uniter"
        if content is None:
            return None
    if cue.category in STANCE_CATEGORIES and complement is None and _open_choice(verb, children):
        return None  # "has not endorsed a candidate", "can vote for whomever they like": no one is backed or judged
    if cue.category == "topic" and (complement is None and (content is None or not _quote_next_to(verb, subject, content))):
        # "spoke about the economy", "weighed in on the race": the topic phrase is the content ("on" only after a
        # particle: not "spoke on condition of anonymity", "on Tuesday"); not a quote elsewhere in the sentence
        particle = any(c.dep_ == "prt" for c in children)
        preps = [c for c in children if c.dep_ == "prep" and c.i > verb.i] + [g for c in children if c.dep_ == "prt" for g in c.children if g.dep_ == "prep"]
        preps = [p for p in preps if p.lower_ in _TOPIC_PREPS and (p.lower_ != "on" or particle)]
        about = min(preps, key=lambda p: _TOPIC_ORDER.index(p.lower_)) if preps else None
        objects = [c for c in about.children if c.dep_ in ("pobj", "pcomp")] if about is not None else []
        if not objects:
            return None
        content = _trim(sent.doc, objects[0].left_edge.i, objects[-1].right_edge.i + 1, sent)
    if content is None and cue.object_content and verb.dep_ != "acl":  # "a group called the Sea Org" names, it reports nothing
        right = [
            c for c in children
            if c.i > verb.i and (c.dep_ in ("dobj", "prep", "attr", "oprd") or c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN") or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
        ]  # "called for the United States to act": a "for ... to" clause
        has_object = any(c.dep_ == "dobj" for c in right)
        # "called Naghmeh Abedini", "called the senator on Tuesday" parsed as a naming predicate without an object: it is the object
        person = right[0] if right and (right[0].dep_ == "dobj" or right[0].dep_ == "oprd" and not has_object) else None
        predicate = has_object and any(c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" for c in children if c.i > verb.i) or any(c.dep_ == "prt" for c in children)
        # only a bare person: "called Mr. Y, a former director, an outstanding leader" and "calls Trump [a] risk" (a
        # predicate the parser hung on the name) describe someone
        bare = person is not None and not any(t.dep_ in ("appos", "dobj", "attr", "oprd") for t in person.subtree if t.i != person.i)
        if person is not None and person.lemma_.lower() in word_list("share_heads"):
            # "confirmed a few of his revelations": a share is a person only when it is a share of people
            of = next((g for c in person.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            person = of if of is not None else person
        if person is not None and not cue.object_person and is_animate(person, sent) and not lexicon_documents(person) and not predicate and bare:
            # "questioned the student", "challenged Sen. Johnson", "called Naghmeh Abedini": the person is questioned,
            # run against or telephoned, no view reported ("called him a liar", "called out protesters" report one)
            return None
        if right:
            content = _trim(sent.doc, right[0].left_edge.i, max(c.right_edge.i for c in right) + 1, sent)
    if content is None and lemma_of(verb) in _NO_RESPONSE and any(c.dep_ == "neg" for c in children) and not borrowed and _asked(verb):
        # "The Trump campaign did not immediately respond to requests for comment": like a refusal, no content
        end = verb.idx + len(verb.text)
        return _attributed(subject, (end, end), _token_chars(verb), sent, ctx, note=NOTE_NO_RESPONSE, empty=True)
    if content is None:
        return None
    if cue.object_content and _object_outside_clause(verb, children, content, sent, ctx):
        return None
    clause = _chars(sent.doc, verb.left_edge.i, verb.right_edge.i + 1) if verb.dep_ == "advcl" else None
    # "Facebook co-founder Mark Zuckerberg tweeted": the parser split one subject into several; the source covers them
    siblings = [c for c in subject.head.children if c.dep_ == subject.dep_ == "nsubj" and c.i != subject.i and not quotes_in(ctx.qindex, c.idx, c.idx + 1)]
    att = _attributed(subject, content, _token_chars(verb), sent, ctx, note=note, clause=clause, allow_inside=parenthetical or inverted is not None, siblings=siblings)
    if att is not None and subject is noun_of_participle and att.source is not None and att.source[0] < verb.idx < att.source[1]:
        # "a statement Tuesday saying ...": the participle and what follows it are no part of its noun's source
        doc = sent.doc
        end = verb.i
        while end > subject.left_edge.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        att.source = (att.source[0], doc[end - 1].idx + len(doc[end - 1].text))
    if att is not None and before is not None:
        att.elsewhere = True  # the quote's sentence carries the row (a continuation with this source and cue)
        ctx.lead_ins.add(sent.start_char)
    return att


def _share_subject(verb: Token) -> Token | None:
    """A share of people the parser hung on the verb as a number modifier instead of its subject ("About 3 in 10
    say they want ...", "Five in 10 think"): the number right before the verb, else ``None``."""
    share = next((c for c in verb.children if c.dep_ in ("nummod", "quantmod", "npadvmod") and c.tag_ == "CD" and c.i < verb.i), None)
    if share is None or share.right_edge.i != verb.i - 1 or not any(t.lower_ in ("in", "out") for t in share.subtree) or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    return share


def _past_place(subject: Token) -> Token:
    """The name after a place the parser read as the subject and joined to it without a coordinator ("Speaking in
    Dover, Delaware, Smith went after Jones, calling him": Smith as a conjunct of Delaware): that name; else the subject."""
    if subject.ent_type_ not in ("GPE", "LOC", "FAC") or any(c.dep_ == "cc" for c in subject.children):
        return subject
    name = next((c for c in subject.children if c.dep_ == "conj" and c.i > subject.i and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "FAC", "DATE")), None)
    return name if name is not None and subject.doc[name.left_edge.i - 1].text == "," else subject


def _outer_speaker(clause: Token, sent: Span) -> Token | None:
    """The speaker of a cue whose content clause the parser ran a coordinated cue into ("The mayor predicted that the
    budget would balance and thanked the council ...": "praised" hung on "rebound", whose subject cannot praise):
    the subject of the cue the clause is the content of, if it can speak."""
    if clause.dep_ not in CONTENT_DEPS or clause.head is clause or not sent.start <= clause.head.i < sent.end:
        return None
    outer = clause.head
    if outer.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in outer.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and is_animate(subject, sent) and subject.lower_ not in _GENERIC_SOURCES else None


def _choose_subject(verb: Token, subjects: list[Token], sent: Span, ctx: _Context | None = None) -> Token:
    """The speaker among several subjects the parser hung on one cue: the first outside quotation marks (""... that
    Trump articulates it," Viguerie notes"), preferring one that can speak over one that cannot ("Her verdict:
    "...," she said"; "The collapse of the talks marks "...", said Anna Berg"), and a person or body over a place
    or time set before it ("Speaking in Dover, Delaware, Smith went after Jones, calling him", "The next morning, ...,
    Ms. Lee was blunt, claiming")."""

    def rank(c: Token) -> tuple[bool, bool, bool, int]:
        place = c.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") and any(
            o.ent_type_ in ("PERSON", "ORG", "NORP") or o.pos_ == "PRON" or o.lemma_.lower() in load_lexicon().source_nouns for o in subjects if o is not c
        )
        quoted = ctx is not None and bool(quotes_in(ctx.qindex, c.idx, c.idx + 1))
        named = c.pos_ in ("PRON", "PROPN") or c.ent_type_ in ("PERSON", "ORG", "NORP")
        return (quoted, not is_animate(c, sent), place, not named, c.i)

    return min(subjects, key=rank)


def _stranded_subject(verb: Token, sent: Span) -> Token | None:
    """The name right before a finite cue that has no subject of its own ("Alarmed by the unrest in Nevada, Senator
    Harry Reid, the minority leader, said ...", with Reid read as a conjunct of Nevada): the head of the phrase that
    ends at the cue (an appositive and a comma allowed), if it names a person or body; else ``None``."""
    doc = verb.doc
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    j = verb.i - 1
    while j > sent.start and doc[j].text == ",":
        j -= 1
    if j <= sent.start:
        return None
    node = doc[j]
    path = [node]
    # "Maj. Tom R. Hale, an army spokesman in Kabul, said": climb out of the appositive's "in Kabul" too
    while node.dep_ in ("appos", "compound", "det", "amod", "punct", "flat", "pobj", "prep") and sent.start <= node.head.i < verb.i and node.head.i != node.i:
        node = node.head
        path.append(node)
    names = [n for n in path if n.right_edge.i < verb.i and n.ent_type_ in _HOLDER_LABELS and n.pos_ == "PROPN" and n.dep_ not in ("pobj", "prep")]
    people = [n for n in names if n.ent_type_ != "GPE"]
    if people:
        return people[-1]  # the highest person or body on the way up: the appositive's name, not the place in it
    if node.right_edge.i >= verb.i or not (node.ent_type_ in _HOLDER_LABELS and node.pos_ == "PROPN"):
        return None
    return node


def _inverted_parenthetical(verb: Token, subject: Token, complement: Token | None, sent: Span) -> Token | None:
    """The source of a cue set inside the clause it reports with its subject after it ("Part of the problem, say
    experts like X, is the ground", "The contrast, said Doyle and others, would be clear"), which the parser reads as
    the clause's subject before the cue and the cue's subject as the subject of its complement: that subject, or ``None``."""
    doc = verb.doc
    if complement is None or verb.tag_ not in ("VBD", "VBZ", "VBP") or subject.i > verb.i or verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return None
    if subject.right_edge.i >= verb.i - 1 or is_animate(subject, sent):
        return None  # "aides to X, who ..., said": the comma closes the subject's own phrase, and the subject can speak
    inner = next((c for c in complement.children if c.dep_ == "nsubj"), None)
    if inner is None or inner.left_edge.i != verb.i + 1 or not is_animate(inner, sent):
        return None
    comma = inner.right_edge.i if doc[inner.right_edge.i].text == "," else inner.right_edge.i + 1  # the parser may hang the comma on it
    return inner if comma + 1 < sent.end and doc[comma].text == "," else None


def _issuer(noun: Token, sent: Span) -> Token | None:
    """The person or body whose clause holds ``noun``, a thing that speaks through a participle ("the campaign issued
    a statement saying", "Forbes shot back in an article stating", "Trump released an ad calling"): the subject of
    the first verb above the noun's object and prepositional links, if a person or body; else ``None``."""
    if noun.pos_ != "NOUN" or noun.ent_type_ in _HOLDER_LABELS or _person_like(noun) or noun.lemma_.lower() in _agent_nouns():
        return None
    node = noun
    while node.dep_ in ("dobj", "pobj", "prep", "dative") and node.head.i != node.i and sent.start <= node.head.i < sent.end:
        if node.dep_ == "prep" and node.lower_ in _ADJUNCT_PREPS:
            return None  # "Despite surveys showing him behind, Lee toured the state": the surveys show it, not Lee
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is None and node.dep_ == "conj":
                subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            return subject if subject is not None and subject.lower_ not in _GENERIC_SOURCES and is_animate(subject, sent) else None
    return None


def _that_said(verb: Token, subject: Token, sent: Span) -> bool:
    """ "That said, ...", "This said, ...": the demonstrative, the verb and a comma open the sentence (after at most a
    conjunction or adverb: "But that said,"); an idiom of concession, not a report."""
    doc = sent.doc
    if subject.lower_ not in ("that", "this") or subject.i != verb.i - 1 or verb.i + 1 >= sent.end or doc[verb.i + 1].text != ",":
        return False
    return all(t.pos_ in ("CCONJ", "ADV", "PUNCT") for t in doc[sent.start : subject.i])


#: Prepositions of an adjunct whose noun speaks for itself, never for the clause's subject (closed class).
_ADJUNCT_PREPS = frozenset({"despite", "amid", "after", "before", "against", "like", "unlike", "without", "following"})


def _passive_attribution(verb, cue, children, complement, content, sent, ctx) -> Attribution | None:
    agent = next((c for c in children if c.dep_ == "agent"), None)
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
    if not cue.object_person and subject is not None and xcomp is None and (complement is None or complement.i < verb.i) and is_animate(subject, sent) and subject.lower_ != "it" and not any(c.dep_ in ("oprd", "attr") for c in children):
        return None  # "he was confirmed 92 to 0", "the student was questioned": the person is appointed or questioned
    if content is None and xcomp is not None and subject is not None:
        # "X is expected to Y", "X is believed to be Y": the content is X ... Y.
        content = _trim(sent.doc, subject.left_edge.i, xcomp.right_edge.i + 1, sent)
    if xcomp is not None and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in xcomp.children):
        content = None if complement is None else content  # "must be thought out": not "X is thought to"
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if content is None and subject is not None and cue.category in ("speech", "evidential") and pobj is not None and lemma_of(verb) not in word_list("maker_verbs"):
        # "O'Malley's move was first reported by MSNBC": the passive subject is what the agent reported
        # ("71% of stories were written by men", "data maintained by a vendor" name a maker or keeper: word list ``maker_verbs``)
        content = _trim(sent.doc, subject.left_edge.i, subject.right_edge.i + 1, sent)
    if content is None:
        return None
    found = _attributed(pobj, content, _token_chars(verb), sent, ctx) if pobj is not None else None
    if found is not None:
        return found
    if cue.category in STANCE_CATEGORIES or cue.category == "knowledge" or (complement is None and xcomp is None):
        return None  # "was rejected", "was praised": a stance with no stated holder reports nothing; "X is known to" is common knowledge
    if subject is not None and subject.lower_ == "it" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in children):
        return None  # "It should be noted that", "it must be said": the writer's own voice, no one else's report
    # Impersonal: "it was announced", "X is expected to". The verb group is the cue.
    aux = [c for c in children if c.dep_ in ("auxpass", "aux") and c.i < verb.i]
    start = aux[0].i if aux else verb.i
    if subject is not None and subject.lower_ == "it" and subject.i < start:
        start = subject.i
    cue_span = (sent.doc[start].idx, verb.idx + len(verb.text))
    return Attribution(content, cue_span, None, "vague", "impersonal", "")


def _according_to(token: Token, sent: Span, ctx: _Context) -> Attribution | None:
    to = token.nbor(1)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if pobj is None:
        # "According to Rathbun the property was returned": the parser ran the name into the clause.
        doc = sent.doc
        ent = next((e for e in ents_overlapping(doc, to.idx + len(to.text), to.idx + len(to.text) + 1) if e.start == to.i + 1), None)
        if ent is None:
            end = to.i + 1
            while end < sent.end and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end].lower_ not in _DEFINITE | {"a", "an"}:
                end += 1  # a capitalised name the tagger missed
            ent = doc[to.i + 1 : end] if end > to.i + 1 else None
        if ent is None or len(ent) == 0 or ent.end >= sent.end:
            return None
        content = _outside(sent, token.i, ent.end)
        if content is None:
            return None
        source = (ent.start_char, ent.end_char)
        stype, subtype, actor = classify_source(ent[-1], source, ctx)
        return Attribution(content, (token.idx, to.idx + len(to.text)), source, stype, subtype, actor)
    phrase_start, phrase_end = token.i, max(pobj.right_edge.i, to.i, token.right_edge.i if pobj.right_edge.i < token.right_edge.i < sent.end else 0) + 1  # "according to a poll last week"
    content = _outside(sent, phrase_start, phrase_end)
    if content is None:
        return None
    # in mid-sentence ("Other cleavages, according to the poll, include ...") the content is the sentence around the phrase
    set_off = token.i > sent.start and sent.doc[token.i - 1].text in (",", "(", "\u2014", "\u2013", "--")
    return _attributed(pobj, content, (token.idx, to.idx + len(to.text)), sent, ctx, allow_inside=set_off)


def _medium_attribution(noun: Token, sent: Span, ctx: _Context) -> Attribution | None:
    """ "In a statement, the ministry accused ...": the clause's subject is the source."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in load_lexicon().verbs:
        return None  # a reporting verb carries the attribution itself
    subject = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    if subject is None or subject.lower_ in ("it", "there"):
        return None  # "In the earlier interviews, it was a different story": no one speaks (a body that states its own
        # view does so with a reporting verb, which carries the attribution itself)
    if prep.i == verb.i + 1 and not any(t.text == "," for t in sent.doc[sent.start : prep.i]):
        return None  # "He will participate in an interview with WVIT": the phrase completes the verb, it frames no claim
    content = _outside(sent, prep.left_edge.i, prep.right_edge.i + 1)
    if content is None:
        return None
    return _attributed(subject, content, _chars(sent.doc, prep.left_edge.i, prep.right_edge.i + 1), sent, ctx, allow_inside=True)


def _noun_attribution(noun: Token, sent: Span, ctx: _Context) -> Attribution | None:
    """ "There were reports that ...", "Rumors of ... had been circulating", "Russia's claims that ..."."""
    lexicon = load_lexicon()
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lexicon.verbs:
        return None  # "The report says ...": the verb carries it
    if noun.dep_ == "poss":
        return None
    content = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            content = _subtree_chars(child, sent)
            break
    if content is None and any(c.dep_ == "poss" for c in noun.children) and (clause := _copular_clause(noun)) is not None:
        content = _subtree_chars(clause, sent)  # "Our belief is that ..." (a possessor names the holder; "The fear is that" names no one)
    if content is None and lexicon.nouns[noun.lemma_.lower()].object_content:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and of.lower_ == "of" and is_animate(pobj, sent):
            # "the words of Abraham Lincoln", "a word of English": the "of" names whose the words are, not what they say;
            # "in the words of one top staffer, she ...": that person says the clause around the phrase
            prep = noun.head
            doc = sent.doc
            end = max(pobj.right_edge.i, noun.right_edge.i) + 1
            set_off = prep.i > sent.start and doc[prep.i - 1].text == "," or prep.i == sent.start and end < sent.end and doc[end].text == ","
            if prep.dep_ != "prep" or prep.lower_ != "in" or not set_off:
                return None  # "summed up in the very words of Lincoln": whose words, no one's claim
            content = _outside(sent, prep.i, end)
            return _attributed(pobj, content, _token_chars(noun), sent, ctx, allow_inside=True) if content is not None else None
        if pobj is not None:
            content = _subtree_chars(pobj, sent)
    if content is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    found = _attributed(owner, content, _token_chars(noun), sent, ctx) if owner is not None else None
    if found is not None:
        return found
    left = [c for c in noun.lefts if c.dep_ in ("det", "amod", "compound", "nummod")]
    definite = any(c.lower_ in _DEFINITE for c in left)
    stype, subtype = ("unnamed", "document") if definite else ("vague", "report")
    # "reports that ...", "the speculation about ...": the noun is the cue; no one is named as its source (PARC 3.0:
    # a sourceless attribution), so the row has a source type and no source span.
    return Attribution(content, _token_chars(noun), None, stype, subtype, "")


def _adverb_attribution(adverb: Token, sent: Span, ctx: _Context) -> Attribution | None:
    head = adverb.head
    content = _trim(sent.doc, head.left_edge.i, head.right_edge.i + 1, sent)
    if content is None:
        return None
    return Attribution(content, _token_chars(adverb), None, "vague", "adverb", "")


def _is_headline(sent: Span, ctx: _Context) -> bool:
    """The sentence is the article's headline: marked so by the loader, or the first sentence alone on the first line."""
    sentences = ctx.article.sentences
    if not sentences or sentences[0].span.start != sent.start:
        return False
    if sentences[0].is_headline:
        return True
    rest = ctx.article.text[sent.end_char : sent.end_char + 3]
    return "\n" in rest and "\n" not in ctx.article.text[sent.start_char : sent.end_char]


def _headline_verb(sent: Span, ctx: _Context, lexicon: Lexicon) -> Attribution | None:
    """A title-case headline whose cue verb the tagger read as a name ("Glenn Beck Blasts Drudge",
    "Ted Cruz Refuses to Disavow ..."): a capitalised third-person verb cue after a name."""
    doc = sent.doc
    for token in sent:
        if token.i == sent.start or token.pos_ in ("VERB", "AUX") or not token.text[:1].isupper() or not token.lower_.endswith("s"):
            continue
        stem = token.lower_[:-1]
        cue = lexicon.verbs.get(stem) or lexicon.verbs.get(token.lower_[:-2] if token.lower_.endswith("es") else "")
        if cue is None or cue.category not in ("speech", "stance", "opinion", "commitment", "refusal", "intention", "belief", "knowledge", "evidential"):
            continue
        before = doc[sent.start : token.i]
        if len(before) > 8 or not all(t.text[:1].isupper() or t.is_punct or t.lower_ in ("of", "and") for t in before):
            return None
        ents = ents_overlapping(doc, before.start_char, before.end_char)
        if not any(e.label_ in ("PERSON", "ORG", "NORP") for e in ents):
            return None
        content = _trim(doc, token.i + 1, sent.end, sent)
        if content is None:
            return None
        source = _chars(doc, before.start, before.end)
        stype, subtype, actor = classify_source(before[-1], source, ctx)
        return Attribution(content, _token_chars(token), source, stype, subtype, actor)
    return None


#: Prepositions that end the source of a headline lead-in ("Senator Doe on the leak: ...").
_HEADLINE_TOPIC = frozenset({"on", "to", "at", "about", "in"})


def _colon_lead_in(sent: Span, ctx: _Context, *, headline: bool = False) -> Attribution | None:
    """ ``X: "..."`` — a short verbless name, a colon, then a quote; in a headline the quote marks may
    be missing ("Senator Doe on the leak: Unethical", "Poll: Clinton leads")."""
    doc = sent.doc
    if ":" not in doc_text(doc)[sent.start_char : sent.end_char]:
        return None  # no colon, no lead-in
    for token in sent:
        if token.text != ":" or token.i == sent.start or token.i + 1 >= sent.end:
            continue
        first = sent.start
        if headline:
            # A kicker before a dash is no part of the source ("EXCLUSIVE – Roger Stone: ...").
            dash = next((t.i for t in doc[sent.start : token.i] if t.text in ("–", "—", "|")), None)
            first = dash + 1 if dash is not None else first
        before = doc[first : token.i]
        if len(before) == 0 or len(before) > 8 or any(t.pos_ in ("VERB", "AUX") for t in before):
            return None
        if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in before):
            return None
        nxt = doc[token.i + 1]
        if nxt.text not in QUOTE_MARKS:
            if not headline:
                return None
            topic = next((t.i for t in before if t.lower_ in _HEADLINE_TOPIC and t.i > before.start), None)
            before = doc[before.start : topic] if topic is not None else before
            ents = ents_overlapping(doc, before.start_char, before.end_char)
            places = {i for e in ents if e.label_ in ("GPE", "LOC", "FAC", "DATE", "EVENT") for i in range(e.start, e.end)}
            actors = {i for e in ents if e.label_ in ("PERSON", "ORG", "NORP") for i in range(e.start, e.end)}
            named = [t for t in before if (t.pos_ == "PROPN" or t.i in actors or t.lemma_.lower() in load_lexicon().source_nouns) and t.i not in places]
            if not named or before.root.i in places or (len(before) == 1 and before[0].is_upper) or _TRANSCRIPT_LABEL.match(before.text):
                return None  # "EXCLUSIVE:", "UPDATE:": a kicker, not a source
            if not _can_speak_in_headline(before.root, ctx):
                return None  # "Big Win For Bernie: ...", "Spoiler no more: ...", "2016 Nerdcast: ...": a title, not a speaker
            after = [t for t in doc[token.i + 1 : sent.end] if t.is_alpha]
            title_case = sum(t.text[:1].isupper() for t in after) > len(after) / 2  # the tagger reads verbs as names there
            quoted = any(t.tag_ in ("``", "''") or t.text in QUOTE_MARKS for t in doc[token.i + 1 : sent.end])
            if topic is None and not title_case and not quoted and not any(t.tag_ in _FINITE_TAGS or t.pos_ == "AUX" for t in after):
                return None  # "Netanyahu and Obama: A tortured relationship", "Delegate update: the latest count": a title, no one's words
        content = _trim(doc, token.i + 1, sent.end, sent)
        if content is None:
            return None
        head = before.root
        source = _chars(doc, before.start, before.end)
        stype, subtype, actor = classify_source(head, source, ctx)
        return Attribution(content, _token_chars(token), source, stype, subtype, actor)
    return None


def _can_speak_in_headline(head: Token, ctx: _Context) -> bool:
    """The head word of a headline's "X:" names someone or something that can speak. In title case the tagger
    calls every word a name, so a capital is no evidence: the word must be a person, body or group to the
    entity recogniser here or anywhere in the article ("Sanders: ..." when the story names Bernie Sanders),
    a pronoun, a listed source, agent, cue or message noun ("Poll:", "Insiders:", "Democrats' warning:"), or a word
    owned by or compounded with a person or body ("Clinton camp:", "WSJ editorial:")."""
    if head.ent_type_ in _HOLDER_LABELS or head.pos_ == "PRON":
        return True
    lemma, lower = head.lemma_.lower(), head.lower_
    lexicon = load_lexicon()
    if any(word in lexicon.source_nouns or word in lexicon.nouns or word in _agent_nouns() or word in word_list("message_nouns") for word in (lemma, lower)):
        return True  # "Poll:", "Insiders:", "Democrats' new warning:"
    if any(e.label_ in _HOLDER_LABELS and head.text in e.text.split() for e in ctx.article.doc.ents):
        return True
    # "Clinton camp:", "WSJ editorial:": a word owned by or compounded with a person or body speaks for it
    return any(c.dep_ in ("compound", "poss") and c.i < head.i and c.ent_type_ in _HOLDER_LABELS for c in head.children)


#: Tags of a finite verb: what a headline's words after "Name:" need to be a claim of Name's (unless quoted).
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_TRANSCRIPT_LABEL = re.compile(r"^(?:Q|QUESTION|REPORTER)$")
#: Content of an attribution whose quote starts after its sentence ("X tweeted:" + quote).
_PENDING = (0, 0)


#: The signature line of an embedded tweet: a dash, the author's name and "(@handle)" (Twitter's embed markup).
_TWEET_SIGNATURE = re.compile(r"(?P<dash>[—―–]|--?)\s*(?P<name>[^\s()—―–@][^()—―–@\n]{0,80}?)\s*\(@\w{1,30}\)")


def _tweet_signature(sent: Span, ctx: _Context) -> Attribution | None:
    """An embedded tweet signed "text — Name (@handle) date": Name is the source of the text before the dash."""
    text = doc_text(sent.doc)
    match = _TWEET_SIGNATURE.search(text, sent.start_char, sent.end_char)
    if match is None:
        return None
    dash = (match.start("dash"), match.end("dash"))
    name = (match.start("name"), match.end("name"))
    # The tweet's text: from the start of its paragraph (or of the markup around it) to the dash; it may
    # hold several sentences ("Great rally tonight! — Donald J. Trump (@realDonaldTrump) June 29, 2016").
    start = max(text.rfind("\n", 0, dash[0]) + 1, text.rfind(">", 0, dash[0]) + 1)
    while start < dash[0] and text[start].isspace():
        start += 1
    end = dash[0]
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    content = (start, end)
    tokens = sent.doc.char_span(*name, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    source = (tokens.start_char, tokens.end_char)
    stype, subtype, actor = classify_source(tokens[-1], source, ctx)
    return Attribution(content, dash, source, stype, subtype, actor, "an embedded tweet's signature line")


def _that_clause_below(verb: Token) -> Token | None:
    """A "that" clause hanging below the verb's object ("told LA Weekly in a statement that ...")."""
    frontier = [c for c in verb.children if c.dep_ in ("dobj", "prep", "npadvmod") and c.i > verb.i]
    for _ in range(3):
        nxt = []
        for token in frontier:
            for child in token.children:
                if child.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" and m.tag_ == "IN" for m in child.children):
                    return child
                if child.dep_ in ("pobj", "prep", "dobj"):
                    nxt.append(child)
        frontier = nxt
    return None


#: Reflexive pronouns (closed class): "found himself playing defense" reports no finding.
_REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves", "oneself"})
#: Pronoun subjects that can hold an intention ("he wants to").
PERSON_SUBJECTS = frozenset({"he", "she", "i", "we"})
#: Dashes that end a dateline ("WASHINGTON (AP) — ..."); a hyphen or bar with spaces on both sides is one too
#: ("BERLIN (Reuters) - Jane Porter said"), never the hyphen of "D-NY".
_DASHES = frozenset({"—", "–", "--"})
_SPACED_DASHES = frozenset({"-", "\u2015"})


def _is_dash(token: Token) -> bool:
    if token.text in _DASHES:
        return True
    return token.text in _SPACED_DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
#: Subjects that are generic, never a source ("you never know", "one might think").
_GENERIC_SOURCES = frozenset({"you", "one", "y'all", "ya"})
#: Dependency labels of a participial cue hanging off the clause whose subject speaks
#: ("..., saying that", "after telling reporters", "Trump, adding ...").
_PARTICIPIAL_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "parataxis", "dep", "ccomp"})


def _participial_subject(verb: Token) -> Token | None:
    """The subject of the clause a participial cue ("saying", "adding", "noting") hangs off."""
    if verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPIAL_DEPS or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    own = _absolute_subject(verb)
    if own is not None:
        return own
    head = verb.head
    for _ in range(3):
        if head.dep_ == "prep" or head.pos_ == "ADP":  # "after saying", "by noting"
            head = head.head
            continue
        if head.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject = _choose_subject(head, subjects, head.sent) if len(subjects) > 1 else next(iter(subjects), None)
        if subject is not None:
            return subject if subject.dep_ == "nsubj" or head.lemma_ in load_lexicon().verbs else None
        if head.dep_ not in ("conj", "advcl", "xcomp") or head.head is head:
            return None
        head = head.head
    return None


#: Prepositions that open an absolute construction, whose noun is the subject of the participle after it
#: ("with Porter asking", "with 40 percent saying", "despite surveys showing"; closed class).
_ABSOLUTE_PREPS = frozenset({"with", "despite", "amid", "without"})


def _absolute_subject(verb: Token) -> Token | None:
    """The noun right before a participle in an absolute construction ("The interview ended with Porter asking
    the mayor whether ...", "despite surveys showing him behind"): the participle's own subject, not the clause's."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    noun = before if before.dep_ == "pobj" else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN", "NUM") or noun.right_edge.i != verb.i - 1:
        return None
    if noun.head.lower_ not in _ABSOLUTE_PREPS or noun.head.dep_ != "prep":
        return None
    return noun if is_animate(noun, noun.sent) or lexicon_documents(noun) else None


def _raised_subject(verb: Token, sent: Span) -> Token | None:
    """The speaker of a cue in a "to" infinitive under a verb or adjective that is no cue itself ("Trump seemed to
    confirm", "Democrats are quick to point out", "voters are more likely to say", "she took to Twitter to say",
    "he went on to name"): the subject of the clause the infinitive hangs from, climbing a chain of infinitives
    ("tried to continue to insist"). ``None`` when the outer word is a cue (its own attribution covers the
    infinitive: "wants to say", "refused to endorse"), when it has a person or body as object (the object is
    the one to speak: "asked him to say", "urged Congress to back"), when it is passive ("was asked to comment"),
    or when the subject is an expletive ("it is hard to see")."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None
    if any(c.dep_ in CONTENT_DEPS and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children) for c in verb.children):
        return None  # "waited to see if", "tried to find out whether": an open question, nothing reported
    lexicon = load_lexicon()
    node = verb
    for _ in range(4):
        if node.dep_ not in ("xcomp", "advcl") or node.head is node:
            return None
        head = node.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp", "oprd"):
            if head.lemma_.lower() in lexicon.adjectives or head.lower_ in lexicon.adjectives:
                return None  # "is eager to", "is reluctant to": the attitude adjective reports
            head = head.head  # "are quick to point out", "are more likely to say": the copula's subject
        if head.pos_ not in ("VERB", "AUX") or not sent.start <= head.i < sent.end:
            return None
        outer = lexicon.verbs.get(cue_lemma(head, lexicon.verbs))
        if outer is not None and outer.category != "quote_only" and head.lemma_.lower() not in _COPULAS:
            return None
        children = list(head.children)
        if any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in children):
            return None
        if any(c.dep_ in ("dobj", "dative") and c.i < node.i and (node.dep_ == "xcomp" or is_animate(c, sent)) for c in children):
            return None  # "asked him to say", "drove thousands to demand": the object is the one to speak
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.lower_ in ("it", "this", "that", "there") or subject.i > verb.i:
                return None
            return subject
        node = head
    return None


def _infinitive(verb: Token) -> Token | None:
    """A "to" infinitive below the verb ("wants to win", "urged them to act", "called on X to act")."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
            return child
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for child in pobj.children:
                if child.dep_ in ("acl", "relcl", "xcomp") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
                    return child
    for dobj in (c for c in verb.children if c.dep_ == "dobj"):
        for child in dobj.children:
            if child.dep_ in ("acl", "xcomp") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
                return child
    return None


#: Cue categories whose content is the object (a stance, a support, a judgement): no holder, no attribution.
STANCE_CATEGORIES = frozenset({"stance", "opinion", "regard"})
#: Cue categories of belief: a clause as content ("think that"); knowledge ("know that") only outside quotation marks.
_BELIEF_CATEGORIES = frozenset({"belief", "knowledge"})
#: Cue categories attributed only to people and bodies ("Trump supports", "voters see X as"), never "the data support".
_HOLDER_CATEGORIES = frozenset({"opinion", "regard", "topic"})
#: Prepositions that carry the topic of a communication verb ("spoke about", "weighed in on", "railed against").
_TOPIC_ORDER = ("about", "regarding", "of", "against", "on")
_TOPIC_PREPS = frozenset(_TOPIC_ORDER)
#: Prepositions of an opinion verb that carry what is supported ("vote for", "vote against").
_OPINION_PREPS = frozenset({"for", "against", "behind"})
#: Prepositions that carry a communication noun's content ("the case for", "a swipe at", "her support of").
_NOUN_CONTENT_PREPS = frozenset({"of", "for", "about", "on", "against", "at", "to", "over", "that"})
#: Words that open a relative clause (closed class; "that" is often tagged IN).
_RELATIVISERS = frozenset({"that", "which", "who", "whom", "what"})
#: The same on the light verb ("took a swipe at Bush"): not "on", "in" (time and place).
_VERB_CONTENT_PREPS = frozenset({"of", "for", "about", "against", "at", "to", "over"})
#: Pronouns that can stand for a person or a body holding a view (closed class).
_HOLDER_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "who", "my", "our", "his", "her", "their", "its", "it", "whose"})
_HOLDER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def is_animate(token: Token, sent: Span) -> bool:
    """``token`` can hold a view: a person or body (a name, a listed person/group/source noun, a
    person pronoun) or a share of people ("56 percent", "a majority of voters", "three-quarters")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$", "WP", "WP$"):
        return lower in _HOLDER_PRONOUNS
    if token.ent_type_ in _HOLDER_LABELS or token.pos_ == "PROPN":
        return True
    if lemma in load_lexicon().source_nouns or lemma in _agent_nouns() or lemma in word_list("share_heads") or token.like_num:
        return True
    return False


def lexicon_documents(token: Token) -> bool:
    """``token`` is a document or evidence noun of the source list ("poll", "survey", "data", "records")."""
    return load_lexicon().source_nouns.get(token.lemma_.lower(), ("", ""))[1] == "document"


def _person_like(token: Token) -> bool:
    """A person or people: a person pronoun, a PERSON or NORP name, an unnamed source noun ("officials",
    "voters") or a share of people ("56 percent") — not a body ("the organization")."""
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "WP"):
        return token.lower_ in PERSON_SUBJECTS or token.lower_ in ("they", "who")
    if token.ent_type_ in ("PERSON", "NORP"):
        return True
    lemma = token.lemma_.lower()
    return lemma in word_list("share_heads") or load_lexicon().source_nouns.get(lemma, ("", ""))[0] == "unnamed" and load_lexicon().source_nouns[lemma][1] != "document"


@lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    """Nouns of people and bodies: the kit's agent, group and actor nouns and the generic heads of organisations."""
    return word_list("agent_nouns") | group_nouns() | frozenset(actor_nouns()) | word_list("organisation_heads") | word_list("holder_nouns")


def _held_view(verb: Token, children: list[Token], sent: Span) -> tuple[int, int] | None:
    """What an opinion or judgement verb attributes: its object ("supported Trump"), a "for"/"against"
    phrase ("would vote for Clinton"); a judgement verb needs its "as" phrase or predicative too
    ("sees Cruz as a uniter", "consider Clinton honest")."""
    lemma = cue_lemma(verb, load_lexicon().verbs)
    cue = load_lexicon().verbs[lemma]
    right = [c for c in children if c.i > verb.i and (c.dep_ in ("dobj", "attr") or c.dep_ == "prep" and c.lower_ in _OPINION_PREPS)]
    if cue.category == "regard":
        judged = [c for c in children if c.i > verb.i and (c.dep_ in ("oprd", "ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "advcl" and any(g.lower_ == "as" for g in c.children))]
        judged += [g for c in children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep" and g.lower_ == "as" or g.dep_ in ("amod", "acomp") and g.i > c.i]
        if not judged:
            return None
        right += judged
    if not right:
        return None
    return _trim(sent.doc, min(c.left_edge.i for c in right), max(c.right_edge.i for c in right) + 1, sent)


#: Determiners of an open choice ("a candidate", "any nominee", "no one"): closed-class grammar, not vocabulary.
_OPEN_DETERMINERS = frozenset({"a", "an", "any", "no", "another", "either", "neither", "whichever", "whatever", "some"})
_OPEN_CHOICE = word_list("open_choice_nouns")
_MATERIAL = word_list("material_modifiers")
_QUANTIFIERS = frozenset({"more", "most", "much", "many", "some", "all", "any", "few", "none", "part", "lot", "bit", "deal"})


def _plain_object(verb: Token, children: list[Token], ctx: _Context) -> bool:
    """A ``message`` cue's noun object names nothing said, thought or shown ("shares a residence", "accepted
    awards", "offer a marketing perk"); a cue noun or a ``message_nouns`` word ("shared her concerns", "offered
    condolences"), a pronoun ("echoed that"), a predicate after the object or a quote inside it keep the cue."""
    dobj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    if dobj is None or dobj.pos_ == "PRON" or any(c.dep_ in ("oprd", "ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return False  # "pressed officials for a role": what is pressed for is the content
    head = dobj
    if head.tag_ in ("JJR", "JJS", "DT", "CD") or head.lemma_.lower() in _QUANTIFIERS:
        # "shares more of Mr. Ryan's views": the noun after "of" names what is shared
        head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), head)
    lemma = head.lemma_.lower()
    if lemma in load_lexicon().nouns or lemma in word_list("message_nouns"):
        return False
    start, end = _token_chars(dobj.left_edge)[0], _token_chars(dobj.right_edge)[1]
    return not quotes_in(ctx.qindex, start, end)


def _open_choice(verb: Token, children: list[Token]) -> bool:
    """The object of a support or stance verb is an open choice, no one in particular: "a candidate", "any
    nominee", "whomever they like". A name anywhere in it ("a candidate like Sanders") makes it someone; "the
    nominee" is someone."""
    objects = [c for c in children if c.i > verb.i and c.dep_ == "dobj"]
    objects += [g for c in children if c.i > verb.i and c.dep_ == "prep" and c.lower_ in _OPINION_PREPS for g in c.children if g.dep_ == "pobj"]
    if not objects:
        return False
    head = objects[0]
    if head.lower_ not in _OPEN_CHOICE and head.lemma_.lower() not in _OPEN_CHOICE:
        return False
    if any((t.pos_ == "PROPN" or t.ent_type_) and not (t.ent_type_ == "NORP" and t.head.i == head.i) for t in head.subtree):
        return False  # a name makes it someone; a party's ("a Republican nominee") does not
    dets = [c for c in head.children if c.dep_ in ("det", "poss")]
    if not dets and head.tag_ != "NNS":
        return True  # "whomever", "anyone"
    return any(d.lower_ in _OPEN_DETERMINERS for d in dets)


def _object_outside_clause(verb: Token, children: list[Token], content: tuple[int, int], sent: Span, ctx: _Context) -> bool:
    """A speech act in a relative clause whose object is the relativised noun ("the atmosphere that critics
    blame for ..."): its content lies outside the clause. ("what he calls "X"" and "who blasted Trump" keep theirs.)"""
    if verb.dep_ != "relcl" or any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr") and c.tag_ not in ("WDT", "WP") and c.lower_ not in _RELATIVISERS for c in children):
        return False
    # "the atmosphere that critics blame for ...": the relativised noun is the object; what is reported lies
    # outside the clause, and the clause's remains ("for denying them entry") are no content.
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    first = sent.doc.char_span(content[0], content[1], alignment_mode="expand")
    judged = first is not None and len(first) > 0 and first[0].lower_ == "as"  # "which Trump blasted as a disaster": the judgement stays
    return subject is not None and subject.tag_ not in ("WDT", "WP") and subject.lower_ not in _RELATIVISERS and not judged and not _is_quote(content, ctx)


def _quote_next_to(verb: Token, subject: Token | None, content: tuple[int, int]) -> bool:
    """The quote follows the verb with only punctuation between ("continued: "..."") or precedes it with only
    punctuation and the subject between (""...," she continued")."""
    doc = verb.doc
    end = verb.idx + len(verb.text)
    if content[0] >= end:
        return not any(ch.isalnum() for ch in doc_text(doc)[end : content[0]])
    if content[1] <= verb.idx:
        lo, hi = (subject.left_edge.i, subject.right_edge.i) if subject is not None else (verb.i, verb.i)
        first = doc.char_span(content[1], verb.idx, alignment_mode="expand")
        return first is None or all(t.is_punct or t.is_space or lo <= t.i <= hi or t.dep_ in ("aux", "advmod", "neg") for t in first if t.i != verb.i)
    return True


def _copular_clause(noun: Token) -> Token | None:
    """The "that" clause a noun is equated with as the subject of "be": "His view is that the treaty will fail"
    (the parser hangs the clause on the copula, not on the noun). Without "that" the clause is too often
    something else in speech ("the biggest concern is — I have is a misunderstanding")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be" or verb.i < noun.i:
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(d.dep_ == "mark" and d.lower_ == "that" for d in c.children)), None)


def _noun_content(noun: Token, sent: Span) -> tuple[int, int] | None:
    """A communication noun's content: its "that" clause or infinitive ("the case that", "a decision to"),
    the clause it is equated with ("his view is that ..."), or its prepositional phrase ("a swipe at Bush",
    "support for Clinton")."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" or c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
            return _subtree_chars(child, sent)
    if (clause := _copular_clause(noun)) is not None:
        return _subtree_chars(clause, sent)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _NOUN_CONTENT_PREPS and child.i > noun.i:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].ent_type_ in ("DATE", "TIME"):
                continue  # "their remarks on Monday": a date is no content
            if objects:
                return _trim(sent.doc, objects[0].left_edge.i, objects[-1].right_edge.i + 1, sent)
    return None


def _light_verb_attribution(noun: Token, sent: Span, ctx: _Context) -> Attribution | None:
    """A communication noun as the object of a light verb: "made the case that", "took a swipe at Bush",
    "offered his congratulations to", "made several controversial statements" (verb to noun is the cue)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in word_list("speech_light_verbs") or verb.i > noun.i:
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    if any(c.dep_ == "dobj" and c.i < noun.i for c in verb.children):
        return None  # "will take the stage after ..., Biden's decision not to run": two objects, a misparse; the verb's object is the first
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and not is_animate(subject, sent):
            subject = _outer_speaker(verb.head, sent) or subject
    if subject is None:
        subject = _participial_subject(verb)
    if subject is None or subject.lower_ in _GENERIC_SOURCES or not is_animate(subject, sent) or _material(noun):
        return None
    content = _noun_content(noun, sent)
    if content is None:
        # "took a swipe at Bush", "offered his congratulations to X": the parser hung the phrase on the verb.
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in _VERB_CONTENT_PREPS), None)
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
        if objects:
            content = _trim(sent.doc, objects[0].left_edge.i, objects[-1].right_edge.i + 1, sent)
    if content is None:
        complement = next((c for c in verb.children if c.dep_ in CONTENT_DEPS), None)
        content = _subtree_chars(complement, sent) if complement is not None else None
    if content is None:
        content = _quote_near(verb, sent, ctx)
    if content is None:
        return None
    return _attributed(subject, content, _chars(sent.doc, verb.i, noun.i + 1), sent, ctx)


#: Verbs that predicate an adjective of their subject ("is skeptical", "seemed confident", "grew wary").
_COPULAS = frozenset({"be", "seem", "remain", "appear", "feel", "become", "grow", "sound", "look", "stay", "get"})
#: Prepositions that carry what an attitude is about ("skeptical of", "worried about", "opposed to").
_ATTITUDE_PREPS = frozenset({"of", "about", "that", "to", "with", "on", "over", "toward", "towards"})


#: "make sure", "make certain": to ensure something, not a stance (closed class).
_ENSURE_ADJECTIVES = frozenset({"sure", "certain"})


def _attitude_attribution(adj: Token, sent: Span, ctx: _Context) -> Attribution | None:
    """An adjective of attitude or certainty predicated of a person or body: "Viguerie is upbeat about Cruz's
    chances", "voters are worried that ...", "he made it clear that ..."; the clause or phrase it takes is the content."""
    head = adj.head
    lemma = head.lemma_.lower()
    if not (adj.dep_ == "acomp" and lemma in _COPULAS or adj.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and lemma == "make"):
        return None
    if lemma == "make" and adj.lemma_.lower() in _ENSURE_ADJECTIVES:
        return None  # "Aides make sure the president ...": to ensure, no one's certainty
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None and head.dep_ == "conj":
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if subject is None or not is_animate(subject, sent) or subject.lower_ in ("it", "its"):
        return None
    content = _attitude_content(adj, sent)
    if content is None and lemma == "make":
        complement = next((c for c in head.children if c.dep_ == "ccomp" and c.i > adj.i), None)
        content = _subtree_chars(complement, sent) if complement is not None else None
    if content is None:
        return None
    cue = _chars(sent.doc, head.i, adj.i + 1) if lemma == "make" else _token_chars(adj)
    return _attributed(subject, content, cue, sent, ctx)


def _attitude_content(adj: Token, sent: Span) -> tuple[int, int] | None:
    """What an attitude adjective takes: its clause ("worried that ...", "eager to ...") or its phrase ("skeptical of X")."""
    for child in adj.children:
        if child.dep_ in ("ccomp", "xcomp", "acl") or child.dep_ == "advcl" and any(m.lower_ == "that" for m in child.children):
            return _subtree_chars(child, sent)
        if child.dep_ == "prep" and child.lower_ in _ATTITUDE_PREPS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return _trim(sent.doc, objects[0].left_edge.i, objects[-1].right_edge.i + 1, sent)
    return None


def _participle_attitude(verb: Token, sent: Span, ctx: _Context) -> Attribution | None:
    """ "Secularist associations are concerned the Government will ...", "voters are worried about X": an attitude
    adjective the tagger read as a passive participle (no agent); its subject holds the attitude."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return None
    if subject.lower_ in ("it", "its") or not is_animate(subject, sent):
        return None
    content = _attitude_content(verb, sent)
    if content is None:
        return None
    return _attributed(subject, content, _token_chars(verb), sent, ctx)


def _possessed_noun_attribution(noun: Token, sent: Span, ctx: _Context) -> Attribution | None:
    """A stance noun with a person or body as possessor: "her support for", "Trump's proposal to ban",
    "his comments on"; the possessor is the source."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        # "criticism from many environmentalists that ...", "the decision by the court to ...": the agent phrase holds it
        agent = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i), None)
        owner = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if owner is None or not is_animate(owner, sent) or _material(noun):
        return None
    content = _noun_content(noun, sent)
    if content is None:
        return None
    return _attributed(owner, content, _token_chars(noun), sent, ctx)


def _material(noun: Token) -> bool:
    """A stance noun made material by its modifier ("their financial support for the convention", "military support
    for Kyiv"): money or arms given, not a view held (word list ``material_modifiers``)."""
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _MATERIAL for c in noun.children if c.i < noun.i)


#: Pro-forms that, as the object of a speech verb, stand for its content ("said that", "said the same of X").
_PRO_FORMS = frozenset({"that", "this", "so", "same", "it", "otherwise", "no", "yes", "nothing", "something"})
#: Speech verbs that, negated and without content, report a non-answer ("did not respond to requests for comment").
_NO_RESPONSE = frozenset({"respond", "comment", "reply", "answer"})
NOTE_TURN = "a speaker's turn in a transcript"
NOTE_NO_RESPONSE = "no answer to a request for comment: an attribution without content (empty content span)"


#: What a source is asked that it may not answer ("requests for comment", "emailed questions").
_REQUESTS = frozenset({"request", "question", "call", "email", "message", "inquiry", "query", "comment"})


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def _asked(verb: Token) -> bool:
    """The verb answers (or not) a request: "respond to requests for comment", "reply to emailed questions"."""
    return any(o.lemma_.lower() in _REQUESTS for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj")


#: The content-less refusals: "declined to comment", "refused to discuss it".
_NO_CONTENT = frozenset({"comment", "elaborate", "discuss", "respond", "answer", "speculate"})
NOTE_REFUSAL = "a refusal to comment: an attribution without content (empty content span)"


def _refusal(verb: Token, subject: Token, infinitive: Token | None, sent: Span, ctx: _Context) -> Attribution | None:
    """ "X declined to comment" (no content: an empty span and a note), "X refused to disavow Y" (the infinitive)."""
    if infinitive is None:
        return None
    extra = [c for c in infinitive.children if c.dep_ not in ("aux", "neg", "punct", "advmod", "prep")]
    if infinitive.lemma_.lower() in _NO_CONTENT and not extra:
        end = infinitive.idx + len(infinitive.text)
        att = _attributed(subject, (end, end), (verb.idx, end), sent, ctx, note=NOTE_REFUSAL, empty=True)
        return att
    content = _subtree_chars(infinitive, sent)
    if content is None:
        return None
    return _attributed(subject, content, _token_chars(verb), sent, ctx)


def _is_quote(content: tuple[int, int], ctx: _Context) -> bool:
    return quoted_share(quotes_in(ctx.qindex, *content), *content, ctx.article.text) >= DIRECT_SHARE


# ---------------------------------------------------------------- sources
def classify_source(head: Token, source: tuple[int, int], ctx: _Context) -> tuple[str, str, str]:
    """``(source_type, source_subtype, source_actor)`` of a source whose head is ``head``."""
    doc = head.doc
    lexicon = load_lexicon()
    span = doc.char_span(*source, alignment_mode="expand")
    tokens = list(span) if span is not None else [head]
    ents = ents_overlapping(doc, *source)
    head_ent = next((e for e in ents if e.start <= head.i < e.end), None)
    if is_pronoun(head) and head_ent is None:
        return _pronoun_source(head, ctx)
    if head_ent is not None and head_ent.label_ in _PERSON_LABELS:
        titled = any(t.i < head_ent.start and (t.lower_ in lexicon.source_nouns or t.pos_ == "NOUN") for t in tokens) or len(strip_titles(head_ent)) < len(head_ent)
        return "named_person", "official" if titled else "person", head_ent.kb_id_ or clean_mention(head_ent.text)
    if head_ent is not None and head_ent.label_ in _ORG_LABELS:
        entry = lookup(clean_mention(head_ent.text))
        kind = "state" if head_ent.label_ == "GPE" or (entry is not None and entry.kind == "state") else "organization"
        return "named_organization", kind, head_ent.kb_id_ or clean_mention(head_ent.text)
    if head_ent is not None and head_ent.label_ == "NORP":
        return "unnamed", "collective", head_ent.kb_id_ or clean_mention(head_ent.text)
    affiliation = next((e for e in ents if e.label_ in _ORG_LABELS | {"NORP"} and e.kb_id_), None)
    person = next((e for e in ents if e.label_ in _PERSON_LABELS), None)
    lemma = head.lemma_.lower()
    text = doc_text(doc)[source[0] : source[1]].lower()
    if any(w in text for w in _ANONYMITY):
        return "unnamed", "anonymous", affiliation.kb_id_ if affiliation is not None else ""
    if lemma in lexicon.source_nouns:
        stype, subtype = lexicon.source_nouns[lemma]
        if subtype == "report" and (any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in head.lefts) or affiliation is not None):
            stype, subtype = "unnamed", "document"
        if subtype == "document" and (affiliation is not None or any(t.pos_ == "PROPN" for t in tokens)):
            return "named_organization", "document", affiliation.kb_id_ if affiliation is not None else ""
        return stype, subtype, affiliation.kb_id_ if affiliation is not None else ""
    if head.pos_ == "PROPN":
        entry = lookup(clean_mention(head.text))
        if entry is not None and entry.kind in ("state", "organization", "place", "region"):
            return "named_organization", "state" if entry.kind == "state" else "organization", entry.actor
        return "named_person", "person", clean_mention(" ".join(t.text for t in tokens if t.pos_ == "PROPN")) or clean_mention(head.text)
    if person is not None and affiliation is None:
        return "unnamed", "individual", person.kb_id_  # "a spokesman for Peskov"
    subtype = "collective" if head.tag_ in ("NNS", "NNPS") else "individual"
    return "unnamed", subtype, affiliation.kb_id_ if affiliation is not None else ""


def _pronoun_source(head: Token, ctx: _Context) -> tuple[str, str, str]:
    previous = [(at, actor) for at, actor, _, _ in ctx.collective]
    actor = resolve_pronoun(head, previous=previous, speaker=ctx.speaker, ignore=[(q.start, q.end) for q in ctx.quotes])
    outside_quotes = not quotes_in(ctx.qindex, head.idx, head.idx + 1)
    if head.lower_ in FIRST_PERSON and not actor and outside_quotes and ctx.turn is not None:
        return ctx.turn.source_type, ctx.turn.source_subtype, ""  # "I" in an unnamed speaker's turn (SENIOR ADMINISTRATION OFFICIAL, Q)
    if head.lower_ in FIRST_PERSON and not actor and outside_quotes:
        return "author", "first_person", ""  # "I believe ..." outside any quote or turn: the writer's own voice
    if not actor:
        return "unnamed", "pronoun", ""
    if head.lower_ in FIRST_PERSON and actor == ctx.speaker:
        turn_type = next((t for _, a, t, _ in reversed(ctx.collective) if a == actor), "")
        return ctx.speaker_type or turn_type or "named_person", "pronoun", actor
    for _, prev_actor, stype, _ in reversed(ctx.collective):
        if prev_actor == actor and head.lower_ in ("they", "them", "it", "their", "its", "we", "us", "our"):
            return stype, "pronoun", actor
    ent = next((e for e in doc_ents(head.doc) if e.kb_id_ == actor and e.start_char < head.idx), None)
    if ent is None or ent.label_ == "PERSON":
        return "named_person", "pronoun", actor
    if ent.label_ == "NORP":
        return "unnamed", "pronoun", actor
    return "named_organization", "pronoun", actor


def _attributed(
    head: Token, content: tuple[int, int], cue: tuple[int, int], sent: Span, ctx: _Context, *, allow_inside: bool = False, note: str = "", clause: tuple[int, int] | None = None,
    empty: bool = False, siblings: Sequence[Token] = (),
) -> Attribution | None:
    """The attribution of ``content`` to the source phrase headed by ``head`` (``None`` when no source span fits);
    ``siblings``: other subjects of the cue, joined to the source when only a space or hyphen separates them."""
    antecedent = _antecedent(head)
    if antecedent is not None:
        # "Jane Doe, who said ...": the source runs from the antecedent to the relative pronoun, and is the antecedent;
        # "Citizens for Parks, a local group that endorsed": the name the appositive describes.
        named = antecedent.head
        if antecedent.dep_ == "appos" and named.i < antecedent.i and named.pos_ in ("PROPN", "NOUN") and sent.start <= named.left_edge.i:
            antecedent = named
        first = antecedent.left_edge.i
        if antecedent.ent_type_ in _HOLDER_LABELS:
            # "Citizens for Parks, a group that": the whole name, though the parser hung the appositive on its last word
            first = min(first, next((e.start for e in ents_overlapping(head.doc, antecedent.idx, antecedent.idx + 1) if e.start <= antecedent.i < e.end), first))
        source = _chars(head.doc, first, head.i + 1)
        if not _overlaps(source, content) and sent.start <= first:
            stype, subtype, actor = classify_source(antecedent, source, ctx)
            return Attribution(content, cue, source, stype, subtype, actor, note, clause=clause, empty=empty)
    source = _source_span(head, content, sent, allow_inside=allow_inside)
    if source is None:
        return None
    doc = head.doc
    if siblings and head.pos_ != "PRON":  # a pronoun is a whole source ("the caucus she now hopes to lead": not "caucus she")
        text = doc_text(doc)
        for sibling in sorted(siblings, key=lambda t: abs(t.i - head.i)):
            last = sibling.right_edge.i
            while last > sibling.i and (doc[last].is_punct or doc[last].is_space):
                last -= 1  # "BERLIN (Reuters) -": the dash after the sibling is no part of it
            lo, hi = _chars(doc, sibling.left_edge.i, last + 1)
            gap = text[hi : source[0]] if hi <= source[0] else text[source[1] : lo] if lo >= source[1] else "x"
            spaced_dash = gap.strip() in ("-", "\u2010", "\u2011") and gap.startswith(" ") and gap.endswith(" ")  # "BERLIN (Reuters) - Jane Porter"
            # "her press adviser, Tom Reed, said" read as two subjects: a title noun and the name it describes
            appositive = gap.strip() == "," and {head.pos_, sibling.pos_} == {"NOUN", "PROPN"}
            if (appositive or not gap.strip(" -\u2010\u2011") and not spaced_dash) and sibling.pos_ != "PRON" and not _overlaps((lo, hi), content):
                source = (min(lo, source[0]), max(hi, source[1]))
    name = _name_before(head, source, sent)
    if name is not None and not _overlaps((name.left_edge.idx, source[1]), content):
        # ""...," Ruth Alder, the treasurer of the county club, recalled": the name the parser left off its appositive
        source, head = (name.left_edge.idx, source[1]), name
    if source[0] == sent.start_char and cue[0] > source[1]:
        # "NEW YORK, Nov. 19 (UPI) — Hillary Clinton is calling ...": the parser took the dateline for the subject.
        dash = next((t.i for t in sent if _is_dash(t) and source[1] <= t.idx < cue[0]), None)
        cue_token = next((t.i for t in sent if t.idx >= cue[0]), None)
        if dash is not None and cue_token is not None and any(t.pos_ == "PROPN" for t in doc[dash + 1 : cue_token]):
            end = cue_token
            while end > dash + 1 and doc[end - 1].pos_ in ("AUX", "ADV", "PART", "PUNCT"):
                end -= 1
            if end > dash + 1:
                source = _chars(doc, dash + 1, end)
    if not source[0] <= head.idx < source[1]:
        span = head.doc.char_span(*source, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        head = span.root  # the source lost a dateline that held the parser's head
    turn = ctx.turn
    if turn is not None and _overlaps(source, (turn.label[0], turn.colon[1] if turn.colon else turn.label[1])):
        # The parser took the speaker label ("MS. JEAN-PIERRE: I think ...") into the subject: the speaker is the source.
        return Attribution(content, cue, turn.label, turn.source_type, turn.source_subtype, turn.actor, note, clause=clause, empty=empty)
    stype, subtype, actor = classify_source(head, source, ctx)
    return Attribution(content, cue, source, stype, subtype, actor, note, clause=clause, empty=empty)


def _name_before(head: Token, source: tuple[int, int], sent: Span) -> Token | None:
    """A person's or body's name right before a common-noun source, with only a comma between them, that the parser
    hung on the same word as the source ("Ruth Alder, the treasurer of ..., recalled", Alder read as an
    adverbial): the name's head token, else ``None``."""
    if head.pos_ != "NOUN":
        return None
    doc = head.doc
    first = next((t for t in doc[head.left_edge.i : head.i + 1] if t.idx >= source[0]), None)
    if first is None or first.i - 2 < sent.start or doc[first.i - 1].text != ",":
        return None
    name = doc[first.i - 2]
    while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.i < first.i - 1:
        name = name.head
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG") or name.head.i != head.head.i or name.dep_ not in ("npadvmod", "nsubj", "dep", "appos"):
        return None
    return name


def _antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun source stands for ("officials, who said" → officials)."""
    if head.lower_ not in RELATIVE or head.tag_ not in ("WP", "WDT") or head.head.dep_ != "relcl":
        return None
    antecedent = head.head.head
    if antecedent.pos_ not in ("NOUN", "PROPN", "PRON") or antecedent.i > head.i or antecedent.lower_ in RELATIVE:
        return None
    return antecedent


def _source_span(head: Token, content: tuple[int, int], sent: Span, *, allow_inside: bool = False) -> tuple[int, int] | None:
    """The source phrase headed by ``head``: its subtree, kept out of the content."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    span = _chars(doc, start, end)
    if _overlaps(span, content) and not allow_inside:
        # Keep only the part of the phrase on the head's side of the content.
        if content[0] <= doc[head.i].idx < content[1]:
            return None
        if head.idx < content[0]:
            end = min(end, next((t.i for t in doc[start:end] if t.idx >= content[0]), end))
        else:
            start = max(start, next((t.i + 1 for t in reversed(doc[start:end]) if t.idx + len(t.text) <= content[1]), start))
        span = _chars(doc, start, end)
    dash = next((t.i for t in reversed(doc[start:end]) if _is_dash(t)), None)
    if dash is not None and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[dash + 1 : end]) and (head.i > dash or _dateline(doc[start:dash], sent)):
        start = dash + 1  # a dateline before the dash is no part of the source ("WASHINGTON (AP) — Donald Trump")
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (".", "%") or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # "Gov. Mary Lee (D-NY)": the parenthesis closes
        end -= 1
    if end <= start:
        return None
    return _chars(doc, start, end)


def _dateline(before: Span, sent: Span) -> bool:
    """The words before a dash open the sentence and read as a dateline ("WASHINGTON (AP)", "NEW YORK, Nov. 19
    (UPI)", "Washington"): upper-case words, a parenthesis, or only places, dates and numbers. A name or noun
    phrase set off by dashes ("Jason Sims — a teacher from Mount Pleasant — says") is the source itself."""
    if not len(before) or before.start != sent.start:
        return False
    if any(t.text == "(" or (t.is_upper and t.is_alpha and len(t.text) > 1) for t in before):
        return True
    return all(t.is_punct or t.is_space or t.like_num or t.ent_type_ in ("GPE", "LOC", "DATE") for t in before)


# ---------------------------------------------------------------- quotes
def _quote_near(verb: Token, sent: Span, ctx: _Context) -> tuple[int, int] | None:
    """A quote in the verb's sentence that can be its content ("He said: "..."")."""
    inside = [q for q in quotes_in(ctx.qindex, sent.start_char, sent.end_char) if not (q.start <= verb.idx < q.end)]
    if not inside:
        return None
    quote = max(inside, key=lambda q: min(q.end, sent.end_char) - max(q.start, sent.start_char))
    start, end = max(quote.start, sent.start_char), min(quote.end, sent.end_char)
    if len(ctx.article.text[start:end].split()) < 2 and end - start < 8:
        return None
    return (start, end)


def _quote_before(verb: Token, subject: Token, sent: Span, ctx: _Context) -> tuple[int, int] | None:
    """The quote right before a sentence that is only its speaker and cue (""All the way!" Dawson shouted.",
    split after the quote's "!"): nothing but the subject, the cue and adjuncts in the sentence, and only
    spaces between the quote's closing mark and the sentence."""
    doc = verb.doc
    first = min(subject.left_edge.i, verb.i)
    if any(not (t.is_punct or t.is_space) for t in doc[sent.start : first]):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.i != verb.i or not (t.is_punct or t.is_space) and verb not in t.ancestors and t.i != verb.i for t in doc[first : sent.end]):
        return None  # another clause, or words the cue does not govern
    starts, ordered = ctx.qindex
    k = bisect.bisect_right(starts, sent.start_char) - 1
    while k >= 0 and ordered[k].end > sent.start_char:
        k -= 1
    if k < 0:
        return None
    quote = ordered[k]
    gap = doc_text(doc)[quote.end : doc[sent.start].idx]
    if gap.strip() or "\n" in gap:
        return None
    return (quote.start, quote.end)


def _finish_quotes(att: Attribution, sent: Span, ctx: _Context) -> None:
    """Widen content over the quotes it cuts into (within the sentence) and set quote_type."""
    text = ctx.article.text
    start, end = att.content
    for quote in quotes_in(ctx.qindex, start, end):
        q_start, q_end = max(quote.start, sent.start_char), min(quote.end, sent.end_char)
        if _overlaps((q_start, q_end), att.source) or _overlaps((q_start, q_end), att.cue):
            continue
        start, end = min(start, q_start), max(end, q_end)
    att.content = (start, end)
    inside = quotes_in(ctx.qindex, start, end)
    share = quoted_share(inside, start, end, text)
    if share >= DIRECT_SHARE:
        att.quote_type = "direct"
    elif share > 0:
        att.quote_type = "mixed"
    else:
        att.quote_type = "indirect"
    notes = {q.note for q in inside if q.note}
    if notes:
        att.note = "; ".join(filter(None, [att.note, *sorted(notes)]))


class _ChainSpeakers:
    """Quote chain → the attribution that names its speaker (first one wins), kept up to date as
    sentences are read, so a long article costs one pass, not one pass per sentence.

    A lead-in whose sentence ends with a colon ("X tweeted:") speaks the quote that opens right
    after the colon (only whitespace between them, e.g. a new paragraph); such lead-ins win
    over the attributions whose content overlaps a quote of the chain.
    """

    def __init__(self, ctx: _Context):
        self.ctx = ctx
        self.from_pending: dict[int, Attribution] = {}
        self.from_found: dict[int, Attribution] = {}
        self.pending_seen = 0

    def add_found(self, atts: Sequence[Attribution]) -> None:
        """Take the attributions of the next sentence."""
        for att in atts:
            if att.source is None and att.source_type == "vague":
                continue
            if att.cue is not None and any(q.start < att.cue[0] and att.cue[1] <= q.end for q in quotes_in(self.ctx.qindex, *att.cue)):
                continue  # "I think" inside a quote speaks nobody's quote
            for quote in quotes_in(self.ctx.qindex, *att.content):
                self.from_found.setdefault(quote.chain, att)

    def speakers(self) -> dict[int, Attribution]:
        """The speakers of the chains so far."""
        pending, text = self.ctx.pending, self.ctx.article.text
        starts, ordered = self.ctx.qindex
        for att in pending[self.pending_seen :]:
            k = bisect.bisect_left(starts, att.cue[1]) if att.cue else len(ordered)
            nxt = ordered[k] if k < len(ordered) else None
            if nxt is None or nxt.chain in self.from_pending:
                continue
            gap = text[att.cue[1] : nxt.start]
            if ":" in gap and not gap[gap.index(":") + 1 :].strip():
                self.from_pending[nxt.chain] = att
        self.pending_seen = len(pending)
        merged = {**self.from_found, **self.from_pending}
        # A quote with no attribution of its own that follows a speaker's quote in the same paragraph
        # continues it ("'We may lose,' said Ann Lee. 'Maybe we should wait.'"): same speaker.
        last: tuple[int, Attribution] | None = None
        for quote in ordered:
            if quote.chain in merged:
                last = (quote.paragraph_id, merged[quote.chain])
            elif last is not None and last[0] == quote.paragraph_id:
                merged[quote.chain] = last[1]
        return merged


def _speaker_of_quote(ctx: _Context, chain_speakers: _ChainSpeakers, sentence: Sentence) -> tuple[str, str]:
    """The actor speaking in an open quote chain at ``sentence`` (for "I"/"we" inside it), and its source type."""
    chains = {q.chain for q in quotes_in(ctx.qindex, sentence.start, sentence.end)}
    if not chains:
        return "", ""
    speakers = chain_speakers.speakers()
    for chain in chains:
        if chain in speakers:
            return speakers[chain].source_actor, speakers[chain].source_type
    return "", ""


# ---------------------------------------------------------------- nested attributions
def mark_nested(atts: list[Attribution], speakers: dict[int, Attribution], ctx: _Context) -> None:
    """Mark the attributions set inside another one's content, or inside a quote someone else speaks.

    "'I think we will lose,' said Ann Lee": "I think" is nested in Ann Lee's quote. A nested
    attribution keeps its row (``nested`` True), and a first-person source in it ("I", "we")
    is the outer speaker: it takes the outer source's actor and type, never one of its own.
    """
    text = ctx.article.text
    for att in atts:
        if att.cue is None:
            continue
        outer = next(
            (
                o for o in atts
                if o is not att and not o.empty and o.cue is not None and (o.reach or o.content)[0] <= att.cue[0] and att.cue[1] <= (o.reach or o.content)[1] and not _overlaps(o.cue, att.content)
                and not _semicolon_between(text, min(o.cue[1], att.cue[1]), max(o.cue[0], att.source[0] if att.source and att.source[0] < att.cue[0] else att.cue[0]), ctx)
                and not (att.source is not None and att.source == o.source)  # "He said X and praised Y": one speaker, two attributions
                and not _coordinated_clause(att, o, ctx)
            ),
            None,
        )
        quoted = False
        if outer is None:
            for quote in quotes_in(ctx.qindex, *att.cue):
                if not (quote.start < att.cue[0] and att.cue[1] <= quote.end):
                    continue
                quoted = True  # inside someone's quotation marks, speaker known or not
                speaker = speakers.get(quote.chain)
                if speaker is not None and speaker is not att and speaker.cue != att.cue:
                    outer = speaker
                    break
        if outer is None:
            att.nested = quoted and ctx.turn is None
            continue
        att.nested = True
        head = ctx.article.text[att.source[0] : att.source[1]].lower() if att.source else ""
        if head in FIRST_PERSON and outer.source_actor:
            att.source_type, att.source_subtype, att.source_actor = outer.source_type, "pronoun", outer.source_actor


#: Connectives of a clause that stands beside another rather than inside its content ("X said A, while Y said B";
#: closed class: contrastive subordinators and coordinators).
_CONTRASTIVE_MARKS = frozenset({"while", "whereas", "although", "though"})
_CLAUSE_COORDINATORS = frozenset({"and", "but", "yet"})


def _coordinated_clause(inner: Attribution, outer: Attribution, ctx: _Context) -> bool:
    """``inner``'s cue heads a clause set beside ``outer``'s content, not inside it, though the parser hung it there:
    a "while"/"whereas" clause ("the mayor blames the council for X while the council says Y", "several farmers said X,
    while other residents said Y") or a clause after ", and" / ", but", with a subject of its own that is no pronoun,
    outside quotation marks, after the outer cue."""
    if inner.cue is None or outer.cue is None or inner.source is None or inner.cue[0] < outer.cue[1]:
        return False
    doc = ctx.article.doc
    span = doc.char_span(*inner.cue, alignment_mode="expand")
    if span is None or quotes_in(ctx.qindex, inner.cue[0], inner.cue[0] + 1):
        return False
    verb = span.root
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or not inner.source[0] <= subject.idx < inner.source[1]:
        return False
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _CONTRASTIVE_MARKS for c in verb.children)
    if verb.dep_ == "conj":
        cc = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < subject.i and c.lower_ in _CLAUSE_COORDINATORS), None)
        return cc is not None and cc.i > 0 and doc[cc.i - 1].text == ","
    return False


def _semicolon_between(text: str, start: int, end: int, ctx: _Context) -> bool:
    """A semicolon outside quotation marks between ``start`` and ``end``: the clause after it is a sentence of its own
    ("He calls for a single-payer system; she calls for ...": the second attribution is no part of the first's content)."""
    at = text.find(";", start, end)
    while at >= 0:
        if not quotes_in(ctx.qindex, at, at + 1):
            return True
        at = text.find(";", at + 1, end)
    return False


# ---------------------------------------------------------------- defaults
def _continuation(article: ArticleDoc, sentence: Sentence, ctx: _Context, speakers: dict[int, Attribution]) -> list[Attribution]:
    """A sentence (nearly) wholly inside a quote whose speaker is named elsewhere: that speaker's direct claim."""
    text = article.text
    start, end = sentence.start, sentence.end
    inside = quotes_in(ctx.qindex, start, end)
    if inside and quoted_share(inside, start, end, text) >= INSIDE_QUOTE:
        speaker = next((speakers[q.chain] for q in inside if q.chain in speakers), None)
        if speaker is not None:
            notes = sorted({q.note for q in inside if q.note})
            note = "; ".join(["continues a quote attributed elsewhere in the article", *notes])
            return [Attribution((start, end), speaker.cue, speaker.source, speaker.source_type, speaker.source_subtype, speaker.source_actor, note, "direct")]
    return []


def _default_claims(article: ArticleDoc, sentence: Sentence, ctx: _Context, speakers: dict[int, Attribution], turn: Turn | None, failure: str) -> list[Attribution]:
    """The claim of a sentence with no attribution of its own."""
    text = article.text
    start, end = sentence.start, sentence.end
    continued = _continuation(article, sentence, ctx, speakers)
    if continued:
        return continued
    if _is_question(text[start:end]) or sentence.span.start_char in ctx.lead_ins:
        return []
    if turn is not None:
        content_start = max(start, turn.content_start) if start < turn.content_start else start
        while content_start < end and text[content_start].isspace():
            content_start += 1
        if content_start >= end:
            return []  # the label alone
        return [Attribution((content_start, end), turn.colon, turn.label, turn.source_type, turn.source_subtype, turn.actor, NOTE_TURN, "direct")]
    if _is_fragment(article, sentence):
        return []
    return [Attribution((start, end), None, None, "author", "author", "", failure, "none")]


def _is_fragment(article: ArticleDoc, sentence: Sentence) -> bool:
    """The ``fragment`` column of the sentence's row in the ``sentences`` table (which claims require)."""
    return bool(article.rows["sentences"][sentence.sentence_id]["fragment"])


def _is_question(sentence_text: str) -> bool:
    stripped = sentence_text.rstrip().rstrip("".join(QUOTE_MARKS) + "’'")
    return stripped.endswith("?")


# ---------------------------------------------------------------- rows
def _row(article: ArticleDoc, sentence: Sentence, claim_id: int, att: Attribution, ctx: _Context) -> dict:
    text = article.text
    if att.source_actor and is_role(att.source_actor):
        # A bare role as the actor ("President", "The Vice President"): the person the heading or the
        # article names with it, as in the entities and actions tables.
        mention = text[att.source[0] : att.source[1]] if att.source else att.source_actor
        if (att.source_actor, mention) not in ctx.holders:
            ctx.holders[(att.source_actor, mention)] = bare_role_holder(att.source_actor, mention, article.doc, article.meta)
        holder = ctx.holders[(att.source_actor, mention)]
        if holder != att.source_actor:
            att.source_actor, att.source_type = holder, "named_person"
    if att.source_actor and is_role(att.source_actor):
        # A role no one in the article or its heading holds by name ("the President publishes ..." in
        # a statute quoted by a letter; a label "THE PRESIDENT:"): an unnamed official, no actor "President";
        # unless the source phrase names the person after the role ("Spokesperson for the Ministry Hua Chunying").
        named = [e for e in ents_overlapping(article.doc, *att.source) if e.label_ in _PERSON_LABELS and not is_role(e.kb_id_ or e.text)] if att.source else []
        if named:
            att.source_actor, att.source_type, att.source_subtype = named[-1].kb_id_ or clean_mention(named[-1].text), "named_person", "official"
        else:
            if att.source_type == "named_person":
                att.source_type, att.source_subtype = "unnamed", "official"
            att.source_actor = ""
    start, end = att.content
    source = att.source or (-1, -1)
    cue = att.cue or (-1, -1)
    return {
        "article_id": article.article_id,
        "claim_id": claim_id,
        "sentence_id": sentence.sentence_id,
        "start": start,
        "end": end,
        "text": text[start:end],
        "source_text": text[source[0] : source[1]] if att.source else "",
        "source_start": source[0],
        "source_end": source[1],
        "source_actor": att.source_actor,
        "source_type": att.source_type,
        "source_subtype": att.source_subtype,
        "cue": text[cue[0] : cue[1]] if att.cue else "",
        "cue_start": cue[0],
        "cue_end": cue[1],
        "quote_type": att.quote_type or "indirect",
        "nested": att.nested,
        "note": att.note,
    }


# ---------------------------------------------------------------- offsets
def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _token_chars(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _trim(doc: Doc, start: int, end: int, sent: Span) -> tuple[int, int] | None:
    """Characters of tokens ``[start, end)`` inside ``sent``, without edge punctuation (quotes kept)."""
    start, end = max(start, sent.start), min(end, sent.end)
    while start < end and (doc[start].is_space or doc[start].is_punct and doc[start].text not in QUOTE_MARKS):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_MARKS | {".", "!", "?"}):
        end -= 1
    if end <= start:
        return None
    return _chars(doc, start, end)


def _subtree_chars(token: Token, sent: Span) -> tuple[int, int] | None:
    return _trim(token.doc, token.left_edge.i, token.right_edge.i + 1, sent)


def _outside(sent: Span, start: int, end: int) -> tuple[int, int] | None:
    """The sentence without the phrase ``[start, end)`` when it sits at an edge; else the whole sentence."""
    doc = sent.doc
    before = [t for t in doc[sent.start : start] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[end : sent.end] if not (t.is_punct or t.is_space)]
    if not before:
        return _trim(doc, end, sent.end, sent)
    if not after:
        return _trim(doc, sent.start, start, sent)
    return _trim(doc, sent.start, sent.end, sent)


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


__all__ = ["NOTE_REFUSAL", "Attribution", "Turn", "classify_source", "extract_claims", "find_attributions", "mark_nested", "speaker_turns"]

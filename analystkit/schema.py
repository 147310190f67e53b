"""The columns of every table, with what they mean. README and docs are built from this."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "stable, readable id from the file name (or an explicit id); collisions get -2, -3",
        "title": "from the header or metadata; for a plain .txt, its first line when it reads as a headline",
        "published": "publication date (pandas Timestamp, NaT when unknown)",
        "outlet": "publisher from metadata, else the URL's domain, else 'unknown'",
        "url": "source URL if known",
        "source_path": "the file the article came from",
        "text": "the article's text: every offset in every table indexes this string",
        "n_sentences": "number of rows in `sentences` for the article",
        "author": "byline if known",
        "has_headline": "True when the text's first line is the headline (sentence 0)",
        "n_chars": "length of `text`",
        "published_period": "what the metadata says of the date as ISO text: '2022-03-02' (a day), '2022-03' (a month only), '2022' (a year only) or ''; `published` holds a day only when one is given",
        "pages": "for a PDF: where each page starts in `text`, as 'page:offset' pairs ('1:0 2:1834'); '' for other articles (the `page` of sentences and claims comes from it)",
        "attachments": "for an e-mail: the names of its attachments, '; '-separated (the readable ones are articles of their own, id '<message id>--<name>'); '' otherwise",
    },
    "sentences": {
        "article_id": "article the sentence belongs to",
        "sentence_id": "0-based position in the article",
        "paragraph_id": "0-based paragraph (blocks separated by blank lines)",
        "start": "character offset of the first character in `articles.text`",
        "end": "offset one past the last character (text[start:end] == text)",
        "text": "the sentence, trimmed of surrounding whitespace",
        "is_headline": "the headline line at the top of a plain-text article",
        "fragment": "a verbless or subjectless piece ('Redeployed forces.'); only ever true for kind body, quotation or question",
        "kind": "what the sentence is in the layout: headline, heading (a section label or heading), list_item, byline, dateline, caption, quotation (quoted speech standing alone), question or body (analystkit/extract/sentences.py)",
        "page": "page of the PDF the sentence starts on (1-based); <NA> for articles without pages",
    },
    "entities": {
        "article_id": "article the mention belongs to",
        "sentence_id": "sentence holding the mention",
        "start": "character offset in `articles.text`",
        "end": "offset one past the mention",
        "text": "the mention as written",
        "label": "spaCy entity label after the kit's corrections (PERSON, ORG, GPE, LOC, NORP, ...)",
        "actor": "canonical actor for person/organisation/place/group mentions (Russians -> Russia), else ''",
        "nested": "a place name inside a longer name ('Texas' in 'University of Texas'); not a mention in its own right",
    },
    "claims": {
        "article_id": "article the claim belongs to",
        "claim_id": "the claim's number in its article (0, 1, 2, ... in text order; with article_id it names the claim)",
        "sentence_id": "sentence holding the claim's content",
        "start": "character offset of the claim's content in `articles.text`",
        "end": "offset one past the content (text[start:end] == text)",
        "text": "the content: what is claimed (the reported clause, the quote, or the whole sentence in the author's voice); '' (start == end) for an attribution without content ('declined to comment', see note)",
        "source_text": "who says it, as written ('Ukrainian officials', 'he', 'MR. SULLIVAN'); '' for the author and impersonal sources; a relative pronoun's source runs from its antecedent ('Jane Doe, who')",
        "source_start": "offset of the source in `articles.text` (-1 when source_text is empty)",
        "source_end": "offset one past the source (-1 when empty)",
        "source_actor": "canonical actor behind the source ('Ukrainian officials' -> Ukraine, 'he' -> the person meant); '' when none is named",
        "source_type": "named_person, named_organization, unnamed, vague or author",
        "source_subtype": "finer kind of source: official, person, state, organization, document, anonymous, collective, expert, individual, journalist (a transcript's 'Q'), speaker (a transcript label resolved to its speaker; unnamed for a function such as 'MODERATOR:'), pronoun, first_person (the author's 'I' outside quotes), report, impersonal, adverb, author",
        "cue": "the words that mark the attribution ('said', 'according to', 'reports', ':'); '' for the author",
        "cue_start": "offset of the cue (-1 when empty)",
        "cue_end": "offset one past the cue (-1 when empty)",
        "quote_type": "direct (in quotation marks), mixed (partly quoted), indirect (reported speech) or none (author's voice)",
        "nested": "True for an attribution inside another one's content or inside a quote someone else speaks (\"I think we lose,\" she said): the outer source is the claim's speaker; a first-person source takes the outer source's actor",
        "note": "caveats: unbalanced quotation marks, a quote continued from another sentence, a sentence the parser could not handle",
        "hedged": "True when at least one hedge cue (table `hedges`) qualifies the claim: inside its span or, failing that, in its sentence",
        "certainty": "0-1: 1.0 for an unhedged (asserted) claim; else the lowest cue probability, discounted by (1 + p) / 2 for each further cue (stacked hedges lower it)",
        "page": "page of the PDF the claim's content starts on (1-based), to cite it by page; <NA> for articles without pages",
    },
    "hedges": {
        "article_id": "article the hedge belongs to",
        "sentence_id": "sentence holding the hedge cue",
        "claim_id": "the claim it qualifies (the claim whose span holds it, else the nearest claim in its sentence); <NA> without claims",
        "start": "character offset of the cue in `articles.text`",
        "end": "offset one past the cue (text[start:end] == text)",
        "text": "the cue as written ('may', 'was likely to', 'There were also reports that'; with an adjacent negation: 'not likely')",
        "lemma": "the lexicon entry it matched ('is likely to'), see analystkit/data/hedge_lexicon.csv",
        "category": "modal, epistemic_verb, adverb_adjective, estimative_phrase, expectation, evidential or conditional",
        "probability": "0-1: what readers hear in the cue (survey median from wep_perception.csv, else a documented estimate); 1 - p when negated",
        "band": "ICD 203 band of the phrase ('likely 55-80%'), '' when the phrase is not an ICD 203 word",
        "standard": "'ICD-203' when `band` is set, else ''",
        "negated": "a negation governs the cue ('not likely', 'may not')",
        "cue_id": "row of the cue in the hedge lexicon (0-based)",
    },
    "actions": {
        "article_id": "article the action belongs to",
        "sentence_id": "sentence holding the verb",
        "start": "character offset of the verb (with its particles) in `articles.text`",
        "end": "offset one past the verb and its last particle (text[start:end] == text)",
        "text": "the verb as written ('blew up'; 'blew the bridges up' when a particle follows the object)",
        "action": "the verb's lemma with its particles kept ('blow up', 'lay', 'withdraw')",
        "agent": "who acts: the canonical actor ('Russian troops' -> Russia, 'He' -> the person meant), else the phrase as a short label; '' when there is none",
        "agent_text": "the agent as written ('Russian troops', 'they', 'its troops'); '' when none",
        "agent_start": "offset of the agent phrase (-1 when none)",
        "agent_end": "offset one past the agent phrase (-1 when none)",
        "agent_is_actor": "True when `agent` is a canonical actor (a name, a demonym-led group, a resolved pronoun)",
        "patient": "what or who is acted on (direct object, or passive subject): canonical actor, else the phrase as a short label ('bridges'); '' when none",
        "patient_text": "the patient as written; '' when none",
        "patient_start": "offset of the patient phrase (-1 when none)",
        "patient_end": "offset one past the patient phrase (-1 when none)",
        "patient_is_actor": "True when `patient` is a canonical actor",
        "negated": "a negation governs the verb ('did not capture'; shared by coordinated verbs without their own auxiliary)",
        "hedged": "a hedge cue (table `hedges`) lies in the action's clause or the clause governing it through xcomp/conj",
        "voice": "active or passive ('were blown up by Russian troops': agent Russia, patient bridges)",
    },
    "actors": {
        "actor": "canonical actor (entities.actor)",
        "kind": "state, person, organization, group or place (gazetteer, else the mentions' usual label)",
        "affiliation": "state or body it belongs to: gazetteer, else the state named before its mentions ('Russian Defence Minister X'); '' for states",
        "mentions": "number of entity mentions (names nested in longer names not counted)",
        "articles": "number of articles mentioning it",
        "first_article": "article of its first mention, in corpus order",
        "first_start": "offset of that first mention in the article",
        "aliases": "distinct ways it is written (articles, titles and possessives stripped), most frequent first, '; '-separated",
        "as_source": "claims whose source_actor is this actor",
        "as_agent": "actions with this actor as agent",
        "as_patient": "actions with this actor as patient",
    },
    "timeline": {
        "article_id": "article the time expression belongs to",
        "sentence_id": "sentence holding it",
        "start": "character offset of the time expression (a DATE entity) in `articles.text`",
        "end": "offset one past it (text[start:end] == text)",
        "text": "the time expression as written ('Wednesday', 'early last month', 'February 24')",
        "date_start": "first day of the range it names (datetime.date), normalised against `articles.published`",
        "date_end": "last day of the range ('early last month' of 2022-11-09: 2022-10-01 to 2022-10-10)",
        "granularity": "day, week, month, year, decade or range (how precise the expression is)",
        "offset_start": "days from `articles.published` to date_start (-1: the day before publication); empty without a publication date",
        "offset_end": "days from `articles.published` to date_end; empty without a publication date",
        "relation": "the preposition tying it to its event: on, in, since, until, before, after, ... or ''",
        "anchor_start": "offset of the verb or event noun the expression dates",
        "anchor_end": "offset one past it",
        "anchor_text": "the verb or event noun as written ('ordered', 'invasion')",
        "event": "who did what, readably: 'Russia: order its troops to withdraw' (agent: action patient to complement)",
        "agent": "canonical agent of the event (from `actions`), '' when none",
        "action": "the action's lemma ('order', 'issue', 'invasion')",
        "patient": "what or who is acted on (from `actions`), '' when none",
        "event_key": "event class + complement for comparing events ('order withdraw' for both 'ordered its troops to withdraw' and 'issued a retreat order'); see data/event_lexicon.csv",
        "actors": "entity actors of the sentence, '; '-separated",
    },
    "flags": {
        "article_id": "article the finding belongs to",
        "sentence_id": "sentence holding the flagged words",
        "start": "character offset of the flagged words in `articles.text`",
        "end": "offset one past them (text[start:end] == text)",
        "text": "the flagged words as written",
        "kind": "fragment, split_sentence, unintroduced_person, dangling_reference, suspicious_quote, date_conflict or overlong_sentence (rules: analystkit/extract/flags/, one module each)",
        "severity": "high (split_sentence, date_conflict), medium (fragment, dangling_reference, suspicious_quote) or low (unintroduced_person, overlong_sentence)",
        "message": "what is wrong and why an analyst should care, in plain words",
        "related_start": "offset of the other half of a two-place finding (the next paragraph's opening, the earlier date); -1 when none",
        "related_end": "offset one past it; -1 when none",
        "related_text": "the other half as written; '' when none",
    },
    "integrity": {
        "article_id": "the article",
        "n_sentences": "its sentences",
        "fragment": "number of `fragment` flags (and likewise one column per flag kind)",
        "split_sentence": "number of `split_sentence` flags",
        "unintroduced_person": "number of `unintroduced_person` flags",
        "dangling_reference": "number of `dangling_reference` flags",
        "suspicious_quote": "number of `suspicious_quote` flags",
        "date_conflict": "number of `date_conflict` flags",
        "overlong_sentence": "number of `overlong_sentence` flags",
        "n_flags": "all flags of the article",
        "flags_per_100": "flags per 100 sentences",
        "score": "0-100: 100 x (1 - penalty / n_sentences), penalty = 2 per high, 1 per medium, 0.5 per low flag (analystkit/integrity.py)",
        "band": "clean (no flags), minor (score >= 90), check (>= 70) or unreliable (< 70)",
    },
    "related": {
        "article_a": "one article of a related pair: the earlier one when both publication dates are known and differ (analystkit/provenance/related.py)",
        "article_b": "the other article: the later one, which may derive from article_a",
        "published_a": "publication date of article_a (NaT when unknown)",
        "published_b": "publication date of article_b (NaT when unknown)",
        "direction": "a_first (article_a was published first), same_day, or unknown (a date is missing)",
        "days_apart": "days between the two publication dates (NaN when unknown)",
        "jaccard": "0-1: shared 3-word shingles / all shingles of the two texts (how much is the same wording)",
        "containment": "0-1: shared shingles / shingles of the shorter text (how much of the shorter one is in the longer one)",
        "shared": "number of shared shingles",
        "relation": "duplicate (jaccard >= 0.9), near_duplicate (>= 0.5), derived (containment >= 0.7) or overlap",
        "title_a": "title of article_a",
        "title_b": "title of article_b",
    },
    "claim_threads": {
        "thread_id": "0-based; threads ordered by their first publication date (analystkit/provenance/threads.py)",
        "position": "0 for the claim's first appearance, then 1, 2, ... in order of publication",
        "article_id": "article where the claim appears",
        "claim_id": "the claim in that article (claims.claim_id)",
        "published": "publication date of the article (NaT when unknown: undated articles come last)",
        "outlet": "the article's outlet",
        "start": "character offset of the claim's content in `articles.text`",
        "end": "offset one past it (text[start:end] == text)",
        "text": "the claim's content as written in that article",
        "source_text": "who says it there, as written ('' for the author)",
        "source_type": "named_person, named_organization, unnamed, vague or author (as in claims)",
        "source_actor": "canonical actor behind the source ('' when none)",
        "hedged": "True when a hedge qualifies the claim there",
        "certainty": "0-1 certainty of the claim there (1.0 = asserted)",
        "similarity": "0-1 Jaccard similarity of its content words with the thread's first claim",
        "n_articles": "articles in the thread",
        "source_drift": "first, same, changed (another source), dropped (now in the author's voice) or added (a source the first did not give)",
        "certainty_change": "certainty minus the first appearance's (negative: more hedged than where it started)",
    },
    "edits": {
        "edit_id": "0-based, in reading order of version B (ak.compare; analystkit/provenance/edits.py)",
        "kind": "attribution_removed, attribution_added, source_changed, hedge_removed, hedge_added, hedge_changed, date_changed, number_changed, introduction_dropped, introduction_added, actor_dropped, actor_added, actor_changed, negation_flipped, sentence_split, fragment, sentences_merged, sentence_dropped, sentence_added or rewording",
        "severity": "high, medium or low: what the edit does to the claim (a lost source, hedge, date or number is high; rewording is low)",
        "start_a": "character offset in version A's text (an empty span marks where an insertion goes)",
        "end_a": "offset one past it (text_a[start_a:end_a] == text_a)",
        "text_a": "the words of version A concerned",
        "start_b": "character offset in version B's text",
        "end_b": "offset one past it (text_b[start_b:end_b] == text_b)",
        "text_b": "the words of version B concerned",
        "sentences_a": "sentence ids of A in the aligned step holding the edit",
        "sentences_b": "sentence ids of B in that step",
        "alignment": "one_to_one, split, merged, dropped or added: the alignment step it lies in",
        "before": "what changed, as it was in A: the source and its type, the hedge and its probability, the date, the number, the actor",
        "after": "the same in B",
        "certainty_a": "certainty of the claim in A (hedge edits; NaN otherwise)",
        "certainty_b": "certainty of the claim in B (hedge edits; NaN otherwise)",
        "date_a": "normalised date of A's time expression, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (date edits; '' when unknown)",
        "date_b": "normalised date of B's time expression (date edits; '' when unknown)",
        "explanation": "what the edit does, in plain words",
    },
    "alignment": {
        "group": "0-based step of the sentence alignment (ak.compare; analystkit/provenance/align.py)",
        "kind": "one_to_one, split (one sentence of A became 2-3 of B), merged (2-3 of A became one of B), dropped or added",
        "sentences_a": "sentence ids of A in the step",
        "sentences_b": "sentence ids of B in the step",
        "start_a": "offset of the step's first sentence in A (-1 when none)",
        "end_a": "offset one past its last sentence in A (-1 when none)",
        "start_b": "likewise in B",
        "end_b": "likewise in B",
        "similarity": "0-1 Dice coefficient of the two sides' content words",
        "moved": "a sentence found at another place in B (paired after the in-order alignment)",
    },
}

REPORT_COLUMNS = {
    "path": "the input file",
    "part": "line or row within a multi-article file (JSON Lines, CSV)",
    "status": "loaded, skipped or failed",
    "reason": "why it was skipped or failed, or a caveat for a loaded file",
    "encoding": "the encoding the file was decoded with",
    "article_id": "the id given to the article, when loaded",
}


def columns(table: str) -> list[str]:
    return list(TABLES[table])


#: The pandas dtype of each column that is not text (``"str"``): ids and offsets are integers
#: (``Int64``, nullable, where a value may be missing), dates are ``datetime64``, flags are booleans.
#: Nominal vocabularies (``source_type``, ``label``, ``category``, ...) stay text: a categorical would
#: make every group-by and count list the categories a corpus does not have. Ordinal scales are
#: ordered categoricals (:data:`ORDERED`), so sorting and comparing follow the scale, not the alphabet.
DTYPES: dict[str, dict[str, str]] = {
    "articles": {"published": "datetime64[s]", "n_sentences": "int64", "has_headline": "bool", "n_chars": "int64"},
    "sentences": {"sentence_id": "int64", "paragraph_id": "int64", "start": "int64", "end": "int64", "is_headline": "bool", "fragment": "bool", "page": "Int64"},
    "entities": {"sentence_id": "int64", "start": "int64", "end": "int64", "nested": "bool"},
    "claims": {
        "claim_id": "int64", "sentence_id": "int64", "start": "int64", "end": "int64", "source_start": "int64", "source_end": "int64",
        "cue_start": "int64", "cue_end": "int64", "nested": "bool", "hedged": "bool", "certainty": "float64", "page": "Int64",
    },
    "hedges": {"sentence_id": "int64", "claim_id": "Int64", "start": "int64", "end": "int64", "probability": "float64", "negated": "bool", "cue_id": "int64"},
    "actions": {
        "sentence_id": "int64", "start": "int64", "end": "int64", "agent_start": "int64", "agent_end": "int64", "agent_is_actor": "bool",
        "patient_start": "int64", "patient_end": "int64", "patient_is_actor": "bool", "negated": "bool", "hedged": "bool",
    },
    "timeline": {
        "sentence_id": "int64", "start": "int64", "end": "int64", "date_start": "datetime64[s]", "date_end": "datetime64[s]",
        "offset_start": "Int64", "offset_end": "Int64", "anchor_start": "int64", "anchor_end": "int64",
    },
    "flags": {"sentence_id": "int64", "start": "int64", "end": "int64", "related_start": "int64", "related_end": "int64"},
    "actors": {"mentions": "int64", "articles": "int64", "first_start": "int64", "as_source": "int64", "as_agent": "int64", "as_patient": "int64"},
    "integrity": {"n_sentences": "int64", "n_flags": "int64", "flags_per_100": "float64", "score": "float64"},
    "related": {
        "published_a": "datetime64[s]", "published_b": "datetime64[s]", "days_apart": "Int64", "jaccard": "float64", "containment": "float64",
        "shared": "int64",
    },
    "claim_threads": {
        "thread_id": "int64", "position": "int64", "claim_id": "int64", "published": "datetime64[s]", "start": "int64", "end": "int64",
        "hedged": "bool", "certainty": "float64", "similarity": "float64", "n_articles": "int64", "certainty_change": "float64",
    },
}


#: The ordinal scales, lowest first: a flag's severity, an article's integrity band (best first).
#: ``flags.severity >= "medium"`` and ``integrity.sort_values("band")`` follow these orders.
ORDERED: dict[str, dict[str, tuple[str, ...]]] = {
    "flags": {"severity": ("low", "medium", "high")},
    "integrity": {"band": ("clean", "minor", "check", "unreliable")},
}
for _table, _scales in ORDERED.items():
    DTYPES[_table].update({column: "category" for column in _scales})


def categories(table: str, column: str) -> "pd.CategoricalDtype":
    """The ordered categorical dtype of an ordinal column (:data:`ORDERED`)."""
    import pandas as pd

    return pd.CategoricalDtype(ORDERED[table][column], ordered=True)


def dtype_of(table: str, column: str) -> str:
    """The declared dtype of a column (text columns: ``"str"``; integrity's per-kind counts: ``"int64"``)."""
    declared = DTYPES.get(table, {})
    if column in declared:
        return declared[column]
    if table == "integrity" and column in TABLES["integrity"] and column not in ("article_id", "band"):
        return "int64"
    return "str"


def typed(name: str, table: "pd.DataFrame") -> "pd.DataFrame":
    """``table`` with the declared dtype on every column of the schema (a new frame when one changes)."""
    import pandas as pd

    changes = {}
    for column in table.columns:
        if column not in TABLES.get(name, {}) and name != "integrity":
            continue
        wanted = dtype_of(name, column)
        if str(table[column].dtype) == wanted and wanted != "category":
            continue
        values = table[column]
        if wanted == "category":
            dtype = categories(name, column)
            if values.dtype == dtype:
                continue
            unknown = set(values.dropna().astype(str)) - set(dtype.categories)
            if unknown:
                from .errors import Errors

                raise ValueError(Errors.AK090.format(table=name, column=column, values=sorted(unknown), scale=", ".join(dtype.categories)))
            changes[column] = values.astype(dtype)
        elif wanted.startswith("datetime64"):
            changes[column] = pd.to_datetime(values, errors="coerce").astype(wanted)
        elif wanted == "str":
            changes[column] = values.astype("str") if len(values) else values.astype("str")
        else:
            changes[column] = values.astype(wanted)
    return table.assign(**changes) if changes else table


def frame(name: str, rows: list[dict]) -> "pd.DataFrame":
    """A table from its rows, columns in the order of :data:`TABLES` (unknown columns after them),
    each with its declared dtype (:data:`DTYPES`)."""
    import pandas as pd

    columns = list(TABLES.get(name, {}))
    table = pd.DataFrame(rows)
    if table.empty:
        table = pd.DataFrame(columns=columns)
    order = [c for c in columns if c in table.columns]
    return typed(name, table[order + [c for c in table.columns if c not in order]])


def in_schema_order(name: str, table: "pd.DataFrame") -> "pd.DataFrame":
    """``table`` with its columns in the order of :data:`TABLES` (unknown columns after them)."""
    columns = list(TABLES.get(name, {}))
    order = [c for c in columns if c in table.columns]
    rest = [c for c in table.columns if c not in order]
    return table if list(table.columns) == order + rest else table[order + rest]

"""Findings: what a corpus's tables show, stated in words computed from the tables.

A report is re-run over any corpus, so every sentence that states a finding — a count, a
share, who, which article, what to conclude — is made here from the tables, never written
by hand in a notebook. Each function returns a :class:`Finding`: a short Markdown text whose
wording adapts to the numbers ("no claim", "one claim", "most of the 2,451 claims"), and,
where it helps, the table it summarises. In a notebook a Finding shows as formatted text;
the report's index page is built from the same functions.

Prose about the kit's own sample corpus or its seed article is shown only when they are
loaded: :func:`if_seed` and :func:`if_sample` compare the article texts with the fingerprints
in ``data/known_texts.csv``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .vocab.files import read_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .corpus import Corpus

SOURCE_TYPES = ("named_person", "named_organization", "unnamed", "vague", "author")
SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


# --------------------------------------------------------------------------- the finding
@dataclass
class Finding:
    """A finding: Markdown text computed from the tables, the table it rests on, and where it is explained."""

    title: str
    text: str
    table: pd.DataFrame | None = None
    section: str = ""  # "NN_notebook#heading" explaining it
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def markdown(self) -> str:
        return f"**{self.title}.** {self.text}" if self.title else self.text

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


def note(text: str) -> Finding:
    """A paragraph of explanation, shown as formatted text (no finding of its own)."""
    return Finding("", text)


# --------------------------------------------------------------------------- words
def number(n: int) -> str:
    """``0`` → "no", ``3`` → "three", ``1834`` → "1,834"."""
    return SMALL_NUMBERS[n] if 0 <= n < len(SMALL_NUMBERS) else f"{n:,}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """"no claims", "one claim", "12 claims"."""
    return f"{number(n)} {singular if n == 1 else (plural or singular + 's')}"


def share(part: int, whole: int, noun: str = "") -> str:
    """How much of ``whole`` ``part`` is, in words read at a glance: "none of the 12 claims",
    "all 12 claims", "most of the claims (70 of 100, 70 %)", "a small share of the claims (3 of 200, 2 %)"."""
    if whole == 1 and part >= 1:
        return f"the only {singular(noun)}" if noun else "the only one"
    noun = f" {noun}" if noun else ""
    if whole <= 0 or part <= 0:
        return f"none of the {whole:,}{noun}" if whole > 0 else f"no{noun}"
    if part >= whole:
        return f"all {whole:,}{noun}"
    ratio = part / whole
    percent = f"{100 * ratio:.0f} %" if ratio >= 0.01 else "under 1 %"
    if ratio < 0.15:
        words = "a small share"
    elif ratio < 0.4:
        words = "a minority"
    elif ratio <= 0.6:
        words = "about half"
    elif ratio < 0.9:
        words = "most"
    else:
        words = "nearly all"
    return f"{words} of the{noun} ({part:,} of {whole:,}, {percent})" if noun else f"{words} ({part:,} of {whole:,}, {percent})"


def singular(noun: str) -> str:
    """"attributed claims" → "attributed claim" (the last word, English -s plurals only)."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "news", "series")):
        last = last[:-1]
    return f"{head} {last}" if head else last


def _plural(noun: str) -> str:
    return noun[:-6] + "people" if noun.endswith("person") else noun + "s"


def verb(part: int, whole: int, singular_form: str, plural_form: str) -> str:
    """The verb agreeing with :func:`share`'s words: singular only for "the only …"."""
    return singular_form if whole == 1 and part >= 1 else plural_form


def upper_first(text: str) -> str:
    """``text`` with its first letter upper-case and the rest untouched (unlike ``str.capitalize``)."""
    return text[:1].upper() + text[1:]


def listing(items: Iterable[str], *, limit: int = 5, total: int | None = None) -> str:
    """"A, B and C"; past ``limit``: "A, B, C and 12 more"."""
    items = [str(i) for i in items]
    total = len(items) if total is None else total
    shown = items[:limit]
    more = total - len(shown)
    if not shown:
        return "none"
    if more > 0:
        return ", ".join(shown) + f" and {more:,} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def day(value: Any) -> str:
    """A date as "9 November 2022" ("an unknown date" when missing)."""
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "an unknown date"
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp.strftime('%B %Y')}"


# --------------------------------------------------------------------------- known texts
@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    return {row["sha256"]: row["name"] for row in read_rows("known_texts.csv")}


def text_fingerprint(text: str) -> str:
    """The SHA-256 of an article text (UTF-8): how the kit recognises its own sample texts."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def known_name(text: str) -> str:
    """"seed" for the seed article, "sample" for another article of the sample corpus, else ""."""
    return _known().get(text_fingerprint(text), "")


def is_seed(corpus: Corpus, article_id: str) -> bool:
    """The article is the kit's seed (its text exactly as shipped)."""
    return article_id in set(corpus.article_ids) and known_name(corpus.text(article_id)) == "seed"


def sample_share(corpus: Corpus) -> float:
    """The share of the corpus's articles that belong to the kit's sample corpus (seed included)."""
    names = [known_name(t) for t in corpus._articles["text"]]
    return sum(1 for n in names if n) / len(names) if names else 0.0


def if_seed(corpus: Corpus, article_id: str, text: str) -> Finding:
    """``text`` when ``article_id`` is the seed article, else nothing (prose written about the seed)."""
    return note(text) if is_seed(corpus, article_id) else note("")


def if_sample(corpus: Corpus, text: str) -> Finding:
    """``text`` when the corpus is the kit's sample corpus (prose written about the sample), else nothing."""
    return note(text) if sample_share(corpus) == 1.0 else note("")


# --------------------------------------------------------------------------- corpus
def corpus_overview(corpus: Corpus, *, name: str = "") -> Finding:
    """The corpus in one paragraph: articles, outlets, dates, sentences and claims, inputs not loaded."""
    articles = corpus.articles
    report = corpus.load_report
    published = articles["published"].dropna()
    from .io.loader import UNKNOWN_OUTLET, by_design

    outlets = articles["outlet"].fillna("").replace(UNKNOWN_OUTLET, "").value_counts()
    named = outlets[outlets.index != ""]
    parts = [f"**{count(len(articles), 'article')}**"]
    if not len(named):
        parts.append("(no outlet given)")
    elif len(outlets) == 1:
        parts.append(f"from {named.index[0]}")
    else:
        unnamed = int(outlets.get("", 0))
        without = f"; {count(unnamed, 'article')} without one" if unnamed else ""
        parts.append(f"from {count(len(named), 'outlet')} (most from {listing(named.index[:3], limit=3)}{without})")
    if len(published):
        first, last = published.min(), published.max()
        parts.append(f"published on {day(first)}" if first == last else f"published between {day(first)} and {day(last)}")
        undated = len(articles) - len(published)
        if undated:
            parts.append(f"({count(undated, 'article')} without a date)")
    else:
        parts.append("none of them dated")
    text = " ".join(parts) + f": {int(articles['n_sentences'].sum()):,} sentences"
    if "claims" in corpus.table_names:
        text += f" and {len(corpus.claims):,} claims"
    text += "."
    report = report[~by_design(report)]
    skipped = int((report["status"] == "skipped").sum())
    failed = int((report["status"] == "failed").sum())
    problems = [f"{count(failed, 'input file')} could not be read"] if failed else []
    problems += [f"{count(skipped, 'input file')} {'was' if skipped == 1 else 'were'} skipped"] if skipped else []
    if problems:
        text += f" {upper_first(' and '.join(problems))} (the load report says why)."
    title = f"The corpus{f' ({name})' if name else ''}"
    return Finding(title, text, section="00_start_here")


def focus_overview(corpus: Corpus, article_id: str) -> Finding:
    """The focus article in a sentence: what it is, and how much of it is not a full sentence."""
    from .io.loader import UNKNOWN_OUTLET

    articles = corpus.articles.set_index("article_id")
    sentences = corpus.sentences[corpus.sentences["article_id"] == article_id]
    row = articles.loc[article_id]
    fragments = int(sentences["fragment"].sum())
    unterminated = int((~sentences["is_headline"] & ~sentences["text"].str.rstrip().str[-1:].isin(list('.!?"”’)'))).sum())
    when = day(row["published"]) if row["published"] == row["published"] else "no date"
    outlet = row["outlet"] if row["outlet"] not in ("", UNKNOWN_OUTLET) else "outlet not given"
    text = (
        f"The focus article is `{article_id}`: *{row['title'] or 'untitled'}* ({outlet}, {when}), "
        f"{count(len(sentences), 'sentence')} in {count(sentences['paragraph_id'].nunique() if len(sentences) else 0, 'paragraph')}."
    )
    if fragments or unterminated:
        parts = [f"{count(fragments, 'fragment')} (no finite verb or no subject)"] if fragments else []
        parts += [f"{count(unterminated, 'sentence')} ending without punctuation"] if unterminated else []
        text += f" It has {' and '.join(parts)}: marked below."
    else:
        text += " Every sentence is a full, punctuated sentence."
    return Finding("The focus article", text, section="00_start_here")


# --------------------------------------------------------------------------- integrity
def articles_to_check(corpus: Corpus, *, top: int = 5) -> Finding:
    """The articles whose text is most damaged (integrity score), to read in the original first."""
    from .io.loader import UNKNOWN_OUTLET

    integrity = corpus.integrity
    articles = corpus.articles.set_index("article_id")
    flagged = integrity[integrity["n_flags"] > 0].sort_values(["score", "n_flags", "article_id"], ascending=[True, False, True])
    n = len(integrity)
    if not len(flagged):
        return Finding("Articles to check first", f"The integrity rules found nothing to flag in {'the only article' if n == 1 else f'any of the {n:,} articles'}: no fragments, split sentences, unintroduced people, dangling references, suspicious quotes or date conflicts.", section="04_read_before_you_trust")
    bands = integrity["band"].value_counts()
    worst = flagged.head(top)
    kinds = [c for c in integrity.columns if c not in ("article_id", "n_sentences", "n_flags", "flags_per_100", "score", "band")]
    table = worst.assign(
        title=worst["article_id"].map(articles["title"]).fillna(""),
        outlet=worst["article_id"].map(articles["outlet"]).fillna("").replace(UNKNOWN_OUTLET, ""),
        findings=worst.apply(lambda r: ", ".join(count(int(r[k]), k.replace("_", " "), _plural(k.replace("_", " "))) for k in kinds if r[k]), axis=1),
    )[["article_id", "title", "outlet", "score", "band", "findings"]].reset_index(drop=True)
    unreliable = int(bands.get("unreliable", 0))
    check = int(bands.get("check", 0))
    text = f"{upper_first(share(len(flagged), n, 'articles'))} {verb(len(flagged), n, 'carries', 'carry')} at least one integrity flag"
    bands_said = [f"{count(unreliable, 'article')} {'scores' if unreliable == 1 else 'score'} *unreliable* (below 70)"] if unreliable else []
    bands_said += [f"{count(check, 'article')} *check* (70–89)"] if check else []
    if bands_said:
        text += "; " + " and ".join(bands_said)
    text += f". Read {'it' if len(worst) == 1 else 'these'} against the original before quoting: {listing((f'`{a}`' for a in worst['article_id']), limit=top, total=len(flagged))}."
    return Finding("Articles to check first", text, table, section="04_read_before_you_trust")


# --------------------------------------------------------------------------- sourcing
def source_mix(corpus: Corpus) -> Finding:
    """Who carries the corpus's claims: named people and bodies, unnamed or vague sources, the writers."""
    claims = corpus.claims
    if not len(claims):
        return Finding("Sources", "The corpus has no claims.", section="01_sourcing")
    counts = claims["source_type"].value_counts()
    n = len(claims)
    named = int(counts.get("named_person", 0) + counts.get("named_organization", 0))
    hidden = int(counts.get("unnamed", 0) + counts.get("vague", 0))
    author = int(counts.get("author", 0))
    text = (
        f"Of {count(n, 'claim')}, the writers assert {share(author, n)} in their own voice; named people and bodies carry "
        f"{share(named, n)}; unnamed or vague sources carry {share(hidden, n)}."
    )
    attributed = n - author
    if attributed:
        text += f" Of the {attributed:,} attributed claims, {share(hidden, attributed)} rest on a source the reader cannot identify."
    return Finding("Who carries the claims", text, counts.reindex(list(SOURCE_TYPES), fill_value=0).rename("claims").to_frame(), section="01_sourcing")


def unnamed_claims(corpus: Corpus, *, top: int = 5) -> Finding:
    """The claims resting on unnamed or vague sources, and the articles that lean on them most."""
    claims = corpus.claims
    hidden = claims[claims["source_type"].isin(["unnamed", "vague"])]
    attributed = claims[claims["source_type"] != "author"]
    if not len(hidden):
        return Finding("Claims on unnamed or vague sources", "No claim rests on an unnamed or vague source: every attribution names a person or a body.", section="01_sourcing")
    per_article = attributed.groupby("article_id")["source_type"].apply(lambda s: (s.isin(["unnamed", "vague"])).mean())
    sizes = attributed.groupby("article_id").size()
    leaning = per_article[(sizes >= 3) & (per_article >= 0.5)].sort_values(ascending=False)
    table = hidden.sort_values(["article_id", "claim_id"])[["article_id", "claim_id", "source_type", "source_subtype", "source_text", "cue", "text"]].head(top).reset_index(drop=True)
    text = f"{upper_first(share(len(hidden), len(attributed), 'attributed claims'))} {verb(len(hidden), len(attributed), 'rests', 'rest')} on an unnamed or vague source ({count(int((hidden['source_type'] == 'unnamed').sum()), 'unnamed source')}, {count(int((hidden['source_type'] == 'vague').sum()), 'vague one')}), in {count(hidden['article_id'].nunique(), 'article')}."
    if len(leaning):
        text += f" In {count(len(leaning), 'article')} most attributions are of that kind: {listing((f'`{a}`' for a in leaning.index), limit=top)}."
    return Finding("Claims on unnamed or vague sources", text, table, section="01_sourcing")


def focus_sourcing(corpus: Corpus, article_id: str) -> Finding:
    """What to conclude about one article's sourcing, from its claims."""
    claims = corpus.claims
    focus = claims[claims["article_id"] == article_id]
    if not len(focus):
        return Finding("What to conclude about this article", "The article has no claims (it may be a list, a table or a fragment).", section="01_sourcing")
    counts = focus["source_type"].value_counts()
    named = focus[focus["source_type"].isin(["named_person", "named_organization"])]
    hidden = focus[focus["source_type"].isin(["unnamed", "vague"])]
    author = int(counts.get("author", 0))
    direct = int((named["quote_type"] == "direct").sum())
    n = len(focus)
    if not len(named):
        text = "Not one claim has a named source."
        if len(hidden):
            text += f" {upper_first(share(len(hidden), n, 'claims'))} {verb(len(hidden), n, 'goes', 'go')} to unnamed officials or groups or to vague reports ({listing(dict.fromkeys(hidden['source_text'].replace('', '(no source words)')).keys(), limit=4)})"
            text += f", and the writer asserts the rest ({count(author, 'claim')}) with no source at all." if author else "."
        else:
            text += " The writer asserts everything without attribution."
        text += " Before relying on it, find the original report and the named sources behind it."
    else:
        people = named["source_actor"].replace("", None).dropna().value_counts()
        text = f"{upper_first(share(len(named), n, 'claims'))} {verb(len(named), n, 'rests', 'rest')} on named sources ({listing(people.index, limit=5, total=len(people))})"
        text += f", {number(direct)} of them quoted directly" if direct else ""
        text += "."
        if len(hidden):
            text += f" {upper_first(count(len(hidden), 'claim'))} {'rests' if len(hidden) == 1 else 'rest'} on unnamed or vague sources: check {'it' if len(hidden) == 1 else 'them'} first."
        if author:
            text += f" The writer asserts {share(author, n)} without attribution."
    return Finding("What to conclude about this article", text, section="01_sourcing")


def transcripts(corpus: Corpus) -> Finding:
    """Transcripts of briefings in the corpus (speaker turns): they change what the counts mean."""
    from .nlp.doc import paragraph_starts
    from .nlp.transcripts import is_transcript

    found = [r.article_id for r in corpus._articles.itertuples() if is_transcript(r.text, paragraph_starts(r.text))]
    if not found:
        return note("")
    return note(
        f"{upper_first(count(len(found), 'article'))} of the corpus {'is a transcript' if len(found) == 1 else 'are transcripts'} of spoken turns "
        f"(a briefing, a press conference): each turn is its speaker's claim, so {'it weighs' if len(found) == 1 else 'they weigh'} heavily on every count; "
        "compare articles one by one as well."
    )


# --------------------------------------------------------------------------- hedging
def hedging_overview(corpus: Corpus) -> Finding:
    """How much of the corpus is hedged, and with which kinds of cue."""
    hedges, claims = corpus.hedges, corpus.claims
    if not len(hedges):
        return Finding("How sure", "No hedge cue was found: every claim is asserted outright.", section="02_hedging")
    categories = hedges["category"].value_counts()
    hedged = int(claims["hedged"].sum()) if len(claims) else 0
    text = (
        f"{upper_first(count(len(hedges), 'hedge cue'))} {'qualifies' if len(hedges) == 1 else 'qualify'} {share(hedged, len(claims), 'claims')}. The most common kinds are "
        f"{listing((f'{c.replace(chr(95), chr(32))} ({n:,})' for c, n in categories.items()), limit=3, total=len(categories))}."
    )
    low = claims[claims["certainty"] <= 0.5] if len(claims) else claims
    if len(low):
        text += f" {upper_first(count(len(low), 'claim'))} {'is' if len(low) == 1 else 'are'} worded at an even chance or weaker (certainty 0.5 or less)."
    return Finding("How sure", text, categories.rename("cues").to_frame(), section="02_hedging")


def hedged_about_top_actors(corpus: Corpus, *, actors: int = 5, top: int = 8) -> Finding:
    """The most hedged claims about the most-mentioned actors."""
    from .views import claim_actors

    claims = corpus.claims.reset_index(drop=True)
    leaders = top_actor_names(corpus, top=actors)
    if not leaders or not len(claims):
        return Finding("Hedged claims about the main actors", "The corpus names no actors.", section="02_hedging")
    rows, names = claim_actors(claims, corpus.entities, scope="sentence")
    about = {}
    for row, name in zip(rows.tolist(), names.tolist()):
        if name in leaders:
            about.setdefault(row, name)
    picked = claims.loc[sorted(about)] if about else claims.iloc[0:0]
    picked = picked[picked["hedged"]].assign(actor=lambda t: t.index.map(about))
    if not len(picked):
        return Finding("Hedged claims about the main actors", f"No claim about the most-mentioned actors ({listing(leaders)}) is hedged: they are asserted outright.", section="02_hedging")
    weakest = picked.sort_values(["certainty", "article_id", "claim_id"]).head(top)
    table = weakest[["actor", "article_id", "claim_id", "certainty", "source_text", "text"]].reset_index(drop=True)
    text = (
        f"Of the claims about the most-mentioned actors ({listing(leaders)}), {count(len(picked), 'claim')} {'is' if len(picked) == 1 else 'are'} hedged. "
        f"The least certain ({weakest['certainty'].min():.2f}) {'is' if len(weakest) == 1 else 'are listed below'}: treat them as leads, not facts."
    )
    return Finding("Hedged claims about the main actors", text, table, section="02_hedging")


# --------------------------------------------------------------------------- actors
def top_actor_names(corpus: Corpus, *, top: int = 5) -> list[str]:
    """The most-mentioned actors (mentions in their own right), most first."""
    from .views import actor_mentions

    mentions = actor_mentions(corpus.entities)
    if not len(mentions):
        return []
    counts = mentions.groupby("actor").size()
    return sorted(counts.index, key=lambda a: (-counts[a], a))[:top]


def actor_overview(corpus: Corpus, *, top: int = 5) -> Finding:
    """Who the corpus is about: the most-mentioned actors and who acts most."""
    actors = corpus.actors
    if not len(actors):
        return Finding("Who is in the story", "The corpus names no people, bodies, states or places.", section="03_actors")
    leaders = actors.head(top)
    n_articles = len(corpus.articles)
    first = leaders.iloc[0]
    where = "the only article" if n_articles == 1 else f"all {n_articles:,} articles" if int(first["articles"]) == n_articles else f"{int(first['articles']):,} of the {n_articles:,} articles"
    text = f"**{first['actor']}** is mentioned most ({first['mentions']:,} times, in {where})"
    if len(leaders) > 1:
        text += f", then {listing((f'{r.actor} ({r.mentions:,})' for r in leaders.iloc[1:].itertuples()), limit=top - 1)}"
    text += "."
    agents = actors[actors["as_agent"] > 0].sort_values(["as_agent", "actor"], ascending=[False, True])
    if len(agents):
        text += f" The most frequent agent of actions is {agents.iloc[0]['actor']} ({count(int(agents.iloc[0]['as_agent']), 'action')})."
    sources = actors[actors["as_source"] > 0].sort_values(["as_source", "actor"], ascending=[False, True])
    if len(sources):
        text += f" The most quoted is {sources.iloc[0]['actor']} ({count(int(sources.iloc[0]['as_source']), 'claim')})."
    return Finding("Who is in the story", text, leaders[["actor", "kind", "affiliation", "mentions", "articles", "as_source", "as_agent"]].reset_index(drop=True), section="03_actors")


def followed_actor(corpus: Corpus, *, minimum_dates: int = 3) -> str:
    """The actor worth following day by day: the most-mentioned actor whose hedged claims span the
    most publication dates (at least ``minimum_dates``); "" when no actor is covered that often."""
    import numpy as np
    import pandas as pd

    from .views import claim_actors

    claims = corpus.claims.reset_index(drop=True)
    if not len(claims):
        return ""
    published = claims["article_id"].map(corpus.articles.set_index("article_id")["published"])
    rows, names = claim_actors(claims, corpus.entities, scope="sentence")
    rows = np.asarray(rows, dtype=np.int64)
    hedged = claims["hedged"].fillna(False).astype(bool).to_numpy()[rows]
    on = published.to_numpy()[rows]
    keep = hedged & pd.notna(on)
    dated = pd.DataFrame({"name": np.asarray(names)[keep], "published": on[keep]})
    dates = dated.groupby("name")["published"].nunique().to_dict() if len(dated) else {}
    leaders = top_actor_names(corpus, top=15)
    ranked = sorted((a for a in leaders if dates.get(a, 0) >= minimum_dates), key=lambda a: (-dates[a], leaders.index(a)))
    return ranked[0] if ranked else ""


def over_time(corpus: Corpus, actor: str) -> Finding:
    """How certain the claims about ``actor`` are, publication date by publication date."""

    from .views import claim_actors

    claims = corpus.claims.reset_index(drop=True)
    rows, names = claim_actors(claims, corpus.entities, scope="sentence")
    about = sorted({row for row, name in zip(rows.tolist(), names.tolist()) if name == actor})
    picked = claims.loc[about].assign(published=lambda t: t["article_id"].map(corpus.articles.set_index("article_id")["published"]))
    picked = picked[picked["published"].notna()]
    if not len(picked):
        return Finding(f"{actor}, day by day", f"No dated article has a claim about {actor}.", section="02_hedging")
    period = "D" if (picked["published"].max() - picked["published"].min()).days <= 60 else "W" if (picked["published"].max() - picked["published"].min()).days <= 400 else "M"
    picked = picked.assign(period=picked["published"].dt.to_period(period).dt.start_time)
    table = picked.groupby("period").agg(claims=("claim_id", "size"), hedged=("hedged", "sum"), mean_certainty=("certainty", "mean"), articles=("article_id", "nunique"))
    table["mean_certainty"] = table["mean_certainty"].round(3)
    table.index.name = {"D": "day", "W": "week from", "M": "month from"}[period]
    table = table.reset_index()
    low = table.sort_values(["mean_certainty", table.columns[0]]).iloc[0]
    high = table.sort_values(["mean_certainty", table.columns[0]], ascending=[False, True]).iloc[0]
    text = (
        f"{upper_first(count(len(picked), 'claim'))} about {actor} in {count(picked['article_id'].nunique(), 'dated article')}, "
        f"{count(len(table), {'D': 'day', 'W': 'week', 'M': 'month'}[period])} with at least one. "
    )
    if len(table) > 1 and low["mean_certainty"] != high["mean_certainty"]:
        text += f"The wording is least certain on {day(low.iloc[0])} (mean certainty {low['mean_certainty']:.2f}) and most certain on {day(high.iloc[0])} ({high['mean_certainty']:.2f})."
    else:
        text += f"The mean certainty is {picked['certainty'].mean():.2f} throughout."
    return Finding(f"{actor}, {'day' if period == 'D' else 'week' if period == 'W' else 'month'} by {'day' if period == 'D' else 'week' if period == 'W' else 'month'}", text, table, section="02_hedging")


# --------------------------------------------------------------------------- timeline
def date_spread(timeline: "pd.DataFrame") -> str:
    """Where the dated events fall: "from A to B", or, when a few historical or far-off dates stretch
    the range far beyond where most events are, the middle eight in ten first and the whole range after."""
    first, last = timeline["date_start"].min(), timeline["date_end"].max()
    middle = timeline["date_start"].quantile([0.1, 0.9])
    low, high = middle.iloc[0].normalize(), middle.iloc[1].normalize()
    whole, bulk = (last - first).days, max((high - low).days, 1)
    if len(timeline) >= 10 and whole > 366 and whole > 4 * bulk:
        return f"eight in ten of them between {day(low)} and {day(high)} (the whole range runs from {day(first)} to {day(last)})"
    return f"from {day(first)} to {day(last)}"


def timeline_overview(corpus: Corpus) -> Finding:
    """The dated events of the corpus: their span, and the dates that contradict each other."""
    timeline, flags = corpus.timeline, corpus.flags
    if not len(timeline):
        return Finding("Dated events", "No time expression could be put on the calendar (the articles may lack publication dates).", section="04_read_before_you_trust")
    first, last = timeline["date_start"].min(), timeline["date_end"].max()
    conflicts = flags[flags["kind"] == "date_conflict"]
    text = f"{upper_first(count(len(timeline), 'dated expression'))} in {count(timeline['article_id'].nunique(), 'article')}, {date_spread(timeline)}."
    if len(conflicts):
        text += f" {upper_first(count(len(conflicts), 'date conflict'))} (one event dated twice, incompatibly) in {listing((f'`{a}`' for a in dict.fromkeys(conflicts['article_id'])), limit=5)}: at least one of each pair of dates is wrong."
    else:
        text += " No event is dated twice incompatibly."
    return Finding("Dated events", text, section="04_read_before_you_trust")


# --------------------------------------------------------------------------- provenance
def provenance_overview(corpus: Corpus, *, top: int = 5) -> Finding:
    """Copies among the articles, and the claims that travel from article to article."""
    related, threads = corpus.related, corpus.claim_threads
    copies = related[related["relation"].isin(["duplicate", "near_duplicate", "derived"])] if len(related) else related
    if not len(related) and not len(threads):
        return Finding("Copies and travelling claims", "No two articles share enough wording to be copies, and no claim appears in more than one article.", section="06_provenance")
    text = ""
    if len(copies):
        articles = set(copies["article_a"]) | set(copies["article_b"])
        text += f"{upper_first(count(len(copies), 'pair'))} of articles {'is a copy' if len(copies) == 1 else 'are copies'} (duplicate, near-duplicate or derived), involving {count(len(articles), 'article')}."
    elif len(related):
        text += f"{upper_first(count(len(related), 'pair'))} of articles {'shares' if len(related) == 1 else 'share'} some wording, none enough to be a copy."
    else:
        text += "No two articles share enough wording to be copies."
    table = None
    if len(threads):
        n_threads = threads["thread_id"].nunique()
        changed = threads[(threads["position"] > 0) & (threads["source_drift"].isin(["changed", "dropped"]) | (threads["certainty_change"].abs() > 0.05))]
        text += f" {upper_first(count(n_threads, 'claim'))} {'appears' if n_threads == 1 else 'appear'} in more than one article"
        text += (f"; in {count(changed['thread_id'].nunique(), 'thread')} the source or the certainty changes on the way." if len(changed) else "; none changes its source or certainty on the way.")
        firsts = threads[threads["position"] == 0].sort_values(["n_articles", "thread_id"], ascending=[False, True]).head(top)
        table = firsts[["thread_id", "n_articles", "article_id", "source_text", "text"]].reset_index(drop=True)
    else:
        text += " No claim appears in more than one article."
    return Finding("Copies and travelling claims", text, table, section="06_provenance")


def briefing(corpus: Corpus, *, name: str = "") -> list[Finding]:
    """The findings of the report's index page, in order."""
    return [
        corpus_overview(corpus, name=name),
        articles_to_check(corpus),
        unnamed_claims(corpus),
        hedged_about_top_actors(corpus),
        actor_overview(corpus),
        timeline_overview(corpus),
        provenance_overview(corpus),
    ]


__all__ = [
    "Finding",
    "actor_overview",
    "articles_to_check",
    "briefing",
    "corpus_overview",
    "count",
    "date_spread",
    "day",
    "focus_overview",
    "focus_sourcing",
    "followed_actor",
    "hedged_about_top_actors",
    "hedging_overview",
    "if_sample",
    "if_seed",
    "is_seed",
    "known_name",
    "listing",
    "note",
    "number",
    "over_time",
    "provenance_overview",
    "sample_share",
    "share",
    "singular",
    "source_mix",
    "text_fingerprint",
    "timeline_overview",
    "top_actor_names",
    "transcripts",
    "unnamed_claims",
    "upper_first",
    "verb",
]

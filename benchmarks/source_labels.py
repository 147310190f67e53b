"""Are any claims' sources speaker labels or pronouns (issue 17)? Over a folder of whole articles.

    .venv/bin/python benchmarks/source_labels.py FOLDER

Prints the number of claims whose ``source_actor`` is a label or pronoun ("Q", "QUESTION", "you", "I",
"who", "one", "President", "The President", "JEAN", "we", "he", ...), the top source actors and the
actors named like labels.
"""

from __future__ import annotations

import sys
import warnings
from collections import Counter

LABELS = {"q", "question", "you", "i", "who", "one", "president", "the president", "jean", "we", "he", "she", "they", "it", "me", "a"}


def main(folder: str) -> int:
    import analystkit as ak

    warnings.simplefilter("ignore")
    corpus = ak.load(folder, progress=False)
    claims = corpus.claims
    actors = claims.source_actor.fillna("").astype(str)
    print(f"{len(corpus)} articles, {len(claims)} claims")
    print("source actors that are labels or pronouns:", Counter(a for a in actors if a.strip().lower() in LABELS).most_common(10))
    print("top source actors:", actors[actors != ""].value_counts().head(8).to_dict())
    print("actors named like labels:", [a for a in corpus.actors.actor if a.strip().lower() in LABELS])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""How often the loader decodes text of unknown encoding correctly (``analystkit.io.loader.decode``).

Samples: spaCy's example sentences (``spacy.lang.<xx>.examples``, natural sentences the kit was
not tuned on) of languages written in single-byte code pages, each encoded in the code pages
its language is commonly written in (characters a code page cannot hold are dropped from that
sample). Two sample sizes: one sentence, and all of a language's sentences as one text.

    .venv/bin/python benchmarks/charset_detection.py

A sample counts as correct when the decoded text equals the original exactly.
"""

from __future__ import annotations

import importlib
import sys
from collections import defaultdict

#: language → code pages it is commonly written in.
CODE_PAGES = {
    "ru": ("cp1251", "koi8_r"), "uk": ("cp1251", "koi8_u"), "bg": ("cp1251",), "mk": ("cp1251",), "sr": ("cp1251",),
    "el": ("cp1253", "iso8859_7"), "he": ("cp1255",), "ar": ("cp1256",), "fa": ("cp1256",),
    "fr": ("cp1252",), "de": ("cp1252",), "es": ("cp1252",), "it": ("cp1252",), "pt": ("cp1252",), "nl": ("cp1252",),
    "da": ("cp1252",), "sv": ("cp1252",), "pl": ("cp1250",), "cs": ("cp1250",), "tr": ("cp1254",),
}


def samples(language: str) -> list[str]:
    try:
        return list(importlib.import_module(f"spacy.lang.{language}.examples").sentences)
    except (ImportError, AttributeError):
        return []


def main() -> int:
    from analystkit.io.loader import decode

    results: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misread: dict[str, list[str]] = defaultdict(list)
    for language, pages in CODE_PAGES.items():
        sentences = samples(language)
        for codec in pages:
            for size, texts in (("sentence", sentences), ("all", [" ".join(sentences)])):
                for text in texts:
                    data = text.encode(codec, "ignore")
                    original = data.decode(codec)
                    try:
                        data.decode("utf-8")
                        continue  # pure ASCII (or valid UTF-8 by chance): not a detection case
                    except UnicodeDecodeError:
                        pass
                    got, encoding, _ = decode(data)
                    correct = got == original
                    results[(f"{language}/{codec}", size)][0] += correct
                    results[(f"{language}/{codec}", size)][1] += 1
                    if not correct:
                        misread[f"{language}/{codec}/{size}"].append(encoding)
    totals = {"sentence": [0, 0], "all": [0, 0]}
    groups = {"non-Latin": [0, 0, 0, 0], "Latin": [0, 0, 0, 0]}
    for (name, size), (ok, n) in sorted(results.items()):
        totals[size][0] += ok
        totals[size][1] += n
        group = "Latin" if name.split("/")[1] in ("cp1252", "cp1250", "cp1254") else "non-Latin"
        offset = 0 if size == "sentence" else 2
        groups[group][offset] += ok
        groups[group][offset + 1] += n
    print(f"{'language/code page':22} {'sentences':>12} {'whole text':>12}")
    for name in sorted({name for name, _ in results}):
        one, whole = results[(name, "sentence")], results[(name, "all")]
        print(f"{name:22} {one[0]:>5}/{one[1]:<6} {whole[0]:>5}/{whole[1]:<6}")
    for group, (ok1, n1, ok2, n2) in groups.items():
        print(f"{group:10}: one sentence {ok1}/{n1} ({100 * ok1 / max(1, n1):.1f}%), whole text {ok2}/{n2} ({100 * ok2 / max(1, n2):.1f}%)")
    for key, encodings in sorted(misread.items()):
        print(f"  misread {key}: as {', '.join(sorted(set(encodings)))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

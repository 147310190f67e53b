"""How often the loader decodes text of unknown encoding correctly (``analystkit.io.loader.decode``).

Samples: spaCy's example sentences (``spacy.lang.<xx>.examples``, natural sentences the kit was
not tuned on) of languages written in single-byte code pages, each encoded in the code pages
its language is commonly written in (characters a code page cannot hold are dropped from that
sample). Two sample sizes: one sentence, and all of a language's sentences as one text.

    .venv/bin/python benchmarks/charset_detection.py

A sample counts as correct when the decoded text equals the original exactly.

Second check, real prose: ``--manpages DIR`` reads translated Debian manual pages unpacked into DIR
(``apt-get download manpages-pl manpages-cs manpages-hu manpages-ro manpages-tr manpages-fr
manpages-de manpages-es manpages-it manpages-pt-br manpages-da manpages-nl`` and
``dpkg-deb -x <each .deb> DIR``; GPL, not in the repository): the first 3,000 characters of up to 60
pages per language with at least three non-ASCII characters, troff markup removed, encoded in the
language's Windows code page (Romanian's comma-below letters as cp1250's cedilla forms).

    .venv/bin/python benchmarks/charset_detection.py --manpages /tmp/man
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


#: manual-page language folder → the Windows code page its language is written in.
MANPAGE_CODE_PAGES = {
    "pl": "cp1250", "cs": "cp1250", "hu": "cp1250", "ro": "cp1250", "tr": "cp1254", "fr": "cp1252", "de": "cp1252",
    "es": "cp1252", "it": "cp1252", "pt_BR": "cp1252", "da": "cp1252", "nl": "cp1252",
}


def _troff_text(raw: str) -> str:
    """The prose of a manual page: request lines dropped, font and character escapes removed."""
    import re

    lines = []
    for line in raw.splitlines():
        if line.startswith((".", "'")) and not line.startswith((".B ", ".I ")):
            continue
        line = re.sub(r'\\f[BIRP]|\\f\(..|\\-|\\\(..|\\[&e]|\\\*.|\\"', "", line)
        lines.append(re.sub(r"^\.[BI] ", "", line))
    return "\n".join(lines)


def manpages(folder: str, per_language: int = 60) -> int:
    import gzip
    import random
    from pathlib import Path

    from analystkit.io.loader import decode

    random.seed(0)
    for language, codec in MANPAGE_CODE_PAGES.items():
        files = sorted(Path(folder, "usr/share/man", language).rglob("*.gz"))
        random.shuffle(files)
        right = total = 0
        wrong: list[str] = []
        for path in files:
            try:
                text = _troff_text(gzip.decompress(path.read_bytes()).decode("utf-8"))[:3000]
            except (OSError, UnicodeDecodeError, EOFError):
                continue
            if sum(ord(ch) > 127 for ch in text) < 3:
                continue
            if language == "ro":
                text = text.translate(str.maketrans("șțȘȚ", "şţŞŢ"))
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            got, encoding, _ = decode(data)
            total += 1
            right += got == text
            if got != text:
                wrong.append(f"{path.name} as {encoding}")
            if total >= per_language:
                break
        print(f"{language:6} {codec:7} {right:>3}/{total:<3}" + (f"  misread: {'; '.join(wrong[:3])}" if wrong else ""))
    return 0


def main() -> int:
    from analystkit.io.loader import decode

    if "--manpages" in sys.argv:
        return manpages(sys.argv[sys.argv.index("--manpages") + 1])

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

"""The columns of every table, with what they mean. README and docs are built from this."""

from __future__ import annotations

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
    },
    "sentences": {
        "article_id": "article the sentence belongs to",
        "sentence_id": "0-based position in the article",
        "paragraph_id": "0-based paragraph (blocks separated by blank lines)",
        "start": "character offset of the first character in `articles.text`",
        "end": "offset one past the last character (text[start:end] == text)",
        "text": "the sentence, trimmed of surrounding whitespace",
        "is_headline": "the headline line at the top of a plain-text article",
        "fragment": "a verbless or subjectless piece ('Redeployed forces.')",
    },
    "entities": {
        "article_id": "article the mention belongs to",
        "sentence_id": "sentence holding the mention",
        "start": "character offset in `articles.text`",
        "end": "offset one past the mention",
        "text": "the mention as written",
        "label": "spaCy entity label after the kit's corrections (PERSON, ORG, GPE, LOC, NORP, ...)",
        "actor": "canonical actor for person/organisation/place/group mentions (Russians -> Russia), else ''",
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

"""Input: readers for each format and the loader that accounts for every file; and the
one module that writes tables to CSV and Excel safely (:mod:`~analystkit.io.spreadsheet`)."""

from .loader import (
    PublishedDate,
    clean_text,
    decode,
    looks_like_headline,
    parse_date,
    read_articles,
    read_date,
    slugify,
)
from .readers import markdown_to_text, read_header, split_header
from .spreadsheet import read_csv_table, write_csv, write_xlsx

__all__ = [
    "PublishedDate", "clean_text", "decode", "looks_like_headline", "markdown_to_text", "parse_date",
    "read_articles", "read_csv_table", "read_date", "read_header", "slugify", "split_header", "write_csv", "write_xlsx",
]

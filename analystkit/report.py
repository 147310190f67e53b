"""Re-run the curated notebooks over any corpus as an offline HTML report.

    analystkit report PATH... --out DIR [--notebooks NAMES|FOLDER] [--title TEXT] [--jobs N] [--pdf]

1. The corpus is loaded and extracted once in this process (``--jobs`` worker processes,
   a progress bar on the terminal). Every table is then in the cache (:mod:`analystkit.cache`):
   each notebook's kernel reads the whole corpus's tables back in a second instead of
   re-parsing or re-assembling them.
2. The notebooks (the curated ones shipped with the kit, or a folder of your own
   parameterised notebooks) are executed with papermill, ``--jobs`` at a time, each with
   its ``parameters`` cell receiving ``ARTICLES``, ``METADATA`` and ``OUTPUT_DIR`` (the
   report folder), into ``DIR/notebooks/``. A notebook writes its files (the claims ledger)
   under ``OUTPUT_DIR``; nothing lands outside ``--out``.
3. No machine path is left in the output: the corpus's location is replaced by the
   folder's name, the report folder by ``.``, the home folder by ``~``, in the executed
   notebooks and in every page.
4. Each executed notebook becomes an HTML page without code: images embedded, widgets
   dropped (each notebook shows their static equivalent), tables interactive (sort,
   search, pages) with their script embedded, no reference to another host — the pages
   open with no network.
5. ``DIR/index.html`` is a briefing: the corpus in a paragraph, then the findings that need
   attention (:mod:`analystkit.findings`), each with a small figure and a link to the
   section that explains it, then the pages.
6. ``--pdf`` prints the index and every page into ``DIR/report.pdf`` with headless
   Chromium where it is installed, and says so where it is not.

A failing notebook does not stop the others; the index marks it with the cell and the
error, and the command exits non-zero.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import functools
import html
import io
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .about import __version__
from . import settings
from .errors import Errors

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus
    from .findings import Finding

#: The notebooks of a checkout (the ``notebooks/`` folder next to the package).
CHECKOUT_NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
#: Where ``pip install`` puts the curated notebooks (the wheel's data files).
INSTALLED_NOTEBOOKS = Path("share") / "analystkit" / "notebooks"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: The environment variable that tells a notebook where to write (``OUTPUT_DIR`` in its parameters).
OUTPUT_SETTING = "ANALYSTKIT_OUTPUT_DIR"
_EXTERNAL_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.IGNORECASE)
_EXTERNAL_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_WIDGET_STATE = re.compile(r"<script type=\"application/vnd\.jupyter\.widget-state\+json\">.*?</script>", re.DOTALL)
#: Code in an inline script that loads code from another host.
_REMOTE_LOAD = re.compile(r"""(?:\bimport\s*\(\s*|\bfrom\s+|\bimport\s+|\bsrc\s*=\s*|\brequire\s*\(\s*\[?\s*|\bfetch\s*\(\s*|\bpaths\s*:\s*\{[^}]*?)["'](?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}""", re.IGNORECASE)
#: Styles added to every page: text left-aligned in tables, compact interactive tables.
PAGE_STYLE = """<style>
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th, table.dataframe td, table.dataframe th { text-align: left !important; vertical-align: top; }
.jp-RenderedHTMLCommon table.dataTable td { text-align: left; }
.jp-RenderedHTMLCommon table.dataTable td.dt-type-numeric, .jp-RenderedHTMLCommon table.dataTable th.dt-type-numeric { text-align: right !important; }
.ak-table { margin: 6px 0 14px; max-width: 100%; overflow-x: auto; }
@media print { .dt-search, .dt-paging, .dt-length { display: none; } .ak-article-body { max-height: none !important; overflow: visible !important; } }
</style>"""


@dataclass
class NotebookResult:
    name: str
    html: str
    executed: Path
    error: str = ""
    cell: int | None = None
    headings: dict[str, str] = field(default_factory=dict)  # heading text -> anchor id
    seconds: float = 0.0  # executing the notebook and writing its page


# --------------------------------------------------------------------------- notebooks
def notebook_folders() -> list[Path]:
    """Where the curated notebooks may be, in order: a checkout's ``notebooks/``, then the
    data folders of the installation (``pip install`` puts them in ``share/analystkit/notebooks``)."""
    folders = [CHECKOUT_NOTEBOOKS]
    for base in dict.fromkeys([sysconfig.get_path("data"), sys.prefix, sys.base_prefix, getattr(sys, "exec_prefix", sys.prefix)]):
        if base:
            folders.append(Path(base) / INSTALLED_NOTEBOOKS)
    user = sysconfig.get_path("data", f"{os.name}_user") if os.name == "posix" else None
    if user:
        folders.append(Path(user) / INSTALLED_NOTEBOOKS)
    return folders


def default_notebook_folder() -> Path | None:
    """The first of :func:`notebook_folders` that holds curated notebooks."""
    return next((folder for folder in notebook_folders() if curated_notebooks(folder)), None)


def curated_notebooks(folder: Path | None = None) -> list[Path]:
    """The notebooks of a folder, in order (``NN_name.ipynb``); the kit's own by default."""
    folder = default_notebook_folder() if folder is None else folder
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb")) if folder is not None and Path(folder).is_dir() else []


def safe_name(name: str) -> str:
    """A plain file name: no folders, no traversal, no odd characters."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(str(name)).name).strip("._-")
    return cleaned[:120] or "notebook"


def _inside(folder: Path, name: str) -> Path:
    path = (folder / safe_name(name)).resolve()
    if folder.resolve() not in path.parents:
        raise ValueError(Errors.AK033.format(path=path, folder=folder))
    return path


# --------------------------------------------------------------------------- paths
def path_replacements(paths: Sequence[str | os.PathLike], out_dir: Path) -> list[tuple[str, str]]:
    """What to write instead of each machine path the outputs could hold: the corpus's
    location → its name, the folder holding it → ``.``, the report folder → ``.``, the home
    folder → ``~`` (longest first; only absolute paths, never a bare relative name)."""
    pairs: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        shown = path.name or "corpus"
        for variant in {str(path.resolve()), str(path.absolute())}:
            if os.path.isabs(variant) and len(Path(variant).parts) > 2:
                pairs[variant] = shown
                parent = os.path.dirname(variant)
                if len(Path(parent).parts) > 2:
                    pairs.setdefault(parent, ".")
    for variant in {str(out_dir.absolute()), str(out_dir.resolve())}:
        pairs[variant] = "."
    for variant in {os.getcwd(), sys.prefix, sys.base_prefix}:  # tracebacks and warnings name these
        if os.path.isabs(variant) and len(Path(variant).parts) > 2:
            pairs.setdefault(variant, "." if variant == os.getcwd() else "<python>")
    home = os.path.expanduser("~")
    if os.path.isabs(home) and len(Path(home).parts) > 1:
        pairs.setdefault(home, "~")
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def scrub(text: str, replacements: list[tuple[str, str]]) -> str:
    """``text`` with every machine path replaced (:func:`path_replacements`): a path is replaced
    where it ends (a separator, a quote, a space, markup or the end follows it), also where it
    stands escaped inside JSON."""
    for old, new in replacements:
        for raw, replacement in {(old, new), (json.dumps(old)[1:-1], json.dumps(new)[1:-1])}:
            text = re.sub(re.escape(raw) + r"""(?=[/\\"'\s<>),;:]|$)""", lambda _m, r=replacement: r, text)
    return text


# --------------------------------------------------------------------------- HTML
def to_html(notebook_path: str | Path) -> tuple[str, dict[str, str]]:
    """An executed notebook as self-contained HTML without code or live widgets, and the
    anchors of its headings (heading text → id)."""
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(str(notebook_path), as_version=4)
    notebook = strip_widgets(notebook)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(notebook)
    body = make_offline(body).replace("</head>", PAGE_STYLE + "</head>", 1)
    headings = {html.unescape(re.sub(r"<[^>]+>", "", text)).replace("¶", "").strip(): anchor for anchor, text in re.findall(r"<h[12][^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h[12]>", body, re.DOTALL)}
    return body, headings


def strip_widgets(notebook: Any) -> Any:
    """Drop widget views (they need a live kernel), the saved widget state, and empty outputs."""
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = [o for o in cell.get("outputs", []) if WIDGET_MIME not in o.get("data", {})]
    return notebook


def make_offline(page: str) -> str:
    """Remove every reference to scripts or stylesheets on other hosts; keep inline code that
    loads nothing from elsewhere (the interactive tables' embedded bundle)."""
    page = _WIDGET_STATE.sub("", page)
    page = _EXTERNAL_SCRIPT.sub("", page)
    page = _INLINE_SCRIPT.sub(lambda m: "" if _REMOTE_LOAD.search(m.group(1)) else m.group(0), page)
    return _EXTERNAL_LINK.sub("", page)


# --------------------------------------------------------------------------- run
def run_report(
    paths: list[str],
    *,
    out: str | Path = "reports",
    notebooks: list[str] | str | None = None,
    title: str | None = None,
    notebook_dir: str | Path | None = None,
    progress: bool | None = None,
    jobs: int = 1,
    metadata: str | None = None,
    model: str | None = None,
    pdf: bool = False,
) -> int:
    """Execute the notebooks over ``paths`` and write the HTML report. Returns an exit status.

    Args:
        notebooks: names of notebooks to run (``"01_sourcing"`` or ``"sourcing"``), or a folder
            of your own parameterised notebooks; default: every curated notebook.
        notebook_dir: the folder the names are looked up in (default: the kit's).
        jobs: worker processes for the extraction, and notebooks run at the same time.
    """
    from tqdm.auto import tqdm

    from .corpus import load
    from .errors import NothingLoadedError
    from .settings import show_progress
    from .io.outputs import mark_output

    show = show_progress(progress)
    out_dir = Path(out).resolve()
    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    if isinstance(notebooks, str):
        notebooks = [notebooks]
    if notebooks and len(notebooks) == 1 and Path(notebooks[0]).is_dir():
        notebook_dir, notebooks = notebooks[0], None
    folder = Path(notebook_dir) if notebook_dir else default_notebook_folder()
    chosen, problem = _choose(curated_notebooks(folder) if folder else [], notebooks)
    if problem:
        print(f"analystkit: {problem}", file=sys.stderr)
        return 2
    articles = [str(Path(p).resolve()) if Path(p).exists() else str(p) for p in paths]
    name = Path(paths[0]).name if len(paths) == 1 else f"{len(paths)} inputs"
    title = title or f"analystkit report: {name}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            corpus = load(*articles, metadata=metadata, model=model, jobs=max(1, jobs))
        except NothingLoadedError as error:
            print(f"analystkit: {error}", file=sys.stderr)
            return 1
    corpus.progress = show
    started = time.perf_counter()
    corpus.articles  # the one extraction: every notebook then reads the cached tables
    extracted = time.perf_counter()

    before = {p.name: _stamp(p) for p in out_dir.iterdir()}
    mark_output(out_dir, [executed_dir], kind="report")  # now: the notebooks load the corpus while the report is written
    replacements = path_replacements([*paths, *articles, *([metadata] if metadata else []), *{str(n.parent) for n in chosen}], out_dir)
    environment = {OUTPUT_SETTING: str(out_dir), "ANALYSTKIT_PROGRESS": "off", **({"ANALYSTKIT_MODEL": model} if model else {})}
    saved = {key: os.environ.get(key) for key in environment}
    os.environ.update(environment)  # the kernels inherit it
    try:
        parameters = {"ARTICLES": articles if len(articles) > 1 else articles[0], "METADATA": metadata, "OUTPUT_DIR": str(out_dir)}
        if jobs > 1 and len(chosen) > 1:  # one process per notebook: kernel clients are not safe to share between threads
            with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
                running = [pool.submit(_run_one, notebook, executed_dir, out_dir, parameters, replacements) for notebook in chosen]
                results = [job.result() for job in tqdm(running, desc="notebooks", unit="notebook", disable=not show)]
        else:
            results = [_run_one(notebook, executed_dir, out_dir, parameters, replacements) for notebook in tqdm(chosen, desc="notebooks", unit="notebook", disable=not show)]
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    executed_all = time.perf_counter()
    index = _inside(out_dir, "index.html")
    index.write_text(scrub(render_index(results, corpus=corpus, title=title, name=name, out_dir=out_dir), replacements), encoding="utf-8")
    if pdf:
        message = write_pdf(out_dir, [index, *(out_dir / r.html for r in results)])
        print(f"analystkit: {message}", file=sys.stderr if message.startswith("no PDF") else sys.stdout)
    written = [p for p in out_dir.iterdir() if _stamp(p) != before.get(p.name)]  # ours, and what the notebooks wrote
    mark_output(out_dir, [index, executed_dir, *(out_dir / r.html for r in results), *written], kind="report")
    failed = [r for r in results if r.error]
    print(f"report written to {index}" + (f" ({len(failed)} of {len(results)} notebooks failed)" if failed else ""))
    if results:
        slowest = ", ".join(f"{r.name} {r.seconds:.0f} s" for r in sorted(results, key=lambda r: -r.seconds)[:3])
        print(f"time: extraction {extracted - started:.0f} s, notebooks {executed_all - extracted:.0f} s ({slowest}), "
              f"index {time.perf_counter() - executed_all:.0f} s")
    return 1 if failed else 0


def _stamp(path: Path) -> tuple[float, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime, info.st_size


@functools.lru_cache(maxsize=1)
def kernel_manager_class() -> type:
    """A kernel manager whose kernels talk over Unix sockets with unique paths.

    Over TCP, each kernel's five ports are chosen by binding and releasing them before the kernel
    binds them again; notebooks executed side by side in several processes can then be handed the
    same port, and one of them waits forever for a reply that went elsewhere (jupyter_client#487;
    seen here about one report in three with ``--jobs 2``). Unix sockets named after a random id
    cannot collide."""
    import tempfile
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum

    class SocketKernelManager(AsyncKernelManager):
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.ip = os.path.join(tempfile.gettempdir(), f"ak-kernel-{uuid.uuid4().hex[:12]}")

    return SocketKernelManager


def _run_one(notebook: Path, executed_dir: Path, out_dir: Path, parameters: dict[str, Any], replacements: list[tuple[str, str]]) -> NotebookResult:
    """Execute one notebook into ``executed_dir``, scrub machine paths from it and write its page."""
    import papermill as pm

    began = time.perf_counter()
    executed = _inside(executed_dir, notebook.name)
    result = NotebookResult(name=notebook.stem, html=safe_name(notebook.stem) + ".html", executed=executed)
    try:
        declared = set(pm.inspect_notebook(str(notebook)))  # pass only what the notebook's parameters cell names
        given = {k: v for k, v in parameters.items() if k in declared or k == "ARTICLES"}
        pm.execute_notebook(
            str(notebook), str(executed), parameters=given, cwd=str(executed_dir), progress_bar=False, kernel_name="python3",
            kernel_manager_class=kernel_manager_class() if os.name == "posix" else None,
            execution_timeout=settings.cell_timeout(),
        )
    except pm.PapermillExecutionError as error:
        result.cell = error.exec_count
        result.error = f"{error.ename}: {error.evalue}"
    except Exception as error:  # a kernel that died, a bad notebook file
        result.error = f"{type(error).__name__}: {error}"
    if executed.exists():
        executed.write_text(scrub(executed.read_text(encoding="utf-8"), replacements), encoding="utf-8")
        result.error = scrub(result.error, replacements)
    if result.error:
        where = f" in cell [{result.cell}]" if result.cell is not None else ""
        print(f"analystkit: notebook {notebook.name} failed{where}: {result.error}\n  executed copy: {executed}", file=sys.stderr)
    if executed.exists():
        page = _inside(out_dir, result.html)
        body, result.headings = to_html(executed)
        page.write_text(scrub(body, replacements), encoding="utf-8")
        from .io.outputs import mark_output

        mark_output(out_dir, [page], kind="report")
    result.seconds = time.perf_counter() - began
    return result


def _choose(available: list[Path], wanted: list[str] | None) -> tuple[list[Path], str]:
    if not wanted:
        return available, "" if available else "no curated notebooks found (pass --notebooks FOLDER with your own)"
    chosen, missing = [], []
    for name in wanted:
        stem = Path(name.strip()).stem
        match = [p for p in available if p.stem == stem or p.stem.split("_", 1)[-1] == stem]
        (chosen.extend(match) if match else missing.append(name))
    if missing:
        return [], f"no curated notebook named {', '.join(missing)}; available: {', '.join(p.stem for p in available)}"
    return sorted(set(chosen)), ""


# --------------------------------------------------------------------------- the index
def render_index(results: list[NotebookResult], *, corpus: Corpus, title: str, name: str, out_dir: Path | None = None) -> str:
    """The briefing page: the corpus, the findings that need attention (each with a figure and
    a link to the section that explains it), the pages, the files."""
    from .findings import briefing
    from .io.outputs import GENERATOR

    esc = html.escape
    findings = briefing(corpus, name=name)
    pages = {r.name: r for r in results if not r.error}
    cards = []
    for finding in findings:
        figure = _figure_for(finding, corpus)
        link = _section_link(finding, pages)
        table = _small_table(finding.table) if finding.table is not None and len(finding.table) and finding.title != "Who carries the claims" else ""
        cards.append(
            "<section class='finding'><div class='head'>"
            + (f"<img alt='{esc(finding.title)}' src='data:image/png;base64,{figure}'>" if figure else "")
            + f"<div class='body'>{_markdown(finding.markdown)}{link}</div></div>{table}</section>"
        )
    items = []
    for r in results:
        if r.error:
            cell = f" in cell [{r.cell}]" if r.cell is not None else ""
            status = f"<p class='failed'>Failed{esc(cell)}: <code>{esc(r.error)}</code><br>Executed copy: <code>notebooks/{esc(r.executed.name)}</code></p>"
        else:
            status = ""
        items.append(f"<li class='{'failed' if r.error else 'ok'}'><a href='{esc(r.html)}'>{esc(_page_title(r.name))}</a>{status}</li>")
    files = []
    if out_dir is not None and (out_dir / "claims_ledger.xlsx").exists():
        files.append("<li><a href='claims_ledger.xlsx'>claims_ledger.xlsx</a>: every claim with its source, hedges, dates, actors and flags, and blank verdict and notes columns</li>")
    files.append("<li><a href='notebooks/'>notebooks/</a>: the executed notebooks, to open in JupyterLab</li>")
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">{GENERATOR}<title>{esc(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:62em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}}
h1{{margin-bottom:0.2em}} .lead{{font-size:110%}}
section.finding{{border-top:1px solid #ddd;padding:1em 0}}
section.finding .head{{display:flex;gap:1.2em;align-items:flex-start}}
section.finding img{{width:300px;flex:none;border:1px solid #eee}}
section.finding .body{{flex:1;min-width:0}}
table.small{{border-collapse:collapse;font-size:86%;margin:0.6em 0 0;width:100%}}
table.small th,table.small td{{padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top;overflow-wrap:break-word}}
table.small td.num{{text-align:right;white-space:nowrap}} table.small td.long{{min-width:22em}}
li{{margin:0.5em 0}} li a{{font-weight:600}} .failed{{color:#a00}} footer{{color:#666;margin-top:2em;font-size:90%}}
code{{background:#f3f3f3;padding:0 3px;border-radius:3px;font-size:92%}}
</style></head>
<body><h1>{esc(title)}</h1>
<p class='muted'>A briefing on the corpus, computed from its tables; every finding links to the section that explains it.</p>
{''.join(cards)}
<h2>The pages</h2><ul>{''.join(items)}</ul>
<h2>Files</h2><ul>{''.join(files)}</ul>
<footer>Generated {when} with analystkit {esc(__version__)}. The pages open offline; code cells are hidden; tables sort and search in the page.</footer>
</body></html>
"""


_PAGE_TITLES = {
    "00_start_here": "Start here: the corpus, its articles and entities",
    "01_sourcing": "Sourcing: says who?",
    "02_hedging": "Hedging: how sure is each claim?",
    "03_actors": "Actors: who does what to whom",
    "04_read_before_you_trust": "Read before you trust: integrity, timeline, claims ledger",
    "05_explore": "Explore: filter the claims, read each one in its article",
    "06_provenance": "Provenance: copies, edits and claims as they spread",
}


def _page_title(stem: str) -> str:
    return _PAGE_TITLES.get(stem, stem)


def _section_link(finding: Finding, pages: dict[str, NotebookResult]) -> str:
    notebook, _, keyword = finding.section.partition(":")
    page = pages.get(notebook)
    if page is None:
        return ""
    anchor = ""
    if keyword:
        anchor = next((a for text, a in page.headings.items() if keyword.lower() in text.lower()), "")
    target = page.html + (f"#{anchor}" if anchor else "")
    return f"<p><a href='{html.escape(target, quote=True)}'>Read more: {html.escape(_page_title(notebook))} →</a></p>"


def _markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).render(text)


def _small_table(frame: Any, rows: int = 5) -> str:
    shown = frame.head(rows)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    body = "".join("<tr>" + "".join(f"<td{_cell_class(v)}>{html.escape(_cell(v))}</td>" for v in row) + "</tr>" for row in shown.itertuples(index=False))
    more = f"<p style='font-size:85%;color:#555'>and {len(frame) - rows:,} more in the page linked above</p>" if len(frame) > rows else ""
    return f"<div style='overflow-x:auto'><table class='small'><tr>{head}</tr>{body}</table></div>{more}"


def _cell_class(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return " class='num'"
    return " class='long'" if isinstance(value, str) and len(value) > 60 else ""


def _cell(value: Any) -> str:
    text = f"{value:.2f}" if isinstance(value, float) else str(value)
    return text if len(text) <= 160 else text[:157] + "…"


def _figure_for(finding: Finding, corpus: Corpus) -> str:
    """A small PNG (base64) for a finding of the briefing, or ""."""
    try:
        from .plots import briefing

        figure = briefing.figure(finding.title, corpus)
    except Exception:  # noqa: BLE001 - a figure that cannot be drawn leaves the text
        return ""
    if figure is None:
        return ""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    try:
        figure.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    finally:
        plt.close(figure)  # pyplot keeps every figure it made until closed: a long-lived process would pile them up
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# --------------------------------------------------------------------------- PDF
def chromium() -> str | None:
    """Debian's Chromium (``apt-get install chromium``), if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def write_pdf(out_dir: Path, pages: list[Path]) -> str:
    """Print the pages, in order, into ``out_dir/report.pdf`` with headless Chromium. Returns what happened."""
    browser = chromium()
    if browser is None:
        return "no PDF written: Chromium is not installed (Debian: apt-get install chromium); the HTML report is complete"
    target = out_dir / "report.pdf"
    parts = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, page in enumerate(pages):
            pdf = Path(scratch) / f"{number:03d}.pdf"
            done = subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={scratch}/profile", "--virtual-time-budget=15000",
                 "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                capture_output=True, timeout=300,
            )
            if done.returncode or not pdf.exists():
                return f"no PDF written: Chromium could not print {page.name} ({done.stderr.decode(errors='replace')[-300:]})"
            parts.append(pdf)
        try:
            from pypdf import PdfWriter
        except ImportError:
            shutil.copy(parts[0], target)
            return f"wrote {target.name} (the index only: install pypdf to join every page)"
        writer = PdfWriter()
        for part in parts:
            writer.append(str(part))
        with open(target, "wb") as handle:
            writer.write(handle)
    return f"wrote {target.name} ({len(parts)} pages)"


__all__ = [
    "NotebookResult", "chromium", "curated_notebooks", "default_notebook_folder", "make_offline", "notebook_folders", "path_replacements",
    "render_index", "run_report", "safe_name", "scrub", "to_html", "write_pdf",
]

"""Re-run the curated notebooks over any corpus as an offline HTML report.

    analystkit report PATH... --out DIR [--notebooks NAMES] [--title TEXT]

1. The corpus is loaded and extracted once in this process (a progress bar over
   articles), which fills the row cache (:mod:`analystkit.cache`) so that every
   notebook's kernel reads the tables instead of re-parsing; the summary figures
   of the index page come from this pass.
2. Each curated notebook (``notebooks/NN_name.ipynb``) is executed with papermill,
   its ``parameters`` cell receiving ``ARTICLES``, into ``DIR/notebooks/``
   (papermill does not create folders: this does).
3. Each executed notebook is converted to HTML without code cells into ``DIR/``:
   images are embedded, interactive widgets are dropped (each notebook shows their
   static equivalent next to them), and every external script or stylesheet
   reference (require.js, MathJax, widget managers from a CDN) is removed, so the
   pages open with no network.
4. ``DIR/index.html`` links the pages with a summary: corpus size, date range, key
   figures per notebook, when and with which kit version it ran.

A failing notebook does not stop the others; the index marks it with the cell and
the error, and the command exits non-zero naming the notebook and where its
executed copy is.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .about import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_EXTERNAL_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.I)
_EXTERNAL_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.I)
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_WIDGET_STATE = re.compile(r"<script type=\"application/vnd\.jupyter\.widget-state\+json\">.*?</script>", re.S)


@dataclass
class NotebookResult:
    name: str
    html: str
    executed: Path
    error: str = ""
    cell: int | None = None
    figures: dict[str, Any] = field(default_factory=dict)


def curated_notebooks(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The curated notebooks, in order (``NN_name.ipynb``)."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))


def safe_name(name: str) -> str:
    """A plain file name: no folders, no traversal, no odd characters."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(str(name)).name).strip("._-")
    return cleaned[:120] or "notebook"


def _inside(folder: Path, name: str) -> Path:
    path = (folder / safe_name(name)).resolve()
    if folder.resolve() not in path.parents:
        raise ValueError(f"refusing to write {path} outside {folder}")
    return path


# --------------------------------------------------------------------------- HTML


def to_html(notebook_path: str | Path) -> str:
    """An executed notebook as self-contained HTML without code or live widgets."""
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(str(notebook_path), as_version=4)
    notebook = strip_widgets(notebook)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(notebook)
    return make_offline(body)


def strip_widgets(notebook: Any) -> Any:
    """Drop widget views (they need a live kernel) and the saved widget state."""
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = [o for o in cell.get("outputs", []) if WIDGET_MIME not in o.get("data", {})]
    return notebook


def make_offline(page: str) -> str:
    """Remove every reference to scripts or stylesheets on other hosts."""
    page = _WIDGET_STATE.sub("", page)
    page = _EXTERNAL_SCRIPT.sub("", page)
    # Inline scripts that would fetch code from elsewhere (nbconvert's Mermaid loader).
    page = _INLINE_SCRIPT.sub(lambda m: "" if re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", m.group(1), re.I) else m.group(0), page)
    return _EXTERNAL_LINK.sub("", page)


# --------------------------------------------------------------------------- figures


def summarise(corpus: "Corpus") -> dict[str, Any]:
    """Headline figures of a corpus for the index page (whatever tables it has)."""
    articles = corpus.articles
    published = articles.published.dropna()
    report = corpus.load_report
    figures: dict[str, Any] = {
        "articles": len(articles),
        "inputs skipped": int((report.status == "skipped").sum()),
        "inputs failed": int((report.status == "failed").sum()),
        "outlets": int(articles.outlet.nunique()),
        "date range": f"{published.min():%Y-%m-%d} to {published.max():%Y-%m-%d}" if len(published) else "unknown",
        "sentences": int(articles.n_sentences.sum()),
    }
    return figures


def _figures_start(corpus: "Corpus") -> dict[str, Any]:
    sentences = corpus.sentences
    entities = corpus.entities
    actors = entities[entities.actor.astype(bool)] if "actor" in entities else entities.iloc[0:0]
    if "nested" in actors:
        actors = actors[~actors.nested.astype(bool)]
    top = actors.actor.value_counts().head(3)
    return {
        "sentences": len(sentences),
        "fragments": int(sentences.fragment.sum()),
        "entity mentions": len(entities),
        "most mentioned": ", ".join(f"{name} ({count})" for name, count in top.items()),
    }


def _figures_sourcing(corpus: "Corpus") -> dict[str, Any]:
    claims = corpus.table("claims")
    if not len(claims):
        return {"claims": 0}
    share = claims.source_type.value_counts(normalize=True)
    return {
        "claims": len(claims),
        "attributed": f"{1 - share.get('author', 0):.0%}",
        "named sources": f"{share.get('named_person', 0) + share.get('named_organization', 0):.0%}",
        "unnamed or vague": f"{share.get('unnamed', 0) + share.get('vague', 0):.0%}",
    }


def _figures_hedging(corpus: "Corpus") -> dict[str, Any]:
    hedges = corpus.table("hedges")
    claims = corpus.table("claims")
    figures: dict[str, Any] = {"hedge cues": len(hedges)}
    if "hedged" in claims and len(claims):
        figures["hedged claims"] = f"{claims.hedged.mean():.0%}"
        figures["mean certainty"] = f"{claims.certainty.mean():.2f}"
    return figures


def _figures_actors(corpus: "Corpus") -> dict[str, Any]:
    figures: dict[str, Any] = {}
    if "actors" in corpus.table_names:
        figures["actors"] = len(corpus.table("actors"))
    if "actions" in corpus.table_names:
        figures["actions"] = len(corpus.table("actions"))
    return figures


def _figures_provenance(corpus: "Corpus") -> dict[str, Any]:
    related = corpus.table("related")
    threads = corpus.table("claim_threads")
    figures: dict[str, Any] = {"related pairs": len(related), "claim threads": int(threads["thread_id"].nunique()) if len(threads) else 0}
    if len(threads):
        figures["sources dropped along a thread"] = int((threads["source_drift"] == "dropped").sum())
    return figures


#: Key figures shown on the index next to each notebook, by the name after ``NN_``.
KEY_FIGURES: dict[str, Callable[["Corpus"], dict[str, Any]]] = {
    "start_here": _figures_start,
    "sourcing": _figures_sourcing,
    "hedging": _figures_hedging,
    "actors": _figures_actors,
    "provenance": _figures_provenance,
}


def key_figures(stem: str, corpus: "Corpus") -> dict[str, Any]:
    topic = stem.split("_", 1)[-1]
    build = KEY_FIGURES.get(topic)
    if build is None:
        return {}
    try:
        return build(corpus)
    except (KeyError, AttributeError, ValueError):
        return {}


# --------------------------------------------------------------------------- run


def run_report(
    paths: list[str],
    *,
    out: str | Path = "reports",
    notebooks: list[str] | None = None,
    title: str = "analystkit report",
    notebook_dir: str | Path | None = None,
    progress: bool | None = None,
) -> int:
    """Execute the notebooks over ``paths`` and write the HTML report. Returns an exit status."""
    import papermill as pm
    from tqdm.auto import tqdm

    from .errors import NothingLoadedError
    from .io.loader import load

    show = sys.stderr.isatty() if progress is None else progress
    out_dir = Path(out).resolve()
    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    chosen, problem = _choose(curated_notebooks(Path(notebook_dir) if notebook_dir else NOTEBOOK_DIR), notebooks)
    if problem:
        print(f"analystkit: {problem}", file=sys.stderr)
        return 2
    articles = [str(Path(p).resolve()) if Path(p).exists() else str(p) for p in paths]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            corpus = load(*articles)
        except NothingLoadedError as error:
            print(f"analystkit: {error}", file=sys.stderr)
            return 1
    corpus.progress = show
    summary = summarise(corpus)  # extracts once, filling the row cache for the notebooks

    results: list[NotebookResult] = []
    for notebook in tqdm(chosen, desc="notebooks", unit="notebook", disable=not show):
        executed = _inside(executed_dir, notebook.name)
        result = NotebookResult(name=notebook.stem, html=safe_name(notebook.stem) + ".html", executed=executed)
        try:
            pm.execute_notebook(
                str(notebook), str(executed),
                parameters={"ARTICLES": articles if len(articles) > 1 else articles[0]},
                cwd=str(notebook.parent), progress_bar=False, kernel_name="python3",
            )
        except pm.PapermillExecutionError as error:
            result.cell = error.exec_count
            result.error = f"{error.ename}: {error.evalue}"
        except Exception as error:  # a kernel that died, a bad notebook file
            result.error = f"{type(error).__name__}: {error}"
        if result.error:
            where = f" in cell [{result.cell}]" if result.cell is not None else ""
            print(f"analystkit: notebook {notebook.name} failed{where}: {result.error}\n  executed copy: {executed}", file=sys.stderr)
        else:
            result.figures = key_figures(notebook.stem, corpus)
        if executed.exists():
            _inside(out_dir, result.html).write_text(to_html(executed), encoding="utf-8")
        results.append(result)
    index = _inside(out_dir, "index.html")
    index.write_text(render_index(results, title=title, articles=articles, summary=summary), encoding="utf-8")
    failed = [r for r in results if r.error]
    print(f"report written to {index}" + (f" ({len(failed)} of {len(results)} notebooks failed)" if failed else ""))
    return 1 if failed else 0


def _choose(available: list[Path], wanted: list[str] | None) -> tuple[list[Path], str]:
    if not wanted:
        return available, "" if available else "no curated notebooks found"
    chosen, missing = [], []
    for name in wanted:
        stem = Path(name.strip()).stem
        match = [p for p in available if p.stem == stem or p.stem.split("_", 1)[-1] == stem]
        (chosen.extend(match) if match else missing.append(name))
    if missing:
        return [], f"no curated notebook named {', '.join(missing)}; available: {', '.join(p.stem for p in available)}"
    return sorted(set(chosen)), ""


def render_index(results: list[NotebookResult], *, title: str, articles: list[str], summary: dict[str, Any]) -> str:
    esc = html.escape
    rows = "".join(f"<tr><th>{esc(str(k))}</th><td>{esc(str(v))}</td></tr>" for k, v in summary.items())
    items = []
    for r in results:
        if r.error:
            cell = f" in cell [{r.cell}]" if r.cell is not None else ""
            status = f"<p class='failed'>Failed{esc(cell)}: <code>{esc(r.error)}</code><br>Executed copy: <code>{esc(str(r.executed))}</code></p>"
        else:
            status = "".join(f"<span class='fig'><b>{esc(str(v))}</b> {esc(str(k))}</span>" for k, v in r.figures.items())
        link = f"<a href='{esc(r.html)}'>{esc(r.name)}</a>"
        items.append(f"<li class='{'failed' if r.error else 'ok'}'>{link}<div>{status}</div></li>")
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    corpus = "; ".join(articles)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:56em;margin:2em auto;padding:0 1em;color:#222}}
table{{border-collapse:collapse}} th,td{{padding:3px 10px;border-bottom:1px solid #ddd;text-align:left}}
li{{margin:0.8em 0}} li a{{font-size:115%;font-weight:600}} .fig{{display:inline-block;margin:0.2em 1.2em 0 0}}
.failed{{color:#a00}} footer{{color:#666;margin-top:2em;font-size:90%}}
</style></head>
<body><h1>{esc(title)}</h1>
<h2>Corpus</h2><p><code>{esc(corpus)}</code></p><table>{rows}</table>
<h2>Notebooks</h2><ul>{''.join(items)}</ul>
<footer>Generated {when} with analystkit {esc(__version__)}. Pages open offline; code cells are hidden.</footer>
</body></html>
"""

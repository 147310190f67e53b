"""Re-run the curated notebooks over a corpus and write an offline HTML report.

Each notebook is executed with papermill (its ``parameters`` cell receives
``ARTICLES``) into ``OUT/notebooks/``, then converted to HTML without code cells
into ``OUT/``; ``OUT/index.html`` links them. External script tags (require.js,
MathJax from a CDN) are removed so the pages open offline. A failing notebook
does not stop the others: the index marks it, and the command exits non-zero
naming the notebook and where its executed copy is.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path

from .about import __version__

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']https?://[^\"']*[\"'][^>]*>\s*</script>", re.I)
_EXTERNAL_LINK = re.compile(r"<link[^>]*\bhref=[\"']https?://[^\"']*[\"'][^>]*>", re.I)


def curated_notebooks(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The curated notebooks, in order (``NN_name.ipynb``)."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def safe_name(name: str) -> str:
    """A file name with no path separators or traversal."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._")
    return cleaned or "notebook"


def to_html(notebook_path: Path) -> str:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nbformat.read(notebook_path, as_version=4))
    body = _EXTERNAL_SCRIPT.sub("", body)
    return _EXTERNAL_LINK.sub("", body)


def run_report(paths: list[str], *, out: str = "reports", notebooks: list[str] | None = None, title: str = "analystkit report") -> int:
    """Execute the notebooks over ``paths``; write HTML and an index. Returns an exit status."""
    import papermill as pm

    out_dir = Path(out).resolve()
    executed_dir = out_dir / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    available = curated_notebooks()
    if notebooks:
        wanted = {n if n.endswith(".ipynb") else f"{n}.ipynb" for n in notebooks}
        chosen = [p for p in available if p.name in wanted or p.stem.split("_", 1)[-1] + ".ipynb" in wanted]
        missing = wanted - {p.name for p in chosen} - {p.stem.split("_", 1)[-1] + ".ipynb" for p in chosen}
        if missing:
            print(f"analystkit: no curated notebook named {', '.join(sorted(missing))}; available: {', '.join(p.name for p in available)}", file=sys.stderr)
            return 2
    else:
        chosen = available
    articles = [str(Path(p).resolve()) for p in paths]
    results = []
    from tqdm.auto import tqdm

    for notebook in tqdm(chosen, desc="notebooks", unit="notebook", disable=not sys.stderr.isatty()):
        executed = executed_dir / safe_name(notebook.name)
        entry = {"name": notebook.stem, "html": f"{safe_name(notebook.stem)}.html", "executed": str(executed), "error": ""}
        try:
            pm.execute_notebook(str(notebook), str(executed), parameters={"ARTICLES": articles if len(articles) > 1 else articles[0]}, cwd=str(notebook.parent), progress_bar=False, kernel_name="python3")
        except Exception as error:  # papermill raises PapermillExecutionError with the cell
            entry["error"] = f"{type(error).__name__}: {str(error).strip().splitlines()[-1] if str(error).strip() else ''}"
            print(f"analystkit: notebook {notebook.name} failed ({entry['error']}); executed copy: {executed}", file=sys.stderr)
        if executed.exists():
            (out_dir / entry["html"]).write_text(to_html(executed), encoding="utf-8")
        results.append(entry)
    (out_dir / "index.html").write_text(_index(results, title=title, articles=articles), encoding="utf-8")
    print(f"report written to {out_dir / 'index.html'}")
    return 1 if any(r["error"] for r in results) else 0


def _index(results: list[dict], *, title: str, articles: list[str]) -> str:
    items = []
    for r in results:
        status = f"<span style='color:#b00'>failed: {html.escape(r['error'])} (executed copy: {html.escape(r['executed'])})</span>" if r["error"] else "ok"
        items.append(f"<li><a href='{html.escape(r['html'])}'>{html.escape(r['name'])}</a> — {status}</li>")
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
        f"<body style='font-family:sans-serif;max-width:50em;margin:2em auto'><h1>{html.escape(title)}</h1>"
        f"<p>Corpus: {html.escape(', '.join(articles))}</p><ul>{''.join(items)}</ul>"
        f"<p style='color:#666'>Generated {when} with analystkit {__version__}.</p></body></html>"
    )

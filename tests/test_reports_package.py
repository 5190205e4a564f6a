"""The built-in templates travel inside the installed package: a wheel built from this tree has them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = """
import importlib.resources, sys
import pohon
from pohon.render.reports.environment import make_environment
templates = importlib.resources.files("pohon") / "templates"
env = make_environment(None)
for name in ("html/index.html", "html/matriks-cascading.html", "md/matriks-cascading.md"):
    assert (templates / name).is_file(), name
    env.get_template(name)
print(pohon.__file__)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the project (the checkout itself is never written to)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("src", "templates"):
        shutil.copytree(
            ROOT / folder,
            source / folder,
            symlinks=True,
            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
        )
    dist = tmp_path_factory.mktemp("dist")
    # the PEP 517 hook that `pip wheel --no-build-isolation` calls, without pip's own start-up
    build = "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])"
    command = [sys.executable, "-c", build, str(dist)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=source)
    assert result.returncode == 0, result.stderr
    (built,) = dist.glob("pohon-*.whl")
    return built


def test_the_wheel_carries_every_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        str(path.relative_to(ROOT / "templates"))
        for path in (ROOT / "templates").rglob("*")
        if path.is_file()
    }
    assert shipped, "no templates found in the checkout"
    assert {f"pohon/templates/{name}" for name in shipped} <= names


def test_an_installed_copy_finds_its_templates_through_importlib_resources(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "installed"
    # a pure-Python wheel installs by unpacking it into site-packages (what pip does here)
    zipfile.ZipFile(wheel).extractall(target)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(target)  # the installed copy, not src/

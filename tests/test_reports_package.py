"""The built-in templates travel inside the installed package: a wheel built from this tree has them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = """
import importlib.resources
import pohon
from pohon.render.reports.environment import make_environment
templates = importlib.resources.files("pohon.templates")
env = make_environment(None)
for name in ("html/index.html", "html/matriks-cascading.html", "md/matriks-cascading.md"):
    assert (templates / name).is_file(), name
    env.get_template(name)
print(pohon.__file__)
print(templates)
"""


def files_under(folder: Path) -> set[str]:
    """The files of a source folder, relative to it, without Python's byte-code caches."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_every_package_data_pattern_matches_a_file() -> None:
    """A pattern that matches nothing ships nothing, silently (`templates/**/*` once, for one)."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        config = tomllib.load(file)["tool"]["setuptools"]
    for package, patterns in config["package-data"].items():
        folder = ROOT / config["package-dir"].get(package, "src/" + package.replace(".", "/"))
        for pattern in patterns:
            matched = [path for path in folder.glob(pattern) if path.is_file()]
            assert matched, f"package-data of {package}: {pattern} matches no file"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the project (the checkout itself is never written to)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("src", "templates"):
        ignored = shutil.ignore_patterns("__pycache__", "*.egg-info")
        shutil.copytree(ROOT / folder, source / folder, ignore=ignored)
    # What an editable install leaves in a checkout once pohon.templates was imported.
    (source / "templates" / "__pycache__").mkdir()
    (source / "templates" / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"\0")
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
    shipped = files_under(ROOT / "templates")
    assert {"__init__.py", "html/index.html", "md/README.md"} <= shipped
    assert {f"pohon/templates/{name}" for name in shipped} <= names


def test_the_wheel_carries_every_file_of_the_package_and_nothing_else(wheel: Path) -> None:
    """The packages are listed in pyproject.toml: one left off would be missing here."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"pohon/{name}" for name in files_under(ROOT / "src" / "pohon")} <= names
    assert {name.split("/")[0] for name in names} == {"pohon", "pohon-0.1.0.dist-info"}
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


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
    module, templates = result.stdout.split()
    assert Path(module).is_relative_to(target)  # the installed copy, not src/
    assert Path(templates) == target / "pohon" / "templates"

"""A clone without symlinks (Git for Windows' default) builds, installs and renders as this tree.

The clone is of committed state: commit before running these.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

RENDER = ["render", "data/dinsos_mamuju.yaml", "--format", "dot", "--quiet", "--force"]
MANIFEST = ".pohon-manifest.json"  # holds the cache's key of pohon itself, which is per install


def _environment() -> dict[str, str]:
    """Nothing from the machine's git or the test run's PYTHONPATH; pip offline and quiet."""
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PYTHON", "VIRTUAL_ENV"))
    }
    git = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return kept | git | {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _run(*command: str | Path, cwd: Path = ROOT) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _pip(*arguments: str | Path) -> str:
    return _run(sys.executable, "-m", "pip", *arguments, "--quiet", "--no-deps", "--no-index")


def _fresh_venv(folder: Path) -> Path:
    """A new venv whose dependencies come from this one: a .pth names this site-packages.

    Only site-packages' own .pth files run, so this venv's editable pohon stays out; pip,
    seeing it, leaves it alone ("outside environment").
    """
    _run(sys.executable, "-m", "venv", "--without-pip", folder)
    python = folder / "bin" / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    (Path(site.strip()) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def _where(python: Path) -> tuple[Path, Path]:
    """Where that Python finds pohon's code and its built-in templates."""
    script = "import importlib.resources, pohon; "
    script += "print(pohon.__file__); print(importlib.resources.files('pohon.templates'))"
    module, templates = _run(python, "-c", script, cwd=python.parent).split()
    return Path(module), Path(templates)


def _rendered(pohon: Path, out: Path) -> dict[str, bytes]:
    """Mamuju rendered by that pohon (from this checkout, so the paths shown are the same)."""
    _run(pohon, *RENDER, "--out", out)
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return {name: data for name, data in files.items() if not name.endswith(MANIFEST)}


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clone") / "pohon"
    _run("git", "clone", "--quiet", "-c", "core.symlinks=false", ROOT, folder)
    return folder


@pytest.fixture(scope="module")
def dist(clone: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel and an sdist of the clone, built offline with this venv's setuptools."""
    folder = tmp_path_factory.mktemp("dist")
    _pip("wheel", "--no-build-isolation", "-w", folder, clone)
    build = f"from setuptools import build_meta; build_meta.build_sdist({str(folder)!r})"
    _run(sys.executable, "-c", build, cwd=clone)
    return folder


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Mamuju rendered by this working tree's pohon."""
    out = tmp_path_factory.mktemp("reference")
    files = _rendered(Path(sys.executable).with_name("pohon"), out)
    assert any(name.endswith("matriks-cascading.html") for name in files)
    return files


def test_the_clone_holds_real_template_files_and_no_symlink(clone: Path) -> None:
    staged = _run("git", "ls-files", "--stage", cwd=clone).splitlines()
    assert staged
    assert not [line for line in staged if line.startswith("120000")]
    assert not [path for path in clone.rglob("*") if path.is_symlink()]
    assert "{% extends" in (clone / "templates" / "html" / "index.html").read_text()


def test_the_sdist_carries_the_templates_and_builds_the_same_wheel(
    clone: Path, dist: Path, tmp_path: Path
) -> None:
    (sdist,) = dist.glob("pohon-*.tar.gz")
    (wheel,) = dist.glob("pohon-*.whl")
    templates = _run("git", "ls-files", "templates", cwd=clone).split()
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
        archive.extractall(tmp_path, filter="data")
    assert {f"pohon-0.1.0/{name}" for name in templates} <= names
    _pip("wheel", "--no-build-isolation", "-w", tmp_path / "from-sdist", tmp_path / "pohon-0.1.0")
    (rebuilt,) = (tmp_path / "from-sdist").glob("pohon-*.whl")
    assert set(zipfile.ZipFile(rebuilt).namelist()) == set(zipfile.ZipFile(wheel).namelist())


def test_the_wheel_installed_in_a_fresh_venv_renders_as_the_working_tree(
    dist: Path, reference: dict[str, bytes], tmp_path: Path
) -> None:
    python = _fresh_venv(tmp_path / "venv")
    (wheel,) = dist.glob("pohon-*.whl")
    _pip("--python", python, "install", wheel)
    module, templates = _where(python)
    assert module.is_relative_to(tmp_path / "venv")
    assert templates == module.parent / "templates"
    assert _rendered(python.with_name("pohon"), tmp_path / "out") == reference


def test_an_editable_install_of_the_clone_renders_as_the_working_tree(
    clone: Path, reference: dict[str, bytes], tmp_path: Path
) -> None:
    python = _fresh_venv(tmp_path / "venv")
    _pip("--python", python, "install", "--no-build-isolation", "--editable", clone)
    module, templates = _where(python)  # setuptools' editable finder maps both
    assert module == clone / "src" / "pohon" / "__init__.py"
    assert templates == clone / "templates"
    assert _rendered(python.with_name("pohon"), tmp_path / "out") == reference

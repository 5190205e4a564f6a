"""The pre-commit hooks: which files they check, and the real framework blocking a bad commit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pre_commit.clientlib import load_manifest

from conftest import ROOT, tree_text
from pohon.cli import main

NOT_A_TREE = {
    ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
    ".github/workflows/ci.yml": "on: push\njobs: {}\n",
    "notes.yaml": "- a list, not a tree\n",
    "other-format.yaml": "format: something/2\nsimpul: 3\n",
}
PART = """\
format: pohon/1
induk: ss-1
simpul:
  - id: prog-1
    tingkat: program
    nama: PROGRAM REHABILITASI SOSIAL
    pernyataan: Meningkatnya kemampuan PPKS memenuhi kebutuhan dasarnya
    indikator: [{nama: Persentase PPKS yang terpenuhi kebutuhan dasarnya}]
"""
MAIN = tree_text(
    """
    - id: ss-1
      tingkat: sasaran_strategis
      jabatan: kadis
      pernyataan: Meningkatnya keberfungsian sosial PPKS
      indikator:
        - nama: Persentase PPKS yang meningkat keberfungsian sosialnya
          satuan: "%"
          target: {2021: 60, 2022: 62, 2023: 64, 2024: 66, 2025: 68, 2026: 70}
    """
)


def _hooks() -> dict[str, dict[str, object]]:
    return {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}


def _project(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _validate(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(folder)
    return CliRunner().invoke(main, ["validate", "--lang", "en", *args])


def test_the_manifest_is_valid_for_pre_commit() -> None:
    hooks = _hooks()
    assert list(hooks) == ["pohon-validate", "pohon-render-check"]
    assert hooks["pohon-validate"]["entry"] == "pohon validate"
    assert hooks["pohon-render-check"]["entry"] == "pohon render --check"
    assert all(hook["pass_filenames"] is False for hook in hooks.values())


@pytest.mark.parametrize(
    ("path", "runs"),
    [
        ("pohon-kinerja.yaml", True),
        ("cabang/rehsos.yml", True),
        ("pohon.toml", True),
        ("pyproject.toml", True),
        ("README.md", False),
        ("situs/index.html", False),
        ("mypohon.toml", False),
    ],
)
def test_the_validate_hook_runs_when_yaml_or_settings_change(path: str, runs: bool) -> None:
    pattern = str(_hooks()["pohon-validate"]["files"])
    assert bool(re.search(pattern, path)) is runs


def test_validate_without_paths_checks_trees_and_leaves_other_yaml_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, {**NOT_A_TREE, "pohon.yaml": MAIN})
    result = _validate(tmp_path, monkeypatch, "--strict")
    assert result.exit_code == 0, result.output
    assert result.stderr == "1 tree checked: no problems found\n"


def test_a_broken_tree_fails_with_its_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, {**NOT_A_TREE, "pohon.yaml": MAIN.replace("sasaran_strategis", "sasaran")})
    result = _validate(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert re.search(r"^pohon\.yaml:\d+:\d+: error ", result.stdout, re.M), result.stdout
    assert "notes.yaml" not in result.output and "ci.yml" not in result.output


def test_a_part_is_checked_through_its_main_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken_part = PART.replace("tingkat: program", "tingkat: programm")
    main_file = MAIN + "sertakan: [cabang/*.yaml]\n"
    _project(tmp_path, {"pohon.yaml": main_file, "cabang/rehsos.yaml": broken_part})
    result = _validate(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert re.search(r"^cabang/rehsos\.yaml:5:5: error schema ", result.stdout, re.M), result.stdout
    assert "1 tree checked" in result.stderr  # the part is not checked on its own as well


def test_a_part_no_tree_includes_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, {"pohon.yaml": MAIN, "cabang/rehsos.yaml": PART})
    result = _validate(tmp_path, monkeypatch)
    assert result.exit_code == 0
    assert "cabang/rehsos.yaml:1:1: warning unused-part" in result.stdout
    assert _validate(tmp_path, monkeypatch, "--strict").exit_code == 1


def test_hidden_folders_and_virtualenvs_are_not_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = MAIN.replace("sasaran_strategis", "sasaran")
    _project(tmp_path, {"pohon.yaml": MAIN, ".cache/old.yaml": broken, "venv/lib/x.yaml": broken})
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    assert _validate(tmp_path, monkeypatch).exit_code == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_yaml_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, {"pohon.yaml": MAIN})
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)

    def feed() -> None:  # so that a discovery that did read the FIFO fails instead of hanging
        with fifo.open("w", encoding="utf-8") as writer:
            writer.write("format: pohon/1\nsimpul: 3\n")

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    result = _validate(tmp_path, monkeypatch)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # release the writer if nobody read
    try:
        writer.join()
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.output


def test_configured_trees_are_the_ones_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = MAIN.replace("sasaran_strategis", "sasaran")
    files = {"pohon.toml": 'trees = ["pohon/*.yaml"]\n', "pohon/a.yaml": MAIN, "draft.yaml": broken}
    _project(tmp_path, files)
    (tmp_path / "pohon" / "sub").mkdir()
    result = _validate(tmp_path / "pohon" / "sub", monkeypatch)  # relative to pohon.toml
    assert result.exit_code == 0, result.output
    assert "1 tree checked" in result.stderr


def test_trees_in_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = MAIN.replace("sasaran_strategis", "sasaran")
    pyproject = '[tool.pohon]\ntrees = ["b.yaml"]\n'
    _project(tmp_path, {"pyproject.toml": pyproject, "a.yaml": MAIN, "b.yaml": broken})
    assert _validate(tmp_path, monkeypatch).exit_code == 1


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ('trees = ["nope/*.yaml"]\n', "names no file"),
        ('trees = "pohon.yaml"\n', "list of paths"),
        ('trees = ["notes.yaml"]\n', "no tree file found in `trees`"),
    ],
)
def test_unusable_trees_settings_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str, message: str
) -> None:
    _project(tmp_path, {"pohon.toml": settings, "pohon.yaml": MAIN, **NOT_A_TREE})
    result = _validate(tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_no_tree_at_all_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, NOT_A_TREE)
    result = _validate(tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert "no tree file found" in result.stderr and "pohon init" in result.stderr


# The real framework, end to end: one hook environment, built from PyPI like a user's.


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=False, env=_env(folder)
    )


def _env(folder: Path) -> dict[str, str]:
    """Git isolated from the machine's settings; pre-commit's cache inside the test's folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    identity = {"GIT_AUTHOR_NAME": "Analis", "GIT_AUTHOR_EMAIL": "analis@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Analis", "GIT_COMMITTER_EMAIL": "analis@example.org"}
    return env | identity | {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _commit_all(folder: Path, message: str) -> subprocess.CompletedProcess[str]:
    assert _git(folder, "add", "-A").returncode == 0
    return _git(folder, "commit", "-q", "-m", message)


def _snapshot_of_this_repository(target: Path) -> str:
    """This working tree's files (not the ignored) committed in a fresh repository; its sha."""
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout
    for name in filter(None, listed.split("\0")):
        source, copy = ROOT / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_file():  # the repository holds no symlink (tests/test_clone_install.py)
            shutil.copy2(source, copy)
    assert _git(target, "init", "-q").returncode == 0
    assert _commit_all(target, "snapshot").returncode == 0
    return _git(target, "rev-parse", "HEAD").stdout.strip()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_fresh_init_repository_blocks_a_broken_tree_and_lets_a_good_one_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook_repo = tmp_path / "pohon-src"
    hook_repo.mkdir()
    sha = _snapshot_of_this_repository(hook_repo)
    opd = tmp_path / "opd"
    args = ["init", str(opd), "--hook-repo", str(hook_repo), "--hook-rev", sha]
    assert CliRunner().invoke(main, args).exit_code == 0
    # Nothing under ~/.cache: pre-commit's store and pip's downloads stay in the test's folder.
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-cache"))
    monkeypatch.setenv("PIP_CACHE_DIR", str(tmp_path / "pip-cache"))
    assert _git(opd, "init", "-q").returncode == 0
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=opd, env=_env(opd), check=False
    )
    assert install.returncode == 0

    # A good tree, split in two files, beside YAML that is no tree: the commit goes through.
    tree = opd / "pohon-kinerja.yaml"
    tree.write_text(tree.read_text(encoding="utf-8") + "sertakan: [cabang/*.yaml]\n", "utf-8")
    others = {name: text for name, text in NOT_A_TREE.items() if name != ".pre-commit-config.yaml"}
    _project(opd, {**others, "cabang/rehsos.yaml": PART.replace("prog-1", "prog-2")})
    first = _commit_all(opd, "pohon kinerja awal")
    assert first.returncode == 0, first.stdout + first.stderr
    # git hands the hook's output to stderr.
    assert re.search(r"^pohon validate\.+Passed$", first.stderr, re.M), first.stderr

    # A broken part of the tree: blocked, with the file:line:column of the mistake.
    part = opd / "cabang" / "rehsos.yaml"
    part.write_text(part.read_text(encoding="utf-8").replace("program", "programm", 1), "utf-8")
    broken = _commit_all(opd, "salah ketik")
    assert broken.returncode != 0
    assert re.search(r"^cabang/rehsos\.yaml:5:5: error schema ", broken.stderr, re.M), broken.stderr
    assert _git(opd, "log", "--oneline").stdout.count("\n") == 1

    # Mended, and a broken YAML that is no tree added alongside: goes through.
    part.write_text(PART.replace("prog-1", "prog-2"), encoding="utf-8")
    (opd / "notes.yaml").write_text("- [not, closed\n", encoding="utf-8")
    mended = _commit_all(opd, "diperbaiki")
    assert mended.returncode == 0, mended.stdout + mended.stderr

    # Rendered outputs committed, guarded by the render-check hook, as the config suggests.
    config = opd / ".pre-commit-config.yaml"
    enabled = config.read_text(encoding="utf-8").replace(
        "      # - id: pohon-render-check", "      - id: pohon-render-check"
    )
    enabled = enabled.replace("      #   args:", "        args:")
    config.write_text(enabled, encoding="utf-8")
    ignore = opd / ".gitignore"
    ignore.write_text(ignore.read_text(encoding="utf-8").replace("situs/\n", ""), "utf-8")
    missing = _commit_all(opd, "render-check on")
    assert missing.returncode != 0
    assert re.search(r"^pohon render --check\.+Failed$", missing.stderr, re.M), missing.stderr
    assert "sudah usang" in missing.stderr  # "out of date": the hook speaks Indonesian
    # Rendered by the hook's own install: the same pohon as the check (the working tree of
    # this checkout may have moved on since the snapshot).
    installed = sorted((tmp_path / "pre-commit-cache").glob("*/py_env-*/bin/pohon"))
    assert len(installed) == 1, installed
    render = subprocess.run(
        [str(installed[0]), "render", "pohon-kinerja.yaml", "--out", "situs/"],
        cwd=opd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert render.returncode == 0, render.stderr
    rendered = _commit_all(opd, "render-check on, outputs rendered")
    assert rendered.returncode == 0, rendered.stderr
    tree.write_text(tree.read_text("utf-8").replace("Penyediaan Permakanan", "Permakanan"), "utf-8")
    stale = _commit_all(opd, "renamed without rendering")
    assert stale.returncode != 0 and "sudah usang" in stale.stderr, stale.stderr
    assert re.search(r"^pohon validate\.+Passed$", stale.stderr, re.M)
    assert not list(opd.glob("situs/**/*.tmp"))  # the check wrote nothing

    # The hook's environment is a real install: the scaffold files came with the package.
    site_packages = installed[0].parent.parent / "lib"
    assert list(
        site_packages.glob("*/site-packages/pohon/commands/scaffold_files/dot-gitlab-ci.yml")
    )

"""`pohon render`: the same bytes in fresh processes and at any -j, progress only on a terminal, -q, folders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import pohon.render.progress
from conftest import MAMUJU, ROOT
from pohon.cli import main

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"


@pytest.fixture
def trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Three trees (the same content under three names) in a fresh folder; cwd there."""
    monkeypatch.chdir(tmp_path)
    return [str(shutil.copy(SMALL, tmp_path / f"{name}.yaml")) for name in ("satu", "dua", "tiga")]


def test_any_job_count_writes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-j 1 renders in this process; -j 2 and -j 5 render these five trees in worker processes.

    SVG and DOT: PNG is drawn by the same engine call wherever a tree is rendered, and its
    bytes across processes are the test above's (PNG would treble this test's time)."""
    monkeypatch.chdir(tmp_path)
    names = [str(shutil.copy(SMALL, tmp_path / f"t{n}.yaml")) for n in range(5)]
    Path(names[2]).write_text(SMALL.read_text(encoding="utf-8").replace("CONTOH", "LAIN"))
    for jobs in ("1", "2", "5"):
        result = render(*names, "--out", f"out-{jobs}", "-j", jobs, "--format", "svg,dot")
        assert result.exit_code == 0, result.output
    assert snapshot(Path("out-1")) == snapshot(Path("out-2")) == snapshot(Path("out-5"))
    assert (
        len(snapshot(Path("out-1"))) == 5 * 33 + 2
    )  # per tree: 6 pages x 2 formats, 20 reports, a workbook
    assert b"LAIN" in snapshot(Path("out-2"))["t2/diagram/cascading.svg"]


def test_fresh_processes_with_other_hash_seeds_write_the_same_bytes(tmp_path: Path) -> None:
    """Every file of a render (diagrams in every embedded format, reports): nothing hangs on
    set order or on what the process did before."""
    runs = {}
    for seed in ("1", "2"):  # side by side: two processes, two cores
        command = [
            sys.executable,
            "-m",
            "pohon",
            "render",
            str(MAMUJU),
            "--out",
            str(tmp_path / seed),
        ]
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        runs[seed] = subprocess.Popen(
            [*command, "--format", "svg,png,dot"], cwd=ROOT, env=env, stderr=subprocess.PIPE
        )
    for run in runs.values():
        _, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors.decode()
    first, second = (snapshot(tmp_path / seed) for seed in runs)
    assert sum(name.startswith("dinsos_mamuju/diagram/") for name in first) == 3 * 16  # 16 pages
    assert (
        sum(name.startswith("dinsos_mamuju/laporan/") for name in first) == 2 * 12 + 1
    )  # and the workbook
    assert {"index.html", "dinsos_mamuju/index.html", "dinsos_mamuju/README.md"} <= set(first)
    assert first == second


def test_a_tree_that_cannot_be_read_in_a_worker_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    names = [str(shutil.copy(SMALL, tmp_path / f"t{n}.yaml")) for n in range(4)]
    Path(names[3]).write_text("format: pohon/1\nsimpul: 5\n", encoding="utf-8")
    result = render(*names, "--out", "out", "-j", "2")
    assert result.exit_code == 1 and "nothing written" in result.stderr
    assert "t3.yaml" in result.stderr and not Path("out").exists()


def test_a_usage_error_in_a_worker_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    names = [str(shutil.copy(SMALL, tmp_path / f"t{n}.yaml")) for n in range(4)]
    result = render(*names, "--out", "out", "-j", "2", "--root", "nope")
    assert result.exit_code == 2 and "--root nope: " in result.stderr
    assert "Traceback" not in result.output and not Path("out").exists()


def render(*args: str) -> Result:
    return CliRunner().invoke(main, ["render", "--lang", "en", *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_zero_jobs_is_a_usage_error(trees: list[str]) -> None:
    result = render(*trees, "-j", "0")
    assert result.exit_code == 2 and "0 is not in the range x>=1" in result.output


def test_no_progress_when_stderr_is_no_terminal(trees: list[str]) -> None:
    result = render(*trees, "--out", "out", "--format", "dot")
    assert result.exit_code == 0
    assert "\r" not in result.stderr
    assert result.stderr == "82 files in out/ (82 changed)\n"


def test_progress_on_a_terminal_counts_the_trees(
    trees: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pohon.render.progress, "_is_terminal", lambda stream: True)
    result = render(*trees, "--out", "out", "--format", "svg", "-j", "1")
    assert result.exit_code == 0
    shown = [part.strip() for part in result.stderr.split("\r") if part.strip()]
    # A tree counts once it is drawn; the line is cleared before the summary.
    assert shown[:3] == ["[1/3] satu", "[2/3] dua", "[3/3] tiga"]
    assert shown[-1] == "82 files in out/ (82 changed)"


def test_quiet_prints_nothing_on_success(trees: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pohon.render.progress, "_is_terminal", lambda stream: True)
    result = render(*trees, "--out", "out", "--format", "dot", "-q")
    assert result.exit_code == 0 and result.stderr == ""
    assert Path("out/satu/diagram/cascading.dot").is_file()


def test_quiet_still_reports_errors(trees: list[str]) -> None:
    Path(trees[0]).write_text("format: pohon/1\nsimpul: 5\n", encoding="utf-8")
    result = render(*trees, "--out", "out", "-q")
    assert result.exit_code == 1 and "nothing written" in result.stderr


def test_two_trees_with_one_file_name_are_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        Path(folder).mkdir()
        shutil.copy(SMALL, Path(folder) / "tree.yaml")
    result = render("a/tree.yaml", "b/tree.yaml", "--out", "out")
    assert result.exit_code == 2
    expected = f"pohon: {Path('a/tree.yaml')} and {Path('b/tree.yaml')} would both render into "
    assert result.stderr.startswith(expected) and "Traceback" not in result.output
    assert not Path("out").exists()

"""Faults: an internal error asks for a bug report, and no failed or interrupted render is half-written."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

import pohon
import pohon.render.reports
import pohon.tree.assemble
import pohon.write.journal
import pohon.write.output_folder
from conftest import in_english
from pohon.cli import main
from pohon.core import exit_codes as exitcodes
from pohon.core.errors import UsageError

TREE = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial
  periode: {awal: 2024, akhir: 2026}
simpul:
  - id: tujuan
    tingkat: tujuan_opd
    pernyataan: Meningkatkan kesejahteraan sosial
    indikator: [{nama: Indeks kesejahteraan sosial}]
"""


def run(*args: str) -> Result:
    """The command in English, the language these tests assert its messages in."""
    return CliRunner().invoke(main, in_english(list(args)))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (temporary files included) with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """A tree rendered once into `out/`, then changed so that the next render differs."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    before = snapshot(tmp_path / "out")
    assert len(before) >= 3, "the render should write several files for these tests to mean much"
    (tmp_path / "tree.yaml").write_text(
        TREE.replace("Meningkatkan kesejahteraan", "Meningkatkan taraf"), encoding="utf-8"
    )
    return before


# --- an unexpected internal error ----------------------------------------------------------------


def _explode(*args: Any, **kwargs: Any) -> Any:
    raise ValueError("boom")


def test_an_internal_error_asks_for_a_bug_report_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")
    monkeypatch.setattr(pohon.tree.assemble, "parse", _explode)
    result = run("validate", "tree.yaml")
    assert result.exit_code == exitcodes.INTERNAL == 3
    assert "Traceback" not in result.output
    assert "internal error (ValueError: boom)" in result.stderr
    assert "please report it" in result.stderr and "--debug" in result.stderr


def test_the_bug_report_is_one_line_naming_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")

    def explode_at_length(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("first line\nsecond line\n" + "x" * 5000)

    monkeypatch.setattr(pohon.tree.assemble, "parse", explode_at_length)
    result = run("validate", "tree.yaml")
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"pohon {pohon.__version__}: internal error (RuntimeError: first line)")
    assert len(line) < 400


def test_click_usage_errors_raised_in_a_command_stay_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")

    def bad_parameter(*args: Any, **kwargs: Any) -> Any:
        raise click.BadParameter("not like that", param_hint="'--year'")

    monkeypatch.setattr(pohon.tree.assemble, "parse", bad_parameter)
    result = run("validate", "tree.yaml")
    assert result.exit_code == 2 and "Invalid value for '--year': not like that" in result.stderr
    assert "internal error" not in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")
    monkeypatch.setattr(pohon.tree.assemble, "parse", _explode)
    result = run("--debug", "validate", "tree.yaml")
    assert result.exit_code == 3
    assert "Traceback" in result.stderr and "ValueError: boom" in result.stderr


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")

    def interrupt(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(pohon.tree.assemble, "parse", interrupt)
    result = run("validate", "tree.yaml")
    assert result.exit_code == exitcodes.INTERRUPTED == 130
    assert (
        result.stderr.strip().startswith("pohon: interrupted") and "Traceback" not in result.output
    )


# --- nothing half-written ------------------------------------------------------------------------


def _after(calls: int, fault: Callable[[], Any], real: Callable[..., Any]) -> Callable[..., Any]:
    """`real`, except that call number `calls` (from 0) meets `fault` instead."""
    count = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        if count == calls + 1:
            fault()
        return real(*args, **kwargs)

    return wrapper


def _disk_full() -> None:
    raise OSError(28, "No space left on device")


def _ctrl_c() -> None:
    raise KeyboardInterrupt


def test_a_renderer_failing_midway_leaves_the_outputs_as_they_were(
    rendered: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The diagrams are rendered by now; the reports fail.
    monkeypatch.setattr(pohon.render.reports, "render_reports", _explode)
    result = run("render", "tree.yaml", "--out", "out")
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert snapshot(tmp_path / "out") == rendered


@pytest.mark.parametrize(
    ("fault", "code", "says"),
    [
        (_disk_full, 2, "cannot write into out: No space left on device"),
        (_ctrl_c, 130, "interrupted"),
    ],
    ids=["disk-full", "ctrl-c"],
)
def test_a_write_failing_while_staging_leaves_the_outputs_as_they_were(
    rendered: dict[str, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[], None],
    code: int,
    says: str,
) -> None:
    # The journal and two files are staged as temporary files, then the third file fails.
    monkeypatch.setattr(pohon.write.journal, "create", _after(3, fault, pohon.write.journal.create))
    result = run("render", "tree.yaml", "--out", "out")
    assert result.exit_code == code and says in result.stderr, result.output
    assert snapshot(tmp_path / "out") == rendered  # byte-identical, and no temporary file left


def test_ctrl_c_while_swapping_finishes_the_swap(
    rendered: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def sigint() -> None:
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(pohon.write.journal.os, "replace", _after(1, sigint, os.replace))
    result = run("render", "tree.yaml", "--out", "out")
    after = snapshot(tmp_path / "out")
    assert result.exit_code == 130
    manifest = json.loads(after.pop(pohon.write.output_folder.MANIFEST))
    assert sorted(after) == manifest["files"]  # every file of the new render, nothing else
    assert any(b"taraf" in data for data in after.values())
    assert not any(b"Meningkatkan kesejahteraan" in data for data in after.values())


def test_a_tree_with_errors_writes_nothing(rendered: dict[str, bytes], tmp_path: Path) -> None:
    (tmp_path / "tree.yaml").write_text(TREE + "    anak: 5\n", encoding="utf-8")
    result = run("render", "tree.yaml", "--out", "out")
    assert result.exit_code == 1 and "nothing written" in result.stderr
    assert snapshot(tmp_path / "out") == rendered


def test_an_unwritable_output_folder_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")
    (tmp_path / "out").write_text("a file where the folder should be\n")
    result = run("render", "tree.yaml", "--out", "out/build")
    assert result.exit_code == 2, result.output
    assert re.fullmatch(r"pohon: cannot write into out/build: Not a directory\n", result.stderr)


@pytest.mark.parametrize("name", ["../victim.txt", "{victim}", "a/../../victim.txt", "."])
def test_a_tampered_manifest_never_deletes_outside_the_output_folder(
    rendered: dict[str, bytes], tmp_path: Path, name: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    manifest = tmp_path / "out" / pohon.write.output_folder.MANIFEST
    listed = json.loads(manifest.read_text())
    forged = name.format(victim=victim)
    listed["files"].append(forged)
    listed["hashes"][forged] = hashlib.sha256(victim.read_bytes()).hexdigest()
    manifest.write_text(json.dumps(listed))
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    assert victim.read_text() == "keep me\n"


def test_check_is_not_fooled_by_a_forged_output_with_a_matching_manifest(
    rendered: dict[str, bytes], tmp_path: Path
) -> None:
    # Both files are in the committed output folder: anyone can edit the two together.
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    report = tmp_path / "out" / "tree" / "laporan" / "matriks-cascading.md"
    forged = report.read_bytes().replace(b"Meningkatkan taraf", b"Menurunkan taraf")
    assert forged != report.read_bytes()
    report.write_bytes(forged)
    manifest = tmp_path / "out" / pohon.write.output_folder.MANIFEST
    listed = json.loads(manifest.read_text())
    listed["hashes"]["tree/laporan/matriks-cascading.md"] = hashlib.sha256(forged).hexdigest()
    manifest.write_text(json.dumps(listed, indent=2) + "\n")
    result = run("render", "tree.yaml", "--out", "out", "--check")
    assert result.exit_code == 1
    assert "matriks-cascading.md: out of date" in result.stderr


def test_a_first_render_failing_while_staging_leaves_no_folder_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")
    monkeypatch.setattr(
        pohon.write.journal, "create", _after(4, _disk_full, pohon.write.journal.create)
    )
    result = run("render", "tree.yaml", "--out", "build/site")
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tree.yaml"]


def test_a_tree_named_dots_writes_nothing_above_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "...yaml").write_text(TREE, encoding="utf-8")
    (tmp_path / "README.md").write_text("the repository's own\n")
    result = run("render", "...yaml", "--out", "out")
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["...yaml", "README.md"]
    assert (tmp_path / "README.md").read_text() == "the repository's own\n"


@pytest.mark.parametrize("name", ["../README.md", "a/../../x", "/tmp/x", "."])
def test_write_outputs_refuses_a_name_outside_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError, match="leads outside"):
        pohon.write.output_folder.write_outputs(tmp_path / "out", {"ok.txt": b"x", name: b"y"})
    assert not (tmp_path / "out").exists() and not (tmp_path / "README.md").exists()

"""`pohon diff` against git revisions, through a real temporary repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from pohon.cli import main

FIXTURES = ROOT / "tests" / "fixtures" / "diff"

MAIN_WITH_PART = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial
  periode: {awal: 2024, akhir: 2026}
sertakan: [bagian/*.yaml]
simpul:
  - id: ss-1
    tingkat: sasaran_strategis
    pernyataan: Meningkatnya kesejahteraan sosial
    indikator: [{nama: Indeks Kesejahteraan Sosial, target: {2024: 60}}]
"""
PART = """\
format: pohon/1
induk: ss-1
simpul:
  - id: prog-1
    tingkat: program
    nama: PROGRAM PEMBERDAYAAN SOSIAL
    pernyataan: Meningkatnya peran serta PSKS
    indikator: [{nama: Jumlah PSKS yang aktif, target: {2024: 20}}]
"""
WHOLE = """\
# the same tree in one file, flow style, keys in another order
format: pohon/1
meta: {opd: Dinas Sosial, pemda: Kabupaten Contoh, periode: {akhir: 2026, awal: 2024}}
simpul:
  - pernyataan: Meningkatnya kesejahteraan sosial
    id: ss-1
    tingkat: sasaran_strategis
    indikator:
      - target: {2024: 60}
        nama: Indeks Kesejahteraan Sosial
    anak:
      - {id: prog-1, tingkat: program, nama: PROGRAM PEMBERDAYAAN SOSIAL, pernyataan: Meningkatnya peran serta PSKS, indikator: [{nama: Jumlah PSKS yang aktif, target: {2024: 20}}]}
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds the fixture's old tree; the working tree has the new."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q", "-b", "main")
    shutil.copy(FIXTURES / "before.yaml", tmp_path / "pohon-kinerja.yaml")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "Renstra awal")
    shutil.copy(FIXTURES / "after.yaml", tmp_path / "pohon-kinerja.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["diff", *args])


def run_in_english(*args: str) -> Any:
    """For the tests that assert an English message: `--lang en` before the arguments."""
    return CliRunner().invoke(main, ["diff", "--lang", "en", *args])


def nodes(output: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [n for tree in json.loads(output)["trees"] for n in tree["nodes"]]
    return found


def test_a_file_at_a_revision_is_the_file_as_committed(repo: Path) -> None:
    at_revision = run("HEAD:pohon-kinerja.yaml", "pohon-kinerja.yaml", "--format", "json")
    files = run(str(FIXTURES / "before.yaml"), str(FIXTURES / "after.yaml"), "--format", "json")
    assert at_revision.exit_code == 0, at_revision.output
    assert nodes(at_revision.output) == nodes(files.output)
    assert json.loads(at_revision.output)["trees"][0]["before"] == "HEAD:pohon-kinerja.yaml"


def test_a_revision_alone_compares_every_tree_then_and_now(repo: Path) -> None:
    result = run("HEAD", "--stat", "--exit-code")
    assert result.exit_code == 1
    assert result.output.startswith(
        "HEAD:pohon-kinerja.yaml → pohon-kinerja.yaml: 8 simpul berubah"
    )
    git(repo, "commit", "-qam", "Renstra Perubahan")
    assert run("HEAD", "--exit-code").exit_code == 0
    assert run("HEAD~1:pohon-kinerja.yaml", "HEAD:pohon-kinerja.yaml", "--exit-code").exit_code == 1


def test_a_tree_new_since_the_revision_is_all_added(repo: Path) -> None:
    (repo / "kedua.yaml").write_text(WHOLE, encoding="utf-8")
    result = run("HEAD", "--format", "json")
    trees = json.loads(result.output)["trees"]
    assert [(t["before"], t["after"]) for t in trees] == [
        ("HEAD:kedua.yaml", "kedua.yaml"),
        ("HEAD:pohon-kinerja.yaml", "pohon-kinerja.yaml"),
    ]
    assert [n["kind"] for n in trees[0]["nodes"]] == ["added", "added"]


def test_parts_are_read_at_the_revision_and_a_split_is_no_change(repo: Path) -> None:
    (repo / "bagian").mkdir()
    (repo / "pohon-kinerja.yaml").write_text(MAIN_WITH_PART, encoding="utf-8")
    (repo / "bagian" / "program.yaml").write_text(PART, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "dipecah")
    shutil.rmtree(repo / "bagian")
    (repo / "pohon-kinerja.yaml").write_text(WHOLE, encoding="utf-8")
    result = run("HEAD:pohon-kinerja.yaml", "pohon-kinerja.yaml", "--exit-code")
    assert result.exit_code == 0, result.output
    assert "tidak ada perubahan" in result.output
    (repo / "pohon-kinerja.yaml").write_text(
        WHOLE.replace("{2024: 20}", "{2024: 25}"), encoding="utf-8"
    )
    changed = run("HEAD", "--format", "json")
    [node] = nodes(changed.output)
    assert (node["id"], node["indicators"][0]["targets"][0]["difference"]) == ("prog-1", 5)


def test_a_path_from_the_working_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    result = run("HEAD:../pohon-kinerja.yaml", "../pohon-kinerja.yaml", "--stat")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("HEAD:pohon-kinerja.yaml → ")


@pytest.mark.parametrize(
    ("old", "said"),
    [
        ("nosuch:pohon-kinerja.yaml", "nosuch: no such revision in this repository"),
        ("HEAD:tidak-ada.yaml", "HEAD:tidak-ada.yaml: no such file at that revision"),
        ("-x:pohon-kinerja.yaml", "a revision does not start with `-`"),
    ],
)
def test_a_bad_revision_or_path_is_one_line(repo: Path, old: str, said: str) -> None:
    result = run_in_english("--", old, "pohon-kinerja.yaml")
    assert result.exit_code == 2
    assert said in result.output
    assert "Traceback" not in result.output


def test_a_broken_tree_at_a_revision_is_named_as_git_names_it(repo: Path) -> None:
    (repo / "pohon-kinerja.yaml").write_text("format: pohon/1\nmeta: {}\n", encoding="utf-8")
    git(repo, "commit", "-qam", "rusak")
    result = run_in_english("HEAD:pohon-kinerja.yaml", str(FIXTURES / "after.yaml"))
    assert result.exit_code == 2
    assert "HEAD:pohon-kinerja.yaml:2:" in result.output
    assert "the tree does not load" in result.output


def test_outside_a_repository_a_revision_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("HEAD")
    assert result.exit_code == 2
    assert "Traceback" not in result.output

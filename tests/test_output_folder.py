"""The output folder is pohon's only where pohon wrote it: what it replaces, removes and keeps.

Faults are injected into the write's own steps (a rename that fails half-way through the
swap); the folder is then compared byte for byte with what it held before.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import pohon.render.cache
import pohon.write.journal
from conftest import in_english
from pohon.cli import main
from pohon.core import exit_codes
from pohon.write.output_folder import MANIFEST

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
CHANGED = TREE.replace("Meningkatkan kesejahteraan", "Meningkatkan taraf")


def run(*args: str) -> Result:
    """The command in English, the language these tests assert its messages in."""
    return CliRunner().invoke(main, in_english(list(args)))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")
    return tmp_path


def _failing_at(call: int, real: Callable[..., Any]) -> Callable[..., Any]:
    count = [0]

    def replace(*args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        if count[0] == call:
            raise IsADirectoryError(21, "Is a directory")
        return real(*args, **kwargs)

    return replace


# --- a failure during the swap --------------------------------------------------------------------


def test_a_rename_failing_half_way_puts_the_previous_outputs_back(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    before = snapshot(here / "out")
    (here / "tree.yaml").write_text(CHANGED, encoding="utf-8")
    # Renames: the journal twice, then each file moved aside and the new one in: the third
    # file's rename fails, two files of the new render being in place already.
    monkeypatch.setattr(pohon.write.journal.os, "replace", _failing_at(8, os.replace))
    result = run("render", "tree.yaml", "--out", "out")
    assert result.exit_code == exit_codes.USAGE
    assert result.stderr == (
        "pohon: cannot write into out: Is a directory; the previous outputs were put back\n"
    )
    assert snapshot(here / "out") == before


def test_a_first_render_failing_half_way_leaves_no_folder_and_no_manifest(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pohon.write.journal.os, "replace", _failing_at(5, os.replace))
    result = run("render", "tree.yaml", "--out", "build/site")
    assert result.exit_code == exit_codes.USAGE and "were put back" in result.stderr
    assert sorted(p.name for p in here.iterdir()) == ["tree.yaml"]


def test_a_swap_that_cannot_be_put_back_is_finished_by_the_next_render(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    (here / "tree.yaml").write_text(CHANGED, encoding="utf-8")
    monkeypatch.setattr(pohon.write.journal.os, "replace", _failing_at(8, os.replace))
    monkeypatch.setattr(pohon.write.journal, "swap_back", _failing_at(1, lambda *a: None))
    result = run("render", "tree.yaml", "--out", "out")
    assert result.exit_code == exit_codes.USAGE
    assert "the render stopped half-way: run `pohon render` again to finish it" in result.stderr
    assert run("render", "tree.yaml", "--out", "out", "--check").exit_code == 1
    monkeypatch.undo()
    monkeypatch.chdir(here)
    result = run("render", "tree.yaml", "--out", "out")
    assert result.exit_code == 0 and "has been finished" in result.stderr
    assert run("render", "tree.yaml", "--out", "out", "--check").exit_code == 0


# --- only what pohon wrote --------------------------------------------------------------------


def test_force_replaces_a_file_pohon_did_not_write(here: Path) -> None:
    (here / "out").mkdir()
    (here / "out" / "index.html").write_text("<h1>our own</h1>\n")
    refused = run("render", "tree.yaml", "--out", "out")
    assert refused.exit_code == exit_codes.USAGE
    assert refused.stderr.startswith(
        "pohon: out/index.html: was not written by pohon, or was changed since (--force replaces "
        "it)\npohon: nothing written: the files above are in the way"
    )
    assert snapshot(here / "out") == {"index.html": b"<h1>our own</h1>\n"}
    assert run("render", "tree.yaml", "--out", "out", "--force").exit_code == 0
    assert b"our own" not in (here / "out" / "index.html").read_bytes()


def test_a_leftover_edited_by_hand_is_kept_and_named(here: Path) -> None:
    assert run("render", "tree.yaml", "--out", "out", "--format", "svg,dot").exit_code == 0
    drawn = here / "out" / "tree" / "diagram" / "pohon.dot"
    drawn.write_text(drawn.read_text() + "// catatan tangan\n")
    result = run("render", "tree.yaml", "--out", "out")  # no DOT asked for: a leftover
    assert result.exit_code == 0
    assert "pohon: out/tree/diagram/pohon.dot: left in place: it was changed since" in (
        result.stderr
    )
    assert drawn.read_text().endswith("// catatan tangan\n")
    assert not (here / "out" / "tree" / "diagram" / "cascading.dot").exists()  # pohon's: gone


def test_a_manifest_naming_a_file_pohon_never_wrote_does_not_remove_it(here: Path) -> None:
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    own = here / "out" / "CNAME"
    own.write_text("pohon.example.go.id\n")
    manifest = here / "out" / MANIFEST
    listed = json.loads(manifest.read_text())
    listed["files"].append("CNAME")
    listed["hashes"]["CNAME"] = hashlib.sha256(b"something else\n").hexdigest()
    manifest.write_text(json.dumps(listed))
    result = run("render", "tree.yaml", "--out", "out")
    assert result.exit_code == 0 and "out/CNAME: left in place" in result.stderr
    assert own.read_text() == "pohon.example.go.id\n"
    assert run("render", "tree.yaml", "--out", "out", "--check").exit_code == 0  # top: shared


# --- render of a tree with rule errors ------------------------------------------------------------

DUPLICATE_ID = TREE + (
    "  - id: tujuan\n"
    "    tingkat: tujuan_opd\n"
    "    pernyataan: Meningkatkan kualitas layanan sosial\n"
    "    indikator: [{nama: Indeks kepuasan layanan sosial}]\n"
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_tree_with_rule_errors_prints_them_and_writes_nothing(here: Path, jobs: str) -> None:
    names = [f"t{n}.yaml" for n in range(4)]
    for name in names:
        (here / name).write_text(TREE, encoding="utf-8")
    assert run("render", *names, "--out", "out").exit_code == 0
    before = snapshot(here / "out")
    (here / "t2.yaml").write_text(DUPLICATE_ID, encoding="utf-8")
    result = run("render", *names, "--out", "out", "-j", jobs)
    assert result.exit_code == exit_codes.FINDINGS
    assert result.stderr == (
        "t2.yaml:11:5: error unique-ids the id `tujuan` is already used by another node: give "
        "this node an id of its own\npohon: nothing written: fix the errors above first\n"
    )
    assert snapshot(here / "out") == before
    checked = run("render", *names, "--out", "out", "--check")
    assert checked.exit_code == exit_codes.FINDINGS and "error unique-ids" in checked.stderr


# --- the cache keys: the libraries that shape the outputs -------------------------------------


def test_an_upgraded_library_renders_everything_again(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pohon.render.reports

    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    # An upgrade that changes what the reports print (pohon's own code unchanged):
    real = pohon.render.reports.render_reports
    monkeypatch.setattr(
        pohon.render.reports,
        "render_reports",
        lambda *a, **k: {n: b + b"\n" for n, b in real(*a, **k).items()},
    )
    result = run("render", "tree.yaml", "--out", "out")
    assert "(0 changed)" in result.stderr  # same versions: the old reports are reused
    monkeypatch.setattr(pohon.render.cache, "_distribution", lambda name: f"{name} 99.0")
    pohon.render.cache.libraries_identity.cache_clear()
    try:
        result = run("render", "tree.yaml", "--out", "out")
    finally:
        pohon.render.cache.libraries_identity.cache_clear()
    assert result.exit_code == 0 and "(0 changed)" not in result.stderr
    assert (here / "out" / "tree" / "README.md").read_bytes().endswith(b"\n\n")


def test_the_library_identity_names_the_versions_that_shape_the_outputs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    identity = pohon.render.cache.libraries_identity.__wrapped__  # uncached
    first = identity()
    for name in ("jinja2", "pyyaml", "pydantic", "graphviz-pure", "markupsafe"):
        monkeypatch.setattr(
            pohon.render.cache,
            "_distribution",
            lambda asked, name=name: f"{asked} {'99' if asked == name else 'same'}",
        )
        assert identity() != first, name


# --- a full standard output -------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", ["validate", "export"])
def test_a_full_standard_output_is_an_io_error(here: Path, command: str) -> None:
    # A warning for validate to print: a tree without findings prints nothing on stdout.
    (here / "tree.yaml").write_text(
        TREE.replace("    indikator: [{nama: Indeks kesejahteraan sosial}]\n", "")
    )
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "pohon", command, "--lang", "en", "tree.yaml"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=here,
            timeout=60,
        )
    assert done.returncode == exit_codes.USAGE
    assert done.stderr.endswith(
        "pohon: cannot write to the standard output: No space left on device\n"
    )
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_an_older_pohons_staged_copies_are_found_and_removed(here: Path) -> None:
    """An older pohon, killed while staging, left tempfile's `.NAME.xxxxxxxx.tmp` for good."""
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    stale = here / "out" / "tree" / ".index.html.k3_9zq0a.tmp"
    stale.write_text("half a page")
    unrelated = here / "out" / ".editor.k3_9zq0a.tmp"  # no file `editor` of pohon's beside it
    unrelated.write_text("someone else's")
    checked = run("render", "tree.yaml", "--out", "out", "--check")
    assert checked.exit_code == 1
    assert "out/tree/.index.html.k3_9zq0a.tmp: left by a render that was stopped" in (
        checked.stderr
    )
    assert "editor" not in checked.stderr
    assert run("render", "tree.yaml", "--out", "out").exit_code == 0
    assert not stale.exists() and unrelated.read_text() == "someone else's"
    assert run("render", "tree.yaml", "--out", "out", "--check").exit_code == 0

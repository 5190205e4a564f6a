"""Each tree's files go to disk as the tree is finished, and the write stays all or nothing.

The render holds no tree's bytes until the end: each finished tree is staged in
`out/.pohon-staging/` (or found on disk already). A stop, a failure or a kill before the
swap leaves the previous outputs byte for byte; what a killed render staged is reported by
`--check` and removed by the next render.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import pohon.render.pipeline
import pohon.write.staging
from conftest import in_english
from pohon.cli import main
from pohon.core import exit_codes
from pohon.write.journal import STAGING_FOLDER
from pohon.write.output_folder import recover_stopped_write

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
NAMES = ["tree0.yaml", "tree1.yaml", "tree2.yaml"]
FAST = ["--out", "out", "--format", "dot", "-j", "1"]  # no engine: the write is what is tried


def run(*args: str) -> Result:
    return CliRunner().invoke(main, in_english(["render", *NAMES, *FAST, *args]))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones (staged copies) included."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def write_trees(folder: Path, text: str) -> None:
    for name in NAMES:
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_trees(tmp_path, TREE)
    return tmp_path


def test_each_tree_is_staged_before_the_last_is_read(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    load, add = pohon.render.pipeline.load_tree, pohon.write.staging.Staging.add

    def loading(path: Path) -> Any:
        events.append(f"read {path.stem}")
        return load(path)

    def staging(self: pohon.write.staging.Staging, files: Mapping[str, bytes]) -> None:
        events.append("stage " + " ".join(sorted({name.split("/")[0] for name in files})))
        add(self, files)

    monkeypatch.setattr(pohon.render.pipeline, "load_tree", loading)
    monkeypatch.setattr(pohon.write.staging.Staging, "add", staging)
    result = run()
    assert result.exit_code == 0, result.output
    # The one before is handed on once the next one's pages are being drawn.
    assert events == [
        "read tree0",
        "read tree1",
        "stage tree0",
        "read tree2",
        "stage tree1",
        "stage tree2",
        "stage index.html",
    ]
    assert not (here / "out" / STAGING_FOLDER).exists()


def test_worker_renders_are_staged_one_tree_at_a_time(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (here / "tree3.yaml").write_text(TREE, encoding="utf-8")
    staged: list[list[str]] = []
    add = pohon.write.staging.Staging.add

    def staging(self: pohon.write.staging.Staging, files: Mapping[str, bytes]) -> None:
        staged.append(sorted({name.split("/")[0] for name in files}))
        add(self, files)

    monkeypatch.setattr(pohon.write.staging.Staging, "add", staging)
    args = in_english(
        ["render", *NAMES, "tree3.yaml", "--out", "out", "--format", "dot", "-j", "2"]
    )
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert sorted(staged[:-1]) == [["tree0"], ["tree1"], ["tree2"], ["tree3"]]
    assert staged[-1] == ["index.html"]
    files = snapshot(here / "out")
    assert not any(STAGING_FOLDER in name for name in files)
    assert {name.split("/")[0] for name in files} >= {"tree0", "tree1", "tree2", "tree3"}


def test_a_stop_while_rendering_leaves_the_previous_outputs(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run().exit_code == 0
    before = snapshot(here / "out")
    write_trees(here, CHANGED)
    load, calls = pohon.render.pipeline.load_tree, [0]

    def interrupted_at_the_last(path: Path) -> Any:
        calls[0] += 1
        if calls[0] == len(NAMES):  # the first tree is staged by now
            assert any((here / "out" / STAGING_FOLDER).iterdir())
            raise KeyboardInterrupt
        return load(path)

    monkeypatch.setattr(pohon.render.pipeline, "load_tree", interrupted_at_the_last)
    result = run()
    assert result.exit_code == exit_codes.INTERRUPTED
    assert snapshot(here / "out") == before  # nothing staged is left


def test_a_file_changed_while_rendering_stops_the_write(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run().exit_code == 0
    report = here / "out" / "tree0" / "laporan" / "iku.md"
    add = pohon.write.staging.Staging.add

    def staging(self: pohon.write.staging.Staging, files: Mapping[str, bytes]) -> None:
        add(self, files)  # found on disk as it is: not staged
        if "tree0/laporan/iku.md" in files:
            report.write_bytes(report.read_bytes() + b"edited meanwhile\n")

    monkeypatch.setattr(pohon.write.staging.Staging, "add", staging)
    before = snapshot(here / "out")
    result = run("--force")  # the edit is no longer pohon's: only --force would replace it
    assert result.exit_code == exit_codes.USAGE
    assert "tree0/laporan/iku.md was changed while pohon was rendering" in result.stderr
    after = snapshot(here / "out")
    assert after.pop("tree0/laporan/iku.md").endswith(b"edited meanwhile\n")
    before.pop("tree0/laporan/iku.md")
    assert after == before


# A render process paused at the Nth file it stages while rendering, until POHON_TEST_GO exists.
LAUNCHER = """
import os, sys, time
from pathlib import Path
import pohon.write.staging as staging
from pohon.cli import main

at = int(os.environ["POHON_TEST_PAUSE"])
ready, go = Path(os.environ["POHON_TEST_READY"]), Path(os.environ["POHON_TEST_GO"])
real, calls = staging.write_new, [0]

def paused(*args, **kwargs):
    calls[0] += 1
    if calls[0] == at:
        ready.write_text(str(os.getpid()))
        deadline = time.monotonic() + 60
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    return real(*args, **kwargs)

staging.write_new = paused
sys.argv[0] = "pohon"
sys.exit(main())
"""


def test_killed_while_rendering_the_next_render_removes_what_it_staged(here: Path) -> None:
    assert run().exit_code == 0
    before = snapshot(here / "out")
    clean = here / "clean"
    clean.mkdir()
    write_trees(clean, CHANGED)
    os.chdir(clean)
    assert run().exit_code == 0
    new = snapshot(clean / "out")
    os.chdir(here)
    write_trees(here, CHANGED)
    ready, go = here / "ready", here / "go"
    env = {
        **os.environ,
        "POHON_TEST_PAUSE": "25",  # the second tree's files are being staged
        "POHON_TEST_READY": str(ready),
        "POHON_TEST_GO": str(go),
    }
    command = [sys.executable, "-c", LAUNCHER, "render", "--lang", "en", *NAMES, *FAST]
    process = subprocess.Popen(command, cwd=here, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the render never staged that many files"
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        go.touch()
        process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    left = snapshot(here / "out")
    staged = [name for name in left if name.startswith(f"{STAGING_FOLDER}/")]
    assert staged and {name: left[name] for name in left if name not in staged} == before
    result = run("--check")
    assert result.exit_code == exit_codes.FINDINGS
    assert f"out/{STAGING_FOLDER}: left by a render that was stopped" in result.stderr
    assert recover_stopped_write(here / "out") is None  # nothing had been written yet
    assert snapshot(here / "out") == before
    (here / "out" / STAGING_FOLDER).mkdir()  # left again, by a render killed once more
    (here / "out" / STAGING_FOLDER / "0").write_bytes(b"half a file")
    assert run().exit_code == 0
    assert snapshot(here / "out") == new

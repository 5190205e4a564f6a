"""Real signals and real processes: a stopped, killed or concurrent render never loses a folder.

Each render here is a process of its own, stopped at a chosen step of its write: the
launcher below wraps one of the write's steps (staging a file, or renaming one into place)
so that its Nth call says "ready" and waits; the test then sends a real signal with
os.kill. What is checked is the output folder afterwards, byte for byte.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.cli import main
from pohon.core import exit_codes
from pohon.write.journal import JOURNAL
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
FAST = ["--out", "out", "--format", "dot"]  # no engine: the write is what is tried here

# Runs `pohon ARGS…`; the Nth call of the step named by POHON_TEST_PAUSE (`create:N`: staging
# a file; `replace:N`: a rename) writes POHON_TEST_READY and waits until POHON_TEST_GO exists.
LAUNCHER = """
import os, sys, time
from pathlib import Path
import pohon.write.journal as journal
from pohon.cli import main

step, at = os.environ["POHON_TEST_PAUSE"].split(":")
ready, go = Path(os.environ["POHON_TEST_READY"]), Path(os.environ["POHON_TEST_GO"])
owner, name = (journal, "create") if step == "create" else (journal.os, "replace")
real, calls = getattr(owner, name), [0]

def paused(*args, **kwargs):
    calls[0] += 1
    if calls[0] == int(at):
        ready.write_text(str(os.getpid()))
        deadline = time.monotonic() + 60
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    return real(*args, **kwargs)

setattr(owner, name, paused)
sys.argv[0] = "pohon"
sys.exit(main())
"""


@dataclass
class Paused:
    """A render process waiting at its chosen step."""

    process: subprocess.Popen[str]
    go: Path

    def send(self, signum: int) -> None:
        os.kill(self.process.pid, signum)
        self.go.touch()

    def resume(self) -> None:
        self.go.touch()

    def wait(self) -> tuple[int, str]:
        _, stderr = self.process.communicate(timeout=60)
        return self.process.returncode, stderr


def pause_render(folder: Path, at: str, *args: str) -> Paused:
    """Start `pohon render tree.yaml --out out ARGS` in `folder`, and wait until it is at `at`."""
    ready, go = folder / "ready", folder / "go"
    ready.unlink(missing_ok=True)
    go.unlink(missing_ok=True)
    env = {
        **os.environ,
        "POHON_TEST_PAUSE": at,
        "POHON_TEST_READY": str(ready),
        "POHON_TEST_GO": str(go),
    }
    command = [sys.executable, "-c", LAUNCHER, "render", "--lang", "en", "tree.yaml", *FAST, *args]
    process = subprocess.Popen(
        command, cwd=folder, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, "the render never reached the step"
        time.sleep(0.01)
    return Paused(process, go)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones (staged copies, the journal) included."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def render(folder: Path, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["render", "--lang", "en", "tree.yaml", *FAST, *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stderr


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, dict[str, bytes], dict[str, bytes]]]:
    """A folder with `out/` rendered from TREE; the tree then changed to CHANGED. Gives the
    folder, the old render and what a clean render of the changed tree writes."""
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "tree.yaml").write_text(CHANGED, encoding="utf-8")
    assert render(clean)[0] == 0
    folder = tmp_path / "opd"
    folder.mkdir()
    (folder / "tree.yaml").write_text(TREE, encoding="utf-8")
    assert render(folder)[0] == 0
    before = snapshot(folder / "out")
    (folder / "tree.yaml").write_text(CHANGED, encoding="utf-8")
    yield folder, before, snapshot(clean / "out")


# --- stopped while staging: the previous outputs, byte for byte, and nothing else -----------------


@pytest.mark.parametrize(
    ("signum", "code", "says"),
    [
        (signal.SIGTERM, exit_codes.TERMINATED, "pohon: stopped by SIGTERM"),
        (signal.SIGHUP, exit_codes.HANGUP, "pohon: stopped by SIGHUP"),
        (signal.SIGINT, exit_codes.INTERRUPTED, "pohon: interrupted"),
    ],
    ids=["sigterm", "sighup", "ctrl-c"],
)
def test_a_stop_while_staging_leaves_the_previous_outputs(
    site: tuple[Path, dict[str, bytes], dict[str, bytes]], signum: int, code: int, says: str
) -> None:
    folder, before, _ = site
    paused = pause_render(folder, "create:4")  # the journal and two files are staged
    paused.send(signum)
    returned, stderr = paused.wait()
    assert (returned, stderr.splitlines()) == (code, [f"{says}; nothing was left half-written"])
    assert snapshot(folder / "out") == before  # no staged copy, no journal left


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stop_while_swapping_finishes_the_swap(
    site: tuple[Path, dict[str, bytes], dict[str, bytes]], signum: int
) -> None:
    folder, _, new = site
    paused = pause_render(folder, "replace:4")  # journal, journal again, one file moved aside
    paused.send(signum)
    returned, _ = paused.wait()
    assert returned == exit_codes.stopped_by(signum)
    assert snapshot(folder / "out") == new  # the new render whole, and nothing else


# --- killed: the next render finishes or undoes the write; until then --check fails -----------


def test_killed_while_staging_the_next_render_undoes_it(
    site: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    folder, before, new = site
    paused = pause_render(folder, "create:4")
    paused.send(signal.SIGKILL)
    assert paused.wait()[0] == -signal.SIGKILL
    left = snapshot(folder / "out")
    assert JOURNAL in left and any(name.endswith(".pohon-tmp") for name in left)
    code, stderr = render(folder, "--check")
    assert code == exit_codes.FINDINGS
    assert f"out/{JOURNAL}: left by a render that was stopped" in stderr
    assert recover_stopped_write(folder / "out") == "undone"
    assert snapshot(folder / "out") == before
    code, stderr = render(folder)
    assert code == 0 and snapshot(folder / "out") == new


def test_killed_while_swapping_the_next_render_finishes_it(
    site: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    folder, before, new = site
    paused = pause_render(folder, "replace:5")  # some files of the new render in, some not
    paused.send(signal.SIGKILL)
    assert paused.wait()[0] == -signal.SIGKILL
    half = snapshot(folder / "out")
    assert half != before and half != new
    code, stderr = render(folder, "--check")
    assert code == exit_codes.FINDINGS and "left by a render that was stopped" in stderr
    code, stderr = render(folder)
    assert code == 0, stderr
    assert "pohon: the render into out/ that was stopped has been finished" in stderr
    assert snapshot(folder / "out") == new


def test_killed_while_swapping_is_finished_from_the_journal_alone(
    site: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    """What is finished is the killed render itself, not a new one: the tree is put back."""
    folder, _, new = site
    paused = pause_render(folder, "replace:5")
    paused.send(signal.SIGKILL)
    paused.wait()
    (folder / "tree.yaml").write_text(TREE, encoding="utf-8")
    assert recover_stopped_write(folder / "out") == "finished"
    assert snapshot(folder / "out") == new


# --- two renders at once ------------------------------------------------------------------------


def test_a_second_render_into_the_same_folder_is_refused_while_the_first_runs(
    site: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    folder, _, new = site
    first = pause_render(folder, "create:2")
    second = subprocess.run(
        [sys.executable, "-m", "pohon", "render", "--lang", "en", "tree.yaml", *FAST],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == exit_codes.USAGE
    assert second.stderr == (
        "pohon: another pohon is rendering into out/ right now: wait until it has finished, "
        "then run this again\n"
    )
    checked = subprocess.run(
        [sys.executable, "-m", "pohon", "render", "--lang", "en", "tree.yaml", *FAST, "--check"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == exit_codes.USAGE and "another pohon" in checked.stderr
    first.resume()
    assert first.wait()[0] == 0
    assert snapshot(folder / "out") == new


# --- a stop during a render with workers: every worker and engine run ends at once --------------

FAKE_DOT = """#!/bin/sh
# A Graphviz that takes a minute for every page: a stopped render must not wait for it.
if [ "$1" = "-V" ]; then echo "dot - graphviz version 0.0 (a slow stand-in)" >&2; exit 0; fi
echo $$ >> "$POHON_TEST_ENGINES"
exec sleep 60
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent has not looked yet


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize(
    ("trees", "stop"),
    [
        pytest.param(4, "ctrl-c", id="workers-ctrl-c"),
        pytest.param(4, "sigterm", id="workers-sigterm", marks=pytest.mark.slow),
        pytest.param(2, "sigterm", id="threads-sigterm", marks=pytest.mark.slow),
    ],
)
def test_a_stopped_render_ends_its_workers_and_engines_at_once(
    tmp_path: Path, trees: int, stop: str
) -> None:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "dot").write_text(FAKE_DOT)
    (bin_folder / "dot").chmod(0o755)
    engines = tmp_path / "engines"
    names = [f"tree{n}.yaml" for n in range(trees)]
    for name in names:
        (tmp_path / name).write_text(TREE, encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}",
        "POHON_TEST_ENGINES": str(engines),
    }
    command = [sys.executable, "-m", "pohon", "render", *names, "--out", "out", "-j", "2"]
    render = subprocess.Popen(
        [*command, "--engine", "dot"],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, as a terminal's foreground job is
    )
    try:
        deadline = time.monotonic() + 60
        while len(engines.read_text().split() if engines.exists() else []) < 2:
            assert render.poll() is None, render.communicate()[1]
            assert time.monotonic() < deadline, "the engines never started"
            time.sleep(0.02)
        if stop == "ctrl-c":
            os.killpg(render.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
        else:
            os.kill(render.pid, signal.SIGTERM)  # `docker stop`, `timeout`: the parent alone
        _, stderr = render.communicate(timeout=30)  # an engine run alone would take 60 s
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(render.pid, signal.SIGKILL)
    assert render.returncode == (130 if stop == "ctrl-c" else 143), stderr
    assert "Traceback" not in stderr
    pids = [int(pid) for pid in engines.read_text().split()]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if _alive(pid)], "engine runs outlived the render"
    assert not (tmp_path / "out").exists()

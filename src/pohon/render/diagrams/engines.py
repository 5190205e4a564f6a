"""Run a Graphviz engine on DOT text: the pinned pip engine (`graphviz-pure`) or the system `dot`.

The embedded engine is the default because it needs nothing outside pip and draws the
same bytes on every machine; the system `dot` differs by version. Every call has a
timeout, and every failure becomes one message that names the other engine.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pohon.core.errors import UsageError
from pohon.core.vocabulary import EngineChoice

EMBEDDED = "embedded"
SYSTEM = "dot"
AUTO = "auto"
EMBEDDED_PROGRAM = "graphviz-pure"
TIMEOUT_SECONDS = 120.0  # the Mamuju tree's largest page takes 0.3 s; 400x that is a hang


@dataclass(frozen=True)
class Engine:
    """A Graphviz program found on this machine."""

    kind: str  # EMBEDDED or SYSTEM
    program: str

    @property
    def other(self) -> str:
        return SYSTEM if self.kind == EMBEDDED else EMBEDDED

    def run(
        self,
        source: str,
        output_format: str,
        *,
        args: tuple[str, ...] = (),
        timeout: float = TIMEOUT_SECONDS,
    ) -> bytes:
        """The engine's output for DOT `source` in `output_format` (e.g. `svg`, `png`)."""
        done = self._call([f"-T{output_format}", *args], source, timeout)
        if self.kind == SYSTEM and _crashed(done):
            # Older system Graphviz (Debian's 2.43) crashes in its orthogonal edge router on
            # some pages; the same page with straight-segment edges still reads the same.
            done = self._call([f"-T{output_format}", *args, "-Gsplines=polyline"], source, timeout)
        if done.returncode != 0 or not done.stdout:
            raise UsageError(self._failed(_first_error(done)))
        return done.stdout

    def _call(
        self, args: list[str], source: str, timeout: float
    ) -> subprocess.CompletedProcess[bytes]:
        # The DOT, the drawing and the messages go through unnamed temporary files, and the
        # exit is awaited in one blocking call: a thread drawing beside pohon's own work then
        # needs Python's lock only to start the engine and to read its files, where pipes
        # (communicate) would take it for every chunk and wait for it each time.
        command = [self.program, *args]
        try:
            with contextlib.ExitStack() as files:
                given = files.enter_context(tempfile.TemporaryFile())  # the DOT
                drawn = files.enter_context(tempfile.TemporaryFile())  # the drawing
                said = files.enter_context(tempfile.TemporaryFile())  # what the engine said
                given.write(source.encode())
                given.seek(0)
                with _running(command, given, drawn, said) as process:
                    _wait(process, timeout)
                drawn.seek(0)
                said.seek(0)
                stdout, stderr = drawn.read(), said.read()
        except subprocess.TimeoutExpired:
            raise UsageError(self._failed(f"gave no result within {timeout:g} s")) from None
        except OSError as error:
            raise UsageError(self._failed(f"could not start: {error.strerror or error}")) from None
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    def _failed(self, what: str) -> str:
        return (
            f"the {self.kind} Graphviz engine ({self.program}) {what}; try `--engine {self.other}`"
        )


_RUNNING: set[subprocess.Popen[bytes]] = set()
_RUNNING_LOCK = threading.Lock()
_stopping = threading.Event()


def _wait(process: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait for the engine to exit, at most `timeout` seconds (TimeoutExpired after that).

    On Linux the wait is one `select` on a pidfd, woken by the exit itself;
    `Popen.wait(timeout)` instead sleeps and polls, waking late and taking Python's lock
    on every poll.
    """
    opened = getattr(os, "pidfd_open", None)
    try:
        handle = opened(process.pid) if opened is not None else None
    except OSError:  # an older kernel, or a sandbox that refuses it
        handle = None
    if handle is None:
        process.wait(timeout)
        return
    try:
        ready, _, _ = select.select([handle], [], [], timeout)
    finally:
        os.close(handle)
    if not ready:
        raise subprocess.TimeoutExpired(process.args, timeout)
    process.wait()


@contextlib.contextmanager
def _running(command: list[str], *files: IO[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """An engine process reading and writing `files` (stdin, stdout, stderr), known to
    `stopped_runs` while it runs; killed if left unfinished."""
    given, drawn, said = files
    with subprocess.Popen(command, stdin=given, stdout=drawn, stderr=said) as process:
        with _RUNNING_LOCK:
            _RUNNING.add(process)
        if _stopping.is_set():  # started as the render stopped (a retry of a killed run)
            process.kill()
        try:
            yield process
        finally:
            with _RUNNING_LOCK:
                _RUNNING.discard(process)
            if process.poll() is None:  # a timeout, or a stop: no one will read its drawing
                process.kill()
                process.wait()


@contextlib.contextmanager
def stopped_runs() -> Iterator[None]:
    """Kill every engine run of this process, and any started during the block (a render that
    was stopped or failed is waiting for its threads to end, and needs none of the drawings)."""
    _stopping.set()
    try:
        with _RUNNING_LOCK:
            running = list(_RUNNING)
        for process in running:
            with contextlib.suppress(OSError):
                process.kill()
        yield
    finally:
        _stopping.clear()


def _crashed(done: subprocess.CompletedProcess[bytes]) -> bool:
    """Killed by a signal (a segfault, or an assertion's abort), not refused with a message."""
    return done.returncode < 0 or done.returncode in (134, 139)


def _first_error(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = [line.strip() for line in done.stderr.decode(errors="replace").splitlines()]
    errors = [line for line in lines if line.lower().startswith("error")] or lines
    if errors:
        return f"failed: {errors[0]}"
    if _crashed(done):
        return f"crashed (exit status {done.returncode})"
    return "failed without a message"


def find_embedded() -> str | None:
    """`graphviz-pure` as pip installed it beside this Python (venv, `Scripts`, user), else on PATH."""
    name = EMBEDDED_PROGRAM + (".exe" if os.name == "nt" else "")
    for folder in _script_folders():
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(EMBEDDED_PROGRAM)


def _script_folders() -> list[Path]:
    folders = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    with contextlib.suppress(KeyError):  # no user scheme on this platform
        folders.append(Path(sysconfig.get_path("scripts", f"{os.name}_user")))
    return folders


def find_system() -> str | None:
    return shutil.which("dot")


def choose(engine: EngineChoice) -> Engine:
    """The engine asked for (`auto`: the embedded one when installed, else the system `dot`)."""
    embedded = find_embedded() if engine in (EMBEDDED, AUTO) else None
    if embedded:
        return Engine(EMBEDDED, embedded)
    system = find_system() if engine in (SYSTEM, AUTO) else None
    if system:
        return Engine(SYSTEM, system)
    if engine == SYSTEM:
        raise UsageError(
            "--engine dot: no Graphviz `dot` program on PATH; use `--engine embedded` "
            "(the Graphviz installed with pohon) or install Graphviz"
        )
    raise UsageError(
        f"the embedded Graphviz engine ({EMBEDDED_PROGRAM}) is not installed: reinstall pohon "
        "(`pip install pohon` brings it) or use `--engine dot` with a system Graphviz"
    )

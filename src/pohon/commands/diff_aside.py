"""The older side of `pohon diff` read in a forked worker while this process reads the newer one.

Reading the two trees is most of a diff, and each is read by one core: on a machine with a
second core the worker reads one side meanwhile. It sends back only the plain data of each
file (tree/assemble_replay.py), never a tree of models (pickling those costs more than
reading again). Whatever goes wrong in it (a broken file, a signal, no fork) leaves this
process to read that side itself, so that every message, and its order, is as without it.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from types import TracebackType

from pohon.core.signals import STOP_SIGNALS
from pohon.tree.assemble_replay import recorded, replayed
from pohon.tree.model import Tree


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class Aside:
    """Reads the tree at `path` in a worker, if there is a core for one; `tree()` waits for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pid: int | None = None
        self.pipe: int | None = None
        if not hasattr(os, "fork") or _cores() < 2:
            return
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the worker; its end is os._exit, unseen by coverage
            os.close(reader)
            _work(path, writer)
        os.close(writer)
        self.pid, self.pipe = pid, reader

    def tree(self) -> Tree | None:
        """The tree the worker read, or None: then read it here (it did not load, or no worker)."""
        if self.pid is None or self.pipe is None:
            return None
        with os.fdopen(self.pipe, "rb") as pipe:
            self.pipe = None
            reads = pipe.read()
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = None
        return replayed(self.path, reads) if status == 0 else None

    def __enter__(self) -> Aside:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """A worker not waited for (the command stopped early) is ended, never left behind."""
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None


def _work(path: Path, writer: int) -> None:  # pragma: no cover - runs in the worker
    """Record the reads and send them; end without unwinding the parent's state (its files,
    its temporary folders): those are the parent's to clean up."""
    code = 1
    try:
        for signum in STOP_SIGNALS:  # a stop ends the worker at once; the parent cleans up
            signal.signal(signum, signal.SIG_DFL)
        reads = recorded(path)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(reads)
        code = 0
    except BaseException:
        code = 1
    finally:
        os._exit(code)

"""Stop signals: SIGTERM and SIGHUP end a command as Ctrl-C does, and a block can hold all three.

A cancelled CI job, `timeout`, `docker stop` and a closed terminal send SIGTERM or SIGHUP,
which would otherwise end Python at once, between any two steps of a write. Turned into an
exception, they unwind through the same clean-up as Ctrl-C; held back, they wait until a
block that must not be cut in two (the swap of an output folder) is done.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None
"""What `signal.signal` takes and gives back (None: a handler set outside Python)."""


class Stopped(KeyboardInterrupt):
    """A stop signal other than Ctrl-C, raised where the program was: `signum` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


def _restore(previous: dict[int, Handler]) -> None:
    for signum, handler in previous.items():
        # None: a handler installed outside Python, which cannot be put back; the default is.
        signal.signal(signum, signal.SIG_DFL if handler is None else handler)


def _interrupt(signum: int) -> KeyboardInterrupt:
    return KeyboardInterrupt() if signum == signal.SIGINT else Stopped(signum)


@contextlib.contextmanager
def stops_as_interrupts() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise `Stopped` (Ctrl-C raises KeyboardInterrupt).

    A signal the process was told to ignore (`nohup` ignores SIGHUP) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Handler] = {}
    for signum in STOP_SIGNALS:
        if signum != signal.SIGINT and signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _raise_stopped)
    try:
        yield
    finally:
        _restore(previous)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the block ends, then raise the first one caught."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals are only ever delivered to the main thread: nothing to hold here
        return
    caught: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous: dict[int, Handler] = {}
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, remember)
    try:
        yield
    finally:
        _restore(previous)
    if caught:
        raise _interrupt(caught[0])

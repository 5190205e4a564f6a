"""One line of progress on a terminal (`[12/40] dinsos_mamuju`), nothing in CI or with --quiet."""

from __future__ import annotations

import sys
import threading
from typing import TextIO


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream: no terminal to draw on
        return False


class Progress:
    """Counts finished steps and redraws one line in place; safe to call from worker threads."""

    def __init__(self, total: int, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = not quiet and total > 0 and _is_terminal(self.stream)
        self.total = total
        self.done = 0
        self.width = 0
        self.lock = threading.Lock()

    def advance(self, label: str) -> None:
        with self.lock:
            self.done += 1
            if self.enabled:
                self._show(f"[{self.done}/{self.total}] {label}")

    def clear(self) -> None:
        """Remove the line, so that what is printed next starts on a clean line."""
        with self.lock:
            if self.enabled and self.width:
                self.stream.write("\r" + " " * self.width + "\r")
                self.stream.flush()
            self.width = 0

    def _show(self, line: str) -> None:
        # Pad over the previous line: a shorter name must not leave the end of a longer one.
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(line))

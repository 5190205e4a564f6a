"""The error hierarchy: every problem pohon can explain is a PohonError carrying its exit code.

Commands raise these anywhere in the flow; `pohon.commands.guard.run_guarded` prints the
message and returns `exit_code`, so the policy of which failure exits how is read here.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pohon.core import exit_codes
from pohon.core.finding_ids import LoaderCheck


class PohonError(Exception):
    """A problem pohon can explain: its message is for the analyst, shown without a traceback."""

    exit_code: ClassVar[int] = exit_codes.USAGE


class UsageError(PohonError):
    """The command cannot run as asked: an option, an engine, a template, the output folder."""


class ConfigError(PohonError):
    """A settings file (pohon.toml, `[tool.pohon]`) that cannot be used as written."""


class InputError(PohonError):
    """A path that cannot be read at all: missing, a folder, a pipe, a link that loops."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class TooManyFolders(PohonError):
    """A file pattern would search more folders than the limit allows."""


class BadPattern(PohonError):
    """A file pattern that cannot name any file as written (a `[z-a]` range): its message says why."""


class OverBudget(PohonError):
    """A user's template passed its budget of time or output; the message says which."""


class YamlError(PohonError):
    """A file whose bytes cannot become data; the loader turns it into a finding of `rule`.

    Line and column are 1-based (0: no position). Its exit code is that of findings:
    the input, not the command, is at fault.
    """

    exit_code: ClassVar[int] = exit_codes.FINDINGS

    def __init__(self, rule: LoaderCheck, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column


class SheetError(PohonError):
    """A spreadsheet `pohon import` cannot turn into a tree, at a place: `file:Sheet!F12`.

    Its exit code is that of findings: the input, not the command, is at fault.
    """

    exit_code: ClassVar[int] = exit_codes.FINDINGS

    def __init__(self, rule: LoaderCheck, place: str, message: str) -> None:
        super().__init__(f"{place}: error {rule} {message}")
        self.rule = rule
        self.place = place
        self.message = message


class CellProblem(PohonError, ValueError):
    """A spreadsheet cell that cannot be read as its column asks; `pohon import` reports it
    at the cell (as a finding) and goes on reading the others. The message says what to write."""

    exit_code: ClassVar[int] = exit_codes.FINDINGS

"""Lines and columns as editors, grep and git count them, for positions the YAML parser gives.

YAML also ends a line at U+0085 (NEXT LINE), U+2028 (LINE SEPARATOR) and U+2029
(PARAGRAPH SEPARATOR), invisible characters pasted from a PDF or Word; its marks count
them, so after one every position the parser gives would be a line too low. A mark's
character index is exact, so where the text holds one of them the line and column are
worked out from the index, counting only `\\n`, `\\r\\n` and `\\r` as line ends.
"""

from __future__ import annotations

import bisect
import re

YAML_ONLY_BREAKS = {
    "\x85": "U+0085 (NEXT LINE)",
    "\u2028": "U+2028 (LINE SEPARATOR)",
    "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
}
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_LINE_END = re.compile("\r\n|\r|\n")
# What may stand between the place a value belongs and an alias written there (`key: *a`,
# `- *a`, `[x, *a]`, `&list [*a]`): blanks, indicators, comments and anchors; the alias's
# name runs to a space or a bracket.
_BEFORE_ALIAS = re.compile(r"(?:[\s\-:,\[{?]|#[^\n\r]*+|&[^\s,\[\]{}]*+)*+\*([^\s,\[\]{}]+)")


class Lines:
    """Converts a parser mark (0-based line, column and character index) to a 1-based position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.odd = _YAML_ONLY_BREAK.search(text) is not None
        self._starts: list[int] | None = None

    def position(self, line: int, column: int, index: int) -> tuple[int, int]:
        if not self.odd:  # the parser counted the lines as everyone else does
            return (line + 1, column + 1)
        return self.of_index(index)

    def of_index(self, index: int) -> tuple[int, int]:
        """The line and column of the character at `index`."""
        starts = self.starts()
        number = bisect.bisect_right(starts, index)
        return (number, index - starts[number - 1] + 1)

    def starts(self) -> list[int]:
        if self._starts is None:  # worked out once, and only where a position needs it
            self._starts = [0, *(m.end() for m in _LINE_END.finditer(self.text))]
        return self._starts

    def last_odd_break(self, end: int) -> int | None:
        """The index of the last line end only YAML sees before `end`, if any."""
        if not self.odd:
            return None
        found = [m.start() for m in _YAML_ONLY_BREAK.finditer(self.text, 0, end)]
        return found[-1] if found else None

    def without_odd_breaks(self) -> str:
        """The text with each line end only YAML sees made a space: same length, same indexes."""
        return _YAML_ONLY_BREAK.sub(" ", self.text)


def alias_at(text: str, index: int) -> tuple[str, int] | None:
    """The name and index of an alias (`*name`) written from `index` on, past blanks,
    indicators and comments, or None when something else comes first."""
    found = _BEFORE_ALIAS.match(text, index)
    return (found.group(1), found.start(1) - 1) if found else None

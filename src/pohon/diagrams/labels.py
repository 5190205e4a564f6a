"""Text for Graphviz HTML-like labels: cleaned, wrapped word by word, and escaped so it stays text.

User text reaches Graphviz only through `escape()` (directly or via `lines()`). Measured
pitfalls this guards against: raw `& < >` fail the whole render; a string shaped like
`<…>` would be read as markup; Graphviz expands `\\N`, `\\G`, `\\L` even inside HTML
labels (and after entity decoding), so every backslash is doubled; control characters
pasted from Word or Excel (e.g. `\\x0b`) make the SVG ill-formed XML, so they are removed.
"""

from __future__ import annotations

import functools
import re

# Everything XML 1.0 cannot carry, plus C1 controls and DEL: dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t\u00a0]+")

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_ESCAPE = re.compile("[&<>\"'\\\\]")

# Approximate Arial advance widths in em: enough to wrap to a box width without a font
# library (the engine measures exactly; this only decides where lines break).
_NARROW = frozenset("iljtfrI.,:;'!|()[]{}/\\ ")
_WIDE = frozenset("mwMW@%")


def clean(text: str) -> str:
    """The text as written, minus what no SVG can hold; line breaks become `\\n`."""
    text = _LINE_BREAKS.sub("\n", text)
    return _NOT_XML.sub("", text)


@functools.cache  # a few hundred distinct characters, looked up millions of times
def _em(char: str) -> float:
    if char in _NARROW:
        return 0.3
    if char in _WIDE:
        return 0.85
    if char.isupper() or char.isdigit():
        return 0.68
    return 0.52 if char.isascii() else 0.9


def measure(text: str) -> float:
    """The estimated width of `text` in em."""
    return sum(_em(char) for char in text)


def _extend(width: float, text: str) -> float:
    # Adds char by char from the left, as `measure` does: the same float, bit for bit, so
    # a line's width is kept as it grows instead of measured again (wrapping stays linear).
    for char in text:
        width += _em(char)
    return width


def wrap(text: str, width_em: float) -> list[str]:
    """Lines no wider than `width_em`, broken between words (inside a word only if it must)."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        line, width = "", 0.0
        for word in _SPACES.sub(" ", paragraph).split():
            candidate = f"{line} {word}" if line else word
            grown = _extend(width, candidate[len(line) :])
            if grown <= width_em:
                line, width = candidate, grown
                continue
            if line:
                lines.append(line)
            line, width = "", 0.0
            for char in word:  # a word wider than the box: break it where it must
                if line and width + _em(char) > width_em:
                    lines.append(line)
                    line, width = "", 0.0
                line += char
                width += _em(char)
        if line:
            lines.append(line)
    return lines


def escape(text: str) -> str:
    """Text as one line, safe inside an HTML-like label: cleaned, entities for markup, `\\` doubled."""
    line = _SPACES.sub(" ", clean(text).replace("\n", " "))
    return _ESCAPE.sub(lambda m: "\\\\" if m.group() == "\\" else _ENTITIES[m.group()], line)


def lines(text: str, width_em: float) -> str:
    """Wrapped and escaped text, lines joined with `<BR/>` (the label's own line breaks)."""
    return "<BR/>".join(escape(line) for line in wrap(text, width_em))

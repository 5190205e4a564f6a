"""Text for Graphviz HTML-like labels: cleaned, wrapped word by word, and escaped so it stays text.

User text reaches Graphviz only through `escape()` (directly or via `lines()`). Measured
pitfalls this guards against: raw `& < >` fail the whole render; a string shaped like
`<…>` would be read as markup; Graphviz expands `\\N`, `\\G`, `\\L` even inside HTML
labels (and after entity decoding), so every backslash is doubled; control characters
pasted from Word or Excel (e.g. `\\x0b`) make the SVG ill-formed XML, so they are removed.
"""

from __future__ import annotations

import re

# Everything XML 1.0 cannot carry, plus C1 controls and DEL: dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t\u00a0]+")

# Entities for markup, and every backslash doubled (one `str.translate`, not a regex per text).
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "\\\\"}
)

# Approximate Arial advance widths in em: enough to wrap to a box width without a font
# library (the engine measures exactly; this only decides where lines break).
_NARROW = frozenset("iljtfrI.,:;'!|()[]{}/\\ ")
_WIDE = frozenset("mwMW@%")


def clean(text: str) -> str:
    """The text as written, minus what no SVG can hold; line breaks become `\\n`."""
    if text.isprintable():  # everything removed or changed below is unprintable: most text
        return text
    text = _LINE_BREAKS.sub("\n", text)
    return _NOT_XML.sub("", text)


class _Widths(dict[str, int]):
    """Each character's width in hundredths of an em, worked out the first time it is asked for.

    Whole numbers, so a line's width is the same sum however it was added up: words are
    measured once and a line's width kept as it grows (wrapping stays linear), exactly.
    """

    def __missing__(self, char: str) -> int:
        if char in _NARROW:
            width = 30
        elif char in _WIDE:
            width = 85
        elif char.isupper() or char.isdigit():
            width = 68
        else:
            width = 52 if char.isascii() else 90
        self[char] = width
        return width


_CHAR = _Widths()  # a few hundred distinct characters, looked up millions of times
_WORD: dict[str, int] = {}  # words repeat across a tree's statements: measured once each
_WORDS_KEPT = 100_000
_WORD_KEPT_CHARS = 40  # longer "words" (a pasted URL, a run of dashes) are rarely met twice
_SPACE = _CHAR[" "]


def _units(text: str) -> int:
    width = _WORD.get(text)
    if width is None:
        width = sum(map(_CHAR.__getitem__, text))
        if len(text) <= _WORD_KEPT_CHARS:
            if len(_WORD) >= _WORDS_KEPT:  # a bound on memory for a huge, varied corpus
                _WORD.clear()
            _WORD[text] = width
    return width


def measure(text: str) -> float:
    """The estimated width of `text` in em."""
    return sum(map(_CHAR.__getitem__, text)) / 100


def wrap(text: str, width_em: float) -> list[str]:
    """Lines no wider than `width_em`, broken between words (inside a word only if it must)."""
    limit = int(width_em * 100 + 1e-9)  # in hundredths of an em, as the widths are
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        line, width = "", 0
        for word in paragraph.split():  # any run of spaces, tabs, no-break spaces
            grown = width + _SPACE + _units(word) if line else _units(word)
            if grown <= limit:  # a line exactly as wide as the box fits
                line, width = f"{line} {word}" if line else word, grown
                continue
            if line:
                lines.append(line)
            line, width = "", 0
            for char in word:  # a word wider than the box: break it where it must
                if line and width + _CHAR[char] > limit:
                    lines.append(line)
                    line, width = "", 0
                line += char
                width += _CHAR[char]
        if line:
            lines.append(line)
    return lines


def escape(text: str) -> str:
    """Text as one line, safe inside an HTML-like label: cleaned, entities for markup, `\\` doubled."""
    line = _SPACES.sub(" ", clean(text).replace("\n", " "))
    return line.translate(_ESCAPES)


def lines(text: str, width_em: float) -> str:
    """Wrapped and escaped text, lines joined with `<BR/>` (the label's own line breaks)."""
    # Wrapped lines are cleaned already and hold single spaces only: entities are all
    # that is left to do, for all lines at once.
    return "\n".join(wrap(text, width_em)).translate(_ESCAPES).replace("\n", "<BR/>")

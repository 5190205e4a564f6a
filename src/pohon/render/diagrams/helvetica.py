"""The PDF standard fonts that pohon's PDF writer uses, and how wide their text runs are.

The embedded engine measures text with Arimo, which has Arial's widths, and Arial has
Helvetica's: the standard Helvetica of every PDF reader sets each line exactly as wide
as the engine laid it out, so no font is embedded. Helvetica covers Windows Latin-1
(WinAnsiEncoding: Indonesian text, `—`, `…`, `€`, `×`); a few signs beyond it (`≥`, `≤`,
`≠`, arrows) come from the standard Symbol font; any other character prints as `?`.
"""

from __future__ import annotations

from dataclasses import dataclass

# Advance widths in thousandths of the font size for the WinAnsiEncoding bytes 32-255, read
# from Liberation Sans (Helvetica's metrics); 0 where the byte is unused. Italic shares them.
_REGULAR_TEXT = """
278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278
556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556
1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778
667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556
333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556
556 556 333 500 278 556 500 722 500 500 500 334 260 334 584 0
556 0 222 556 333 1000 556 556 333 1000 667 333 1000 0 611 0
0 222 222 333 333 350 556 1000 333 1000 500 333 944 0 500 667
278 333 556 556 556 556 260 556 333 737 370 556 584 333 737 552
400 549 333 333 333 576 537 278 333 333 365 556 834 834 834 611
667 667 667 667 667 667 1000 722 667 667 667 667 278 278 278 278
722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611
556 556 556 556 556 556 889 500 556 556 556 556 278 278 278 278
556 556 556 556 556 556 556 549 611 556 556 556 556 500 556 500
"""
_REGULAR = tuple(int(width) for width in _REGULAR_TEXT.split())
_BOLD_TEXT = """
278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278
556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611
975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778
667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556
333 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611
611 611 389 556 333 611 556 778 556 556 500 389 280 389 584 0
556 0 278 556 500 1000 556 556 333 1000 667 333 1000 0 611 0
0 278 278 500 500 350 556 1000 333 1000 556 333 944 0 500 667
278 333 556 556 556 556 280 556 333 737 370 556 584 333 737 552
400 549 333 333 333 576 556 278 333 333 365 556 834 834 834 611
722 722 722 722 722 722 1000 722 667 667 667 667 278 278 278 278
722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611
556 556 556 556 556 556 889 556 556 556 556 556 278 278 278 278
611 611 611 611 611 611 611 549 611 611 611 611 611 556 611 556
"""
_BOLD = tuple(int(width) for width in _BOLD_TEXT.split())
# Symbol font codes and widths of the signs Helvetica lacks.
_SYMBOL = {
    "≥": (0xB3, 549),
    "≤": (0xA3, 549),
    "≠": (0xB9, 549),
    "→": (0xAE, 987),
    "←": (0xAC, 987),
    "↑": (0xAD, 603),
    "↓": (0xAF, 603),
    "∞": (0xA5, 713),
    "√": (0xD6, 549),
    "∑": (0xE5, 713),
}
SYMBOL = "Symbol"
FONTS = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", SYMBOL)
_MISSING = "?"


@dataclass(frozen=True)
class Run:
    """Part of a line in one font: the font's index in FONTS, its bytes, its width in 1/1000."""

    font: int
    data: bytes
    width: int


def font_index(*, bold: bool, italic: bool) -> int:
    return (2 if italic else 0) + (1 if bold else 0)


def runs(text: str, font: int) -> list[Run]:
    """The text as runs of Helvetica (`font`) and Symbol, each with its bytes and width."""
    widths = _BOLD if font % 2 else _REGULAR
    found: list[Run] = []
    for char in text:
        code, width, face = _code(char, widths, font)
        last = found[-1] if found else None
        if last is not None and last.font == face:
            found[-1] = Run(face, last.data + bytes([code]), last.width + width)
        else:
            found.append(Run(face, bytes([code]), width))
    return found


def _code(char: str, widths: tuple[int, ...], font: int) -> tuple[int, int, int]:
    if char in _SYMBOL:
        code, width = _SYMBOL[char]
        return code, width, FONTS.index(SYMBOL)
    try:
        code = char.encode("cp1252")[0] if len(char.encode("cp1252")) == 1 else -1
    except UnicodeEncodeError:
        code = -1
    if code < 32 or widths[code - 32] == 0:
        code = ord(_MISSING)
    return code, widths[code - 32], font


def width(text: str, font: int, size: float) -> float:
    """How wide the text is set at `size` points."""
    return sum(run.width for run in runs(text, font)) * size / 1000


def show(found: list[Run], size: str) -> str:
    """The PDF operators that set the runs at `size` (as PDF writes the number)."""
    return " ".join(f"/F{run.font + 1} {size} Tf {_literal(run.data)} Tj" for run in found)


def _literal(data: bytes) -> str:
    """A PDF literal string: printable ASCII as itself, the rest as octal escapes."""
    out = []
    for byte in data:
        char = chr(byte)
        if char in "()\\":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"

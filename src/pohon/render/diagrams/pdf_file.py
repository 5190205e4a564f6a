"""Write a one-page PDF file: the page's drawing operators, the standard fonts, its links.

Plain PDF 1.4 written byte by byte: no creation date, no random id, the content
compressed with zlib at a fixed level, so the same page always gives the same bytes.
"""

from __future__ import annotations

import posixpath
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from pohon.render.diagrams import helvetica


@dataclass(frozen=True)
class PageLink:
    """A clickable area on the page in PDF points (left, bottom, right, top) and its target."""

    rect: tuple[float, float, float, float]
    href: str


def pdf_bytes(
    size: tuple[float, float], content: str, links: Sequence[PageLink], title: str
) -> bytes:
    """The whole file: catalog, one page of `size` points, its content, fonts and links."""
    fonts = " ".join(f"/F{n + 1} {6 + n} 0 R" for n in range(len(helvetica.FONTS)))
    annots = " ".join(_annotation(link) for link in links)
    stream = zlib.compress(content.encode("latin-1"), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_n(size[0])} {_n(size[1])}] "
            f"/Resources << /Font << {fonts} >> >> /Contents 4 0 R /Annots [{annots}] >>"
        ).encode(),
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream",
        f"<< /Producer (pohon) /Title {_text(title)} >>".encode(),
        *(_font(name) for name in helvetica.FONTS),
    ]
    return _file(objects)


def _font(name: str) -> bytes:
    encoding = "" if name == helvetica.SYMBOL else " /Encoding /WinAnsiEncoding"
    return f"<< /Type /Font /Subtype /Type1 /BaseFont /{name}{encoding} >>".encode()


def _annotation(link: PageLink) -> str:
    rect = " ".join(_n(v) for v in link.rect)
    return (
        f"<< /Type /Annot /Subtype /Link /Rect [{rect}] /Border [0 0 0] /A {_action(link.href)} >>"
    )


def _action(href: str) -> str:
    """Another diagram page opens as its PDF (GoToR, relative); anything else as a URI."""
    if ":" not in href and href.endswith(".svg"):
        target = posixpath.splitext(href)[0] + ".pdf"
        return f"<< /S /GoToR /F {_ascii(target)} /D [0 /Fit] >>"
    return f"<< /S /URI /URI {_ascii(href)} >>"


def _file(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{start}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _ascii(text: str) -> str:
    """A PDF string of ASCII text, others escaped (paths and URIs are ASCII; ids are)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + escaped.encode("ascii", "backslashreplace").decode("ascii") + ")"


def _text(text: str) -> str:
    """A PDF text string in UTF-16 (any language), as a hex string."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text

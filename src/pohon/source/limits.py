"""The limits that keep hostile input from costing unbounded time or memory (docs/limits.md)."""

from __future__ import annotations

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A tree file larger than this is refused before it is parsed (the Mamuju tree: 73 kB)."""

MAX_TREE_BYTES = 20 * 1024 * 1024
"""Most text all files of one tree may hold together."""

MAX_DEPTH = 64
"""Deepest nesting of YAML collections; a tree of ten levels needs about 25."""

MAX_VALUES = 1_000_000
"""Most YAML values one file may expand to, aliases counted each time they are used."""

MAX_TEXT_CHARS = 10_000
"""Longest text of one value; the longest in the Mamuju tree (its reading notes) is under 2,000."""

MAX_FILES = 1_000
"""Most files one tree may include."""

MAX_FOLDERS = 10_000
"""Most folders one `sertakan` pattern may search (`**` beside a large folder)."""

MAX_NODES = 20_000
"""Most nodes one tree may hold; the Mamuju tree has 112."""

"""The limits that keep hostile input from costing unbounded time or memory (docs/limits.md)."""

from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024
"""A tree file larger than this is refused before it is parsed."""

MAX_DEPTH = 64
"""Deepest nesting of YAML collections; a tree of ten levels needs about 25."""

MAX_VALUES = 1_000_000
"""Most YAML values one file may expand to, aliases counted each time they are used."""

MAX_TEXT_CHARS = 10_000
"""Longest statement, name or indicator text; the longest in the Mamuju chart is under 200."""

MAX_FILES = 1_000
"""Most files one tree may include."""

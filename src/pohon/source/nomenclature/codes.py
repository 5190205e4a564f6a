"""Nomenclature codes: the ways offices write one code made one, its depth, parents and bidang."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

SHARED_BIDANG = "X.XX"
"""Where the list keeps the PENUNJANG program every bidang carries as its program 01."""

PENUNJANG_PROGRAM = "01"


class CodeLevel(StrEnum):
    """What a code names, from its depth; the budget levels share their values with tree levels."""

    URUSAN = "urusan"
    BIDANG_URUSAN = "bidang_urusan"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"


DEPTH_LEVELS = {
    1: CodeLevel.URUSAN,
    2: CodeLevel.BIDANG_URUSAN,
    3: CodeLevel.PROGRAM,
    5: CodeLevel.KEGIATAN,
    6: CodeLevel.SUB_KEGIATAN,
}

# Each part as the decisions print it: urusan 1, bidang 06, program 02, kegiatan 2.01,
# sub kegiatan 0001. `X` and `XX` stand for any urusan and bidang in the PENUNJANG block.
_URUSAN = re.compile(r"^(\d|X)$")
_TWO = re.compile(r"^(\d{2}|XX)$")
_DIGITS = re.compile(r"^\d+$")


@lru_cache(maxsize=4096)
def canonical(code: str) -> str | None:
    """The code as the list writes it, or None when the text is no nomenclature code.

    Accepts what other systems write: a padded kegiatan part (`1.06.02.02.03`), the kegiatan
    run together (`1.06.02.203`), a two-digit sub kegiatan (`….01`), spaces around the dots.
    """
    parts = [part.strip().upper() for part in code.strip().split(".")]
    if len(parts) >= 4 and len(parts[3]) == 3 and _DIGITS.match(parts[3]):
        parts[3:4] = [parts[3][0], parts[3][1:]]  # 201 -> 2.01
    if len(parts) not in DEPTH_LEVELS or not _URUSAN.match(parts[0]):
        return None
    if len(parts) >= 2 and not _TWO.match(parts[1]):
        return None
    if len(parts) >= 3 and not (len(parts[2]) == 2 and _DIGITS.match(parts[2])):
        return None
    if len(parts) >= 5:
        kind, number = parts[3].lstrip("0") or "0", parts[4]
        if len(kind) != 1 or not _DIGITS.match(kind) or not re.match(r"^\d{2}$", number):
            return None
        parts[3] = kind
    if len(parts) == 6:
        if not _DIGITS.match(parts[5]) or len(parts[5]) not in (2, 4):
            return None
        parts[5] = parts[5].zfill(4)
    return ".".join(parts)


def level_of(code: str) -> CodeLevel:
    """The level a canonical code names, read from its depth."""
    return DEPTH_LEVELS[code.count(".") + 1]


def parent_of(code: str) -> str | None:
    """The code one level up (a sub kegiatan's kegiatan, a kegiatan's program …)."""
    parts = code.split(".")
    if len(parts) == 1:
        return None
    cut = {2: 1, 3: 2, 5: 3, 6: 5}[len(parts)]
    return ".".join(parts[:cut])


def in_list(code: str) -> str:
    """Where the list keeps a canonical code: any bidang's program 01 lives in the shared block."""
    parts = code.split(".")
    if len(parts) >= 3 and parts[2] == PENUNJANG_PROGRAM:
        return ".".join([SHARED_BIDANG, *parts[2:]])
    return code


def bidang_of(code: str) -> str | None:
    """The bidang urusan a canonical code belongs to (`1.06` for `1.06.02.2.01`)."""
    parts = code.split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 else None


def coverage_key(code: str) -> str | None:
    """What the list's coverage is recorded under: the bidang, or the shared block."""
    stored = in_list(code)
    return bidang_of(stored)

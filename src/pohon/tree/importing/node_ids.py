"""Ids a person could have written: `keg-1.06.02.2.01` from a code, `ss-meningkatnya-…` from words."""

from __future__ import annotations

import re
import unicodedata

from pohon.core.vocabulary import Level

PREFIX = {
    Level.VISI: "visi", Level.MISI: "misi", Level.TUJUAN_RPJMD: "tujuan-rpjmd",
    Level.SASARAN_RPJMD: "sasaran-rpjmd", Level.TUJUAN_OPD: "tujuan", Level.SASARAN_STRATEGIS: "ss",
    Level.SASARAN_ANTARA: "sa", Level.PROGRAM: "prog", Level.KEGIATAN: "keg",
    Level.SUB_KEGIATAN: "subkeg",
}  # fmt: skip
_WORDS = 4


def slug(text: str, words: int = _WORDS) -> str:
    """Lowercase ascii words joined by hyphens: `Meningkatnya Kualitas (PSKS)` → `meningkatnya-kualitas-psks`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    found = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(found[:words])


class IdMaker:
    """Unique ids in sheet order: the same sheet gives the same ids on every import."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = set(taken or ())

    def make(self, level: Level, code: str | None, words: str) -> str:
        base = f"{PREFIX[level]}-{code}" if code else f"{PREFIX[level]}-{slug(words) or 'simpul'}"
        base = re.sub(r"[^A-Za-z0-9_.-]", "-", base)[:90]
        made, count = base, 1
        while made in self.taken:
            count += 1
            made = f"{base}-{count}"
        self.taken.add(made)
        return made

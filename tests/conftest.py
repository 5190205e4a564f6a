"""Shared helpers: writing small trees, comparing with golden files."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAMUJU = ROOT / "data" / "dinsos_mamuju.yaml"
UPDATE_GOLDEN = os.environ.get("POHON_UPDATE_GOLDEN") == "1"

HEADER = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial
  periode: {awal: 2021, akhir: 2026}
jabatan:
  kadis: {nama: Kepala Dinas Sosial, eselon: II}
"""


def tree_text(nodes: str) -> str:
    """A whole tree file around a `simpul:` list written at column 0."""
    return HEADER + "simpul:\n" + textwrap.indent(textwrap.dedent(nodes).strip("\n"), "  ") + "\n"


def assert_golden(actual: str, golden: Path) -> None:
    """Compare with a golden file; `POHON_UPDATE_GOLDEN=1` rewrites it instead."""
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with POHON_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.fixture
def write_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Write a tree file (from a `simpul:` snippet, or whole text) in a fresh folder; cwd there."""
    monkeypatch.chdir(tmp_path)

    def write(nodes: str = "", *, whole: str | None = None, name: str = "tree.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(whole if whole is not None else tree_text(nodes), encoding="utf-8")
        return path

    return write

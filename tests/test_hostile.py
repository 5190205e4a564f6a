"""The hostile corpus (tests/hostile/cases.yaml): every bad input gets one clear line, no traceback."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from pohon.cli import main

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "hostile" / "cases.yaml").read_text(encoding="utf-8")
)
HEADER = (
    "format: pohon/1\n"
    "meta:\n"
    "  pemda: Kabupaten Contoh\n"
    "  opd: Dinas Sosial\n"
    "  periode: {awal: 2024, akhir: 2026}\n"
)
PROBLEM = re.compile(r"^(\S+: error \S+ |pohon: )")
AFTERWORDS = ("pohon: nothing written", "pohon: not exported")


def _alias_bomb(folder: Path) -> None:
    lines = [HEADER + 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (folder / "tree.yaml").write_text("\n".join(lines) + "\n")


def _deep_flow(folder: Path) -> None:
    (folder / "tree.yaml").write_text("format: pohon/1\nmeta: " + "[" * 10_000 + "]" * 10_000)


def _deep_block(folder: Path) -> None:
    # `- - - x` nests block lists on one line: 10,000 levels in 20 kB
    (folder / "tree.yaml").write_text("format: pohon/1\nsimpul:\n" + "- " * 10_000 + "x\n")


def _deep_100(folder: Path) -> None:
    (folder / "tree.yaml").write_text("format: pohon/1\nmeta: " + "[" * 100 + "]" * 100 + "\n")


def _huge_file(folder: Path) -> None:
    with (folder / "tree.yaml").open("wb") as stream:
        stream.write(HEADER.encode())
        stream.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing on the disk


def _huge_statement(folder: Path) -> None:
    node = "simpul:\n  - id: tujuan\n    tingkat: tujuan_opd\n    pernyataan: "
    (folder / "tree.yaml").write_text(HEADER + node + "a" * 2**20 + "\n")


def _file_outside(folder: Path) -> None:
    (folder.parent / "outside.yaml").write_text("format: pohon/1\ninduk: tujuan\nsimpul: []\n")


def _symlink_loop(folder: Path) -> None:
    (folder / "bagian.yaml").symlink_to("bagian.yaml")


def _main_symlink_loop(folder: Path) -> None:
    (folder / "tree.yaml").symlink_to("tree.yaml")


def _folder_loop(folder: Path) -> None:
    (folder / "bagian" / "lagi").symlink_to("..")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "tree.yaml")


def _unreadable_main(folder: Path) -> None:
    (folder / "tree.yaml").chmod(0)


def _unreadable_part(folder: Path) -> None:
    (folder / "bagian" / "a.yaml").chmod(0)


MAKERS: dict[str, Callable[[Path], None]] = {
    "alias_bomb": _alias_bomb,
    "deep_flow": _deep_flow,
    "deep_block": _deep_block,
    "deep_100": _deep_100,
    "huge_file": _huge_file,
    "huge_statement": _huge_statement,
    "file_outside": _file_outside,
    "symlink_loop": _symlink_loop,
    "main_symlink_loop": _main_symlink_loop,
    "folder_loop": _folder_loop,
    "fifo": _fifo,
    "unreadable_main": _unreadable_main,
    "unreadable_part": _unreadable_part,
}


def _prepare(case: dict[str, Any], folder: Path) -> None:
    if case.get("unless_root") and os.geteuid() == 0:
        pytest.skip(f"running as root: {case['unless_root']}")
    for name, text in (case.get("files") or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(case.get("encoding", "utf-8")))
    if "make" in case:
        MAKERS[case["make"]](folder)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_hostile_input(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "opd"
    folder.mkdir()
    _prepare(case, folder)
    monkeypatch.chdir(folder)
    try:
        result = CliRunner().invoke(main, case.get("args", ["validate", "tree.yaml"]))
    finally:
        for path in folder.rglob("*"):  # let pytest clean up what was made unreadable
            if not path.is_symlink():
                path.chmod(0o755)
    output = result.stdout + result.stderr
    problems = [
        line
        for line in output.splitlines()
        if PROBLEM.match(line) and not line.startswith(AFTERWORDS)
    ]
    assert "Traceback" not in output and "internal error" not in output, output
    assert result.exit_code == case["exit"], output
    assert len(problems) == case.get("lines", 1), output
    if problems:
        named = [line for line in problems if line.startswith(case["expect"])]
        assert any(case.get("says", "") in line for line in named), output


def test_the_corpus_covers_enough_cases() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "two cases share a name"
    assert len(names) >= 40
    assert all(case["make"] in MAKERS for case in CASES if "make" in case)

"""The hostile corpus (tests/hostile/cases.yaml): every bad input gets one clear line, no traceback."""

from __future__ import annotations

import os
import re
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from conftest import in_english
from hostile_outputs import OUTPUT_MAKERS
from pohon.cli import main
from pohon.core.finding_ids import LoaderCheck
from pohon.source import limits
from pohon.tree.assemble import load_tree

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
LOADER_RULES = set(LoaderCheck)
PROBLEM = re.compile(r"^(\S+: error \S+ |pohon: |Error: )")
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


def _linked_main(folder: Path) -> None:
    real = folder.parent / "elsewhere" / "tree.yaml"
    real.parent.mkdir()
    real.write_text(CASES[0]["files"]["tree.yaml"] + "sertakan: [bagian/*.yaml]\n")
    (folder / "tree.yaml").symlink_to(real)


def _link_to_root(folder: Path) -> None:
    (folder / "bagian" / "disk").symlink_to("/")


def _disk_link_here(folder: Path) -> None:
    (folder / "disk").symlink_to("/")


def _folder_loop(folder: Path) -> None:
    (folder / "bagian" / "lagi").symlink_to("..")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "tree.yaml")


def _proc_mem(folder: Path) -> None:
    if not Path("/proc/self/mem").exists():
        pytest.skip("no /proc/self/mem here (not Linux)")
    (folder / "tree.yaml").symlink_to("/proc/self/mem")


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
    "link_to_root": _link_to_root,
    "disk_link_here": _disk_link_here,
    "linked_main": _linked_main,
    "fifo": _fifo,
    "unreadable_main": _unreadable_main,
    "proc_mem": _proc_mem,
    "unreadable_part": _unreadable_part,
}


MAKERS.update(OUTPUT_MAKERS)


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
        result = CliRunner().invoke(main, in_english(case.get("args", ["validate", "tree.yaml"])))
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
    assert case.get("shows", "") in output, output
    assert not [name for name in case.get("absent", []) if os.path.lexists(folder / name)], output
    for name in case.get("unchanged", []):  # a file of the case's own, left byte for byte
        assert (folder / name).read_bytes() == case["files"][name].encode(), name


BAD_CONTENT = [case for case in CASES if case["exit"] == 1 and "args" not in case]


@pytest.mark.parametrize("case", BAD_CONTENT, ids=[case["name"] for case in BAD_CONTENT])
@pytest.mark.parametrize("command", ["render", "export"])
def test_render_and_export_refuse_the_same_bad_content(
    case: dict[str, Any], command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "opd"
    folder.mkdir()
    _prepare(case, folder)
    monkeypatch.chdir(folder)
    extra = ["--out", "build"] if command == "render" else []
    result = CliRunner().invoke(main, [command, "--lang", "en", "tree.yaml", *extra])
    assert "Traceback" not in result.output and "internal error" not in result.output
    # Rule errors too: render prints them as validate does and writes nothing, as export does.
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(case["expect"]) or case["expect"] in result.stderr
    assert not (folder / "build").exists()


def test_the_corpus_covers_enough_cases() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "two cases share a name"
    assert len(names) >= 40
    assert all(case["make"] in MAKERS for case in CASES if "make" in case)


def test_an_unreadable_part_is_named_where_it_is_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads a file of mode 000, so the refusal is made here: the part cannot be opened.
    _parts(tmp_path, 2, chained=False)
    real_open = Path.open

    def refuse(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "p2.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--lang", "en", "tree.yaml"])
    assert result.exit_code == 1
    assert result.stdout == (
        "tree.yaml:8:12: error include-missing `p2.yaml` cannot be read (Permission denied)\n"
    )


# --- the limits that no small file reaches, tried with the limits lowered ----------------------


def _parts(folder: Path, count: int, *, chained: bool) -> None:
    """The base tree with `count` parts under its node; each part includes the next (chained)
    or the main file includes them all."""
    pattern = "p1.yaml" if chained else "p*.yaml"
    (folder / "tree.yaml").write_text(
        HEADER + "simpul:\n  - {id: n0, tingkat: tujuan_opd, pernyataan: Meningkatkan A}\n"
        f"sertakan: [{pattern}]\n"
    )
    for number in range(1, count + 1):
        include = f"sertakan: [p{number + 1}.yaml]\n" if chained and number < count else ""
        (folder / f"p{number}.yaml").write_text(
            "format: pohon/1\ninduk: n0\nsimpul:\n"
            f"  - {{id: n{number}, tingkat: sasaran_strategis, pernyataan: Meningkatnya B{number}}}\n"
            + include
        )


def _validate(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["validate", "--lang", "en", "tree.yaml"])
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result.exit_code, [line for line in result.stdout.splitlines() if " too-large " in line]


def test_a_chain_of_parts_longer_than_the_recursion_limit_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _parts(tmp_path, 400, chained=True)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(250)  # each part is included by the one before: 400 deep
    try:
        code, _ = _validate(tmp_path, monkeypatch)
    finally:
        sys.setrecursionlimit(limit)
    assert code == 0


def test_the_node_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_NODES", 3)
    _parts(tmp_path, 3, chained=False)
    code, lines = _validate(tmp_path, monkeypatch)
    assert code == 1
    assert lines == [
        "tree.yaml: error too-large the tree has 4 nodes; pohon draws trees of up to 3 nodes "
        "(the limit): render one agency's tree at a time"
    ]


def test_the_file_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILES", 3)
    _parts(tmp_path, 5, chained=False)
    code, lines = _validate(tmp_path, monkeypatch)
    assert code == 1
    assert lines == [
        "tree.yaml:8:12: error too-large a tree may include at most 3 files (the limit)"
    ]


def test_the_limit_of_the_whole_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TREE_BYTES", 2**20)
    _parts(tmp_path, 3, chained=False)
    with (tmp_path / "p1.yaml").open("a") as stream:
        stream.write("# " + "x" * 2**20 + "\n")  # a part of just over 1 MB, comments and all
    code, lines = _validate(tmp_path, monkeypatch)
    assert code == 1
    assert lines == [
        "tree.yaml:8:12: error too-large the tree's files hold more than 1 MB together "
        "(the limit): the rest of its parts were not read"
    ]


def test_docs_list_every_limit_with_its_value() -> None:
    text = (Path(__file__).parent.parent / "docs" / "limits.md").read_text(encoding="utf-8")
    for name in (name for name in dir(limits) if name.startswith("MAX_")):
        value = getattr(limits, name)
        shown = f"{value // 2**20} MB" if name.endswith("_BYTES") else f"{value:,}"
        row = next((line for line in text.splitlines() if f"(`{name}`)" in line), "")
        assert f"| {shown}" in row, f"docs/limits.md should list {name} as {shown}"


@pytest.mark.parametrize(
    ("maker", "rule"),
    [
        ("alias_bomb", "yaml-tag"),  # an alias is refused where it is first used
        ("deep_flow", "too-deep"),
        ("deep_block", "too-deep"),
        ("huge_file", "too-large"),
        ("huge_statement", "too-large"),
    ],
)
def test_hostile_sizes_are_refused_in_bounded_memory(tmp_path: Path, maker: str, rule: str) -> None:
    MAKERS[maker](tmp_path)
    tracemalloc.start()
    try:
        findings = load_tree(tmp_path / "tree.yaml").findings
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [f.rule for f in findings] == [rule]
    # Expanding the aliases, or building 10,000 levels, would take hundreds of MB.
    assert peak < 20 * 2**20, f"{peak / 2**20:.0f} MB"

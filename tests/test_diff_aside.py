"""`pohon diff` reads its older side in a worker: the same tree, the same messages, no worker left.

The worker records each file's data (tree/assemble_replay.py) and this process replays the
reads through the loader: the tree must equal the one read here, node by node and origin by
origin; a side that does not load is read here again, so its messages are the same and come
in the same order as without the worker.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT, in_english
from pohon.cli import main
from pohon.commands.diff_aside import Aside
from pohon.tree.assemble import load_tree
from pohon.tree.assemble_replay import recorded, replayed

MAMUJU = Path("data/dinsos_mamuju.yaml")
BEFORE, AFTER = "tests/fixtures/diff/before.yaml", "tests/fixtures/diff/after.yaml"


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _split_tree(folder: Path) -> Path:
    """A main file and two parts, one of them including the other."""
    (folder / "bagian").mkdir(parents=True)
    (folder / "pohon.yaml").write_text(
        "format: pohon/1\nmeta: {pemda: Kab. Contoh, opd: Dinas Sosial, "
        "periode: {awal: 2025, akhir: 2029}}\nsertakan: [bagian/program.yaml]\nsimpul:\n"
        "  - id: tujuan-1\n    tingkat: tujuan_opd\n    pernyataan: Meningkatnya kesejahteraan\n"
        "    indikator: [{nama: Indeks kesejahteraan, target: {2025: '1,10'}}]\n",
        encoding="utf-8",
    )
    (folder / "bagian" / "program.yaml").write_text(
        "format: pohon/1\ninduk: tujuan-1\nsertakan: [kegiatan.yaml]\nsimpul:\n"
        "  - id: program-1\n    tingkat: program\n    nama: Program Rehabilitasi Sosial\n"
        "    pagu: {2025: 11.080.481.999}\n",
        encoding="utf-8",
    )
    (folder / "bagian" / "kegiatan.yaml").write_text(
        "format: pohon/1\ninduk: program-1\nsimpul:\n"
        "  - id: kegiatan-1\n    tingkat: kegiatan\n    nama: Rehabilitasi Sosial Dasar\n",
        encoding="utf-8",
    )
    return folder / "pohon.yaml"


def _same_trees(path: Path) -> None:
    read = load_tree(path)
    assert read.tree is not None and not read.findings
    again = replayed(path, recorded(path))
    assert again is not None
    assert again == read.tree  # fields and private attributes (each node's origin)
    pairs = list(zip(again.walk(), read.tree.walk(), strict=True))
    assert pairs and all(a._origin == b._origin and a._origin is not None for a, b in pairs)
    indicators = [(a.indicators, b.indicators) for a, b in pairs]
    assert all(
        x._origin == y._origin
        for mine, theirs in indicators
        for x, y in zip(mine, theirs, strict=True)
    )


def test_the_replayed_tree_is_the_tree_read() -> None:
    _same_trees(MAMUJU)


def test_the_replayed_tree_of_parts_is_the_tree_read(tmp_path: Path) -> None:
    _same_trees(_split_tree(tmp_path))


def test_a_tree_with_findings_is_not_recorded(tmp_path: Path) -> None:
    main_file = _split_tree(tmp_path)
    (tmp_path / "bagian" / "kegiatan.yaml").write_text(
        "format: pohon/1\ninduk: program-1\nsimpul:\n  - id: kegiatan-1\n", encoding="utf-8"
    )
    assert recorded(main_file) == b""
    assert replayed(main_file, b"") is None


def test_a_replay_that_reads_other_files_gives_no_tree(tmp_path: Path) -> None:
    main_file = _split_tree(tmp_path / "one")
    reads = recorded(main_file)
    other = shutil.copytree(tmp_path / "one", tmp_path / "two") / "pohon.yaml"
    assert replayed(other, reads) is None
    assert replayed(main_file, reads) == load_tree(main_file).tree


def test_the_worker_reads_the_tree() -> None:
    with Aside(MAMUJU) as aside:
        assert aside.pid is not None  # these machines have two cores
        tree = aside.tree()
    assert tree is not None and tree == load_tree(MAMUJU).tree


def test_a_worker_not_waited_for_is_ended() -> None:
    with pytest.raises(KeyboardInterrupt), Aside(MAMUJU) as aside:
        pid = aside.pid
        assert pid is not None
        raise KeyboardInterrupt  # Ctrl-C while this process read the other side
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no worker left behind, not even a zombie


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, in_english(["diff", *args]))


def test_a_broken_older_side_gives_its_message_first(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: pohon/1\nmeta: [\n", encoding="utf-8")
    missing = str(tmp_path / "nothing.yaml")
    for new in (AFTER, missing, str(broken)):
        result = _run(str(broken), new)
        assert result.exit_code == 2, new
        first = result.output.splitlines()[0]
        assert first.startswith(f"{broken}:3:1: error") or first.startswith(f"{broken}:2:"), first
        assert "nothing.yaml" not in result.output and "Traceback" not in result.output


def test_a_broken_newer_side_after_a_good_older_one() -> None:
    result = _run(BEFORE, "tests/fixtures/diff/nothing.yaml")
    assert result.exit_code == 2 and "nothing.yaml" in result.output

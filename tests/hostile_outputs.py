"""Makers of hostile output folders for the corpus (tests/hostile/cases.yaml, `make:`).

Each builds, beside the case's tree, an output folder that a committed repository, a
hand edit or a killed render could leave: links that lead out of it, pipes and devices
among its files, pages pohon never wrote, a stopped render's staged copies.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from pohon.cli import main

MANIFEST = ".pohon-manifest.json"


def _render(folder: Path, out: str = "situs") -> Path:
    result = CliRunner().invoke(
        main,  # in English, as the cases' own command runs (tests/test_hostile.py)
        ["render", "--lang", "en", str(folder / "tree.yaml"), "--out", str(folder / out)],
    )
    assert result.exit_code == 0, result.output
    return folder / out


def _manifest_through_a_link(folder: Path) -> None:
    """A committed `situs/up -> ..` and a manifest naming `up/victim.txt` with its true hash."""
    situs = _render(folder)
    victim = folder / "victim.txt"
    victim.write_text("a file beside the output folder\n")
    (situs / "up").symlink_to("..")
    listed = json.loads((situs / MANIFEST).read_text())
    listed["files"].append("up/victim.txt")
    listed["hashes"]["up/victim.txt"] = hashlib.sha256(victim.read_bytes()).hexdigest()
    (situs / MANIFEST).write_text(json.dumps(listed))


def _tree_folder_is_a_link_out(folder: Path) -> None:
    """`situs/tree -> ..`: writing the tree's pages would write beside the output folder."""
    (folder / "situs").mkdir()
    (folder / "situs" / "tree").symlink_to("..")


def _pipe_among_the_outputs(folder: Path) -> None:
    situs = _render(folder)
    (situs / "tree" / "index.html").unlink()
    os.mkfifo(situs / "tree" / "index.html")


def _manifest_is_a_pipe(folder: Path) -> None:
    situs = _render(folder)
    (situs / MANIFEST).unlink()
    os.mkfifo(situs / MANIFEST)


def _output_links_to_dev_zero(folder: Path) -> None:
    situs = _render(folder)
    (situs / "tree" / "index.html").unlink()
    (situs / "tree" / "index.html").symlink_to("/dev/zero")


def _page_added_to_the_site(folder: Path) -> None:
    situs = _render(folder)
    (situs / "tree" / "laporan" / "promo.html").write_text("<script>alert(1)</script>\n")


def _staged_copy_left(folder: Path) -> None:
    """What a render killed while staging leaves: a staged copy beside its target."""
    situs = _render(folder)
    (situs / "tree" / ".index.html.pohon-tmp").write_text("half a page")


def _output_became_a_folder(folder: Path) -> None:
    situs = _render(folder)
    (folder / "tree.yaml").write_text(
        (folder / "tree.yaml").read_text().replace("sosial", "Sosial")
    )
    (situs / "tree" / "index.html").unlink()
    (situs / "tree" / "index.html").mkdir()


def _report_edited_by_hand(folder: Path) -> None:
    situs = _render(folder)
    (folder / "tree.yaml").write_text(
        (folder / "tree.yaml").read_text().replace("sosial", "Sosial")
    )
    (situs / "tree" / "README.md").write_text("# Catatan rapat, ditulis tangan\n")


OUTPUT_MAKERS: dict[str, Callable[[Path], None]] = {
    "manifest_through_a_link": _manifest_through_a_link,
    "tree_folder_is_a_link_out": _tree_folder_is_a_link_out,
    "pipe_among_the_outputs": _pipe_among_the_outputs,
    "manifest_is_a_pipe": _manifest_is_a_pipe,
    "output_links_to_dev_zero": _output_links_to_dev_zero,
    "page_added_to_the_site": _page_added_to_the_site,
    "staged_copy_left": _staged_copy_left,
    "output_became_a_folder": _output_became_a_folder,
    "report_edited_by_hand": _report_edited_by_hand,
}

"""A re-render reads only the trees whose files changed: the others come whole from the output folder.

Every file a render reads and parses is logged (the loader's `read`, which parses each
file's YAML); after each change the output folder is compared byte for byte, the top
index and the manifest included, with a clean `--force` render of the same trees.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import ROOT, tree_text
from pohon.cli import main
from pohon.render.pipeline import _title
from pohon.render.tree_inputs import inputs_of
from pohon.source.files import display_path
from pohon.tree import assemble
from pohon.write.output_folder import MANIFEST

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"
TREES = ["kinerja.yaml", "contoh.yaml"]  # the first is kept in parts, the second in one file
FAST = ["--format", "dot"]  # no engine: what is read is the question here, not what is drawn

PART = """\
format: pohon/1
induk: ss
simpul:
  - id: prog-{n}
    tingkat: program
    nama: PROGRAM {n}
    pernyataan: Meningkatnya layanan {n}
    anak:
      - id: keg-{n}
        tingkat: kegiatan
        nama: Kegiatan {n}
        pernyataan: Meningkatnya layanan kegiatan {n}
"""


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose YAML the loader reads and parses, in order, as the user would name them."""
    files: list[str] = []
    real = assemble._Loader.read

    def logged(self: assemble._Loader, path: Path) -> object:
        files.append(display_path(path))
        return real(self, path)

    monkeypatch.setattr(assemble._Loader, "read", logged)
    return files


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two trees: `kinerja.yaml` with its programs in `program/*.yaml`, and `contoh.yaml`."""
    monkeypatch.chdir(tmp_path)
    Path("program").mkdir()
    for n in ("a", "b"):
        Path(f"program/{n}.yaml").write_text(PART.format(n=n), encoding="utf-8")
    Path("kinerja.yaml").write_text(
        tree_text(
            """
            - id: ss
              tingkat: sasaran_strategis
              pernyataan: Meningkatnya kesejahteraan sosial
            """
        )
        + "sertakan: [program/*.yaml]\n",
        encoding="utf-8",
    )
    shutil.copy(SMALL, "contoh.yaml")
    return tmp_path


def render(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(main, ["render", "--lang", "en", *args])
    assert result.exit_code == code, result.output
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def clean(*args: str) -> dict[str, bytes]:
    shutil.rmtree("clean", ignore_errors=True)
    render(*TREES, "--out", "clean", "--force", *args)
    return snapshot(Path("clean"))


def edit(path: str, old: str, new: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    Path(path).write_text(text.replace(old, new), encoding="utf-8")


def first_render(parsed: list[str], *args: str) -> None:
    render(*TREES, "--out", "build", *args)
    assert sorted(parsed) == ["contoh.yaml", "kinerja.yaml", "program/a.yaml", "program/b.yaml"]
    parsed.clear()


def test_nothing_changed_parses_no_tree(project: Path, parsed: list[str]) -> None:
    first_render(parsed)
    before = snapshot(Path("build"))
    result = render(*TREES, "--out", "build")
    assert parsed == []
    assert "(0 changed)" in result.stderr
    assert snapshot(Path("build")) == before == clean()


@pytest.mark.parametrize(
    ("change", "read"),
    [
        (
            lambda: edit("kinerja.yaml", "Meningkatnya kesejahteraan", "Meningkatnya taraf"),
            ["kinerja.yaml", "program/a.yaml", "program/b.yaml"],
        ),
        (
            lambda: edit("program/b.yaml", "PROGRAM b", "PROGRAM BARU"),
            ["kinerja.yaml", "program/a.yaml", "program/b.yaml"],
        ),
        (
            lambda: Path("program/c.yaml").write_text(PART.format(n="c"), encoding="utf-8"),
            ["kinerja.yaml", "program/a.yaml", "program/b.yaml", "program/c.yaml"],
        ),
        (lambda: Path("program/b.yaml").unlink(), ["kinerja.yaml", "program/a.yaml"]),
        (lambda: edit("contoh.yaml", "CONTOH MAJU", "CONTOH JAYA"), ["contoh.yaml"]),
    ],
    ids=["main-file", "part-file", "new-file-matching-a-pattern", "removed-part", "other-tree"],
)
def test_a_changed_file_rereads_its_tree_alone(
    project: Path, parsed: list[str], change: object, read: list[str]
) -> None:
    first_render(parsed, *FAST)
    assert callable(change)
    change()
    render(*TREES, "--out", "build", *FAST)
    assert parsed == read
    after = snapshot(Path("build"))
    assert after == clean(*FAST)
    assert after["index.html"] == snapshot(Path("clean"))["index.html"]


def test_the_top_index_of_a_reread_tree_beside_a_skipped_one_is_the_full_renders(
    project: Path, parsed: list[str]
) -> None:
    """With drawn pages, and a title that changed: the skipped tree's title comes from the manifest."""
    first_render(parsed)
    edit("kinerja.yaml", "pemda: Kabupaten Contoh", "pemda: Kabupaten Teladan")
    render(*TREES, "--out", "build")
    assert parsed == ["kinerja.yaml", "program/a.yaml", "program/b.yaml"]
    index = Path("build/index.html").read_text(encoding="utf-8")
    assert "Kabupaten Teladan" in index and "Kabupaten Contoh" in index
    assert snapshot(Path("build")) == clean()


def test_a_changed_rule_severity_rereads_every_tree(project: Path, parsed: list[str]) -> None:
    first_render(parsed, *FAST)
    Path("pohon.toml").write_text('[rules]\nactivity-statement = "off"\n', encoding="utf-8")
    render(*TREES, "--out", "build", *FAST)
    assert sorted(parsed) == ["contoh.yaml", "kinerja.yaml", "program/a.yaml", "program/b.yaml"]
    assert snapshot(Path("build")) == clean(*FAST)


def test_a_removed_or_edited_output_rereads_its_tree(project: Path, parsed: list[str]) -> None:
    first_render(parsed, *FAST)
    expected = snapshot(Path("build"))
    Path("build/contoh/laporan/iku.md").unlink()
    render(*TREES, "--out", "build", *FAST)
    assert parsed == ["contoh.yaml"]
    assert snapshot(Path("build")) == expected
    parsed.clear()
    report = Path("build/kinerja/laporan/matriks-cascading.md")
    report.write_text("edited\n", encoding="utf-8")
    refused = render(*TREES, "--out", "build", *FAST, code=2)
    assert parsed == ["kinerja.yaml", "program/a.yaml", "program/b.yaml"]
    assert f"{report}: was not written by pohon, or was changed since" in refused.stderr


def test_force_check_and_an_old_manifest_read_every_tree(project: Path, parsed: list[str]) -> None:
    every = ["contoh.yaml", "kinerja.yaml", "program/a.yaml", "program/b.yaml"]
    first_render(parsed, *FAST)
    render(*TREES, "--out", "build", *FAST, "--check")
    assert sorted(parsed) == every, "--check trusts nothing in the folder it checks"
    parsed.clear()
    render(*TREES, "--out", "build", *FAST, "--force")
    assert sorted(parsed) == every
    parsed.clear()
    manifest = Path("build", MANIFEST)
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    del listed["inputs"]  # the manifest of a pohon before this one
    manifest.write_text(json.dumps(listed), encoding="utf-8")
    render(*TREES, "--out", "build", *FAST)
    assert sorted(parsed) == every
    assert snapshot(Path("build")) == clean(*FAST)


@pytest.mark.parametrize(
    "tampered",
    [
        lambda inputs: inputs["contoh"]["title"]["meta"].update(periode="not a period"),
        lambda inputs: inputs["contoh"].update(patterns="not a list"),
        lambda inputs: inputs["contoh"]["files"].update({"contoh.yaml": "0" * 64}),
        lambda inputs: inputs["kinerja"]["patterns"][0].__setitem__(1, "program/a.yaml"),
    ],
    ids=["title", "patterns", "hash", "pattern"],
)
def test_tampered_inputs_in_the_manifest_mean_reading_the_tree(
    project: Path, parsed: list[str], tampered: object
) -> None:
    first_render(parsed, *FAST)
    expected = snapshot(Path("build"))
    manifest = Path("build", MANIFEST)
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    assert callable(tampered)
    tampered(listed["inputs"])
    manifest.write_text(json.dumps(listed, indent=2) + "\n", encoding="utf-8")
    render(*TREES, "--out", "build", *FAST)
    assert parsed and set(parsed) < {"contoh.yaml", "kinerja.yaml", "program/a.yaml"} | {
        "program/b.yaml"
    }
    assert snapshot(Path("build")) == expected


def test_a_tree_with_errors_beside_a_skipped_one_writes_nothing(
    project: Path, parsed: list[str]
) -> None:
    first_render(parsed, *FAST)
    before = snapshot(Path("build"))
    edit("program/a.yaml", "induk: ss", "induk: nowhere")
    result = render(*TREES, "--out", "build", *FAST, code=1)
    assert parsed == ["kinerja.yaml", "program/a.yaml", "program/b.yaml"]
    assert "program/a.yaml:2:1: error unknown-parent" in result.stderr
    assert "pohon: nothing written" in result.stderr
    assert snapshot(Path("build")) == before


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the logging loader reaches workers by fork",
)
def test_the_trees_left_to_read_go_to_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four changed trees of five at -j 2: those four are rendered in workers, one is skipped."""
    monkeypatch.chdir(tmp_path)
    log = tmp_path / "read.log"
    real = assemble._Loader.read

    def logged(self: assemble._Loader, path: Path) -> object:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(display_path(path) + "\n")
        return real(self, path)

    monkeypatch.setattr(assemble._Loader, "read", logged)
    names = [str(shutil.copy(SMALL, f"t{n}.yaml")) for n in range(5)]
    render(*names, "--out", "build", "-j", "2", *FAST)
    log.unlink()
    for name in names[1:]:
        edit(name, "CONTOH MAJU", f"CONTOH {name}")
    render(*names, "--out", "build", "-j", "2", *FAST)
    assert sorted(log.read_text(encoding="utf-8").split()) == names[1:]
    built = snapshot(Path("build"))
    render(*names, "--out", "clean", "-j", "1", "--force", *FAST)
    assert snapshot(Path("clean")) == built


@pytest.mark.parametrize(
    "tree", [ROOT / "data" / "dinsos_mamuju.yaml", SMALL], ids=["mamuju", "small"]
)
def test_a_title_comes_back_from_the_manifest_as_it_was(tree: Path) -> None:
    """A title that does not survive its JSON is not recorded: its tree would always be read."""
    load = assemble.load_tree(tree)
    assert load.tree is not None
    inputs = inputs_of(load, _title(load.tree))
    assert inputs is not None and list(inputs.files) == [display_path(tree)]

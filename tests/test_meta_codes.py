"""The OPD's code and the region's code in `meta`: checked, and named in every report heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import HEADER, render_one, tree_text
from pohon.check.validate_trees import check_path
from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.model import Tree

CODES = '  kode_opd: "1.06.0.00.0.00.01.0000"\n  kode_wilayah: "35.10"\n'
NODES = (
    "- {id: tujuan, tingkat: tujuan_opd, pernyataan: Meningkatkan A, indikator: [{nama: Indeks A}]}"
)


def _tree(tmp_path: Path, codes: str) -> Tree:
    path = tmp_path / "tree.yaml"
    path.write_text(
        tree_text(NODES).replace(HEADER, HEADER.replace("jabatan:", codes + "jabatan:"))
    )
    checked = check_path(path, Config())
    assert checked.findings == [] and checked.load.tree is not None
    return checked.load.tree


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "id",
            "Kode OPD 1.06.0.00.0.00.01.0000 · Kode wilayah 35.10",
        ),
        (
            "en",
            "OPD code 1.06.0.00.0.00.01.0000 · Region code 35.10",
        ),
    ],
)
def test_every_report_heading_names_the_codes(tmp_path: Path, lang: str, line: str) -> None:
    files = render_one(_tree(tmp_path, CODES), RenderOptions(formats=("dot",), lang=lang))
    pages = {name: data.decode() for name, data in files.items() if name.endswith((".html", ".md"))}
    assert len(pages) >= 8
    for name, text in pages.items():
        assert line in text, name


def test_without_codes_the_heading_is_as_before(tmp_path: Path) -> None:
    files = render_one(_tree(tmp_path, ""), RenderOptions(formats=("dot",)))
    text = files["laporan/matriks-cascading.md"].decode()
    assert "Dinas Sosial · Kabupaten Contoh" in text and "Kode OPD" not in text


def test_the_urusan_and_bidang_of_the_opd_code_are_named_from_the_list(tmp_path: Path) -> None:
    # No node has a code: what the heading names comes from `kode_opd` alone.
    two = '  kode_opd: "1.01.2.22.0.00.01.0000"\n'
    files = render_one(_tree(tmp_path, two), RenderOptions(formats=("dot",)))
    text = files["laporan/matriks-cascading.md"].decode()
    assert "1.01 URUSAN PEMERINTAHAN BIDANG PENDIDIKAN" in text
    assert "2.22 URUSAN PEMERINTAHAN BIDANG KEBUDAYAAN" in text
    assert "Kode OPD 1.01.2.22.0.00.01.0000" in text


@pytest.mark.parametrize("code", ["35", "35.10", "96.71"])
def test_a_province_or_a_kabupaten_kota_code_is_taken(tmp_path: Path, code: str) -> None:
    _tree(tmp_path, f'  kode_wilayah: "{code}"\n')


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("kode_wilayah", "3510"),
        ("kode_wilayah", "35.10.01"),
        ("kode_wilayah", "٣٥.١٠"),  # digits of another script: the editor takes 0-9 only
        ("kode_opd", "1.06"),
        ("kode_opd", "9.06.0.00.0.00.01.0000"),
        ("kode_opd", "1.06.0.00.0.00.01.000"),
    ],
)
def test_a_code_of_another_shape_is_refused_with_the_shape_to_write(
    tmp_path: Path, key: str, code: str
) -> None:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(NODES).replace("jabatan:", f'  {key}: "{code}"\njabatan:', 1))
    findings = check_path(path, Config()).findings
    assert [(f.rule, f.line) for f in findings] == [("schema", 6)]
    assert f"`{key}` is `{code}`, not the shape of" in findings[0].message
    assert 'write it like `"' in findings[0].message


@pytest.mark.parametrize(
    ("key", "code", "taken"),
    [
        ("kode_wilayah", "35.10", True),
        ("kode_wilayah", "3510", False),
        ("kode_opd", "1.06.0.00.0.00.01.0000", True),
        ("kode_opd", "1.06.01", False),
    ],
)
def test_the_editor_takes_the_codes_the_checker_takes(key: str, code: str, taken: bool) -> None:
    import jsonschema

    from editor_yaml import load_as_editor
    from pohon.commands.editor_schema import build_schema

    text = tree_text(NODES).replace("jabatan:", f'  {key}: "{code}"\njabatan:', 1)
    errors = list(jsonschema.Draft7Validator(build_schema()).iter_errors(load_as_editor(text)))
    assert (errors == []) is taken

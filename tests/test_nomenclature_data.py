"""The bundled nomenclature holds together: codes, parents, versions, sources, and the docs' numbers."""

from __future__ import annotations

import csv
import re
from collections import Counter
from importlib.resources import files

import pytest

from conftest import ROOT
from pohon.source.nomenclature.codes import CodeLevel, canonical, in_list, level_of, parent_of
from pohon.source.nomenclature.in_force import find_version, in_force
from pohon.source.nomenclature.lists import ENTRY_FILES, bundled
from pohon.source.nomenclature.reference import Entry

LIST = bundled()
DATA = files("pohon.source.nomenclature") / "data"


def test_the_versions_follow_each_other_in_the_order_of_issue() -> None:
    issued = [version.issued for version in LIST.versions]
    assert issued == sorted(issued) and len(set(issued)) == len(issued)
    assert [v.number for v in LIST.versions] == [
        "Permendagri 90/2019",
        "Kepmendagri 050-3708/2020",
        "Kepmendagri 050-5889/2021",
        "Kepmendagri 900.1.15.5-1317/2023",
        "Kepmendagri 900.1.15.5-3406/2024",
        "Kepmendagri 900.1-2850/2025",
        "Kepmendagri 900.1-861/2026",
    ]
    # the file lists them in that order too, so reading it needs no sorting to be right
    rows = list(csv.DictReader((DATA / "versions.csv").read_text("utf-8").splitlines()))
    assert [row["id"] for row in rows] == [v.id for v in LIST.versions]


@pytest.mark.parametrize("version", LIST.versions, ids=lambda v: v.id)
def test_every_code_is_listed_once_in_each_version(version: object) -> None:
    valid = [e.code for e in LIST.entries if LIST.valid_in(e, version)]  # type: ignore[arg-type]
    assert [code for code, n in Counter(valid).items() if n > 1] == []


def test_every_child_hangs_under_a_listed_parent_whose_code_it_starts_with() -> None:
    codes = {entry.code for entry in LIST.entries}
    orphans = []
    for entry in LIST.entries:
        parent = parent_of(entry.code)
        if parent is None:
            continue
        assert entry.code.startswith(parent + "."), entry.code
        shared_program = parent.startswith("X.XX") and parent.count(".") == 1
        if parent not in codes and not shared_program:
            orphans.append(entry.code)
    assert orphans == []


def test_every_entry_is_written_as_its_level_and_names_known_sources_and_versions() -> None:
    ids = {version.id for version in LIST.versions}
    for entry in LIST.entries:
        assert canonical(entry.code) == entry.code and in_list(entry.code) == entry.code
        assert level_of(entry.code) is entry.level, entry
        assert entry.name == entry.name.strip() and "  " not in entry.name, entry
        assert entry.sources and set(entry.sources) <= set(LIST.sources), entry
        assert entry.since in ids and entry.deleted_by in ids | {""}, entry
    for source in LIST.sources.values():
        assert re.fullmatch(r"[0-9a-f]{40}", source.commit), source


def test_the_data_files_keep_one_layout_and_the_package_ships_them() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pohon.source.nomenclature" = ["data/*.csv"]' in pyproject
    for name in ENTRY_FILES:
        header = (DATA / name).read_text("utf-8").splitlines()[0]
        assert header == "kode,tingkat,nama,satuan,sejak,dihapus,sumber,catatan", name


def _part(entry: Entry) -> str:
    if entry.level.value in ("urusan", "bidang_urusan"):
        return "urusan dan bidang urusan"
    return {"1.06": "1.06 Sosial", "X.XX": "X.XX.01 PENUNJANG"}[entry.code[:4]]


PARTS = ("urusan dan bidang urusan", "1.06 Sosial", "X.XX.01 PENUNJANG")


def _counts_table() -> list[str]:
    """The table docs/nomenclature.md holds, written from the data."""
    short = [version.number.split(" ", 1)[1] for version in LIST.versions]
    lines = ["| part | level | " + " | ".join(short) + " |", "|---|---|" + "---|" * len(short)]
    for part in PARTS:
        for level in CodeLevel:
            entries = [e for e in LIST.entries if _part(e) == part and e.level is level]
            if entries:
                counts = [sum(LIST.valid_in(e, v) for e in entries) for v in LIST.versions]
                lines.append(f"| {part} | {level.value} | " + " | ".join(map(str, counts)) + " |")
    return lines


def test_the_numbers_in_the_docs_are_the_data_s() -> None:
    text = (ROOT / "docs" / "nomenclature.md").read_text(encoding="utf-8")
    held = text.split("<!-- counts:", 1)[1].split("<!-- end of counts -->")[0].splitlines()[1:]
    assert [line for line in held if line] == _counts_table()


def test_the_docs_name_every_source_and_file() -> None:
    text = (ROOT / "docs" / "nomenclature.md").read_text(encoding="utf-8")
    for source in LIST.sources.values():
        assert source.repository in text and source.commit[:12] in text, source.id
    for name in (*ENTRY_FILES, "versions.csv", "sources.csv", "cakupan.csv"):
        assert f"`{name}`" in text


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1.06.02.2.03.0001", "1.06.02.2.03.0001"),
        ("1.06.02.02.03.0001", "1.06.02.2.03.0001"),  # the fourth part padded
        ("1.06.02.203.0001", "1.06.02.2.03.0001"),  # the kegiatan run together
        ("1.06.02.2.03.01", "1.06.02.2.03.0001"),  # a two-digit sub kegiatan
        (" 1.06 . 02 ", "1.06.02"),
        ("x.xx.01", "X.XX.01"),
        ("1.6.2", None),
        ("1.06.02.2", None),
        ("1.06.02.2.3", None),
        ("program", None),
    ],
)
def test_codes_are_read_in_the_forms_offices_write_them(written: str, expected: str | None) -> None:
    assert canonical(written) == expected


def test_a_bidang_s_program_01_is_the_shared_penunjang_entry() -> None:
    latest = LIST.latest
    ours = LIST.entry("1.06.01.2.02.0007", latest)
    theirs = LIST.entry("2.15.01.02.02.0007", latest)
    assert ours is theirs and ours is not None and ours.unit == "Laporan"
    assert (
        ours.name == "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD"
    )


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Kepmendagri 050-5889 Tahun 2021", "Kepmendagri 050-5889/2021"),
        ("Permendagri No. 90 Tahun 2019", "Permendagri 90/2019"),
        ("permendagri-90-2019", "Permendagri 90/2019"),
        (
            "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023",
            "Kepmendagri 900.1.15.5-1317/2023",
        ),
        ("900.1-861/2026", "Kepmendagri 900.1-861/2026"),
        ("Kepmendagri 050-5889 Tahun 2022", None),  # the right number with the wrong year
        ("Kepmendagri 050-5898 Tahun 2021", None),
    ],
)
def test_a_version_is_found_by_its_number(text: str, number: str | None) -> None:
    found = find_version(LIST, text)
    assert (found.number if found else None) == number


def test_a_year_not_named_follows_the_last_year_named_before_it() -> None:
    plan = in_force(LIST, {2022: "050-5889/2021", 2024: "900.1.15.5-3406/2024"}, range(2021, 2027))
    assert sorted(plan.by_year) == [2022, 2023, 2024, 2025, 2026]  # 2021: none named
    assert plan.by_year[2023].number == "Kepmendagri 050-5889/2021"
    assert plan.by_year[2026].number == "Kepmendagri 900.1.15.5-3406/2024"
    assert [v.number for v in plan.versions()] == [
        "Kepmendagri 050-5889/2021",
        "Kepmendagri 900.1.15.5-3406/2024",
    ]
    assert in_force(LIST, None, range(2021, 2023)).by_year == {2021: LIST.latest, 2022: LIST.latest}

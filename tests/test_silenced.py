"""Say what was silenced: rules off in the settings and `abaikan` on a node, in validate and the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.cli import main

TREE = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial
  periode: {awal: 2021, akhir: 2026}
simpul:
  - id: prog-1
    tingkat: program
    nama: PROGRAM PEMBERDAYAAN SOSIAL
    pernyataan: Persentase PSKS yang aktif
    abaikan: [statement-reads-like-indicator]
    catatan: the Renstra writes it so
    indikator:
      - nama: Jumlah PSKS yang aktif
        target: {2024: 50}
"""
ABAIKAN_ID = "tree.yaml:11:15: dibungkam statement-reads-like-indicator oleh `abaikan` pada simpul prog-1"  # fmt: skip
ABAIKAN_EN = "tree.yaml:11:15: silenced statement-reads-like-indicator by `abaikan` on node prog-1"
OFF_ID = 'pohon.toml: dibungkam activity-statement oleh pengaturan [rules] activity-statement = "off": aturan ini tidak diperiksa'  # fmt: skip
OFF_EN = 'pohon.toml: silenced activity-statement by the setting [rules] activity-statement = "off": this rule is not checked'  # fmt: skip


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(TREE, encoding="utf-8")
    return tmp_path


def validate(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", "tree.yaml", *args])
    return result.exit_code, result.stdout, result.stderr


def test_an_abaikan_is_named_where_it_was_written(project: Path) -> None:
    code, out, err = validate()
    assert (code, out) == (0, ""), "the silenced rule finds nothing: no finding, exit 0"
    assert err.splitlines() == [ABAIKAN_ID, "1 pohon diperiksa: tidak ada masalah; dibungkam: 1 (tercantum di atas)"]  # fmt: skip


def test_a_rule_off_in_the_settings_is_named_with_its_setting(project: Path) -> None:
    (project / "pohon.toml").write_text('[rules]\nactivity-statement = "off"\n', encoding="utf-8")
    assert validate()[2].splitlines()[:2] == [OFF_ID, ABAIKAN_ID]
    assert validate("--lang", "en")[2].splitlines() == [
        OFF_EN,
        ABAIKAN_EN,
        "1 tree checked: no problems found; silenced: 2 (listed above)",
    ]


def test_a_rule_off_in_pyproject_names_that_section(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.pohon.rules]\nactivity-statement = "off"\n', encoding="utf-8"
    )
    first = validate("--lang", "en")[2].splitlines()[0]
    assert first.startswith("pyproject.toml: silenced activity-statement by the setting [tool.pohon.rules]")  # fmt: skip


def test_machine_formats_print_only_the_findings(project: Path) -> None:
    code, out, err = validate("--format", "json")
    assert (code, json.loads(out), err) == (0, [], "")


def test_nothing_silenced_says_nothing_more(project: Path) -> None:
    (project / "tree.yaml").write_text(
        TREE.replace("    abaikan: [statement-reads-like-indicator]\n", "").replace(
            "Persentase PSKS yang aktif\n", "Meningkatnya PSKS yang aktif\n"
        ),
        encoding="utf-8",
    )
    assert validate()[1:] == ("", "1 pohon diperiksa: tidak ada masalah\n")
    assert validate("--lang", "en")[1:] == ("", "1 tree checked: no problems found\n")


NONE_ID = "Tidak ada temuan dari aturan yang diperiksa, tetapi 2 aturan dibungkam: pohon ini tidak diperiksa dengan semua aturan."  # fmt: skip
NONE_EN = "No findings from the rules that were checked, but 2 silenced: this tree was not checked against every rule."  # fmt: skip
ROW_ID = "| statement-reads-like-indicator | tree.yaml:11:15 | \\`abaikan\\` pada simpul prog-1 |"
ROW_EN = "| statement-reads-like-indicator | tree.yaml:11:15 | \\`abaikan\\` on node prog-1 |"


@pytest.mark.parametrize(
    ("lang", "none", "row"), [("id", NONE_ID, ROW_ID), ("en", NONE_EN, ROW_EN)]
)
def test_the_rendered_summary_lists_what_was_silenced_and_never_says_every_rule_passed(
    project: Path, lang: str, none: str, row: str
) -> None:
    (project / "pohon.toml").write_text('[rules]\nactivity-statement = "off"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "tree.yaml", "--format", "dot", "--lang", lang, "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    site = project / "build" / "tree"
    summary = (site / "laporan" / "ringkasan-validasi.md").read_text(encoding="utf-8")
    assert none in summary
    assert row in summary
    assert '| activity-statement | pohon.toml | \\[rules\\] activity-statement = "off" |' in summary
    html = (site / "laporan" / "ringkasan-validasi.html").read_text(encoding="utf-8")
    assert (
        "<code>statement-reads-like-indicator</code></td><td><code>tree.yaml:11:15</code>" in html
    )
    for page in (summary, html, (site / "index.html").read_text(encoding="utf-8")):
        assert "lolos semua aturan" not in page and "passes every rule" not in page
    assert none in (site / "README.md").read_text(encoding="utf-8")

"""The values behind the reports: matrix rows and rowspans, capaian, annexes, register, summary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import MAMUJU, ROOT, tree_text
from pohon.check.validate_trees import check_path
from pohon.core.errors import UsageError
from pohon.core.findings import Finding, Severity
from pohon.core.vocabulary import AchievementFormula
from pohon.render.options import RenderOptions
from pohon.render.reports import render_reports
from pohon.render.reports.agreement import agreement_year, build_agreements
from pohon.render.reports.figures import (
    achievement,
    format_budget,
    format_number,
    format_percent,
    formula_of,
)
from pohon.render.reports.matrix import Matrix, build_matrix
from pohon.render.reports.register import YearRecord, build_register
from pohon.render.reports.summary import build_summary
from pohon.render.reports.wording import Labels
from pohon.source.settings_file import Config
from pohon.tree.figure_reading import Number, read_figure
from pohon.tree.model import Indicator, Tree

CONTOH = ROOT / "tests" / "fixtures" / "reports" / "contoh.yaml"
ID = Labels("id")


def load(path: Path) -> Tree:
    tree = check_path(path, Config()).load.tree
    assert tree is not None
    return tree


def column_of(matrix: Matrix, level: str) -> list[str | None]:
    """The node ids down one column, with None for the rows a merged cell above covers."""
    index = [c.level for c in matrix.columns].index(level)
    return [
        (row[index].node.id if row[index].node else "-") if row[index].rowspan else None
        for row in matrix.rows
    ]


def test_matrix_has_one_row_per_path_and_a_column_pair_per_level() -> None:
    matrix = build_matrix(load(CONTOH), ID)
    assert [c.label for c in matrix.columns] == [
        "Tujuan",
        "Sasaran Strategis",
        "Sasaran Antara",
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
    ]
    assert column_of(matrix, "sub_kegiatan") == ["sub-asistensi", "sub-pendampingan", "sub-atk"]


def test_matrix_merges_parents_and_leaves_a_merged_gap_where_a_branch_skips_a_level() -> None:
    matrix = build_matrix(load(CONTOH), ID)
    assert column_of(matrix, "tujuan_opd") == ["tujuan", None, None]
    assert column_of(matrix, "sasaran_strategis") == ["ss-rehsos", None, "ss-birokrasi"]
    # ss-birokrasi has no sasaran antara: an empty cell, not a shifted column
    assert column_of(matrix, "sasaran_antara") == ["sa-anak", None, "-"]
    spans = [row[0].rowspan for row in matrix.rows]
    assert spans == [3, 0, 0]


def test_every_column_spans_exactly_all_rows() -> None:
    matrix = build_matrix(load(MAMUJU), ID)
    assert len(matrix.rows) == 76
    for index in range(len(matrix.columns)):
        assert sum(row[index].rowspan for row in matrix.rows) == 76


def test_nested_sasaran_antara_get_columns_of_their_own(write_tree) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(
        """
        - id: t
          tingkat: tujuan_opd
          pernyataan: Meningkatkan A
          anak:
            - id: s
              tingkat: sasaran_strategis
              pernyataan: Meningkatnya B
              anak:
                - {id: a1, tingkat: sasaran_antara, pernyataan: Meningkatnya C,
                   anak: [{id: a2, tingkat: sasaran_antara, pernyataan: Meningkatnya D,
                           anak: [{id: p1, tingkat: program, pernyataan: Meningkatnya E}]}]}
                - {id: p2, tingkat: program, pernyataan: Meningkatnya F}
        """
    )
    matrix = build_matrix(load(path), ID)
    labels = [c.label for c in matrix.columns]
    assert labels == [
        "Tujuan",
        "Sasaran Strategis",
        "Sasaran Antara 1",
        "Sasaran Antara 2",
        "Program",
    ]
    assert [[c.node.id if c.node else "-" for c in row] for row in matrix.rows] == [
        ["t", "s", "a1", "a2", "p1"],
        ["t", "s", "-", "-", "p2"],
    ]


def test_matrix_context_is_the_pemda_part_above_the_opd() -> None:
    matrix = build_matrix(load(MAMUJU), ID)
    assert [n.level for n in matrix.context] == ["visi", "misi", "tujuan_rpjmd", "sasaran_rpjmd"]


def n(text: str) -> Number:
    """A figure as the schema reads it from its text."""
    figure = read_figure(text)
    assert isinstance(figure, Number)
    return figure


RASIO, KEBALIKAN, SELISIH = AchievementFormula


@pytest.mark.parametrize(
    ("target", "realisation", "formula", "percent", "reason"),
    [
        (n("80"), n("84,5"), RASIO, "105.625", None),  # exact: no binary 105.62499…
        (n("10"), n("8"), KEBALIKAN, "125", None),  # lower is better: target ÷ realisation
        (n("10"), n("8"), SELISIH, "120", None),  # (2 × 10 − 8) ÷ 10
        (n("10"), n("0"), KEBALIKAN, None, "not_computable"),
        (n("10"), n("0"), SELISIH, "200", None),  # zero conflicts, the best a year can be
        (n("10"), n("25"), SELISIH, "-50", None),
        (n("0"), n("3"), RASIO, None, "not_computable"),
        (n("0"), n("3"), SELISIH, None, "not_computable"),
        ("sesuai kebutuhan", n("12"), RASIO, None, "not_computable"),
        ("WTP", "wtp", RASIO, None, "as_targeted"),  # text compares by equality
        ("BB", "A", RASIO, None, "not_as_targeted"),
        (None, n("12"), RASIO, None, "no_target"),
    ],
)
def test_achievement(
    target: Number | str | None,
    realisation: Number | str,
    formula: AchievementFormula,
    percent: str | None,
    reason: str | None,
) -> None:
    result = achievement(target, realisation, formula)
    assert result is not None
    assert result.percent == (Decimal(percent) if percent else None)
    assert result.reason == reason


def test_nothing_realised_means_no_achievement_at_all() -> None:
    assert achievement(n("80"), None, RASIO) is None


def test_capaian_is_rounded_half_up_and_never_infinite() -> None:
    result = achievement(n("80"), n("84,5"), RASIO)
    assert result is not None and result.percent is not None
    assert format_percent(result.percent, "id") == "105,63 %"
    assert format_percent(Decimal("0.125"), "en") == "0.13 %"
    # The widest quotient two figures of at most 30 digits give is still exact, and finite.
    tiny, vast = n("0," + "0" * 28 + "1"), n("9" * 30)
    huge = achievement(tiny, vast, RASIO)
    assert huge is not None and huge.percent is not None
    exact = f"{int('9' * 30 + '0' * 31):,}".replace(",", ".")  # 9…9 ÷ 10⁻²⁹ × 100
    assert format_percent(huge.percent, "id") == f"{exact},00 %"


def test_the_formula_is_the_indicators_own_else_the_projects_for_lower_is_better() -> None:
    naik = Indicator.model_validate({"nama": "Persentase A"})
    turun = Indicator.model_validate({"nama": "Jumlah B", "polaritas": "turun"})
    own = Indicator.model_validate(
        {"nama": "Jumlah C", "polaritas": "turun", "rumus_capaian": "selisih"}
    )
    assert formula_of(naik, SELISIH) is RASIO
    assert formula_of(turun, KEBALIKAN) is KEBALIKAN
    assert formula_of(turun, SELISIH) is SELISIH
    assert formula_of(own, KEBALIKAN) is SELISIH


def test_figures_are_written_as_each_language_writes_them() -> None:
    assert format_number(Decimal("1234.5"), "id") == "1.234,5"
    assert format_number(Decimal("1234.5"), "en") == "1,234.5"
    assert format_number(Decimal("0.7"), "id") == "0,7"
    assert format_number(Decimal("13.50"), "id") == "13,50"  # the decimals as written
    assert format_number(Decimal(95), "id", decimals=2) == "95,00"
    assert format_number(1234567, "en") == "1,234,567"
    assert format_number(Decimal("12345678901234567890"), "id") == "12.345.678.901.234.567.890"
    assert format_budget(Decimal(1250000000), "id", "Rp") == "Rp 1.250.000.000"
    assert format_budget(Decimal("11080481999.00"), "id", "Rp") == "Rp 11.080.481.999"
    assert format_budget(Decimal("450000000.5"), "en", "IDR") == "IDR 450,000,000.50"
    with pytest.raises(TypeError):
        format_number(0.7, "id")  # type: ignore[arg-type]  # no binary float is ever printed


def test_register_lists_every_indicator_and_every_node_without_one() -> None:
    register = build_register(load(CONTOH), ID)
    assert register.years == (2024, 2025, 2026)
    assert (register.indicators, register.without_targets, register.without_indicators) == (9, 3, 2)
    first = register.entries[0]
    assert [(r.target, r.realisation, r.achievement) for r in first.years] == [
        ("0,65", "0,66", "101,54 %"),
        ("0,68", "–", "–"),
        ("0,7", "–", "–"),
    ]
    silent = [e.node.id for e in register.entries if e.indicator is None]
    assert silent == ["sa-anak", "keg-umum"]
    assert all(e.note == "tidak ada indikator" for e in register.entries if e.indicator is None)


def test_register_in_english() -> None:
    register = build_register(load(CONTOH), Labels("en"))
    assert register.entries[1].years[1].achievement == "cannot be computed"
    assert register.entries[1].indicator is not None
    assert register.entries[1].indicator.polarity == "lower ↓"


def test_agreement_year_is_the_period_start_unless_chosen() -> None:
    tree = load(CONTOH)
    assert agreement_year(tree, None) == 2024
    assert agreement_year(tree, 2025) == 2025
    with pytest.raises(UsageError, match="--year 2030: outside the plan period 2024-2026"):
        agreement_year(tree, 2030)


def test_agreements_per_position() -> None:
    agreements = {a.position_id: a for a in build_agreements(load(CONTOH), 2024, ID)}
    assert list(agreements) == ["kadis", "sekretaris", "kabid-rehsos", "kasi-anak", "kasubbag"]
    kadis = agreements["kadis"]
    # a JPT agrees on its sasaran strategis (the tujuan OPD is no row) and funds its programs
    assert kadis.jenjang == "jpt"
    assert [o.node.id for o in kadis.objectives] == ["ss-rehsos", "ss-birokrasi"]
    assert [i.target for o in kadis.objectives for i in o.indicators] == ["10", "belum ada target"]
    assert [i.target_missing for o in kadis.objectives for i in o.indicators] == [False, True]
    assert [(b.node.id, b.depth, b.budget) for b in kadis.budget_lines] == [
        ("prog-rehsos", 0, "Rp 1.250.000.000"),
        ("prog-penunjang", 0, "Rp 800.000.000"),
    ]
    assert kadis.total == "Rp 2.050.000.000"
    assert kadis.second_party is None  # no atasan, no kepala daerah in this tree
    assert kadis.first_party.holder == "Dra. SITI AMINAH, M.Si"
    assert kadis.place == "Contoh"


def test_an_eselon_iv_annex_lists_kegiatan_and_sub_kegiatan_and_its_superior() -> None:
    agreements = {a.position_id: a for a in build_agreements(load(CONTOH), 2025, ID)}
    kasi = agreements["kasi-anak"]
    assert [o.node.id for o in kasi.objectives] == ["keg-anak"]
    assert [(b.node.id, b.depth, b.group) for b in kasi.budget_lines] == [
        ("keg-anak", 0, True),
        ("sub-asistensi", 1, False),
        ("sub-pendampingan", 1, False),
    ]
    assert kasi.total is None  # the sub kegiatan have no budget for 2025: no partial sum
    assert kasi.second_party is not None
    assert kasi.second_party.title == "Kepala Bidang Rehabilitasi Sosial"
    empty = agreements["kasubbag"]
    assert (empty.objectives, empty.budget_lines, empty.total) == ((), (), None)


def test_position_ids_become_unique_safe_file_names(write_tree) -> None:  # type: ignore[no-untyped-def]
    text = (CONTOH.read_text(encoding="utf-8")).replace(
        "  kasubbag: {", '  "Kasi/Anak": {nama: X}\n  "kasi anak": {nama: Y}\n  kasubbag: {'
    )
    slugs = [a.slug for a in build_agreements(load(write_tree(whole=text)), 2024, ID)]
    assert slugs[-3:] == ["kasi-anak-2", "kasi-anak-3", "kasubbag"]


def test_summary_groups_by_rule_worst_first() -> None:
    findings = [
        Finding("a.yaml", 3, 1, Severity.WARNING, "missing-indicator", "m1"),
        Finding("a.yaml", 1, 1, Severity.ERROR, "unique-ids", "m2"),
        Finding("a.yaml", 2, 1, Severity.WARNING, "missing-indicator", "m3"),
        Finding("a.yaml", 0, 0, Severity.INFO, "activity-statement", "m4"),
    ]
    summary = build_summary(findings, ID)
    assert [(g.rule, g.severity, len(g.findings)) for g in summary.groups] == [
        ("unique-ids", "galat", 1),
        ("missing-indicator", "peringatan", 2),
        ("activity-statement", "info", 1),
    ]
    assert [f.location for f in summary.groups[1].findings] == ["a.yaml:2:1", "a.yaml:3:1"]
    assert summary.groups[2].findings[0].location == "a.yaml"
    assert summary.groups[0].description == "every node has its own id."
    assert summary.counts == (
        ("error", "galat", 1),
        ("warning", "peringatan", 2),
        ("info", "info", 1),
    )


def test_labels_refuse_an_unknown_language() -> None:
    with pytest.raises(UsageError, match="--lang fr"):
        Labels("fr")


def test_both_languages_have_every_word() -> None:
    assert set(Labels("id").words) == set(Labels("en").words)


CAPAIAN = """
- id: ss-1
  tingkat: sasaran_strategis
  pernyataan: Menurunnya jumlah PPKS yang terlantar
  indikator:
    - nama: Jumlah PPKS terlantar
      satuan: orang
      polaritas: turun
      rumus_capaian: selisih
      target: {2024: 10, akhir: 6}
      realisasi: {2024: 0}
    - nama: Opini BPK atas laporan keuangan
      target: {2024: WTP, 2025: WTP}
      realisasi: {2024: WTP, 2025: WDP}
    - nama: Persentase PPKS yang tertangani
      satuan: "%"
      target: {2024: "19,21%"}
      realisasi: {2024: "20,5 %"}
"""


def test_the_register_shows_formulas_text_targets_and_the_end_of_the_period(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(CAPAIAN), encoding="utf-8")
    tree = load(path)
    register = build_register(tree, ID)
    own, opinion, glued = ({r.year: r for r in e.years} for e in register.entries)
    # zero conflicts: (2 × 10 − 0) ÷ 10, no longer "tidak dapat dihitung"
    assert own[2024] == YearRecord(2024, "10", "0", "200,00 %")
    assert [opinion[2024].achievement, opinion[2025].achievement] == [
        "sesuai target",  # text compares by equality
        "tidak sesuai target",
    ]
    assert glued[2024] == YearRecord(2024, "19,21", "20,5", "106,72 %")  # the units glued on
    own_entry, opinion_entry, _ = register.entries
    assert own_entry.formula == "capaian = (2 × target − realisasi) ÷ target × 100"
    assert (register.end_target, own_entry.end_target, opinion_entry.end_target) == (
        "Target akhir periode",
        "6",
        "–",
    )
    assert register.intro.endswith("target ÷ realisasi × 100.")  # the project's default
    markdown = build_register(tree, ID, lower_is_better=AchievementFormula.SELISIH)
    assert markdown.intro.endswith("(2 × target − realisasi) ÷ target × 100.")
    assert markdown.entries[0].formula is None  # the project's formula now: no note


def test_the_end_of_the_period_column_is_in_both_reports(tmp_path: Path) -> None:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(CAPAIAN), encoding="utf-8")
    checked = check_path(path, Config())
    files = render_reports(checked, RenderOptions(), "t")
    markdown = files["t/laporan/daftar-indikator.md"].decode("utf-8")
    header = next(line for line in markdown.splitlines() if line.startswith("| No |"))
    assert header.endswith("| 2024 | 2025 | 2026 | Target akhir periode |")
    row = next(line for line in markdown.splitlines() if "Jumlah PPKS terlantar" in line)
    assert row.endswith("| 10 / 0 / 200,00 % | – / – / – | – / – / – | 6 |")
    html = files["t/laporan/daftar-indikator.html"].decode("utf-8")
    assert '<th scope="col" rowspan="2" class="num">Target akhir periode</th>' in html
    assert '<td class="num">6</td>' in html
    matrix = files["t/laporan/matriks-cascading.md"].decode("utf-8")
    header = next(line for line in matrix.splitlines() if line.startswith("| Sasaran Strategis |"))
    assert "| Target 2024 | Target 2025 | Target 2026 | Target akhir periode |" in header
    # after the years, in every report listing targets; one line per indicator of a node
    assert "| 10<br>WTP<br>19,21 | –<br>WTP<br>– | –<br>–<br>– | 6<br>–<br>– |" in matrix

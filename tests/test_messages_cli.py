"""One language for the run: Indonesian by default, English with `--lang en` or the settings' `lang`.

Every command takes `--lang`; the findings, the summary line, the errors and the reports'
words and messages all speak it, in worker processes too; the rule ids never change.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import MAMUJU, ROOT, tree_text
from pohon.cli import main

NO_INDICATOR = "- id: t\n  tingkat: tujuan_opd\n  pernyataan: Meningkatnya kesejahteraan sosial\n"
ID_MESSAGE = "tujuan_opd `t` tidak memiliki indikator: tambahkan `indikator:`"
EN_MESSAGE = "the tujuan_opd `t` has no indicator: add `indikator:`"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _split(line: str) -> tuple[str, str]:
    """`file:line:col: severity rule-id message` as (where, what and which rule; the message)."""
    where, severity, rule, message = line.split(" ", 3)
    return f"{where} {severity} {rule}", message


def test_validate_speaks_indonesian_by_default_and_english_with_lang_en() -> None:
    indonesian, english = run("validate", str(MAMUJU)), run("validate", "--lang", "en", str(MAMUJU))
    assert indonesian.exit_code == english.exit_code == 0
    id_lines = [_split(line) for line in indonesian.stdout.splitlines()]
    en_lines = [_split(line) for line in english.stdout.splitlines()]
    assert len(id_lines) > 10
    # The same findings at the same places with the same rule ids, in another language.
    assert [where for where, _ in id_lines] == [where for where, _ in en_lines]
    assert all(id_message != en_message for (_, id_message), (_, en_message) in zip(id_lines, en_lines, strict=True))  # fmt: skip
    assert "nama resmi `1.06.01.2.09` adalah `Pemeliharaan Barang Milik Daerah" in indonesian.stdout
    assert (
        "the official name of `1.06.01.2.09` is `Pemeliharaan Barang Milik Daerah" in english.stdout
    )
    for english_word in ("the ", " is ", " has no ", "statement"):
        assert all(english_word not in message for _, message in id_lines)
    counted_id = re.fullmatch(r"1 pohon diperiksa: (\d+) peringatan\n", indonesian.stderr)
    counted_en = re.fullmatch(r"1 tree checked: (\d+) warnings\n", english.stderr)
    assert counted_id and counted_en and counted_id[1] == counted_en[1] == str(len(id_lines))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(tree_text(NO_INDICATOR), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("settings", "lang"),
    [
        ("", "id"),
        ('lang = "en"\n', "en"),
        ('lang = "id"\n', "id"),
        ('[render]\nlang = "en"\n', "en"),  # the older place of the setting speaks for the run too
        ('lang = "id"\n[render]\nlang = "en"\n', "id"),
    ],
)
def test_the_settings_lang_is_the_language_when_no_option_is_given(
    project: Path, settings: str, lang: str
) -> None:
    (project / "pohon.toml").write_text(settings, encoding="utf-8")
    result = run("validate", "tree.yaml")
    assert result.exit_code == 0, result.output
    message, summary = (
        (ID_MESSAGE, "1 pohon diperiksa: 1 peringatan\n")
        if lang == "id"
        else (EN_MESSAGE, "1 tree checked: 1 warning\n")
    )
    assert f"tree.yaml:9:5: warning missing-indicator {message}" in result.stdout
    assert result.stderr == summary


def test_the_option_wins_over_the_settings(project: Path) -> None:
    (project / "pohon.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = run("validate", "--lang", "id", "tree.yaml")
    assert ID_MESSAGE in result.stdout and result.stderr == "1 pohon diperiksa: 1 peringatan\n"


def test_an_unusable_lang_setting_says_what_to_write(project: Path) -> None:
    (project / "pohon.toml").write_text('lang = "fr"\n', encoding="utf-8")
    result = run("validate", "tree.yaml")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        'pohon.toml: tuliskan lang = "id" (bahasa Indonesia) atau lang = "en" (bahasa Inggris)\n'
    )
    english = run("validate", "--lang", "en", "tree.yaml")
    assert english.exit_code == 2
    assert english.stderr.endswith(
        'pohon.toml: write lang = "id" (Indonesian) or lang = "en" (English)\n'
    )


def test_every_command_takes_lang() -> None:
    for name, command in main.commands.items():
        options = {option for param in command.params for option in getattr(param, "opts", [])}
        assert "--lang" in options, name
    assert run("schema", "--lang", "en").exit_code == 0
    assert run("lookup", "--lang", "en", "1.06").exit_code == 0


def test_errors_of_other_commands_speak_the_run_s_language(project: Path) -> None:
    missing = str(project / "nope.json")
    assert run("schema", "--check", missing).stderr.startswith(f"pohon: {missing}: tidak dapat")
    assert run("schema", "--lang", "en", "--check", missing).stderr.startswith(
        f"pohon: {missing}: cannot be read"
    )
    made = run("init", "opd")
    assert made.exit_code == 0
    assert "berkas di opd/; selanjutnya: sunting pohon-kinerja.yaml" in made.stderr


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_validation_summary_report_speaks_the_run_s_language(project: Path, lang: str) -> None:
    result = run("render", "--lang", lang, "tree.yaml", "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    summary = (project / "build" / "tree" / "laporan" / "ringkasan-validasi.md").read_text("utf-8")
    wanted, unwanted = (ID_MESSAGE, EN_MESSAGE) if lang == "id" else (EN_MESSAGE, ID_MESSAGE)
    assert wanted.replace("`", "\\`") in summary
    assert unwanted.replace("`", "\\`") not in summary
    assert ("Ringkasan Validasi" in summary) == (lang == "id")


@pytest.fixture
def spawned_workers() -> Iterator[None]:
    """Worker processes started afresh (as on macOS and Windows, and Python 3.14's default):
    a forked worker would inherit the language; a spawned one knows only what it is given."""
    before = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    yield
    multiprocessing.set_start_method(before, force=True)


def _four_trees(folder: Path) -> list[str]:
    names = [f"tree{number}.yaml" for number in range(4)]
    for name in names:
        (folder / name).write_text(tree_text(NO_INDICATOR), encoding="utf-8")
    return names


@pytest.mark.parametrize("lang", ["id", "en"])
def test_validate_s_worker_processes_speak_the_run_s_language(
    project: Path, spawned_workers: None, lang: str
) -> None:
    result = run("validate", "--lang", lang, "-j", "2", *_four_trees(project))
    message = ID_MESSAGE if lang == "id" else EN_MESSAGE
    assert result.stdout.count(message) == 4, result.output


def test_render_s_worker_processes_speak_the_run_s_language(
    project: Path, spawned_workers: None
) -> None:
    (project / "pohon.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = run("render", "-j", "2", *_four_trees(project), "--format", "dot", "-q")
    assert result.exit_code == 0, result.output
    for number in range(4):
        summary = project / "build" / f"tree{number}" / "laporan" / "ringkasan-validasi.md"
        assert EN_MESSAGE.replace("`", "\\`") in summary.read_text("utf-8")


def test_the_catalogue_ships_inside_the_package() -> None:
    import importlib.resources

    catalogue = importlib.resources.files("pohon.core") / "locale" / "id" / "LC_MESSAGES"
    assert (catalogue / "pohon.mo").is_file()
    assert (
        ROOT / "src" / "pohon" / "core" / "locale" / "id" / "LC_MESSAGES" / "pohon.po"
    ).is_file()


def test_lookup_speaks_the_run_s_language() -> None:
    indonesian = run("lookup", "1.06.01")
    english = run("lookup", "--lang", "en", "1.06.01")
    assert "  versi: " in indonesian.stdout and "di bawahnya:" in indonesian.stdout
    assert "  versions: " in english.stdout and "under it:" in english.stdout

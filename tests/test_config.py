"""Project settings are found walking up from the working folder and checked strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from pohon.core.errors import ConfigError
from pohon.core.findings import Severity
from pohon.source.settings_file import Config, find_config


def test_no_settings_means_defaults(tmp_path: Path) -> None:
    assert find_config(tmp_path) == Config()


def test_pyproject_tool_pohon_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pohon.rules]\nduplicate-statement = "off"\nmissing-indicator = "error"\n'
    )
    (tmp_path / "data" / "deep").mkdir(parents=True)
    config = find_config(tmp_path / "data" / "deep")
    assert config.severities == {"duplicate-statement": None, "missing-indicator": Severity.ERROR}
    assert config.source == tmp_path / "pyproject.toml"


def test_pohon_toml_wins_over_a_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pohon.rules]\nunique-ids = "off"\n')
    (tmp_path / "pohon.toml").write_text('[rules]\nunique-ids = "warning"\n')
    assert find_config(tmp_path).severities == {"unique-ids": Severity.WARNING}


def test_a_pyproject_without_tool_pohon_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pohon.toml").write_text('[rules]\nunique-ids = "info"\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(tmp_path / "sub").severities == {"unique-ids": Severity.INFO}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[rules]\nunique-id = "off"\n', "no rule"),
        ('[rules]\nunique-ids = "loud"\n', "error, warning, info or off"),
        ("[rulez]\n", "unknown section"),
        ("[rules\n", "cannot read"),
    ],
)
def test_bad_settings_are_refused_with_the_file_named(
    tmp_path: Path, text: str, words: str
) -> None:
    (tmp_path / "pohon.toml").write_text(text)
    with pytest.raises(ConfigError) as raised:
        find_config(tmp_path)
    assert words in str(raised.value) and "pohon.toml" in str(raised.value)


def test_a_project_s_own_list_is_found_beside_its_settings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pohon.nomenclature]\nlist = "data/kode.csv"\nreplace = true\ncomplete = ["1.06"]\n'
    )
    (tmp_path / "sub").mkdir()
    choice = find_config(tmp_path / "sub").nomenclature
    assert choice is not None
    assert (choice.path, choice.replace, choice.complete) == (
        (tmp_path / "data" / "kode.csv").resolve(),
        True,
        ("1.06",),
    )
    assert find_config(tmp_path / "sub").nomenclature == choice
    (tmp_path / "pyproject.toml").write_text("[tool.pohon.nomenclature]\n")
    assert find_config(tmp_path).nomenclature is None  # no list: the bundled one alone


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[nomenclature]\nfile = "a.csv"\n', "[nomenclature] has no `file`"),
        ("[nomenclature]\nlist = 3\n", "[nomenclature] list: write a path to a CSV file"),
        ('[nomenclature]\ncomplete = "1.06"\n', "[nomenclature] complete: write a list of bidang"),
        ('nomenclature = "a.csv"\n', "`nomenclature` must be a section"),
    ],
)
def test_bad_nomenclature_settings_say_what_to_write(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / "pohon.toml").write_text(text)
    with pytest.raises(ConfigError) as raised:
        find_config(tmp_path)
    assert words in str(raised.value)

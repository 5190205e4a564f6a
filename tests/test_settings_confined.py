"""Settings come from inside the project only, and may not reach outside it (issue 13, items 2, 25).

A `pohon.toml` planted above a copied project once sent the outputs, and read templates,
wherever its author liked; a link in a template folder printed any file into a report.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import in_english
from pohon.cli import main
from pohon.core.findings import Severity
from pohon.source.settings_file import Config, find_config

TREE = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial
  periode: {awal: 2024, akhir: 2026}
simpul:
  - id: tujuan
    tingkat: tujuan_opd
    pernyataan: Meningkatkan kesejahteraan sosial
    indikator: [{nama: Indeks kesejahteraan sosial}]
"""
PLANTED = '[rules]\nunique-ids = "off"\n[render]\nout = "/tmp/loot"\n'


def _repository(folder: Path) -> Path:
    (folder / ".git").mkdir(parents=True)
    (folder / "tree.yaml").write_text(TREE)
    return folder


def _run(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, in_english(list(args)))
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result


def test_settings_above_the_repository_root_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "pohon.toml").write_text(PLANTED)
    repository = _repository(tmp_path / "clone")
    (repository / "data").mkdir()
    assert find_config(repository / "data") == Config(
        warnings=(
            f"{tmp_path / 'pohon.toml'}: not read: it lies above the project ({repository}/); "
            "settings are read from the project only: to use it, move it into the project",
        )
    )
    (repository / "pohon.toml").write_text('[rules]\nunique-ids = "info"\n')
    config = find_config(repository / "data")
    assert config.source == repository / "pohon.toml" and config.root == repository
    assert config.severities == {"unique-ids": Severity.INFO}


def test_a_worktree_s_git_file_marks_the_root_too(tmp_path: Path) -> None:
    (tmp_path / "pohon.toml").write_text(PLANTED)
    (tmp_path / "worktree").mkdir()
    (tmp_path / "worktree" / ".git").write_text("gitdir: /elsewhere/.git/worktrees/x\n")
    config = find_config(tmp_path / "worktree")
    assert config.source is None and "lies above the project" in config.warnings[0]


def test_settings_are_never_looked_for_above_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home" / "analis"
    (home / "unduhan" / "pohon-opd").mkdir(parents=True)  # a project copied without its .git
    (tmp_path / "home" / "pohon.toml").write_text(PLANTED)
    monkeypatch.setenv("HOME", str(home))
    config = find_config(home / "unduhan" / "pohon-opd")
    assert config.source is None and "lies above the project" in config.warnings[0]
    (home / "pohon.toml").write_text('[rules]\nunique-ids = "info"\n')
    assert find_config(home / "unduhan" / "pohon-opd").source == home / "pohon.toml"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs chown (root)")
def test_another_user_s_settings_file_is_passed_over_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pohon.toml").write_text('[rules]\nunique-ids = "info"\n')
    project = tmp_path / "bersama"
    project.mkdir()
    (project / "tree.yaml").write_text(TREE)
    (project / "pohon.toml").write_text(PLANTED)
    os.chown(project / "pohon.toml", 12345, 12345)
    monkeypatch.setattr(os, "getuid", lambda: 1000)  # as an ordinary user; root owns the rest
    os.chown(tmp_path / "pohon.toml", 1000, 1000)
    config = find_config(project)
    assert config.source == tmp_path / "pohon.toml"
    assert config.warnings == (
        f"{project / 'pohon.toml'}: not read: the file belongs to another user (uid 12345), "
        "who may have put it there; to use these settings, copy the file so that it is yours",
    )
    result = _run(project, monkeypatch, "validate", "tree.yaml")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"pohon: warning: {project / 'pohon.toml'}: not read")


def test_a_broken_pyproject_of_another_tool_above_does_not_stop_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = _repository(tmp_path / "repo")
    (repository / "pohon.toml").write_text('[rules]\nunique-ids = "info"\n')
    (repository / "bidang").mkdir()
    (repository / "bidang" / "pyproject.toml").write_bytes(b"[tool.ruff\nline-length = \xff\n")
    (repository / "bidang" / "tree.yaml").write_text(TREE)
    config = find_config(repository / "bidang")
    assert config.source == repository / "pohon.toml", "the search goes on past it"
    assert config.warnings == (
        f"{repository / 'bidang' / 'pyproject.toml'}: the settings are not UTF-8 text: save the "
        "file as UTF-8; it names no `tool.pohon`, so pohon reads it as holding no settings of its own",
    )
    result = _run(repository / "bidang", monkeypatch, "validate", "tree.yaml")
    assert result.exit_code == 0, result.output
    assert "it names no `tool.pohon`" in result.stderr


def test_the_command_line_may_send_the_outputs_where_the_settings_may_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = _repository(tmp_path / "repo")
    (repository / "pohon.toml").write_text('[render]\nout = "../situs"\nformats = "dot"\n')
    refused = _run(repository, monkeypatch, "render", "tree.yaml")
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"pohon: {repository / 'pohon.toml'}: [render] out = '../situs' leads outside the "
        "project (./): the settings may name folders inside it only; to use that folder "
        "anyway, give it on the command line: `--out ../situs`\n"
    )
    assert not (tmp_path / "situs").exists()
    given = _run(repository, monkeypatch, "render", "tree.yaml", "--out", "../situs")
    assert given.exit_code == 0, given.output
    assert (tmp_path / "situs" / "tree" / "diagram" / "cascading.dot").is_file()


def test_an_output_folder_that_links_outside_the_project_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = _repository(tmp_path / "repo")
    (tmp_path / "elsewhere").mkdir()
    (repository / "site").symlink_to(tmp_path / "elsewhere")
    (repository / "pohon.toml").write_text('[render]\nout = "site"\nformats = "dot"\n')
    result = _run(repository, monkeypatch, "render", "tree.yaml")
    assert (
        result.exit_code == 2 and "[render] out = 'site' leads outside the project" in result.stderr
    )
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_template_that_links_outside_its_folder_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = _repository(tmp_path / "repo")
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY----- rahasia\n")
    (repository / "tpl" / "html").mkdir(parents=True)
    (repository / "tpl" / "html" / "index.html").symlink_to(secret)
    result = _run(
        repository, monkeypatch, "render", "tree.yaml", "--templates", "tpl", "--format", "dot"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "pohon: tpl/html/index.html: the template is a link leading outside tpl/ "
        f"(to {secret}): pohon does not follow it; copy the file into the templates folder instead"
    )
    assert not (repository / "build").exists()
    # A link to a file inside the folder is the folder's own: followed.
    (repository / "tpl" / "html" / "index.html").unlink()
    builtin = Path(__file__).resolve().parent.parent / "templates" / "html" / "index.html"
    own = builtin.read_text().replace("{% block main %}", "{% block main %}<!-- own -->", 1)
    (repository / "tpl" / "own.html").write_text(own)
    (repository / "tpl" / "html" / "index.html").symlink_to("../own.html")
    result = _run(
        repository, monkeypatch, "render", "tree.yaml", "--templates", "tpl", "--format", "dot"
    )
    assert result.exit_code == 0, result.output
    assert "<!-- own -->" in (repository / "build" / "tree" / "index.html").read_text()

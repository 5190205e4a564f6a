"""`pohon init`: the scaffold validates, fits its own schema and CI schemas, and never clobbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from editor_yaml import load_as_editor
from pohon.cli import main
from pohon.commands import hook_source
from pohon.commands.editor_schema import schema_text
from pohon.commands.hook_source import RELEASE_TAG, HookSource

EXPECTED = [
    ".github/workflows/pohon.yml",
    ".gitignore",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    "README.md",
    "pohon-kinerja.yaml",
    "pohon.schema.json",
    "pohon.toml",
]


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def scaffold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "opd"])
    assert result.exit_code == 0, result.output
    return tmp_path / "opd"


def test_init_writes_the_whole_scaffold(scaffold: Path) -> None:
    assert _files(scaffold) == EXPECTED


def test_the_scaffold_passes_validate_strictly(
    scaffold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scaffold)
    result = CliRunner().invoke(
        main, ["validate", "--lang", "en", "--strict"]
    )  # no paths: as the hook runs it
    assert result.exit_code == 0, result.output
    assert "1 tree checked: no problems found" in result.stderr


def test_the_starter_tree_has_the_modeline_and_one_full_branch(scaffold: Path) -> None:
    text = (scaffold / "pohon-kinerja.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=pohon.schema.json\n")
    levels = [line.split(":")[1].strip() for line in text.splitlines() if "tingkat:" in line]
    assert levels == [
        "visi",
        "misi",
        "tujuan_rpjmd",
        "sasaran_rpjmd",
        "tujuan_opd",
        "sasaran_strategis",
        "program",
        "kegiatan",
        "sub_kegiatan",
    ]


def test_the_starter_tree_fits_the_schema_it_points_to(scaffold: Path) -> None:
    import jsonschema

    assert (scaffold / "pohon.schema.json").read_text(encoding="utf-8") == schema_text()
    schema = jsonschema.Draft7Validator(load_as_editor(scaffold / "pohon.schema.json"))
    assert list(schema.iter_errors(load_as_editor(scaffold / "pohon-kinerja.yaml"))) == []


def test_the_schema_check_in_ci_passes_on_the_scaffold(scaffold: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "--check", str(scaffold / "pohon.schema.json")])
    assert result.exit_code == 0


def test_the_hook_and_ci_install_pohon_from_one_place(tmp_path: Path) -> None:
    args = ["init", str(tmp_path), "--hook-repo", "https://example.org/pohon", "--hook-rev", "abc"]
    assert CliRunner().invoke(main, args).exit_code == 0
    hooks = load_as_editor(tmp_path / ".pre-commit-config.yaml")
    assert hooks["repos"][0]["repo"] == "https://example.org/pohon"
    assert hooks["repos"][0]["rev"] == "abc"
    assert [h["id"] for h in hooks["repos"][0]["hooks"]] == ["pohon-validate"]
    for ci in (".github/workflows/pohon.yml", ".gitlab-ci.yml", "README.md"):
        assert "git+https://example.org/pohon@abc" in (tmp_path / ci).read_text(encoding="utf-8")
    for name in _files(tmp_path):
        assert "__POHON_" not in (tmp_path / name).read_text(encoding="utf-8"), name


def _head(folder: Path) -> str:
    done = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True)
    return done.stdout.decode().strip()


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_by_default_the_hook_installs_this_checkout_at_its_commit(scaffold: Path) -> None:
    # The tests run an editable install of this checkout (make setup): pre-commit and CI
    # then install the same source, at a commit that exists in it.
    hooks = load_as_editor(scaffold / ".pre-commit-config.yaml")
    assert (hooks["repos"][0]["repo"], hooks["repos"][0]["rev"]) == (str(ROOT), _head(ROOT))
    ci = (scaffold / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert f'"pohon @ git+{ROOT.as_uri()}@{_head(ROOT)}"' in ci


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [
        (
            {
                "url": "https://git.example.go.id/pohon",
                "vcs_info": {"vcs": "git", "commit_id": "ab12", "requested_revision": "main"},
            },
            HookSource("https://git.example.go.id/pohon", "ab12"),
        ),
        ({}, HookSource("https://github.com/pohon-kinerja/pohon", RELEASE_TAG)),
        (
            {"url": "file:///nowhere/pohon", "dir_info": {}},
            HookSource("https://github.com/pohon-kinerja/pohon", RELEASE_TAG),
        ),
    ],
    ids=["from-git", "from-an-index", "from-a-folder-that-is-gone"],
)
def test_the_default_source_is_how_this_pohon_was_installed(
    monkeypatch: pytest.MonkeyPatch, recorded: dict[str, object], expected: HookSource
) -> None:
    monkeypatch.setattr(hook_source, "_direct_url", lambda: recorded)
    assert hook_source.hook_source() == expected


def test_the_release_tag_is_this_version() -> None:
    from pohon import __version__

    assert f"v{__version__}" == RELEASE_TAG


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_a_local_folder_becomes_a_url_pip_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from packaging.requirements import Requirement

    monkeypatch.chdir(ROOT.parent)
    args = ["init", str(tmp_path / "opd"), "--hook-repo", ROOT.name]
    assert CliRunner().invoke(main, args).exit_code == 0
    hooks = load_as_editor(tmp_path / "opd" / ".pre-commit-config.yaml")
    assert (hooks["repos"][0]["repo"], hooks["repos"][0]["rev"]) == (str(ROOT), _head(ROOT))
    workflow = (tmp_path / "opd" / ".github/workflows/pohon.yml").read_text(encoding="utf-8")
    line = next(line for line in workflow.splitlines() if "pip install" in line)
    requirement = Requirement(line.split('"')[1])
    assert (requirement.name, requirement.url) == ("pohon", f"git+{ROOT.as_uri()}@{_head(ROOT)}")


def test_an_empty_hook_repo_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "opd"), "--hook-repo", ""])
    assert result.exit_code == 2
    assert "--hook-repo" in result.stderr


@pytest.mark.parametrize(
    ("name", "builtin"),
    [(".github/workflows/pohon.yml", "github-workflows"), (".gitlab-ci.yml", "gitlab-ci")],
)
def test_the_ci_files_fit_their_published_schemas(scaffold: Path, name: str, builtin: str) -> None:
    # check-jsonschema ships these schemas (vendored): no network needed.
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{builtin}", name],
        cwd=scaffold,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_github_workflow_validates_renders_and_publishes(scaffold: Path) -> None:
    workflow = load_as_editor(scaffold / ".github/workflows/pohon.yml")
    runs = [step.get("run", "") for step in workflow["jobs"]["periksa"]["steps"]]
    assert "pohon validate --format github" in runs
    assert any(run.startswith("pohon render") for run in runs)
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_init_refuses_to_overwrite_and_lists_the_files(
    scaffold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (scaffold / "pohon-kinerja.yaml").write_text("format: pohon/1\n# my work\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--lang", "en", "opd"])
    assert result.exit_code == 2
    assert "would overwrite" in result.stderr and "pohon-kinerja.yaml" in result.stderr
    assert "--force" in result.stderr
    assert "# my work" in (scaffold / "pohon-kinerja.yaml").read_text(encoding="utf-8")


def test_init_refuses_even_one_existing_file_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("ours\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "README.md" in result.stderr and "pohon.toml" not in result.stderr
    assert _files(tmp_path) == ["README.md"]


def test_init_force_replaces(scaffold: Path) -> None:
    (scaffold / "pohon-kinerja.yaml").write_text("format: pohon/1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "opd", "--force"])
    assert result.exit_code == 0
    assert "tingkat: sub_kegiatan" in (scaffold / "pohon-kinerja.yaml").read_text(encoding="utf-8")


def test_init_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "a-file")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_package_data_ships_the_scaffold() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"scaffold_files/**/*"' in pyproject
    packaged = ROOT / "src" / "pohon" / "commands" / "scaffold_files"
    hidden = [p for p in packaged.rglob(".*")]
    assert hidden == [], "setuptools' globs skip hidden files: spell a leading dot `dot-`"


def test_merge_requests_get_the_diff_as_a_comment(scaffold: Path) -> None:
    workflow = load_as_editor(scaffold / ".github/workflows/pohon.yml")
    job = workflow["jobs"]["perubahan"]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert job["permissions"]["pull-requests"] == "write"
    runs = [step.get("run", "") for step in job["steps"]]
    assert 'pohon diff "origin/$BASE" --format markdown --out perubahan.md' in runs
    assert any("gh pr comment" in run and "--body-file perubahan.md" in run for run in runs)
    gitlab = load_as_editor(scaffold / ".gitlab-ci.yml")["perubahan"]
    assert gitlab["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    script = "\n".join(gitlab["script"])
    assert 'pohon diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format markdown' in script
    assert "/merge_requests/$CI_MERGE_REQUEST_IID/notes" in script

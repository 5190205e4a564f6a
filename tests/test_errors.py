"""One error hierarchy: each known problem is a PohonError whose class says its exit code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, tree_text
from pohon.commands.guard import run_guarded
from pohon.core import errors, exit_codes
from pohon.core.errors import (
    ConfigError,
    InputError,
    PohonError,
    TooManyFolders,
    UsageError,
    YamlError,
)
from pohon.core.finding_ids import LoaderCheck

SRC = ROOT / "src" / "pohon"


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (UsageError("--root x: no such node"), exit_codes.USAGE),
        (ConfigError("pohon.toml: unknown section `x`"), exit_codes.USAGE),
        (InputError("tree.yaml", "no such file"), exit_codes.USAGE),
        (TooManyFolders("`**` searches too many folders"), exit_codes.USAGE),
        (YamlError(LoaderCheck.YAML_SYNTAX, "not valid YAML"), exit_codes.FINDINGS),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v),
)
def test_each_known_error_exits_with_its_class_code_and_its_message(
    error: PohonError, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    def action() -> int:
        raise error

    assert run_guarded(action, debug=False) == code
    assert capsys.readouterr().err == f"pohon: {error}\n"


def test_every_error_pohon_raises_is_a_pohon_error() -> None:
    """No module defines an exception outside the hierarchy (all of them live in core/errors.py)."""
    defined = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                getattr(base, "id", "").endswith(("Error", "Exception")) for base in node.bases
            ):
                defined.append((path.relative_to(SRC).as_posix(), node.name))
    assert all(where == "core/errors.py" for where, _ in defined), defined
    for _, name in defined:
        assert issubclass(getattr(errors, name), PohonError), name


def test_an_input_error_keeps_the_path_and_the_reason() -> None:
    error = InputError(Path("a/tree.yaml"), "no such file")
    assert (str(error), error.path, error.reason) == (
        "a/tree.yaml: no such file",
        "a/tree.yaml",
        "no such file",
    )


def test_python_dash_m_pohon_runs_the_command_line(tmp_path: Path) -> None:
    tree = tmp_path / "tree.yaml"
    tree.write_text(tree_text("- id: t\n  tingkat: tujuan_opd\n  pernyataan: A\n"), "utf-8")
    version = subprocess.run(
        [sys.executable, "-m", "pohon", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("pohon, version ")
    checked = subprocess.run(
        [sys.executable, "-m", "pohon", "validate", "--lang", "en", str(tree)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert checked.returncode == exit_codes.OK, checked.stderr
    assert "1 tree checked" in checked.stderr and "warning missing-indicator" in checked.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "pohon", "validate", "--lang", "en", "nowhere.yaml"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert missing.returncode == exit_codes.USAGE
    assert missing.stderr.startswith("pohon: nowhere.yaml: no such file")

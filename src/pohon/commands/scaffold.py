"""`pohon init`: a new tree repository for an OPD, from the files packaged in scaffold_files/.

The packaged names spell a leading dot as `dot-` (`dot-gitignore` becomes `.gitignore`):
setuptools' package-data globs skip hidden files. Placeholders `__POHON_REPO__` and
`__POHON_REV__` become the repository and revision that pre-commit installs pohon from,
`__POHON_PIP_URL__` the same source as pip reads it (CI and the README); `${{ }}` in the GitHub workflow rules out Jinja-style placeholders.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from pohon.commands.editor_schema import schema_text
from pohon.commands.hook_source import HookSource
from pohon.core.errors import UsageError
from pohon.core.messages import _

SCHEMA_FILE = "pohon.schema.json"


def scaffold_files(source: HookSource) -> dict[str, bytes]:
    """Every file of a new tree repository, by its path relative to the repository."""
    files = {
        _target_name(path): text.replace("__POHON_PIP_URL__", source.pip_url)
        .replace("__POHON_REPO__", source.repo)
        .replace("__POHON_REV__", source.rev)
        .encode("utf-8")
        for path, text in _packaged(resources.files("pohon.commands") / "scaffold_files", "")
    }
    files[SCHEMA_FILE] = schema_text().encode("utf-8")
    return dict(sorted(files.items()))


def create_scaffold(target: Path, files: dict[str, bytes], *, force: bool) -> list[str]:
    """Write `files` under `target`; refuses to overwrite any existing file unless `force`."""
    if target.exists() and not target.is_dir():
        raise UsageError(_("{folder}: exists and is not a folder").format(folder=target))
    existing = sorted(name for name in files if (target / name).exists())
    if existing and not force:
        listed = ", ".join(existing)
        raise UsageError(
            _("{folder}: would overwrite {files}; rerun with --force to replace them").format(
                folder=target, files=listed
            )
        )
    try:
        for name, data in files.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    except OSError as error:
        raise UsageError(
            _("cannot write into {folder}: {reason}").format(
                folder=target, reason=error.strerror or error
            )
        ) from None
    return list(files)


def _packaged(folder: Traversable, prefix: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found += _packaged(entry, f"{prefix}{entry.name}/")
        elif not entry.name.endswith((".pyc", ".pyo")):
            found.append((f"{prefix}{entry.name}", entry.read_text(encoding="utf-8")))
    return found


def _target_name(path: str) -> str:
    return "/".join(
        "." + part.removeprefix("dot-") if part.startswith("dot-") else part
        for part in path.split("/")
    )

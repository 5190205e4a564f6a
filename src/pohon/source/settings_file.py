"""Project settings: `pohon.toml`, or `[tool.pohon]` in pyproject.toml, found walking up from a folder.

The walk stays inside the project: it stops at the repository's root (the folder holding
`.git`), never goes above the home folder, and passes over a settings file that belongs
to another user; a file elsewhere could be planted by anyone (docs/limits.md). A
pyproject.toml that cannot be read is another tool's unless it names `tool.pohon`: it is
passed over with a warning. The file is checked by one pydantic model: its sections, the
severities in `[rules]`, the patterns in `trees` and the project's own nomenclature list in
`[nomenclature]`. `[render]` is kept as written here and checked by
pohon.render.render_settings, which knows what rendering takes.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationError,
)

from pohon.core.errors import ConfigError
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import DEFAULT_LANGUAGE, _
from pohon.core.vocabulary import LANGUAGES, Language
from pohon.source.settings_problems import first_problem

OFF = "off"


def _lowered(value: Any) -> str:
    return str(value).strip().lower()


SeverityChoice = Annotated[Literal["error", "warning", "info", "off"], BeforeValidator(_lowered)]
"""A rule's setting in `[rules]`: a severity, or `off` (read as written, in any case)."""


class NomenclatureSettings(BaseModel):
    """`[nomenclature]`: a project's own list (docs/nomenclature.md says how to write it)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    list_file: StrictStr | None = Field(default=None, alias="list")
    replace: StrictBool = False
    complete: list[StrictStr] = Field(default_factory=list)


class SettingsFile(BaseModel):
    """The pohon table of a settings file: each section, typed."""

    model_config = ConfigDict(extra="forbid")

    lang: Language | None = None
    rules: dict[RuleId, SeverityChoice] = Field(default_factory=dict)
    render: dict[str, Any] = Field(default_factory=dict)
    trees: list[StrictStr] = Field(default_factory=list)
    nomenclature: NomenclatureSettings = Field(default_factory=NomenclatureSettings)


SECTIONS = tuple(SettingsFile.model_fields)


@dataclass(frozen=True)
class NomenclatureChoice:
    """A project's own list: its file, whether it replaces the bundled list or extends it,
    and the bidang (e.g. `1.06`) it holds every code of."""

    path: Path
    replace: bool = False
    complete: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """Rule severities chosen by the project (None: the rule is off) and where they came from.

    `trees` are glob patterns, relative to the settings file, naming the tree files that
    `pohon validate` checks when given no paths (the pre-commit hook). `root` is the
    project's folder, which `[render]` paths must stay inside: the repository's root, or
    the settings file's own folder outside a repository. `warnings` say what was passed over.
    """

    severities: dict[str, Severity | None] = field(default_factory=dict)
    render: dict[str, Any] = field(default_factory=dict)
    trees: tuple[str, ...] = ()
    source: Path | None = None
    root: Path | None = None
    warnings: tuple[str, ...] = ()
    nomenclature: NomenclatureChoice | None = None
    """The project's own list, its path made absolute; None: the bundled list alone."""
    lang: Language | None = None
    """The language of every command's messages and documents (`--lang` wins over it)."""


def settings_language(start: Path) -> Language:
    """The run's language by the settings: `lang`, else `[render] lang` (older), else Indonesian."""
    config = find_config(start)
    older = config.render.get("lang")
    return config.lang or (older if older in LANGUAGES else None) or DEFAULT_LANGUAGE


def find_config(start: Path) -> Config:
    """The nearest settings at or above `start` inside the project; defaults when there are none."""
    warnings: list[str] = []
    folders, repository = searched_folders(start.resolve())
    for folder in folders:
        own = folder / "pohon.toml"
        if own.is_file() and _trusted(own, warnings):
            return _parse(own, _read(own), repository or folder, warnings)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _trusted(pyproject, warnings):
            table = _pohon_table(pyproject, warnings)
            if table is not None:
                return _parse(pyproject, table, repository or folder, warnings)
    warnings += _above(folders[-1])
    return Config(warnings=tuple(warnings))


def _above(last: Path) -> list[str]:
    """A `pohon.toml` above the folders searched: not read, but said, so that one put there
    on purpose is moved rather than silently missed."""
    for folder in last.parents:
        found = folder / "pohon.toml"
        if found.is_file():
            return [
                _(
                    "{file}: not read: it lies above the project ({folder}/); settings are read "
                    "from the project only: to use it, move it into the project"
                ).format(file=found, folder=last)
            ]
    return []


def searched_folders(start: Path) -> tuple[list[Path], Path | None]:
    """`start` and the folders above it that may hold its settings, and the repository's root.

    Up to the first folder holding `.git` (a folder, or a file in a worktree), never past
    the home folder when `start` is inside it.
    """
    home = _home()
    below_home = home is not None and start.is_relative_to(home)
    folders: list[Path] = []
    for folder in (start, *start.parents):
        if below_home and home is not None and not folder.is_relative_to(home):
            break
        folders.append(folder)
        if (folder / ".git").exists():
            return folders, folder
    return folders, None


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):  # no home folder known (HOME unset, no user entry)
        return None


def _trusted(path: Path, warnings: list[str]) -> bool:
    """Whether a settings file is the user's own (or root's): another user's may be planted."""
    if not hasattr(os, "getuid"):  # Windows: no owners to compare
        return True
    owner = path.stat().st_uid
    if owner in (os.getuid(), 0):
        return True
    warnings.append(
        _(
            "{file}: not read: the file belongs to another user (uid {owner}), who may have "
            "put it there; to use these settings, copy the file so that it is yours"
        ).format(file=path, owner=owner)
    )
    return False


# `[tool.pohon]`, `[tool.pohon.rules]`, `tool.pohon.x = …` or `pohon = …` under `[tool]`.
_NAMES_POHON = re.compile(
    rb"tool\s*\.\s*[\"']?pohon\b|^\s*\[\s*tool\s*\][^\[]*^\s*[\"']?pohon[\"']?\s*[.=]", re.M
)


def _pohon_table(path: Path, warnings: list[str]) -> dict[str, Any] | None:
    """`[tool.pohon]` of a pyproject.toml; None when it has none, or is another tool's broken file."""
    try:
        tool = _read(path).get("tool")
    except ConfigError as error:
        try:
            ours = _NAMES_POHON.search(path.read_bytes()) is not None
        except OSError:
            ours = False
        if ours:
            raise
        warnings.append(
            _(
                "{error}; it names no `tool.pohon`, so pohon reads it as holding no settings "
                "of its own"
            ).format(error=error)
        )
        return None
    table = tool.get("pohon") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


_BOM = b"\xef\xbb\xbf"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
        # A byte-order mark, as Notepad writes one: read past it, as in a tree file.
        return tomllib.loads(data.removeprefix(_BOM).decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(
            _("{file}: the settings are not UTF-8 text: save the file as UTF-8").format(file=path)
        ) from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(
            _("{file}: cannot read the settings: {error}").format(file=path, error=error)
        ) from None


def _parse(path: Path, table: dict[str, Any], root: Path, warnings: list[str]) -> Config:
    try:
        settings = SettingsFile.model_validate(table)
    except ValidationError as error:
        raise ConfigError(f"{path}: {first_problem(error, table, SECTIONS)}") from None
    return Config(
        severities={
            rule.value: None if choice == OFF else Severity.parse(choice)
            for rule, choice in settings.rules.items()
        },
        render=settings.render,
        trees=tuple(settings.trees),
        source=path,
        root=root,
        warnings=tuple(warnings),
        nomenclature=_nomenclature(path, settings.nomenclature),
        lang=settings.lang,
    )


def _nomenclature(path: Path, settings: NomenclatureSettings) -> NomenclatureChoice | None:
    if settings.list_file is None:
        return None
    listed = (path.parent / settings.list_file).resolve()
    return NomenclatureChoice(listed, settings.replace, tuple(settings.complete))

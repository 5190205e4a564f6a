"""Project settings: `pohon.toml`, or `[tool.pohon]` in pyproject.toml, found walking up from a folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pohon.core.findings import Severity

OFF = "off"
SECTIONS = frozenset({"rules", "render", "trees"})


class ConfigError(Exception):
    """A settings file that cannot be used as written (exit code 2)."""


@dataclass(frozen=True)
class Config:
    """Rule severities chosen by the project (None: the rule is off) and where they came from.

    `trees` are glob patterns, relative to the settings file, naming the tree files that
    `pohon validate` checks when given no paths (the pre-commit hook).
    """

    severities: dict[str, Severity | None] = field(default_factory=dict)
    render: dict[str, Any] = field(default_factory=dict)
    trees: tuple[str, ...] = ()
    source: Path | None = None


def find_config(start: Path) -> Config:
    """The nearest settings at or above `start`; defaults when there are none."""
    for folder in (start.resolve(), *start.resolve().parents):
        own = folder / "pohon.toml"
        if own.is_file():
            return _parse(own, _read(own))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read(pyproject).get("tool")
            table = tool.get("pohon") if isinstance(tool, dict) else None
            if isinstance(table, dict):
                return _parse(pyproject, table)
    return Config()


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except UnicodeDecodeError:
        raise ConfigError(
            f"{path}: the settings are not UTF-8 text: save the file as UTF-8"
        ) from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the settings: {error}") from None


def _section(path: Path, table: dict[str, Any], name: str) -> dict[str, Any]:
    value = table.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(
            f"{path}: `{name}` must be a section of `key = value` lines, not {value!r}"
        )
    return value


def _parse(path: Path, table: dict[str, Any]) -> Config:
    from pohon.check.rules import RULES  # imported here: reading settings should not need the rules

    unknown = sorted(set(table) - SECTIONS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown section `{unknown[0]}`; known: {', '.join(sorted(SECTIONS))}"
        )
    severities: dict[str, Severity | None] = {}
    for rule, value in _section(path, table, "rules").items():
        if rule not in RULES:
            raise ConfigError(
                f"{path}: [rules] names `{rule}`, which is no rule; known rules: {', '.join(RULES)}"
            )
        text = str(value).strip().lower()
        if text == OFF:
            severities[rule] = None
        elif text.upper() in Severity.__members__:
            severities[rule] = Severity.parse(text)
        else:
            raise ConfigError(
                f"{path}: [rules] {rule} = {value!r}: write error, warning, info or off"
            )
    return Config(
        severities=severities,
        render=dict(_section(path, table, "render")),
        trees=_trees(path, table.get("trees", [])),
        source=path,
    )


def _trees(path: Path, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{path}: write trees as a list of paths, e.g. trees = ["pohon/*.yaml"]')
    return tuple(value)

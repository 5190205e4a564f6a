"""`[render]` in pohon.toml (`[tool.pohon.render]`): a project's defaults for `pohon render`.

Options given on the command line win over these settings, which win over the built-in
defaults. Paths (`out`, `templates`) are relative to the settings file's folder. A key
pohon does not know, or a value it cannot use, is a usage error naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config, ConfigError

DEFAULT_OUT = Path("build")
ENGINES = ("auto", "embedded", "dot")
LANGS = ("id", "en")
MIN_NODES_PER_PAGE = 10  # fewer would split even a small program into pages of a box or two


def _formats(value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise ValueError('write formats = ["svg", "png"] (or "svg,png")')
    return tuple(item.strip() for item in items if item.strip())


def _choice(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"choose one of {', '.join(choices)}")
        return str(value)

    return check


def _whole(minimum: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise ValueError(f"write a whole number of at least {minimum}")
        return value

    return check


def _year(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("write a year, e.g. 2025")
    return value


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("write a folder path in quotes")
    return value


_KEYS: dict[str, Callable[[Any], Any]] = {
    "out": _path,
    "formats": _formats,
    "engine": _choice(*ENGINES),
    "jobs": _whole(1),
    "max_nodes_per_page": _whole(MIN_NODES_PER_PAGE),
    "lang": _choice(*LANGS),
    "year": _year,
    "templates": _path,
}


def settings(config: Config) -> dict[str, Any]:
    """The `[render]` table checked and typed; a usage error names the file, key and value."""
    where = config.source or Path("settings")
    unknown = sorted(set(config.render) - set(_KEYS))
    if unknown:
        raise ConfigError(
            f"{where}: [render] has no setting `{unknown[0]}`; known: {', '.join(sorted(_KEYS))}"
        )
    checked: dict[str, Any] = {}
    for key, value in config.render.items():
        try:
            checked[key] = _KEYS[key](value)
        except ValueError as error:
            raise ConfigError(f"{where}: [render] {key} = {value!r}: {error}") from None
    folder = config.source.parent if config.source else Path.cwd()
    for key in ("out", "templates"):
        if key in checked:
            checked[key] = _shown(folder / checked[key])
    if "templates" in checked and not checked["templates"].is_dir():
        raise ConfigError(f"{where}: [render] templates: {checked['templates']} is no folder")
    return checked


def _shown(path: Path) -> Path:
    """Relative to the current folder where it can be: messages name it as the user would."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def resolve(config: Config, given: Mapping[str, Any]) -> tuple[Path, RenderOptions]:
    """The output folder and options: the command line's `given` values over the settings."""
    chosen = {**settings(config), **{k: v for k, v in given.items() if v is not None}}
    out = Path(chosen.pop("out", DEFAULT_OUT))
    if "templates" in chosen:
        chosen["templates"] = Path(chosen["templates"])
    if "formats" in chosen:
        chosen["formats"] = _formats(chosen["formats"])
    return out, replace(RenderOptions(), **chosen)

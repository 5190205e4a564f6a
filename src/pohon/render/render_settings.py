"""`[render]` in pohon.toml (`[tool.pohon.render]`): a project's defaults for `pohon render`.

Options given on the command line win over these settings, which win over the built-in
defaults. Paths (`out`, `templates`) are relative to the settings file's folder and must
lead inside the project (a settings file may come with a copied folder: it may not send
the outputs, or read templates, anywhere else); the command line may name any folder.
A key pohon does not know, or a value it cannot use, is a usage error naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, ValidationError
from pydantic_core import ErrorDetails

from pohon.core.errors import ConfigError
from pohon.core.messages import N_, _
from pohon.core.vocabulary import (
    DIAGRAM_FORMATS,
    ENGINE_CHOICES,
    LANGUAGES,
    PAPERS,
    AchievementFormula,
    EngineChoice,
    Language,
    PaperChoice,
)
from pohon.render.options import RenderOptions
from pohon.source import limits
from pohon.source.settings_file import Config

DEFAULT_OUT = Path("build")
MIN_NODES_PER_PAGE = 10  # fewer would split even a small program into pages of a box or two
LOWER_IS_BETTER = ("kebalikan", "selisih")  # capaian formulas for `polaritas: turun`
FORMATS_HINT = N_('write formats = ["svg", "png"] (or "svg,png")')


def _formats(value: Any) -> tuple[str, ...]:
    """Diagram formats as a list or one comma-separated text, each as written (blanks dropped)."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise ValueError(_(FORMATS_HINT))
    return tuple(item.strip() for item in items if item.strip())


def _known_formats(value: Any) -> tuple[str, ...]:
    formats = _formats(value)
    if not formats:  # `formats = ""` would draw nothing, and say nothing about it
        raise ValueError(_("name at least one format: {hint}").format(hint=_(FORMATS_HINT)))
    unknown = [name for name in formats if name.lower() not in DIAGRAM_FORMATS]
    if unknown:
        raise ValueError(
            _("`{format}` is not a diagram format; choose from {known}").format(
                format=unknown[0], known=", ".join(DIAGRAM_FORMATS)
            )
        )
    return formats


Folder = Annotated[StrictStr, Field(pattern=r"\S")]
Formats = Annotated[tuple[str, ...], BeforeValidator(_known_formats)]


def _whole(minimum: int, maximum: int | None = None) -> Any:
    # A description is the hint's message id; its values are filled in where it is said.
    if maximum is None:
        return Field(
            default=None,
            ge=minimum,
            description=N_("write a whole number of at least {minimum}"),
            json_schema_extra={"minimum": minimum},
        )
    return Field(
        default=None,
        ge=minimum,
        le=maximum,
        description=N_("write a whole number from {minimum} to {maximum}"),
        json_schema_extra={"minimum": minimum, "maximum": f"{maximum:,}"},
    )


def _one_of(choices: tuple[str, ...]) -> Any:
    return Field(
        default=None,
        description=N_("choose one of {choices}"),
        json_schema_extra={"choices": ", ".join(choices)},
    )


class RenderSettings(BaseModel):
    """The `[render]` table; each field's description is what to write when its value is unusable."""

    model_config = ConfigDict(extra="forbid", strict=True)

    out: Folder | None = Field(default=None, description=N_("write a folder path in quotes"))
    formats: Formats | None = Field(default=None, description=FORMATS_HINT)
    engine: EngineChoice | None = _one_of(ENGINE_CHOICES)
    jobs: int | None = _whole(1)
    max_nodes_per_page: int | None = _whole(MIN_NODES_PER_PAGE, limits.MAX_PAGE_BOXES)
    paper: PaperChoice | None = _one_of(PAPERS)
    figures: bool | None = Field(default=None, description=N_("write true or false"))
    lang: Language | None = _one_of(LANGUAGES)
    year: int | None = Field(default=None, description=N_("write a year, e.g. 2025"))
    templates: Folder | None = Field(default=None, description=N_("write a folder path in quotes"))
    capaian_turun: Literal["kebalikan", "selisih"] | None = _one_of(LOWER_IS_BETTER)


def settings(config: Config) -> dict[str, Any]:
    """The `[render]` table checked and typed; a usage error names the file, key and value."""
    where = config.source or Path("settings")
    try:
        model = RenderSettings.model_validate(config.render)
    except ValidationError as error:
        raise ConfigError(f"{where}: {_first_problem(error, config.render)}") from None
    checked = {key: getattr(model, key) for key in model.model_fields_set}
    folder = config.source.parent if config.source else Path.cwd()
    for key in ("out", "templates"):
        if key in checked:
            checked[key] = _shown(folder / checked[key])
    if "templates" in checked and not checked["templates"].is_dir():
        raise ConfigError(
            _("{file}: [render] templates: {folder} is no folder").format(
                file=where, folder=checked["templates"]
            )
        )
    return checked


def _first_problem(error: ValidationError, table: Mapping[str, Any]) -> str:
    """The first unknown key (alphabetically), else the first unusable value as written."""
    problems = error.errors(include_url=False)
    unknown = sorted(str(p["loc"][0]) for p in problems if p["type"] == "extra_forbidden")
    if unknown:
        known = ", ".join(sorted(RenderSettings.model_fields))
        return _("[render] has no setting `{key}`; known: {known}").format(
            key=unknown[0], known=known
        )
    keys = list(table)
    first = min(problems, key=lambda p: keys.index(str(p["loc"][0])))
    key = str(first["loc"][0])
    return f"[render] {key} = {table[key]!r}: {_hint(first, key)}"


def _hint(problem: ErrorDetails, key: str) -> str:
    if problem["type"] == "value_error":  # a validator's own words (the formats)
        return str((problem.get("ctx") or {})["error"])
    field = RenderSettings.model_fields[key]
    if field.description is None:
        return problem["msg"]
    values = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    return _(field.description).format(**values)


def _shown(path: Path) -> Path:
    """Relative to the current folder where it can be: messages name it as the user would."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def _inside_the_project(config: Config, key: str, path: Path) -> None:
    """Refuse a `[render]` folder that leads outside the project, links followed."""
    assert config.source is not None  # a setting comes from a file
    root = (config.root or config.source.parent).resolve()
    if not path.resolve().is_relative_to(root):
        written = config.render[key]
        path = Path(written) if Path(written).is_absolute() else path  # as the user would type it
        raise ConfigError(
            _(
                "{file}: [render] {key} = {value} leads outside the project ({folder}/): the "
                "settings may name folders inside it only; to use that folder anyway, give it "
                "on the command line: `--{key} {path}`"
            ).format(
                file=config.source,
                key=key,
                value=repr(config.render[key]),
                folder=_shown(root),
                path=path,
            )
        )


def resolve(config: Config, given: Mapping[str, Any]) -> tuple[Path, RenderOptions]:
    """The output folder and options: the command line's `given` values over the settings."""
    from_settings = settings(config)
    for key in ("out", "templates"):
        if key in from_settings and given.get(key) is None:
            _inside_the_project(config, key, from_settings[key])
    chosen = {**from_settings, **{k: v for k, v in given.items() if v is not None}}
    out = Path(chosen.pop("out", DEFAULT_OUT))
    if "templates" in chosen:
        chosen["templates"] = Path(chosen["templates"])
    if "formats" in chosen:
        chosen["formats"] = _formats(chosen["formats"])
    if "capaian_turun" in chosen:
        chosen["capaian_turun"] = AchievementFormula(chosen["capaian_turun"])
    return out, replace(RenderOptions(), **chosen)

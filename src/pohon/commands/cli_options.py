"""Option types and checks of the CLI, and the options of `pohon render`: cli.py stays a table of commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from pohon.core.vocabulary import DIAGRAM_FORMATS, ENGINE_CHOICES, LANGUAGES, PAPERS
from pohon.source.limits import MAX_PAGE_BOXES

F = TypeVar("F", bound=Callable[..., object])


class GivenPath(click.Path):
    """A path that names something: an empty one (`--out ''`) would quietly mean `.`."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path names no file or folder: give one", param, ctx)
        return super().convert(value, param, ctx)


def not_blank(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An option given as an empty text (`--root ''`) is a mistake, not a choice of nothing."""
    if value is not None and not value.strip():
        raise click.BadParameter("it is empty: give a value, or leave the option out")
    return value


def some_format(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--format ''` (or `,`) would draw nothing at all, and say nothing about it."""
    if value is not None and not value.replace(",", " ").strip():
        raise click.BadParameter(
            f"it names no format: give one or more of {', '.join(DIAGRAM_FORMATS)}"
        )
    return value


def _chosen_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta[LANG_KEY] = value


LANG_KEY = "pohon.lang"
"""Where `--lang` leaves its choice in the click context, for the guard to speak it."""
lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=_chosen_language,
    help="The language of messages, findings and reports: id (Indonesian) or en "
    "[default: `lang` in the settings, else id].",
)
"""`--lang` of every command: one language for the run's messages and its documents."""

_OPTIONS = [
    click.option(
        "--out",
        "out",
        type=GivenPath(path_type=Path, file_okay=False),
        default=None,
        help="The output folder; each tree gets a folder named after its main file [default: build].",
    ),
    click.option(
        "--format",
        "formats",
        default=None,
        callback=some_format,
        help=f"Diagram formats, comma-separated: {', '.join(DIAGRAM_FORMATS)} [default: svg].",
    ),
    click.option(
        "--engine",
        type=click.Choice(ENGINE_CHOICES),
        default=None,
        help="embedded: the pinned pip Graphviz (same bytes everywhere); dot: the system Graphviz "
        "[default: embedded].",
    ),
    click.option(
        "--root",
        "root",
        default=None,
        callback=not_blank,
        help="Render only the subtree under this node id.",
    ),
    click.option(
        "--year", type=int, default=None, help="The year of the Perjanjian Kinerja targets."
    ),
    lang_option,
    click.option(
        "--templates",
        type=GivenPath(path_type=Path, file_okay=False, exists=True),
        default=None,
        help="A folder of Jinja templates that override the built-in ones.",
    ),
    click.option(
        "--check", is_flag=True, help="Write nothing; exit 1 when the outputs on disk are stale."
    ),
    click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Work at once: four trees or more render in this many processes, fewer share this "
        "many engine runs [default: the number of CPUs].",
    ),
    click.option(
        "--max-nodes-per-page",
        type=click.IntRange(min=10, max=MAX_PAGE_BOXES),
        default=None,
        help="A page with more boxes is split into linked pages (10 to 1,000) [default: 60].",
    ),
    click.option(
        "--figures/--no-figures",
        default=None,
        help="Print under each indicator of a Cascading box its satuan and the target of --year "
        "(with realisation and capaian when recorded), and in each budget item its pagu.",
    ),
    click.option(
        "--paper",
        type=click.Choice(PAPERS),
        default=None,
        help="The sheet of the diagram PDFs: a4, or f4 (215 x 330 mm) [default: a4].",
    ),
    click.option(
        "--force",
        "--no-cache",
        "force",
        is_flag=True,
        help="Draw every page again instead of reusing unchanged outputs from the output folder, "
        "and replace files there that pohon did not write (or that were changed since).",
    ),
    click.option("-q", "--quiet", is_flag=True, help="No progress line and no closing summary."),
]


def render_options(command: F) -> F:
    """Add every option of `render` to `command`, in the order `--help` lists them."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command

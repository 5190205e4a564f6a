"""The command line: parse options, call one function, turn its result into an exit code.

Command bodies import their modules lazily: `pohon validate` runs on every commit
as a pre-commit hook, and startup time is most of its cost on a small tree.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from pohon import __version__
from pohon.core.vocabulary import (
    DIAGRAM_FORMATS,
    ENGINE_CHOICES,
    FINDING_FORMATS,
    LANGUAGES,
    FindingFormat,
)
from pohon.source.limits import MAX_PAGE_BOXES

PATHS = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=True)
)


class Options:
    """Options shared by every command."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug


def _run(ctx: click.Context, action: Callable[[], int]) -> None:
    from pohon.commands.guard import run_guarded
    from pohon.core.runtime import tune_gc

    tune_gc()
    options: Options = ctx.find_object(Options) or Options(debug=False)
    ctx.exit(run_guarded(action, debug=options.debug))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pohon")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Keep a performance tree (Pohon Kinerja) as YAML; check it and compile its documents."""
    ctx.obj = Options(debug=debug)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FINDING_FORMATS),
    default="text",
    show_default=True,
    help="text: file:line:col lines; json: a list of objects; github: workflow annotations.",
)
@click.option("--strict", is_flag=True, help="Warnings fail the check too (exit code 1).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Trees checked side by side (default: one per CPU, from 4 trees on).",
)
@click.pass_context
def validate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    output_format: FindingFormat,
    strict: bool,
    jobs: int | None,
) -> None:
    """Check each tree's schema and rules; report every problem with its file:line:column.

    With no PATHS, check every tree of the project: the files named by `trees` in
    pohon.toml (or [tool.pohon]), else every YAML file below the current folder that
    starts with `format: pohon/1` (parts of trees, with `induk`, through their main file).
    """

    def action() -> int:
        from pohon.commands.bodies import validate_command

        return validate_command(list(paths), output_format=output_format, strict=strict, jobs=jobs)

    _run(ctx, action)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="The canonical export (docs/export.md).",
)
@click.pass_context
def export(ctx: click.Context, path: Path, output_format: str) -> None:
    """Print the canonical tree (JSON) for other tools to read."""

    def action() -> int:
        from pohon.commands.bodies import export_command

        return export_command(path)

    _run(ctx, action)


@main.command()
@PATHS
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The output folder; each tree gets a folder named after its main file [default: build].",
)
@click.option(
    "--format",
    "formats",
    default=None,
    help=f"Diagram formats, comma-separated: {', '.join(DIAGRAM_FORMATS)} [default: svg].",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINE_CHOICES),
    default=None,
    help="embedded: the pinned pip Graphviz (same bytes everywhere); dot: the system Graphviz "
    "[default: embedded].",
)
@click.option("--root", "root", default=None, help="Render only the subtree under this node id.")
@click.option("--year", type=int, default=None, help="The year of the Perjanjian Kinerja targets.")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of labels in diagrams and reports [default: id].",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="A folder of Jinja templates that override the built-in ones.",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 when the outputs on disk are stale."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Work at once: four trees or more render in this many processes, fewer share this "
    "many engine runs [default: the number of CPUs].",
)
@click.option(
    "--max-nodes-per-page",
    type=click.IntRange(min=10, max=MAX_PAGE_BOXES),
    default=None,
    help="A page with more boxes is split into linked pages (10 to 1,000) [default: 60].",
)
@click.option(
    "--force",
    "--no-cache",
    "force",
    is_flag=True,
    help="Draw every page again instead of reusing unchanged outputs from the output folder.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no closing summary.")
@click.pass_context
def render(
    ctx: click.Context,
    /,
    paths: tuple[Path, ...],
    check: bool,
    force: bool,
    quiet: bool,
    **given: object,
) -> None:
    """Draw each tree's diagrams and write its reports into the output folder.

    Settings in `[render]` of pohon.toml (or `[tool.pohon.render]`) give the defaults;
    options given here win. Pages whose drawing would not change are taken from the
    output folder as they are (its manifest records what produced each file); --force
    draws everything again.
    """

    def action() -> int:
        from pohon.commands.bodies import render_command

        return render_command(list(paths), given, check=check, force=force, quiet=quiet)

    _run(ctx, action)


@main.command()
@click.option(
    "--check",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Print nothing; exit 1 when this committed copy of the schema is out of date.",
)
@click.pass_context
def schema(ctx: click.Context, check: Path | None) -> None:
    """Print the JSON Schema of tree files, for editors (the yaml-language-server modeline)."""

    def action() -> int:
        from pohon.commands.bodies import schema_command

        return schema_command(check)

    _run(ctx, action)


@main.command()
@click.argument("target", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option("--hook-repo", default=None, help="Where pre-commit and CI install pohon from.")
@click.option("--hook-rev", default=None, help="The pohon revision (tag or commit) to install.")
@click.pass_context
def init(
    ctx: click.Context, target: Path, force: bool, hook_repo: str | None, hook_rev: str | None
) -> None:
    """Create a new tree repository: a starter tree, pre-commit hook, CI, README."""

    def action() -> int:
        from pohon.commands.bodies import init_command
        from pohon.commands.scaffold import HOOK_REPO, HOOK_REV

        return init_command(
            target, force=force, hook_repo=hook_repo or HOOK_REPO, hook_rev=hook_rev or HOOK_REV
        )

    _run(ctx, action)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

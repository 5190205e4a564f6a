"""The command line: parse options, call one function, turn its result into an exit code.

Command bodies import their modules lazily: `pohon validate` runs on every commit
as a pre-commit hook, and startup time is most of its cost on a small tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon import __version__
from pohon.commands.cli_options import GivenPath, lang_option, not_blank, render_options
from pohon.commands.diff_cli import diff
from pohon.commands.export_cli import export
from pohon.commands.import_cli import import_tree
from pohon.commands.run_command import run_in_context
from pohon.core.vocabulary import FINDING_FORMATS, FindingFormat

PATHS = click.argument("paths", nargs=-1, required=True, type=GivenPath(path_type=Path))


class Options:
    """Options shared by every command."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug


class _Commands(click.Group):
    """pohon's commands; an unknown one that is another word for a command names that command."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        meant = _meant().get(name.lower())
        if meant and self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            what = self.commands[meant].get_short_help_str(limit=120).rstrip(".")
            raise click.UsageError(
                f"No such command '{name}'. Did you mean '{meant}'? ({what}.)", ctx
            )
        return super().resolve_command(ctx, args)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pohon")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Keep a performance tree (Pohon Kinerja) as YAML; check it and compile its documents."""
    ctx.obj = Options(debug=debug)


@main.command()
@click.argument("paths", nargs=-1, type=GivenPath(path_type=Path))
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
@lang_option
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

    run_in_context(ctx, action)


main.add_command(export)


@main.command()
@PATHS
@render_options
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

    run_in_context(ctx, action)


@main.command()
@click.option(
    "--check",
    type=GivenPath(path_type=Path, dir_okay=False),
    default=None,
    help="Print nothing; exit 1 when this committed copy of the schema is out of date.",
)
@lang_option
@click.pass_context
def schema(ctx: click.Context, check: Path | None) -> None:
    """Print the JSON Schema of tree files, for editors (the yaml-language-server modeline)."""

    def action() -> int:
        from pohon.commands.bodies import schema_command

        return schema_command(check)

    run_in_context(ctx, action)


@main.command()
@click.argument("query")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="For a text: how many of the closest entries to show.",
)
@lang_option
@click.pass_context
def lookup(ctx: click.Context, query: str, limit: int) -> None:
    """Look a code or a name up in the nomenclature (Permendagri 90/2019 and its amendments).

    A code (`1.06.04.2.01`, padded `1.06.04.02.01` too) gives its entry: name, level, the
    codes above it, the versions it is valid in, where its facts come from, the codes
    under it. A text gives the entries whose names are closest. The project's own list
    (`[nomenclature]` in pohon.toml) is read with the bundled one.
    """

    def action() -> int:
        from pohon.commands.lookup import lookup_command

        return lookup_command(query, limit=limit)

    run_in_context(ctx, action)


@main.command()
@click.argument("target", type=GivenPath(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option(
    "--hook-repo",
    default=None,
    callback=not_blank,
    help="Where pre-commit and CI install pohon from: a git URL or a local folder "
    "(default: where this pohon was installed from).",
)
@click.option(
    "--hook-rev",
    default=None,
    callback=not_blank,
    help="The pohon revision (tag or commit) to install (default: the one installed).",
)
@lang_option
@click.pass_context
def init(
    ctx: click.Context, target: Path, force: bool, hook_repo: str | None, hook_rev: str | None
) -> None:
    """Create a new tree repository: a starter tree, pre-commit hook, CI, README."""

    def action() -> int:
        from pohon.commands.bodies import init_command

        return init_command(target, force=force, hook_repo=hook_repo, hook_rev=hook_rev)

    run_in_context(ctx, action)


main.add_command(import_tree)
main.add_command(diff)

# The words people type for a command, so `pohon report` answers `render`, not the closest
# spelling (`export`): each command, then what it is looked for by (Indonesian and English).
COMMAND_SYNONYMS: dict[str, list[str]] = {
    command.name or "": words.split()
    for command, words in (
        (
            render,
            "report reports laporan build draw gambar diagram diagrams bagan site situs"
            " html pdf compile generate buat cetak",
        ),
        (validate, "check cek periksa validasi lint verify test uji"),
        (export, "json ekspor dump excel xlsx spreadsheet unduh download"),
        (init, "new baru create setup start mulai"),
        (schema, "skema jsonschema editor"),
        (diff, "compare banding bandingkan perubahan revisi changes"),
    )
}


def _meant() -> dict[str, str]:
    return {word: command for command, words in COMMAND_SYNONYMS.items() for word in words}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

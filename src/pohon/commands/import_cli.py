"""The `pohon import` command: options parsed here, the work in commands/import_command.py."""

from __future__ import annotations

from pathlib import Path

import click

from pohon.commands.cli_options import GivenPath, lang_option
from pohon.commands.run_command import run_in_context

LAYOUT_NAMES = ("tc27", "flat", "pohon")


@click.command("import")
@click.argument("source", type=GivenPath(path_type=Path, dir_okay=False))
@click.option(
    "--out", required=True, type=GivenPath(path_type=Path), help="The tree file to write (YAML)."
)
@click.option(
    "--layout",
    type=click.Choice(LAYOUT_NAMES),
    default=None,
    help="tc27: a Renstra T-C.27; flat: one row per indicator; pohon: the data sheets pohon "
    "exports (default: told from the header words).",
)
@click.option("--sheet", default=None, help="The sheet to read (default: the first visible one).")
@click.option("--force", is_flag=True, help="Replace the tree file if it exists.")
@lang_option
@click.pass_context
def import_tree(
    ctx: click.Context, source: Path, out: Path, layout: str | None, sheet: str | None, force: bool
) -> None:
    """Make a tree file from a spreadsheet (.xlsx, .xls, .ods, .csv): docs/import.md."""

    def action() -> int:
        from pohon.commands.import_command import import_command

        return import_command(source, out, layout=layout, sheet=sheet, force=force)

    run_in_context(ctx, action)

"""`pohon diff`: the click command (registered in cli.py); its body is commands/diff_command.py."""

from __future__ import annotations

from pathlib import Path

import click

from pohon.commands.cli_options import lang_option
from pohon.commands.run_command import run_in_context


@click.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "html", "xlsx"]),
    default="text",
    show_default=True,
    help="text: for the terminal; markdown: a merge-request comment; json: docs/diff.md; "
    "html: the Matriks Perubahan; xlsx: the Matriks Perubahan as a workbook (needs --out).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of the standard output.",
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when anything changed (as git diff).")
@click.option("--stat", is_flag=True, help="Only one line per tree: how much changed.")
@lang_option
@click.pass_context
def diff(
    ctx: click.Context,
    old: str,
    new: str | None,
    output_format: str,
    out: Path | None,
    exit_code: bool,
    stat: bool,
) -> None:
    """Show what changed between two versions of a tree, in the planners' terms.

    OLD and NEW are tree files or REV:PATH (a file at a git revision, as `git show`
    spells it: `main:pohon-kinerja.yaml`). With OLD alone, a revision: every tree of
    the project then and now. Layout, comments, key order and parts are no change.
    """

    def action() -> int:
        from pohon.commands.diff_command import diff_command
        from pohon.core.messages import language

        return diff_command(
            old,
            new,
            output_format=output_format,
            out=out,
            exit_code=exit_code,
            stat=stat,
            lang=language(),
        )

    run_in_context(ctx, action)

"""`pohon export`: the canonical tree as JSON, or every report of it as one Excel workbook."""

from __future__ import annotations

from pathlib import Path

import click

from pohon.commands.cli_options import GivenPath, lang_option
from pohon.commands.run_command import run_in_context
from pohon.core.vocabulary import PAPERS, PaperChoice

EXPORT_FORMATS = ("json", "xlsx")


@click.command()
@click.argument("path", type=GivenPath(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(EXPORT_FORMATS),
    default="json",
    show_default=True,
    help="json: the canonical tree; xlsx: the reports as one workbook (docs/export.md).",
)
@click.option(
    "--out",
    type=GivenPath(path_type=Path, dir_okay=False),
    default=None,
    help="The file to write (required for xlsx); json without it goes to stdout.",
)
@click.option(
    "--year", type=int, default=None, help="xlsx: the year of the Perjanjian Kinerja targets."
)
@click.option(
    "--paper",
    type=click.Choice(PAPERS),
    default=None,
    help="xlsx: the paper the sheets print on, a4 or f4 [default: render's, a4].",
)
@lang_option
@click.pass_context
def export(
    ctx: click.Context,
    path: Path,
    output_format: str,
    out: Path | None,
    year: int | None,
    paper: PaperChoice | None,
) -> None:
    """Write the canonical tree (JSON) for other tools, or its reports as an Excel workbook."""

    def action() -> int:
        from pohon.commands.bodies import export_command
        from pohon.core.messages import language

        given = {"lang": language(), "year": year, "paper": paper}
        return export_command(path, output_format, out, given)

    run_in_context(ctx, action)

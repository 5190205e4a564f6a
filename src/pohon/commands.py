"""Command bodies behind the CLI: each returns an exit code and does its own printing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from pohon import exitcodes
from pohon.config import find_config
from pohon.findings import Finding
from pohon.formats import FORMATS, summary
from pohon.load import InputError
from pohon.validate import check_path

if TYPE_CHECKING:
    from pohon.render import RenderOptions


def validate_command(paths: list[Path], *, output_format: str, strict: bool) -> int:
    config = find_config(Path.cwd())
    findings: list[Finding] = []
    unreadable = 0
    for path in paths:
        try:
            findings.extend(check_path(path, config).findings)
        except InputError as error:
            click.echo(f"pohon: {error}", err=True)
            unreadable += 1
    click.echo(FORMATS[output_format](findings), nl=False)
    if output_format == "text":
        click.echo(summary(findings, len(paths) - unreadable), err=True)
    if unreadable:
        return exitcodes.USAGE
    return exitcodes.for_findings(findings, strict=strict)


def export_command(path: Path) -> int:
    from pohon.export import tree_to_json

    checked = check_path(path, find_config(Path.cwd()))
    if exitcodes.for_findings(checked.findings) != exitcodes.OK or checked.load.tree is None:
        click.echo(FORMATS["text"](checked.findings), err=True, nl=False)
        click.echo("pohon: not exported: fix the errors above first", err=True)
        return exitcodes.FINDINGS
    click.echo(tree_to_json(checked.load.tree), nl=False)
    return exitcodes.OK


def render_command(paths: list[Path], out: Path, options: RenderOptions, *, check: bool) -> int:
    """Render every tree; write only when all of them rendered, or compare under --check."""
    from pohon.render import render_tree
    from pohon.write import stale_outputs, write_outputs

    config = find_config(Path.cwd())
    files: dict[str, bytes] = {}
    failed = False
    for path in paths:
        checked = check_path(path, config)
        if checked.load.tree is None:
            click.echo(FORMATS["text"](checked.findings), err=True, nl=False)
            failed = True
            continue
        files.update(render_tree(checked, options))
    if failed:
        click.echo("pohon: nothing written: fix the errors above first", err=True)
        return exitcodes.FINDINGS
    if check:
        stale = stale_outputs(out, files)
        for name in stale:
            click.echo(f"{out / name}: out of date", err=True)
        if stale:
            click.echo("pohon: outputs are stale: run `pohon render` and commit them", err=True)
        return exitcodes.FINDINGS if stale else exitcodes.OK
    changed = write_outputs(out, files)
    click.echo(f"{len(files)} files in {out}/ ({len(changed)} changed)", err=True)
    return exitcodes.OK

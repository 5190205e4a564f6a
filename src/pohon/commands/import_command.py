"""`pohon import`: a spreadsheet read in its layout, made a tree, written whole, then validated."""

from __future__ import annotations

from pathlib import Path

import click

from pohon.check.finding_formats import FORMATS
from pohon.core import exit_codes
from pohon.core.errors import InputError, SheetError, UsageError
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _


def import_command(
    source: Path, out: Path, *, layout: str | None, sheet: str | None, force: bool
) -> int:
    from pohon.check.validate_trees import check_path
    from pohon.commands.bodies import project_settings
    from pohon.source.spreadsheet.layouts import read_workbook
    from pohon.source.spreadsheet.workbook import open_workbook
    from pohon.tree.importing.document import tree_document
    from pohon.write.tree_file import refuse_existing, write_whole
    from pohon.write.tree_yaml import tree_yaml

    if out.resolve() == source.resolve():
        raise UsageError(_("--out names the spreadsheet itself: give the tree file to write"))
    refuse_existing(out, force=force)
    if not source.is_file():
        raise InputError(source, _("no such file") if not source.exists() else _("not a file"))
    try:
        book = open_workbook(source)
        table, used = read_workbook(book, layout, sheet)
    except SheetError as error:
        finding = Finding(error.place, 0, 0, Severity.ERROR, error.rule, error.message)
        click.echo(FORMATS["text"]([finding]), nl=False)
        click.echo(_("pohon: nothing written"), err=True)
        return exit_codes.FINDINGS
    document, findings = tree_document(
        table, source.name, drop_repeats=used == "tc27", exact=used == "pohon"
    )
    click.echo(FORMATS["text"](findings), nl=False)
    if any(f.severity is Severity.ERROR for f in findings):
        click.echo(_("pohon: nothing written: fix the cells above and import again"), err=True)
        return exit_codes.FINDINGS
    header = _("# Imported by `pohon import` from {source} (layout {layout}).").format(
        source=source.name, layout=used
    )
    write_whole(out, tree_yaml(document, header))
    checked = check_path(out, project_settings())
    click.echo(FORMATS["text"](checked.findings), nl=False)
    nodes = sum(1 for _node in _walk(document["simpul"]))
    click.echo(
        _("pohon: read {source} as layout {layout}; wrote {out} ({nodes} nodes)").format(
            source=source.name, layout=used, out=out, nodes=nodes
        ),
        err=True,
    )
    return exit_codes.for_findings([*findings, *checked.findings])


def _walk(nodes: list[dict[str, object]]) -> list[dict[str, object]]:
    found, stack = [], list(nodes)
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.get("anak", []))  # type: ignore[arg-type]
    return found

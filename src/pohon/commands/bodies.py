"""Command bodies behind the CLI: each returns an exit code and does its own printing."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click

from pohon.check.finding_formats import FORMATS, summary
from pohon.check.silenced import Silence
from pohon.check.validate_trees import check_path, validate_paths
from pohon.core import exit_codes as exitcodes
from pohon.core.errors import InputError, UsageError
from pohon.core.findings import Finding
from pohon.core.messages import _, language, ngettext
from pohon.core.vocabulary import FindingFormat
from pohon.source.settings_file import Config, find_config


def project_settings() -> Config:
    """The settings for the working folder, saying on stderr what the search passed over."""
    config = find_config(Path.cwd())
    for warning in config.warnings:
        click.echo(_("pohon: warning: {warning}").format(warning=warning), err=True)
    return config


def validate_command(
    paths: list[Path],
    *,
    output_format: FindingFormat,
    strict: bool,
    jobs: int | None = None,
) -> int:
    """Check the given trees; with no paths, every tree of the project (see discover.py)."""
    from pohon.source.discover import find_trees
    from pohon.source.nomenclature.lists import nomenclature_for

    config = project_settings()
    nomenclature_for(config.nomenclature)  # a project list that cannot be read stops here, once
    discovery = None if paths else find_trees(Path.cwd(), config)
    paths = discovery.mains if discovery else paths
    findings: list[Finding] = []
    silenced: set[Silence] = set()  # the settings' `off` rules apply to every tree: once each
    read: set[str] = set()
    loaded = 0
    unreadable = 0
    for result in validate_paths(paths, config, jobs):
        if result.unreadable is not None:
            click.echo(f"pohon: {result.unreadable}", err=True)
            unreadable += 1
            continue
        findings.extend(result.findings)
        silenced.update(result.silenced)
        read.update(result.files)
        loaded += result.loaded
    if discovery and loaded == len(paths):  # a tree that failed to load may own the parts
        findings.extend(discovery.unincluded(read))
    click.echo(FORMATS[output_format](findings), nl=False)
    if output_format == "text":
        for silence in sorted(silenced):  # never "no problems" without saying what was not checked
            click.echo(silence.line_text(), err=True)
        checked = summary(findings, len(paths) - unreadable, unreadable)
        click.echo(checked + _silenced_count(len(silenced)), err=True)
    if unreadable:
        return exitcodes.USAGE
    return exitcodes.for_findings(findings, strict=strict)


def _silenced_count(count: int) -> str:
    return _("; silenced: {count} (listed above)").format(count=count) if count else ""


def export_command(
    path: Path,
    output_format: str = "json",
    out: Path | None = None,
    given: Mapping[str, object] | None = None,
) -> int:
    """The tree as JSON (stdout, or `out`) or its reports as a workbook (`out`, never stdout)."""
    from pohon.commands.export_body import export_tree

    if output_format == "xlsx" and out is None:  # binary: never to a terminal or a pipe
        raise UsageError(_("--format xlsx writes a file: give it with --out FILE.xlsx"))
    config = project_settings()
    checked = check_path(path, config)
    if exitcodes.for_findings(checked.findings) != exitcodes.OK or checked.load.tree is None:
        click.echo(FORMATS["text"](checked.findings), err=True, nl=False)
        click.echo(_("pohon: not exported: fix the errors above first"), err=True)
        return exitcodes.FINDINGS
    data = export_tree(checked.load.tree, output_format, config, given or {})
    if out is None:
        click.echo(data, nl=False)
        return exitcodes.OK
    from pohon.write.single_file import write_file

    write_file(out, data)
    click.echo(_("pohon: wrote {path}").format(path=out), err=True)
    return exitcodes.OK


def render_command(
    paths: list[Path], given: Mapping[str, object], *, check: bool, force: bool, quiet: bool
) -> int:
    """Render every tree with the options `given` on the command line over the project's settings."""
    from pohon.commands.render_command import run_render
    from pohon.render.render_settings import resolve

    config = project_settings()  # once per run: the workers get it from here
    out, options = resolve(config, {**given, "lang": language()})  # the run's one language
    return run_render(paths, out, options, config, check=check, force=force, quiet=quiet)


def schema_command(check: Path | None) -> int:
    """Print the editor schema, or with `check` say whether a committed copy is current."""
    from pohon.commands.editor_schema import schema_text

    text = schema_text()
    if check is None:
        click.echo(text.encode("utf-8"), nl=False)
        return exitcodes.OK
    try:
        committed = check.read_bytes().decode("utf-8").replace("\r\n", "\n")
    except OSError as error:
        raise InputError(
            check, _("cannot be read ({reason})").format(reason=error.strerror)
        ) from None
    except UnicodeDecodeError:
        committed = ""  # not our JSON at all: simply out of date
    if committed != text:
        click.echo(
            _("{file}: out of date: run `pohon schema > {file}` and commit it").format(file=check),
            err=True,
        )
        return exitcodes.FINDINGS
    click.echo(_("{file}: current").format(file=check), err=True)
    return exitcodes.OK


def init_command(target: Path, *, force: bool, hook_repo: str | None, hook_rev: str | None) -> int:
    """Create a new tree repository in `target` (refusing to overwrite unless `force`)."""
    from pohon.commands.hook_source import hook_source
    from pohon.commands.scaffold import create_scaffold, scaffold_files

    source = hook_source(hook_repo, hook_rev)
    written = create_scaffold(target, scaffold_files(source), force=force)
    for name in written:
        click.echo(f"{target / name}", err=True)
    click.echo(
        ngettext(
            "pohon: {count} file in {folder}/; next: edit pohon-kinerja.yaml, then `pohon validate`",
            "pohon: {count} files in {folder}/; next: edit pohon-kinerja.yaml, then `pohon validate`",
            len(written),
        ).format(count=len(written), folder=target),
        err=True,
    )
    return exitcodes.OK

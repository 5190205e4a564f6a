"""The body of `pohon render`: render every tree, then write or compare the outputs."""

from __future__ import annotations

from pathlib import Path

import click

from pohon.core import exit_codes
from pohon.core.errors import UsageError
from pohon.core.messages import _, ngettext
from pohon.core.signals import held
from pohon.render.cache import MANIFEST
from pohon.render.diagrams.outputs import default_jobs
from pohon.render.options import RenderOptions
from pohon.render.pipeline import Rendered, Sink, merged, prepare
from pohon.render.progress import Progress
from pohon.source.settings_file import Config
from pohon.write.compare import Compared
from pohon.write.journal import JOURNAL, STAGING_FOLDER
from pohon.write.staging import Staging


def run_render(
    paths: list[Path],
    out: Path,
    options: RenderOptions,
    config: Config,
    *,
    check: bool,
    force: bool = False,
    quiet: bool = False,
) -> int:
    """Render every tree; write only when all of them rendered, or compare under --check."""
    from pohon.write.folder_lock import locked
    from pohon.write.output_folder import recover_stopped_write

    _a_folder(out)
    _distinct_folders(paths, out)
    with locked(out, write=not check):
        recovered = None if check else recover_stopped_write(out)
        if recovered is not None:
            said = (
                _("pohon: the render into {folder}/ that was stopped has been finished")
                if recovered == "finished"
                else _("pohon: the render into {folder}/ that was stopped has been undone")
            )
            click.echo(said.format(folder=out), err=True)
        progress = Progress(len(paths), quiet=quiet)
        # Each tree's files go to disk (or are compared) as the tree is finished.
        outputs = Compared(out) if check else Staging(out)
        try:
            try:
                # Under --check the output folder is what is being checked: nothing in it may
                # vouch for itself (the manifest's keys and hashes are as editable as the outputs).
                rendered = _render(
                    paths, out, options, config, progress, outputs.add, force=force or check
                )
            finally:
                progress.clear()
            if rendered is None:
                click.echo(_("pohon: nothing written: fix the errors above first"), err=True)
                return exit_codes.FINDINGS
            outputs.add(rendered.files)  # the top index
            if isinstance(outputs, Compared):
                return _check(out, outputs, rendered)
            return _write(out, outputs, rendered, force=force, quiet=quiet)
        finally:
            if isinstance(outputs, Staging):
                with held():  # what is left staged goes, a second Ctrl-C or not
                    outputs.discard()


def _check(out: Path, compared: Compared, rendered: Rendered) -> int:
    problems = compared.problems(rendered.record)
    for name, why in problems:
        click.echo(f"{out / name}: {_(why)}", err=True)
    if problems:
        click.echo(
            _(
                "pohon: outputs are stale: run `pohon render` with the same options "
                "(--format, --lang, --root…) and commit them"
            ),
            err=True,
        )
    return exit_codes.FINDINGS if problems else exit_codes.OK


def _write(out: Path, staging: Staging, rendered: Rendered, *, force: bool, quiet: bool) -> int:
    from pohon.write.output_folder import write_staged

    files = len(staging.outputs)
    written = write_staged(staging, rendered.record, force=force)
    for name, why in written.refused:
        click.echo(f"pohon: {out / name}: {why}", err=True)
    if written.refused:
        click.echo(
            _(
                "pohon: nothing written: the files above are in the way, and pohon replaces only "
                "what it wrote itself: move them away (or give --force where it says so)"
            ),
            err=True,
        )
        return exit_codes.USAGE
    for name, why in written.kept:
        click.echo(
            _("pohon: {file}: left in place: it {why}").format(file=out / name, why=why), err=True
        )
    if not quiet:
        click.echo(
            ngettext(
                "{count} file in {folder}/ ({changed} changed)",
                "{count} files in {folder}/ ({changed} changed)",
                files,
            ).format(count=files, folder=out, changed=len(written.changed)),
            err=True,
        )
    return exit_codes.OK


def _render(
    paths: list[Path],
    out: Path,
    options: RenderOptions,
    config: Config,
    progress: Progress,
    sink: Sink,
    *,
    force: bool,
) -> Rendered | None:
    """The render, each tree's files handed to `sink`; None (after saying why) when a tree
    cannot be read."""
    from pohon.render.unchanged_trees import render_trees

    job = prepare(options, config, out, force=force)
    trees = render_trees(paths, job, options.jobs or default_jobs(), progress, sink)
    progress.clear()
    for tree in trees:
        if tree.failed is not None:
            click.echo(tree.failed, err=True, nl=False)
    return None if any(tree.failed is not None for tree in trees) else merged(trees, options)


def _a_folder(out: Path) -> None:
    """`-` names standard output elsewhere; a render writes a folder of many files, no stream."""
    if str(out) == "-":
        raise UsageError(
            _(
                "--out -: a render writes a folder of many files, which cannot go to the "
                "standard output: give a folder, e.g. `--out situs/`"
            )
        )


# The files at the top of the output folder: no tree's folder may take one of their names.
TOP_FILES = ("index.html", MANIFEST, JOURNAL, STAGING_FOLDER)


def _distinct_folders(paths: list[Path], out: Path) -> None:
    """Each tree renders into a folder named after its main file: two of one name would collide."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path.stem in ("", ".", ".."):  # `...yaml` would render into the folder above `out`
            raise UsageError(
                _(
                    "{file}: its name makes no folder to render into: rename it, e.g. `pohon.yaml`"
                ).format(file=path)
            )
        if path.stem.lower() in TOP_FILES:
            raise UsageError(
                _(
                    "{file} would render into {folder}/, where the site's own file of that name "
                    "goes: rename it, e.g. `pohon.yaml`"
                ).format(file=path, folder=out / path.stem)
            )
        folder = path.stem.lower()  # one folder on a case-insensitive disk too
        if folder in seen and seen[folder] != path:
            raise UsageError(
                _(
                    "{first} and {second} would both render into {folder}/: rename one of them, "
                    "or render them with different --out folders"
                ).format(first=seen[folder], second=path, folder=out / path.stem)
            )
        seen[folder] = path
    return None

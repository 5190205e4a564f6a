"""The body of `pohon render`: render every tree, then write or compare the outputs."""

from __future__ import annotations

from pathlib import Path

import click

from pohon.core import exit_codes
from pohon.core.errors import UsageError
from pohon.render.diagrams.outputs import default_jobs
from pohon.render.options import RenderOptions
from pohon.render.pipeline import Rendered, merged, prepare, render_here
from pohon.render.progress import Progress
from pohon.source.settings_file import Config


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
    from pohon.write.output_folder import stale_outputs, write_outputs

    _distinct_folders(paths, out)
    progress = Progress(len(paths), quiet=quiet)
    try:
        # Under --check the output folder is what is being checked: nothing in it may vouch
        # for itself (the manifest's keys and hashes are as editable as the outputs).
        rendered = _render(paths, out, options, config, progress, force=force or check)
    finally:
        progress.clear()
    if rendered is None:
        click.echo("pohon: nothing written: fix the errors above first", err=True)
        return exit_codes.FINDINGS
    if check:
        stale = stale_outputs(out, rendered.files, rendered.record)
        for name in stale:
            click.echo(f"{out / name}: out of date", err=True)
        if stale:
            click.echo(
                "pohon: outputs are stale: run `pohon render` with the same options "
                "(--format, --lang, --root…) and commit them",
                err=True,
            )
        return exit_codes.FINDINGS if stale else exit_codes.OK
    changed = write_outputs(out, rendered.files, rendered.record)
    if not quiet:
        click.echo(f"{len(rendered.files)} files in {out}/ ({len(changed)} changed)", err=True)
    return exit_codes.OK


def _render(
    paths: list[Path],
    out: Path,
    options: RenderOptions,
    config: Config,
    progress: Progress,
    *,
    force: bool,
) -> Rendered | None:
    """Every file of the render in memory; None (after saying why) when a tree cannot be read."""
    from pohon.render.workers import render_in_workers, use_workers

    job = prepare(options, config, out, force=force)
    jobs = options.jobs or default_jobs()
    if use_workers(paths, jobs):
        trees = render_in_workers(paths, job, jobs, progress)
    else:
        trees = render_here(paths, job, progress)
    progress.clear()
    for tree in trees:
        if tree.failed is not None:
            click.echo(tree.failed, err=True, nl=False)
    return None if any(tree.failed is not None for tree in trees) else merged(trees, options)


def _distinct_folders(paths: list[Path], out: Path) -> None:
    """Each tree renders into a folder named after its main file: two of one name would collide."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path.stem in ("", ".", ".."):  # `...yaml` would render into the folder above `out`
            raise UsageError(
                f"{path}: its name makes no folder to render into: rename it, e.g. `pohon.yaml`"
            )
        folder = path.stem.lower()  # one folder on a case-insensitive disk too
        if folder in seen and seen[folder] != path:
            raise UsageError(
                f"{seen[folder]} and {path} would both render into {out / path.stem}/: "
                "rename one of them, or render them with different --out folders"
            )
        seen[folder] = path
    return None

"""The body of `pohon render`: read and check every tree, render them all, then write or compare."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pohon.check.finding_formats import FORMATS
from pohon.check.run_rules import check_tree
from pohon.core import exit_codes as exitcodes
from pohon.core.errors import UsageError
from pohon.render.diagrams.outputs import default_jobs
from pohon.render.options import RenderOptions
from pohon.render.progress import Progress
from pohon.source.settings_file import Config, find_config
from pohon.tree.assemble import LoadResult, load_tree

if TYPE_CHECKING:
    from pohon.render.pipeline import Rendered


def run_render(
    paths: list[Path],
    out: Path,
    options: RenderOptions,
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
        rendered = _render(paths, out, options, progress, force=force or check)
    finally:
        progress.clear()
    if rendered is None:
        click.echo("pohon: nothing written: fix the errors above first", err=True)
        return exitcodes.FINDINGS
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
        return exitcodes.FINDINGS if stale else exitcodes.OK
    changed = write_outputs(out, rendered.files, rendered.record)
    if not quiet:
        click.echo(f"{len(rendered.files)} files in {out}/ ({len(changed)} changed)", err=True)
    return exitcodes.OK


def _render(
    paths: list[Path], out: Path, options: RenderOptions, progress: Progress, *, force: bool
) -> Rendered | None:
    """Every file of the render in memory; None (after saying why) when a tree cannot be read."""
    from pohon.render.pipeline import render_trees
    from pohon.render.workers import merged, render_in_workers, use_workers

    jobs = options.jobs or default_jobs()
    if use_workers(paths, jobs):
        done = render_in_workers(paths, options, out, jobs, force=force, progress=progress)
        progress.clear()
        for tree in done:
            if tree.failed is not None:
                click.echo(tree.failed, err=True, nl=False)
        return None if any(tree.failed is not None for tree in done) else merged(done, options)
    config = find_config(Path.cwd())
    failed: list[Path] = []
    loaded = _loaded(paths, config, progress, failed)
    rendered = render_trees(loaded, config, options, out, force=force, progress=progress)
    return None if failed else rendered


def _loaded(
    paths: list[Path], config: Config, progress: Progress, failed: list[Path]
) -> Iterator[LoadResult]:
    """Each tree read, to render (its rules run only if it is drawn again); after one that
    cannot be read, the rest are only read (their errors shown too), as nothing will be written."""
    for path in paths:
        load = load_tree(path)
        if load.tree is None:
            progress.clear()
            click.echo(FORMATS["text"](check_tree(load, config)), err=True, nl=False)
            failed.append(path)
        elif not failed:
            yield load


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

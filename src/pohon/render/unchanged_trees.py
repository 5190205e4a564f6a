"""Take the trees whose files are unchanged whole from the output folder, without reading their YAML.

Reading a tree (parsing its YAML, building its model) is most of a re-render in which
little changed. Before any tree is dispatched, each is checked against what the last
manifest recorded of it (pohon.render.tree_inputs): its `sertakan` patterns, expanded
again in the loader's order, must give the same files, every file must hash as before,
the tree's key (the same one pohon.render.cache keys a read tree by) must be the recorded
one, and every output of it must still be on disk as pohon wrote it. Only the other trees
are read and rendered, here or in workers. A tree taken so had no errors when it was
written (a tree with errors is not written), and its findings follow from the same inputs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pohon.core.errors import PohonError
from pohon.render.pipeline import Job, Sink, TreeRender, hand_on, render_here
from pohon.render.progress import Progress
from pohon.render.tree_inputs import TreeInputs, title_from
from pohon.render.workers import render_in_workers, use_workers
from pohon.source.files import display_path, read_bytes
from pohon.source.includes import expand
from pohon.source.pattern import Search


def render_trees(
    paths: list[Path], job: Job, jobs: int, progress: Progress, sink: Sink | None = None
) -> list[TreeRender]:
    """Every tree's render in path order: the unchanged ones from disk, the rest rendered;
    each tree's files handed to `sink` as it is done."""
    taken: dict[Path, TreeRender] = {}
    for path in paths:
        found = unchanged(path, job)
        if found is not None:
            taken[path] = hand_on(found, sink)
            progress.advance(path.stem)
    rest = [path for path in paths if path not in taken]
    if use_workers(rest, jobs):
        rendered = render_in_workers(rest, job, jobs, progress, sink)
    else:
        rendered = render_here(rest, job, progress, sink) if rest else []
    if any(tree.failed is not None for tree in rendered):
        return rendered  # nothing will be written: only the failures are wanted
    made = iter(rendered)
    return [taken[path] if path in taken else next(made) for path in paths]


def unchanged(path: Path, job: Job) -> TreeRender | None:
    """The tree's last render from disk when nothing it was made from changed; else None."""
    source = display_path(path)
    folder = Path(source).stem
    recorded = job.previous.record.inputs.get(folder)
    key = job.previous.record.trees.get(folder)
    if recorded is None or key is None or recorded.files.get(source) is None:
        return None
    digests = _digests(path, source, recorded)
    if digests is None or job.keys.tree_of(source, digests, folder, job.config) != key:
        return None
    title = title_from(recorded.title)
    reused = job.previous.reuse_tree(job.out, folder, key) if title is not None else None
    if reused is None:
        return None
    return TreeRender(
        Path(source),
        files=reused,
        keys=job.previous.keys_of(reused),
        tree_key=(folder, key),
        title=title,
        inputs=recorded,
        reused=len(reused),
    )


def _digests(main: Path, source: str, recorded: TreeInputs) -> dict[str, str] | None:
    """The sha256 of the tree's files now, when its patterns still name the recorded files."""
    # The loader's own steps, in its order: the same `seen` and folder limit make the same
    # expansions, so a pattern that now names one more (or one fewer) file is caught here.
    root = main.parent.resolve()
    seen, search = {main.resolve()}, Search()
    paths = {source: main}
    for owner, pattern, files in recorded.expansions:
        if owner not in paths:
            return None
        found = expand(pattern, paths[owner].parent, root, seen, search)
        names = tuple(display_path(part) for part in found.files)
        if found.problems or names != files:
            return None
        paths.update(zip(names, found.files, strict=True))
    if paths.keys() != recorded.files.keys():
        return None
    digests = {}
    for name, part in paths.items():
        try:
            digests[name] = hashlib.sha256(read_bytes(part)).hexdigest()
        except (PohonError, OSError):  # read normally, to say why it cannot be
            return None
        if digests[name] != recorded.files[name]:
            return None
    return digests

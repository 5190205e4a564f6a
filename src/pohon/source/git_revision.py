"""Files as they were at a git revision (`REV:PATH`, as `git show` spells it), read through git.

A revision's YAML files are copied into a temporary folder, so the loader reads them (and the
parts they include with `sertakan`) exactly as it reads the working tree: the same checks of
size, type and encoding. Only regular files are copied: a link or a submodule at a revision
is no tree file.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pohon.core.errors import UsageError
from pohon.core.messages import _
from pohon.source import limits

_COPIED = (".yaml", ".yml", "pohon.toml", "pyproject.toml")
_REGULAR = ("100644", "100755")


@dataclass(frozen=True)
class RevisionPath:
    """A file at a revision: the revision as given and the path from the repository's root."""

    revision: str
    path: PurePosixPath

    @property
    def label(self) -> str:
        return f"{self.revision}:{self.path}"


def revision_path(text: str, cwd: Path) -> RevisionPath | None:
    """`REV:PATH` read as git reads it (`./x` and `../x` from the working folder), or None when
    `text` names a file here or has no colon."""
    if ":" not in text or Path(text).exists():
        return None
    revision, _colon, path = text.partition(":")
    if not revision or not path:
        return None
    if path.startswith(("./", "../")):
        prefix = _git(["rev-parse", "--show-prefix"], cwd).strip()
        path = os.path.normpath(PurePosixPath(prefix, path).as_posix())
        if path.startswith(".."):
            raise UsageError(_("{text}: the path leaves the repository").format(text=text))
    return RevisionPath(revision, PurePosixPath(path))


def repository_root(cwd: Path) -> Path:
    return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())


def copy_revision(revision: str, cwd: Path, into: Path) -> None:
    """Write the YAML (and settings) files of `revision` below `into`, as laid out in the repository."""
    if revision.startswith("-"):
        raise UsageError(
            _("{revision}: a revision does not start with `-`").format(revision=revision)
        )
    _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{tree}}"],
        cwd,
        revision,
    )
    listing = _git(["ls-tree", "-r", "-l", "-z", "--full-tree", revision], cwd, revision)
    wanted: list[tuple[str, str]] = []
    for entry in listing.split("\0"):
        if not entry:
            continue
        info, _tab, name = entry.partition("\t")
        mode, kind, sha, size = info.split()
        if mode not in _REGULAR or kind != "blob" or not name.endswith(_COPIED):
            continue
        if name.startswith("/") or ".." in PurePosixPath(name).parts:
            continue  # no file of a revision is written outside the copy, whatever its tree says
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if int(size) > limits.MAX_FILE_BYTES:
            with target.open("wb") as stream:  # the loader refuses it by its size, as on disk
                stream.truncate(limits.MAX_FILE_BYTES + 1)
            continue
        wanted.append((sha, name))
        if len(wanted) > limits.MAX_FILES * 10:
            raise UsageError(
                _("{revision}: more than {count} YAML files at this revision").format(
                    revision=revision, count=limits.MAX_FILES * 10
                )
            )
    _write_blobs(wanted, cwd, into)


def _write_blobs(wanted: list[tuple[str, str]], cwd: Path, into: Path) -> None:
    """One `git cat-file --batch` for all the files: a process per file would cost seconds."""
    if not wanted:
        return
    request = "".join(f"{sha}\n" for sha, _name in wanted).encode()
    done = subprocess.run(
        ["git", "cat-file", "--batch"], cwd=cwd, input=request, capture_output=True, check=False
    )
    if done.returncode != 0:
        raise UsageError(_("git cat-file failed: {reason}").format(reason=_said(done.stderr)))
    output, offset = done.stdout, 0
    for _sha, name in wanted:
        header_end = output.index(b"\n", offset)
        size = int(output[offset:header_end].split()[2])
        start = header_end + 1
        (into / name).write_bytes(output[start : start + size])
        offset = start + size + 1


def _git(arguments: list[str], cwd: Path, revision: str | None = None) -> str:
    try:
        done = subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise UsageError(_("git is not installed: comparing revisions needs it")) from None
    except subprocess.TimeoutExpired:
        raise UsageError(_("git took more than two minutes to answer")) from None
    if done.returncode != 0:
        if revision is not None:
            raise UsageError(
                _("{revision}: no such revision in this repository ({reason})").format(
                    revision=revision, reason=_said(done.stderr) or "git found none"
                )
            )
        raise UsageError(_("not in a git repository ({reason})").format(reason=_said(done.stderr)))
    return done.stdout.decode("utf-8", errors="replace")


def _said(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else ""

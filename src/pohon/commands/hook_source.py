"""Where a new tree repository's pre-commit hook and CI install pohon from: a source that exists.

pohon knows how it was itself installed (the `direct_url.json` pip records, PEP 610): from
a git URL at a commit, from a local checkout, or from an index. A scaffold that installs
the same pohon the same way works on its first `pre-commit run`; the published repository
and this version's tag (`[project.urls] Repository` in pyproject.toml, tag `v<version>`)
are the fallback for an installed release.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

from pohon import __version__
from pohon.core.errors import UsageError
from pohon.core.messages import _

RELEASE_TAG = f"v{__version__}"


@dataclass(frozen=True)
class HookSource:
    """A repository pre-commit can clone (URL or absolute path) and a revision inside it."""

    repo: str
    rev: str

    @property
    def pip_url(self) -> str:
        """The same source as pip reads it: `git+` and a URL (`file://` for a local path)."""
        url = self.repo if "://" in self.repo else Path(self.repo).as_uri()
        return f"git+{url}@{self.rev}"


def hook_source(repo: str | None = None, rev: str | None = None) -> HookSource:
    """The source given on the command line, completed from how this pohon was installed."""
    if repo is not None:
        repo = _absolute_if_local(repo)
        return HookSource(repo, rev or _local_head(repo) or RELEASE_TAG)
    installed = _installed_source()
    return HookSource(installed.repo, rev or installed.rev)


def _installed_source() -> HookSource:
    recorded = _direct_url()
    url = recorded.get("url")
    vcs = recorded.get("vcs_info")
    if isinstance(url, str) and isinstance(vcs, dict) and isinstance(vcs.get("commit_id"), str):
        return HookSource(url, vcs["commit_id"])
    if isinstance(url, str) and url.startswith("file://") and "dir_info" in recorded:
        folder = unquote(urlparse(url).path)
        head = _local_head(folder)
        if head is not None:
            return HookSource(folder, head)
    return HookSource(_published_repository(), RELEASE_TAG)


def _direct_url() -> dict[str, object]:
    try:
        text = metadata.distribution("pohon").read_text("direct_url.json")
        recorded = json.loads(text) if text else {}
    except (metadata.PackageNotFoundError, ValueError):
        return {}
    return recorded if isinstance(recorded, dict) else {}


def _published_repository() -> str:
    try:
        urls: list[str] = metadata.distribution("pohon").metadata.get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    named = dict(entry.split(", ", 1) for entry in urls if ", " in entry)
    if "Repository" not in named:
        raise UsageError(_("pohon's own repository is not recorded here; give --hook-repo"))
    return named["Repository"]


def _absolute_if_local(repo: str) -> str:
    if "://" in repo or repo.startswith("git@"):
        return repo
    return str(Path(repo).expanduser().resolve())


def _local_head(folder: str) -> str | None:
    """The commit checked out in a local git repository, or None (not local, not git)."""
    git = shutil.which("git")
    if "://" in folder or git is None or not Path(folder, ".git").exists():
        return None
    try:
        result = subprocess.run(
            [git, "-C", folder, "rev-parse", "--verify", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    head = result.stdout.strip()
    return head if result.returncode == 0 and head else None

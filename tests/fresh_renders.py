"""Two fresh `pohon render` processes of the Mamuju tree, side by side, with other hash seeds.

conftest.py starts them as soon as the session knows that a test marked `fresh_renders`
will run, so their CPU time fills the other tests' waits on Graphviz and Chromium; the test
only waits for them and compares what they wrote.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SEEDS = ("1", "2")
FORMATS = "svg,png,dot"  # every format the embedded engine draws, and the DOT


class FreshRenders:
    """The two processes: started at most once, awaited by the test, stopped at the end."""

    def __init__(self, tree: Path, cwd: Path) -> None:
        self.tree, self.cwd = tree, cwd
        self.folder: Path | None = None
        self.runs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self) -> None:
        if self.folder is not None:
            return
        self.folder = Path(tempfile.mkdtemp(prefix="pohon-fresh-renders-"))
        for seed in SEEDS:
            command = [sys.executable, "-m", "pohon", "render", str(self.tree)]
            command += ["--out", str(self.folder / seed), "--format", FORMATS]
            env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
            self.runs[seed] = subprocess.Popen(
                command, cwd=self.cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )

    def outputs(self) -> dict[str, Path]:
        """Each seed's output folder, once its process has ended well."""
        self.start()
        assert self.folder is not None
        for run in self.runs.values():
            _, errors = run.communicate(timeout=300)
            assert run.returncode == 0, errors.decode()
        return {seed: self.folder / seed for seed in self.runs}

    def close(self) -> None:
        for run in self.runs.values():
            if run.poll() is None:
                run.kill()
            run.communicate()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

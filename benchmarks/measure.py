"""Measure a whole process: wall-clock seconds, CPU seconds and peak memory; Markdown rows."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POHON = str(BIN / "pohon")
# Runs a command as the only child of a small Python process, so that the peak resident
# memory of the children (RUSAGE_CHILDREN) is that command's own (or its largest child's).
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "elapsed = time.perf_counter() - start\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(elapsed, use.ru_maxrss, code, use.ru_utime + use.ru_stime)\n"
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int
    cpu: float = 0.0  # user + system seconds of the process and every process it ran


def measure(command: list[str], repeat: int = 1) -> Run:
    """Best wall-clock time of `repeat` runs, and the peak memory of that run."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", MEASURE, *command],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.split()
        runs.append(Run(float(out[0]), int(out[1]) / 1024, int(out[2]), float(out[3])))
    return min(runs, key=lambda run: run.seconds)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def load_average() -> str:
    """Other work on the machine while measuring: timings are only as quiet as it was."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"

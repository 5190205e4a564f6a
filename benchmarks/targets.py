"""The targets of the render-speed round (issue 19), each with the figure this run measured.

`run.py` collects the figures (`found`) from its other rows and prints this table first;
the diff is measured here.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from corpus import tree_yaml
from diff_bench import revised, write_split
from measure import POHON, measure, row


def bench_diff(work: Path, found: dict[str, float], nodes: int = 10_000) -> None:
    """`pohon diff` of two versions of a 10k-node tree (a Renstra Perubahan's changes)."""
    text = tree_yaml(0, nodes)
    old = write_split(text, work / "diff-old")
    new = write_split(revised(text), work / "diff-new")
    run = measure([POHON, "diff", str(old), str(new)], repeat=3)
    found["diff nodes"] = text.count("- id: ")
    found["diff"], found["diff cpu"] = run.seconds, run.cpu


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def target_lines(found: dict[str, float], tens: int = 9920, hundreds: int = 99_200) -> list[str]:
    """The targets table; a target whose figure was not measured in this run says so."""
    lines = [
        "## Targets (issue 19)",
        "",
        row("target", "measured", ""),
        row("---", "---", "---"),
    ]

    def add(target: str, keys: list[str], figure: str, ok: bool) -> None:
        if all(key in found for key in keys):
            lines.append(row(target, figure, _met(ok)))
        else:
            lines.append(row(target, "not measured in this run", ""))

    get = found.get
    j1, alone = get(f"{tens}:j1", 0.0), get(f"{tens}:alone", 1.0)
    j2, alone2 = get(f"{tens}:j2", 0.0), get(f"{tens}:alone2", 1.0)
    add("`-j 1` render ≤ 1.10 × the engine alone (10k nodes)", [f"{tens}:j1", f"{tens}:alone"],
        f"{j1:.1f} s vs {alone:.1f} s: {j1 / alone:.2f}×", j1 <= 1.10 * alone)  # fmt: skip
    add("`-j 2` (default here) render ≤ 1.25 × the engine alone, 2 at a time",
        [f"{tens}:j2", f"{tens}:alone2"],
        f"{j2:.1f} s vs {alone2:.1f} s: {j2 / alone2:.2f}×", j2 <= 1.25 * alone2)  # fmt: skip
    own, own_small = get(f"{tens}:own cpu", 0.0), get("992:own cpu", 0.0)
    add("pohon's own CPU at 10k nodes ≤ 2.5 s (render CPU at `-j 1` − the engine's CPU)",
        [f"{tens}:own cpu"], f"{own:.1f} s (at 1k nodes {own_small:.2f} s: ×{own / max(own_small, 1e-9):.1f} for ×10 nodes)",
        own <= 2.5)  # fmt: skip
    ratio = get("incremental", 0.0)
    add("re-render after one changed indicator (40 trees) ≥ 15× faster than full",
        ["incremental"], f"{ratio:.1f}× faster", ratio >= 15)  # fmt: skip
    peak = get(f"{hundreds}:peak j1", 0.0)
    add("peak memory at 100k nodes, `-j 1`, ≤ 400 MB", [f"{hundreds}:peak j1"],
        f"{peak:.0f} MB", peak <= 400)  # fmt: skip
    imported = get("import", 0.0)
    add("`pohon import` of a 10,000-row T-C.27 < 5 s", ["import"], f"{imported:.2f} s",
        imported < 5)  # fmt: skip
    diffed = get("diff", 0.0)
    add("`pohon diff` of two 10k-node trees < 2 s", ["diff"],
        f"{diffed:.2f} s ({get('diff nodes', 0):,.0f} nodes)", diffed < 2)  # fmt: skip
    mine, theirs = get("validate mamuju", 0.0), get("yamllint", 1.0)
    add("`pohon validate` on Mamuju ≤ 0.5 × yamllint on the same file",
        ["validate mamuju", "yamllint"],
        f"{mine:.3f} s vs yamllint {theirs:.3f} s: {mine / theirs:.2f}×", mine <= 0.5 * theirs)  # fmt: skip
    return lines


if __name__ == "__main__":
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as temporary:
        bench_diff(Path(temporary), figures)
    print("\n".join(target_lines(figures)))

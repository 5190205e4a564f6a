"""Benchmark `pohon diff`: two versions of a synthetic tree, the whole command and its steps.

The revision changes what a Renstra Perubahan changes: every 20th target, every 50th
statement reworded, every 100th node given a new id (so it is found by its statement),
a kegiatan removed and one added. The worst case renames every node's id: each is then
paired by statement, among its parent's leftovers only.

    .venv/bin/python benchmarks/diff_bench.py [--nodes 10000]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import tree_yaml
from measure import POHON, machine, measure

from pohon.render.diff.text_format import text_diff
from pohon.render.diff.tree_compare import diff_trees
from pohon.render.reports.wording import Labels
from pohon.tree.assemble import load_tree
from pohon.tree.model import Tree


def revised(text: str, *, every_id: bool = False) -> str:
    """The tree after a revision (see the module's docstring)."""
    counter = {"target": 0, "statement": 0, "id": 0}

    def target(match: re.Match[str]) -> str:
        counter["target"] += 1
        value = int(match[2]) + (1 if counter["target"] % 20 == 0 else 0)
        return f"{match[1]}{value}"

    def statement(match: re.Match[str]) -> str:
        counter["statement"] += 1
        return match[0] + (" dan terpadu" if counter["statement"] % 50 == 0 else "")

    def ident(match: re.Match[str]) -> str:
        counter["id"] += 1
        renamed = every_id or counter["id"] % 100 == 0
        return f"{match[1]}{match[2]}{'-baru' if renamed and match[2] != 'tujuan' else ''}"

    text = re.sub(r"(target: \{2024: )(\d+)", target, text)
    text = re.sub(r"pernyataan: .*", statement, text)
    text = re.sub(r"(- id: )(\S+)", ident, text)
    return text


def write_split(text: str, folder: Path) -> Path:
    """The tree as a main file and one part per program (one file would pass the 5 MB limit)."""
    data = yaml.safe_load(text)
    (folder / "bagian").mkdir(parents=True, exist_ok=True)
    for sasaran in data["simpul"][0]["anak"]:
        for program in sasaran.pop("anak", []):
            part = {"format": "pohon/1", "induk": sasaran["id"], "simpul": [program]}
            (folder / "bagian" / f"{program['id']}.yaml").write_text(
                yaml.safe_dump(part, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    data["sertakan"] = ["bagian/*.yaml"]
    main = folder / "pohon.yaml"
    main.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return main


def loaded(path: Path) -> Tree:
    result = load_tree(path)
    if result.tree is None:
        raise SystemExit(f"{path} does not load: {result.findings[:3]}")
    return result.tree


def steps(old: Path, new: Path) -> tuple[float, float, float, int]:
    """Seconds to load both trees, to compare them, to print the text; changes found."""
    start = time.perf_counter()
    before, after = loaded(old), loaded(new)
    read = time.perf_counter()
    diff = diff_trees(before, after, old_label="a", new_label="b")
    compared = time.perf_counter()
    text_diff(diff, Labels("id"))
    printed = time.perf_counter()
    return read - start, compared - read, printed - compared, len(diff.nodes)


def peak_of_comparison(old: Path, new: Path) -> float:
    """MB allocated at the peak of the comparison alone (the trees already loaded)."""
    before, after = loaded(old), loaded(new)
    tracemalloc.start()
    diff_trees(before, after, old_label="a", new_label="b")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2500, 5000, 10000, 20000])
    args = parser.parse_args()
    print(f"Machine: {machine()}\n")
    print(
        "| nodes | case | changes | whole command (s) | its CPU (s) | peak RSS (MB) | load both (s) | compare (s) | print (s) | compare peak (MB) |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            text = tree_yaml(0, size)
            nodes = text.count("- id: ")
            for case, every_id in (("revision", False), ("every id renamed", True)):
                base = Path(folder) / f"{size}-{every_id}"
                old = write_split(text, base / "old")
                new = write_split(revised(text, every_id=every_id), base / "new")
                run = measure([POHON, "diff", str(old), str(new)], repeat=3)
                load, compare, show, changes = steps(old, new)
                peak = peak_of_comparison(old, new)
                print(
                    f"| {nodes:,} | {case} | {changes:,} | {run.seconds:.2f} | {run.cpu:.2f} | {run.peak_mb:.0f} | "
                    f"{load:.2f} | {compare:.3f} | {show:.3f} | {peak:.1f} |"
                )


if __name__ == "__main__":
    main()

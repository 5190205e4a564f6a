"""Generate realistic synthetic corpora: N OPD trees of about M nodes each, like the Mamuju seed.

Statements and indicators have the seed's lengths and vocabulary; a share of nodes carries
the seed's typical weaknesses (activity-style statements, repeated indicators), so the rules
do real work. The output is deterministic for a given (trees, nodes, seed).

    python benchmarks/corpus.py OUT_DIR --trees 10 --nodes 1000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SUBJECTS = [
    "pemberdayaan sosial komunitas adat terpencil",
    "perlindungan sosial korban bencana alam dan sosial",
    "rehabilitasi sosial penyandang disabilitas terlantar",
    "pelayanan dasar lanjut usia terlantar di luar panti",
    "pengelolaan data fakir miskin cakupan daerah kabupaten",
    "potensi sumber kesejahteraan sosial daerah kabupaten",
    "pemulangan warga negara migran korban tindak kekerasan",
    "pemeliharaan taman makam pahlawan nasional kabupaten",
]
OUTCOMES = ["Meningkatnya kualitas", "Meningkatnya cakupan", "Menurunnya jumlah", "Meningkatnya"]
OUTPUTS = ["Tersedianya layanan", "Tersalurkannya bantuan", "Terfasilitasinya"]
MEASURES = ["Persentase", "Jumlah", "Indeks", "Rasio"]


def _text(rng: random.Random, heads: list[str], serial: str) -> str:
    subject = rng.choice(SUBJECTS)
    tail = rng.choice(
        ["yang berkualitas", "secara berkelanjutan", "di setiap kecamatan", "terpadu"]
    )
    return f"{rng.choice(heads)} {subject} {tail} pada kelompok sasaran {serial}"


def _indicators(rng: random.Random, statement: str, indent: str, output: bool) -> list[str]:
    lines = [f"{indent}indikator:"]
    for _ in range(rng.choice([1, 1, 2])):
        if rng.random() < 0.05:  # the seed's weakness: the indicator repeats the statement
            name = statement
        else:
            name = f"{'Jumlah' if output else rng.choice(MEASURES)} {rng.choice(SUBJECTS)}"
        unit = "%" if name.startswith("Persentase") else "orang"
        lines += [f"{indent}  - nama: {name}", f"{indent}    satuan: '{unit}'"]
        if rng.random() < 0.5:
            lines += [
                f"{indent}    target: {{2024: {rng.randint(40, 100)}, 2025: {rng.randint(40, 100)}}}"
            ]
        if rng.random() < 0.02:  # a realisation without a target
            lines += [f"{indent}    realisasi: {{2023: {rng.randint(40, 100)}}}"]
    return lines


def _node(rng: random.Random, ident: str, level: str, indent: str, name: str | None) -> list[str]:
    heads = OUTPUTS if level == "sub_kegiatan" else OUTCOMES
    if level != "sub_kegiatan" and rng.random() < 0.05:  # activity-style statement
        heads = ["Terlaksananya"]
    statement = _text(rng, heads, ident)
    lines = [f"{indent}- id: {ident}", f"{indent}  tingkat: {level}"]
    if name:
        lines.append(f"{indent}  nama: {name}")
    lines.append(f"{indent}  pernyataan: {statement}")
    lines.append(f"{indent}  jabatan: kadis")
    return lines + _indicators(rng, statement, indent + "  ", level == "sub_kegiatan")


def tree_yaml(index: int, nodes: int, seed: int = 0) -> str:
    """One OPD tree of about `nodes` nodes: tujuan → 2 sasaran → programs → kegiatan → sub kegiatan."""
    rng = random.Random(seed * 1_000_003 + index)
    kegiatan, sub = 6, 6  # a program of 1 + 6 kegiatan x (1 + 6 sub kegiatan) = 43 nodes
    programs = max(2, (nodes - 3) // 43)
    out = [
        "format: pohon/1",
        "meta:",
        f"  pemda: Kabupaten Sintetis {index}",
        f"  opd: Dinas Sosial Sintetis {index}",
        "  periode: {awal: 2021, akhir: 2026}",
        "jabatan:",
        "  kadis: {nama: Kepala Dinas, eselon: II}",
        "simpul:",
        *_node(rng, "tujuan", "tujuan_opd", "  ", None),
        "    anak:",
    ]
    for s in range(2):
        out += _node(rng, f"ss{s}", "sasaran_strategis", "      ", None)
        out.append("        anak:")
        for p in range(s, programs, 2):
            out += _node(rng, f"p{p}", "program", "          ", f"PROGRAM SINTETIS {p}")
            out.append("            anak:")
            for k in range(kegiatan):
                out += _node(rng, f"p{p}k{k}", "kegiatan", "              ", f"Kegiatan {p}.{k}")
                out.append("                anak:")
                for u in range(sub):
                    out += _node(
                        rng,
                        f"p{p}k{k}s{u}",
                        "sub_kegiatan",
                        "                  ",
                        f"Sub Kegiatan {p}.{k}.{u}",
                    )
    return "\n".join(out) + "\n"


def write_corpus(out: Path, trees: int, nodes: int, seed: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(trees):
        path = out / f"opd_{index:04d}.yaml"
        path.write_text(tree_yaml(index, nodes, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--trees", type=int, default=10)
    parser.add_argument("--nodes", type=int, default=1000, help="nodes per tree (about)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.trees, args.nodes, args.seed)
    print(f"{len(paths)} trees in {args.out}")


if __name__ == "__main__":
    main()

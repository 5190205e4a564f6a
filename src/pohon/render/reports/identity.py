"""The codes a report heading names beside the OPD: its own code and its region's.

What the codes carry out (urusan, bidang urusan) is named from the nomenclature list,
beside them (render/reports/affairs.py), not here.
"""

from __future__ import annotations

from pohon.render.reports.wording import Labels
from pohon.tree.header import Meta


def codes_line(meta: Meta, labels: Labels) -> str | None:
    """`Kode OPD 1.06.0.00.0.00.01.0000 · Kode wilayah 35.10`; None when the tree gives neither."""
    parts = []
    if meta.opd_code:
        parts.append(f"{labels['opd_code']} {meta.opd_code}")
    if meta.region_code:
        parts.append(f"{labels['region_code']} {meta.region_code}")
    return " · ".join(parts) or None


def opd_affairs(meta: Meta) -> list[str]:
    """The urusan.bidang pairs an OPD code names (`1.06`; `0.00` where a pair is unused)."""
    if not meta.opd_code:
        return []
    parts = meta.opd_code.split(".")
    pairs = [f"{parts[i]}.{parts[i + 1]}" for i in range(0, 6, 2)]
    return [pair for pair in pairs if pair != "0.00"]

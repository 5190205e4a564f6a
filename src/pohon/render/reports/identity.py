"""The codes a report heading names beside the OPD: its own code, what it carries out, its region."""

from __future__ import annotations

from pohon.core.nomenclature import affairs
from pohon.render.reports.wording import Labels
from pohon.tree.header import Meta


def codes_line(meta: Meta, labels: Labels) -> str | None:
    """`Kode OPD 1.06.0.00.0.00.01.0000: Urusan …, bidang Sosial (1.06) · Kode wilayah 35.10`;
    None when the tree gives neither code."""
    parts = []
    if meta.opd_code:
        carried = "; ".join(
            f"{urusan}, {labels['bidang']} {name} ({code})" if name else f"{urusan} ({code})"
            for urusan, code, name in affairs(meta.opd_code)
        )
        parts.append(f"{labels['opd_code']} {meta.opd_code}: {carried}")
    if meta.region_code:
        parts.append(f"{labels['region_code']} {meta.region_code}")
    return " · ".join(parts) or None

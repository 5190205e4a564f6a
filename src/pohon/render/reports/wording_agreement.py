"""The words of the Perjanjian Kinerja (naskah and lampiran), per language.

The naskah follows the form of PermenPANRB 53/2014 (its opening, the two parties, the
promise to reach the annex's targets, the supervision), worded here in pohon's own text.
`{year}` is filled in by render/reports/agreement_parties.py.
"""

from __future__ import annotations

AGREEMENT_ID: dict[str, str] = {
    "pk_title": "Perjanjian Kinerja Tahun {year}",
    "pk_annex_title": "Lampiran Perjanjian Kinerja Tahun {year}",
    "pk_annexes": "Lampiran Perjanjian Kinerja",
    "pk_opening": "Untuk mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
    "pk_name": "Nama",
    "pk_position": "Jabatan",
    "pk_first_role": "selanjutnya disebut pihak pertama.",
    "pk_second_role": "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
    "pk_promise": "Pihak pertama berjanji akan mewujudkan target kinerja tahun {year} sebagaimana tercantum dalam lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan mencapai target kinerja tersebut menjadi tanggung jawab kami.",
    "pk_supervision": "Pihak kedua akan memberikan supervisi yang diperlukan, mengevaluasi capaian kinerja perjanjian ini, dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
    "pk_blank": "....................................",
    "pk_rank": "Pangkat",
    "pk_target_missing": "belum ada target",
    "pk_unit_missing": "belum ada satuan",
    "pk_indicator_missing": "indikator belum ditetapkan",
    "pk_budget_missing": "belum ada pagu",
    "pk_objective_jpt": "Sasaran Strategis",
    "pk_objective_administrator": "Sasaran Program",
    "pk_objective_pengawas": "Sasaran Kegiatan",
    "pk_objective_none": "Sasaran",
    "pk_indicator": "Indikator Kinerja",
    "pk_items_jpt": "Program",
    "pk_items_administrator": "Kegiatan",
    "pk_items_pengawas": "Sub Kegiatan",
    "pk_items_none": "Program / Kegiatan",
    "pk_no_items": "Tidak ada butir anggaran di bawah sasaran ini.",
    "pk_no_objectives": "Tidak ada sasaran yang diperjanjikan jabatan ini: tidak ada simpul pada tingkat jenjangnya yang menjadi tanggung jawabnya.",
}

AGREEMENT_EN: dict[str, str] = {
    "pk_title": "Performance Agreement {year}",
    "pk_annex_title": "Annex to the Performance Agreement {year}",
    "pk_annexes": "Performance Agreement Annexes",
    "pk_opening": "To achieve effective, transparent and accountable government, oriented to results, we the undersigned:",
    "pk_name": "Name",
    "pk_position": "Position",
    "pk_first_role": "hereafter the first party.",
    "pk_second_role": "as the first party's superior, hereafter the second party.",
    "pk_promise": "The first party undertakes to reach the performance targets for {year} listed in the annex to this agreement, towards the medium-term targets set in the planning documents. Success or failure in reaching these targets is our responsibility.",
    "pk_supervision": "The second party will give the supervision needed, evaluate the performance achieved under this agreement, and take the action needed to reward or sanction.",
    "pk_blank": "....................................",
    "pk_rank": "Rank",
    "pk_target_missing": "no target yet",
    "pk_unit_missing": "no unit yet",
    "pk_indicator_missing": "no indicator set",
    "pk_budget_missing": "no budget yet",
    "pk_objective_jpt": "Strategic objective",
    "pk_objective_administrator": "Programme objective",
    "pk_objective_pengawas": "Activity objective",
    "pk_objective_none": "Objective",
    "pk_indicator": "Performance indicator",
    "pk_items_jpt": "Programme",
    "pk_items_administrator": "Activity",
    "pk_items_pengawas": "Sub-activity",
    "pk_items_none": "Programme / Activity",
    "pk_no_items": "No budget item under these objectives.",
    "pk_no_objectives": "This position agrees on no objective: it holds no node at its jenjang's levels.",
}

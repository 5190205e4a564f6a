"""The words of the Renstra tables (T-C.25, T-C.27), per language: the column heads as planning offices print them."""

from __future__ import annotations

RENSTRA_ID: dict[str, str] = {
    "tc25": "T-C.25 Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah",
    "tc25_intro": "Satu baris untuk setiap indikator tujuan dan sasaran strategis. Kondisi awal: baseline; kondisi akhir: target akhir periode, atau target tahun terakhir.",
    "tc27": "T-C.27 Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah",
    "tc27_intro": "Satu baris untuk setiap indikator program, kegiatan dan sub kegiatan. Data capaian awal: baseline, atau realisasi tahun pertama; pagu yang tidak ditulis adalah jumlah pagu di bawahnya; Rp akhir periode: jumlah semua tahun.",
    "goal": "Tujuan",
    "objective": "Sasaran",
    "goal_indicator": "Indikator Tujuan/Sasaran",
    "start_condition": "Kondisi Awal",
    "end_condition": "Kondisi Akhir",
    "target_years": "Target Kinerja pada Tahun",
    "item": "Program/Kegiatan/Sub Kegiatan",
    "item_indicator": "Indikator Kinerja Program (outcome)/Kegiatan (output)",
    "start_data": "Data Capaian pada Tahun Awal Perencanaan",
    "plan_funding": "Target Kinerja Program dan Kerangka Pendanaan",
    "end_period": "Kondisi Kinerja pada Akhir Periode Renstra",
    "unit_in_charge": "Unit Kerja Penanggung Jawab",
    "place": "Lokasi",
    "rp": "Rp",
    "no_goals": "Pohon ini tidak memuat tujuan atau sasaran strategis perangkat daerah.",
    "no_items": "Pohon ini tidak memuat program, kegiatan atau sub kegiatan.",
}

RENSTRA_EN: dict[str, str] = {
    "tc25": "T-C.25 Medium-term goals and objectives of the agency's services",
    "tc25_intro": "One row per indicator of a goal or strategic objective. Starting condition: the baseline; end condition: the end-of-period target, else the last year's.",
    "tc27": "T-C.27 Programs, activities and funding of the agency",
    "tc27_intro": "One row per indicator of a program, activity or sub-activity. Starting data: the baseline, else the first year's realisation; a budget not written is the sum of those below; end-of-period IDR: all the years added up.",
    "goal": "Goal",
    "objective": "Objective",
    "goal_indicator": "Goal/objective indicator",
    "start_condition": "Starting condition",
    "end_condition": "End condition",
    "target_years": "Performance target in",
    "item": "Program/Activity/Sub-activity",
    "item_indicator": "Program (outcome)/activity (output) indicator",
    "start_data": "Achievement at the start of the plan",
    "plan_funding": "Performance targets and funding framework",
    "end_period": "Performance at the end of the plan period",
    "unit_in_charge": "Unit in charge",
    "place": "Location",
    "rp": "IDR",
    "no_goals": "This tree holds no goal or strategic objective of the agency.",
    "no_items": "This tree holds no program, activity or sub-activity.",
}

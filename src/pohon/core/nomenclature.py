"""The urusan and bidang urusan of the national nomenclature (Permendagri 90/2019), by code.

An OPD's code (Kepmendagri 050-5889: `1.06.0.00.0.00.01.0000`) starts with the urusan
and bidang it carries out, and names up to two more pairs for an OPD that holds several
(`0.00` where unused); the reports name them from the code instead of asking for them.
Only the names this table is sure of are given: a bidang missing here is shown by its code.
"""

from __future__ import annotations

URUSAN: dict[str, str] = {
    "1": "Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar",
    "2": "Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar",
    "3": "Urusan Pemerintahan Pilihan",
    "4": "Unsur Pendukung Urusan Pemerintahan",
    "5": "Unsur Penunjang Urusan Pemerintahan",
    "6": "Unsur Pengawasan Urusan Pemerintahan",
    "7": "Unsur Kewilayahan",
    "8": "Unsur Pemerintahan Umum",
}

BIDANG: dict[str, str] = {
    "1.01": "Pendidikan",
    "1.02": "Kesehatan",
    "1.03": "Pekerjaan Umum dan Penataan Ruang",
    "1.04": "Perumahan Rakyat dan Kawasan Permukiman",
    "1.05": "Ketenteraman dan Ketertiban Umum serta Pelindungan Masyarakat",
    "1.06": "Sosial",
    "2.07": "Tenaga Kerja",
    "2.08": "Pemberdayaan Perempuan dan Pelindungan Anak",
    "2.09": "Pangan",
    "2.10": "Pertanahan",
    "2.11": "Lingkungan Hidup",
    "2.12": "Administrasi Kependudukan dan Pencatatan Sipil",
    "2.13": "Pemberdayaan Masyarakat dan Desa",
    "2.14": "Pengendalian Penduduk dan Keluarga Berencana",
    "2.15": "Perhubungan",
    "2.16": "Komunikasi dan Informatika",
    "2.17": "Koperasi, Usaha Kecil, dan Menengah",
    "2.18": "Penanaman Modal",
    "2.19": "Kepemudaan dan Olahraga",
    "2.20": "Statistik",
    "2.21": "Persandian",
    "2.22": "Kebudayaan",
    "2.23": "Perpustakaan",
    "2.24": "Kearsipan",
    "3.25": "Kelautan dan Perikanan",
    "3.26": "Pariwisata",
    "3.27": "Pertanian",
    "3.28": "Kehutanan",
    "3.29": "Energi dan Sumber Daya Mineral",
    "3.30": "Perdagangan",
    "3.31": "Perindustrian",
    "3.32": "Transmigrasi",
}


def affairs(opd_code: str) -> list[tuple[str, str, str | None]]:
    """Each urusan.bidang pair an OPD code names: (urusan name, bidang code, bidang name)."""
    parts = opd_code.split(".")
    pairs = [f"{parts[i]}.{parts[i + 1]}" for i in range(0, min(len(parts) - 1, 6), 2)]
    return [
        (URUSAN.get(pair[0], f"Urusan {pair[0]}"), pair, BIDANG.get(pair))
        for pair in pairs
        if pair != "0.00"
    ]

"""The pydantic schema of a tree file: the analysts' words in YAML, English names in code."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from pohon.core.vocabulary import Level
from pohon.source.files import FORMAT_MARKER


class IndicatorType(StrEnum):
    IMPACT = "impact"
    OUTCOME = "outcome"
    OUTPUT = "output"
    PROSES = "proses"


class Polarity(StrEnum):
    """Whether a higher (naik) or a lower (turun) figure is better."""

    NAIK = "naik"
    TURUN = "turun"


class Echelon(StrEnum):
    I = "I"  # noqa: E741 - the echelon's official name
    II = "II"
    III = "III"
    IV = "IV"
    V = "V"


def _number_or_text(value: Any) -> Any:
    """Read a target or realisation: a number where the text is one, else the text as written.

    The loader hands every plain scalar over as text (so `1.10` stays `1.10`);
    figures are parsed here, where the schema knows a figure is meant.
    """
    if isinstance(value, str):
        text = value.strip().replace(",", ".") if value.count(",") == 1 else value.strip()
        try:
            number = float(text)
        except ValueError:
            return value
        if number != number or number in (float("inf"), float("-inf")):
            return value
        return int(number) if number.is_integer() and "." not in text else number
    return value


Figure = Annotated[float | int | str, BeforeValidator(_number_or_text)]
Year = Annotated[int, Field(ge=1900, le=2200)]


def yaml_key(model: type[BaseModel], field: str) -> str:
    """The key `field` of `model` is written as in YAML (its alias): where a finding points.

    Code names YAML keys through this, never as literals, so renaming an alias moves the
    findings with it (tests/test_registry.py checks that every name given here resolves).
    """
    return model.model_fields[field].alias or field


class Schema(BaseModel):
    """Shared settings: unknown keys are errors. Values are checked when a file is read, not
    on assignment (no `validate_assignment`): only the loader changes a model afterwards,
    hanging the parts of a tree under their parents."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=False)


class Indicator(Schema):
    name: str = Field(alias="nama", min_length=1, description="Rumusan indikator kinerja.")
    unit: str | None = Field(default=None, alias="satuan", description="Satuan, mis. %, orang.")
    type: IndicatorType | None = Field(
        default=None, alias="jenis", description="Jenis indikator: impact, outcome, output, proses."
    )
    polarity: Polarity = Field(
        default=Polarity.NAIK,
        alias="polaritas",
        description="naik: makin tinggi makin baik; turun: makin rendah makin baik.",
    )
    baseline: Figure | None = Field(default=None, description="Kondisi awal (baseline).")
    targets: dict[Year, Figure] = Field(
        default_factory=dict, alias="target", description="Target per tahun, mis. 2024: 85."
    )
    realisations: dict[Year, Figure] = Field(
        default_factory=dict, alias="realisasi", description="Realisasi per tahun."
    )
    tags: list[str] = Field(default_factory=list, alias="tag", description="Label bebas: IKU, SPM…")
    notes: str | None = Field(default=None, alias="catatan", description="Catatan.")

    _origin: Origin | None = PrivateAttr(default=None)


class Node(Schema):
    id: str = Field(
        min_length=1,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        description="Pengenal unik dan tetap (huruf, angka, titik, garis bawah, tanda hubung).",
    )
    level: Level = Field(alias="tingkat", description="Tingkat simpul dalam pohon.")
    statement: str = Field(
        alias="pernyataan",
        min_length=1,
        description="Pernyataan sasaran / kondisi yang akan diwujudkan.",
    )
    name: str | None = Field(
        default=None,
        alias="nama",
        description="Nama resmi program / kegiatan / sub kegiatan (nomenklatur).",
    )
    code: str | None = Field(
        default=None, alias="kode", description="Kode nomenklatur, mis. 1.06.02.2.01."
    )
    position: str | None = Field(
        default=None, alias="jabatan", description="Id jabatan penanggung jawab (lihat `jabatan`)."
    )
    indicators: list[Indicator] = Field(
        default_factory=list, alias="indikator", description="Indikator kinerja simpul ini."
    )
    budget: dict[Year, float] = Field(
        default_factory=dict, alias="pagu", description="Pagu anggaran per tahun (rupiah)."
    )
    notes: str | None = Field(default=None, alias="catatan", description="Catatan.")
    ignore: list[str] = Field(
        default_factory=list,
        alias="abaikan",
        description="Id aturan yang sengaja diabaikan untuk simpul ini dan indikatornya.",
    )
    children: list[Node] = Field(default_factory=list, alias="anak", description="Simpul anak.")

    _origin: Origin | None = PrivateAttr(default=None)

    def walk(self) -> Iterator[Node]:
        """This node and all below it, in YAML order (pre-order)."""
        # A stack, not nested generators: those cost a step per level for every node.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


class Position(Schema):
    title: str = Field(alias="nama", min_length=1, description="Nama jabatan, mis. Kepala Dinas.")
    echelon: Echelon | None = Field(default=None, alias="eselon", description="Eselon: II, III…")
    holder: str | None = Field(default=None, alias="pejabat", description="Nama pejabat.")
    nip: str | None = Field(default=None, description="NIP pejabat (data pribadi: boleh kosong).")
    rank: str | None = Field(default=None, alias="pangkat", description="Pangkat / golongan.")


class Period(Schema):
    start: Year = Field(alias="awal", description="Tahun awal periode rencana.")
    end: Year = Field(alias="akhir", description="Tahun akhir periode rencana.")

    def years(self) -> range:
        return range(self.start, self.end + 1)


class Signatory(Schema):
    position: str = Field(alias="jabatan", description="Id jabatan yang menandatangani.")
    place: str | None = Field(default=None, alias="tempat", description="Tempat penandatanganan.")


class Meta(Schema):
    pemda: str = Field(min_length=1, description="Pemerintah daerah, mis. Kabupaten Mamuju.")
    opd: str = Field(min_length=1, description="Perangkat daerah, mis. Dinas Sosial.")
    period: Period = Field(alias="periode", description="Periode rencana (RPJMD / Renstra).")
    nomenclature: str | dict[Year, str] | None = Field(
        default=None,
        alias="nomenklatur",
        description="Versi nomenklatur yang diikuti kode, mis. Kepmendagri 050-5889 Tahun 2021; "
        "atau satu versi per tahun, mis. {2021: Permendagri 90/2019, 2022: Kepmendagri "
        "050-5889/2021}.",
    )
    source: str | None = Field(
        default=None, alias="sumber", description="Asal data dan catatan cara membacanya."
    )
    signatories: list[Signatory] = Field(
        default_factory=list, alias="penandatangan", description="Blok tanda tangan."
    )


class TreeFile(Schema):
    """The main file of a tree: metadata, positions, root nodes, included files."""

    format: str = Field(description=f"Penanda berkas pohon; selalu `{FORMAT_MARKER}`.")
    meta: Meta = Field(description="Identitas pohon: pemda, perangkat daerah, periode, sumber.")
    positions: dict[str, Position] = Field(
        default_factory=dict,
        alias="jabatan",
        description="Daftar jabatan, dengan id sebagai kunci.",
    )
    nodes: list[Node] = Field(default_factory=list, alias="simpul", description="Simpul akar.")
    includes: list[str] = Field(
        default_factory=list,
        alias="sertakan",
        description="Berkas lain yang menjadi bagian pohon ini (pola glob relatif).",
    )


class FragmentFile(Schema):
    """A part of a tree kept in its own file: its nodes hang under `induk` in the main tree."""

    format: str = Field(description=f"Penanda berkas pohon; selalu `{FORMAT_MARKER}`.")
    parent: str = Field(alias="induk", description="Id simpul induk tempat simpul-simpul ini.")
    nodes: list[Node] = Field(default_factory=list, alias="simpul", description="Simpul di sini.")
    includes: list[str] = Field(
        default_factory=list,
        alias="sertakan",
        description="Berkas lain yang menjadi bagian pohon ini (pola glob relatif).",
    )


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a node or indicator was written: the file and the YAML data path inside it."""

    # A plain dataclass, not a model: one is made for every node and indicator loaded.
    file: str
    path: tuple[str | int, ...]


class Tree(BaseModel):
    """One whole tree, assembled from its main file and its fragments."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    source: str
    meta: Meta
    positions: dict[str, Position]
    roots: list[Node]

    def walk(self) -> Iterator[Node]:
        for root in self.roots:
            yield from root.walk()

    def parents(self) -> dict[int, Node]:
        """Map from id() of each node to its parent node (roots have none)."""
        result: dict[int, Node] = {}
        for node in self.walk():
            for child in node.children:
                result[id(child)] = node
        return result


Node.model_rebuild()
Indicator.model_rebuild()

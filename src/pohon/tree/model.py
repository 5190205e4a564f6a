"""The pydantic schema of a tree file: the analysts' words in YAML, English names in code."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from pydantic import (
    AliasPath,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    WithJsonSchema,
)
from pydantic.functional_validators import field_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import ValidationInfo

from pohon.core.vocabulary import (
    BUDGET_LEVELS,
    AchievementFormula,
    Echelon,
    IndicatorType,
    Level,
    Polarity,
)
from pohon.source.files import FORMAT_MARKER
from pohon.tree.figure_reading import RUPIAH_PATTERN, Number, read_figure, read_rupiah
from pohon.tree.years import END_OF_PERIOD, Year, once_per_year, yearly_targets

Figure = Annotated[
    Number | str, PlainValidator(read_figure), WithJsonSchema({"type": ["number", "string"]})
]
"""A target, realisation or baseline: an exact number (with its unit written beside it), or text;
read here, where the schema knows a figure is meant, from the loader's text (figure_reading)."""

Rupiah = Annotated[
    Decimal,
    PlainValidator(read_rupiah),
    WithJsonSchema({"type": ["number", "string"], "minimum": 0, "pattern": RUPIAH_PATTERN}),
]
"""An amount of money: exact rupiah, sen where given (never a binary float), never negative."""


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

    model_config = ConfigDict(extra="forbid", frozen=False)


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
    formula: AchievementFormula | None = Field(
        default=None,
        alias="rumus_capaian",
        description="Rumus capaian: rasio (realisasi ÷ target), kebalikan (target ÷ realisasi) "
        "atau selisih ((2 × target − realisasi) ÷ target); bawaan: rasio, atau untuk polaritas "
        "turun `capaian_turun` di pohon.toml (kebalikan).",
    )
    baseline: Figure | None = Field(default=None, description="Kondisi awal (baseline).")
    targets: Annotated[dict[Year, Figure], BeforeValidator(yearly_targets)] = Field(
        default_factory=dict,
        alias="target",
        description="Target per tahun, mis. 2024: 85; `akhir`: target akhir periode.",
    )
    # Written as `akhir` inside `target`; kept apart so that `targets` holds years only.
    end_target: SkipJsonSchema[Figure | None] = Field(
        default=None, validation_alias=AliasPath("target", END_OF_PERIOD)
    )
    realisations: Annotated[dict[Year, Figure], BeforeValidator(once_per_year)] = Field(
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
    statement: str | None = Field(
        default=None,
        alias="pernyataan",
        min_length=1,
        validate_default=True,
        description="Pernyataan sasaran / kondisi yang akan diwujudkan. Program, kegiatan dan sub"
        " kegiatan boleh tanpa pernyataan bila sumbernya tidak memuatnya (aturan statement-missing).",
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
    budget: Annotated[dict[Year, Rupiah], BeforeValidator(once_per_year)] = Field(
        default_factory=dict, alias="pagu", description="Pagu anggaran per tahun (rupiah)."
    )
    location: str | None = Field(
        default=None, alias="lokasi", description="Lokasi, mis. 5 kecamatan."
    )
    notes: str | None = Field(default=None, alias="catatan", description="Catatan.")
    ignore: list[str] = Field(
        default_factory=list,
        alias="abaikan",
        description="Id aturan yang sengaja diabaikan untuk simpul ini dan indikatornya.",
    )
    children: list[Node] = Field(default_factory=list, alias="anak", description="Simpul anak.")

    _origin: Origin | None = PrivateAttr(default=None)

    @field_validator("statement")
    @classmethod
    def _stated_above_the_budget_items(
        cls, statement: str | None, info: ValidationInfo
    ) -> str | None:
        """Only a budget item may lack a statement: its `nama` names it; above, the statement
        is all a node says. (A level that failed to validate is left to its own error.)"""
        level = info.data.get("level")
        if statement is None and level is not None and level not in BUDGET_LEVELS:
            raise PydanticCustomError(
                STATEMENT_REQUIRED, "a {level} needs its statement", {"level": level.value}
            )
        return statement

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


STATEMENT_REQUIRED = "statement_required"
"""The schema error of a node above the budget items without its `pernyataan`."""

# [0-9], not \d: pydantic's \d takes any script's digits, the editor's only 0-9.
REGION_CODE = r"^[0-9]{2}(\.[0-9]{2})?$"
"""Kode wilayah of a province (`35`) or a kabupaten/kota (`35.10`)."""
OPD_CODE = r"^[1-8]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$"
"""Kode perangkat daerah: three urusan.bidang pairs (unused ones `0.00`), unit, sub unit."""


class Meta(Schema):
    pemda: str = Field(min_length=1, description="Pemerintah daerah, mis. Kabupaten Mamuju.")
    opd: str = Field(min_length=1, description="Perangkat daerah, mis. Dinas Sosial.")
    region_code: str | None = Field(
        default=None,
        alias="kode_wilayah",
        pattern=REGION_CODE,
        description='Kode wilayah pemda: provinsi "35", kabupaten/kota "35.10".',
    )
    opd_code: str | None = Field(
        default=None,
        alias="kode_opd",
        pattern=OPD_CODE,
        description='Kode perangkat daerah (Kepmendagri 050-5889), mis. "1.06.0.00.0.00.01.0000";'
        " urusan dan bidang urusan dibaca dari dua bagian pertamanya.",
    )
    period: Period = Field(alias="periode", description="Periode rencana (RPJMD / Renstra).")
    nomenclature: str | None = Field(
        default=None, alias="nomenklatur", description="Versi nomenklatur yang diikuti kode."
    )
    source: str | None = Field(
        default=None, alias="sumber", description="Asal data dan catatan cara membacanya."
    )
    location: str | None = Field(default=None, alias="lokasi", description="Lokasi bawaan simpul.")
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

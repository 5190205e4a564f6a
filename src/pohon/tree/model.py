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
    IndicatorType,
    Level,
    Polarity,
)
from pohon.source.files import FORMAT_MARKER
from pohon.tree.change_note import INDICATOR_ID, ChangeNote, IndicatorChangeNote
from pohon.tree.figure_reading import RUPIAH_PATTERN, Number, read_figure, read_rupiah
from pohon.tree.header import Meta, Position
from pohon.tree.indicator_manual import ManualFields
from pohon.tree.schema_base import Schema
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


STATEMENT_REQUIRED = "statement_required"
"""The schema error of a node above the budget items without its `pernyataan`."""


class Indicator(ManualFields):
    # The Manual IK's fields (definisi, rumus, sumber_data, periode_pelaporan) come from
    # ManualFields: one block, kept apart from the figures below.
    # Revisions (pohon diff, docs/diff.md): a stable id, why it changed, the last year in force.
    id: str | None = Field(
        default=None,
        max_length=100,
        pattern=INDICATOR_ID,
        description="Pengenal tetap indikator (opsional): perbandingan revisi mengenalinya dengan ini.",
    )
    change: IndicatorChangeNote | None = Field(
        default=None, alias="perubahan", description="Catatan perubahan indikator ini."
    )
    ends: Year | None = Field(
        default=None,
        alias="berlaku_sampai",
        description="Tahun terakhir indikator ini berlaku (indikator yang digantikan).",
    )
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


MAX_ID_CHARS = 100
"""Longest node id: ids name the diagram files (`diagram/cascading-<id>.svg` and its staged
copy), and a disk takes file names of at most 255 bytes; the Mamuju tree's longest is 20."""


class Node(Schema):
    id: str = Field(
        min_length=1,
        max_length=MAX_ID_CHARS,
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
    number: int | None = Field(
        default=None,
        alias="nomor",
        gt=0,  # `gt`, not `ge`: schema_errors words a `ge` error as a year's
        description="Nomor yang dicetak sumber sesudah nama tingkat, mis. 3 untuk MISI 3.",
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
    change: ChangeNote | None = Field(
        default=None, alias="perubahan", description="Catatan perubahan simpul ini."
    )
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

"""Why a node or an indicator changed: the `perubahan` entry of a revised plan (Renstra Perubahan)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from pohon.tree.schema_base import Schema
from pohon.tree.years import Year

INDICATOR_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
"""An indicator's stable id: spelled as node ids are."""


def _date_text(value: Any) -> Any:
    """A date as written (`2026-03-01`); one a YAML library read as a date is written back."""
    return value.isoformat() if isinstance(value, date) else value


class ChangeNote(Schema):
    """The record of one revision of a node: when, on what legal basis, why, from which year."""

    date: Annotated[str, BeforeValidator(_date_text)] | None = Field(
        default=None,
        alias="tanggal",
        min_length=1,
        description="Tanggal perubahan, mis. 2026-03-01.",
    )
    basis: str | None = Field(
        default=None,
        alias="dasar",
        min_length=1,
        description="Dasar hukum perubahan, mis. Perbup No. 12 Tahun 2026 tentang Perubahan Renstra.",
    )
    reason: str | None = Field(
        default=None, alias="alasan", min_length=1, description="Alasan perubahan."
    )
    applies_from: Year | None = Field(
        default=None,
        alias="berlaku_mulai",
        description="Tahun mulai berlakunya perubahan (bagi indikator: tahun pertama dipakai).",
    )


class IndicatorChangeNote(ChangeNote):
    """A revision of an indicator: also which indicator (by its `id`) this one replaces."""

    replaces: str | None = Field(
        default=None,
        alias="menggantikan",
        pattern=INDICATOR_ID,
        description="Id indikator yang digantikan oleh indikator ini.",
    )

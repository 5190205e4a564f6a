"""Years as keys of figures: read as pydantic reads them, so that no two spellings name one year."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

Year = Annotated[int, Field(ge=1900, le=2200)]
_YEAR: TypeAdapter[int] = TypeAdapter(Year)

END_OF_PERIOD = "akhir"
"""The key of a target for the end of the plan period, when the source gives no year for it."""

YEAR_TWICE = "year_twice"
"""The pydantic error type of one year written twice; its context names both keys."""


def year_of(key: object) -> int | None:
    """The year a key names, read exactly as the schema reads it (`02024`, `2024.0` are 2024)."""
    if isinstance(key, str) and len(key) == 4 and key.isascii() and key.isdigit():
        return int(key)  # as almost every year is written: no need to ask pydantic
    try:
        return _YEAR.validate_python(key)
    except ValidationError:
        return None


def once_per_year(value: Any) -> Any:
    """Refuse one year written twice (`2024` and `02024`): YAML sees two keys, a dict keeps one."""
    if not isinstance(value, dict):
        return value
    seen: dict[int, object] = {}
    for key in value:
        year = year_of(key)
        if year is None:
            continue
        if year in seen:
            context = {"year": year, "first": seen[year], "again": key}
            raise PydanticCustomError(YEAR_TWICE, "the year {year} is written twice", context)
        seen[year] = key
    return value


def yearly_targets(value: Any) -> Any:
    """The targets by year; the end-of-period target (`akhir`) is read into a field of its own."""
    if isinstance(value, dict) and END_OF_PERIOD in value:
        value = {key: figure for key, figure in value.items() if key != END_OF_PERIOD}
    return once_per_year(value)

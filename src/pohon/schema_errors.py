"""Turn pydantic's validation errors into findings a planning analyst can act on."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from pohon import model
from pohon.findings import Finding, Severity
from pohon.yamlload import DataPath, Marks

_MODELS: tuple[type[BaseModel], ...] = (
    model.TreeFile,
    model.FragmentFile,
    model.Meta,
    model.Period,
    model.Signatory,
    model.Position,
    model.Node,
    model.Indicator,
)


def _key(name: str, info: FieldInfo) -> str:
    return info.alias or name


KNOWN_KEYS: frozenset[str] = frozenset(
    _key(name, info) for cls in _MODELS for name, info in cls.model_fields.items()
)


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.75)
    return f" Did you mean `{close[0]}`?" if close else ""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"`{text[:60]}…`" if len(text) > 60 else f"`{text}`"


def _field_name(loc: DataPath) -> str:
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    return f"`{names[-1]}`" if names else "the document"


def _message(error: Any) -> str:
    kind = error["type"]
    loc: DataPath = tuple(error["loc"])
    field = _field_name(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        word = str(loc[-1])
        return (
            f"unknown key `{word}`.{_did_you_mean(word, KNOWN_KEYS)} Remove it or fix the spelling."
        )
    if kind == "missing":
        return f"{field} is missing: add `{loc[-1]}:` with a value here."
    if kind == "enum":
        expected = ctx.get("expected", "")
        hint = _did_you_mean(
            str(value), [c.strip(" '") for c in str(expected).replace(" or ", ",").split(",")]
        )
        return f"{field} cannot be {_describe(value)}: use one of {expected}.{hint}"
    if kind in ("string_type", "string_too_short"):
        return f"{field} must be text, but here it is {_describe(value)}: write the text after the colon."
    if kind == "string_pattern_mismatch" and loc[-1] == "id":
        return (
            f"the id {_describe(value)} is not usable: start with a letter or digit and use only "
            "letters, digits, `.`, `_` and `-` (e.g. `prog-pemberdayaan-sosial`)."
        )
    if kind in ("int_parsing", "int_from_float") and loc and loc[-1] == "[key]":
        return (
            f"the year {_describe(loc[-2])} is not a year: write it as four digits, e.g. `2024:`."
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{field} is out of range ({error['msg'].lower()}): write a four-digit year."
    if kind in ("int_parsing", "float_parsing", "int_type", "float_type"):
        return f"{field} must be a number, but here it is {_describe(value)}."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{field} must be a mapping (`key: value` lines), but here it is {_describe(value)}."
    if kind == "list_type":
        return (
            f"{field} must be a list (lines starting with `- `), but here it is {_describe(value)}."
        )
    return f"{field}: {error['msg']}."


def findings_from(error: ValidationError, file: str, marks: Marks) -> list[Finding]:
    """One finding per pydantic error, at the position of the offending key or value."""
    result = []
    for item in error.errors(include_url=False):
        loc: DataPath = tuple(p for p in item["loc"] if p != "[key]")
        line, column = marks.locate(loc)
        result.append(Finding(file, line, column, Severity.ERROR, "schema", _message(item)))
    return sorted(set(result))

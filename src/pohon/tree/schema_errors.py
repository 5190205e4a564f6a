"""Turn pydantic's validation errors into findings a planning analyst can act on."""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from pohon.core.finding_ids import LoaderCheck
from pohon.core.findings import Finding, Severity
from pohon.source.yaml_marks import DataPath, Marks
from pohon.tree import model

# Where each kind of mapping sits, in the words of a finding ("`x` belongs in a node").
_PLACES: dict[type[BaseModel], str] = {
    model.TreeFile: "at the top of a tree file",
    model.FragmentFile: "at the top of an included file",
    model.Meta: "under `meta`",
    model.Period: "under `periode`",
    model.Signatory: "in a `penandatangan` entry",
    model.Position: "in a `jabatan` entry",
    model.Node: "in a node",
    model.Indicator: "in an `indikator` entry",
}


def _keys(cls: type[BaseModel]) -> dict[str, FieldInfo]:
    return {info.alias or name: info for name, info in cls.model_fields.items()}


KNOWN_KEYS: frozenset[str] = frozenset(key for cls in _PLACES for key in _keys(cls))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds: itself, or inside a list, a mapping or an optional."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None


def _owner(root: type[BaseModel] | None, loc: DataPath) -> type[BaseModel] | None:
    """The model whose mapping holds the last key of `loc` (list indexes and ids pass through)."""
    current = root
    for part in loc[:-1]:
        fields = _keys(current) if current is not None else {}
        if isinstance(part, str) and part in fields:
            current = _inner_model(fields[part].annotation)
    return current


SUGGESTED = 1_000
"""Unknown keys of one file that get a "Did you mean …?": a guess costs a quarter of a
millisecond, and a file of twenty thousand unknown keys is no file of typos."""


def _unknown_key(word: str, owner: type[BaseModel] | None, *, suggest: bool = True) -> str:
    here = set(_keys(owner)) if owner is not None else KNOWN_KEYS
    if word in KNOWN_KEYS and word not in here:
        places = " or ".join(place for cls, place in _PLACES.items() if word in _keys(cls))
        return (
            f"unknown key `{word}` here: `{word}` belongs {places}. "
            "Check the indentation of this line."
        )
    hint = (_did_you_mean(word, here) or _did_you_mean(word, KNOWN_KEYS)) if suggest else ""
    return f"unknown key `{word}`.{hint} Remove it or fix the spelling."


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, sorted(set(choices) - {word}), n=1, cutoff=0.75)
    return f" Did you mean `{close[0]}`?" if close else ""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if not text.strip():
        return "an empty text"
    return f"`{text[:60]}…`" if len(text) > 60 else f"`{text}`"


def _field_name(loc: DataPath) -> str:
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    if not names:
        return "the document"
    if isinstance(loc[-1], int):  # an item of a list of texts, such as `sertakan`
        return f"item {loc[-1] + 1} of `{names[-1]}`"
    return f"`{names[-1]}`"


def _message(error: Any, root: type[BaseModel] | None, *, suggest: bool = True) -> str:
    kind = error["type"]
    loc: DataPath = tuple(error["loc"])
    field = _field_name(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_key(str(loc[-1]), _owner(root, loc), suggest=suggest)
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


def findings_from(
    error: ValidationError, file: str, marks: Marks, root: type[BaseModel] | None = None
) -> list[Finding]:
    """One finding per pydantic error, at the position of the offending key or value.

    `root` is the model the whole file was read as; it tells which keys belong where.
    """
    result = []
    items = error.errors(include_url=False)
    unknown = 0
    for item in _without_misspelt_missing(items):
        loc: DataPath = tuple(p for p in item["loc"] if p != "[key]")
        line, column = marks.locate(loc)  # linear in all: Marks indexes each mapping once
        unknown += item["type"] == "extra_forbidden"
        message = _message(item, root, suggest=unknown <= SUGGESTED)
        result.append(Finding(file, line, column, Severity.ERROR, LoaderCheck.SCHEMA, message))
    return sorted(set(result))


def _without_misspelt_missing(items: list[Any]) -> list[Any]:
    """Drop "`x` is missing" where the same mapping has an unknown key that is `x` misspelt.

    `pernyatan:` is one mistake, not two: the finding on the unknown key already says
    "did you mean `pernyataan`?", at the line where the fix goes.
    """
    unknown: dict[DataPath, list[str]] = {}
    for item in items:
        if item["type"] == "extra_forbidden":
            unknown.setdefault(tuple(item["loc"][:-1]), []).append(str(item["loc"][-1]))
    kept = []
    for item in items:
        loc = tuple(item["loc"])
        words = unknown.get(loc[:-1], [])[:SUGGESTED]  # as many as may get a suggestion
        misspelt = (_did_you_mean(word, [str(loc[-1])]) for word in words)
        if item["type"] == "missing" and any(misspelt):
            continue
        kept.append(item)
    return kept

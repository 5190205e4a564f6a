"""Turn pydantic's validation errors into findings a planning analyst can act on."""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import AliasPath, BaseModel, ValidationError
from pydantic.fields import FieldInfo

from pohon.core.finding_ids import LoaderCheck
from pohon.core.findings import Finding, Severity
from pohon.core.messages import N_, _
from pohon.source.yaml_marks import DataPath, Marks
from pohon.tree import header, model, schema_base
from pohon.tree.header import Meta
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key
from pohon.tree.schema_values import describe as _describe
from pohon.tree.schema_values import field_name as _field_name
from pohon.tree.synonyms import meant
from pohon.tree.years import END_OF_PERIOD, YEAR_TWICE

_TARGET = schema_base.yaml_key(model.Indicator, "targets")

# Where each kind of mapping sits, in the words of a finding ("`x` belongs in a node").
_PLACES: dict[type[BaseModel], str] = {
    model.TreeFile: N_("at the top of a tree file"),
    model.FragmentFile: N_("at the top of an included file"),
    header.Meta: N_("under `meta`"),
    header.Period: N_("under `periode`"),
    header.Signatory: N_("in a `penandatangan` entry"),
    header.Position: N_("in a `jabatan` entry"),
    model.Node: N_("in a node"),
    model.Indicator: N_("in an `indikator` entry"),
}


# The shape of each code that a pattern checks, and how to write it.
_CODE_SHAPES = {
    yaml_key(Meta, "region_code"): (
        N_("a kode wilayah"),
        N_('`"35"` for a province or `"35.10"` for a kabupaten/kota (in quotes)'),
    ),
    yaml_key(Meta, "opd_code"): (
        N_("a kode perangkat daerah (Kepmendagri 050-5889)"),
        N_(
            '`"1.06.0.00.0.00.01.0000"`: urusan.bidang, two more urusan.bidang pairs (`0.00` '
            "when unused), unit and sub unit (in quotes)"
        ),
    ),
}


def _keys(cls: type[BaseModel]) -> dict[str, FieldInfo]:
    # A field read from inside another key (the end target, `target: {akhir: …}`) is no key.
    fields = cls.model_fields.items()
    return {
        info.alias or name: info
        for name, info in fields
        if not isinstance(info.validation_alias, AliasPath)
    }


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
    own = meant(word, owner) if owner is not None else ()
    if word in KNOWN_KEYS and word not in here and not own:
        places = _(" or ").join(_(place) for cls, place in _PLACES.items() if word in _keys(cls))
        return _(
            "unknown key `{key}` here: `{key}` belongs {places}. Check the indentation of this line."
        ).format(key=word, places=places)
    if not suggest:
        return _("unknown key `{key}`. Remove it or fix the spelling.").format(key=word)
    hint = (
        _either(own)
        or _did_you_mean(word, here)
        or _either(_english(word, owner))
        or _meant_elsewhere(word, owner)
    )
    return _("unknown key `{key}`.{hint} Remove it or fix the spelling.").format(
        key=word, hint=hint or _did_you_mean(word, KNOWN_KEYS)
    )


def _english(word: str, owner: type[BaseModel] | None) -> tuple[str, ...]:
    """The keys `word` stands for in `owner`: a synonym, an English field name, or one misspelt
    (`statment`, close to no key but to `statement`)."""
    if owner is None:
        return ()
    return meant(word, owner) or sum(
        (meant(n, owner) for n in _close(word, owner.model_fields)), ()
    )


def _meant_elsewhere(word: str, owner: type[BaseModel] | None) -> str:
    """The key `word` stands for in another kind of mapping, and where that one is written."""
    for cls, place in _PLACES.items():
        keys = meant(word, cls) if cls is not owner else ()
        if keys:
            return f"{_either(keys)[:-1]} ({_(place)})?"
    return ""


def _either(keys: tuple[str, ...]) -> str:
    if not keys:
        return ""
    return _(" Did you mean {keys}?").format(keys=_(" or ").join(f"`{key}`" for key in keys))


def _suggested(word: str, owner: type[BaseModel] | None, missing: str) -> tuple[str, ...]:
    """The keys the unknown key `word` in `owner`'s mapping may stand for, of them `missing`."""
    return _english(word, owner) + _close(word, [missing])


def _close(word: str, choices: Any) -> tuple[str, ...]:
    return tuple(difflib.get_close_matches(word, sorted(set(choices) - {word}), n=1, cutoff=0.75))


def _did_you_mean(word: str, choices: Any) -> str:
    return _either(_close(word, choices))


def _message(error: Any, root: type[BaseModel] | None, *, suggest: bool = True) -> str:
    kind = error["type"]
    loc: DataPath = tuple(error["loc"])
    field = _field_name(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_key(str(loc[-1]), _owner(root, loc), suggest=suggest)
    if kind == "value_error":  # a figure or an amount that pohon will not guess at
        return f"{field}: {ctx['error']}."
    if kind == YEAR_TWICE:
        return _(
            "the year {year} is written twice in {field}, as `{first}` (line {line}, column "
            "{column}) and as `{again}`: only one of them would be kept; write the year once, "
            "as four digits"
        ).format(field=field, **ctx)
    if kind == "missing":
        return _("{field} is missing: add `{key}:` with a value here.").format(
            field=field, key=loc[-1]
        )
    if kind == model.STATEMENT_REQUIRED:
        return _(
            "{field} is missing or empty: a {level} says here what it will achieve "
            "(only a program, kegiatan or sub kegiatan may go without one)."
        ).format(field=field, level=ctx["level"])
    if kind == "enum":
        expected = ctx.get("expected", "")
        hint = _did_you_mean(
            str(value), [c.strip(" '") for c in str(expected).replace(" or ", ",").split(",")]
        )
        return _("{field} cannot be {value}: use one of {expected}.{hint}").format(
            field=field, value=_describe(value), expected=expected, hint=hint
        )
    if kind in ("string_type", "string_too_short"):
        return _(
            "{field} must be text, but here it is {value}: write the text after the colon."
        ).format(field=field, value=_describe(value))
    if kind == "string_pattern_mismatch" and loc[-1] in _CODE_SHAPES:
        what, example = _CODE_SHAPES[str(loc[-1])]
        return _("{field} is {value}, not the shape of {what}: write it like {example}.").format(
            field=field, value=_describe(value), what=_(what), example=_(example)
        )
    if kind == "string_too_long" and loc[-1] == "id":
        return _(
            "the id {value} is {length} characters long; ids name the diagram files, and pohon "
            "takes ids of up to {limit} characters: shorten it"
        ).format(value=_describe(value), length=len(str(value)), limit=ctx.get("max_length"))
    if kind == "string_pattern_mismatch" and loc[-1] == "id":
        return _(
            "the id {value} is not usable: start with a letter or digit and use only "
            "letters, digits, `.`, `_` and `-` (e.g. `prog-pemberdayaan-sosial`)."
        ).format(value=_describe(value))
    if kind in ("int_parsing", "int_from_float") and loc and loc[-1] == "[key]":
        end = (
            _(", or `{key}:` for the end of the period").format(key=END_OF_PERIOD)
            if loc[-3:-2] == (_TARGET,)
            else ""
        )
        return _(
            "the year {value} is not a year: write it as four digits, e.g. `2024:`{end}."
        ).format(value=_describe(loc[-2]), end=end)
    if kind in ("greater_than_equal", "less_than_equal"):
        return _("{field} is out of range ({why}): write a four-digit year.").format(
            field=field, why=error["msg"].lower()
        )
    if kind in ("int_parsing", "float_parsing", "int_type", "float_type"):
        return _("{field} must be a number, but here it is {value}.").format(
            field=field, value=_describe(value)
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("{field} must be a mapping (`key: value` lines), but here it is {value}.").format(
            field=field, value=_describe(value)
        )
    if kind == "list_type":
        return _(
            "{field} must be a list (lines starting with `- `), but here it is {value}."
        ).format(field=field, value=_describe(value))
    return f"{field}: {error['msg']}."


def findings_from(
    error: ValidationError, file: str, marks: Marks, root: type[BaseModel] | None = None
) -> list[Finding]:
    """One finding per pydantic error, at the position of the offending key or value.

    `root` is the model the whole file was read as; it tells which keys belong where.
    """
    result = []
    items = [_by_alias(item) for item in error.errors(include_url=False)]
    unknown = 0
    for item in _without_misspelt_missing(items, root):
        loc: DataPath = tuple(p for p in item["loc"] if p != "[key]")
        if item["type"] == YEAR_TWICE:  # at the second spelling, naming the line of the first
            ctx = item["ctx"]
            ctx["line"], ctx["column"] = marks.locate((*loc, str(ctx["first"])))
            loc = (*loc, str(ctx["again"]))
        line, column = marks.locate(loc)  # linear in all: Marks indexes each mapping once
        unknown += item["type"] == "extra_forbidden"
        message = _message(item, root, suggest=unknown <= SUGGESTED)
        result.append(Finding(file, line, column, Severity.ERROR, LoaderCheck.SCHEMA, message))
    return sorted(set(result))


_MISSING = ("missing", model.STATEMENT_REQUIRED)


def _by_alias(item: Any) -> Any:
    """The error with its key as written in YAML: pydantic names the field by its code name
    where its validator ran on the default of a key left out (`pernyataan`)."""
    if item["type"] != model.STATEMENT_REQUIRED:
        return item
    return {**item, "loc": (*item["loc"][:-1], yaml_key(Node, "statement"))}


def _without_misspelt_missing(items: list[Any], root: type[BaseModel] | None) -> list[Any]:
    """Drop "`x` is missing" where the same mapping has an unknown key that stands for `x`.

    `pernyatan:` (misspelt) or `statement:` (another word for it) is one mistake, not two:
    the finding on the unknown key already says "did you mean `pernyataan`?", at the line
    where the fix goes.
    """
    unknown: dict[DataPath, list[DataPath]] = {}
    for item in items:
        if item["type"] == "extra_forbidden":
            unknown.setdefault(tuple(item["loc"][:-1]), []).append(tuple(item["loc"]))
    kept = []
    for item in items:
        loc: DataPath = tuple(item["loc"])
        others = unknown.get(loc[:-1], [])[:SUGGESTED]  # as many as may get a suggestion
        if item["type"] in _MISSING and any(
            loc[-1] in _suggested(str(other[-1]), _owner(root, other), str(loc[-1]))
            for other in others
        ):
            continue
        kept.append(item)
    return kept

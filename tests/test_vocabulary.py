"""The shared vocabularies are written once (pohon.core.vocabulary) and used from there."""

from __future__ import annotations

import ast
from dataclasses import fields

import click
import pytest

from conftest import ROOT
from pohon.check.finding_formats import FORMATS
from pohon.cli import main
from pohon.core.vocabulary import (
    ALLOWED_CHILDREN,
    BUDGET_LEVELS,
    DIAGRAM_FORMATS,
    ENGINE_CHOICES,
    FINDING_FORMATS,
    LANGUAGES,
    OPD_LEVELS,
    OUTCOME_LEVELS,
    Level,
)
from pohon.render.options import RenderOptions
from pohon.render.render_settings import RenderSettings
from pohon.render.reports.wording import Labels

SRC = ROOT / "src" / "pohon"
LEVELS = list(Level)


def _choices(command: str, option: str) -> tuple[str, ...]:
    group = main
    assert isinstance(group, click.Group)
    (param,) = [p for p in group.commands[command].params if p.name == option]
    assert isinstance(param.type, click.Choice)
    return tuple(param.type.choices)


def test_the_command_line_offers_the_vocabularies() -> None:
    assert _choices("validate", "output_format") == FINDING_FORMATS == tuple(FORMATS)
    assert _choices("render", "engine") == ENGINE_CHOICES
    assert _choices("render", "lang") == LANGUAGES


def test_every_language_has_its_labels() -> None:
    for lang in LANGUAGES:
        assert Labels(lang).level(Level.PROGRAM)


def test_the_render_settings_are_the_render_options_and_the_output_folder() -> None:
    options = {f.name for f in fields(RenderOptions)} - {"root"}  # --root is per command
    assert set(RenderSettings.model_fields) == options | {"out"}


def test_the_level_groups_run_top_down_in_level_order() -> None:
    for group in (BUDGET_LEVELS, OPD_LEVELS, OUTCOME_LEVELS):
        start = LEVELS.index(group[0])
        assert list(group) == LEVELS[start : start + len(group)]
    assert OPD_LEVELS[0] is Level.TUJUAN_OPD and OPD_LEVELS[-1] is Level.SUB_KEGIATAN
    assert OPD_LEVELS[-3:] == BUDGET_LEVELS
    assert OUTCOME_LEVELS[0] is Level.TUJUAN_RPJMD and OUTCOME_LEVELS[-1] is Level.KEGIATAN


def test_a_child_level_is_never_above_its_parent() -> None:
    assert set(ALLOWED_CHILDREN) == set(Level)
    for parent, children in ALLOWED_CHILDREN.items():
        assert all(LEVELS.index(child) >= LEVELS.index(parent) for child in children)


SPELT_OUT = {DIAGRAM_FORMATS, LANGUAGES, ENGINE_CHOICES, FINDING_FORMATS}


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_lists_a_vocabulary_again(path) -> None:  # type: ignore[no-untyped-def]
    if path.name == "vocabulary.py":
        return
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            words = tuple(e.value for e in node.elts if isinstance(e, ast.Constant))
            assert words not in SPELT_OUT, f"{path.name}:{node.lineno} lists {words}"

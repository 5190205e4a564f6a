"""The Indonesian analysts' guide keeps up with the format: every key, level and rule is in it."""

from __future__ import annotations

import re

import pytest
from pydantic import AliasPath, BaseModel

from conftest import ROOT
from pohon.check.rules import RULES
from pohon.core.vocabulary import Level
from pohon.tree import header, model
from pohon.tree.model import FragmentFile, TreeFile

GUIDE = ROOT / "docs" / "id" / "menulis-pohon.md"


def _yaml_keys(schema: type[BaseModel], seen: set[str]) -> set[str]:
    """Every YAML key of `schema` and of the models its fields hold."""
    keys: set[str] = set()
    if schema.__name__ in seen:
        return keys
    seen.add(schema.__name__)
    for name, field in schema.model_fields.items():
        if isinstance(field.validation_alias, AliasPath):  # read inside another key: `akhir`
            continue
        keys.add(field.alias or name)
        for inner in re.findall(r"\w+", str(field.annotation)):
            candidate = getattr(model, inner, None) or getattr(header, inner, None)
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                keys |= _yaml_keys(candidate, seen)
    return keys


KEYS = sorted(_yaml_keys(TreeFile, set()) | _yaml_keys(FragmentFile, set()))


def test_the_key_walk_reaches_nested_models() -> None:
    assert {"eselon", "awal", "polaritas", "realisasi", "tempat", "induk", "anak"} <= set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_every_yaml_key_is_explained_with_an_example(key: str) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert f"| `{key}` |" in text, f"no table row for `{key}`"
    assert re.search(rf"^\s*(- )?{key}:|[{{ `]{key}: ", text, re.M), f"no example of `{key}:`"


@pytest.mark.parametrize("level", [level.value for level in Level])
def test_every_level_is_explained(level: str) -> None:
    assert f"| `{level}` |" in GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", list(RULES))
def test_every_rule_is_explained_and_linked(rule: str) -> None:
    assert f"[`{rule}`](../rules.md#{rule})" in GUIDE.read_text(encoding="utf-8")
    assert f"\n## {rule}\n" in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_both_ways_to_silence_a_rule_are_shown() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert "abaikan: [duplicate-statement]" in text
    assert "[rules]" in text and "[tool.pohon.rules]" in text and '= "off"' in text

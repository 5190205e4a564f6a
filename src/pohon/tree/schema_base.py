"""What every model of the tree file shares: unknown keys are errors; YAML keys by field."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


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

"""What was silenced: rules switched off in the settings, and rules a node's `abaikan` names.

A tree that passes with rules silenced has not passed every rule; the validation summary
(`pohon validate` and the rendered report) names each silence, where it was made and how.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pohon.check.rules import RULES
from pohon.core.messages import _
from pohon.source.settings_file import Config
from pohon.tree.assemble import LoadResult
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key


@dataclass(frozen=True, order=True)
class Silence:
    """One rule not checked somewhere: in a whole project (`node` None) or on one node."""

    file: str  # the settings file, or the tree file whose `abaikan` names the rule
    line: int  # 0 for the settings (the line of a TOML key is not known)
    column: int
    rule: str
    node: str | None  # the node whose `abaikan` names the rule; None: off in the settings

    @property
    def location(self) -> str:
        return self.file if self.line == 0 else f"{self.file}:{self.line}:{self.column}"

    def by(self) -> str:
        """The setting that silenced the rule, as written."""
        if self.node is None:
            return f'{_section(self.file)} {self.rule} = "off"'
        return _("`abaikan` on node {node}").format(node=self.node)

    def line_text(self) -> str:
        """One line in the shape of a finding's: `file:line:col: silenced rule-id how`."""
        if self.node is None:
            how = _('by the setting {section} {rule} = "off": this rule is not checked').format(
                section=_section(self.file), rule=self.rule
            )
        else:
            how = _("by `abaikan` on node {node}").format(node=self.node)
        silenced = _("silenced")
        return f"{self.location}: {silenced} {self.rule} {how}"


def silences(result: LoadResult, config: Config) -> list[Silence]:
    """Every silence that applies to the tree: the settings' `off` rules, then each `abaikan`."""
    found = []
    settings = _shown(config.source) if config.source else "pohon.toml"
    for rule, severity in sorted(config.severities.items()):
        if severity is None and rule in RULES:
            found.append(Silence(settings, 0, 0, rule, None))
    if result.tree is not None:
        for node in result.tree.walk():
            for index, rule in enumerate(node.ignore):
                if rule in RULES:  # an unknown id is a finding of its own (unknown-rule)
                    file, line, column = result.locate(
                        node._origin, yaml_key(Node, "ignore"), index
                    )
                    found.append(Silence(file, line, column, rule, node.id))
    return sorted(found)


def _section(settings: str) -> str:
    return "[tool.pohon.rules]" if Path(settings).name == "pyproject.toml" else "[rules]"


def _shown(path: Path) -> str:
    """The settings file as findings name files: relative to the current folder where it can be."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()

"""Composed YAML nodes turned into dicts, lists and strings, refusing what pohon files never hold.

With yaml_marks.py, the only modules that touch PyYAML.
"""

from __future__ import annotations

from typing import Any

import yaml

from pohon.core.errors import YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source import limits
from pohon.source import yaml_messages as say
from pohon.source.text_lines import Lines, alias_at
from pohon.source.yaml_messages import decimal_comma, too_deep

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
MERGE = "tag:yaml.org,2002:merge"


def position(mark: yaml.Mark | None, lines: Lines) -> tuple[int, int]:
    """Where a mark is, 1-based, lines counted as editors count them."""
    return lines.position(mark.line, mark.column, mark.index) if mark is not None else (0, 0)


def _after(container: yaml.Node, last: yaml.Node) -> int:
    """Where an alias in `container` is looked for: after the entry before it, or its start."""
    return container.start_mark.index if last is container else last.end_mark.index


class Builder:
    """Turns composed nodes into dicts, lists and strings.

    An alias (`*name`) is the very node its anchor composed, met again: it is refused
    where it is written (the value is not built twice, so a "billion laughs" file costs
    nothing). A value repeated through an alias would have one position for two places,
    and each finding on it would point at the anchor instead of where it is used.
    """

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.text = lines.text
        self.problems: list[YamlError] = []
        self.count = 0
        self.met: set[int] = set()  # id() of every node built

    def at(self, node: yaml.Node) -> tuple[int, int]:
        return position(node.start_mark, self.lines)

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.met.add(id(node))
        self._spend(node)
        if type(node) is yaml.ScalarNode:  # most values: the short way
            return self._scalar(node)
        if depth > limits.MAX_DEPTH:
            raise too_deep(self.at(node))
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, SEQ)
            return self._sequence(node, depth)
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, MAP)
            return self._mapping(node, depth)
        raise YamlError(  # pragma: no cover - the composer makes only the three kinds
            LoaderCheck.YAML_SYNTAX, "unsupported YAML node", *self.at(node)
        )

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> list[Any]:
        items: list[Any] = []
        met = self.met
        last: yaml.Node = node  # the item before (what an alias is looked for after)
        for item in node.value:
            if id(item) in met:  # an alias: the node of its anchor, met again
                raise self._alias(_after(node, last), item)
            if type(item) is yaml.ScalarNode and item.tag == STR:
                items.append(self._text(item))  # most items: what build() does, inline
            else:
                items.append(self.build(item, depth + 1))
            last = item
        return items

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        met = self.met
        last: yaml.Node = node  # the value before (what an alias is looked for after)
        before: tuple[str, yaml.Node] | None = None  # the entry before, and its value's node
        for key_node, value_node in node.value:
            if (
                before is not None
                and value_node.tag == NULL  # _decimal_comma's first test, without a call
                and self._decimal_comma(before[1], key_node, value_node)
            ):
                result[before[0]] = f"{before[1].value},{key_node.value}"
                before = None
                continue
            if id(key_node) in met:
                raise self._alias(_after(node, last), key_node)
            key = self._plain_key(key_node)
            if key is None:
                key = self._key(key_node)
            if key in result:
                raise self._duplicate(node, key, key_node)
            if id(value_node) in met:
                raise self._alias(key_node.end_mark.index, value_node)
            if type(value_node) is yaml.ScalarNode and value_node.tag == STR:
                result[key] = self._text(value_node)  # most values: what build() does, inline
            else:
                result[key] = self.build(value_node, depth + 1)
            last = value_node
            before = (key, value_node)
        return result

    def _text(self, node: yaml.ScalarNode) -> str:
        """build() of a scalar tagged as text, the tag already looked at: the same steps."""
        self.met.add(id(node))
        self.count += 1
        if self.count > limits.MAX_VALUES or len(node.value) > limits.MAX_TEXT_CHARS:
            self._spend_again(node)
            self._scalar(node)  # raises: the text is too long
        return str(node.value)

    def _plain_key(self, key_node: yaml.Node) -> str | None:
        """_key() of the usual key (text, not `<<`), or None for _key() to look at it."""
        if type(key_node) is not yaml.ScalarNode or key_node.tag != STR:
            return None
        key = key_node.value
        if key == "<<" or len(key) > limits.MAX_TEXT_CHARS:
            return None
        self.met.add(id(key_node))
        return str(key)

    def _alias(self, after: int, node: yaml.Node) -> YamlError:
        """The refusal of an alias written after `after` (at its anchor's node, if not found)."""
        found = alias_at(self.lines.text, after)
        name, where = found if found else ("name", -1)
        position = self.lines.of_index(where) if where >= 0 else self.at(node)
        return YamlError(LoaderCheck.YAML_TAG, _(say.ALIAS).format(name=name), *position)

    def _spend(self, node: yaml.Node) -> None:
        self.count += 1
        self._spend_again(node)

    def _spend_again(self, node: yaml.Node) -> None:
        """The refusal of one value too many, if `node` was it (counted already)."""
        if self.count > limits.MAX_VALUES:
            message = say.too_many_values(limits.MAX_VALUES)
            raise YamlError(LoaderCheck.TOO_LARGE, message, *self.at(node))

    def _scalar(self, node: yaml.ScalarNode) -> str | None:
        tag = node.tag
        if tag == NULL:
            return None
        if tag != STR:
            self._check_tag(node, STR)
        if len(node.value) > limits.MAX_TEXT_CHARS:
            message = say.too_long(len(node.value), limits.MAX_TEXT_CHARS)
            raise YamlError(LoaderCheck.TOO_LARGE, message, *self.at(node))
        return str(node.value)

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            message = _(say.TAG).format(tag=node.tag)
            raise YamlError(LoaderCheck.YAML_TAG, message, *self.at(node))

    def _decimal_comma(self, figure: yaml.Node, key: yaml.Node, value: yaml.Node) -> bool:
        """`{2022: 13,50}`: a comma ends an entry in `{…}`, so YAML reads `13` and a key `50`.

        Seen in the text (a figure, a comma and digits, nothing between them), the two are
        read back as the one figure written, and the mistake is recorded.
        """
        end = figure.end_mark.index
        if not (
            value.tag == NULL  # first: nearly every entry has a value, and fails here
            and all(type(n) is yaml.ScalarNode and not n.style for n in (figure, key))
            and (key.start_mark.index, self.text[end : end + 1]) == (end + 1, ",")
            and value.start_mark.index == value.end_mark.index
            and (message := decimal_comma(figure.value, key.value))
        ):
            return False
        self.problems.append(YamlError(LoaderCheck.YAML_SYNTAX, message, *self.at(figure)))
        return True

    def _duplicate(self, node: yaml.MappingNode, key: str, again: yaml.Node) -> YamlError:
        first = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
        message = _(say.DUPLICATE).format(key=key, line=self.at(first)[0])
        return YamlError(LoaderCheck.DUPLICATE_KEY, message, *self.at(again))

    def _key(self, key_node: yaml.Node) -> str:
        self.met.add(id(key_node))
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError(LoaderCheck.YAML_SYNTAX, _(say.KEY_NOT_TEXT), *self.at(key_node))
        # `<<` merges only under YAML 1.1 resolution, which this loader turns off: refuse
        # it rather than read it as an ordinary key the schema would call unknown.
        if key_node.tag == MERGE or (key_node.value == "<<" and not key_node.style):
            raise YamlError(LoaderCheck.YAML_TAG, _(say.MERGE_KEY), *self.at(key_node))
        key = self._scalar(key_node)
        if key is None:
            raise YamlError(LoaderCheck.YAML_SYNTAX, _(say.EMPTY_KEY), *self.at(key_node))
        return key

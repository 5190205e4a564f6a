"""The only module that touches PyYAML: text in, plain data plus a side index of positions out.

Every plain scalar stays the text the analyst wrote (no YAML 1.1 booleans, octals,
sexagesimals or dates): `1.10` stays "1.10" and `NO` stays "NO". Only `null`, `~`
and empty values become None. Figures are parsed later by the schema, which knows
where a figure is meant. Duplicate keys, explicit tags, aliases and oversized input are
errors. Positions count lines as editors do (pohon.source.text_lines).
"""

from __future__ import annotations

from typing import Any

import yaml

from pohon.core.errors import YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.source import limits
from pohon.source import yaml_messages as say
from pohon.source.text_lines import Lines, alias_at
from pohon.source.yaml_messages import bad_character, explain

try:  # the C parser is several times faster; fall back quietly where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

DataPath = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"


_NULL_WORDS = frozenset({"~", "null", "Null", "NULL", ""})


class _TextLoader(_BaseLoader):
    """A safe loader whose only implicit type is null."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # Called for every untagged node; PyYAML's general resolver walks regex tables
        # that here would hold a single entry, so answer directly.
        if kind is yaml.ScalarNode:
            return _NULL if implicit[0] and value in _NULL_WORDS else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class Marks:
    """Positions of the keys and values of one parsed document, found on demand (1-based).

    Findings are few and values many: rather than record a position for every value
    while building, keep the composed nodes and walk them along a data path when a
    finding needs a place. A mapping met on the way is indexed by key once, so twenty
    thousand findings in one mapping cost one pass over it, not one pass each.
    """

    def __init__(self, root: yaml.Node | None = None, lines: Lines | None = None) -> None:
        self.root = root
        self.lines = lines or Lines("")
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def locate(self, path: DataPath, *, prefer_key: bool = True) -> tuple[int, int]:
        """The position of `path` (its key, if `prefer_key`), or of its nearest written ancestor."""
        node = self.root
        if node is None:
            return (1, 1)
        found = node.start_mark
        for part in path:
            step = self._step(node, part)
            if step is None:
                break
            key_node, node = step
            found = key_node.start_mark if prefer_key and key_node else node.start_mark
        return _position(found, self.lines)

    def _step(self, node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
        """One step down a data path: (the key's node, if a mapping key, and the value's node)."""
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = index_keys(node)
            return keys.get(part)
        if (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            return None, node.value[part]
        return None


def index_keys(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping's entries by key text (the first of a key written twice, as the loader reads)."""
    keys: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            keys.setdefault(key_node.value, (key_node, value_node))
    return keys


def _position(mark: yaml.Mark | None, lines: Lines) -> tuple[int, int]:
    return lines.position(mark.line, mark.column, mark.index) if mark is not None else (0, 0)


def parse(text: str) -> tuple[Any, Marks]:
    """Parse one YAML document into plain data and its marks."""
    lines = Lines(text)
    try:
        loader = _TextLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError:
        raise _bad_character(text) from None
    except yaml.MarkedYAMLError as error:
        raise _marked_error(error, lines) from None
    except yaml.YAMLError as error:
        raise YamlError(LoaderCheck.YAML_SYNTAX, f"not valid YAML: {error}") from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at 1000 levels
        raise _too_deep((0, 0)) from None
    if root is None:
        raise YamlError(
            LoaderCheck.EMPTY_FILE, "the file is empty: a tree file starts with `format: pohon/1`"
        )
    return _Builder(lines).build(root, 0), Marks(root, lines)


def _bad_character(text: str) -> YamlError:
    found = bad_character(text)
    if found is None:
        return YamlError(
            LoaderCheck.YAML_SYNTAX, "not valid YAML: the file holds a character YAML refuses"
        )
    return YamlError(LoaderCheck.YAML_SYNTAX, *found)


def _marked_error(error: yaml.MarkedYAMLError, lines: Lines) -> YamlError:
    problem_mark = error.problem_mark or error.context_mark
    if "maximum nesting depth" in (error.problem or ""):
        return _too_deep(_position(problem_mark, lines))
    odd = _odd_break_to_blame(lines, problem_mark)
    if odd is not None:  # the parser saw a line end no editor shows: that is the slip
        message = say.odd_break(lines.text[odd])
        return YamlError(LoaderCheck.YAML_SYNTAX, message, *lines.of_index(odd))
    message, at_start = explain(
        (error.problem or "").strip(),
        (error.context or "").strip(),
        _character(lines.text, problem_mark),
        _character(lines.text, error.context_mark),
    )
    mark = error.context_mark if at_start and error.context_mark is not None else problem_mark
    return YamlError(LoaderCheck.YAML_SYNTAX, message, *_position(mark, lines))


def _odd_break_to_blame(lines: Lines, mark: yaml.Mark | None) -> int | None:
    """The line end only YAML sees that broke the parse, if one did: the last one before the
    error, when the text parses past the error without them (errors only: a second parse)."""
    odd = lines.last_odd_break(mark.index + 1) if mark is not None else None
    if odd is None or mark is None:
        return None
    try:
        yaml.compose(lines.without_odd_breaks(), Loader=_TextLoader)
    except yaml.MarkedYAMLError as again:
        if again.problem_mark is not None and again.problem_mark.index == mark.index:
            return None  # the same error without them: it is another slip
    except yaml.YAMLError:
        return None
    return odd


def _character(text: str, mark: yaml.Mark | None) -> str:
    index = mark.index if mark is not None else -1
    return text[index] if 0 <= index < len(text) else ""


def _too_deep(position: tuple[int, int]) -> YamlError:
    return YamlError(LoaderCheck.TOO_DEEP, say.too_deep(limits.MAX_DEPTH), *position)


class _Builder:
    """Turns composed nodes into dicts, lists and strings.

    An alias (`*name`) is the very node its anchor composed, met again: it is refused
    where it is written (the value is not built twice, so a "billion laughs" file costs
    nothing). A value repeated through an alias would have one position for two places,
    and each finding on it would point at the anchor instead of where it is used.
    """

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.count = 0
        self.met: set[int] = set()  # id() of every node built

    def at(self, node: yaml.Node) -> tuple[int, int]:
        return _position(node.start_mark, self.lines)

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.met.add(id(node))
        self._spend(node)
        if type(node) is yaml.ScalarNode:  # most values: the short way
            return self._scalar(node)
        if depth > limits.MAX_DEPTH:
            raise _too_deep(self.at(node))
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ)
            return self._sequence(node, depth)
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, _MAP)
            return self._mapping(node, depth)
        raise YamlError(  # pragma: no cover - the composer makes only the three kinds
            LoaderCheck.YAML_SYNTAX, "unsupported YAML node", *self.at(node)
        )

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> list[Any]:
        items: list[Any] = []
        after = node.start_mark.index
        for item in node.value:
            if id(item) in self.met:  # an alias: the node of its anchor, met again
                raise self._alias(after, item)
            items.append(self.build(item, depth + 1))
            after = item.end_mark.index
        return items

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        after = node.start_mark.index
        for key_node, value_node in node.value:
            if id(key_node) in self.met:
                raise self._alias(after, key_node)
            key = self._key(key_node)
            if key in result:
                raise self._duplicate(node, key, key_node)
            if id(value_node) in self.met:
                raise self._alias(key_node.end_mark.index, value_node)
            result[key] = self.build(value_node, depth + 1)
            after = value_node.end_mark.index
        return result

    def _alias(self, after: int, node: yaml.Node) -> YamlError:
        """The refusal of an alias written after `after` (at its anchor's node, if not found)."""
        found = alias_at(self.lines.text, after)
        name, where = found if found else ("name", -1)
        position = self.lines.of_index(where) if where >= 0 else self.at(node)
        return YamlError(LoaderCheck.YAML_TAG, say.ALIAS.format(name=name), *position)

    def _spend(self, node: yaml.Node) -> None:
        self.count += 1
        if self.count > limits.MAX_VALUES:
            message = say.too_many_values(limits.MAX_VALUES)
            raise YamlError(LoaderCheck.TOO_LARGE, message, *self.at(node))

    def _scalar(self, node: yaml.ScalarNode) -> str | None:
        tag = node.tag
        if tag == _NULL:
            return None
        if tag != _STR:
            self._check_tag(node, _STR)
        if len(node.value) > limits.MAX_TEXT_CHARS:
            message = say.too_long(len(node.value), limits.MAX_TEXT_CHARS)
            raise YamlError(LoaderCheck.TOO_LARGE, message, *self.at(node))
        return str(node.value)

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            message = say.TAG.format(tag=node.tag)
            raise YamlError(LoaderCheck.YAML_TAG, message, *self.at(node))

    def _duplicate(self, node: yaml.MappingNode, key: str, again: yaml.Node) -> YamlError:
        first = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
        message = say.DUPLICATE.format(key=key, line=self.at(first)[0])
        return YamlError(LoaderCheck.DUPLICATE_KEY, message, *self.at(again))

    def _key(self, key_node: yaml.Node) -> str:
        self.met.add(id(key_node))
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError(LoaderCheck.YAML_SYNTAX, say.KEY_NOT_TEXT, *self.at(key_node))
        # `<<` merges only under YAML 1.1 resolution, which this loader turns off: refuse
        # it rather than read it as an ordinary key the schema would call unknown.
        if key_node.tag == _MERGE or (key_node.value == "<<" and not key_node.style):
            raise YamlError(LoaderCheck.YAML_TAG, say.MERGE_KEY, *self.at(key_node))
        key = self._scalar(key_node)
        if key is None:
            raise YamlError(LoaderCheck.YAML_SYNTAX, say.EMPTY_KEY, *self.at(key_node))
        return key

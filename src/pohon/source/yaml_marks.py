"""The only module that touches PyYAML: text in, plain data plus a side index of positions out.

Every plain scalar stays the text the analyst wrote (no YAML 1.1 booleans, octals,
sexagesimals or dates): `1.10` stays "1.10" and `NO` stays "NO". Only `null`, `~`
and empty values become None. Figures are parsed later by the schema, which knows
where a figure is meant. Duplicate keys, explicit tags and oversized input are errors.
"""

from __future__ import annotations

from typing import Any

import yaml

from pohon.core.errors import YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.source import limits
from pohon.source.yaml_messages import bad_character_error, decimal_comma, explain, too_deep

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
    finding needs a place.
    """

    def __init__(self, root: yaml.Node | None = None, problems: tuple[YamlError, ...] = ()) -> None:
        self.root = root
        self.problems = problems  # mistakes the reading got past (a decimal comma in `{…}`)

    def locate(self, path: DataPath, *, prefer_key: bool = True) -> tuple[int, int]:
        """The position of `path` (its key, if `prefer_key`), or of its nearest written ancestor."""
        node = self.root
        if node is None:
            return (1, 1)
        found = _position(node.start_mark)
        for part in path:
            step = _step(node, part)
            if step is None:
                break
            key_node, node = step
            found = _position(key_node.start_mark if prefer_key and key_node else node.start_mark)
        return found


def _step(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """One step down a data path: (the key's node, if a mapping key, and the value's node)."""
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return key_node, value_node
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return None, node.value[part]
    return None


def _position(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def parse(text: str) -> tuple[Any, Marks]:
    """Parse one YAML document into plain data and its marks."""
    try:
        loader = _TextLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError:
        raise bad_character_error(text) from None
    except yaml.MarkedYAMLError as error:
        raise _marked_error(error, text) from None
    except yaml.YAMLError as error:
        raise YamlError(LoaderCheck.YAML_SYNTAX, f"not valid YAML: {error}") from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at 1000 levels
        raise too_deep((0, 0)) from None
    if root is None:
        raise YamlError(
            LoaderCheck.EMPTY_FILE, "the file is empty: a tree file starts with `format: pohon/1`"
        )
    builder = _Builder(text)
    return builder.build(root, 0), Marks(root, tuple(builder.problems))


def _marked_error(error: yaml.MarkedYAMLError, text: str) -> YamlError:
    problem_mark = error.problem_mark or error.context_mark
    if "maximum nesting depth" in (error.problem or ""):
        return too_deep(_position(problem_mark))
    message, at_start = explain(
        (error.problem or "").strip(),
        (error.context or "").strip(),
        _character(text, problem_mark),
        _character(text, error.context_mark),
    )
    mark = error.context_mark if at_start and error.context_mark is not None else problem_mark
    return YamlError(LoaderCheck.YAML_SYNTAX, message, *_position(mark))


def _character(text: str, mark: yaml.Mark | None) -> str:
    index = mark.index if mark is not None else -1
    return text[index] if 0 <= index < len(text) else ""


class _Builder:
    """Turns composed nodes into dicts, lists and strings.

    An alias is the very node its anchor composed, met again: its value is built once
    and shared, but counted in full each time, so a "billion laughs" file is refused
    at the first anchor that expands past the limit instead of being expanded.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[YamlError] = []
        self.count = 0
        self.deepest = 0
        self.built: dict[int, tuple[Any, int, int]] = {}  # id(node) -> value, values, height
        self.open: set[int] = set()

    def build(self, node: yaml.Node, depth: int) -> Any:
        if type(node) is yaml.ScalarNode:  # most values: the short way
            self._spend(1, node)
            return self._scalar(node)
        if id(node) in self.open:
            raise YamlError(
                LoaderCheck.YAML_SYNTAX,
                "an alias (`*name`) is used inside its own anchor (`&name`): this would never end",
                *_position(node.start_mark),
            )
        if id(node) in self.built:
            value, size, height = self.built[id(node)]
            self._spend(size, node)
            self._reach(depth + height, node)
            return value
        self._spend(1, node)
        self._reach(depth, node)
        return self._collection(node, depth)

    def _collection(self, node: yaml.Node, depth: int) -> Any:
        start, outer = self.count, self.deepest
        self.open.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ)
            value: Any = [self.build(item, depth + 1) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            self._check_tag(node, _MAP)
            value = self._mapping(node, depth)
        else:  # pragma: no cover - the composer makes only the three kinds
            raise YamlError(
                LoaderCheck.YAML_SYNTAX, "unsupported YAML node", *_position(node.start_mark)
            )
        self.open.discard(id(node))
        self.built[id(node)] = (value, self.count - start + 1, self.deepest - depth)
        self.deepest = max(outer, self.deepest)
        return value

    def _spend(self, size: int, node: yaml.Node) -> None:
        self.count += size
        if self.count > limits.MAX_VALUES:
            raise YamlError(
                LoaderCheck.TOO_LARGE,
                f"the file expands to more than {limits.MAX_VALUES:,} values (the limit; an alias "
                "counts its anchor's values each time it is used): split the tree or drop the aliases",
                *_position(node.start_mark),
            )

    def _reach(self, depth: int, node: yaml.Node) -> None:
        if depth > limits.MAX_DEPTH:
            raise too_deep(_position(node.start_mark))
        if depth > self.deepest:
            self.deepest = depth

    def _scalar(self, node: yaml.ScalarNode) -> str | None:
        tag = node.tag
        if tag == _NULL:
            return None
        if tag != _STR:
            self._check_tag(node, _STR)
        if len(node.value) > limits.MAX_TEXT_CHARS:
            raise YamlError(
                LoaderCheck.TOO_LARGE,
                f"this text is {len(node.value):,} characters long; pohon takes texts up to "
                f"{limits.MAX_TEXT_CHARS:,} characters (the limit): a statement or an indicator "
                "is a sentence or two",
                *_position(node.start_mark),
            )
        return str(node.value)

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise YamlError(
                LoaderCheck.YAML_TAG,
                f"the tag `{node.tag}` is not allowed: pohon files hold plain text, "
                "lists and mappings only; remove the tag (or, if it is text, put the text in quotes)",
                *_position(node.start_mark),
            )

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        before: tuple[str, yaml.Node] | None = None  # the entry before, and its value's node
        for key_node, value_node in node.value:
            if before is not None and self._decimal_comma(before[1], key_node, value_node):
                result[before[0]] = f"{before[1].value},{key_node.value}"
                before = None
                continue
            key = self._key(key_node)
            if key in result:
                raise self._duplicate(node, key, key_node)
            result[key] = self.build(value_node, depth + 1)
            before = (key, value_node)
        return result

    def _decimal_comma(self, figure: yaml.Node, key: yaml.Node, value: yaml.Node) -> bool:
        """`{2022: 13,50}`: a comma ends an entry in `{…}`, so YAML reads `13` and a key `50`.

        Seen in the text (a figure, a comma and digits, nothing between them), the two are
        read back as the one figure written, and the mistake is recorded.
        """
        end = figure.end_mark.index
        if not (
            value.tag == _NULL  # first: nearly every entry has a value, and fails here
            and all(type(n) is yaml.ScalarNode and not n.style for n in (figure, key))
            and (key.start_mark.index, self.text[end : end + 1]) == (end + 1, ",")
            and value.start_mark.index == value.end_mark.index
            and (message := decimal_comma(figure.value, key.value))
        ):
            return False
        self.problems.append(
            YamlError(LoaderCheck.YAML_SYNTAX, message, *_position(figure.start_mark))
        )
        return True

    def _duplicate(self, node: yaml.MappingNode, key: str, again: yaml.Node) -> YamlError:
        first = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
        return YamlError(
            LoaderCheck.DUPLICATE_KEY,
            f"the key `{key}` appears twice in this mapping (first on line "
            f"{first.start_mark.line + 1}); YAML would silently keep only the last: "
            "remove or merge one",
            *_position(again.start_mark),
        )

    def _key(self, key_node: yaml.Node) -> str:
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError(
                LoaderCheck.YAML_SYNTAX,
                "a key must be plain text, not a list or mapping",
                *_position(key_node.start_mark),
            )
        # `<<` merges only under YAML 1.1 resolution, which this loader turns off: refuse
        # it rather than read it as an ordinary key the schema would call unknown.
        if key_node.tag == _MERGE or (key_node.value == "<<" and not key_node.style):
            raise YamlError(
                LoaderCheck.YAML_TAG,
                "merge keys (`<<:`) are not supported: write the keys out",
                *_position(key_node.start_mark),
            )
        key = self._scalar(key_node)
        if key is None:
            raise YamlError(
                LoaderCheck.YAML_SYNTAX,
                "a key is empty: write a name before the colon",
                *_position(key_node.start_mark),
            )
        return key

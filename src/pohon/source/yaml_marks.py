"""YAML text in, plain data plus a side index of positions out (PyYAML: here and yaml_build.py).

Every plain scalar stays the text the analyst wrote (no YAML 1.1 booleans, octals,
sexagesimals or dates): `1.10` stays "1.10" and `NO` stays "NO". Only `null`, `~`
and empty values become None. Figures are parsed later by the schema, which knows
where a figure is meant. Duplicate keys, explicit tags, aliases and oversized input are
errors. Positions count lines as editors do (pohon.source.text_lines).
"""

from __future__ import annotations

import operator
from typing import Any

import yaml

from pohon.core.errors import YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source import yaml_messages as say
from pohon.source.text_lines import Lines
from pohon.source.yaml_build import MAP, NULL, SEQ, STR, Builder, position
from pohon.source.yaml_messages import bad_character_error, explain, too_deep

try:  # the C parser is several times faster; fall back quietly where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

DataPath = tuple[str | int, ...]


_NULL_WORDS = frozenset({"~", "null", "Null", "NULL", ""})


class _TextLoader(_BaseLoader):
    """A safe loader whose only implicit type is null."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # Called for every untagged node; PyYAML's general resolver walks regex tables
        # that here would hold a single entry, so answer directly.
        if kind is yaml.ScalarNode:
            return NULL if implicit[0] and value in _NULL_WORDS else STR
        return SEQ if kind is yaml.SequenceNode else MAP

    # The composer calls these two around every node it composes, to follow path resolvers;
    # this loader has none, so PyYAML's would return at once. A C function whose result is
    # dropped does the same without a Python call (descend is passed two values, ascend none).
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


class Marks:
    """Positions of the keys and values of one parsed document, found on demand (1-based).

    Findings are few and values many: rather than record a position for every value
    while building, keep the composed nodes and walk them along a data path when a
    finding needs a place. A mapping met on the way is indexed by key once, so twenty
    thousand findings in one mapping cost one pass over it, not one pass each.
    """

    def __init__(
        self,
        root: yaml.Node | None = None,
        lines: Lines | None = None,
        problems: tuple[YamlError, ...] = (),
    ) -> None:
        self.root = root
        self.lines = lines or Lines("")
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}
        self.problems = problems  # mistakes the reading got past (a decimal comma in `{…}`)

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
        return position(found, self.lines)

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
        raise bad_character_error(text) from None
    except yaml.MarkedYAMLError as error:
        raise _marked_error(error, lines) from None
    except yaml.YAMLError as error:
        raise YamlError(
            LoaderCheck.YAML_SYNTAX, _("not valid YAML: {error}").format(error=error)
        ) from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at 1000 levels
        raise too_deep((0, 0)) from None
    if root is None:
        raise YamlError(
            LoaderCheck.EMPTY_FILE,
            _("the file is empty: a tree file starts with `format: pohon/1`"),
        )
    builder = Builder(lines)
    return builder.build(root, 0), Marks(root, lines, tuple(builder.problems))


def _marked_error(error: yaml.MarkedYAMLError, lines: Lines) -> YamlError:
    problem_mark = error.problem_mark or error.context_mark
    if "maximum nesting depth" in (error.problem or ""):
        return too_deep(position(problem_mark, lines))
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
    return YamlError(LoaderCheck.YAML_SYNTAX, message, *position(mark, lines))


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

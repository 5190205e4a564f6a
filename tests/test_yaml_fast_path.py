"""The reader's short ways give exactly what the general way gives.

The builder reads the usual key and the usual text value inline, and the composer skips
PyYAML's path resolvers; a scalar alone in a file goes the general way (Builder.build), the
same scalar as a value, an item or a key the short way: both must read the same, and the
composed tags must be those PyYAML's own resolver methods give.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from pohon.core.errors import YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.source import limits, yaml_marks
from pohon.source.yaml_marks import parse

TRICKY = [
    "1",
    "01",
    "0o17",
    "0x1F",
    "1_000",
    "+1",
    "-0",
    "1.10",
    "1.0",
    "1e3",
    ".5",
    "11.080.481.999",
    "19,21",
    "13,50",
    "1:30",
    "190:20:30",
    "2024-01-02",
    "2024-1-2 10:00:00",
    "yes",
    "no",
    "Yes",
    "NO",
    "on",
    "off",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "<<",
    "'<<'",
    '"<<"',
    "=",
    ".inf",
    "-.Inf",
    ".nan",
    "'1.10'",
    '"yes"',
    "'~'",
    '""',
    "''",
    '"a\\tb"',
    "'it''s'",
    "! 1",
    "! ~",
    "!!str 1",
    "!!int 1",
    "!!null ''",
    "!!bool yes",
    "Rp 1.000.000",
    "85%",
    "a b",
    "x # c",
    "|\n  blok\n",
    ">\n  lipat\n",
]

scalars = st.one_of(
    st.sampled_from(TRICKY),
    st.text(alphabet="0123456789.,:-_+~ yesnoYNtruflaTRUE'\"!&*x", min_size=1, max_size=12),
    st.builds(
        lambda n: "x" * n, st.sampled_from([limits.MAX_TEXT_CHARS, limits.MAX_TEXT_CHARS + 1])
    ),
)


def _read(text: str) -> tuple[str, object]:
    """What parse makes of `text`: ("data", the data), or ("error", rule and message)."""
    try:
        return "data", parse(text)[0]
    except YamlError as error:
        return "error", (error.rule, error.message)


def _alone(scalar: str) -> tuple[str, object]:
    kind, read = _read(scalar + "\n")
    assume(kind == "error" or read is None or isinstance(read, str))  # a scalar, not `- x`
    # A refusal of the scalar itself (too long, a tag) must be the same nested; a file that
    # is nothing but `#` or `: ` fails as a file, not as a value.
    assume(kind == "data" or read[0] in (LoaderCheck.TOO_LARGE, LoaderCheck.YAML_TAG))  # type: ignore[index]
    return kind, read


def _indented(scalar: str) -> str:
    return scalar.replace("\n", "\n  ")


@given(scalars)
def test_a_value_reads_as_the_scalar_alone(scalar: str) -> None:
    kind, alone = _alone(scalar)
    nested = _read("k: " + _indented(scalar) + "\n")
    if kind == "data":
        assert nested == ("data", {"k": alone})
    else:
        assert nested == (kind, alone)


@given(scalars)
def test_an_item_reads_as_the_scalar_alone(scalar: str) -> None:
    kind, alone = _alone(scalar)
    nested = _read("- " + _indented(scalar) + "\n- z\n")
    if kind == "data":
        assert nested == ("data", [alone, "z"])
    else:
        assert nested == (kind, alone)


@given(scalars)
def test_a_key_reads_as_the_scalar_alone(scalar: str) -> None:
    assume("\n" not in scalar and len(scalar) < 1024)  # YAML's limit on a key written plain
    kind, alone = _alone(scalar)
    text = scalar + ": v\nlain: w\n"
    assume(_composes(text))  # `x # c: v` is no key: the parser's error, not the builder's
    nested = _read(text)
    if kind == "data" and alone is None:
        assert nested[0] == "error" and nested[1][0] is LoaderCheck.YAML_SYNTAX  # type: ignore[index]
    elif kind == "data" and scalar != "<<":
        assert nested == ("data", {alone: "v", "lain": "w"})
    elif kind == "error":
        assert nested == (kind, alone)


def _composes(text: str) -> bool:
    try:
        yaml.compose(text, Loader=yaml_marks._TextLoader)
    except yaml.YAMLError:
        return False
    return True


class _PyYamlResolvers(yaml_marks._TextLoader):
    """The loader with PyYAML's own (path-following) resolver methods back."""

    descend_resolver = yaml.resolver.BaseResolver.descend_resolver  # type: ignore[assignment]
    ascend_resolver = yaml.resolver.BaseResolver.ascend_resolver  # type: ignore[assignment]


def _tags(node: yaml.Node) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    stack = [node]
    while stack:
        here = stack.pop()
        if isinstance(here, yaml.MappingNode):
            stack.extend(n for pair in here.value for n in pair)
        elif isinstance(here, yaml.SequenceNode):
            stack.extend(here.value)
        found.append((here.tag, here.value if isinstance(here, yaml.ScalarNode) else None))
    return found


@given(st.lists(scalars, min_size=1, max_size=5))
def test_the_composed_tags_are_pyyaml_s(values: list[str]) -> None:
    text = "".join(f"k{i}:\n  - {_indented(v)}\n" for i, v in enumerate(values))
    try:
        ours = yaml.compose(text, Loader=yaml_marks._TextLoader)
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            yaml.compose(text, Loader=_PyYamlResolvers)
        return
    assert _tags(ours) == _tags(yaml.compose(text, Loader=_PyYamlResolvers))


def test_the_short_way_refuses_what_the_general_way_refuses() -> None:
    too_long = "x" * (limits.MAX_TEXT_CHARS + 1)
    for text in (f"k: {too_long}\n", f"- {too_long}\n", f"{too_long}: v\n", "<<: {a: 1}\n"):
        kind, _read_back = _read(text)
        assert kind == "error", text

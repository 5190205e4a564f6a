"""Diagram labels: any text stays text (escaping), and is wrapped word by word to the box width."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pohon.core.vocabulary import Level
from pohon.render.diagrams import boxes
from pohon.render.diagrams.label_text import clean, escape, lines, measure, wrap
from pohon.tree.model import Indicator, Node

# Text as analysts paste it, and as an attacker would write it.
HOSTILE = [
    'He said "yes" & <b>no</b>',
    "<<TABLE><TR><TD>injected</TD></TR></TABLE>>",
    '"]; evil [label="x"]; a -> b; //',
    "\\N \\G \\L \\l \\n \\\\ \\",
    "{ braces } [ brackets ] ]]> <!-- comment --> <![CDATA[x]]>",
    "line one\nline two\r\nline three\rfour\u2028five",
    "tab\there\x0bvertical\x0cform\x00nul\x1bescape\x7fdel\x85nel",
    "emoji 😀 and accents é ñ ü and CJK 中文",
    "&amp; &#60; &lt; already escaped",
    "'single' `back` ticks",
]


def _xml_text(label: str) -> str:
    """The text an XML parser reads from an HTML-like label (`<…>` without its outer brackets)."""
    assert label.startswith("<") and label.endswith(">")
    root = ET.fromstring(f"<root>{label[1:-1]}</root>")
    return " ".join("".join(root.itertext()).split())


def _odd_backslashes(label: str) -> bool:
    """Graphviz expands `\\N`, `\\G`… even in HTML labels: every backslash must come doubled."""
    return any(len(run) % 2 for run in re.findall(r"\\+", label))


def _words(text: str) -> str:
    return " ".join(clean(text).split())


def _graphviz_sees(label_text: str) -> str:
    """Graphviz turns `\\\\` back into one backslash after reading the label."""
    return label_text.replace("\\\\", "\\")


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_keeps_text_as_text(text: str) -> None:
    escaped = escape(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert not re.search(r"&(?!(amp|lt|gt|quot|#39);)", escaped), "a bare & would fail the render"
    assert not _odd_backslashes(escaped), "a single backslash would be expanded"
    assert _graphviz_sees(_xml_text(f"<{escaped}>")) == _words(text)


def test_control_characters_are_removed_and_line_breaks_kept() -> None:
    assert clean("a\x0bb\x00c\x1bd\x7fe\x9ff\ufffeg") == "abcdefg"
    assert clean("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert clean("tab\tand newline\n") == "tab\tand newline\n"


def test_wrap_breaks_between_words_within_the_width() -> None:
    text = "Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif dan berkualitas"
    wrapped = wrap(text, 14)
    assert len(wrapped) > 1
    assert all(measure(line) <= 14 for line in wrapped)
    assert " ".join(wrapped) == text


def test_wrap_breaks_a_word_wider_than_the_box() -> None:
    wrapped = wrap("x" * 200, 10)
    assert all(measure(line) <= 10 for line in wrapped)
    assert "".join(wrapped) == "x" * 200


def _hundredths(text: str) -> int:
    return round(measure(text) * 100)


# The box widths pohon wraps to; where width x 100 is whole, a line can be exactly as wide.
WIDTHS = [23.6, 23.6 / 1.1, 236 / 9, 17.6, 60, 90, 10, 14]
WORDS = [
    "baik",
    "kesejahteraan",
    "terlayani",
    "di",
    "program",
    "masalah",
    "Sosial",
    "KEG",
    "1.06.02",
    "PPKS",
    "(lansia)",
    "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmm",
    "é",
    "中文",
]


def test_a_line_exactly_as_wide_as_the_box_fits() -> None:
    first = "baik kesejahteraan terlayani di program masalah di di"
    assert _hundredths(first) == 2360
    assert wrap(f"{first} di", 23.6) == [first, "di"]
    assert wrap(f"{first} di", 23.59) == [first.removesuffix(" di"), "di di"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), st.sampled_from(WIDTHS))
def test_wrapping_fills_each_line_as_far_as_the_box_allows(words: list[str], width: float) -> None:
    limit = int(width * 100 + 1e-9)
    wrapped = wrap(" ".join(words), width)
    assert "".join("".join(wrapped).split()) == "".join(words)  # nothing lost, nothing added
    assert all(_hundredths(line) <= limit for line in wrapped)
    text = " ".join(words)
    at = 0  # where each line ends in the text: the next line starts there, after a space or not
    for line, following in pairwise(wrapped):
        at = text.index(line, at) + len(line)
        if text[at] == " ":  # the next word went down: it would not have fitted here
            next_word = text[at + 1 :].split(" ")[0]
            assert _hundredths(f"{line} {next_word}") > limit
        else:  # a word too wide for the box, broken: this piece is as long as fits
            assert _hundredths(line + following[0]) > limit


def test_wrap_keeps_the_authors_line_breaks() -> None:
    assert wrap("one\ntwo", 40) == ["one", "two"]


def test_lines_joins_wrapped_lines_with_label_breaks() -> None:
    assert lines("a & b\nc < d", 40) == "a &amp; b<BR/>c &lt; d"


def _node(statement: str, name: str, indicator: str) -> Node:
    return Node(
        id="n1",
        tingkat=Level.KEGIATAN,
        pernyataan=statement,
        nama=name,
        indikator=[Indicator(nama=indicator)],
    )


_ANY_TEXT = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), min_size=1, max_size=8),
        st.sampled_from([*list("<>&\"'\\{}[]; \n\r\t\x0b\x00\x1b"), "\\N", "]]>", "&amp;", "😀"]),
    ),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(statement=_ANY_TEXT, name=_ANY_TEXT, indicator=_ANY_TEXT)
def test_any_text_makes_well_formed_labels(statement: str, name: str, indicator: str) -> None:
    text = boxes.BoxText("SASARAN KEGIATAN", f"KEG 1 : {name}", "Kepala Seksi", None)
    label = boxes.cascading_box(_node(statement, name, indicator), text, "id")
    assert not _odd_backslashes(label)
    seen = "".join(_graphviz_sees(_xml_text(label)).split())  # raises if not well-formed
    for part in (statement, name, indicator):
        assert "".join(clean(part).split()) in seen


@settings(max_examples=200, deadline=None)
@given(statement=_ANY_TEXT)
def test_any_text_makes_well_formed_pohon_labels(statement: str) -> None:
    label = boxes.pohon_box(_node(statement, "x", "y"), None, "id")
    assert not _odd_backslashes(label)
    assert "".join(_graphviz_sees(_xml_text(label)).split()) == "".join(clean(statement).split())

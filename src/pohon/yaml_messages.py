"""The YAML parser's complaints, said in an analyst's words and placed where the fix goes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    """How to say one parser complaint: its words, and whether to point where it began."""

    problem: str
    context: str
    message: str
    at_start: bool = False


# Matched in order against libyaml's (and PyYAML's) problem and context texts. A hint
# that points at the start (`at_start`) names the place the mistake was opened, such as
# a quote, rather than the end of the file where the parser gave up.
HINTS = (
    Hint(
        "end of stream",
        "quoted scalar",
        "the quote opened here is never closed: add the closing quote, or remove this one",
        at_start=True,
    ),
    Hint(
        "expected ',' or '}'",
        "",
        "the `{` opened here is not closed: end it with `}` (and separate its entries with `,`)",
        at_start=True,
    ),
    Hint(
        "expected ',' or ']'",
        "",
        "the `[` opened here is not closed: end it with `]` (and separate its items with `,`)",
        at_start=True,
    ),
    Hint(
        "could not find expected ':'",
        "simple key",
        "this line is neither `key: value` nor a list item (`- …`): add the colon, "
        "or indent it as the rest of the text above",
        at_start=True,
    ),
    Hint(
        "mapping values are not allowed",
        "",
        '`: ` inside a value starts a new key: put the whole text in quotes ("…"), '
        "or check this line's indentation",
    ),
    Hint(
        "did not find expected key",
        "",
        "this line does not line up with the keys above it: check its indentation "
        "(spaces only) and that it starts with a key",
    ),
    Hint(
        "did not find expected '-' indicator",
        "",
        "this line does not line up with the list above it: indent it as the other keys "
        "of its item, or start a new item with `- `",
    ),
    Hint("undefined alias", "", "`*name` refers to no `&name` above it: define the anchor first"),
)

TAB = "a tab is used for indentation: YAML indents with spaces only (use 2 spaces)"
SECOND_DOCUMENT = (
    "a second YAML document starts here (`---`): keep one tree per file, "
    "or split it into parts with `sertakan`"
)


def explain(problem: str, context: str, offending: str) -> tuple[str, bool]:
    """The message for a parser complaint, and whether it belongs where the context began."""
    if offending == "\t" or "tab" in problem:
        return TAB, False
    if "another document" in problem:
        return SECOND_DOCUMENT, False
    for hint in HINTS:
        if hint.problem in problem and hint.context in context:
            return hint.message, hint.at_start
    words = f"{problem} {context}".strip()
    return f"not valid YAML: {words} (check the indentation and quotes)", False

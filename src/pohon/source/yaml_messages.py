"""The YAML parser's complaints, said in an analyst's words and placed where the fix goes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pohon.core.errors import YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import N_, _
from pohon.source import limits
from pohon.source.text_lines import YAML_ONLY_BREAKS


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
        N_("the quote opened here is never closed: add the closing quote, or remove this one"),
        at_start=True,
    ),
    Hint(
        "expected ',' or '}'",
        "",
        N_(
            "the `{` opened here is not closed: end it with `}` (and separate its entries with `,`)"
        ),
        at_start=True,
    ),
    Hint(
        "expected ',' or ']'",
        "",
        N_("the `[` opened here is not closed: end it with `]` (and separate its items with `,`)"),
        at_start=True,
    ),
    Hint(
        "could not find expected ':'",
        "simple key",
        N_(
            "this line is neither `key: value` nor a list item (`- …`): add the colon, "
            "or indent it as the rest of the text above"
        ),
        at_start=True,
    ),
    Hint(
        "mapping values are not allowed",
        "",
        N_(
            '`: ` inside a value starts a new key: put the whole text in quotes ("…"), '
            "or check this line's indentation"
        ),
    ),
    Hint(
        "did not find expected key",
        "",
        N_(
            "this line does not line up with the keys above it: check its indentation "
            "(spaces only) and that it starts with a key"
        ),
    ),
    Hint(
        "did not find expected '-' indicator",
        "",
        N_(
            "this line does not line up with the list above it: indent it as the other keys "
            "of its item, or start a new item with `- `"
        ),
    ),
    Hint(
        "expected node content",
        "",
        N_(
            "a value was expected here: look for an unclosed `[` or `{`, or a `-`, `,` or `: ` "
            "with nothing after it"
        ),
    ),
    Hint(
        "undefined alias",
        "",
        N_("`*name` refers to no `&name` above it: define the anchor first"),
    ),
)

_FIGURE_BEFORE_COMMA = re.compile(r"[-+]?(?:Rp\.?\s*)?[0-9][0-9.]*", re.IGNORECASE)


def decimal_comma(figure: str, digits: str) -> str | None:
    """`{2022: 13,50}` read as `13` and a key `50`: the message naming the figure as written
    and the two ways to write it that YAML keeps; None if the texts are no such figure."""
    decimals = digits == "-" or (digits.isdigit() and digits.isascii())  # `-`: `1.000,-`, no sen
    if not (decimals and _FIGURE_BEFORE_COMMA.fullmatch(figure)):
        return None
    written = f"{figure},{digits}"
    return _(
        "`{written}` is read by YAML as `{figure}` and a new key `{digits}`: inside `{{…}}` "
        'a comma separates entries. Put the figure in quotes, `"{written}"`, or write the '
        "mapping as one `year: figure` line per year"
    ).format(written=written, figure=figure, digits=digits)


ESCAPE = N_(
    "inside double quotes a `\\` starts an escape such as `\\n`: write `\\\\` for a backslash, "
    "or put the text in single quotes"
)
ALIAS = N_(
    "`*{name}` repeats a value written elsewhere (a YAML alias): pohon files write each value "
    "out where it belongs, so that every finding points at the place it means; copy the value here"
)
TAG = N_(
    "the tag `{tag}` is not allowed: pohon files hold plain text, lists and mappings only; "
    "remove the tag (or, if it is text, put the text in quotes)"
)
MERGE_KEY = N_("merge keys (`<<:`) are not supported: write the keys out")
DUPLICATE = N_(
    "the key `{key}` appears twice in this mapping (first on line {line}); "
    "YAML would silently keep only the last: remove or merge one"
)
KEY_NOT_TEXT = N_("a key must be plain text, not a list or mapping")
EMPTY_KEY = N_("a key is empty: write a name before the colon")


def too_many_values(limit: int) -> str:
    return _(
        "the file holds more than {limit} values (the limit): split the tree into parts "
        "with `sertakan`"
    ).format(limit=f"{limit:,}")


def too_long(length: int, limit: int) -> str:
    return _(
        "this text is {length} characters long; pohon takes texts up to {limit} "
        "characters (the limit): a statement or an indicator is a sentence or two"
    ).format(length=f"{length:,}", limit=f"{limit:,}")


def odd_break(character: str) -> str:
    return _(
        "this line holds {character}, an invisible character (often pasted "
        "from a PDF or Word) that YAML reads as the end of a line: delete it"
    ).format(character=YAML_ONLY_BREAKS[character])


TAB = N_("a tab is used for indentation: YAML indents with spaces only (use 2 spaces)")
SECOND_DOCUMENT = N_(
    "a second YAML document starts here (`---`): keep one tree per file, "
    "or split it into parts with `sertakan`"
)


# Where libyaml stops on a text that begins with a character YAML reserves (`@`, `` ` ``,
# `%`, `*`, `&`, `!`, `|`, `>`): it read the start of the text as syntax.
_RESERVED_START = ("an alias", "an anchor", "a directive", "a block scalar", "a tag")


def explain(problem: str, context: str, offending: str, opening: str) -> tuple[str, bool]:
    """The message for a parser complaint, and whether it belongs where the context began.

    `offending` is the character where the parser stopped, `opening` the one where the
    construct it was reading began.
    """
    if offending == "\t" or "tab" in problem:
        return _(TAB), False
    if "another document" in problem:
        return _(SECOND_DOCUMENT), False
    if "cannot start any token" in problem:
        return _reserved(offending), False
    if any(
        f"scanning {what}" in context or f"parsing {what}" in context for what in _RESERVED_START
    ):
        return _reserved(opening), True
    if "unknown escape character" in problem:
        return _(ESCAPE), False
    for hint in HINTS:
        if hint.problem in problem and hint.context in context:
            return _(hint.message), hint.at_start
    words = f"{problem} {context}".strip()
    return _("not valid YAML: {words} (check the indentation and quotes)").format(
        words=words
    ), False


def _reserved(character: str) -> str:
    shown = f"`{character}`" if character and character != "`" else "`` ` ``"
    return _(
        "a text cannot start with {character}: YAML reads it as syntax; "
        'put the whole text in quotes ("…")'
    ).format(character=shown)


# Characters YAML refuses in a document (control characters other than tab and line breaks,
# surrogates, U+FFFE/U+FFFF); the parser names them by byte offset only, so find them here.
_BAD_CHARACTER = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def bad_character(text: str) -> tuple[str, int, int] | None:
    """The message, line and column of the first character YAML refuses, if any."""
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    message = _(
        "the invisible control character {character} is not allowed in YAML "
        "(often pasted from a PDF or Word): delete it"
    ).format(character=f"U+{ord(found.group()):04X}")
    return message, line, column


def bad_character_error(text: str) -> YamlError:
    """The error for a text the YAML reader refused: at the character, where one is found."""
    found = bad_character(text)
    if found is None:
        return YamlError(
            LoaderCheck.YAML_SYNTAX, _("not valid YAML: the file holds a character YAML refuses")
        )
    return YamlError(LoaderCheck.YAML_SYNTAX, *found)


def too_deep(position: tuple[int, int]) -> YamlError:
    return YamlError(
        LoaderCheck.TOO_DEEP,
        _(
            "the YAML nests deeper than {limit} levels (the limit); "
            "a performance tree needs far fewer: check the indentation"
        ).format(limit=limits.MAX_DEPTH),
        *position,
    )

"""Every message in both languages: the Indonesian catalogue covers the code's messages, compiled.

The message ids are English (the code's `_()` texts); the Indonesian `.po` must give each of
them a translation, not fuzzy, with the same `{placeholders}`; the committed `.mo` pohon reads
must be what that `.po` compiles to. `make messages` extracts, updates and compiles.
"""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from conftest import ROOT
from pohon.core import messages
from pohon.core.messages import _, ngettext, use_language

SRC = ROOT / "src" / "pohon"
LOCALE = SRC / "core" / "locale"
LANGUAGES_WITH_CATALOGUES = ("id",)
MARKERS = ("_", "N_", "NP_", "ngettext")
PLACEHOLDER = re.compile(r"\{(\w*)\}")


Key = tuple[str | None, str]
"""A message's context (a report word's key; None for a message) and its id."""
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2)}  # as `make messages` extracts
METHODS = [("check/rules/**.py", "pohon.check.rule_summaries:extract"), ("**.py", "python")]


def extracted() -> dict[Key, tuple[str, ...]]:
    """Every message id of the code, as Babel extracts it (`make messages` does the same)."""
    found: dict[Key, tuple[str, ...]] = {}
    for _file, _line, text, _comments, context in extract_from_dir(
        str(SRC), method_map=METHODS, keywords=KEYWORDS
    ):
        forms = (text,) if isinstance(text, str) else tuple(text)
        found[(context, forms[0])] = forms
    return found


def catalogue(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "pohon.po").open("rb") as file:
        return read_po(file, locale=lang)


def fields(text: str) -> set[str]:
    """The `{placeholders}` of a message, `{{` escapes left out (and the braces of a message
    that is never formatted, such as "the `{` opened here is not closed", which name none)."""
    return set(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def problems(ids: dict[Key, tuple[str, ...]], po: Catalog) -> Iterator[str]:
    """What is wrong with a catalogue's translation of the code's messages."""
    for (context, key), forms in sorted(
        ids.items(), key=lambda item: (item[0][0] or "", item[0][1])
    ):
        message: Message | None = po.get(key, context=context)
        if message is None:
            yield f"no translation: {key!r} (run `make messages`, then fill in the .po)"
            continue
        strings = (message.string,) if isinstance(message.string, str) else message.string
        if message.fuzzy:
            yield f"fuzzy (check the translation, drop the flag): {key!r}"
        if not all(strings):
            yield f"empty translation: {key!r}"
        wanted = set().union(*(fields(form) for form in forms))
        for text in strings:
            if text and fields(text) != wanted:
                yield f"placeholders {sorted(fields(text))} instead of {sorted(wanted)}: {key!r}"
    for message in po:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key and (message.context, key) not in ids:
            yield f"no longer in the code (run `make messages`): {message.id!r}"


@pytest.mark.parametrize("lang", LANGUAGES_WITH_CATALOGUES)
def test_every_message_of_the_code_has_a_translation(lang: str) -> None:
    ids = extracted()
    assert len(ids) > 60  # the rules, the schema's and the YAML's messages, the CLI's
    assert list(problems(ids, catalogue(lang))) == []


@pytest.mark.parametrize("lang", LANGUAGES_WITH_CATALOGUES)
def test_the_committed_mo_is_the_compiled_po(lang: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(lang))
    committed = (LOCALE / lang / "LC_MESSAGES" / "pohon.mo").read_bytes()
    assert compiled.getvalue() == committed, "run `make messages` and commit the .mo"


def test_the_check_sees_each_kind_of_gap() -> None:
    po = Catalog(locale="id")
    po.add("the {level} `{node}` has no indicator", "{level} `{node}` tanpa indikator")
    po.add("a {level}", "suatu {tingkat}")  # a placeholder renamed in translation
    po.add("nothing", "")  # not translated yet
    po.add("fuzzy one", "kabur", flags=("fuzzy",))
    po.add("gone", "hilang")  # removed from the code
    po.add("Budget", "Pagu", context="budget")
    ids: dict[Key, tuple[str, ...]] = {
        (None, key): (key,)
        for key in ("the {level} `{node}` has no indicator", "a {level}", "nothing", "fuzzy one")
    }
    ids |= {(None, "new"): ("new",), ("budget", "Budget"): ("Budget",)}
    ids |= {("pagu", "Budget"): ("Budget",)}  # a word under another key: a translation of its own
    found = "\n".join(problems(ids, po))
    assert "placeholders ['tingkat'] instead of ['level']: 'a {level}'" in found
    assert "empty translation: 'nothing'" in found
    assert "fuzzy (check the translation, drop the flag): 'fuzzy one'" in found
    assert "no translation: 'new'" in found
    assert "no longer in the code (run `make messages`): 'gone'" in found
    assert "has no indicator" not in found
    assert "no translation: 'Budget'" in found and found.count("Budget") == 1


def _marked_calls(path: Path) -> Iterator[tuple[int, ast.expr]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if called and node.func.id in MARKERS and node.args:  # type: ignore[attr-defined]
            message = 1 if node.func.id == "NP_" else 0  # type: ignore[attr-defined]
            yield node.lineno, node.args[message]  # type: ignore[attr-defined]


def test_every_marked_message_is_a_plain_text_the_extractor_sees() -> None:
    """`_(f"...")` or `_(name)` would be looked up but never extracted, so never translated;
    a `_()` inside an f-string is invisible to the extractor on Python 3.11."""
    ids = {key for _context, key in extracted()}
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(SRC)
        for line, argument in _marked_calls(path):
            constant = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            if path.name == "messages.py":
                continue
            if not constant:
                # `_(TAB)`, `_(hint.message)`: a text marked with `N_()` where it is written
                if not isinstance(argument, ast.Name | ast.Attribute):
                    wrong.append(f"{where}:{line}: `_()` of something not a plain text")
            elif argument.value not in ids:  # type: ignore[union-attr]
                wrong.append(f"{where}:{line}: not extracted: {argument.value!r}")  # type: ignore[union-attr]
    assert wrong == []


def test_indonesian_is_the_default_and_english_the_message_id() -> None:
    use_language("id")
    assert messages.language() == "id"
    assert _("no problems found") == "tidak ada masalah"
    assert ngettext("{count} warning", "{count} warnings", 3).format(count=3) == "3 peringatan"
    use_language("en")
    assert _("no problems found") == "no problems found"
    assert ngettext("{count} warning", "{count} warnings", 1).format(count=1) == "1 warning"
    assert ngettext("{count} warning", "{count} warnings", 2).format(count=2) == "2 warnings"
    assert messages._Run.lang == "en"
    assert messages.DEFAULT_LANGUAGE == "id"


def test_every_rule_s_summary_is_a_message() -> None:
    """The validation summary shows each rule's docstring summary in the run's language."""
    from pohon.check.registry import REGISTRY

    ids = {key for _context, key in extracted()}
    assert all(check.summary in ids for check in REGISTRY.values())
    use_language("id")
    assert _(REGISTRY["missing-indicator"].summary).startswith("setiap simpul")  # type: ignore[index]

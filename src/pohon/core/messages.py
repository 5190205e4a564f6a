"""Messages in the analyst's language: every text a person reads is marked with `_()`.

The marked texts are the catalogue's message ids (English, with `{name}` placeholders
filled by `.format()` after the lookup, so an f-string is never a message id: the
extractor could not see it). The catalogues are gettext files inside the package
(`core/locale/<lang>/LC_MESSAGES/pohon.po`, compiled to the `.mo` read here by the
standard library; `make messages` extracts, updates and compiles them, docs/architecture.md).
Indonesian is the default; English is the message id itself. The run's language is chosen
once, by the command's guard (`use_language`), and again in each worker process.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from pohon.core.vocabulary import Language

DOMAIN = "pohon"
LOCALE = Path(__file__).parent / "locale"  # package data (pyproject.toml), beside this module
DEFAULT_LANGUAGE: Language = "id"
SOURCE_LANGUAGE: Language = "en"
"""The language of the message ids: it needs no catalogue."""


@cache
def catalogue(lang: Language) -> gettext.NullTranslations:
    """The compiled catalogue of a language, read once; English reads the ids as they are."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    mo = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with mo.open("rb") as file:
        return gettext.GNUTranslations(file)


class _Run:
    """The language of this process's run (one per command, set by `use_language`)."""

    lang: Language = DEFAULT_LANGUAGE


def use_language(lang: Language) -> None:
    """Speak `lang` from now on in this process: every later `_()` reads its catalogue."""
    catalogue(lang)  # a missing catalogue fails here, not in the middle of a message
    _Run.lang = lang


def language() -> Language:
    """The run's language (for the reports' words and for worker processes)."""
    return _Run.lang


def _(message: str) -> str:
    """The message in the run's language."""
    return catalogue(_Run.lang).gettext(message)


def N_(message: str) -> str:
    """Mark a message kept in a constant, translated where it is used: `_(CONSTANT)`."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark a word of a table with the context that tells it apart: a report word's key, so that
    one English word may have two Indonesian ones (`Budget`: `Pagu`, `Anggaran`)."""
    return context, message


def translated(lang: Language, context: str, message: str) -> str:
    """A word marked with `NP_()` in `lang`: the reports name their language per render."""
    return catalogue(lang).pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message in the run's language, for `count`."""
    return catalogue(_Run.lang).ngettext(singular, plural, count)

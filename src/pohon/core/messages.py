"""Messages in the analyst's language: every text a person reads is marked with `_()`.

The marked texts are the catalogue's message ids (English, with `{name}` placeholders
filled by `.format()` after the lookup, so an f-string is never a message id: the
extractor could not see it). Until the catalogues exist a message reads as written.
"""

from __future__ import annotations


def _(message: str) -> str:
    """The message in the run's language."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message in the run's language, for `count`."""
    return singular if count == 1 else plural

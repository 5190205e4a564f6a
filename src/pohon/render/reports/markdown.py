"""Text made safe for GitHub-flavoured Markdown: it shows as written, inside a table cell too.

Only what Markdown would read as syntax where pohon prints text (inside a line,
table cells included) gets a backslash, so the committed files stay readable as
plain text: emphasis, code, links, table pipes, strikethrough, math, headings'
closing `#`, and a block marker at the very start (`-`, `+`, `=`, `>`, `1. `). `<` and an
entity-like `&` become entities, so no HTML passes through; line breaks become
spaces because a table row is one line.

GitHub also turns bare addresses into links (its autolink extension): `http://`,
`https://`, `ftp://`, `www.` and e-mail addresses (with `mailto:`, `xmpp:`). A backslash
before the `:` of `://` and the `.` of `www.` stops the first ones; an address of mail is
found across escapes and entities, so an empty HTML comment (shown as nothing) follows
its `@`. tests/test_markdown_autolinks.py holds this to cmark-gfm, GitHub's own parser.
"""

from __future__ import annotations

import re
from typing import Any

_SPECIAL = re.compile(r"([\\`*\[\]|~$#])")
# An underscore inside a word never starts emphasis in GFM: leave `dinsos_mamuju` readable.
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+>=])")
_WWW = re.compile(r"(?i)(www)\.")
_MAIL_AT = re.compile(r"@(?=[\w.-])")  # an `@` that a domain might follow
# Whatever any step below would change: most texts have none of it and are returned at once
# (a report prints hundreds of thousands of values; this check is a fifth of the full path).
_TOUCHED = re.compile(r"[\\`*\[\]|~$#&<_@]|[^\S ]|\s\s|^\s|\s$|://|(?i:www\.)")


def escape(value: Any) -> str:
    text = "" if value is None else str(value)
    if _TOUCHED.search(text) is None and _BLOCK_START.match(text) is None:
        return text
    text = " ".join(text.split())  # newlines and tabs would end a table row or start a code block
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _WWW.sub(r"\1\\.", text.replace("://", "\\://"))
    text = _MAIL_AT.sub("@<!-- -->", text)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)

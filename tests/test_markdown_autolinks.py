"""A bare address in the tree's text never becomes a link in the Markdown reports on GitHub.

GitHub renders Markdown with cmark-gfm and its autolink extension, which links `http://`,
`https://`, `ftp://`, `www.` and e-mail addresses found in plain text (issue 13, item 19).
cmarkgfm binds that very parser, so the reports are checked as GitHub reads them.
"""

from __future__ import annotations

import html
import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from pohon.render.options import RenderOptions
from pohon.render.reports import render_reports
from pohon.render.reports.markdown import escape
from test_reports_render import tiny_tree

ADDRESSES = [
    "https://contoh.go.id/laporan?tahun=2024",
    "http://dinsos.mamujukab.go.id",
    "HTTPS://CONTOH.GO.ID",
    "ftp://arsip.contoh.go.id/a_b",
    "www.mamujukab.go.id",
    "(www.contoh.go.id)",
    "*www.contoh.go.id*",
    "admin@dinsos.go.id",
    "mailto:admin@dinsos.go.id",
    "xmpp:kadis@dinsos.go.id",
    "nama.pejabat+pk@contoh.go.id",
    "<https://contoh.go.id>",
    "a\\://b.c https\\://x.y",
]


def _gfm(markdown: str) -> str:
    """GitHub's rendering, as unsafe as GitHub's (its sanitizer runs after, on tags)."""
    extensions = ["table", "autolink", "strikethrough", "tagfilter"]
    return cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE, extensions=extensions
    )


def _links(markdown: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"', _gfm(markdown))


def _shown(rendered: str) -> str:
    """The text a reader sees: tags and comments gone, entities read."""
    return html.unescape(re.sub(r"<!--.*?-->|<[^>]+>", "", rendered))


def test_the_reference_parser_links_what_pohon_must_not_let_through() -> None:
    # If cmark-gfm stopped linking these, the test below would prove nothing.
    for address in ADDRESSES[:-2]:
        assert _links(address), address


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_bare_address_is_shown_as_written_and_linked_nowhere(address: str) -> None:
    text = f"Lihat {address} untuk rincian"
    escaped = escape(text)
    assert _links(escaped) == []
    assert _shown(_gfm(escaped)).strip() == text


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_markdown_reports_link_only_what_pohon_links(address: str) -> None:
    text = f"Meningkatnya layanan {address}"
    pages = render_reports(tiny_tree(text), RenderOptions(), "t")
    baseline = render_reports(tiny_tree("x"), RenderOptions(), "t")
    for name, data in pages.items():
        if name.endswith(".md"):
            page = data.decode("utf-8")
            assert _links(page) == _links(baseline[name].decode("utf-8")), name
            assert text in _shown(_gfm(page)), name


PIECES = st.sampled_from(
    [
        *("http", "https", "ftp", "mailto:", "xmpp:", "://", ":", "/", "www", "WWW", ".", "@"),
        *("a", "é", "_", "-", "+", " ", "\\", "(", "*", "~", "<", ">", "&", ";", "#", "1"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_no_mix_of_address_pieces_becomes_a_link(text: str) -> None:
    escaped = escape(text)
    assert _links(escaped) == []
    assert _shown(_gfm(escaped)).strip() == " ".join(text.split())

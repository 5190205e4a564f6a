"""Any text in any string field: it loads as written, and every output keeps its shape and shows it."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from python_calamine import CalamineWorkbook

from pohon.check.finding_formats import as_text
from pohon.check.validate_trees import Checked, check_path
from pohon.core.findings import Finding, Severity
from pohon.render.diagrams.outputs import Pool
from pohon.render.options import RenderOptions
from pohon.render.pipeline import prepare, render_loaded
from pohon.source.settings_file import Config
from pohon.source.yaml_marks import parse
from pohon.tree.assemble import load_tree
from pohon.tree.schema_errors import KNOWN_KEYS

# Characters that have broken a text format somewhere: markup, Graphviz escapes, Markdown
# syntax, YAML indicators, line breaks of every kind, controls, right-to-left text, emoji.
NASTY = list("<>&\"'{}[]|\\`*_#$~!%@:-=+.,;/\n\r\t\x00\x0b\x1b\x7f\x85\u2028\u202e\u200f")
NASTY += ["\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\U0001f600", "&amp;", "<br>", "\\N", "]]>"]
TEXT = st.lists(st.sampled_from(NASTY) | st.characters(codec="utf-8"), min_size=1, max_size=24).map(
    "".join
)

# Characters no SVG can hold (the diagrams drop them), and what Markdown turns NUL into.
_DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ufffd]")
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_YAML_PLAIN = re.compile("[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar that reads back exactly (PyYAML's dumper does not)."""

    def escape(char: str) -> str:
        if char in '"\\' or not _YAML_PLAIN.fullmatch(char):
            return f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}"
        return char

    return '"' + "".join(escape(char) for char in text) + '"'


def tree_yaml(text: str) -> str:
    """A small tree with `text` in every string field, each behind its own marker."""
    q = {marker: quoted(f"{marker} {text}") for marker in ("P", "O", "SU", "J", "H", "C")}
    q |= {marker: quoted(f"{marker} {text}") for marker in ("S1", "S2", "S3", "I1", "I2", "I3")}
    q |= {marker: quoted(f"{marker} {text}") for marker in ("N3", "U1", "K1")}
    return f"""\
format: pohon/1
meta:
  pemda: {q["P"]}
  opd: {q["O"]}
  periode: {{awal: 2024, akhir: 2026}}
  sumber: {q["SU"]}
jabatan:
  kadis: {{nama: {q["J"]}, eselon: II, pejabat: {q["H"]}}}
simpul:
  - id: tujuan
    tingkat: tujuan_opd
    pernyataan: {q["S1"]}
    catatan: {q["C"]}
    indikator: [{{nama: {q["I1"]}, satuan: {q["U1"]}, catatan: {q["K1"]}}}]
    anak:
      - id: sasaran
        tingkat: sasaran_strategis
        jabatan: kadis
        pernyataan: {q["S2"]}
        indikator: [{{nama: {q["I2"]}, target: {{2024: 80}}, realisasi: {{2024: 70}}}}]
        anak:
          - id: program
            tingkat: program
            kode: "1.06.02"
            nama: {q["N3"]}
            pernyataan: {q["S3"]}
            indikator: [{{nama: {q["I3"]}}}]
"""


# Where each marked text must show: statements and indicators in the diagrams and tables,
# the rest somewhere in the outputs.
SHOWN_IN = {
    "S1": ["diagram/pohon.svg", "diagram/cascading.svg", "laporan/matriks-cascading.html"],
    "S3": ["diagram/pohon.svg", "laporan/matriks-cascading.md"],
    "I2": ["diagram/cascading.svg", "laporan/daftar-indikator.html", "laporan/daftar-indikator.md"],
    "N3": ["diagram/cascading.svg", "laporan/matriks-cascading.html"],
    "P": ["index.html"],
}


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(f"/{tag}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html(data: str) -> _Html:
    parser = _Html()
    parser.feed(data)
    parser.close()
    return parser


def shape(name: str, data: bytes) -> object:
    """What must not change when the text changes: tags, table rows, drawn nodes and edges,
    a workbook's sheets and merged cells."""
    if name.endswith(".xlsx"):
        book = CalamineWorkbook.from_filelike(
            io.BytesIO(data)
        )  # a readable workbook, or this raises
        sheets = [book.get_sheet_by_name(sheet) for sheet in book.sheet_names]
        return [(sheet.name, sheet.merged_cell_ranges) for sheet in sheets]
    text = data.decode("utf-8")
    if name.endswith(".html"):
        return _html(text).tags
    if name.endswith(".md"):
        return [token.type for token in _MARKDOWN.parse(text)]
    if name.endswith(".svg"):
        root = ET.fromstring(data)  # well-formed XML, or this raises
        groups = [g.get("class") for g in root.iter("{http://www.w3.org/2000/svg}g")]
        return sorted(c for c in groups if c in ("node", "edge", "cluster"))
    return None


def visible(name: str, data: bytes) -> str:
    """The text a reader sees in an output, without markup, whitespace or unshowable characters."""
    text = data.decode("utf-8")
    if name.endswith(".svg"):
        text = "".join(ET.fromstring(data).itertext())
    elif name.endswith(".html"):
        text = "".join(_html(text).text)
    elif name.endswith(".md"):
        text = "".join(_html(_MARKDOWN.render(text)).text)
    return comparable(text)


def comparable(text: str) -> str:
    return "".join(_DROPPED.sub("", text).split())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def render_tree(checked: Checked, options: RenderOptions) -> dict[str, bytes]:
    """One tree's files as `pohon render` makes them (nothing reused), without the top index."""
    assert checked.load.tree is not None
    job = prepare(options, Config(), Path("never-written"), force=True)  # force: no manifest read
    with Pool(1) as pool:
        return render_loaded(checked.load, job, pool).result().files


def _render(folder: Path, text: str) -> tuple[Checked, dict[str, bytes]]:
    path = folder / "tree.yaml"
    path.write_text(tree_yaml(text), encoding="utf-8")
    checked = check_path(path, Config())
    assert checked.load.tree is not None, as_text(checked.findings)
    return checked, render_tree(checked, RenderOptions(formats=("svg", "dot")))


@pytest.fixture(scope="module")
def baseline(folder: Path) -> dict[str, object]:
    _, files = _render(folder, "teks biasa")
    return {name: shape(name, data) for name, data in files.items()}


def test_the_quoter_reads_back_exactly() -> None:
    every = "".join(NASTY) + "".join(chr(c) for c in range(0x20))
    assert parse(f"a: {quoted(every)}\n")[0] == {"a": every}


@given(TEXT)
def test_any_text_reads_back_exactly(text: str) -> None:
    assert parse(f"pernyataan: {quoted(text)}\n")[0] == {"pernyataan": text}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_in_every_field_loads_as_written_and_renders_intact(
    folder: Path, baseline: dict[str, object], text: str
) -> None:
    checked, files = _render(folder, text)
    tree = checked.load.tree
    assert tree is not None
    assert (tree.meta.pemda, tree.meta.source) == (f"P {text}", f"SU {text}")
    statements = [node.statement for node in tree.walk()]
    assert statements == [f"S1 {text}", f"S2 {text}", f"S3 {text}"]
    assert tree.positions["kadis"].holder == f"H {text}"
    files = {name.split("/", 1)[1]: data for name, data in files.items()}
    assert {f"tree/{name}" for name in files} == set(baseline)
    for name, data in files.items():
        assert shape(name, data) == baseline[f"tree/{name}"], name
    for marker, names in SHOWN_IN.items():
        for name in names:
            assert comparable(f"{marker} {text}") in visible(name, files[name]), (marker, name)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_a_finding_quoting_any_text_stays_one_line(folder: Path, text: str) -> None:
    path = folder / "quoting.yaml"
    path.write_text(
        tree_yaml("A").replace("jabatan: kadis", f"jabatan: {quoted(text)}")
        + f"    abaikan: [{quoted(text)}]\n",
        encoding="utf-8",
    )
    findings = check_path(path, Config()).findings
    lines = as_text(findings).split("\n")
    assert lines.pop() == ""
    assert len(lines) == len(findings) >= 2  # the unknown position and the unknown rule id
    assert all(line.startswith(f"{findings[0].file}:") for line in lines)


# --- the loader never crashes, whatever it is fed -------------------------------------------------

YAML_SIGNS = st.sampled_from([*list(":-[]{}&*!|>'\"#%@`,?~ \n\t\\"), "\n  ", "\n- ", ": ", "---"])
YAML_ISH = st.lists(YAML_SIGNS | st.sampled_from(["a", "format", "pohon/1", "1"]), max_size=40)

KEYS = st.sampled_from([*sorted(KNOWN_KEYS), "2024", "x", "id"])
SCALARS = st.none() | st.sampled_from(["", "2024", "80", "program", "pohon/1", "NO"]) | TEXT
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


def _load(path: Path, content: bytes) -> list[Finding]:
    path.write_bytes(content)
    findings = load_tree(path).findings  # no exception, whatever the bytes
    assert all(f.line >= 0 and f.column >= 0 and f.rule and f.message for f in findings)
    assert as_text(findings).count("\n") == len(findings)
    return findings


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_load_without_a_crash(folder: Path, content: bytes) -> None:
    _load(folder / "bytes.yaml", content)


@settings(max_examples=60, deadline=None)
@given(YAML_ISH.map("".join))
def test_any_yaml_punctuation_loads_without_a_crash(folder: Path, text: str) -> None:
    _load(folder / "signs.yaml", ("format: pohon/1\n" + text).encode())


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(KEYS, DATA, max_size=5))
def test_any_shape_of_data_gets_findings_not_a_crash(folder: Path, data: dict[str, object]) -> None:
    text = json.dumps({"format": "pohon/1", **data}, ensure_ascii=False)  # JSON is YAML
    findings = _load(folder / "shapes.yaml", text.encode())
    if findings:
        assert all(f.severity is Severity.ERROR for f in findings)


# --- any shape of tree renders -------------------------------------------------------------------

LEVELS = [
    "tujuan_opd",
    "sasaran_strategis",
    "sasaran_antara",
    "program",
    "kegiatan",
    "sub_kegiatan",
]
# Figures as analysts write them; `1e308` is text to pohon (no float ever overflows to `inf`).
FIGURES = st.sampled_from(
    ["0", "80", "100", "-5", "12.5", "1e308", "tinggi", "0,5", "1.000", "19,21%", "14 orang"]
)
YEARS = st.sampled_from(["2023", "2024", "2025", "2026", "2027"])


@st.composite
def indicators(draw: st.DrawFn) -> str:
    parts = [f"nama: {quoted(draw(st.sampled_from(['Persentase A', 'Jumlah B', 'Indeks C'])))}"]
    if draw(st.booleans()):
        parts.append(f"satuan: {quoted(draw(st.sampled_from(['%', 'orang', 'indeks'])))}")
    if draw(st.booleans()):
        parts.append(f"polaritas: {draw(st.sampled_from(['naik', 'turun']))}")
    for key in ("target", "realisasi"):
        figures = draw(st.dictionaries(YEARS, FIGURES, max_size=3))
        if figures:
            inner = ", ".join(f"{year}: {quoted(value)}" for year, value in figures.items())
            parts.append(f"{key}: {{{inner}}}")
    return "{" + ", ".join(parts) + "}"


@st.composite
def nodes(draw: st.DrawFn, depth: int = 0) -> str:
    """One node (flow style) with up to three children, levels mostly in order."""
    number = draw(st.integers(0, 40))  # small range: duplicate ids happen too
    level = LEVELS[min(depth + draw(st.integers(0, 1)), len(LEVELS) - 1)]
    parts = [
        f"id: n{number}",
        f"tingkat: {level}",
        f"pernyataan: {quoted(f'Meningkatnya {number}')}",
    ]
    if level in ("program", "kegiatan", "sub_kegiatan") and draw(st.booleans()):
        parts.append(f"nama: {quoted(f'PROGRAM {number}')}")
    if draw(st.booleans()):
        parts.append(f"jabatan: {draw(st.sampled_from(['kadis', 'kabid', 'hilang']))}")
    found = draw(st.lists(indicators(), max_size=2))
    if found:
        parts.append(f"indikator: [{', '.join(found)}]")
    if depth < 4:
        children = draw(st.lists(nodes(depth + 1), max_size=3 if depth < 2 else 1))
        if children:
            parts.append(f"anak: [{', '.join(children)}]")
    return "{" + ", ".join(parts) + "}"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(nodes(), min_size=1, max_size=2),
    st.sampled_from([None, 2024, 2026]),
    st.sampled_from(["id", "en"]),
)
def test_any_shape_of_tree_renders_well_formed(
    folder: Path, roots: list[str], year: int | None, lang: str
) -> None:
    path = folder / "shape.yaml"
    header = tree_yaml("A").split("simpul:")[0]
    path.write_text(header + "simpul:\n" + "".join(f"  - {root}\n" for root in roots))
    checked = check_path(path, Config())
    assert checked.load.tree is not None, as_text(checked.findings)
    options = RenderOptions(formats=("svg", "dot"), year=year, lang=lang)
    for name, data in render_tree(checked, options).items():
        shape(name, data)  # parses: well-formed XML, HTML and Markdown
        if name.endswith(".html"):
            assert _balanced(_html(data.decode()).tags), name


_VOID = {"meta", "link", "br", "img", "hr", "input", "col", "wbr", "source"}


def _balanced(tags: list[str]) -> bool:
    """Every element opened is closed in order (void elements aside)."""
    stack: list[str] = []
    for tag in tags:
        if tag.startswith("/"):
            if not stack or stack.pop() != tag[1:]:
                return False
        elif tag not in _VOID:
            stack.append(tag)
    return not stack

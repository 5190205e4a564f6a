"""The limits that keep hostile input from costing unbounded time or memory (docs/limits.md)."""

from __future__ import annotations

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A tree file larger than this is refused before it is parsed (the Mamuju tree: 73 kB)."""

MAX_TREE_BYTES = 20 * 1024 * 1024
"""Most text all files of one tree may hold together."""

MAX_DEPTH = 64
"""Deepest nesting of YAML collections; a tree of ten levels needs about 25."""

MAX_VALUES = 1_000_000
"""Most YAML values one file may expand to, aliases counted each time they are used."""

MAX_TEXT_CHARS = 10_000
"""Longest text of one value; the longest in the Mamuju tree (its reading notes) is under 2,000."""

MAX_FILES = 1_000
"""Most files one tree may include."""

MAX_FOLDERS = 10_000
"""Most folders one `sertakan` pattern may search (`**` beside a large folder)."""

MAX_NODES = 20_000
"""Most nodes one tree may hold; the Mamuju tree has 112."""

MAX_PAGE_BOXES = 1_000
"""Most boxes one diagram page draws: the embedded engine takes 13 s on a page of 1,000 in
a row (0.36 s on 200), its time limit is 120 s. A wider fan-out is drawn in parts."""

MAX_MATRIX_COLUMNS = 30
"""Most level columns of the cascading matrix: each row has a cell in every column (a
Markdown table cannot merge cells), so a chain of 5,000 sasaran antara would cost 5,000
cells for each leaf. A real tree has 6 to 8 (tujuan OPD to sub kegiatan)."""

MAX_TEMPLATE_SECONDS = 60
"""Longest a user's template (`--templates`) may run for one report; pohon's own take under
2 s for the largest in a 19,000-node tree."""

MAX_TEMPLATE_CHARS = 100_000_000
"""Most characters one user's template may write; pohon's own largest report of a
19,000-node tree is under 9 MB."""

MAX_SHEET_FILE_BYTES = 50 * 1024 * 1024
"""A spreadsheet larger than this is refused before it is opened (a 10,000-row T-C.27: 0.6 MB)."""

MAX_SHEET_UNZIPPED_BYTES = 200 * 1024 * 1024
"""Most bytes the parts of an xlsx or ods may unzip to, all together: a zip bomb stops here."""

MAX_SHEET_ZIP_RATIO = 200
"""Most a part of an xlsx or ods may grow unzipped (real sheets: under 20 times)."""

MAX_SHEET_ROWS = 100_000
"""Most rows one sheet may have; a tree of 20,000 nodes (MAX_NODES) needs far fewer."""

MAX_SHEET_COLUMNS = 200
"""Most columns one sheet may have; a T-C.27 has 20, pohon's data sheet about 40."""

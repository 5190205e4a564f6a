"""Read one tree file as text, refusing what is not a readable, reasonably sized UTF-8 file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from pohon.core.errors import InputError, YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source import limits

# Byte-order marks of the encodings Windows tools offer besides UTF-8 ("Unicode" in
# Notepad and Excel is UTF-16): named, since a decoding error alone would puzzle.
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_UTF8_BOM = b"\xef\xbb\xbf"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the cwd, or a symlink loop
        return str(path)


FORMAT_MARKER = "pohon/1"
"""The first line of every tree file (`format: pohon/1`): what tells a tree from other YAML."""


def read_text(path: Path) -> str:
    """The text of a tree file.

    Raises InputError when the path cannot be read as a file (exit code 2), and
    YamlError (`too-large`, `encoding`) when it can but its bytes are no tree file.
    """
    return decode(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """The bytes of a tree file, refusing what is no regular file or passes the size limit."""
    info = _stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, _("is a directory; give the tree's main YAML file"))
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe or a device could block for ever or never end.
        raise InputError(path, _("is not a regular file (a pipe or a device); give a YAML file"))
    if info.st_size > limits.MAX_FILE_BYTES:
        raise _too_large(info.st_size)
    try:
        with path.open("rb") as stream:
            data = stream.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew after stat() (or /proc says 0): read on
                data += stream.read(limits.MAX_FILE_BYTES + 1 - len(data))
    except OSError as error:
        raise InputError(path, _cannot_read(error)) from None
    if len(data) > limits.MAX_FILE_BYTES:
        raise _too_large(len(data))
    return data


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(
                path, _("is a symbolic link that leads back to itself (a loop)")
            ) from None
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            raise InputError(path, _("no such file")) from None
        raise InputError(path, _cannot_read(error)) from None


def _cannot_read(error: OSError) -> str:
    return _("cannot be read ({reason})").format(reason=error.strerror or error)


def _too_large(size: int) -> YamlError:
    return YamlError(
        LoaderCheck.TOO_LARGE,
        _(
            "the file is {size} MB; pohon reads tree files up to {limit} MB (the limit): "
            "split the tree into parts with `sertakan`"
        ).format(size=f"{size / 2**20:.1f}", limit=limits.MAX_FILE_BYTES // 2**20),
    )


def decode(data: bytes) -> str:
    """UTF-8 text (a leading byte-order mark is dropped); other encodings get a positioned error."""
    for bom, encoding in _OTHER_BOMS:
        if data.startswith(bom):
            raise YamlError(
                LoaderCheck.ENCODING,
                _(
                    "the file is saved as {encoding}: save it as UTF-8 "
                    "(in Notepad: Save As, Encoding 'UTF-8'; in Excel: 'CSV UTF-8')"
                ).format(encoding=encoding),
                1,
                1,
            )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        if start == 0 and data.startswith(_UTF8_BOM):
            start = len(_UTF8_BOM)
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[start : error.start].decode("utf-8", "replace")) + 1
        raise YamlError(
            LoaderCheck.ENCODING,
            _(
                "the byte {byte} is not UTF-8 text: the file was probably saved "
                "as Windows-1252 or Latin-1; save it as UTF-8"
            ).format(byte=f"0x{data[error.start]:02X}"),
            line,
            column,
        ) from None

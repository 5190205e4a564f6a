"""One file written whole or not at all: staged beside its target, then renamed over it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from pohon.core.errors import UsageError
from pohon.core.messages import _
from pohon.core.signals import held
from pohon.write.journal import staged


def write_file(target: Path, data: bytes) -> None:
    """`data` as `target`: a reader sees the old file or the new one, never a part of one."""
    if target.is_dir():
        raise UsageError(_("{path}: is a folder: name a file to write").format(path=target))
    temporary = staged(target)
    try:
        with open(temporary, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with held():  # Ctrl-C waits for the rename: no staged file is left behind
            os.replace(temporary, target)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(
            _("{path}: cannot be written ({reason})").format(path=target, reason=reason)
        ) from None
    finally:  # after a failure or a stop; after the rename there is nothing left to remove
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)

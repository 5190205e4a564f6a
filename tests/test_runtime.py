"""The garbage collector's pace for a batch run: set once per process."""

from __future__ import annotations

import gc

import pytest

from pohon.core import runtime


def test_tuning_is_done_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime, "_tuned", False)
    before = gc.get_threshold()
    try:
        runtime.tune_gc()
        assert gc.get_threshold()[0] == runtime.YOUNG_THRESHOLD
        frozen = gc.get_freeze_count()
        later = [[n] for n in range(1000)]  # made after: a second call must not freeze them
        runtime.tune_gc()
        # Not `==`: frozen objects freed meanwhile by another thread (pytest-xdist's, under
        # `make test`) leave the count; a second freeze would add `later`'s thousand lists.
        assert gc.get_freeze_count() <= frozen
        assert later
    finally:
        gc.set_threshold(*before)

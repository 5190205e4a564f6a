"""Process-wide settings for a batch run: how often Python's garbage collector runs.

pohon makes many small objects that live as long as their tree is being worked on
(parsed YAML, the models, the report rows) and very few reference cycles. At Python's
default pace (a young collection every 700 new objects, full ones as the heap grows)
the collector rescanned them again and again: at 10k nodes, reading the trees took 1.6 s
instead of 0.8 s and the reports 4.0 s instead of 2.9 s (docs/performance.md).
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000  # new objects between young collections (Python's default: 700)


_tuned = False


def tune_gc() -> None:
    """Collect less often; what is loaded by now (modules, the CLI) is never scanned again.

    Once per process: a program calling pohon's commands again (tests, an editor plugin)
    should not freeze its own garbage at every call.
    """
    global _tuned
    if _tuned:
        return
    _tuned = True
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 20, 100)

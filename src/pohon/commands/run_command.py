"""A click command's body run as every command runs: GC paced, one exit code, one message line."""

from __future__ import annotations

from collections.abc import Callable

import click


def run_in_context(ctx: click.Context, action: Callable[[], int]) -> None:
    """Every command's way to run its body: `--debug` comes from the group's options object
    (`ctx.obj`), which every subcommand shares, and `--lang` from where `lang_option` left it."""
    from pohon.commands.cli_options import LANG_KEY
    from pohon.commands.guard import run_guarded
    from pohon.core.runtime import tune_gc

    tune_gc()
    debug = bool(getattr(ctx.obj, "debug", False))
    ctx.exit(run_guarded(action, debug=debug, lang=ctx.meta.get(LANG_KEY)))

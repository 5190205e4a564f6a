"""Turn every way a command can end into one exit code and, at most, one short message."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable

import click

from pohon import __version__
from pohon.core import exit_codes
from pohon.core.errors import PohonError


def run_guarded(action: Callable[[], int], *, debug: bool) -> int:
    """Run a command body: known problems become a message, the unknown a bug report request."""
    try:
        return action()
    except KeyboardInterrupt:
        click.echo("pohon: interrupted; outputs written before were left as they were", err=True)
        return exit_codes.INTERRUPTED
    except PohonError as error:
        click.echo(f"pohon: {error}", err=True)
        return error.exit_code
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise  # click's own ending, usage message or abort: click already knows what to print
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): nothing more to say
        return exit_codes.OK
    except Exception as error:  # the last line of defence: never show an analyst a traceback
        if debug:
            traceback.print_exc()
        else:
            click.echo(_bug_report(error), err=True)
        return exit_codes.INTERNAL


def _bug_report(error: Exception) -> str:
    """One line: what went wrong, in which version, and what to do about it."""
    lines = str(error).strip().splitlines()
    said = lines[0][:200] if lines else ""
    return (
        f"pohon {__version__}: internal error ({type(error).__name__}"
        f"{': ' + said if said else ''}). This is a bug in pohon: please report it with the "
        "command you ran and this line; rerun as `pohon --debug …` for the details."
    )

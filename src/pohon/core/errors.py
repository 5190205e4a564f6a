"""Turn every way a command can end into one exit code and, at most, one short message."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable

import click

from pohon.core import exit_codes as exitcodes


class UsageError(Exception):
    """The command cannot run as asked (a path, an option, a setting): exit code 2."""


def _known_usage_errors() -> tuple[type[BaseException], ...]:
    from pohon.source.settings_file import ConfigError
    from pohon.tree.assemble import InputError

    return (UsageError, ConfigError, InputError)


def run_guarded(action: Callable[[], int], *, debug: bool) -> int:
    """Run a command body: known problems become a message, the unknown a bug report request."""
    try:
        return action()
    except KeyboardInterrupt:
        click.echo("pohon: interrupted; outputs written before were left as they were", err=True)
        return exitcodes.INTERRUPTED
    except _known_usage_errors() as error:
        click.echo(f"pohon: {error}", err=True)
        return exitcodes.USAGE
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise  # click's own ending, usage message or abort: click already knows what to print
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): nothing more to say
        return exitcodes.OK
    except Exception as error:  # the last line of defence: never show an analyst a traceback
        if debug:
            traceback.print_exc()
        else:
            click.echo(_bug_report(error), err=True)
        return exitcodes.INTERNAL


def _bug_report(error: Exception) -> str:
    """One line: what went wrong, in which version, and what to do about it."""
    from pohon import __version__

    lines = str(error).strip().splitlines()
    said = lines[0][:200] if lines else ""
    return (
        f"pohon {__version__}: internal error ({type(error).__name__}"
        f"{': ' + said if said else ''}). This is a bug in pohon: please report it with the "
        "command you ran and this line; rerun as `pohon --debug …` for the details."
    )

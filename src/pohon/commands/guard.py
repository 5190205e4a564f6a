"""Turn every way a command can end into one exit code and, at most, one short message."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import click

from pohon import __version__
from pohon.core import exit_codes
from pohon.core.errors import PohonError
from pohon.core.messages import DEFAULT_LANGUAGE, N_, _, use_language
from pohon.core.signals import Stopped, stops_as_interrupts
from pohon.core.vocabulary import Language
from pohon.source.settings_file import settings_language

STOPPED = N_("nothing was left half-written")


def run_guarded(action: Callable[[], int], *, debug: bool, lang: Language | None = None) -> int:
    """Run a command body: known problems become a message, the unknown a bug report request.

    The run speaks `lang` (`--lang`), else the settings' `lang`, else Indonesian: chosen here,
    once, before anything is said.
    """
    use_language(lang or DEFAULT_LANGUAGE)
    try:
        if lang is None:
            use_language(settings_language(Path.cwd()))
        with stops_as_interrupts():
            code = action()
            sys.stdout.flush()  # a full disk behind stdout shows here, not after the exit code
            return code
    except Stopped as stop:
        click.echo(
            _("pohon: stopped by {signal}; {what}").format(signal=stop, what=_(STOPPED)), err=True
        )
        return exit_codes.stopped_by(stop.signum)
    except KeyboardInterrupt:
        click.echo(_("pohon: interrupted; {what}").format(what=_(STOPPED)), err=True)
        return exit_codes.INTERRUPTED
    except PohonError as error:
        click.echo(f"pohon: {error}", err=True)
        return error.exit_code
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise  # click's own ending, usage message or abort: click already knows what to print
    except BrokenPipeError:
        _drop_stdout()
        sys.stderr.close()  # the reader went away (e.g. `| head`): nothing more to say
        return exit_codes.OK
    except OSError as error:  # the machine's fault, not pohon's: a full disk, a broken device
        _drop_stdout()
        click.echo(f"pohon: {_io_problem(error)}", err=True)
        return exit_codes.USAGE
    except Exception as error:  # the last line of defence: never show an analyst a traceback
        if debug:
            traceback.print_exc()
        else:
            click.echo(_bug_report(error), err=True)
        return exit_codes.INTERNAL


def _io_problem(error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.filename is None:  # writing to stdout (`> /dev/full`) names no file
        return _("cannot write to the standard output: {reason}").format(reason=reason)
    return _("{file}: input/output error: {reason}").format(file=error.filename, reason=reason)


def _drop_stdout() -> None:
    """Point stdout at nothing when it can no longer be written, so the exit does not fail again."""
    try:
        sys.stdout.flush()
    except OSError:
        with contextlib.suppress(OSError, ValueError, AttributeError):  # no real file (a test's)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)


def _bug_report(error: Exception) -> str:
    """One line: what went wrong, in which version, and what to do about it."""
    lines = str(error).strip().splitlines()
    said = lines[0][:200] if lines else ""
    return _(
        "pohon {version}: internal error ({error}). This is a bug in pohon: please report it "
        "with the command you ran and this line; rerun as `pohon --debug …` for the details."
    ).format(version=__version__, error=type(error).__name__ + (": " + said if said else ""))

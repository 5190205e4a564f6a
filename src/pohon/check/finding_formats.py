"""Output formats for findings: small pure functions from findings to text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from pohon.core.findings import Finding, Severity
from pohon.core.messages import _, ngettext
from pohon.core.vocabulary import FindingFormat

# A message may quote what the analyst wrote, line breaks and terminal escapes included:
# those are shown escaped, so one finding stays one line and no text poses as another finding.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _position(finding: Finding) -> str:
    if finding.line == 0:
        return _one_line(finding.file)
    return f"{_one_line(finding.file)}:{finding.line}:{finding.column}"


def as_text(findings: Sequence[Finding]) -> str:
    """`file:line:col: severity rule-id message`, one line each: the shape editors and CI parse."""
    return "".join(
        f"{_position(f)}: {f.severity.label} {f.rule} {_one_line(f.message)}\n" for f in findings
    )


def as_json(findings: Sequence[Finding]) -> str:
    items = [
        {
            "file": f.file,
            "line": f.line,
            "column": f.column,
            "severity": f.severity.label,
            "rule": f.rule,
            "message": f.message,
        }
        for f in findings
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_github(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def as_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file."""
    lines = []
    for f in findings:
        props = [f"file={_escape_github(f.file, property_value=True)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_escape_github(f.rule, property_value=True)}")
        lines.append(
            f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_github(f.message)}\n"
        )
    return "".join(lines)


FORMATS: dict[FindingFormat, Callable[[Sequence[Finding]], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}


def summary(findings: Sequence[Finding], files: int, unreadable: int = 0) -> str:
    """One closing line for a person: how many trees, how many problems of each kind."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    trees = ngettext("{count} tree checked", "{count} trees checked", files).format(count=files)
    parts = [_counted(s, n) for s, n in sorted(counts.items(), reverse=True) if n]
    if unreadable:
        parts.append(
            ngettext(
                "{count} path could not be read", "{count} paths could not be read", unreadable
            ).format(count=unreadable)
        )
    found = ", ".join(parts) or _("no problems found")
    return f"{trees}: {found}"


def _counted(severity: Severity, count: int) -> str:
    forms = {
        Severity.ERROR: ngettext("{count} error", "{count} errors", count),
        Severity.WARNING: ngettext("{count} warning", "{count} warnings", count),
        Severity.INFO: ngettext("{count} info", "{count} infos", count),
    }
    return forms[severity].format(count=count)

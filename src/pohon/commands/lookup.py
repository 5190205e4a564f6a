"""`pohon lookup CODE|TEXT`: an entry of the nomenclature by its code, or the entries a text names."""

from __future__ import annotations

from pathlib import Path

import click

from pohon.core import exit_codes
from pohon.core.messages import _
from pohon.source.nomenclature.codes import canonical, parent_of
from pohon.source.nomenclature.lists import nomenclature_for
from pohon.source.nomenclature.matching import best
from pohon.source.nomenclature.reference import Entry, Nomenclature
from pohon.source.settings_file import find_config

LIMIT = 10


def lookup_command(query: str, *, limit: int = LIMIT) -> int:
    """Print what the project's list holds for `query`; exit 1 when it holds nothing."""
    nomenclature = nomenclature_for(find_config(Path.cwd()).nomenclature)
    code = canonical(query)
    lines = _code(nomenclature, query, code) if code else _text(nomenclature, query, limit)
    click.echo("\n".join(lines))
    found = bool(nomenclature.entries_for(code)) if code else len(lines) > 1
    return exit_codes.OK if found else exit_codes.FINDINGS


def _shown(code: str, written: str) -> str:
    """A shared `X.XX` code as the bidang the user wrote it under (`1.06.01.2.02`)."""
    if not code.startswith("X") or written.upper().startswith("X"):
        return code
    return ".".join(written.strip().split(".")[:2] + code.split(".")[2:])


def _level(entry: Entry) -> str:
    return entry.level.value.replace("_", " ")


def _code(nomenclature: Nomenclature, written: str, code: str) -> list[str]:
    entries = nomenclature.entries_for(code)
    if not entries:
        return _missing(nomenclature, written, code)
    lines: list[str] = []
    for entry in entries:
        lines += [f"{_shown(entry.code, code)}  {_level(entry)}", f"  {entry.name}"]
        for parent in nomenclature.lineage(code):
            lines.append(
                _("  under {code} {name}").format(code=_shown(parent.code, code), name=parent.name)
            )
        if entry.unit:
            lines.append(f"  satuan: {entry.unit}")
        lines.append(_("  versions: {versions}").format(versions=_versions(nomenclature, entry)))
        lines += [
            _("  source: {source}").format(source=_source(nomenclature, s)) for s in entry.sources
        ]
        if entry.note:
            lines.append(_("  note: {note}").format(note=entry.note))
    children = nomenclature.children(code, nomenclature.latest)
    if children:
        lines.append(
            _("  {count} {level} under it:").format(count=len(children), level=_level(children[0]))
        )
        lines += [f"    {_shown(child.code, code)} {child.name}" for child in children]
    return lines


def _missing(nomenclature: Nomenclature, written: str, code: str) -> list[str]:
    lines = [
        _("{code}: not in the nomenclature ({origin} list)").format(
            code=written,
            origin=_("bundled") if nomenclature.origin == "bundled" else nomenclature.origin,
        )
    ]
    parent = parent_of(code)
    while parent is not None and not nomenclature.entries_for(parent):
        parent = parent_of(parent)
    if parent is not None:
        siblings = nomenclature.children(parent, nomenclature.latest)
        lines.append(_("  the list has under {code}:").format(code=_shown(parent, code)))
        lines += [f"    {_shown(entry.code, code)} {entry.name}" for entry in siblings]
    return lines


def _text(nomenclature: Nomenclature, query: str, limit: int) -> list[str]:
    items = [(entry.name, entry) for entry in nomenclature.entries]
    found = [(score, entry) for score, entry in best(query, items, limit) if score >= 0.4]
    if not found:
        return [_("{query}: no entry of the nomenclature has a name like it").format(query=query)]
    lines = [_("{count} closest to `{query}`:").format(count=len(found), query=query)]
    for score, entry in found:
        lines.append(f"  {entry.code}  {_level(entry)}  {entry.name}  ({score:.2f})")
        parent = nomenclature.lineage(entry.code)[-1:] if entry.code.count(".") >= 2 else []
        if parent:  # two sub kegiatan may share a name: their kegiatan tells them apart
            lines.append(
                _("      under {code} {name}").format(
                    code=parent[0].code, name=_short(parent[0].name)
                )
            )
    return lines


def _short(name: str, width: int = 60) -> str:
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


def _versions(nomenclature: Nomenclature, entry: Entry) -> str:
    valid = [version for version in nomenclature.versions if nomenclature.valid_in(entry, version)]
    if not valid:
        return _("none")
    span = (
        valid[0].number
        if len(valid) == 1
        else _("{first} to {last}").format(first=valid[0].number, last=valid[-1].number)
    )
    return _("{span} ({count} of {total})").format(
        span=span, count=len(valid), total=len(nomenclature.versions)
    )


def _source(nomenclature: Nomenclature, source_id: str) -> str:
    source = nomenclature.sources.get(source_id)
    if source is None:
        return source_id
    return f"{source_id} {source.repository} {source.path} @ {source.commit[:12]}"

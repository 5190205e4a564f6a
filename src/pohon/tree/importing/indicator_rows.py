"""One row's indicators: names one a line, satuan, baseline, targets and realisations per year."""

from __future__ import annotations

from typing import Any

from pohon.core.errors import CellProblem
from pohon.core.finding_ids import LoaderCheck
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _
from pohon.source.spreadsheet.rows import INDICATOR_TEXTS, Field, SheetRow
from pohon.tree.figure_reading import Number, same_unit
from pohon.tree.importing.cell_values import cell_text, figure, lines


def problem(
    place: str, rule: LoaderCheck, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    return Finding(place, 0, 0, severity, rule, message)


class IndicatorReader:
    """Reads indicators from rows, collecting every problem rather than stopping at the first."""

    def __init__(self, years: list[int], findings: list[Finding], *, exact: bool = False) -> None:
        self.years = years
        self.findings = findings
        self.exact = exact
        """pohon's data sheets: a figure with its unit (`14 Dokumen`) kept as written."""

    def _split(self, field: Field | None, count: int) -> list[object]:
        """The line of a cell for each of `count` indicators in one cell (one value: for the first)."""
        if field is None:
            return [None] * count
        parts = lines(field.value) if count > 1 else [field.value]
        if len(parts) == count:
            return parts
        if len(parts) <= 1 and count > 1:
            if parts:
                self.findings.append(
                    problem(
                        field.place,
                        LoaderCheck.IMPORT_VALUE,
                        _(
                            "the indicator cell holds {count} indicators, one a line, but this cell one "
                            "value: write one value a line, in the indicators' order"
                        ).format(count=count),
                    )
                )
            return [None] * count
        self.findings.append(
            problem(
                field.place,
                LoaderCheck.IMPORT_VALUE,
                _(
                    "this cell holds {found} lines for {count} indicators: write one value a line, in "
                    "the indicators' order"
                ).format(found=len(parts), count=count),
            )
        )
        return [None] * count

    def _figure(self, value: object, place: str, unit: str | None) -> tuple[Any, str | None]:
        try:
            read = figure(value)
        except CellProblem as error:
            self.findings.append(problem(place, LoaderCheck.IMPORT_VALUE, str(error)))
            return None, None
        if isinstance(read, Number) and read.unit and self.exact:
            return str(value).strip(), None  # the tree reads its unit again
        if isinstance(read, Number):
            glued = read.unit if read.unit and read.unit != "Rp" else None
            if glued and unit and not same_unit(glued, unit):
                self.findings.append(
                    problem(
                        place,
                        LoaderCheck.IMPORT_UNIT,
                        _(
                            "the figure is written with the unit `{written}`, but the indicator's satuan "
                            "is `{unit}`: write the figure alone, or fix the satuan"
                        ).format(written=glued, unit=unit),
                        Severity.WARNING,
                    )
                )
            return read.value, glued
        return read, None

    def read(self, row: SheetRow) -> list[dict[str, Any]]:
        field = row.fields.get("indikator")
        names = [str(n) for n in lines(field.value)] if field else []
        made: list[dict[str, Any]] = []
        count = len(names)
        if not count:
            return made
        units = self._split(row.fields.get("satuan"), count)
        columns = {
            key: self._split(row.fields.get(key), count)
            for key in row.fields
            if key.startswith(("target_", "realisasi_")) or key == "kondisi_awal"
        }
        texts = {
            key: self._split(row.fields.get(key), count)
            for key in ("jenis", "polaritas", "rumus_capaian", "tag", "catatan_indikator",
                        *INDICATOR_TEXTS)
        }  # fmt: skip
        for index, name in enumerate(names):
            unit = str(units[index]).strip() if units[index] not in (None, "") else None
            indicator: dict[str, Any] = {"nama": name}
            glued_units: set[str] = set()
            figures: dict[str, Any] = {}
            for key, values in columns.items():
                place = row.fields[key].place
                value, glued = self._figure(values[index], place, unit)
                if glued:
                    glued_units.add(glued)
                if value is not None:
                    figures[key] = value
            if unit is None and len(glued_units) == 1:
                unit = glued_units.pop()  # `14 Dokumen` with no satuan column: the unit is Dokumen
            if unit:
                indicator["satuan"] = unit
            for key in ("jenis", "polaritas", "rumus_capaian"):
                text = str(texts[key][index] or "").strip().lower()
                if text and not (key == "polaritas" and text == "naik"):  # naik: the default
                    indicator[key] = text
            if "kondisi_awal" in figures:
                indicator["baseline"] = figures["kondisi_awal"]
            targets = {
                int(k[7:]): v
                for k, v in figures.items()
                if k.startswith("target_") and k[7:].isdigit()
            }
            if "target_akhir" in figures:
                targets["akhir"] = figures["target_akhir"]  # type: ignore[index]
            if targets:
                indicator["target"] = targets
            realised = {int(k[10:]): v for k, v in figures.items() if k.startswith("realisasi_")}
            if realised:
                indicator["realisasi"] = realised
            if texts["tag"][index] not in (None, ""):
                indicator["tag"] = [
                    t.strip() for t in str(texts["tag"][index]).split(",") if t.strip()
                ]
            if texts["catatan_indikator"][index] not in (None, ""):
                indicator["catatan"] = str(texts["catatan_indikator"][index]).strip()
            for key, path in INDICATOR_TEXTS.items():  # the Manual IK's texts, as written
                if str(texts[key][index] or "").strip():
                    put(indicator, path, str(texts[key][index]).strip())
            made.append(indicator)
        return made


def put(document: dict[str, Any], path: tuple[str, ...], value: object) -> None:
    """Set `value` at `path` (YAML keys) of a document, making the mappings on the way."""
    for key in path[:-1]:
        document = document.setdefault(key, {})
    document[path[-1]] = value


def text_of(field: Field | None, findings: list[Finding]) -> str:
    try:
        return cell_text(field)
    except CellProblem as error:
        assert field is not None
        findings.append(problem(field.place, LoaderCheck.IMPORT_VALUE, str(error)))
        return ""

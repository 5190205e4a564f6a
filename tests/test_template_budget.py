"""A user's template has a budget of time and output: it is stopped and named, never left
running for ever or writing gigabytes (issue 13, item 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pohon.cli import main
from pohon.render.options import RenderOptions
from pohon.render.reports import render_reports
from pohon.source import limits
from test_reports_render import tiny_tree

TREE = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial
  periode: {awal: 2024, akhir: 2026}
simpul:
  - id: tujuan
    tingkat: tujuan_opd
    pernyataan: Meningkatkan kesejahteraan sosial
    indikator: [{nama: Indeks kesejahteraan sosial}]
"""


def _render_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str) -> Result:
    (tmp_path / "tpl" / "html").mkdir(parents=True)
    (tmp_path / "tpl" / "html" / "index.html").write_text(template)
    (tmp_path / "tree.yaml").write_text(TREE)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["render", "tree.yaml", "--templates", "tpl", "--format", "dot", "-q"]
    )
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result


def test_loops_that_would_never_end_are_stopped_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_TEMPLATE_SECONDS", 1)
    # 10^15 turns of an empty loop: no output, no attribute, no call to catch it by.
    endless = (
        "<p>\n{% for a in range(100000) %}{% for b in range(100000) %}"
        "{% for c in range(100000) %}{% endfor %}{% endfor %}{% endfor %}\n"
    )
    result = _render_with(tmp_path, monkeypatch, endless)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "pohon: tpl/html/index.html:2: template stopped: it ran for more than 1 s (the limit "
        "for one template): look for a loop that never ends, or loops nested too deep"
    )
    assert not (tmp_path / "build").exists()


def test_a_template_writing_past_the_output_limit_is_stopped_as_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_TEMPLATE_CHARS", 1_000_000)
    flood = (
        "{% for a in range(100000) %}{% for b in range(100000) %}xxxxxxxx{% endfor %}{% endfor %}"
    )
    result = _render_with(tmp_path, monkeypatch, flood)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "pohon: tpl/html/index.html: template stopped: it writes more than 1,000,000 characters "
        "(the limit for one template's output)"
    )


@pytest.mark.parametrize(
    "bomb", ["{{ 'x' * 1000000000 }}", "{{ [1] * 10 ** 10 }}", "{{ 10 ** 1000000000 }}"]
)
def test_one_step_that_would_make_gigabytes_is_refused_before_it_runs(
    bomb: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _render_with(tmp_path, monkeypatch, f"<p>\n{bomb}\n")
    assert result.exit_code == 2
    assert "tpl/html/index.html:2: template stopped: it writes more than 100,000,000" in (
        result.stderr
    )


def test_the_budget_leaves_the_built_in_templates_bytes_alone(tmp_path: Path) -> None:
    # In the sandbox (any --templates folder) and with the ticks, the same bytes as outside it.
    checked = tiny_tree("Meningkatnya *x* | y")
    assert render_reports(checked, RenderOptions(), "t") == render_reports(
        checked, RenderOptions(templates=tmp_path), "t"
    )

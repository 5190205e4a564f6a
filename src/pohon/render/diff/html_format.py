"""The Matriks Perubahan as an HTML page: the rows of change_matrix, printed by Jinja."""

from __future__ import annotations

from collections.abc import Sequence

from pohon.render.diff.change_matrix import change_matrix
from pohon.render.diff.values import TreeDiff
from pohon.render.reports.environment import make_environment, render_template
from pohon.render.reports.wording import Labels

TEMPLATE = "html/matriks-perubahan.html"


def html_diff(diffs: Sequence[TreeDiff], labels: Labels, agency: str = "") -> bytes:
    """One page with a matrix per tree compared (templates/html/matriks-perubahan.html)."""
    context = {
        "labels": labels.words,
        "lang": labels.lang,
        "agency": agency,
        "matrices": [change_matrix(diff, labels) for diff in diffs],
    }
    return render_template(make_environment(None), TEMPLATE, context)

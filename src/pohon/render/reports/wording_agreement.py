"""The words of the Perjanjian Kinerja (naskah and lampiran), per language.

Each is `NP_(key, English)`: the key is what templates read (`labels.key`) and the
context of the word in the catalogue, which holds its Indonesian
(core/locale/id/LC_MESSAGES/pohon.po).

The naskah follows the form of PermenPANRB 53/2014 (its opening, the two parties, the
promise to reach the annex's targets, the supervision), worded here in pohon's own text.
`{year}` is filled in by render/reports/agreement_parties.py.
"""

from __future__ import annotations

from pohon.core.messages import NP_

AGREEMENT_WORDS: tuple[tuple[str, str], ...] = (
    NP_("pk_title", "Performance Agreement {year}"),
    NP_("pk_annex_title", "Annex to the Performance Agreement {year}"),
    NP_("pk_annexes", "Performance Agreement Annexes"),
    NP_(
        "pk_opening",
        "To achieve effective, transparent and accountable government, oriented to results, we the undersigned:",
    ),
    NP_("pk_name", "Name"),
    NP_("pk_position", "Position"),
    NP_("pk_first_role", "hereafter the first party."),
    NP_("pk_second_role", "as the first party's superior, hereafter the second party."),
    NP_(
        "pk_promise",
        "The first party undertakes to reach the performance targets for {year} listed in the annex to this agreement, towards the medium-term targets set in the planning documents. Success or failure in reaching these targets is our responsibility.",
    ),
    NP_(
        "pk_supervision",
        "The second party will give the supervision needed, evaluate the performance achieved under this agreement, and take the action needed to reward or sanction.",
    ),
    NP_("pk_blank", "...................................."),
    NP_("pk_rank", "Rank"),
    NP_("pk_target_missing", "no target yet"),
    NP_("pk_unit_missing", "no unit yet"),
    NP_("pk_indicator_missing", "no indicator set"),
    NP_("pk_budget_missing", "no budget yet"),
    NP_("pk_objective_jpt", "Strategic objective"),
    NP_("pk_objective_administrator", "Programme objective"),
    NP_("pk_objective_pengawas", "Activity objective"),
    NP_("pk_objective_none", "Objective"),
    NP_("pk_indicator", "Performance indicator"),
    NP_("pk_items_jpt", "Programme"),
    NP_("pk_items_administrator", "Activity"),
    NP_("pk_items_pengawas", "Sub-activity"),
    NP_("pk_items_none", "Programme / Activity"),
    NP_("pk_no_items", "No budget item under these objectives."),
    NP_(
        "pk_no_objectives",
        "This position agrees on no objective: it holds no node at its jenjang's levels.",
    ),
)

"""What `pohon export` writes of a checked tree: the JSON export, or the reports' workbook."""

from __future__ import annotations

from collections.abc import Mapping

from pohon.source.settings_file import Config
from pohon.tree.model import Tree


def export_tree(
    tree: Tree, output_format: str, config: Config, given: Mapping[str, object]
) -> bytes:
    """The bytes of the export; the workbook takes `--lang`, `--year`, `--paper` over the
    `[render]` settings, so that it is the one `pohon render` writes beside the reports."""
    if output_format == "json":
        from pohon.render.json_export import tree_to_json

        return tree_to_json(tree).encode("utf-8")
    from pohon.render.render_settings import resolve
    from pohon.render.reports import tree_workbook
    from pohon.source.nomenclature.lists import nomenclature_for

    _, options = resolve(config, given)
    return tree_workbook(tree, options, nomenclature_for(config.nomenclature))

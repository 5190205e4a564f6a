"""pohon's built-in report templates, installed as the package `pohon.templates` (pyproject.toml)."""

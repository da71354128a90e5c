"""Where Bootstrap's full CSS comes from, and where our trimmed copy of it lives.

Pages load static/css/bootstrap-subset.min.css, built from the pinned bootstrap-wrapper wheel's
bootstrap.min.css by `make css` (scripts/build_bootstrap_subset.py); the full file is only its source.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FULL_CSS_NAME = "bootstrap.min.css"
SUBSET_PATH = ROOT / "static" / "css" / "bootstrap-subset.min.css"


def full_bootstrap_css() -> Path:
    """Bootstrap's bootstrap.min.css inside the bootstrap-wrapper wheel (a namespace package)."""
    spec = importlib.util.find_spec("bootstrap")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("bootstrap-wrapper is not installed; run `make install` first.")
    return Path(list(spec.submodule_search_locations)[0]) / "css" / FULL_CSS_NAME


def content_globs() -> list[str]:
    """Every file that may name a Bootstrap class: ours, crispy-forms' Bootstrap 5 pack, Django's widgets."""
    packages = [_package_dir(name) for name in ("crispy_bootstrap5", "crispy_forms", "django.forms")]
    return [
        str(ROOT / "templates" / "**" / "*.html"),
        str(ROOT / "decisionaid" / "**" / "*.py"),
        *(str(package / "templates" / "**" / "*.html") for package in packages),
    ]


def _package_dir(name: str) -> Path:
    return Path(importlib.util.find_spec(name).origin).parent

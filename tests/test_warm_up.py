"""gunicorn's master (--preload) imports the views and compiles every site template before forking, so a worker
that replaces a retired one answers its first request without re-importing WeasyPrint or re-reading templates."""

from __future__ import annotations

import sys

from django.conf import settings
from django.template import engines

from decisionaid.warm_up import warm_up


def test_warm_up_imports_the_views_and_keeps_every_site_template_compiled():
    warm_up()
    assert "decisionaid.summaries.pdf" in sys.modules  # the PDF view, and with it WeasyPrint
    cached = engines["django"].engine.template_loaders[0].get_template_cache
    site_templates = sorted(
        path.relative_to(folder).as_posix()
        for folder in settings.TEMPLATES[0]["DIRS"]
        for path in folder.rglob("*.html")
    )
    assert set(site_templates) <= set(cached)
    assert "questionnaire/options.html" in site_templates

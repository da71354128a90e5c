"""Work done once in gunicorn's master (`--preload`) rather than in every worker.

gunicorn replaces each worker after --max-requests; without this, each new worker's first request imported the
URLconf (and with it WeasyPrint for the PDF view) and compiled the templates again. Measured with py-spy under
`make bench`'s options run, that re-import alone was 14% of the workers' CPU time. Forked workers share what
the master loaded here. Nothing here touches the database: a connection opened before the fork would be
shared by every worker.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import get_resolver


def warm_up() -> None:
    get_resolver().url_patterns  # imports every view module  # noqa: B018
    engine = engines["django"].engine
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).rglob("*.html")):
            engine.get_template(path.relative_to(folder).as_posix())  # kept by the cached template loader

"""WSGI entry point for gunicorn: `gunicorn decisionaid.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decisionaid.settings")
application = get_wsgi_application()

from decisionaid.warm_up import warm_up  # noqa: E402  (needs the settings loaded just above)

warm_up()

"""WSGI entry point for gunicorn: `gunicorn decisionaid.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decisionaid.settings")
application = get_wsgi_application()

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "decisionaid.pages"
    verbose_name = "Public pages"

from django.apps import AppConfig
from django.db.backends.signals import connection_created


class PagesConfig(AppConfig):
    name = "decisionaid.pages"
    verbose_name = "Public pages"

    def ready(self) -> None:
        from decisionaid.pages.db_deadline import on_connection_created

        connection_created.connect(on_connection_created, dispatch_uid="decisionaid.pages.db_deadline")

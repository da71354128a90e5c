from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "decisionaid.content"
    verbose_name = "Clinical content"

    def ready(self) -> None:
        import decisionaid.content.checks  # noqa: F401  (check --deploy: no superusers)
        from decisionaid.content import signals  # noqa: F401  (creates the editor and reviewer groups)

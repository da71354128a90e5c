from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "decisionaid.content"
    verbose_name = "Clinical content"

    def ready(self) -> None:
        import decisionaid.content.checks  # noqa: F401  (check --deploy: no superusers)
        from decisionaid.content import (
            history,  # noqa: F401  (\n line endings and a reason in every history row)
            signals,  # noqa: F401  (creates the editor and reviewer groups)
        )

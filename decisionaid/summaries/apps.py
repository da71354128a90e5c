from django.apps import AppConfig


class SummariesConfig(AppConfig):
    name = "decisionaid.summaries"
    verbose_name = "Saved summaries"

    def ready(self) -> None:
        from decisionaid.summaries import checks  # noqa: F401  (registers the deployment check)

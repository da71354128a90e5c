from django.apps import AppConfig


class StudyConfig(AppConfig):
    name = "decisionaid.study"
    verbose_name = "Evaluation study"

    def ready(self) -> None:
        from decisionaid.study import signals  # noqa: F401  (reviewers may view the dashboard)

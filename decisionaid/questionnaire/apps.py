from django.apps import AppConfig


class QuestionnaireConfig(AppConfig):
    name = "decisionaid.questionnaire"
    verbose_name = "Patient journey and saved summaries"

    def ready(self) -> None:
        from decisionaid.questionnaire import checks  # noqa: F401  (registers the deployment check)

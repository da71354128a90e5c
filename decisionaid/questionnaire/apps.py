from django.apps import AppConfig


class QuestionnaireConfig(AppConfig):
    name = "decisionaid.questionnaire"
    verbose_name = "Patient journey"

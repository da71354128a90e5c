from django.urls import path

from decisionaid.questionnaire import views

app_name = "questionnaire"
urlpatterns = [
    path("", views.start, name="start"),
    path("again/", views.start_again, name="start_again"),
    path("step/<slug:slug>/", views.step, name="step"),
    path("for-adults/", views.adults_only, name="adults_only"),
    path("review/", views.review, name="review"),
    path("options/", views.options, name="options"),
    path("compare/", views.compare, name="compare"),
    path("decision/", views.decision, name="decision"),
    path("questions/", views.questions, name="questions"),
]

from django.urls import path

from decisionaid.pages import encounter, views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("treatments/", views.treatment_list, name="treatment_list"),
    path("treatments/compare/", encounter.encounter_sheet, name="encounter_sheet"),
    path("treatments/<slug:slug>/", views.treatment_detail, name="treatment_detail"),
    path("about/", views.about, name="about"),
    path("questions-people-ask/", views.faq, name="faq"),
    path("glossary/", views.glossary, name="glossary"),
]

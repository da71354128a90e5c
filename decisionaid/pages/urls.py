from django.urls import path

from decisionaid.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("treatments/", views.treatment_list, name="treatment_list"),
    path("treatments/<slug:slug>/", views.treatment_detail, name="treatment_detail"),
    path("about/", views.about, name="about"),
    path("questions-people-ask/", views.faq, name="faq"),
    path("glossary/", views.glossary, name="glossary"),
]

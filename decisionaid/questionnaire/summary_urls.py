from django.urls import path

from decisionaid.questionnaire import summary_views

app_name = "summary"
urlpatterns = [
    path("", summary_views.lookup, name="lookup"),
    path("<str:code>/", summary_views.detail, name="detail"),
    path("<str:code>/export.json", summary_views.export, name="export"),
    path("<str:code>/delete/", summary_views.delete, name="delete"),
    path("<str:code>/print/", summary_views.printable, name="print"),
    path("<str:code>/summary.pdf", summary_views.pdf, name="pdf"),
]

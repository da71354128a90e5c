from django.urls import path

from decisionaid.summaries import views

app_name = "summary"
urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/export.json", views.export, name="export"),
    path("<str:code>/delete/", views.delete, name="delete"),
    path("<str:code>/print/", views.printable, name="print"),
    path("<str:code>/summary.pdf", views.pdf, name="pdf"),
]

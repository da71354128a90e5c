from django.contrib import admin
from django.urls import include, path

from decisionaid.pages.views import healthz

urlpatterns = [
    path("", include("decisionaid.pages.urls")),
    path("start/", include("decisionaid.questionnaire.urls")),
    path("summary/", include("decisionaid.summaries.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

handler400 = "decisionaid.pages.views.bad_request"
handler404 = "decisionaid.pages.views.not_found"
handler500 = "decisionaid.pages.views.server_error"

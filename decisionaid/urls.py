from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from decisionaid.pages.views import healthz

urlpatterns = [
    path("", include("decisionaid.pages.urls")),
    path("start/", include("decisionaid.questionnaire.urls")),
    path("start/study/", include("decisionaid.study.urls")),
    path("summary/", include("decisionaid.summaries.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # Browsers and crawlers ask for /favicon.ico whatever the page says; send them to the static file.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.ico"), permanent=True)),
]

handler400 = "decisionaid.pages.views.bad_request"
handler404 = "decisionaid.pages.views.not_found"
handler500 = "decisionaid.pages.views.server_error"

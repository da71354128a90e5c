from django.urls import path

from decisionaid.study import views

app_name = "study"
urlpatterns = [
    path("join/", views.opt_in, name="opt_in"),
    path("leave/", views.opt_out, name="opt_out"),
    path("before/", views.before, name="before"),
    path("after/", views.after, name="after"),
    path("answers/", views.answers, name="answers"),
]

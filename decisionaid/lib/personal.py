"""The headers of every page that shows a patient's own answers."""

from __future__ import annotations

from functools import wraps


def personal(view=None, *, referrer: str = "same-origin"):
    """Pages with a patient's answers: never cached, never indexed, no referrer sent to other sites.

    Pages with forms keep "same-origin": under "no-referrer" Chromium sends `Origin: null` with a form post,
    which Django's CSRF check (rightly) refuses. Pages without forms, such as a summary, send no referrer at all.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response["Cache-Control"] = "no-store"
            response["X-Robots-Tag"] = "noindex, nofollow"
            response["Referrer-Policy"] = referrer
            return response

        return wrapper

    return decorate(view) if view else decorate

"""Refuses, with the 400 page, a form whose body cannot be read as UTF-8, before anything else reads it.

Every form on the site is sent in UTF-8 (the pages are UTF-8 and browsers send forms in the page's encoding).
A form that names another charset, an unknown one, or whose fields do not decode as UTF-8 was made by hand: it
gets a clear 400 and is never stored as mojibake. This runs before the CSRF check, which reads the form too.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from django.http import HttpRequest, HttpResponse, UnreadablePostError
from django.utils.log import log_response

from decisionaid.pages.views import bad_request

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def is_readable_form(request: HttpRequest) -> bool:
    """True unless the request is a form post that is not UTF-8 (reads the body, so too large a body raises
    RequestDataTooBig, which Django answers through the 400 handler)."""
    if request.method != "POST" or request.content_type not in FORM_TYPES:
        return True
    charset = request.content_params.get("charset")
    if charset is not None and charset.strip().lower() != "utf-8":  # the only one Django reads a form in
        return False
    if request.content_type == "multipart/form-data":
        return True  # its parser checks its own structure, and no form on the site is sent this way
    try:
        parse_qsl(request.body.decode(), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        return False
    return True


def refuse_unreadable_forms(get_response):
    def middleware(request: HttpRequest) -> HttpResponse:
        try:
            readable = is_readable_form(request)
        except UnreadablePostError:  # the client went away while sending
            readable = False
        if not readable:
            response = bad_request(request)
            log_response(
                "Bad request (form not readable as UTF-8): %s", request.path, response=response, request=request
            )
            return response
        return get_response(request)

    return middleware

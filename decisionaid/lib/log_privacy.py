"""Keeps reference codes out of the logs.

Django logs every 404, 410 and 429 with its path ("Not Found: /summary/7DJF-W9D4-N79Q/") and attaches the request
to the record, and the development server logs every request line. A code in a log would let anyone who reads the
log open that patient's summary, so the filter below replaces codes with "[code]" in each record's message and in
the request it carries. A code is typed in many forms (any case, with spaces, dots, underscores or hyphens; in a
URL as %20 or +), so whatever follows /summary/ up to the next "/", "?" or "#" is taken for a code, and so is
every `code=` query value up to the next "&" or "#"; either also ends at whitespace followed by "HTTP/" (the end
of a request line's path).
"""

from __future__ import annotations

import copy
import logging
import re

from django.http import HttpRequest, QueryDict

_UNTIL_REQUEST_LINE_END = r"(?:\s*(?!HTTP/){}+)+"
_CODE_IN_PATH = re.compile(r"(/summary/)(?!\[code\])" + _UNTIL_REQUEST_LINE_END.format(r"[^/?#\s]"))
_CODE_IN_QUERY = re.compile(
    r"((?:^|[?&;])code=)(?!\[code\])(?:" + _UNTIL_REQUEST_LINE_END.format(r"[^&;#\s]") + ")?", re.IGNORECASE
)
_REQUEST_PATHS = ("PATH_INFO", "REQUEST_URI", "RAW_URI")  # WSGI's, and those some servers add


def redact(text: str) -> str:
    return _CODE_IN_QUERY.sub(r"\1[code]", _CODE_IN_PATH.sub(r"\1[code]", text))


def redact_request(request: HttpRequest) -> HttpRequest:
    """The request itself if it shows no code, else a copy for the log with the codes replaced."""
    query = request.META.get("QUERY_STRING", "")
    shown = [request.path, query, *(request.META.get(name, "") for name in _REQUEST_PATHS)]
    if all(redact(text) == text for text in shown):
        return request
    redacted = copy.copy(request)
    redacted.path, redacted.path_info = redact(request.path), redact(request.path_info)
    redacted.META = {
        **request.META,
        "QUERY_STRING": redact(query),
        **{name: redact(request.META[name]) for name in _REQUEST_PATHS if name in request.META},
    }
    redacted.environ = redacted.META
    redacted.GET = QueryDict(redacted.META["QUERY_STRING"])
    return redacted


class RedactSummaryCodes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.request = redact_request(request)
        return True

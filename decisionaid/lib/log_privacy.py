"""Keeps reference codes out of the logs.

Django logs every 404, 410 and 429 with its path ("Not Found: /summary/7DJF-W9D4-N79Q/"), and the development
server logs every request line. A code in a log would let anyone who reads the log open that patient's
summary, so the filter below replaces codes in paths and in `code=` query parameters with "[code]".
"""
from __future__ import annotations

import logging
import re

_CODE_IN_PATH = re.compile(r"(/summary/)(?!\[code\])[^/\s?#\"']+")
_CODE_IN_QUERY = re.compile(r"([?&]code=)[^&\s#\"']*")


def redact(text: str) -> str:
    return _CODE_IN_QUERY.sub(r"\1[code]", _CODE_IN_PATH.sub(r"\1[code]", text))


class RedactSummaryCodes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True

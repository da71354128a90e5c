"""The printout and PDF never break a word across two lines ("Micronee / dling"): words wrap whole."""

import re
from itertools import pairwise

from django.template.loader import render_to_string

from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.pdf import render_document
from decisionaid.summaries.printout import print_context
from tests.questionnaire.journey import save_fullest_summary
from tests.questionnaire.test_steps import JourneyTestCase

WORD = re.compile(r"[A-Za-z]+")


def _lines(box, found):
    """The text of every laid-out line, in reading order."""
    if type(box).__name__ == "LineBox":
        found.append("".join(_texts(box)))
        return found
    for child in getattr(box, "children", []) or []:
        _lines(child, found)
    return found


def _texts(box):
    if getattr(box, "text", None) is not None:
        yield box.text
    for child in getattr(box, "children", []) or []:
        yield from _texts(child)


def broken_words(document, html: str) -> list[str]:
    """Pairs of line ends and starts that join into a word of the page that neither half is."""
    words = set(WORD.findall(re.sub(r"<[^>]+>", " ", html)))
    lines = [line for page in document.pages for line in _lines(page._page_box, [])]
    broken = []
    for before, after in pairwise(lines):
        head = re.search(r"([A-Za-z]+)$", before)
        tail = re.match(r"^([A-Za-z]+)", after)
        if head and tail:
            joined = head.group(1) + tail.group(1)
            if joined in words and (head.group(1) not in words or tail.group(1) not in words):
                broken.append(f"{head.group(1)}|{tail.group(1)}")
    return broken


class WholeWordTests(JourneyTestCase):
    def test_the_fullest_printout_breaks_no_word_across_lines(self):
        save_fullest_summary(self.client)
        html = render_to_string("summary/print.html", {**print_context(SavedSummary.objects.get()), "for_pdf": True})
        for paper in ("a4", "letter"):
            document = render_document(html, paper=paper)
            self.assertEqual(broken_words(document, html), [], paper)
            self.assertLessEqual(len(document.pages), 2)

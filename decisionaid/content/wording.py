"""How sure we are, in words tied to the certainty of the evidence (GRADE's informative statements).

One sentence per certainty level, used the same way on every page, in print and in the PDF: "improves" for high
certainty, "probably" for moderate, "may" for low, "we are very unsure whether" for very low. The word list
explains each level in one line (glossary terms `certainty-<level>`).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from decisionaid.content.certainty import sold_without_good_evidence
from decisionaid.content.vocabulary import Certainty

STATEMENTS = {
    Certainty.HIGH: _("It helps %(concern)s. We are sure of this."),
    Certainty.MODERATE: _("It probably helps %(concern)s."),
    Certainty.LOW: _("It may help %(concern)s, but we are not sure."),
    Certainty.VERY_LOW: _("We are very unsure whether it helps %(concern)s."),
    Certainty.NOT_STUDIED: _("It has not been studied for %(concern)s."),
}
SOLD_WITHOUT_EVIDENCE = _("It is sold for this, but good evidence is lacking.")


def certainty_statement(certainty: str | None, concern_name: str, *, is_marketed_for: bool = False) -> str:
    """The sentence for how well an option works for a concern, e.g. "It may help acne scars, but we are not
    sure." `certainty` None means no evidence row: not studied."""
    level = Certainty(certainty or Certainty.NOT_STUDIED)
    # "Acne scars (pitted or dented)" reads "acne scars": the form's explanation in brackets is not needed here.
    concern = re.sub(r"\s*\([^)]*\)", "", concern_name).strip().lower()
    sentence = str(STATEMENTS[level] % {"concern": concern})
    return f"{sentence} {SOLD_WITHOUT_EVIDENCE}" if sold_without_good_evidence(level, is_marketed_for) else sentence


def glossary_slug(certainty: str | None) -> str:
    """Where the word list explains this level."""
    return f"certainty-{certainty or Certainty.NOT_STUDIED}"


# How well a source was checked, for readers (Reference.Verification). A reviewer's own notes on a source are
# never shown: they can hold working notes ("fact-check R49", "authors not captured").
HOW_CHECKED = {
    "verified": _("We read it, and it says what we cite it for."),
    "partly-verified": _(
        "We could read only part of it (such as its summary), and that part says what we cite it for."
    ),
    "secondary": _("We could not read it ourselves: we found it described in another source."),
    "commonly-known": _("No source found: this is common clinical knowledge that still needs checking."),
}

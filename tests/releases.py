"""For tests that change content and then look at patients' pages: publish the working copy at once.

Tests of the publishing rules themselves go through `releases.publish_release`; these helpers skip the gate and the
two-person rule so that a test about a page can set up its content in two lines.
"""

from __future__ import annotations

from decisionaid.content import releases
from decisionaid.content.models import Release


def release_working_copy(note: str = "Test release") -> Release:
    """The working copy as the next release, without the publishing checks."""
    return releases._store(releases.propose(), None, note)

"""A patient's part in the study, kept in their session with the journey (and cleared with it)."""

from __future__ import annotations

from decisionaid.questionnaire.steps import Journey
from decisionaid.study import recording

STUDY_KEY = "study"
COUNTED_KEY = "counted"


class Study:
    """Opted in or not; the answers before the options page and after the decision step; whether the study row
    was written. Only what is here links the before and after answers, and it goes when the journey does."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        data = journey.data.get(STUDY_KEY)
        self.data = data if isinstance(data, dict) else {}

    def _save(self) -> None:
        self.journey.data[STUDY_KEY] = self.data
        self.journey.save()

    @property
    def is_on(self) -> bool:
        return self.data.get("on") is True

    def opt_in(self) -> None:
        self.data = {"on": True}
        self._save()

    def opt_out(self) -> None:
        """Drops every study answer; the journey's own answers stay as they are."""
        self.journey.data.pop(STUDY_KEY, None)
        self.data = {}
        self.journey.save()

    def _answers(self, when: str, part: str) -> dict:
        value = self.data.get(when, {}).get(part)
        return value if isinstance(value, dict) else {}

    def knowledge_before(self) -> dict:
        return self._answers("before", "knowledge")

    def sure_before(self) -> dict:
        return self._answers("before", "sure")

    def knowledge_after(self) -> dict:
        return self._answers("after", "knowledge")

    @property
    def has_before(self) -> bool:
        return bool(self.data.get("before"))

    @property
    def is_recorded(self) -> bool:
        return self.data.get("recorded") is True

    def set_before(self, *, knowledge: dict, sure: dict) -> None:
        self.data["before"] = {"knowledge": knowledge, "sure": sure}
        self._save()

    def set_after(self, *, knowledge: dict) -> None:
        self.data["after"] = {"knowledge": knowledge}
        self.data["recorded"] = True
        self._save()


def count_once(journey: Journey, event: str) -> None:
    """Counts `event` for this journey the first time it happens (a reload does not count again). The session
    keeps only which events were counted; the counters keep only how many."""
    if has_reached(journey, event):
        return
    recording.count(event)
    journey.data[COUNTED_KEY] = [*_counted(journey), event]
    journey.save()


def has_reached(journey: Journey, event: str) -> bool:
    return event in _counted(journey)


def _counted(journey: Journey) -> list:
    counted = journey.data.get(COUNTED_KEY)
    return counted if isinstance(counted, list) else []

"""The knowledge check: scoring a patient's true / false / not sure answers. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from decisionaid.content.catalogue import KnowledgeFacts

TRUE, FALSE, UNSURE = "true", "false", "unsure"
ANSWERS = (TRUE, FALSE, UNSURE)


def is_right(item: KnowledgeFacts, answer: str | None) -> bool:
    """ "Not sure" is never right: the check measures what people know, not what they guess."""
    return answer == (TRUE if item.is_true else FALSE)


def right_count(items: Iterable[KnowledgeFacts], answers: Mapping[str, str]) -> int:
    return sum(is_right(item, answers.get(item.slug)) for item in items)


@dataclass(frozen=True)
class Explained:
    item: KnowledgeFacts
    before: str | None
    after: str | None

    @property
    def right_after(self) -> bool:
        return is_right(self.item, self.after)


def explained(items: Iterable[KnowledgeFacts], before: Mapping[str, str], after: Mapping[str, str]) -> list[Explained]:
    return [Explained(item, before.get(item.slug), after.get(item.slug)) for item in items]

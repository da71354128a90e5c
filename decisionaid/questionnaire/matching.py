"""Matching a patient's answers to the options: pure functions, no database, no scoring.

For every option relevant to the main concern this works out what the patient should see: the evidence
for their concern, personal flags from their health answers and skin type (with the reason), notes where the
option goes past the limits they set, the regulatory status where they live, and a plain description of the
option on every "what matters" attribute. Nothing is weighted, added up or ranked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from decisionaid.content.catalogue import EvidenceFacts, OptionFacts, OutcomeFacts, SideEffectFacts, StatusFacts
from decisionaid.content.vocabulary import Certainty, FlagLevel
from decisionaid.lib.numbers import per_hundred, per_hundred_text, range_text
from decisionaid.questionnaire.choices import ATTRIBUTE_SLUGS, UNSURE, YES

SKIN_TYPE_ITEM = "skin-type"
CHECK = "check"
FLAG_ORDER = {FlagLevel.AVOID.value: 0, FlagLevel.CAUTION.value: 1, CHECK: 2}
CERTAINTY_ORDER = {value: index for index, value in enumerate(Certainty.values)}
NOT_KNOWN = "Not known"


@dataclass(frozen=True)
class Answers:
    concern: str
    jurisdiction: str
    skin_type: str
    health: Mapping[str, str] = field(default_factory=dict)  # health-screen slug → yes / no / unsure
    max_downtime_days: int | None = None
    budget_usd: int | None = None


@dataclass(frozen=True)
class Flag:
    level: str  # avoid / caution / check
    item: str  # a health-screen slug, or "skin-type"
    reason: str
    reference_keys: tuple[str, ...] = ()
    rule_text: str = ""  # the rule's own explanation, without the "not sure" lead-in (for compact print)


@dataclass(frozen=True)
class LimitNote:
    limit: str  # "downtime" or "budget"
    text: str


@dataclass(frozen=True)
class Match:
    option: OptionFacts
    evidence: EvidenceFacts | None
    outcomes: tuple[OutcomeFacts, ...]
    flags: tuple[Flag, ...]
    limit_notes: tuple[LimitNote, ...]
    status: StatusFacts | None
    ratings: Mapping[str, str]

    @property
    def exceeds_limits(self) -> list[str]:
        return [note.limit for note in self.limit_notes]

    @property
    def common_side_effects(self) -> tuple[SideEffectFacts, ...]:
        return self.option.common_side_effects

    @property
    def serious_side_effects(self) -> tuple[SideEffectFacts, ...]:
        return self.option.serious_side_effects


# Matching is pure (the same content and answers give the same matches) and every journey page after the
# questionnaire needs it, so the content's catalogue keeps the matches of its most recent distinct answers.
_KEPT_LOCK = threading.Lock()
KEPT_MATCHES_MAX = 512


def kept_matches(*, answers: Answers, catalogue) -> tuple[Match, ...]:
    """match_options for these answers over this catalogue's options, computed once per catalogue."""
    key = (
        "matches",
        answers.concern,
        answers.jurisdiction,
        answers.skin_type,
        tuple(sorted(answers.health.items())),
        answers.max_downtime_days,
        answers.budget_usd,
    )
    kept = catalogue.kept
    with _KEPT_LOCK:
        if (matches := kept.get(key)) is not None:
            kept.move_to_end(key)
            return matches
    matches = match_options(answers=answers, options=catalogue.options)
    with _KEPT_LOCK:
        kept[key] = matches
        while len(kept) > KEPT_MATCHES_MAX:
            kept.popitem(last=False)
    return matches


def match_options(*, answers: Answers, options: Iterable[OptionFacts]) -> tuple[Match, ...]:
    """Every option with evidence for the main concern, plus "no procedure", in editorial order."""
    relevant = [
        option for option in options if option.is_no_procedure or option.evidence_for(answers.concern) is not None
    ]
    relevant.sort(key=lambda option: (option.order, option.slug))
    return tuple(match_option(option=option, answers=answers) for option in relevant)


def match_option(*, option: OptionFacts, answers: Answers) -> Match:
    """What one option means for these answers (an option without evidence for the concern shows as such)."""
    evidence = option.evidence_for(answers.concern)
    flags = personal_flags(option=option, answers=answers)
    status = option.status_in(answers.jurisdiction)
    return Match(
        option=option,
        evidence=evidence,
        outcomes=tuple(row for row in option.outcomes if row.concern in (None, answers.concern)),
        flags=flags,
        limit_notes=limit_notes(option=option, answers=answers),
        status=status,
        ratings=ratings(option=option, evidence=evidence, status=status, flags=flags),
    )


def personal_flags(*, option: OptionFacts, answers: Answers) -> tuple[Flag, ...]:
    """avoid / caution from the rules the answers trigger; check for each relevant "not sure"."""
    flags: list[Flag] = []
    for rule in option.rules:
        if rule.health_item:
            answer, item = answers.health.get(rule.health_item), rule.health_item
        else:
            answer, item = _skin_type_answer(rule.skin_types, answers.skin_type), SKIN_TYPE_ITEM
        if answer == YES:
            flags.append(Flag(rule.level, item, rule.explanation, rule.reference_keys, rule.explanation))
        elif answer == UNSURE:
            reason = f"You answered “not sure”, so check this with your clinician. {rule.explanation}"
            flags.append(Flag(CHECK, item, reason, rule.reference_keys, rule.explanation))
    unique = {(flag.level, flag.item, flag.reason): flag for flag in flags}
    return tuple(sorted(unique.values(), key=lambda flag: FLAG_ORDER[flag.level]))


def _skin_type_answer(rule_types: frozenset[str], skin_type: str) -> str | None:
    if skin_type == UNSURE:
        return UNSURE
    return YES if skin_type in rule_types else None


def limit_notes(*, option: OptionFacts, answers: Answers) -> tuple[LimitNote, ...]:
    """Notes (never exclusions) where an option can go past the patient's downtime or budget."""
    notes = []
    limit = answers.max_downtime_days
    longest = option.downtime_days_max if option.downtime_days_max is not None else option.downtime_days_min
    if limit is not None and longest is not None and longest > limit:
        notes.append(
            LimitNote(
                "downtime",
                (
                    f"Downtime can be {range_text(option.downtime_days_min, option.downtime_days_max, 'days')}. "
                    f"You said you could take {_days(limit)}."
                ),
            )
        )
    budget = answers.budget_usd
    prices = [price for price in (option.cost_min_usd, option.cost_max_usd) if price is not None]
    if budget is not None and prices and max(prices) > budget:
        cost = range_text(option.cost_min_usd, option.cost_max_usd, "a session", prefix="$")
        notes.append(
            LimitNote("budget", (f"A rough US price is {cost}. You said you could spend up to ${budget:,} a session."))
        )
    return tuple(notes)


def _days(limit: int) -> str:
    return "no time off" if limit == 0 else f"up to {limit} days off"


def ratings(
    *, option: OptionFacts, evidence: EvidenceFacts | None, status: StatusFacts | None, flags: tuple[Flag, ...]
) -> dict[str, str]:
    """A plain description of the option on every "what matters" attribute; never a score."""
    skin_flag = any(flag.item == SKIN_TYPE_ITEM for flag in flags)
    pigment = _harm_summary([effect for effect in option.side_effects if effect.is_pigment_or_scarring])
    if skin_flag:
        pigment += " Your skin type needs extra care."
    values = {
        "downtime": _downtime(option),
        "cost": range_text(option.cost_min_usd, option.cost_max_usd, "a session (rough US price)", prefix="$")
        or NOT_KNOWN,
        "sessions": range_text(option.sessions_min, option.sessions_max, "sessions") or "No set number",
        "discomfort": option.discomfort_label or NOT_KNOWN,
        "improvement": (evidence.expected_improvement if evidence else "") or NOT_KNOWN,
        "evidence": _certainty(evidence),
        "approval": status.status_label if status else NOT_KNOWN,
        "serious-harms": _harm_summary(list(option.side_effects), serious_only=True),
        "pigment-scarring": pigment,
        "durability": option.results_last or NOT_KNOWN,
    }
    assert tuple(values) == ATTRIBUTE_SLUGS
    return values


def _downtime(option: OptionFacts) -> str:
    if option.downtime_days_max == 0:
        return "None"
    return range_text(option.downtime_days_min, option.downtime_days_max, "days") or NOT_KNOWN


def _certainty(evidence: EvidenceFacts | None) -> str:
    if evidence is None:
        return Certainty.NOT_STUDIED.label
    if evidence.sold_without_good_evidence:
        return f"{evidence.certainty_label} (sold for this, but good evidence is lacking)"
    return evidence.certainty_label


def _harm_summary(effects: list[SideEffectFacts], *, serious_only: bool = False) -> str:
    if serious_only:
        effects = [effect for effect in effects if effect.is_serious]
    if not effects:
        return "None listed."
    known = [effect for effect in effects if effect.events is not None and effect.denominator]
    count = f"{len(effects)} listed."
    if not known:
        return f"{count} How often: not known."
    highest = max(known, key=lambda effect: per_hundred(effect.events, effect.denominator))
    unknown = len(effects) - len(known)
    text = f"{count} The most often: {per_hundred_text(highest.events, highest.denominator)}."
    return text + (f" How often is not known for {unknown}." if unknown else "")


SORT_KEYS = ("editorial", "downtime", "cost", "certainty")


def sort_matches(matches: Iterable[Match], *, by: str) -> list[Match]:
    """Re-sort for the patient's convenience; unknown values go last. "editorial" keeps the fixed order."""

    def unknown_last(value):
        return (value is None, value or 0)

    keys = {
        "downtime": lambda m: unknown_last(
            m.option.downtime_days_max if m.option.downtime_days_max is not None else m.option.downtime_days_min
        ),
        "cost": lambda m: unknown_last(
            m.option.cost_min_usd if m.option.cost_min_usd is not None else m.option.cost_max_usd
        ),
        "certainty": lambda m: CERTAINTY_ORDER[m.evidence.certainty if m.evidence else Certainty.NOT_STUDIED],
    }
    matches = list(matches)
    return sorted(matches, key=keys[by]) if by in keys else matches


def top_attributes(values: Mapping[str, int]) -> list[str]:
    """The attributes the patient rated most important: those rated 3 or 4, or else those at their highest."""
    rated = {slug: values.get(slug, 0) for slug in ATTRIBUTE_SLUGS}
    chosen = [slug for slug in ATTRIBUTE_SLUGS if rated[slug] >= 3]
    if not chosen:
        highest = max(rated.values(), default=0)
        chosen = [slug for slug in ATTRIBUTE_SLUGS if highest > 0 and rated[slug] == highest]
    return sorted(chosen, key=lambda slug: -rated[slug])

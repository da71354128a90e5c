"""The clinical content: everything a patient sees about a treatment is data edited in the admin.

These models are the *working copy*. Patients never read them: they read the current `Release`, an immutable
snapshot that a clinical reviewer publishes (see `releases.py`).

Top-level items (concerns, options, references, questions, warning signs, glossary terms, site texts and
the vocabulary items) share `ContentItem`: a status saying whether it goes into the next release, and review
dates. Who changed what is in each model's history. An option's evidence rows, outcomes, side effects, regulatory statuses and rules are edited
inline with their option and published with it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from decisionaid.content import vocabulary
from decisionaid.content.vocabulary import Certainty, FlagLevel, RegulatoryStatusCode

key_validator = RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9-]*$", _("Use letters, digits and hyphens only."))


class ContentQuerySet(models.QuerySet):
    def published(self):
        """Items marked to go into the next release."""
        return self.filter(status=ContentItem.Status.PUBLISHED)

    def review_due(self, today: datetime.date | None = None):
        """Items whose next review date has passed, or that have none."""
        today = today or timezone.localdate()
        return self.filter(Q(next_review_due__isnull=True) | Q(next_review_due__lte=today))


class ScopedQuerySet(ContentQuerySet):
    def applying_to(self, option: Option):
        """Items for all options, for the option's family, or naming the option."""
        return self.filter(
            Q(scope=ScopedItem.Scope.ALL)
            | Q(scope=ScopedItem.Scope.FAMILY, family=option.family)
            | Q(scope=ScopedItem.Scope.OPTIONS, options=option)
        ).distinct()


class ContentItem(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (left out of releases)")
        IN_REVIEW = "in-review", _("In review (left out of releases)")
        PUBLISHED = "published", _("Published (in the next release)")

    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "This is the working copy. Patients see an item only once a release that includes it is published by "
            "a clinical reviewer who did not change it, and only if it passes the publishing checks."
        ),
    )
    last_reviewed_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("When a clinical reviewer last checked this against the evidence."),
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=_("At most 12 months after the last review."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Digest of this item as last loaded from the content pack; lets load_content tell admin edits apart.
    pack_digest = models.CharField(max_length=64, blank=True, editable=False)

    history = HistoricalRecords(inherit=True, excluded_fields=["pack_digest", "updated_at"])
    objects = ContentQuerySet.as_manager()

    # Which pack kind this model is; the publishing gate and the pack use it.
    pack_kind: str = ""

    class Meta:
        abstract = True
        permissions = [("publish_content", "Can publish content and mark it reviewed")]

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_review_overdue(self) -> bool:
        return self.next_review_due is None or self.next_review_due < timezone.localdate()


class Reference(ContentItem):
    class Kind(models.TextChoices):
        SYSTEMATIC_REVIEW = "systematic-review", _("Systematic review or meta-analysis")
        RCT = "rct", _("Randomised controlled trial")
        CONTROLLED_STUDY = "controlled-study", _("Other controlled study")
        CASE_SERIES = "case-series", _("Case series or uncontrolled study")
        CASE_REPORT = "case-report", _("Case report")
        GUIDELINE = "guideline", _("Guideline or expert consensus")
        REGULATOR = "regulator", _("Regulator page or legal text")
        TRIAL_REGISTRY = "trial-registry", _("Trial registry entry")
        REVIEW = "review", _("Narrative review")
        NEWS = "news", _("News or media report")
        OTHER = "other", _("Other")

    class Verification(models.TextChoices):
        VERIFIED = "verified", _("Verified")
        PARTLY_VERIFIED = "partly-verified", _("Partly verified")
        SECONDARY = "secondary", _("Secondary source only")
        COMMONLY_KNOWN = "commonly-known", _("Commonly known, no source found")

    key = models.CharField(
        max_length=40,
        unique=True,
        validators=[key_validator],
        help_text=_("Stable identifier used in the content pack, e.g. R42."),
    )
    authors = models.CharField(max_length=500, blank=True)
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=300, blank=True, help_text=_("Journal, publisher or regulator."))
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True)
    pmid = models.CharField("PMID", max_length=20, blank=True, validators=[RegexValidator(r"^\d*$")])
    url = models.URLField("URL", max_length=500, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    verification = models.CharField(
        max_length=20,
        choices=Verification.choices,
        help_text=_("How well the details were checked. 'Commonly known' is shown to readers as 'no source found'."),
    )
    checked_on = models.DateField(
        _("checked on"),
        null=True,
        blank=True,
        help_text=_(
            "The day someone read this source and checked that it says what we cite it for. Shown to readers; "
            "required unless no source was found."
        ),
    )
    note = models.TextField(
        blank=True,
        help_text=_(
            "For reviewers only, never shown to readers: what was checked and where, what was not confirmed, "
            "or e.g. 'withdrawn in 2015'."
        ),
    )

    pack_kind = "reference"

    class Meta(ContentItem.Meta):
        ordering = ["key"]

    def __str__(self) -> str:
        return f"[{self.key}] {self.title}"

    @property
    def is_commonly_known(self) -> bool:
        return self.verification == self.Verification.COMMONLY_KNOWN


class Jurisdiction(ContentItem):
    slug = models.CharField(max_length=10, unique=True, choices=vocabulary.slug_choices(vocabulary.JURISDICTION_SLUGS))
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    # Help for a patient where they live, sourced and dated like a regulatory status.
    report_side_effect = models.TextField(
        blank=True, help_text=_("How a patient here reports a side effect or a problem with a product.")
    )
    check_practitioner = models.TextField(
        blank=True,
        help_text=_("How a patient here checks who treats them: the official registers, and what they do not show."),
    )
    help_checked_on = models.DateField(
        _("help checked on"), null=True, blank=True, help_text=_("When the two texts above were checked.")
    )
    references = models.ManyToManyField(
        Reference, blank=True, related_name="+", help_text=_("Sources for reporting and checking practitioners.")
    )

    pack_kind = "jurisdiction"

    class Meta(ContentItem.Meta):
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class HealthItem(ContentItem):
    slug = models.CharField(max_length=30, unique=True, choices=vocabulary.slug_choices(vocabulary.HEALTH_ITEM_SLUGS))
    question = models.CharField(max_length=300, help_text=_("The yes / no / not sure question, in plain words."))
    short_label = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("A few words for the clinician's printout, e.g. “Pregnant or breastfeeding”."),
    )
    explanation = models.TextField(blank=True, help_text=_("Why we ask, shown under the question."))
    order = models.PositiveSmallIntegerField(default=0)

    pack_kind = "health-item"

    class Meta(ContentItem.Meta):
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.slug


class Concern(ContentItem):
    slug = models.CharField(max_length=30, unique=True, choices=vocabulary.slug_choices(vocabulary.CONCERN_SLUGS))
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True, help_text=_("What this concern is, in plain words."))
    no_procedure_outlook = models.TextField(blank=True, help_text=_("What usually happens if no procedure is done."))
    decision_statement = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("The decision in one sentence, e.g. 'You are deciding whether…'."),
    )
    order = models.PositiveSmallIntegerField(default=0)
    references = models.ManyToManyField(
        Reference,
        blank=True,
        related_name="+",
        help_text=_("Sources for what happens with no procedure."),
    )

    pack_kind = "concern"

    class Meta(ContentItem.Meta):
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class Option(ContentItem):
    class Family(models.TextChoices):
        BASELINE = "baseline", _("Sun protection and skincare")
        CELL = "cell", _("Stem cell and cell products")
        EXOSOME = "exosome", _("Exosome and conditioned-media products")
        COSMETIC = "cosmetic", _("Cosmetic creams")
        PRP = "prp", _("Platelet-rich plasma")
        MICRONEEDLING = "microneedling", _("Microneedling")
        PEEL = "peel", _("Chemical peels")
        LASER_LIGHT = "laser-light", _("Lasers and light")

    class Discomfort(models.TextChoices):
        NONE = "none", _("None")
        MILD = "mild", _("Mild")
        MODERATE = "moderate", _("Moderate")
        SEVERE = "severe", _("Severe")

    slug = models.CharField(max_length=40, unique=True, choices=vocabulary.slug_choices(vocabulary.OPTION_SLUGS))
    name = models.CharField(max_length=150)
    family = models.CharField(max_length=20, choices=Family.choices)
    order = models.PositiveSmallIntegerField(default=0, help_text=_("Fixed editorial order; never a ranking."))
    is_no_procedure = models.BooleanField(
        default=False, help_text=_("The 'no procedure' option shown for every concern.")
    )
    what_it_is = models.TextField(blank=True)
    how_it_works = models.TextField(blank=True)
    what_happens = models.TextField(
        blank=True, help_text=_("What happens during treatment, step by step (one step a line).")
    )
    sessions_min = models.PositiveSmallIntegerField(null=True, blank=True)
    sessions_max = models.PositiveSmallIntegerField(null=True, blank=True)
    downtime_days_min = models.PositiveSmallIntegerField(null=True, blank=True)
    downtime_days_max = models.PositiveSmallIntegerField(null=True, blank=True)
    discomfort = models.CharField(max_length=10, choices=Discomfort.choices, blank=True)
    cost_min_usd = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("US dollars; leave empty if not known.")
    )
    cost_max_usd = models.PositiveIntegerField(null=True, blank=True)
    cost_note = models.TextField(blank=True, help_text=_("Say where the figure comes from and how sure it is."))
    results_last = models.TextField(blank=True, help_text=_("How long results last."))
    references = models.ManyToManyField(
        Reference,
        blank=True,
        related_name="+",
        help_text=_("Sources for the description and practical facts."),
    )

    pack_kind = "option"

    class Meta(ContentItem.Meta):
        ordering = ["order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sessions_min__isnull=True)
                | Q(sessions_max__isnull=True)
                | Q(sessions_min__lte=F("sessions_max")),
                name="option_sessions_range",
            ),
            models.CheckConstraint(
                condition=Q(downtime_days_min__isnull=True)
                | Q(downtime_days_max__isnull=True)
                | Q(downtime_days_min__lte=F("downtime_days_max")),
                name="option_downtime_range",
            ),
            models.CheckConstraint(
                condition=Q(cost_min_usd__isnull=True)
                | Q(cost_max_usd__isnull=True)
                | Q(cost_min_usd__lte=F("cost_max_usd")),
                name="option_cost_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        for low, high in (
            ("sessions_min", "sessions_max"),
            ("downtime_days_min", "downtime_days_max"),
            ("cost_min_usd", "cost_max_usd"),
        ):
            lo, hi = getattr(self, low), getattr(self, high)
            if lo is not None and hi is not None and lo > hi:
                raise ValidationError({high: _("The maximum must not be below the minimum.")})


class Evidence(models.Model):
    """How well an option works for one concern, and how sure we are."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="evidence")
    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="evidence")
    certainty = models.CharField(max_length=12, choices=Certainty.choices)
    summary = models.TextField(help_text=_("What the studies found and their limits, in plain words."))
    expected_improvement = models.TextField(blank=True, help_text=_("How big a change to expect, if known."))
    is_marketed_for = models.BooleanField(
        _("sold for this concern"),
        default=False,
        help_text=_(
            'Clinics or shops sell it for this concern. Patients then read "It is sold for this, but good evidence '
            'is lacking" when the certainty is very low or not studied (the same rule for every option).'
        ),
    )
    certainty_reason = models.TextField(
        _("why the rating is above the rule"),
        blank=True,
        help_text=_(
            "Only when the certainty is higher than the kinds of its sources allow (systematic reviews or randomised "
            "trials for high or moderate; a controlled study for low; any study for very low). A clinical "
            "reviewer's reason, e.g. which trials support it. Listed on the About page."
        ),
    )
    references = models.ManyToManyField(Reference, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["concern__order", "concern__slug"]
        constraints = [
            models.UniqueConstraint(fields=["option", "concern"], name="one_evidence_row_per_option_concern")
        ]

    def __str__(self) -> str:
        return f"{self.option} for {self.concern}"


class Counted(models.Model):
    """How many people out of how many: `events` of `denominator`, or both empty for "not known"."""

    events = models.PositiveIntegerField(null=True, blank=True, help_text=_("How many people; empty = not known."))
    denominator = models.PositiveIntegerField(null=True, blank=True, help_text=_("Out of how many people."))

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(events__isnull=True, denominator__isnull=True)
                | Q(events__isnull=False, denominator__gt=0, events__lte=F("denominator")),
                name="%(class)s_events_within_denominator",
            ),
        ]

    @property
    def is_frequency_known(self) -> bool:
        return self.events is not None and self.denominator is not None

    def clean(self) -> None:
        if (self.events is None) != (self.denominator is None):
            raise ValidationError(_("Give both the number of people and the group size, or neither (not known)."))
        if self.denominator is not None and (self.denominator == 0 or self.events > self.denominator):
            raise ValidationError({"events": _("The number of people must be between 0 and the group size.")})


class Outcome(Counted):
    """A numeric result: `events` out of `denominator` people in `group` over `time_frame`."""

    class Kind(models.TextChoices):
        BENEFIT = "benefit", _("Benefit")
        HARM = "harm", _("Harm")

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="outcomes")
    concern = models.ForeignKey(
        Concern,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for a harm that applies whatever the concern."),
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    description = models.CharField(max_length=300, help_text=_("What happened, e.g. 'had clearly better scars'."))
    group = models.CharField(max_length=300, help_text=_("Who was studied."))
    time_frame = models.CharField(max_length=200)
    certainty = models.CharField(max_length=12, choices=Certainty.choices)
    references = models.ManyToManyField(Reference, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta(Counted.Meta):
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description


class SideEffect(Counted):
    class Severity(models.TextChoices):
        MILD = "mild", _("Mild, goes away by itself")
        MODERATE = "moderate", _("Moderate, may need treatment")
        SERIOUS = "serious", _("Serious or lasting")

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="side_effects")
    description = models.TextField()
    severity = models.CharField(max_length=10, choices=Severity.choices)
    duration = models.CharField(max_length=200, blank=True)
    is_pigment_or_scarring = models.BooleanField(
        default=False,
        help_text=_(
            "Tick if this harm is a lasting change in skin colour or a scar. Patients who care most about "
            "avoiding pigment change or scarring see these side by side."
        ),
    )
    references = models.ManyToManyField(Reference, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta(Counted.Meta):
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:80]


class RegulatoryStatus(models.Model):
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="regulatory_statuses")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=RegulatoryStatusCode.choices)
    explanation = models.TextField(help_text=_("A plain sentence; for 'unknown', say what could not be confirmed."))
    as_of = models.DateField(help_text=_("The date this status was checked."))
    references = models.ManyToManyField(Reference, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "regulatory statuses"
        ordering = ["jurisdiction__order", "jurisdiction__slug"]
        constraints = [
            models.UniqueConstraint(fields=["option", "jurisdiction"], name="one_status_per_option_jurisdiction"),
        ]

    def __str__(self) -> str:
        return f"{self.option} in {self.jurisdiction}: {self.status}"


class ContraindicationRule(models.Model):
    """A health answer or a skin type that makes an option `avoid` or `caution` for a person."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="rules")
    health_item = models.ForeignKey(
        HealthItem,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rules",
        help_text=_("Either a health-screen item…"),
    )
    skin_types = models.CharField(
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^([1-6](,[1-6])*)?$", _("Use e.g. 4,5,6."))],
        help_text=_("…or skin types, comma-separated, e.g. 4,5,6."),
    )
    level = models.CharField(max_length=8, choices=FlagLevel.choices)
    explanation = models.TextField(help_text=_("The reason, as the patient will read it."))
    references = models.ManyToManyField(Reference, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(health_item__isnull=False) & Q(skin_types=""))
                | (Q(health_item__isnull=True) & ~Q(skin_types="")),
                name="rule_has_health_item_or_skin_types",
            ),
        ]

    def __str__(self) -> str:
        trigger = self.health_item.slug if self.health_item_id else f"skin types {self.skin_types}"
        return f"{self.option}: {self.level} for {trigger}"

    def clean(self) -> None:
        if bool(self.health_item_id) == bool(self.skin_types):
            raise ValidationError(_("Choose either a health-screen item or skin types, not both."))


class ScopedItem(ContentItem):
    """Something that applies to all options, one family, or named options."""

    class Scope(models.TextChoices):
        ALL = "all", _("All options")
        FAMILY = "family", _("One family of options")
        OPTIONS = "options", _("Named options")

    key = models.CharField(max_length=60, unique=True, validators=[key_validator])
    scope = models.CharField(max_length=8, choices=Scope.choices, default=Scope.ALL)
    family = models.CharField(max_length=20, choices=Option.Family.choices, blank=True)
    options = models.ManyToManyField(Option, blank=True, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    references = models.ManyToManyField(Reference, blank=True, related_name="+")
    jurisdictions = models.ManyToManyField(
        Jurisdiction,
        blank=True,
        related_name="+",
        help_text=_("Only for patients in these places, e.g. a law of one country. Leave empty for everywhere."),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta(ContentItem.Meta):
        abstract = True
        ordering = ["order", "key"]

    def clean(self) -> None:
        if self.scope == self.Scope.FAMILY and not self.family:
            raise ValidationError({"family": _("Choose the family this applies to.")})
        if self.scope != self.Scope.FAMILY and self.family:
            raise ValidationError({"family": _("A family is only used when the scope is 'one family'.")})


class Question(ScopedItem):
    class Topic(models.TextChoices):
        PRODUCT = "product", _("The product and its approval")
        EVIDENCE = "evidence", _("The evidence")
        WHO_AND_HOW = "who-and-how", _("Who does it and how")
        SAFETY = "safety", _("My safety")
        COST = "cost", _("Cost")

    text = models.TextField(help_text=_("The question, as the patient would ask it."))
    topic = models.CharField(max_length=12, choices=Topic.choices)

    pack_kind = "question"

    class Meta(ScopedItem.Meta):
        pass

    def __str__(self) -> str:
        return self.text[:80]


class WarningSign(ScopedItem):
    title = models.CharField(max_length=200)
    explanation = models.TextField()

    pack_kind = "warning-sign"

    class Meta(ScopedItem.Meta):
        pass

    def __str__(self) -> str:
        return self.title


class GlossaryTerm(ContentItem):
    slug = models.SlugField(max_length=60, unique=True)
    term = models.CharField(max_length=100)
    definition = models.TextField()

    pack_kind = "glossary-term"

    class Meta(ContentItem.Meta):
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class FaqEntry(ContentItem):
    """A question people bring from clinic websites and articles, answered honestly with sources."""

    slug = models.SlugField(max_length=80, unique=True)
    question = models.CharField(max_length=300)
    answer = models.TextField(help_text=_("Plain text; a blank line starts a new paragraph."))
    order = models.PositiveSmallIntegerField(default=0)
    references = models.ManyToManyField(Reference, blank=True, related_name="+")

    pack_kind = "faq"

    class Meta(ContentItem.Meta):
        ordering = ["order", "slug"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self) -> str:
        return self.question


class KnowledgeItem(ContentItem):
    """A true-or-false statement for the study mode's knowledge check (issue 17): asked before the options page
    and again after the decision, then shown with its answer and why."""

    slug = models.SlugField(max_length=60, unique=True)
    concerns = models.ManyToManyField(
        Concern, related_name="+", help_text=_("Asked of patients with any of these concerns.")
    )
    statement = models.CharField(
        max_length=200, help_text=_("One idea, at most about 20 words, clearly true or false.")
    )
    is_true = models.BooleanField(_("the statement is true"), default=False)
    explanation = models.TextField(
        help_text=_("Why, in 1 to 3 short sentences, shown after the patient answers. Do not say 'correct'.")
    )
    order = models.PositiveSmallIntegerField(default=0)
    references = models.ManyToManyField(Reference, blank=True, related_name="+")

    pack_kind = "knowledge-item"

    class Meta(ContentItem.Meta):
        ordering = ["order", "slug"]
        verbose_name = "knowledge check statement"

    def __str__(self) -> str:
        return self.statement


class SiteText(ContentItem):
    class Slug(models.TextChoices):
        ABOUT = "about", _("About")
        METHODS = "methods", _("Methods")
        UPDATE_POLICY = "update-policy", _("Update policy")
        FUNDING = "funding", _("Funding and conflicts of interest")
        DISCLAIMER = "disclaimer", _("Disclaimer")

    slug = models.CharField(max_length=20, unique=True, choices=Slug.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text=_("Plain text; a blank line starts a new paragraph."))
    order = models.PositiveSmallIntegerField(default=0)

    pack_kind = "site-text"

    class Meta(ContentItem.Meta):
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.title


CONTENT_MODELS: tuple[type[ContentItem], ...] = (
    Reference,
    Jurisdiction,
    HealthItem,
    Concern,
    Option,
    Question,
    WarningSign,
    GlossaryTerm,
    FaqEntry,
    KnowledgeItem,
    SiteText,
)


class Disclosure(models.Model):
    """Who wrote the content, who pays for the tool and their conflicts of interest: part of every release."""

    authors = models.TextField(
        blank=True,
        help_text=_("One author a line: name, then qualifications, e.g. 'A. Smith, consultant dermatologist'."),
    )
    funder = models.TextField(blank=True, help_text=_("Who pays for this tool, or 'No outside funding'."))
    conflicts_of_interest = models.TextField(
        blank=True, help_text=_("Each author's and the funder's ties to clinics or makers, or 'None declared'.")
    )
    history = HistoricalRecords(excluded_fields=["id"])

    pack_kind = "disclosure"

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="disclosure_is_a_singleton")]

    def __str__(self) -> str:
        return "Authors, funding and conflicts of interest"

    @classmethod
    def current(cls) -> Disclosure:
        return cls.objects.filter(id=1).first() or cls(id=1)


class Release(models.Model):
    """A numbered, immutable snapshot of all published content: the only thing patients' pages read.

    `snapshot` holds every item in the content pack's shape (see `releases.py`); `changes` lists what differs
    from the release before, with who changed each item. Rows are never updated or deleted.
    """

    number = models.PositiveIntegerField(unique=True)
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_by_name = models.CharField(max_length=150, help_text=_("Kept even if the account is removed."))
    note = models.TextField(help_text=_("What this release changes and why."))
    changes = models.JSONField(default=list)
    snapshot = models.JSONField()
    item_keys = models.JSONField(default=list, help_text=_("'kind:key' of every item in the snapshot."))
    republishes = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("For a roll-back: the earlier release whose content this publishes again.")
    )

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"

    def __str__(self) -> str:
        return f"Release {self.number}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("A release is never changed once published.")
        super().save(*args, **kwargs)


class ClinicalSignOff(models.Model):
    """An independent clinician's sign-off of one release; pages show 'clinically reviewed on' only from here."""

    release = models.OneToOneField(Release, on_delete=models.PROTECT, related_name="sign_off")
    reviewer_name = models.CharField(max_length=200)
    qualifications = models.CharField(max_length=300, help_text=_("e.g. 'Consultant dermatologist, GMC 1234567'."))
    signed_off_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "clinical sign-off"

    def __str__(self) -> str:
        return f"Sign-off of release {self.release.number} by {self.reviewer_name}"

    def clean(self) -> None:
        if self.signed_off_on and self.signed_off_on > timezone.localdate():
            raise ValidationError({"signed_off_on": _("A sign-off cannot be dated in the future.")})
        if (
            self.release_id
            and self.signed_off_on
            and self.signed_off_on < timezone.localtime(self.release.published_at).date()
        ):
            raise ValidationError({"signed_off_on": _("A sign-off cannot be dated before its release.")})

from django.core.management.base import BaseCommand

from decisionaid.content.catalogue import build_catalogue
from decisionaid.content.models import Release
from decisionaid.content.pack import published_items_failing_gate
from decisionaid.content.releases import working_snapshot
from decisionaid.content.report import (
    content_figures,
    numbers_problems,
    option_balance,
    option_sourcing,
    overall_checked_share,
    ratings_above_rule,
)
from decisionaid.lib.readability import MAX_GRADE


def shown(value, suffix: str = "") -> str:
    return "–" if value is None else f"{value}{suffix}"


class Command(BaseCommand):
    help = "Per content type: items, mean and maximum reading grade, share of claims with a verified reference."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Include drafts and items in review.")

    def handle(self, *args, all: bool, **options):
        figures = content_figures(published_only=not all)
        self.stdout.write(
            f"{'content type':<14} {'items':>5} {'mean grade':>10} {'max grade':>9} {'claims':>6} {'verified ref':>12}"
        )
        for row in figures:
            self.stdout.write(
                f"{row.kind:<14} {row.items:>5} {shown(row.mean_grade):>10} {shown(row.max_grade):>9} "
                f"{row.claims:>6} {shown(row.verified_share, '%'):>12}"
            )
        over = [entry for row in figures for entry in row.over_limit]
        self.stdout.write(f"\nTexts above grade {MAX_GRADE}: {len(over)}")
        for entry in over:
            self.stdout.write(f"  {entry}")
        failing = published_items_failing_gate()
        self.stdout.write(f"Published items failing the publishing checks (incl. unreferenced claims): {len(failing)}")
        for spec, key, problems in failing:
            self.stdout.write(f"  {spec.kind} {key}: " + "; ".join(map(str, problems)))
        self.stdout.write("\nBalance: harms text as a share of benefits text, per published option")
        for row in option_balance():
            self.stdout.write(
                f"  {row.option:<30} {row.harm_share:>4}%  ({row.harm_chars} vs {row.benefit_chars} characters)"
            )
        # The working copy's published items, drawn as a release would show them.
        snapshot = working_snapshot()
        catalogue = build_catalogue(Release(number=0, snapshot=snapshot))
        sourcing = option_sourcing(catalogue)
        self.stdout.write(
            f"\nClaim rows resting on a source we read (in whole or in part), per published option: "
            f"{overall_checked_share(sourcing)}% overall"
        )
        for row in sourcing:
            self.stdout.write(
                f"  {row.slug:<30} {row.checked_share:>4}%  ({row.rows - row.unchecked_rows} of {row.rows} rows; "
                f"{row.unchecked_rows} rest only on a second-hand source or on 'no source found')"
            )
        above = ratings_above_rule(catalogue)
        without_reason = [row for row in above if not row.reason.strip()]
        self.stdout.write(
            f"\nCertainty ratings above what their sources' kinds allow: {len(above)} "
            f"({len(without_reason)} without a reviewer's reason)"
        )
        for row in above:
            self.stdout.write(
                f"  {row.option_slug} for {row.concern}: {row.certainty} (rule: at most {row.ceiling}). "
                f"Reason: {row.reason or 'NONE'}"
            )
        problems = numbers_problems(snapshot)
        self.stdout.write(
            "\nNumbers rules (X out of 100, no vague frequency words, relative figures with absolute ones, "
            f"who was studied and for how long): {len(problems)} problem(s)"
        )
        for problem in problems:
            self.stdout.write(f"  {problem}")

"""Saved summaries now live in the summaries app (its migration 0001 takes over the table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("questionnaire", "0004_summary_record_format_2"),
        ("summaries", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="SavedSummary")]),
    ]

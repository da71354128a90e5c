"""Saved summaries move from the questionnaire app to their own: the model's state moves, and its table is
renamed, keeping every row."""

import django.core.serializers.json
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("content", "0005_releases"),
        ("questionnaire", "0004_summary_record_format_2"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SavedSummary",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(editable=False, max_length=12, unique=True)),
                        (
                            "release",
                            models.ForeignKey(
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="content.release",
                                to_field="number",
                            ),
                        ),
                        ("record", models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                        ("expires_at", models.DateTimeField()),
                        ("save_token", models.UUIDField(editable=False, null=True, unique=True)),
                    ],
                    options={
                        "verbose_name_plural": "saved summaries",
                        "db_table": "questionnaire_savedsummary",
                        "indexes": [models.Index(fields=["expires_at"], name="questionnai_expires_23bbcb_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="savedsummary", table=None),
        migrations.RenameIndex(
            model_name="savedsummary", new_name="summaries_s_expires_81a420_idx", old_name="questionnai_expires_23bbcb_idx"
        ),
    ]

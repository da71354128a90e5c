from django.db import migrations, models


class Migration(migrations.Migration):
    """Study rows keep the month they were written, not the day (see the model's docstring)."""

    dependencies = [("study", "0002_dashboard_name")]

    operations = [
        migrations.RemoveIndex(model_name="studyresponse", name="study_study_day_9991cd_idx"),
        migrations.RenameField(model_name="studyresponse", old_name="day", new_name="month"),
        migrations.AlterField(
            model_name="studyresponse",
            name="month",
            field=models.DateField(editable=False, help_text="The first day of the month the answers were given."),
        ),
        migrations.AddIndex(model_name="studyresponse", index=models.Index(fields=["month"], name="study_study_month_idx")),
    ]

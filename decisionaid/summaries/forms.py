"""Where a clinician types the code a patient gave them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Reference code"),
        max_length=64,
        help_text=_("12 letters and numbers, like 7QK2-9MZD-X4RT. Capital or small letters and dashes do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

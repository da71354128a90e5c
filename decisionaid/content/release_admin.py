"""The admin's release pages: the list of releases, one release's changes, and the publish page.

Publishing is one page: the diff between the working copy and the live release, every publishing problem, who
changed each item, a required note and one button, which only a clinical reviewer who changed none of the
listed items can use. A roll-back is the same page for an earlier release's content (`?republish=N`).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from decisionaid.content import releases
from decisionaid.content.admin_ids import MalformedIdNotFoundMixin
from decisionaid.content.models import Release

NOTE_MAX_LENGTH = 2000


@admin.register(Release)
class ReleaseAdmin(MalformedIdNotFoundMixin, admin.ModelAdmin):
    list_display = ("release", "published_at", "published_by_name", "short_note", "changed_items", "signed_off")
    list_display_links = ("release",)
    change_list_template = "admin/content/release/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="release", ordering="number")
    def release(self, obj: Release) -> str:
        return f"Release {obj.number}"

    @admin.display(description="note")
    def short_note(self, obj: Release) -> str:
        return obj.note if len(obj.note) <= 90 else obj.note[:87] + "…"

    @admin.display(description="changed items")
    def changed_items(self, obj: Release) -> int:
        return len(obj.changes)

    @admin.display(description="clinical sign-off", boolean=True)
    def signed_off(self, obj: Release) -> bool:
        return hasattr(obj, "sign_off")

    def get_urls(self):
        publish = self.admin_site.admin_view(self.publish_view)
        return [path("publish/", publish, name="content_release_publish"), *super().get_urls()]

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        release = self.get_object(request, object_id)
        if release is None:
            raise Http404("No such release.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Release {release.number}",
            "release": release,
            "can_publish": releases.can_publish(request.user),
            "is_live": release.number == releases.live_release_number(),
        }
        return TemplateResponse(request, "admin/content/release/detail.html", context)

    def publish_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        republish = _release_number(request.GET.get("republish") or request.POST.get("republish"))
        target = Release.objects.filter(number=republish).first() if republish else None
        if republish and target is None:
            raise Http404("No such release.")
        note = request.POST.get("note", "")[:NOTE_MAX_LENGTH] if request.method == "POST" else ""
        reasons: list[str] = []
        if request.method == "POST":
            if not releases.can_publish(request.user):
                raise PermissionDenied
            try:
                release = releases.publish_release(
                    user=request.user,
                    note=note,
                    base_number=_release_number(request.POST.get("base")) or 0,
                    digest=request.POST.get("digest", ""),
                    republish=republish,
                )
            except releases.PublishRefused as refusal:
                reasons = refusal.reasons
            else:
                self.message_user(
                    request,
                    format_html(
                        "Published release {}. Patients now see it; its {} change(s) are listed below.",
                        release.number,
                        len(release.changes),
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:content_release_change", args=[release.pk]))
        proposal = releases.propose(republish=target)
        authors = proposal.author_names()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Publish release {proposal.base_number + 1}"
            + (f": release {target.number}'s content again" if target else ""),
            "proposal": proposal,
            "changes": [(change, authors.get(change.item_key, [])) for change in proposal.changes],
            "target": target,
            "note": note,
            "note_max_length": NOTE_MAX_LENGTH,
            "reasons": reasons,
            # What stops this reviewer whatever note they write (the note is checked when they press the button).
            "blocking": releases.refusals(proposal, request.user, note="(the note to come)"),
            "can_publish": releases.can_publish(request.user),
        }
        return TemplateResponse(request, "admin/content/release/publish.html", context, status=409 if reasons else 200)


def _release_number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None

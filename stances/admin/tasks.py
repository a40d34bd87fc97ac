"""Admin page to rebuild stored positions in the background and see how recent rebuilds went,
for superusers and whoever holds "Can start a rebuild of stored positions"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import tasks
from ..models import TaskRun

PERMISSION = "stances.rebuild_positions"
RECENT = 5


def may_rebuild(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def last_rebuild() -> TaskRun | None:
    """The newest rebuild run, with who asked for it."""
    runs = TaskRun.objects.filter(kind=TaskRun.Kind.REBUILD_POSITIONS)
    return runs.select_related("requested_by").latest_first().first()


def rebuild_positions_view(request, admin_site):
    """GET shows the last rebuilds; POST (the button) queues one, unless one is under way."""
    if not may_rebuild(request.user):
        raise PermissionDenied
    url = reverse("admin:stances_rebuild_positions")
    if request.method == "POST":
        start(request)
        return HttpResponseRedirect(url)
    recent = list(
        TaskRun.objects.filter(kind=TaskRun.Kind.REBUILD_POSITIONS)
        .select_related("requested_by")
        .latest_first()[:RECENT]
    )
    last = recent[0] if recent else None
    may_read_records = request.user.has_perm("django_tasks_database.view_dbtaskresult")
    context = {
        **admin_site.each_context(request),
        "title": "Rebuild stored positions",
        "last": last,
        "under_way": last is not None and last.is_active and not last.is_overdue,
        "earlier": recent[1:],
        "records_url": (
            reverse("admin:django_tasks_database_dbtaskresult_changelist")
            if may_read_records
            else ""
        ),
    }
    return TemplateResponse(request, "admin/stances/rebuild_positions.html", context)


def start(request) -> None:
    try:
        run = tasks.start_rebuilding_positions(requested_by=request.user)
    except tasks.AlreadyActive as refusal:
        messages.warning(request, str(refusal))
        return
    run.refresh_from_db()
    if run.status == TaskRun.Status.FINISHED:
        messages.success(request, f"Rebuilt: {run.outcome_text()}")
    elif run.status == TaskRun.Status.FAILED:
        messages.error(request, f"The rebuild failed: {run.problem}")
    else:
        messages.info(
            request,
            "Queued: the task worker will rebuild the stored positions in the background. "
            "This page shows when it has finished.",
        )

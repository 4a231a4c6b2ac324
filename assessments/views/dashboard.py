"""The dashboard: ratings by pillar beside the previous assessment's, and the
plan's actions by status."""

from django.template.response import TemplateResponse

from .. import permissions, selectors
from ..models import DEFAULT_RATING_SCALE, Action
from .common import trail


def _chart(entries: list[dict], scale: list[str]) -> dict:
    """Stacked horizontal bars, one per pillar: geometry for the SVG template."""
    bar_width = 300
    rows = []
    for index, entry in enumerate(entries):
        x = 0
        segments = []
        total = entry["total"] or 1
        for level, label in enumerate(scale):
            count = entry["counts"].get(label, 0)
            width = round(bar_width * count / total, 1)
            if count:
                segments.append(
                    {
                        "x": x,
                        "width": width,
                        "level": level,
                        "count": count,
                        "label": label,
                    }
                )
            x += width
        if entry["unrated"]:
            segments.append(
                {
                    "x": x,
                    "width": round(bar_width * entry["unrated"] / total, 1),
                    "level": "unrated",
                    "count": entry["unrated"],
                    "label": "Not rated",
                }
            )
        rows.append(
            {
                "theme": entry["theme"],
                "y": index * 34,
                "text_y": index * 34 + 17,
                "segments": segments,
                "counts": [entry["counts"].get(label, 0) for label in scale],
                "unrated": entry["unrated"],
                "total": entry["total"],
            }
        )
    return {
        "rows": rows,
        "height": max(len(rows) * 34, 34),
        "scale": scale,
        "legend": [{"level": i, "label": label} for i, label in enumerate(scale)],
    }


def dashboard(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    previous = selectors.previous_assessment(assessment)
    if previous is not None and not selectors.user_can_see_assessment(
        request.user, previous
    ):
        previous = None
    actions = selectors.action_list_for(assessment)
    by_status = []
    for value, label in Action.Status.choices:
        items = [a for a in actions if a.status == value]
        by_status.append({"status": value, "label": label, "actions": items})
    return TemplateResponse(
        request,
        "assessments/dashboard.html",
        {
            "assessment": assessment,
            "previous": previous,
            "chart": _chart(
                selectors.ratings_by_pillar(assessment), DEFAULT_RATING_SCALE
            ),
            "previous_chart": _chart(
                selectors.ratings_by_pillar(previous), DEFAULT_RATING_SCALE
            )
            if previous
            else None,
            "by_status": by_status,
            "overdue_count": sum(1 for a in actions if a.is_overdue),
            "trail": trail(assessment),
        },
    )

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.usage import UsageGroup, UsageOut
from parley.services import usage as svc

router = APIRouter(prefix="/api/usage", tags=["usage"])


@router.get(
    "",
    response_model=UsageOut,
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}},
)
async def get_usage(
    ctx: Ctx,
    user: CurrentUser,
    start: Annotated[
        date | None, Query(alias="from", description="Default: 29 days before to.")
    ] = None,
    end: Annotated[date | None, Query(alias="to", description="Default: today (UTC).")] = None,
    group_by: UsageGroup = "day",
    format: Literal["json", "csv"] = "json",
) -> UsageOut | Response:
    """Tokens and cost of my answers from `from` to `to` (UTC days, inclusive)."""
    report = await svc.usage(ctx, user.id, start=start, end=end, group_by=group_by)
    if format == "csv":
        name = f"parley-usage-{report.start}-{report.end}-by-{group_by}.csv"
        return Response(
            svc.usage_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return report

from __future__ import annotations

from fastapi import APIRouter

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.settings import UpdateUserSettings, UserSettingsOut
from parley.services import user_settings as svc

router = APIRouter(prefix="/api/settings", tags=["settings"])


@router.get("", response_model=UserSettingsOut)
async def get_settings(ctx: Ctx, user: CurrentUser) -> UserSettingsOut:
    """Every setting, with its default where the person has not changed it."""
    return await svc.get_settings(ctx, user.id)


@router.patch("", response_model=UserSettingsOut)
async def update_settings(data: UpdateUserSettings, ctx: Ctx, user: CurrentUser) -> UserSettingsOut:
    """Change some settings (null puts one back to its default); answers all of them."""
    return await svc.update_settings(ctx, user.id, data)

from __future__ import annotations

from fastapi import APIRouter

from parley import __version__
from parley.api.deps import Ctx, CurrentUser
from parley.schemas.models import Health, ModelList, ModelOut
from parley.services.models import list_models

router = APIRouter(prefix="/api", tags=["models"])


@router.get("/health", response_model=Health)
async def health() -> Health:
    return Health(status="ok", version=__version__)


@router.get("/models", response_model=ModelList)
async def models(ctx: Ctx, _user: CurrentUser) -> ModelList:
    infos, default = await list_models(ctx)
    return ModelList(models=[ModelOut.model_validate(m) for m in infos], default_model=default)

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response

from parley.api.deps import Ctx, CurrentUser
from parley.api.downloads import file_response, safe_headers
from parley.sandbox import INLINE_IMAGE_TYPES
from parley.schemas.executions import SandboxInfo
from parley.services import executions

router = APIRouter(tags=["executions"])


@router.get("/api/sandbox", response_model=SandboxInfo)
async def sandbox_info(ctx: Ctx, _user: CurrentUser) -> SandboxInfo:
    reason = await asyncio.to_thread(ctx.sandbox.check)
    return SandboxInfo(
        available=reason is None,
        default_permission_mode=ctx.settings.default_permission_mode,
        reason=reason,
        languages=list(ctx.sandbox.languages()) if reason is None else [],
        limits=executions.sandbox_limits(ctx),
    )


@router.get("/api/executions/{execution_id}/files/{file_id}", response_class=Response)
async def download_file(execution_id: str, file_id: str, ctx: Ctx, user: CurrentUser) -> Response:
    file, sha256 = await executions.execution_file(ctx, user.id, execution_id, file_id)
    inline = file.mime_type in INLINE_IMAGE_TYPES
    name = file.name.rsplit("/", 1)[-1]
    if sha256 is not None:
        # whatever the code wrote, the browser must not run it as a page of this origin
        return await file_response(ctx.storage, sha256, name, file.mime_type, inline=inline)
    return Response(
        file.data,
        media_type=file.mime_type if inline else "application/octet-stream",
        headers=safe_headers(name, inline),
    )

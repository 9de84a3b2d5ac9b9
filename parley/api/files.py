from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from parley.api.deps import Ctx, CurrentUser
from parley.api.downloads import file_response
from parley.api.uploads import receive_upload
from parley.schemas.files import FileLimits, FileOut, FilePage, FileText
from parley.services import files as svc

router = APIRouter(tags=["files"])

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


@router.post(
    "/api/files",
    status_code=status.HTTP_201_CREATED,
    response_model=FileOut,
    openapi_extra=UPLOAD_BODY,
    responses={
        413: {"description": "The file, or the caller's storage, is over its limit."},
        422: {"description": "Refused by content (a program, an archive, a bomb) or malformed."},
    },
)
async def upload_file(request: Request, ctx: Ctx, user: CurrentUser) -> FileOut:
    """Upload one file (multipart field `file`). Its type comes from its bytes; text for models
    is extracted once, here. The body is streamed to storage, never held in memory."""
    received = await receive_upload(ctx, user.id, request)
    return svc.file_out(await svc.store_upload(ctx, user.id, received))


@router.get("/api/files", response_model=FilePage)
async def list_files(
    ctx: Ctx,
    user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[str | None, Query(max_length=200)] = None,
) -> FilePage:
    rows, cursor = await svc.list_files(ctx, user.id, limit=limit, before=before)
    return FilePage(items=[svc.file_out(row) for row in rows], next_cursor=cursor)


@router.get("/api/conversations/{conversation_id}/files", response_model=FilePage)
async def list_conversation_files(conversation_id: str, ctx: Ctx, user: CurrentUser) -> FilePage:
    rows = await svc.list_conversation_files(ctx, user.id, conversation_id)
    return FilePage(items=[svc.file_out(row) for row in rows], next_cursor=None)


@router.get("/api/files/limits", response_model=FileLimits)
async def file_limits(ctx: Ctx, user: CurrentUser) -> FileLimits:
    return await svc.file_limits(ctx, user.id)


@router.get("/api/files/{file_id}", response_model=FileOut)
async def get_file(file_id: str, ctx: Ctx, user: CurrentUser) -> FileOut:
    return svc.file_out(await svc.get_file(ctx, user.id, file_id))


@router.get("/api/files/{file_id}/content", response_class=Response)
async def download_file(
    file_id: str,
    ctx: Ctx,
    user: CurrentUser,
    disposition: Annotated[str, Query(pattern="^(attachment|inline)$")] = "attachment",
) -> Response:
    """The bytes. `disposition=inline` shows raster images and PDFs in the browser (with a
    sandboxing CSP); every other type is always a download."""
    row = await svc.get_file(ctx, user.id, file_id)
    return await file_response(
        ctx.storage, row.sha256, row.name, row.media_type, inline=disposition == "inline"
    )


@router.get("/api/files/{file_id}/preview", response_class=Response)
async def file_preview(file_id: str, ctx: Ctx, user: CurrentUser) -> Response:
    """A small WebP thumbnail (images, and a PDF's first page); 404 when the file has none."""
    row = await svc.get_file(ctx, user.id, file_id)
    key = svc.preview_key(row)
    return await file_response(ctx.storage, key, "preview.webp", "image/webp", inline=True)


@router.get("/api/files/{file_id}/text", response_model=FileText)
async def file_text(file_id: str, ctx: Ctx, user: CurrentUser) -> FileText:
    row = await svc.get_file(ctx, user.id, file_id, with_text=True)
    return svc.file_text(row)


@router.delete("/api/files/{file_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_file(file_id: str, ctx: Ctx, user: CurrentUser) -> Response:
    await svc.delete_file(ctx, user.id, file_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

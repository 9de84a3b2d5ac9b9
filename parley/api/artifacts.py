from __future__ import annotations

from fastapi import APIRouter, Response, status
from fastapi.responses import HTMLResponse, StreamingResponse

from parley.api.deps import Ctx, CurrentUser
from parley.api.runs import SSE_HEADERS
from parley.artifact_frame import not_found_page, published_page
from parley.schemas.artifacts import (
    ArtifactList,
    ArtifactOut,
    ArtifactVersionList,
    ArtifactVersionOut,
    EditArtifact,
    Publication,
)
from parley.schemas.executions import ExecuteArtifact, ExecutionList, ExecutionOut
from parley.services import artifacts as svc
from parley.services import executions

router = APIRouter(tags=["artifacts"])


@router.get("/api/conversations/{conversation_id}/artifacts", response_model=ArtifactList)
async def list_artifacts(conversation_id: str, ctx: Ctx, user: CurrentUser) -> ArtifactList:
    rows = await svc.list_artifacts(ctx, user.id, conversation_id)
    return ArtifactList(artifacts=[svc.artifact_out(row) for row in rows])


@router.get("/api/artifacts/{artifact_id}", response_model=ArtifactOut)
async def get_artifact(artifact_id: str, ctx: Ctx, user: CurrentUser) -> ArtifactOut:
    return svc.artifact_out(await svc.get_artifact(ctx, user.id, artifact_id))


@router.get("/api/artifacts/{artifact_id}/versions", response_model=ArtifactVersionList)
async def list_versions(artifact_id: str, ctx: Ctx, user: CurrentUser) -> ArtifactVersionList:
    rows = await svc.list_versions(ctx, user.id, artifact_id)
    return ArtifactVersionList(versions=[ArtifactVersionOut.model_validate(v) for v in rows])


@router.put("/api/artifacts/{artifact_id}", response_model=ArtifactOut)
async def edit_artifact(
    artifact_id: str, data: EditArtifact, ctx: Ctx, user: CurrentUser
) -> ArtifactOut:
    return svc.artifact_out(await svc.edit_artifact(ctx, user.id, artifact_id, data))


@router.delete("/api/artifacts/{artifact_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_artifact(artifact_id: str, ctx: Ctx, user: CurrentUser) -> Response:
    await svc.delete_artifact(ctx, user.id, artifact_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/api/artifacts/{artifact_id}/execute",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Server-sent events: `output` frames ({stream, text}) while the code "
            "runs, then one `result` frame whose data is an Execution.",
            "model": ExecutionOut,
            "content": {"text/event-stream": {}},
        }
    },
)
async def execute_artifact(
    artifact_id: str, data: ExecuteArtifact, ctx: Ctx, user: CurrentUser
) -> StreamingResponse:
    frames = await executions.execute_artifact(ctx, user.id, artifact_id, data)
    return StreamingResponse(frames, media_type="text/event-stream", headers=SSE_HEADERS)


@router.get("/api/artifacts/{artifact_id}/executions", response_model=ExecutionList)
async def list_executions(artifact_id: str, ctx: Ctx, user: CurrentUser) -> ExecutionList:
    return ExecutionList(executions=await executions.list_executions(ctx, user.id, artifact_id))


@router.post("/api/artifacts/{artifact_id}/publish", response_model=Publication)
async def publish_artifact(artifact_id: str, ctx: Ctx, user: CurrentUser) -> Publication:
    return Publication(public_url=await svc.publish_artifact(ctx, user.id, artifact_id))


@router.delete("/api/artifacts/{artifact_id}/publish", status_code=status.HTTP_204_NO_CONTENT)
async def unpublish_artifact(artifact_id: str, ctx: Ctx, user: CurrentUser) -> Response:
    await svc.unpublish_artifact(ctx, user.id, artifact_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/a/{token}", response_class=HTMLResponse, include_in_schema=False)
async def published_artifact(token: str, ctx: Ctx) -> HTMLResponse:
    """The read-only page of a published artifact; anyone with the link, no account."""
    try:
        artifact = await svc.published_artifact(ctx, token)
    except svc.ArtifactNotFound:
        return not_found_page()
    return published_page(artifact.model_dump())

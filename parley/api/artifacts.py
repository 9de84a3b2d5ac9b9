from __future__ import annotations

from fastapi import APIRouter, Response, status

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.artifacts import (
    ArtifactList,
    ArtifactOut,
    ArtifactVersionList,
    ArtifactVersionOut,
    EditArtifact,
    Publication,
)
from parley.services import artifacts as svc

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


@router.post("/api/artifacts/{artifact_id}/publish", response_model=Publication)
async def publish_artifact(artifact_id: str, ctx: Ctx, user: CurrentUser) -> Publication:
    return Publication(public_url=await svc.publish_artifact(ctx, user.id, artifact_id))


@router.delete("/api/artifacts/{artifact_id}/publish", status_code=status.HTTP_204_NO_CONTENT)
async def unpublish_artifact(artifact_id: str, ctx: Ctx, user: CurrentUser) -> Response:
    await svc.unpublish_artifact(ctx, user.id, artifact_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.projects import (
    CreateProject,
    KnowledgeFileList,
    KnowledgeFileOut,
    ProjectList,
    ProjectOut,
    ProjectSort,
    UpdateProject,
)
from parley.services import projects as svc

router = APIRouter(prefix="/api/projects", tags=["projects"])


@router.get("", response_model=ProjectList)
async def list_projects(
    ctx: Ctx,
    user: CurrentUser,
    archived: Annotated[
        bool | None, Query(description="false (default): active; true: archived; empty: all.")
    ] = False,
    q: Annotated[str | None, Query(max_length=200, description="Words of the name.")] = None,
    sort: ProjectSort = "activity",
) -> ProjectList:
    """My projects, pinned first, then by the latest activity (or name, or creation)."""
    return ProjectList(
        items=await svc.list_projects(ctx, user.id, archived=archived, query=q, sort=sort)
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ProjectOut)
async def create_project(data: CreateProject, ctx: Ctx, user: CurrentUser) -> ProjectOut:
    return await svc.create_project(ctx, user.id, data)


@router.get("/{project_id}", response_model=ProjectOut)
async def get_project(project_id: str, ctx: Ctx, user: CurrentUser) -> ProjectOut:
    return await svc.get_project(ctx, user.id, project_id)


@router.patch("/{project_id}", response_model=ProjectOut)
async def update_project(
    project_id: str, data: UpdateProject, ctx: Ctx, user: CurrentUser
) -> ProjectOut:
    return await svc.update_project(ctx, user.id, project_id, data)


@router.delete("/{project_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_project(project_id: str, ctx: Ctx, user: CurrentUser) -> None:
    """The project, its knowledge and its chats (the chats as a delete from the sidebar)."""
    await svc.delete_project(ctx, user.id, project_id)


@router.get("/{project_id}/files", response_model=KnowledgeFileList)
async def list_knowledge(project_id: str, ctx: Ctx, user: CurrentUser) -> KnowledgeFileList:
    """The knowledge files with their indexing status: poll while any is queued or indexing."""
    return KnowledgeFileList(items=await svc.list_knowledge(ctx, user.id, project_id))


@router.post(
    "/{project_id}/files/{file_id}",
    status_code=status.HTTP_201_CREATED,
    response_model=KnowledgeFileOut,
    responses={200: {"description": "The file was in the project's knowledge already."}},
)
async def add_knowledge(
    project_id: str, file_id: str, ctx: Ctx, user: CurrentUser, response: Response
) -> KnowledgeFileOut:
    """Add an uploaded file (POST /api/files) to the knowledge; indexing starts at once."""
    out, added = await svc.add_knowledge(ctx, user.id, project_id, file_id)
    if not added:
        response.status_code = status.HTTP_200_OK
    return out


@router.delete("/{project_id}/files/{file_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_knowledge(project_id: str, file_id: str, ctx: Ctx, user: CurrentUser) -> None:
    """Take the file out of the knowledge; a file uploaded for the project alone goes with it."""
    await svc.remove_knowledge(ctx, user.id, project_id, file_id)

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.search import MAX_LIMIT, MAX_QUERY_CHARS, SearchPage
from parley.services.search import search_conversations

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("", response_model=SearchPage)
async def search(
    ctx: Ctx,
    user: CurrentUser,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUERY_CHARS,
            description="Words to find in titles and messages; each also matches as a prefix.",
        ),
    ],
    project_id: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    cursor: Annotated[str | None, Query(max_length=300)] = None,
) -> SearchPage:
    return await search_conversations(
        ctx, user.id, q, project_id=project_id, limit=limit, cursor=cursor
    )

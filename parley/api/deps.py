"""FastAPI dependencies, as Annotated aliases so that route signatures read as prose."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from parley.db.models import User
from parley.security.tokens import SESSION_COOKIE
from parley.services import accounts
from parley.services.context import AppContext
from parley.services.errors import NotAuthenticated


async def get_context(request: Request) -> AppContext:
    # async so that FastAPI calls it in place; a plain def would cost a thread hop per request
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(get_context)]


async def get_current_user(request: Request, ctx: Ctx) -> User:
    token = request.cookies.get(SESSION_COOKIE)
    user = await accounts.user_for_session(ctx, token) if token else None
    if user is None:
        raise NotAuthenticated()
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]

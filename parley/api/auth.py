from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.auth import Login, Register, UserOut
from parley.security.tokens import SESSION_COOKIE
from parley.services import accounts

router = APIRouter(prefix="/api/auth", tags=["auth"])


def _set_session_cookie(response: Response, ctx: Ctx, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=ctx.settings.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=ctx.settings.secure_cookies,
        path="/",
    )


@router.post("/register", status_code=status.HTTP_201_CREATED, response_model=UserOut)
async def register(data: Register, response: Response, ctx: Ctx) -> UserOut:
    user, token = await accounts.register(ctx, data)
    _set_session_cookie(response, ctx, token)
    return UserOut.model_validate(user)


@router.post("/login", response_model=UserOut)
async def login(data: Login, request: Request, response: Response, ctx: Ctx) -> UserOut:
    client = request.client.host if request.client else "unknown"
    user, token = await accounts.login(ctx, data, client)
    _set_session_cookie(response, ctx, token)
    return UserOut.model_validate(user)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(request: Request, response: Response, ctx: Ctx) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await accounts.close_session(ctx, token)
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.get("/me", response_model=UserOut)
async def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)

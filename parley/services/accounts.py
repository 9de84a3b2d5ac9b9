"""Accounts and sign-in sessions."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parley.db.engine import Database
from parley.db.models import AuthSession, User, utcnow
from parley.schemas.auth import Login, Register
from parley.security.passwords import hash_password, verify_password
from parley.security.tokens import new_token, session_key
from parley.services.context import AppContext
from parley.services.errors import (
    EmailTaken,
    InvalidCredentials,
    SignupClosed,
    TooManyAttempts,
)


async def create_user(
    db: Database, email: str, password: str, name: str, *, is_admin: bool | None = None
) -> User:
    """Create an account; the first one on a server is its admin."""
    password_hash = await hash_password(password)

    def insert(session: Session) -> User:
        admin = is_admin
        if admin is None:
            admin = session.scalar(select(func.count()).select_from(User)) == 0
        user = User(email=email, name=name, password_hash=password_hash, is_admin=admin)
        session.add(user)
        session.flush()
        return user

    try:
        return await db.run_write(insert)
    except IntegrityError as error:
        raise EmailTaken() from error


async def register(ctx: AppContext, data: Register) -> tuple[User, str]:
    if not ctx.settings.allow_signup:
        async with ctx.db.read() as session:
            if await session.scalar(select(func.count()).select_from(User)):
                raise SignupClosed()
    async with ctx.db.read() as session:
        if await session.scalar(select(User.id).where(User.email == data.email)):
            raise EmailTaken()
    user = await create_user(ctx.db, data.email, data.password, data.name)
    return user, await open_session(ctx, user.id)


async def login(ctx: AppContext, data: Login, client: str) -> tuple[User, str]:
    keys = (f"ip:{client}", f"email:{data.email}")
    wait = ctx.login_limiter.retry_after(*keys)
    if wait > 0:
        raise TooManyAttempts(wait)
    async with ctx.db.read() as session:
        user = await session.scalar(select(User).where(User.email == data.email))
    if not await verify_password(user.password_hash if user else None, data.password) or not user:
        ctx.login_limiter.record_failure(*keys)
        raise InvalidCredentials()
    ctx.login_limiter.reset(f"email:{data.email}")
    return user, await open_session(ctx, user.id)


async def open_session(ctx: AppContext, user_id: str) -> str:
    token = new_token()
    row = AuthSession(
        id=session_key(token),
        user_id=user_id,
        expires_at=utcnow() + timedelta(days=ctx.settings.session_days),
    )
    await ctx.db.run_write(lambda session: session.add(row))
    return token


async def close_session(ctx: AppContext, token: str) -> None:
    key = session_key(token)
    ctx.session_users.pop(key)
    await ctx.db.run_write(
        lambda session: session.execute(delete(AuthSession).where(AuthSession.id == key))
    )


async def user_for_session(ctx: AppContext, token: str) -> User | None:
    key = session_key(token)
    cached = ctx.session_users.get(key)
    if cached is not None:
        return cached
    async with ctx.db.read() as session:
        row = (
            await session.execute(
                select(User, AuthSession.expires_at)
                .join(AuthSession, AuthSession.user_id == User.id)
                .where(AuthSession.id == key, AuthSession.expires_at > utcnow())
            )
        ).first()
    if row is None:
        return None
    user, expires_at = row
    ctx.session_users.put(key, user, ttl=(expires_at - utcnow()).total_seconds())
    return user

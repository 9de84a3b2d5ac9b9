"""Shared fixtures: the loopback fake LLM, and a real Parley server on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import uvicorn

from parley.app import create_app
from parley.config import Settings
from parley.db.migrate import upgrade_to_head_async
from tests.fakes.llm_server import LLMFake

PG_ADMIN_DSN = os.environ.get("PARLEY_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("PARLEY_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def llm() -> Iterator[LLMFake]:
    with LLMFake() as fake:
        yield fake


@pytest.fixture(autouse=True)
def _fresh_llm_script(request: pytest.FixtureRequest) -> None:
    if "llm" in request.fixturenames:
        request.getfixturevalue("llm").reset()


@contextlib.asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """A throwaway database on the machine's PostgreSQL, dropped afterwards."""
    name = f"parley_test_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        admin = await asyncpg.connect(PG_ADMIN_DSN)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@dataclass
class RunningServer:
    url: str
    settings: Settings
    app: Any


@contextlib.asynccontextmanager
async def serve(settings: Settings) -> AsyncIterator[RunningServer]:
    """Parley on a real loopback port inside the test's event loop."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    await upgrade_to_head_async(settings.resolved_database_url)
    app = create_app(settings)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=settings.port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield RunningServer(f"http://127.0.0.1:{settings.port}", settings, app)
    finally:
        server.should_exit = True
        await task


def server_settings(tmp: Path, llm: LLMFake, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp,
        "port": free_port(),
        "anthropic_api_key": "test-key",
        "anthropic_base_url": llm.anthropic_url,
        "checkpoint_seconds": 0.2,
        "provider_max_retries": 2,
        "login_attempts_per_minute": 5,
        "max_message_chars": 20_000,
        "static_dir": tmp / "no-static",
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
async def server(
    request: pytest.FixtureRequest, llm: LLMFake, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    tmp = tmp_path_factory.mktemp(f"parley-{request.param}")
    if request.param == "sqlite":
        async with serve(server_settings(tmp, llm)) as running:
            yield running
    else:
        async with (
            postgres_database() as url,
            serve(server_settings(tmp, llm, database_url=url)) as running,
        ):
            yield running


class ApiClient(httpx.AsyncClient):
    """httpx with Parley's CSRF double-submit handled the way the web client does it."""

    async def prime(self) -> None:
        await self.get("/api/health")

    async def request(self, method: str, url: Any, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        token = self.cookies.get("parley_csrf")
        if method.upper() not in ("GET", "HEAD", "OPTIONS") and token:
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRF-Token", token)
            kwargs["headers"] = headers
        return await super().request(method, url, **kwargs)

    async def sign_up(
        self, email: str | None = None, password: str = "correct horse"
    ) -> dict[str, Any]:
        await self.prime()
        email = email or f"u{secrets.token_hex(6)}@example.com"
        response = await self.post(
            "/api/auth/register", json={"email": email, "password": password, "name": "Test User"}
        )
        assert response.status_code == 201, response.text
        return dict(response.json())


@pytest.fixture
async def anon(server: RunningServer) -> AsyncIterator[ApiClient]:
    async with ApiClient(base_url=server.url, timeout=30) as client:
        await client.prime()
        yield client


@pytest.fixture
async def api(server: RunningServer) -> AsyncIterator[ApiClient]:
    """A signed-in client of a brand-new user."""
    async with ApiClient(base_url=server.url, timeout=30) as client:
        await client.sign_up()
        yield client

"""create_app(settings): wiring only."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI
from starlette.responses import Response

from parley import __version__
from parley.agent.turn import RetryPolicy
from parley.api import (
    artifacts,
    auth,
    conversations,
    executions,
    files,
    messages,
    models,
    projects,
    runs,
    search,
)
from parley.api import settings as settings_api
from parley.api import usage as usage_api
from parley.api.errors import install_error_handlers
from parley.artifact_frame import register_artifact_frame
from parley.config import Settings
from parley.db.engine import Database
from parley.db.migrate import HEAD_REVISION, DatabaseNotMigrated
from parley.providers.registry import ProviderRegistry
from parley.runs.checkpoints import Checkpointer
from parley.runs.eventlog import EventLog
from parley.runs.memory import MemoryEventLog
from parley.runs.persistence import interrupt_orphaned_runs
from parley.runs.registry import RunRegistry
from parley.sandbox import Sandbox
from parley.security.csrf import CSRFMiddleware
from parley.security.ratelimit import FailureLimiter
from parley.security.session_cache import TTLCache
from parley.services.context import AppContext
from parley.services.files import sweep_orphans_forever
from parley.services.knowledge import index_forever
from parley.services.organising import purge_deleted_forever
from parley.storage import blob_store_from_settings
from parley.web import HashedAssets, SpaFallback

log = logging.getLogger("parley")

BUNDLED_STATIC = Path(__file__).parent / "static"


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url)
    revision = await db.schema_revision()
    if revision != HEAD_REVISION:
        await db.dispose()
        raise DatabaseNotMigrated(revision)
    redis = None
    events: EventLog
    if settings.redis_url:
        from redis.asyncio import Redis

        from parley.runs.redis import RedisEventLog

        redis = Redis.from_url(settings.redis_url)
        events = RedisEventLog(redis, batch_seconds=settings.stream_batch_ms / 1000)
    else:
        events = MemoryEventLog(batch_seconds=settings.stream_batch_ms / 1000)
    runs_registry = RunRegistry(redis)
    await runs_registry.start_background()
    interrupted = await interrupt_orphaned_runs(db, await runs_registry.live_instances())
    if interrupted:
        log.warning(
            "marked %d answer(s) left streaming by a stopped server as interrupted", interrupted
        )
    checkpoints = Checkpointer(db, settings.checkpoint_seconds)
    sandbox = Sandbox.from_settings(settings)
    # the probe starts a sandbox once (~50 ms); do it off the event loop, before anyone asks
    probe = asyncio.get_running_loop().run_in_executor(None, sandbox.check)
    providers = ProviderRegistry(settings)
    # Importing an SDK takes over a second of CPU; begin once the server is listening so it does
    # not slow the first health check. A request that needs models starts it at once.
    settle = _settle_heap if app.state.settle_heap else None

    def start_loading() -> None:
        loading = providers.start_loading()
        if settle is not None:
            loading.add_done_callback(settle)

    asyncio.get_running_loop().call_later(0.5, start_loading)
    app.state.ctx = AppContext(
        settings=settings,
        db=db,
        providers=providers,
        events=events,
        checkpoints=checkpoints,
        runs=runs_registry,
        login_limiter=FailureLimiter(settings.login_attempts_per_minute),
        retry=RetryPolicy(max_retries=settings.provider_max_retries),
        session_users=TTLCache(ttl=10.0),
        sandbox=sandbox,
        storage=blob_store_from_settings(settings),
    )
    sweeping = asyncio.ensure_future(sweep_orphans_forever(app.state.ctx))
    purging = asyncio.ensure_future(purge_deleted_forever(app.state.ctx))
    indexing = asyncio.ensure_future(index_forever(app.state.ctx))
    try:
        yield
    finally:
        sweeping.cancel()
        purging.cancel()
        indexing.cancel()
        await asyncio.gather(probe, sweeping, purging, indexing, return_exceptions=True)
        await runs_registry.shutdown()
        await checkpoints.aclose()
        await events.aclose()
        await providers.aclose()
        if redis is not None:
            await redis.aclose()
        await db.dispose()


def _settle_heap(_loaded: object) -> None:
    """Collect start-up's garbage, then move what start-up built (modules, the SDKs' types,
    schemas: most of the heap) out of the garbage collector's sight.

    Those objects live as long as the process, yet every full collection walks all of them again:
    a 140 ms pause of the event loop, and so of every stream, at this heap's size. Frozen, they
    are never scanned; what requests allocate is collected as before. At 100 simultaneous
    conversations the server's CPU went from 15.0-15.4 to 11.5-12.5 ms per conversation
    (bench/concurrency.py, docs/PERFORMANCE.md).
    """
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None, *, settle_heap: bool = False) -> FastAPI:
    """The app. `settle_heap` (the `serve` command's) freezes the start-up heap once the providers
    have loaded; not for an app of many in one process, as tests make them."""
    settings = settings or Settings()
    app = FastAPI(
        title="Parley",
        version=__version__,
        lifespan=_lifespan,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.settle_heap = settle_heap
    install_error_handlers(app)
    for router in (
        auth.router,
        models.router,
        conversations.router,
        messages.router,
        runs.router,
        artifacts.router,
        executions.router,
        files.router,
        search.router,
        projects.router,
        settings_api.router,
        usage_api.router,
    ):
        app.include_router(router)
    register_artifact_frame(app, settings.static_dir or BUNDLED_STATIC)
    _mount_web_client(app, settings.static_dir or BUNDLED_STATIC)
    app.add_middleware(CSRFMiddleware, secure=settings.secure_cookies)
    return app


def _mount_web_client(app: FastAPI, directory: Path) -> None:
    assets = directory / "assets"
    if assets.is_dir():
        app.mount("/assets", HashedAssets(directory=assets), name="assets")
    fallback = SpaFallback(directory)

    async def web_client(path: str) -> Response:
        return await fallback(path)

    app.add_api_route("/{path:path}", web_client, methods=["GET"], include_in_schema=False)

"""Everything a use case needs, built once by the app's lifespan and hung on app.state."""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.agent.turn import RetryPolicy
from parley.config import Settings
from parley.db.engine import Database
from parley.db.models import User
from parley.knowledge.runtime import KnowledgeRuntime
from parley.providers.registry import ProviderRegistry
from parley.runs.checkpoints import Checkpointer
from parley.runs.eventlog import EventLog
from parley.runs.registry import RunRegistry
from parley.sandbox import Sandbox
from parley.security.ratelimit import FailureLimiter
from parley.security.session_cache import TTLCache
from parley.storage import BlobStore


@dataclass
class AppContext:
    settings: Settings
    db: Database
    providers: ProviderRegistry
    events: EventLog
    checkpoints: Checkpointer
    runs: RunRegistry
    login_limiter: FailureLimiter
    retry: RetryPolicy
    session_users: TTLCache[User]
    sandbox: Sandbox
    storage: BlobStore
    knowledge: KnowledgeRuntime = field(default_factory=KnowledgeRuntime)

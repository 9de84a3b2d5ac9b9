"""Which backends are configured, which models they serve, and which backend serves a model."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from parley.config import Settings
from parley.providers import catalog
from parley.providers.base import ModelInfo, Provider, ProviderError, ProviderName

_log = logging.getLogger(__name__)

LIST_TIMEOUT_SECONDS = 5.0
# Model ids that name their backend even when its list does not include them (yet).
_ID_PREFIXES: tuple[tuple[str, ProviderName], ...] = (
    (catalog.OPENAI_PREFIX, "openai"),
    ("local/", "local"),
    ("claude-", "anthropic"),
)


class ModelNotFound(LookupError):
    """No configured backend serves this model."""

    def __init__(self, model_id: str, message: str | None = None) -> None:
        self.model_id = model_id
        super().__init__(message or f"The model {model_id!r} is not available on this server.")


class ProviderRegistry:
    def __init__(
        self,
        settings: Settings,
        providers: Sequence[Provider] = (),
        *,
        list_timeout_seconds: float = LIST_TIMEOUT_SECONDS,
    ) -> None:
        self._settings = settings
        self._providers: dict[ProviderName, Provider] = {p.name: p for p in providers}
        self._list_timeout = list_timeout_seconds
        self._models: dict[str, tuple[ModelInfo, Provider]] = {}
        self._refresh_lock = asyncio.Lock()
        self._ready = asyncio.Event()
        self._loading: asyncio.Task[None] | None = None
        self._refreshing: asyncio.Task[None] | None = None

    @classmethod
    async def create(
        cls, settings: Settings, *, list_timeout_seconds: float = LIST_TIMEOUT_SECONDS
    ) -> ProviderRegistry:
        """Build the configured backends and load their model lists; never fails on a list."""
        registry = cls(settings, list_timeout_seconds=list_timeout_seconds)
        await registry.start_loading()
        return registry

    async def load(self) -> None:
        """Construct the backends and list their models.

        The SDKs take over a second to import, so this runs in a thread and the server can answer
        health checks meanwhile; callers that need models await `wait_ready()`.
        """
        try:
            built = await asyncio.to_thread(build_providers, self._settings)
            self._providers = {p.name: p for p in built}
            await self.refresh()
            interval = self._settings.models_refresh_seconds
            if interval > 0 and self._providers:
                self._refreshing = asyncio.create_task(self._refresh_every(interval))
        finally:
            self._ready.set()

    async def _refresh_every(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await self.refresh()
            except Exception:  # noqa: BLE001 - a failed round must not end the refreshing
                _log.exception("Reading the model lists again failed")

    def start_loading(self) -> asyncio.Task[None]:
        """Begin `load()` in the background, once."""
        if self._loading is None:
            self._loading = asyncio.create_task(self.load())
        return self._loading

    async def wait_ready(self) -> None:
        self.start_loading()
        await self._ready.wait()

    def __repr__(self) -> str:
        return f"ProviderRegistry(providers={list(self._providers)}, models={len(self._models)})"

    @property
    def providers(self) -> list[Provider]:
        return list(self._providers.values())

    def models(self) -> list[ModelInfo]:
        return [info for info, _ in self._models.values()]

    def get_model(self, model_id: str) -> ModelInfo | None:
        entry = self._models.get(model_id)
        return entry[0] if entry else None

    def provider_for(self, model_id: str) -> Provider:
        entry = self._models.get(model_id)
        if entry is not None:
            return entry[1]
        for prefix, name in _ID_PREFIXES:
            if model_id.startswith(prefix) and name in self._providers:
                return self._providers[name]
        raise ModelNotFound(model_id)

    @property
    def default_model(self) -> str:
        wanted = self._settings.default_model
        if wanted and wanted in self._models:
            return wanted
        by_provider = self.models()
        if "anthropic" in self._providers:
            claude = [info.id for info in by_provider if info.provider == "anthropic"]
            if catalog.CLAUDE_SONNET_4_5 in claude or not claude:
                return catalog.CLAUDE_SONNET_4_5
            # Sonnet 4.5 retired: the newest Sonnet the API lists (it lists newest first)
            return next((i for i in claude if i.startswith("claude-sonnet")), claude[0])
        for info in by_provider:
            if info.provider == "local":
                return info.id
        if by_provider:
            return by_provider[0].id
        raise ModelNotFound(
            wanted or "",
            "No model is available: set ANTHROPIC_API_KEY or OPENAI_BASE_URL, "
            "or install the local model.",
        )

    async def refresh(self) -> None:
        """Reload every backend's model list at once; a failing one keeps what it had."""
        async with self._refresh_lock:
            providers = self.providers
            lists = await asyncio.gather(*(self._list(p) for p in providers))
            models: dict[str, tuple[ModelInfo, Provider]] = {}
            for provider, infos in zip(providers, lists, strict=True):
                for info in infos:
                    models.setdefault(info.id, (info, provider))
            self._models = models

    async def aclose(self) -> None:
        if self._loading is not None:
            await asyncio.gather(self._loading, return_exceptions=True)
        if self._refreshing is not None:
            self._refreshing.cancel()
            await asyncio.gather(self._refreshing, return_exceptions=True)
        for provider in self.providers:
            try:
                await provider.aclose()
            except (ProviderError, OSError) as exc:
                _log.warning("Closing the %s provider failed: %s", provider.name, exc)

    async def _list(self, provider: Provider) -> list[ModelInfo]:
        try:
            async with asyncio.timeout(self._list_timeout):
                return await provider.list_models()
        except (ProviderError, TimeoutError, OSError) as exc:
            reason = str(exc) or f"no answer within {self._list_timeout:g} s"
            fallback = self._fallback(provider)
            _log.warning(
                "Could not list the %s models (%s); offering %d known model(s) instead.",
                provider.name,
                reason,
                len(fallback),
            )
            return fallback

    def _fallback(self, provider: Provider) -> list[ModelInfo]:
        previous = [info for info, owner in self._models.values() if owner is provider]
        if previous:
            return previous
        if provider.name == "anthropic":
            return list(catalog.ANTHROPIC_MODELS)
        return []


def build_providers(settings: Settings) -> list[Provider]:
    """The configured backends; each SDK is imported only when its backend is configured."""
    providers: list[Provider] = []
    if settings.anthropic_api_key is not None and settings.anthropic_api_key.get_secret_value():
        from parley.providers.anthropic import AnthropicProvider

        providers.append(AnthropicProvider.from_settings(settings))
    if settings.openai_base_url:
        from parley.providers.openai_compat import OpenAICompatProvider

        providers.append(OpenAICompatProvider.from_settings(settings))
    local = _local_provider(settings)
    if local is not None:
        providers.append(local)
    return providers


def _local_provider(settings: Settings) -> Provider | None:
    try:
        from parley.providers.local import LocalProvider
    except ImportError:
        return None
    if not LocalProvider.available(settings):
        return None
    return LocalProvider.from_settings(settings)

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from parley.providers import catalog
from parley.providers.base import (
    GenerationRequest,
    ModelInfo,
    ProviderEvent,
    ProviderName,
    StreamEnd,
)
from parley.providers.registry import ModelNotFound, ProviderRegistry
from tests.fakes.llm_server import LLMFake
from tests.unit.providers.conftest import API_KEY
from tests.unit.providers.streams import collect, request, text_of


@pytest.fixture(autouse=True)
def without_local_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedded model may be installed here; these tests are about the others."""
    from parley.providers import local

    monkeypatch.setattr(local.LocalProvider, "available", staticmethod(lambda _settings: False))


class StubProvider:
    """A backend with a fixed model list, standing in for the embedded model."""

    def __init__(self, name: ProviderName, model_ids: list[str]) -> None:
        self.name = name
        self.model_ids = model_ids
        self.closed = False

    async def list_models(self) -> list[ModelInfo]:
        return [ModelInfo(m, m, self.name, 8192, 1024) for m in self.model_ids]

    async def stream(self, request: GenerationRequest) -> AsyncIterator[ProviderEvent]:
        yield StreamEnd("end_turn")

    async def aclose(self) -> None:
        self.closed = True


def fake_settings(make_settings: Any, fake: LLMFake, **values: Any) -> Any:
    return make_settings(
        ANTHROPIC_API_KEY=API_KEY,
        ANTHROPIC_BASE_URL=fake.anthropic_url,
        OPENAI_BASE_URL=fake.openai_url,
        **values,
    )


async def test_create_lists_every_backend_and_routes_models(
    fake: LLMFake, make_settings: Any
) -> None:
    registry = await ProviderRegistry.create(fake_settings(make_settings, fake))
    try:
        ids = [m.id for m in registry.models()]
        assert ids[:4] == [
            catalog.CLAUDE_SONNET_4_5,
            catalog.CLAUDE_HAIKU_4_5,
            catalog.CLAUDE_OPUS_4_1,
            "claude-future-9",
        ]
        assert ids[4:] == ["openai/llama3.2:3b", "openai/qwen2.5:7b"]
        assert registry.provider_for(catalog.CLAUDE_HAIKU_4_5).name == "anthropic"
        assert registry.provider_for("openai/qwen2.5:7b").name == "openai"
        assert registry.get_model("claude-future-9") is not None
        assert registry.get_model("gpt-nope") is None
        assert registry.default_model == catalog.CLAUDE_SONNET_4_5

        fake.push({"text": ["routed"]})
        provider = registry.provider_for("openai/llama3.2:3b")
        events, _ = await collect(provider.stream(request("openai/llama3.2:3b")))
        assert text_of(events) == "routed"
    finally:
        await registry.aclose()


async def test_the_default_follows_the_api_once_sonnet_4_5_is_retired(
    fake: LLMFake, make_settings: Any
) -> None:
    fake.models.anthropic = [
        {"id": "claude-opus-4-7", "display_name": "Claude Opus 4.7"},
        {"id": "claude-sonnet-4-6", "display_name": "Claude Sonnet 4.6"},
        {"id": "claude-sonnet-4-5-20250929", "display_name": "Sonnet 4.5", "lifecycle": "retired"},
        {"id": "claude-haiku-4-5-20251001", "display_name": "Claude Haiku 4.5"},
    ]
    registry = await ProviderRegistry.create(fake_settings(make_settings, fake))
    try:
        assert registry.get_model(catalog.CLAUDE_SONNET_4_5) is None
        assert registry.default_model == "claude-sonnet-4-6"
    finally:
        await registry.aclose()


async def test_model_lists_are_read_again_while_the_server_runs(
    fake: LLMFake, make_settings: Any
) -> None:
    settings = fake_settings(make_settings, fake, models_refresh_seconds=0.05)
    registry = await ProviderRegistry.create(settings)
    try:
        assert registry.default_model == catalog.CLAUDE_SONNET_4_5
        fake.models.anthropic = [
            {"id": "claude-sonnet-4-6", "display_name": "Claude Sonnet 4.6"},
            {"id": catalog.CLAUDE_HAIKU_4_5, "display_name": "Claude Haiku 4.5"},
        ]
        for _ in range(100):
            if registry.get_model("claude-sonnet-4-6") is not None:
                break
            await asyncio.sleep(0.02)
        assert registry.get_model(catalog.CLAUDE_SONNET_4_5) is None
        assert registry.default_model == "claude-sonnet-4-6"
    finally:
        await registry.aclose()


async def test_unknown_model_raises_model_not_found(fake: LLMFake, make_settings: Any) -> None:
    registry = await ProviderRegistry.create(make_settings(OPENAI_BASE_URL=fake.openai_url))
    try:
        with pytest.raises(ModelNotFound) as caught:
            registry.provider_for("claude-sonnet-4-5-20250929")
        assert "claude-sonnet-4-5-20250929" in str(caught.value)
        # A server may load models on demand, so its prefix is enough to route.
        assert registry.provider_for("openai/not-listed-yet").name == "openai"
    finally:
        await registry.aclose()


async def test_failing_model_lists_do_not_stop_start_up(
    fake: LLMFake, make_settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    fake.models.status = 500
    caplog.set_level(logging.WARNING, logger="parley.providers.registry")

    registry = await ProviderRegistry.create(fake_settings(make_settings, fake))
    try:
        ids = [m.id for m in registry.models()]
        assert ids == [m.id for m in catalog.ANTHROPIC_MODELS]
        assert registry.default_model == catalog.CLAUDE_SONNET_4_5
        assert "Could not list the anthropic models" in caplog.text
        assert "Could not list the openai models" in caplog.text
        assert API_KEY not in caplog.text
    finally:
        await registry.aclose()


async def test_a_hanging_model_list_is_cut_short(fake: LLMFake, make_settings: Any) -> None:
    fake.models.delay_ms = 5_000

    started = time.monotonic()
    registry = await ProviderRegistry.create(
        fake_settings(make_settings, fake), list_timeout_seconds=0.2
    )
    try:
        assert time.monotonic() - started < 2
        assert len(registry.models()) == len(catalog.ANTHROPIC_MODELS)
    finally:
        await registry.aclose()


async def test_refresh_keeps_the_last_good_list(fake: LLMFake, make_settings: Any) -> None:
    registry = await ProviderRegistry.create(make_settings(OPENAI_BASE_URL=fake.openai_url))
    try:
        fake.models.status = 503
        await registry.refresh()
        assert [m.id for m in registry.models()] == ["openai/llama3.2:3b", "openai/qwen2.5:7b"]
        fake.models.status = None
        fake.models.openai = ["mistral:7b"]
        await registry.refresh()
        assert [m.id for m in registry.models()] == ["openai/mistral:7b"]
    finally:
        await registry.aclose()


async def test_configured_default_wins_when_known(fake: LLMFake, make_settings: Any) -> None:
    settings = fake_settings(make_settings, fake, default_model="openai/qwen2.5:7b")
    registry = await ProviderRegistry.create(settings)
    try:
        assert registry.default_model == "openai/qwen2.5:7b"
    finally:
        await registry.aclose()


async def test_unknown_configured_default_falls_back_to_sonnet(
    fake: LLMFake, make_settings: Any
) -> None:
    settings = fake_settings(make_settings, fake, default_model="gpt-9")
    registry = await ProviderRegistry.create(settings)
    try:
        assert registry.default_model == catalog.CLAUDE_SONNET_4_5
    finally:
        await registry.aclose()


async def test_without_anthropic_the_local_model_is_the_default(make_settings: Any) -> None:
    registry = ProviderRegistry(
        make_settings(),
        [StubProvider("openai", ["openai/a"]), StubProvider("local", ["local/qwen"])],
    )
    await registry.refresh()

    assert registry.default_model == "local/qwen"


async def test_otherwise_the_first_model_is_the_default(make_settings: Any) -> None:
    registry = ProviderRegistry(make_settings(), [StubProvider("openai", ["openai/a", "openai/b"])])
    await registry.refresh()

    assert registry.default_model == "openai/a"


async def test_no_model_at_all_is_explained(make_settings: Any) -> None:
    registry = await ProviderRegistry.create(make_settings())

    assert registry.models() == []
    with pytest.raises(ModelNotFound, match="No model is available"):
        _ = registry.default_model
    await registry.aclose()


async def test_aclose_closes_every_provider(make_settings: Any) -> None:
    stubs = [StubProvider("openai", ["openai/a"]), StubProvider("local", ["local/b"])]
    registry = ProviderRegistry(make_settings(), stubs)

    await registry.aclose()

    assert all(stub.closed for stub in stubs)
    assert "test" not in repr(registry)


async def test_create_adds_the_local_model_when_it_can_run(
    make_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parley.providers import local

    stub = StubProvider("local", ["local/tiny"])
    monkeypatch.setattr(local.LocalProvider, "available", staticmethod(lambda _settings: True))
    monkeypatch.setattr(local.LocalProvider, "from_settings", classmethod(lambda _cls, _s: stub))

    registry = await ProviderRegistry.create(make_settings())

    assert [m.id for m in registry.models()] == ["local/tiny"]
    assert registry.provider_for("local/tiny") is stub
    assert registry.default_model == "local/tiny"
    await registry.aclose()

"""Both SDKs stream through their aiohttp transport (half the CPU per answer of their httpx2
default, docs/PERFORMANCE.md); it must still honour a proxy set in the environment."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from parley.providers import catalog
from parley.providers.anthropic import AnthropicProvider
from parley.providers.openai_compat import OpenAICompatProvider
from tests.fakes.llm_server import LLMFake
from tests.unit.providers.conftest import API_KEY
from tests.unit.providers.streams import collect, request, text_of

PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


class RecordingProxy:
    """An HTTP proxy that notes each request line and answers 503, as a proxy that can't reach
    the upstream does."""

    def __init__(self) -> None:
        self.request_lines: list[str] = []
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> str:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def __aexit__(self, *_exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        line = await reader.readline()
        self.request_lines.append(line.decode("latin-1").strip())
        writer.write(
            b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
            b"content-length: 2\r\nconnection: close\r\n\r\n{}"
        )
        await writer.drain()
        writer.close()


@pytest.fixture
async def proxy(no_proxy_env: pytest.MonkeyPatch) -> AsyncIterator[RecordingProxy]:
    recorder = RecordingProxy()
    async with recorder as url:
        no_proxy_env.setenv("HTTP_PROXY", url)
        yield recorder


async def test_anthropic_goes_through_a_configured_proxy(proxy: RecordingProxy) -> None:
    provider = AnthropicProvider(API_KEY, base_url="http://claude.upstream.invalid")
    try:
        _, error = await collect(provider.stream(request(catalog.CLAUDE_HAIKU_4_5)))
    finally:
        await provider.aclose()
    assert error is not None and error.status == 503
    assert proxy.request_lines == ["POST http://claude.upstream.invalid/v1/messages HTTP/1.1"]


async def test_openai_goes_through_a_configured_proxy(proxy: RecordingProxy) -> None:
    provider = OpenAICompatProvider("http://llm.upstream.invalid/v1")
    try:
        _, error = await collect(provider.stream(request("llama3")))
    finally:
        await provider.aclose()
    assert error is not None and error.status == 503
    assert proxy.request_lines == ["POST http://llm.upstream.invalid/v1/chat/completions HTTP/1.1"]


async def test_without_a_proxy_both_stream_directly(
    no_proxy_env: pytest.MonkeyPatch, fake: LLMFake
) -> None:
    fake.push({"text": ["Straight ", "through."]}, {"text": ["Also ", "direct."]})
    claude = AnthropicProvider(API_KEY, base_url=fake.anthropic_url)
    local = OpenAICompatProvider(fake.openai_url)
    try:
        claude_events, claude_error = await collect(
            claude.stream(request(catalog.CLAUDE_HAIKU_4_5))
        )
        local_events, local_error = await collect(local.stream(request("llama3")))
    finally:
        await claude.aclose()
        await local.aclose()
    assert claude_error is None and text_of(claude_events) == "Straight through."
    assert local_error is None and text_of(local_events) == "Also direct."

"""The fake LLM server itself: control over HTTP, process mode, plain responses, concurrency."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import anthropic
import httpx2
import openai
import pytest

from parley.providers import catalog
from parley.providers.anthropic import AnthropicProvider
from parley.providers.base import ProviderError
from parley.providers.openai_compat import OpenAICompatProvider
from tests.fakes.llm_server import LLMFake
from tests.unit.providers.conftest import API_KEY
from tests.unit.providers.streams import collect, request, text_of

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def fake_process() -> Iterator[str]:
    command = [sys.executable, "-m", "tests.fakes.llm_server", "--port", "0", "--print-port"]
    command += ["--default-tokens", "4", "--default-delay-ms", "0"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


async def test_a_separate_process_is_driven_over_http(fake_process: str) -> None:
    provider = AnthropicProvider(API_KEY, base_url=fake_process + "/anthropic")
    async with httpx2.AsyncClient(base_url=fake_process) as control:
        try:
            events, _ = await collect(provider.stream(request(catalog.CLAUDE_HAIKU_4_5)))
            assert text_of(events) == "tok0 tok1 tok2 tok3 "

            script = [{"text": ["scripted"]}, {"status": 529}]
            assert (await control.post("/_control/script", json=script)).json()["pending"] == 2
            events, _ = await collect(provider.stream(request(catalog.CLAUDE_HAIKU_4_5)))
            assert text_of(events) == "scripted"
            _, error = await collect(provider.stream(request(catalog.CLAUDE_HAIKU_4_5)))
            assert error is not None and error.kind == "overloaded"

            await control.post("/_control/default", json={"text": ["default"]})
            events, _ = await collect(provider.stream(request(catalog.CLAUDE_HAIKU_4_5)))
            assert text_of(events) == "default"

            seen = (await control.get("/_control/requests")).json()
            assert len(seen) == 4
            assert seen[0]["body"]["model"] == catalog.CLAUDE_HAIKU_4_5

            await control.post("/_control/models", json={"status": 500})
            with pytest.raises(ProviderError, match="internal error"):
                await provider.list_models()

            await control.post("/_control/reset")
            assert (await control.get("/_control/requests")).json() == []
            bad = await control.post("/_control/script", json=[{"no_such_field": 1}])
            assert bad.status_code == 400
        finally:
            await provider.aclose()


async def test_plain_responses_have_the_real_shapes(fake: LLMFake) -> None:
    fake.push({"thinking": ["hm"], "text": ["Hi", "!"]}, {"text": ["Yo"]})
    claude = anthropic.AsyncAnthropic(api_key="k", base_url=fake.anthropic_url, max_retries=0)
    compat = openai.AsyncOpenAI(api_key="k", base_url=fake.openai_url, max_retries=0)
    try:
        message = await claude.messages.create(
            model=catalog.CLAUDE_HAIKU_4_5,
            max_tokens=10,
            messages=[{"role": "user", "content": "hi"}],
        )
        completion = await compat.chat.completions.create(
            model="llama3.2:3b", messages=[{"role": "user", "content": "hi"}]
        )
    finally:
        await claude.close()
        await compat.close()

    assert [block.type for block in message.content] == ["thinking", "text"]
    assert message.content[1].type == "text" and message.content[1].text == "Hi!"
    assert message.stop_reason == "end_turn"
    assert message.usage.output_tokens == 3
    assert completion.choices[0].message.content == "Yo"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None and completion.usage.completion_tokens == 1


async def test_concurrent_streams_keep_their_pace(fake: LLMFake) -> None:
    fake.set_default({"tokens": 40, "delay_ms": 5})
    claude = AnthropicProvider(API_KEY, base_url=fake.anthropic_url)
    compat = OpenAICompatProvider(fake.openai_url)
    try:
        started = time.monotonic()
        results = await asyncio.gather(
            *(collect(claude.stream(request(catalog.CLAUDE_HAIKU_4_5))) for _ in range(30)),
            *(collect(compat.stream(request("openai/llama3.2:3b"))) for _ in range(30)),
        )
        elapsed = time.monotonic() - started
    finally:
        await claude.aclose()
        await compat.aclose()

    expected = "".join(f"tok{i} " for i in range(40))
    assert all(error is None and text_of(events) == expected for events, error in results)
    assert 0.19 < elapsed < 3

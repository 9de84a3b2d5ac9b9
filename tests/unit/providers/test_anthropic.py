from __future__ import annotations

import socket

import pytest

from parley.providers import catalog
from parley.providers.anthropic import AnthropicProvider
from parley.providers.base import (
    ProviderError,
    StreamEnd,
    TextDelta,
    ThinkingDelta,
    UsageReport,
)
from tests.fakes.llm_server import LLMFake
from tests.unit.providers.conftest import API_KEY
from tests.unit.providers.streams import collect, request, text_of, thinking_of

HAIKU = catalog.CLAUDE_HAIKU_4_5


async def test_text_stream_reassembles_exactly(fake: LLMFake, claude: AnthropicProvider) -> None:
    chunks = ["Hel", "lo", ", wör", "ld!\n\n", "```py\nprint(1)\n```", " 🎉", ""]
    fake.push({"text": chunks})

    events, error = await collect(claude.stream(request(HAIKU)))

    assert error is None
    assert [e for e in events if isinstance(e, TextDelta)] == [TextDelta(c) for c in chunks if c]
    assert text_of(events) == "".join(chunks)
    assert isinstance(events[-2], UsageReport)
    assert events[-1] == StreamEnd(stop_reason="end_turn")


async def test_thinking_streams_before_the_answer(fake: LLMFake, claude: AnthropicProvider) -> None:
    fake.push({"thinking": ["Let me ", "think."], "text": ["Four."]})

    events, error = await collect(claude.stream(request(HAIKU, thinking_budget=2048)))

    assert error is None
    deltas = [e for e in events if isinstance(e, TextDelta | ThinkingDelta)]
    assert deltas == [ThinkingDelta("Let me "), ThinkingDelta("think."), TextDelta("Four.")]


async def test_ping_events_are_ignored(fake: LLMFake, claude: AnthropicProvider) -> None:
    fake.push({"text": ["a", "b", "c"], "ping_every": 1})

    events, error = await collect(claude.stream(request(HAIKU)))

    assert error is None
    assert text_of(events) == "abc"
    assert len(events) == 5


async def test_usage_and_stop_reason_are_reported(fake: LLMFake, claude: AnthropicProvider) -> None:
    fake.push({"input_tokens": 42, "output_tokens": 7, "stop_reason": "max_tokens"})

    events, _ = await collect(claude.stream(request(HAIKU)))

    assert events[-2:] == [UsageReport(42, 7), StreamEnd("max_tokens")]


async def test_request_carries_system_sampling_and_limits(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    await collect(
        claude.stream(
            request(HAIKU, text="Hi", system="Be brief.", temperature=0.3, top_p=0.9, max_tokens=99)
        )
    )

    sent = fake.requests[-1]
    assert sent.path == "/anthropic/v1/messages"
    # This SDK sends the key as a bearer token; older ones used x-api-key.
    assert API_KEY in (sent.headers.get("x-api-key"), sent.headers.get("authorization", "")[7:])
    assert sent.body["stream"] is True
    assert sent.body["model"] == HAIKU
    assert sent.body["system"] == "Be brief."
    assert sent.body["max_tokens"] == 99
    assert sent.body["temperature"] == 0.3
    assert sent.body["top_p"] == 0.9
    assert sent.body["messages"] == [{"role": "user", "content": "Hi"}]
    assert "thinking" not in sent.body


async def test_thinking_request_sends_the_budget_and_no_sampling(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    await collect(
        claude.stream(request(HAIKU, thinking_budget=2048, temperature=0.3, max_tokens=8192))
    )

    body = fake.requests[-1].body
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    assert "temperature" not in body
    assert "top_p" not in body


@pytest.mark.parametrize(
    ("step", "kind", "retryable", "words"),
    [
        ({"status": 401}, "auth", False, "API key was rejected"),
        ({"status": 403}, "auth", False, "not allowed"),
        ({"status": 429, "retry_after": 7}, "rate_limit", True, "Try again in 7 s"),
        ({"status": 529}, "overloaded", True, "overloaded"),
        ({"status": 500}, "server", True, "internal error"),
        ({"status": 400}, "bad_request", False, "at least one message is required"),
    ],
)
async def test_http_errors_are_phrased_and_classified(
    fake: LLMFake,
    claude: AnthropicProvider,
    step: dict[str, object],
    kind: str,
    retryable: bool,
    words: str,
) -> None:
    fake.push(step)

    events, error = await collect(claude.stream(request(HAIKU)))

    assert events == []
    assert error is not None
    assert error.kind == kind
    assert error.retryable is retryable
    assert error.status == step["status"]
    assert words in error.message
    assert API_KEY not in error.message
    if kind == "rate_limit":
        assert error.retry_after == 7.0


async def test_error_event_mid_stream_ends_after_the_sent_tokens(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    fake.push({"tokens": 10, "error_after": 3})

    events, error = await collect(claude.stream(request(HAIKU)))

    assert events == [TextDelta("tok0 "), TextDelta("tok1 "), TextDelta("tok2 ")]
    assert error is not None
    assert (error.kind, error.retryable) == ("overloaded", True)


async def test_mid_stream_error_type_picks_the_kind(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    fake.push({"tokens": 5, "error_after": 1, "error_type": "api_error"})

    events, error = await collect(claude.stream(request(HAIKU)))

    assert len(events) == 1
    assert error is not None and error.kind == "server"


async def test_broken_stream_is_a_stream_error(fake: LLMFake, claude: AnthropicProvider) -> None:
    fake.push({"thinking": ["hm"], "tokens": 10, "break_after": 4})

    events, error = await collect(claude.stream(request(HAIKU)))

    assert thinking_of(events) == "hm"
    assert text_of(events) == "tok0 tok1 tok2 "
    assert error is not None
    assert (error.kind, error.retryable) == ("stream", True)


async def test_a_silent_server_times_out(fake: LLMFake) -> None:
    provider = AnthropicProvider(API_KEY, base_url=fake.anthropic_url, timeout_seconds=0.3)
    try:
        fake.push({"hang": True}, {"tokens": 5, "hang_after": 2})

        before, error_before = await collect(provider.stream(request(HAIKU)))
        during, error_during = await collect(provider.stream(request(HAIKU)))
    finally:
        await provider.aclose()

    assert before == [] and error_before is not None
    assert (error_before.kind, error_before.retryable) == ("timeout", True)
    assert text_of(during) == "tok0 tok1 "
    assert error_during is not None and error_during.kind == "timeout"


async def test_unreachable_server_is_a_connection_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = AnthropicProvider(API_KEY, base_url=f"http://127.0.0.1:{port}", timeout_seconds=2)
    try:
        events, error = await collect(provider.stream(request(HAIKU)))
    finally:
        await provider.aclose()

    assert events == []
    assert error is not None
    assert (error.kind, error.retryable) == ("connection", True)
    assert f"127.0.0.1:{port}" in error.message


async def test_models_merge_the_catalog_with_the_api_list(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    models = await claude.list_models()

    by_id = {m.id: m for m in models}
    assert [m.id for m in models[:3]] == [m.id for m in catalog.ANTHROPIC_MODELS]
    assert by_id[catalog.CLAUDE_SONNET_4_5].input_price == 3.0
    future = by_id["claude-future-9"]
    assert future.name == "Claude Future 9"
    assert future.provider == "anthropic"
    assert (future.thinking, future.vision, future.tool_use) == (False, False, False)
    assert (future.input_price, future.output_price) == (None, None)
    assert (future.context_window, future.max_output) == (200_000, 4_096)


async def test_models_the_api_no_longer_offers_are_dropped(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    fake.models.anthropic = [
        {"id": "claude-sonnet-4-6", "display_name": "Claude Sonnet 4.6"},
        {"id": catalog.CLAUDE_HAIKU_4_5, "display_name": "Claude Haiku 4.5"},
        {"id": catalog.CLAUDE_SONNET_4_5, "display_name": "Sonnet 4.5", "lifecycle": "retired"},
        {"id": "claude-2-1", "display_name": "Claude 2.1", "lifecycle": "retired"},
    ]  # Opus 4.1 is not listed at all

    ids = [m.id for m in await claude.list_models()]

    assert ids == [catalog.CLAUDE_HAIKU_4_5, "claude-sonnet-4-6"]


async def test_an_empty_api_list_keeps_the_catalog(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    fake.models.anthropic = []

    ids = [m.id for m in await claude.list_models()]

    assert ids == [m.id for m in catalog.ANTHROPIC_MODELS]


async def test_models_are_read_across_pages(fake: LLMFake, claude: AnthropicProvider) -> None:
    catalog_ids = [{"id": m.id} for m in catalog.ANTHROPIC_MODELS]
    fake.models.anthropic = catalog_ids + [{"id": f"claude-x-{i}"} for i in range(130)]

    models = await claude.list_models()

    assert len(models) == 3 + 130
    assert len([r for r in fake.requests if r.path.startswith("/anthropic/v1/models")]) == 2


async def test_models_use_limits_the_api_reports(fake: LLMFake, claude: AnthropicProvider) -> None:
    fake.models.anthropic = [
        {
            "id": "claude-next",
            "display_name": "Next",
            "max_input_tokens": 1_000_000,
            "max_tokens": 128,
        }
    ]

    models = await claude.list_models()

    assert (models[-1].context_window, models[-1].max_output) == (1_000_000, 128)


async def test_failing_models_endpoint_raises_a_provider_error(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    fake.models.status = 500

    with pytest.raises(ProviderError) as caught:
        await claude.list_models()

    assert caught.value.kind == "server"


async def test_the_key_never_shows(claude: AnthropicProvider) -> None:
    assert API_KEY not in repr(claude)
    assert API_KEY not in str(vars(claude).get("_base_url"))

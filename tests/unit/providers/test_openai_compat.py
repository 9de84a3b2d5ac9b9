from __future__ import annotations

import pytest

from parley.providers.base import (
    ProviderError,
    StreamEnd,
    TextDelta,
    ThinkingDelta,
    UsageReport,
)
from parley.providers.openai_compat import OpenAICompatProvider
from tests.fakes.llm_server import LLMFake
from tests.unit.providers.streams import collect, request, text_of

LLAMA = "openai/llama3.2:3b"


async def test_stream_reassembles_text_and_reports_usage(
    fake: LLMFake, compat: OpenAICompatProvider
) -> None:
    chunks = ["Bon", "jour", " à ", "tous\n", "😀"]
    fake.push({"text": chunks, "input_tokens": 11, "output_tokens": 5})

    events, error = await collect(compat.stream(request(LLAMA)))

    assert error is None
    assert [e for e in events if isinstance(e, TextDelta)] == [TextDelta(c) for c in chunks]
    assert events[-2:] == [UsageReport(11, 5), StreamEnd("end_turn")]


async def test_reasoning_content_becomes_thinking(
    fake: LLMFake, compat: OpenAICompatProvider
) -> None:
    fake.push({"thinking": ["Hmm, ", "two."], "text": ["2"]})

    events, _ = await collect(compat.stream(request(LLAMA)))

    deltas = [e for e in events if isinstance(e, TextDelta | ThinkingDelta)]
    assert deltas == [ThinkingDelta("Hmm, "), ThinkingDelta("two."), TextDelta("2")]


async def test_request_strips_the_prefix_and_asks_for_usage(
    fake: LLMFake, compat: OpenAICompatProvider
) -> None:
    await collect(
        compat.stream(
            request(LLAMA, text="Hi", system="Be brief.", temperature=0.2, top_p=0.5, max_tokens=64)
        )
    )

    sent = fake.requests[-1]
    assert sent.path == "/openai/v1/chat/completions"
    assert sent.headers["authorization"] == "Bearer sk-compat-secret"
    assert sent.body["model"] == "llama3.2:3b"
    assert sent.body["stream"] is True
    assert sent.body["stream_options"] == {"include_usage": True}
    assert sent.body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
    ]
    assert (sent.body["temperature"], sent.body["top_p"], sent.body["max_tokens"]) == (0.2, 0.5, 64)


async def test_length_stop_is_reported_as_max_tokens(
    fake: LLMFake, compat: OpenAICompatProvider
) -> None:
    fake.push({"stop_reason": "max_tokens"})

    events, _ = await collect(compat.stream(request(LLAMA)))

    assert events[-1] == StreamEnd("max_tokens")


@pytest.mark.parametrize(
    ("step", "kind", "retryable"),
    [
        ({"status": 401}, "auth", False),
        ({"status": 429, "retry_after": 2}, "rate_limit", True),
        ({"status": 503}, "overloaded", True),
        ({"status": 500}, "server", True),
        ({"status": 404}, "bad_request", False),
    ],
)
async def test_http_errors_are_classified(
    fake: LLMFake,
    compat: OpenAICompatProvider,
    step: dict[str, object],
    kind: str,
    retryable: bool,
) -> None:
    fake.push(step)

    events, error = await collect(compat.stream(request(LLAMA)))

    assert events == []
    assert error is not None
    assert (error.kind, error.retryable, error.status) == (kind, retryable, step["status"])
    assert "sk-compat-secret" not in error.message
    assert fake.base_url.removeprefix("http://") in error.message
    if kind == "rate_limit":
        assert error.retry_after == 2.0


@pytest.mark.parametrize("failure", ["error_after", "break_after"])
async def test_dropped_connection_mid_stream_is_a_stream_error(
    fake: LLMFake, compat: OpenAICompatProvider, failure: str
) -> None:
    fake.push({"tokens": 8, failure: 2})

    events, error = await collect(compat.stream(request(LLAMA)))

    assert text_of(events) == "tok0 tok1 "
    assert error is not None
    assert (error.kind, error.retryable) == ("stream", True)


async def test_a_silent_server_times_out(fake: LLMFake) -> None:
    provider = OpenAICompatProvider(fake.openai_url, timeout_seconds=0.3)
    fake.push({"hang": True})
    try:
        events, error = await collect(provider.stream(request(LLAMA)))
    finally:
        await provider.aclose()

    assert events == []
    assert error is not None and error.kind == "timeout"


async def test_models_are_prefixed_with_a_conservative_context(
    fake: LLMFake, compat: OpenAICompatProvider
) -> None:
    models = await compat.list_models()

    assert [m.id for m in models] == ["openai/llama3.2:3b", "openai/qwen2.5:7b"]
    assert {m.provider for m in models} == {"openai"}
    assert {m.context_window for m in models} == {8192}
    assert {m.input_price for m in models} == {None}


async def test_failing_models_endpoint_raises(fake: LLMFake, compat: OpenAICompatProvider) -> None:
    fake.models.status = 401

    with pytest.raises(ProviderError) as caught:
        await compat.list_models()

    assert caught.value.kind == "auth"

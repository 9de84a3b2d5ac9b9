"""Upstream failures end the run with a readable error and keep whatever text had streamed."""

from __future__ import annotations

import pytest

from tests.api.sse import read_run, text_of
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient
from tests.fakes.llm_server import LLMFake


async def run_once(api: ApiClient) -> tuple[list, dict]:  # type: ignore[type-arg]
    cid = await new_chat(api)
    started = await send(api, cid)
    frames = await read_run(api, started["run_id"])
    return frames, (await messages(api, cid))[-1]


@pytest.mark.parametrize(
    ("step", "kind", "phrase"),
    [
        ({"status": 401}, "auth", "API key"),
        ({"status": 400}, "bad_request", ""),
    ],
)
async def test_non_retryable_failures_fail_at_once(
    api: ApiClient,
    llm: LLMFake,
    step: dict,
    kind: str,
    phrase: str,  # type: ignore[type-arg]
) -> None:
    llm.push(step, {"text": ["never reached"]})
    frames, answer = await run_once(api)
    error = next(f for f in frames if f.event == "error")
    assert error.data["kind"] == kind and phrase in error.data["message"]
    assert next(f for f in frames if f.event == "message_stop").data["status"] == "error"
    assert answer["status"] == "error" and answer["error"]["kind"] == kind
    assert llm.pending == 1  # no retry was made


@pytest.mark.parametrize("status", [429, 529, 500])
async def test_retryable_failures_before_the_first_token_are_retried(
    api: ApiClient, llm: LLMFake, status: int
) -> None:
    llm.push({"status": status, "retry_after": 0.05}, {"text": ["Recovered."]})
    frames, answer = await run_once(api)
    assert text_of(frames) == "Recovered."
    assert answer["status"] == "complete"


async def test_persistent_overload_ends_in_a_readable_error(api: ApiClient, llm: LLMFake) -> None:
    llm.push(*[{"status": 529, "retry_after": 0.01}] * 3)
    frames, answer = await run_once(api)
    error = next(f for f in frames if f.event == "error")
    assert error.data["kind"] == "overloaded"
    assert "overloaded" in error.data["message"].lower()
    assert answer["status"] == "error"


async def test_mid_stream_error_keeps_the_partial_text_and_is_not_retried(
    api: ApiClient, llm: LLMFake
) -> None:
    llm.push({"text": ["Half ", "an ", "answer"], "error_after": 2}, {"text": ["retried!"]})
    frames, answer = await run_once(api)
    assert text_of(frames) == "Half an "
    assert next(f for f in frames if f.event == "error").data["kind"] == "overloaded"
    assert answer["status"] == "error"
    assert answer["parts"] == [{"type": "text", "text": "Half an "}]
    assert llm.pending == 1


async def test_broken_connection_mid_stream_keeps_the_partial_text(
    api: ApiClient, llm: LLMFake
) -> None:
    llm.push({"text": ["Some ", "words ", "then"], "break_after": 2})
    frames, answer = await run_once(api)
    assert text_of(frames) == "Some words "
    assert next(f for f in frames if f.event == "error").data["kind"] == "stream"
    assert answer["status"] == "error" and answer["parts"][0]["text"] == "Some words "

"""The Anthropic Messages and OpenAI Chat Completions wire formats the fake server writes."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import orjson

from tests.fakes.llm_script import ANTHROPIC_ERRORS, OPENAI_ERRORS, Step

FINISH_REASONS = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_use": "tool_calls",
}


class Body(Protocol):
    """A response being written: the HTTP layer's side of a stream."""

    def start(self, status: int, headers: list[tuple[str, str]], *, stream: bool) -> None: ...
    def send(self, data: bytes) -> None: ...
    def finish(self) -> None: ...
    def abort(self) -> None: ...
    async def flush(self) -> None: ...


def new_id(prefix: str) -> str:
    return prefix + secrets.token_hex(12)


def count_input_tokens(body: dict[str, Any]) -> int:
    chars = len(str(body.get("system") or ""))
    for message in body.get("messages") or []:
        content = message.get("content")
        chars += len(content) if isinstance(content, str) else len(orjson.dumps(content))
    return max(1, chars // 4)


def sse(event: str, data: dict[str, Any]) -> bytes:
    return b"event: " + event.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


def data_frame(data: dict[str, Any]) -> bytes:
    return b"data: " + orjson.dumps(data) + b"\n\n"


PING = sse("ping", {"type": "ping"})
DONE = b"data: [DONE]\n\n"


class Pacer:
    """Sleeps to absolute deadlines so per-chunk overhead does not stretch a stream."""

    def __init__(self, delay_ms: float) -> None:
        self.delay = delay_ms / 1000.0
        self.next_at = time.monotonic()

    async def wait(self) -> None:
        if self.delay <= 0:
            return
        self.next_at += self.delay
        pause = self.next_at - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)


async def hang_forever() -> None:
    await asyncio.Event().wait()


def anthropic_headers(extra: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    headers = [("request-id", new_id("req_011C")), ("anthropic-organization-id", "org-fake")]
    return headers + (extra or [])


def anthropic_error_body(step: Step, status: int) -> dict[str, Any]:
    kind, message = ANTHROPIC_ERRORS.get(status, ("api_error", "Internal server error"))
    return {
        "type": "error",
        "error": {"type": step.error_type or kind, "message": step.error_message or message},
        "request_id": new_id("req_011C"),
    }


def openai_error_body(step: Step, status: int) -> dict[str, Any]:
    kind, message, code = OPENAI_ERRORS.get(status, ("server_error", "Server error.", None))
    return {
        "error": {
            "message": step.error_message or message,
            "type": step.error_type or kind,
            "param": None,
            "code": code,
        }
    }


def send_error(body: Body, step: Step, status: int, api: str) -> None:
    extra: list[tuple[str, str]] = [("content-type", "application/json")]
    if step.retry_after is not None:
        extra.append(("retry-after", f"{step.retry_after:g}"))
    if api == "anthropic":
        payload = anthropic_error_body(step, status)
        headers = anthropic_headers(extra)
        if status in (429, 500, 529):
            headers.append(("x-should-retry", "true"))
    else:
        payload = openai_error_body(step, status)
        headers = [("x-request-id", new_id("req_")), *extra]
    body.start(status, headers, stream=False)
    body.send(orjson.dumps(payload))
    body.finish()


async def before_content(body: Body, step: Step, api: str) -> bool:
    """Handle the step's failures that come before any content; False when nothing follows."""
    if step.hang:
        await hang_forever()
    if step.status is not None and step.status >= 400:
        send_error(body, step, step.status, api)
        return False
    return True


Emit = Callable[[bool, str], bytes]


async def stream_chunks(
    body: Body,
    step: Step,
    emit: Emit,
    on_error: Callable[[], Awaitable[None]],
    between: Callable[[bool, int], bytes | None],
) -> bool:
    """Write the content chunks; True when the stream may be finished normally."""
    chunks = [(True, c) for c in step.thinking] + [(False, c) for c in step.text_chunks()]
    fail_at = step.fail_at
    pacer = Pacer(step.delay_ms)
    for i, (is_thinking, chunk) in enumerate(chunks):
        if fail_at == i:
            break
        if i:
            await pacer.wait()
        extra = between(is_thinking, i)
        if extra:
            body.send(extra)
        body.send(emit(is_thinking, chunk))
        if step.ping_every and (i + 1) % step.ping_every == 0:
            body.send(PING)
        await body.flush()
    else:
        if fail_at is None or fail_at > len(chunks):
            return True
    if step.hang_after is not None and fail_at == step.hang_after:
        await hang_forever()
    if step.break_after is not None and fail_at == step.break_after:
        body.abort()
        return False
    await on_error()
    return False


async def anthropic_messages(body: Body, request: dict[str, Any], step: Step) -> None:
    if not await before_content(body, step, "anthropic"):
        return
    model = str(request.get("model", "claude-sonnet-4-5-20250929"))
    input_tokens = (
        step.input_tokens if step.input_tokens is not None else count_input_tokens(request)
    )
    chunks_total = len(step.thinking) + len(step.text_chunks())
    output_tokens = step.output_tokens if step.output_tokens is not None else chunks_total
    message_id = new_id("msg_01")
    if not request.get("stream"):
        content: list[dict[str, Any]] = []
        if step.thinking:
            thinking = "".join(step.thinking)
            content.append({"type": "thinking", "thinking": thinking, "signature": step.signature})
        content.append({"type": "text", "text": "".join(step.text_chunks())})
        message = anthropic_message(message_id, model, content, step.stop_reason)
        message["usage"] = anthropic_usage(input_tokens, output_tokens, step)
        body.start(200, anthropic_headers([("content-type", "application/json")]), stream=False)
        body.send(orjson.dumps(message))
        body.finish()
        return

    headers = anthropic_headers(
        [("content-type", "text/event-stream; charset=utf-8"), ("cache-control", "no-cache")]
    )
    body.start(200, headers, stream=True)
    start_message = anthropic_message(message_id, model, [], None)
    start_message["usage"] = anthropic_usage(input_tokens, 1, step)
    body.send(sse("message_start", {"type": "message_start", "message": start_message}))
    first_is_thinking = bool(step.thinking)
    body.send(block_start(0, first_is_thinking))
    body.send(PING)
    index = 0

    def emit(is_thinking: bool, chunk: str) -> bytes:
        if is_thinking:
            delta: dict[str, Any] = {"type": "thinking_delta", "thinking": chunk}
        else:
            delta = {"type": "text_delta", "text": chunk}
        return sse(
            "content_block_delta", {"type": "content_block_delta", "index": index, "delta": delta}
        )

    def between(is_thinking: bool, i: int) -> bytes | None:
        nonlocal index
        if i and not is_thinking and i == len(step.thinking):
            index += 1
            return close_thinking(step, index - 1) + block_start(index, False)
        return None

    async def on_error() -> None:
        error = anthropic_error_body(step, 529)
        error.pop("request_id")  # error events carry none
        body.send(sse("error", error))
        body.finish()

    if not await stream_chunks(body, step, emit, on_error, between):
        return
    if first_is_thinking and len(step.text_chunks()) == 0:
        body.send(close_thinking(step, index))
    else:
        body.send(sse("content_block_stop", {"type": "content_block_stop", "index": index}))
    for tool_id, name, pieces in step.tool_call_pieces():
        index += 1
        block = {"type": "tool_use", "id": tool_id, "name": name, "input": {}}
        body.send(
            sse(
                "content_block_start",
                {"type": "content_block_start", "index": index, "content_block": block},
            )
        )
        for piece in pieces:
            delta = {"type": "input_json_delta", "partial_json": piece}
            body.send(
                sse(
                    "content_block_delta",
                    {"type": "content_block_delta", "index": index, "delta": delta},
                )
            )
            await body.flush()
        body.send(sse("content_block_stop", {"type": "content_block_stop", "index": index}))
    body.send(
        sse(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": step.final_stop_reason, "stop_sequence": None},
                "usage": {"output_tokens": output_tokens},
            },
        )
    )
    body.send(sse("message_stop", {"type": "message_stop"}))
    body.finish()


def anthropic_message(
    message_id: str, model: str, content: list[dict[str, Any]], stop_reason: str | None
) -> dict[str, Any]:
    return {
        "id": message_id,
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
    }


def anthropic_usage(input_tokens: int, output_tokens: int, step: Step) -> dict[str, Any]:
    return {
        "input_tokens": input_tokens,
        "cache_creation_input_tokens": step.cache_write_tokens,
        "cache_read_input_tokens": step.cache_read_tokens,
        "output_tokens": output_tokens,
        "service_tier": "standard",
    }


def block_start(index: int, thinking: bool) -> bytes:
    block: dict[str, Any] = (
        {"type": "thinking", "thinking": "", "signature": ""}
        if thinking
        else {"type": "text", "text": ""}
    )
    return sse(
        "content_block_start",
        {"type": "content_block_start", "index": index, "content_block": block},
    )


def close_thinking(step: Step, index: int) -> bytes:
    signature = {"type": "signature_delta", "signature": step.signature}
    return sse(
        "content_block_delta", {"type": "content_block_delta", "index": index, "delta": signature}
    ) + sse("content_block_stop", {"type": "content_block_stop", "index": index})


async def openai_chat(body: Body, request: dict[str, Any], step: Step) -> None:
    if not await before_content(body, step, "openai"):
        return
    model = str(request.get("model", "unknown"))
    prompt_tokens = (
        step.input_tokens if step.input_tokens is not None else count_input_tokens(request)
    )
    chunks_total = len(step.thinking) + len(step.text_chunks())
    completion_tokens = step.output_tokens if step.output_tokens is not None else chunks_total
    usage = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }
    if step.cache_read_tokens:
        usage["prompt_tokens_details"] = {"cached_tokens": step.cache_read_tokens}
    finish_reason = FINISH_REASONS.get(step.final_stop_reason, step.final_stop_reason)
    completion_id = new_id("chatcmpl-")
    created = int(time.time())
    headers = [("x-request-id", new_id("req_")), ("openai-processing-ms", "12")]
    if not request.get("stream"):
        message: dict[str, Any] = {"role": "assistant", "content": "".join(step.text_chunks())}
        if step.thinking:
            message["reasoning_content"] = "".join(step.thinking)
        completion = {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": model,
            "system_fingerprint": "fp_fake",
            "choices": [
                {"index": 0, "message": message, "logprobs": None, "finish_reason": finish_reason}
            ],
            "usage": usage,
        }
        body.start(200, [*headers, ("content-type", "application/json")], stream=False)
        body.send(orjson.dumps(completion))
        body.finish()
        return

    include_usage = bool((request.get("stream_options") or {}).get("include_usage"))
    prefix = orjson.dumps(
        {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "system_fingerprint": "fp_fake",
        }
    )[:-1]
    usage_tail = b',"usage":null}' if include_usage else b"}"

    def chunk_frame(delta: dict[str, Any], finish: str | None = None) -> bytes:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return (
            b"data: "
            + prefix
            + b',"choices":['
            + orjson.dumps(choice)
            + b"]"
            + usage_tail
            + b"\n\n"
        )

    stream_headers = [*headers, ("content-type", "text/event-stream; charset=utf-8")]
    body.start(200, stream_headers, stream=True)
    body.send(chunk_frame({"role": "assistant", "content": ""}))

    def emit(is_thinking: bool, chunk: str) -> bytes:
        return chunk_frame({"reasoning_content": chunk} if is_thinking else {"content": chunk})

    async def on_error() -> None:
        # OpenAI-compatible servers have no error event: the connection just drops.
        body.abort()

    if not await stream_chunks(body, step, emit, on_error, lambda _t, _i: None):
        return
    for n, (tool_id, name, pieces) in enumerate(step.tool_call_pieces()):
        for i, piece in enumerate(pieces):
            call: dict[str, Any] = {"index": n, "function": {"arguments": piece}}
            if i == 0:
                call = {
                    "index": n,
                    "id": tool_id,
                    "type": "function",
                    "function": {"name": name, "arguments": piece},
                }
            body.send(chunk_frame({"tool_calls": [call]}))
            await body.flush()
    body.send(chunk_frame({}, finish_reason))
    if include_usage:
        body.send(data_frame({**orjson.loads(prefix + b"}"), "choices": [], "usage": usage}))
    body.send(DONE)
    body.finish()

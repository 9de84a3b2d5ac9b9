"""Claude through the Anthropic Messages API, streamed."""

from __future__ import annotations

import base64
import email.utils
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import anthropic
import httpx2
import orjson

from parley.config import Settings
from parley.providers import catalog
from parley.providers.base import (
    Attachment,
    ChatTurn,
    ErrorKind,
    GenerationRequest,
    ModelInfo,
    ProviderError,
    ProviderEvent,
    ProviderName,
    StreamEnd,
    TextDelta,
    ThinkingDelta,
    ToolInputDelta,
    ToolUseEnd,
    ToolUseStart,
    UsageReport,
)
from parley.providers.pacing import PacedLines

DEFAULT_BASE_URL = "https://api.anthropic.com"
CONNECT_TIMEOUT_SECONDS = 10.0
MODELS_PAGE_SIZE = 100

# Error types the API puts in an `error` event or an error body, by the kind Parley reports.
_ERROR_TYPE_KINDS: dict[str, tuple[ErrorKind, bool]] = {
    "overloaded_error": ("overloaded", True),
    "rate_limit_error": ("rate_limit", True),
    "api_error": ("server", True),
    "timeout_error": ("timeout", True),
    "authentication_error": ("auth", False),
    "permission_error": ("auth", False),
    "invalid_request_error": ("bad_request", False),
    "not_found_error": ("bad_request", False),
    "request_too_large": ("bad_request", False),
}


class AnthropicProvider:
    name: ProviderName = "anthropic"

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str | None = None,
        timeout_seconds: float = 600.0,
        read_pause_seconds: float = 0.0,
    ) -> None:
        self._read_pause = read_pause_seconds
        self._base_url = base_url or DEFAULT_BASE_URL
        # Retries belong to the caller, which retries only before the first token.
        self._client = anthropic.AsyncAnthropic(
            api_key=api_key,
            base_url=self._base_url,
            max_retries=0,
            timeout=httpx2.Timeout(
                timeout_seconds, connect=min(timeout_seconds, CONNECT_TIMEOUT_SECONDS)
            ),
            # the SDK's aiohttp transport reads a stream at half the CPU of its httpx2 default
            # (bench/transport.py); it honours HTTP(S)_PROXY too
            http_client=anthropic.DefaultAioHttpClient(),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> AnthropicProvider:
        if settings.anthropic_api_key is None:
            raise ValueError("AnthropicProvider needs ANTHROPIC_API_KEY to be set")
        return cls(
            settings.anthropic_api_key.get_secret_value(),
            base_url=settings.anthropic_base_url,
            timeout_seconds=settings.provider_timeout_seconds,
            read_pause_seconds=settings.stream_batch_ms / 1000,
        )

    def __repr__(self) -> str:
        return f"AnthropicProvider(base_url={self._base_url!r})"

    async def list_models(self) -> list[ModelInfo]:
        """The catalog's Claude models the API still offers, then any others it lists, newest
        first. A model the API no longer lists (or lists as retired) is not offered: asking for
        it would only fail. An empty list (some gateways) leaves the catalog as it is."""
        try:
            remote = [info async for info in self._client.models.list(limit=MODELS_PAGE_SIZE)]
        except (anthropic.AnthropicError, httpx2.HTTPError) as exc:
            raise self._error(exc, started=False) from exc
        live = [info for info in remote if info.lifecycle != "retired"]
        live_ids = {info.id for info in live}
        models = [m for m in catalog.ANTHROPIC_MODELS if not remote or m.id in live_ids]
        seen = {model.id for model in catalog.ANTHROPIC_MODELS}
        for info in live:
            if info.id in seen:
                continue
            seen.add(info.id)
            models.append(
                catalog.unknown_anthropic_model(
                    info.id,
                    info.display_name,
                    context_window=info.max_input_tokens,
                    max_output=info.max_tokens,
                )
            )
        return models

    async def stream(self, request: GenerationRequest) -> AsyncIterator[ProviderEvent]:
        # The SDK sends the request and maps HTTP errors; the frames are parsed here, because
        # building an SDK object per token costs more than the rest of the token's path and a
        # busy server streams a hundred answers at once.
        started = False
        input_tokens = output_tokens = cache_read = cache_write = 0
        stop_reason: str | None = None
        finished = False
        tool_blocks: dict[int, tuple[str, str, list[str]]] = {}  # index -> id, name, JSON parts
        try:
            async with self._client.messages.with_streaming_response.create(
                **_create_params(request), stream=True
            ) as response:
                started = True
                lines = PacedLines(response.iter_bytes(), self._read_pause)
                async for event, data in _sse_events(aiter(lines)):
                    if event == "content_block_delta":
                        lines.active = True
                        delta = orjson.loads(data)["delta"]
                        delta_type = delta.get("type")
                        if delta_type == "text_delta":
                            if text := delta["text"]:
                                yield TextDelta(text)
                        elif delta_type == "thinking_delta" and (thinking := delta["thinking"]):
                            yield ThinkingDelta(thinking)
                        elif delta_type == "input_json_delta" and (piece := delta["partial_json"]):
                            payload = orjson.loads(data)
                            tool_id, _name, parts = tool_blocks[payload["index"]]
                            parts.append(piece)
                            yield ToolInputDelta(tool_id, piece)
                    elif event == "content_block_start":
                        payload = orjson.loads(data)
                        block = payload["content_block"]
                        if block.get("type") == "tool_use":
                            tool_blocks[payload["index"]] = (block["id"], block["name"], [])
                            yield ToolUseStart(block["id"], block["name"])
                    elif event == "content_block_stop":
                        index = orjson.loads(data).get("index")
                        if index in tool_blocks:
                            tool_id, name, parts = tool_blocks.pop(index)
                            yield ToolUseEnd(tool_id, name, _tool_input("".join(parts)))
                    elif event == "message_start":
                        usage = orjson.loads(data)["message"].get("usage") or {}
                        input_tokens = _input_tokens(usage, input_tokens)
                        output_tokens = int(usage.get("output_tokens") or 0)
                        cache_read = int(usage.get("cache_read_input_tokens") or cache_read)
                        cache_write = int(usage.get("cache_creation_input_tokens") or cache_write)
                    elif event == "message_delta":
                        payload = orjson.loads(data)
                        stop_reason = payload.get("delta", {}).get("stop_reason") or stop_reason
                        usage = payload.get("usage") or {}
                        input_tokens = _input_tokens(usage, input_tokens)
                        output_tokens = int(usage.get("output_tokens") or output_tokens)
                        cache_read = int(usage.get("cache_read_input_tokens") or cache_read)
                        cache_write = int(usage.get("cache_creation_input_tokens") or cache_write)
                    elif event == "message_stop":
                        finished = True
                    elif event == "error":
                        raise _stream_error(data)
        except (anthropic.AnthropicError, httpx2.HTTPError) as exc:
            raise self._error(exc, started=started) from exc
        except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise ProviderError(
                "stream", "Anthropic's API sent a garbled answer.", retryable=True
            ) from exc
        if not finished:
            raise ProviderError(
                "stream",
                "The answer from Anthropic's API ended before it was complete.",
                retryable=True,
            )
        yield UsageReport(
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            cache_read_tokens=cache_read,
            cache_write_tokens=cache_write,
        )
        yield StreamEnd(stop_reason=stop_reason)

    async def aclose(self) -> None:
        await self._client.close()

    def _error(self, exc: BaseException, *, started: bool) -> ProviderError:
        return map_error(exc, started=started, host=urlsplit(self._base_url).netloc)


async def _sse_events(lines: AsyncIterator[str]) -> AsyncIterator[tuple[str, str]]:
    """(event, data) of each server-sent event."""
    event = ""
    data: list[str] = []
    async for line in lines:
        if not line:
            if data:
                yield event, "\n".join(data)
            event, data = "", []
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[6:] if line.startswith("data: ") else line[5:])
    if data:
        yield event, "\n".join(data)


def _tool_input(text: str) -> dict[str, Any]:
    if not text.strip():
        return {}
    value = orjson.loads(text)
    if not isinstance(value, dict):
        raise TypeError("tool input is not a JSON object")
    return value


def _attachment_blocks(attachment: Attachment) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    if attachment.image is not None:
        blocks.append(
            {
                "type": "image",
                "source": {
                    "type": "base64",
                    "media_type": attachment.image_media_type,
                    "data": base64.b64encode(attachment.image).decode(),
                },
            }
        )
    if attachment.pdf is not None:
        blocks.append(
            {
                "type": "document",
                "source": {
                    "type": "base64",
                    "media_type": "application/pdf",
                    "data": base64.b64encode(attachment.pdf).decode(),
                },
                "title": attachment.name[:500],
            }
        )
    if attachment.text:
        blocks.append({"type": "text", "text": attachment.text})
    return blocks


def _message_param(turn: ChatTurn) -> dict[str, Any]:
    if not turn.tool_uses and not turn.tool_results and not turn.attachments:
        return {"role": turn.role, "content": turn.text}
    content: list[dict[str, Any]] = [
        {
            "type": "tool_result",
            "tool_use_id": result.tool_use_id,
            "content": result.content,
            "is_error": result.is_error,
        }
        for result in turn.tool_results
    ]
    for attachment in turn.attachments:
        content += _attachment_blocks(attachment)
    if turn.text:
        content.append({"type": "text", "text": turn.text})
    content += [
        {"type": "tool_use", "id": use.id, "name": use.name, "input": use.input}
        for use in turn.tool_uses
    ]
    return {"role": turn.role, "content": content}


def _input_tokens(usage: dict[str, Any], current: int) -> int:
    if usage.get("input_tokens") is None:
        return current
    return (
        int(usage["input_tokens"])
        + int(usage.get("cache_creation_input_tokens") or 0)
        + int(usage.get("cache_read_input_tokens") or 0)
    )


def _stream_error(data: str) -> ProviderError:
    """An `error` event inside a stream that had started well."""
    try:
        error = orjson.loads(data).get("error") or {}
    except (orjson.JSONDecodeError, AttributeError):
        error = {}
    kind, retryable = _ERROR_TYPE_KINDS.get(str(error.get("type")), ("stream", True))
    detail = str(error.get("message") or "")
    return ProviderError(kind, _message(kind, None, detail, None), retryable=retryable)


def _create_params(request: GenerationRequest) -> dict[str, Any]:
    params: dict[str, Any] = {
        "model": request.model,
        "max_tokens": request.max_tokens,
        "messages": [_message_param(turn) for turn in request.messages],
    }
    if request.tools:
        params["tools"] = [
            {"name": t.name, "description": t.description, "input_schema": t.input_schema}
            for t in request.tools
        ]
    if request.knowledge:
        # the knowledge last: the cache covers tools, system prompt and knowledge as one prefix
        knowledge: dict[str, Any] = {"type": "text", "text": request.knowledge}
        if request.cache_knowledge:
            knowledge["cache_control"] = {"type": "ephemeral"}
        blocks = [{"type": "text", "text": request.system}] if request.system else []
        params["system"] = [*blocks, knowledge]
    elif request.system:
        params["system"] = request.system
    if request.stop_sequences:
        params["stop_sequences"] = list(request.stop_sequences)
    # This SDK no longer has keyword arguments for the sampling parameters; the API still
    # takes them in the body, except together with extended thinking.
    sampling: dict[str, float] = {}
    if request.thinking_budget:
        params["thinking"] = {"type": "enabled", "budget_tokens": request.thinking_budget}
    else:
        if request.temperature is not None:
            sampling["temperature"] = request.temperature
        if request.top_p is not None:
            sampling["top_p"] = request.top_p
    if sampling:
        params["extra_body"] = sampling
    return params


def map_error(exc: BaseException, *, started: bool, host: str) -> ProviderError:
    """Phrase an SDK or transport failure for the person reading the chat."""
    if isinstance(exc, anthropic.APITimeoutError | httpx2.TimeoutException):
        return ProviderError("timeout", "Anthropic's API did not answer in time.", retryable=True)
    if isinstance(exc, anthropic.APIStatusError):
        return _status_error(exc)
    if isinstance(exc, anthropic.APIConnectionError | httpx2.TransportError):
        if started:
            return ProviderError(
                "stream", "The connection to Anthropic's API broke off mid-answer.", retryable=True
            )
        return ProviderError(
            "connection", f"Could not connect to Anthropic's API at {host}.", retryable=True
        )
    return ProviderError("server", "Anthropic's API answered with something unexpected.")


def _status_error(exc: anthropic.APIStatusError) -> ProviderError:
    status = exc.status_code
    kind: ErrorKind
    if status in (401, 403):
        kind, retryable = "auth", False
    elif status == 429:
        kind, retryable = "rate_limit", True
    elif status == 529 or exc.type == "overloaded_error":
        kind, retryable = "overloaded", True
    elif status >= 500:
        kind, retryable = "server", True
    else:
        kind, retryable = "bad_request", False
    retry_after = _retry_after(exc.response.headers) if kind == "rate_limit" else None
    return ProviderError(
        kind,
        _message(kind, status, exc.api_message or "", retry_after),
        status=status,
        retry_after=retry_after,
        retryable=retryable,
    )


def _message(kind: ErrorKind, status: int | None, detail: str, retry_after: float | None) -> str:
    code = f" ({status})" if status else ""
    if kind == "auth":
        if status == 403:
            return "The Anthropic API key is not allowed to do this (403). " + detail
        return f"The Anthropic API key was rejected{code}. Check ANTHROPIC_API_KEY."
    if kind == "rate_limit":
        wait = f" Try again in {retry_after:g} s." if retry_after is not None else ""
        return f"Anthropic's rate limit was reached{code}.{wait}"
    if kind == "overloaded":
        return f"Anthropic's API is overloaded right now{code}. Try again shortly."
    if kind == "server":
        return f"Anthropic's API had an internal error{code}. Try again shortly."
    if kind == "timeout":
        return "Anthropic's API did not answer in time."
    if kind == "bad_request":
        return f"Anthropic's API rejected the request{code}: {detail or 'no detail given'}"
    return f"Anthropic's API ended the answer with an error: {detail or 'no detail given'}"


def _retry_after(headers: httpx2.Headers) -> float | None:
    if value := headers.get("retry-after-ms"):
        try:
            return float(value) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())

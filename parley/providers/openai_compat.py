"""Any OpenAI-compatible Chat Completions server: Ollama, vLLM, llama.cpp, LM Studio."""

from __future__ import annotations

import base64
import dataclasses
import fnmatch
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import httpx2
import openai
import orjson

from parley.config import Settings
from parley.providers import catalog
from parley.providers.base import (
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

CONNECT_TIMEOUT_SECONDS = 10.0
# Parley speaks Anthropic's stop reasons everywhere.
STOP_REASONS = {
    "stop": "end_turn",
    "length": "max_tokens",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
    "content_filter": "refusal",
}
# Fields some servers use to report a model's context window in GET /v1/models.
_CONTEXT_FIELDS = ("max_model_len", "context_length", "max_context_length", "context_window")


class OpenAICompatProvider:
    name: ProviderName = "openai"

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout_seconds: float = 600.0,
        read_pause_seconds: float = 0.0,
        vision_patterns: str = "",
    ) -> None:
        self._read_pause = read_pause_seconds
        self._vision_patterns = [p.strip().lower() for p in vision_patterns.split(",") if p.strip()]
        self._base_url = base_url
        self._host = urlsplit(base_url).netloc or base_url
        self._client = openai.AsyncOpenAI(
            base_url=base_url,
            api_key=api_key or "not-needed",
            max_retries=0,
            timeout=httpx2.Timeout(
                timeout_seconds, connect=min(timeout_seconds, CONNECT_TIMEOUT_SECONDS)
            ),
            # the SDK's aiohttp transport reads a stream at half the CPU of its httpx2 default
            # (bench/transport.py); it honours HTTP(S)_PROXY too
            http_client=openai.DefaultAioHttpClient(),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAICompatProvider:
        if not settings.openai_base_url:
            raise ValueError("OpenAICompatProvider needs OPENAI_BASE_URL to be set")
        key = settings.openai_api_key
        return cls(
            settings.openai_base_url,
            api_key=key.get_secret_value() if key is not None else None,
            timeout_seconds=settings.provider_timeout_seconds,
            read_pause_seconds=settings.stream_batch_ms / 1000,
            vision_patterns=settings.openai_vision_models,
        )

    def __repr__(self) -> str:
        return f"OpenAICompatProvider(base_url={self._base_url!r})"

    async def list_models(self) -> list[ModelInfo]:
        try:
            page = await self._client.models.list()
        except (openai.OpenAIError, httpx2.HTTPError) as exc:
            raise self._error(exc, started=False) from exc
        models = []
        for upstream in page.data:
            info = catalog.openai_compat_model(upstream.id)
            context = _reported_context(upstream.model_extra or {})
            models.append(
                dataclasses.replace(
                    info,
                    context_window=context or info.context_window,
                    max_output=min(info.max_output, context or info.max_output),
                    vision=self._sees_images(upstream.id),
                )
            )
        return models

    def _sees_images(self, upstream_id: str) -> bool:
        name = upstream_id.lower().rsplit("/", 1)[-1]
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in self._vision_patterns)

    async def stream(self, request: GenerationRequest) -> AsyncIterator[ProviderEvent]:
        # The SDK builds a pydantic object per chunk, which costs several times what parsing
        # the JSON does; at a hundred concurrent streams that matters, so the SDK sends the
        # request and maps HTTP errors while the frames are read here.
        started = False
        finish_reason: str | None = None
        usage: UsageReport | None = None
        tool_calls: dict[int, tuple[str, str, list[str]]] = {}  # index -> id, name, JSON parts
        try:
            async with self._client.chat.completions.with_streaming_response.create(
                **_create_params(request), stream=True, stream_options={"include_usage": True}
            ) as response:
                started = True
                lines = PacedLines(response.iter_bytes(), self._read_pause)
                async for data in _sse_data(aiter(lines)):
                    if data == "[DONE]":
                        break
                    chunk = orjson.loads(data)
                    if not isinstance(chunk, dict):
                        continue
                    if chunk.get("error"):
                        raise ProviderError(
                            "stream",
                            f"The model server at {self._host} ended the answer with an error: "
                            f"{_detail(chunk) or 'no detail given'}",
                            retryable=True,
                        )
                    if reported := chunk.get("usage"):
                        details = reported.get("prompt_tokens_details") or {}
                        usage = UsageReport(
                            input_tokens=int(reported.get("prompt_tokens") or 0),
                            output_tokens=int(reported.get("completion_tokens") or 0),
                            cache_read_tokens=int(details.get("cached_tokens") or 0),
                        )
                    choices = chunk.get("choices")
                    if not choices:
                        continue
                    choice = choices[0]
                    delta = choice.get("delta") or {}
                    lines.active = True
                    reasoning = delta.get("reasoning_content") or delta.get("reasoning")
                    if reasoning and isinstance(reasoning, str):
                        yield ThinkingDelta(reasoning)
                    if content := delta.get("content"):
                        yield TextDelta(content)
                    for call in delta.get("tool_calls") or ():
                        function = call.get("function") or {}
                        index = int(call.get("index") or 0)
                        if index not in tool_calls:
                            call_id = call.get("id") or f"call_{index}"
                            tool_calls[index] = (call_id, function.get("name") or "", [])
                            yield ToolUseStart(call_id, tool_calls[index][1])
                        if piece := function.get("arguments"):
                            tool_calls[index][2].append(piece)
                            yield ToolInputDelta(tool_calls[index][0], piece)
                    if choice.get("finish_reason") is not None:
                        finish_reason = choice["finish_reason"]
        except (openai.OpenAIError, httpx2.HTTPError) as exc:
            raise self._error(exc, started=started) from exc
        except orjson.JSONDecodeError as exc:
            raise ProviderError(
                "stream", f"The model server at {self._host} sent a garbled answer.", retryable=True
            ) from exc
        if finish_reason is None:
            raise ProviderError(
                "stream",
                f"The answer from the model server at {self._host} ended before it was complete.",
                retryable=True,
            )
        for call_id, name, parts in tool_calls.values():
            try:
                arguments = orjson.loads("".join(parts) or "{}")
            except orjson.JSONDecodeError:
                arguments = None
            if not isinstance(arguments, dict):
                # small local models do write broken JSON; the tool reports it to the model
                arguments = {"_invalid_json": "".join(parts)}
            yield ToolUseEnd(call_id, name, arguments)
        if usage is not None:
            yield usage
        yield StreamEnd(stop_reason=STOP_REASONS.get(finish_reason, finish_reason))

    async def aclose(self) -> None:
        await self._client.close()

    def _error(self, exc: BaseException, *, started: bool) -> ProviderError:
        return map_error(exc, started=started, host=self._host)


def upstream_model_id(model_id: str) -> str:
    return model_id.removeprefix(catalog.OPENAI_PREFIX)


def _create_params(request: GenerationRequest) -> dict[str, Any]:
    messages: list[dict[str, Any]] = []
    system = request.full_system()
    if system:
        messages.append({"role": "system", "content": system})
    for turn in request.messages:
        messages.extend(_message_params(turn))
    params: dict[str, Any] = {
        "model": upstream_model_id(request.model),
        "messages": messages,
        "max_tokens": request.max_tokens,
    }
    if request.tools:
        params["tools"] = [
            {
                "type": "function",
                "function": {
                    "name": t.name,
                    "description": t.description,
                    "parameters": t.input_schema,
                },
            }
            for t in request.tools
        ]
    if request.temperature is not None:
        params["temperature"] = request.temperature
    if request.top_p is not None:
        params["top_p"] = request.top_p
    if request.stop_sequences:
        params["stop"] = list(request.stop_sequences)
    return params


def _message_params(turn: ChatTurn) -> list[dict[str, Any]]:
    """One history turn as Chat Completions messages: tool results are messages of their own."""
    messages: list[dict[str, Any]] = [
        {"role": "tool", "tool_call_id": result.tool_use_id, "content": result.content}
        for result in turn.tool_results
    ]
    if turn.tool_uses:
        messages.append(
            {
                "role": "assistant",
                "content": turn.text or None,
                "tool_calls": [
                    {
                        "id": use.id,
                        "type": "function",
                        "function": {
                            "name": use.name,
                            "arguments": orjson.dumps(use.input).decode(),
                        },
                    }
                    for use in turn.tool_uses
                ],
            }
        )
    elif turn.attachments:
        messages.append({"role": turn.role, "content": _content_parts(turn)})
    elif turn.text or not turn.tool_results:
        messages.append({"role": turn.role, "content": turn.text})
    return messages


def _content_parts(turn: ChatTurn) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    for attachment in turn.attachments:
        if attachment.image is not None:
            data = base64.b64encode(attachment.image).decode()
            url = f"data:{attachment.image_media_type};base64,{data}"
            parts.append({"type": "image_url", "image_url": {"url": url}})
        if attachment.text:
            parts.append({"type": "text", "text": attachment.text})
    if turn.text:
        parts.append({"type": "text", "text": turn.text})
    return parts


async def _sse_data(lines: AsyncIterator[str]) -> AsyncIterator[str]:
    """The `data` of each server-sent event; other fields are of no use here."""
    buffered: list[str] = []
    async for line in lines:
        if line:
            if line.startswith("data:"):
                buffered.append(line[6:] if line.startswith("data: ") else line[5:])
            continue
        if buffered:
            yield "\n".join(buffered)
            buffered.clear()
    if buffered:
        yield "\n".join(buffered)


def _reported_context(extra: dict[str, Any]) -> int | None:
    for key in _CONTEXT_FIELDS:
        value = extra.get(key)
        if isinstance(value, int) and value > 0:
            return value
    return None


def map_error(exc: BaseException, *, started: bool, host: str) -> ProviderError:
    """Phrase an SDK or transport failure for the person reading the chat."""
    server = f"The model server at {host}"
    if isinstance(exc, openai.APITimeoutError | httpx2.TimeoutException):
        return ProviderError("timeout", f"{server} did not answer in time.", retryable=True)
    if isinstance(exc, openai.APIStatusError):
        return _status_error(exc, server)
    if isinstance(exc, openai.APIConnectionError | httpx2.TransportError):
        if started:
            return ProviderError("stream", f"{server} broke off mid-answer.", retryable=True)
        return ProviderError("connection", f"Could not connect to {server}.", retryable=True)
    if isinstance(exc, openai.APIError):
        # An error sent inside a stream that had started well.
        return ProviderError(
            "stream", f"{server} ended the answer with an error: {exc.message}", retryable=True
        )
    return ProviderError("server", f"{server} answered with something unexpected.")


def _status_error(exc: openai.APIStatusError, server: str) -> ProviderError:
    status = exc.status_code
    kind: ErrorKind
    retry_after: float | None = None
    detail = _detail(exc.body)
    if status in (401, 403):
        kind, retryable = "auth", False
        message = f"{server} rejected the API key ({status}). Check OPENAI_API_KEY."
    elif status == 429:
        kind, retryable = "rate_limit", True
        retry_after = _retry_after(exc.response.headers)
        wait = f" Try again in {retry_after:g} s." if retry_after is not None else ""
        message = f"{server} is rate limiting requests (429).{wait}"
    elif status in (503, 529):
        kind, retryable = "overloaded", True
        message = f"{server} is overloaded right now ({status}). Try again shortly."
    elif status >= 500:
        kind, retryable = "server", True
        message = f"{server} had an internal error ({status}). Try again shortly."
    else:
        kind, retryable = "bad_request", False
        message = f"{server} rejected the request ({status}): {detail or 'no detail given'}"
    return ProviderError(kind, message, status=status, retry_after=retry_after, retryable=retryable)


def _detail(body: object) -> str:
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return str(error["message"])
        if isinstance(error, str):
            return error
    return ""


def _retry_after(headers: httpx2.Headers) -> float | None:
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value:
            try:
                return float(value) / scale
            except ValueError:
                continue
    return None

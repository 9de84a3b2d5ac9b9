"""What the fake LLM server answers: one scripted `Step` per generation request."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

ANTHROPIC_MODELS: list[dict[str, Any]] = [
    {"id": "claude-sonnet-4-5-20250929", "display_name": "Claude Sonnet 4.5"},
    {"id": "claude-haiku-4-5-20251001", "display_name": "Claude Haiku 4.5"},
    {"id": "claude-opus-4-1-20250805", "display_name": "Claude Opus 4.1"},
    {"id": "claude-future-9", "display_name": "Claude Future 9"},
]
OPENAI_MODELS: list[str] = ["llama3.2:3b", "qwen2.5:7b"]

# The error bodies the real APIs send for each status, as (type, message).
ANTHROPIC_ERRORS: dict[int, tuple[str, str]] = {
    400: ("invalid_request_error", "messages: at least one message is required"),
    401: ("authentication_error", "invalid x-api-key"),
    403: (
        "permission_error",
        "Your API key does not have permission to use the specified resource.",
    ),
    404: ("not_found_error", "model: claude-unknown"),
    413: ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
    429: ("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
    500: ("api_error", "Internal server error"),
    529: ("overloaded_error", "Overloaded"),
}
OPENAI_ERRORS: dict[int, tuple[str, str, str | None]] = {
    400: ("invalid_request_error", "Invalid request.", None),
    401: ("invalid_request_error", "Incorrect API key provided.", "invalid_api_key"),
    404: ("invalid_request_error", "The model does not exist.", "model_not_found"),
    429: ("requests", "Rate limit reached for requests.", "rate_limit_exceeded"),
    500: ("server_error", "The server had an error while processing your request.", None),
    503: ("server_error", "The engine is currently overloaded, please try again later.", None),
}


@dataclass
class Step:
    """One scripted answer. JSON form: the same field names (see `from_json`).

    Content is streamed as the `thinking` chunks first, then the `text` chunks (or, when `text`
    is None, `tokens` chunks "tok0 ", "tok1 ", ...). The failure counters (`error_after`,
    `break_after`, `hang_after`) count content chunks of both kinds.
    """

    text: list[str] | None = None
    tokens: int = 3
    thinking: list[str] = field(default_factory=list)
    delay_ms: float = 0.0
    ping_every: int = 0  # a `ping` event after every N chunks (Anthropic); one always follows start
    status: int | None = None  # answer this HTTP error status instead of streaming
    retry_after: float | None = None  # retry-after header (seconds) with `status`
    error_type: str | None = None  # overrides the error type in an error body or error event
    error_message: str | None = None
    error_after: int | None = None  # mid-stream error after N chunks (OpenAI: connection reset)
    break_after: int | None = None  # close the connection mid-body after N chunks
    hang_after: int | None = None  # stop sending after N chunks and hold the connection open
    hang: bool = False  # hold the connection open before sending any response
    stop_reason: str = "end_turn"  # Anthropic name; mapped to finish_reason for OpenAI
    input_tokens: int | None = None  # default: a rough count of the request
    output_tokens: int | None = None  # default: the number of chunks
    cache_read_tokens: int = 0  # Anthropic: on top of input_tokens; OpenAI: part of the prompt
    cache_write_tokens: int = 0  # Anthropic only
    signature: str = "EqQBCkgIARABGAIiQFakeSignatureForTheThinkingBlock=="
    # tool calls streamed after the text: {"name", "input", "id"?, "chunks"?: pieces of the JSON}
    tool_calls: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Step:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown step fields: {sorted(unknown)}")
        return cls(**data)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def text_chunks(self) -> list[str]:
        if self.text is not None:
            return list(self.text)
        return [f"tok{i} " for i in range(self.tokens)]

    def tool_call_pieces(self) -> list[tuple[str, str, list[str]]]:
        """(id, name, JSON pieces) of each scripted tool call."""
        calls = []
        for n, call in enumerate(self.tool_calls):
            text = json.dumps(call.get("input", {}))
            count = max(1, int(call.get("chunks", 1)))
            size = -(-len(text) // count)
            pieces = [text[i : i + size] for i in range(0, len(text), size)] or [""]
            calls.append((str(call.get("id") or f"toolu_fake{n:02d}"), str(call["name"]), pieces))
        return calls

    @property
    def final_stop_reason(self) -> str:
        if self.tool_calls and self.stop_reason == "end_turn":
            return "tool_use"
        return self.stop_reason

    @property
    def fail_at(self) -> int | None:
        """The chunk count at which the stream stops early, whatever the reason."""
        marks = [m for m in (self.error_after, self.break_after, self.hang_after) if m is not None]
        return min(marks) if marks else None


def as_step(step: Step | dict[str, Any]) -> Step:
    return step if isinstance(step, Step) else Step.from_json(step)

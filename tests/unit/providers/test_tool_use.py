"""Tool use over both wire formats: tools offered, calls streamed in pieces, results sent back."""

from __future__ import annotations

import json

import pytest

from parley.providers.anthropic import AnthropicProvider
from parley.providers.base import (
    ChatTurn,
    GenerationRequest,
    StreamEnd,
    TextDelta,
    ToolInputDelta,
    ToolResult,
    ToolSpec,
    ToolUse,
    ToolUseEnd,
    ToolUseStart,
)
from parley.providers.openai_compat import OpenAICompatProvider
from tests.fakes.llm_server import LLMFake
from tests.unit.providers.streams import collect

WEATHER = ToolSpec(
    name="weather",
    description="The weather in a city.",
    input_schema={"type": "object", "properties": {"city": {"type": "string"}}},
)
CALL_INPUT = {"city": "Zürich", "note": 'quotes " and \\ and\nnewlines'}


def request_for(model: str, **options: object) -> GenerationRequest:
    return GenerationRequest(
        model=model, messages=[ChatTurn("user", "Weather?")], tools=(WEATHER,), **options
    )


@pytest.mark.parametrize("api", ["anthropic", "openai"])
async def test_a_streamed_tool_call_arrives_in_pieces_and_whole(
    api: str, fake: LLMFake, claude: AnthropicProvider, compat: OpenAICompatProvider
) -> None:
    provider = claude if api == "anthropic" else compat
    model = "claude-haiku-4-5-20251001" if api == "anthropic" else "openai/llama3.2:3b"
    fake.push(
        {
            "text": ["Let me check."],
            "tool_calls": [{"id": "call_1", "name": "weather", "input": CALL_INPUT, "chunks": 5}],
        }
    )

    events, error = await collect(provider.stream(request_for(model)))

    assert error is None
    assert [e for e in events if isinstance(e, TextDelta)] == [TextDelta("Let me check.")]
    assert [e for e in events if isinstance(e, ToolUseStart)] == [ToolUseStart("call_1", "weather")]
    pieces = [e.partial_json for e in events if isinstance(e, ToolInputDelta)]
    assert len(pieces) == 5
    assert json.loads("".join(pieces)) == CALL_INPUT
    assert [e for e in events if isinstance(e, ToolUseEnd)] == [
        ToolUseEnd("call_1", "weather", CALL_INPUT)
    ]
    assert events[-1] == StreamEnd("tool_use")
    body = fake.requests[-1].body
    if api == "anthropic":
        assert body["tools"] == [
            {
                "name": "weather",
                "description": WEATHER.description,
                "input_schema": WEATHER.input_schema,
            }
        ]
    else:
        assert body["tools"] == [
            {
                "type": "function",
                "function": {
                    "name": "weather",
                    "description": WEATHER.description,
                    "parameters": WEATHER.input_schema,
                },
            }
        ]


async def test_tool_results_go_back_in_the_anthropic_shape(
    fake: LLMFake, claude: AnthropicProvider
) -> None:
    use = ToolUse("toolu_1", "weather", {"city": "Bern"})
    history = [
        ChatTurn("user", "Weather?"),
        ChatTurn("assistant", "Checking.", tool_uses=(use,)),
        ChatTurn("user", "", tool_results=(ToolResult("toolu_1", "Sunny", is_error=False),)),
    ]
    fake.push({"text": ["Sunny in Bern."]})

    await collect(
        claude.stream(GenerationRequest(model="claude-haiku-4-5-20251001", messages=history))
    )

    assert fake.requests[-1].body["messages"][1:] == [
        {
            "role": "assistant",
            "content": [
                {"type": "text", "text": "Checking."},
                {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Bern"}},
            ],
        },
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_1",
                    "content": "Sunny",
                    "is_error": False,
                }
            ],
        },
    ]


async def test_tool_results_go_back_in_the_openai_shape(
    fake: LLMFake, compat: OpenAICompatProvider
) -> None:
    use = ToolUse("call_9", "weather", {"city": "Bern"})
    history = [
        ChatTurn("user", "Weather?"),
        ChatTurn("assistant", "", tool_uses=(use,)),
        ChatTurn("user", "", tool_results=(ToolResult("call_9", "No such city", is_error=True),)),
    ]
    fake.push({"text": ["Sorry."]})

    await collect(compat.stream(GenerationRequest(model="openai/llama3.2:3b", messages=history)))

    assert fake.requests[-1].body["messages"][1:] == [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_9",
                    "type": "function",
                    "function": {"name": "weather", "arguments": '{"city":"Bern"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_9", "content": "No such city"},
    ]


async def test_broken_tool_json_from_a_small_model_is_reported_not_raised(
    fake: LLMFake, compat: OpenAICompatProvider
) -> None:
    # the fake writes the input as JSON: a string input makes valid JSON that is not an object
    fake.push({"text": [], "tool_calls": [{"name": "weather", "input": "not json {", "chunks": 2}]})
    events, error = await collect(compat.stream(request_for("openai/llama3.2:3b")))

    assert error is None
    end = next(e for e in events if isinstance(e, ToolUseEnd))
    # a JSON string is not an object: the loop reports it to the model as a tool error
    assert end.input == {"_invalid_json": '"not json {"'}

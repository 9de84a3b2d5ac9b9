"""The models Parley knows by name: capabilities, context windows and prices."""

from __future__ import annotations

from parley.providers.base import ModelInfo

CLAUDE_SONNET_4_5 = "claude-sonnet-4-5-20250929"
CLAUDE_HAIKU_4_5 = "claude-haiku-4-5-20251001"
CLAUDE_OPUS_4_1 = "claude-opus-4-1-20250805"

ANTHROPIC_MODELS: tuple[ModelInfo, ...] = (
    ModelInfo(
        id=CLAUDE_SONNET_4_5,
        name="Claude Sonnet 4.5",
        provider="anthropic",
        context_window=200_000,
        max_output=64_000,
        vision=True,
        pdf=True,
        thinking=True,
        tool_use=True,
        input_price=3.0,
        output_price=15.0,
    ),
    ModelInfo(
        id=CLAUDE_HAIKU_4_5,
        name="Claude Haiku 4.5",
        provider="anthropic",
        context_window=200_000,
        max_output=64_000,
        vision=True,
        pdf=True,
        thinking=True,
        tool_use=True,
        input_price=1.0,
        output_price=5.0,
    ),
    ModelInfo(
        id=CLAUDE_OPUS_4_1,
        name="Claude Opus 4.1",
        provider="anthropic",
        context_window=200_000,
        max_output=32_000,
        vision=True,
        pdf=True,
        thinking=True,
        tool_use=True,
        input_price=15.0,
        output_price=75.0,
    ),
)


# What an Anthropic model we have no entry for is assumed to do: nothing we cannot be sure of.
UNKNOWN_ANTHROPIC_CONTEXT = 200_000
UNKNOWN_ANTHROPIC_MAX_OUTPUT = 4_096
OPENAI_COMPAT_CONTEXT = 8_192
OPENAI_COMPAT_MAX_OUTPUT = 4_096
OPENAI_PREFIX = "openai/"


def unknown_anthropic_model(
    model_id: str,
    display_name: str | None = None,
    *,
    context_window: int | None = None,
    max_output: int | None = None,
) -> ModelInfo:
    """An Anthropic model the catalog does not list, with no capability claims and no prices.

    The context window and output limit are taken from the API when it reports them.
    """
    return ModelInfo(
        id=model_id,
        name=display_name or model_id,
        provider="anthropic",
        context_window=context_window or UNKNOWN_ANTHROPIC_CONTEXT,
        max_output=max_output or UNKNOWN_ANTHROPIC_MAX_OUTPUT,
    )


def openai_compat_model(upstream_id: str) -> ModelInfo:
    """A model served by an OpenAI-compatible server; its id carries the `openai/` prefix."""
    return ModelInfo(
        id=OPENAI_PREFIX + upstream_id,
        name=upstream_id,
        provider="openai",
        context_window=OPENAI_COMPAT_CONTEXT,
        max_output=OPENAI_COMPAT_MAX_OUTPUT,
    )

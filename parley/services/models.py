"""Which models can answer, and which one a conversation uses."""

from __future__ import annotations

from typing import Any

from parley.providers.base import ModelInfo
from parley.services.context import AppContext
from parley.services.errors import InvalidInput, ModelUnavailable


async def list_models(ctx: AppContext) -> tuple[list[ModelInfo], str]:
    await ctx.providers.wait_ready()
    return ctx.providers.models(), ctx.providers.default_model


async def resolve_model(ctx: AppContext, requested: str | None) -> str:
    """The model id to use, or a readable reason why the requested one cannot answer."""
    await ctx.providers.wait_ready()
    return check_model(ctx, requested)


def check_model(ctx: AppContext, requested: str | None) -> str:
    """resolve_model for code inside a transaction, once the providers are ready."""
    if requested is None:
        return ctx.providers.default_model
    if ctx.providers.get_model(requested) is not None:
        return requested
    if requested.startswith("claude") and not ctx.settings.anthropic_api_key:
        raise ModelUnavailable(
            f"The model '{requested}' needs an Anthropic API key: set ANTHROPIC_API_KEY and "
            "restart Parley."
        )
    if requested.startswith("claude"):
        raise ModelUnavailable(
            f"Anthropic's API does not offer the model '{requested}' (it may have been "
            "retired): choose another model."
        )
    if requested.startswith("openai/") and not ctx.settings.openai_base_url:
        raise ModelUnavailable(
            f"The model '{requested}' needs an OpenAI-compatible server: set OPENAI_BASE_URL "
            "and restart Parley."
        )
    raise ModelUnavailable(
        f"Unknown model '{requested}'. GET /api/models lists the models this server offers."
    )


def check_parameters(ctx: AppContext, model: str, settings: dict[str, Any]) -> None:
    """Refuse what the model cannot do with a reason (422): the sampling parameters and limits
    of a conversation's settings, checked against the catalog's capabilities."""
    info = ctx.providers.get_model(model)
    if info is None:
        return
    max_tokens = settings.get("max_tokens")
    if max_tokens is not None and max_tokens > info.max_output:
        raise InvalidInput(
            f"{info.name} writes at most {info.max_output:,} tokens per answer; max_tokens is "
            f"{max_tokens:,}."
        )
    budget = settings.get("thinking_budget")
    if budget is not None:
        if not info.thinking:
            raise InvalidInput(f"{info.name} has no extended thinking: remove thinking_budget.")
        if budget >= info.max_output:
            raise InvalidInput(
                f"The thinking budget ({budget:,} tokens) must be below {info.name}'s output "
                f"limit of {info.max_output:,} tokens."
            )
    temperature = settings.get("temperature")
    if temperature is not None and info.provider == "anthropic" and temperature > 1:
        raise InvalidInput(f"{info.name} takes a temperature from 0 to 1; got {temperature}.")
    if (
        budget is not None
        and info.provider == "anthropic"
        and (temperature is not None or settings.get("top_p") is not None)
    ):
        raise InvalidInput(
            "With extended thinking Claude samples as it must: leave temperature and top_p unset."
        )

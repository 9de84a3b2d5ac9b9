"""Which models can answer, and which one a conversation uses."""

from __future__ import annotations

from parley.providers.base import ModelInfo
from parley.services.context import AppContext
from parley.services.errors import ModelUnavailable


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

"""A person's settings: stored as what they changed, read as every key with its default, and
what they mean for a chat (custom instructions and style in the system prompt, defaults for new
conversations)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.db.models import UserSettings, utcnow
from parley.schemas.settings import BUILT_IN_STYLES, UpdateUserSettings, UserSettingsOut
from parley.services.context import AppContext
from parley.services.errors import InvalidInput
from parley.services.models import resolve_model

STYLE_PROMPTS = {
    "normal": "",
    "concise": "Answer concisely: the shortest reply that fully answers, no preamble, no recap.",
    "explanatory": (
        "Answer in an explanatory way: walk through the reasoning step by step, define terms a "
        "newcomer may not know, and give an example where it helps understanding."
    ),
    "formal": (
        "Answer in a formal, professional register: complete sentences, precise wording, no "
        "slang, no emoji."
    ),
}


def read_settings(session: Session, user_id: str) -> UserSettingsOut:
    row = session.scalar(select(UserSettings).where(UserSettings.user_id == user_id))
    return UserSettingsOut.model_validate(row.data if row is not None else {})


async def get_settings(ctx: AppContext, user_id: str) -> UserSettingsOut:
    async with ctx.db.read() as session:
        return await session.run_sync(read_settings, user_id)


async def update_settings(
    ctx: AppContext, user_id: str, data: UpdateUserSettings
) -> UserSettingsOut:
    changes: dict[str, Any] = data.model_dump(mode="json", exclude_unset=True)
    if changes.get("default_model") is not None:
        changes["default_model"] = await resolve_model(ctx, changes["default_model"])

    def apply(session: Session) -> UserSettingsOut:
        row = session.scalar(select(UserSettings).where(UserSettings.user_id == user_id))
        stored = dict(row.data) if row is not None else {}
        for key, value in changes.items():
            if value is None:
                stored.pop(key, None)  # back to the default
            else:
                stored[key] = value
        merged = UserSettingsOut.model_validate(stored)
        custom = {s.id for s in merged.custom_styles}
        if merged.style not in BUILT_IN_STYLES and merged.style not in custom:
            raise InvalidInput(
                f"There is no style '{merged.style}': choose normal, concise, explanatory, "
                "formal or one of your own."
            )
        if len(custom) != len(merged.custom_styles):
            raise InvalidInput("Two custom styles have the same id.")
        if row is None:
            session.add(UserSettings(user_id=user_id, data=stored, updated_at=utcnow()))
        else:
            row.data = stored
            row.updated_at = utcnow()
        return merged

    return await ctx.db.run_write(apply)


def personal_prompt(settings: UserSettingsOut) -> str:
    """What the person's settings add to the system prompt of every conversation."""
    pieces: list[str] = []
    if settings.custom_instructions.strip():
        pieces.append(
            "What the person you are talking to wants you to know about them and how to "
            "answer:\n<about_the_person>\n"
            f"{settings.custom_instructions.strip()}\n</about_the_person>"
        )
    style = STYLE_PROMPTS.get(settings.style)
    if style is None:
        custom = next((s for s in settings.custom_styles if s.id == settings.style), None)
        style = custom.instructions.strip() if custom is not None else ""
    if style:
        pieces.append(f"Style of your answers: {style}")
    return "\n\n".join(pieces)

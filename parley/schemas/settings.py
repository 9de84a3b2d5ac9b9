"""A person's settings: flat JSON with self-explaining keys, validated, every key with a default."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_CUSTOM_STYLES = 20
BUILT_IN_STYLES = ("normal", "concise", "explanatory", "formal")
# BCP 47 as browsers report it: "en", "en-GB", "pt-BR", "zh-Hant-TW", "de-CH-1996"
_LOCALE = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$"
)
_STYLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")

Theme = Literal["light", "dark", "system"]
ChatFont = Literal["default", "system", "dyslexic"]
TextSize = Literal["small", "medium", "large"]
PermissionMode = Literal["ask", "allow"]


class CustomStyle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Lower-case letters, digits and dashes; picked as the style.")
    name: str = Field(min_length=1, max_length=60)
    instructions: str = Field(min_length=1, max_length=4_000)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _STYLE_ID.match(value) or value in BUILT_IN_STYLES:
            raise ValueError(
                "a style id is 1-40 lower-case letters, digits and dashes, not a built-in style"
            )
        return value


def _locale(value: str | None) -> str | None:
    if value is not None and not _LOCALE.match(value):
        raise ValueError("locale must be a language tag such as en, en-GB or pt-BR")
    return value


class UserSettingsOut(BaseModel):
    theme: Theme = "system"
    locale: str | None = Field(
        None, description="BCP 47 tag for dates and numbers; null: browser's."
    )
    chat_font: ChatFont = "default"
    text_size: TextSize = "medium"
    reduced_motion: bool | None = Field(None, description="null: follow the system setting.")
    custom_instructions: str = Field(
        "", description="What Parley should know about you: sent with every conversation."
    )
    style: str = Field("normal", description="normal, concise, explanatory, formal or a custom id.")
    custom_styles: list[CustomStyle] = Field(default_factory=list)
    default_model: str | None = Field(None, description="For new chats; null: the server's.")
    permission_mode: PermissionMode | None = Field(
        None,
        description="Code the model wants to run: ask first, or run at once; a chat's own choice "
        "wins; null: the server's default.",
    )
    thinking: bool = Field(False, description="Extended thinking on new chats (where supported).")
    thinking_budget: int = 8_000
    send_on_enter: bool = Field(True, description="false: Ctrl/⌘+Enter sends, Enter is a newline.")
    follow_ups: bool = Field(True, description="Suggest follow-up questions after an answer.")


class UpdateUserSettings(BaseModel):
    """Any subset of the keys; null puts a key back to its default; an unknown key is refused
    (422)."""

    model_config = ConfigDict(extra="forbid")

    theme: Theme | None = None
    locale: Annotated[str, Field(max_length=35)] | None = None
    chat_font: ChatFont | None = None
    text_size: TextSize | None = None
    reduced_motion: bool | None = None
    custom_instructions: str | None = Field(None, max_length=4_000)
    style: str | None = Field(None, max_length=40)
    custom_styles: list[CustomStyle] | None = Field(None, max_length=MAX_CUSTOM_STYLES)
    default_model: str | None = Field(None, max_length=200)
    permission_mode: PermissionMode | None = None
    thinking: bool | None = None
    thinking_budget: int | None = Field(None, ge=1_024, le=64_000)
    send_on_enter: bool | None = None
    follow_ups: bool | None = None

    @field_validator("locale")
    @classmethod
    def _check_locale(cls, value: str | None) -> str | None:
        return _locale(value)

"""Tokens and cost of a person's answers, per day, model or conversation."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

UsageGroup = Literal["day", "model", "conversation"]
MAX_USAGE_DAYS = 366


class UsageRow(BaseModel):
    key: str = Field(description="The day (YYYY-MM-DD, UTC), the model id or the conversation id.")
    label: str = Field(description="For people: the day, the model's name, the chat's title.")
    answers: int
    input_tokens: int = Field(description="All of the prompts, the cached parts included.")
    output_tokens: int
    cache_read_tokens: int
    cache_write_tokens: int
    cost_usd: float = Field(description="At the catalog's prices, of the answers priced.")
    unpriced_answers: int = Field(description="Answers of models without known prices.")


class UsageOut(BaseModel):
    start: date = Field(alias="from", description="First day counted (UTC).")
    end: date = Field(alias="to", description="Last day counted (UTC), inclusive.")
    group_by: UsageGroup
    rows: list[UsageRow] = Field(description="Days in order; models and chats by cost, then use.")
    total: UsageRow

    model_config = {"populate_by_name": True}

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class ModelOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    provider: Literal["anthropic", "openai", "local"]
    context_window: int
    max_output: int
    vision: bool
    pdf: bool
    thinking: bool
    tool_use: bool
    input_price: float | None
    output_price: float | None


class ModelList(BaseModel):
    models: list[ModelOut]
    default_model: str


class Health(BaseModel):
    status: Literal["ok"]
    version: str

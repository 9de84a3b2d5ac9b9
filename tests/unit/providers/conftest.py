from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.config import Settings
from parley.providers.anthropic import AnthropicProvider
from parley.providers.openai_compat import OpenAICompatProvider
from tests.fakes.llm_script import Step
from tests.fakes.llm_server import LLMFake

API_KEY = "sk-ant-api03-test-secret-never-shown"
ENV_VARS = (
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    "PARLEY_DEFAULT_MODEL",
    "PARLEY_ANTHROPIC_API_KEY",
    "PARLEY_ANTHROPIC_BASE_URL",
    "PARLEY_OPENAI_BASE_URL",
    "PARLEY_OPENAI_API_KEY",
)


@pytest.fixture(scope="session")
def llm_server() -> Iterator[LLMFake]:
    with LLMFake() as server:
        yield server


@pytest.fixture
def fake(llm_server: LLMFake) -> Iterator[LLMFake]:
    llm_server.reset()
    llm_server.set_default(Step(tokens=3))
    yield llm_server
    llm_server.reset()


@pytest.fixture
async def claude(fake: LLMFake) -> AsyncIterator[AnthropicProvider]:
    provider = AnthropicProvider(API_KEY, base_url=fake.anthropic_url, timeout_seconds=5)
    yield provider
    await provider.aclose()


@pytest.fixture
async def compat(fake: LLMFake) -> AsyncIterator[OpenAICompatProvider]:
    provider = OpenAICompatProvider(fake.openai_url, api_key="sk-compat-secret", timeout_seconds=5)
    yield provider
    await provider.aclose()


@pytest.fixture
def make_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Settings from keyword values only: no environment, no .env file, no local weights."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)

    def build(**values: Any) -> Settings:
        return Settings(_env_file=None, data_dir=tmp_path, **values)

    return build

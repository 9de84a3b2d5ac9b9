"""End to end on the real bundled model: join the installed pieces, check the digest, answer."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from parley.config import Settings
from parley.providers import local_weights
from parley.providers.base import ChatTurn, GenerationRequest, StreamEnd, TextDelta, UsageReport
from parley.providers.local import LocalProvider


@pytest.mark.slow
async def test_default_model_is_joined_verified_and_answers(tmp_path: Path) -> None:
    if local_weights.find_pieces() is None or importlib.util.find_spec("llama_cpp") is None:
        pytest.fail("the default model is not installed: run `scripts/install-models.sh`")
    # One thread: llama.cpp's spinning workers slow down badly when a test run shares the cores.
    settings = Settings(data_dir=tmp_path, local_context=2048, local_threads=1)
    assert LocalProvider.available(settings)
    local = LocalProvider.from_settings(settings)
    request = GenerationRequest(
        model="local/qwen2.5-coder-0.5b-instruct",
        messages=[ChatTurn("user", "Write a Python one-liner that sums a list `xs`.")],
        system="You are a helpful assistant.",
        max_tokens=32,
        temperature=0.0,
    )
    try:
        events = [event async for event in local.stream(request)]
    finally:
        await local.aclose()

    joined = local_weights.model_path(tmp_path)
    assert joined.stat().st_size == local_weights.DEFAULT_MODEL.size
    assert local_weights.DEFAULT_MODEL.sha256 in local_weights.sidecar_path(joined).read_text()
    assert "sum" in "".join(e.text for e in events if isinstance(e, TextDelta))
    assert any(isinstance(e, UsageReport) and e.output_tokens > 0 for e in events)
    assert isinstance(events[-1], StreamEnd)

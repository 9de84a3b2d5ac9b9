"""Per-conversation parameters: what reaches the upstream, and what a model cannot do refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.sse import read_run
from tests.api.test_runs import new_chat, send
from tests.conftest import ApiClient
from tests.fakes.llm_server import LLMFake


def _answer_request(llm: LLMFake) -> dict[str, Any]:
    answers = [
        r.body for r in llm.generation_requests() if "You name conversations" not in str(r.body)
    ]
    return dict(answers[-1])


async def _models(api: ApiClient) -> list[dict[str, Any]]:
    listed = (await api.get("/api/models")).json()
    return list(listed["models"] if isinstance(listed, dict) else listed)


async def test_sampling_parameters_and_stop_sequences_reach_claude(
    api: ApiClient, llm: LLMFake
) -> None:
    settings = {
        "temperature": 0.3,
        "top_p": 0.9,
        "max_tokens": 1234,
        "stop_sequences": ["\n\nHuman:", "END"],
    }
    chat = await new_chat(api, settings=settings)
    llm.push({"text": ["Fine."]})
    await read_run(api, (await send(api, chat, "Hi"))["run_id"])
    body = _answer_request(llm)
    assert body["temperature"] == 0.3 and body["top_p"] == 0.9
    assert body["max_tokens"] == 1234
    assert body["stop_sequences"] == ["\n\nHuman:", "END"]


async def test_thinking_budget_reaches_claude_and_refuses_sampling_with_it(
    api: ApiClient, llm: LLMFake
) -> None:
    chat = await new_chat(api, settings={"thinking_budget": 2048, "max_tokens": 8000})
    llm.push({"text": ["Thought."]})
    await read_run(api, (await send(api, chat, "Think"))["run_id"])
    body = _answer_request(llm)
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    both = await api.patch(
        f"/api/conversations/{chat}",
        json={"settings": {"thinking_budget": 2048, "temperature": 0.5}},
    )
    assert both.status_code == 422 and "leave temperature and top_p unset" in both.text


async def test_limits_of_the_model_are_refused_with_the_reason(api: ApiClient) -> None:
    models = await _models(api)
    claude = next(m for m in models if m["provider"] == "anthropic")
    over = await api.post(
        "/api/conversations",
        json={"model": claude["id"], "settings": {"max_tokens": claude["max_output"] + 1}},
    )
    assert over.status_code == 422
    assert f"at most {claude['max_output']:,} tokens" in over.text
    hot = await api.post(
        "/api/conversations", json={"model": claude["id"], "settings": {"temperature": 1.5}}
    )
    assert hot.status_code == 422 and "temperature from 0 to 1" in hot.text
    budget = await api.post(
        "/api/conversations",
        json={"model": claude["id"], "settings": {"thinking_budget": claude["max_output"]}},
    )
    assert budget.status_code == 422 and "must be below" in budget.text


async def test_a_model_without_thinking_refuses_a_thinking_budget(api: ApiClient) -> None:
    models = await _models(api)
    plain = next(m for m in models if not m["thinking"])
    thinker = next(m for m in models if m["thinking"])
    refused = await api.post(
        "/api/conversations", json={"model": plain["id"], "settings": {"thinking_budget": 2048}}
    )
    assert refused.status_code == 422 and "has no extended thinking" in refused.text
    # switching a thinking chat to a model without it is refused too, and changes nothing
    chat = await new_chat(api, model=thinker["id"], settings={"thinking_budget": 2048})
    switched = await api.patch(f"/api/conversations/{chat}", json={"model": plain["id"]})
    assert switched.status_code == 422 and "has no extended thinking" in switched.text
    assert (await api.get(f"/api/conversations/{chat}")).json()["model"] == thinker["id"]


@pytest.mark.parametrize(
    "settings",
    [
        {"stop_sequences": ["a", "b", "c", "d", "e"]},
        {"stop_sequences": [""]},
        {"stop_sequences": ["x" * 101]},
        {"temperature": -0.1},
        {"top_p": 0},
    ],
)
async def test_bad_parameters_are_refused_at_the_edge(
    api: ApiClient, settings: dict[str, Any]
) -> None:
    response = await api.post("/api/conversations", json={"settings": settings})
    assert response.status_code == 422, response.text

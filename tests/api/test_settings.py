"""A person's settings: defaults, validation, and their effect on what the model is asked."""

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


async def test_settings_have_defaults_and_keep_what_changed(api: ApiClient) -> None:
    response = await api.get("/api/settings")
    assert response.status_code == 200
    defaults = response.json()
    assert defaults["theme"] == "system" and defaults["style"] == "normal"
    assert defaults["send_on_enter"] is True and defaults["follow_ups"] is True
    assert defaults["custom_instructions"] == "" and defaults["locale"] is None

    changed = await api.patch(
        "/api/settings", json={"theme": "dark", "locale": "de-CH", "send_on_enter": False}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json() == {
        **defaults,
        "theme": "dark",
        "locale": "de-CH",
        "send_on_enter": False,
    }
    assert (await api.get("/api/settings")).json() == changed.json()
    # null puts a key back to its default and leaves the others
    reset = await api.patch("/api/settings", json={"theme": None})
    assert reset.json()["theme"] == "system" and reset.json()["locale"] == "de-CH"


async def test_settings_are_per_person(api: ApiClient, other_client: ApiClient) -> None:
    await api.patch("/api/settings", json={"custom_instructions": "I am a vet."})
    assert (await other_client.get("/api/settings")).json()["custom_instructions"] == ""


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"colour": "red"}, "colour"),
        ({"theme": "blue"}, "theme"),
        ({"locale": "not a locale!"}, "locale"),
        ({"custom_instructions": "x" * 4_001}, "custom_instructions"),
        ({"thinking_budget": 10}, "thinking_budget"),
        ({"style": "pirate"}, "no style 'pirate'"),
        ({"custom_styles": [{"id": "Bad Id", "name": "x", "instructions": "y"}]}, "style id"),
        ({"custom_styles": [{"id": "normal", "name": "x", "instructions": "y"}]}, "built-in"),
        ({"default_model": "claude-nonexistent-9"}, "claude-nonexistent-9"),
        ({"send_on_enter": "sometimes"}, "send_on_enter"),
    ],
)
async def test_bad_settings_are_refused_with_a_reason(
    api: ApiClient, body: dict[str, Any], words: str
) -> None:
    response = await api.patch("/api/settings", json=body)
    assert response.status_code == 422, response.text
    assert words in response.text
    assert (await api.get("/api/settings")).json()["theme"] == "system"  # nothing half-saved


async def test_custom_instructions_and_style_reach_the_model(api: ApiClient, llm: LLMFake) -> None:
    saved = await api.patch(
        "/api/settings",
        json={
            "custom_instructions": "I teach chemistry to teenagers.",
            "custom_styles": [
                {"id": "haiku", "name": "Haiku", "instructions": "Answer only in haiku."}
            ],
            "style": "haiku",
        },
    )
    assert saved.status_code == 200, saved.text
    chat = await new_chat(api)
    llm.push({"text": ["Salt is a crystal."]})
    await read_run(api, (await send(api, chat, "What is salt?"))["run_id"])
    system = str(_answer_request(llm)["system"])
    assert "I teach chemistry to teenagers." in system
    assert "Answer only in haiku." in system

    await api.patch("/api/settings", json={"style": "concise", "custom_instructions": None})
    llm.push({"text": ["NaCl."]})
    await read_run(api, (await send(api, chat, "And sugar?"))["run_id"])
    system = str(_answer_request(llm)["system"])
    assert "Answer concisely" in system
    assert "chemistry" not in system and "haiku" not in system


async def test_the_default_model_and_permission_mode_apply_to_new_chats(
    api: ApiClient, llm: LLMFake
) -> None:
    models = (await api.get("/api/models")).json()
    ids = [m["id"] for m in (models["models"] if isinstance(models, dict) else models)]
    server_default = (await api.get(f"/api/conversations/{await new_chat(api)}")).json()["model"]
    other = next(i for i in ids if i != server_default)
    saved = await api.patch(
        "/api/settings", json={"default_model": other, "permission_mode": "allow"}
    )
    assert saved.status_code == 200 and saved.json()["default_model"] == other
    chat = await new_chat(api)
    assert (await api.get(f"/api/conversations/{chat}")).json()["model"] == other
    # a model asked for by name still wins
    explicit = await new_chat(api, model=server_default)
    assert (await api.get(f"/api/conversations/{explicit}")).json()["model"] == server_default


@pytest.fixture
async def other_client(api: ApiClient) -> Any:
    async with ApiClient(base_url=str(api.base_url), timeout=30) as client:
        await client.sign_up()
        yield client


async def test_the_permission_mode_setting_lets_code_calls_run_without_asking(
    api: ApiClient, llm: LLMFake
) -> None:
    from tests.api.test_agent import of, read_until, run_code

    # a chat's own choice wins over the person's default: this one asks
    llm.push({"tool_calls": [run_code("print(6 * 7)")]}, {"text": ["42."]})
    await api.patch("/api/settings", json={"permission_mode": "allow"})
    asking = await new_chat(api, settings={"permission_mode": "ask"})
    run_id = (await send(api, asking, "6*7?"))["run_id"]
    waiting = await read_until(api, run_id, "approval_required")
    assert len(of(waiting, "approval_required")) == 1
    denied = await api.post(f"/api/runs/{run_id}/approvals/toolu_run1", json={"approve": False})
    assert denied.status_code == 200
    await read_until(api, run_id, after=waiting[-1].id)

    # a chat without its own choice runs the code at once
    llm.push({"tool_calls": [run_code("print(6 * 7)")]}, {"text": ["42."]})
    chat = await new_chat(api)
    frames = await read_until(api, (await send(api, chat, "6*7?"))["run_id"])
    assert of(frames, "approval_required") == []
    [result] = of(frames, "tool_result")
    assert "42" in result["content"]

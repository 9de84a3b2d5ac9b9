"""Bad input gets a clear 4xx with a readable message; no input produces a 500."""

from __future__ import annotations

import random
import string

from tests.api.test_runs import new_chat
from tests.conftest import ApiClient


async def test_malformed_bodies_are_explained(api: ApiClient) -> None:
    cid = await new_chat(api)
    raw = await api.post(
        f"/api/conversations/{cid}/messages",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert raw.status_code == 422
    assert raw.json()["detail"] == "The request body is not valid JSON."
    wrong_type = await api.post(f"/api/conversations/{cid}/messages", json={"content": 42})
    assert wrong_type.status_code == 422
    assert wrong_type.json()["detail"].startswith("content:")
    empty = await api.post(f"/api/conversations/{cid}/messages", json={"content": ""})
    assert empty.status_code == 422
    blank = await api.post(f"/api/conversations/{cid}/messages", json={"content": "   "})
    assert blank.status_code == 422 and "empty" in blank.json()["detail"]
    extra = await api.post(f"/api/conversations/{cid}/messages", json={"content": "x", "evil": 1})
    assert extra.status_code == 422 and "evil" in extra.json()["detail"]
    bad_settings = await api.post("/api/conversations", json={"settings": {"temperature": 7}})
    assert bad_settings.status_code == 422 and "temperature" in bad_settings.json()["detail"]


async def test_oversized_message_is_refused_with_the_limit(api: ApiClient) -> None:
    cid = await new_chat(api)
    response = await api.post(f"/api/conversations/{cid}/messages", json={"content": "x" * 20_001})
    assert response.status_code == 422
    assert "20,001" in response.json()["detail"] and "20,000" in response.json()["detail"]
    conversation = (await api.get(f"/api/conversations/{cid}/messages")).json()
    assert conversation["messages"] == []


async def test_unknown_model_is_refused(api: ApiClient) -> None:
    created = await api.post("/api/conversations", json={"model": "gpt-17-ultra"})
    assert created.status_code == 422
    assert "Unknown model 'gpt-17-ultra'" in created.json()["detail"]
    cid = await new_chat(api)
    send = await api.post(
        f"/api/conversations/{cid}/messages", json={"content": "hi", "model": "nope"}
    )
    assert send.status_code == 422 and "Unknown model" in send.json()["detail"]
    patch = await api.patch(f"/api/conversations/{cid}", json={"model": "nope"})
    assert patch.status_code == 422


async def test_a_claude_model_the_api_does_not_offer_says_so(api: ApiClient) -> None:
    """The server's API list (the fake's) has no such model: retired, or never existed."""
    cid = await new_chat(api)
    send = await api.post(
        f"/api/conversations/{cid}/messages", json={"content": "hi", "model": "claude-2-1"}
    )
    assert send.status_code == 422
    assert send.json()["detail"] == (
        "Anthropic's API does not offer the model 'claude-2-1' (it may have been retired): "
        "choose another model."
    )
    messages = (await api.get(f"/api/conversations/{cid}/messages")).json()["messages"]
    assert messages == []


async def test_model_of_an_unconfigured_provider_names_the_missing_setting(api: ApiClient) -> None:
    response = await api.post("/api/conversations", json={"model": "openai/llama3.2:3b"})
    assert response.status_code == 422
    assert "OPENAI_BASE_URL" in response.json()["detail"]


async def test_unknown_ids_are_404_not_500(api: ApiClient) -> None:
    for path in (
        "/api/conversations/nope",
        "/api/conversations/nope/messages",
        "/api/runs/nope/events",
    ):
        assert (await api.get(path)).status_code == 404, path
    assert (await api.post("/api/runs/nope/cancel")).status_code == 404
    assert (await api.get("/api/nothing-here")).status_code == 404


async def test_random_garbage_never_produces_a_500(api: ApiClient) -> None:
    cid = await new_chat(api)
    rng = random.Random(7)
    values: list[object] = [
        None,
        True,
        -1,
        0,
        10**30,
        3.5,
        "",
        "x" * 5000,
        [],
        {},
        ["a"],
        {"a": 1},
        "\u0000\ud7ff",
    ]
    targets = [
        ("POST", "/api/auth/register"),
        ("POST", "/api/auth/login"),
        ("POST", "/api/conversations"),
        ("PATCH", f"/api/conversations/{cid}"),
        ("POST", f"/api/conversations/{cid}/messages"),
    ]
    keys = [
        "email",
        "password",
        "name",
        "title",
        "model",
        "content",
        "parent_id",
        "pinned",
        "settings",
        "archived",
    ]
    for _ in range(150):
        method, path = rng.choice(targets)
        body = {rng.choice(keys): rng.choice(values) for _ in range(rng.randint(0, 3))}
        response = await api.request(method, path, json=body)
        assert response.status_code < 500, (method, path, body, response.text)
        assert response.json().get("detail") or response.status_code < 300
    for junk in ["", "[]", "null", '"', "".join(rng.choices(string.printable, k=200))]:
        response = await api.post(
            "/api/conversations", content=junk, headers={"content-type": "application/json"}
        )
        assert response.status_code == 422, junk
    # whatever garbage created, the list still renders
    assert (await api.get("/api/conversations")).status_code == 200

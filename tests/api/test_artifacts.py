"""Artifacts end to end over HTTP: made by tool calls or tags, versioned, edited, owned, published."""

from __future__ import annotations

from typing import Any

from tests.api.sse import Frame, read_run
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient, RunningServer
from tests.fakes.llm_server import LLMFake

PAGE = "<!doctype html>\n<h1>Hello</h1>\n<p>First draft</p>"


def create_call(identifier: str = "page", content: str = PAGE, chunks: int = 6) -> dict[str, Any]:
    return {
        "name": "artifacts",
        "chunks": chunks,
        "input": {
            "command": "create",
            "identifier": identifier,
            "type": "html",
            "title": "Hello page",
            "content": content,
        },
    }


def update_call(old: str, new: str) -> dict[str, Any]:
    return {
        "name": "artifacts",
        "input": {"command": "update", "identifier": "page", "old_str": old, "new_str": new},
    }


def of(frames: list[Frame], kind: str) -> list[dict[str, Any]]:
    return [f.data for f in frames if f.event == kind]


def tool_results_sent(llm: LLMFake) -> list[dict[str, Any]]:
    """The tool_result blocks of every request the model received, in order."""
    results = []
    for request in llm.generation_requests():
        for message in request.body.get("messages", []):
            if isinstance(message["content"], list):
                results += [b for b in message["content"] if b["type"] == "tool_result"]
    return results


async def make_page(api: ApiClient, llm: LLMFake) -> tuple[str, list[Frame], str]:
    """A conversation whose first answer created the `page` artifact through the tool."""
    llm.push(
        {"text": ["Here is a page."], "tool_calls": [create_call()]},
        {"text": ["It says hello."]},
    )
    chat = await new_chat(api)
    frames = await read_run(api, (await send(api, chat, "Make a page"))["run_id"])
    artifact_id = of(frames, "artifact")[0]["artifact_id"]
    return chat, frames, artifact_id


async def test_a_tool_call_streams_the_artifact_and_stores_version_one(
    api: ApiClient, llm: LLMFake
) -> None:
    chat, frames, artifact_id = await make_page(api, llm)

    [start] = of(frames, "artifact_start")
    assert start["identifier"] == "page" and start["operation"] == "create"
    deltas = of(frames, "artifact_delta")
    assert len(deltas) > 1  # the content arrived in pieces, while the model wrote it
    assert "".join(d["text"] for d in deltas) == PAGE
    [stored] = of(frames, "artifact")
    assert stored["version"] == 1 and stored["content"] == PAGE
    kinds = [f.event for f in frames]
    assert kinds.index("artifact_start") < kinds.index("artifact") < kinds.index("message_stop")
    # the model was told and carried on in the same answer
    assert tool_results_sent(llm)[-1]["content"] == "Created 'page'; it is now version 1."
    answer = (await messages(api, chat))[-1]
    assert answer["parts"] == [
        {"type": "text", "text": "Here is a page."},
        {
            "type": "artifact_ref",
            "artifact_id": artifact_id,
            "identifier": "page",
            "artifact_type": "html",
            "title": "Hello page",
            "operation": "create",
            "version": 1,
        },
        {"type": "text", "text": "It says hello."},
    ]
    listed = (await api.get(f"/api/conversations/{chat}/artifacts")).json()["artifacts"]
    assert [(a["id"], a["version"], a["content"], a["type"]) for a in listed] == [
        (artifact_id, 1, PAGE, "html")
    ]


async def test_update_makes_version_two_and_a_bad_update_goes_back_to_the_model(
    api: ApiClient, llm: LLMFake
) -> None:
    chat, _, artifact_id = await make_page(api, llm)
    llm.push(
        {"tool_calls": [update_call("<p>Nowhere</p>", "<p>x</p>")]},
        {"tool_calls": [update_call("First draft", "Second draft")]},
        {"text": ["Changed."]},
    )
    frames = await read_run(api, (await send(api, chat, "Change the paragraph"))["run_id"])

    [failed] = of(frames, "artifact_failed")
    assert failed["artifact_id"] == artifact_id and "was not found" in failed["message"]
    failure, success = tool_results_sent(llm)[-2:]
    assert failure["is_error"] is True and "was not found in 'page'" in failure["content"]
    assert success["content"] == "Updated 'page'; it is now version 2."
    [stored] = of(frames, "artifact")
    assert stored["version"] == 2 and stored["operation"] == "update"
    assert stored["content"] == PAGE.replace("First draft", "Second draft")
    versions = (await api.get(f"/api/artifacts/{artifact_id}/versions")).json()["versions"]
    answers = [m["id"] for m in await messages(api, chat) if m["role"] == "assistant"]
    assert [(v["version"], v["operation"], v["message_id"]) for v in versions] == [
        (1, "create", answers[0]),
        (2, "update", answers[1]),
    ]
    # the failed attempt left no card behind
    cards = [p for p in (await messages(api, chat))[-1]["parts"] if p["type"] == "artifact_ref"]
    assert [c["version"] for c in cards] == [2]


async def test_an_artifact_tag_in_text_becomes_an_artifact_and_the_model_sees_it_later(
    api: ApiClient, llm: LLMFake
) -> None:
    llm.push(
        {
            "text": [
                "A diagram:\n<artif",
                'act identifier="flow" type="mermaid" title="Flow">\ngraph TD;\n',
                "  A-->B\n</artifact>\nDone.",
            ]
        }
    )
    chat = await new_chat(api)
    frames = await read_run(api, (await send(api, chat, "Draw"))["run_id"])

    text = "".join(f.data["text"] for f in frames if f.event == "text_delta")
    assert text == "A diagram:\n\nDone."
    [stored] = of(frames, "artifact")
    assert (stored["artifact_type"], stored["content"]) == ("mermaid", "graph TD;\n  A-->B")

    llm.push({"text": ["Sure."]})
    await read_run(api, (await send(api, chat, "Add C"))["run_id"])
    history = next(
        r.body["messages"] for r in reversed(llm.generation_requests()) if "Add C" in str(r.body)
    )
    assert (
        '<artifact identifier="flow" type="mermaid" title="Flow">\ngraph TD;\n  A-->B\n</artifact>'
        in (history[1]["content"])
    )


async def test_a_manual_edit_is_a_new_version_made_by_no_message(
    api: ApiClient, llm: LLMFake
) -> None:
    _, _, artifact_id = await make_page(api, llm)

    edited = await api.put(
        f"/api/artifacts/{artifact_id}", json={"content": "<h1>Mine</h1>", "title": "My page"}
    )
    assert edited.status_code == 200, edited.text
    assert (edited.json()["version"], edited.json()["title"]) == (2, "My page")
    same = await api.put(f"/api/artifacts/{artifact_id}", json={"content": "<h1>Mine</h1>"})
    assert same.json()["version"] == 2  # nothing changed, no empty version
    versions = (await api.get(f"/api/artifacts/{artifact_id}/versions")).json()["versions"]
    assert [(v["version"], v["operation"], v["message_id"]) for v in versions][-1] == (
        2,
        "edit",
        None,
    )
    current = (await api.get(f"/api/artifacts/{artifact_id}")).json()
    assert current["content"] == "<h1>Mine</h1>"

    too_big = await api.put(f"/api/artifacts/{artifact_id}", json={"content": "x" * 1_000_001})
    assert too_big.status_code == 422 and "content" in too_big.json()["detail"]
    assert (await api.get(f"/api/artifacts/{artifact_id}")).json()["version"] == 2


async def test_publish_gives_a_stable_link_and_revoking_removes_it(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    _, _, artifact_id = await make_page(api, llm)

    first = await api.post(f"/api/artifacts/{artifact_id}/publish")
    again = await api.post(f"/api/artifacts/{artifact_id}/publish")
    url = first.json()["public_url"]
    assert url.startswith("/a/") and len(url) > 30 and again.json()["public_url"] == url
    assert (await api.get(f"/api/artifacts/{artifact_id}")).json()["public_url"] == url
    # anyone with the link, signed in or not, sees the artifact and nothing of its owner
    async with ApiClient(base_url=server.url) as stranger:
        page = await stranger.get(url)
        assert page.status_code == 200 and "Hello page" in page.text
        assert "\\u003ch1\\u003eHello" in page.text  # the content, escaped inside its JSON
        assert "default-src" in page.headers["content-security-policy"]
        me = (await api.get("/api/auth/me")).json()
        assert me["email"] not in page.text and me["name"] not in page.text

        assert (await api.delete(f"/api/artifacts/{artifact_id}/publish")).status_code == 204
        assert (await stranger.get(url)).status_code == 404
    assert (await api.get(f"/api/artifacts/{artifact_id}")).json()["public_url"] is None
    republished = (await api.post(f"/api/artifacts/{artifact_id}/publish")).json()["public_url"]
    assert republished != url  # a revoked link never comes back to life


async def test_another_user_gets_404_for_every_artifact_route(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    chat, _, artifact_id = await make_page(api, llm)

    async with ApiClient(base_url=server.url) as other:
        await other.sign_up()
        attempts = [
            other.get(f"/api/conversations/{chat}/artifacts"),
            other.get(f"/api/artifacts/{artifact_id}"),
            other.get(f"/api/artifacts/{artifact_id}/versions"),
            other.put(f"/api/artifacts/{artifact_id}", json={"content": "pwned"}),
            other.delete(f"/api/artifacts/{artifact_id}"),
            other.post(f"/api/artifacts/{artifact_id}/publish"),
            other.delete(f"/api/artifacts/{artifact_id}/publish"),
        ]
        for attempt in attempts:
            response = await attempt
            assert response.status_code == 404, (response.request.url, response.text)
            assert "Hello" not in response.text
    assert (await api.get(f"/api/artifacts/{artifact_id}")).json()["content"] == PAGE


async def test_deleting_an_artifact_removes_it_and_its_versions(
    api: ApiClient, llm: LLMFake
) -> None:
    chat, _, artifact_id = await make_page(api, llm)

    assert (await api.delete(f"/api/artifacts/{artifact_id}")).status_code == 204
    assert (await api.get(f"/api/artifacts/{artifact_id}")).status_code == 404
    assert (await api.get(f"/api/artifacts/{artifact_id}/versions")).status_code == 404
    assert (await api.get(f"/api/conversations/{chat}/artifacts")).json()["artifacts"] == []
    # the conversation carries on; the deleted artifact is no longer shown to the model
    llm.push({"text": ["Ok."]})
    await read_run(api, (await send(api, chat, "Thanks"))["run_id"])
    last = next(r.body for r in reversed(llm.generation_requests()) if "Thanks" in str(r.body))
    assert "<artifact" not in str(last["messages"])

"""Another user's conversation, message or run answers 404, never 403 and never the data."""

from __future__ import annotations

from tests.api.sse import read_run
from tests.api.test_runs import new_chat, send
from tests.conftest import ApiClient, RunningServer


async def test_second_user_gets_404_for_everything_of_the_first(
    api: ApiClient, server: RunningServer
) -> None:
    chat = await new_chat(api)
    started = await send(api, chat, "private thoughts")
    await read_run(api, started["run_id"])
    answer_id = started["assistant_message"]["id"]
    run_id = started["run_id"]

    async with ApiClient(base_url=server.url) as other:
        await other.sign_up()
        attempts = [
            other.get(f"/api/conversations/{chat}"),
            other.patch(f"/api/conversations/{chat}", json={"title": "mine now"}),
            other.delete(f"/api/conversations/{chat}"),
            other.get(f"/api/conversations/{chat}/messages"),
            other.post(f"/api/conversations/{chat}/messages", json={"content": "hi"}),
            other.post(f"/api/conversations/{chat}/messages/{answer_id}/regenerate", json={}),
            other.get(f"/api/runs/{run_id}/events"),
            other.post(f"/api/runs/{run_id}/cancel"),
        ]
        for attempt in attempts:
            response = await attempt
            assert response.status_code == 404, (response.request.url, response.text)
            assert "private" not in response.text
        listing = (await other.get("/api/conversations")).json()
        assert all(c["id"] != chat for c in listing["items"])
        # their own conversation cannot adopt someone else's message as parent
        theirs = await new_chat(other)
        hijack = await other.post(
            f"/api/conversations/{theirs}/messages", json={"content": "x", "parent_id": answer_id}
        )
        assert hijack.status_code == 404

    still = await api.get(f"/api/conversations/{chat}")
    assert still.status_code == 200 and still.json()["title"] != "mine now"

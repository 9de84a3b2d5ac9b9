from __future__ import annotations

from tests.api.sse import read_run
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient


async def test_create_rename_pin_archive_and_delete(api: ApiClient) -> None:
    created = await api.post("/api/conversations", json={"title": "Plans"})
    assert created.status_code == 201
    conversation = created.json()
    assert conversation["title"] == "Plans"
    assert conversation["model"] == "claude-sonnet-4-5-20250929"
    cid = conversation["id"]
    renamed = await api.patch(
        f"/api/conversations/{cid}", json={"title": "  Trip plans  ", "pinned": True}
    )
    assert renamed.json()["title"] == "Trip plans" and renamed.json()["pinned"] is True
    await api.patch(f"/api/conversations/{cid}", json={"archived": True})
    assert cid not in [c["id"] for c in (await api.get("/api/conversations")).json()["items"]]
    archived = (await api.get("/api/conversations", params={"archived": True})).json()["items"]
    assert [c["id"] for c in archived] == [cid]
    assert (await api.delete(f"/api/conversations/{cid}")).status_code == 204
    assert (await api.get(f"/api/conversations/{cid}")).status_code == 404


async def test_delete_removes_the_messages_too(api: ApiClient) -> None:
    cid = await new_chat(api)
    await read_run(api, (await send(api, cid))["run_id"])
    assert len(await messages(api, cid)) == 2
    assert (await api.delete(f"/api/conversations/{cid}")).status_code == 204
    assert (await api.get(f"/api/conversations/{cid}/messages")).status_code == 404


async def test_list_is_newest_activity_first_and_paginates(api: ApiClient) -> None:
    ids = [await new_chat(api) for _ in range(5)]
    await read_run(api, (await send(api, ids[1]))["run_id"])  # activity moves it to the top
    page = (await api.get("/api/conversations", params={"limit": 2})).json()
    assert [c["id"] for c in page["items"]] == [ids[1], ids[4]]
    seen = [c["id"] for c in page["items"]]
    while page["next_cursor"]:
        page = (
            await api.get("/api/conversations", params={"limit": 2, "before": page["next_cursor"]})
        ).json()
        seen += [c["id"] for c in page["items"]]
    assert seen == [ids[1], ids[4], ids[3], ids[2], ids[0]]
    bad = await api.get("/api/conversations", params={"before": "!!!"})
    assert bad.status_code == 422


async def test_models_lists_the_catalog_with_capabilities_and_prices(api: ApiClient) -> None:
    body = (await api.get("/api/models")).json()
    assert body["default_model"] == "claude-sonnet-4-5-20250929"
    by_id = {m["id"]: m for m in body["models"]}
    sonnet = by_id["claude-sonnet-4-5-20250929"]
    assert sonnet["name"] == "Claude Sonnet 4.5"
    assert sonnet["context_window"] == 200_000 and sonnet["thinking"] and sonnet["vision"]
    assert (sonnet["input_price"], sonnet["output_price"]) == (3.0, 15.0)
    assert "claude-haiku-4-5-20251001" in by_id and "claude-opus-4-1-20250805" in by_id
    future = by_id["claude-future-9"]  # from the API's model list, unknown to the catalog
    assert future["thinking"] is False and future["input_price"] is None

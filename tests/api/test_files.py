"""Uploads: type from the bytes, every cap, owner scoping, dedup, and what the model receives."""

from __future__ import annotations

import base64
import io
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from parley.agent.code_tool import RUN_CODE_TOOL
from tests.api import file_corpus as corpus
from tests.api.sse import read_run
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import (
    ApiClient,
    RunningServer,
    postgres_database,
    serve,
    server_settings,
)
from tests.fakes.llm_server import LLMFake

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


async def upload(
    api: ApiClient, name: str, data: bytes, claimed: str = "application/octet-stream"
) -> Any:
    return await api.post("/api/files", files={"file": (name, data, claimed)})


async def uploaded(api: ApiClient, name: str, data: bytes) -> dict[str, Any]:
    response = await upload(api, name, data)
    assert response.status_code == 201, response.text
    return dict(response.json())


# name, bytes, expected kind, expected media type
CORPUS = [
    ("photo.png", corpus.image("PNG"), "image", "image/png"),
    ("photo.jpg", corpus.image("JPEG"), "image", "image/jpeg"),
    ("anim.gif", corpus.image("GIF", mode="P", color=3), "image", "image/gif"),
    ("pic.webp", corpus.image("WEBP"), "image", "image/webp"),
    ("report.pdf", corpus.pdf(2), "pdf", "application/pdf"),
    ("minutes.docx", corpus.docx(), "document", DOCX),
    ("sales.xlsx", corpus.xlsx(), "spreadsheet", XLSX),
    ("deck.pptx", corpus.pptx(), "document", PPTX),
    ("data.csv", corpus.CSV_TEXT.encode(), "spreadsheet", "text/csv"),
    ("notes.txt", "naïve café — ünïcödé ✓\n".encode(), "text", "text/plain"),
    ("brief.txt", corpus.LATIN1_TEXT.encode("latin-1"), "text", "text/plain"),
    ("script.py", b"def main():\n    return 42\n", "code", "text/x-python"),
    # a PNG renamed .txt is still an image
    ("really-an-image.txt", corpus.image("PNG", color="red"), "image", "image/png"),
]


@pytest.mark.parametrize(("name", "data", "kind", "media_type"), CORPUS, ids=[c[0] for c in CORPUS])
async def test_type_comes_from_the_bytes(
    api: ApiClient, name: str, data: bytes, kind: str, media_type: str
) -> None:
    response = await upload(api, name, data, claimed="text/html")  # the browser's claim is ignored
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["kind"], body["media_type"]) == (kind, media_type)
    assert body["size"] == len(data) and body["name"] == name
    assert body["sha256"] == __import__("hashlib").sha256(data).hexdigest()
    fetched = await api.get(f"/api/files/{body['id']}")
    assert fetched.status_code == 200 and fetched.json()["id"] == body["id"]


async def test_text_is_extracted_once_at_upload_and_page_numbered(api: ApiClient) -> None:
    pdf = await uploaded(api, "report.pdf", corpus.pdf(3, "Revenue grew"))
    assert pdf["pages"] == 3 and pdf["has_preview"] is True
    text = (await api.get(f"/api/files/{pdf['id']}/text")).json()["text"]
    assert "--- Page 1 ---\nRevenue grew, page 1" in text and "--- Page 3 ---" in text

    doc = (
        await api.get(f"/api/files/{(await uploaded(api, 'm.docx', corpus.docx()))['id']}/text")
    ).json()
    assert "# Minutes" in doc["text"] and "The board approved the budget." in doc["text"]
    assert "| Chairs | 120 |" in doc["text"]

    sheet = await uploaded(api, "sales.xlsx", corpus.xlsx())
    assert (
        "--- Sheet: Sales ---\nregion,units\nnorth,12"
        in (await api.get(f"/api/files/{sheet['id']}/text")).json()["text"]
    )

    deck = await uploaded(api, "deck.pptx", corpus.pptx())
    deck_text = (await api.get(f"/api/files/{deck['id']}/text")).json()["text"]
    assert "--- Slide 1 ---" in deck_text and "Ship files in December" in deck_text

    latin = await uploaded(api, "brief.txt", corpus.LATIN1_TEXT.encode("latin-1"))
    assert (await api.get(f"/api/files/{latin['id']}/text")).json()[
        "text"
    ] == corpus.LATIN1_TEXT.strip()

    page = b"<html><head><style>p{}</style><script>evil()</script></head><body><h1>Title</h1><p>Body text</p></body></html>"
    html = await uploaded(api, "page.html", page)
    assert html["kind"] == "document"
    html_text = (await api.get(f"/api/files/{html['id']}/text")).json()["text"]
    assert "Title" in html_text and "Body text" in html_text and "evil" not in html_text

    image = await uploaded(api, "p.png", corpus.image("PNG"))
    assert (await api.get(f"/api/files/{image['id']}/text")).status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("invoice.pdf", corpus.elf_binary(), "is a Linux program (ELF), not a PDF file"),
        (
            "setup.exe",
            b"MZ" + b"\0" * 58 + (64).to_bytes(4, "little") + b"PE\0\0" + b"\0" * 200,
            "Windows program",
        ),
        ("bundle.zip", corpus.zip_archive(), "Archives are not accepted"),
        ("broken.pdf", b"%PDF-1.7\n" + secrets.token_bytes(2000), "could not be read as a PDF"),
        (
            "bad.png",
            b"\x89PNG\r\n\x1a\n" + secrets.token_bytes(300),
            "could not be read as an image",
        ),
    ],
    ids=["elf", "pe", "zip", "damaged-pdf", "damaged-png"],
)
async def test_hostile_or_broken_files_are_refused_with_the_reason(
    api: ApiClient, server: RunningServer, name: str, data: bytes, reason: str
) -> None:
    response = await upload(api, name, data)
    assert response.status_code == 422, response.text
    assert reason in response.json()["detail"]
    assert (await api.get("/api/files")).json()["items"] == []
    assert _staged(server) == []


def _staged(server: RunningServer) -> list[Path]:
    staging = server.settings.data_dir / "files" / ".staging"
    return list(staging.iterdir()) if staging.is_dir() else []


async def test_a_decompression_bomb_is_refused_by_pillows_limit(
    api: ApiClient, server: RunningServer
) -> None:
    response = await upload(api, "huge.png", corpus.png_claiming(30_000, 30_000))
    assert response.status_code == 422
    assert "too large an image (30,000 × 30,000 pixels)" in response.json()["detail"]
    assert _staged(server) == []


async def test_a_polyglot_is_an_image_and_is_never_served_as_a_page(api: ApiClient) -> None:
    body = await uploaded(api, "cute.html", corpus.polyglot())
    assert (body["kind"], body["media_type"]) == ("image", "image/png")
    for disposition in ("attachment", "inline"):
        response = await api.get(body["content_url"], params={"disposition": disposition})
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/png"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]
        assert response.headers["content-disposition"].startswith(disposition)
        assert response.content == corpus.polyglot()


async def test_html_and_svg_are_always_downloads_of_opaque_bytes(api: ApiClient) -> None:
    page = await uploaded(
        api, "page.html", b"<html><body><script>alert(1)</script>hi</body></html>"
    )
    response = await api.get(page["content_url"], params={"disposition": "inline"})
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''page.html" in response.headers["content-disposition"]


async def test_same_content_is_stored_once_and_kept_until_its_last_file_goes(
    api: ApiClient, server: RunningServer
) -> None:
    data = corpus.image("PNG", color="purple", size=(33, 33))
    first = await uploaded(api, "a.png", data)
    second = await uploaded(api, "b.png", data)
    assert first["id"] != second["id"] and first["sha256"] == second["sha256"]
    root = server.settings.data_dir / "files"
    blob = root / first["sha256"][:2] / first["sha256"][2:4] / first["sha256"]
    assert blob.read_bytes() == data
    assert len([p for p in blob.parent.iterdir() if p.name == first["sha256"]]) == 1

    assert (await api.delete(f"/api/files/{first['id']}")).status_code == 204
    assert blob.exists()
    assert (await api.get(second["content_url"])).content == data
    assert (await api.delete(f"/api/files/{second['id']}")).status_code == 204
    assert not blob.exists()
    assert not (blob.parent / f"{first['sha256']}.preview.webp").exists()
    assert (await api.get(f"/api/files/{second['id']}")).status_code == 404


async def test_another_users_file_is_404_everywhere(
    api: ApiClient, server: RunningServer, llm: LLMFake
) -> None:
    mine = await uploaded(api, "secret.png", corpus.image("PNG", color="black"))
    async with ApiClient(base_url=server.url, timeout=30) as other:
        await other.sign_up()
        for path in ("", "/content", "/preview", "/text"):
            response = await other.get(f"/api/files/{mine['id']}{path}")
            assert response.status_code == 404, path
            assert response.json() == {"detail": "File not found."}
        assert (await other.delete(f"/api/files/{mine['id']}")).status_code == 404
        assert (await other.get("/api/files")).json()["items"] == []
        chat = await new_chat(other)
        attach = await other.post(
            f"/api/conversations/{chat}/messages",
            json={"content": "look", "attachments": [mine["id"]]},
        )
        assert attach.status_code == 404 and attach.json()["detail"] == "File not found."
        assert await messages(other, chat) == []
    mine_chat = await new_chat(api)
    async with ApiClient(base_url=server.url, timeout=30) as other:
        await other.sign_up()
        listing = await other.get(f"/api/conversations/{mine_chat}/files")
        assert listing.status_code == 404
    assert (await api.get(f"/api/files/{mine['id']}")).status_code == 200


async def test_listing_pages_newest_first(api: ApiClient) -> None:
    ids = [(await uploaded(api, f"n{i}.txt", f"note {i}".encode()))["id"] for i in range(5)]
    first = (await api.get("/api/files", params={"limit": 2})).json()
    assert [f["id"] for f in first["items"]] == ids[::-1][:2]
    rest = (
        await api.get("/api/files", params={"limit": 10, "before": first["next_cursor"]})
    ).json()
    assert [f["id"] for f in rest["items"]] == ids[::-1][2:] and rest["next_cursor"] is None
    bad = await api.get("/api/files", params={"before": "nonsense!"})
    assert bad.status_code == 422


async def test_a_message_carries_attachments_into_history_and_to_claude(
    api: ApiClient, llm: LLMFake
) -> None:
    photo = await uploaded(api, "chart.png", corpus.image("PNG", size=(3000, 2000), color="navy"))
    report_pdf = corpus.pdf(2, "Margins widened")
    report = await uploaded(api, "report.pdf", report_pdf)
    notes = await uploaded(api, "notes.md", b"# Plan\nShip it on Friday.\n")
    llm.push({"text": ["I see a navy chart."]})
    chat = await new_chat(api)
    sent = await send(
        api, chat, "What do these say?", attachments=[photo["id"], report["id"], notes["id"]]
    )
    await read_run(api, sent["run_id"])

    parts = sent["user_message"]["parts"]
    assert [p["type"] for p in parts] == ["attachment", "attachment", "attachment", "text"]
    assert parts[0]["file_id"] == photo["id"] and parts[0]["kind"] == "image"
    assert parts[0]["width"] == 3000 and parts[0]["token_estimate"] > 0
    history = await messages(api, chat)
    assert history[0]["parts"] == parts  # after a reload too
    assert (await api.get(f"/api/files/{photo['id']}")).json()["conversation_id"] == chat
    listed = (await api.get(f"/api/conversations/{chat}/files")).json()["items"]
    assert {f["id"] for f in listed} == {photo["id"], report["id"], notes["id"]}

    request = _answer_request(llm)
    blocks = request["messages"][-1]["content"]
    image = next(b for b in blocks if b["type"] == "image")
    assert image["source"]["media_type"] in ("image/png", "image/jpeg")
    with Image.open(io.BytesIO(base64.b64decode(image["source"]["data"]))) as seen:
        assert max(seen.size) <= 1568 and seen.size[0] * seen.size[1] <= 1_150_000
    document = next(b for b in blocks if b["type"] == "document")
    assert document["source"]["media_type"] == "application/pdf"
    assert base64.b64decode(document["source"]["data"]) == report_pdf
    texts = [b["text"] for b in blocks if b["type"] == "text"]
    assert any('<file name="notes.md"' in t and "Ship it on Friday." in t for t in texts)
    assert any("/mnt/user-data/uploads/notes.md" in t for t in texts)
    assert texts[-1] == "What do these say?"
    assert blocks.index(image) < len(blocks) - 1  # attachments come before the question


def _answer_request(llm: LLMFake) -> dict[str, Any]:
    """The newest request for an answer (a title request asks for a few tokens only)."""
    return next(
        r.body
        for r in reversed(llm.generation_requests())
        if r.path.endswith("/v1/messages") and r.body.get("max_tokens", 0) > 100
    )


async def test_attachments_alone_are_a_message_and_an_empty_one_is_not(
    api: ApiClient, llm: LLMFake
) -> None:
    data = await uploaded(api, "data.csv", corpus.CSV_TEXT.encode())
    chat = await new_chat(api)
    empty = await api.post(f"/api/conversations/{chat}/messages", json={"content": "  "})
    assert empty.status_code == 422 and empty.json()["detail"] == "The message is empty."
    llm.push({"text": ["A table of regions."]})
    sent = await send(api, chat, "", attachments=[data["id"]])
    await read_run(api, sent["run_id"])
    assert [p["type"] for p in sent["user_message"]["parts"]] == ["attachment"]
    conversation = (await api.get(f"/api/conversations/{chat}")).json()
    assert conversation["title"] != "New chat"


async def test_an_edit_takes_attachments_too(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    llm.push({"text": ["First."]}, {"text": ["Second."]})
    first = await send(api, chat, "Describe my file")
    await read_run(api, first["run_id"])
    picture = await uploaded(api, "cat.png", corpus.image("PNG", color="orange"))
    edited = await send(
        api, chat, "Describe this file", parent_id=None, attachments=[picture["id"]]
    )
    await read_run(api, edited["run_id"])
    assert edited["user_message"]["parent_id"] is None
    assert edited["user_message"]["parts"][0]["file_id"] == picture["id"]
    blocks = _answer_request(llm)["messages"][-1]["content"]
    assert [b["type"] for b in blocks][:1] == ["image"]


async def test_too_many_attachments_is_422(api: ApiClient, server: RunningServer) -> None:
    cap = server.settings.attachments_per_message
    note = await uploaded(api, "n.txt", b"note")
    others = [(await uploaded(api, f"n{i}.txt", f"n{i}".encode()))["id"] for i in range(cap)]
    chat = await new_chat(api)
    response = await api.post(
        f"/api/conversations/{chat}/messages",
        json={"content": "all", "attachments": [note["id"], *others]},
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith(
        f"A message can carry at most {cap} files; this one has {cap + 1}."
    )


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
async def capped(
    request: pytest.FixtureRequest, llm: LLMFake, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    """A server with small caps, and an OpenAI-compatible upstream where qwen sees images."""
    tmp = tmp_path_factory.mktemp(f"capped-{request.param}")
    caps: dict[str, Any] = {
        "upload_max_mb": 1,
        "pdf_max_pages": 4,
        "storage_quota_mb": 2,
        "image_max_pixels": 1_000_000,
        "file_text_max_chars": 1000,
        "openai_base_url": llm.openai_url,
        "openai_vision_models": "qwen2.5*",
    }
    if request.param == "sqlite":
        async with serve(server_settings(tmp, llm, **caps)) as running:
            yield running
    else:
        async with (
            postgres_database() as url,
            serve(server_settings(tmp, llm, database_url=url, **caps)) as running,
        ):
            yield running


@pytest.fixture
async def capped_api(capped: RunningServer) -> AsyncIterator[ApiClient]:
    async with ApiClient(base_url=capped.url, timeout=30) as client:
        await client.sign_up()
        yield client


async def test_an_oversized_upload_is_413_and_leaves_nothing(
    capped_api: ApiClient, capped: RunningServer
) -> None:
    response = await upload(capped_api, "big.bin", secrets.token_bytes(1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.json()["detail"] == "The file is over the upload limit of 1 MB."
    assert _staged(capped) == []
    assert (await capped_api.get("/api/files")).json()["items"] == []


async def test_an_upload_cut_off_midway_leaves_nothing(capped: RunningServer) -> None:
    import asyncio

    async with ApiClient(base_url=capped.url, timeout=30) as client:
        await client.sign_up()
        host, port = capped.url.removeprefix("http://").split(":")
        _reader, writer = await asyncio.open_connection(host, int(port))
        body_start = (
            b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n" + b"a" * 200_000
        )
        cookies = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        writer.write(
            b"POST /api/files HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: multipart/form-data; boundary=XyZ\r\n"
            + f"Content-Length: 900000\r\nCookie: {cookies}\r\n".encode()
            + f"X-CSRF-Token: {client.cookies['parley_csrf']}\r\n\r\n".encode()
            + body_start
        )
        await writer.drain()
        await asyncio.sleep(0.3)
        writer.close()
        await asyncio.sleep(0.3)
        assert _staged(capped) == []
        assert (await client.get("/api/files")).json()["items"] == []


async def test_pdf_pages_and_image_pixels_have_caps(capped_api: ApiClient) -> None:
    too_long = await upload(capped_api, "long.pdf", corpus.pdf(5))
    assert too_long.status_code == 422
    assert too_long.json()["detail"] == "“long.pdf” has 5 pages; the limit is 4 pages per PDF."
    assert (await upload(capped_api, "ok.pdf", corpus.pdf(4))).status_code == 201
    wide = await upload(capped_api, "wide.png", corpus.image("PNG", size=(1100, 1000)))
    assert wide.status_code == 422
    assert "the limit is 1 megapixels" in wide.json()["detail"]


async def test_storage_per_user_has_a_quota(capped_api: ApiClient, capped: RunningServer) -> None:
    limits = (await capped_api.get("/api/files/limits")).json()
    assert limits == {
        "upload_max_bytes": 1024 * 1024,
        "attachments_per_message": capped.settings.attachments_per_message,
        "storage_quota_bytes": 2 * 1024 * 1024,
        "storage_used_bytes": 0,
    }
    for index in range(2):
        assert (
            await upload(capped_api, f"{index}.bin", secrets.token_bytes(900_000))
        ).status_code == 201
    assert (await capped_api.get("/api/files/limits")).json()["storage_used_bytes"] == 1_800_000
    over = await upload(capped_api, "third.bin", secrets.token_bytes(900_000))
    assert over.status_code == 413
    assert "of your 2.0 MB of storage" in over.json()["detail"]
    async with ApiClient(base_url=capped.url, timeout=30) as other:
        await other.sign_up()
        assert (await upload(other, "x.bin", secrets.token_bytes(900_000))).status_code == 201


async def test_openai_models_get_image_url_parts_or_a_note_without_vision(
    capped_api: ApiClient, llm: LLMFake
) -> None:
    photo = await uploaded(capped_api, "dog.png", corpus.image("PNG", color="olive"))
    pdf = await uploaded(capped_api, "memo.pdf", corpus.pdf(1, "Budget frozen"))
    models = {m["id"]: m for m in (await capped_api.get("/api/models")).json()["models"]}
    assert models["openai/qwen2.5:7b"]["vision"] is True
    assert models["openai/llama3.2:3b"]["vision"] is False
    assert models["openai/qwen2.5:7b"]["pdf"] is False

    llm.push({"text": ["A dog."]}, {"text": ["No image."]})
    chat = await new_chat(capped_api, model="openai/qwen2.5:7b")
    await read_run(
        capped_api,
        (await send(capped_api, chat, "What is it?", attachments=[photo["id"], pdf["id"]]))[
            "run_id"
        ],
    )
    content = _openai_request(llm)["messages"][-1]["content"]
    image = next(p for p in content if p["type"] == "image_url")
    assert image["image_url"]["url"].startswith("data:image/png;base64,")
    texts = [p["text"] for p in content if p["type"] == "text"]
    assert any("--- Page 1 ---\nBudget frozen, page 1" in t for t in texts)  # PDF as text
    assert texts[-1] == "What is it?"

    blind = await new_chat(capped_api, model="openai/llama3.2:3b")
    await read_run(
        capped_api, (await send(capped_api, blind, "And now?", attachments=[photo["id"]]))["run_id"]
    )
    content = _openai_request(llm)["messages"][-1]["content"]
    assert all(p["type"] == "text" for p in content)
    assert "This model cannot see images" in content[0]["text"] and "dog.png" in content[0]["text"]


def _openai_request(llm: LLMFake) -> dict[str, Any]:
    return next(
        r.body
        for r in reversed(llm.generation_requests())
        if r.path.startswith("/openai") and r.body.get("max_tokens", 4096) > 100
    )


async def test_run_code_reads_an_uploaded_csv_and_its_xlsx_and_png_come_back(
    api: ApiClient, llm: LLMFake
) -> None:
    data = await uploaded(api, "sales.csv", corpus.CSV_TEXT.encode())
    twin = await uploaded(api, "sales.csv", b"region,units\nwest,1\n")  # same name: made unique
    code = (
        "import pandas as pd, matplotlib\n"
        "matplotlib.use('Agg')\n"
        "import matplotlib.pyplot as plt\n"
        "df = pd.read_csv('/mnt/user-data/uploads/sales.csv')\n"
        "other = pd.read_csv('/mnt/user-data/uploads/sales (2).csv')\n"
        "print('total', df['units'].sum(), 'other', other['units'].sum())\n"
        "df.to_excel('/mnt/user-data/outputs/sales.xlsx', index=False)\n"
        "df.plot.bar(x='region', y='units').get_figure().savefig('/mnt/user-data/outputs/chart.png')\n"
        "try:\n"
        "    open('/mnt/user-data/uploads/sales.csv', 'a').write('x')\n"
        "except OSError as e:\n"
        "    print('read-only', e.errno)\n"
    )
    llm.push(
        {
            "tool_calls": [
                {
                    "id": "toolu_csv",
                    "name": "run_code",
                    "input": {"language": "python", "code": code},
                }
            ]
        },
        {"text": ["The total is 49."]},
    )
    chat = await new_chat(api, settings={"permission_mode": "allow"})
    sent = await send(
        api, chat, "Sum the units and chart them", attachments=[data["id"], twin["id"]]
    )
    frames_ = await read_run(api, sent["run_id"])

    [result] = [f.data for f in frames_ if f.event == "tool_result"]
    execution = result["execution"]
    assert execution["status"] == "ok", execution["stderr"]
    assert "total 49 other 1" in execution["stdout"]
    assert "read-only 30" in execution["stdout"] or "read-only 13" in execution["stdout"]
    by_name = {f["name"]: f for f in execution["files"]}
    assert set(by_name) == {"sales.xlsx", "chart.png"}
    assert by_name["chart.png"]["inline_image"] is True
    for output in by_name.values():
        assert output["file_id"] is not None
        row = (await api.get(f"/api/files/{output['file_id']}")).json()
        assert row["origin"] == "generated" and row["conversation_id"] == chat
        download = await api.get(output["url"])
        assert download.status_code == 200 and len(download.content) == output["size"]
    xlsx_row = (await api.get(f"/api/files/{by_name['sales.xlsx']['file_id']}")).json()
    assert xlsx_row["kind"] == "spreadsheet"
    listed = {
        f["name"] for f in (await api.get(f"/api/conversations/{chat}/files")).json()["items"]
    }
    assert {"sales.xlsx", "chart.png", "sales.csv"} <= listed

    # a generated file can be attached to the next message; it is read then, like an upload
    llm.push({"text": ["It has three regions."]})
    again = await send(api, chat, "What is in the workbook?", attachments=[xlsx_row["id"]])
    await read_run(api, again["run_id"])
    text = (await api.get(f"/api/files/{xlsx_row['id']}/text")).json()["text"]
    assert "region,units\nnorth,12" in text
    blocks = _answer_request(llm)["messages"][-1]["content"]
    assert any("north,12" in b.get("text", "") for b in blocks)
    tool_text = next(t for t in _answer_request(llm)["tools"] if t["name"] == "run_code")[
        "description"
    ]
    assert tool_text == RUN_CODE_TOOL.description
    assert "/mnt/user-data/uploads" in tool_text and "/mnt/user-data/outputs" in tool_text


async def test_deleting_a_conversation_deletes_its_files_and_the_sweep_their_bytes(
    api: ApiClient, server: RunningServer, llm: LLMFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from parley.db.models import utcnow
    from parley.services import files as file_service
    from parley.services.organising import purge_deleted

    data = corpus.image("PNG", color="gold", size=(21, 13))
    photo = await uploaded(api, "gold.png", data)
    kept = await uploaded(api, "kept.txt", b"not attached anywhere")
    chat = await new_chat(api)
    llm.push({"text": ["Gold."]})
    await read_run(api, (await send(api, chat, "Colour?", attachments=[photo["id"]]))["run_id"])
    assert (await api.delete(f"/api/conversations/{chat}")).status_code == 204
    assert (await api.get(f"/api/files/{photo['id']}")).status_code == 404
    assert (await api.get(f"/api/files/{kept['id']}")).status_code == 200
    # the file rows go when the undo window has passed
    ctx = server.app.state.ctx
    await purge_deleted(ctx, now=utcnow() + timedelta(seconds=ctx.settings.undo_seconds + 1))

    storage = server.app.state.ctx.storage
    assert storage.exists(photo["sha256"])  # young: the sweep leaves it a grace period
    await file_service.sweep_orphans(server.app.state.ctx)
    assert storage.exists(photo["sha256"])
    monkeypatch.setattr(file_service, "ORPHAN_GRACE", timedelta(seconds=-1))
    await file_service.sweep_orphans(server.app.state.ctx)
    assert not storage.exists(photo["sha256"])
    assert not storage.exists(photo["sha256"] + ".preview.webp")
    assert storage.exists(kept["sha256"])
    assert (await api.get(kept["content_url"])).content == b"not attached anywhere"


async def test_long_text_is_cut_at_the_limit_and_the_model_is_told(
    capped_api: ApiClient, llm: LLMFake
) -> None:
    lines = "".join(f"Line {n}: the quick brown fox.\n" for n in range(400))
    stored = await uploaded(capped_api, "long.txt", lines.encode())
    assert stored["text_truncated"] is True and stored["text_chars"] <= 1000
    text = (await capped_api.get(f"/api/files/{stored['id']}/text")).json()
    assert text["truncated"] is True and text["text"].startswith("Line 0:")
    llm.push({"text": ["It lists lines."]})
    chat = await new_chat(capped_api)
    await read_run(
        capped_api,
        (await send(capped_api, chat, "Summarise", attachments=[stored["id"]]))["run_id"],
    )
    blocks = _answer_request(llm)["messages"][-1]["content"]
    body = next(b["text"] for b in blocks if b["text"].startswith('<file name="long.txt"'))
    assert "[The file is longer: only its first" in body and "Line 399" not in body

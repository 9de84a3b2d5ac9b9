"""With an S3 bucket, replicas share files: one stores an upload, another serves and deletes it."""

from __future__ import annotations

import secrets

from tests.api import file_corpus as corpus
from tests.conftest import ApiClient, postgres_database, serve, server_settings
from tests.fakes.llm_server import LLMFake
from tests.s3 import CREDENTIALS, create_bucket, s3_server


async def test_two_replicas_share_files_through_the_bucket(llm: LLMFake, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    bucket = f"parley-{secrets.token_hex(4)}"
    with s3_server() as endpoint:
        create_bucket(endpoint, bucket)
        shared = {
            "s3_bucket": bucket,
            "s3_endpoint_url": endpoint,
            "s3_region": "us-east-1",
            "PARLEY_S3_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
            "PARLEY_S3_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        }
        async with postgres_database() as url:
            one = server_settings(
                tmp_path_factory.mktemp("replica-1"), llm, database_url=url, **shared
            )
            two = server_settings(
                tmp_path_factory.mktemp("replica-2"), llm, database_url=url, **shared
            )
            async with serve(one) as first, serve(two) as second:
                async with ApiClient(base_url=first.url, timeout=30) as a:
                    await a.sign_up(email="s3@example.com")
                    photo = corpus.image("PNG", size=(400, 300), color="maroon")
                    stored = (
                        await a.post("/api/files", files={"file": ("p.png", photo, "image/png")})
                    ).json()
                    assert stored["kind"] == "image" and stored["has_preview"] is True
                    assert not (first.settings.data_dir / "files").exists()  # nothing on local disk
                async with ApiClient(base_url=second.url, timeout=30) as b:
                    await b.prime()
                    signed_in = await b.post(
                        "/api/auth/login",
                        json={"email": "s3@example.com", "password": "correct horse"},
                    )
                    assert signed_in.status_code == 200, signed_in.text
                    served = await b.get(stored["content_url"])
                    assert served.status_code == 200 and served.content == photo
                    assert served.headers["x-content-type-options"] == "nosniff"
                    preview = await b.get(stored["preview_url"])
                    assert preview.status_code == 200 and preview.content[:4] == b"RIFF"
                    assert (await b.delete(f"/api/files/{stored['id']}")).status_code == 204
                    assert not first.app.state.ctx.storage.exists(stored["sha256"])
                    assert not first.app.state.ctx.storage.exists(
                        stored["sha256"] + ".preview.webp"
                    )

"""The built client is served by the API process: SPA fallback, long-cached hashed assets, a strict CSP."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import RunningServer, free_port, serve


@pytest.fixture(scope="module")
async def site(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    from parley.config import Settings

    tmp: Path = tmp_path_factory.mktemp("site")
    static = tmp / "static"
    (static / "assets").mkdir(parents=True)
    (static / "index.html").write_text("<!doctype html><title>Parley</title><div id=root></div>")
    (static / "assets" / "index-abc123.js").write_text("console.log('hi')")
    big = "console.log('a long bundle');\n" * 200
    (static / "assets" / "vendor-def456.js").write_text(big)
    (static / "assets" / "vendor-def456.js.gz").write_bytes(gzip.compress(big.encode()))
    (static / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    settings = Settings(data_dir=tmp, port=free_port(), static_dir=static, anthropic_api_key=None)
    async with serve(settings) as running:
        yield running


async def test_app_routes_fall_back_to_index_with_a_strict_csp(site: RunningServer) -> None:
    async with httpx.AsyncClient(base_url=site.url) as client:
        for path in ("/", "/chat/abc", "/login", "/signup"):
            response = await client.get(path)
            assert response.status_code == 200, path
            assert "<div id=root>" in response.text
            assert response.headers["cache-control"] == "no-cache"
            csp = response.headers["content-security-policy"]
            assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
        asset = await client.get("/assets/index-abc123.js")
        assert asset.status_code == 200
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert (await client.get("/favicon.svg")).status_code == 200
        assert (await client.get("/assets/missing.js")).status_code == 404
        assert (await client.get("/api/missing")).status_code == 404
        escape = await client.get("/..%2f..%2fpyproject.toml")
        assert "[project]" not in escape.text


async def test_a_precompressed_asset_is_sent_gzipped_only_to_browsers_that_take_it(
    site: RunningServer,
) -> None:
    async with httpx.AsyncClient(base_url=site.url) as client:
        packed = await client.get("/assets/vendor-def456.js", headers={"Accept-Encoding": "gzip"})
        assert packed.headers["content-encoding"] == "gzip"
        assert packed.headers["content-type"].startswith(
            ("text/javascript", "application/javascript")
        )
        assert int(packed.headers["content-length"]) < 1000  # the .gz, not 6 KB of text
        assert packed.text.startswith("console.log('a long bundle')")  # httpx inflated it
        assert packed.headers["cache-control"] == "public, max-age=31536000, immutable"
        plain = await client.get(
            "/assets/vendor-def456.js", headers={"Accept-Encoding": "identity"}
        )
        assert "content-encoding" not in plain.headers
        assert plain.text == packed.text

from __future__ import annotations

import secrets
from pathlib import Path

from tests.conftest import ApiClient, RunningServer, free_port, serve


def email() -> str:
    return f"a{secrets.token_hex(6)}@example.com"


async def test_register_signs_in_and_me_answers(anon: ApiClient) -> None:
    address = email()
    response = await anon.post(
        "/api/auth/register",
        json={"email": address.upper(), "password": "longenough", "name": " Ada "},
    )
    assert response.status_code == 201, response.text
    assert response.json()["email"] == address
    cookie = response.headers["set-cookie"]
    assert "parley_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    me = await anon.get("/api/auth/me")
    assert me.status_code == 200
    assert me.json()["name"] == "Ada"
    assert "password" not in me.text and "hash" not in me.text


async def test_first_account_is_admin_and_later_ones_are_not(
    server: RunningServer, anon: ApiClient
) -> None:
    # the session-wide server has had accounts since its first test; a later one is never admin
    await anon.sign_up()
    me = (await anon.get("/api/auth/me")).json()
    assert me["is_admin"] is False


async def test_duplicate_email_is_a_clear_conflict(anon: ApiClient) -> None:
    address = email()
    await anon.sign_up(address)
    again = await anon.post(
        "/api/auth/register", json={"email": address, "password": "longenough", "name": "X"}
    )
    assert again.status_code == 409
    assert "already exists" in again.json()["detail"]


async def test_bad_registration_input_is_explained(anon: ApiClient) -> None:
    short = await anon.post(
        "/api/auth/register", json={"email": email(), "password": "short", "name": "X"}
    )
    assert short.status_code == 422
    assert "password" in short.json()["detail"]
    bad = await anon.post(
        "/api/auth/register", json={"email": "not-an-email", "password": "longenough", "name": "X"}
    )
    assert bad.status_code == 422
    assert "valid email" in bad.json()["detail"]
    missing = await anon.post("/api/auth/register", json={"email": email()})
    assert missing.status_code == 422
    assert "password: required" in missing.json()["detail"]


async def test_login_logout_and_wrong_password(anon: ApiClient, server: RunningServer) -> None:
    address = email()
    await anon.sign_up(address, password="right password")
    assert (await anon.post("/api/auth/logout")).status_code == 204
    assert (await anon.get("/api/auth/me")).status_code == 401
    wrong = await anon.post(
        "/api/auth/login", json={"email": address, "password": "wrong password"}
    )
    assert wrong.status_code == 401
    assert wrong.json()["detail"] == "Wrong email or password."
    unknown = await anon.post("/api/auth/login", json={"email": email(), "password": "whatever1"})
    assert unknown.status_code == 401
    ok = await anon.post("/api/auth/login", json={"email": address, "password": "right password"})
    assert ok.status_code == 200
    assert (await anon.get("/api/auth/me")).json()["email"] == address


async def test_logout_revokes_the_session_server_side(
    anon: ApiClient, server: RunningServer
) -> None:
    await anon.sign_up()
    stolen = anon.cookies.get("parley_session")
    await anon.post("/api/auth/logout")
    async with ApiClient(base_url=server.url) as thief:
        thief.cookies.set("parley_session", stolen)
        assert (await thief.get("/api/auth/me")).status_code == 401


async def test_failed_logins_are_rate_limited(anon: ApiClient) -> None:
    address = email()
    await anon.sign_up(address, password="right password")
    await anon.post("/api/auth/logout")
    for _ in range(5):  # the test server allows 5 failures a minute
        assert (
            await anon.post("/api/auth/login", json={"email": address, "password": "nope nope"})
        ).status_code == 401
    limited = await anon.post(
        "/api/auth/login", json={"email": address, "password": "right password"}
    )
    assert limited.status_code == 429
    assert "Too many failed sign-ins" in limited.json()["detail"]
    assert int(limited.headers["retry-after"]) > 0


async def test_unsafe_methods_need_the_csrf_token(server: RunningServer) -> None:
    async with ApiClient(base_url=server.url) as client:
        await client.sign_up()
        token = client.cookies["parley_csrf"]
        import httpx

        async with httpx.AsyncClient(base_url=server.url, cookies=client.cookies) as raw:
            forged = await raw.post("/api/conversations", json={})
            assert forged.status_code == 403
            assert "CSRF" in forged.json()["detail"]
            wrong = await raw.post("/api/conversations", json={}, headers={"X-CSRF-Token": "guess"})
            assert wrong.status_code == 403
            right = await raw.post("/api/conversations", json={}, headers={"X-CSRF-Token": token})
            assert right.status_code == 201


async def test_everything_needs_a_session(anon: ApiClient) -> None:
    for path in ("/api/auth/me", "/api/models", "/api/conversations", "/api/runs/x/events"):
        response = await anon.get(path)
        assert response.status_code == 401, path
        assert response.json()["detail"] == "Sign in to continue."


async def test_closed_signup_still_lets_the_first_account_in(tmp_path: Path) -> None:
    from parley.config import Settings

    settings = Settings(
        data_dir=tmp_path, port=free_port(), allow_signup=False, static_dir=tmp_path / "none"
    )
    async with serve(settings) as closed, ApiClient(base_url=closed.url) as client:
        admin = await client.sign_up()
        assert admin["is_admin"] is True
        await client.post("/api/auth/logout")
        refused = await client.post(
            "/api/auth/register", json={"email": email(), "password": "longenough", "name": "B"}
        )
        assert refused.status_code == 403
        assert "Sign-up is closed" in refused.json()["detail"]

"""The client needs no inline script and no third-party origin, so the server can send a strict
Content-Security-Policy with the page; with it, the whole client still works."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import ParleyServer, new_context, sign_up

pytestmark = pytest.mark.e2e


def test_client_works_under_the_servers_strict_csp(
    browser: Browser, parley_server: ParleyServer
) -> None:
    context = new_context(browser, parley_server)
    violations: list[str] = []
    external: list[str] = []
    page = context.new_page()
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith(parley_server.url) else None,
    )
    try:
        response = page.goto("/login")
        assert response is not None
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "unsafe-eval" not in policy, policy
        sign_up(page)
        parley_server.llm.push(
            {"text": ["Math $e^{i\\pi} + 1 = 0$ and code:\n\n```js\nconsole.log(1)\n```\n"]}
        )
        box = page.get_by_role("textbox", name="Message")
        box.fill("Show math and code")
        box.press("Enter")
        last = page.locator('[data-role="assistant"]').last
        expect(last).to_have_attribute("data-status", "complete")
        expect(last.locator(".katex").first).to_be_visible()
        expect(last.locator("pre code span").first).to_be_visible()
        assert violations == []
        assert external == [], "the client loaded something from another origin"
    finally:
        context.close()

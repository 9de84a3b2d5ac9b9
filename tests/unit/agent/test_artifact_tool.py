"""The artifacts tool's rules: what the model may change, and the errors it gets back."""

from __future__ import annotations

import itertools

import pytest

from parley.agent.artifact_tool import (
    ArtifactChange,
    ArtifactState,
    StreamingToolInput,
    ToolFailure,
    apply_change,
    change_from_tag,
    change_from_tool_input,
)

PAGE = ArtifactState(
    type="html", title="Page", language=None, content="<h1>One</h1>\n<p>x</p>\n<p>x</p>"
)


def update(old: str | None, new: str | None) -> ArtifactChange:
    return ArtifactChange(command="update", identifier="page", old_str=old, new_str=new)


def test_update_replaces_the_one_exact_passage() -> None:
    state = apply_change(PAGE, update("<h1>One</h1>", "<h1>Two</h1>"))
    assert state.content == "<h1>Two</h1>\n<p>x</p>\n<p>x</p>"
    assert (state.type, state.title) == ("html", "Page")


def test_update_with_a_missing_passage_tells_the_model_to_match_exactly() -> None:
    with pytest.raises(ToolFailure, match=r"was not found in 'page'.*exactly"):
        apply_change(PAGE, update("<h1>Three</h1>", "<h1>Two</h1>"))


def test_update_with_an_ambiguous_passage_asks_for_more_context() -> None:
    with pytest.raises(ToolFailure, match=r"appears 2 times.*more of the surrounding text"):
        apply_change(PAGE, update("<p>x</p>", "<p>y</p>"))


@pytest.mark.parametrize(("old", "new"), [("", "a"), (None, "a"), ("<h1>One</h1>", None)])
def test_update_needs_both_strings(old: str | None, new: str | None) -> None:
    with pytest.raises(ToolFailure, match="`update` needs"):
        apply_change(PAGE, update(old, new))


def test_changing_an_artifact_that_does_not_exist_says_create_it_first() -> None:
    with pytest.raises(ToolFailure, match=r"no artifact 'page'.*create"):
        apply_change(None, update("a", "b"))


def test_create_of_an_existing_identifier_rewrites_it() -> None:
    change = ArtifactChange(command="create", identifier="page", content="<p>new</p>", title="New")
    state = apply_change(PAGE, change)
    assert (state.content, state.title, state.type) == ("<p>new</p>", "New", "html")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"identifier": "x"}, "`command` must be"),
        ({"command": "delete", "identifier": "x"}, "`command` must be"),
        ({"command": "create"}, "`identifier` is required"),
        ({"command": "create", "identifier": "x", "type": "pdf"}, "Unknown type 'pdf'"),
        ({"command": "create", "identifier": "x", "content": 5}, "`content` must be a string"),
        ({"_invalid_json": "{"}, "not valid JSON"),
    ],
)
def test_malformed_tool_input_is_a_clear_tool_error(data: dict[str, object], message: str) -> None:
    with pytest.raises(ToolFailure, match=message):
        change_from_tool_input(data)


def test_claude_style_mime_types_and_missing_identifiers_in_tags() -> None:
    change = change_from_tag(
        {"type": "application/vnd.ant.react", "title": "My Chart!"}, "x", False
    )
    assert (change.type, change.identifier, change.command) == ("react", "my-chart", "create")


def test_streaming_input_reveals_content_as_it_grows() -> None:
    seen = StreamingToolInput()
    text = (
        '{"command": "create", "identifier": "p", "type": "html", "content": "<h1>Hi \\u00e9</h1>"}'
    )
    grown: list[str] = []
    for char in text:
        seen.feed(char)
        if seen.content_started():
            grown.append(seen.known("content") or "")
    assert grown[-1] == "<h1>Hi é</h1>"
    # content only ever grows: what was shown is never taken back
    assert all(b.startswith(a) for a, b in itertools.pairwise(grown))
    assert seen.known("identifier") == "p"

"""The incremental `<artifact>` parser: the same result however the text is split."""

from __future__ import annotations

import pytest

from parley.agent.artifact_tags import ArtifactTagParser, Close, Content, Open, Segment, Text


def merged(segments: list[Segment]) -> list[Segment]:
    """Adjacent text (or content) pieces joined: the split points are not part of the result."""
    out: list[Segment] = []
    for segment in segments:
        if out and isinstance(segment, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + segment.text)
        elif out and isinstance(segment, Content) and isinstance(out[-1], Content):
            out[-1] = Content(out[-1].text + segment.text)
        else:
            out.append(segment)
    return out


def parse(chunks: list[str]) -> list[Segment]:
    parser = ArtifactTagParser()
    segments: list[Segment] = []
    for chunk in chunks:
        segments += parser.feed(chunk)
    segments += parser.finish()
    return merged(segments)


def every_split(text: str) -> list[list[Segment]]:
    """The parse of `text` cut in two at every position, and char by char."""
    results = [parse([text[:i], text[i:]]) for i in range(len(text) + 1)]
    results.append(parse(list(text)))
    return results


PAGE = (
    'Here is the page.\n\n<artifact identifier="landing" type="html" title="A &amp; B">\n'
    "<!doctype html>\n<h1>Hi</h1>\n</artifact>\n\nEnjoy!"
)


def test_an_artifact_becomes_open_content_close_between_text() -> None:
    assert parse([PAGE]) == [
        Text("Here is the page.\n\n"),
        Open({"identifier": "landing", "type": "html", "title": "A & B"}),
        Content("<!doctype html>\n<h1>Hi</h1>"),
        Close(complete=True),
        Text("\n\nEnjoy!"),
    ]


def test_a_tag_split_at_any_position_parses_the_same() -> None:
    whole = parse([PAGE])
    for result in every_split(PAGE):
        assert result == whole


def test_code_fences_inside_an_artifact_are_content() -> None:
    doc = (
        "<artifact identifier='guide' type='markdown' title='Guide'>\n# Use\n\n```python\n"
        "print('<artifact>')\n```\n\nDone.\n</artifact>"
    )
    expected = [
        Open({"identifier": "guide", "type": "markdown", "title": "Guide"}),
        Content("# Use\n\n```python\nprint('<artifact>')\n```\n\nDone."),
        Close(complete=True),
    ]
    for result in every_split(doc):
        assert result == expected


def test_a_code_fence_wrapping_the_whole_content_is_removed() -> None:
    text = '<artifact identifier="a" type="code" language="python" title="A">\n```python\nx = 1\n```\n</artifact>'
    for result in every_split(text):
        assert result[1] == Content("x = 1")


def test_a_tag_inside_a_markdown_code_fence_is_an_example_and_stays_text() -> None:
    text = (
        'Write it like this:\n```xml\n<artifact identifier="x" type="html">hi</artifact>\n```\nok'
    )
    for result in every_split(text):
        assert result == [Text(text)]


def test_an_unterminated_artifact_is_closed_incomplete_at_the_end() -> None:
    text = 'Sure.\n<artifact identifier="app" type="react" title="App">\nexport default () => <div'
    for result in every_split(text):
        assert result == [
            Text("Sure.\n"),
            Open({"identifier": "app", "type": "react", "title": "App"}),
            Content("export default () => <div"),
            Close(complete=False),
        ]


def test_several_artifacts_in_one_message() -> None:
    text = (
        '<artifact identifier="one" type="svg" title="One"><svg/></artifact> and '
        '<artifact identifier="two" type="mermaid" title="Two">\ngraph TD; A-->B\n</artifact>.'
    )
    for result in every_split(text):
        assert result == [
            Open({"identifier": "one", "type": "svg", "title": "One"}),
            Content("<svg/>"),
            Close(complete=True),
            Text(" and "),
            Open({"identifier": "two", "type": "mermaid", "title": "Two"}),
            Content("graph TD; A-->B"),
            Close(complete=True),
            Text("."),
        ]


@pytest.mark.parametrize(
    "text", ["a < b and <artifacts> or <art", "1 <a href='x'>link</a>", "x <artifact", "<"]
)
def test_text_that_only_looks_like_a_tag_is_kept_verbatim(text: str) -> None:
    for result in every_split(text):
        assert result == [Text(text)]


def test_content_streams_before_the_closing_tag_arrives() -> None:
    parser = ArtifactTagParser()
    segments = parser.feed('<artifact identifier="a" type="html" title="A">\n<p>one</p>\n<p>tw')
    streamed = "".join(s.text for s in segments if isinstance(s, Content))
    assert streamed.startswith("<p>one</p>\n")
    assert not any(isinstance(s, Close) for s in segments)

"""run_code's input: the sandbox's language names and aliases, and clear errors for the model."""

from __future__ import annotations

import pytest

from parley.agent.code_tool import CodeRequest, code_request


@pytest.mark.parametrize(
    ("language", "expected"),
    [("python", "python"), ("Py", "python"), ("node", "javascript"), ("sh", "bash")],
)
def test_languages_take_the_sandboxs_names(language: str, expected: str) -> None:
    assert code_request({"language": language, "code": "x"}) == CodeRequest(expected, "x")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"language": "cobol", "code": "x"}, "`language` must be one of python, javascript, bash"),
        ({"language": 3, "code": "x"}, "`language` must be one of"),
        ({"language": "python", "code": "  "}, "`code` is required"),
        ({"language": "python"}, "`code` is required"),
    ],
)
def test_bad_input_is_a_sentence_for_the_model(data: dict[str, object], message: str) -> None:
    result = code_request(data)
    assert isinstance(result, str) and result.startswith(message)

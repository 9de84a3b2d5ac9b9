"""The embedded model's stop sequences: the text ends before the first one, none of it shown."""

from __future__ import annotations

from parley.providers.local import _StopWatch


def run(pieces: list[str], stops: tuple[str, ...]) -> tuple[str, bool]:
    watch = _StopWatch(stops)
    shown = ""
    for piece in pieces:
        text, stopped = watch.feed(piece)
        shown += text
        if stopped:
            return shown, True
    tail, _ = watch.feed("", final=True)
    return shown + tail, False


def test_a_stop_sequence_split_across_tokens_is_never_shown() -> None:
    assert run(["Hello ", "E", "N", "D", " more"], ("END",)) == ("Hello ", True)


def test_a_held_back_prefix_that_is_not_a_stop_is_shown_after_all() -> None:
    assert run(["Hello E", "N", "gland"], ("END",)) == ("Hello ENgland", False)
    assert run(["ends with E"], ("END",)) == ("ends with E", False)


def test_the_earliest_of_several_stops_wins_and_no_stops_change_nothing() -> None:
    assert run(["a STOP b END c"], ("END", "STOP")) == ("a ", True)
    assert run(["any ", "text"], ()) == ("any text", False)

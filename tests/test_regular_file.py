"""A named pipe given as a file is refused in words at once, never waited on for ever."""

from __future__ import annotations

import os
import threading

import pytest

from game.cli import main
from game.regular_file import open_regular

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def pipe(tmp_path):
    """A named pipe nobody writes to: opening it to read the usual way waits for ever.

    So that code which does wait fails rather than hangs the tests, a writer comes along
    and goes at once (the reader then sees an empty file) while the test runs.
    """
    path = tmp_path / "pipe.json"  # what `report` reads; the others read any name
    os.mkfifo(path)
    stop = threading.Event()
    writer = threading.Thread(target=_come_and_go, args=(path, stop), daemon=True)
    writer.start()
    yield path
    stop.set()
    writer.join()


def _come_and_go(path, stop: threading.Event) -> None:
    """Open the pipe to write whenever someone is reading it, and close it straight away."""
    while not stop.wait(0.2):
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            continue  # no reader yet (ENXIO), or the test moved the pipe


def test_a_pipe_is_not_opened(pipe):
    with pytest.raises(OSError, match="it is a named pipe, not a file"):
        open_regular(pipe)


def test_a_plain_file_is_read(tmp_path):
    path = tmp_path / "plain.yaml"
    path.write_bytes(b"title: x\n")
    with open_regular(path) as file:
        assert file.read() == b"title: x\n"


def test_validate_names_the_pipe(pipe, capsys):
    assert main(["validate", str(pipe)]) == 1
    assert f"{pipe}:1:1: cannot read the file: it is a named pipe, not a file" in (
        capsys.readouterr().out
    )


def test_play_and_sim_refuse_the_pipe_as_a_scenario(pipe, capsys):
    from game.cli import build_parser
    from game.commands.play import _session

    parser, _handlers = build_parser()
    assert _session(parser.parse_args(["play", str(pipe)])) is None
    assert main(["sim", "--scenario", str(pipe), "--games", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count(f"{pipe}:1:1: cannot read the file: it is a named pipe, not a file") == 2


def test_report_refuses_the_pipe_as_a_save(pipe, tmp_path, capsys):
    assert main(["report", str(pipe), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"{pipe}: cannot read the save: it is a named pipe, not a file\n"
    )

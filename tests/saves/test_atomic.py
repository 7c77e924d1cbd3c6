"""An interrupted write leaves the earlier save readable, and no stray files behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from game.saves import SaveError, load_save, write_atomic, write_save
from game.saves import atomic as atomic_module
from game.saves.atomic import STALE_SECONDS, remove_stale_temporaries
from tests.saves.helpers import long_game, record_for, scenario_copy, use_data_folder


@pytest.fixture
def earlier(tmp_path, monkeypatch):
    use_data_folder(tmp_path, monkeypatch)
    scenario, path = scenario_copy(tmp_path)
    final = long_game(scenario)
    record = record_for(scenario, path, final.seed)
    from game.engine import replay

    early = replay(scenario, final.seed, final.moves[:3])
    saved = write_save(record, early)
    return record, early, final, saved


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_failure_between_write_and_rename_keeps_the_earlier_save(earlier, monkeypatch):
    record, early, final, saved = earlier
    before = saved.read_bytes()

    def power_cut(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic_module.os, "replace", power_cut)
    with pytest.raises(SaveError, match="could not be saved: Input/output error"):
        write_save(record, final)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert load_save(saved).state == early
    assert _leftovers(saved.parent) == []


def test_a_failure_while_syncing_keeps_the_earlier_save(earlier, monkeypatch):
    record, early, final, saved = earlier

    def broken_disk(handle):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "fsync", broken_disk)
    with pytest.raises(SaveError, match="No space left"):
        write_save(record, final)
    monkeypatch.undo()
    assert load_save(saved).state == early
    assert _leftovers(saved.parent) == []


def test_an_interrupt_mid_write_keeps_the_earlier_save(earlier, monkeypatch):
    record, early, final, saved = earlier
    real_fdopen = os.fdopen

    class Interrupted:
        def __init__(self, handle, mode):
            self.file = real_fdopen(handle, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, data):
            self.file.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(atomic_module.os, "fdopen", Interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_save(record, final)
    monkeypatch.undo()
    assert load_save(saved).state == early
    assert _leftovers(saved.parent) == []


def test_a_successful_write_replaces_the_file(tmp_path):
    target = tmp_path / "deep" / "file.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.json"]


def test_a_new_file_gets_the_usual_permissions_and_keeps_them(tmp_path):
    target = tmp_path / "shared.json"
    write_atomic(target, b"one")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    target.chmod(0o640)
    write_atomic(target, b"two")
    assert target.stat().st_mode & 0o777 == 0o640


def test_the_temporary_file_a_crash_would_leave_is_recognised_once_stale(tmp_path, monkeypatch):
    # A `kill -9` between creating the temporary file and renaming it leaves it behind;
    # whatever name write_atomic gives it, the clean-up knows it, but only once stale.
    made = []
    real_mkstemp = atomic_module.tempfile.mkstemp

    def recording(*args, **kwargs):
        handle, name = real_mkstemp(*args, **kwargs)
        made.append(name)
        return handle, name

    monkeypatch.setattr(atomic_module.tempfile, "mkstemp", recording)
    target = tmp_path / "game.json"
    write_atomic(target, b"{}")
    (left,) = made
    Path(left).write_bytes(b"{")  # as the crash left it
    now = time.time()
    assert remove_stale_temporaries(tmp_path, ".json", now=now) == []
    later = now + STALE_SECONDS + 1
    assert remove_stale_temporaries(tmp_path, ".json", now=later) == [Path(left)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json"]

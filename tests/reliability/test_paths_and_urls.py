"""Issue 17, items 1, 2, 3 and 9: path problems in a folder, a read-only SQLite URI,
a file asked for and not read, a plain path for --db. One line each, never a traceback."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from chronica.cli import main

GOOD = "Marta Kowal opened a bakery in Krakow in 1908. She sold it in 1921.\n"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_symlink_loop_in_folder_is_one_line_and_the_good_file_is_built(tmp_path):
    folder = tmp_path / "loop"
    folder.mkdir()
    os.symlink("b", folder / "b")  # b -> b: resolving it loops
    os.symlink(tmp_path / "gone.txt", folder / "dangling.txt")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    res = run("build", str(folder), "--db", db)
    assert "Traceback" not in res.output
    assert res.exit_code == 1, res.output
    assert f"{folder / 'b'}: symbolic link loop" in res.output
    assert f"{folder / 'dangling.txt'}: broken symbolic link" in res.output
    data = json.loads(run("export", "--db", db).output)
    assert [d["path"] for d in data["documents"]] == [str(folder / "good.txt")]


def test_unreadable_subfolder_is_reported_and_walk_goes_on(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder: an unreadable one cannot be made")
    (tmp_path / "src" / "locked").mkdir(parents=True)
    (tmp_path / "src" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "src" / "locked").chmod(0)
    try:
        res = run("build", str(tmp_path / "src"), "--db", f"sqlite:///{tmp_path / 'kb.db'}")
    finally:
        (tmp_path / "src" / "locked").chmod(0o755)
    assert res.exit_code == 1 and "folder cannot be read" in res.output


def test_file_asked_for_by_name_and_not_read_exits_1(tmp_path):
    notes = tmp_path / "notes.xyz"
    notes.write_text(GOOD, encoding="utf-8")
    res = run("build", str(notes), "--db", f"sqlite:///{tmp_path / 'kb.db'}")
    assert res.exit_code == 1, res.output
    assert f"{notes}: not a source format (.xyz)" in res.output


def test_read_only_sqlite_uri_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ivo Saar sailed from Tallinn in 1944.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("build", "a.txt", "--db", "sqlite:///kb.db").exit_code == 0
    ro = "sqlite:///file:kb.db?mode=ro&uri=true"
    res = run("build", "b.txt", "--db", ro)
    assert res.exit_code == 3, res.output
    assert "is read-only" in res.output and "Traceback" not in res.output
    info = run("info", "--db", ro)  # reading through the same URI works
    assert info.exit_code == 0, info.output
    assert "a.txt" in info.output


def test_plain_path_for_db_is_a_sqlite_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = run("build", "a.txt", "--db", "kb.db")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "kb.db").exists()
    absolute = run("info", "--db", str(tmp_path / "kb.db"))
    assert absolute.exit_code == 0 and "a.txt" in absolute.output

"""Issue 17, item 6, end to end: building a third source that agrees with one side of a
disagreement keeps the conflict (one conflict, the new claim on its side)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from chronica.cli import main

SOURCES = {
    "a.txt": "The Bilbao Affair\n\nOn 9 May 1911 the anarchist Tomas Pell attacked the banker Ernesto Ruiz "
             "with a dagger in Bilbao. Ruiz survived the attack and left Spain in 1912.\n",
    "b.txt": "A Banker in Danger\n\nOn 9 May 1911 Tomas Pell attacked Ernesto Ruiz with a pistol in Bilbao. "
             "Ruiz recovered within a month.\n",
    "c.txt": "Notes on Bilbao\n\nIn Bilbao on 9 May 1911, Tomas Pell attacked Ernesto Ruiz with a pistol. "
             "Ruiz lived for many years afterwards.\n",
}


def weapon_conflicts(tmp_path, names: list[str]) -> list[dict]:
    db = f"sqlite:///{tmp_path / ('kb-' + '-'.join(n[0] for n in names) + '.db')}"
    runner = CliRunner()
    res = runner.invoke(main, ["build", *(str(tmp_path / n) for n in names), "--db", db])
    assert res.exit_code == 0, res.output
    conflicts = json.loads(runner.invoke(main, ["conflicts", "--json", "--db", db]).output)
    return [c for c in conflicts if c["kind"] == "attribute"]


def test_agreeing_third_source_joins_the_conflict(tmp_path):
    for name, text in SOURCES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    [two] = weapon_conflicts(tmp_path, ["a.txt", "b.txt"])
    assert sorted(c["value"] for c in two["claims"]) == ["dagger", "pistol"]
    three = weapon_conflicts(tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert len(three) == 1, [c["about"] for c in three]
    assert sorted(c["value"] for c in three[0]["claims"]) == ["dagger", "pistol", "pistol"]
    spans = {(c["text"], c["value"]) for c in three[0]["claims"]}
    assert {(c["text"], c["value"]) for c in two["claims"]} <= spans

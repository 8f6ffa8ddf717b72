"""Issue 17, item 10: a source not in English is stored with one warning line and
nothing extracted from it (no city typed as a person)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chronica.cli import main
from chronica.language import detect

CYRILLIC = ("Анна Петрова переехала в Самару в 1921 году. Она работала учительницей в школе "
            "много лет, а потом вернулась в Казань, где жила до самой смерти в 1960 году.\n")
FRENCH = ("Le général est arrivé à Lyon en 1815 avec ses soldats. Il était fatigué et les habitants "
          "de la ville ne voulaient pas le voir. Les journaux de Paris ont parlé de cette visite.\n")
GERMAN = ("Der Kaiser kam 1871 nach Berlin und wurde von der Menge begrüßt. Er war nicht allein, "
          "die Minister waren auch dabei, und die Stadt feierte mit einem großen Fest.\n")
ENGLISH = ("Marta Kowal opened a bakery in Krakow in 1908. She sold it in 1921 and moved to Lviv, "
           "where she taught the piano to the children of her neighbours until the war.\n")


@pytest.mark.parametrize("text, code", [(CYRILLIC, "cyrillic"), (FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en"),
                                        ("Short.", "en"), ("", "en"), ("1914 — 1918", "en")])
def test_detect_language(text, code):
    assert detect(text).code == code


def test_english_with_a_quotation_in_russian_is_english():
    text = ENGLISH * 3 + "Her motto was «Тише едешь — дальше будешь».\n"
    assert detect(text).english


def test_cyrillic_file_is_stored_with_one_warning_and_nothing_extracted(tmp_path):
    (tmp_path / "ru.txt").write_text(CYRILLIC, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(tmp_path), "--db", db])
    assert res.exit_code == 0, res.output
    warnings = [line for line in res.output.splitlines() if "ru.txt" in line]
    assert len(warnings) == 1 and "Cyrillic script, not English" in warnings[0]
    data = json.loads(runner.invoke(main, ["export", "--db", db]).output)
    ru = next(d for d in data["documents"] if d["path"].endswith("ru.txt"))
    assert ru["chars"] == len(CYRILLIC)  # stored whole
    cited = {s["document"] for e in data["entities"] for s in e["mentions"]}
    cited |= {s["document"] for e in data["events"] for s in e["evidence"]}
    assert ru["id"] not in cited and cited  # the English file was read, the Russian one not

"""Given names and their gender come from an installed, permissively licensed package
(Faker, MIT), never from gender-guesser (GPLv3), and the project's own list still adds
to them."""
from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

from chronica.nlp.lexicon import load_lexicon
from chronica.resources import load
from chronica.resources.gender import GivenNames, detector, dictionary_first_names, given_name_gender

SRC = Path(__file__).resolve().parents[2] / "src"


def test_given_names_are_read_from_the_configured_package():
    conf = load("names/given_name_gender.yaml")
    dist = importlib.metadata.distribution(conf["package"].split(".")[0])
    classifiers = dist.metadata.get_all("Classifier") or []
    assert "License :: OSI Approved :: MIT License" in classifiers
    names = detector().names
    assert len(names) > 10_000  # some eighty locales' first names
    assert {"Margaret", "Thomas", "Ingrid", "Giuseppe"} <= names


def test_gender_of_common_given_names():
    assert given_name_gender("Margaret") == "f"
    assert given_name_gender("Thomas") == "m"
    assert given_name_gender("margaret") == "f"  # case does not matter
    assert given_name_gender("Xqzzyv") is None  # no list has it
    assert given_name_gender("1815") is None


def test_shares_and_cut_offs_decide_the_class():
    names = GivenNames(male={"ash": 3, "robin": 1, "kai": 1}, female={"ash": 1, "robin": 1, "eve": 2},
                       names=frozenset(), min_share=0.75, clear_share=1.0)
    assert names.get_gender("Ash") == "mostly_male"  # 3 of 4 lists
    assert names.get_gender("Kai") == "male"
    assert names.get_gender("Eve") == "female"
    assert names.get_gender("Robin") == "andy"  # one list each way says nothing
    assert names.get_gender("Zed") == "unknown"
    stricter = GivenNames(names.male, names.female, frozenset(), min_share=0.8, clear_share=1.0)
    assert stricter.get_gender("Ash") == "andy"


def test_the_projects_own_first_names_still_add_to_the_package():
    extra = [n for n in load("names/first_names_extra.txt") if n not in dictionary_first_names()]
    assert extra, "first_names_extra.txt should hold names the package lacks"
    assert all(load_lexicon().is_first_name(n) for n in extra)


def test_compass_words_nationalities_and_plain_words_are_not_first_names():
    lex = load_lexicon()
    assert "Peace" in dictionary_first_names()  # a given name in one of the lists ...
    assert not lex.is_first_name("Peace")  # ... that names/lexicon.yaml keeps a plain word
    assert "Peace" not in lex.not_names  # still a name word on its own ("the Peace of ...")
    assert not lex.is_first_name("North") and not lex.is_first_name("French")


def test_no_module_imports_gender_guesser():
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                 if "gender_guesser" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_loading_the_gender_resource_leaves_gender_guesser_unimported():
    code = ("import sys; from chronica.resources.gender import detector; "
            "from chronica.nlp.lexicon import load_lexicon; detector(); load_lexicon(); "
            "print('gender_guesser' in sys.modules, 'faker' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["False", "True"]

"""The lead's lifespan parenthesis, with or without its dash."""
from __future__ import annotations

import pytest

from chronica.extract.events_lifespan import _LIFESPAN


@pytest.mark.parametrize("text, born, died", [
    ("MATTHIAS VOLKER (, ; 14 March 186317 June 1911) was a Ruritanian poet", "14 March 1863", "17 June 1911"),
    ("Ada Lovelace (10 December 1815 – 27 November 1852) was an English mathematician", "10 December 1815",
     "27 November 1852"),
    ("Anton Weller (1871–1936), born Anton Wellerstein, was", "1871", "1936"),
])
def test_events_lifespan_parenthesis(text, born, died):
    m = _LIFESPAN.search(text)
    assert m is not None and (m["born"], m["died"]) == (born, died)


def test_events_lifespan_needs_a_following_predicate():
    assert _LIFESPAN.search("the war (1914-1918) ended") is None


def test_events_lifespan_after_nested_parentheses_and_a_footnote_mark():
    from chronica.extract.events_lifespan import _opening
    text = 'ORHAN II (; (called KARA (Turkish: "black"), "the Dark"); 1402 – 9 May 1461)[4] was a bey'
    m = _LIFESPAN.search(text)
    assert m is not None and (m["born"], m["died"]) == ("1402", "9 May 1461")
    assert _opening(text, m.start("born")) == text.index("(")


def test_events_lifespan_three_digit_years_an_alternative_birth_year_and_an_era():
    from chronica.extract.events_lifespan import either_year, to_when
    m = _LIFESPAN.search('ODO OF ARVEL (; , "the lame";[1] ; 870 (or 875)931 AD) was a king')
    assert m is not None and (m["born"], m["born_alt"], m["died"]) == ("870", "875", "931")
    born = either_year(to_when(m["born"]), to_when(m["born_alt"]))
    assert (born.edtf, born.earliest, born.latest) == ("0870/0875", "0870-01-01", "0875-12-31")
    assert to_when("c. 640").edtf == "0640~"


def test_events_lifespan_a_bc_lifespan_is_not_read_as_ad():
    assert _LIFESPAN.search("HANNO (247 – 183 BC) was a general") is None

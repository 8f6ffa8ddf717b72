"""Names taken apart and compared: titles, accents, transliterations, spelling slips."""
from __future__ import annotations

import pytest

from chronica.resources.names import full_names_match, is_name_form, parse_name, subset_match, tokens_compatible


@pytest.mark.parametrize("text, title, tokens", [
    ("Captain Thomas Ashby", ("captain",), ("thomas", "ashby")),
    ("Prince Grünwald", ("prince",), ("grunwald",)),
    ("the Duke of Wellington", ("duke", "of"), ("wellington",)),
    ("Baroness von Eschenbach", ("baroness",), ("eschenbach",)),
    ("Tolstoy’s", (), ("tolstoy",)),
    ("Lenin's", (), ("lenin",)),
    ("“Leo Tolstoy”", (), ("leo", "tolstoy")),
    ("the Emperor", (), ("emperor",)),  # a bare title is not stripped
    ("José Martí", (), ("jose", "marti")),
])
def test_names_parse(text, title, tokens):
    n = parse_name(text)
    assert n.title == title
    assert n.tokens == tokens


@pytest.mark.parametrize("text, bare", [
    ("the Khan of the Steppe", "Khan of the Steppe"),  # a title over a realm names its holder
    ("Queen of Navarre", "Queen of Navarre"),
    ("the Duke of Wellington", "Wellington"),  # "Duke of" is a title of its own
    ("Emperor Kasimir", "Kasimir"),
])
def test_names_title_over_a_realm_keeps_its_title(text, bare):
    assert parse_name(text).bare == bare


def test_names_parse_inverted_bibliography_form():
    assert parse_name("Tolstoy, Leo", inverted=True).tokens == ("leo", "tolstoy")


def test_names_places_keep_their_saint():
    assert parse_name("St. Helena", person=False).tokens == ("st", "helena")


@pytest.mark.parametrize("a, b, same", [
    ("José Martí", "Jose Marti", True),             # accents
    ("John Jonson", "John Johnson", True),         # one slip of spelling
    ("Josep Conrad", "Joseph Conrad", True),
    ("Pierre Bezukhov", "Pyotr Bezukhov", True),   # transliteration table
    ("Mark Twain", "Samuel Clemens", False),
    ("Louis XVIII", "Louis XVII", False),          # regnal numbers must be equal
    ("F. D. Roosevelt", "Franklin Roosevelt", True),  # initials in either form
    ("E. Roosevelt", "Franklin Roosevelt", False),
    ("Leo Tolstoy", "Lev Tolstoi", True),           # a variant and a slip of transliteration
    ("Ivan Turgenev", "Ivan Goncharov", False),
    ("Frank Harris", "Frank Sinatra", False),
    ("John Ruskin", "Joan Ruskin", False),         # a changed letter is another name
    ("John Ruskin", "Effie Ruskin", False),
])
def test_names_full_names_match(a, b, same):
    assert full_names_match(parse_name(a), parse_name(b)) is same


@pytest.mark.parametrize("short, long_, ok", [
    ("Thomas Ussher", "Captain Thomas Ussher", True),
    ("Leo Tolstoy", "Leo Nikolayevich Tolstoy", True),
    ("Sofia Tolstoy", "Sofia Behrs Tolstoy", True),
    ("Leo Tolstoy", "Sofia Behrs Tolstoy", False),
    ("Sofia", "Sofia Behrs", False),  # a bare first name is not distinctive
])
def test_names_subset_needs_the_surname(short, long_, ok):
    assert subset_match(parse_name(short), parse_name(long_)) is ok


@pytest.mark.parametrize("a, b, ok", [
    ("xvii", "xviii", False), ("5th", "6th", False), ("jonson", "johnson", True),
    ("ivo", "iva", False),  # short words need to be equal
    ("lev", "leo", True),  # ... or variants of one name
    ("maria", "mario", False),
    ("tolstoy", "tolstoi", True), ("gorsky", "gorskiy", True),  # transliterated endings
    ("maria", "marty", False),
])
def test_names_tokens_compatible(a, b, ok):
    assert tokens_compatible(a, b) is ok


@pytest.mark.parametrize("short, long_, ok", [
    ("Sancho IV", "Sancho IV of Castile", True),   # the realm does not tell a ruler apart
    ("Sancho IV", "King Sancho IV of Castile", True),
    ("Sancho III", "Sancho IV of Castile", False),  # the number does
    ("Basil II", "Basil II Porphyrogenitus", True),  # nor a byname after the number
])
def test_names_subset_regnal_realm(short, long_, ok):
    assert subset_match(parse_name(short), parse_name(long_)) is ok


@pytest.mark.parametrize("form, named", [
    ("Ivan the Terrible", True), ("Prince Milan of Morava", True), ("Alfonso X", True),
    ("Otto von Bismarck", True), ("young Varro", True), ("Emperor of the South", True),
    ("李伟", True),  # a script without capitals
    ("Minamoto no Yoritomo", True), ("the Khedive", True), ("engraver Jan Nowak", True),
    ("his father", False), ("the young queen", False), ("her sleeping husband", False),
    ("the now 60-year-old", False), ("mother of Sancho IV", False), ("a daughter", False),
])
def test_names_form_names_or_describes(form, named):
    assert is_name_form(form) is named


def test_an_epithet_may_be_left_out_but_tells_namesakes_apart():
    from chronica.resources.names import full_names_match, parse_name, subset_match
    elder, younger = parse_name("Lucas Brandt the Elder"), parse_name("Lucas Brandt the Younger")
    plain = parse_name("Lucas Brandt")
    assert full_names_match(plain, elder) and subset_match(plain, elder)
    assert not full_names_match(elder, younger) and not subset_match(elder, younger)
    # a one-word ruler's epithet is the name itself: Louis the Pious is not Louis the Stammerer
    assert not full_names_match(parse_name("Louis the Pious"), parse_name("Louis the Stammerer"))

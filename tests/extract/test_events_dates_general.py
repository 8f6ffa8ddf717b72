"""Event dates from whole-document runs on fresh examples: coordinated dates span
both, a lead's lifespan sharpens the coarser date a death clause repeats."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    s = Settings()
    return Pipeline(s.document_pipeline, s)


def dates(pipe, text: str) -> dict[str, str | None]:
    doc = pipe(Doc(Source("<t>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))
    return {ev.evidence.text: ev.when.edtf if ev.when else None for ev in doc.events}


def date_of(found: dict[str, str | None], words: str) -> str | None:
    return next(w for t, w in found.items() if words in t)


def test_two_seasons_joined_by_and_date_the_clause_together(pipe):
    found = dates(pipe, "In 1651 the count was crowned at Arvel. Over the spring and summer of 1655, "
                        "the count conquered the town of Belmar.")
    assert date_of(found, "conquered the town") == "1655-21/1655-22"


def test_two_seasons_in_another_order(pipe):
    found = dates(pipe, "In 1600 the army marched north. The army besieged the town in the winter and spring of 1602.")
    assert date_of(found, "besieged the town") == "1601-24/1602-21"  # the winter that ends in that spring


def test_a_death_clause_in_a_month_takes_the_day_the_lead_gives(pipe):
    text = ("Aldo Vrenn\n\nAldo Vrenn (1511 – 14 October 1570) was a Flemish printer and engraver.\n\n"
            "Life\n\nVrenn was born in Ghent. He died at his workshop in October 1570.")
    assert date_of(dates(pipe, text), "He died at his workshop") == "1570-10-14"


def test_a_death_clause_in_another_month_keeps_its_own_date(pipe):
    text = ("Aldo Vrenn\n\nAldo Vrenn (1511 – 14 October 1570) was a Flemish printer and engraver.\n\n"
            "Life\n\nVrenn was born in Ghent. He died at his workshop in November 1570.")
    assert date_of(dates(pipe, text), "He died at his workshop") == "1570-11"


def test_a_month_run_into_its_day_dates_the_clause_and_days_count_inclusively(pipe):
    found = dates(pipe, "The count quarrelled with the bishop in the spring of 1587 and marched on the port. Traitors "
                        "opened the gates to him on March12, and for three days his men sacked the port.")
    assert date_of(found, "opened the gates") == "1587-03-12"
    assert date_of(found, "sacked the port") == "1587-03-12/1587-03-14"


def test_a_month_from_an_earlier_paragraph_says_only_the_year(pipe):
    found = dates(pipe, "In October 1533 the fleet lay off the harbour of Bruges and began a blockade.\n\n"
                        "The merchants held out for weeks. After long talks, the hungry townsfolk "
                        "agreed to pay a fine of wool and wine to the admiral.")
    assert date_of(found, "began a blockade") == "1533-10"
    assert date_of(found, "pay a fine") == "1533"


def test_a_month_in_the_same_paragraph_still_dates_the_clause(pipe):
    found = dates(pipe, "In 1611 the margrave mustered his army. The army reached 4,000 men by May. "
                        "Eager to strike, he attacked the fort at Namur.")
    assert date_of(found, "attacked the fort") == "1611-05"


def test_soon_after_keeps_the_month_only_near_the_day_it_follows(pipe):
    found = dates(pipe, "On 9 April 1577 the rebels took the town of Namur.\n\nThe count rode east with his men. "
                        "A flood swept away his baggage at the river. The count died soon after in Liège.")
    assert date_of(found, "died soon after") == "1577"
    found = dates(pipe, "On 9 April 1577 the rebels took the town of Namur. The count died soon after in Liège.")
    assert date_of(found, "died soon after") == "1577-04"


def test_two_written_years_joined_by_and_are_two_happenings_not_a_span(pipe):
    found = dates(pipe, "In 1910 the printer moved to Lyon. He had been jailed for his pamphlets in 1898 and 1905.")
    assert date_of(found, "jailed") != "1898/1905"


def test_a_lead_lifespan_with_a_lost_dash_dates_the_birth_and_the_death(pipe):
    text = ('BERTHOLD OF ARVEL (; , "the tall";[1] ; 812 (or 814)866 AD) was a duke of the Saxons from 840–866.[2] '
            "He is remembered for the founding of a monastery in 851.\n\nBerthold served as a page at the court "
            "of Count Rainer. On 9 June 866, he stormed the castle of Hesel, and for two days his men held it. "
            "Weakened by fever, Berthold died on the road home.\n\n"
            "Early life\n\nBorn in a mill by the Weser, Berthold grew up among monks.")
    found = dates(pipe, text)
    assert date_of(found, "Born in a mill") == "0812/0814"
    assert date_of(found, "Berthold died") == "0866"

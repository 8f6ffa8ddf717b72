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
    found = dates(pipe, "In 1388 the duke was crowned at Arvel. Over the summer and fall of 1390, "
                        "the duke conquered the town of Belmar.")
    assert date_of(found, "conquered the town") == "1390-22/1390-23"


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
    found = dates(pipe, "The duke deposed the regent in the summer of 1410 and besieged the town. Allies "
                        "opened the gates for him on August24, and for three days his troops sacked the town.")
    assert date_of(found, "opened the gates") == "1410-08-24"
    assert date_of(found, "sacked the town") == "1410-08-24/1410-08-26"


def test_a_month_from_an_earlier_paragraph_says_only_the_year(pipe):
    found = dates(pipe, "In September 1408 the army stood before the walls of Ghent and began a blockade.\n\n"
                        "No blood was shed this time. After much bargaining, the famine-stricken citizens "
                        "agreed to pay a ransom of gold and silver to the duke.")
    assert date_of(found, "began a blockade") == "1408-09"
    assert date_of(found, "pay a ransom") == "1408"


def test_a_month_in_the_same_paragraph_still_dates_the_clause(pipe):
    found = dates(pipe, "In 1408 the duke mustered his army. The army reached 9,000 men by June. "
                        "Eager to strike, he attacked the fort at Ghent.")
    assert date_of(found, "attacked the fort") == "1408-06"


def test_soon_after_keeps_the_month_only_near_the_day_it_follows(pipe):
    found = dates(pipe, "On 3 May 1410 the rebels took the town of Ghent.\n\nThe duke marched south with his army. "
                        "A storm wrecked his fleet off the coast. The duke died soon after in Bruges.")
    assert date_of(found, "died soon after") == "1410"
    found = dates(pipe, "On 3 May 1410 the rebels took the town of Ghent. The duke died soon after in Bruges.")
    assert date_of(found, "died soon after") == "1410-05"


def test_two_written_years_joined_by_and_are_two_happenings_not_a_span(pipe):
    found = dates(pipe, "In 1910 the printer moved to Lyon. He had been jailed for his pamphlets in 1898 and 1905.")
    assert date_of(found, "jailed") != "1898/1905"


def test_a_lead_lifespan_with_a_lost_dash_dates_the_birth_and_the_death(pipe):
    text = ('ODO OF ARVEL (; , "the lame";[1] ; 870 (or 875)931 AD) was a king of the Franks from 900–931.[2] '
            "He is best known for his siege of Paris in 910.\n\nOdo began his career under the count Bertram. "
            "On 3 May 931, he took the town of Laon, and for three days his troops sacked it. Having abandoned "
            "a plan to invade Burgundy, Odo died as his army was marching northward.\n\n"
            "Early life\n\nBorn on an island in the Loire, Odo belonged to a noble family.")
    found = dates(pipe, text)
    assert date_of(found, "Born on an island") == "0870/0875"
    assert date_of(found, "Odo died") == "0931"

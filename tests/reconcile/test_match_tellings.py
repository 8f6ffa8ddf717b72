"""An encyclopedia article's unheaded lead sums up the story its sections tell again:
the matcher's order of telling treats the lead as a telling of its own."""
import pytest

from chronica.build import analyse_text
from chronica.config import Settings
from chronica.reconcile.match_items import telling_of

ARTICLE = (
    "Marta Osk was a Danish cartographer who mapped the Faroe coast in 1771 and died in 1790.\n\n"
    "Early years\n\n"
    "Marta Osk was born in Ribe in 1741. She moved to Copenhagen in 1760.\n\n"
    "Later years\n\n"
    "She mapped the Faroe coast in 1771. She died in Odense in 1790.\n"
)
FLAT = "Marta Osk was born in Ribe in 1741. She moved to Copenhagen in 1760. She died in 1790.\n"


@pytest.fixture(scope="module")
def article():
    return analyse_text(ARTICLE, Settings())


def test_the_lead_of_a_sectioned_article_is_its_own_telling(article):
    assert len([s for s in article.sections if s.kind == "body"]) >= 2
    assert telling_of(article, ARTICLE.index("mapped the Faroe")) == f"{article.id}#lead"
    assert telling_of(article, ARTICLE.index("born in Ribe")) == article.id
    assert telling_of(article, ARTICLE.rindex("mapped the Faroe")) == article.id


def test_a_text_without_headings_is_one_telling():
    doc = analyse_text(FLAT, Settings())
    assert telling_of(doc, 0) == telling_of(doc, FLAT.index("died")) == doc.id

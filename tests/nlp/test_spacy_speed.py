"""The faster attribute ruler and lemmatizer (chronica.nlp.spacy_speed) give the parse the
stock model gives, token by token."""
from pathlib import Path

import pytest
import spacy

from chronica.config import Settings
from chronica.nlp.spacy_speed import speed_up

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# invented sentences that reach the ruler's word, tag, dependency and multi-token rules
TRICKY = (
    "Y'all ain't gonna believe it, but the miller's daughters gets there first. "
    "Let's go, said the old ferryman; c'mon, we got ta cross before nightfall.  "
    "There are three bridges and there is one ford. It wasn't him who did it: "
    "the abbot had, and he does it still. Nothin' came of the letters she'd sent him.\n\n"
    "That is what they're saying: if the barges aren't loaded, we'll wait. "
    "I'm told you'll find it under the stairs, whether it's raining or not."
)


def _features(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def models():
    name = Settings().spacy_model
    stock, fast = spacy.load(name), spacy.load(name)
    speed_up(fast)
    return stock, fast


def test_the_parse_is_unchanged(models):
    stock, fast = models
    texts = [TRICKY] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert len(texts) > 1
    for text, a, b in zip(texts, stock.pipe(texts), fast.pipe(texts)):
        assert _features(a) == _features(b), text[:60]


def test_the_faster_pipes_are_installed(models):
    _, fast = models
    ruler, lemmatizer = fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer")
    assert ruler.match.__qualname__.startswith("_RuleMatcher")
    assert type(lemmatizer).__name__.startswith("Caching")


def test_a_pattern_it_cannot_read_keeps_the_stock_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "old", "OP": "+"}, {"LOWER": "town"}]], {"LEMMA": "town"}, index=-1)
    speed_up(nlp)
    assert "match" not in vars(ruler)  # the class's own Matcher-based method
    assert [t.lemma_ for t in nlp("the old old town")][-1] == "town"


def test_the_caches_stay_within_their_bound(models, monkeypatch):
    import chronica.nlp.spacy_speed as speed
    _, fast = models
    monkeypatch.setattr(speed, "CACHE_LIMIT", 40)
    list(fast.pipe([TRICKY, TRICKY.upper()]))
    assert len(fast.get_pipe("attribute_ruler").match.__self__.cache) <= 40
    assert len(fast.get_pipe("lemmatizer")._chronica_cache) <= 40
    assert fast(TRICKY).text == TRICKY

"""Every rule's own examples (data/rules.yaml) run: each yields one expression with its value."""
import re

import pytest

from chronica.time import TimeTagger

CONTEXT = "It was 15 June 1930. "
_TAGGER = TimeTagger.load()
EXAMPLES = [(r.name, text, value) for r in _TAGGER.rules for text, value in r.examples]


def test_rules_every_rule_has_examples():
    assert all(r.examples for r in _TAGGER.rules)


@pytest.mark.parametrize("rule,text,value", EXAMPLES, ids=[f"{r}:{t}" for r, t, _ in EXAMPLES])
def test_rules_example_value(rule, text, value):
    marked = re.search(r"\[(.*?)\]", text)
    target = marked[1] if marked else text
    plain = text.replace("[", "").replace("]", "")
    res = _TAGGER.tag(CONTEXT + plain)
    found = [t for t in res.timexes if t.end > len(CONTEXT)]
    if marked:  # context may hold expressions of its own: judge the marked one
        at = len(CONTEXT) + marked.start()
        found = [t for t in found if t.start < at + len(target) and at < t.end]
    if value is None:  # a near miss the rule must leave alone
        assert found == []
    else:
        assert [(t.text, t.value) for t in found] == [(target, value)]


def test_rules_glossed_year_in_square_brackets():
    # the examples' own square brackets mark the expression, so this one is told here
    res = _TAGGER.tag("In the fifth year of the Jingo era [769], the envoys returned.")
    assert [(t.text, t.value) for t in res.timexes] == [("769", "0769")]

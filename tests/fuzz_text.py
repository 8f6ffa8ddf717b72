"""Hypothesis strategies for hostile text: random Unicode, and date-like words put
together at random (month names, numbers, eras, 'century', 'between … and', relative
words), which reach far more of a date parser than random characters do."""
from __future__ import annotations

from hypothesis import strategies as st

DATEISH = [
    "January", "Feb.", "March", "May", "Sept", "December", "spring", "summer", "autumn", "winter",
    "Monday", "Sunday", "the", "of", "in", "on", "at", "from", "to", "until", "between", "and", "or",
    "c.", "ca.", "circa", "about", "around", "early", "late", "mid-", "the 1890s", "'90s", "1890s",
    "century", "12th", "first", "millennium", "BC", "BCE", "AD", "CE", "B.C.", "A.D.",
    "yesterday", "today", "tomorrow", "later", "earlier", "ago", "before", "after", "next", "last",
    "two days", "three weeks", "a year", "decades", "months", "the following", "that night",
    "Christmas", "Easter", "New Year's Day", "quarter", "Q3", "fiscal", "age", "aged", "born", "died",
    "0", "1", "7", "12", "31", "32", "99", "100", "1066", "1815", "1900", "2020", "9999", "10000",
    "-44", "0000", "1921-05-03", "1921-13-45", "3/4/1921", "1921/22", "1914–1918", "1914-18", "–", "—",
    "/", "-", ",", ".", "'", "’", "(", ")", "?", "~", "%", "\n", "\n\n", "# ", "١٩٢١", "１９２１", "Ⅻ",
]


def dateish_text() -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(DATEISH) | st.integers(-3000, 30000).map(str), max_size=40)
    seps = st.sampled_from([" ", "", ", ", ". ", "\n", "\t", " - "])
    return st.tuples(words, seps).map(lambda ws: ws[1].join(ws[0]))


def hostile_text(max_size: int = 400) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=max_size), dateish_text(),
                     st.tuples(dateish_text(), st.text(max_size=40), dateish_text()).map("".join))

"""What the static report needs to read "who" from the sentences as `chronica ask` does
(chronica.ask.who_text) when no stored event names the answer: every sentence in which a
person with a name is mentioned, cut as who_text cuts it, and the mentions in it.

    {"sentences": [[document, start, end, text, where the sentence before it starts]],
     "mentions":  [[person id, sentence index, start, end (within the sentence), hedged]]}

"hedged" (the clause holding the name told as a legend, rumour or quoted claim,
support.hedged) is worked out here, since its rules run over the whole clause.
static/js/ask_who.js applies who_text's choices over these facts.
"""
from __future__ import annotations

from ..ask.base import Base
from ..ask.support import hedged
from ..ask.who_text import sentence_bounds
from ..resources.names import is_name_form


def who_mentions(base: Base, texts: dict[str, str]) -> dict[str, list]:
    sentences: list[list] = []
    index: dict[tuple[str, int], int] = {}
    mentions: list[list] = []
    for ent in base.entities.values():
        if ent.get("type") != "person" or not is_name_form(ent.get("name", "")):
            continue  # a description stored as a person ("his brother") names nobody
        for m in ent.get("mentions", ()):
            text = texts.get(m["document"])
            if text is None:
                continue
            a, b = sentence_bounds(text, m["start"], m["end"])
            at = index.get((m["document"], a))
            if at is None:
                before = sentence_bounds(text, max(0, a - 2), max(0, a - 2))[0] if a > 1 else a
                at = index[(m["document"], a)] = len(sentences)
                sentences.append([m["document"], a, b, text[a:b], before])
            sent = sentences[at][3]
            mentions.append([ent["id"], at, m["start"] - a, m["end"] - a, 1 if hedged(sent, m["start"] - a) else 0])
    return {"sentences": sentences, "mentions": mentions}

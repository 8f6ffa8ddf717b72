"""What the static report's ask page (static/js/ask.js) answers from: the export's facts in
a compact form, the passages for full-text look-up, and the same question rules the
server uses (lang/en/ask/questions.yaml and evidence.yaml, the event trigger lexicon), so both faces agree."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ..ask.answers import _only_on_the_way, _written_as_name
from ..ask.base import Base
from ..ask.listing import _states
from ..ask.parse import rules
from ..ask.passages import split_passages
from ..ask.support import _kind_triggers, evidence_rules, hedged, located_at
from ..ask.who_text import _object_preps
from ..ask.quantities import stated_durations
from ..ask.roles import WANTED, with_roles
from ..config import Settings
from ..extract.events_lexicon import load_lexicon
from ..nlp.parse import load_spacy
from ..resources.names import is_name_form
from .ask_evidence import EvidenceFacts
from .ask_sentences import SentenceReader, _hedged_clauses, described, described_ages, irregular, lives, numbers, search_terms, who_is
from .ask_who import who_mentions
from .kb import KnowledgeBase
from .links import Links


def _rules() -> dict:
    r, lex = rules(), load_lexicon()
    return {
        "kinds": [[k, p.pattern] for k, p in r.kinds], "related": r.related, "passive": r.passive,
        "lightKinds": r.light_kinds, "withDate": r.with_a_date,
        "narrow": sorted(evidence_rules().narrow), "inflections": list(evidence_rules().inflections), "light": sorted(r.light), "stop": sorted(r.stop),
        "relationLabels": sorted(r.relation_labels), "undergo": sorted(r.undergo), "later": sorted(r.later),
        "generic": sorted(r.generic_kinds), "personNouns": sorted(r.person_nouns), "objectPreps": sorted(_object_preps()),
        # a kind's verbs alone: a sentence about "the battle" does not say who defeated whom (who_text)
        "verbTriggers": {k: sorted(_kind_triggers(k, verbs_only=True)) for k in sorted({x.kind for v in lex.verbs.values() for x in v})},
        "attempt": evidence_rules().attempt.pattern if evidence_rules().attempt else None,
        "wanted": {k: sorted(v) for k, v in WANTED.items()}, "searchStop": sorted(STOP_WORDS),
        # in the lexicon's order: a predicate's first kind counts most (parse.event_kinds)
        "verbs": {k: list(dict.fromkeys(x.kind for x in v)) for k, v in lex.verbs.items()},
        "nouns": {k: list(dict.fromkeys(x.kind for x in v)) for k, v in lex.nouns.items()},
        "triggers": {k: sorted(_kind_triggers(k)) for k in sorted({x.kind for t in (lex.verbs, lex.nouns)
                                                                    for v in t.values() for x in v})},
    }


def _span(s: dict, facts: EvidenceFacts, places: bool = False) -> list:
    """[document, start, end, text, edtf, value, locator, hedged, places it puts things AT,
    then the facts of ask_evidence.EvidenceFacts.of_span, then [earliest, latest, basis] of
    its date and the durations it states]: the server's evidence checks (ask/support.py,
    ask/verify.py), worked out here once."""
    w = s.get("when") or {}
    text = s.get("text", "")
    at = sorted({pid for pid, off in facts.base.places_in(s) if located_at(text, off)}) if places else []
    return [s["document"], s["start"], s["end"], text, w.get("edtf"), s.get("value"), s.get("locator"),
            1 if hedged(text) else 0, at] + facts.of_span(s) + \
        [[w.get("earliest"), w.get("latest"), w.get("basis")], [[lab, round(d, 2), o] for lab, d, o in stated_durations(text)],
         numbers(text)]


def _told_of(base: Base, ev: dict) -> list[list[str]]:
    """Per evidence span, the participants (not places) it states the event of: named, a
    pronoun taken for them, or named before it in its paragraph (ask/listing.py _states,
    which a listed event's quote must pass for every asked entity; they are among its
    participants, so these are all the listing can ask)."""
    people = [e for e in dict.fromkeys(ev.get("who", ())) if base.type(e) != "place"]
    return [[e for e in people if _states(base, s, (e,))] for s in ev.get("evidence", ())]


def _verb_places(base: Base, s: dict) -> list:
    """[[[place id, offset, named plainly]], hedged clauses] of a span: where the question's own
    verb is written with a place (answers._placed_by_verb), "named plainly" being written by
    a name, not an adjective, and not only as where someone was heading."""
    text = s.get("text", "")
    places = [[pid, off, 1 if _written_as_name(base, s, pid, off) and not _only_on_the_way(base, s, pid) else 0]
              for pid, off in base.places_in(s)]
    return [places, _hedged_clauses(text)] if places else []


def _quote(s: dict) -> list:
    return [s["document"], s["start"], s["end"], s.get("text", "")]


def ask_data(kb: KnowledgeBase, links: Links, nlp=None) -> dict:
    """Everything ask.js reads. Entities are the asker's (a person stored as two entities
    joined, ask/people.py); with ``nlp`` the sentences carry the facts reading needs."""
    base = Base(with_roles(kb.export, kb.roles), kb.texts)  # people joined, their parts with them
    data = {**kb.export, "entities": list(base.entities.values()), "events": base.events,
            "relations": base.relations, "conflicts": base.conflicts}
    facts = EvidenceFacts(base, kb.texts)
    out = {
        "rules": _rules(),
        "documents": {d: {"label": kb.document_label(d), "url": links.document(d)} for d in kb.documents},
        "entities": [{"id": e["id"], "type": e.get("type"), "name": e.get("name"), "aliases": e.get("aliases", []),
                      "part_of": e.get("part_of"), "mentions": len(e.get("mentions", ())),
                      "nameForm": 1 if is_name_form(e.get("name") or "") else 0}
                     for e in data.get("entities", ())],
        "events": [{"id": ev["id"], "kind": ev.get("kind"), "summary": ev.get("summary", ""),
                    "when": ev.get("when"), "where": ev.get("where"), "who": ev.get("who", []),
                    # the participants' parts (ask/roles.py); none when the sources did not say
                    **({"roles": ev["roles"]} if ev.get("roles") else {}), "told": _told_of(base, ev),
                    "verbPlaces": [_verb_places(base, s) for s in ev.get("evidence", ())],
                    "evidence": [_span(s, facts, places=True) for s in ev.get("evidence", ())]} for ev in data.get("events", ())],
        "relations": [{"label": r.get("label") or r.get("kind"), "source": r["source"], "target": r["target"],
                       "evidence": [_span(s, facts) for s in r.get("evidence", ())],
                       # a phrase ("Orsolya's father") widened to its sentence, as the CLI cites a relation
                       "sentences": [_span(base.sentence(s), facts) for s in r.get("evidence", ())]}
                      for r in data.get("relations", ()) or ()],
        "conflicts": [{"kind": c.get("kind"), "about": c.get("about", ""), "events": c.get("events", []),
                       "claims": [_span(s, facts) for s in c.get("claims", ())],
                       # each claim widened to the sentence that says it, as the CLI cites it (base.sentence)
                       "sentences": [_quote(base.sentence(s)) for s in c.get("claims", ())]} for c in data.get("conflicts", ())],
        "passages": [[d, a, b, text[a:b]] for d, text in kb.texts.items() for a, b in split_passages(text)],
    }
    out["sentences"] = facts.sentences  # filled while the spans above were worked out
    out["labels"] = base.labels
    out["whoIn"] = who_mentions(base, kb.texts)  # ask_who.js: who, read from the sentences naming a person
    if nlp is not None:
        reader = SentenceReader(base, kb.texts, nlp)
        out.update(reads=reader.rows(out["passages"]), verbs=reader.verbs(), lives=lives(base),
                   whoIs=who_is(base), described=described(base), ages=described_ages(base), terms=search_terms(out["passages"]),
                   irregular={"verb": irregular(nlp, "verb"), "noun": irregular(nlp, "noun")})
    return out


@lru_cache(maxsize=1)
def report_nlp():
    """spaCy, loaded once: the report's sentences are parsed when it is written."""
    return load_spacy(Settings().spacy_model)


def write_ask_data(kb: KnowledgeBase, links: Links, out: Path, nlp=None) -> None:
    nlp = nlp or report_nlp()
    text = json.dumps(ask_data(kb, links, nlp), ensure_ascii=False, separators=(",", ":"))
    # '</' cannot end a script loaded from a file, but keep the file inert anyway
    (out / "ask-data.js").write_text("window.CHRONICA_ASK=" + text.replace("</", "<\\/") + ";\n", encoding="utf-8")

from chronica.config import Settings
from chronica.match_settings import MatchSettings
from chronica.pipeline import Context
from chronica.reconcile.match import match_events

A = ("In 1850 the general was banished to the island of Caprera. "
     "He landed at Marsala on May 11, 1860 with his volunteers. "
     "He later sailed to Naples.")
B = ("The general was exiled to Caprera, where he farmed. "
     "In May 1860 he came ashore at Marsala with a thousand men.")


def _corpus(doc_builder, make_corpus, b_events=None):
    a = (doc_builder(A, "a.txt").mention("Caprera", "place", "caprera").mention("Marsala", "place", "marsala")
         .mention("Naples", "place", "naples").mention("the general", "person", "gen")
         .event("e1", "exile", "the general was banished to the island of Caprera", who=["gen"], where="caprera",
                when="1850")
         .event("e2", "movement", "He landed at Marsala on May 11, 1860", who=["gen"], where="marsala",
                when="1860-05-11")
         .event("e3", "movement", "He later sailed to Naples", who=["gen"], where="naples", when="1860",
                basis="inferred"))
    b = (doc_builder(B, "b.txt").mention("Caprera", "place", "caprera").mention("Marsala", "place", "marsala")
         .mention("The general", "person", "gen")
         .event("f1", "exile", "The general was exiled to Caprera", who=["gen"], where="caprera")
         .event("f2", "movement", "In May 1860 he came ashore at Marsala", who=["gen"], where="marsala",
                when="1860-05"))
    return make_corpus(a, b)


def test_match_events_merges_one_happening_across_documents(doc_builder, make_corpus):
    corpus = _corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert corpus.event_of[(a.id, "e1")] == corpus.event_of[(b.id, "f1")]
    assert corpus.event_of[(a.id, "e2")] == corpus.event_of[(b.id, "f2")]
    landing = next(e for e in corpus.events if e.id == corpus.event_of[(a.id, "e2")])
    assert landing.sources == sorted([a.id, b.id])
    assert landing.when.edtf == "1860-05-11"  # the tightest date consistent with both
    assert {s.when.edtf for s in landing.evidence} == {"1860-05-11", "1860-05"}
    assert landing.id.startswith("evt_")


def test_match_events_keeps_different_happenings_apart(doc_builder, make_corpus):
    corpus = _corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, _ = corpus.docs
    ids = {corpus.event_of[(a.id, k)] for k in ("e1", "e2", "e3")}
    assert len(ids) == 3
    naples = next(e for e in corpus.events if e.id == corpus.event_of[(a.id, "e3")])
    assert naples.sources == [a.id]


def test_match_events_support_raises_confidence(doc_builder, make_corpus):
    corpus = _corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    by_sources = {len(e.sources): e.confidence for e in corpus.events}
    assert by_sources[2] > by_sources[1]


def test_match_events_drops_staged_and_negated(doc_builder, make_corpus):
    corpus = _corpus(doc_builder, make_corpus)
    corpus.docs[0].events[2].staged = True
    corpus.docs[1].events[0].negated = True
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert (a.id, "e3") not in corpus.event_of and (b.id, "f1") not in corpus.event_of


def test_match_events_ids_are_stable(doc_builder, make_corpus):
    first = _corpus(doc_builder, make_corpus)
    second = _corpus(doc_builder, make_corpus)
    second.docs.reverse()
    match_events(first, Context(Settings()))
    match_events(second, Context(Settings()))
    assert sorted(e.id for e in first.events) == sorted(e.id for e in second.events)


# Two tellings of one campaign in the same order: the middle pair has weak evidence
# of its own (no shared words, a place carried from context) and matches only because
# it sits between the same two matched happenings of both tellings.
SEQ_A = ("In 1687 the pretender landed at Valmont. He rebuilt his forces in Aquitaine. "
         "He was defeated at Orvelle in 1687.")
SEQ_B = ("The pretender came ashore at Valmont in 1687. He gathered an army. "
         "At Orvelle in 1687 the pretender lost.")


def _sequence_corpus(doc_builder, make_corpus, b_middle="He gathered an army"):
    a = (doc_builder(SEQ_A, "a.txt").mention("the pretender", "person", "emp").mention("Valmont", "place", "valmont")
         .mention("Aquitaine", "place", "aquitaine").mention("Orvelle", "place", "orvelle")
         .event("a1", "movement", "In 1687 the pretender landed at Valmont", who=["emp"], where="valmont", when="1687")
         .event("a2", "other", "He rebuilt his forces in Aquitaine", who=["emp"], where="aquitaine", when="1687",
                basis="inferred")
         .event("a3", "attack", "He was defeated at Orvelle in 1687", who=["emp"], where="orvelle", when="1687"))
    b = (doc_builder(SEQ_B, "b.txt").mention("The pretender", "person", "emp").mention("Valmont", "place", "valmont")
         .mention("Orvelle", "place", "orvelle")
         .event("b1", "movement", "The pretender came ashore at Valmont in 1687", who=["emp"], where="valmont",
                when="1687")
         .event("b2", "other", b_middle, who=["emp"], when="1687", basis="inferred")
         .event("b3", "attack", "At Orvelle in 1687 the pretender lost", who=["emp"], where="orvelle", when="1687"))
    return make_corpus(a, b)


def test_match_events_order_of_telling_supports_a_weak_match(doc_builder, make_corpus):
    corpus = _sequence_corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    for x, y in (("a1", "b1"), ("a2", "b2"), ("a3", "b3")):
        assert corpus.event_of[(a.id, x)] == corpus.event_of[(b.id, y)]


def test_match_events_weak_catch_all_match_needs_alike_wording(doc_builder, make_corpus):
    from dataclasses import replace

    from chronica.reconcile.match_items import content_words, prepare
    from chronica.reconcile.match_score import told_alike
    items = prepare(_sequence_corpus(doc_builder, make_corpus), MatchSettings.defaults().events)
    mid_a = next(it for it in items if it.local.key == "a2")
    mid_b = next(it for it in items if it.local.key == "b2")
    assert told_alike(mid_a, mid_b, MatchSettings.defaults().events)  # "rebuilt ... forces" / "gathered an army": word families
    assert not told_alike(mid_a, replace(mid_b, words=content_words("signed a treaty")), MatchSettings.defaults().events)


def test_match_events_undated_evidence_takes_the_reconciled_date(doc_builder, make_corpus):
    # B gives no date for the exile: read in the company of A, it tells the 1850 exile
    corpus = _corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    exile = next(e for e in corpus.events if e.id == corpus.event_of[(b.id, "f1")])
    told_by_b = next(s for s in exile.evidence if s.document == b.id)
    assert (told_by_b.when.edtf, told_by_b.when.basis) == ("1850", "inferred")
    told_by_a = next(s for s in exile.evidence if s.document == a.id)
    assert told_by_a.when.basis == "explicit"  # a source's own date is kept as it is


# one source names the victims and the means, the other the attacker, place and day
STRUCK_A = ("On 9 March 1821 a rebel hurled a grenade at the governor's coach, but it missed. "
            "Later a gunman fired twice, killing the governor and wounding his aide.")
STRUCK_B = "In Valletta on 9 March 1821 Orsini assassinated the governor."


def _struck(doc_builder, make_corpus):
    a = (doc_builder(STRUCK_A, "a.txt").mention("the governor", "person", "gov", nth=0)
         .mention("his aide", "person", "aide")
         .event("g", "attack", "a rebel hurled a grenade at the governor's coach, but it missed", who=["gov"],
                when="1821-03-09", targets=["gov"])
         .event("s", "attack", "Later a gunman fired twice, killing the governor and wounding his aide",
                who=["gov", "aide"], when="1821", basis="inferred", targets=["gov", "aide"]))
    b = (doc_builder(STRUCK_B, "b.txt").mention("Valletta", "place", "valletta").mention("Orsini", "person", "orsini")
         .mention("the governor", "person", "gov")
         .event("k", "attack", "In Valletta on 9 March 1821 Orsini assassinated the governor",
                who=["orsini", "gov"], where="valletta", when="1821-03-09", targets=["gov"]))
    return make_corpus(a, b)


def test_match_events_shared_victim_merges_the_killing_not_the_miss(doc_builder, make_corpus):
    corpus = _struck(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert corpus.event_of[(a.id, "s")] == corpus.event_of[(b.id, "k")]
    assert corpus.event_of[(a.id, "g")] != corpus.event_of[(b.id, "k")]

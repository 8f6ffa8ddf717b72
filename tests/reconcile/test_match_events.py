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
    match_events(corpus, None)
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
    match_events(corpus, None)
    a, _ = corpus.docs
    ids = {corpus.event_of[(a.id, k)] for k in ("e1", "e2", "e3")}
    assert len(ids) == 3
    naples = next(e for e in corpus.events if e.id == corpus.event_of[(a.id, "e3")])
    assert naples.sources == [a.id]


def test_match_events_support_raises_confidence(doc_builder, make_corpus):
    corpus = _corpus(doc_builder, make_corpus)
    match_events(corpus, None)
    by_sources = {len(e.sources): e.confidence for e in corpus.events}
    assert by_sources[2] > by_sources[1]


def test_match_events_drops_staged_and_negated(doc_builder, make_corpus):
    corpus = _corpus(doc_builder, make_corpus)
    corpus.docs[0].events[2].staged = True
    corpus.docs[1].events[0].negated = True
    match_events(corpus, None)
    a, b = corpus.docs
    assert (a.id, "e3") not in corpus.event_of and (b.id, "f1") not in corpus.event_of


def test_match_events_ids_are_stable(doc_builder, make_corpus):
    first = _corpus(doc_builder, make_corpus)
    second = _corpus(doc_builder, make_corpus)
    second.docs.reverse()
    match_events(first, None)
    match_events(second, None)
    assert sorted(e.id for e in first.events) == sorted(e.id for e in second.events)

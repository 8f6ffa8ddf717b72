import pytest

from chronica.web.filters import Selection
from chronica.web.itinerary import itinerary
from chronica.web.network import build_graph


def test_kb_chronology_puts_undated_last(kb):
    ids = kb.chronology
    assert ids[0] == "evt_depart"
    assert ids[-1] == "evt_voyage_length"


def test_kb_events_by_entity_in_time_order(kb):
    assert kb.events_by_entity["ent_emma"] == ["evt_marriage"]
    darwin = kb.events_by_entity["ent_darwin"]
    assert darwin.index("evt_depart") < darwin.index("evt_galapagos") < darwin.index("evt_death")


def test_kb_place_index_includes_enclosing_places(kb):
    england = {e.id for e in kb.events_for(Selection(place="ent_england"))}
    assert england == {"evt_depart", "evt_return", "evt_marriage", "evt_death", "evt_hostile"}


def test_kb_conflicts_link_named_and_quoted_events(kb):
    assert kb.events["evt_return"].conflicts == ["cfl_return_date"]
    # the duration conflict names no event: it is tied to the events whose evidence it quotes
    assert "cfl_voyage_length" in kb.events["evt_voyage_length"].conflicts
    assert "cfl_voyage_length" in kb.events["evt_depart"].conflicts


def test_kb_selection_by_people_period_and_place(kb):
    assert [e.id for e in kb.events_for(Selection(people=("ent_emma", "ent_fitzroy")))] == [
        "evt_depart", "evt_return", "evt_marriage"]
    assert [e.id for e in kb.events_for(Selection(people=("ent_darwin",), year_from=1835, year_to=1836))] == [
        "evt_galapagos", "evt_return"]
    assert kb.events_for(Selection(place="ent_brazil"))[0].id == "evt_salvador"


def test_kb_selection_reads_query_parameters():
    sel = Selection.from_params(["ent_a", "", "ent_a", "ent_b"], "", "1940", "1930")
    assert sel.people == ("ent_a", "ent_b") and sel.place is None
    assert (sel.year_from, sel.year_to) == (1930, 1940)
    assert Selection.from_params([], None, "soon", None).empty


def test_kb_itinerary_numbers_legs_and_dashes_guessed_dates(kb):
    trip = itinerary(kb, "ent_darwin")
    assert [s.place.name for s in trip.stops] == [
        "Plymouth", "Salvador", "Galápagos Islands", "Falmouth", "Maer", "Down House"]
    assert [leg.number for leg in trip.legs] == [1, 2, 3, 4, 5]
    # the death's date is inferred: the last leg is drawn dashed
    assert [leg.guessed for leg in trip.legs] == [False, False, False, False, True]


def test_kb_graph_joins_people_by_shared_events_and_relations(kb):
    graph = build_graph(kb, Selection())
    kinds = {(e.source, e.target, e.kind) for e in graph.edges}
    assert ("ent_darwin", "ent_fitzroy", "shared") in kinds
    assert ("ent_fitzroy", "ent_darwin", "rival") in kinds
    assert ("ent_smith", "ent_claims", "author_of") in kinds
    shared = next(e for e in graph.edges if e.kind == "shared" and e.target == "ent_fitzroy")
    assert shared.label == "2 shared events · 1831–1836"


def test_kb_graph_for_a_person_keeps_their_circle(kb):
    graph = build_graph(kb, Selection(people=("ent_emma",)))
    assert set(graph.nodes) == {"ent_emma", "ent_darwin"}


def _brute_force_period(kb, lo_year, hi_year):
    lo, hi = Selection(year_from=lo_year, year_to=hi_year).bounds
    return [e for e in kb.all_events if e.date is not None and e.date.overlaps(lo, hi)]


@pytest.mark.parametrize("lo_year,hi_year", [
    (1831, 1831), (1832, 1835), (1836, None), (None, 1835), (1839, 1881), (1882, 1882), (1700, 1800), (1950, None),
])
def test_kb_period_selection_matches_every_overlapping_event(kb, lo_year, hi_year):
    assert kb.events_for(Selection(year_from=lo_year, year_to=hi_year)) == _brute_force_period(kb, lo_year, hi_year)

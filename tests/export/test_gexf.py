"""GEXF read back by networkx: nodes, weighted edges, relations, one date timeformat."""
from __future__ import annotations
from export_checks import assert_dates_consistent, read_back


def test_gexf_round_trip_with_weights_relations_and_time(view, tmp_path):
    graph, graph_el = read_back(view, tmp_path)
    assert set(graph.nodes) == {"ent_tavia", "ent_ivo", "ent_guild"}  # people and organisations, not places
    assert graph.nodes["ent_ivo"]["label"] == "Ivo Rusk"
    edge = graph.edges["ent_guild", "ent_ivo"]
    assert edge["weight"] == 2.0 and edge["shared_events"] == 2  # founding and the quay
    assert graph.edges["ent_ivo", "ent_tavia"]["relation"] == "family (descendant)"
    assert_dates_consistent(graph, graph_el)
    ivo = graph.nodes["ent_ivo"]
    assert (ivo["start"], ivo["end"]) == ("1345-01-01", "1410-12-31")  # open start '../1391' adds only its end
    tavia = graph.nodes["ent_tavia"]
    assert (tavia["start"], tavia["end"]) == ("-0043-03-14", "-0043-03-14")  # BC; the undated event adds nothing


def test_gexf_examples_round_trip(examples_view, tmp_path):
    graph, graph_el = read_back(examples_view, tmp_path)
    people = {e["id"] for e in examples_view.people()}
    assert people <= set(graph.nodes) and graph.number_of_edges() > 0
    assert_dates_consistent(graph, graph_el)

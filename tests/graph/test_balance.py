"""Structural balance, frustration and camps on small signed graphs worked out by hand."""

import networkx as nx
import pytest

from geopolkg.graph.balance import camps, find_camps, frustration, triangle_balance


def _g(edges):
    G = nx.Graph()
    G.add_weighted_edges_from(edges)
    return G


def test_triangles_of_each_kind():
    # +++ and +-- are balanced (friend of friend; enemy of my enemy); ++- and --- are not
    assert triangle_balance(_g([("A", "B", 1), ("B", "C", 2), ("A", "C", 3)]))["fraction"] == 1.0
    assert triangle_balance(_g([("A", "B", 1), ("B", "C", -2), ("A", "C", -3)]))["balanced"] == 1
    assert triangle_balance(_g([("A", "B", 1), ("B", "C", 2), ("A", "C", -3)]))["unbalanced"] == 1
    assert triangle_balance(_g([("A", "B", -1), ("B", "C", -2), ("A", "C", -3)]))["unbalanced"] == 1


def test_square_with_diagonal():
    # A-B +, C-D +, A-C -, B-D -, diagonal A-D -: triangles ABD (+,-,-) and ACD (-,+,-) both balanced;
    # a zero-weight edge B-C is no relation, so ABC and BCD are not triangles
    G = _g([("A", "B", 1), ("C", "D", 1), ("A", "C", -1), ("B", "D", -1), ("A", "D", -2), ("B", "C", 0)])
    assert triangle_balance(G) == {"triangles": 2, "balanced": 2, "unbalanced": 0, "fraction": 1.0}


def test_no_triangle():
    assert triangle_balance(_g([("A", "B", -1)]))["fraction"] is None


def test_frustration_counts_and_weights():
    G = _g([("A", "B", 2.0), ("A", "C", -1.0), ("B", "C", 0.5), ("C", "D", -4.0)])
    # camps {A, B, C} {D}: A-C is negative inside (1.0); C-D negative between is fine
    assert frustration(G, {"A": 0, "B": 0, "C": 0, "D": 1}) == {
        "edges": 4, "frustrated": 1, "weight": 1.0, "total_weight": 7.5, "index": round(1 / 7.5, 6)}
    # everyone alone: every positive relation (A-B 2.0, B-C 0.5) is between camps
    assert frustration(G, {})["weight"] == 2.5
    assert frustration(nx.Graph(), {})["index"] is None


def test_camps_of_a_balanced_network_have_no_frustration():
    # two alliances at war: {A, B, C} all friends, {D, E} friends, every cross relation hostile
    G = _g([("A", "B", 1), ("B", "C", 1), ("A", "C", 1), ("D", "E", 2),
            ("A", "D", -1), ("B", "E", -1), ("C", "D", -3)])
    result = camps(G)
    assert result.members == [["A", "B", "C"], ["D", "E"]]
    assert result.frustration["frustrated"] == 0
    assert result.triangles["fraction"] == 1.0
    assert {n: d["camp"] for n, d in result.graph.nodes(data=True)} == {"A": 0, "B": 0, "C": 0, "D": 1, "E": 1}


def test_camps_of_an_unbalanced_triangle():
    # all three hostile: any partition leaves one relation frustrated at best; three camps leave none
    G = _g([("A", "B", -1), ("B", "C", -1), ("A", "C", -1)])
    assert find_camps(G) == {"A": 0, "B": 1, "C": 2}
    # A-B friends, both hostile to C, but C-B friends too (weight 0.5): the cheapest break is C-B
    G = _g([("A", "B", 2), ("A", "C", -3), ("B", "C", 0.5)])
    assert find_camps(G) == {"A": 0, "B": 0, "C": 1}
    assert frustration(G, find_camps(G))["weight"] == 0.5


def test_local_search_prefers_the_lighter_break():
    # friends A-B (1), B-C (1), but A-C enemies (5): put C apart (breaks B-C, weight 1)
    # rather than together (breaks A-C, weight 5)
    G = _g([("A", "B", 1), ("B", "C", 1), ("A", "C", -5)])
    part = find_camps(G)
    assert part["A"] != part["C"]
    assert frustration(G, part)["weight"] == 1.0


@pytest.mark.parametrize("min_events,expected,left_out", [(1, [["A", "B"], ["C"]], []), (2, [], ["A", "B", "C"])])
def test_min_events_drops_thin_relations(min_events, expected, left_out):
    G = nx.Graph()
    G.add_edge("A", "B", weight=1.0, count=1)
    G.add_edge("B", "C", weight=-2.0, count=1)
    result = camps(G, min_events=min_events)
    # actors whose every relation is too thin are left out, not made camps of one
    assert result.members == expected
    assert [a["code"] for a in result.left_out] == left_out


# -- camps from events: sparse evidence ------------------------------------

def _pact(i, a, b, code, goldstein, quad, n=1):
    """``n`` events of actor ``a`` toward ``b`` (CAMEO ``code``)."""
    return [{"id": f"e{i}-{k}", "actor": {"name": a, "code": a}, "target": {"name": b, "code": b},
             "event_code": code, "goldstein": goldstein, "quad_class": quad, "confidence": 1.0,
             "date": "1987-03-02"} for k in range(n)]


def _world(n):
    # two alliances at war, each relation resting on n events: A and B endorse each other, so do
    # C and D; A fights C, B fights D
    return (_pact(1, "AAA", "BBB", "051", 3.4, 1, n) + _pact(2, "CCC", "DDD", "051", 3.4, 1, n)
            + _pact(3, "AAA", "CCC", "190", -10.0, 4, n) + _pact(4, "BBB", "DDD", "190", -10.0, 4, n))


def test_camps_are_surer_the_more_evidence_they_rest_on():
    thin, thick = camps(_world(2), resamples=200), camps(_world(20), resamples=200)
    assert thin.members == thick.members == [["AAA", "BBB"], ["CCC", "DDD"]]
    assert all(v == 1.0 for v in thin.agreement.values())  # nothing breaks the camps either way
    # with two events per relation, some resamples draw neither endorsement: A and B fall apart
    assert thin.camp_stability(0) < thick.camp_stability(0) == 1.0
    assert 0.5 < thin.camp_stability(0) < 1.0
    # resampling is seeded: the same answer every time
    assert camps(_world(2), resamples=200).stability == thin.stability


def test_one_event_per_relation_is_too_little_evidence():
    result = camps(_world(1))
    assert result.members == [] and [a["code"] for a in result.left_out] == ["AAA", "BBB", "CCC", "DDD"]
    assert camps(_world(1), min_events=1).members == [["AAA", "BBB"], ["CCC", "DDD"]]


def test_contact_is_not_a_side():
    # rivals meet and negotiate often (CAMEO 040, 046): that puts them in no camp together
    events = _world(3) + _pact(5, "BBB", "CCC", "046", 7.0, 1, 10) + _pact(6, "AAA", "DDD", "040", 1.0, 1, 10)
    assert camps(events).members == [["AAA", "BBB"], ["CCC", "DDD"]]


def test_an_actor_with_no_ally_stands_alone():
    # E fights both alliances: a camp of one, listed apart from the camps
    events = _world(3) + _pact(7, "EEE", "AAA", "190", -10.0, 4, 3) + _pact(8, "EEE", "CCC", "190", -10.0, 4, 3)
    result = camps(events).to_dict()
    assert [[a["code"] for a in c["actors"]] for c in result["camps"]] == [["AAA", "BBB"], ["CCC", "DDD"]]
    assert [a["code"] for a in result["alone"]] == ["EEE"]
    assert all(a["stability"] is not None and a["agreement"] == 1.0 for c in result["camps"] for a in c["actors"])

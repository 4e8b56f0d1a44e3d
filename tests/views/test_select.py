"""What a view draws: event filters, actor neighbourhoods, weights, the two-mode graph, the cap."""

from __future__ import annotations

import pytest

from geopolkg.errors import ViewError
from geopolkg.views.select import Selected, select_events, select_graph, strongest_part
from geopolkg.views.twomode import event_graph

NAMES = {"AAA": "Alphaland", "BBB": "Betaland", "CCC": "Gammaland", "DDD": "Deltaland"}


def event(eid, actor, target, *, code="042", quad=1, goldstein=1.9, confidence=1.0, date="2024-05-01",
          issue=None, stance=0):
    return {"id": eid, "article": "a1", "date": date, "actor": {"code": actor, "name": NAMES[actor]},
            "target": {"code": target, "name": NAMES[target]} if target else None, "event_code": code,
            "event_root": code[:2], "quad_class": quad, "goldstein": goldstein, "plover_type": "", "issue": issue,
            "issue_key": issue.lower().replace(" ", "-") if issue else None, "stance": stance,
            "confidence": confidence, "intent": False, "negated": False, "sentence": f"Sentence {eid}.",
            "char_start": 0, "char_end": 1, "trigger": "", "article_title": "Title", "article_url": ""}


# A chain AAA - BBB - CCC - DDD of cooperation, with dates, confidences and
# one issue, so every filter removes something different.
EVENTS = [
    event("e1", "AAA", "BBB", goldstein=7.0, confidence=0.8, date="2024-05-01"),               # weight .56
    event("e2", "AAA", "BBB", code="190", quad=4, goldstein=-10.0, date="2024-05-03"),          # weight 1.0
    event("e3", "BBB", "CCC", goldstein=2.0, confidence=0.5, date="2024-06-01", issue="Dam"),   # weight .1
    event("e4", "CCC", "DDD", goldstein=4.0, confidence=0.5, date=None),                        # weight .2
]


def test_event_filters_by_day_issue_and_confidence():
    ids = lambda evs: [e["id"] for e in evs]  # noqa: E731
    assert ids(select_events(EVENTS, since="2024-05-03")) == ["e2", "e3"]  # undated e4 left out
    assert ids(select_events(EVENTS, until="2024-05-03")) == ["e1", "e2"]  # inclusive
    assert ids(select_events(EVENTS, since="2024-05-02", until="2024-05-31")) == ["e2"]
    assert ids(select_events(EVENTS, issue="dam")) == ["e3"]
    assert ids(select_events(EVENTS, min_confidence=0.6)) == ["e1", "e2"]
    assert ids(select_events(EVENTS)) == ["e1", "e2", "e3", "e4"]


def test_bad_days_are_refused():
    with pytest.raises(ViewError, match="YYYY-MM-DD"):
        select_events(EVENTS, since="May 2024")
    with pytest.raises(ViewError, match="after"):
        select_events(EVENTS, since="2024-06-01", until="2024-05-01")


def test_actor_neighbourhood_follows_hops_both_ways():
    nodes = lambda **kw: set(select_graph(EVENTS, **kw).graph.nodes)  # noqa: E731
    assert nodes() == {"AAA", "BBB", "CCC", "DDD"}
    assert nodes(actor="ccc", hops=0) == {"CCC"}
    assert nodes(actor="CCC", hops=1) == {"BBB", "CCC", "DDD"}  # BBB is an incoming relation
    assert nodes(actor="alpha", hops=2) == {"AAA", "BBB", "CCC"}  # name text, any case
    assert nodes(actor="land", hops=0) == {"AAA", "BBB", "CCC", "DDD"}  # every name matches
    with pytest.raises(ViewError, match="no actor matches 'Omega'"):
        select_graph(EVENTS, actor="Omega")


def test_min_weight_drops_light_relations_then_lonely_actors():
    # the overview's pairs, sums of Goldstein x confidence: AAA-BBB 7 x 0.8 - 10 = -4.4 (on balance
    # conflict), BBB-CCC 2 x 0.5 = 1.0 and CCC-DDD 4 x 0.5 = 2.0 (cooperation)
    G = select_graph(EVENTS).graph
    assert sorted((*sorted((u, v)), d["relation"], d["weight"]) for u, v, d in G.edges(data=True)) == [
        ("AAA", "BBB", "conflict", 4.4), ("BBB", "CCC", "cooperation", 1.0), ("CCC", "DDD", "cooperation", 2.0)]
    G = select_graph(EVENTS, min_weight=1.5).graph
    assert sorted(tuple(sorted(e)) for e in G.edges) == [("AAA", "BBB"), ("CCC", "DDD")]
    G = select_graph(EVENTS, min_weight=2.5).graph
    assert set(G.nodes) == {"AAA", "BBB"}  # CCC and DDD left without relations
    # the issue view weighs as geopolkg.graph.actor_graph: |Goldstein| x confidence / 10
    G = select_graph(EVENTS, issue="dam").graph
    assert [(u, v, d["relation"], d["weight"]) for u, v, d in G.edges(data=True)] == [
        ("BBB", "CCC", "cooperation", 0.1)]
    assert select_graph(EVENTS, issue="dam", min_weight=0.2).graph.number_of_nodes() == 0


def test_two_mode_graph_has_an_event_node_per_event():
    G = event_graph(EVENTS + [event("e5", "DDD", None, code="010", goldstein=0.0, date=None)])
    actors = {n for n, d in G.nodes(data=True) if d["kind"] != "event"}
    events = {n for n, d in G.nodes(data=True) if d["kind"] == "event"}
    assert actors == {"AAA", "BBB", "CCC", "DDD"}
    assert events == {"event:e1", "event:e2", "event:e3", "event:e4", "event:e5"}
    assert G.number_of_edges() == 4 * 2 + 1  # e5 has no target
    assert G.nodes["event:e2"]["label"] == "Conventional military action (2024-05-03)"  # the project's CAMEO table
    assert G.nodes["event:e5"]["label"] == "General statement"  # undated: no date in the label
    e2 = G.get_edge_data("AAA", "event:e2")["actor"]
    assert (e2["relation"], e2["weight"], e2["date_min"]) == ("conflict", 1.0, "2024-05-03")
    assert G.get_edge_data("event:e2", "BBB")["target"]["role"] == "target"
    assert G.nodes["DDD"]["events"] == 1 and G.nodes["AAA"]["events"] == 2


def test_events_kind_counts_hops_in_relations():
    sel = select_graph(EVENTS, kind="events", actor="DDD", hops=1)
    assert set(sel.graph.nodes) == {"DDD", "event:e4", "CCC"}
    sel = select_graph(EVENTS, kind="events", actor="DDD", hops=2)
    assert set(sel.graph.nodes) == {"DDD", "event:e4", "CCC", "event:e3", "BBB"}
    with pytest.raises(ViewError, match="--kind"):
        select_graph(EVENTS, kind="people")


def test_cap_keeps_the_strongest_part_and_says_what_it_left_out():
    sel = select_graph(EVENTS, max_nodes=2)
    # events each actor takes part in: BBB 3, AAA 2 (relations 4.4), CCC 2 (relations 3.0), DDD 1
    assert [n for n, _ in sorted(select_graph(EVENTS).graph.nodes(data="rank"), key=lambda x: x[1])] == [
        "BBB", "AAA", "CCC", "DDD"]
    assert set(sel.graph.nodes) == {"AAA", "BBB"}
    assert (sel.total_nodes, sel.total_edges) == (4, 3)
    assert (sel.dropped_nodes, sel.dropped_edges) == (2, 2)
    assert "left out 2 actors and 2 relations" in sel.note and "\n" not in sel.note
    sel = select_graph(EVENTS, max_edges=1)
    assert [d["relation"] for _, _, d in sel.graph.edges(data=True)] == ["conflict"]  # the heaviest
    assert sel.graph.number_of_nodes() == 4 and sel.dropped_edges == 2
    # the two-mode graph's cap keeps its first nodes: BBB, its events with those before it (none), AAA,
    # then the events between AAA and BBB, heaviest first (e2: 1.0, e1: 0.56)
    sel = select_graph(EVENTS, kind="events", max_nodes=4)
    assert list(sel.graph.nodes) == ["BBB", "AAA", "event:e2", "event:e1"]
    assert select_graph(EVENTS).note is None


def test_strongest_part_returns_the_graph_when_it_fits():
    G = select_graph(EVENTS).graph
    assert strongest_part(G, 4, 4) is G
    assert isinstance(select_graph([]), Selected) and select_graph([]).graph.number_of_nodes() == 0

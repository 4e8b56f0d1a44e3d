"""The overview and the issue view as graphs, and where the page puts their actors."""

from __future__ import annotations

import json
import re

import networkx as nx

from geopolkg.views.html import SIDE_COLORS, graph_payload, render_html
from geopolkg.views.layout import DEFAULT_SHOWN, label_box, levels_for
from geopolkg.views.overview import NO_CAMP, issue_graph, overview_graph

NAMES = {"AAA": "Alphaland", "BBB": "Betaland", "CCC": "Gammaland", "DDD": "Deltaland", "EEE": "Epsilonia"}


def event(eid, actor, target, *, quad=1, goldstein=2.0, confidence=1.0, date="2024-05-01", issue=None,
          stance=0, code="042"):
    return {"id": eid, "article": "a1", "date": date, "actor": {"code": actor, "name": NAMES[actor]},
            "target": {"code": target, "name": NAMES[target]} if target else None, "event_code": code,
            "event_root": code[:2], "quad_class": quad, "goldstein": goldstein, "plover_type": "", "issue": issue,
            "issue_key": issue.lower() if issue else None, "stance": stance, "confidence": confidence,
            "intent": False, "negated": False, "sentence": f"Sentence {eid}.", "char_start": 0, "char_end": 1,
            "trigger": "", "article_title": "Title", "article_url": ""}


# Two camps: AAA and BBB cooperate, CCC and DDD cooperate, the two pairs fight;
# EEE only makes a statement (no target).
EVENTS = [
    event("e1", "AAA", "BBB", goldstein=6.0),
    event("e2", "BBB", "AAA", goldstein=3.0, confidence=0.5),
    event("e3", "CCC", "DDD", goldstein=4.0),
    event("e4", "AAA", "CCC", quad=4, goldstein=-10.0, code="190"),
    event("e5", "DDD", "BBB", quad=3, goldstein=-4.0, code="112"),
    event("e6", "EEE", None, goldstein=0.0, code="010"),
]


def test_overview_is_one_signed_relation_per_pair_in_camps():
    G = overview_graph(EVENTS)
    assert G.graph["view"] == "overview" and not G.is_directed()
    rel = {tuple(sorted((u, v))): d for u, v, d in G.edges(data=True)}
    # AAA-BBB: 6 + 3 x 0.5 = 7.5; AAA-CCC: -10; BBB-DDD: -4; CCC-DDD: 4
    assert {k: (d["relation"], d["signed_weight"], d["weight"], d["count"]) for k, d in rel.items()} == {
        ("AAA", "BBB"): ("cooperation", 7.5, 7.5, 2), ("AAA", "CCC"): ("conflict", -10.0, 10.0, 1),
        ("BBB", "DDD"): ("conflict", -4.0, 4.0, 1), ("CCC", "DDD"): ("cooperation", 4.0, 4.0, 1)}
    assert [item["id"] for item in json.loads(rel[("AAA", "BBB")]["evidence"])] == ["e1", "e2"]  # strongest first
    camps = nx.get_node_attributes(G, "camp")
    assert camps["AAA"] == camps["BBB"] != camps["CCC"] == camps["DDD"]
    assert camps["EEE"] == NO_CAMP  # in no relation, so in no camp
    # ranked by the events each takes part in (AAA, BBB 3; CCC, DDD 2; EEE 1), then by the weight
    # of its relations (AAA 17.5 before BBB 11.5, CCC 14 before DDD 8)
    ranks = sorted(G.nodes, key=lambda n: G.nodes[n]["rank"])
    assert ranks == ["AAA", "BBB", "CCC", "DDD", "EEE"]
    assert G.nodes["EEE"]["involved"] == 1 and G.nodes["AAA"]["involved"] == 3


def test_issue_view_puts_each_actor_on_its_side():
    events = [
        event("s1", "AAA", None, issue="Dam", stance=1, confidence=0.9),
        event("s2", "BBB", None, issue="Dam", stance=1, confidence=0.5),
        event("s3", "CCC", "AAA", issue="Dam", stance=-1, quad=3, goldstein=-4.0, code="112"),
        event("s4", "DDD", None, issue="Dam", stance=1),
        event("s5", "DDD", None, issue="Dam", stance=-1),
        event("x1", "EEE", "AAA", issue="Trade", stance=-1),  # another issue: not drawn
    ]
    G = issue_graph(events, "dam")
    assert G.graph["view"] == "issue" and G.graph["issue"] == "Dam"
    sides = {n: (d["side"], d["score"]) for n, d in G.nodes(data=True)}
    assert sides == {"AAA": ("supports", 0.9), "BBB": ("supports", 0.5), "CCC": ("opposes", -1.0),
                     "DDD": ("undecided", 0.0)}
    kinds = {(u, v, d["relation"]) for u, v, d in G.edges(data=True)}
    assert ("CCC", "AAA", "opposition") in kinds and ("AAA", "BBB", "alignment") in kinds
    data = graph_payload(G)
    x = {n["id"]: n["x"] for n in data["nodes"]}
    # supporters on the left, the undecided between, the opponents on the right
    assert max(x["AAA"], x["BBB"]) < x["DDD"] < x["CCC"]
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["AAA"] == "Alphaland\n+0.9" and labels["CCC"] == "Gammaland\n-1.0"
    colors = {n["id"]: n["color"]["background"] for n in data["nodes"]}
    assert colors["AAA"] == SIDE_COLORS["supports"] and colors["CCC"] == SIDE_COLORS["opposes"]
    assert [c["label"] for c in data["columns"]] == ["Supports (2)", "Undecided or mixed (1)", "Opposes (1)"]
    # the first stance events of an actor are its evidence
    aaa = next(n for n in data["nodes"] if n["id"] == "AAA")
    assert aaa["evidence"][0]["sentence"] == "Sentence s1."


def _big_signed_graph(n=400, camps=4, seed=5):
    """Actors in `camps` camps: cooperation inside a camp (a chain through it, and more), conflict across."""
    import random

    rng = random.Random(seed)
    name = lambda x: f"Actor {x} of camp {x % camps}"  # noqa: E731
    pairs = [(x, x + camps) for x in range(n - camps)]  # the chain of each camp
    pairs += [(rng.randrange(n), rng.randrange(n)) for _ in range(n * 2)]
    events = []
    for k, (a, b) in enumerate(pairs):
        if a == b:
            continue
        same = a % camps == b % camps
        events.append({"id": f"e{k}", "date": "2024-05-01", "actor": {"code": f"A{a:03d}", "name": name(a)},
                       "target": {"code": f"A{b:03d}", "name": name(b)}, "event_code": "042" if same else "190",
                       "quad_class": 1 if same else 4, "goldstein": 4.0 if same else -10.0, "confidence": 1.0,
                       "issue": None, "issue_key": None, "stance": 0, "sentence": "", "article_title": "",
                       "article_url": ""})
    return events


def test_camps_sit_apart_and_the_first_level_fits_without_overlap():
    G = overview_graph(_big_signed_graph())
    assert len({c for _, c in G.nodes(data="camp")}) == 4  # the four camps are found
    data = graph_payload(G)
    assert [lv["count"] for lv in data["levels"]] == levels_for(G.number_of_nodes()) == [50, 100, 200, 400]
    first = data["nodes"][:DEFAULT_SHOWN]
    boxes = {}
    for n in first:
        w, h, dy = n["box"]
        boxes.setdefault(n["camp"], []).append((n["x"] - w / 2, n["y"] + dy - h / 2, n["x"] + w / 2, n["y"] + dy + h / 2))
    # each camp's actors in a region of its own: the camps' bounding boxes do not meet
    spans = {c: (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))
             for c, bs in boxes.items()}
    for c1, a in spans.items():
        for c2, b in spans.items():
            if c1 < c2:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (c1, c2)
    # and at every level no two actors' boxes overlap
    for level in data["levels"]:
        placed = []
        for n in data["nodes"][:level["count"]]:
            dx, dy_ = level["offsets"].get(str(n["part"]), [0, 0])
            x, y = n["lx"] + dx, n["ly"] + dy_
            w, h, dy = n["box"]
            placed.append((x - w / 2, y + dy - h / 2, x + w / 2, y + dy + h / 2))
        xs = sorted(range(len(placed)), key=lambda i: placed[i][0])
        for i_pos, i in enumerate(xs):  # sweep by left edge
            for j in xs[i_pos + 1:]:
                if placed[j][0] >= placed[i][2] - 0.5:
                    break
                a, b = placed[i], placed[j]
                assert not (a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5), (level["count"], i, j)


def test_weak_relations_start_hidden_under_the_slider():
    import random

    rng = random.Random(2)
    events = []
    for k in range(1500):  # 120 actors, many relations of many weights
        a, b = rng.sample(range(120), 2)
        g = rng.choice([-10.0, -4.0, -2.0, 1.0, 3.0, 7.0])
        events.append({**_big_signed_graph(8)[0], "id": f"r{k}", "goldstein": g, "quad_class": 4 if g < 0 else 1,
                       "actor": {"code": f"B{a:03d}", "name": f"B {a}"}, "target": {"code": f"B{b:03d}", "name": f"B {b}"}})
    G = overview_graph(events)
    data = graph_payload(G)
    shown = {n["id"] for n in data["nodes"][:DEFAULT_SHOWN]}
    among = sorted((e["weight"] for e in data["edges"] if e["from"] in shown and e["to"] in shown), reverse=True)
    drawn = [w for w in among if w >= data["minWeight"]]
    assert 0 < len(drawn) < len(among)  # the lightest wait for the slider
    assert len(drawn) >= round(1.5 * DEFAULT_SHOWN) or len(drawn) == len(among)
    assert data["minWeight"] in data["weightSteps"] and data["weightSteps"][0] == 0.0


def test_label_box_and_levels():
    box = label_box("United States\n+2.5", 14, 10)
    assert box.height == 2 * 10 + 4 + 2 * 1.25 * 14 + 10
    assert round(box.width, 3) == round(13 * 0.58 * 14 + 10, 3)
    assert levels_for(50) == [50] and levels_for(81) == [50, 81] and levels_for(5000)[-1] == 5000


def test_overview_page_keeps_hostile_names_as_data():
    events = [dict(event("h1", "AAA", "BBB"), actor={"code": "AAA", "name": "<img src=x onerror=alert(1)>"})]
    page = render_html(overview_graph(events), title="t")
    assert "<img src=x" not in page and re.search(r"\\u003cimg src=x onerror=alert\(1\)\\u003e", page)

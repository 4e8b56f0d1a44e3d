import geopolkg.api as api
from geopolkg.graph.network import actor_graph
from geopolkg.graph.opposition import alignment, opposition
from geopolkg.graph.stance import actor_stances

US = {"name": "United States", "code": "USAGOV"}
AF = {"name": "Afghanistan", "code": "AFGGOV"}
CN = {"name": "China", "code": "CHNGOV"}
UK = {"name": "United Kingdom", "code": "GBRGOV"}


def _ev(i, actor, stance, *, target=None, quad=3, issue="bagram", conf=1.0):
    return {"id": f"e{i}", "actor": actor, "target": target, "stance": stance, "quad_class": quad,
            "issue_key": issue, "issue": f"{issue} issue" if issue else None, "confidence": conf,
            "event_code": "120", "goldstein": -4.0, "date": "2025-09-20", "sentence": "s",
            "article_title": "t", "article_url": None}


EVENTS = [
    _ev(1, US, 1, quad=3, conf=0.8),            # US demands the base
    _ev(2, AF, -1, target=US, conf=0.9),        # Taliban reject it, aimed at the US
    _ev(3, CN, -1, conf=0.5),                   # China opposes it
    {**_ev(4, UK, 0, target=US, quad=1), "event_code": "040", "goldstein": 1.0},  # UK meets the US: no stance
    _ev(5, CN, 1, issue="sovereignty"),         # another issue entirely
]


def test_stances_by_hand():
    # one actor per country by default; the codes as coded with level="sector"
    stances = actor_stances(EVENTS, "bagram")["bagram"]
    assert {c: s.label for c, s in stances.items()} == {"USA": "supports", "AFG": "opposes", "CHN": "opposes"}
    assert stances["AFG"].score == -0.9
    sectors = actor_stances(EVENTS, "bagram", level="sector")["bagram"]
    assert {c: s.label for c, s in sectors.items()} == {"USAGOV": "supports", "AFGGOV": "opposes", "CHNGOV": "opposes"}


def test_a_country_of_several_sectors_takes_one_stance_and_is_no_pair_with_itself():
    # the US government supports, its military too, its legislature opposes: at the country level
    # one mixed stance and no US-US opposition; at the sector level two sides of one country
    events = [_ev(1, US, 1), _ev(2, {"name": "United States military", "code": "USAMIL"}, 1),
              _ev(3, {"name": "United States legislature", "code": "USALEG"}, -1)]
    [stance] = actor_stances(events)["bagram"].values()
    assert (stance.actor["code"], stance.label, stance.evidence) == ("USA", "mixed", ["e1", "e2", "e3"])
    assert opposition(events) == [] and alignment(events) == []
    assert {(r.a["code"], r.b["code"]) for r in opposition(events, level="sector")} == {
        ("USALEG", "USAGOV"), ("USALEG", "USAMIL")}


def test_acts_not_done_take_no_stance():
    # a vetoed or refused act is stored negated; an announced one as intent: as done they count nothing
    events = [_ev(1, US, 1), {**_ev(2, AF, 1), "event_code": "163", "negated": True},
              {**_ev(3, CN, 1), "event_code": "190", "intent": True}]
    assert set(actor_stances(events)["bagram"]) == {"USA"}


def test_opposition_pairs_weights_and_evidence():
    pairs = {(r.a["code"], r.b["code"]): r for r in opposition(EVENTS, "bagram")}
    assert set(pairs) == {("AFG", "USA"), ("CHN", "USA")}
    # evidence: both sides' stance events; the Taliban rejection counts once
    assert sorted(pairs[("AFG", "USA")].evidence) == ["e1", "e2", "e2"]
    assert pairs[("AFG", "USA")].to_dict()["evidence"] == ["e1", "e2"]
    assert pairs[("AFG", "USA")].weight == 0.8 + 0.9
    assert pairs[("CHN", "USA")].weight == 0.8 + 0.5


def test_conflict_about_an_issue_is_opposition_even_without_stances():
    events = [_ev(1, AF, 0, target=US, quad=4, issue="border")]
    [rel] = opposition(events)
    assert (rel.a["code"], rel.b["code"], rel.evidence) == ("AFG", "USA", ["e1"])


def test_alignment_by_hand():
    [rel] = alignment(EVENTS, "bagram")
    assert (rel.a["code"], rel.b["code"]) == ("AFG", "CHN")


def test_issue_filter_is_case_insensitive():
    assert opposition(EVENTS, "BAGRAM") == opposition(EVENTS, "bagram")
    assert opposition(EVENTS, "no such issue") == []


def test_network_attributes_are_graphml_safe():
    G = actor_graph(EVENTS)
    for _, attrs in G.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) for v in attrs.values())
    for _, _, attrs in G.edges(data=True):
        assert all(isinstance(v, (str, int, float)) for v in attrs.values())
    relations = {d["relation"] for _, _, d in G.edges(data=True)}
    assert relations == {"cooperation", "conflict", "opposition", "alignment"}


def test_seed_article_opposition(seed_store):
    rows = api.opposition(seed_store, "bagram")
    pairs = {(r["a"]["code"], r["b"]["code"]) for r in rows}
    assert pairs == {("AFG", "USA"), ("CHN", "USA")}
    assert all(r["evidence"] for r in rows)
    assert {(r["a"]["code"], r["b"]["code"]) for r in api.alignment(seed_store, "bagram")} == {("AFG", "CHN")}
    rows = api.opposition(seed_store, "bagram", level="sector")
    assert {(r["a"]["code"], r["b"]["code"]) for r in rows} == {("AFGGOV", "USAGOV"), ("CHNGOV", "USAGOV")}

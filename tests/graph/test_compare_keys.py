from geopolkg.graph.compare import actor_key


def test_actors_are_compared_by_country_and_role_codes_have_none():
    assert actor_key("USAGOV") == actor_key("USAMIL") == actor_key("USA") == "USA"
    assert actor_key("IGOUNO") == "IGOUNO"
    assert actor_key("COP") is None and actor_key("BUSGOOGLE") is None  # GDELT actors with no country
    assert actor_key("USAGOV", "code") == "USAGOV"

"""The corpus scorer (geopolkg.train.evaluate), with a fake coder whose answers are known."""

from geopolkg.extraction.event import Event
from geopolkg.ontology.actors import Actor
from geopolkg.ontology.cameo import event_type
from geopolkg.train.corpus import Example
from geopolkg.train.evaluate import country_of_code, score_examples


def _actor(code):
    return Actor(code=code, name=code, kind="country", country=code[:3])


def _event(article, text, trigger, code, actor, target, depth=0):
    start = text.index(trigger)
    return Event(id=f"{article}-{start}", article=article, actor=_actor(actor),
                 target=_actor(target) if target else None, event_type=event_type(code), date=None,
                 date_source="published", issue=None, stance=0, sentence=text, sentence_index=0,
                 char_start=start, char_end=start + len(trigger), trigger=trigger, confidence=0.9,
                 trigger_start=start, trigger_depth=depth)


TEXT1 = "Chile expelled two Peruvian diplomats."
TEXT2 = "Oslo hosted talks, but Caracas did not send a delegation."
TEXT3 = "The Baltic states have a combined population of about six million."
EXAMPLES = [
    Example("dev-z-1", "dev-z", "dev", TEXT1, "wire", events=[
        {"trigger": {"text": "expelled"}, "actor": {"text": "Chile", "code": "CHLGOV"},
         "target": {"text": "Peruvian diplomats", "code": "PERGOV"}, "cameo": "1663"[:3], "plover": "SANCTION"}]),
    Example("dev-z-2", "dev-z", "dev", TEXT2, "wire", events=[
        {"trigger": {"text": "hosted"}, "actor": {"text": "Oslo", "code": "NORGOV"}, "target": None,
         "cameo": "043", "plover": "CONSULT"},
        {"trigger": {"text": "send"}, "actor": {"text": "Caracas", "code": "VENGOV"}, "target": None,
         "cameo": "042", "plover": "CONSULT", "negated": True}]),
    Example("dev-z-3", "dev-z", "dev", TEXT3, "broadsheet", events=[],
            mentions=[{"text": "Baltic states", "code": "EST"}]),
]

ANSWERS = {
    # right type and actor, wrong target (none given)
    "dev-z-1": [_event("dev-z-1", TEXT1, "expelled", "166", "CHLGOV", None)],
    # the hosting right; the negated sending emitted as done
    "dev-z-2": [_event("dev-z-2", TEXT2, "hosted", "043", "NORGOV", None),
                _event("dev-z-2", TEXT2, "send", "042", "VENGOV", None, depth=1)],
    # an event where there is none
    "dev-z-3": [_event("dev-z-3", TEXT3, "have", "010", "EST", None)],
}


def test_country_codes():
    assert country_of_code("USAGOV") == "USA"
    assert country_of_code("NGOAMN") == "IGO"
    assert country_of_code(None) is None


def test_figures_follow_from_the_answers():
    figures = score_examples(EXAMPLES, lambda article: ANSWERS[article.id])
    assert figures["examples"] == 3
    # dev-z-1 and dev-z-2 each have one event that happened (dev-z-2's second is negated)
    assert figures["single_event_examples"] == 2
    # dev-z-1: SANCTION right; dev-z-2: main event "hosted" (depth 0) CONSULT right
    assert figures["main_type_accuracy"] == 1.0
    assert figures["main_source_accuracy"] == 1.0
    # gold triples: (CHL, PER, SANCTION), (NOR, None, CONSULT); predicted: (CHL, None, SANCTION),
    # (NOR, None, CONSULT), (VEN, None, CONSULT), (EST, None, CONSULT): one of four right
    assert figures["triple_precision"] == 0.25
    assert figures["triple_recall"] == 0.5
    assert figures["triple_f1"] == round(2 * 0.25 * 0.5 / 0.75, 3)
    assert figures["trigger_recall"] == 1.0
    assert figures["trigger_precision"] == 0.5  # "send" and "have" are no gold triggers of real events
    assert figures["no_event_clean"] == 0.0
    assert figures["unreal_emitted"] == 1.0

"""The pipeline's config: settings reach the components, survive ``nlp.config``, and each
sitroom component declares what it reads and writes."""

from __future__ import annotations

import pytest
from spacy.util import load_config_from_str
from thinc.api import ConfigValidationError

from sitroom.pipeline.analyze import analyze_text
from sitroom.pipeline.loader import load_nlp

SITROOM_COMPONENTS = ("sitroom_structure", "sitroom_actors", "sitroom_sourcing", "sitroom_events")
#: An event noun with its doer ("Russia's invasion") and no event verb.
NOMINAL_TEXT = "Russia's invasion of Ukraine shocked Europe."


@pytest.fixture(scope="module")
def no_nominal():
    """The pipeline with event nouns switched off."""
    return load_nlp(events={"nominal": False})


def test_events_setting_changes_what_is_found(nlp, no_nominal) -> None:
    default = analyze_text(NOMINAL_TEXT, nlp=nlp)
    assert [e.trigger.text for e in default.events] == ["invasion"]
    assert analyze_text(NOMINAL_TEXT, nlp=no_nominal).events == ()


def test_settings_round_trip_through_the_config(nlp, no_nominal) -> None:
    text = no_nominal.config.to_str()
    assert "[components.sitroom_events]" in text and "nominal = false" in text
    again = load_config_from_str(text)
    assert again["components"]["sitroom_events"] == {
        "factory": "sitroom_events", "nominal": False, "statements": True, "claims": True}
    assert again["components"]["sitroom_sourcing"] == {
        "factory": "sitroom_sourcing", "quotes": True, "relations": True}
    assert nlp.config["components"]["sitroom_events"]["nominal"] is True


def test_same_settings_load_once(no_nominal) -> None:
    assert load_nlp(events={"nominal": False}) is no_nominal
    assert load_nlp() is not no_nominal


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(TypeError, match="event"):
        load_nlp(event={"nominal": False})
    with pytest.raises(ConfigValidationError):
        load_nlp(events={"nominals": False})


@pytest.mark.parametrize("name", SITROOM_COMPONENTS)
def test_components_declare_requires_and_assigns(nlp, name: str) -> None:
    meta = nlp.get_pipe_meta(name)
    assert meta.requires and meta.assigns
    assert name in nlp.pipe_names


def test_declared_outputs_are_what_later_components_read(nlp) -> None:
    assigned = {a for n in SITROOM_COMPONENTS for a in nlp.get_pipe_meta(n).assigns}
    assert {"doc._.actors", "doc._.sources", "doc._.quotes", "doc._.events"} <= assigned
    for name in ("sitroom_sourcing", "sitroom_events"):
        assert "doc._.actors" in nlp.get_pipe_meta(name).requires

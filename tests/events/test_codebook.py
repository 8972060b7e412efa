"""The codebook: CAMEO code table, PLOVER crosswalk, and the loader's checks."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from sitroom.errors import LexiconError
from sitroom.events.codebook import (
    CameoCode,
    Codebook,
    VerbEntry,
    load_codebook,
    quad_class,
)
from sitroom.lexicons import clear_cache
from sitroom.lexicons.files import version_of

DATA = resources.files("sitroom.lexicons.data")
PLOVER = json.loads((DATA / "plover.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def book() -> Codebook:
    return load_codebook()


# -- the code table ----------------------------------------------------------------------

def test_default_codebook_is_cached(book):
    assert load_codebook() is book


def test_every_code_has_weights_quad_class_and_plover(book):
    codes = list(book.codes())
    assert len(codes) > 250
    for code in codes:
        assert isinstance(code, CameoCode)
        assert -10.0 <= code.goldstein <= 10.0, code
        root = int(code.code[:2])
        want = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert code.quad_class == want, code
        if code.plover is None:
            assert code.code in PLOVER["null"], code
            assert code.plover_mode is None
        else:
            assert code.plover in PLOVER["types"], code
            assert code.plover_mode is None or code.plover_mode in PLOVER["modes"][code.plover]


def test_only_public_statements_lack_a_plover_type(book):
    untyped = sorted(c.code for c in book.codes() if c.plover is None)
    assert untyped == sorted(PLOVER["null"])
    assert all(code.startswith("01") for code in untyped)


def test_every_root_and_sub_code_is_present(book):
    roots = {f"{n:02d}" for n in range(1, 21)}
    assert roots <= {c.code for c in book.codes()}
    for code in book.codes():
        assert book.has_code(code.code[:2])


@pytest.mark.parametrize(
    ("code", "goldstein", "quad", "plover"),
    [
        ("010", 0.0, 1, None),
        ("020", 3.0, 1, "REQUEST"),
        ("042", 1.9, 1, "CONSULT"),
        ("057", 8.0, 1, "SUPPORT"),
        ("073", 7.4, 2, "AID"),
        ("0841", 7.0, 2, "RETREAT"),
        ("112", -2.0, 3, "ACCUSE"),
        ("100", -5.0, 3, "REQUEST"),
        ("138", -7.0, 3, "THREATEN"),
        ("141", -6.5, 4, "PROTEST"),
        ("154", -7.2, 4, "MOBILIZE"),
        ("163", -8.0, 4, "SANCTION"),
        ("173", -5.0, 4, "COERCE"),
        ("190", -10.0, 4, "ASSAULT"),
        ("202", -10.0, 4, "ASSAULT"),
    ],
)
def test_known_codes(book, code, goldstein, quad, plover):
    found = book.code(code)
    assert (found.goldstein, found.quad_class, found.plover) == (goldstein, quad, plover)
    assert found.root == code[:2]


def test_unknown_code_raises(book):
    with pytest.raises(LexiconError, match="unknown CAMEO code"):
        book.code("999")
    assert not book.has_code("999")


@pytest.mark.parametrize(("code", "quad"), [("01", 1), ("0541", 1), ("06", 2), ("087", 2),
                                            ("09", 3), ("1385", 3), ("14", 4), ("2042", 4)])
def test_quad_class_by_root(code, quad):
    assert quad_class(code) == quad


@pytest.mark.parametrize("code", ["00", "21", "x1"])
def test_quad_class_rejects_bad_roots(code):
    with pytest.raises(LexiconError):
        quad_class(code)


# -- frames -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("act", "frame", "want"),
    [
        ("073", "intent", "0333"),  # "will send humanitarian aid"
        ("042", "intent", "036"),  # "will visit"
        ("0332", "intent", "0332"),  # already an intent
        ("163", "threat", "1312"),  # "threatened to impose sanctions"
        ("190", "threat", "1384"),
        ("192", "threat", "1382"),
        ("0841", "appeal", "0253"),  # "urged Iran to free the sailors"
        ("0841", "demand", "1053"),  # "must free"
        ("0253", "demand", "1053"),  # appeals and demands share sub-codes
        ("1056", "appeal", "0256"),
        ("036", "demand", "106"),
        ("085", "refusal", "1244"),  # "refused to lift the sanctions"
        ("030", "refusal", "120"),
        ("190", "intent", None),  # CAMEO has no "intent to attack" (that is a threat)
        ("163", "appeal", None),
    ],
)
def test_reframe(book, act, frame, want):
    assert book.reframe(act, frame) == want


def test_every_framed_code_exists(book):
    assert set(book.framing.frames) == {"intent", "threat", "appeal", "demand", "refusal"}
    for table in book.framing.frames.values():
        for code in table.values():
            assert book.has_code(code)


def test_reframe_rejects_unknown_frames_and_codes(book):
    with pytest.raises(LexiconError, match="frame"):
        book.reframe("073", "wish")
    with pytest.raises(LexiconError):
        book.reframe("999", "intent")


# -- the loader ---------------------------------------------------------------------------

MINIMAL_VERBS = {
    "version": "test.1",
    "classes": {"TALKS": ["talk", "meeting"], "SANCTION": ["sanction", "embargo"]},
    "entries": [
        {"id": "meet", "lemma": "meet", "cameo": "040", "target": ["prep:with", "dobj"]},
        {"id": "hold.talks", "lemma": "hold", "object": ["@TALKS"], "cameo": "040",
         "target": ["prep:with"]},
        {"id": "impose.sanctions", "lemma": "impose", "object": ["@SANCTION", "tariff"],
         "cameo": "163", "target": ["prep:on"]},
        {"id": "shoot.down", "lemma": "shoot", "particle": "down", "cameo": "190"},
        {"id": "call.for", "lemma": "call", "prep": "for", "cameo": "020", "target": [],
         "complement": "requested"},
        {"id": "say", "lemma": "say", "cameo": "010", "target": [], "statement": True},
        {"id": "n.deployment", "lemma": "deployment", "pos": "NOUN", "cameo": "154",
         "target": ["prep:to"], "plover_mode": "troops"},
        {"id": "bomb", "lemma": "bomb", "cameo": "195", "plover": "ASSAULT",
         "plover_mode": "aerial"},
        {"id": "meet.again", "lemma": "meet", "cameo": "046", "target": ["iobj", "dative",
                                                                        "poss", "agent"]},
    ],
}


@pytest.fixture
def lexdir(override):
    """An empty override folder for lexicon files (``SITROOM_LEXICON_DIR``)."""
    return override


def _load() -> Codebook:
    """Load the codebook afresh (after files in the override folder changed)."""
    clear_cache()
    return load_codebook()


def _write(directory: Path, verbs: object = None, *, cameo: object = None,
           plover: object = None, raw: dict[str, str] | None = None) -> Path:
    for name in ("cameo.json", "plover.json"):
        shutil.copyfile(str(DATA / name), directory / name)
    if cameo is not None:
        (directory / "cameo.json").write_text(json.dumps(cameo), encoding="utf-8")
    if plover is not None:
        (directory / "plover.json").write_text(json.dumps(plover), encoding="utf-8")
    verbs = MINIMAL_VERBS if verbs is None else verbs
    (directory / "verbs.json").write_text(json.dumps(verbs), encoding="utf-8")
    for name, text in (raw or {}).items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def _with_entry(entry: dict[str, object]) -> dict[str, object]:
    data = json.loads(json.dumps(MINIMAL_VERBS))
    data["entries"].append(entry)
    return data


def test_load_from_the_override_folder(lexdir, book):
    packaged = book
    _write(lexdir)
    book = _load()
    # The version is the files' content: another verbs.json, another version.
    assert book.files["verbs.json"] == version_of((lexdir / "verbs.json").read_bytes())
    assert book.files["cameo.json"] == packaged.files["cameo.json"]
    assert book.version != packaged.version
    assert [e.id for e in book.verbs("meet")] == ["meet", "meet.again"]
    assert book.verbs("unknown") == ()
    assert book.verbs("deployment") == ()
    assert book.verbs("deployment", "NOUN")[0].cameo == "154"
    assert book.classes["TALKS"] == frozenset({"talk", "meeting"})


def test_entry_fields_and_defaults(lexdir):
    _write(lexdir)
    book = _load()
    shoot = book.entry("shoot.down")
    assert shoot == VerbEntry(id="shoot.down", lemma="shoot", pos="VERB", cameo="190",
                              target=("dobj",), particle="down")
    impose = book.entry("impose.sanctions")
    # Classes are expanded and plurals are accepted beside lemmas.
    assert {"sanction", "sanctions", "embargo", "embargoes", "tariff", "tariffs"} <= impose.objects
    call = book.entry("call.for")
    assert (call.prep, call.target, call.complement) == ("for", (), "requested")
    assert book.entry("say").statement
    assert book.entry("bomb").plover_mode == "aerial"
    with pytest.raises(LexiconError):
        book.entry("nope")
    assert "meet" in book.lemmas("VERB") and "deployment" not in book.lemmas("VERB")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "x", "lemma": "x", "cameo": "999"}, "unknown CAMEO code"),
        ({"id": "x", "lemma": "x", "cameo": 40}, "unknown CAMEO code"),
        ({"id": "meet", "lemma": "meet", "cameo": "040"}, "duplicate entry id"),
        ({"id": "x", "lemma": "x", "cameo": "040", "target": ["subject"]}, "bad slot"),
        ({"id": "x", "lemma": "x", "cameo": "040", "target": ["prep:"]}, "bad slot"),
        ({"id": "x", "lemma": "x", "cameo": "040", "target": "dobj"}, "list of slots"),
        ({"id": "x", "lemma": "x", "cameo": "040", "object": ["@NOPE"]}, "unknown class"),
        ({"id": "x", "lemma": "x", "cameo": "040", "object": []}, "non-empty list"),
        ({"id": "x", "lemma": "x", "cameo": "040", "plover_mode": "aerial"}, "not allowed"),
        ({"id": "x", "lemma": "x", "cameo": "010", "plover_mode": "visit"}, "not allowed"),
        ({"id": "x", "lemma": "x", "cameo": "190", "plover": "ASSAULT",
          "plover_mode": "visit"}, "not allowed"),
        ({"id": "x", "lemma": "x", "cameo": "040", "plover": "HUG"}, "unknown PLOVER type"),
        ({"id": "x", "lemma": "x", "cameo": "040", "pos": "ADJ"}, "pos"),
        ({"id": "x", "lemma": "x", "cameo": "040", "complement": "maybe"}, "complement"),
        ({"id": "x", "lemma": "x", "cameo": "040", "statement": "yes"}, "statement"),
        ({"id": "x", "lemma": "X", "cameo": "040"}, "lemma"),
        ({"id": "x", "cameo": "040"}, "lemma"),
        ({"lemma": "x", "cameo": "040"}, "no id"),
        ({"id": "x", "lemma": "x", "cameo": "040", "particle": "Down"}, "particle"),
        ({"id": "x", "lemma": "x", "cameo": "040", "objects": ["talk"]}, "unknown keys"),
    ],
)
def test_malformed_entries_are_rejected(lexdir, entry, message):
    _write(lexdir, _with_entry(entry))
    with pytest.raises(LexiconError, match=message) as caught:
        _load()
    assert "verbs.json" in str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda v: v.pop("version"), "version"),
        (lambda v: v.update(entries={}), "entries"),
        (lambda v: v.update(classes={"talks": ["talk"]}), "upper case"),
        (lambda v: v.update(classes={"TALKS": []}), "non-empty list"),
        (lambda v: v.update(classes={"TALKS": ["Talk"]}), "lower-case"),
        (lambda v: v.update(entries=[[]]), "not an object"),
    ],
)
def test_malformed_verb_files_are_rejected(lexdir, change, message):
    data = json.loads(json.dumps(MINIMAL_VERBS))
    change(data)
    _write(lexdir, data)
    with pytest.raises(LexiconError, match=message) as caught:
        _load()
    assert "verbs.json" in str(caught.value)


def test_bad_json_names_the_file(lexdir):
    _write(lexdir, raw={"verbs.json": "{not json"})
    with pytest.raises(LexiconError, match="not valid JSON") as caught:
        _load()
    assert "verbs.json" in str(caught.value)
    assert caught.value.code == "E202"


def test_a_file_missing_from_the_override_folder_comes_from_the_package(lexdir):
    _write(lexdir)
    (lexdir / "plover.json").unlink()
    book = _load()
    assert book.plover_version == version_of((DATA / "plover.json").read_bytes())
    assert book.files["verbs.json"] == version_of((lexdir / "verbs.json").read_bytes())


def test_a_json_list_is_not_a_table(lexdir):
    _write(lexdir, raw={"cameo.json": "[]"})
    with pytest.raises(LexiconError, match=r"cameo\.json"):
        _load()


def _cameo() -> dict:
    return json.loads((DATA / "cameo.json").read_text(encoding="utf-8"))


def _plover() -> dict:
    return json.loads(json.dumps(PLOVER))


def test_goldstein_outside_the_scale_is_rejected(lexdir):
    cameo = _cameo()
    cameo["codes"]["042"]["goldstein"] = 11
    _write(lexdir, cameo=cameo)
    with pytest.raises(LexiconError, match="outside") as caught:
        _load()
    assert "cameo.json" in str(caught.value)


def test_a_code_without_goldstein_is_rejected(lexdir):
    cameo = _cameo()
    del cameo["codes"]["042"]["goldstein"]
    _write(lexdir, cameo=cameo)
    with pytest.raises(LexiconError, match="goldstein"):
        _load()


def test_a_code_missing_from_the_crosswalk_is_rejected(lexdir):
    plover = _plover()
    del plover["crosswalk"]["042"]
    _write(lexdir, plover=plover)
    with pytest.raises(LexiconError, match="missing from the crosswalk") as caught:
        _load()
    assert "plover.json" in str(caught.value)


@pytest.mark.parametrize(
    ("walk", "message"),
    [
        ({"plover": "CONSULT", "mode": "aerial"}, "not allowed"),
        ({"plover": "HUG", "mode": None}, "unknown PLOVER type"),
        ({"plover": None, "mode": None}, "not in 'null'"),
    ],
)
def test_bad_crosswalk_rows_are_rejected(lexdir, walk, message):
    plover = _plover()
    plover["crosswalk"]["042"] = walk
    _write(lexdir, plover=plover)
    with pytest.raises(LexiconError, match=message):
        _load()


def test_crosswalk_rows_for_unknown_codes_are_rejected(lexdir):
    plover = _plover()
    plover["crosswalk"]["999"] = {"plover": "CONSULT", "mode": None}
    _write(lexdir, plover=plover)
    with pytest.raises(LexiconError, match="unknown CAMEO codes"):
        _load()

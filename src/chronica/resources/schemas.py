"""The shape each data file must have: a small JSON-Schema subset, checked at load.

A schema is registered for a file name pattern (``fnmatch`` style, relative to the
language folder). YAML and JSON files are checked against ``shape``; TSV files against
``columns`` (which must appear in the header, or *are* the header when ``header`` is
False) and ``required`` (columns no row may leave empty).

The subset: ``type`` (string, number, integer, boolean, object, array, null, or a list
of them), ``properties``, ``required``, ``additionalProperties`` (a schema or False),
``items``, ``enum`` and ``minItems``. Enough to catch the edits that break a stage:
a bare ``no`` read as a boolean in a word list, a table turned into a list, a
missing key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from typing import Any


@dataclass(frozen=True)
class Schema:
    shape: dict[str, Any] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    header: bool = True


STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
# A file of named word lists: {"name": ["word", ...], ...}.
WORD_LISTS: dict[str, Any] = {"type": "object", "additionalProperties": STRINGS}

STRING: dict[str, Any] = {"type": "string"}
NUMBER: dict[str, Any] = {"type": "number"}
INTEGER: dict[str, Any] = {"type": "integer"}
# {"word": number, ...}: a table of words and their values (units, counts, scores).
NUMBER_TABLE: dict[str, Any] = {"type": "object", "additionalProperties": NUMBER}
# Example sentences a file's tests run: plain strings, or small records of strings.
EXAMPLES: dict[str, Any] = {"type": "array", "items": {"type": ["string", "object"]}}


def record(required: dict[str, Any], optional: dict[str, Any] | None = None,
           closed: bool = True) -> dict[str, Any]:
    """An object with these keys (and no others when ``closed``)."""
    return {"type": "object", "required": list(required),
            "properties": {**required, **(optional or {})},
            "additionalProperties": False if closed else True}


def lists(required: tuple[str, ...] = (), **other: dict[str, Any]) -> dict[str, Any]:
    """Named word lists (``required`` among them), plus ``other`` keys of their own shape."""
    return {"type": "object", "required": list(required) + list(other),
            "properties": other, "additionalProperties": STRINGS}


_SCHEMAS: list[tuple[str, Schema]] = [
    # --- aliases: how a text names one entity several ways
    ("aliases/cues.yaml", Schema(record(
        {"introduced_name": STRING,
         "cues": {"type": "array", "minItems": 1, "items": record(
             {"name": STRING, "pattern": STRING},
             {"persons_only": {"type": "boolean"}, "prefer": {"enum": ["a", "b"]},
              "acronym": {"type": "boolean"}, "places": {"type": "boolean"}, "nearest": {"type": "boolean"},
              "title_only": {"type": "boolean"}, "examples": STRINGS})}},
        {"introductions": STRINGS, "adjacent_introductions": STRINGS, "nickname_gloss": STRING}))),
    ("aliases/descriptions.yaml", Schema(lists(
        ("possessives", "family_nouns", "agent_nouns", "modifiers"), title_meanings=WORD_LISTS))),
    ("aliases/group_members.yaml", Schema(lists(
        ("couple_nouns", "couple_modifiers", "spouse_nouns", "family_nouns"), family_lookback=INTEGER))),
    ("aliases/groups.yaml", Schema(record({"groups": {"type": "object", "additionalProperties": record(
        {"forms": STRINGS}, {"type": {"enum": ["person", "place", "organization", "group"]}})}}))),
    ("aliases/name_phrases.yaml", Schema(lists(("left_deps", "not_openers", "place_kinds")))),
    ("aliases/particles.txt", Schema()),
    ("aliases/place_heads.yaml", Schema(record({
        "heads": {"type": "object", "additionalProperties": record({"forms": STRINGS}, {"features": STRINGS})},
        "restrictive_after": STRINGS}))),
    ("aliases/roles.yaml", Schema(lists(("role_nouns", "epithet_nouns", "not_modifiers", "apposition_heads"),
                                        age_noun=STRING))),
    ("aliases/titles.txt", Schema()),
    # one spelling per cell, as many as a name has, no header
    ("aliases/variants.tsv", Schema(header=False)),
    # one historical person per line, one name form per cell, no header
    ("aliases/person_names.tsv", Schema(header=False)),
    ("ask/evidence.yaml", Schema({"type": "object", "additionalProperties": STRINGS,
                                  "required": ["hedges", "speech_verbs", "not_at", "narrow_predicates", "inflections"]})),
    # --- claims: what sources assert, compared across sources
    ("claims/attributes.yaml", Schema(lists(
        ("generic", "attack_words"), weapons=WORD_LISTS,
        synonyms={"type": "array", "items": STRINGS}))),
    ("claims/context.yaml", Schema(lists(("refutation", "cover", "hedge")))),
    ("claims/durations.yaml", Schema({
        "type": "object", "required": ["units", "designators", "approx"],
        "properties": {"units": NUMBER_TABLE,
                       "designators": {"type": "object", "additionalProperties": STRING},
                       "approx": {"type": "object", "additionalProperties": {
                           "type": "array", "items": NUMBER, "minItems": 2}},
                       "term": WORD_LISTS, "detention": WORD_LISTS},
        "additionalProperties": STRINGS})),
    ("claims/event_kinds.yaml", Schema(record({
        "other_score": NUMBER,
        "pairs": {"type": "array", "items": {"type": "array", "minItems": 3, "items": {"type": ["string", "number"]}}}}))),
    ("claims/numbers.yaml", Schema(record({
        "units": NUMBER_TABLE, "multipliers": NUMBER_TABLE,
        "vague": {"type": "object", "additionalProperties": {"type": "array", "items": NUMBER, "minItems": 2}}}))),
    ("claims/outcomes.yaml", Schema(lists(
        ("negation", "qualifiers", "collective", "exclude", "negation_patterns"),
        positive=WORD_LISTS, negative=WORD_LISTS))),
    ("claims/word_families.yaml", Schema(record({
        "families": WORD_LISTS, "end_clashes": {"type": "array", "items": STRINGS}, "means": STRINGS},
        {"lasting": STRINGS}))),
    # --- events: trigger words, what is no happening, scenes, summaries
    ("events/context.yaml", Schema(lists(
        ("examples", "negators", "modals"),
        place_roles={"type": "object", "additionalProperties": STRING}, role_rank=NUMBER_TABLE))),
    ("events/durations.yaml", Schema(record({
        "units_months": NUMBER_TABLE, "units_days": NUMBER_TABLE, "counts": NUMBER_TABLE,
        "spending_verbs": STRINGS}))),
    ("events/gender.yaml", Schema({"type": "object", "required": ["male", "female"],
                                   "additionalProperties": STRINGS})),
    ("events/idioms.yaml", Schema(record({
        "examples": STRINGS, "verb_objects": WORD_LISTS,
        "verb_object_kinds": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": STRING}}}))),
    ("events/scene.yaml", Schema(lists(("day_parts", "day_phrases", "same_day_cues", "story_now")))),
    ("events/staging.yaml", Schema(lists(("examples", "cue_verbs", "cue_nouns"), min_cues=INTEGER))),
    ("events/summary.yaml", Schema(record({
        "examples": {"type": "array", "items": record({"lemma": STRING, "participle": STRING})},
        "participles": {"type": "object", "additionalProperties": STRING}, "doubling": STRINGS}))),
    ("events/triggers.yaml", Schema({
        "type": "object", "required": ["examples", "kinds"],
        "properties": {"examples": EXAMPLES,
                       "kinds": {"type": "object", "additionalProperties": {
                           "type": "object", "additionalProperties": {"type": ["object", "array"]}}},
                       "role_kinds": {"type": "object", "additionalProperties": STRING}},
        "additionalProperties": STRINGS})),
    # --- ingest, language detection, segmentation
    ("ingest/transcripts.yaml", Schema(record({"non_speech": STRINGS, "paragraph_pause": NUMBER}))),
    # every word a string: a bare `on` or `no` would be read as a boolean
    ("language/function_words.yaml", Schema({"type": "object", "required": ["en"],
                                             "additionalProperties": STRINGS})),
    ("segment/zones.yaml", Schema(lists(("bibliography_headings", "credit_headings"),
                                        citation_pattern=STRING))),
    # --- names and places
    ("names/demonyms.tsv", Schema(columns=("forms", "place"), required=("forms", "place"))),
    ("names/first_names_extra.txt", Schema()),
    ("names/given_name_gender.yaml", Schema(record(
        {"package": STRING, "male_lists": STRING, "female_lists": STRING, "other_lists": STRING,
         "skip_locales": STRINGS, "min_share": NUMBER, "clear_share": NUMBER}))),
    ("names/peoples.txt", Schema()),
    ("names/determiners.txt", Schema()),
    ("names/lexicon.yaml", Schema(lists(("titles", "name_particles", "not_names", "org_nouns")))),
    ("names/spelling_classes.tsv", Schema(columns=("letters", "class"), required=("letters",))),
    ("places/countries.tsv", Schema(columns=("iso", "lat", "lon", "aliases"), required=("iso",))),
    ("places/ancient.tsv", Schema(columns=("id", "name", "feature", "lat", "lon", "source"),
                                  required=("id", "name", "feature", "lat", "lon", "source"))),
    ("claims/alternatives.yaml", Schema(lists(("joiners", "other_sources")))),
    ("claims/getaways.yaml", Schema(lists(("cues",), means=WORD_LISTS))),
    ("claims/marriages.yaml", Schema(lists(("verbs", "notation")))),
    ("claims/sacking.yaml", Schema(lists(("struck", "spared", "not_before")))),
    ("claims/times_of_day.yaml", Schema(lists(("before", "approximate", "bounds"), parts={
        "type": "object", "additionalProperties": {"type": "array", "items": INTEGER, "minItems": 2}}))),
    ("claims/states.yaml", Schema(lists(("negation", "stages", "reports"), states={
        "type": "object", "additionalProperties": record(
            {"topic": STRING, "kind": {"enum": ["attribute", "outcome"]}, "severity": {"enum": ["hard", "soft"]},
             "one": STRINGS, "other": STRINGS})}))),
    ("places/curated.tsv", Schema(columns=("id", "name", "feature", "lat", "lon"),
                                  required=("id", "name", "lat", "lon"))),
    ("places/historical_names.tsv", Schema(columns=("name", "modern", "country", "years"),
                                           required=("name", "modern", "country"))),
    # --- reconciling sources, relations between people
    ("reconcile/match.yaml", Schema(lists(("light_cues", "stative_kinds")))),
    ("reconcile/relations.yaml", Schema({"type": "object", "additionalProperties": record(
        {"standings": WORD_LISTS}, {"severity": {"enum": ["hard", "soft"]}})})),
    ("relations/inverses.yaml", Schema(record({"nouns": {"type": "object", "additionalProperties": {
        "type": "object", "additionalProperties": STRINGS}}}))),
    # label, kind (model.RelationKind); no header
    ("relations/labels.tsv", Schema(columns=("label", "kind"), required=("label", "kind"), header=False)),
    ("relations/verbs.yaml", Schema(record({"verbs": {"type": "array", "minItems": 1, "items": record(
        {"lemmas": STRINGS, "kind": STRING, "label": STRING, "source": {"enum": ["subject", "object"]}},
        {"object_types": STRINGS})}}))),
    # --- the asker (chronica.ask) and the time engine (chronica.time, which checks its
    # rules further when it compiles them): the outline here, the detail there
    ("ask/questions.yaml", Schema(lists(
        ("light_predicates", "locative_preps", "stop"),
        kinds={"type": "array", "items": {"type": "array"}},
        light_predicate_kinds=WORD_LISTS, related_kinds=WORD_LISTS, passive_kinds=WORD_LISTS,
        with_a_date={"type": "object", "additionalProperties": STRING}))),
    ("time/examples.yaml", Schema({"type": "object", "additionalProperties": {
        "type": "array", "items": {"type": "array", "minItems": 2}}})),
    ("time/lexicon.yaml", Schema({"type": "object", "required": ["months", "weekdays"],
                                  "properties": {"months": NUMBER_TABLE, "weekdays": NUMBER_TABLE},
                                  "additionalProperties": {"type": ["object", "array"]}})),
    ("time/periods.tsv", Schema(columns=("names", "edtf", "kind"), required=("names", "edtf"))),
    ("time/rules.yaml", Schema({"type": "object", "required": ["rules"], "properties": {
        "macros": {"type": "object", "additionalProperties": STRING},
        "window": {"type": "array", "items": INTEGER},
        "triggers": {"type": "object", "additionalProperties": {"type": "array"}},
        "rules": {"type": "array", "minItems": 1, "items": {"type": "object"}}}})),
    # --- word lists moved out of extract/ and nlp/mention_* (house-split-x)
    ("events/clause_words.yaml", Schema({
        "type": "object", "additionalProperties": STRINGS,
        "required": ["male_pronouns", "female_pronouns", "relative_pronouns", "plural_pronouns", "pair_nouns",
                     "personal_objects", "participant_preps", "naming_verbs", "small_clause_heads", "harm_verbs",
                     "aim_preps", "kind_noun_preps", "adverb_needs", "departure_particles", "leg_preps",
                     "sequence_words", "edge_words", "place_adverbs", "until_preps", "negative_subjects",
                     "summary_particles", "heading_fillers", "date_words"]})),
    ("names/mention_cues.yaml", Schema({
        "type": "object", "additionalProperties": STRINGS,
        "required": ["work_tails", "noble_titles", "naming_phrases", "trailing_words", "vessel_naming_verbs",
                     "founding_nouns", "locative_preps"]})),
    ("claims/counts.yaml", Schema({
        "type": "object", "additionalProperties": STRINGS,
        "required": ["not_counted", "plural_nouns", "single_words", "not_adjectives", "place_phrases"]})),
]


# -- settings/match.yaml (a ``defaults`` file, not a language's): the thresholds of
# cross-source matching, every key required, numbers only (match_settings.py).
def _numbers(*keys: str, **nested: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {k: {"type": "number"} for k in keys}
    props.update(nested)
    return {"type": "object", "required": list(props), "properties": props, "additionalProperties": False}


_SCHEMAS.append(("settings/match.yaml", Schema(_numbers(
    events=_numbers(
        "threshold", "within_document", "strong_without_date", "min_signals", "undated_relief", "kind_unlike",
        "target_signal", "cue_signal", "guessed_date_signal", "weak_threshold", "weak_signals", "gap_reach",
        "continue_words", "retold_words", "same_date_days", "same_year_days", "guess_reach_years",
        "vague_slack_days", "fuzzy_word_ratio", "rare_stem_documents", "max_block", "borrow_min", "borrow_share",
        "borrow_agree", weights=_numbers("kind", "who", "place", "words", "date")),
    entities=_numbers("same_place_km", "corpus_near_km", "min_shared_neighbours"),
    conflicts=_numbers("vague_date_days", "loose_date_days", "same_detention_days", "inferred_reference_days",
                       "loose_time_minutes", "about_time_minutes", "clock_apart_minutes")))))
# place words read by resolve/places.py and resolve/merge.py
_SCHEMAS.append(("places/place_words.yaml", Schema({
    "type": "object", "additionalProperties": False,
    "required": ["place_nouns", "state_qualifiers", "region_qualifiers", "bare_directions", "compass_parts",
                 "abbreviations", "name_tails", "antecedent_heads",
                 "place_subject_verbs", "verb_only_place_preps", "near_words",
                 "of_place_nouns", "crossing_verbs", "crossing_preps",
                 "destination_preps"],
    "properties": {"place_nouns": {"type": "object", "additionalProperties": {"type": "string"}},
                   "name_tails": {"type": "object", "additionalProperties": STRINGS},
                   "bare_directions": {"type": "object", "additionalProperties": {"type": "string"}},
                   "abbreviations": {"type": "object", "additionalProperties": {"type": "string"}},
                   "state_qualifiers": STRINGS, "region_qualifiers": STRINGS, "compass_parts": STRINGS,
                   "antecedent_heads": STRINGS, "place_subject_verbs": STRINGS,
                   "verb_only_place_preps": STRINGS, "near_words": STRINGS,
                   "of_place_nouns": STRINGS, "crossing_verbs": STRINGS, "crossing_preps": STRINGS,
                   "destination_preps": STRINGS}})))
# the words of a description beside a name (resolve/appositions.py)
_SCHEMAS.append(("aliases/appositions.yaml", Schema(lists(("articles", "possessives", "prepositions")))))
# pronouns that tell a gender (extract/pronouns.py)
_SCHEMAS.append(("relations/pronouns.yaml", Schema(record({"male": STRINGS, "female": STRINGS}))))


def register(pattern: str, schema: Schema) -> None:
    """Add or replace the schema for files matching ``pattern`` (plug-ins' data too)."""
    _SCHEMAS[:] = [(p, s) for p, s in _SCHEMAS if p != pattern] + [(pattern, schema)]


def schema_for(name: str) -> Schema | None:
    for pattern, schema in _SCHEMAS:
        if fnmatch(name, pattern):
            return schema
    return None


_TYPES = {"string": str, "boolean": bool, "object": dict, "array": list, "null": type(None)}


def _is(value: Any, kind: str) -> bool:
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def check(value: Any, shape: dict[str, Any], where: tuple = ()) -> tuple[tuple, str] | None:
    """The first place ``value`` breaks ``shape`` and why, or None when it fits."""
    kinds = shape.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, k) for k in kinds):
            return where, f"{_at(where)}expected {' or '.join(kinds)}, found {type(value).__name__} {value!r:.40}"
    if "enum" in shape and value not in shape["enum"]:
        return where, f"{_at(where)}{value!r} is not one of {', '.join(map(str, shape['enum']))}"
    if isinstance(value, dict):
        for key in shape.get("required", ()):
            if key not in value:
                return where, f"{_at(where)}missing key {key!r}"
        props, extra = shape.get("properties", {}), shape.get("additionalProperties", True)
        for key, item in value.items():
            sub = props.get(key, extra)
            if sub is False:
                return where + (key,), f"{_at(where)}unexpected key {key!r}"
            if isinstance(sub, dict):
                problem = check(item, sub, where + (key,))
                if problem:
                    return problem
    if isinstance(value, list):
        if len(value) < shape.get("minItems", 0):
            return where, f"{_at(where)}needs at least {shape['minItems']} items"
        if "items" in shape:
            for i, item in enumerate(value):
                problem = check(item, shape["items"], where + (i,))
                if problem:
                    return problem
    return None


def _at(where: tuple) -> str:
    return ("at " + "/".join(map(str, where)) + ": ") if where else ""


# the time engine's cue words (chronica.time.cues): word lists, two word -> TIMEX code tables
_SCHEMAS.append(("time/cues.yaml", Schema({
    "type": "object", "required": ["period_cues", "realm_words_cased", "present_words", "stretch_units"],
    "additionalProperties": {"type": ["array", "object"], "items": {"type": "string"},
                             "additionalProperties": {"type": "string"}}})))

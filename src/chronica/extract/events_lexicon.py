"""The event word lists (lang/en/events/*.yaml), loaded and compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..resources import load


@dataclass(frozen=True)
class TriggerRule:
    """One trigger lemma: its kind and what it needs to count."""

    lemma: str
    kind: str
    pos: str  # "verb" | "noun" | "adjective" | "predicate" (a role noun after be/become)
    needs: tuple[str, ...] = ()
    particle: str | None = None
    weak: bool = False


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[TriggerRule]]
    adjectives: dict[str, list[TriggerRule]]
    nouns: dict[str, list[TriggerRule]]
    light_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    role_nouns: frozenset[str]
    role_kinds: dict[str, str]
    precedence: tuple[str, ...]
    negators: frozenset[str]
    modals: frozenset[str]
    counterfactual_modals: frozenset[str]
    counterfactual_adverbs: frozenset[str]
    hypothetical_marks: frozenset[str]
    intention_verbs: frozenset[str]
    intention_nouns: frozenset[str]
    intention_adjectives: frozenset[str]
    belief_nouns: frozenset[str]
    female_cues: frozenset[str]
    male_cues: frozenset[str]
    anaphoric_determiners: frozenset[str]
    later_preps: frozenset[str]
    near_cues: tuple[str, ...]
    passage_cues: frozenset[str]  # words that say time has passed since the last date
    open_cues: frozenset[str]  # "later": after the last date, by how much unknown
    place_roles: dict[str, str]
    role_rank: dict[str, int]
    origin_object_verbs: frozenset[str]
    destination_object_verbs: frozenset[str]
    cue_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    present_tags: frozenset[str]
    scene_setters: tuple[re.Pattern, ...]
    min_cues: int = 2
    kinds: tuple[str, ...] = field(default=())
    attempt_verbs: frozenset[str] = frozenset()
    fiction_nouns: frozenset[str] = frozenset()  # "In a recent novel, ...": what follows is fiction
    habitual_adverbs: frozenset[str] = frozenset()  # "always", "usually": a habit, not a happening
    habitual_subordinators: frozenset[str] = frozenset()  # "whenever", "wherever"
    earlier_marks: frozenset[str] = frozenset()  # "(twelve years) after": the clause is earlier
    earlier_measures: frozenset[str] = frozenset()  # "years", "long": how far earlier
    custody_nouns: frozenset[str] = frozenset()  # "prison", "jail": the need "custody"
    staged_kinds: frozenset[str] = frozenset()  # kinds a staged scene still tells
    harm_cues: frozenset[str] = frozenset()  # "pain", "blood": a blow was struck
    weapons: frozenset[str] = frozenset()
    purpose_openers: frozenset[str] = frozenset()  # "so as" (to ...): a purpose, not a happening
    intent_frame_verbs: frozenset[str] = frozenset()  # "the plan called for ...": only spells out a plan
    reference_preps: frozenset[str] = frozenset()  # "after his death": a time reference, not a telling
    # "At her trial, the abbess declared ...": a statement made at a happening is part of it
    speech_verbs: frozenset[str] = frozenset()
    setting_preps: frozenset[str] = frozenset()
    # idioms (lang/en/events/idioms.yaml): verb -> object/particle words that make it no happening
    idioms: dict[str, frozenset[str]] = field(default_factory=dict)
    # verb -> {object word: kind}: "seized power" (political), "took command" (appointment)
    object_kinds: dict[str, dict[str, str]] = field(default_factory=dict)
    # verbs whose object a role noun completes ("made him governor"): triggers of role_kinds' kind
    role_object_verbs: frozenset[str] = frozenset()

    def governs_intent(self, tok) -> bool:
        """Is ``tok`` a word whose complement is only wished, planned or believed?"""
        forms = base_forms(tok.lemma_.lower()) | base_forms(tok.lower_)
        if tok.pos_ in ("VERB", "AUX"):
            return bool(forms & self.intention_verbs)
        if tok.pos_ in ("NOUN", "PROPN"):
            return bool(forms & (self.intention_nouns | self.belief_nouns))
        if tok.pos_ == "ADJ":
            return bool(forms & self.intention_adjectives)
        return False

    def rank(self, kind: str) -> int:
        try:
            return self.precedence.index(kind)
        except ValueError:
            return len(self.precedence)


def base_forms(word: str) -> set[str]:
    """The word and plausible lemmas of it (the small model mis-lemmatises some
    verbs: "hoping" -> "hop")."""
    out = {word}
    for suf in ("ing", "ed", "s", "es", "d"):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            stem = word[: -len(suf)]
            out |= {stem, stem + "e"}
    return out


def _read(name: str) -> dict:
    return load("events/" + name) or {}


def _rules(kinds: dict, pos: str) -> dict[str, list[TriggerRule]]:
    out: dict[str, list[TriggerRule]] = {}
    for kind, spec in kinds.items():
        for lemma, opts in ((spec or {}).get(pos + "s") or {}).items():
            opts = opts or {}
            out.setdefault(lemma, []).append(TriggerRule(
                lemma=lemma, kind=kind, pos=pos,
                needs=tuple(opts.get("needs") or ()),
                particle=opts.get("particle"),
                weak=bool(opts.get("weak", False)),
            ))
    return out


def load_lexicon() -> Lexicon:
    trig = _read("triggers.yaml")
    ctx = _read("context.yaml")
    stage = _read("staging.yaml")
    gender = _read("gender.yaml")
    idioms = _read("idioms.yaml")
    fs = lambda xs: frozenset(str(x).lower() for x in (xs or ()))  # noqa: E731
    return Lexicon(
        verbs=_rules(trig["kinds"], "verb"),
        adjectives=_rules(trig["kinds"], "adjective"),
        nouns=_rules(trig["kinds"], "noun"),
        light_verbs=fs(trig.get("light_verbs")),
        occurrence_verbs=fs(trig.get("occurrence_verbs")),
        role_nouns=fs(trig.get("role_nouns")),
        role_kinds={str(k): str(v) for k, v in (trig.get("role_kinds") or {}).items()},
        role_object_verbs=fs(trig.get("role_object_verbs")),
        precedence=tuple(trig.get("precedence") or ()),
        negators=fs(ctx.get("negators")),
        modals=fs(ctx.get("modals")),
        counterfactual_modals=fs(ctx.get("counterfactual_modals")),
        counterfactual_adverbs=fs(ctx.get("counterfactual_adverbs")),
        hypothetical_marks=fs(ctx.get("hypothetical_marks")),
        purpose_openers=fs(ctx.get("purpose_openers")),
        intention_verbs=fs(ctx.get("intention_verbs")),
        intention_nouns=fs(ctx.get("intention_nouns")),
        intent_frame_verbs=fs(ctx.get("intent_frame_verbs")),
        intention_adjectives=fs(ctx.get("intention_adjectives")),
        belief_nouns=fs(ctx.get("belief_nouns")),
        fiction_nouns=fs(ctx.get("fiction_nouns")),
        habitual_adverbs=fs(ctx.get("habitual_adverbs")),
        habitual_subordinators=fs(ctx.get("habitual_subordinators")),
        earlier_marks=fs(ctx.get("earlier_marks")),
        earlier_measures=fs(ctx.get("earlier_measures")),
        female_cues=fs(gender.get("female")),
        male_cues=fs(gender.get("male")),
        anaphoric_determiners=fs(ctx.get("anaphoric_determiners")),
        later_preps=fs(ctx.get("later_preps")),
        reference_preps=fs(ctx.get("reference_preps")),
        speech_verbs=fs(trig.get("speech_verbs")),
        setting_preps=fs(trig.get("setting_preps")),
        passage_cues=frozenset(str(x).lower() for x in ctx.get("passage_cues") or ()),
        open_cues=frozenset(str(x).lower() for x in ctx.get("open_cues") or ()),
        near_cues=tuple(sorted((str(x).lower() for x in ctx.get("near_cues") or ()), key=len, reverse=True)),
        place_roles={str(k): str(v) for k, v in (ctx.get("place_roles") or {}).items()},
        role_rank={str(k): int(v) for k, v in (ctx.get("role_rank") or {}).items()},
        origin_object_verbs=fs(ctx.get("origin_object_verbs")),
        destination_object_verbs=fs(ctx.get("destination_object_verbs")),
        cue_verbs=fs(stage.get("cue_verbs")),
        cue_nouns=fs(stage.get("cue_nouns")),
        present_tags=frozenset(stage.get("present_tags") or ("VBZ", "VBP")),
        scene_setters=tuple(re.compile(p) for p in stage.get("scene_setters") or ()),
        min_cues=int(stage.get("min_cues", 2)),
        kinds=tuple(trig["kinds"]),
        attempt_verbs=fs(ctx.get("attempt_verbs")),
        custody_nouns=fs(ctx.get("custody_nouns")),
        staged_kinds=fs(stage.get("staged_kinds")),
        harm_cues=fs(stage.get("harm_cues")),
        weapons=_weapons(),
        idioms={str(v).lower(): fs(ws) for v, ws in (idioms.get("verb_objects") or {}).items()},
        object_kinds={str(v).lower(): {str(o).lower(): str(k) for o, k in (m or {}).items()}
                      for v, m in (idioms.get("verb_object_kinds") or {}).items()},
    )


def _weapons() -> frozenset[str]:
    """Weapon words (shared with the claims: lang/en/claims/attributes.yaml)."""
    data = load("claims/attributes.yaml") or {}
    return frozenset(str(w).lower() for ws in (data.get("weapons") or {}).values() for w in ws)


"""The typed seams of asking: a parsed question, a cited span, an answer."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("when", "where", "who", "what", "how_long", "how_many", "how_old", "disputes", "fate", "passages")


@dataclass(frozen=True)
class Question:
    """What the parser made of the question text."""

    text: str
    kind: str  # one of KINDS
    entities: tuple[str, ...] = ()  # resolved entity ids, in question order
    names: tuple[str, ...] = ()  # the question's words that named them
    predicate: str | None = None  # main verb or event noun lemma ("arrest", "die")
    predicate_forms: tuple[str, ...] = ()  # its irregular forms ("write": "wrote", "written")
    event_kinds: tuple[str, ...] = ()  # event kinds the predicate stands for
    words: tuple[str, ...] = ()  # content lemmas not used for names ("painting", "sentence")
    period: tuple[str, str] | None = None  # ISO bounds of a date in the question
    period_text: str | None = None
    role: str | None = None  # a relation noun ("wife") or a counted noun ("soldiers")
    of_role: str | None = None  # the question is about someone's relative: "Lincoln's wife", "the son of X"
    role_forms: tuple[str, ...] = ()  # the counted noun's irregular forms ("men" for "man")
    place_words: tuple[str, ...] = ()  # unresolved proper names after a preposition ("at Velmora"): the event must tell them
    part: str | None = None  # the first named entity's part: "agent" (what did X do), "patient", "involved" (what happened to X)
    answer_part: str | None = None  # the part "who" asks for: "agent" (who killed X), "patient" (who was killed)
    person_noun: str | None = None  # "which captain took him?": the answer is described so ("Captain X", "a carpenter, X")


@dataclass(frozen=True)
class Cite:
    """A quoted span of a stored document: the evidence of an answer."""

    document: str
    start: int
    end: int
    text: str
    label: str = ""  # the document's title or file name
    locator: str | None = None  # a page, a timestamp... when the input gave one
    says: str | None = None  # what this source says, where sources differ

    @property
    def where(self) -> str:
        place = f"{self.label or self.document}"
        return f"{place}, {self.locator}" if self.locator else f"{place}, chars {self.start}–{self.end}"


@dataclass(frozen=True)
class Passage:
    """A stretch of a document found by full-text search, with spans to highlight."""

    document: str
    start: int
    end: int
    text: str
    score: float
    label: str = ""
    marks: tuple[tuple[int, int, str], ...] = ()  # (start, end, "entity"|"date"), relative to text


@dataclass
class Answer:
    question: Question
    status: str  # "answered" | "disputed" | "unknown"
    text: str  # the answer sentence
    values: list[str] = field(default_factory=list)  # machine-readable: EDTF, names, numbers
    cites: list[Cite] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    computed: bool = False  # worked out from dates rather than stated
    dates: list[str] = field(default_factory=list)  # EDTF of the dates a computed answer is worked out from
    items: list[dict] = field(default_factory=list)  # listed events or conflicts, for display

    @property
    def known(self) -> bool:
        return self.status != "unknown"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["question"] = asdict(self.question)
        for c, cite in zip(d["cites"], self.cites):
            c["where"] = cite.where
        return d

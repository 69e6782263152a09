"""The gold format ``marsad-gold/1`` (../shared/gold/README.md) as data classes.

One class per kind of answer, with every field the README defines. ``gold_parse`` builds
them from a file (``load_gold``) and ``gold_fit`` checks that they point at real text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GOLD_FORMAT = "marsad-gold/1"
TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
ENTITY_TYPES = frozenset({"PER", "ORG", "LOC", "EVENT", "MISC"})
DATE_BASES = frozenset({"explicit", "relative", "dateline", "bounded", "none"})
SCOPES = frozenset({"story", "background"})

Number = int | float
# A quantity's value: a number, a (low, high) range, or None when the text is vague.
QuantityValue = Number | tuple[Number, Number] | None


class GoldError(ValueError):
    """The gold file is malformed or does not fit the documents it names."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"gold: {len(problems)} problem(s):\n  {shown}{more}")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A temporal expression: ``text`` at its ``occurrence`` (plain substrings, 1-based)."""

    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3; None when the text alone does not fix it
    occurrence: int = 1
    vague: bool = False
    hijri: str | None = None
    mod: str | None = None
    role: str | None = None  # "dateline"
    anchor: str | None = None
    anchored_value: str | None = None  # the value once the text's own day is known
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """An attributed statement: its cue on a 1-based ``line``, and who made it."""

    speaker: str  # canonical English name
    cue: str  # as written
    line: int
    speaker_ar: str | None = None  # the speaker as the text names it, fullest form
    implicit_speaker: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str  # English, as an English newspaper writes it
    type: str  # PER | ORG | LOC | EVENT | MISC
    mentions: tuple[str, ...] = ()  # every surface form as written, with clitics
    name_ar: str | None = None  # fullest Arabic form, no clitics
    role: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    text: str
    value: QuantityValue
    occurrence: int = 1
    unit: str | None = None
    subject: str | None = None
    approximate: bool = False
    vague: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GoldInferableDate:
    """The text's own day where it can be pinned without a dateline, and how."""

    value: str
    how: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc: str  # file name, or the record's id
    outlet: str | None = None
    crawled: str | None = None
    published: str | None = None  # only where the text itself states it
    published_inferable: GoldInferableDate | None = None
    title: str | None = None
    note: str | None = None
    timexes: tuple[GoldTimex, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    quantities: tuple[GoldQuantity, ...] = ()
    entities: tuple[GoldEntity, ...] = ()

    @property
    def annotated(self) -> bool:
        """True when the document has answers of its own (a story file's may have none)."""
        layers = (self.timexes, self.quotes, self.quantities, self.entities)
        return any(layers) or self.published is not None or self.published_inferable is not None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One entry of a story's timeline; ``docs`` are the reports that report it."""

    id: str
    date: str | None
    docs: tuple[str, ...]
    derivable: bool = True
    date_basis: str | None = None  # explicit | relative | dateline | bounded | none
    what: str = ""
    scope: str | None = None  # story | background
    evidence_doc: str | None = None
    evidence: str = ""  # a sentence of ``evidence_doc`` that says it
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GoldVersion:
    version: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldConflict:
    """Sources that disagree about one timeline event."""

    id: str
    event: str
    type: str | None = None
    what: str = ""
    versions: tuple[GoldVersion, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDuplicate:
    """Reports that are one text (a reprint, a wire copy, an edited copy)."""

    id: str
    kind: str | None
    ids: tuple[str, ...]
    note: str | None = None


@dataclass(slots=True)
class GoldSet:
    corpus: str
    documents: list[GoldDocument]
    timeline: list[GoldEvent] = field(default_factory=list)
    conflicts: list[GoldConflict] = field(default_factory=list)
    duplicates: list[GoldDuplicate] = field(default_factory=list)
    story: str | None = None
    path: str = ""

    def doc_names(self) -> list[str]:
        return [d.doc for d in self.documents]

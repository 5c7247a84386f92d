"""The canonical fact base: entities, measures with their vocabulary, and facts.

Built from config/facts.yaml by checks.factfile; this module is only the in-memory model and
the look-ups the rules need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """An alias that also names something else (CMA: medical assistant or management accountant).

    The alias counts as a mention of the entity only when one of `confirm` appears in the same
    sentence, block, heading path or page title, and none of `reject` appears in the sentence.
    """

    alias: str
    confirm: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str  # "credential" | "occupation" | other free text
    aliases: tuple[str, ...]
    ambiguous: tuple[Ambiguity, ...] = ()
    occupation: str | None = None  # for a credential: the occupation it certifies


@dataclass(frozen=True, slots=True)
class Qualifier:
    id: str
    label: str
    cues: tuple[str, ...] = ()
    default: bool = False


@dataclass(frozen=True, slots=True)
class Measure:
    """A tracked kind of number (exam_questions, training_length, median wage, ...).

    unit is the unit facts and claims are stated in: count, usd, usd_year, usd_hour, percent,
    minutes, months, points. accepts lists the quantity units that can state this measure
    (e.g. minute, hour for a time limit). nouns are counted nouns that by themselves signal the
    measure ("questions", "venipunctures") unless requires_cue is set, when a cue must also be
    present ("credits" count as ACE credits only next to "ACE"); cues are words that signal it
    in the clause or its table headers. exclude lists words that mean a nearby number is about something else
    ("practice" questions, "preparation" months). parts are what the measure breaks down into
    (an exam's domains): a number whose own clause names one counts that part. topic, when set,
    is what the measure is the figure of ("exam" for an exam fee): the measure applies only when
    the sentence before the number, the words right after it or its table names the topic, and
    then it outranks measures sharing its cue words (an exam that "costs $125" is no program cost).
    program_specific measures are set by each school (program length, tuition): on a page about
    one school's program their figures are that program's own. about names the kinds of entity
    the measure belongs to before any fact says so (an exam fee is a credential's).
    """

    id: str
    name: str
    unit: str
    accepts: tuple[str, ...]
    cues: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    qualifiers: tuple[Qualifier, ...] = ()
    requires_cue: bool = False
    program_specific: bool = False
    about: tuple[str, ...] = ()
    tolerance: float = 0.0
    relative_tolerance: float = 0.0

    @property
    def default_qualifier(self) -> str:
        for qualifier in self.qualifiers:
            if qualifier.default:
                return qualifier.id
        return self.qualifiers[0].id if self.qualifiers else "value"

    def qualifier(self, qualifier_id: str) -> Qualifier | None:
        return next((q for q in self.qualifiers if q.id == qualifier_id), None)


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One canonical figure. low == high for an exact value.

    period is the statistic's vintage ("2024", "2024-2034"); as_of is when the team last
    checked it against the source; review_by is when it must be checked again.
    """

    entity: str
    measure: str
    qualifier: str
    low: float
    high: float
    unit: str
    source: Source
    as_of: date
    review_every_days: int
    tolerance: float = 0.0
    relative_tolerance: float = 0.0
    period: str | None = None
    scope: str | None = None
    bound: str | None = None
    note: str = ""
    line: int | None = None

    @property
    def review_by(self) -> date:
        return self.as_of + timedelta(days=self.review_every_days)

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True, slots=True)
class FactBase:
    """scopes are states and work settings that make a figure non-national ("in California",
    "in physician offices"); marketing lists phrases that mark a sentence as the site's own
    sales copy, whose numbers are never fact claims ("practice questions", "lifetime");
    other_names are credentials and jobs the file does not track (CNA, CPC): a number next to one
    is about that name, not about the nearest tracked entity. Entities without facts (the RMA) are
    known by name only: their figures are compared, never checked."""

    version: str
    entities: tuple[Entity, ...]
    measures: tuple[Measure, ...]
    facts: tuple[Fact, ...]
    path: str = "facts.yaml"
    scopes: tuple[tuple[str, ...], ...] = ()  # each group: the scope's name, then other spellings
    marketing: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()
    historical: tuple[str, ...] = ()  # phrases of a sentence recounting the past ("back in 2020")
    _by_key: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    _with_facts: set = field(default_factory=set, compare=False, hash=False, repr=False)
    _by_kind: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    _measured: set = field(default_factory=set, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        kinds = {entity.id: entity.kind for entity in self.entities}
        for fact in self.facts:
            self._by_key.setdefault((fact.entity, fact.measure), []).append(fact)
            self._by_kind.setdefault((kinds.get(fact.entity), fact.measure), []).append(fact)
            self._with_facts.add(fact.entity)
            self._measured.add(fact.measure)

    def scope_name(self, written: str) -> str:
        """The name of the scope a spelling belongs to ("physicians' offices" -> "physician
        offices"); an unknown spelling is returned as it is, lower-cased."""
        folded = " ".join(written.lower().split())
        for group in self.scopes:
            if any(" ".join(name.lower().split()) == folded for name in group):
                return group[0]
        return folded

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    def has_facts(self, entity_id: str) -> bool:
        """Whether the file holds any figure for this entity (the RMA is known by name only)."""
        return entity_id in self._with_facts

    def facts_for(self, entity_id: str, measure_id: str) -> list[Fact]:
        """Every fact about this entity's measure, all qualifiers and scopes."""
        return self._by_key.get((entity_id, measure_id), [])

    def has_measure_facts(self, measure_id: str) -> bool:
        """Whether the file holds any figure for this measure (the exam fee has none yet)."""
        return measure_id in self._measured

    def facts_of_kind(self, kind: str, measure_id: str) -> list[Fact]:
        """Every fact about this measure for any entity of this kind (every occupation's employment)."""
        return self._by_kind.get((kind, measure_id), [])

    def overdue(self, today: date) -> list[Fact]:
        return [fact for fact in self.facts if fact.review_by < today]

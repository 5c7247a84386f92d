"""Read the canonical fact file (config/facts.yaml) into a FactBase, or say exactly what is wrong.

People edit this file, so every problem comes back as a FactFileError naming the line and what
was expected. Two passes: pydantic models check the shape of every value, then cross-reference
checks make sure the pieces fit together (known ids, allowed qualifiers, no duplicates). Lines
come from ruamel.yaml's round-trip loader, which remembers where each key and item was.
"""

from __future__ import annotations

import difflib
import math
import re
from datetime import date
from typing import Annotated, Any, Iterator, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from checks.errors import FactFileError
from checks.facts import Ambiguity, Entity, Fact, FactBase, Measure, Qualifier, Source

MEASURE_UNITS = ("count", "usd", "usd_year", "usd_hour", "percent", "minutes", "months", "points")
QUANTITY_UNITS = ("count", "usd", "percent", "minute", "hour", "day", "week", "month", "year", "points")

# Which quantity units the extractor can convert into each measure unit (checks/extract.py).
CONVERTIBLE = {
    "count": ("count",),
    "points": ("points", "count"),
    "percent": ("percent",),
    "minutes": ("minute", "hour", "day"),
    "months": ("day", "week", "month", "year"),
    "usd": ("usd",),
    "usd_year": ("usd",),
    "usd_hour": ("usd",),
}

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
URL_PATTERN = r"^https?://\S+$"
PERIOD_PATTERN = r"^\d{4}(-\d{4})?$"
_PATTERN_MEANINGS = {
    ID_PATTERN: "an id of lowercase letters, digits and underscores, starting with a letter",
    URL_PATTERN: "an http:// or https:// URL",
    PERIOD_PATTERN: 'a year or a span of years such as "2024" or "2024-2034"',
}


def describe_value(value: Any) -> str:
    """How a bad value reads in an error message: quoted text, plain numbers, kinds of node."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(str(value))
    if isinstance(value, float):
        return repr(float(value))
    return str(value)


def _plain(number: Any) -> str:
    """0.0 reads as 0 in messages about limits the file never wrote as floats."""
    return f"{number:g}" if _is_number(number) else str(number)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_finite_number(value: Any) -> bool:
    return _is_number(value) and math.isfinite(value)


def _number_or_range(value: Any) -> float | tuple[float, float]:
    if _is_finite_number(value):
        return float(value)
    if isinstance(value, list) and len(value) == 2 and all(_is_finite_number(v) for v in value):
        low, high = float(value[0]), float(value[1])
        if low > high:
            raise PydanticCustomError(
                "range_order", "expected [low, high] with low <= high, got [{low}, {high}]",
                {"low": describe_value(value[0]), "high": describe_value(value[1])},
            )
        return low, high
    raise PydanticCustomError(
        "number_or_range", "expected a number or a [low, high] range, got {got}", {"got": describe_value(value)}
    )


def _iso_date(value: Any) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("iso_date", "expected a date such as 2026-11-01, got {got}", {"got": describe_value(value)})


Id = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1)]
Words = Annotated[list[Text], Field(default_factory=list)]
NonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Fraction = Annotated[float, Field(ge=0, lt=1, allow_inf_nan=False)]
NumberOrRange = Annotated[float | tuple[float, float], BeforeValidator(_number_or_range)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class AmbiguityModel(_Strict):
    model_config = ConfigDict(title="ambiguous alias")

    alias: Text = Field(description="One of the entity's aliases that also names something else.")
    confirm: Words = Field(
        description="Words that must appear nearby (sentence, block, headings or title) for the alias to count."
    )
    reject: Words = Field(description="Words in the sentence that mean the alias names the other thing.")


class EntityModel(_Strict):
    model_config = ConfigDict(title="entity")

    id: Id
    name: Text = Field(description="Display name used in reports.")
    kind: Text = Field(description="credential, occupation, or any other grouping.")
    aliases: Annotated[list[Text], Field(min_length=1)] = Field(description="How pages name the entity.")
    ambiguous: list[AmbiguityModel] = Field(default_factory=list)
    occupation: Id | None = Field(
        None, description="For a credential: the occupation id it certifies, whose wages and outlook a page about it may quote."
    )


class QualifierModel(_Strict):
    model_config = ConfigDict(title="qualifier")

    id: Id
    label: Text = Field(description="How reports name the qualifier.")
    default: bool = Field(False, description="The qualifier a claim gets when no cue names one.")
    cues: Words = Field(description="Words near a number that select this qualifier.")


class MeasureModel(_Strict):
    model_config = ConfigDict(title="measure")

    id: Id
    name: Text
    unit: Literal[MEASURE_UNITS] = Field(description="The unit facts and claims are held in.")
    accepts: Annotated[list[Literal[QUANTITY_UNITS]], Field(min_length=1)] = Field(
        description="Units a page may state this measure in; the extractor converts them."
    )
    cues: Words = Field(description="Words in the clause or its headings that signal the measure.")
    nouns: Words = Field(description="Counted nouns that by themselves signal the measure.")
    exclude: Words = Field(description="Words that mean a nearby number is about something else.")
    parts: Words = Field(
        description="Parts the measure is broken down into (an exam's domains or sections): a number "
        "whose own clause names one counts that part, not the whole."
    )
    topic: Words = Field(
        description="What the measure is the figure of (an exam, for an exam fee): the measure applies only where "
        "the sentence before the number, the words right after it or its table names the topic, and there it "
        "outranks measures sharing its cue words."
    )
    requires_cue: bool = Field(
        False, description="A counted noun alone is not enough (\"credits\"): a cue word must also be present."
    )
    about: Words = Field(
        description="The kinds of entity the measure belongs to when no fact says so yet (an exam fee is a "
        "credential's): a figure on a page about an occupation goes to the one credential of it the page names."
    )
    program_specific: bool = Field(
        False,
        description="Each school sets its own (program length, tuition): on a page about one school's program, "
        "whose title names the program and the school, these figures are that program's, not claims.",
    )
    qualifiers: list[QualifierModel] = Field(default_factory=list)
    tolerance: NonNegative = Field(0.0, description="Default absolute tolerance of its facts, in the unit.")
    relative_tolerance: Fraction = Field(0.0, description="Default relative tolerance of its facts.")


class SourceModel(_Strict):
    model_config = ConfigDict(title="source")

    title: Text
    url: Annotated[str, Field(pattern=URL_PATTERN)] | None = Field(
        None, description="Omit only when the figure has no published page (an editorial estimate)."
    )


class FactModel(_Strict):
    model_config = ConfigDict(title="fact")

    entity: Id
    measure: Id
    qualifier: Id | None = Field(None, description="Defaults to the measure's default qualifier.")
    value: NumberOrRange = Field(description="A number, or [low, high] for a range.")
    unit: Literal[MEASURE_UNITS] | None = Field(None, description="Optional; must equal the measure's unit.")
    tolerance: NonNegative | None = Field(None, description="Absolute, in the measure's unit.")
    relative_tolerance: Fraction | None = None
    source: SourceModel
    as_of: IsoDate = Field(description="When the team last checked the figure against its source.")
    review_every_days: Annotated[int, Field(gt=0)] | None = None
    period: Annotated[str, Field(pattern=PERIOD_PATTERN)] | None = Field(
        None, description='The statistic\'s vintage, "2024" or "2024-2034".'
    )
    scope: Text | None = Field(None, description="A state or work setting from `scopes`; omit for national figures.")
    bound: Literal["min", "max"] | None = Field(None, description='"min" for "at least", "max" for "up to".')
    note: str = ""


class FactFileModel(_Strict):
    """The canonical fact file of content-audit."""

    model_config = ConfigDict(title="content-audit fact file")

    version: Text = Field(description="Shown in reports; quote it.")
    review_every_days: Annotated[int, Field(gt=0)] = Field(365, description="Default review interval of facts.")
    scopes: list[Text | Annotated[list[Text], Field(min_length=1)]] = Field(
        default_factory=list,
        description="States and work settings that make a figure non-national; a list groups spellings of one "
        "scope, the first being its name ([physician offices, physicians' offices]).",
    )
    marketing: Words = Field(description="Phrases that mark sales copy, whose numbers are never claims.")
    historical: Words = Field(description="Phrases that mark a sentence as recounting the past; its figures are not claims.")
    other_names: Words = Field(
        description="Credentials and things the fact file does not track (RMA, NCMA); a number next to one is about it."
    )
    entities: Annotated[list[EntityModel], Field(min_length=1)]
    measures: Annotated[list[MeasureModel], Field(min_length=1)]
    facts: list[FactModel]


def facts_json_schema() -> dict:
    """JSON Schema of the fact file, for editors' YAML tooling (config/facts.schema.json)."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **FactFileModel.model_json_schema()}


def load_facts(text: str, path: str = "facts.yaml") -> FactBase:
    """Parse and check a fact file's text; raise FactFileError on the first problem by line."""
    root = _parse_yaml(text, path)
    try:
        model = FactFileModel.model_validate(root)
    except ValidationError as error:
        problems = [(line_of(root, e["loc"]), f"{loc_text(e['loc'])}: {explain_error(e)}") for e in error.errors()]
        _raise_first(path, problems)
    _raise_first(path, [(line_of(root, loc), f"{loc_text(loc)}: {msg}") for loc, msg in _cross_check(model)])
    return _build(model, root, path)


class _DatesAsText(RoundTripConstructor):
    """Leaves dates as text so that a bad one (2026-13-01) is reported with its line.

    ruamel's own date constructor raises a bare ValueError that carries no position.
    """


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", _DatesAsText.construct_yaml_str)


def _parse_yaml(text: str, path: str) -> CommentedMap:
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsText
    try:
        root = yaml.load(text)
    except MarkedYAMLError as error:
        raise FactFileError(path, *_yaml_problem(error)) from None
    except (YAMLError, ValueError, TypeError) as error:
        raise FactFileError(path, None, f"invalid YAML: {error}") from None
    if not isinstance(root, CommentedMap):
        raise FactFileError(path, 1, f"expected a mapping of version, entities, measures and facts, got {describe_value(root)}")
    return root


def _yaml_problem(error: MarkedYAMLError) -> tuple[int | None, str]:
    mark = error.problem_mark or error.context_mark
    message = f"invalid YAML: {error.problem or error.context}"
    if error.problem and error.context and error.context_mark is not None:
        message += f" ({error.context} on line {error.context_mark.line + 1})"
    return (mark.line + 1 if mark else None), message


def _raise_first(path: str, problems: list[tuple[int | None, str]]) -> None:
    if not problems:
        return
    problems.sort(key=lambda problem: problem[0] or 0)
    line, message = problems[0]
    more = len(problems) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    raise FactFileError(path, line, message + suffix)


def line_of(root: CommentedMap, loc: tuple) -> int | None:
    """1-based line of the deepest node on loc that exists (the parent, for a missing key)."""
    node: Any = root
    line = None
    for key in loc:
        if isinstance(node, CommentedMap) and isinstance(key, str) and key in node:
            line = node.lc.key(key)[0]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = node.lc.item(key)[0]
        else:
            break
        node = node[key]
    return None if line is None else line + 1


def loc_text(loc: tuple) -> str:
    """("facts", 3, "value") -> "facts[3].value", the way people name a place in the file."""
    text = ""
    for key in loc:
        if isinstance(key, int):
            text += f"[{key}]"
        else:
            text += f".{key}" if text else str(key)
    return text


def explain_error(error: dict) -> str:
    """A pydantic error as "expected ..., got ...", in the file's own terms."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    got = describe_value(value)
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return _unknown_field(error["loc"])
    if kind == "string_type":
        hint = " (put it in quotes)" if _is_number(value) else ""
        return f"expected text{hint}, got {got}"
    if kind == "string_pattern_mismatch":
        return f"expected {_PATTERN_MEANINGS.get(ctx.get('pattern'), 'text matching ' + str(ctx.get('pattern')))}, got {got}"
    if kind == "literal_error":
        return f"expected one of {ctx['expected']}, got {got}"
    if kind == "string_too_short":
        return "expected non-empty text"
    if kind == "too_short":
        return "expected at least one item, got none"
    expectations = {
        "int_type": "a whole number",
        "float_type": "a number",
        "finite_number": "a finite number",
        "bool_type": "true or false",
        "list_type": "a list",
        "model_type": "a mapping",
        "dict_type": "a mapping",
        "greater_than": f"a number greater than {_plain(ctx.get('gt'))}",
        "greater_than_equal": f"a number of at least {_plain(ctx.get('ge'))}",
        "less_than": f"a number less than {_plain(ctx.get('lt'))}",
    }
    if kind in expectations:
        return f"expected {expectations[kind]}, got {got}"
    return error["msg"] if kind in ("range_order", "number_or_range", "iso_date") else f"{error['msg']}, got {got}"


def _unknown_field(loc: tuple) -> str:
    allowed = _fields_at(loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    if close:
        return f"unknown field; did you mean `{close[0]}`?"
    return f"unknown field; expected one of: {', '.join(allowed)}"


def _fields_at(loc: tuple) -> list[str]:
    model: type[BaseModel] | None = FactFileModel
    for key in loc:
        if isinstance(key, str) and model is not None and key in model.model_fields:
            model = model_in(model.model_fields[key].annotation)
    return list(model.model_fields) if model is not None else []


def model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for m in map(model_in, get_args(annotation)) if m is not None), None)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


Problem = tuple[tuple, str]


def _cross_check(model: FactFileModel) -> list[Problem]:
    return [
        *_duplicates([("entities", i, "id") for i in range(len(model.entities))], [e.id for e in model.entities], "entity id"),
        *_duplicates([("measures", i, "id") for i in range(len(model.measures))], [m.id for m in model.measures], "measure id"),
        *_entity_problems(model.entities),
        *_measure_problems(model.measures),
        *_fact_problems(model),
    ]


def _duplicates(locs: list[tuple], keys: list[str], what: str) -> Iterator[Problem]:
    first_seen: dict[str, tuple] = {}
    for loc, key in zip(locs, keys):
        if key in first_seen:
            yield loc, f"duplicate {what} {key!r}, first at {loc_text(first_seen[key])}"
        else:
            first_seen[key] = loc


def _entity_problems(entities: list[EntityModel]) -> Iterator[Problem]:
    owners: dict[str, tuple[int, int]] = {}
    ids = {entity.id for entity in entities}
    for i, entity in enumerate(entities):
        if entity.occupation is not None and entity.occupation not in ids:
            yield ("entities", i, "occupation"), f"unknown entity {entity.occupation!r}; expected one of {', '.join(sorted(ids))}"
        aliases = {_fold(a) for a in entity.aliases}
        ambiguous = {_fold(a.alias) for a in entity.ambiguous}
        for k, ambiguity in enumerate(entity.ambiguous):
            if _fold(ambiguity.alias) not in aliases:
                yield ("entities", i, "ambiguous", k, "alias"), f"{ambiguity.alias!r} is not one of the entity's aliases"
            if not ambiguity.confirm and not ambiguity.reject:
                yield ("entities", i, "ambiguous", k), "expected `confirm` or `reject` words that tell the meanings apart"
        for j, alias in enumerate(entity.aliases):
            owner = owners.setdefault(_fold(alias), (i, j))
            if owner[0] == i:
                continue
            other = entities[owner[0]]
            if _fold(alias) not in ambiguous or _fold(alias) not in {_fold(a.alias) for a in other.ambiguous}:
                yield ("entities", i, "aliases", j), (
                    f"alias {alias!r} is also an alias of entity {other.id!r}; "
                    "list it under `ambiguous` in both entities with the words that tell them apart"
                )


def _measure_problems(measures: list[MeasureModel]) -> Iterator[Problem]:
    for i, measure in enumerate(measures):
        ids = [q.id for q in measure.qualifiers]
        yield from _duplicates([("measures", i, "qualifiers", k, "id") for k in range(len(ids))], ids, "qualifier id")
        defaults = [k for k, q in enumerate(measure.qualifiers) if q.default]
        for k in defaults[1:]:
            message = f"a second default qualifier; {ids[defaults[0]]!r} is already the default"
            yield ("measures", i, "qualifiers", k, "default"), message
        for k, unit in enumerate(measure.accepts):
            if unit not in CONVERTIBLE[measure.unit]:
                yield ("measures", i, "accepts", k), (
                    f"{unit!r} cannot be converted to the measure's unit {measure.unit!r}; "
                    f"expected one of {', '.join(CONVERTIBLE[measure.unit])}"
                )


def _fact_problems(model: FactFileModel) -> Iterator[Problem]:
    entities = {e.id for e in model.entities}
    measures: dict[str, Measure] = {}
    for measure_model in model.measures:  # a duplicated id is reported once; its first definition counts
        measures.setdefault(measure_model.id, _to_measure(measure_model))
    scopes = {_fold(name) for group in _scope_groups(model) for name in group}
    seen: dict[tuple, tuple] = {}
    for i, fact in enumerate(model.facts):
        here = ("facts", i)
        if fact.entity not in entities:
            yield (*here, "entity"), f"unknown entity {fact.entity!r}; expected one of {', '.join(sorted(entities))}"
        measure = measures.get(fact.measure)
        if measure is None:
            yield (*here, "measure"), f"unknown measure {fact.measure!r}; expected one of {', '.join(sorted(measures))}"
            continue
        problem = _qualifier_problem(fact, measure)
        if problem:
            yield (*here, "qualifier"), problem
        if fact.unit is not None and fact.unit != measure.unit:
            yield (*here, "unit"), f"unit {fact.unit!r} does not match measure {measure.id!r}, which is in {measure.unit!r}"
        if fact.scope is not None and _fold(fact.scope) not in scopes:
            yield (*here, "scope"), f"unknown scope {fact.scope!r}; add it to `scopes` or use one listed there"
        key = (fact.entity, fact.measure, fact.qualifier or measure.default_qualifier, _fold(fact.scope or ""))
        if key in seen:
            yield here, f"duplicate fact: same entity, measure, qualifier and scope as {loc_text(seen[key])}"
        seen.setdefault(key, here)


def _qualifier_problem(fact: FactModel, measure: Measure) -> str | None:
    if fact.qualifier is None or measure.qualifier(fact.qualifier) is not None:
        return None
    if not measure.qualifiers:
        return f"measure {measure.id!r} has no qualifiers; remove `qualifier`"
    allowed = ", ".join(q.id for q in measure.qualifiers)
    return f"qualifier {fact.qualifier!r} is not allowed for measure {measure.id!r}; expected one of {allowed}"


def _to_entity(entity: EntityModel) -> Entity:
    return Entity(
        id=entity.id,
        name=entity.name,
        kind=entity.kind,
        aliases=tuple(entity.aliases),
        ambiguous=tuple(Ambiguity(a.alias, tuple(a.confirm), tuple(a.reject)) for a in entity.ambiguous),
        occupation=entity.occupation,
    )


def _to_measure(measure: MeasureModel) -> Measure:
    return Measure(
        id=measure.id,
        name=measure.name,
        unit=measure.unit,
        accepts=tuple(measure.accepts),
        cues=tuple(measure.cues),
        nouns=tuple(measure.nouns),
        exclude=tuple(measure.exclude),
        parts=tuple(measure.parts),
        topic=tuple(measure.topic),
        requires_cue=measure.requires_cue,
        program_specific=measure.program_specific,
        about=tuple(measure.about),
        qualifiers=tuple(Qualifier(q.id, q.label, tuple(q.cues), q.default) for q in measure.qualifiers),
        tolerance=measure.tolerance,
        relative_tolerance=measure.relative_tolerance,
    )


def _scope_name(model: FactFileModel, written: str | None) -> str | None:
    """A fact's scope under its group's name, whichever spelling the fact used."""
    if written is None:
        return None
    return next((group[0] for group in _scope_groups(model) if _fold(written) in {_fold(n) for n in group}), written)


def _scope_groups(model: FactFileModel) -> tuple[tuple[str, ...], ...]:
    return tuple((entry,) if isinstance(entry, str) else tuple(entry) for entry in model.scopes)


def _to_fact(fact: FactModel, measure: Measure, review_every_days: int, line: int | None, scope: str | None) -> Fact:
    low, high = fact.value if isinstance(fact.value, tuple) else (fact.value, fact.value)
    return Fact(
        entity=fact.entity,
        measure=fact.measure,
        qualifier=fact.qualifier or measure.default_qualifier,
        low=low,
        high=high,
        unit=measure.unit,
        source=Source(fact.source.title, fact.source.url or ""),
        as_of=fact.as_of,
        review_every_days=fact.review_every_days or review_every_days,
        tolerance=measure.tolerance if fact.tolerance is None else fact.tolerance,
        relative_tolerance=measure.relative_tolerance if fact.relative_tolerance is None else fact.relative_tolerance,
        period=fact.period,
        scope=scope,
        bound=fact.bound,
        note=fact.note,
        line=line,
    )


def _build(model: FactFileModel, root: CommentedMap, path: str) -> FactBase:
    measures = tuple(_to_measure(m) for m in model.measures)
    by_id = {m.id: m for m in measures}
    facts = tuple(
        _to_fact(f, by_id[f.measure], model.review_every_days, line_of(root, ("facts", i)), _scope_name(model, f.scope))
        for i, f in enumerate(model.facts)
    )
    return FactBase(
        version=model.version,
        entities=tuple(_to_entity(e) for e in model.entities),
        measures=measures,
        facts=facts,
        path=path,
        scopes=_scope_groups(model),
        marketing=tuple(model.marketing),
        other_names=tuple(model.other_names),
        historical=tuple(model.historical),
    )

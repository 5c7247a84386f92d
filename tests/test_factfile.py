import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from checks.errors import FactFileError
from checks.factfile import facts_json_schema, load_facts
from checks.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = ROOT / "config" / "facts.yaml"
SCHEMA_FILE = ROOT / "config" / "facts.schema.json"
MINIMAL = (Path(__file__).parent / "fixtures" / "factfiles" / "minimal.yaml").read_text()


def edited(old: str, new: str) -> str:
    """The minimal fact file with one exact, unique snippet replaced."""
    assert MINIMAL.count(old) == 1, f"snippet must occur once in minimal.yaml: {old!r}"
    return MINIMAL.replace(old, new)


def error_for(text: str) -> str:
    with pytest.raises(FactFileError) as caught:
        load_facts(text)
    return str(caught.value)


@pytest.fixture(scope="module")
def default_facts():
    return load_facts(DEFAULT_FACTS.read_text(), str(DEFAULT_FACTS))


# --- the minimal file: what a valid file turns into -------------------------------------------


def test_minimal_file_loads_into_the_model():
    facts = load_facts(MINIMAL, "minimal.yaml")
    assert facts.version == "test"
    assert facts.path == "minimal.yaml"
    assert [e.id for e in facts.entities] == ["ccma", "cma_aama"]
    assert facts.entity("cma_aama").ambiguous[0].confirm == ("AAMA",)
    assert facts.measure("exam_questions").default_qualifier == "total"
    assert facts.scopes == (("physician offices",),)
    total, time_limit = facts.facts
    assert (total.low, total.high, total.unit, total.as_of) == (180, 180, "count", date(2026, 11, 1))
    assert (time_limit.low, time_limit.high) == (170, 190)


def test_fact_defaults_come_from_the_measure_and_the_file():
    total, time_limit = load_facts(MINIMAL).facts
    assert time_limit.qualifier == "value"  # the measure has no qualifiers
    assert time_limit.tolerance == 5  # inherited from the measure
    assert time_limit.review_every_days == 30  # the fact's own interval
    assert total.review_every_days == 365  # the file's default
    assert total.source.url == "https://example.org/ccma"


def test_fact_line_is_where_the_fact_starts():
    total, time_limit = load_facts(MINIMAL).facts
    lines = MINIMAL.splitlines()
    assert lines[total.line - 1] == "  - entity: ccma"
    assert lines[time_limit.line - 1] == "  - entity: ccma"
    assert time_limit.line > total.line


def test_quoted_date_reads_like_a_plain_one():
    text = edited("as_of: 2026-11-01\n  - entity", "as_of: \"2026-11-01\"\n  - entity")
    assert load_facts(text).facts[0].as_of == date(2026, 11, 1)


def test_shared_alias_is_allowed_when_both_entities_mark_it_ambiguous():
    text = edited(
        "    aliases: [CCMA, Certified Clinical Medical Assistant]\n",
        "    aliases: [CCMA, Certified Clinical Medical Assistant, CMA]\n"
        "    ambiguous:\n      - alias: CMA\n        confirm: [NHA]\n",
    )
    assert {e.id for e in load_facts(text).entities} == {"ccma", "cma_aama"}


def test_same_fact_in_another_scope_is_not_a_duplicate():
    second = "  - entity: ccma\n    measure: exam_questions\n    value: 170\n    scope: physician offices\n" \
             "    source: {title: S, url: \"https://example.org\"}\n    as_of: 2026-11-01\n"
    assert len(load_facts(MINIMAL + second).facts) == 3


# --- every kind of mistake comes back with its line -------------------------------------------

BROKEN = [
    # values
    ("value: 180", "value: abc", "facts.yaml:32: facts[0].value: expected a number or a [low, high] range, got 'abc'"),
    ("value: 180", "value: true", "facts.yaml:32: facts[0].value: expected a number or a [low, high] range, got true"),
    ("value: 180", "value: .inf", "facts.yaml:32: facts[0].value: expected a number or a [low, high] range, got inf"),
    ("value: [170, 190]", "value: [170, 180, 190]",
     "facts.yaml:37: facts[1].value: expected a number or a [low, high] range, got a list"),
    ("value: [170, 190]", "value: [190, 170]",
     "facts.yaml:37: facts[1].value: expected [low, high] with low <= high, got [190, 170]"),
    ("tolerance: 5", "tolerance: -5", "facts.yaml:27: measures[1].tolerance: expected a number of at least 0, got -5"),
    ("tolerance: 5", "tolerance: .nan", "facts.yaml:27: measures[1].tolerance: expected a finite number, got nan"),
    ("    value: 180\n", "    value: 180\n    relative_tolerance: 1\n",
     "facts.yaml:33: facts[0].relative_tolerance: expected a number less than 1, got 1"),
    ("review_every_days: 30", "review_every_days: 0",
     "facts.yaml:40: facts[1].review_every_days: expected a number greater than 0, got 0"),
    # fields
    ("    source: {title: NHA CCMA test plan, url: \"https://example.org/ccma\"}\n    as_of: 2026-11-01\n  - entity",
     "    as_of: 2026-11-01\n  - entity",
     "facts.yaml:29: facts[0].source: required field is missing"),
    ("review_every_days: 30", "review_every_day: 30",
     "facts.yaml:40: facts[1].review_every_day: unknown field; did you mean `review_every_days`?"),
    # dates, text, patterns
    ("as_of: 2026-11-01\n  - entity", "as_of: soon\n  - entity",
     "facts.yaml:34: facts[0].as_of: expected a date such as 2026-11-01, got 'soon'"),
    ("as_of: 2026-11-01\n  - entity", "as_of: 2026-13-01\n  - entity",
     "facts.yaml:34: facts[0].as_of: expected a date such as 2026-11-01, got '2026-13-01'"),
    ('version: "test"', "version: 2026.11", "facts.yaml:1: version: expected text (put it in quotes), got 2026.11"),
    ("  - id: ccma\n", "  - id: CCMA-1\n",
     "facts.yaml:4: entities[0].id: expected an id of lowercase letters, digits and underscores, "
     "starting with a letter, got 'CCMA-1'"),
    ('url: "https://example.org/ccma"}\n    as_of: 2026-11-01\n  - entity',
     'url: "example.org/ccma"}\n    as_of: 2026-11-01\n  - entity',
     "facts.yaml:33: facts[0].source.url: expected an http:// or https:// URL, got 'example.org/ccma'"),
    ("    value: 180\n", "    value: 180\n    period: last year\n",
     'facts.yaml:33: facts[0].period: expected a year or a span of years such as "2024" or "2024-2034", got \'last year\''),
    ("    value: 180\n", "    value: 180\n    bound: minimum\n",
     "facts.yaml:33: facts[0].bound: expected one of 'min' or 'max', got 'minimum'"),
    ("scopes: [physician offices]", "scopes: physician offices",
     "facts.yaml:2: scopes: expected a list, got 'physician offices'"),
    ("aliases: [CCMA, Certified Clinical Medical Assistant]", "aliases: []",
     "facts.yaml:7: entities[0].aliases: expected at least one item, got none"),
    # units
    ("unit: count", "unit: questions",
     "facts.yaml:18: measures[0].unit: expected one of 'count', 'usd', 'usd_year', 'usd_hour', 'percent', "
     "'minutes', 'months' or 'points', got 'questions'"),
    ("accepts: [count]", "accepts: [counts]",
     "facts.yaml:19: measures[0].accepts[0]: expected one of 'count', 'usd', 'percent', 'minute', 'hour', "
     "'day', 'week', 'month', 'year' or 'points', got 'counts'"),
    ("accepts: [minute, hour]", "accepts: [minute, percent]",
     "facts.yaml:26: measures[1].accepts[1]: 'percent' cannot be converted to the measure's unit 'minutes'; "
     "expected one of minute, hour, day"),
    ("    value: 180\n", "    value: 180\n    unit: minutes\n",
     "facts.yaml:33: facts[0].unit: unit 'minutes' does not match measure 'exam_questions', which is in 'count'"),
    # cross-references
    ("  - entity: ccma\n    measure: exam_questions", "  - entity: ccmaa\n    measure: exam_questions",
     "facts.yaml:29: facts[0].entity: unknown entity 'ccmaa'; expected one of ccma, cma_aama"),
    ("measure: exam_time_limit", "measure: exam_length",
     "facts.yaml:36: facts[1].measure: unknown measure 'exam_length'; expected one of exam_questions, exam_time_limit"),
    ("qualifier: total", "qualifier: median",
     "facts.yaml:31: facts[0].qualifier: qualifier 'median' is not allowed for measure 'exam_questions'; "
     "expected one of total, scored"),
    ("    measure: exam_time_limit\n", "    measure: exam_time_limit\n    qualifier: total\n",
     "facts.yaml:37: facts[1].qualifier: measure 'exam_time_limit' has no qualifiers; remove `qualifier`"),
    ("    review_every_days: 30", "    review_every_days: 30\n    scope: hospitals",
     "facts.yaml:41: facts[1].scope: unknown scope 'hospitals'; add it to `scopes` or use one listed there"),
    # duplicates
    ("measure: exam_time_limit", "measure: exam_questions",
     "facts.yaml:35: facts[1]: duplicate fact: same entity, measure, qualifier and scope as facts[0]"),
    ("id: cma_aama", "id: ccma", "facts.yaml:8: entities[1].id: duplicate entity id 'ccma', first at entities[0].id"),
    ("{id: scored, label: scored}", "{id: total, label: scored}",
     "facts.yaml:22: measures[0].qualifiers[1].id: duplicate qualifier id 'total', first at measures[0].qualifiers[0].id"),
    ("{id: scored, label: scored}", "{id: scored, label: scored, default: true}",
     "facts.yaml:22: measures[0].qualifiers[1].default: a second default qualifier; 'total' is already the default"),
    # aliases
    ("aliases: [CCMA, Certified Clinical Medical Assistant]", "aliases: [CCMA, Certified Clinical Medical Assistant, cma]",
     "facts.yaml:11: entities[1].aliases[0]: alias 'CMA' is also an alias of entity 'ccma'; "
     "list it under `ambiguous` in both entities with the words that tell them apart"),
    ("alias: CMA", "alias: CPT", "facts.yaml:13: entities[1].ambiguous[0].alias: 'CPT' is not one of the entity's aliases"),
    ("confirm: [AAMA]", "confirm: []",
     "facts.yaml:13: entities[1].ambiguous[0]: expected `confirm` or `reject` words that tell the meanings apart"),
    # YAML itself
    ("aliases: [CCMA, Certified Clinical Medical Assistant]", "aliases: [CCMA, Certified Clinical Medical Assistant",
     "facts.yaml:8: invalid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence on line 7)"),
    ("    value: 180\n", "    value: 180\n    value: 181\n",
     'facts.yaml:33: invalid YAML: found duplicate key "value" with value "181" (original value: "180") '
     "(while constructing a mapping on line 29)"),
]


@pytest.mark.parametrize(("old", "new", "expected"), BROKEN, ids=[case[2].split(": ", 2)[1] + " " + case[1] for case in BROKEN])
def test_broken_file_reports_line_and_expectation(old, new, expected):
    assert error_for(edited(old, new)) == expected


def test_error_carries_path_and_line():
    with pytest.raises(FactFileError) as caught:
        load_facts(edited("value: 180", "value: abc"), "config/facts.yaml")
    assert (caught.value.path, caught.value.line) == ("config/facts.yaml", 32)
    assert caught.value.message == "facts[0].value: expected a number or a [low, high] range, got 'abc'"


def test_first_problem_by_line_is_reported_with_a_count_of_the_rest():
    # The duplicate measure id also leaves fact 1 pointing at no measure.
    assert error_for(edited("id: exam_time_limit", "id: exam_questions")) == (
        "facts.yaml:23: measures[1].id: duplicate measure id 'exam_questions', first at measures[0].id (and 1 more problem)"
    )


def test_unknown_field_without_a_close_match_lists_the_fields():
    message = error_for(edited("    review_every_days: 30", "    review_every_days: 30\n    colour: blue"))
    assert message == (
        "facts.yaml:41: facts[1].colour: unknown field; expected one of: entity, measure, qualifier, value, unit, "
        "tolerance, relative_tolerance, source, as_of, review_every_days, period, scope, bound, note"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "facts.yaml:1: expected a mapping of version, entities, measures and facts, got nothing"),
        ("- ccma\n", "facts.yaml:1: expected a mapping of version, entities, measures and facts, got a list"),
        ("version: x: y\n", "facts.yaml:1: invalid YAML: mapping values are not allowed here"),
        ("version: !!int abc\n", "facts.yaml: invalid YAML: invalid literal for int() with base 10: 'abc'"),
    ],
)
def test_file_that_is_not_a_fact_mapping(text, expected):
    assert error_for(text) == expected


def test_missing_top_level_section_has_no_line_to_point_at():
    text = MINIMAL[: MINIMAL.index("facts:")]
    with pytest.raises(FactFileError) as caught:
        load_facts(text)
    assert caught.value.line is None
    assert str(caught.value) == "facts.yaml: facts: required field is missing"


# --- the default fact file ----------------------------------------------------------------------


def test_default_file_loads(default_facts):
    assert default_facts.version == "2026.11"
    assert (len(default_facts.entities), len(default_facts.measures), len(default_facts.facts)) == (13, 15, 38)


# Every row of /work/shared/facts-reference.md except the CCMA topic table, which the
# arithmetic rule checks against the page's own total.
REFERENCE = [
    ("ccma", "exam_questions", "total", None, 180, 180),
    ("ccma", "exam_questions", "scored", None, 150, 150),
    ("ccma", "exam_questions", "pretest", None, 30, 30),
    ("ccma", "exam_time_limit", "total", None, 180, 180),
    ("cpt_nha", "exam_questions", "total", None, 120, 120),
    ("cpt_nha", "exam_questions", "scored", None, 100, 100),
    ("cpt_nha", "exam_questions", "pretest", None, 20, 20),
    ("cpt_nha", "exam_time_limit", "total", None, 120, 120),
    ("cpt_nha", "passing_score", "value", None, 390, 390),
    ("cpt_nha", "eligibility_venipunctures", "value", None, 30, 30),
    ("cpt_nha", "eligibility_capillary", "value", None, 10, 10),
    ("rpt_amt", "eligibility_venipunctures", "value", None, 50, 50),
    ("rpt_amt", "eligibility_capillary", "value", None, 10, 10),
    ("cma_aama", "exam_questions", "total", None, 200, 200),
    ("cma_aama", "exam_time_limit", "total", None, 160, 160),
    ("cma_aama", "exam_time_limit", "per_segment", None, 40, 40),
    ("ccma", "ace_credits", "value", None, 5, 5),
    ("cpt_nha", "ace_credits", "value", None, 2, 2),
    ("cpct_nha", "ace_credits", "value", None, 1, 1),
    ("medical_assistant", "wage", "median", None, 44200, 44200),
    ("medical_assistant", "wage", "lowest_10", None, 35020, 35020),
    ("medical_assistant", "wage", "highest_10", None, 57830, 57830),
    ("medical_assistant", "job_growth", "value", None, 12, 12),
    ("medical_assistant", "employment", "current", None, 811000, 811000),
    ("medical_assistant", "employment", "projected", None, 912200, 912200),
    ("medical_assistant", "employment_change", "new_jobs", None, 101200, 101200),
    ("medical_assistant", "employment_change", "openings", None, 112300, 112300),
    ("medical_assistant", "employment_share", "value", "physician offices", 57, 57),
    ("phlebotomist", "wage", "median", None, 43660, 43660),
    ("phlebotomist", "wage", "lowest_10", None, 34860, 34860),
    ("phlebotomist", "wage", "highest_10", None, 57750, 57750),
    ("phlebotomist", "job_growth", "value", None, 6, 6),
    ("phlebotomist", "employment_change", "openings", None, 18400, 18400),
    ("medical_assistant", "training_length", "typical", None, 9, 24),
    ("phlebotomist", "training_length", "typical", None, 4, 8),
    ("phlebotomist", "training_length", "minimum", None, 0.5, 2),
    ("medical_assistant", "program_cost", "value", None, 2000, 10000),
    ("phlebotomist", "program_cost", "value", None, 800, 2000),
]


@pytest.mark.parametrize(("entity", "measure", "qualifier", "scope", "low", "high"), REFERENCE)
def test_default_file_holds_the_reference_figure(default_facts, entity, measure, qualifier, scope, low, high):
    matches = [f for f in default_facts.facts_for(entity, measure) if f.qualifier == qualifier and f.scope == scope]
    assert [(f.low, f.high) for f in matches] == [(low, high)]


def test_reference_table_covers_every_default_fact(default_facts):
    covered = {(e, m, q, s) for e, m, q, s, _, _ in REFERENCE}
    assert {(f.entity, f.measure, f.qualifier, f.scope) for f in default_facts.facts} == covered


@pytest.mark.parametrize(("entity", "hourly"), [("medical_assistant", 21.25), ("phlebotomist", 20.99)])
def test_hourly_wage_times_2080_is_within_the_median_wage_tolerance(default_facts, entity, hourly):
    [median] = [f for f in default_facts.facts_for(entity, "wage") if f.qualifier == "median"]
    assert abs(hourly * 2080 - median.low) <= median.low * median.relative_tolerance


def test_new_jobs_are_the_projected_minus_current_employment(default_facts):
    employment = {f.qualifier: f.low for f in default_facts.facts_for("medical_assistant", "employment")}
    [new_jobs] = [f for f in default_facts.facts_for("medical_assistant", "employment_change") if f.qualifier == "new_jobs"]
    assert employment["projected"] - employment["current"] == new_jobs.low


def test_every_default_fact_cites_a_page_unless_it_says_it_is_an_estimate(default_facts):
    for fact in default_facts.facts:
        assert fact.source.url.startswith("https://") or "editorial estimate" in fact.note, fact


@pytest.mark.parametrize(
    ("entity", "measure", "period"),
    [("medical_assistant", "wage", "2024"), ("phlebotomist", "job_growth", "2024-2034"),
     ("medical_assistant", "employment_change", "2024-2034")],
)
def test_statistics_carry_their_vintage(default_facts, entity, measure, period):
    assert {f.period for f in default_facts.facts_for(entity, measure)} == {period}


def test_eligibility_counts_are_minimums(default_facts):
    eligibility = [f for f in default_facts.facts if f.measure.startswith("eligibility_")]
    assert len(eligibility) == 4 and {f.bound for f in eligibility} == {"min"}


@pytest.mark.parametrize(("entity", "alias"), [("cma_aama", "CMA"), ("cpt_nha", "CPT"), ("rpt_amt", "RPT")])
def test_clashing_acronyms_need_confirmation(default_facts, entity, alias):
    ambiguity = {a.alias: a for a in default_facts.entity(entity).ambiguous}[alias]
    assert ambiguity.confirm and ambiguity.reject


@pytest.mark.parametrize(
    ("page", "sentence", "entities"),
    [
        ("Medical assistant certification", "The CMA exam has 200 questions.", ["cma_aama"]),
        ("Medical assistant and accounting careers", "The CMA exam for management accountants has 100 questions.", []),
        ("Phlebotomy guide", "The CPT exam has 120 questions.", ["cpt_nha"]),
        ("Medical coding guide", "The CPT exam has 120 questions.", []),
        ("Phlebotomy billing", "Bill CPT code 99213 for the visit.", []),
        ("Phlebotomy in California", "California requires a Certified Phlebotomy Technician I license.", []),
        ("Phlebotomy", "The Certified Phlebotomy Technician exam has 120 questions.", ["cpt_nha"]),
        ("Phlebotomy", "The RPT exam is for physical therapists.", []),
        ("Phlebotomy", "AMT's RPT requires 50 venipunctures.", ["rpt_amt"]),
        ("Careers", "Medical assistants and phlebotomy technicians earn about the same.", ["medical_assistant", "phlebotomist"]),
    ],
)
def test_default_aliases_tell_clashing_names_apart(default_facts, page, sentence, entities):
    vocabulary = Vocabulary(default_facts)
    confirmed = vocabulary.confirmed_aliases((page, sentence))
    assert [m.entity for m in vocabulary.mentions(sentence, confirmed, sentence) if m.entity] == entities


def test_default_file_points_editors_at_the_schema():
    assert DEFAULT_FACTS.read_text().splitlines()[0] == "# yaml-language-server: $schema=facts.schema.json"


# --- the JSON Schema ------------------------------------------------------------------------------


def test_committed_schema_is_current():
    assert json.loads(SCHEMA_FILE.read_text()) == facts_json_schema(), (
        "config/facts.schema.json is out of date; regenerate it with: .venv/bin/python -c "
        "\"import json; from checks.factfile import facts_json_schema; "
        "open('config/facts.schema.json', 'w').write(json.dumps(facts_json_schema(), indent=2) + '\\n')\""
    )


def _as_json(path_or_text: str) -> object:
    data = YAML(typ="safe").load(path_or_text)
    return json.loads(json.dumps(data, default=str))  # dates become text, as an editor's tooling sees them


@pytest.mark.parametrize("text", [DEFAULT_FACTS.read_text(), MINIMAL], ids=["default", "minimal"])
def test_schema_accepts_valid_files(text):
    jsonschema.Draft202012Validator(facts_json_schema()).validate(_as_json(text))


@pytest.mark.parametrize(
    ("old", "new"),
    [("value: 180", "value: abc"), ("review_every_days: 30", "review_every_day: 30"), ("unit: count", "unit: questions")],
)
def test_schema_rejects_what_the_loader_rejects(old, new):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(facts_json_schema()).validate(_as_json(edited(old, new)))


def test_a_credential_names_a_known_occupation():
    text = "version: '1'\nentities:\n  - id: x\n    name: X\n    kind: credential\n    aliases: [X1]\n    occupation: nobody\n"
    text += "measures:\n  - id: m\n    name: m\n    unit: count\n    accepts: [count]\nfacts: []\n"
    with pytest.raises(FactFileError, match=r"facts.yaml:7: entities\[0\].occupation: unknown entity 'nobody'"):
        load_facts(text)


def test_scope_spellings_share_one_name():
    facts = load_facts(DEFAULT_FACTS.read_text())
    assert facts.scope_name("Physicians' offices") == "physician offices"
    share = next(f for f in facts.facts if f.measure == "employment_share")
    assert share.scope == "physician offices"

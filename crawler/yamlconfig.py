"""Load a YAML file people edit into a pydantic model, with errors located to the line.

The same approach as checks/factfile.py (ruamel.yaml round-trip loader + pydantic), with its
line-mapping and wording helpers reused and only what is model-specific here: that module's
unknown-field hint is tied to the fact-file model, this one works for any model.
"""

from __future__ import annotations

import difflib
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from checks.factfile import describe_value, explain_error, line_of, loc_text, model_in

M = TypeVar("M", bound=BaseModel)
CUSTOM_ERROR = "config_value"


class ConfigFileError(Exception):
    """A configuration file with a problem, located as path:line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


def load_model(text: str, path: str, model: type[M]) -> M:
    """Validate YAML text against model; ConfigFileError names the first problem's line."""
    root = _parse(text, path, model)
    try:
        return model.model_validate(root)
    except ValidationError as error:
        problems = sorted(
            ((line_of(root, e["loc"]) or 0, f"{loc_text(e['loc'])}: {_message(e, model)}") for e in error.errors()),
            key=lambda problem: problem[0],
        )
        line, message = problems[0]
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigFileError(path, line or None, message + suffix) from None


def _parse(text: str, path: str, model: type[BaseModel]) -> CommentedMap:
    try:
        root = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ConfigFileError(path, mark.line + 1 if mark else None, f"invalid YAML: {error.problem or error.context}") from None
    except YAMLError as error:
        raise ConfigFileError(path, None, f"invalid YAML: {error}") from None
    if not isinstance(root, CommentedMap):
        expected = ", ".join(model.model_fields)
        raise ConfigFileError(path, 1, f"expected a mapping with {expected}, got {describe_value(root)}")
    return root


def _message(error: dict, model: type[BaseModel]) -> str:
    if error["type"] == CUSTOM_ERROR:
        return error["msg"]
    if error["type"] == "extra_forbidden":
        allowed = _allowed_fields(model, error["loc"][:-1])
        close = difflib.get_close_matches(str(error["loc"][-1]), allowed, n=1)
        return f"unknown field; did you mean `{close[0]}`?" if close else f"unknown field; expected one of: {', '.join(allowed)}"
    return explain_error(error)


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    current: type[BaseModel] | None = model
    for key in loc:
        if isinstance(key, str) and current is not None and key in current.model_fields:
            current = model_in(current.model_fields[key].annotation)
    return list(current.model_fields) if current is not None else []


def invalid(message: str) -> PydanticCustomError:
    """Raise from a validator to report message as-is (no "got ..." appended)."""
    return PydanticCustomError(CUSTOM_ERROR, message)


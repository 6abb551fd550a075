"""Turn parsed TOML into the draft's dataclasses and back, checking every value on the way.

The dataclasses' type hints are the schema: one walker decodes any of them, so a field added
to `draft.py` is validated with no new code. Decoding never stops at the first problem; it
collects all of them with their dotted paths, and `toml_io` adds the line numbers.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
import unicodedata
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, TypeVar, Union

from .user_input import parse_day, shown

T = TypeVar("T")

# A problem found while decoding: (dotted path, message).
Issue = tuple[str, str]

# A text field marked `metadata={"paragraph": True}` (a clause's text) may hold these; any
# other text field is one line, and no text field holds another control character: it would
# reach the terminal, the app's screens and the exported document as it is.
_PARAGRAPH_BREAKS = "\n\t"
# The longest text a field may hold: a name or title is a line, a clause a few pages. A
# 10 MB company name would make every printer, the app and the export crawl or fail.
LINE_LIMIT = 1_000
PARAGRAPH_LIMIT = 1_000_000


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f'the text "{value}"'
    if isinstance(value, datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is Literal:
        return " or ".join(str(a) for a in typing.get_args(hint))
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(hint) if a is not type(None))
    if origin is list:
        return "a list"
    if origin is dict or dataclasses.is_dataclass(hint):
        return "a table"
    return {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        date: "a date (YYYY-MM-DD)",
        datetime: "a date-time (YYYY-MM-DDTHH:MM:SSZ)",
    }.get(hint, str(hint))


def decode(cls: type[T], data: Any, path: str, issues: list[Issue]) -> T | None:
    """Build `cls` from `data`, appending every problem to `issues`; None if it cannot be built."""
    value = _decode_value(cls, data, path, issues)
    return value  # type: ignore[no-any-return]


def _decode_value(hint: Any, value: Any, path: str, issues: list[Issue]) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return _decode_value(options[0], value, path, issues)
        for option in options:
            trial: list[Issue] = []
            result = _decode_value(option, value, path, trial)
            if not trial:
                return result
        issues.append((path, f"expected {_type_name(hint)}, got {_describe(value)}"))
        return None
    if origin is Literal:
        allowed = typing.get_args(hint)
        if value in allowed and isinstance(value, str):
            return value
        issues.append((path, f"expected {_choices(allowed)}, got {_describe(value)}"))
        return None
    if origin is list:
        if not isinstance(value, list):
            issues.append((path, f"expected a list, got {_describe(value)}"))
            return []
        (item_hint,) = typing.get_args(hint)
        items = [_decode_value(item_hint, item, f"{path}[{n}]", issues) for n, item in enumerate(value)]
        return [item for item in items if item is not None]
    if origin is dict:
        if not isinstance(value, dict):
            issues.append((path, f"expected a table, got {_describe(value)}"))
            return {}
        _, value_hint = typing.get_args(hint)
        decoded = {str(k): _decode_value(value_hint, v, f"{path}.{k}", issues) for k, v in value.items()}
        return {k: v for k, v in decoded.items() if v is not None}
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, value, path, issues)  # type: ignore[arg-type]
    return _decode_scalar(hint, value, path, issues)


def _choices(allowed: tuple[Any, ...]) -> str:
    words = [str(a) for a in allowed]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _decode_scalar(hint: Any, value: Any, path: str, issues: list[Issue]) -> Any:
    if hint is bool:
        ok = isinstance(value, bool)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif hint is str:
        ok = isinstance(value, str)
    elif hint is datetime:
        ok = isinstance(value, datetime)
        if isinstance(value, str):
            return _parse_text_date(datetime, value, path, issues)
    elif hint is date:
        ok = isinstance(value, date) and not isinstance(value, datetime)
        if isinstance(value, str):
            return _parse_text_date(date, value, path, issues)
    else:
        raise TypeError(f"the draft schema uses an unsupported type {hint!r} at {path}")
    if not ok:
        issues.append((path, f"expected {_type_name(hint)}, got {_describe(value)}"))
        return None
    return value


def _parse_text_date(kind: type[date], text: str, path: str, issues: list[Issue]) -> Any:
    """Accept a date written as quoted text, as people often do by hand; reject a bad one.

    A day is read as a form reads one ("1 Mar 2027" too), since the same person types both;
    a date-time is the program's own record of when, in ISO form.
    """
    try:
        return parse_day(text) if kind is date else kind.fromisoformat(text)
    except ValueError:
        issues.append((path, f'expected {_type_name(kind)}, got "{text}", which is not a valid date'))
        return None


def _decode_dataclass(cls: type, value: Any, path: str, issues: list[Issue]) -> Any:
    if not isinstance(value, dict):
        issues.append((path, f"expected a table, got {_describe(value)}"))
        return None
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    kwargs: dict[str, Any] = {}
    broken = False
    for key, raw in value.items():
        where = f"{path}.{key}" if path else key
        if key not in fields:
            close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.75)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            issues.append((where, f"unknown key{hint}"))
            continue
        before = len(issues)
        decoded = _decode_value(hints[key], raw, where, issues)
        if len(issues) > before and decoded is None:
            broken = broken or _required(fields[key])
            continue
        if isinstance(decoded, str) and (problem := _control_character(decoded, fields[key]) or
                                         _too_long(decoded, fields[key])):
            issues.append((where, problem))
        kwargs[key] = decoded
    for name, f in fields.items():
        if name not in value and _required(f):
            where = f"{path}.{name}" if path else name
            issues.append((where, f"missing required key; expected {_type_name(hints[name])}"))
            broken = True
    if broken:
        return None
    return cls(**kwargs)


def _control_character(text: str, f: dataclasses.Field[Any]) -> str | None:
    """What is wrong with a control character in a text field, or None when it holds none."""
    if text.isprintable():
        return None
    allowed = _PARAGRAPH_BREAKS if f.metadata.get("paragraph") else ""
    found = next((ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in allowed), None)
    if found is None:
        return None
    if allowed:
        return f"holds a control character ({shown(found)}); only line breaks and tabs are allowed here"
    return (f"holds a control character ({shown(found)}); text on one line cannot hold tabs, line breaks or "
            "other control characters")


def _too_long(text: str, f: dataclasses.Field[Any]) -> str | None:
    """What is wrong with a text longer than its field allows, or None."""
    limit = PARAGRAPH_LIMIT if f.metadata.get("paragraph") else LINE_LIMIT
    if len(text) <= limit:
        return None
    return f"is {len(text):,} characters long; at most {limit:,} fit here"


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def encode(obj: Any) -> Any:
    """The TOML-ready form of a dataclass tree, in field order; None and empty defaults left out,
    and a default value when its field asks for that (`metadata={"omit_default": True}`).

    Leaving out what a missing key would mean anyway keeps hand-written files and saved ones
    alike, and keeps the file short enough to read.
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if value is None:
                continue
            if value in ({}, []) and f.default_factory is not dataclasses.MISSING:
                continue
            if f.metadata.get("omit_default") and value == f.default:
                continue
            out[f.name] = encode(value)
        return out
    if isinstance(obj, list):
        return [encode(v) for v in obj]
    if isinstance(obj, dict):
        return {k: encode(v) for k, v in obj.items()}
    if isinstance(obj, str):
        return normalise_newlines(obj)
    return obj


def normalise_newlines(text: str) -> str:
    """One kind of line ending: TOML readers turn a written CRLF into LF, so write LF only.

    Text pasted from Windows would otherwise load back different from what was saved.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text

"""Property tests: any valid draft round-trips; any bytes give a clear error, never a traceback."""

from __future__ import annotations

import unicodedata
from dataclasses import fields, is_dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_model import toml_io
from policy_model.draft import Draft
from policy_model.law import FIRM_KINDS
from policy_model.roster_snapshot import parse_snapshot
from policy_model.schema import encode, normalise_newlines
from policy_model.toml_locate import locate_keys

# Text as a user could type or paste it: any code point UTF-8 can carry (surrogates cannot),
# with what a reader of TOML text trips on mixed in: comment and bracket characters, quotes
# and triple quotes, line breaks (U+2028 too), and text that looks like a key or a header.
TRICKY = st.sampled_from(["#", " #", "[", "]", "{", "}", '"', "'", '"""', "'''", "\n", "\r\n", "=", ",", "\\",
                          "\u2028", "[[x]]", "\nid = 1\n", " # [v2 #1]"])
TEXT = st.lists(st.one_of(TRICKY, st.characters(exclude_categories=("Cs",))), max_size=24).map("".join)
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1))
# TOML keeps date-times to the microsecond, with or without an offset; the draft writes UTC.
DATETIMES = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1),
                         timezones=st.just(UTC))

T = TypeVar("T")

st.register_type_strategy(str, TEXT)
st.register_type_strategy(date, DATES)
st.register_type_strategy(datetime, DATETIMES)

def normalised(node: T) -> T:
    """Line endings as the draft keeps them (LF only), everywhere in a dataclass tree, and no
    control character in a text field but a paragraph's line breaks and tabs (the schema
    refuses them); some records are frozen, so the tree is rebuilt rather than changed."""
    changes: dict[str, object] = {}
    for f in fields(node):  # type: ignore[arg-type]
        value = getattr(node, f.name)
        if isinstance(value, str):
            allowed = "\n\t" if f.metadata.get("paragraph") else ""
            changes[f.name] = "".join(ch for ch in normalise_newlines(value)
                                      if unicodedata.category(ch) != "Cc" or ch in allowed)
        elif isinstance(value, list):
            changes[f.name] = [normalised(v) if is_dataclass(v) else normalise_newlines(v) if isinstance(v, str) else v
                               for v in value]
        elif isinstance(value, dict):
            changes[f.name] = {normalise_newlines(k): normalise_newlines(v) if isinstance(v, str) else v
                               for k, v in value.items()}
        elif is_dataclass(value):
            changes[f.name] = normalised(value)
    return replace(node, **changes)  # type: ignore[type-var]


def valid(draft: Draft) -> Draft:
    """A generated draft made valid where validity goes beyond types: channel ids and groups,
    a snapshot name beside the draft, counts that are not negative, known firm kinds and places."""
    draft = normalised(draft)
    draft.schema_version = 1
    policy = draft.policy
    policy.firm = FIRM_KINDS[len(policy.firm) % len(FIRM_KINDS)] if policy.firm else ""
    policy.jurisdictions = list(dict.fromkeys(("US-CA", "GB", "EU")[len(code) % 3] for code in policy.jurisdictions))
    ref = draft.roster
    name = ref.snapshot.replace("/", "_").replace("\\", "_")
    ref.snapshot = f"draft.{name}" if name else ""
    ref.rows = abs(ref.rows)
    if ref.clients is not None:
        ref.clients = replace(ref.clients, accounts=abs(ref.clients.accounts), matched=abs(ref.clients.matched),
                              people=abs(ref.clients.people))
    draft.channels = [
        replace(channel, id=f"own-{n}", custom=True, name=f"Own {n} {channel.name or ''}",
                groups=[f"department:Team {k}" for k in range(len(channel.groups))])
        for n, channel in enumerate(draft.channels)
    ]
    return draft


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.from_type(Draft).map(valid))
def test_any_valid_draft_saves_and_loads_back_equal(draft: Draft) -> None:
    text = toml_io.dumps(draft)
    loaded = toml_io.parse(text, "draft.toml")
    assert loaded.problems == [] or all(p.message.startswith("duplicate") for p in loaded.problems)
    if not loaded.problems:
        assert loaded.draft == draft
        assert toml_io.dumps(loaded.draft) == text


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_a_draft_give_problems_not_exceptions(tmp_path_factory: object, data: bytes) -> None:
    path = Path(str(tmp_path_factory.mktemp("fuzz"))) / "x.toml"  # type: ignore[attr-defined]
    path.write_bytes(data)
    loaded = toml_io.load(path)
    assert loaded.draft is not None or loaded.problems
    assert all(str(p).startswith(str(path)) for p in loaded.problems)


@SETTINGS
@given(TEXT.map(lambda s: "schema_version = 1\n[policy]\ncompany = \"x\"\n" + s))
def test_arbitrary_text_after_a_valid_start_never_raises(text: str) -> None:
    loaded = toml_io.parse(text, "d.toml")
    assert loaded.draft is not None or loaded.problems


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_a_snapshot_give_problems_not_exceptions(data: bytes) -> None:
    roster = parse_snapshot(data, "r.csv")
    assert roster.employees == [] or data.startswith(b"id,name")


def written_at(text: str, data: dict[str, Any]) -> dict[str, int]:
    """The line of every header, key and array item tomli-w writes for `data`, found the plain way.

    Walks `data` in tomli-w's order (a table's values, then its tables) and checks that each
    piece, rendered on its own, is the next thing in `text`: a header, a `key = value`, each
    item of an array one per line, the keys of an inline table on their item's line.
    """
    lines: dict[str, int] = {}
    cursor = 0

    def take(piece: str) -> int:
        nonlocal cursor
        while text.startswith("\n", cursor):
            cursor += 1
        assert text.startswith(piece, cursor), f"expected {piece!r}, found {text[cursor:cursor + 80]!r}"
        line = text.count("\n", 0, cursor) + 1
        cursor += len(piece)
        return line

    def rendered(key: str, value: Any) -> str:
        return tomli_w.dumps({key: value}, multiline_strings=True)

    def is_table(value: Any) -> bool:
        return isinstance(value, dict) or rendered("k", value).startswith("[[")

    def inline(node: dict[str, Any], path: str, line: int) -> None:
        for key, value in node.items():
            lines.setdefault(f"{path}.{key}", line)
            if isinstance(value, dict):
                inline(value, f"{path}.{key}", line)

    def table(node: dict[str, Any], path: str, name: str, header: str) -> None:
        values = {k: v for k, v in node.items() if not is_table(v)}
        tables = {k: v for k, v in node.items() if is_table(v)}
        if header == "[[" or name and (values or not tables):
            lines.setdefault(path, take(f"{header}{name}{']' * len(header)}\n"))
        for key, value in values.items():
            where = f"{path}.{key}" if path else key
            line = take(rendered(key, value))
            lines.setdefault(where, line)
            for n, item in enumerate(value if isinstance(value, list) else []):
                line += 1
                lines.setdefault(f"{where}[{n}]", line)
                if isinstance(item, dict):
                    inline(item, f"{where}[{n}]", line)
                line += rendered("k", [item]).count("\n") - 3  # a multi-line string's own lines
        for key, value in tables.items():
            where = f"{path}.{key}" if path else key
            part = rendered(key, 0)[: -len(" = 0\n")]
            inner = f"{name}.{part}" if name else part
            if isinstance(value, dict):
                table(value, where, inner, "[")
            else:
                for n, item in enumerate(value):
                    table(item, f"{where}[{n}]", inner, "[[")

    table(data, "", "", "")
    assert cursor == len(text), "the walk read the whole text"
    return lines


@SETTINGS
@given(st.from_type(Draft).map(valid))
def test_every_key_a_saved_draft_writes_is_located_on_its_line(draft: Draft) -> None:
    """A problem's line comes from `locate_keys`: whatever the draft's text holds ("#", "[",
    quotes, line breaks), each key is placed where `dumps` wrote it."""
    text = toml_io.dumps(draft)
    expected = written_at(text, encode(draft))
    located = locate_keys(text)
    assert {path: located[path][0] if path in located else None for path in expected} == expected

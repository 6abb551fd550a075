"""Property tests: any valid draft round-trips; any bytes give a clear error, never a traceback."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_model import toml_io
from policy_model.draft import Draft
from policy_model.roster_snapshot import parse_snapshot
from policy_model.schema import normalise_newlines

# Text as a user could type or paste it: any code point UTF-8 can carry (surrogates cannot).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1))
# TOML keeps date-times to the microsecond, with or without an offset; the draft writes UTC.
DATETIMES = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1),
                         timezones=st.just(UTC))

st.register_type_strategy(str, TEXT)
st.register_type_strategy(date, DATES)
st.register_type_strategy(datetime, DATETIMES)

def normalise_strings(node: object) -> None:
    """Line endings as the draft keeps them (LF only), everywhere in a dataclass tree."""
    for f in fields(node):  # type: ignore[arg-type]
        value = getattr(node, f.name)
        if isinstance(value, str):
            setattr(node, f.name, normalise_newlines(value))
        elif isinstance(value, list):
            setattr(node, f.name, [normalise_newlines(v) if isinstance(v, str) else v for v in value])
            for item in value:
                if is_dataclass(item):
                    normalise_strings(item)
        elif isinstance(value, dict):
            setattr(node, f.name, {normalise_newlines(k): normalise_newlines(v) for k, v in value.items()})
        elif is_dataclass(value):
            normalise_strings(value)


def valid(draft: Draft) -> Draft:
    """A generated draft made valid where validity goes beyond types: channel ids and groups."""
    draft.schema_version = 1
    normalise_strings(draft)
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

"""Where a key is written in a draft's TOML: strings are strings before anything else is read."""

from __future__ import annotations

import tomllib

from policy_model import toml_io
from policy_model.toml_locate import locate_keys

BRACKETED_TITLE = """\
[policy]
title = "Policy [v2 #1]"
company = "Acme"
version = "0.1"
owner = "HR"
market = "b2x"

[[eligibility.rules]]
id = "first"
outcome = "granted"
reason = "small book"

[[eligibility.rules]]
id = "second"
outcome = "maybe"
reason = "large book"
"""


def test_a_title_with_a_bracket_and_a_hash_does_not_swallow_the_file() -> None:
    positions = locate_keys(BRACKETED_TITLE)
    assert positions["policy.title"] == (2, 1)
    assert positions["policy.market"] == (6, 1)
    assert positions["eligibility.rules[1]"] == (13, 1)
    assert positions["eligibility.rules[1].outcome"] == (15, 1)
    problems = toml_io.parse("schema_version = 1\n" + BRACKETED_TITLE, "d.toml").problems
    assert [f"{p.line}:{p.column} {p.field}" for p in problems] == [
        "7:1 policy.market", "16:1 eligibility.rules[1].outcome"]


def test_strings_hide_brackets_comments_and_keys_in_every_place_a_value_goes() -> None:
    text = """\
devices = [
    "phone ] # not the end",
    \"\"\"
line ]
[[not.a.header]]
id = 1\"\"\",
    'don"t ]',
]
groups = ["a, b", "c ]"]  # a comment [
revisions = [
    { version = "{0.1}", date = 2026-11-02, summary = "fixed # } ]" },
]
note = '''
[policy]
''' # after
[policy] # a header with a comment
title = "A \\"quoted\\" [title]\u2028still line 17"
"a # b" = 1
"say \\"hi\\"" = 2
"""
    assert tomllib.loads(text)["policy"]["a # b"] == 1
    lines = text.split("\n")

    def at(line: int, written: str) -> tuple[int, int]:
        return line, lines[line - 1].index(written) + 1

    positions = locate_keys(text)
    assert positions["devices[1]"] == at(3, '"""')
    assert positions["devices[2]"] == at(7, "'don")
    assert positions["groups[1]"] == at(9, '"c ]"')
    assert positions["revisions[0].summary"] == at(11, "summary")
    assert positions["policy"] == (16, 1)
    assert positions["policy.title"] == (17, 1)
    assert positions["policy.a # b"] == (18, 1)
    assert positions['policy.say "hi"'] == (19, 1)
    assert "not.a.header[0]" not in positions and "id" not in positions

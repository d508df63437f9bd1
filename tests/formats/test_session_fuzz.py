"""Thousands of damaged session files: each loads as a session or fails with SessionFileError."""

import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.formats.session_file import (
    LoadedSession,
    SessionFileError,
    session_from_bytes,
    session_to_bytes,
)

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sessions" / "v1_sample.alens"
CASES_PER_KIND = 1000
#: No single file may take longer than this to accept or refuse.
MAX_SECONDS_PER_FILE = 2.0

ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 1, 7, 2**31, -(2**70), 10**300, 0.5, -0.0, 1e308, "", " ", "x",
    "ORG", "manual", "accepted", "2024-06-22T09:00:00+00:00", "\ud800", "😀", "\x00", "#zzzzzz",
    "a" * 64, [], [1, "two"], {}, {"a": {"b": [None]}}, [[[[[]]]]],
]


def paths_in(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path to a value inside ``value`` (dict keys and list indices)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_in(item, (*path, index))
    return found


def value_at(doc: Any, path: tuple) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def parent_of(doc: Any, path: tuple) -> Any:
    return value_at(doc, path[:-1])


def random_json(rng: random.Random, depth: int = 0) -> Any:
    if depth > 3 or rng.random() < 0.6:
        return rng.choice(ODD_VALUES)
    if rng.random() < 0.5:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["id", "start", "text", "k", "😀"]): random_json(rng, depth + 1)
            for _ in range(rng.randint(0, 3))}


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def insert_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    junk = rng.choice([b",", b"}", b"]", b'"', b"\\", b"\xff", b"\xc3", b"null", b'"x": 1,',
                       bytes(rng.randrange(256) for _ in range(5))])
    return data[:at] + junk + data[at:]


def delete_field(doc: dict, rng: random.Random) -> None:
    path = rng.choice(paths_in(doc)[1:])
    del parent_of(doc, path)[path[-1]]


def duplicate_item(doc: dict, rng: random.Random) -> None:
    lists = [value_at(doc, path) for path in paths_in(doc)]
    target = rng.choice([value for value in lists if isinstance(value, list)])
    if target:
        target.insert(rng.randrange(len(target) + 1), json.loads(json.dumps(rng.choice(target))))


def retype_field(doc: dict, rng: random.Random) -> None:
    path = rng.choice(paths_in(doc)[1:])
    parent_of(doc, path)[path[-1]] = rng.choice(ODD_VALUES)


def graft_value(doc: dict, rng: random.Random) -> None:
    """A random JSON value at a random place: replacing a value or added as a new field."""
    path = rng.choice(paths_in(doc))
    target = value_at(doc, path)
    if isinstance(target, dict):
        target[rng.choice(["id", "note", "new", "start", "version"])] = random_json(rng)
    elif path:
        parent_of(doc, path)[path[-1]] = random_json(rng)


BYTE_DAMAGE: list[Callable[[bytes, random.Random], bytes]] = [flip_bytes, truncate, insert_bytes]
FIELD_DAMAGE: list[Callable[[dict, random.Random], None]] = [
    delete_field, duplicate_item, retype_field, graft_value,
]


def damaged_files(data: bytes, rng: random.Random):
    for damage in BYTE_DAMAGE:
        for _ in range(CASES_PER_KIND):
            yield damage(data, rng)
    for change in FIELD_DAMAGE:
        for _ in range(CASES_PER_KIND):
            doc = json.loads(data)
            change(doc, rng)
            yield json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def outcome(data: bytes) -> str:
    """"loaded" (and it re-saves to the same session) or "refused"; anything else fails."""
    try:
        loaded = session_from_bytes(data, "damaged.alens")
    except SessionFileError:
        return "refused"
    assert isinstance(loaded, LoadedSession)
    again = session_from_bytes(session_to_bytes(loaded.session, loaded.view_state))
    assert list(again.session.highlights) == list(loaded.session.highlights)
    assert again.session.article == loaded.session.article
    assert again.view_state == loaded.view_state
    return "loaded"


def test_damaged_session_files_load_or_fail_cleanly():
    data = SAMPLE.read_bytes()
    counts = {"loaded": 0, "refused": 0}
    slowest = 0.0
    for damaged in damaged_files(data, random.Random(1234)):
        started = time.perf_counter()
        counts[outcome(damaged)] += 1
        slowest = max(slowest, time.perf_counter() - started)
    assert sum(counts.values()) == CASES_PER_KIND * (len(BYTE_DAMAGE) + len(FIELD_DAMAGE)) >= 3000
    assert counts["loaded"] > 100 and counts["refused"] > 2000
    assert slowest < MAX_SECONDS_PER_FILE

import random

import pytest

from desktop.core.interval_index import IntervalIndex


def brute_force(intervals, start, end):
    if start == end:
        return sorted(i for i in intervals if i[0] <= start < i[1])
    return sorted(i for i in intervals if i[0] < end and start < i[1])


def test_overlap_queries_match_brute_force_with_nested_and_overlapping_spans():
    rng = random.Random(7)
    index = IntervalIndex()
    intervals = []
    for key in range(2000):
        start = rng.randrange(0, 5000)
        end = start + rng.choice([1, 2, 5, 20, 300, 4000])
        intervals.append((start, end, key))
        index.add(start, end, key)
    for _ in range(500):
        a = rng.randrange(0, 9000)
        b = a + rng.choice([0, 1, 10, 100, 2000])
        assert list(index.overlapping(a, b)) == brute_force(intervals, a, b)


def test_removal_and_bulk_extend_keep_queries_right():
    index = IntervalIndex()
    index.extend([(0, 10, "a"), (5, 6, "b"), (8, 20, "c")])
    index.add(15, 16, "d")
    index.remove(5, 6, "b")
    assert [k for *_, k in index.overlapping(4, 9)] == ["a", "c"]
    assert [k for *_, k in index.overlapping(10, 10)] == ["c"]
    assert [k for *_, k in index.overlapping(20, 30)] == []
    assert len(index) == 3
    with pytest.raises(KeyError):
        index.remove(5, 6, "b")


def test_half_open_ends_do_not_touch():
    index = IntervalIndex()
    index.add(0, 5, "left")
    index.add(5, 9, "right")
    assert [k for *_, k in index.overlapping(5, 6)] == ["right"]
    assert [k for *_, k in index.overlapping(4, 5)] == ["left"]


def test_edits_between_queries_match_brute_force_before_and_after_each_rebuild():
    """Single adds and removes interleaved with queries: edits kept beside the tree,
    removals of snapshot items, re-adding a removed item, and rebuilds."""
    rng = random.Random(11)
    index = IntervalIndex()
    intervals = set()
    for key in range(1500):
        start = rng.randrange(0, 3000)
        interval = (start, start + rng.choice([1, 3, 40, 900]), f"old{key}")
        intervals.add(interval)
    index.extend(list(intervals))
    for step in range(3000):
        action = rng.random()
        if action < 0.4 and intervals:
            victim = rng.choice(sorted(intervals))
            intervals.discard(victim)
            index.remove(*victim)
            if rng.random() < 0.2:  # put it straight back
                intervals.add(victim)
                index.add(*victim)
        elif action < 0.8:
            start = rng.randrange(0, 3000)
            interval = (start, start + rng.choice([1, 3, 40, 900]), f"new{step}")
            intervals.add(interval)
            index.add(*interval)
        else:
            a = rng.randrange(0, 4000)
            b = a + rng.choice([0, 1, 50, 1000])
            assert list(index.overlapping(a, b)) == brute_force(intervals, a, b)
    assert list(index) == sorted(intervals) and len(index) == len(intervals)


def test_intervals_arriving_in_text_order_join_the_tree_and_queries_stay_right():
    rng = random.Random(11)
    index = IntervalIndex()
    intervals = []
    position, key = 0, 0
    for round_ in range(60):
        batch = []
        for _ in range(rng.choice([1, 5, 50, 400])):
            position += rng.randrange(0, 30)
            batch.append((position, position + rng.choice([1, 3, 40, 900]), key))
            key += 1
        rng.shuffle(batch)  # the caller's order does not matter
        index.extend(batch)
        intervals.extend(batch)
        if round_ % 7 == 3 and intervals:  # edits in between: a removal, an addition inside
            gone = intervals.pop(rng.randrange(len(intervals)))
            index.remove(*gone)
            inside = (rng.randrange(0, position + 1), position + 5, key)
            key += 1
            index.add(*inside)
            intervals.append(inside)
        for _ in range(20):
            a = rng.randrange(0, position + 50)
            b = a + rng.choice([0, 1, 100, 3000])
            assert list(index.overlapping(a, b)) == brute_force(intervals, a, b)
    assert sorted(index) == sorted(intervals)


def test_the_last_interval_removed_and_indexed_again_is_found_once():
    index = IntervalIndex()
    index.extend([(0, 5, "a"), (10, 15, "b")])
    assert list(index.overlapping(0, 20)) == [(0, 5, "a"), (10, 15, "b")]  # the tree is built
    index.remove(10, 15, "b")
    index.extend([(10, 15, "b")])  # a relabel: out and in again, in place
    index.extend([(20, 25, "c")])
    assert list(index.overlapping(0, 30)) == [(0, 5, "a"), (10, 15, "b"), (20, 25, "c")]

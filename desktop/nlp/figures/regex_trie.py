"""Regex alternations of many words written as a trie ("t(?:wo|hree|en)"), which
Python's re matches letter by letter instead of trying every word in turn."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` (longest first), in lower case or capitalised."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie, first=True)


def _node_pattern(node: dict, first: bool = False) -> str:
    alternatives = []
    for char in sorted(key for key in node if key):
        head = f"[{char}{char.upper()}]" if first and char.isalpha() else re.escape(char)
        alternatives.append(head + _node_pattern(node[char]))
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body

"""Values remembered per object, keyed by the object's identity, for the life of a process.

The reader keeps what it derives from a house style, a reading or a figure
(patterns, word tables, amounts) and asks for it per sentence or per amount.
Those objects hash slowly or not at all, so the key is ``id(owner)``; the owner
is held beside its value, so no other object can take its id while the entry
lives, and a stale entry (an id reused after the owner went) is rebuilt. A full
table is cleared, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def held_by(table: dict[int, tuple[object, T]], owner: object, make: Callable[[], T], most: int) -> T:
    """``make()`` for ``owner``, made once and kept in ``table`` (at most ``most`` owners)."""
    held = table.get(id(owner))
    if held is None or held[0] is not owner:
        if len(table) >= most:
            table.clear()
        held = table[id(owner)] = (owner, make())
    return held[1]

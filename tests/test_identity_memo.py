"""``held_by``: one value per owner object, made once, rebuilt for a new owner with a reused id, bounded."""

from __future__ import annotations

from writer.identity_memo import held_by


class Owner:
    pass


def test_a_value_is_made_once_per_owner_and_the_table_stays_bounded():
    table: dict = {}
    made: list[Owner] = []

    def value_of(owner: Owner):
        return lambda: made.append(owner) or len(made)

    first, second = Owner(), Owner()
    assert held_by(table, first, value_of(first), 2) == held_by(table, first, value_of(first), 2) == 1
    assert held_by(table, second, value_of(second), 2) == 2 and made == [first, second]
    third = Owner()
    assert held_by(table, third, value_of(third), 2) == 3 and list(table) == [id(third)]  # full: cleared


def test_an_entry_left_by_another_object_with_the_same_id_is_rebuilt():
    owner, stranger = Owner(), Owner()
    table: dict = {id(owner): (stranger, "the stranger's")}  # as when an owner died and its id was reused
    assert held_by(table, owner, lambda: "its own", 4) == "its own"
    assert table[id(owner)] == (owner, "its own")

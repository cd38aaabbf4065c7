"""The Keys tab's editing rules without widgets (ui/keys/operations.py)."""

from __future__ import annotations

from ui.keys.operations import (
    Assignment,
    Subscriber,
    copy_changes,
    features_of_device,
    fill_subscribers,
    ordered_slots,
    swap_changes,
    value_problem,
)


def test_reading_order_is_page_by_page_then_expansion_modules(ctx):
    slots = ordered_slots(ctx.catalog, "grandstream-grp2614")
    # page 1 holds vpk 1-4 and mpk 1-8, then page 2 starts
    assert slots[:13] == [(0, f"vpk-{n}") for n in range(1, 5)] + [(0, f"mpk-{n}") for n in range(1, 9)] + [
        (0, "vpk-5")
    ]
    with_modules = ordered_slots(ctx.catalog, "yealink-t46u")
    assert with_modules[26:28] == [(0, "line-27"), (1, "key-1")]
    assert len(with_modules) == 27 + 3 * 60


def test_features_of_device_include_only_what_some_key_accepts(ctx):
    assert "pickup" not in features_of_device(ctx.catalog, "snom-d785")
    assert features_of_device(ctx.catalog, "yealink-t46u")[0] == "line"


def test_swap_is_refused_when_a_key_cannot_take_the_other_ones_feature(ctx):
    layout = {(0, "fkey-1"): Assignment("pickup", "101"), (0, "fkey-2"): Assignment("dnd")}
    assert swap_changes(ctx.catalog, "snom-d785", layout, (0, "fkey-2"), (0, "fkey-1")) is None
    assert swap_changes(ctx.catalog, "snom-d785", layout, (0, "fkey-2"), (0, "fkey-3")) == {
        (0, "fkey-3"): Assignment("dnd"),
        (0, "fkey-2"): None,
    }


def test_fill_subscribers_skips_own_line_and_existing_keys(ctx):
    people = [Subscriber("100", "A"), Subscriber("101", "B"), Subscriber("102", "C")]
    layout = {(0, "line-1"): Assignment("blf", "102")}
    result = fill_subscribers(ctx.catalog, "yealink-t33g", layout, people, "100")
    assert result.changes == {(0, "line-2"): Assignment("blf", "101")}
    assert result.left_out == ()


def test_copy_lists_every_key_it_cannot_take_with_the_reason(ctx):
    source = {
        (0, "fkey-1"): Assignment("pickup", "101"),
        (0, "fkey-40"): Assignment("dnd"),
        (4, "key-1"): Assignment("dnd"),
        (0, "fkey-2"): Assignment("dnd"),
    }
    result = copy_changes(ctx.catalog, "snom-d785", {}, source)
    assert result.changes == {(0, "fkey-2"): Assignment("dnd")}
    reasons = {slot: why for slot, _, why in result.refused}
    assert reasons[(0, "fkey-1")] == "key fkey-1 of a D785 does not accept Directed pickup"
    assert reasons[(0, "fkey-40")] == "no key fkey-40 on module 0 of a D785"
    assert reasons[(4, "key-1")] == "a Snom D785 has no expansion module 4"


def test_value_problems_match_the_value_kind(ctx):
    numbers = {"101"}
    assert value_problem(ctx.catalog, 4, numbers, Assignment("blf", "101")) is None
    assert "not a subscriber" in value_problem(ctx.catalog, 4, numbers, Assignment("blf", "999"))
    assert "account 5 does not exist" in value_problem(ctx.catalog, 4, numbers, Assignment("line", "5"))
    assert value_problem(ctx.catalog, 4, numbers, Assignment("line", "")) is None
    assert "telephone number" in value_problem(ctx.catalog, 4, numbers, Assignment("speed_dial", ""))
    assert value_problem(ctx.catalog, 4, numbers, Assignment("star_code", "*21#")) is None

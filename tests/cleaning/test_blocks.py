"""``Block`` has a hand-written ``__init__`` (for speed); everything else about it must stay what
the frozen slots dataclass gave: equality, hashing, immutability, repr, replace and pickling."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass

import pytest

from reader.cleaning.blocks import Block


@dataclass(frozen=True, slots=True)
class Reference:
    """What ``Block`` was before its ``__init__`` was written by hand."""

    kind: str
    text: str
    level: int = 0
    anchors: tuple[tuple[int, int, int], ...] = ()


CASES = [
    ("paragraph", "Some text"),
    ("heading", "Title", 2),
    ("list_item", "A link [1]", 1, ((0, 6, 1),)),
    ("quote", "", 0, ()),
]


@pytest.mark.parametrize("args", CASES)
def test_fields_repr_and_hash_match_the_dataclass(args: tuple) -> None:
    block, reference = Block(*args), Reference(*args)
    assert dataclasses.astuple(block) == dataclasses.astuple(reference)
    assert repr(block) == repr(reference).replace("Reference", "Block")
    assert hash(block) == hash(reference)


def test_keywords_and_defaults() -> None:
    block = Block(kind="heading", text="T", anchors=((0, 1, 1),))
    assert (block.level, block.anchors) == (0, ((0, 1, 1),))
    assert Block("paragraph", "x") == Block("paragraph", "x", 0, ())
    with pytest.raises(TypeError):
        Block("paragraph")  # type: ignore[call-arg]


def test_equality_is_by_value_and_type() -> None:
    assert Block("paragraph", "x") == Block("paragraph", "x")
    assert Block("paragraph", "x") != Block("heading", "x")
    assert Block("paragraph", "x", 1) != Block("paragraph", "x", 2)
    assert Block("paragraph", "x") != Reference("paragraph", "x")
    assert Block("paragraph", "x") != ("paragraph", "x", 0, ())
    assert len({Block("paragraph", "x"), Block("paragraph", "x"), Block("quote", "x")}) == 2


def test_immutable_and_slotted() -> None:
    block = Block("paragraph", "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.text = "y"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del block.kind  # type: ignore[misc]
    assert not hasattr(block, "__dict__")


def test_replace_pickle_and_match() -> None:
    block = Block("list_item", "A link [1]", 1, ((0, 6, 1),))
    assert dataclasses.replace(block, level=2) == Block("list_item", "A link [1]", 2, ((0, 6, 1),))
    assert pickle.loads(pickle.dumps(block)) == block
    assert [f.name for f in dataclasses.fields(Block)] == ["kind", "text", "level", "anchors"]
    match block:
        case Block(kind, text, level, anchors):
            assert (kind, text, level, anchors) == ("list_item", "A link [1]", 1, ((0, 6, 1),))

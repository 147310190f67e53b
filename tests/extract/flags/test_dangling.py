"""The dangling_reference rule."""

from __future__ import annotations

from . import kinds, run


def test_dangling_reference(article):
    text = (
        "Farmers in the region complained about the drought on Monday.\n\n"
        "The explosion happened again after two weeks of silence."
    )
    flags = [f for f in run(article, text) if f["kind"] == "dangling_reference"]
    assert [f["text"] for f in flags] == ["The explosion"]


def test_definite_with_antecedent_is_not_dangling(article):
    text = (
        "A bomb exploded near the station on Monday.\n\n"
        "The explosion happened again two days later."
    )
    assert "dangling_reference" not in kinds(run(article, text))

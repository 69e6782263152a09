"""Every resource file loads, and the gazetteer is well formed."""

from __future__ import annotations

from importlib import resources

import pytest

from marsad.resources import load_lines, load_tsv, load_yaml

_TYPES = {"PER", "ORG", "LOC", "EVENT", "MISC"}


def _resource_names() -> list[str]:
    folder = resources.files("marsad.resources")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt", ".yaml")))


@pytest.mark.parametrize("name", _resource_names())
def test_resource_loads(name: str) -> None:
    if name.endswith(".yaml"):
        assert load_yaml(name) is not None
    elif name.endswith(".tsv"):
        assert load_tsv(name)
    else:
        assert load_lines(name)


def test_aliases_are_typed_and_unique() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for row in load_tsv("aliases.tsv", columns=3):
        kind, canonical, surface = row[:3]
        assert kind in _TYPES, row
        assert canonical and surface, row
        assert seen.setdefault(surface, (kind, canonical)) == (kind, canonical), row


def test_lexicon_glossary_rows_are_folded_sure_readings() -> None:
    from marsad.arabic.normalize import normalize

    rows = load_tsv("lexicon_glossary.tsv", columns=4)
    assert len(rows) > 3000
    for form, kind, english, articles in rows:
        assert normalize(form) == form and " " not in form
        assert kind in ("noun", "adjective") and english and int(articles) >= 3
        if kind == "noun" and " " not in english:
            assert english.endswith("s")  # singular nouns are left out: often a name
    glossed = {row[0]: row[2] for row in rows}
    assert glossed[normalize("صناعية")] == "industrial"
    assert normalize("مدينة") not in glossed  # city or owing: two senses, no gloss


def test_demonyms_world_rows_are_regular_nisbas_of_cldr_countries() -> None:
    from marsad.arabic.normalize import normalize

    hand = {row[0] for row in load_tsv("demonyms.tsv", columns=4)}
    cldr: dict[str, set[str]] = {}
    for row in load_tsv("gazetteer_cldr.tsv", columns=3):
        cldr.setdefault(row[1], set()).add(normalize(row[2]))
    rows = load_tsv("demonyms_world.tsv", columns=6)
    assert len(rows) > 100
    for country, short, english, stem, flags, source in rows:
        assert country not in hand and country in cldr and short == country
        assert english[:1].isupper() and normalize(stem).endswith("ي")
        assert flags in ("", "surname") and source.startswith("CLDR ar ")
        # the stem is the CLDR Arabic name with its final alif or ta marbuta made nisba
        folded = normalize(stem)
        assert any(folded[:-1] in name or folded in name for name in cldr[country])

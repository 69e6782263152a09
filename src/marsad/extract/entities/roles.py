"""The role of each person: the strongest title that names them, else the gazetteer's."""

from __future__ import annotations

from marsad.extract.entities.context import Placed
from marsad.extract.entities.titles import TitleMention
from marsad.extract.lexicon import entity_info

# Role strength: an office or spokesman title outranks a rank ("اللواء") or a gazetteer role.
_STRENGTH = {
    "office": 3,
    "office-of": 3,
    "office-field": 3,
    "spokesman": 3,
    "occupation-of": 2,
    "rank": 1,
    "info": 0,
}


def assign_roles(placed: list[Placed], mentions: list[TitleMention]) -> None:
    roles: dict[str, tuple[int, str]] = {}
    for item in placed:
        role = entity_info().get(item.entity.canonical, ("", None))[1]
        if role is not None:
            roles.setdefault(item.entity.canonical, (_STRENGTH["info"], role))
    for mention in mentions:
        if mention.person is None or not mention.role:
            continue
        strength = _STRENGTH.get(mention.kind, 0)
        if strength > roles.get(mention.person, (-1, ""))[0]:
            roles[mention.person] = (strength, mention.role)
    for item in placed:
        found = roles.get(item.entity.canonical)
        if found is not None:
            item.entity.role = found[1]

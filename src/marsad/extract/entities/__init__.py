"""Named entities, rule-based: gazetteer, titles and the person they name, short forms.

Passes, in order:
1. gazetteer: aliases.tsv phrases, longest first, on folded tokens, clitics allowed
   ("بالبنتاغون", "للحرة").
2. short forms: the last word of a person's name found in this article names that person
   again ("أوستن" after "لويد ج. أوستن").
3. titles: a title (titles.tsv) gives the person next to it a role ("وزير الدفاع الأمريكي
   لويد ج. أوستن", "جون كيربي، المتحدث باسم وزارة الدفاع"); a name the gazetteer lacks
   right after a title becomes a person with a transliterated canonical (rule "translit").
4. names set in quotation marks after a body's or an event's head noun ("صحيفة
   «البيان»"), names the NER model finds, heads of bodies (and common heads with a nationality:
   "الجيش العراقي"), the names that speak after a reporting
   verb and those named by a naming word ("شخص يدعى نواف العنزي").
5. short forms again, for those new names.
(Also: a body named without its country takes the one country its sentence names
before it, where the gazetteer knows the body with that country: ``nationality``.)

Span convention: a mention's span covers the name without its clitics ("بالبنتاغون" ->
"البنتاغون"); where a clitic ل fused with the name's article ("للحرة" = ل + الحرة) no
substring spells the name, and the span keeps that ل: "للحرة", "وللجنة" -> "للجنة".
"""

from __future__ import annotations

from marsad.extract.entities.called import called_names
from marsad.extract.entities.context import EntityContext, Placed, context
from marsad.extract.entities.gazetteer import gazetteer_names
from marsad.extract.entities.heads import head_names, national_head_names
from marsad.extract.entities.identity import assign_identities
from marsad.extract.entities.model import model_names
from marsad.extract.entities.names import names_after_titles
from marsad.extract.entities.nationality import national_bodies
from marsad.extract.entities.nested import nested_places
from marsad.extract.entities.quoted import quoted_names
from marsad.extract.entities.roles import assign_roles
from marsad.extract.entities.short_forms import short_forms
from marsad.extract.entities.subjects import subject_names
from marsad.extract.entities.titles import TitleMention, find_titles
from marsad.model import Article

__all__ = [
    "EntityContext",
    "Placed",
    "TitleMention",
    "annotate_entities",
    "context",
    "find_titles",
]


def annotate_entities(article: Article) -> None:
    """Fill ``article.entities``: gazetteer names, titled persons, names the NER model
    finds where a name is expected, and short forms."""
    sc = article.view
    placed = gazetteer_names(article, sc)
    ctx = EntityContext(article, sc, placed)
    mentions = find_titles(article, ctx)
    added = names_after_titles(ctx, mentions)
    added += quoted_names(ctx)
    added += model_names(ctx, added)
    added += head_names(ctx)
    added += national_head_names(ctx)
    added += subject_names(ctx)
    added += called_names(ctx, added)
    placed = sorted(placed + added, key=lambda p: p.first)
    national_bodies(article, sc, placed)
    assign_identities(sc, placed)  # one name per person before their short forms join
    placed = short_forms(article, sc, placed)
    ctx = EntityContext(article, sc, placed)
    mentions = find_titles(article, ctx)
    assign_roles(placed, mentions)
    assign_identities(sc, placed)
    nested = nested_places(article, sc, placed)
    entities = [item.entity for item in placed] + nested
    article.entities = sorted(entities, key=lambda e: (e.span.start, -e.span.end))

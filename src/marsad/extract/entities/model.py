"""Names the gazetteer lacks, from the NER model."""

from __future__ import annotations

import bisect
from itertools import compress

from marsad.arabic.clitics import definite_article
from marsad.arabic.view import TextView
from marsad.extract.cues import cue_tokens
from marsad.extract.entities.context import EntityContext, Placed
from marsad.extract.entities.names import name_enders, name_word
from marsad.extract.entities.short_forms import leave_short_forms
from marsad.extract.entities.titles import TitleMention
from marsad.extract.lexicon import gazetteer, speaker_nouns, stopwords, titles
from marsad.extract.translit import transliterate
from marsad.model import Entity, Span
from marsad.ner.features import common_words, strip_clitics
from marsad.ner.model import tag_ranges

# Tokens the model reads around a place where a name is expected: names sit right there,
# and the CRF sees two neighbours either side, so a window does as well as the sentence.
_WINDOW_BEFORE = 2

_WINDOW_AFTER = 6


def model_names(ctx: EntityContext, mentions: list[TitleMention]) -> list[Placed]:
    """Names the gazetteer lacks, from the NER model, read only near the places where a
    name is expected but none is known (``_name_slots``): the whole text would cost ten
    times the rest of the pipeline. A model span that overlaps a known name, is cut by
    the window, or is a stopword, a digit string or one very common word is dropped: a
    missed name costs less than a wrong one."""
    windows = _windows(ctx, _name_slots(ctx, mentions))
    if not windows:
        return []
    sc, article = ctx.sc, ctx.article
    cut_edges = {edge for _, _, edges in windows for edge in edges}
    verbs = cue_tokens()
    added: list[Placed] = []
    found = tag_ranges(sc, [(start, end) for start, end, _ in windows])
    for start, end, kind in found:
        if start in cut_edges or end in cut_edges:
            continue
        folded_start = sc.folded_index(start)
        first = sc.token_containing(folded_start)
        stop = sc.token_at(sc.folded_index(end))
        if first < 0 or stop <= first or any(ctx.taken[first:stop]):
            continue
        if folded_start > sc.starts[first] and not sc.folded.startswith(
            definite_article(), folded_start
        ):
            # The model cut a letter off the word: "ف|وزي", "ك|ردستان" are names whole.
            continue
        trimmed = _name_start(sc, first, stop, verbs)
        if trimmed != first:
            first, start = trimmed, sc.token_start(trimmed)
        if first >= stop:
            continue
        if not _plausible_name(sc.words[first:stop]) or gazetteer().match(sc, first):
            continue  # the gazetteer knows a name here and left it out on purpose
        span = Span(start, end)
        text = span.slice(article.text)
        canonical = transliterate(text)
        if canonical and not article.is_boilerplate(span):
            added.append(Placed(Entity(span, text, kind, canonical, rule="ner"), first, stop))
            ctx.taken[first:stop] = b"\x01" * (stop - first)
    return leave_short_forms(sc, ctx.placed + added, added)


def _name_start(sc: TextView, first: int, stop: int, verbs: frozenset[str]) -> int:
    """The first token of a model span that belongs to the name: the model sometimes
    takes in the verb or title before it ("يرى لانديس", "الرئيس السيسي", "الدكتور ...")."""
    while first < stop - 1:
        title = titles().match(sc, first, clitics=False)
        if title is not None and title.end < stop:
            first = title.end
        elif sc.words[first] in verbs or sc.words[first] in stopwords():
            first += 1
        else:
            break
    return first


def _plausible_name(words: list[str]) -> bool:
    if not words or all(word.isdigit() for word in words):
        return False
    if any(word in stopwords() for word in words):
        return False
    return len(words) > 1 or strip_clitics(words[0])[1] not in common_words()


def _name_slots(ctx: EntityContext, mentions: list[TitleMention]) -> list[int]:
    """Tokens where a name the gazetteer lacks may start: after a title that names
    nobody, and after a reporting verb whose next word is no known name, title or
    function word ("قال أحمد الصحاف إن")."""
    words, taken = ctx.sc.words, ctx.taken
    slots = [m.end for m in mentions if m.person is None and m.end < len(words)]
    verbs = cue_tokens()
    slots.extend(at + 1 for at in compress(range(len(words) - 1), map(verbs.__contains__, words)))
    return sorted(at for at in set(slots) if not taken[at] and may_start_name(words[at]))


def may_start_name(word: str) -> bool:
    """Could a name the gazetteer lacks start with this word? Not a function word, a
    title, a speaker noun ("مصدر"), a quote opener, or a common definite noun ("الجيش")."""
    if word in name_enders() or titles().starts(word) or speaker_nouns().starts(word):
        return False
    if word.startswith(definite_article()):
        return (
            word.isalpha()
            and word not in stopwords()
            and strip_clitics(word)[1] not in common_words()
        )
    return name_word(word, 0)


def _windows(ctx: EntityContext, slots: list[int]) -> list[tuple[int, int, tuple[int, ...]]]:
    """Source ranges around the slots, inside their sentence, merged where they overlap;
    with the range ends that cut a sentence (a name there may run past the window)."""
    sc = ctx.sc
    sentences = ctx.article.sentences
    last = len(sc.words) - 1
    merged: list[tuple[int, int, Span]] = []
    for at in slots:
        where = bisect.bisect_right(ctx.sentence_starts, sc.token_start(at)) - 1
        if where < 0:
            continue
        bounds = sentences[where].span
        low = sc.token_start(max(0, at - _WINDOW_BEFORE))
        high = sc.token_end(min(last, at + _WINDOW_AFTER))
        start, end = max(low, bounds.start), min(high, bounds.end)
        if end <= start:
            continue
        if merged and merged[-1][2] == bounds and start <= merged[-1][1]:
            start = merged.pop()[0]
        merged.append((start, end, bounds))
    return [
        (start, end, tuple(edge for edge in (start, end) if edge not in (b.start, b.end)))
        for start, end, b in merged
    ]

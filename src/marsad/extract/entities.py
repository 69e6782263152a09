"""Named entities, rule-based: gazetteer, titles and the person they name, short forms.

Passes, in order:
1. gazetteer: aliases.tsv phrases, longest first, on folded tokens, clitics allowed
   ("بالبنتاغون", "للحرة").
2. short forms: the last word of a person's name found in this article names that person
   again ("أوستن" after "لويد ج. أوستن").
3. titles: a title (titles.tsv) gives the person next to it a role ("وزير الدفاع الأمريكي
   لويد ج. أوستن", "جون كيربي، المتحدث باسم وزارة الدفاع"); a name the gazetteer lacks
   right after a title becomes a person with a transliterated canonical (rule "translit").
4. short forms again, for those new names.

Span convention: a mention's span covers the name without its clitics ("بالبنتاغون" ->
"البنتاغون"); where a clitic ل fused with the name's article ("للحرة" = ل + الحرة) no
substring spells the name, and the span keeps that ل: "للحرة", "وللجنة" -> "للجنة".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from itertools import compress

from marsad.arabic.charsets import chars, letter
from marsad.arabic.clitics import (
    definite_article,
    enclitics,
    proclitic_letters,
    proclitics,
    readings,
    rules,
)
from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.extract.cues import cue_tokens
from marsad.extract.lexicon import (
    Alias,
    Match,
    Title,
    countries,
    demonym_at,
    entity_info,
    gap_ok,
    gazetteer,
    short_name,
    speaker_nouns,
    stopwords,
    titles,
)
from marsad.extract.translit import transliterate
from marsad.model import Article, Entity, Span
from marsad.ner.features import common_words, strip_clitics
from marsad.ner.model import tag_ranges
from marsad.resources import load_lines

_OPEN_MARKS = frozenset('«("“”[')
_CLOSE_MARKS = frozenset('»)"”“]')
_MAX_NAME_TOKENS = 4
# Role strength: an office or spokesman title outranks a rank ("اللواء") or a gazetteer role.
_STRENGTH = {"office": 3, "spokesman": 3, "rank": 1, "info": 0}


@dataclass(slots=True)
class Placed:
    """An entity with its token range in the article's scan."""

    entity: Entity
    first: int
    end: int


@dataclass(frozen=True, slots=True)
class TitleMention:
    """A title as written, the role it gives, and the person it names (if found)."""

    first: int
    end: int  # token after the title (and its nationality or body spoken for)
    span: Span
    role: str
    kind: str
    person: str | None


@cache
def _name_enders() -> frozenset[str]:
    """Words that may follow a name the gazetteer lacks: quote content openers, the
    same list the quote reader opens content with (quote_introducers.txt)."""
    return frozenset(normalize(line) for line in load_lines("quote_introducers.txt"))


@cache
def _context_prefixes() -> frozenset[str]:
    """Proclitics that mark the word they stand on as a name ("لحماس", "وبحماس")."""
    letters = proclitic_letters(use="name-context")
    return frozenset(prefix for prefix in proclitics() if prefix[-1] in letters)


@cache
def _title_links() -> frozenset[str]:
    """ "باسم": the word ending a spokesman's title before the body spoken for."""
    return frozenset(normalize(line) for line in load_lines("title_links.txt"))


@cache
def _outlet_nouns() -> frozenset[str]:
    return frozenset(normalize(line) for line in load_lines("outlet_nouns.txt"))


_PAIRS = {"«": "»", "“": "”", '"': '"'}


@cache
def _no_commas() -> dict[int, None]:
    """A translate table that deletes commas (Arabic and Latin)."""
    return {ord(char): None for char in chars("comma")}


def _source_span(sc: TextView, match_first: int, prefix: int, fused: bool, end: int) -> Span:
    # A fused ل stays in the span ("للحرة"), other clitics before it do not ("وللحرة").
    start = sc.starts[match_first] + (prefix - 1 if fused else prefix)
    stop = sc.ends[end - 1]
    inside = sc.folded[start:stop]
    for opener, closer in _PAIRS.items():
        # A name with a quoted part ("عملية «العزم الصلب»") keeps its closing mark.
        if opener == closer:
            unbalanced = inside.count(opener) % 2 == 1
        else:
            unbalanced = inside.count(opener) > inside.count(closer)
        if unbalanced and sc.folded[stop : stop + 1] == closer:
            stop += 1
            break
    return sc.source_span(start, stop)


def _in_context(sc: TextView, match: Match[Alias]) -> bool:
    """A name that is also a common word counts only where the text marks it as a name."""
    token = sc.tokens[match.first]
    prefix = token.text[: match.prefix]
    if prefix in _context_prefixes():
        return True
    before = sc.folded[token.start - 1] if token.start else ""
    last = sc.ends[match.end - 1]
    after = sc.folded[last] if last < len(sc.folded) else ""
    if before in _OPEN_MARKS and after in _CLOSE_MARKS:
        return True
    return match.first > 0 and sc.words[match.first - 1] in _outlet_nouns()


def _gazetteer_pass(article: Article, sc: TextView) -> list[Placed]:
    placed: list[Placed] = []
    index = gazetteer()
    next_free = 0
    for at in index.hits(sc):
        if at < next_free:
            continue
        match = index.match(sc, at)
        if match is None or (match.value.needs_context and not _in_context(sc, match)):
            continue
        span = _source_span(sc, at, match.prefix, match.fused, match.end)
        if not article.is_boilerplate(span):
            alias = match.value
            entity = Entity(
                span, span.slice(article.text), alias.type, alias.canonical, rule="gazetteer"
            )
            placed.append(Placed(entity, at, match.end))
        next_free = match.end
    return placed


def _short_forms(article: Article, sc: TextView, placed: list[Placed]) -> list[Placed]:
    """Later mentions of a person by the last word of the name."""
    last_names: dict[str, str | None] = {}
    for item in placed:
        if item.entity.type == "PER" and item.end - item.first >= 2:
            word = sc.words[item.end - 1]
            if len(word) >= 3 and word not in stopwords():
                known = last_names.get(word, item.entity.canonical)
                # Two people sharing a last name: the short form is ambiguous, skip it.
                last_names[word] = known if known == item.entity.canonical else None
    if not last_names:
        return placed
    found = _last_name_tokens(sc.words, last_names)
    taken = _taken(placed, len(sc.tokens))
    added: list[Placed] = []
    words = sc.words
    for at in compress(range(len(words)), map(found.__contains__, words)):
        if taken[at]:
            continue
        prefix, word, canonical = found[words[at]]
        fused = len(words[at]) - prefix != len(word)
        span = _source_span(sc, at, prefix, fused, at + 1)
        if not article.is_boilerplate(span):
            entity = Entity(span, span.slice(article.text), "PER", canonical, rule="short")
            added.append(Placed(entity, at, at + 1))
    return sorted(placed + added, key=lambda item: item.first)


def _last_name_tokens(
    words: list[str], last_names: dict[str, str | None]
) -> dict[str, tuple[int, str, str]]:
    """Token -> (prefix length, word, canonical) of its first reading that is a last name."""
    # A reading is the token less a prefix, maybe with a restored ا or ال: every token
    # that has one ends with the name, or with the name less that ا or ال.
    endings: set[str] = set()
    for name, canonical in last_names.items():
        if canonical is not None:
            endings.add(_without_restorable(name))
    if not endings:
        return {}
    suffixes = tuple(endings)
    found: dict[str, tuple[int, str, str]] = {}
    for token in set(words):
        if not token.endswith(suffixes):
            continue
        for prefix, word in readings(token):
            canonical = last_names.get(word)
            if canonical is not None:
                found[token] = (prefix, word, canonical)
                break
    return found


def _without_restorable(name: str) -> str:
    """The name less what a clitic reading may restore (its ال, or the ا of it)."""
    the = definite_article()
    if name.startswith(the):
        return name[len(the) :]
    return name[1:] if name[0] == the[0] else name


def _taken(placed: list[Placed], count: int) -> bytearray:
    taken = bytearray(count)
    for item in placed:
        taken[item.first : item.end] = b"\x01" * (item.end - item.first)
    return taken


def _role(title: Title, nationality: str | None, org: Entity | None) -> str:
    template = title.templates[0][1]
    for country, text in title.templates:
        if country is None:
            template = text
    for country, text in title.templates:
        if country is not None and country == nationality:
            template = text
    if "{nat}" in template:
        info = countries().get(nationality or "")
        template = template.replace("{nat}", info.adjective if info else "").strip()
    if "{org}" in template:
        if org is None:
            template = template.replace("{org}", "").strip()
        elif org.type == "PER":
            template = template.replace("{org} ", "") + " for " + org.canonical
        else:
            template = template.replace("{org}", short_name(org.canonical))
    return template


class EntityContext:
    """Token-level lookups shared by the title pass and by quotes."""

    def __init__(self, article: Article, sc: TextView, placed: list[Placed]) -> None:
        self.article = article
        self.sc = sc
        self.placed = placed
        self.by_first = {item.first: item for item in placed}
        self.by_end = {item.end: item for item in placed}
        self.taken = _taken(placed, len(sc.tokens))
        self.sentence_starts = [s.span.start for s in article.sentences]

    def sentence_first_token(self, at: int) -> int:
        """Index of the first token of the sentence that holds token ``at``."""
        source = self.sc.token_start(at)
        where = bisect.bisect_right(self.sentence_starts, source) - 1
        if where < 0:
            return 0
        start = self.article.sentences[where].span.start
        return self.sc.token_at(self.sc.folded_index(start))

    def gap(self, left: int, right: int) -> str:
        return self.sc.folded[self.sc.ends[left] : self.sc.starts[right]]

    def nationality_near(self, first: int) -> str | None:
        """The country of the group a title heads ("وفداً من جمهورية العراق، برئاسة ...")."""
        if first == 0:
            return None
        head = titles().match(self.sc, first - 1)
        if head is None or head.value.kind != "head" or head.end != first:
            return None
        floor = max(self.sentence_first_token(first), first - 8)
        for at in range(first - 2, floor - 1, -1):
            item = self.by_end.get(at + 1)
            if item is not None and item.entity.canonical in countries():
                return item.entity.canonical
            country = demonym_at(self.sc, at)
            if country is not None:
                return country
        return None


def _name_word(word: str, position: int) -> bool:
    """Can ``word`` be word ``position`` of a person's name? Rules out common shapes of
    other words: pronoun endings ("تجزيهم"), a fused لل, an accusative adverb ("أخيرا")."""
    if word in stopwords() or not word.isalpha() or len(word) < 2:
        return False
    if (word.endswith(enclitics("not-a-name")) and len(word) > 4) or word.startswith(
        rules().fused_article
    ):
        return False
    if position == 0:
        return not word.startswith(definite_article())
    accusative = word.endswith(letter("alef")) and len(word) >= 5
    clitic_word = word[0] in proclitic_letters(use="opens-a-word") and len(word) >= 5
    return not accusative and not clitic_word


def _unknown_name(ctx: EntityContext, at: int) -> int:
    """End token of a plausible person's name starting at ``at`` (``at`` when none)."""
    words = ctx.sc.words
    end = at
    while end < len(words) and end - at < _MAX_NAME_TOKENS:
        word = words[end]
        if ctx.taken[end] or not _name_word(word, end - at):
            break
        if end == at and (demonym_at(ctx.sc, end) or _starts_phrase(word)):
            break
        if end > at and ctx.gap(end - 1, end) != " ":
            break
        if titles().match(ctx.sc, end, clitics=False) is not None:
            break
        end += 1
        if word.startswith(definite_article()) and end - at >= 2:
            break  # a family name with the article ends the name: "ثابت العباسي"
    if end - at < 2:
        return at
    # The name must end where the clause does: punctuation, the end of the text, or the
    # content of a quote ("قال وزير الخارجية عادل الجبير إن"). A looser boundary lets
    # common words pass for names ("رئيس أركان الجيش لعقد محادثات").
    if end < len(words):
        gap = ctx.gap(end - 1, end)
        if gap.strip() == "" and words[end] not in _name_enders():
            return at
    return end


def _starts_phrase(word: str) -> bool:
    """A clitic word whose rest begins a known name or title: "لمجلس" (ل + مجلس ...)."""
    for prefix, rest in readings(word)[1:]:
        if prefix and (gazetteer().starts(rest) or titles().starts(rest)):
            return True
    return False


def _separator(ctx: EntityContext, left: int, right: int) -> bool:
    """A space or a comma between a title and the name it introduces."""
    return ctx.gap(left, right).translate(_no_commas()).strip() == ""


def find_titles(article: Article, ctx: EntityContext | None = None) -> list[TitleMention]:
    """Titles in the article body with the role they give and the person they name."""
    if ctx is None:
        ctx = context(article)
    out = []
    next_free = 0
    for at in titles().hits(ctx.sc):
        if at < next_free or ctx.taken[at]:
            continue
        match = titles().match(ctx.sc, at)
        if match is None or match.value.kind == "head":
            continue
        mention = _title_at(ctx, match)
        if mention is not None:
            out.append(mention)
        next_free = match.end
    return out


def _title_at(ctx: EntityContext, match: Match[Title]) -> TitleMention | None:
    sc, tokens = ctx.sc, ctx.sc.tokens
    title, end = match.value, match.end
    nationality: str | None = None
    org: Entity | None = None
    if end < len(tokens) and gap_ok(sc, end - 1, end):
        nationality = demonym_at(sc, end)
        if nationality is not None:
            end += 1
    if title.kind == "spokesman" and end < len(tokens):
        item = ctx.by_first.get(end)
        if item is not None:
            org, end = item.entity, item.end
        elif sc.words[match.end - 1] in _title_links():
            end += 1  # a body the gazetteer lacks: "باسم الخارجية"
            if demonym_at(sc, end) is not None:
                end += 1
    if title.kind == "office" and nationality is None:
        nationality = ctx.nationality_near(match.first)
    role = _role(title, nationality, org)
    span = _source_span(sc, match.first, match.prefix, match.fused, min(end, len(tokens)))
    if ctx.article.is_boilerplate(span):
        return None
    person = _person_after(ctx, end)
    if person is None and match.first > 0:
        before = ctx.by_end.get(match.first)
        named = before is not None and before.entity.type == "PER"
        if before is not None and named and _separator(ctx, match.first - 1, match.first):
            person = before.entity.canonical
    return TitleMention(match.first, end, span, role, title.kind, person)


def _person_after(ctx: EntityContext, at: int) -> str | None:
    tokens = ctx.sc.tokens
    if at >= len(tokens) or at == 0 or not _separator(ctx, at - 1, at):
        return None
    rank = titles().match(ctx.sc, at, clitics=False)
    if rank is not None and rank.value.kind == "rank":
        at = rank.end
    item = ctx.by_first.get(at)
    if item is not None:
        return item.entity.canonical if item.entity.type == "PER" else None
    return None


def _new_names(ctx: EntityContext, mentions: list[TitleMention]) -> list[Placed]:
    """Persons the gazetteer lacks, named right after a title."""
    added: list[Placed] = []
    for mention in mentions:
        if mention.person is not None or mention.end >= len(ctx.sc.tokens):
            continue
        at = mention.end
        if at == 0 or not _separator(ctx, at - 1, at):
            continue
        rank = titles().match(ctx.sc, at, clitics=False)
        if rank is not None and rank.value.kind == "rank":
            at = rank.end
        if at >= len(ctx.sc.tokens):
            continue
        end = _unknown_name(ctx, at)
        if end == at:
            continue
        span = _source_span(ctx.sc, at, 0, False, end)
        if ctx.article.is_boilerplate(span):
            continue
        text = span.slice(ctx.article.text)
        entity = Entity(span, text, "PER", transliterate(text), rule="translit")
        added.append(Placed(entity, at, end))
        ctx.taken[at:end] = b"\x01" * (end - at)
    return added


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
    return _leave_short_forms(sc, ctx.placed + added, added)


def _leave_short_forms(sc: TextView, placed: list[Placed], added: list[Placed]) -> list[Placed]:
    """Drop one-word model names that are the last word of a person named in full in the
    article ("كاميرون" after "ديفيد كاميرون"): ``_short_forms`` links them to that person,
    whatever type the model guessed."""
    last_words = {
        sc.words[item.end - 1]
        for item in placed
        if item.entity.type == "PER" and item.end - item.first >= 2
    }
    return [
        item
        for item in added
        if item.end - item.first > 1 or sc.words[item.first] not in last_words
    ]


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
    return sorted(at for at in set(slots) if not taken[at] and _may_start_name(words[at]))


def _may_start_name(word: str) -> bool:
    """Could a name the gazetteer lacks start with this word? Not a function word, a
    title, a speaker noun ("مصدر"), a quote opener, or a common definite noun ("الجيش")."""
    if word in _name_enders() or titles().starts(word) or speaker_nouns().starts(word):
        return False
    if word.startswith(definite_article()):
        return (
            word.isalpha()
            and word not in stopwords()
            and strip_clitics(word)[1] not in common_words()
        )
    return _name_word(word, 0)


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


def _assign_roles(placed: list[Placed], mentions: list[TitleMention]) -> None:
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


def context(article: Article) -> EntityContext:
    """Lookups over ``article.entities`` (already annotated), for titles and quotes."""
    sc = article.view
    placed = []
    for entity in article.entities:
        tokens = sc.char_span(entity.span.start, entity.span.end)
        if tokens is not None:
            placed.append(Placed(entity, *tokens))
    return EntityContext(article, sc, placed)


def annotate_entities(article: Article) -> None:
    """Fill ``article.entities``: gazetteer names, titled persons, names the NER model
    finds where a name is expected, and short forms."""
    sc = article.view
    placed = _short_forms(article, sc, _gazetteer_pass(article, sc))
    ctx = EntityContext(article, sc, placed)
    mentions = find_titles(article, ctx)
    added = _new_names(ctx, mentions)
    added += model_names(ctx, mentions)
    if added:
        placed = _short_forms(article, sc, sorted(placed + added, key=lambda p: p.first))
        ctx = EntityContext(article, sc, placed)
        mentions = find_titles(article, ctx)
    _assign_roles(placed, mentions)
    article.entities = [item.entity for item in placed]

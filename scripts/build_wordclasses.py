"""Build src/marsad/resources/wordclasses.bin, the word-class lexicon, from arramooz.

    pip install -e '.[lexicon]'
    python scripts/build_wordclasses.py [--out PATH] [--stats]

Sources (read at build time only; the runtime never imports them):
- the arramooz dictionary (nouns with gender, number, broken plurals and the flags that say
  which sound endings a noun takes; verbs with their imperfect vowel),
- its classed stopword list (particles, pronouns, function words),
- its word-frequency list (to rank the readings of an ambiguous form, and for proper names),
- libqutrub, to conjugate every verb (perfect, imperfect, jussive, subjunctive, imperative,
  active and passive; no object pronouns: the runtime strips those).

Every key is folded with ``marsad.arabic.normalize.normalize``, the function the runtime
folds tokens with. Keys carry no proclitic (و ف ب ل ك), no article ال and no pronoun
suffix: ``marsad.arabic.wordclass`` strips those. Output is byte-identical on every run:
inputs are read in a fixed order, and everything written is sorted.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib.util import find_spec
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.arabic.wordclass_affixes import affix_rows, letter
from marsad.arabic.wordclass_store import encode
from marsad.resources import load_lines, load_tsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "marsad" / "resources" / "wordclasses.bin"
SOURCES = ("arramooz-pysqlite", "libqutrub")

# Analysis codes (see marsad.arabic.wordclass_store): class letter then features.
# V tense person gender number | N/A gender number plural-kind | P | R | M
_CLOSED_VERB = "Vc---"  # a verb of the closed class, features from its conjugation
_CLASS_LETTER = {"noun": "N", "adj": "A", "verb": "V", "particle": "P", "pronoun": "R", "name": "M"}


def _sound_endings() -> dict[str, list[tuple[str, str, str]]]:
    """arramooz flag -> folded sound endings it allows: (ending, gender, number)."""
    endings: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for flag, ending, gender, number in affix_rows()["sound"]:
        endings[flag].append((ending, gender, number))
    return endings


def _tags() -> dict[str, dict[str, str]]:
    tags: dict[str, dict[str, str]] = defaultdict(dict)
    for table, tag, value in load_tsv("wordclass_tags.tsv", columns=3):
        tags[table][tag] = value
    return tags


def _data_dir() -> Path:
    spec = find_spec("arramooz")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("arramooz is not installed: pip install -e '.[lexicon]'")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _rows(db: Path, query: str) -> list[sqlite3.Row]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


class Lexicon:
    """Folded form -> analysis code -> weight (word frequency of the lemma and class)."""

    def __init__(self, frequency: Counter[tuple[str, str]]) -> None:
        self.forms: dict[str, dict[str, int]] = defaultdict(dict)
        self.frequency = frequency

    def add(self, form: str, code: str, lemma: str, pos: str) -> None:
        key = normalize(form)
        if len(key) < 2 or not key.isalpha():
            return
        weight = self.frequency.get((normalize(lemma), pos), 0)
        known = self.forms[key]
        known[code] = max(known.get(code, 0), weight)


def _frequency(data: Path, tags: dict[str, dict[str, str]]) -> Counter[tuple[str, str]]:
    """(folded form, class) -> corpus frequency, from arramooz's wordfreq list."""
    counts: Counter[tuple[str, str]] = Counter()
    query = "select unvocalized, word_type, freq from wordfreq order by id"
    for row in _rows(data / "wordfreq.sqlite", query):
        pos = tags["freq_type"].get(row["word_type"], tags["freq_type"]["default"])
        if pos != "skip":
            counts[(normalize(row["unvocalized"]), pos)] += int(row["freq"])
    return counts


def _noun_code(pos: str, gender: str, number: str, plural: str = "-") -> str:
    return f"{_CLASS_LETTER[pos]}{gender}{number[0]}{plural}"


def _stem_before_ending(word: str) -> str:
    """A noun written with ة drops it before a sound ending (مدينة -> مدينات)."""
    ta_marbuta = letter("ta_marbuta")
    return word[: -len(ta_marbuta)] if word.endswith(ta_marbuta) else word


def _broken_plurals(field: str) -> Iterator[str]:
    """arramooz's broken_plural field: ';'-separated forms, '+ات' notes, glosses in ()."""
    for part in field.replace("(", ";").replace(")", ";").split(";"):
        for word in part.split():
            word = normalize(word)
            if word.isalpha() and len(word) >= 2:
                yield word


def _sound_forms(row: sqlite3.Row, word: str, gender: str) -> Iterator[tuple[str, str, str, str]]:
    """(form, gender, number, plural kind) of the sound endings a singular noun allows."""
    endings = _sound_endings()
    stem = _stem_before_ending(word)
    feminine = word != stem
    for flag in ("feminable", "dualable", "masculin_plural", "feminin_plural"):
        if not row[flag]:
            continue
        for ending, ending_gender, number in endings[flag]:
            if flag == "feminable":
                yield word + ending, "f", number, "-"
            elif flag == "dualable" and feminine:
                # مدينة -> مدينتان: the ta marbuta is written as ta before the dual ending
                yield stem + letter("ta") + ending, "f", number, "-"
            else:
                form_gender = gender if flag == "dualable" else ending_gender
                kind = "s" if number == "pl" else "-"
                yield stem + ending, form_gender, number, kind
    if row["feminable"] and row["dualable"]:
        for ending, ending_gender, number in endings["feminine_dual"]:
            yield stem + ending, ending_gender, number, "-"


def add_nouns(lexicon: Lexicon, data: Path, tags: dict[str, dict[str, str]]) -> None:
    query = "select * from nouns order by id"
    for row in _rows(data / "arabicdictionary.sqlite", query):
        word = normalize(row["unvocalized"])
        kind = (row["wordtype"] or "").split(":")[-1]
        classes = tags["noun_type"].get(kind, tags["noun_type"]["default"]).split()
        gender = tags["gender"].get(row["gender"] or "", "x")
        number = tags["number"].get(row["number"] or "", "sg")
        for pos in classes:
            lexicon.add(
                word, _noun_code(pos, gender, number, "b" if number == "pl" else "-"), word, pos
            )
            if number != "sg":
                continue
            for form, form_gender, form_number, plural in _sound_forms(row, word, gender):
                lexicon.add(form, _noun_code(pos, form_gender, form_number, plural), word, pos)
            for broken in _broken_plurals(row["broken_plural"] or ""):
                # weighed by the plural's own frequency: فكر is more often the singular
                # "thought" than the plural of فكرة
                lexicon.add(broken, _noun_code(pos, gender, "pl", "b"), broken, pos)


def _verb_features() -> tuple[dict[str, str], dict[str, str]]:
    """libqutrub's tense and pronoun names -> marsad codes (tense letter; person gender num)."""
    from libqutrub import verb_const as vc

    tenses = {
        vc.TensePast: "p",
        vc.TensePassivePast: "p",
        vc.TenseFuture: "i",
        vc.TenseJussiveFuture: "i",
        vc.TenseSubjunctiveFuture: "i",
        vc.TensePassiveFuture: "i",
        vc.TensePassiveJussiveFuture: "i",
        vc.TensePassiveSubjunctiveFuture: "i",
        vc.TenseImperative: "m",
    }
    pronouns = {
        vc.PronounAna: "1xs",
        vc.PronounNahnu: "1xp",
        vc.PronounAnta: "2ms",
        vc.PronounAnti: "2fs",
        vc.PronounAntuma: "2md",
        vc.PronounAntuma_f: "2fd",
        vc.PronounAntum: "2mp",
        vc.PronounAntunna: "2fp",
        vc.PronounHuwa: "3ms",
        vc.PronounHya: "3fs",
        vc.PronounHuma: "3md",
        vc.PronounHuma_f: "3fd",
        vc.PronounHum: "3mp",
        vc.PronounHunna: "3fp",
    }
    return tenses, pronouns


def add_verbs(lexicon: Lexicon, data: Path) -> int:
    from libqutrub import classverb

    tenses, pronouns = _verb_features()
    failed = 0
    query = "select vocalized, future_type, transitive from verbs order by id"
    verbs = [
        (r["vocalized"], r["future_type"], r["transitive"])
        for r in _rows(data / "arabicdictionary.sqlite", query)
    ]
    verbs += [(v, kind, int(t)) for v, kind, t in load_tsv("wordclass_extra_verbs.tsv", columns=3)]
    for lemma, future_type, transitive in verbs:
        try:
            verb = classverb.VerbClass(lemma, bool(transitive), future_type)
            verb.conjugate_all_tenses(list(tenses))
        except Exception:  # libqutrub rejects a few malformed entries; count them
            failed += 1
            continue
        for tense, tense_code in tenses.items():
            for pronoun, person_code in pronouns.items():
                form = verb.get_conj(tense, pronoun)
                if form:
                    lexicon.add(form, f"V{tense_code}{person_code}", lemma, "verb")
    return failed


def add_closed_class(lexicon: Lexicon, data: Path, tags: dict[str, dict[str, str]]) -> None:
    content = {normalize(word) for word in load_lines("wordclass_content_adverbs.txt")}
    query = "select WORD, word_type, word_class from classedstopwords order by ID"
    for row in _rows(data / "stopwords.sqlite", query):
        word = normalize(row["WORD"])
        if word in content:
            continue
        pos = tags["stop_class"].get(row["word_class"]) or tags["stop_type"].get(
            row["word_type"], tags["stop_type"]["default"]
        )
        if pos == "skip":
            continue
        # Verbs of the closed class (كان وأخواتها) get their features from the conjugation;
        # "C" marks the closed class, so a function word outranks a rare noun of one spelling.
        code = _CLOSED_VERB if pos == "verb" else "C" + _CLASS_LETTER[pos]
        lexicon.add(word, code, word, pos)


def add_frequent_words(lexicon: Lexicon) -> None:
    """Proper names of the frequency list, and its nouns and adjectives that the
    dictionary lacks under that class (آخر is there only as a verb)."""
    for (form, pos), _count in sorted(lexicon.frequency.items()):
        if pos == "name":
            lexicon.add(form, "M", form, pos)
        elif pos in ("noun", "adj"):
            letter = _CLASS_LETTER[pos]
            if not any(code.startswith(letter) for code in lexicon.forms.get(form, ())):
                lexicon.add(form, _noun_code(pos, "x", "sg"), form, pos)


_POS_RANK = {"C": 0, "V": 3, "N": 1, "A": 2, "M": 4}
_CLOSED_RANK = {"CP": 0, "CR": 1, "CN": 2, "V": 1}
_PERSON_RANK = {"3": 0, "1": 1, "2": 2, "-": 3}
_NUMBER_RANK = {"s": 0, "p": 1, "d": 2, "-": 3}


Rank = tuple[int, int, int, int, int, int, str]


def _rank(code: str, weight: int, closed_verb: bool) -> Rank:
    """Order of the readings of one form: the closed class first, third-person before
    first- and second-person verbs (news is told in the third person), then by frequency,
    then by class. A verb of the closed class (كان وأخواتها) keeps that rank with its
    conjugated features, so frequency decides between it and a particle (كان / كأن)."""
    is_verb = code[0] == "V"
    closed = code[0] == "C" or (is_verb and closed_verb)
    tier = _CLOSED_RANK["V" if is_verb else code] if closed else _POS_RANK.get(code[0], 5)
    person = _PERSON_RANK.get(code[2], 3) if is_verb else 0
    number = _NUMBER_RANK.get(code[4] if is_verb else code[2:3] or "-", 3)
    tense = "pim".find(code[1]) if is_verb else 0
    # a first- or second-person verb reading (اخر "I delay") comes after every other
    speaker = 1 if is_verb and (code[2] in "12" or code[1] == "m") else 0
    return (0 if closed else 1, speaker, -weight, tier, person * 10 + tense, number, code)


def entries(lexicon: Lexicon) -> Iterable[tuple[str, str]]:
    """(form, space-separated codes, best first), sorted by form."""
    for form in sorted(lexicon.forms):
        known = dict(lexicon.forms[form])
        closed_verb = known.pop(_CLOSED_VERB, None) is not None
        if closed_verb and not any(code.startswith("V") for code in known):
            known[_CLOSED_VERB] = 0  # a closed-class verb libqutrub did not conjugate
        codes = sorted(known, key=lambda code: _rank(code, known[code], closed_verb))
        if closed_verb:  # a lower-case v marks the verbs of the closed class
            codes = ["v" + code[1:] if code[0] == "V" else code for code in codes]
        yield form, " ".join(codes)


def build() -> tuple[Lexicon, dict[str, float]]:
    data = _data_dir()
    tags = _tags()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    lexicon = Lexicon(_frequency(data, tags))
    add_closed_class(lexicon, data, tags)
    add_nouns(lexicon, data, tags)
    timings["nouns"] = time.perf_counter() - started
    failed = add_verbs(lexicon, data)
    timings["verbs"] = time.perf_counter() - started
    timings["verbs_failed"] = failed
    add_frequent_words(lexicon)
    timings["total"] = time.perf_counter() - started
    return lexicon, timings


def header() -> list[str]:
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in SOURCES)
    return [
        "marsad word classes: folded form -> readings (class and features), best first.",
        "Built by scripts/build_wordclasses.py; keys folded by marsad.arabic.normalize.",
        f"Derived from: {versions} (arramooz dictionary, stopwords and word frequencies;",
        "libqutrub verb conjugation), by Taha Zerrouki. Licence of the sources: GPL;",
        "this derived data is under the same terms: see LICENSE.wordclasses.txt.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--stats", action="store_true", help="print counts by class")
    args = parser.parse_args()
    lexicon, timings = build()
    rows = list(entries(lexicon))
    blob = encode(header(), rows)
    args.out.write_bytes(blob)
    print(f"{len(rows)} forms, {len(blob) / 1e6:.2f} MB -> {args.out}")
    print(", ".join(f"{name} {value:.1f}" for name, value in timings.items()))
    if args.stats:
        first = Counter(codes.split()[0][0] for _form, codes in rows)
        print("best reading by class letter:", dict(sorted(first.items())))


if __name__ == "__main__":
    main()

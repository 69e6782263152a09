"""Inputs that punish anything quadratic (issue 17): one 2-million-character text of a
single repeated reporting verb, and the merge of undated events over thousands of short
notes written to one template. A benchmark, not a test: it prints CPU seconds.

    .venv/bin/python bench/long_inputs.py [--words 500000] [--notes 1000,2000,4000,8000] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import time

from marsad.corpus.timeline import build_timeline
from marsad.model import Article
from marsad.pipeline import annotate

# The template's parts (display text of synthetic notes, not language knowledge).
_VERBS = ("أعلنت", "أكدت", "ذكرت", "أفادت")
_BODIES = ("وزارة الداخلية", "هيئة الهلال الأحمر", "الدفاع المدني", "وزارة الصحة")
_PLACES = ("الرياض", "جدة", "الدمام", "أبها", "تبوك")
_OUTLETS = ("SPA", "Okaz", "Al-Riyadh")


def long_text(words: int) -> dict[str, float | int]:
    article = Article(doc="long", source="long", text="قال " * words)
    started = time.process_time()
    annotate(article)
    return {"characters": len(article.text), "cpu_seconds": round(time.process_time() - started, 3)}


def _note(rng: random.Random, index: int) -> Article:
    text = (
        f"{rng.choice(_VERBS)} {rng.choice(_BODIES)} أنها تعاملت مع {rng.randint(2, 90)} حالة "
        f"في منطقة {rng.choice(_PLACES)}، وأن فرقها باشرت {rng.randint(1, 40)} بلاغا خلال "
        "الأسبوع. وقال المتحدث إن العمل مستمر."
    )
    doc = f"note-{index}"
    return annotate(Article(doc=doc, source=doc, text=text, outlet=rng.choice(_OUTLETS)))


def template_notes(sizes: list[int]) -> list[dict[str, float | int]]:
    rng = random.Random(17)
    notes = [_note(rng, index) for index in range(max(sizes))]
    out: list[dict[str, float | int]] = []
    for size in sizes:
        started = time.process_time()
        built = build_timeline(notes[:size])
        spent = time.process_time() - started
        out.append(
            {"articles": size, "cpu_seconds": round(spent, 3), "undated": len(built.undated)}
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=500_000)
    parser.add_argument("--notes", default="1000,2000,4000,8000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = {
        "long_text": long_text(args.words),
        "template_notes": template_notes([int(n) for n in args.notes.split(",")]),
    }
    if args.json:
        print(json.dumps(report))
        return
    text = report["long_text"]
    print(f"long text: {text['characters']:,} characters in {text['cpu_seconds']} CPU-s")
    for row in report["template_notes"]:
        print(f"undated merge: {row['articles']:,} notes in {row['cpu_seconds']} CPU-s")


if __name__ == "__main__":
    main()

"""Speed of a full analysis, as a ratio against spaCy's own full pipeline on the same texts.

    python -m bench.run [--repeat N]

Texts: the project's example article and, when `../shared/corpus` is present, the
development corpus. Both sides load their model before timing starts, and both
see the same texts in the same order; the ratio (communique time / spaCy time)
is what to compare across changes, since absolute speeds vary by machine.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from communique.nlp import load_model
from communique.pipeline import Pipeline
from communique.readers import article_from_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev_diplomacy.jsonl"
RESULTS = Path(__file__).resolve().parent / "results.json"


def load_texts() -> list[str]:
    texts = [(ROOT / "examples" / "talks_article.txt").read_text(encoding="utf-8")]
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts")
    args = parser.parse_args(argv)
    texts = load_texts() * args.repeat
    words = sum(len(t.split()) for t in texts)
    nlp = load_model()
    pipeline = Pipeline()
    pipeline(article_from_text(texts[0], source="warm-up", published="2025-01-01"))
    pipeline.timings = dict.fromkeys(pipeline.timings, 0.0)

    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    spacy_seconds = time.perf_counter() - started

    docs = [
        article_from_text(t, source=f"text {i}", published="2025-01-01")
        for i, t in enumerate(texts)
    ]
    started = time.perf_counter()
    for _ in pipeline.run(docs):
        pass
    ours_seconds = time.perf_counter() - started

    parse = pipeline.timings.get("communique.parse.v1", 0.0)
    result = {
        "texts": len(texts),
        "words": words,
        "spacy_seconds": round(spacy_seconds, 3),
        "communique_seconds": round(ours_seconds, 3),
        "ratio_vs_spacy": round(ours_seconds / spacy_seconds, 3),
        "spacy_words_per_second": round(words / spacy_seconds),
        "communique_words_per_second": round(words / ours_seconds),
        "stage_seconds": {k: round(v, 3) for k, v in pipeline.timings.items()},
        "stage_share_of_parse": {
            k: round(v / parse, 3) for k, v in pipeline.timings.items() if parse
        },
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How long the entity stages take beside entity recognition (used by
``benchmarks/entities_accuracy.py``): the re-read windows (what they add to the
chunks' batch) and the stages' own work (chunk stages, merging with figures, the
document pass) beyond taking the model's spans, which any analysis does. Finding the
figures is not counted: the figures table needs them anyway.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from entities_accuracy import CachedNlp, _figures_of, stage_entities

from desktop.nlp.chunks import paragraph_chunks
from desktop.nlp.entities.casing import CaseEvidence, plan_reread
from desktop.nlp.entities.chunk import model_spans
from desktop.nlp.entities.words import sort_spans
from desktop.nlp.pipeline import load_pipeline


def best_ms(action: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs: the least disturbed by other work on the machine."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times) * 1000


def print_timing(name: str, texts: list[str], repeat: int) -> None:
    nlp = load_pipeline()
    chunked = [list(paragraph_chunks(text)) for text in texts]
    chunk_texts = [c.text for chunks in chunked for c in chunks]
    cached = CachedNlp(nlp)
    evidence = [CaseEvidence.of(text) for text in texts]
    windows = [w for chunks, ev in zip(chunked, evidence) for c in chunks
               for (_, _, w) in plan_reread(c.text, ev).windows]
    list(cached.pipe(chunk_texts + windows))
    for text in chunk_texts:
        _figures_of(text)

    def recognition() -> None:
        list(nlp.pipe(chunk_texts, batch_size=128))

    def reread_windows() -> None:
        list(nlp.pipe(windows, batch_size=128))

    def stage_work() -> None:
        for text in texts:
            stage_entities(text, cached)

    def bare_work() -> None:  # what any analysis does: the model's spans of each chunk, as EntitySpans
        for text in texts:
            chunks = list(paragraph_chunks(text))
            docs = cached.pipe(c.text for c in chunks)
            sort_spans(s.shifted(c.offset) for c, doc in zip(chunks, docs) for s in model_spans(doc))

    ner_ms = best_ms(recognition, repeat)
    # The windows ride in the chunks' batch, where they cost their share of the tokens;
    # read on their own (one pipe call more) is an upper bound, shown beside it.
    windows_ms = ner_ms * sum(map(len, windows)) / sum(map(len, chunk_texts))
    alone_ms = best_ms(reread_windows, repeat) if windows else 0.0
    work_ms = best_ms(stage_work, repeat) - best_ms(bare_work, repeat)
    print(f"\nTiming on {name} ({sum(map(len, texts))} characters, best of {repeat} runs; "
          f"pipes: {', '.join(nlp.pipe_names)}):")
    rows = [
        ("entity recognition (tokenizer and ner)", ner_ms, ""),
        (f"re-read of {len(windows)} all-caps window(s), in the chunks' batch", windows_ms,
         f" (read on their own: {alone_ms:.1f} ms)"),
        ("the stages' own work (beyond taking the model's spans)", work_ms, ""),
        ("entity stages in all", windows_ms + work_ms,
         f" = {(windows_ms + work_ms) / ner_ms:.1%} of entity recognition"),
    ]
    for label, ms, note in rows:
        print(f"  {label:<56}{ms:8.1f} ms{note}")

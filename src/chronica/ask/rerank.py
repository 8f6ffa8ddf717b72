"""Optional re-ranking of full-text hits by meaning: WordLlama's small static embeddings,
whose weights ship inside the PyPI wheel (no download, no network, no GPU).

Install the `ask` extra (`pip install chronica[ask]`); bench/ask.py --rerank measures it.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import ChronicaError
from .model import Passage

# the full-text score still counts: a passage must share words AND meaning with the question
FTS_WEIGHT = 0.5


class WordLlamaReranker:
    def __init__(self):
        try:
            import wordllama
            from wordllama import WordLlama
        except ImportError:
            raise ChronicaError("re-ranking needs the WordLlama package: pip install 'wordllama==0.4.0.post1'") from None
        self.model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)

    def __call__(self, question: str, found: list[Passage]) -> list[Passage]:
        if len(found) < 2:
            return found
        sims = dict(self.model.rank(question, [p.text for p in found], sort=False))
        top = max(p.score for p in found) or 1.0
        scored = [(FTS_WEIGHT * p.score / top + (1 - FTS_WEIGHT) * sims.get(p.text, 0.0), i, p) for i, p in enumerate(found)]
        scored.sort(key=lambda x: (-x[0], x[1]))
        return [replace(p, score=round(s, 4)) for s, _, p in scored]

